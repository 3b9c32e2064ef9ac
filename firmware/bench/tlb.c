/*
 * bench-cpu TLB probe (not a CPI workload: build/bench/tlb-sv32.elf only,
 * run under tests/common/crt.c's AV_PAGED set-up, in S mode with Sv32).
 * It times one fixed loop of loads (tlb_loads below, identical machine code
 * in every measurement) with the cycle CSR:
 *   1. same page: every load hits the read-page register; translated
 *      against the same call with satp Bare (translation off, same program);
 *   2. two pages alternately: the read-page register misses on every load
 *      but the block-RAM TLB hits; translated against satp Bare;
 *   3. refill: after sfence.vma (TLB flushed), one load on each of NPAGES
 *      distinct pages (each a TLB miss served by the microcoded walk), minus
 *      the same call right after (now TLB hits), over NPAGES.
 * The refill pages are aliases of one buffer page added to crt.c's level-0
 * table at VPNs whose TLB sets (VPN[7:0]) are distinct and hold none of the
 * program's own pages. Prints one line that firmware/bench/run.py parses:
 *     tlb: same N bare C paged C alt N bare C paged C refill N cold C warm C check ok|FAILED
 */
#include <stdio.h>
#include "bench.h"

#define SAME_LOADS 1024         /* loads in measurement 1 (256 x 4 passes) */
#define ALT_LOADS 1024          /* loads in measurement 2 (2 x 512 passes) */
#define NPAGES 64               /* pages in measurement 3 */
#define ALIAS_VPN0 0x80120u     /* first alias page: TLB sets 0x20..0x5f */

#define PTE_V 0x01
#define PTE_R 0x02
#define PTE_W 0x04
#define PTE_A 0x40
#define PTE_D 0x80

/* Two pages for measurements 1 and 2 (valid with and without translation). */
static uint32_t pages[2][1024] __attribute__((aligned(4096)));
static volatile uint32_t elsewhere;     /* a word on another page */

/*
 * uint32_t tlb_loads(uintptr_t base, uint32_t stride, uint32_t n,
 *                    uint32_t passes, uintptr_t warm)
 * One load at warm (untimed: puts a page in the read-page register), then
 * passes x (n loads at base, base + stride, ...); returns the cycles of the
 * passes. 64-byte aligned and shorter, so it never spans two code pages.
 */
uint32_t tlb_loads(uintptr_t base, uint32_t stride, uint32_t n, uint32_t passes, uintptr_t warm);
__asm__(
    "    .text\n"
    "    .balign 64\n"
    "    .globl tlb_loads\n"
    "tlb_loads:\n"
    "    lw   t3, 0(a4)\n"
    "    csrr t0, " AV_STR(CSR_CYCLE) "\n"
    "1:  mv   t1, a0\n"
    "    mv   t2, a2\n"
    "2:  lw   t3, 0(t1)\n"
    "    add  t1, t1, a1\n"
    "    addi t2, t2, -1\n"
    "    bnez t2, 2b\n"
    "    addi a3, a3, -1\n"
    "    bnez a3, 1b\n"
    "    csrr t4, " AV_STR(CSR_CYCLE) "\n"
    "    sub  a0, t4, t0\n"
    "    ret\n");

/* sfence.vma, then wait out the TLB's background sweep (256 cycles). */
static void flush(void)
{
    __asm__ volatile("sfence.vma" ::: "memory");
    uint32_t t0 = csr_read(CSR_CYCLE);
    while (csr_read(CSR_CYCLE) - t0 < 1000)
        ;
}

/* Measurements 1 and 2 in the current translation mode; each call is run
 * once first so the pages are in the TLB. */
static void same_and_alt(uint32_t *same, uint32_t *alt)
{
    uintptr_t p0 = (uintptr_t)pages[0], p1 = (uintptr_t)pages[1];
    for (int i = 0; i < 2; i++) {
        *same = tlb_loads(p0, 4, SAME_LOADS / 4, 4, p0);
        *alt = tlb_loads(p0, p1 - p0, 2, ALT_LOADS / 2, p1);
    }
}

int main(void)
{
    uint32_t satp = csr_read(CSR_SATP);
    if (!(satp & 0x80000000u)) {
        printf("tlb: not running under Sv32 (satp %08lx) check FAILED\n", (unsigned long)satp);
        return 1;
    }
    /* crt.c maps RAM through one level-0 table (identity-mapped itself). */
    uint32_t *root = (uint32_t *)(uintptr_t)((satp & 0x3fffffu) << 12);
    uint32_t *l0 = (uint32_t *)(uintptr_t)((root[MM_RAM_BASE >> 22] >> 10) << 12);
    uint32_t pa = (uint32_t)(uintptr_t)pages[0];
    for (uint32_t i = 0; i < NPAGES; i++)
        l0[(ALIAS_VPN0 + i) & 0x3ff] = (pa >> 12) << 10 | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D;
    pages[0][0] = 0x5eed1234u;
    flush();
    int ok = 1;
    for (uint32_t i = 0; i < NPAGES; i++)       /* the aliases do reach the page */
        ok &= *(volatile uint32_t *)(uintptr_t)((ALIAS_VPN0 + i) << 12) == 0x5eed1234u;

    uint32_t same_vm, alt_vm, same_bare, alt_bare;
    same_and_alt(&same_vm, &alt_vm);
    csr_write(CSR_SATP, 0);                     /* translation off, still S */
    flush();
    same_and_alt(&same_bare, &alt_bare);
    csr_write(CSR_SATP, satp);
    flush();

    uintptr_t alias = (uintptr_t)ALIAS_VPN0 << 12, warm = (uintptr_t)&elsewhere;
    uint32_t cold = tlb_loads(alias, 4096, NPAGES, 1, warm);
    uint32_t hot = tlb_loads(alias, 4096, NPAGES, 1, warm);

    /* Fail loudly when the probe measures nothing or nonsense. */
    ok &= same_bare > 0 && alt_bare > 0 && same_vm >= same_bare && alt_vm >= alt_bare &&
          cold > hot && hot > 0;
    int32_t refill100 = (int32_t)(cold - hot) * 100 / NPAGES;
    int32_t hit100 = (int32_t)(same_vm - same_bare) * 100 / SAME_LOADS;
    int32_t tlb100 = (int32_t)(alt_vm - alt_bare) * 100 / ALT_LOADS;
    printf("tlb: same %u bare %lu paged %lu alt %u bare %lu paged %lu refill %u cold %lu warm %lu "
           "check %s\n", SAME_LOADS, (unsigned long)same_bare, (unsigned long)same_vm, ALT_LOADS,
           (unsigned long)alt_bare, (unsigned long)alt_vm, NPAGES, (unsigned long)cold,
           (unsigned long)hot, ok ? "ok" : "FAILED");
    printf("tlb: page-register hit %+ld.%02ld, block-RAM TLB hit %+ld.%02ld cycles/access, "
           "refill %ld.%02ld cycles\n", (long)hit100 / 100, (long)(hit100 % 100),
           (long)tlb100 / 100, (long)(tlb100 % 100), (long)refill100 / 100, (long)(refill100 % 100));
    return ok ? 0 : 1;
}
