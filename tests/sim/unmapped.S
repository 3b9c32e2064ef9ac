/*
 * Bus errors become access faults with tval = the address: loads and stores
 * where nothing is mapped, a store to the boot ROM, a load past the ROM's
 * window (memmap.def; its unused part reads zero), a load past --ram-size (the suite runs this with --ram-size 128K),
 * and a fetch from nowhere. Mapped devices and RAM do not fault.
 */
#include "sim.h"
    .section .text.init
    .globl _start
_start:
    INSTALL_TRAPS
    li a1, 0x30000000
    lw a0, 0(a1)
    EXPECT_TRAP(1, 5, a1)
    sw a0, 0(a1)
    EXPECT_TRAP(2, 7, a1)
    li a1, MM_BOOTROM_BASE
    sw a0, 0(a1)
    EXPECT_TRAP(3, 7, a1)
    li a1, MM_BOOTROM_BASE + MM_BOOTROM_SIZE
    lw a0, 0(a1)
    EXPECT_TRAP(4, 5, a1)
    li a1, MM_BOOTROM_BASE + MM_BOOTROM_SIZE - 4   /* the window's last word */
    lw a0, 0(a1)
    EXPECT(12, s10, -1)
    EXPECT(13, a0, 0)
    li a1, MM_RAM_BASE + 128 * 1024
    lw a0, 0(a1)
    EXPECT_TRAP(5, 5, a1)
    li a1, MM_RAM_BASE + 128 * 1024 - 4    /* last RAM word: no fault */
    lw a0, 0(a1)
    EXPECT(6, s10, -1)
    li a1, MM_BOOTROM_BASE                  /* ROM reads fine */
    lw a0, 0(a1)
    EXPECT(7, s10, -1)
    li a1, MM_UART_BASE + 0x100             /* just past the UART */
    lbu a0, 0(a1)
    EXPECT_TRAP(8, 5, a1)
    /* fetch fault: jump to nowhere; the handler resumes at mepc + 4, which
     * faults again, so point mtvec at a landing pad for this one */
    la t0, fetch_pad
    csrw mtvec, t0
    li a1, 0x20000000
    jalr a1
    FAIL(9)
fetch_pad:
    csrr a0, mcause
    EXPECT(10, a0, 1)
    csrr a0, mtval
    EXPECT(11, a0, 0x20000000)
    PASS

TRAP_HANDLER
TOHOST_SECTION
