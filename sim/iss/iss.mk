# Reference ISS (build/iss/accentv-iss), its co-simulation library and the
# CPU fuzzer (tools/rigen, tests/fuzz). Included by the top Makefile.
#
# For the RTL harness: compile $(ISS_LIB_SRCS) with $(ISS_CFLAGS) and link
# with $(ISS_LIBS); the objects need $(ISS_GEN) first. ISS_LIB_SRCS holds the
# machine set-up too (sim/boot.c, sim/elfload.c), so do not add them again.

ISS_BUILD    := build/iss
ISS_BIN      := $(ISS_BUILD)/accentv-iss
ISS_CORE     := sim/iss/iss.c sim/iss/disasm.c sim/iss/cosim.c
ISS_LIB_SRCS := $(ISS_CORE) sim/boot.c sim/elfload.c
ISS_CFLAGS   := -O2 -g -Wall -Wextra -Isim/iss -Isim -Ibuild/soc -I$(GEN)
ISS_LIBS     := -lelf -lfdt
ISS_GEN      := build/soc/boot_blobs.h $(GEN)/memmap.h $(GEN)/csr.h $(GEN)/rt_contract.h $(GEN)/vm_contract.h
ISS_HDRS     := $(wildcard sim/iss/*.h) sim/rvfi.h sim/boot.h sim/elfload.h

ISS_OBJS := $(patsubst %.c,$(ISS_BUILD)/%.o,$(notdir $(ISS_LIB_SRCS) sim/iss/main.c))

$(ISS_BUILD)/%.o: sim/iss/%.c $(ISS_HDRS) $(ISS_GEN)
	@mkdir -p $(@D)
	$(CC) $(ISS_CFLAGS) -c -o $@ $<
$(ISS_BUILD)/%.o: sim/%.c $(ISS_HDRS) $(ISS_GEN)
	@mkdir -p $(@D)
	$(CC) $(ISS_CFLAGS) -c -o $@ $<

$(ISS_BIN): $(ISS_OBJS)
	$(CC) -o $@ $^ $(ISS_LIBS)

.PHONY: iss
iss: $(ISS_BIN)
ALL_TARGETS += $(ISS_BIN)

# ---- random instruction streams: tools/rigen and make fuzz-cpu ------------
RIGEN_BIN := build/rigen/rigen
$(RIGEN_BIN): tools/rigen/rigen.c
	@mkdir -p $(@D)
	$(CC) -O2 -g -Wall -Wextra -o $@ $<
ALL_TARGETS += $(RIGEN_BIN)

# make fuzz-cpu [SEEDS=N] [FIRST=S] [FUZZ_CHECKS=iss,cosim,qemu,swr]
#               [FUZZ_WITHOUT=amo,su,vm,mprv,swr,irq]: N seeds of
# >= 10,000 generated instructions each, in co-simulation on the RTL (when it
# builds), on the ISS alone, ISS against QEMU, and software against hardware
# TLB refill on the ISS (tests/fuzz/fuzz.py).
SEEDS       ?= 4
FIRST       ?= 1
FUZZ_CHECKS ?= iss,cosim,qemu,swr
FUZZ_WITHOUT ?=
fuzz-cpu: deps
	$(MAKE) gen $(RIGEN_BIN) $(ISS_BIN)
	-$(MAKE) $(SIM_BIN) || echo "fuzz-cpu: the RTL simulator does not build; co-simulation skipped"
	python3 tests/fuzz/fuzz.py --seeds $(SEEDS) --first $(FIRST) --checks $(FUZZ_CHECKS) \
	  $(if $(FUZZ_WITHOUT),--without $(FUZZ_WITHOUT))

# The co-simulation library's self-test (a second ISS plays the core).
COSIM_SELFTEST := $(ISS_BUILD)/cosim_selftest
$(COSIM_SELFTEST): tests/fuzz/cosim_selftest.c $(filter-out %/main.o,$(ISS_OBJS))
	$(CC) $(ISS_CFLAGS) -o $@ $^ $(ISS_LIBS)
