/*
 * Capability probe (tests/common/elfsuite.py): does the core under test
 * translate with Sv32? In S mode, with RAM identity-mapped by a megapage,
 * a load through a 4 KiB page at VA_BASE must read the page it maps. Tests
 * marked "NEEDS: sv32" wait for it.
 */
#include "test.h"
#include "../priv/priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE, page1, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
    SATP_ON(root)
    ENTER_S(in_s)
in_s:
TEST_CASE(1, a0, 0x10000001, li a1, VA_BASE; lw a0, 4(a1))
    SET_CASE(2)
    LEAVE_S
    csrw CSR_SATP, zero
TEST_END

#include "../priv/vm.h"
