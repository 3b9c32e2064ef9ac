/*
 * The writable control store's load port (CSRs ucaddr 0x7C0, ucdatalo 0x7C1,
 * ucdatahi 0x7C2): a routine assembled from tests/ucode/loadport.uc into the
 * C array uc_loadport (uasm --c-array, linked in) is written word by word,
 * its first word into the dispatch entry of class CUSTOM0. Before that,
 * custom-0 is an illegal instruction; after it, custom-0 computes
 * rd <- 2*rs1 + rs2. Also: ucdatahi reads 0, a
 * csrr of ucdatahi stores nothing, and U mode may not touch the port.
 *
 * QEMU: no - the load port and run-time microcode are Accent-V's own
 * ISS: no - the ISS does not model run-time microcode (co-simulation takes custom-0's effects from the RTL)
 */
#include "test.h"
#include "priv.h"

/* custom-0, R-type: rd, rs1, rs2 */
#define CUSTOM0(rd, rs1, rs2) .insn r 0x0b, 0, 0, rd, rs1, rs2

TEST_BEGIN
/* ucdatahi reads 0. (ucaddr and ucdatalo read back on the RTL, but the ISS
 * reads them as 0, so co-simulation cannot check it yet.) */
TEST_CASE(3, a0, 0, li a1, 0x123; csrw CSR_UCADDR, a1; csrr a0, CSR_UCDATAHI)

/* Before loading, custom-0 is illegal; tval is the instruction. */
    SET_CASE(4)
    la a3, c0_first
    lw a3, 0(a3)
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3)
c0_first:
    CUSTOM0(a0, a1, a2)
    TRAP_CHECK

/* U mode may not reach the port: each of the three CSRs is illegal there. */
    PMP_OPEN
    ENTER_U(in_u)
in_u:
    SET_CASE(5)
    li a3, 0x7c002573            /* csrr a0, ucaddr */
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3)
    .word 0x7c002573
    TRAP_CHECK
    SET_CASE(6)
    li a3, 0x7c159073            /* csrw ucdatalo, a1 */
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3)
    .word 0x7c159073
    TRAP_CHECK
    SET_CASE(7)
    li a3, 0x7c259073            /* csrw ucdatahi, a1 */
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3)
    .word 0x7c259073
    TRAP_CHECK
    SET_CASE(8)
    LEAVE_U

/* Load the image: for each pair, ucaddr <- target, ucdatalo <- lo,
 * ucdatahi <- hi (which stores the word). */
    SET_CASE(9)
    la s0, uc_loadport
    la s1, uc_loadport_count
    lw s1, 0(s1)
    li a0, 2
    bne s1, a0, test_fail        /* the image is one dispatch word + one control-store word */
1:  lw a0, 0(s0)
    lw a1, 4(s0)
    lw a2, 8(s0)
    csrw CSR_UCADDR, a0
    csrw CSR_UCDATALO, a1
    csrw CSR_UCDATAHI, a2
    addi s0, s0, 12
    addi s1, s1, -1
    bnez s1, 1b

/* Now custom-0 is rd <- 2*rs1 + rs2. */
TEST_CASE(10, a0, 17, li a1, 5; li a2, 7; CUSTOM0(a0, a1, a2))
TEST_CASE(11, a0, 94, li a1, -3; li a2, 100; CUSTOM0(a0, a1, a2))
TEST_CASE(12, s2, 0x00000001, li s3, 0x80000000; li s4, 1; CUSTOM0(s2, s3, s4))
/* rd may be a source: the sources were read before the write. */
TEST_CASE(13, a1, 25, li a1, 9; li a2, 7; CUSTOM0(a1, a1, a2))
TEST_CASE(14, a2, 27, li a1, 10; li a2, 7; CUSTOM0(a2, a1, a2))
/* x0 as destination stays zero. */
TEST_CASE(15, a0, 0, li a1, 10; li a2, 7; CUSTOM0(x0, a1, a2); mv a0, x0)

/* csrr of ucdatahi (csrrs with x0) reads and stores nothing: point the port
 * at the CUSTOM0 dispatch entry with junk data, read, and custom-0 still
 * works. */
    SET_CASE(16)
    la a0, uc_loadport
    lw a0, 12(a0)                /* the dispatch entry's target */
    csrw CSR_UCADDR, a0
    csrw CSR_UCDATALO, zero
    csrr a0, CSR_UCDATAHI
TEST_CASE(17, a0, 23, li a1, 8; li a2, 7; CUSTOM0(a0, a1, a2))
TEST_END
