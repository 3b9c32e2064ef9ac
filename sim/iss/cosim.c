/*
 * Co-simulation of the RTL's retire records against the reference ISS
 * (see cosim.h for what is taken from the RTL and what is compared).
 */
#include "cosim.h"
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "disasm.h"
#include "iss.h"

#define HIST 16

struct cosim {
    struct iss *iss;
    const struct rvfi_rec *rtl;       /* the record being checked (for hooks) */
    struct rvfi_rec hist[HIST];       /* the ISS's last records */
    unsigned nhist;
};

/* Device loads, and loads of the fault routines' cycle sums (VM contract
 * ST_CYC_*, which the RTL's microcode timed): the RTL's data for the bytes read. */
static uint32_t hook_dev(void *ctx, uint32_t pa, int size, uint32_t model)
{
    struct cosim *c = ctx;
    (void)model;
    uint32_t v = c->rtl->mem_rdata >> (8 * (pa & 3));
    return size == 4 ? v : v & ((1u << (8 * size)) - 1);
}

/* Counter CSRs: the RTL's value. mip/sip: the device-driven bits from the RTL. */
static uint32_t hook_csr(void *ctx, unsigned csr, uint32_t model)
{
    struct cosim *c = ctx;
    uint32_t rtl = c->rtl->rd_wdata;
    if (c->rtl->rd_addr == 0)
        return model;                 /* nothing to learn from: value unused */
    if (csr == 0x344 || csr == 0x144) {
        const uint32_t hw = (1u << 3) | (1u << 7) | (1u << 11);
        return (model & ~hw) | (rtl & hw);
    }
    return rtl;
}

struct cosim *cosim_new(uint32_t ram_bytes, const char *elf, char *err, size_t n)
{
    struct cosim *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, n, "out of memory");
        return NULL;
    }
    c->iss = iss_new(ram_bytes);
    if (!c->iss) {
        snprintf(err, n, "cannot allocate %u bytes of RAM for the ISS", ram_bytes);
        free(c);
        return NULL;
    }
    struct elf_image img;
    if (iss_load(c->iss, elf, &img, err, n)) {
        iss_free(c->iss);
        free(c);
        return NULL;
    }
    elf_free(&img);
    c->iss->ext_irq = 1;
    c->iss->uart_out = NULL;          /* the harness prints the RTL's UART */
    c->iss->hook_ctx = c;
    c->iss->dev_read = hook_dev;
    c->iss->csr_read = hook_csr;
    return c;
}

struct iss *cosim_iss(struct cosim *c) { return c->iss; }

void cosim_free(struct cosim *c)
{
    if (c) {
        iss_free(c->iss);
        free(c);
    }
}

static uint32_t bytemask(uint8_t m)
{
    uint32_t r = 0;
    for (int i = 0; i < 4; i++)
        if (m & (1u << i))
            r |= 0xffu << (8 * i);
    return r;
}

static void print_rec_line(FILE *f, const struct rvfi_rec *r)
{
    char text[64];
    if (r->intr) {
        fprintf(f, "  %8llu %08x interrupt cause=%u\n", (unsigned long long)r->order,
                r->pc_rdata, r->cause & 0x7fffffff);
        return;
    }
    disasm(r->insn, r->pc_rdata, text, sizeof text);
    fprintf(f, "  %8llu %c %08x %08x  %s%s\n", (unsigned long long)r->order,
            "US?M"[r->mode & 3], r->pc_rdata, r->insn, text, r->trap ? "  (trap)" : "");
}

static void report(struct cosim *c, const struct rvfi_rec *rtl, const struct rvfi_rec *iss)
{
    FILE *f = stderr;
    char text[64];
    disasm(rtl->insn, rtl->pc_rdata, text, sizeof text);
    fprintf(f, "cosim: MISMATCH at record %llu, pc %08x: %s\n",
            (unsigned long long)rtl->order, rtl->pc_rdata, text);
    if (iss->insn != rtl->insn) {
        disasm(iss->insn, iss->pc_rdata, text, sizeof text);
        fprintf(f, "cosim: the ISS executed %08x: %s\n", iss->insn, text);
    }
    fprintf(f, "  %-10s %-18s %-18s\n", "field", "rtl", "iss");
#define F(name, fmt) do {                                                         \
        char a_[24], b_[24];                                                      \
        snprintf(a_, sizeof a_, fmt, rtl->name);                                  \
        snprintf(b_, sizeof b_, fmt, iss->name);                                  \
        fprintf(f, "  %-10s %-18s %-18s%s\n", #name, a_, b_,                      \
                strcmp(a_, b_) ? "  <--" : "");                                    \
    } while (0)
    F(order, "%" PRIu64);
    F(pc_rdata, "%08x"); F(pc_wdata, "%08x"); F(insn, "%08x");
    F(trap, "%u"); F(intr, "%u"); F(mode, "%u"); F(halt, "%u");
    F(cause, "%08x"); F(tval, "%08x");
    F(rs1_addr, "%u"); F(rs1_rdata, "%08x"); F(rs2_addr, "%u"); F(rs2_rdata, "%08x");
    F(rd_addr, "%u"); F(rd_wdata, "%08x");
    F(mem_addr, "%08x"); F(mem_rmask, "%x"); F(mem_rdata, "%08x");
    F(mem_wmask, "%x"); F(mem_wdata, "%08x");
#undef F
    fprintf(f, "cosim: last retired (ISS), oldest first:\n");
    unsigned n = c->nhist < HIST ? c->nhist : HIST;
    for (unsigned i = 0; i < n; i++)
        print_rec_line(f, &c->hist[(c->nhist - n + i) % HIST]);
}

/* 1 when the records differ in a compared field. */
static int differ(const struct rvfi_rec *a, const struct rvfi_rec *b)
{
    if (a->order != b->order || a->pc_rdata != b->pc_rdata || a->pc_wdata != b->pc_wdata ||
        a->trap != b->trap || a->intr != b->intr || a->mode != b->mode)
        return 1;
    if (a->trap || a->intr)
        return a->cause != b->cause || a->tval != b->tval || a->insn != b->insn ||
               a->rd_addr != b->rd_addr || a->mem_wmask != b->mem_wmask;
    if (a->insn != b->insn || a->rs1_addr != b->rs1_addr || a->rs2_addr != b->rs2_addr ||
        a->rd_addr != b->rd_addr || a->rd_wdata != b->rd_wdata)
        return 1;
    if (a->rs1_addr && a->rs1_rdata != b->rs1_rdata)
        return 1;
    if (a->rs2_addr && a->rs2_rdata != b->rs2_rdata)
        return 1;
    if (a->mem_rmask != b->mem_rmask || a->mem_wmask != b->mem_wmask)
        return 1;
    if ((a->mem_rmask || a->mem_wmask) && a->mem_addr != b->mem_addr)
        return 1;
    if ((a->mem_rdata ^ b->mem_rdata) & bytemask(a->mem_rmask))
        return 1;
    if ((a->mem_wdata ^ b->mem_wdata) & bytemask(a->mem_wmask))
        return 1;
    return 0;
}

/* custom-0: run-time microcode the ISS cannot know; take its effects. */
static void custom0(struct cosim *c, const struct rvfi_rec *rtl, struct rvfi_rec *r)
{
    struct iss *s = c->iss;
    memset(r, 0, sizeof *r);
    *r = *rtl;
    r->order = s->order++;
    r->pc_rdata = s->pc;
    r->mode = (uint8_t)s->priv;
    if (rtl->rd_addr)
        s->x[rtl->rd_addr & 31] = rtl->rd_wdata;
    for (int i = 0; i < 4; i++)
        if (rtl->mem_wmask & (1u << i)) {
            uint8_t b = (uint8_t)(rtl->mem_wdata >> (8 * i));
            iss_phys_write(s, rtl->mem_addr + (uint32_t)i, &b, 1);
        }
    s->pc = rtl->pc_wdata;
    s->minstret++;
    s->mcycle++;
}

int cosim_step(struct cosim *c, const struct rvfi_rec *rtl)
{
    struct iss *s = c->iss;
    struct rvfi_rec r;
    c->rtl = rtl;
    if (rtl->intr) {
        /* The RTL's timing decides when; the architecture decides whether:
         * the interrupt must be enabled, and no higher-priority one that the
         * ISS knows exactly (software-set: MSI, SSI, STI, SEI) pending. */
        uint32_t cause = rtl->cause & 0x7fffffffu;
        const uint32_t known = (1u << 1) | (1u << 3) | (1u << 5) | (1u << 9);
        if (!(rtl->cause >> 31) || !iss_irq_allowed(s, cause, known)) {
            fprintf(stderr, "cosim: MISMATCH at record %llu, pc %08x: the RTL took interrupt "
                            "cause %u, which the ISS sees disabled or outranked "
                            "(mode %d, mstatus %08x, mie %08x, mip %08x, mideleg %08x)\n",
                    (unsigned long long)rtl->order, rtl->pc_rdata, cause, s->priv,
                    s->mstatus, s->mie, s->mip, s->mideleg);
            memset(&r, 0, sizeof r);
            r.order = rtl->order;
            r.pc_rdata = s->pc;
            report(c, rtl, &r);
            return 1;
        }
        iss_interrupt(s, cause, &r);
    } else if ((rtl->insn & 0x7f) == 0x0b && !rtl->trap && rtl->pc_rdata == s->pc) {
        custom0(c, rtl, &r);
    } else {
        /* a cause-24 miss belongs to the access tval names: the fetch when
         * the record has no instruction word (the fetch did not complete) */
        s->tlb_force = (rtl->trap && rtl->cause == 24) ? 1 : 0;
        s->tlb_force_va = rtl->tval;
        s->tlb_force_fetch = rtl->insn == 0;
        iss_step(s, &r);
        s->tlb_force = -1;
    }
    c->hist[c->nhist++ % HIST] = r;
    if (differ(rtl, &r)) {
        report(c, rtl, &r);
        return 1;
    }
    return 0;
}
