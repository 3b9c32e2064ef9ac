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

CORE_RTL     := rtl/core/av_core.sv rtl/core/av_regfile.sv rtl/wcs/av_wcs.sv
RTL_SRCS     := $(CORE_RTL)
CORE_INCDIRS := -Ibuild/ucode
CORE_DEPS    := build/ucode/cs.hex build/ucode/dispatch.hex build/ucode/ucode_fields.vh \
                build/ucode/ucode_syms.vh build/ucode/predecode.vh

LINT_DEPS += $(CORE_DEPS)
LINT_CMDS += verilator --lint-only -Wall $(CORE_INCDIRS) --top-module av_core $(CORE_RTL) || exit 1;
LINT_CMDS += verilator --lint-only -Wall -DAV_RVFI $(CORE_INCDIRS) --top-module av_core $(CORE_RTL) || exit 1;

# LUT count of the core alone (no retire port), as the board build would see it.
.PHONY: core-synth
core-synth: $(CORE_DEPS)
	@mkdir -p build/core
	yosys -q -l build/core/synth.log -p 'read_verilog -sv $(CORE_INCDIRS) $(CORE_RTL); synth_ice40 -dsp -top av_core; stat' >/dev/null
	@grep -A40 'Printing statistics' build/core/synth.log | grep -E 'SB_LUT4|SB_DFF|SB_RAM|SB_MAC|SB_CARRY|cells' | head -20
