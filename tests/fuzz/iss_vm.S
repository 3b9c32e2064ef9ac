/*
 * Directed check of the ISS's VM fast paths and software refill (DESIGN.md,
 * "Virtual memory and the microcode fast paths"), run by suite 'fuzz' on the
 * ISS (and in co-simulation once the core has the paths):
 *   1. zero-fill: a U load from a zero-fill PTE pops the top frame, zeroes it,
 *      counts it 1 and installs V R W U A (no D); a store then sets D;
 *   2. copy-on-write, count 2: the store pops the next frame, copies the page,
 *      drops the old count to 1, installs R W U A D on the new frame;
 *   3. copy-on-write, count 1: the PTE is made writable in place;
 *   4. software refill (fpen bit 0 clear): a U miss raises cause 24 with
 *      stval = address and fpmiss = VPN | kind | ASID; after an insert the
 *      access hits; a store hitting an entry with D=0 misses again;
 *   5. remap from S mode: a read-only and a writable page into an empty
 *      destination range with a missing second-level table, and a
 *      malformed descriptor (-1);
 * and the fast paths' own counts (1-3) in the statistics the word before
 * the frame table points at (VM contract ST_*).
 * Failure: the finisher's fail code names the check.
 * Registers: s9 continuation after a trap, s10/s11 its mcause/mtval,
 * s8 = 1: the handler serves cause 24 by inserting (s7 counts them).
 */
#include "vm_contract.h"
#define FPEN     0x5c0
#define FPFRAMES 0x5c1
#define FPFREE   0x5c2
#define FPMISS   0x5c5
#define FPINSERT 0x5c6
#define USER_VA  0x00400000          /* VPN[1] = 1: user code page and data pages */

#define CHECK(reg, val, code) li t6, val; beq reg, t6, 99f; li a0, code; j fail; 99:
#define CHECKR(reg, r2, code) beq reg, r2, 99f; li a0, code; j fail; 99:
#define LOADW(reg, sym, off) la t6, sym; lw reg, off(t6)
/* PTE value for physical label sym with flags: (sym >> 12) << 10 | flags */
#define MKPTE(reg, sym, flags) la reg, sym; srli reg, reg, 12; slli reg, reg, 10; ori reg, reg, flags

    .section .text.init, "ax"
    .globl _start
_start:
    la t0, mtrap
    csrw mtvec, t0
    li s8, 0
    /* frame table: base = pool's PPN, 8 frames */
    la t0, ft
    la t1, pool
    srli t1, t1, 12
    sw t1, 0(t0)
    li t2, 8
    sw t2, 4(t0)
    li t2, 2
    sw t2, 8+4*4(t0)        /* frame 4: count 2 (shared copy-on-write) */
    li t2, 1
    sw t2, 8+5*4(t0)        /* frame 5: count 1 */
    /* free stack: frames 0..3 (pop takes entry count-1: frame 3 first) */
    la t0, fstack
    li t2, 4
    sw t2, 0(t0)
    li t2, 8
    sw t2, 4(t0)
    addi t2, t1, 0
    sw t2, 8(t0)
    addi t2, t1, 1
    sw t2, 12(t0)
    addi t2, t1, 2
    sw t2, 16(t0)
    addi t2, t1, 3
    sw t2, 20(t0)
    /* frame 4 holds a pattern: word i = i * 0x01010101 + 7 */
    la t0, pool + 4*4096
    li t2, 1024
    li t3, 7
    li t4, 0x01010101
1:  sw t3, 0(t0)
    add t3, t3, t4
    addi t0, t0, 4
    addi t2, t2, -1
    bnez t2, 1b
    /* frames 0-3 hold garbage, so zero-fill must really zero */
    la t0, pool
    li t2, 4096
    li t3, -1
1:  sw t3, 0(t0)
    addi t0, t0, 4
    addi t2, t2, -1
    bnez t2, 1b
    /* tables: root[0x200] = RAM megapage for S (R W X A D), root[1] -> l0 */
    la t0, root + 2048
    li t1, (0x80000 << 10) | 0xcf
    sw t1, 4*0x200-2048(t0)
    MKPTE(t1, l0, 0x1)
    sw t1, 4-2048(t0)
    la t0, l0
    MKPTE(t1, ucode, 0x5b)   /* 0x400000: user code, V R X U A */
    sw t1, 0(t0)
    li t1, 0x116             /* 0x401000: zero-fill, R W U */
    sw t1, 4(t0)
    MKPTE(t1, pool + 4*4096, 0x153)   /* 0x402000: copy-on-write, V R U A, frame 4 */
    sw t1, 8(t0)
    MKPTE(t1, pool + 5*4096, 0x153)   /* 0x403000: copy-on-write, frame 5 */
    sw t1, 12(t0)
    MKPTE(t1, pool + 6*4096, 0x17)    /* 0x404000: V R W U, A=0 D=0 (refill test) */
    sw t1, 16(t0)
    MKPTE(t1, pool + 7*4096, 0x17)    /* 0x405000: V R W U, A=0 D=0 (remap source) */
    sw t1, 20(t0)
    MKPTE(t1, pool + 6*4096, 0x13)    /* 0x406000: V R U, A=0 D=0 (remap source) */
    sw t1, 24(t0)
    /* satp: Sv32, ASID 5 */
    la t1, root
    srli t1, t1, 12
    li t2, 0x80000000 | (5 << 22)
    or t1, t1, t2
    csrw satp, t1
    la t1, ft
    csrw FPFRAMES, t1
    la t2, kstats                        /* the word before the table: the statistics */
    sw t2, -4(t1)
    la t1, fstack
    csrw FPFREE, t1
    li t1, 7                 /* refill, zero-fill, copy-on-write */
    csrw FPEN, t1
    li t1, 0x12              /* hpmcounter3: runs of zero-fill */
    csrw mhpmevent3, t1
    li t1, 0x14              /* hpmcounter4: runs of copy-on-write */
    csrw mhpmevent4, t1

    /* ---- 1-3: run the user part, back through ecall ---- */
    la s9, after_user
    li a0, 0
    j to_user
after_user:
    CHECK(s10, 8, 1)                     /* ended by its ecall */
    CHECK(a1, 0, 2)                      /* zero-fill read zero */
    CHECK(a2, 0x55, 3)                   /* and kept the store */
    LOADW(t0, l0, 4)
    MKPTE(t1, pool + 3*4096, 0xd7)       /* frame 3, V R W U A D */
    CHECKR(t0, t1, 4)
    LOADW(t0, ft, 8+3*4)
    CHECK(t0, 1, 5)
    CHECK(a3, 7 + 5 * 0x01010101, 6)     /* copied page, word 5 */
    LOADW(t0, l0, 8)
    MKPTE(t1, pool + 2*4096, 0xd7)       /* copy: frame 2 */
    CHECKR(t0, t1, 7)
    LOADW(t0, ft, 8+4*4)
    CHECK(t0, 1, 8)                      /* old frame's count dropped */
    LOADW(t0, ft, 8+2*4)
    CHECK(t0, 1, 9)
    LOADW(t0, pool + 4*4096, 0)
    CHECK(t0, 7, 10)                     /* the original is untouched */
    LOADW(t0, pool + 2*4096, 0)
    CHECK(t0, 0xabc, 11)                 /* the copy took the store */
    LOADW(t0, l0, 12)
    MKPTE(t1, pool + 5*4096, 0xd7)       /* count 1: writable in place */
    CHECKR(t0, t1, 12)
    LOADW(t0, fstack, 0)
    CHECK(t0, 2, 13)
    csrr t0, mhpmcounter3
    CHECK(t0, 1, 14)
    csrr t0, mhpmcounter4
    CHECK(t0, 2, 15)
    /* the routines' own counts (VM contract ST_*): one of each kind, two
     * pages given a frame, one copied */
    LOADW(t0, kstats, VMC_ST_FAST_ZFILL)
    CHECK(t0, 1, 16)
    LOADW(t0, kstats, VMC_ST_FAST_COPY)
    CHECK(t0, 1, 17)
    LOADW(t0, kstats, VMC_ST_FAST_LAST)
    CHECK(t0, 1, 18)
    LOADW(t0, kstats, VMC_ST_PAGES_FRAMED)
    CHECK(t0, 2, 19)
    LOADW(t0, kstats, VMC_ST_PAGES_COPIED)
    CHECK(t0, 1, 27)

    /* ---- 4: software refill ---- */
    csrwi FPEN, 0
    sfence.vma
    la s9, after_miss
    li a0, 1                             /* user part 2: one load at 0x404008 */
    j to_user
after_miss:
    CHECK(s10, 24, 20)
    li t1, USER_VA                       /* the first miss: the fetch of user code */
    CHECKR(s11, t1, 21)
    csrr t0, FPMISS
    li t1, USER_VA | (0 << 9) | 5
    CHECKR(t0, t1, 22)
    /* now serve misses by inserting (A and D set as the access needs) */
    li s8, 1
    li s7, 0
    la s9, after_refill
    li a0, 1
    j to_user
after_refill:
    CHECK(s10, 8, 23)
    CHECK(s7, 3, 24)                     /* fetch, load, store with D=0 */
    CHECK(a1, 0, 25)                     /* frame 6 is zero (bss) */
    LOADW(t0, l0, 16)
    MKPTE(t1, pool + 6*4096, 0x17 | 0xc0)
    CHECKR(t0, t1, 26)
    li s8, 0
    li t1, 7
    csrw FPEN, t1

    /* ---- 5: remap in S mode ---- */
    li t1, 15
    csrw FPEN, t1
    la t0, desc
    csrr t1, satp
    sw t1, 0(t0)                         /* src satp */
    li t1, USER_VA + 0x5000
    sw t1, 4(t0)                         /* src va: 0x405000 (R W), 0x406000 (R) */
    csrr t1, satp
    sw t1, 8(t0)                         /* dst satp: same space */
    li t1, 0x00800000
    sw t1, 12(t0)                        /* dst va: VPN[1] = 2, no table yet */
    li t1, 2
    sw t1, 16(t0)
    la s9, after_remap
    li t0, 0x1800
    csrc mstatus, t0
    li t0, 0x800
    csrs mstatus, t0
    la t0, s_remap
    csrw mepc, t0
    mret
after_remap:
    CHECK(s10, 9, 30)
    CHECK(a1, 2, 31)                     /* two pages done */
    li t1, -1
    CHECKR(a2, t1, 32)                    /* malformed: -1 */
    LOADW(t0, root, 8)
    MKPTE(t1, pool + 1*4096, 0x1)        /* new table: frame 1, PPN and V only */
    CHECKR(t0, t1, 33)
    LOADW(t0, pool + 1*4096, 4)
    MKPTE(t1, pool + 6*4096, 0x13)       /* read-only source: copied, A=D=0 */
    CHECKR(t0, t1, 34)
    LOADW(t0, pool + 1*4096, 0)
    MKPTE(t1, pool + 7*4096, 0x113)      /* writable source: W=0, bit 8, A=D=0 */
    CHECKR(t0, t1, 35)
    LOADW(t0, l0, 20)
    MKPTE(t1, pool + 7*4096, 0x113)      /* the source too */
    CHECKR(t0, t1, 36)
    LOADW(t0, ft, 8+7*4)
    CHECK(t0, 1, 37)                     /* counts rose (were 0 here) */
    LOADW(t0, ft, 8+6*4)
    CHECK(t0, 1, 39)
    LOADW(t0, ft, 8+1*4)
    CHECK(t0, 1, 38)                     /* the new table counts 1 */

    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
1:  j 1b

fail:
    slli a0, a0, 16
    li t0, 0x3333
    or a0, a0, t0
    li t0, 0x100000
    sw a0, 0(t0)
1:  j 1b

/* enter the user code at USER_VA (a0 selects the part) */
to_user:
    li t0, 0x1800
    csrc mstatus, t0
    li t0, USER_VA
    csrw mepc, t0
    mret

/* M-mode trap handler */
    .balign 4
mtrap:
    csrr s10, mcause
    csrr s11, mtval
    li t6, 24
    bne s10, t6, 1f
    beqz s8, 1f
    /* software refill: A (and D for a store) then insert; retry */
    addi s7, s7, 1
    csrr t5, FPMISS
    srli t6, t5, 12
    andi t6, t6, 0x3ff
    slli t6, t6, 2
    la t4, l0
    add t4, t4, t6
    lw t6, 0(t4)
    ori t6, t6, 0x40
    srli t5, t5, 9
    andi t5, t5, 3
    li t3, 2
    bne t5, t3, 2f
    ori t6, t6, 0x80
2:  sw t6, 0(t4)
    csrw FPINSERT, t6
    mret
1:  li t6, 0x1800                         /* continue in M */
    csrs mstatus, t6
    jr s9

/* S-mode part: remap, then a malformed descriptor (unaligned rs1) */
s_remap:
    la t0, desc
    .word 0x000285ab                     /* remap a1, t0 (custom-1: 0x2b, rd=a1, rs1=t0) */
    addi t0, t0, 2
    .word 0x0002862b                     /* remap a2, t0 */
    ecall

/* ---- user code: its own page, mapped at USER_VA ---- */
    .section .text.user, "ax"
    .balign 4096
ucode:
    bnez a0, 2f
    li t0, USER_VA + 0x1000
    lw a1, 8(t0)                         /* zero-fill */
    li t1, 0x55
    sw t1, 16(t0)
    lw a2, 16(t0)
    li t0, USER_VA + 0x2000
    li t1, 0xabc
    sw t1, 0(t0)                         /* copy-on-write, count 2 */
    lw a3, 20(t0)
    li t0, USER_VA + 0x3000
    sw t1, 0(t0)                         /* copy-on-write, count 1 */
    ecall
2:  li t0, USER_VA + 0x4000
    lw a1, 8(t0)                         /* miss, insert with A */
    sw zero, 12(t0)                      /* hits D=0: miss, insert with D... */
    ecall
    .balign 4096

    .bss
    .balign 4096
root:   .skip 4096
l0:     .skip 4096
pool:   .skip 8*4096
ftstat: .skip 4
ft:     .skip 64
kstats: .skip 256
fstack: .skip 64
desc:   .skip 32
