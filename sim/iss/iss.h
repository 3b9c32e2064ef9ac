/*
 * Accent-V reference instruction-set simulator: the architectural model of
 * the whole machine (RV32IMA + Zicsr + Zifencei, M/S/U, Sv32, the SoC's
 * devices and the VM fast-path CSRs). The standalone runner (main.c) and the
 * co-simulation library (cosim.c) both drive it one step at a time; each step
 * fills a retire record (sim/rvfi.h) exactly as the core's retire port does.
 *
 * Values the ISS cannot know (device reads such as mtime or the UART status,
 * cycle counters, which U-mode accesses miss the TLB) come from hooks that
 * co-simulation fills from the RTL's record; standalone they are modelled.
 */
#ifndef AV_ISS_H
#define AV_ISS_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "rvfi.h"
#include "elfload.h"

enum { PRV_U = 0, PRV_S = 1, PRV_M = 3 };

/* Standalone time model: mtime advances one tick every ISS_TICK_INSNS steps,
 * i.e. the model assumes one instruction per clock (CLK_HZ / TIMEBASE_HZ
 * clocks per tick). Co-simulation takes mtime reads from the RTL instead. */

/* Software-refill TLB model (only used when fpen bit 0 is clear): the
 * architecture needs a TLB only so that U-mode misses (cause 24) and
 * 0x5C6 inserts mean something. Two-way set-associative on the low VPN
 * bits, least recently used replaced, so an instruction's fetch page and
 * data page can always be held together (a direct-mapped TLB could evict
 * one with the other forever). */
#define ISS_TLB_ENTRIES 256
struct iss_tlbe {
    uint32_t vpn;      /* va >> 12 */
    uint32_t pte;      /* leaf PTE as inserted (megapage: PPN[0] = VPN[0]) */
    uint16_t asid;
    uint8_t valid, recent;
};

/* Translation cache (a speed device, not a TLB: it is flushed whenever
 * anything it depends on changes, page-table memory included, so the model
 * behaves as if every access walked the tables). */
#define ISS_XC_ENTRIES 64
struct iss_xc {
    uint32_t tag;      /* vpn + 1; 0 = empty */
    uint32_t base;     /* physical page base (RAM only) */
};

struct iss {
    /* architectural state */
    uint32_t x[32];
    uint32_t pc;
    int priv;
    uint64_t order;             /* retire records produced */

    /* memory */
    uint8_t *ram;
    uint32_t ram_base, ram_size;
    uint8_t rom[0x1000];

    /* CSRs (only the state that is kept; views are computed) */
    uint32_t mstatus, medeleg, mideleg, mie, mip, mtvec, mcounteren, mscratch;
    uint32_t mepc, mcause, mtval, mcountinhibit, mhpmevent3, mhpmevent4;
    uint32_t stvec, scounteren, sscratch, sepc, scause, stval, satp;
    uint64_t mcycle, minstret;
    uint32_t mhpmcounter3, mhpmcounter4;          /* 32 bits (DESIGN.md) */
    uint32_t fpen, fpframes, fpfree, fpmiss;
    uint32_t fpcyc;             /* physical address of the fault routines' cycle sums
                                 * (VM contract ST_CYC_*, 3 words; 0 before a count):
                                 * the RTL's to know, loads of them go through dev_read */
    uint32_t ucaddr, ucdatalo;  /* WCS load port (the ISS has no control store) */

    /* devices */
    uint64_t mtime, mtimecmp;
    uint32_t msip;
    unsigned tick_div, tick_ctr;
    uint8_t uart_lcr, uart_ier, uart_mcr, uart_scr, uart_dll, uart_dlm;
    uint8_t uart_fifo, uart_thre_irq;
    FILE *uart_out;             /* NULL: UART output dropped (co-sim: the RTL prints) */
    const uint8_t *uart_in;     /* receiver input (--uart-in), not owned */
    size_t uart_in_len, uart_in_pos;

    /* LR/SC */
    int res_valid;
    uint32_t res_addr;

    /* derived: is translation on for fetches / data accesses right now */
    int vm_fetch, vm_data, data_priv;

    /* translation cache per access kind (fetch, load, store) and the RAM
     * pages a walk has read a PTE from (a store there flushes the cache) */
    struct iss_xc xc[3][ISS_XC_ENTRIES];
    uint8_t *ptpage;

    /* software-refill TLB */
    struct iss_tlbe tlb[ISS_TLB_ENTRIES];

    /* riscv-tests host interface (0 = absent) */
    uint32_t tohost, fromhost;

    /* end of run */
    int halted;                 /* the program finished (pass or fail) */
    int exit_code;              /* 0 pass, else the program's code */

    /* co-simulation hooks */
    int ext_irq;                /* interrupts only through iss_interrupt() */
    void *hook_ctx;
    /* device read (MMIO, not RAM/ROM): return the value to use. */
    uint32_t (*dev_read)(void *ctx, uint32_t pa, int size, uint32_t model_val);
    /* CSR read of a counter, time, or mip: return the value to use. */
    uint32_t (*csr_read)(void *ctx, unsigned csr, uint32_t model_val);
    /* software refill: -1 decide from the TLB model, 0 hit (use page tables),
     * 1 miss (raise cause 24) for the access the RTL charged it to: the fetch
     * (tlb_force_fetch) or the data access, of the page of tlb_force_va; any
     * other access hits. Set per step by co-simulation. */
    int tlb_force;
    int tlb_force_fetch;
    uint32_t tlb_force_va;
};

struct iss *iss_new(uint32_t ram_bytes);
void iss_free(struct iss *s);

/* Physical write for machine set-up (a boot_write_fn): RAM and the ROM. */
void iss_phys_write(void *ctx, uint32_t paddr, const void *data, uint32_t len);
/* Physical read of RAM (or ROM) for tools; returns 0 or -1 outside them. */
int iss_phys_read(struct iss *s, uint32_t paddr, void *data, uint32_t len);

/* Boot set-up: load elf for this machine (boot_prepare), note tohost/fromhost.
 * img receives the ELF for symbols (caller frees with elf_free). 0 or -1+err. */
int iss_load(struct iss *s, const char *elf, struct elf_image *img, char *err, size_t n);

/* Reset state: pc = boot ROM, M mode, CSRs at reset values. */
void iss_reset(struct iss *s);

/* One step: take a pending enabled interrupt (unless ext_irq) or execute one
 * instruction; fill r. Returns 1 when the program has finished (s->halted). */
int iss_step(struct iss *s, struct rvfi_rec *r);

/* Take interrupt cause (without bit 31) now, as the RTL did; fill r. */
void iss_interrupt(struct iss *s, uint32_t cause, struct rvfi_rec *r);

/* Run up to max steps without records; returns the steps run. Stops early
 * when the program finishes. */
uint64_t iss_run(struct iss *s, uint64_t max);

/* Co-simulation: may interrupt cause be taken now? It must be enabled (mie,
 * and MIE/SIE by privilege and delegation) and no higher-priority one among
 * the mip bits in known (those the ISS models exactly) may be pending. */
int iss_irq_allowed(struct iss *s, uint32_t cause, uint32_t known);

/* Current mip including the device-driven bits. */
uint32_t iss_mip(struct iss *s);

#endif
