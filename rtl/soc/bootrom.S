/*
 * Accent-V simulation boot ROM (at 0x0000_1000, where the core resets).
 * Does what QEMU virt's reset vector does, so one kernel image boots on both:
 * enter the loaded program in machine mode with a0 = hart id and a1 = the
 * device-tree address. The two words it reads live in the ROM image itself at
 * fixed offsets (memmap.def: BOOTROM_ENTRY 0xF8, BOOTROM_DTB 0xFC); the
 * harness and the ISS fill them in (sim/boot.c) after assembly, so the ROM
 * needs no knowledge of the program it starts.
 * Position independent: it addresses the two words relative to its own pc.
 */
    .section .text
    .globl _start
_start:
    auipc t0, 0             /* t0 = ROM base (this is offset 0) */
    csrr  a0, mhartid
    lw    a1, 0xFC(t0)      /* device-tree address */
    lw    t0, 0xF8(t0)      /* entry point */
    jr    t0
