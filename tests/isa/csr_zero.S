/*
 * The CSRs Accent-V implements as read-only zero (DESIGN: Implementation
 * choices): PMP (no entries: pmpcfg0-3 and pmpaddr0 read zero, writes are
 * ignored, not illegal), the debug triggers (tselect, tdata1-3 exist and read
 * zero), menvcfg, menvcfgh and mconfigptr (senvcfg: tests/priv/senvcfg.S).
 *
 * QEMU: no - QEMU 7.2 implements PMP entries and debug triggers.
 */
#include "test.h"

/* Write all ones, read back zero. */
#define ZERO(n, csr) TEST_CASE(n, a0, 0, li a1, -1; csrw csr, a1; li a0, 1; csrr a0, csr)

TEST_BEGIN
ZERO(1,  CSR_PMPCFG0)
ZERO(2,  CSR_PMPCFG1)
ZERO(3,  CSR_PMPCFG2)
ZERO(4,  CSR_PMPCFG3)
ZERO(5,  CSR_PMPADDR0)
ZERO(6,  CSR_TSELECT)
ZERO(7,  CSR_TDATA1)
ZERO(8,  CSR_TDATA2)
ZERO(9,  CSR_TDATA3)
ZERO(10, CSR_MENVCFG)
ZERO(11, CSR_MENVCFGH)
TEST_CASE(13, a0, 0, li a0, 1; csrr a0, CSR_MCONFIGPTR)
TEST_END
