# Accent-V: every user-facing target lives here. Each part of the tree keeps
# its own build rules in a *.mk file beside its sources (tools/uasm/uasm.mk,
# rtl/rtl.mk, sim/sim.mk, sim/iss/iss.mk, firmware/firmware.mk,
# tests/tests.mk, boards/<board>/board.mk); this file composes them.
.DEFAULT_GOAL := all
SHELL := /bin/bash
.DELETE_ON_ERROR:

include mk/toolchain.mk

# Filled in by the component makefiles.
ALL_TARGETS :=
LINT_CMDS   :=
CLEAN_DIRS  := build

include $(sort $(wildcard tools/*/*.mk rtl/*.mk sim/*.mk sim/*/*.mk firmware/*.mk tests/*.mk boards/*/*.mk))

.PHONY: all deps gen run test lint clean sim bench-cpu bench fuzz-cpu fuzz-kernel test-qemu board flash

deps:
	@tools/deps.sh

# ---- generated from the single sources of truth -------------------------
$(GEN)/csr.h $(GEN)/csr.vh &: rtl/core/csr.def tools/gen/csr.py
	python3 tools/gen/csr.py $< $(GEN)
$(GEN)/memmap.h $(GEN)/memmap.vh $(GEN)/soc.dts &: rtl/soc/memmap.def tools/gen/memmap.py
	python3 tools/gen/memmap.py $< $(GEN)
$(GEN)/soc.dtb: $(GEN)/soc.dts
	dtc -q -I dts -O dtb -o $@ $<
gen: $(GEN)/csr.h $(GEN)/memmap.h $(GEN)/soc.dtb

all: deps
	$(MAKE) gen $(ALL_TARGETS)

# The main job: the demo on the simulated SoC (see README).
run: deps
	$(MAKE) $(RUN_DEPS)
	$(RUN_CMD)

# Every test; the runner's last line is "N passed, N failed".
test: deps
	python3 tests/run.py $(TESTARGS)

lint: deps
	$(MAKE) gen $(LINT_DEPS)
	$(LINT_CMDS)

# One ELF on the simulated SoC: make sim ELF=file [ARGS='harness options']
sim: deps
	@test -n "$(ELF)" || { echo "usage: make sim ELF=file [ARGS='...']" >&2; exit 2; }
	$(MAKE) $(SIM_BIN)
	$(SIM_BIN) $(ARGS) $(ELF)

clean:
	rm -rf $(CLEAN_DIRS)
