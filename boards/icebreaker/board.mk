# iCEBreaker (iCE40UP5K-SG48) build rules, included by the top Makefile:
#   make board BOARD=icebreaker   synthesise, place and route, pack; print use
#                                 and clock; fail when it does not fit, uses
#                                 more than 90% of the LUTs or misses the clock
#   make flash BOARD=icebreaker [FLASH_ELF=prog.elf]
#                                 write the bitstream and the program image
#   make board-sim                the board top in Verilator (tests/board)
#   make board-netlist-sim        its synthesised netlist in Verilator (tests/board)
# Knobs: IB_MHZ (SoC clock, default 12: the oscillator; the core's goal is 24,
# from the PLL, which it does not meet yet), IB_SEED (nextpnr seed),
# IB_BUILD (the build directory).

BOARD        ?= icebreaker
IB_DIR       := boards/icebreaker
IB_BUILD     ?= build/board/icebreaker
IB_MHZ       ?= 12
IB_SEED      ?= 1
IB_LUT_LIMIT := 90
# Where the program image lives in the SPI flash: after the bitstream (about
# 104 KiB). The one definition: the boot ROM, the flash recipe and the board
# simulation all take it from here.
FLASH_IMAGE_OFFSET := 0x100000
IB_RAM_BYTES := 0x20000
IB_ROM_BYTES := 2048
IB_BAUD      := 115200
# The program `make flash` writes: the kernel and its demo (make run's image).
FLASH_ELF    ?= build/fw/kernel.elf

# RTL: the core, the WCS and the SoC, with the board's RAM instead of the
# inferred one. The package comes first (Yosys reads files in order).
# rtl/rtl.mk is read after this file (includes go in path order), so the
# core's variables are used lazily: '=' here, $$(...) in prerequisites.
IB_RTL_CORE   = $(CORE_RTL)
IB_INCDIRS    = -I$(GEN) $(CORE_INCDIRS)
IB_RTL_SOC   := rtl/soc/av_memmap_pkg.sv \
                $(filter-out rtl/soc/av_memmap_pkg.sv rtl/soc/av_ram.sv,$(sort $(wildcard rtl/soc/*.sv)))
IB_RTL_BOARD := $(IB_DIR)/av_icebreaker_top.sv $(IB_DIR)/av_board_uart.sv \
                $(IB_DIR)/av_board_spi.sv $(IB_DIR)/av_ram.sv
IB_RTL        = $(IB_RTL_SOC) $(IB_RTL_CORE) $(IB_RTL_BOARD)
# What the core needs built first: the microcode images it $readmemh's into
# block RAM and the generated headers.
IB_UCODE      = $(CORE_DEPS)
.SECONDEXPANSION:

# ---- boot ROM --------------------------------------------------------------
$(IB_BUILD)/bootrom.elf: $(IB_DIR)/bootrom.S $(GEN)/memmap.h $(IB_DIR)/board.mk
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ARCH) -nostdlib -nostartfiles -Wl,-Ttext=0x1000 -Wl,--build-id=none \
	  -I$(GEN) -DFLASH_IMAGE_OFFSET=$(FLASH_IMAGE_OFFSET) \
	  -DRAM_BYTES=$(IB_RAM_BYTES) -o $@ $<
	$(RV_OBJDUMP) -d $@ > $(@:.elf=.dump)
$(IB_BUILD)/bootrom.hex: $(IB_BUILD)/bootrom.elf
	$(RV_OBJCOPY) -O binary $< $(@:.hex=.bin)
	python3 -c 'import sys,struct; b=open(sys.argv[1],"rb").read(); n=int(sys.argv[2]); \
	  assert len(b) <= n, f"boot ROM is {len(b)} bytes, more than {n}"; b=b.ljust(n,b"\0"); \
	  open(sys.argv[3],"w").write("".join("%08x\n" % w for w in struct.unpack("<%dI" % (n//4), b)))' \
	  $(@:.hex=.bin) $(IB_ROM_BYTES) $@

# ---- device tree: the SoC's, with the board's RAM size and clock ----------
$(IB_BUILD)/board.dtb: $(GEN)/soc.dts $(IB_DIR)/board.mk $(IB_BUILD)/knobs.txt
	@mkdir -p $(@D)
	sed -e 's/reg = <0x80000000 0x[0-9a-f]*>/reg = <0x80000000 $(IB_RAM_BYTES)>/' \
	    -e 's/clock-frequency = <[0-9]*>/clock-frequency = <$(IB_MHZ)000000>/' $< > $(@:.dtb=.dts)
	grep -q 'reg = <0x80000000 $(IB_RAM_BYTES)>' $(@:.dtb=.dts)
	dtc -q -I dts -O dtb -o $@ $(@:.dtb=.dts)

# ---- program image (for the flash, or the UART fallback) -------------------
$(IB_BUILD)/%.img: build/demo/%.elf $(IB_BUILD)/board.dtb $(IB_DIR)/mkimage.py
	python3 $(IB_DIR)/mkimage.py $< --dtb $(IB_BUILD)/board.dtb --ram-size $(IB_RAM_BYTES) -o $@
$(IB_BUILD)/flash.img: $(FLASH_ELF) $(IB_BUILD)/board.dtb $(IB_DIR)/mkimage.py
	python3 $(IB_DIR)/mkimage.py $< --dtb $(IB_BUILD)/board.dtb --ram-size $(IB_RAM_BYTES) -o $@

# ---- knobs as a file --------------------------------------------------------
# Rewritten only when IB_MHZ or IB_SEED change, so that what depends on them
# rebuilds then (and only then).
.PHONY: ib-force
$(IB_BUILD)/knobs.txt: ib-force
	@mkdir -p $(@D)
	@echo '$(IB_MHZ) $(IB_SEED)' | cmp -s - $@ || echo '$(IB_MHZ) $(IB_SEED)' > $@

# ---- clock: PLL dividers for IB_MHZ from icepll -----------------------------
# 12 and 6 MHz come from the oscillator without the PLL (its output starts
# at 16 MHz): a way to run a core that does not reach 16 MHz yet.
$(IB_BUILD)/pll.txt: $(IB_DIR)/board.mk $(IB_BUILD)/knobs.txt
	@mkdir -p $(@D)
ifeq ($(IB_MHZ),12)
	printf 'HZ 12000000\nSRC 1\n' > $@
else ifeq ($(IB_MHZ),6)
	printf 'HZ 6000000\nSRC 2\n' > $@
else
	icepll -i 12 -o $(IB_MHZ) > $@.raw
	awk '/achieved/ {printf "HZ %d\n", $$2 * 1000000 + 0.5} \
	     /^DIVR:/ {print "DIVR", $$2} /^DIVF:/ {print "DIVF", $$2} \
	     /^DIVQ:/ {print "DIVQ", $$2} /^FILTER_RANGE:/ {print "FILTER", $$2}' $@.raw > $@
	@grep -q '^HZ $(IB_MHZ)000000$$' $@ || { echo "icepll cannot make exactly $(IB_MHZ) MHz from 12 MHz:"; cat $@.raw; exit 1; }
endif

# ---- block RAM images ----------------------------------------------------------
# Synthesis and place and route see random stand-ins (unique bit patterns, so
# icebram can find every slice); icebram then swaps in the real microcode
# (control store, dispatch) and boot ROM. A new microcode image or boot ROM
# therefore costs only icebram and icepack, never a new place and route.
# Each stand-in takes its width and depth from the real image.
IB_UC_CS     := build/ucode/cs.hex
IB_UC_DISP   := build/ucode/dispatch.hex
# A stand-in is made anew only when its image's shape changes (its
# .shape file, rewritten only then: a 1 024-word control store left the
# 512-word stand-in of an older build, and icebram refused the swap).
define ib_seed
	@mkdir -p $(@D)
	icebram -g -s $(1) $$(( $$(head -1 $(2) | tr -d '\n' | wc -c) * 4 )) $$(wc -l < $(2)) > $@
endef
define ib_shape
	@mkdir -p $(@D)
	@s="$$(head -1 $(1) | tr -d '\n' | wc -c) $$(wc -l < $(1))"; echo "$$s" | cmp -s - $@ || echo "$$s" > $@
endef
$(IB_BUILD)/seed-cs.shape: ib-force | $(IB_UC_CS)
	$(call ib_shape,$(IB_UC_CS))
$(IB_BUILD)/seed-disp.shape: ib-force | $(IB_UC_DISP)
	$(call ib_shape,$(IB_UC_DISP))
$(IB_BUILD)/seed-rom.shape: ib-force | $(IB_BUILD)/bootrom.hex
	$(call ib_shape,$(IB_BUILD)/bootrom.hex)
$(IB_BUILD)/seed-cs.hex: $(IB_BUILD)/seed-cs.shape
	$(call ib_seed,11,$(IB_UC_CS))
$(IB_BUILD)/seed-disp.hex: $(IB_BUILD)/seed-disp.shape
	$(call ib_seed,12,$(IB_UC_DISP))
$(IB_BUILD)/seed-rom.hex: $(IB_BUILD)/seed-rom.shape
	$(call ib_seed,13,$(IB_BUILD)/bootrom.hex)
IB_SEEDS := $(IB_BUILD)/seed-cs.hex $(IB_BUILD)/seed-disp.hex $(IB_BUILD)/seed-rom.hex

# ---- synthesis, place and route, pack --------------------------------------
# -abc2 runs ABC's LUT mapping twice: 4762 -> 4726 ICESTORM_LC after packing
# (the 90% limit is 4752), same RTL.
IB_SYNTH_FLAGS := -abc2
# The top's parameters come from one place each: the PLL from icepll, the
# ROM image path, the clock for the UART divisor and the CLINT.
$(IB_BUILD)/synth.ys: $(IB_BUILD)/pll.txt $(IB_DIR)/board.mk rtl/rtl.mk
	{ echo "read_verilog -sv -DAV_BOARD_DEV $(IB_INCDIRS) $(IB_RTL)"; \
	  awk 'BEGIN{printf "chparam"} \
	       /^HZ/ {printf " -set CLK_HZ %s", $$2} /^DIVR/ {printf " -set PLL_DIVR %s", $$2} \
	       /^DIVF/ {printf " -set PLL_DIVF %s", $$2} /^DIVQ/ {printf " -set PLL_DIVQ %s", $$2} \
	       /^FILTER/ {printf " -set PLL_FILTER %s", $$2} /^SRC/ {printf " -set CLK_SRC %s", $$2} \
	       END{printf " "}' $<; \
	  echo "-set ROM_BYTES $(IB_ROM_BYTES) -set BAUD $(IB_BAUD) -set RAM_BYTES $$(($(IB_RAM_BYTES))) -set ROM_INIT \"$(IB_BUILD)/seed-rom.hex\" av_icebreaker_top"; \
	  echo "chparam -set CS_INIT \"$(IB_BUILD)/seed-cs.hex\" -set DISP_INIT \"$(IB_BUILD)/seed-disp.hex\" av_icebreaker_top"; \
	  echo "synth_ice40 -top av_icebreaker_top -dsp $(IB_SYNTH_FLAGS)"; \
	  echo "$(ICE40_DSP_FIXUP)"; \
	  echo "write_json $(IB_BUILD)/top.json"; \
	  echo "tee -o $(IB_BUILD)/stat.txt stat"; } > $@

$(IB_BUILD)/top.json: $(IB_BUILD)/synth.ys $$(IB_RTL) $(IB_SEEDS) $$(filter-out %.hex,$$(IB_UCODE)) \
                      $(GEN)/memmap.vh $(GEN)/csr.vh
	yosys -q -l $(IB_BUILD)/yosys.log -s $<

# --timing-allow-fail keeps the full report on a miss; board-report.py then
# fails the build itself, with the numbers.
$(IB_BUILD)/top-seed.asc $(IB_BUILD)/report.json &: $(IB_BUILD)/top.json $(IB_DIR)/icebreaker.pcf $(IB_BUILD)/knobs.txt
	rm -f $(IB_BUILD)/report.json
	nextpnr-ice40 -q --up5k --package sg48 --pcf $(IB_DIR)/icebreaker.pcf \
	  --json $< --asc $(IB_BUILD)/top-seed.asc --freq $(IB_MHZ) --seed $(IB_SEED) \
	  --timing-allow-fail --report $(IB_BUILD)/report.json -l $(IB_BUILD)/nextpnr.log

$(IB_BUILD)/top.asc: $(IB_BUILD)/top-seed.asc $(IB_SEEDS) $(IB_UC_CS) $(IB_UC_DISP) $(IB_BUILD)/bootrom.hex
	icebram $(IB_BUILD)/seed-cs.hex $(IB_UC_CS) < $< > $@.1
	icebram $(IB_BUILD)/seed-disp.hex $(IB_UC_DISP) < $@.1 > $@.2
	icebram $(IB_BUILD)/seed-rom.hex $(IB_BUILD)/bootrom.hex < $@.2 > $@
	rm -f $@.1 $@.2

$(IB_BUILD)/top.bin: $(IB_BUILD)/top.asc
	icepack $< $@

ifeq ($(BOARD),icebreaker)
# One board build at a time in this tree: builds share build/board/icebreaker,
# and two at once (say, two `make test` runs) would overwrite each other's
# netlist and report. flock(1) makes the second wait for the first.
board: deps
	$(MAKE) gen
	@mkdir -p $(IB_BUILD)
	flock $(IB_BUILD)/.lock $(MAKE) board-locked

.PHONY: board-locked
board-locked:
	$(MAKE) $(IB_BUILD)/top.json
	@# Fail fast on size: packing takes seconds, placing and routing a design
	@# that is over the limit takes many minutes (the router struggles there).
	nextpnr-ice40 -q --up5k --package sg48 --pcf $(IB_DIR)/icebreaker.pcf --json $(IB_BUILD)/top.json \
	  --pack-only -l $(IB_BUILD)/pack.log
	python3 $(IB_DIR)/board-report.py --packed $(IB_BUILD)/pack.log --lut-limit $(IB_LUT_LIMIT)
	rc=0; $(MAKE) $(IB_BUILD)/top.bin || rc=$$?; \
	python3 $(IB_DIR)/board-report.py $(IB_BUILD)/report.json $(IB_BUILD)/nextpnr.log \
	  --stat $(IB_BUILD)/stat.txt --freq $(IB_MHZ) --lut-limit $(IB_LUT_LIMIT) || rc=1; \
	exit $$rc

# ---- timing exploration ---------------------------------------------------
# make board-timing [IB_ROUTE=0] [IB_SEED=n]: the netlist `make board` builds,
# placed and routed with no size or clock limit (--timing-allow-fail), then
# the clock and the critical path net by net (crit-path.py, from nextpnr's
# report) and the deepest register-to-register paths of the netlist
# (logic-depth.py: a logic-level estimate that needs no place and route).
# Routing takes 6-10 minutes at this fill; IB_ROUTE=0 stops after placement
# (about 1.5 minutes): the clock is then the placer's estimate, which moves
# by 20% from seed to seed, and there is no path report.
IB_ROUTE ?= 1
IB_TIMING := $(IB_BUILD)/timing
.PHONY: board-timing
board-timing: deps
	$(MAKE) gen
	@mkdir -p $(IB_TIMING)
	flock $(IB_BUILD)/.lock $(MAKE) $(IB_BUILD)/top.json
	yosys -q -p 'read_json $(IB_BUILD)/top.json; hierarchy -top av_icebreaker_top; setattr -mod -unset keep_hierarchy; flatten; write_json $(IB_TIMING)/flat.json'
	python3 $(IB_DIR)/logic-depth.py $(IB_TIMING)/flat.json --top av_icebreaker_top -n 12 --brief
	python3 $(IB_DIR)/logic-depth.py $(IB_TIMING)/flat.json --top av_icebreaker_top -n 1
	rm -f $(IB_TIMING)/report.json
	nextpnr-ice40 -q --up5k --package sg48 --pcf $(IB_DIR)/icebreaker.pcf --json $(IB_BUILD)/top.json \
	  --freq $(IB_MHZ) --seed $(IB_SEED) --timing-allow-fail $(if $(filter 0,$(IB_ROUTE)),--no-route) \
	  --report $(IB_TIMING)/report.json -l $(IB_TIMING)/nextpnr.log
	python3 $(IB_DIR)/crit-path.py $(IB_TIMING)/report.json $(IB_TIMING)/nextpnr.log

# Where the logic goes: Yosys's per-module statistics of an unflattened
# synthesis (for finding the biggest consumers; not part of the build).
$(IB_BUILD)/stat-modules.txt: $(IB_BUILD)/synth.ys $$(IB_RTL) $(IB_SEEDS) $$(IB_UCODE)
	sed -e 's/^synth_ice40 .*/& -noflatten/' -e '/^write_json/d' \
	    -e 's#tee -o .*#tee -o $@ stat#' $< > $(IB_BUILD)/synth-modules.ys
	yosys -q -l $(IB_BUILD)/yosys-modules.log -s $(IB_BUILD)/synth-modules.ys
.PHONY: board-stat
board-stat: $(IB_BUILD)/stat-modules.txt
	python3 $(IB_DIR)/board-report.py --modules $<

# Only a bitstream that fits and meets its clock goes onto the board: one
# that misses it would run, wrongly, at the PLL's rate. While the core misses
# 24 MHz (docs/core.md, "The clock") the default is 12 (the oscillator;
# tests/board make_board checks that it passes).
flash: deps
	$(MAKE) gen
	@mkdir -p $(IB_BUILD)
	@flock $(IB_BUILD)/.lock $(MAKE) board-locked || { \
	  echo "flash: not writing a bitstream that fails the board report (IB_MHZ=$(IB_MHZ));" \
	       "the clock the design meets: make flash BOARD=icebreaker (IB_MHZ=12)"; exit 1; }
	flock $(IB_BUILD)/.lock $(MAKE) $(IB_BUILD)/flash.img
	iceprog $(IB_BUILD)/top.bin
	iceprog -o $$(($(FLASH_IMAGE_OFFSET))) $(IB_BUILD)/flash.img
endif

# ---- board-level simulation --------------------------------------------------
# The same top in Verilator with the cell models, flash and UART models in C++.
# It runs slower than the SoC harness (pins, not byte streams), so it is a
# separate binary used only by tests/board.
IB_SIM_DIR   := $(IB_BUILD)/sim
IB_SIM_BIN   := $(IB_SIM_DIR)/av-icebreaker-sim
IB_SIM_HZ    := $(IB_MHZ)000000
IB_SIM_SRCS   = $(IB_DIR)/sim/av_cells.sv $(IB_RTL)
$(IB_SIM_BIN): $$(IB_SIM_SRCS) $(IB_DIR)/sim/board_main.cpp $(IB_BUILD)/bootrom.hex $$(IB_UCODE) $(IB_BUILD)/knobs.txt \
               $(IB_BUILD)/pll.txt $(GEN)/memmap.vh $(GEN)/csr.vh
	@mkdir -p $(IB_SIM_DIR)
	verilator --cc --exe --build -j 2 -O2 -Wno-fatal -Wno-lint -Wno-style --top-module av_icebreaker_top \
	  -DAV_CELL_MODELS -DAV_BOARD_DEV $(IB_INCDIRS) --Mdir $(IB_SIM_DIR)/obj \
	  -GCLK_HZ=$(IB_SIM_HZ) -GCLK_SRC=$$(sed -n 's/^SRC //p' $(IB_BUILD)/pll.txt | grep . || echo 0) \
	  -GBAUD=$(IB_BAUD) -GROM_BYTES=$(IB_ROM_BYTES) -GRAM_BYTES=$$(($(IB_RAM_BYTES))) '-GROM_INIT="$(abspath $(IB_BUILD)/bootrom.hex)"' \
	  '-GCS_INIT="$(abspath $(IB_UC_CS))"' '-GDISP_INIT="$(abspath $(IB_UC_DISP))"' \
	  -CFLAGS '-O2 -DCLK_HZ=$(IB_SIM_HZ) -DBAUD=$(IB_BAUD) -DFLASH_IMAGE_OFFSET=$(FLASH_IMAGE_OFFSET)' \
	  $(abspath $(IB_SIM_SRCS) $(IB_DIR)/sim/board_main.cpp) -o av-icebreaker-sim
	cp $(IB_SIM_DIR)/obj/av-icebreaker-sim $@

.PHONY: board-sim
board-sim: $(IB_SIM_BIN)

# ---- the synthesised netlist in simulation ------------------------------------
# What Yosys makes of the board top, run by the same harness with Yosys's own
# iCE40 cell models (sim/ice40-cells.py picks them; ours stand in for the PLL,
# the global buffer and the SPRAM as above). The simulations above run the
# RTL, so a synthesis that changes what the design does (Yosys 0.23 rewrote
# the core's DSP counters as multipliers with no clock) shows only here;
# tests/board runs programs on both and wants the same output, cycle for
# cycle. The netlist comes from `make board`'s synthesis script with the real
# block-RAM images in place of the stand-ins (icebram's swap after place and
# route, which this does not run).
IB_NL_DIR := $(IB_BUILD)/netlist
IB_NL_BIN := $(IB_NL_DIR)/av-icebreaker-netlist-sim
$(IB_NL_DIR)/synth.ys: $(IB_BUILD)/synth.ys
	@mkdir -p $(@D)
	sed -e 's#$(IB_BUILD)/seed-rom.hex#$(IB_BUILD)/bootrom.hex#' -e 's#$(IB_BUILD)/seed-cs.hex#$(IB_UC_CS)#' \
	    -e 's#$(IB_BUILD)/seed-disp.hex#$(IB_UC_DISP)#' -e 's#^write_json .*#write_verilog -noattr $(IB_NL_DIR)/top.v#' \
	    -e '/^tee /d' $< > $@
	grep -q '^write_verilog' $@
$(IB_NL_DIR)/top.v: $(IB_NL_DIR)/synth.ys $$(IB_RTL) $(IB_BUILD)/bootrom.hex $$(IB_UCODE) $(GEN)/memmap.vh $(GEN)/csr.vh
	yosys -q -l $(IB_NL_DIR)/yosys.log -s $<
$(IB_NL_DIR)/cells.v: $(IB_NL_DIR)/top.v $(IB_DIR)/sim/av_cells.sv $(IB_DIR)/sim/ice40-cells.py
	python3 $(IB_DIR)/sim/ice40-cells.py $< $(IB_DIR)/sim/av_cells.sv \
	  "$$(dirname "$$(command -v yosys)")/../share/yosys/ice40/cells_sim.v" -o $@
$(IB_NL_BIN): $(IB_NL_DIR)/cells.v $(IB_NL_DIR)/top.v $(IB_DIR)/sim/av_cells.sv $(IB_DIR)/sim/board_main.cpp
	verilator --cc --exe --build -j 2 -Wno-fatal -Wno-lint -Wno-style --top-module av_icebreaker_top \
	  -DAV_CELL_MODELS -DNO_ICE40_DEFAULT_ASSIGNMENTS --Mdir $(IB_NL_DIR)/obj \
	  -CFLAGS '-DCLK_HZ=$(IB_SIM_HZ) -DBAUD=$(IB_BAUD) -DFLASH_IMAGE_OFFSET=$(FLASH_IMAGE_OFFSET)' \
	  $(abspath $(IB_NL_DIR)/cells.v $(IB_DIR)/sim/av_cells.sv $(IB_NL_DIR)/top.v $(IB_DIR)/sim/board_main.cpp) \
	  -o av-icebreaker-netlist-sim
	cp $(IB_NL_DIR)/obj/av-icebreaker-netlist-sim $@

.PHONY: board-netlist-sim
board-netlist-sim: $(IB_NL_BIN)

# A program of tests/board: the board's checks beside the demo.
$(IB_BUILD)/%.elf: tests/board/%.c $$(CRT_OBJ) $$(TEST_LD) $$(TCOMMON)/av.h $(GEN)/csr.h
	@mkdir -p $(@D)
	$(RV_CC) $(FW_CFLAGS) -c -o $(@:.elf=.o) $<
	$(RV_CC) $(FW_LDFLAGS) -o $@ $(@:.elf=.o) $(CRT_OBJ)

# Lint the board's own RTL with the cell models standing in for the vendor
# cells (the models themselves are waived inside the file).
.PHONY: board-lint
board-lint: $(GEN)/memmap.vh $(GEN)/csr.vh $$(IB_UCODE)
	verilator --lint-only -Wall -DAV_CELL_MODELS -DAV_BOARD_DEV $(IB_INCDIRS) \
	  --top-module av_icebreaker_top $(IB_SIM_SRCS)
LINT_DEPS += board-lint
