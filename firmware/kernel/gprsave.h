/*
 * Trapframe layout constants shared by the assembly vectors and C
 * (trap.c asserts them against struct trapframe), and the assembler macro
 * shared by the two trap vectors (entry.S for M mode, trapvec.S for S mode):
 * store x1 and x3..x31 at 4*n(base), the register layout of a trapframe.
 * x2 (sp) is each vector's own business, since it is the register the
 * vector swaps to find its frame.
 */
#ifndef K_GPRSAVE_H
#define K_GPRSAVE_H
#include "rt_contract.h"
#define TF_PC   128                    /* struct trapframe pc */
#define P_LEAN  199                    /* struct proc lean */
#define RT_ECALL_U 8                   /* scause of an ecall from U mode */
#define RT_SYS_RPC 8                   /* SYS_MSG_RPC */
#define RT_SYS_RR  25                  /* SYS_MSG_REPLY_RECEIVE */
/* the general path's way back (trapvec.S strap_vec) */
#define P_STATE    RTC_P_STATE         /* struct proc state (the round-trip contract's) */
#define P_RUNNABLE_V 1                 /* P_RUNNABLE */
#define P_MAP      RTC_P_MAP           /* struct proc map */
#define P_IN_CALL  198                 /* struct proc in_call */
#define STATS_KERNEL 8                 /* struct av_stats cycles_kernel */

#ifdef __ASSEMBLER__
.macro SAVE_GPRS base
    sw x1, 4(\base)
    .irp n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
    sw x\n, 4*\n(\base)
    .endr
.endm
#endif
#endif
