# Accent-V firmware: the kernel (with its M-mode shim), the user library, user
# programs and the kernel images (kernel + packed user ELFs).
#
#   build/fw/kernel.elf          the demo image: init = firmware/user/init.c
#   build/fw/ktest/<t>.elf       one image per tests/kernel/<t>.c (init = the test)
#   make run                     the demo on the simulated SoC (RTL)
#   make run-qemu                the demo on QEMU
#   make run-prog PROG=file.c    your program as init, on the simulated SoC (run-prog-qemu: QEMU)
FW        := build/fw
FW_INC    := -I$(GEN) -Ifirmware/include -Ifirmware/kernel -Ifirmware/lib
K_CFLAGS  := $(RV_ARCH) --specs=picolibc.specs -Os -g -Wall -Wextra -Werror=implicit-function-declaration \
             -ffreestanding -fno-common -mcmodel=medany -mstrict-align $(FW_INC)
U_CFLAGS  := $(RV_CFLAGS) -Os -Werror=implicit-function-declaration -Ifirmware/include -Ifirmware/lib -I$(GEN)
U_LDFLAGS := $(RV_LDARCH) -DPICOLIBC_INTEGER_PRINTF_SCANF -nostartfiles -T firmware/user/user.ld -Wl,-z,max-page-size=4096 -Wl,--gc-sections

K_SRCS    := $(wildcard firmware/kernel/*.c firmware/kernel/*.S)
K_OBJS    := $(patsubst firmware/kernel/%,$(FW)/kernel/%.o,$(K_SRCS))
# Size pays for speed (the kernel's 40 KiB): files off the message path save
# and restore callee-saved registers through libgcc's shared routines (a
# call each way instead of inline stores and loads: about 3.5 KiB smaller);
# the message path (messages, calls, traps, scheduling, names) keeps them inline.
K_HOT     := msg syscall trap proc vm frame
K_COLD    := $(filter-out $(patsubst %,$(FW)/kernel/%.c.o,$(K_HOT)),$(filter %.c.o,$(K_OBJS)))
$(K_COLD): K_CFLAGS += -msave-restore
# The cold files' data and strings at their natural alignment, not each
# padded to a word (print formats, boot and statistics tables: 48 B)
K_NATURAL := $(patsubst %,$(FW)/kernel/%.c.o,console stats audit fdt elf main request shim)
$(K_NATURAL): K_CFLAGS += -malign-data=natural
# the VM fast-path microcode (rtl/wcs/fastpaths.uc) as the run-time image the
# kernel loads (av_ucode_fastpaths[], {target, lo, hi} triples)
K_OBJS    += $(FW)/kernel/fastpaths.o
L_SRCS    := $(wildcard firmware/lib/*.c)
L_OBJS    := $(patsubst firmware/lib/%.c,$(FW)/lib/%.o,$(L_SRCS))
U_PROGS   := $(patsubst firmware/user/%.c,%,$(wildcard firmware/user/*.c))
U_ELFS    := $(patsubst %,$(FW)/user/%.elf,$(U_PROGS))
KT_NAMES  := $(patsubst tests/kernel/%.c,%,$(wildcard tests/kernel/*.c))
KT_IMGS   := $(patsubst %,$(FW)/ktest/%.elf,$(KT_NAMES))
GEN_HDRS  := $(GEN)/csr.h $(GEN)/memmap.h $(GEN)/vm_contract.h $(GEN)/rt_contract.h
# programs packed beside init: the image's own list (a test says /* pack: a b */)
pack_list = $(foreach p,$(1),$(p)=$(FW)/user/$(p).elf.strip)

ALL_TARGETS += $(FW)/kernel.elf
QEMU_CMD := $(shell python3 tools/qemu_ref.py)

$(GEN)/vm_contract.h: firmware/include/vm_contract.def tools/gen/vmcontract.py
	python3 tools/gen/vmcontract.py $< $(GEN)
gen: $(GEN)/vm_contract.h
# the round trip's microcode contract (docs/ipc-microcode.md): kernel and ISS
$(GEN)/rt_contract.h: firmware/include/rt_contract.def tools/gen/vmcontract.py
	python3 tools/gen/vmcontract.py $< $(GEN) rt_contract.h RTC
gen: $(GEN)/rt_contract.h

$(FW)/kernel/%.c.o: firmware/kernel/%.c $(GEN_HDRS) $(wildcard firmware/kernel/*.h firmware/include/*.h) firmware/firmware.mk
	@mkdir -p $(dir $@)
	$(RV_CC) $(K_CFLAGS) -c $< -o $@
$(FW)/kernel/%.S.o: firmware/kernel/%.S $(GEN_HDRS) $(wildcard firmware/kernel/*.h firmware/include/*.h)
	@mkdir -p $(dir $@)
	$(RV_CC) $(K_CFLAGS) -c $< -o $@
# The image's data goes in the image's .pack area with the packed programs:
# the kernel's 40 KiB (text, data, bss) is for the kernel's own code.
# Two words a microinstruction (tools/uasm/ucpack.py): the image stays
# within a page of the 128 KiB board's RAM. The round trip's routine (RT
# and what follows it in fastpaths.uc) is a second image, av_ucode_rt, in
# its own pages (.rtimage, kernel.ld), which the kernel frees once loaded.
$(FW)/kernel/fastpaths.c: rtl/wcs/fastpaths.uc build/ucode/ucode.sym build/uasm/uasm tools/uasm/ucpack.py
	@mkdir -p $(dir $@)
	$(UASM) -d $(UCODE_DEF) --base $(UCODE_DIR)/ucode.sym --c-array av_ucode_fastpaths -o $@.triples.c $<
	python3 tools/uasm/ucpack.py $@.triples.c $@ --split RT av_ucode_rt .rtimage
$(FW)/kernel/fastpaths.o: $(FW)/kernel/fastpaths.c
	$(RV_CC) $(K_CFLAGS) -fdata-sections -c $< -o $@.tmp.o
	$(RV_OBJCOPY) $$(for s in $$($(RV_PREFIX)objdump -h $@.tmp.o | awk '$$2 ~ /^\.s?rodata/ {print $$2}'); do \
	    echo --rename-section $$s=.pack,alloc,load,readonly,data,contents; done) $@.tmp.o $@
	rm -f $@.tmp.o
$(FW)/lib/%.o: firmware/lib/%.c $(GEN_HDRS) $(wildcard firmware/lib/*.h firmware/include/*.h)
	@mkdir -p $(dir $@)
	$(RV_CC) $(U_CFLAGS) -c $< -o $@
$(FW)/lib/crt0.o: firmware/lib/crt0.S
	@mkdir -p $(dir $@)
	$(RV_CC) $(U_CFLAGS) -c $< -o $@
$(FW)/lib/libav.a: $(L_OBJS) $(FW)/lib/crt0.o
	rm -f $@ && $(RV_PREFIX)ar rcs $@ $(L_OBJS)

# A user program: $< compiled and linked with the user library ($@, and
# $@.strip for packing)
define user_elf
	@mkdir -p $(dir $@)
	$(RV_CC) $(U_CFLAGS) -c $< -o $@.o
	$(RV_CC) $(U_LDFLAGS) $(FW)/lib/crt0.o $@.o $(FW)/lib/libav.a -o $@
	$(RV_OBJCOPY) --strip-all $@ $@.strip
endef
$(FW)/user/%.elf: firmware/user/%.c $(FW)/lib/libav.a firmware/user/user.ld
	$(user_elf)
$(FW)/ktest/prog/%.elf: tests/kernel/%.c $(wildcard tests/kernel/*.h) $(FW)/lib/libav.a firmware/user/user.ld
	$(user_elf)

# An image: kernel objects + a pack whose "init" is the given program. The
# fast-path microcode goes after the (page-aligned) pack, in its last page.
# $(1) image, $(2) init ELF, $(3) boot options, $(4) other programs to pack
define fw_image
	@mkdir -p $(dir $(1))
	python3 firmware/kernel/mkpack.py $(1).pack.S "$(3)" init=$(2).strip $(call pack_list,$(4))
	$(RV_CC) $(K_CFLAGS) -c $(1).pack.S -o $(1).pack.o
	$(RV_CC) $(RV_LDARCH) -nostartfiles -T firmware/kernel/kernel.ld $(filter-out $(FW)/kernel/fastpaths.o,$(K_OBJS)) \
	    $(1).pack.o $(FW)/kernel/fastpaths.o -o $(1) -Wl,--no-warn-rwx-segments
	$(RV_OBJDUMP) -d $(1) > $(1).dis
endef

$(FW)/kernel.elf: $(K_OBJS) $(U_ELFS) firmware/kernel/kernel.ld firmware/kernel/mkpack.py firmware/firmware.mk
	$(call fw_image,$@,$(FW)/user/init.elf,$(BOOTARGS),)
	@$(RV_PREFIX)size $@ | tail -1 | awk '{print "kernel image: text+data+bss (with packed programs) " $$4 " bytes"}'

# the round trip's microcode twins (rt_*.c) include another test's source
$(patsubst %,$(FW)/ktest/prog/%.elf,$(filter rt_%,$(KT_NAMES))): $(wildcard tests/kernel/*.c)
$(FW)/ktest/%.elf: $(FW)/ktest/prog/%.elf $(K_OBJS) $(U_ELFS) firmware/kernel/kernel.ld firmware/kernel/mkpack.py firmware/firmware.mk
	$(call fw_image,$@,$<,$(shell sed -n 's/.*bootargs: *\(.*\)\*\/.*/\1/p' tests/kernel/$*.c | head -1),$(shell sed -n 's/.* pack: *\([a-z0-9_ ]*\)\*\/.*/\1/p' tests/kernel/$*.c | head -1))

# Your own program as init (`make run-prog PROG=file.c`, one C file against
# av.h and picolibc): build/fw/prog/<name>.elf is the kernel with it, run on
# the simulated SoC, or on QEMU with run-prog-qemu. BOOTARGS as for the
# demo; PACK='hello exit0' packs programs of firmware/user beside it, for
# av_spawn by name.
PROG_NAME := $(basename $(notdir $(PROG)))
PROG_IMG  := $(FW)/prog/$(PROG_NAME).elf
ifneq ($(PROG),)
$(FW)/prog/$(PROG_NAME).init.elf: $(PROG) $(FW)/lib/libav.a firmware/user/user.ld
	$(user_elf)
$(PROG_IMG): $(FW)/prog/$(PROG_NAME).init.elf $(K_OBJS) $(U_ELFS) firmware/kernel/kernel.ld firmware/kernel/mkpack.py firmware/firmware.mk
	$(call fw_image,$@,$<,$(BOOTARGS),$(PACK))
endif
.PHONY: run-prog run-prog-qemu prog-given
prog-given:
	@test -n "$(PROG)" || { echo "run-prog: name the program: make run-prog PROG=file.c" >&2; exit 2; }
	@test -f "$(PROG)" || { echo "run-prog: $(PROG): no such file" >&2; exit 2; }
# (the image is linked afresh each time: BOOTARGS and PACK may differ)
run-prog: prog-given
	rm -f $(PROG_IMG) && $(MAKE) --no-print-directory $(PROG_IMG) $(SIM_BIN)
	$(SIM_BIN) --stats $(ARGS) $(PROG_IMG)
run-prog-qemu: prog-given
	rm -f $(PROG_IMG) && $(MAKE) --no-print-directory $(PROG_IMG)
	$(QEMU_CMD) -kernel $(PROG_IMG) $(if $(APPEND),-append '$(APPEND)')

# `make run`: the kernel and its demo (init.c) on the simulated SoC. It
# passes on the RTL (measured: about 91 million cycles); tests/tests.mk's
# hello demo is the fallback (its RUN_DEPS/RUN_CMD are ?=, read after this).
RUN_DEPS = $(FW)/kernel.elf $(SIM_BIN)
RUN_CMD  = $(SIM_BIN) --stats $(FW)/kernel.elf

kernel-tests: $(KT_IMGS)
firmware: $(FW)/kernel.elf

.PHONY: run-qemu kernel-tests firmware fuzz-kernel
# APPEND='mem=128K' runs it in the board's RAM size; any boot options work
run-qemu: $(FW)/kernel.elf
	$(QEMU_CMD) -kernel $(FW)/kernel.elf $(if $(APPEND),-append '$(APPEND)')

# The seeded random system-call test, SEEDS times with different seeds.
SEEDS ?= 4
fuzz-kernel: $(FW)/ktest/fuzz.elf
	@pass=0; fail=0; for s in $$(seq 1 $(SEEDS)); do \
	  if AV_FUZZ_SEED=$$s python3 tests/run.py kernel -k fuzz --target qemu >/dev/null; then pass=$$((pass+1)); else fail=$$((fail+1)); echo "seed $$s failed"; fi; \
	done; echo "fuzz-kernel: $$pass passed, $$fail failed"; test $$fail = 0
