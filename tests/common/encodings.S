/*
 * The encoding space, for a differential test against QEMU (tests/isa
 * suite.py, t_encodings): every major opcode x funct3 x funct7 (rd = t3,
 * rs1 = t4 pointing into a scratch buffer, rs2 = t5 or a zero field where
 * it is part of an aligned offset), and SYSTEM funct3 0 and 4 with every
 * imm12 and three rs1/rd choices. Each word is patched into .data and run;
 * a line per 128 (or 256) encodings gives the bitmap of those that did not
 * trap and a hash of the (mcause, mtval) of those that did. Left out, since
 * they move the pc or the mode (their own tests cover them): JAL, JALR,
 * the taken-capable branch funct3s, mret, sret, wfi, ebreak (QEMU 7.2
 * writes 0 as its tval; DESIGN) and custom-1 (remap).
 * Not a self-checking test: it always exits 0; the suite compares outputs.
 */
#include "test.h"

TEST_BEGIN
    la t0, trap
    csrw mtvec, t0
    li s0, 0                # opcode
opl:
    li t0, 0x73             # SYSTEM: phase B
    beq s0, t0, opn
    li t0, 0x6f             # JAL
    beq s0, t0, opn
    li t0, 0x2b             # custom-1: remap (tests/priv/remap_bad)
    beq s0, t0, opn
    li s1, 0                # funct3
f3l:
    li t0, 0x67
    bne s0, t0, 1f
    beqz s1, f3n            # JALR proper
1:  li t0, 0x63
    bne s0, t0, 1f
    li t0, 2
    bltu s1, t0, f3n        # branches 0,1
    li t0, 4
    bgeu s1, t0, f3n        # branches 4-7
1:  # rs2 field: 0 for LOAD (aligned offset), 30 otherwise
    li s7, 30 << 20
    li t0, 0x03
    bne s0, t0, 1f
    li s7, 0
1:  li s8, 28 << 7          # rd field: 0 for STORE (aligned offset)
    li t0, 0x23
    bne s0, t0, 1f
    li s8, 0
1:  li s2, 0                # funct7
    li s3, 0                # bitmap word
    li s4, 0                # hash
f7l:
    slli a0, s2, 25
    or a0, a0, s7
    li t0, 29 << 15
    or a0, a0, t0
    slli t0, s1, 12
    or a0, a0, t0
    or a0, a0, s8
    or a0, a0, s0
    call exec
    addi s2, s2, 1
    andi t0, s2, 31
    bnez t0, f7l
    mv a0, s3
    call test_puthex
    li a0, ' '
    call test_putc
    li s3, 0
    li t0, 128
    bltu s2, t0, f7l
    mv a0, s4
    call test_puthex
    mv a0, s0
    call test_putfield
    mv a0, s1
    call test_putfield
    li a0, '\n'
    call test_putc
f3n:
    addi s1, s1, 1
    li t0, 8
    bltu s1, t0, f3l
opn:
    addi s0, s0, 1
    li t0, 128
    bltu s0, t0, opl

    # phase B: SYSTEM funct3 0 and 4, imm12 x (rs1, rd) in {(0,0),(29,0),(0,28)}
    li s1, 0
pbl:
    li s5, 0                # combo
cbl:
    li s8, 0
    li s6, 0
    li t0, 1
    bne s5, t0, 1f
    li s6, 29 << 15
1:  li t0, 2
    bne s5, t0, 1f
    li s8, 28 << 7
1:  li s2, 0
    li s3, 0
    li s4, 0
iml:
    bnez s5, 2f
    bnez s1, 2f
    li t0, 0x302            # mret, sret, wfi, ebreak: left out (above)
    beq s2, t0, skip
    li t0, 1
    beq s2, t0, skip
    li t0, 0x102
    beq s2, t0, skip
    li t0, 0x105
    beq s2, t0, skip
2:  slli a0, s2, 20
    or a0, a0, s6
    or a0, a0, s8
    slli t0, s1, 12
    or a0, a0, t0
    ori a0, a0, 0x73
    call exec
    j 3f
skip:
    srli s3, s3, 1
    li t0, 0x80000000
    or s3, s3, t0
3:  addi s2, s2, 1
    andi t0, s2, 31
    bnez t0, iml
    mv a0, s3
    call test_puthex
    li s3, 0
    andi t0, s2, 255
    bnez t0, iml
    mv a0, s4
    call test_putfield
    mv a0, s2
    call test_putfield
    mv a0, s5
    call test_putfield
    mv a0, s1
    call test_putfield
    li a0, '\n'
    call test_putc
    li s4, 0
    li t0, 4096
    bltu s2, t0, iml
    addi s5, s5, 1
    li t0, 3
    bltu s5, t0, cbl
    addi s1, s1, 4
    li t0, 8
    bltu s1, t0, pbl

TEST_END

# exec a0: bitmap s3 = (s3 >> 1) | (no trap) << 31; hash s4 updated on trap
exec:
    mv s10, ra
    la t0, slot
    sw a0, 0(t0)
    fence.i
    la t4, scratch + 2048
    li t5, 0
    li t3, 0
    li s11, 0
    jalr t0
    srli s3, s3, 1
    bnez s11, 1f
    li t0, 0x80000000
    or s3, s3, t0
1:  mv ra, s10
    ret

trap:
    csrr t1, mcause
    csrr t2, mtval
    slli t6, s4, 5
    srli s4, s4, 27
    or s4, s4, t6
    add s4, s4, t1
    xor s4, s4, t2
    li s11, 1
    la t1, slot_end
    csrw mepc, t1
    li t1, 3 << 11
    csrs mstatus, t1
    mret

    .data
    .align 4
slot:
    .word 0
slot_end:
    ret
    .align 4
scratch:
    .space 4096
