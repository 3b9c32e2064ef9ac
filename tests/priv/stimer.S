/*
 * The supervisor timer interrupt as the kernel's M-mode shim forwards it:
 * M sets mip.STIP; with STI delegated (mideleg bit 5), sie.STIE and
 * sstatus.SIE, S takes scause = 0x80000005, at stvec + 4 * 5 when stvec is
 * vectored; S cannot clear STIP itself (sip.STIP is read-only), so M
 * clears it. Exceptions still enter a vectored stvec at its base.
 *
 * NEEDS: su
 */
#include "test.h"
#include "priv.h"

TEST_BEGIN
    PMP_OPEN
    csrw CSR_MIE, zero
    csrw CSR_MIP, zero
    la a1, svec
    ori a1, a1, 1
    csrw CSR_STVEC, a1
    li a1, MIP_STIP
    csrw CSR_MIDELEG, a1
    li a1, 1 << CAUSE_ILLEGAL_INSN
    csrw CSR_MEDELEG, a1
    li a1, MIP_STIP
    csrw CSR_MIE, a1
TEST_CASE(1, a0, 0, la a1, svec; ori a1, a1, 1; csrr a0, CSR_STVEC; sub a0, a0, a1)

    ENTER_S(in_s)
in_s:
/* STIP not yet pending: nothing happens. */
    SET_CASE(2)
    csrsi CSR_SSTATUS, MSTATUS_SIE
    nop
    la a1, vec_hits
    lw a0, 0(a1)
    CHECK_EQ(a0, x0)
/* sip.STIP is not writable from S. */
    SET_CASE(3)
    li a1, MIP_STIP
    csrs CSR_SIP, a1
    csrr a0, CSR_SIP
    and a0, a0, a1
    CHECK_EQ(a0, x0)
/* An exception enters at the base (entry 0). */
    SET_CASE(4)
    .word 0
    la a1, vec_hits
    lw a0, 0(a1)
    li t6, 1
    CHECK_EQ(a0, t6)
    sw zero, 0(a1)
    csrci CSR_SSTATUS, MSTATUS_SIE
    SET_CASE(5)
    LEAVE_S

/* M raises STIP; S (SIE = 1) takes it at entry 5. */
    li a1, MIP_STIP
    csrs CSR_MIP, a1
    ENTER_S(in_s2)
in_s2:
    SET_CASE(6)
    csrsi CSR_SSTATUS, MSTATUS_SIE
    nop
    nop
    la a1, vec_hits
    lw a0, 0(a1)
    li t6, 1 << 5
    CHECK_EQ(a0, t6)
    SET_CASE(7)
    la a1, vec_cause
    lw a0, 0(a1)
    li t6, CAUSE_STI
    CHECK_EQ(a0, t6)
    SET_CASE(8)
    LEAVE_S
    csrw CSR_MIP, zero
    csrw CSR_MIDELEG, zero
    csrw CSR_MEDELEG, zero
    csrw CSR_MIE, zero
TEST_END

/* Vectored S table: entry 0 (exceptions) skips the instruction; entry 5
 * (supervisor timer) disables STIE in sie so it is not taken again (S
 * cannot clear STIP); any other entry fails. Each records the entry's bit
 * in vec_hits and scause in vec_cause. */
    .align 8
svec:
    j sv_exc
    .rept 4
    j sv_bad
    .endr
    j sv_sti
    .rept 10
    j sv_bad
    .endr
sv_exc:
    csrw CSR_SSCRATCH, t0
    la t0, sv_save
    sw t1, 0(t0)
    csrr t1, CSR_SEPC
    addi t1, t1, 4
    csrw CSR_SEPC, t1
    li t1, 1
    j sv_rec
sv_sti:
    csrw CSR_SSCRATCH, t0
    la t0, sv_save
    sw t1, 0(t0)
    li t1, MIP_STIP
    csrc CSR_SIE, t1
    li t1, 1 << 5
sv_rec:
    sw t1, 4(t0)                /* vec_hits */
    csrr t1, CSR_SCAUSE
    sw t1, 8(t0)                /* vec_cause */
    lw t1, 0(t0)
    csrr t0, CSR_SSCRATCH
    sret
sv_bad:
    li gp, 250
    j test_fail

    .data
    .align 2
sv_save:   .word 0
vec_hits:  .word 0
vec_cause: .word 0
