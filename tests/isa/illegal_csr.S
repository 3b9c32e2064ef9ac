/*
 * CSR accesses that raise illegal instruction (cause 2, mtval = the bits):
 * a CSR number that is not implemented; any write to a read-only CSR
 * (csr[11:10] = 11): csrrw/csrrwi always write, csrrs/csrrc with rs1 != x0
 * and csrrsi/csrrci with uimm != 0 write. The destination is not written.
 * (Reads of read-only CSRs with rs1 = x0 / uimm = 0 are legal: csrrs.S.)
 */
#include "test.h"

/* CSR instruction encoding: csr << 20 | rs1 << 15 | funct3 << 12 | rd << 7 | 0x73 */
#define CSRI(csr, rs1, f3, rd) (((csr) << 20) | ((rs1) << 15) | ((f3) << 12) | ((rd) << 7) | 0x73)
#define A0 10
#define A1 11

#define ILLEGAL(n, bits)                                \
    SET_CASE(n);                                        \
    li a0, 0x5a5a5a5a;                                  \
    li a1, 1;                                           \
    li a3, bits;                                        \
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3);                \
    .word bits;                                         \
    TRAP_CHECK;                                         \
    li t6, 0x5a5a5a5a;                                  \
    CHECK_EQ(a0, t6)

TEST_BEGIN
/* Unimplemented CSR numbers (ours and QEMU's): read with csrrs x0. */
ILLEGAL(1,  CSRI(0x7ff, 0, 2, A0))          /* machine custom, not one of 0x7c0-0x7c2 */
ILLEGAL(2,  CSRI(0x800, 0, 2, A0))          /* user custom */
ILLEGAL(3,  CSRI(0xfff, 0, 2, A0))          /* machine read-only custom */
ILLEGAL(4,  CSRI(0x5ff, 0, 2, A0))          /* supervisor custom, not one of 0x5c0-0x5c6 */
ILLEGAL(5,  CSRI(0x001, 0, 2, A0))          /* fflags: no F */
ILLEGAL(6,  CSRI(0x003, 0, 2, A0))          /* fcsr: no F */
ILLEGAL(7,  CSRI(0x7ff, A1, 1, A0))         /* and written */
/* Writes to read-only CSRs. */
ILLEGAL(8,  CSRI(CSR_MVENDORID, A1, 1, A0)) /* csrrw */
ILLEGAL(9,  CSRI(CSR_MHARTID, 0, 1, A0))    /* csrrw from x0 still writes */
ILLEGAL(10, CSRI(CSR_MARCHID, A1, 2, A0))   /* csrrs rs1 != x0 */
ILLEGAL(11, CSRI(CSR_MIMPID, A1, 3, A0))    /* csrrc rs1 != x0 */
ILLEGAL(12, CSRI(CSR_MHARTID, 0, 5, A0))    /* csrrwi, uimm 0 still writes */
ILLEGAL(13, CSRI(CSR_MVENDORID, 1, 6, A0))  /* csrrsi uimm 1 */
ILLEGAL(14, CSRI(CSR_MHARTID, 1, 7, A0))    /* csrrci uimm 1 */
ILLEGAL(15, CSRI(CSR_CYCLE, A1, 1, A0))     /* user counters are read-only */
ILLEGAL(16, CSRI(CSR_INSTRET, A1, 2, A0))
ILLEGAL(17, CSRI(CSR_TIME, A1, 1, A0))
ILLEGAL(18, CSRI(CSR_CYCLEH, A1, 1, A0))
ILLEGAL(19, CSRI(CSR_MCONFIGPTR, A1, 1, A0))
TEST_END
