/*
 * The fast-path event counters (DESIGN: "VM contract", 0x5C3/0x5C4):
 * hpmcounter3/4 count what mhpmevent3/4 select, fpevent3/4 being their
 * supervisor views (one register each). Bits 3:0 are a mask of paths
 * (refill, zero-fill, copy-on-write, remap), bits 5:4 the event: 1 runs,
 * 2 hand-offs to C, 3 cycles. Machine mode loads the fast-path microcode,
 * lays out a frame table, a free stack of three frames and page tables,
 * and the counts are checked exactly (cycles within bounds):
 *   zero-fill: a served fault is a run; a fault the path takes but leaves
 *     to C (empty stack) a hand-off; a fault it does not take (no U
 *     permission) or a disabled path none; the cycles of one run cover the
 *     page's 1024 stores;
 *   copy-on-write: the last sharer's fault is a run, a shared page with an
 *     empty stack a hand-off;
 *   refill: a U-mode TLB miss walked is a run (a TLB hit is not), its
 *     cycles a few per miss; with fpen bit 0 clear every cause-24 trap is a
 *     hand-off;
 *   remap: a well-formed descriptor is a run, stopping before the last page
 *     a hand-off, a malformed one neither;
 *   the fault routines' own counts (VM contract ST_*, in the struct whose
 *     address is the word before the frame table): one a fault served, by
 *     kind, and pages given a frame and copied, and the cycles each
 *     served fault timed itself (ST_CYC_*); nothing for a hand-off.
 * Also: the counters are 32 bits (the h halves read zero, writes ignored),
 * M-mode writes take effect, mcountinhibit reads zero; below M reads need
 * mcounteren (and in U scounteren) bits 3/4, else illegal instruction, and
 * the user views are read-only.
 *
 * QEMU: no - the fast paths, their CSRs and the load port are Accent-V's own.
 * ISS: no - cycles and refill runs are the RTL's to count (the ISS models
 * neither; in co-simulation counter reads come from the RTL).
 *
 * NEEDS: su sv32 refill
 */
#include "test.h"
#include "priv.h"
#include "vm_contract.h"

#define REMAP(rd, rs1) .insn r 0x2b, 0, 0, rd, rs1, x0
#define FRAMES  96                    /* the frame table covers 384 KiB from RAM's start */
#define ZF      (0x100 | PTE_R | PTE_W | PTE_U)   /* zero-fill PTE, user read/write */
#define ZF_S    (0x100 | PTE_R | PTE_W)           /* zero-fill, supervisor only */
#define COW     (0x100 | PTE_V | PTE_R | PTE_U | PTE_A)
#define RWU     (PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D)
#define EV(ev, mask) (((ev) << 4) | (mask))
#define RUNS 1
#define HAND 2
#define CYC  3
#define P_REFILL 1
#define P_ZERO   2
#define P_COW    4
#define P_REMAP  8

#define RD_HPM3   0xc0302573          /* csrr a0, hpmcounter3 */
#define RD_HPM4   0xc0402573          /* csrr a0, hpmcounter4 */
#define WR_HPM3   0xc0351073          /* csrw hpmcounter3, a0 */

/* l0[VPN[0] of va] = a constant PTE (no frame) */
#define SET_PTE(va, pte)                                \
    li t0, pte;                                         \
    PTE_ADDR(t1, l0, va);                               \
    sw t0, 0(t1)

/* the counters: select, and start from 0 */
#define SELECT(e3, e4)                                  \
    li t0, e3; csrw CSR_MHPMEVENT3, t0;                 \
    li t0, e4; csrw CSR_MHPMEVENT4, t0;                 \
    csrw CSR_MHPMCOUNTER3, zero;                        \
    csrw CSR_MHPMCOUNTER4, zero

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    LOAD_FASTPATHS
    /* ---- the CSRs themselves (machine mode) ---- */
    /* mhpmevent3/4 and fpevent3/4 are one register each */
TEST_CASE(1, a0, EV(RUNS, P_ZERO), li a1, EV(RUNS, P_ZERO); csrw CSR_MHPMEVENT3, a1; csrr a0, CSR_FPEVENT3)
TEST_CASE(2, a0, EV(HAND, P_ZERO), li a1, EV(HAND, P_ZERO); csrw CSR_FPEVENT4, a1; csrr a0, CSR_MHPMEVENT4)
    /* writes take effect; the high halves read zero and ignore writes */
TEST_CASE(3, a0, 12345, li a1, 12345; csrw CSR_MHPMCOUNTER3, a1; csrr a0, CSR_MHPMCOUNTER3)
TEST_CASE(4, a0, 0, li a1, -1; csrw CSR_MHPMCOUNTER3H, a1; csrr a0, CSR_MHPMCOUNTER3H)
TEST_CASE(5, a0, 0, li a1, -1; csrw CSR_MHPMCOUNTER4H, a1; csrr a0, CSR_MHPMCOUNTER4H)
TEST_CASE(6, a0, 12345, csrr a0, CSR_MHPMCOUNTER3)        /* nothing counted meanwhile */
TEST_CASE(7, a0, 0, li a1, -1; csrw CSR_MCOUNTINHIBIT, a1; csrr a0, CSR_MCOUNTINHIBIT)

    /* ---- tables ---- */
    la t0, ftab                         /* frame table: RAM's first FRAMES frames */
    li t1, 0x80000
    sw t1, 0(t0)
    li t1, FRAMES
    sw t1, 4(t0)
    csrw CSR_FPFRAMES, t0
    la t0, fstack                       /* free stack: three frames */
    li t1, 3
    sw t1, 0(t0)
    sw t1, 4(t0)
    la t1, free0
    srli t1, t1, 12
    sw t1, 8(t0)
    la t1, free1
    srli t1, t1, 12
    sw t1, 12(t0)
    la t1, free2
    srli t1, t1, 12
    sw t1, 16(t0)
    csrw CSR_FPFREE, t0
    MAP_IDENTITY(root, PTE_U)
    MAP_TABLE(root, VA_BASE, l0)
    SET_PTE(VA_BASE + 0x0000, ZF)
    SET_PTE(VA_BASE + 0x1000, ZF)
    SET_PTE(VA_BASE + 0x2000, ZF)
    SET_PTE(VA_BASE + 0x3000, ZF)
    SET_PTE(VA_BASE + 0x4000, ZF_S)
    SET_PTE(VA_BASE + 0x5000, ZF)
    MAP_PAGE(l0, VA_BASE + 0x6000, cow1, COW)    /* count 1: the last sharer */
    MAP_PAGE(l0, VA_BASE + 0x7000, cow2, COW)    /* count 2: a copy */
    la a0, cow1
    jal count_addr
    li t1, 1
    sw t1, 0(a0)
    la a0, cow2
    jal count_addr
    li t1, 2
    sw t1, 0(a0)
    MAP_PAGE(l0, VA_BASE + 0x10000, page0, RWU)  /* for refill: TLB indices 0x10-0x12 */
    MAP_PAGE(l0, VA_BASE + 0x11000, page1, RWU)
    MAP_PAGE(l0, VA_BASE + 0x12000, page2, RWU)
    SATP_ON(root)
    li t0, 0xf
    csrw CSR_FPEN, t0
    li t0, 0x18                         /* hpmcounter3/4 for S; U gets hpmcounter3 */
    csrw CSR_MCOUNTEREN, t0
    li t0, 0x08
    csrw CSR_SCOUNTEREN, t0

    /* ---- zero-fill: runs (hpmcounter3), hand-offs (hpmcounter4) ---- */
    SELECT(EV(RUNS, P_ZERO), EV(HAND, P_ZERO))
    ENTER_U(u1)
u1:
TEST_CASE(10, a0, 0, li a1, VA_BASE; lw a0, 8(a1))                       /* zero-filled */
TEST_CASE(11, a0, 0x55, li a1, VA_BASE + 0x1000; li a2, 0x55; sw a2, 0(a1); lw a0, 0(a1))
TEST_CASE(12, a0, 2, csrr a0, CSR_HPMCOUNTER3)
TEST_CASE(13, a0, 0, li a1, VA_BASE; lw a0, 12(a1); csrr a0, CSR_HPMCOUNTER3; addi a0, a0, -2) /* resident: no fault */
TEST_CASE(14, a0, 0, csrr a0, CSR_HPMCOUNTER3H)
ILLEGAL_HERE(15, RD_HPM4)                        /* scounteren bit 4 clear */
ILLEGAL_HERE(16, WR_HPM3)                        /* read-only */
    SET_CASE(17)
    LEAVE_U
    /* one more run counting cycles: at least the page's 1024 stores */
    SELECT(EV(CYC, P_ZERO), EV(RUNS, P_ZERO | P_COW))
    ENTER_U(u2)
u2:
TEST_CASE(20, a0, 0, li a1, VA_BASE + 0x2000; lw a0, 0(a1))
    csrr s2, CSR_HPMCOUNTER3
TEST_CASE(21, a0, 0, sltiu a0, s2, 1024)
TEST_CASE(22, a0, 1, sltiu a0, s2, 2047)
    SET_CASE(23)
    LEAVE_U
TEST_CASE(24, a0, 1, csrr a0, CSR_MHPMCOUNTER4)
TEST_CASE(25, a0, 0, la t0, fstack; lw a0, 0(t0))           /* the stack is empty */
    /* hand-offs: the empty stack; no U permission and a disabled path are none */
    SELECT(EV(HAND, P_ZERO), EV(HAND, P_REFILL | P_COW | P_REMAP))
    ENTER_U(u3)
u3:
    SET_CASE(30)
    li a1, VA_BASE + 0x3000
    TRAP_EXPECT(CAUSE_LOAD_PAGE_FAULT, a1)
    lw a0, 0(a1)
    TRAP_CHECK
    SET_CASE(31)
    li a1, VA_BASE + 0x4000
    TRAP_EXPECT(CAUSE_STORE_PAGE_FAULT, a1)
    sw a0, 0(a1)
    TRAP_CHECK
TEST_CASE(32, a0, 1, csrr a0, CSR_HPMCOUNTER3)              /* the empty stack only */
    SET_CASE(33)
    LEAVE_U
    li t0, 0xd                          /* zero-fill off */
    csrw CSR_FPEN, t0
    ENTER_U(u4)
u4:
    SET_CASE(34)
    li a1, VA_BASE + 0x5000
    TRAP_EXPECT(CAUSE_LOAD_PAGE_FAULT, a1)
    lw a0, 0(a1)
    TRAP_CHECK
TEST_CASE(35, a0, 1, csrr a0, CSR_HPMCOUNTER3)
    SET_CASE(36)
    LEAVE_U
TEST_CASE(37, a0, 0, csrr a0, CSR_MHPMCOUNTER4)             /* other paths: nothing */

    /* ---- copy-on-write: runs (3), hand-offs (4) ---- */
    li t0, 0xf
    csrw CSR_FPEN, t0
    SELECT(EV(RUNS, P_COW), EV(HAND, P_COW))
    ENTER_U(u5)
u5:
TEST_CASE(40, a0, 0x66, li a1, VA_BASE + 0x6000; li a2, 0x66; sw a2, 4(a1); lw a0, 4(a1))
    SET_CASE(41)
    li a1, VA_BASE + 0x7000             /* shared, and no frame to copy to */
    TRAP_EXPECT(CAUSE_STORE_PAGE_FAULT, a1)
    sw a0, 0(a1)
    TRAP_CHECK
TEST_CASE(42, a0, 1, csrr a0, CSR_HPMCOUNTER3)
    SET_CASE(43)
    LEAVE_U
TEST_CASE(44, a0, 1, csrr a0, CSR_MHPMCOUNTER4)
    /* the routines' counts: zero-fill served 3 (cases 10, 11, 20), the last
     * sharer 1 (case 40), no copy (case 41 handed off) */
TEST_CASE(45, a0, 3, la t0, kstats; lw a0, VMC_ST_FAST_ZFILL(t0))
TEST_CASE(46, a0, 1, la t0, kstats; lw a0, VMC_ST_FAST_LAST(t0))
TEST_CASE(47, a0, 0, la t0, kstats; lw a0, VMC_ST_FAST_COPY(t0))
TEST_CASE(48, a0, 3, la t0, kstats; lw a0, VMC_ST_PAGES_FRAMED(t0))
TEST_CASE(49, a0, 0, la t0, kstats; lw a0, VMC_ST_PAGES_COPIED(t0))
    /* and their own cycles (A_STAMP, mcycle): zero-fill's 3 cover their
     * pages' 1024 stores each and stay under the 1 177 a whole fault may
     * take, the last sharer's one is some and under 60, the hand-off none */
TEST_CASE(55, a0, 0, la t0, kstats; lw a1, VMC_ST_CYC_ZFILL(t0); li t1, 3 * 1024; sltu a0, a1, t1)
TEST_CASE(56, a0, 1, la t0, kstats; lw a1, VMC_ST_CYC_ZFILL(t0); li t1, 3 * 1177; sltu a0, a1, t1)
TEST_CASE(57, a0, 1, la t0, kstats; lw a1, VMC_ST_CYC_LAST(t0); sltu a0, zero, a1)
TEST_CASE(58, a0, 1, la t0, kstats; lw a1, VMC_ST_CYC_LAST(t0); sltiu a0, a1, 60)
TEST_CASE(59, a0, 0, la t0, kstats; lw a0, VMC_ST_CYC_COPY(t0))

    /* ---- refill: runs (3) and cycles (4) over three fresh pages, then
     * the same pages again (TLB hits) ---- */
    SELECT(EV(RUNS, P_REFILL), EV(CYC, P_REFILL))
    sfence.vma
    li t0, 300                          /* the TLB's flush sweep (256 cycles) ends */
1:  addi t0, t0, -1
    bnez t0, 1b
    ENTER_U(u6)
    .align 7                            /* (the block stays in one page) */
u6:
    csrr s2, CSR_HPMCOUNTER3
    li a1, VA_BASE + 0x10000
    li a2, VA_BASE + 0x11000
    li a3, VA_BASE + 0x12000
    lw a0, 0(a1)
    lw a0, 0(a2)
    lw a0, 0(a3)
    csrr s3, CSR_HPMCOUNTER3
    lw a0, 0(a1)
    lw a0, 0(a2)
    lw a0, 0(a3)
    csrr s4, CSR_HPMCOUNTER3
    SET_CASE(50)
    LEAVE_U
    csrr s5, CSR_MHPMCOUNTER4
TEST_CASE(51, a0, 3, sub a0, s3, s2)
TEST_CASE(52, a0, 0, sub a0, s4, s3)
TEST_CASE(53, a0, 1, sltu a0, zero, s5)     /* cycles: some */
    csrr s6, CSR_MHPMCOUNTER3
TEST_CASE(54, a0, 1, slli t0, s6, 4; sltu a0, s5, t0)   /* under 16 a run */
    /* with fpen bit 0 clear every miss of U is cause 24: a hand-off each */
    li t0, 0xe
    csrw CSR_FPEN, t0
    SELECT(EV(HAND, P_REFILL), EV(RUNS, P_REFILL))
    la t0, rf_count
    sw zero, 0(t0)
    la t0, refill_entry
    csrw CSR_MTVEC, t0
    ENTER_U(u7)
u7:
    li a1, VA_BASE + 0x10000
    li a2, VA_BASE + 0x11000
    lw a0, 0(a1)
    lw a0, 0(a2)
    SET_CASE(60)
    LEAVE_U
    la t0, trap_entry
    csrw CSR_MTVEC, t0
    csrr s2, CSR_MHPMCOUNTER3
    la t0, rf_count
    lw s3, 0(t0)
TEST_CASE(61, a0, 0, sub a0, s2, s3)
TEST_CASE(62, a0, 0, sltiu a0, s3, 3)        /* at least three (code, 2 pages) */
    li t0, 0xf
    csrw CSR_FPEN, t0

    /* ---- remap (S mode, bare): runs (3), hand-offs (4) ---- */
    csrw CSR_SATP, zero
    SELECT(EV(RUNS, P_REMAP), EV(HAND, P_REMAP))
    li t0, 0x10                         /* S: hpmcounter4 only */
    csrw CSR_MCOUNTEREN, t0
    la t0, root
    srli t0, t0, 12
    li t1, SATP_SV32
    or s7, t0, t1                       /* a satp for the descriptors */
    ENTER_S(s1)
s1:
    la a1, desc                         /* one page whose source is not mapped */
    sw s7, 0(a1)
    li t0, 0x00400000
    sw t0, 4(a1)
    sw s7, 8(a1)
    li t0, 0x00800000
    sw t0, 12(a1)
    li t0, 1
    sw t0, 16(a1)
TEST_CASE(70, a0, 0, REMAP(a0, a1))
TEST_CASE(71, a0, 1, csrr a0, CSR_HPMCOUNTER4)
    sw zero, 16(a1)                     /* no pages: a run, nothing stops */
TEST_CASE(72, a0, 0, REMAP(a0, a1))
    addi a1, a1, 2                      /* malformed: neither */
TEST_CASE(73, a0, -1, REMAP(a0, a1))
TEST_CASE(74, a0, 1, csrr a0, CSR_HPMCOUNTER4)
ILLEGAL_HERE(75, RD_HPM3)                       /* mcounteren bit 3 clear */
    SET_CASE(76)
    LEAVE_S
TEST_CASE(77, a0, 2, csrr a0, CSR_MHPMCOUNTER3)
    li t0, 1
    csrw CSR_FPEN, t0
    csrw CSR_MCOUNTEREN, zero
    csrw CSR_SCOUNTEREN, zero
TEST_END

COUNT_ADDR_FN(ftab)

#include "refill.h"

    .data
    .align 2
desc:   .space 20
    .align 12
free0:  .space 4096
free1:  .space 4096
free2:  .space 4096
cow1:   .space 4096
cow2:   .space 4096
ftstat: .word kstats                    /* the word before the frame table */
ftab:   .space 8 + 4 * FRAMES
kstats: .space 256                      /* the kernel's statistics, as far as the routines go */
fstack: .space 20

#include "vm.h"
