# make bench: the kernel benchmarks (DESIGN "Benchmarks"). One user program,
# firmware/bench-kernel/kbench.c, runs as init in two kernel images that
# differ only in boot options:
#   build/bench/kernel/kbench.elf         nopreempt: the kernel loads the fast-path microcode;
#                                         refill, zero-fill, copy-on-write and remap in microcode
#   build/bench/kernel/kbench-cpaths.elf  nopreempt cpaths: every path in C, refill included
# firmware/bench-kernel/run.py runs both (on the RTL when the kernel runs
# there, and on the ISS, labelled so), times the `make run` demo with the
# paths in microcode and all in C (demo-cpaths.elf) and sets their
# statistics side by side, and writes
# build/bench/results.md and the gnuplot plots. (Named kbench.mk so the top Makefile reads it after
# firmware.mk, whose variables its prerequisites use.)
KB_DIR    := build/bench/kernel
KB_PROG   := $(KB_DIR)/prog/kbench.elf
KB_IMGS   := $(KB_DIR)/kbench.elf $(KB_DIR)/kbench-cpaths.elf
# BENCH_KTARGET=auto|rtl|iss (auto: the RTL if the kernel passes there)
BENCH_KTARGET ?= auto

$(KB_PROG): firmware/bench-kernel/kbench.c $(FW)/lib/libav.a firmware/user/user.ld
	@mkdir -p $(dir $@)
	$(RV_CC) $(U_CFLAGS) -Wall -Wextra -c $< -o $@.o
	$(RV_CC) $(U_LDFLAGS) $(FW)/lib/crt0.o $@.o $(FW)/lib/libav.a -o $@
	$(RV_OBJCOPY) --strip-all $@ $@.strip

# (exit0 packed beside it: the process-life benchmark spawns it)
$(KB_DIR)/kbench.elf: $(KB_PROG) $(K_OBJS) $(FW)/user/exit0.elf firmware/kernel/kernel.ld firmware/kernel/mkpack.py firmware/kbench.mk
	$(call fw_image,$@,$<,nopreempt,exit0)
$(KB_DIR)/kbench-cpaths.elf: $(KB_PROG) $(K_OBJS) $(FW)/user/exit0.elf firmware/kernel/kernel.ld firmware/kernel/mkpack.py firmware/kbench.mk
	$(call fw_image,$@,$<,nopreempt cpaths,exit0)

# the `make run` demo with every path in C, for the report's breakdown
$(KB_DIR)/demo-cpaths.elf: $(K_OBJS) $(U_ELFS) firmware/kernel/kernel.ld firmware/kernel/mkpack.py firmware/kbench.mk
	$(call fw_image,$@,$(FW)/user/init.elf,cpaths,)

.PHONY: kbench-images
kbench-images: $(KB_IMGS)

bench: deps
	$(MAKE) $(KB_IMGS) $(FW)/kernel.elf $(KB_DIR)/demo-cpaths.elf build/iss/accentv-iss $(if $(filter iss,$(BENCH_KTARGET)),,$(SIM_BIN))
	python3 firmware/bench-kernel/run.py --target $(BENCH_KTARGET) --out build/bench --demo $(FW)/kernel.elf --demo-cpaths $(KB_DIR)/demo-cpaths.elf $(KB_IMGS)
