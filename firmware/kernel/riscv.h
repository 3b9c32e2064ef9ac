/*
 * Machine header: every CSR, PTE and fence access of the kernel goes through
 * these inline helpers, so the rest of the kernel reads as portable C.
 * CSR numbers come from build/gen/csr.h, PTE bits from build/gen/vm_contract.h.
 */
#ifndef K_RISCV_H
#define K_RISCV_H
#include <stdint.h>
#include "csr.h"
#include "vm_contract.h"

#define CSR_STR2(x) #x
#define CSR_STR(x) CSR_STR2(x)
#define csr_read(n) ({ uint32_t v_; __asm__ volatile("csrr %0, " CSR_STR(n) : "=r"(v_)); v_; })
#define csr_write(n, v) __asm__ volatile("csrw " CSR_STR(n) ", %0" :: "r"((uint32_t)(v)) : "memory")
#define csr_set(n, v) __asm__ volatile("csrs " CSR_STR(n) ", %0" :: "r"((uint32_t)(v)) : "memory")
#define csr_clear(n, v) __asm__ volatile("csrc " CSR_STR(n) ", %0" :: "r"((uint32_t)(v)) : "memory")

/* mstatus / sstatus fields */
#define MSTATUS_SIE   (1u << 1)
#define MSTATUS_MIE   (1u << 3)
#define MSTATUS_SPIE  (1u << 5)
#define MSTATUS_MPIE  (1u << 7)
#define MSTATUS_SPP   (1u << 8)
#define MSTATUS_MPP_S (1u << 11)
#define MSTATUS_MPP   (3u << 11)
#define MSTATUS_SUM   (1u << 18)

/* interrupt bits (mip/mie/sip/sie) */
#define IRQ_SSI 1
#define IRQ_STI 5
#define IRQ_MTI 7
#define IRQ_SEI 9

/* exception causes */
enum {
    CAUSE_FETCH_MISALIGNED = 0, CAUSE_FETCH_ACCESS = 1, CAUSE_ILLEGAL = 2,
    CAUSE_BREAKPOINT = 3, CAUSE_LOAD_MISALIGNED = 4, CAUSE_LOAD_ACCESS = 5,
    CAUSE_STORE_MISALIGNED = 6, CAUSE_STORE_ACCESS = 7, CAUSE_ECALL_U = 8,
    CAUSE_ECALL_S = 9, CAUSE_ECALL_M = 11, CAUSE_FETCH_PAGE = 12,
    CAUSE_LOAD_PAGE = 13, CAUSE_STORE_PAGE = 15,
};
#define CAUSE_INTR 0x80000000u

/* ---- page-table entries ------------------------------------------------ */
typedef uint32_t pte_t;
#define PAGE_SIZE   VMC_PAGE_SIZE
#define PAGE_SHIFT  VMC_PAGE_SHIFT
#define MEGA_SIZE   (1u << VMC_MEGA_SHIFT)
#define PG_ROUNDDOWN(a) ((uint32_t)(a) & ~(PAGE_SIZE - 1))
#define PG_ROUNDUP(a)   (((uint32_t)(a) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))
#define VPN1(va) (((uint32_t)(va) >> 22) & 0x3ff)
#define VPN0(va) (((uint32_t)(va) >> 12) & 0x3ff)

static inline uint32_t pte_ppn(pte_t p) { return p >> VMC_PTE_PPN_SHIFT; }
static inline uint32_t pte_pa(pte_t p) { return pte_ppn(p) << PAGE_SHIFT; }
static inline pte_t pte_make(uint32_t ppn, uint32_t bits) { return (ppn << VMC_PTE_PPN_SHIFT) | bits; }
static inline int pte_valid(pte_t p) { return p & VMC_PTE_V; }
static inline int pte_leaf(pte_t p) { return p & (VMC_PTE_R | VMC_PTE_W | VMC_PTE_X); }
/* lazy encodings of the VM contract */
static inline int pte_is_zfill(pte_t p) { return !(p & VMC_PTE_V) && (p & VMC_PTE_ZFILL) && pte_ppn(p) == 0; }
static inline int pte_is_cow(pte_t p) { return (p & VMC_PTE_V) && !(p & VMC_PTE_W) && (p & VMC_PTE_COW); }

static inline uint32_t satp_make(uint32_t root_ppn, uint32_t asid)
{
    return VMC_SATP_MODE_SV32 | (asid << 22) | root_ppn;
}
static inline void sfence_all(void) { __asm__ volatile("sfence.vma zero, zero" ::: "memory"); }
static inline void sfence_va(uint32_t va, uint32_t asid)
{
    __asm__ volatile("sfence.vma %0, %1" :: "r"(va), "r"(asid) : "memory");
}

/* The cycle counter, always in line: the trap edges (trap.c) read it on
 * every trap, where a call and return would cost as much as the read. */
static inline __attribute__((always_inline)) uint64_t rdcycle64_inline(void)
{
    uint32_t hi, lo, hi2;
    do {
        __asm__ volatile("csrr %0, cycleh" : "=r"(hi));
        __asm__ volatile("csrr %0, cycle" : "=r"(lo));
        __asm__ volatile("csrr %0, cycleh" : "=r"(hi2));
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}
/* elsewhere the compiler may keep one copy a file */
static inline uint64_t rdcycle64(void)
{
    return rdcycle64_inline();
}
static inline uint64_t rdtime64(void)
{
    uint32_t hi, lo, hi2;
    do {
        __asm__ volatile("csrr %0, timeh" : "=r"(hi));
        __asm__ volatile("csrr %0, time" : "=r"(lo));
        __asm__ volatile("csrr %0, timeh" : "=r"(hi2));
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}
static inline void wfi(void) { __asm__ volatile("wfi" ::: "memory"); }

#endif
