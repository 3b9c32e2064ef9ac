/*
 * The VM fast paths are the supervisor's (DESIGN: "Virtual memory and the
 * microcode fast paths"): user mode may neither read nor write the
 * fast-path CSRs 0x5C0-0x5C6, nor touch the microcode load port
 * (0x7C0-0x7C2, machine level: supervisor mode may not either), nor execute
 * remap (custom-1): each is an illegal instruction with tval = the
 * instruction. Remap is for S mode only (illegal in M too), and an encoding
 * with funct3, funct7 or rs2 set is illegal in any mode.
 *
 * QEMU: no - the VM fast-path CSRs, the load port and remap are Accent-V's own.
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

/* remap a0, a1 (rd, rs1) and a malformed one with rs2 = a2 */
#define REMAP      .insn r 0x2b, 0, 0, a0, a1, x0
#define REMAP_RS2  .insn r 0x2b, 0, 0, a0, a1, a2
#define REMAP_F3   .insn r 0x2b, 1, 0, a0, a1, x0
#define REMAP_F7   .insn r 0x2b, 0, 1, a0, a1, x0

/* The next instruction (at label l) must be illegal, tval its encoding. */
#define ILLEGAL_AT(n, l, insn...)                        \
    SET_CASE(n);                                         \
    la a3, l;                                            \
    lw a3, 0(a3);                                        \
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3);                 \
l:  insn;                                                \
    TRAP_CHECK

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    ENTER_U(in_u)
in_u:
ILLEGAL_AT(1, u1, csrr a0, 0x5C0)
ILLEGAL_AT(2, u2, csrw 0x5C0, zero)
ILLEGAL_AT(3, u3, csrr a0, 0x5C1)
ILLEGAL_AT(4, u4, csrr a0, 0x5C2)
ILLEGAL_AT(5, u5, csrw 0x5C3, zero)
ILLEGAL_AT(6, u6, csrr a0, 0x5C4)
ILLEGAL_AT(7, u7, csrr a0, 0x5C5)
ILLEGAL_AT(8, u8, csrw 0x5C6, a1)
ILLEGAL_AT(9, u9, csrw 0x7C0, zero)
ILLEGAL_AT(10, u10, csrw 0x7C1, zero)
ILLEGAL_AT(11, u11, csrw 0x7C2, zero)
ILLEGAL_AT(12, u12, REMAP)
    LEAVE_U
    ENTER_S(in_s)
in_s:
ILLEGAL_AT(20, s1, csrw 0x7C0, zero)
ILLEGAL_AT(21, s2, csrw 0x7C2, zero)
ILLEGAL_AT(22, s3, REMAP_RS2)
ILLEGAL_AT(23, s4, REMAP_F3)
ILLEGAL_AT(24, s5, REMAP_F7)
/* in S with the remap path off (fpen's reset value 1): rd <- 0 */
TEST_CASE(25, a0, 0, li a0, 5; la a1, test_main; REMAP)
/* S reads and writes the CSRs */
TEST_CASE(26, a0, 1, csrr a0, 0x5C0)
    LEAVE_S
ILLEGAL_AT(30, m1, REMAP)
TEST_END
