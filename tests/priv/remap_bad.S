/*
 * remap (custom-1) with the fast-path microcode loaded (DESIGN: "Virtual
 * memory and the microcode fast paths"): machine mode loads the run-time
 * image (rtl/wcs/fastpaths.uc, packed by tools/uasm/ucpack.py and linked
 * in) through the load port, lays out a frame table, a free stack and page
 * tables, and supervisor mode runs remap. A malformed descriptor returns -1
 * with no table changed: rs1 unaligned or outside RAM, a satp whose MODE is
 * not Sv32, an unaligned va, a range that wraps or passes 0x8000_0000. With
 * fpen bit 3 clear it returns 0. Then a good one: two pages (a writable and
 * a read-only one) into an address space with no second-level table there:
 * the table is popped and linked, the PTEs and counts are as the contract
 * says.
 *
 * QEMU: no - remap and the load port are Accent-V's own.
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

#define REMAP(rd, rs1) .insn r 0x2b, 0, 0, rd, rs1, x0
#define SRC_VA  0x00400000
#define DST_VA  0x00800000
#define FRAMES  96                    /* the frame table covers 384 KiB from RAM's start */

/* a descriptor: {src satp, src va, dst satp, dst va, pages} */
#define DESC(ss, sv, ds, dv, n)                          \
    la a1, desc;                                         \
    li t0, ss; sw t0, 0(a1);                             \
    li t0, sv; sw t0, 4(a1);                             \
    li t0, ds; sw t0, 8(a1);                             \
    li t0, dv; sw t0, 12(a1);                            \
    li t0, n;  sw t0, 16(a1)

/* the satps, filled in at run time: desc words 0 and 2 from s_satp/d_satp */
#define GOOD_SATPS                                       \
    la t1, s_satp; lw t0, 0(t1); sw t0, 0(a1);           \
    la t1, d_satp; lw t0, 0(t1); sw t0, 8(a1)

/* a0 <- sum of the words of the tables (src root and table, dst root, the
 * frame table, the free stack, the pages' frames' first words) */
#define TABLE_SUM                                        \
    la t0, tables_start;                                 \
    la t1, tables_end;                                   \
    li a0, 0;                                            \
91: lw t2, 0(t0);                                        \
    add a0, a0, t2;                                      \
    slli t2, a0, 1;                                      \
    srli a0, a0, 31;                                     \
    or a0, a0, t2;                                       \
    addi t0, t0, 4;                                      \
    bltu t0, t1, 91b

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    LOAD_FASTPATHS
    /* the frame table: base = RAM's first PPN, FRAMES frames, counts 0 */
    la t0, ftab
    li t1, 0x80000
    sw t1, 0(t0)
    li t1, FRAMES
    sw t1, 4(t0)
    csrw 0x5C1, t0
    /* the free stack: two frames */
    la t0, fstack
    li t1, 2
    sw t1, 0(t0)
    sw t1, 4(t0)
    la t1, free0
    srli t1, t1, 12
    sw t1, 8(t0)
    la t1, free1
    srli t1, t1, 12
    sw t1, 12(t0)
    csrw 0x5C2, t0
    /* the source: page 0 writable, page 1 read-only, each counted once */
    MAP_TABLE(s_root, SRC_VA, s_l0)
    MAP_PAGE(s_l0, SRC_VA, page0, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D)
    MAP_PAGE(s_l0, SRC_VA + 0x1000, page1, PTE_V | PTE_R | PTE_U | PTE_A)
    la a0, page0
    jal count_addr
    li t1, 1
    sw t1, 0(a0)
    la a0, page1
    jal count_addr
    li t1, 1
    sw t1, 0(a0)
    /* the satps (ASIDs 1, 2) */
    la t0, s_root
    srli t0, t0, 12
    li t1, SATP_SV32 | (1 << 22)
    or t0, t0, t1
    la t1, s_satp
    sw t0, 0(t1)
    la t0, d_root
    srli t0, t0, 12
    li t1, SATP_SV32 | (2 << 22)
    or t0, t0, t1
    la t1, d_satp
    sw t0, 0(t1)
    ENTER_S(in_s)
in_s:
    TABLE_SUM
    mv s2, a0                           /* the tables as they are */
    /* remap off (fpen 1): 0 */
    DESC(0, SRC_VA, 0, DST_VA, 2)
    GOOD_SATPS
TEST_CASE(1, a0, 0, REMAP(a0, a1))
    li t0, 9
    csrw 0x5C0, t0                      /* refill + remap */
    /* malformed: -1 */
TEST_CASE(2, a0, -1, la a1, desc; addi a1, a1, 2; REMAP(a0, a1))
TEST_CASE(3, a0, -1, li a1, 0x10000000; REMAP(a0, a1))
TEST_CASE(4, a0, -1, li a1, 0x7ffffff8; REMAP(a0, a1))
    DESC(0, SRC_VA, 0, DST_VA, 2)
    GOOD_SATPS
    la t1, s_satp; lw t0, 0(t1); slli t0, t0, 1; srli t0, t0, 1; sw t0, 0(a1)   /* src MODE bare */
TEST_CASE(5, a0, -1, REMAP(a0, a1))
    DESC(0, SRC_VA, 0, DST_VA, 2)
    GOOD_SATPS
    la t1, d_satp; lw t0, 0(t1); slli t0, t0, 1; srli t0, t0, 1; sw t0, 8(a1)   /* dst MODE bare */
TEST_CASE(6, a0, -1, REMAP(a0, a1))
    DESC(0, SRC_VA + 0x800, 0, DST_VA, 2)
    GOOD_SATPS
TEST_CASE(7, a0, -1, REMAP(a0, a1))
    DESC(0, SRC_VA, 0, DST_VA + 4, 2)
    GOOD_SATPS
TEST_CASE(8, a0, -1, REMAP(a0, a1))
    DESC(0, 0xfffff000, 0, DST_VA, 2)   /* wraps */
    GOOD_SATPS
TEST_CASE(9, a0, -1, REMAP(a0, a1))
    DESC(0, SRC_VA, 0, 0x7ffff000, 2)   /* passes 0x8000_0000 */
    GOOD_SATPS
TEST_CASE(10, a0, -1, REMAP(a0, a1))
    DESC(0, SRC_VA, 0, DST_VA, 0x80000) /* 2 GiB of pages */
    GOOD_SATPS
TEST_CASE(11, a0, -1, REMAP(a0, a1))
    /* nothing changed */
    TABLE_SUM
TEST_CASE(12, a0, 0, sub a0, a0, s2)
    /* up to 0x8000_0000 exactly is well formed: the source page there is
     * not mapped, so no page is taken */
    DESC(0, 0x7ffff000, 0, DST_VA, 1)
    GOOD_SATPS
TEST_CASE(13, a0, 0, REMAP(a0, a1))
    /* the good one: two pages */
    DESC(0, SRC_VA, 0, DST_VA, 2)
    GOOD_SATPS
TEST_CASE(14, a0, 2, REMAP(a0, a1))
TEST_CASE(15, a0, 1, la t0, fstack; lw a0, 0(t0))            /* one frame popped */
    /* dst root -> the popped frame (free1, the top), PPN and V only */
    la t0, free1
    srli t0, t0, 12
    slli t0, t0, 10
    ori s3, t0, PTE_V
TEST_CASE(16, a0, 0, la t0, d_root; lw a0, ((DST_VA >> 22) * 4)(t0); sub a0, a0, s3)
    /* src page 0: W cleared, bit 8 set; dst: the same without A and D */
    la t0, page0
    srli t0, t0, 12
    slli t0, t0, 10
    ori s3, t0, PTE_V | PTE_R | PTE_U | PTE_A | PTE_D | 0x100
    ori s4, t0, PTE_V | PTE_R | PTE_U | 0x100
TEST_CASE(17, a0, 0, la t0, s_l0; lw a0, (((SRC_VA >> 12) & 0x3ff) * 4)(t0); sub a0, a0, s3)
TEST_CASE(18, a0, 0, la t0, free1; lw a0, (((DST_VA >> 12) & 0x3ff) * 4)(t0); sub a0, a0, s4)
    /* page 1, read-only: stays; dst without A */
    la t0, page1
    srli t0, t0, 12
    slli t0, t0, 10
    ori s3, t0, PTE_V | PTE_R | PTE_U | PTE_A
    ori s4, t0, PTE_V | PTE_R | PTE_U
TEST_CASE(19, a0, 0, la t0, s_l0; lw a0, ((((SRC_VA >> 12) + 1) & 0x3ff) * 4)(t0); sub a0, a0, s3)
TEST_CASE(20, a0, 0, la t0, free1; lw a0, ((((DST_VA >> 12) + 1) & 0x3ff) * 4)(t0); sub a0, a0, s4)
    /* counts: both pages 2, the new table 1 */
TEST_CASE(21, a0, 2, la a0, page0; jal count_addr; lw a0, 0(a0))
TEST_CASE(22, a0, 2, la a0, page1; jal count_addr; lw a0, 0(a0))
TEST_CASE(23, a0, 1, la a0, free1; jal count_addr; lw a0, 0(a0))
    /* again: the destination now holds mappings, so no page is taken */
    DESC(0, SRC_VA, 0, DST_VA, 2)
    GOOD_SATPS
TEST_CASE(24, a0, 0, REMAP(a0, a1))
    li t0, 1
    csrw 0x5C0, t0
    LEAVE_S
TEST_END

COUNT_ADDR_FN(ftab)

    .data
    .align 2
desc:   .space 20
s_satp: .word 0
d_satp: .word 0
    .align 12
tables_start:
s_root: .space 4096
s_l0:   .space 4096
d_root: .space 4096
free0:  .space 4096
free1:  .space 4096
ftab:   .space 8 + 4 * FRAMES
fstack: .space 16
tables_end:
    .align 12
page0:  .space 4096
page1:  .space 4096
