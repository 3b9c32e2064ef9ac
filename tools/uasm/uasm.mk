# The microassembler and the configuration microcode image. Included by the
# top Makefile.
#
# Variables for other parts of the build:
#   UASM        the assembler binary (build/uasm/uasm)
#   UCODE_DIR   where the configuration image goes (build/ucode)
#   UCODE_DEF   the field-definition file; UCODE_SRC the *.uc sources
#   UCODE_OUTS  every file of the configuration image: make RTL, harness and
#               kernel objects depend on it (or on the one file they read)
#   UCODE_DOC   the generated Markdown reference (docs/microcode.md)
# Targets: `make ucode` assembles; $(UCODE_DIR)/cs.hex is in ALL_TARGETS.
#
# Run-time images (routines loaded through the load port at run time): for
# any source dir/name.uc the rule below makes build/ucode/img/dir/name.c with
#   const struct uc_pair uc_<name>[];  const unsigned uc_<name>_count;
# (name with '-' and '.' turned into '_'), its labels resolved against the
# configuration image through $(UCODE_DIR)/ucode.sym. Depend on, e.g.,
#   build/ucode/img/firmware/kernel/fastpath.c
# and compile it like any C file; it needs only <stdint.h>. $(call
# uc_array_name,FILE) gives the array name for a source file.

UASM       := build/uasm/uasm
UCODE_DIR  := build/ucode
UCODE_DEF  := rtl/wcs/ucode/fields.def
UCODE_SRC  := $(sort $(wildcard rtl/wcs/ucode/*.uc))
UCODE_DOC  := docs/microcode.md
UCODE_OUTS := $(addprefix $(UCODE_DIR)/,cs.hex dispatch.hex ucode_fields.vh ucode_syms.vh \
                predecode.vh ucode_names.vh ucode.h ucode.sym ucode.lst)

uc_array_name = uc_$(subst -,_,$(subst .,_,$(basename $(notdir $(1)))))

$(UASM): tools/uasm/uasm.c
	@mkdir -p $(@D)
	gcc -O2 -Wall -Wextra -o $@ $<

$(UCODE_OUTS) $(UCODE_DOC) &: $(UASM) $(UCODE_DEF) $(UCODE_SRC)
	@mkdir -p $(UCODE_DIR)
	$(UASM) -d $(UCODE_DEF) -o $(UCODE_DIR) --doc $(UCODE_DOC) $(UCODE_SRC)

build/ucode/img/%.c: %.uc $(UCODE_DIR)/ucode.sym $(UASM)
	@mkdir -p $(@D)
	$(UASM) -d $(UCODE_DEF) --base $(UCODE_DIR)/ucode.sym --c-array $(call uc_array_name,$<) -o $@ $<

.PHONY: ucode
ucode: $(UCODE_OUTS)

# Until the microcode exists, `make all` builds only the assembler.
ifneq ($(and $(wildcard $(UCODE_DEF)),$(UCODE_SRC)),)
ALL_TARGETS += $(UCODE_DIR)/cs.hex
else
ALL_TARGETS += $(UASM)
endif
