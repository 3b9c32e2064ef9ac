/*
 * remap (custom-1) page by page, with the fast-path microcode loaded (as
 * remap_bad.S does): the per-page rules of DESIGN's VM contract and the
 * microcode's runs (docs/core.md, "Fast paths"). One call takes six pages
 * whose source crosses a 4 MiB span after three and whose destination
 * crosses one after five, into a table that is missing there: writable
 * (both lose W, gain bit 8), read-only, copy-on-write, R+X, R+W+X+U (the
 * leaf mask's pattern 31) and X-only sources; a destination PTE that is not
 * 0 but holds no mapping (V, bits 8 and 9 clear) is taken. Then the stops,
 * each with nothing changed for the page: a W-only source in the middle of
 * a run, a frame outside the frame table, a destination that is mapped, a
 * zero-fill and a paged-out destination, a destination megapage, a source
 * without a second-level table, and an empty free stack where a table is
 * missing. Co-simulation compares every step with the ISS's model.
 *
 * QEMU: no - remap and the load port are Accent-V's own.
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

#define REMAP(rd, rs1) .insn r 0x2b, 0, 0, rd, rs1, x0
#define FRAMES  96                    /* the frame table covers 384 KiB from RAM's start */
#define S0      0x003fd000            /* six source pages: three, then a new span */
#define D0      0x007fb000            /* five destination pages, then a new span */
#define PTE_COW 0x100
#define PTE_PAGED 0x200

/* desc <- {src satp, src va, dst satp, dst va, pages}; a0 <- remap(desc) */
#define RUN(sv, dv, n)                                   \
    la a1, desc;                                         \
    la t1, s_satp; lw t0, 0(t1); sw t0, 0(a1);           \
    li t0, sv; sw t0, 4(a1);                             \
    la t1, d_satp; lw t0, 0(t1); sw t0, 8(a1);           \
    li t0, dv; sw t0, 12(a1);                            \
    li t0, n;  sw t0, 16(a1);                            \
    REMAP(a0, a1)

/* reg <- the address of va's PTE in table l0 (any offset; t3 scratch) */
#define PTE_AT(reg, l0, va)                              \
    la reg, l0; li t3, ((((va) >> 12) & 0x3ff) * 4); add reg, reg, t3

/* a0 <- the PTE for va in table l0 less (the frame at label | flags) */
#define PTE_LESS(l0, va, label, flags)                   \
    PTE_AT(t2, l0, va); lw a0, 0(t2);                    \
    la t0, label; srli t0, t0, 12; slli t0, t0, 10;      \
    ori t0, t0, (flags); sub a0, a0, t0

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    LOAD_FASTPATHS
    /* the frame table: base = RAM's first PPN, FRAMES frames; each page 1 */
    la t0, ftab
    li t1, 0x80000
    sw t1, 0(t0)
    li t1, FRAMES
    sw t1, 4(t0)
    csrw 0x5C1, t0
    li t1, 1
    la a0, page0; jal count_addr; sw t1, 0(a0)
    la a0, page1; jal count_addr; sw t1, 0(a0)
    la a0, page2; jal count_addr; sw t1, 0(a0)
    /* the free stack: three frames, free2 on top */
    la t0, fstack
    li t1, 3
    sw t1, 0(t0)
    sw t1, 4(t0)
    la t1, free0; srli t1, t1, 12; sw t1, 8(t0)
    la t1, free1; srli t1, t1, 12; sw t1, 12(t0)
    la t1, free2; srli t1, t1, 12; sw t1, 16(t0)
    csrw 0x5C2, t0
    /* the source: two second-level tables */
    MAP_TABLE(s_root, S0, s_l0a)
    MAP_TABLE(s_root, 0x00400000, s_l0b)
    MAP_PAGE(s_l0a, S0,          page0, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D)
    MAP_PAGE(s_l0a, S0 + 0x1000, page1, PTE_V | PTE_R | PTE_U | PTE_A)
    MAP_PAGE(s_l0a, S0 + 0x2000, page2, PTE_V | PTE_R | PTE_U | PTE_A | PTE_COW)
    MAP_PAGE(s_l0b, S0 + 0x3000, page0, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A)
    MAP_PAGE(s_l0b, S0 + 0x4000, page1, PTE_V | PTE_R | PTE_W | PTE_X | PTE_U | PTE_A | PTE_D)
    MAP_PAGE(s_l0b, S0 + 0x5000, page2, PTE_V | PTE_X | PTE_U | PTE_A)
    MAP_PAGE(s_l0b, S0 + 0x6000, page0, PTE_V | PTE_R | PTE_U | PTE_A)
    MAP_PAGE(s_l0b, S0 + 0x7000, page0, PTE_V | PTE_W | PTE_U | PTE_A)          /* W only: no leaf */
    PTE_AT(t1, s_l0b, S0 + 0x8000)                                            /* a frame outside */
    li t0, (0x90000 << 10) | PTE_V | PTE_R | PTE_U | PTE_A
    sw t0, 0(t1)
    /* the destination: one table; 0x800000's span has none */
    MAP_TABLE(d_root, D0, d_l0a)
    PTE_AT(t1, d_l0a, D0 + 0x1000)                    /* no mapping, but not 0 */
    li t0, 0x12345000 | PTE_R | PTE_W | PTE_U
    sw t0, 0(t1)
    li t0, (0x80400 << 10) | PTE_V | PTE_R | PTE_W | PTE_U   /* a megapage at 0xc00000 */
    la t1, d_root
    sw t0, ((0x00c00000 >> 22) * 4)(t1)
    /* the satps (ASIDs 1, 2) */
    la t0, s_root; srli t0, t0, 12; li t1, SATP_SV32 | (1 << 22); or t0, t0, t1
    la t1, s_satp; sw t0, 0(t1)
    la t0, d_root; srli t0, t0, 12; li t1, SATP_SV32 | (2 << 22); or t0, t0, t1
    la t1, d_satp; sw t0, 0(t1)
    ENTER_S(in_s)
in_s:
    li t0, 9
    csrw 0x5C0, t0                      /* refill + remap */
TEST_CASE(1, a0, 6, RUN(S0, D0, 6))
TEST_CASE(2, a0, 2, la t0, fstack; lw a0, 0(t0))            /* the new table popped */
    /* 0x800000's span: free2, PPN and V only */
TEST_CASE(3, a0, 0, la t0, d_root; lw a0, ((0x00800000 >> 22) * 4)(t0); \
          la t0, free2; srli t0, t0, 12; slli t0, t0, 10; ori t0, t0, PTE_V; sub a0, a0, t0)
    /* writable: both W=0 and bit 8; the destination without A, D */
TEST_CASE(4, a0, 0, PTE_LESS(s_l0a, S0, page0, PTE_V | PTE_R | PTE_U | PTE_A | PTE_D | PTE_COW))
TEST_CASE(5, a0, 0, PTE_LESS(d_l0a, D0, page0, PTE_V | PTE_R | PTE_U | PTE_COW))
    /* read-only: kept; into the PTE that held no mapping */
TEST_CASE(6, a0, 0, PTE_LESS(s_l0a, S0 + 0x1000, page1, PTE_V | PTE_R | PTE_U | PTE_A))
TEST_CASE(7, a0, 0, PTE_LESS(d_l0a, D0 + 0x1000, page1, PTE_V | PTE_R | PTE_U))
    /* copy-on-write: kept, and so in the destination */
TEST_CASE(8, a0, 0, PTE_LESS(s_l0a, S0 + 0x2000, page2, PTE_V | PTE_R | PTE_U | PTE_A | PTE_COW))
TEST_CASE(9, a0, 0, PTE_LESS(d_l0a, D0 + 0x2000, page2, PTE_V | PTE_R | PTE_U | PTE_COW))
    /* R+X, then R+W+X (U X W R V all set) */
TEST_CASE(10, a0, 0, PTE_LESS(s_l0b, S0 + 0x3000, page0, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A))
TEST_CASE(11, a0, 0, PTE_LESS(d_l0a, D0 + 0x3000, page0, PTE_V | PTE_R | PTE_X | PTE_U))
TEST_CASE(12, a0, 0, PTE_LESS(s_l0b, S0 + 0x4000, page1, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A | PTE_D | PTE_COW))
TEST_CASE(13, a0, 0, PTE_LESS(d_l0a, D0 + 0x4000, page1, PTE_V | PTE_R | PTE_X | PTE_U | PTE_COW))
    /* X only, into the new table */
TEST_CASE(14, a0, 0, PTE_LESS(free2, 0x00800000, page2, PTE_V | PTE_X | PTE_U))
    /* counts: each page twice more; the table 1 */
TEST_CASE(15, a0, 3, la a0, page0; jal count_addr; lw a0, 0(a0))
TEST_CASE(16, a0, 3, la a0, page1; jal count_addr; lw a0, 0(a0))
TEST_CASE(17, a0, 3, la a0, page2; jal count_addr; lw a0, 0(a0))
TEST_CASE(18, a0, 1, la a0, free2; jal count_addr; lw a0, 0(a0))
    /* a run that stops at its second page (W only): one page */
TEST_CASE(19, a0, 1, RUN(S0 + 0x6000, 0x00801000, 3))
TEST_CASE(20, a0, 0, PTE_LESS(free2, 0x00801000, page0, PTE_V | PTE_R | PTE_U))
TEST_CASE(21, a0, 0, PTE_AT(t2, free2, 0x00802000); lw a0, 0(t2))
TEST_CASE(22, a0, 4, la a0, page0; jal count_addr; lw a0, 0(a0))
    /* the stops at a run's first page: nothing changes */
TEST_CASE(23, a0, 0, RUN(S0 + 0x8000, 0x00803000, 1))      /* frame outside the table */
TEST_CASE(24, a0, 0, RUN(S0 + 0x6000, D0, 1))              /* destination mapped */
    PTE_AT(t1, free2, 0x00804000)
    li t0, PTE_COW | PTE_R | PTE_W | PTE_U                  /* zero-fill */
    sw t0, 0(t1)
TEST_CASE(25, a0, 0, RUN(S0 + 0x6000, 0x00804000, 1))
    PTE_AT(t1, free2, 0x00805000)
    li t0, (7 << 10) | PTE_PAGED | PTE_R | PTE_U             /* paged out */
    sw t0, 0(t1)
TEST_CASE(26, a0, 0, RUN(S0 + 0x6000, 0x00805000, 1))
TEST_CASE(27, a0, 0, RUN(S0 + 0x6000, 0x00c00000, 1))      /* a megapage */
TEST_CASE(28, a0, 0, RUN(0x00800000, 0x00803000, 1))       /* no source table */
    la t0, fstack
    sw zero, 0(t0)                                          /* no frame for a table */
TEST_CASE(29, a0, 0, RUN(S0 + 0x6000, 0x01000000, 1))
TEST_CASE(30, a0, 0, la t0, d_root; lw a0, ((0x01000000 >> 22) * 4)(t0))
TEST_CASE(31, a0, 4, la a0, page0; jal count_addr; lw a0, 0(a0))
TEST_CASE(32, a0, 0, PTE_AT(t2, free2, 0x00803000); lw a0, 0(t2))
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
s_root: .space 4096
s_l0a:  .space 4096
s_l0b:  .space 4096
d_root: .space 4096
d_l0a:  .space 4096
free0:  .space 4096
free1:  .space 4096
free2:  .space 4096
page0:  .space 4096
page1:  .space 4096
page2:  .space 4096
ftab:   .space 8 + 4 * FRAMES
fstack: .space 20
