# The core and the writable control store. Included by the top Makefile.
#
# Variables for other parts of the build (the SoC, the harness, the board):
#   CORE_RTL      the core's source files (module av_core and what it uses)
#   RTL_SRCS      the same (the name sim/sim.mk reads)
#   CORE_INCDIRS  include directories they need (-I flags): the microcode
#                 image's generated headers (ucode_fields.vh, ucode_syms.vh,
#                 predecode.vh) live in $(UCODE_DIR)
#   CORE_DEPS     files that must exist before the core compiles (the
#                 assembled microcode: headers and cs.hex/dispatch.hex)
# av_core reads build/ucode/cs.hex and dispatch.hex with $readmemh (parameters
# CS_INIT/DISP_INIT), relative to the directory the simulation runs in.

CORE_RTL     := rtl/core/av_core.sv rtl/core/av_regfile.sv rtl/core/av_tlb.sv rtl/wcs/av_wcs.sv
RTL_SRCS     := $(CORE_RTL)
CORE_INCDIRS := -Ibuild/ucode
CORE_DEPS    := build/ucode/cs.hex build/ucode/dispatch.hex build/ucode/ucode_fields.vh \
                build/ucode/ucode_syms.vh build/ucode/predecode.vh

LINT_DEPS += $(CORE_DEPS)
LINT_CMDS += verilator --lint-only -Wall $(CORE_INCDIRS) --top-module av_core $(CORE_RTL) || exit 1;
LINT_CMDS += verilator --lint-only -Wall -DAV_RVFI $(CORE_INCDIRS) --top-module av_core $(CORE_RTL) || exit 1;

# After synth_ice40: the core's hand-placed DSP accumulators become SB_MAC16s
# (av_core.sv, av_mac16: Yosys's ice40_dsp would rewrite them as multipliers).
ICE40_DSP_FIXUP := chtype -map av_mac16 SB_MAC16

# LUT count of the core alone (no retire port), as the board build would see it
# (the same synth_ice40 flags as boards/icebreaker/board.mk's IB_SYNTH_FLAGS).
.PHONY: core-synth
core-synth: $(CORE_DEPS)
	@mkdir -p build/core
	yosys -q -l build/core/synth.log -p 'read_verilog -sv $(CORE_INCDIRS) $(CORE_RTL); synth_ice40 -dsp -abc2 -top av_core; $(ICE40_DSP_FIXUP); tee -o build/core/stat.txt stat' >/dev/null
	@# the totals (av_wcs is kept as a hierarchy level, so the per-module blocks come first)
	@sed -n '/=== design hierarchy ===/,$$p' build/core/stat.txt | grep -E 'SB_LUT4|SB_DFF|SB_RAM|SB_MAC|SB_CARRY|cells' | head -20

# ---- the load-port test (tests/ucode/loadport.S, run by tests/wcs/suite.py)
# The program links the run-time image of tests/ucode/loadport.uc (uasm
# --c-array, rule in tools/uasm/uasm.mk) with the assembly-test framework.
# (Prerequisites name paths literally: tests/tests.mk is read after this file.)
WCST_BUILD := build/tests/wcs
$(WCST_BUILD)/loadport.elf: tests/ucode/loadport.S build/ucode/img/tests/ucode/loadport.c \
                            build/tests/common/start.o tests/common/test.h tests/common/link.ld \
                            tests/priv/priv.h $(GEN)/csr.h $(GEN)/memmap.h
	@mkdir -p $(@D)
	$(RV_CC) $(TEST_ASFLAGS) -Itests/priv -c -o $(@D)/loadport.o tests/ucode/loadport.S
	$(RV_CC) $(RV_ARCH) -O2 -ffreestanding -c -o $(@D)/loadport_img.o build/ucode/img/tests/ucode/loadport.c
	$(RV_CC) $(TEST_LDFLAGS) -o $@ build/tests/common/start.o $(@D)/loadport.o $(@D)/loadport_img.o
	$(RV_OBJDUMP) -d -M no-aliases,numeric $@ > $(@:.elf=.dump)
.PHONY: wcs-tests
wcs-tests: $(WCST_BUILD)/loadport.elf
