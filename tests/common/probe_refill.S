/*
 * Capability probe (tests/common/elfsuite.py): does the core under test
 * implement the VM contract's software refill? With fpen = 0, a U-mode
 * access after sfence.vma raises cause 24 and the handler's insert through
 * fpinsert lets it complete. Tests marked "NEEDS: refill" wait for it.
 */
#include "test.h"
#include "../priv/priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, PTE_U)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE + 0x30000, page1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D | PTE_U)
    SATP_ON(root)
    csrw CSR_FPEN, zero
    sfence.vma
    la t0, refill_entry
    csrw CSR_MTVEC, t0
    ENTER_U(in_u)
in_u:
TEST_CASE(1, a0, 0x10000001, li a1, VA_BASE + 0x30000; lw a0, 4(a1))
    SET_CASE(2)
    LEAVE_U
    la t0, trap_entry
    csrw CSR_MTVEC, t0
TEST_CASE(3, a0, 1, la a1, rf_count; lw a0, 0(a1); sltu a0, x0, a0)   /* misses happened */
    li t0, 1
    csrw CSR_FPEN, t0
    csrw CSR_SATP, zero
TEST_END

#include "../priv/refill.h"
#include "../priv/vm.h"
