/*
 * The VM contract's software TLB refill (DESIGN: "Virtual memory and the
 * microcode fast paths"): fpen (0x5C0) resets to 1 (hardware refill only)
 * and keeps bits 3:0; with bit 0 clear, a U-mode access that misses the TLB
 * raises cause 24 with fpmiss (0x5C5) = VPN << 12 | kind << 9 | ASID (kind
 * 0 fetch, 1 load, 2 store); software writes the leaf PTE to fpinsert
 * (0x5C6) and retries. An insert of a PTE with A = 0 is ignored, so the
 * access misses again. fpmiss is writable.
 *
 * QEMU: no - the VM fast-path CSRs are Accent-V's own.
 *
 * NEEDS: su sv32 refill
 */
#include "test.h"
#include "priv.h"

#define RWU   (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_U)
#define VA_L  (VA_BASE + 0x30000)     /* TLB indices 0x30, 0x31: clear of */
#define VA_S  (VA_BASE + 0x31000)     /* the program's own pages */
#define ASID  5
#define MISS(va, kind) ((((va) >> 12) << 12) | ((kind) << 9) | ASID)

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
TEST_CASE(1, a0, 1,   csrr a0, CSR_FPEN)                       /* reset value */
TEST_CASE(2, a0, 0xf, li a1, -1; csrw CSR_FPEN, a1; csrr a0, CSR_FPEN)
TEST_CASE(3, a0, 0x12345000 | (2 << 9) | 0x1ab, li a1, 0x12345000 | (2 << 9) | 0x1ab; csrw CSR_FPMISS, a1; csrr a0, CSR_FPMISS)

    MAP_IDENTITY(root, PTE_U)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_L, page1, RWU)
    MAP_PAGE(l0, VA_S, page2, RWU)
    la t0, root
    srli t0, t0, 12
    li t1, SATP_SV32 | (ASID << 22)
    or t0, t0, t1
    csrw CSR_SATP, t0
    csrw CSR_FPEN, zero          /* software refill */
    sfence.vma                   /* empty TLB: the first U accesses miss */
    la t0, rf_poison
    li t1, VA_L >> 12
    sw t1, 0(t0)
    la t0, refill_entry
    csrw CSR_MTVEC, t0
    ENTER_U(in_u)
in_u:
TEST_CASE(4, a0, 0x10000001, li a1, VA_L; lw a0, 4(a1))
TEST_CASE(5, a0, 0x77,       li a1, VA_S; li a2, 0x77; sw a2, 8(a1); lw a0, 8(a1))
    SET_CASE(6)
    LEAVE_U
    la t0, trap_entry
    csrw CSR_MTVEC, t0
    li t0, 1
    csrw CSR_FPEN, t0
    csrw CSR_SATP, zero

/* The first miss was the fetch of in_u. */
    SET_CASE(7)
    la a1, rf_log
    lw a0, 0(a1)
    la a2, in_u
    srli a2, a2, 12
    slli a2, a2, 12
    ori a2, a2, ASID
    CHECK_EQ(a0, a2)
/* The load missed twice (the poisoned insert was ignored), as a load. */
TEST_CASE(8, a0, 2, li a0, MISS(VA_L, 1); call rf_count_of)
/* The store was the first access to its page: a store miss, once. */
TEST_CASE(9, a0, 1, li a0, MISS(VA_S, 2); call rf_count_of)
/* No load miss for it: the store's insert served the load after it (an
 * entry at its own TLB index, nothing evicts it in between). */
TEST_CASE(10, a0, 0, li a0, MISS(VA_S, 1); call rf_count_of)
/* The data reached the frames. */
TEST_CASE(11, a0, 0x77, la a1, page2; lw a0, 8(a1))
TEST_END

#include "refill.h"
#include "vm.h"
