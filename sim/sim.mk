# Verilator harness (build/sim/accentv-sim) and the machine set-up it shares
# with the reference ISS. Included by the top Makefile.
#
# For the ISS (sim/iss/iss.mk): link $(BOOT_SRCS) compiled with $(BOOT_CFLAGS),
# make its objects depend on $(BOOT_GEN), and link with $(BOOT_LIBS).
# (sim/iss/iss.mk is read before this file, so use these variables in recipes
# or through secondary expansion, or name the files directly.)

SOC_BUILD   := build/soc
SIM_BUILD   := build/sim
SIM_BIN     := $(SIM_BUILD)/accentv-sim

BOOT_SRCS   := sim/boot.c sim/elfload.c
BOOT_GEN    := $(SOC_BUILD)/boot_blobs.h $(GEN)/memmap.h
BOOT_CFLAGS := -Isim -I$(SOC_BUILD) -I$(GEN)
BOOT_LIBS   := -lelf -lfdt

# ---- boot ROM: assembled with the cross toolchain, then compiled in -------
$(SOC_BUILD)/bootrom.elf: rtl/soc/bootrom.S
	@mkdir -p $(@D)
	$(RV_CC) $(RV_ARCH) -nostdlib -nostartfiles -Wl,-Ttext=0 -Wl,--build-id=none -o $@ $<
$(SOC_BUILD)/bootrom.bin: $(SOC_BUILD)/bootrom.elf
	$(RV_OBJCOPY) -O binary -j .text $< $@
$(SOC_BUILD)/boot_blobs.h: $(SOC_BUILD)/bootrom.bin $(GEN)/soc.dtb sim/bin2c.py
	python3 sim/bin2c.py $@ bootrom_bin=$(SOC_BUILD)/bootrom.bin soc_dtb=$(GEN)/soc.dtb
