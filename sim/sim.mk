# Verilator harness (build/sim/accentv-sim), the boot ROM image, and the
# machine set-up the harness shares with the reference ISS. Included by the
# top Makefile.
#
# For the ISS (sim/iss/iss.mk): link $(BOOT_SRCS) compiled with $(BOOT_CFLAGS),
# make its objects depend on $(BOOT_GEN), and link with $(BOOT_LIBS).
# (sim/iss/iss.mk is read before this file, and tools/uasm/uasm.mk after it:
# variables from either are used here only in recipes or through secondary
# expansion.)
#
# Variables for others:
#   SIM_BIN        the harness binary
#   SOC_SRCS       the SoC's RTL (package first); SOC_INCDIRS its include dirs
#   SOC_BOOTROM    the assembled boot ROM, raw binary (build/soc/bootrom.bin)

SOC_BUILD   := build/soc
SIM_BUILD   := build/sim
SIM_BIN     := $(SIM_BUILD)/accentv-sim

BOOT_SRCS   := sim/boot.c sim/elfload.c
BOOT_GEN    := $(SOC_BUILD)/boot_blobs.h $(GEN)/memmap.h
BOOT_CFLAGS := -Isim -I$(SOC_BUILD) -I$(GEN)
BOOT_LIBS   := -lelf -lfdt

SOC_SRCS    := rtl/soc/av_memmap_pkg.sv rtl/soc/av_ram.sv rtl/soc/av_bootrom.sv \
               rtl/soc/av_clint.sv rtl/soc/av_uart.sv rtl/soc/av_soc.sv
SOC_INCDIRS := $(GEN)
SOC_BOOTROM := $(SOC_BUILD)/bootrom.bin

# ---- boot ROM: assembled with the cross toolchain, then compiled in -------
$(SOC_BUILD)/bootrom.elf: rtl/soc/bootrom.S
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ARCH) -nostdlib -nostartfiles -Wl,-Ttext=0 -Wl,--build-id=none -o $@ $<
$(SOC_BUILD)/bootrom.bin: $(SOC_BUILD)/bootrom.elf
	$(RV_OBJCOPY) -O binary -j .text $< $@
$(SOC_BUILD)/boot_blobs.h: $(SOC_BUILD)/bootrom.bin $(GEN)/soc.dtb sim/bin2c.py
	python3 sim/bin2c.py $@ bootrom_bin=$(SOC_BUILD)/bootrom.bin soc_dtb=$(GEN)/soc.dtb

# ---- the harness ------------------------------------------------------------
# The core's sources come from rtl/rtl.mk (CORE_RTL, CORE_INCDIRS, CORE_DEPS);
# SIM_CORE_SRCS overrides (e.g. to try the SoC with another core).
SIM_CORE_SRCS ?= $(CORE_RTL)
SIM_RTL   = sim/sim.vlt $(SIM_CORE_SRCS) $(SOC_SRCS) sim/av_sim_top.sv
SIM_CXX   := sim/main.cpp
SIM_HDRS  := sim/rvfi.h sim/boot.h sim/elfload.h

# The reference ISS's library (co-simulation, disassembler) when it exists;
# it already contains boot.c and elfload.c.
SIM_ISS_OBJS = $(filter-out %/main.o,$(ISS_OBJS))
SIM_CDEFS = $(if $(wildcard sim/iss/disasm.c),-DAV_HAVE_DISASM) \
            $(if $(shell grep -ls cosim_step sim/iss/cosim.h),-DAV_HAVE_COSIM) \
            $(if $(filter %ucode_names.vh,$(SIM_UCODE)),+define+AV_UCODE_NAMES) \
            $(if $(filter %ucode.h,$(SIM_UCODE)),-DAV_HAVE_UCODE_H)
# The core reads the microassembler's outputs; none until the microcode exists.
SIM_UCODE = $(if $(wildcard $(UCODE_DEF)),$(UCODE_OUTS) $(CORE_DEPS))
SIM_LIB_OBJS = $(if $(ISS_OBJS),$(SIM_ISS_OBJS),$(SIM_BUILD)/boot.o $(SIM_BUILD)/elfload.o)

$(SIM_BUILD)/%.o: sim/%.c $(SIM_HDRS) $(BOOT_GEN)
	@mkdir -p $(@D)
	$(CC) -O2 -g -Wall -Wextra $(BOOT_CFLAGS) -c -o $@ $<

# Verilator: -O2 on the model (its default is -Os), X assignments as whatever
# is fastest, initial state all zero (as the ISS starts: RAM, registers),
# two make jobs (the machine has two cores), the FST writer in its own thread
# (it costs nothing unless --trace is given). The C objects go in -LDFLAGS
# so that they come before the libraries they need on the link line.
SIM_VFLAGS := --cc --exe --build -j 2 --top-module av_sim_top -Wno-fatal \
              -DAV_RVFI -DAV_SIM --trace-fst --trace-threads 1 --x-assign fast --x-initial 0 \
              -MAKEFLAGS 'OPT_FAST=-O2 OPT_SLOW=-O1 OPT_GLOBAL=-O2'

.SECONDEXPANSION:
$(SIM_BIN): $$(SIM_RTL) $$(SIM_UCODE) $(SIM_CXX) $(SIM_HDRS) $$(SIM_LIB_OBJS) \
            $(BOOT_GEN) $(GEN)/csr.vh sim/sim.mk
	@mkdir -p $(SIM_BUILD)/obj
	@# (Verilator's own make does not know the C objects: without the binary
	@# it must link again, so a changed ISS object reaches the harness)
	@rm -f $@
	verilator $(SIM_VFLAGS) -Mdir $(SIM_BUILD)/obj -o $(abspath $@) \
	  -I$(GEN) $(CORE_INCDIRS) $(filter +define+%,$(SIM_CDEFS)) \
	  -GCS_INIT='"$(abspath $(UCODE_DIR)/cs.hex)"' -GDISP_INIT='"$(abspath $(UCODE_DIR)/dispatch.hex)"' \
	  -CFLAGS '-Wall -Wextra -I$(abspath sim) -I$(abspath $(GEN)) -I$(abspath $(SOC_BUILD)) -I$(abspath $(UCODE_DIR)) $(filter -D%,$(SIM_CDEFS))' \
	  -LDFLAGS '$(abspath $(SIM_LIB_OBJS)) $(if $(ISS_OBJS),$(ISS_LIBS),$(BOOT_LIBS))' \
	  $(SIM_RTL) $(abspath $(SIM_CXX))

.PHONY: sim-build
sim-build: $(SIM_BIN)
# Part of `make all` once there is a core to simulate.
ifneq ($(wildcard rtl/core/av_core.sv),)
ALL_TARGETS += $(SIM_BIN)
endif

# Lint: the SoC with the core, with and without the retire port, and the
# harness's top.
SOC_LINT := verilator --lint-only -Wall -I$(GEN) $(CORE_INCDIRS)
LINT_DEPS += $(GEN)/memmap.vh build/ucode/ucode_names.vh
LINT_CMDS += $(SOC_LINT) --top-module av_soc $(SOC_SRCS) $(CORE_RTL) || exit 1;
LINT_CMDS += $(SOC_LINT) -DAV_RVFI --top-module av_soc $(SOC_SRCS) $(CORE_RTL) || exit 1;
LINT_CMDS += $(SOC_LINT) -DAV_RVFI +define+AV_UCODE_NAMES --top-module av_sim_top $(SOC_SRCS) $(CORE_RTL) sim/av_sim_top.sv || exit 1;

# ---- the harness's own test programs (suite tests/sim) --------------------
SIMT_BUILD := build/tests/sim
SIMT_SRCS  := $(sort $(wildcard tests/sim/*.S))
SIMT_ELFS  := $(patsubst tests/sim/%.S,$(SIMT_BUILD)/%.elf,$(SIMT_SRCS)) \
              $(SIMT_BUILD)/outside.elf $(SIMT_BUILD)/rv64.elf
SIMT_FLAGS := -nostdlib -nostartfiles -Wl,--no-relax -Itests/sim -I$(GEN)

$(SIMT_BUILD)/%.elf: tests/sim/%.S tests/sim/sim.h tests/sim/link.ld $(GEN)/memmap.h
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ARCH) $(SIMT_FLAGS) -T tests/sim/link.ld -o $@ $<
# A valid RV32 program linked where there is no RAM: the harness refuses it.
$(SIMT_BUILD)/outside.elf: tests/sim/pass_tohost.S tests/sim/sim.h tests/sim/link.ld $(GEN)/memmap.h
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ARCH) $(SIMT_FLAGS) -T tests/sim/link.ld -Wl,--section-start=.text=0x40000000 \
	  -Wl,--section-start=.tohost=0x40001000 -o $@ $<
# The same program as RV64: the wrong ELF class.
$(SIMT_BUILD)/rv64.elf: tests/sim/pass_tohost.S tests/sim/sim.h tests/sim/link.ld $(GEN)/memmap.h
	@mkdir -p $(@D)
	$(RV_CC) -march=rv64i -mabi=lp64 $(SIMT_FLAGS) -T tests/sim/link.ld -o $@ $<

.PHONY: sim-tests
sim-tests: $(SIMT_ELFS)
