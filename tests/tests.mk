# Build rules for the bare-metal test programs and the firmware that the test
# and benchmark targets run (included by the top Makefile):
#   tests/isa/*.S, tests/priv/*.S  -> build/tests/{isa,priv}/*.elf (+ .dump)
#   tests/common/probe_*.S         -> build/tests/common/probe_*.elf (what the
#                                     RTL can run yet: tests/common/elfsuite.py)
#   firmware/demo/hello.c          -> build/demo/hello.elf  (make run, for now)
#   firmware/bench/*.c             -> build/bench/*.elf and *-sv32.elf
#                                     (make bench-cpu; BENCH_TARGET=iss|qemu)
# and the recipes of `make run` (RUN_DEPS, RUN_CMD), `make bench-cpu` and
# `make test-qemu`. All programs use tests/common/link.ld (RAM at 0x8000_0000).

TEST_BUILD   := build/tests
TCOMMON      := tests/common
TEST_LD      := $(TCOMMON)/link.ld
TEST_HDRS    := $(TCOMMON)/test.h $(GEN)/memmap.h $(GEN)/csr.h $(GEN)/vm_contract.h

# Assembly tests: no C library; --no-relax keeps the linker from turning
# address loads into gp-relative ones (gp holds the case number).
TEST_ASFLAGS := $(RV_ARCH) -I$(GEN) -I$(TCOMMON)
TEST_LDFLAGS := $(RV_ARCH) -nostdlib -nostartfiles -T $(TEST_LD) -Wl,--no-relax

ISA_SRCS     := $(sort $(wildcard tests/isa/*.S))
ISA_ELFS     := $(patsubst tests/isa/%.S,$(TEST_BUILD)/isa/%.elf,$(ISA_SRCS))
PRIV_SRCS    := $(sort $(wildcard tests/priv/*.S))
PRIV_ELFS    := $(patsubst tests/priv/%.S,$(TEST_BUILD)/priv/%.elf,$(PRIV_SRCS))

$(TEST_BUILD)/common/start.o: $(TCOMMON)/start.S $(TEST_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(TEST_ASFLAGS) -c -o $@ $<

$(TEST_BUILD)/%.o: tests/%.S $(TEST_HDRS)
	@mkdir -p $(@D)
	$(RV_CC) $(TEST_ASFLAGS) -c -o $@ $<

$(TEST_BUILD)/isa/%.elf: $(TEST_BUILD)/isa/%.o $(TEST_BUILD)/common/start.o $(TEST_LD)
	$(RV_CC) $(TEST_LDFLAGS) -o $@ $(TEST_BUILD)/common/start.o $<
	$(RV_OBJDUMP) -d -M no-aliases,numeric $@ > $(@:.elf=.dump)
$(TEST_BUILD)/priv/%.elf: $(TEST_BUILD)/priv/%.o $(TEST_BUILD)/common/start.o $(TEST_LD)
	$(RV_CC) $(TEST_LDFLAGS) -o $@ $(TEST_BUILD)/common/start.o $<
	$(RV_OBJDUMP) -d -M no-aliases,numeric $@ > $(@:.elf=.dump)

# remap_bad, remap_pages and hpm_fastpaths load the fast-path microcode themselves: the kernel's packed image
# (firmware/firmware.mk) linked in.
$(TEST_BUILD)/priv/fastpaths_img.o: build/fw/kernel/fastpaths.c
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ARCH) --specs=picolibc.specs -O2 -c -o $@ $<
$(TEST_BUILD)/priv/remap_bad.elf $(TEST_BUILD)/priv/remap_pages.elf $(TEST_BUILD)/priv/hpm_fastpaths.elf: $(TEST_BUILD)/priv/%.elf: $(TEST_BUILD)/priv/%.o $(TEST_BUILD)/common/start.o $(TEST_LD) $(TEST_BUILD)/priv/fastpaths_img.o
	$(RV_CC) $(TEST_LDFLAGS) -o $@ $(TEST_BUILD)/common/start.o $< $(TEST_BUILD)/priv/fastpaths_img.o
	$(RV_OBJDUMP) -d -M no-aliases,numeric $@ > $(@:.elf=.dump)

# Capability probes: what the core under test can run yet (elfsuite.py).
PROBE_ELFS   := $(patsubst $(TCOMMON)/%.S,$(TEST_BUILD)/common/%.elf,$(wildcard $(TCOMMON)/probe_*.S))
$(TEST_BUILD)/common/probe_%.elf: $(TEST_BUILD)/common/probe_%.o $(TEST_BUILD)/common/start.o $(TEST_LD)
	$(RV_CC) $(TEST_LDFLAGS) -o $@ $(TEST_BUILD)/common/start.o $<
$(TEST_BUILD)/common/probe_%.o: $(TCOMMON)/probe_%.S $(TEST_HDRS) tests/priv/priv.h tests/priv/vm.h tests/priv/refill.h
	@mkdir -p $(@D)
	$(RV_CC) $(TEST_ASFLAGS) -c -o $@ $<

# Sweeps whose output the suites check: against QEMU's (elfsuite.same_as_qemu)
# for the encoding space (tests/isa), the Sv32 PTE space and trap delegation
# (tests/priv),
# against the spec's rules for the interrupt space (tests/priv).
SWEEP_ELFS   := $(patsubst %,$(TEST_BUILD)/common/%.elf,encodings pte_space irq_space trap_space)
$(SWEEP_ELFS): $(TEST_BUILD)/common/%.elf: $(TEST_BUILD)/common/%.o $(TEST_BUILD)/common/start.o $(TEST_LD)
	$(RV_CC) $(TEST_LDFLAGS) -o $@ $(TEST_BUILD)/common/start.o $<
$(patsubst %,$(TEST_BUILD)/common/%.o,pte_space irq_space trap_space): tests/priv/priv.h

.PHONY: isa-tests priv-tests
isa-tests: $(ISA_ELFS) $(PROBE_ELFS) $(TEST_BUILD)/common/encodings.elf
priv-tests: $(PRIV_ELFS) $(PROBE_ELFS) $(patsubst %,$(TEST_BUILD)/common/%.elf,pte_space irq_space trap_space)
ALL_TARGETS += $(ISA_ELFS) $(PRIV_ELFS) $(PROBE_ELFS)

# ---- picolibc programs: demo and benchmarks --------------------------------
# Compiled for rv32ima, linked against the rv32im picolibc (mk/toolchain.mk),
# with picolibc's crt0 (the "hosted" one, which calls exit with main's
# value) and our crt.c (UART stdout, exit through the finisher).
FW_CFLAGS    := $(RV_CFLAGS) -I$(GEN) -I$(TCOMMON)
FW_LDFLAGS   := $(RV_LDARCH) --crt0=hosted -T $(TEST_LD) -Wl,--gc-sections
CRT_OBJ      := $(TEST_BUILD)/common/crt.o

CRT_SV32_OBJ := $(TEST_BUILD)/common/crt-sv32.o

$(CRT_OBJ): $(TCOMMON)/crt.c $(TCOMMON)/av.h $(GEN)/memmap.h $(GEN)/csr.h
	@mkdir -p $(@D)
	$(RV_CC) $(FW_CFLAGS) -c -o $@ $<
# The same run-time running main in S mode under Sv32 (see crt.c).
$(CRT_SV32_OBJ): $(TCOMMON)/crt.c $(TCOMMON)/av.h $(GEN)/memmap.h $(GEN)/csr.h
	@mkdir -p $(@D)
	$(RV_CC) $(FW_CFLAGS) -DAV_PAGED -c -o $@ $<

DEMO_ELF     := build/demo/hello.elf
build/demo/%.o: firmware/demo/%.c $(TCOMMON)/av.h $(GEN)/memmap.h $(GEN)/csr.h
	@mkdir -p $(@D)
	$(RV_CC) $(FW_CFLAGS) -c -o $@ $<
$(DEMO_ELF): build/demo/hello.o $(CRT_OBJ) $(TEST_LD)
	$(RV_CC) $(FW_LDFLAGS) -o $@ build/demo/hello.o $(CRT_OBJ)
	$(RV_OBJDUMP) -d $@ > $(@:.elf=.dump)
ALL_TARGETS += $(DEMO_ELF)

# `make run` until the kernel takes it over: the demo on the simulated SoC.
# The harness prints the program's output; the demo prints its own counts.
RUN_DEPS ?= $(DEMO_ELF) $(SIM_BIN)
RUN_CMD  ?= $(SIM_BIN) --stats $(DEMO_ELF)

# ---- make test-qemu: the tests that suit QEMU, on QEMU -----------------------
# Suites that run ELFs on QEMU (others may add theirs: QEMU_SUITES += name).
# Each suite skips, with the reason, the tests where QEMU differs from us.
QEMU_SUITES += isa priv
test-qemu: deps
	python3 tests/run.py --target qemu $(QEMU_SUITES) $(TESTARGS)

# ---- make bench-cpu: the CPU workloads on the RTL ----------------------------
# In table order; any further workload file joins at the end.
BENCH_ORDER  := memcpy crc32 sort matmul strsearch interp
# tlb.c is the TLB probe, not a CPI workload: only its -sv32 build, run
# apart (run.py --tlb), so the CPI table and its means stay as they were.
BENCH_NAMES  := $(BENCH_ORDER) $(filter-out $(BENCH_ORDER) tlb,$(patsubst firmware/bench/%.c,%,$(wildcard firmware/bench/*.c)))
BENCH_ELFS   := $(patsubst %,build/bench/%.elf,$(BENCH_NAMES))
BENCH_TARGET ?= rtl

build/bench/%.o: firmware/bench/%.c firmware/bench/bench.h $(TCOMMON)/av.h $(GEN)/memmap.h $(GEN)/csr.h
	@mkdir -p $(@D)
	$(RV_CC) $(FW_CFLAGS) -Ifirmware/bench -c -o $@ $<
# Each workload twice: bare (machine mode, no translation) and -sv32
# (supervisor mode, 4 KiB pages through the TLB).
build/bench/%-sv32.elf: build/bench/%.o $(CRT_SV32_OBJ) $(TEST_LD)
	$(RV_CC) $(FW_LDFLAGS) -o $@ $< $(CRT_SV32_OBJ)
	$(RV_OBJDUMP) -d $@ > $(@:.elf=.dump)
build/bench/%.elf: build/bench/%.o $(CRT_OBJ) $(TEST_LD)
	$(RV_CC) $(FW_LDFLAGS) -o $@ $< $(CRT_OBJ)
	$(RV_OBJDUMP) -d $@ > $(@:.elf=.dump)
BENCH_SV32_ELFS := $(BENCH_ELFS:.elf=-sv32.elf)
BENCH_TLB_ELF := build/bench/tlb-sv32.elf
ALL_TARGETS += $(BENCH_ELFS) $(BENCH_SV32_ELFS) $(BENCH_TLB_ELF)

# BENCH_TARGET=iss or qemu runs them there (instruction counts only).
bench-cpu: deps
	$(MAKE) $(BENCH_ELFS) $(BENCH_SV32_ELFS) $(BENCH_TLB_ELF) $(if $(filter rtl,$(BENCH_TARGET)),$(SIM_BIN) build/iss/accentv-iss) $(if $(filter iss,$(BENCH_TARGET)),build/iss/accentv-iss)
	python3 firmware/bench/run.py --target $(BENCH_TARGET) --tlb $(BENCH_TLB_ELF) $(BENCH_ELFS)
