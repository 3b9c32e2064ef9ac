/*
 * A machine-mode software TLB refill handler for the tests of the VM
 * contract's refill path (include after priv.h; install with
 * csrw mtvec, refill_entry). On cause 24 it logs fpmiss (up to 32 entries
 * in rf_log, count in rf_count), walks the Sv32 tables from satp in
 * software, writes the leaf PTE to fpinsert (for a megapage with
 * PPN[0] = VPN[0], as the contract asks) and returns to retry the access.
 * If rf_poison holds the missing VPN, the first insert for it has A
 * cleared, which the hardware must ignore (so the access misses again).
 * Any other trap goes on to the framework's trap_entry.
 */
    .text
    .align 6
refill_entry:
    csrw CSR_MSCRATCH, t0
    la t0, rf_save
    sw t1, 0(t0)
    sw t2, 4(t0)
    sw t3, 8(t0)
    sw t4, 12(t0)
    csrr t1, CSR_MCAUSE
    li t2, 24
    bne t1, t2, rf_other
    csrr t1, CSR_FPMISS
    lw t2, 16(t0)               /* rf_count */
    andi t3, t2, 31
    slli t3, t3, 2
    add t3, t3, t0
    sw t1, 24(t3)               /* rf_log[count & 31] */
    addi t2, t2, 1
    sw t2, 16(t0)
    /* Walk: root = satp.PPN << 12; level 1 index = VPN[1]. */
    csrr t2, CSR_SATP
    slli t2, t2, 10
    srli t2, t2, 10
    slli t2, t2, 12
    srli t3, t1, 22
    slli t3, t3, 2
    add t2, t2, t3
    lw t2, 0(t2)                /* level-1 PTE */
    andi t3, t2, PTE_R | PTE_X
    beqz t3, 1f
    srli t3, t1, 12             /* megapage: PPN[0] = VPN[0] */
    andi t3, t3, 0x3ff
    slli t3, t3, 10
    or t2, t2, t3
    j 2f
1:  srli t2, t2, 10             /* level-0 table */
    slli t2, t2, 12
    srli t3, t1, 12
    andi t3, t3, 0x3ff
    slli t3, t3, 2
    add t2, t2, t3
    lw t2, 0(t2)
2:  lw t3, 20(t0)               /* rf_poison: VPN whose first insert lacks A */
    beqz t3, 3f
    srli t4, t1, 12
    bne t3, t4, 3f
    sw zero, 20(t0)
    andi t2, t2, ~PTE_A
3:  csrw CSR_FPINSERT, t2
    lw t1, 0(t0)
    lw t2, 4(t0)
    lw t3, 8(t0)
    lw t4, 12(t0)
    csrr t0, CSR_MSCRATCH
    mret
rf_other:
    lw t1, 0(t0)
    lw t2, 4(t0)
    lw t3, 8(t0)
    lw t4, 12(t0)
    csrr t0, CSR_MSCRATCH
    j trap_entry

/* a0 = how many rf_log entries equal a0 (clobbers a1-a3). */
rf_count_of:
    la a1, rf_log
    lw a2, -8(a1)               /* rf_count */
    li a3, 32
    bltu a2, a3, 1f
    mv a2, a3
1:  mv a3, a0
    li a0, 0
2:  beqz a2, 4f
    lw t6, 0(a1)
    bne t6, a3, 3f
    addi a0, a0, 1
3:  addi a1, a1, 4
    addi a2, a2, -1
    j 2b
4:  ret

    .data
    .align 2
rf_save:   .word 0, 0, 0, 0
rf_count:  .word 0
rf_poison: .word 0
rf_log:    .space 128
    .text
