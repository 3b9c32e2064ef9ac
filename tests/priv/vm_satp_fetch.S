/*
 * A satp write takes effect at the very next instruction: the privileged
 * specification has changes of satp's MODE and ASID take effect at once,
 * without sfence.vma, and that includes the fetch of the instruction after
 * the write. Two address spaces (ASIDs 1 and 2) map VA_BASE onto two code
 * pages that begin with the same satp write and differ after it; each
 * switch must run the next instruction from the new space's page. The
 * same across a page boundary: a write in a page's last word, the next
 * page mapped differently by the two spaces. A switch to Bare from VA_BASE fetches the next
 * instruction from that physical address, where nothing is: an instruction
 * access fault there. (The kernel's satp writes run in global pages that
 * every space maps alike, so none of this shows there.)
 *
 * NEEDS: su sv32
 */
#include "test.h"
#include "priv.h"

#define RX (PTE_V | PTE_R | PTE_X | PTE_A)

/* satp for the root at label with ASID asid, into reg */
#define SATP_OF(reg, root, asid)                        \
    la reg, root;                                       \
    srli reg, reg, 12;                                  \
    li t0, SATP_SV32 | ((asid) << 22);                  \
    or reg, reg, t0

/* From S: run the code at va with s5 the satp its first instruction
 * writes; it sets a0 and comes back through s4 (to the identity-mapped
 * code after the macro). */
#define RUN_AT(va)                                      \
    la s4, 77f;                                         \
    li a0, 0;                                           \
    li t0, va;                                          \
    jr t0;                                              \
77:

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    MAP_IDENTITY(root, 0)
    MAP_TABLE(root, VA_BASE, l0)
    MAP_PAGE(l0, VA_BASE, code1, RX)
    MAP_IDENTITY(root2, 0)
    MAP_TABLE(root2, VA_BASE, l0b)
    MAP_PAGE(l0b, VA_BASE, code2, RX)
    MAP_PAGE(l0b, VA_BASE + 4096, code4, RX)
    MAP_IDENTITY(root3, 0)
    MAP_TABLE(root3, VA_BASE, l0c)
    MAP_PAGE(l0c, VA_BASE, code_end, RX)
    MAP_PAGE(l0c, VA_BASE + 4096, code3, RX)
    SATP_OF(s1, root, 1)
    SATP_OF(s2, root2, 2)
    SATP_OF(s3, root3, 3)
    csrw CSR_SATP, s1
    sfence.vma
    ENTER_S(in_s)
in_s:
/* ASID 1 -> 2 on the same page: the next word is code2's */
    SET_CASE(1)
    mv s5, s2
    RUN_AT(VA_BASE)
    li t6, 2
    CHECK_EQ(a0, t6)
/* and back: code1's */
    SET_CASE(2)
    mv s5, s1
    RUN_AT(VA_BASE)
    li t6, 1
    CHECK_EQ(a0, t6)
/* ASID 3 -> 2 from the last word of a page: the next page is code4 */
    SET_CASE(3)
    csrw CSR_SATP, s3
    sfence.vma
    mv s5, s2
    RUN_AT(VA_BASE + 4092)
    li t6, 4
    CHECK_EQ(a0, t6)
/* ASID 3 -> 3: code3 */
    SET_CASE(4)
    csrw CSR_SATP, s3
    mv s5, s3
    RUN_AT(VA_BASE + 4092)
    li t6, 3
    CHECK_EQ(a0, t6)
/* Sv32 -> Bare: the next fetch is of physical VA_BASE + 4, not RAM */
    SET_CASE(5)
    csrw CSR_SATP, s1
    mv s5, zero
    li a1, VA_BASE + 4
    la a2, bare_back
    TRAP_EXPECT_AT(CAUSE_FETCH_ACCESS, a1, a1, a2)
    li t0, VA_BASE
    jr t0
bare_back:
    TRAP_CHECK
    SET_CASE(6)
    LEAVE_S
    csrw CSR_SATP, zero
TEST_END

/* The code the spaces map at VA_BASE: the satp write, then the word that
 * tells which page it was fetched from. ASID 3 maps code_end there, whose
 * last word is the write, and code3 on the next page; ASID 2 code4. */
    .text
    .balign 4096
code1:
    csrw CSR_SATP, s5
    li a0, 1
    jr s4
    .balign 4096
code2:
    csrw CSR_SATP, s5
    li a0, 2
    jr s4
    .balign 4096
code3:
    li a0, 3
    jr s4
    .balign 4096
code4:
    li a0, 4
    jr s4
    .balign 4096
code_end:
    .fill 1023, 4, 0x00000013       /* nop */
    csrw CSR_SATP, s5               /* the next word is on the next page */

#include "vm.h"
    .data
    .align 12
l0b:    .space 4096
root3:  .space 4096
l0c:    .space 4096
