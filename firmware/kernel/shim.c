/*
 * Machine-mode start-up shim: does what only M mode can, then runs the kernel
 * in S mode. It delegates every trap the kernel serves (including cause 24,
 * the software TLB refill), opens PMP for S and U (QEMU denies them without an
 * entry; our core ignores the writes), enables the counters, and afterwards
 * serves two SBI-style calls from S mode: set-timer (the machine timer is
 * forwarded as the supervisor timer) and our firmware extension that loads
 * microcode through the WCS load port. Nothing else stays in M mode.
 */
#include <stdint.h>
#include "riscv.h"
#include "memmap.h"
#include "av_sbi.h"

extern void mtrap_vec(void);
extern int shim_probe_wcs(void);
extern void kentry(void);  /* entry.S: kernel stack, then kmain(a0, a1, a2) */

static int wcs_present;

static volatile uint32_t *clint(uint32_t off)
{
    return (volatile uint32_t *)(MM_CLINT_BASE + off);
}

static void set_mtimecmp(uint64_t t)
{
    /* high word first to all ones, so no spurious match between the writes */
    *clint(MM_CLINT_MTIMECMP + 4) = 0xffffffffu;
    *clint(MM_CLINT_MTIMECMP) = (uint32_t)t;
    *clint(MM_CLINT_MTIMECMP + 4) = (uint32_t)(t >> 32);
}

void shim_main(uint32_t hartid, uint32_t dtb)
{
    /* Every synchronous trap except ecalls from S/M goes to the kernel. */
    uint32_t edeleg = (1u << CAUSE_FETCH_MISALIGNED) | (1u << CAUSE_FETCH_ACCESS) |
        (1u << CAUSE_ILLEGAL) | (1u << CAUSE_BREAKPOINT) | (1u << CAUSE_LOAD_MISALIGNED) |
        (1u << CAUSE_LOAD_ACCESS) | (1u << CAUSE_STORE_MISALIGNED) |
        (1u << CAUSE_STORE_ACCESS) | (1u << CAUSE_ECALL_U) | (1u << CAUSE_FETCH_PAGE) |
        (1u << CAUSE_LOAD_PAGE) | (1u << CAUSE_STORE_PAGE) | (1u << VMC_CAUSE_SOFT_REFILL);
    csr_write(CSR_MEDELEG, edeleg);
    csr_write(CSR_MIDELEG, (1u << IRQ_SSI) | (1u << IRQ_STI) | (1u << IRQ_SEI));
    csr_write(CSR_PMPADDR0, 0xffffffffu);
    csr_write(CSR_PMPCFG0, 0x1f);           /* NAPOT, R W X */
    csr_write(CSR_MCOUNTEREN, 0x1f);        /* cycle time instret hpm3 hpm4 */
    wcs_present = shim_probe_wcs();
    set_mtimecmp(~0ull);
    csr_write(CSR_MIE, 1u << IRQ_MTI);
    csr_write(CSR_MTVEC, (uint32_t)mtrap_vec);
    /* mret to kmain in S mode with paging off and S interrupts masked */
    uint32_t ms = csr_read(CSR_MSTATUS);
    ms = (ms & ~MSTATUS_MPP) | MSTATUS_MPP_S;
    ms |= MSTATUS_MPIE;                     /* M interrupts on once in S */
    csr_write(CSR_MSTATUS, ms);
    csr_write(CSR_SATP, 0);
    csr_write(CSR_MEPC, (uint32_t)kentry);
    register uint32_t a0 __asm__("a0") = hartid;
    register uint32_t a1 __asm__("a1") = dtb;
    register uint32_t a2 __asm__("a2") = (uint32_t)wcs_present;
    __asm__ volatile("mret" :: "r"(a0), "r"(a1), "r"(a2));
    __builtin_unreachable();
}

/* Write n microinstructions through the load port, packed two words each
 * (tools/uasm/ucpack.py): lo, then dispatch flag << 31 | index << 16 | hi.
 * Writing hi stores. */
static int32_t load_ucode(uint32_t pa, uint32_t n)
{
    if (!wcs_present)
        return SBI_ERR_NOT_SUPPORTED;
    const uint32_t *w = (const uint32_t *)pa;
    for (uint32_t i = 0; i < n; i++, w += 2) {
        csr_write(CSR_UCADDR, (w[1] & 0x80000000u) | ((w[1] >> 16) & 0x7fffu));
        csr_write(CSR_UCDATALO, w[0]);
        csr_write(CSR_UCDATAHI, w[1] & 0xffffu);
    }
    return SBI_SUCCESS;
}

/* regs[i] is register xi at the trap (regs[2], sp, is not used). */
void shim_trap(uint32_t *regs)
{
    uint32_t cause = csr_read(CSR_MCAUSE);
    if (cause == (CAUSE_INTR | IRQ_MTI)) {
        /* forward: the kernel sees STIP and re-arms through SBI_EXT_TIME */
        csr_clear(CSR_MIE, 1u << IRQ_MTI);
        csr_set(CSR_MIP, 1u << IRQ_STI);
        return;
    }
    if (cause != CAUSE_ECALL_S) {
        /* nothing else is expected in M mode: stop the machine loudly */
        *(volatile uint32_t *)MM_FINISHER_BASE = (0x7du << 16) | MM_FINISHER_FAIL;
        for (;;)
            ;
    }
    uint32_t ext = regs[17], a0 = regs[10], a1 = regs[11];
    int32_t err = SBI_ERR_NOT_SUPPORTED;
    if (ext == SBI_EXT_TIME) {
        set_mtimecmp(((uint64_t)a1 << 32) | a0);
        csr_clear(CSR_MIP, 1u << IRQ_STI);
        csr_set(CSR_MIE, 1u << IRQ_MTI);
        err = SBI_SUCCESS;
    } else if (ext == SBI_EXT_AV_UCODE) {
        err = load_ucode(a0, a1);
    }
    regs[10] = (uint32_t)err;
    regs[11] = 0;
    csr_write(CSR_MEPC, csr_read(CSR_MEPC) + 4);
}
