/*
 * Reserved and unsupported encodings raise illegal instruction (cause 2)
 * with mtval = the instruction's bits and mepc = its address, and write no
 * register. Covers: all-zero and all-one words, unused funct7/funct3
 * combinations of OP, OP-IMM shifts with shamt[5] set (RV32), RV64-only
 * loads/stores/opcodes, F-extension opcodes (no F), bad branch and jalr
 * funct3, reserved AMO funct5 and width, reserved MISC-MEM and SYSTEM funct3.
 *
 * Encodings whose bits 1:0 are not 11 are 16 bits long (the ISA's length
 * encoding), and without C they are illegal: mtval holds those 16 bits,
 * right-justified, the upper half zero (privileged spec 3.1.16: the
 * shortest of the faulting instruction, ILEN and XLEN bits). A 48- or
 * 64-bit prefix reports the first 32 bits (ILEN).
 */
#include "test.h"

#define ILLEGAL(n, bits) ILLEGAL_TVAL(n, bits, bits)
#define ILLEGAL_TVAL(n, bits, tval)                     \
    SET_CASE(n);                                        \
    li a0, 0x5a5a5a5a;                                  \
    li a3, tval;                                        \
    TRAP_EXPECT(CAUSE_ILLEGAL_INSN, a3);                \
    .word bits;                                         \
    TRAP_CHECK;                                         \
    li t6, 0x5a5a5a5a;                                  \
    CHECK_EQ(a0, t6)

TEST_BEGIN
ILLEGAL(1,  0x00000000)     /* all zero */
ILLEGAL(2,  0xffffffff)     /* all ones */
ILLEGAL(3,  0x40001533)     /* OP funct7=0100000 funct3=001 (no "sub-shift") rd=a0 */
ILLEGAL(4,  0x04000533)     /* OP funct7=0000010 rd=a0 */
ILLEGAL(5,  0x40002533)     /* OP funct7=0100000 funct3=010 */
ILLEGAL(6,  0x02051513)     /* slli a0, a0, 32: shamt[5] set, reserved on RV32 */
ILLEGAL(7,  0x02055513)     /* srli a0, a0, 32 */
ILLEGAL(8,  0x42055513)     /* srai a0, a0, 32 */
ILLEGAL(9,  0x10055513)     /* OP-IMM srli with funct7=0001000 */
ILLEGAL(10, 0x00003503)     /* ld a0 (RV64 only) */
ILLEGAL(11, 0x00006503)     /* lwu a0 (RV64 only) */
ILLEGAL(12, 0x00007503)     /* LOAD funct3=111 */
ILLEGAL(13, 0x00a03023)     /* sd (RV64 only) */
ILLEGAL(14, 0x00a04023)     /* STORE funct3=100 */
ILLEGAL(15, 0x0000051b)     /* addiw a0 (OP-IMM-32, RV64 only) */
ILLEGAL(16, 0x0000053b)     /* addw a0 (OP-32, RV64 only) */
ILLEGAL(17, 0x00002507)     /* flw fa0 (no F) */
ILLEGAL(18, 0x00002027)     /* fsw (no F) */
ILLEGAL(19, 0x00000553)     /* fadd.s (OP-FP, no F) */
ILLEGAL(20, 0x00002063)     /* BRANCH funct3=010 */
ILLEGAL(21, 0x00003063)     /* BRANCH funct3=011 */
ILLEGAL(22, 0x00001567)     /* JALR funct3=001 */
ILLEGAL(23, 0x2800252f)     /* AMO funct5=00101 (none) */
ILLEGAL(24, 0x0000352f)     /* AMO width 011 (amoadd.d, RV64 only) */
ILLEGAL(25, 0x0000700f)     /* MISC-MEM funct3=111 */
ILLEGAL(26, 0x00004573)     /* SYSTEM funct3=100 */
ILLEGAL(27, 0x00200073)     /* uret (removed, no N extension) */
ILLEGAL(28, 0x0000007f)     /* 64-bit+ instruction-length prefix 0x3f (bits 6:0 = 1111111) */
ILLEGAL_TVAL(29, 0x12345679, 0x5679)   /* bits 1:0 = 01: a 16-bit encoding (C's quadrant 1) */
ILLEGAL_TVAL(30, 0xabcd4000, 0x4000)   /* 00 */
ILLEGAL_TVAL(31, 0x8e01fffe, 0xfffe)   /* 10 */
ILLEGAL(32, 0x1234501f)                /* a 48-bit prefix (bits 5:0 = 011111): 32 bits */
TEST_END
