# Cross toolchain for RV32IMA targets (kernel, user programs, tests).
# The Debian GCC has no rv32ima multilib: compile with the full -march, link
# with rv32im so the 32-bit picolibc libraries are picked.
RV_PREFIX  ?= riscv64-unknown-elf-
RV_CC      := $(RV_PREFIX)gcc
RV_OBJDUMP := $(RV_PREFIX)objdump
RV_OBJCOPY := $(RV_PREFIX)objcopy
RV_ARCH    := -march=rv32ima_zicsr_zifencei -mabi=ilp32
RV_CFLAGS  := $(RV_ARCH) --specs=picolibc.specs -O2 -g -Wall -Wextra -ffreestanding
RV_LDARCH  := -march=rv32im -mabi=ilp32 --specs=picolibc.specs
GEN        := build/gen
