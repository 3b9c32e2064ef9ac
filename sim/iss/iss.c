/*
 * Accent-V reference ISS: the architectural model (see iss.h for the
 * interface). Organised as: physical memory and devices, Sv32 translation
 * (with the software-refill TLB model), CSRs, traps and interrupts, and the
 * instruction interpreter. Every rule here follows the unprivileged spec
 * 20191213, the privileged spec 1.12 and the "Implementation choices" and
 * "VM contract" sections of DESIGN.md.
 */
#include "iss.h"
#include <stdlib.h>
#include <string.h>
#include "boot.h"
#include "csr.h"
#include "memmap.h"
#include "rt_contract.h"
#include "vm_contract.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* mstatus fields (RV32) */
#define MS_SIE  (1u << 1)
#define MS_MIE  (1u << 3)
#define MS_SPIE (1u << 5)
#define MS_MPIE (1u << 7)
#define MS_SPP  (1u << 8)
#define MS_MPP  (3u << 11)
#define MS_MPRV (1u << 17)
#define MS_SUM  (1u << 18)
#define MS_MXR  (1u << 19)
#define MS_TVM  (1u << 20)
#define MS_TW   (1u << 21)
#define MS_TSR  (1u << 22)
#define MSTATUS_WMASK (MS_SIE | MS_MIE | MS_SPIE | MS_MPIE | MS_SPP | MS_MPP | MS_MPRV | \
                       MS_SUM | MS_MXR | MS_TVM | MS_TW | MS_TSR)
#define SSTATUS_MASK (MS_SIE | MS_SPIE | MS_SPP | MS_SUM | MS_MXR)

/* interrupt bits */
#define IP_SSI (1u << 1)
#define IP_MSI (1u << 3)
#define IP_STI (1u << 5)
#define IP_MTI (1u << 7)
#define IP_SEI (1u << 9)
#define IP_MEI (1u << 11)
#define IP_SW_MASK (IP_SSI | IP_STI | IP_SEI)   /* writable through mip */
#define IE_MASK (IP_SSI | IP_MSI | IP_STI | IP_MTI | IP_SEI | IP_MEI)

/* exceptions delegable through medeleg: 0-9, 12, 13, 15 and our cause 24
 * (ecall from M, 11, is never delegated; 10 and 14 are reserved) */
#define MEDELEG_MASK 0x0100B3FFu
#define MISA_VALUE ((1u << 30) | (1u << 0) | (1u << 8) | (1u << 12) | (1u << 18) | (1u << 20))

/* PTE bits */
#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_G (1u << 5)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)

enum { ACC_FETCH = 0, ACC_LOAD = 1, ACC_STORE = 2 };
static const uint32_t pf_cause[3] = {12, 13, 15};
static const uint32_t af_cause[3] = {1, 5, 7};

/* ------------------------------------------------------------------------
 * Set-up
 * ---------------------------------------------------------------------- */

struct iss *iss_new(uint32_t ram_bytes)
{
    struct iss *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->ram = calloc(1, ram_bytes ? ram_bytes : 4);
    s->ptpage = calloc(1, ram_bytes / 4096 / 8 + 1);
    if (!s->ram || !s->ptpage) {
        free(s->ram);
        free(s->ptpage);
        free(s);
        return NULL;
    }
    s->ram_base = MM_RAM_BASE;
    s->ram_size = ram_bytes;
    s->uart_out = stdout;
    s->tlb_force = -1;
    s->tick_div = MM_CLK_HZ / MM_TIMEBASE_HZ;
    iss_reset(s);
    return s;
}

void iss_free(struct iss *s)
{
    if (s) {
        free(s->ram);
        free(s->ptpage);
        free(s);
    }
}

static void update_vm(struct iss *s);
static void xc_flush(struct iss *s);

/* Exit status for a failure code: its low byte, never 0 (as the harness). */
static int fail_status(uint32_t code) { return (code & 0xff) ? (int)(code & 0xff) : 1; }

void iss_reset(struct iss *s)
{
    memset(s->x, 0, sizeof s->x);
    s->pc = MM_BOOTROM_BASE;
    s->priv = PRV_M;
    s->mstatus = 0;
    s->medeleg = s->mideleg = s->mie = s->mip = 0;
    s->mtvec = s->mcounteren = s->mscratch = s->mepc = s->mcause = s->mtval = 0;
    s->mcountinhibit = s->mhpmevent3 = s->mhpmevent4 = 0;
    s->stvec = s->scounteren = s->sscratch = s->sepc = s->scause = s->stval = s->satp = 0;
    s->mcycle = s->minstret = s->mhpmcounter3 = s->mhpmcounter4 = 0;
    s->fpen = 1; /* hardware refill only: a standard Sv32 machine */
    s->fpframes = s->fpfree = s->fpmiss = 0;
    s->ucaddr = s->ucdatalo = 0;
    s->uart_lcr = s->uart_ier = s->uart_mcr = s->uart_scr = s->uart_dll = s->uart_dlm = 0;
    s->uart_fifo = s->uart_thre_irq = 0;
    s->mtime = 0;
    s->mtimecmp = ~0ull;
    s->msip = 0;
    s->tick_ctr = 0;
    s->res_valid = 0;
    s->halted = 0;
    s->exit_code = 0;
    memset(s->tlb, 0, sizeof s->tlb);
    update_vm(s);
}

void iss_phys_write(void *ctx, uint32_t paddr, const void *data, uint32_t len)
{
    struct iss *s = ctx;
    const uint8_t *d = data;
    xc_flush(s);
    for (uint32_t i = 0; i < len; i++) {
        uint32_t a = paddr + i;
        if (a - s->ram_base < s->ram_size)
            s->ram[a - s->ram_base] = d[i];
        else if (a - MM_BOOTROM_BASE < MM_BOOTROM_SIZE)
            s->rom[a - MM_BOOTROM_BASE] = d[i];
    }
}

int iss_phys_read(struct iss *s, uint32_t paddr, void *data, uint32_t len)
{
    uint8_t *d = data;
    for (uint32_t i = 0; i < len; i++) {
        uint32_t a = paddr + i;
        if (a - s->ram_base < s->ram_size)
            d[i] = s->ram[a - s->ram_base];
        else if (a - MM_BOOTROM_BASE < MM_BOOTROM_SIZE)
            d[i] = s->rom[a - MM_BOOTROM_BASE];
        else
            return -1;
    }
    return 0;
}

int iss_load(struct iss *s, const char *elf, struct elf_image *img, char *err, size_t n)
{
    if (boot_prepare(elf, s->ram_size, iss_phys_write, s, img, err, n) != 0)
        return -1;
    uint32_t v;
    s->tohost = elf_symbol(img, "tohost", &v) ? v : 0;
    s->fromhost = elf_symbol(img, "fromhost", &v) ? v : 0;
    iss_reset(s);
    return 0;
}

/* ------------------------------------------------------------------------
 * Devices: CLINT, UART, finisher, and the riscv-tests host interface
 * ---------------------------------------------------------------------- */

static void update_timer(struct iss *s)
{
    s->mip = (s->mip & ~(IP_MTI | IP_MSI)) | (s->mtime >= s->mtimecmp ? IP_MTI : 0) |
             ((s->msip & 1) ? IP_MSI : 0);
}

uint32_t iss_mip(struct iss *s) { return s->mip; }

/* The UART's interrupt (the SoC's only external one, mip.MEIP, no PLIC):
 * received data with IER bit 0, or THR empty with IER bit 1 until IIR
 * reports it or THR is written (it empties at once, so that re-arms it). */
static int uart_rx_ready(struct iss *s) { return s->uart_in_pos < s->uart_in_len; }

static uint8_t uart_iir_id(struct iss *s)
{
    if ((s->uart_ier & 1) && uart_rx_ready(s))
        return 0x04;
    if ((s->uart_ier & 2) && s->uart_thre_irq)
        return 0x02;
    return 0x01;
}

static void uart_update_irq(struct iss *s)
{
    s->mip = (s->mip & ~IP_MEI) | (uart_iir_id(s) != 0x01 ? IP_MEI : 0);
}

static uint8_t uart_reg_read(struct iss *s, unsigned r)
{
    int dlab = s->uart_lcr & 0x80;
    uint8_t v;
    switch (r & 7) {
    case 0:                                       /* RBR: the next input byte */
        if (dlab)
            return s->uart_dll;
        v = uart_rx_ready(s) ? s->uart_in[s->uart_in_pos++] : 0;
        uart_update_irq(s);
        return v;
    case 1: return dlab ? s->uart_dlm : s->uart_ier;
    case 2:                                       /* IIR (FIFO bits when FCR enabled them) */
        v = uart_iir_id(s);
        if (v == 0x02)
            s->uart_thre_irq = 0;                 /* reading IIR clears THR empty */
        uart_update_irq(s);
        return v | (s->uart_fifo ? 0xc0 : 0);
    case 3: return s->uart_lcr;
    case 4: return s->uart_mcr;
    case 5:                                       /* LSR: THR empty, idle; DR */
        return 0x60 | (s->uart_in_pos < s->uart_in_len ? 1 : 0);
    case 6: return 0;
    default: return s->uart_scr;
    }
}

static void uart_reg_write(struct iss *s, unsigned r, uint8_t v)
{
    int dlab = s->uart_lcr & 0x80;
    switch (r & 7) {
    case 0:
        if (dlab) {
            s->uart_dll = v;
        } else {
            if (s->uart_out)
                fputc(v, s->uart_out);
            s->uart_thre_irq = 1;
        }
        break;
    case 1:
        if (dlab) {
            s->uart_dlm = v;
        } else {
            if ((v & 2) && !(s->uart_ier & 2))
                s->uart_thre_irq = 1;             /* THR is empty: at once */
            s->uart_ier = v & 0x0f;
        }
        break;
    case 2: s->uart_fifo = v & 1; break;          /* FCR */
    case 3: s->uart_lcr = v; break;
    case 4: s->uart_mcr = v & 0x1f; break;
    case 7: s->uart_scr = v; break;
    default: break;                               /* LSR, MSR: read only */
    }
    uart_update_irq(s);
}

/* Read the aligned device word containing pa. Returns 0, or -1 when nothing
 * is mapped there. */
static int dev_word_read(struct iss *s, uint32_t pa, uint32_t *w)
{
    uint32_t a = pa & ~3u;
    if (a - MM_CLINT_BASE < MM_CLINT_SIZE) {
        uint32_t off = a - MM_CLINT_BASE;
        if (off == MM_CLINT_MSIP) *w = s->msip & 1;
        else if (off == MM_CLINT_MTIMECMP) *w = (uint32_t)s->mtimecmp;
        else if (off == MM_CLINT_MTIMECMP + 4) *w = (uint32_t)(s->mtimecmp >> 32);
        else if (off == MM_CLINT_MTIME) *w = (uint32_t)s->mtime;
        else if (off == MM_CLINT_MTIME + 4) *w = (uint32_t)(s->mtime >> 32);
        else *w = 0;
        return 0;
    }
    if (a - MM_UART_BASE < MM_UART_SIZE) {
        uint32_t off = a - MM_UART_BASE;
        *w = 0;
        for (int i = 0; i < 4; i++)             /* (only dev_write's merge gets here) */
            *w |= (uint32_t)uart_reg_read(s, off + i) << (8 * i);
        return 0;
    }
    if (a - MM_FINISHER_BASE < MM_FINISHER_SIZE) {
        *w = 0;
        return 0;
    }
    return -1;
}

static int dev_write(struct iss *s, uint32_t pa, int size, uint32_t v)
{
    if (pa - MM_CLINT_BASE < MM_CLINT_SIZE) {
        uint32_t off = (pa - MM_CLINT_BASE) & ~3u, sh = 8 * (pa & 3);
        uint32_t m = (size == 4 ? ~0u : ((1u << (8 * size)) - 1)) << sh;
        uint32_t old;
        dev_word_read(s, pa, &old);
        uint32_t w = (old & ~m) | ((v << sh) & m);
        if (off == MM_CLINT_MSIP) s->msip = w & 1;
        else if (off == MM_CLINT_MTIMECMP) s->mtimecmp = (s->mtimecmp & ~0xffffffffull) | w;
        else if (off == MM_CLINT_MTIMECMP + 4) s->mtimecmp = (s->mtimecmp & 0xffffffffull) | ((uint64_t)w << 32);
        else if (off == MM_CLINT_MTIME) s->mtime = (s->mtime & ~0xffffffffull) | w;
        else if (off == MM_CLINT_MTIME + 4) s->mtime = (s->mtime & 0xffffffffull) | ((uint64_t)w << 32);
        update_timer(s);
        return 0;
    }
    if (pa - MM_UART_BASE < MM_UART_SIZE) {
        for (int i = 0; i < size; i++)
            uart_reg_write(s, pa - MM_UART_BASE + i, (uint8_t)(v >> (8 * i)));
        return 0;
    }
    if (pa - MM_FINISHER_BASE < MM_FINISHER_SIZE) {
        /* sifive_test: low half 0x5555 pass, 0x3333 fail with code in the high half */
        if (size == 4 && (pa & 0xfff) == 0) {
            if ((v & 0xffff) == MM_FINISHER_PASS) {
                s->halted = 1;
                s->exit_code = 0;
            } else if ((v & 0xffff) == MM_FINISHER_FAIL) {
                s->halted = 1;
                s->exit_code = fail_status(v >> 16);
                if (s->uart_out)
                    fprintf(stderr, "accentv-iss: FAIL: test finisher code %u\n", v >> 16);
            }
        }
        return 0;
    }
    return -1;
}

/* tohost written (riscv-tests / Spike protocol, exactly as the RTL harness
 * serves it, so co-simulation sees the same memory): 1 pass, odd fail with
 * value >> 1, even: the address of a syscall block of 64-bit words {which,
 * arg0, arg1, arg2}: write(64) to fd 1/2 and exit(93); others -ENOSYS. The
 * result goes to word 0, fromhost gets 1 and tohost is cleared. */
static void host_poll(struct iss *s)
{
    uint32_t off = s->tohost - s->ram_base;
    uint32_t v;
    memcpy(&v, s->ram + off, 4);
    if (v == 0)
        return;
    if (v & 1) {
        s->halted = 1;
        s->exit_code = v == 1 ? 0 : fail_status(v >> 1);
        if (v != 1 && s->uart_out)
            fprintf(stderr, "accentv-iss: FAIL: tohost = 0x%08x: test %u failed\n", v, v >> 1);
        return;
    }
    uint32_t mm = v, blk[8];
    if (mm - s->ram_base >= s->ram_size || mm + 63 - s->ram_base >= s->ram_size) {
        s->halted = 1;
        s->exit_code = 1;
        fprintf(stderr, "accentv-iss: tohost: syscall block 0x%08x outside RAM\n", mm);
        return;
    }
    iss_phys_read(s, mm, blk, sizeof blk);    /* low halves: RV32 values */
    uint32_t which = blk[0];
    int64_t ret;
    if (which == 64) {
        uint32_t fd = blk[2], buf = blk[4], len = blk[6];
        if ((fd != 1 && fd != 2) ||
            (len && (buf - s->ram_base >= s->ram_size || buf + len - 1 - s->ram_base >= s->ram_size))) {
            ret = -9;
        } else {
            FILE *f = fd == 1 ? s->uart_out : (s->uart_out ? stderr : NULL);
            if (f) {
                fwrite(s->ram + (buf - s->ram_base), 1, len, f);
                fflush(f);
            }
            ret = len;
        }
    } else if (which == 93) {
        uint32_t code = blk[2];
        s->halted = 1;
        s->exit_code = code ? fail_status(code) : 0;
        if (code && s->uart_out)
            fprintf(stderr, "accentv-iss: FAIL: exit(%u)\n", code);
        return;
    } else {
        ret = -38;
    }
    uint64_t r64 = (uint64_t)ret, one = 1, zero = 0;
    iss_phys_write(s, mm, &r64, 8);
    if (s->fromhost)
        iss_phys_write(s, s->fromhost, &one, 8);
    iss_phys_write(s, s->tohost, &zero, 8);
}

/* ------------------------------------------------------------------------
 * Physical access. Return 0, or -1 for an access fault.
 * ---------------------------------------------------------------------- */

static inline int phys_read(struct iss *s, uint64_t pa, int size, uint32_t *v)
{
    uint64_t off = pa - s->ram_base;
    if (likely(off < s->ram_size)) {
        const uint8_t *p = s->ram + off;
        if (size == 4) { uint32_t t; memcpy(&t, p, 4); *v = t; }
        else if (size == 2) { uint16_t t; memcpy(&t, p, 2); *v = t; }
        else *v = *p;
        return 0;
    }
    if (pa >> 32)
        return -1;
    uint32_t a = (uint32_t)pa;
    if (a - MM_BOOTROM_BASE < MM_BOOTROM_SIZE) {
        uint32_t t = 0;
        memcpy(&t, s->rom + (a - MM_BOOTROM_BASE), (size_t)size);
        *v = t;
        return 0;
    }
    uint32_t w = 0;
    if (a - MM_UART_BASE < MM_UART_SIZE) {
        /* byte registers, read one by one: only the bytes accessed (an RBR
         * read consumes input) */
        for (int i = 0; i < size; i++)
            w |= (uint32_t)uart_reg_read(s, a - MM_UART_BASE + (uint32_t)i) << (8 * i);
    } else {
        if (dev_word_read(s, a, &w) != 0)
            return -1;
        w >>= 8 * (a & 3);
        if (size < 4)
            w &= (1u << (8 * size)) - 1;
    }
    if (s->dev_read)
        w = s->dev_read(s->hook_ctx, a, size, w);
    *v = w;
    return 0;
}

static inline int phys_write(struct iss *s, uint64_t pa, int size, uint32_t v)
{
    uint64_t off = pa - s->ram_base;
    if (likely(off < s->ram_size)) {
        uint8_t *p = s->ram + off;
        if (size == 4) memcpy(p, &v, 4);
        else if (size == 2) { uint16_t t = (uint16_t)v; memcpy(p, &t, 2); }
        else *p = (uint8_t)v;
        if (unlikely(s->ptpage[off >> 15] & (1u << ((off >> 12) & 7))))
            xc_flush(s);                /* a page table changed */
        if (unlikely(s->tohost && (uint32_t)(pa & ~3ull) == s->tohost))
            host_poll(s);
        return 0;
    }
    if (pa >> 32)
        return -1;
    return dev_write(s, (uint32_t)pa, size, v);
}

/* ------------------------------------------------------------------------
 * Sv32 translation
 * ---------------------------------------------------------------------- */

static void xc_flush(struct iss *s) { memset(s->xc, 0, sizeof s->xc); }

static void update_vm(struct iss *s)
{
    xc_flush(s);
    int on = (s->satp >> 31) != 0;
    s->data_priv = (s->priv == PRV_M && (s->mstatus & MS_MPRV)) ? (int)((s->mstatus >> 11) & 3)
                                                                  : s->priv;
    s->vm_fetch = on && s->priv != PRV_M;
    s->vm_data = on && s->data_priv != PRV_M;
}

/* Leaf permission check for an access of kind acc at privilege prv. */
static int pte_allows(struct iss *s, uint32_t pte, int acc, int prv)
{
    if (prv == PRV_U && !(pte & PTE_U))
        return 0;
    if (prv == PRV_S && (pte & PTE_U) && (acc == ACC_FETCH || !(s->mstatus & MS_SUM)))
        return 0;
    switch (acc) {
    case ACC_FETCH: return (pte & PTE_X) != 0;
    case ACC_LOAD: return (pte & PTE_R) || ((s->mstatus & MS_MXR) && (pte & PTE_X));
    default: return (pte & PTE_W) != 0;
    }
}

/* The Sv32 walk. update: set A (and D for stores) in the PTE as hardware
 * does. Returns 0 with *pa, or the exception cause. */
static uint32_t walk(struct iss *s, uint32_t va, int acc, int prv, int update, uint64_t *pa)
{
    uint64_t a = (uint64_t)(s->satp & 0x3fffff) << 12;
    for (int i = 1; i >= 0; i--) {
        uint64_t pte_pa = a + (((va >> (12 + 10 * i)) & 0x3ff) << 2);
        uint64_t off = pte_pa - s->ram_base;
        /* page tables live in RAM; anything else is an access fault of the
         * original access's kind (DESIGN: implementation choices) */
        if (off >= s->ram_size)
            return af_cause[acc];
        uint32_t pte;
        memcpy(&pte, s->ram + off, 4);
        s->ptpage[off >> 15] |= (uint8_t)(1u << ((off >> 12) & 7));
        if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)))
            return pf_cause[acc];
        if (!(pte & (PTE_R | PTE_X))) {
            /* a pointer: D, A and U are reserved in it (priv 1.12, 4.3.1),
             * and a PTE with reserved bits set faults (4.3.2 step 3) */
            if (pte & (PTE_D | PTE_A | PTE_U))
                return pf_cause[acc];
            a = (uint64_t)(pte >> 10) << 12;
            continue;
        }
        if (i == 1 && ((pte >> 10) & 0x3ff))
            return pf_cause[acc];               /* misaligned superpage */
        if (!pte_allows(s, pte, acc, prv))
            return pf_cause[acc];
        uint32_t want = PTE_A | (acc == ACC_STORE ? PTE_D : 0);
        if ((pte & want) != want && update) {
            pte |= want;
            memcpy(s->ram + off, &pte, 4);
        }
        if (i == 1)
            *pa = ((uint64_t)(pte >> 20) << 22) | (va & 0x3fffff);
        else
            *pa = ((uint64_t)(pte >> 10) << 12) | (va & 0xfff);
        return 0;
    }
    return pf_cause[acc];
}

static inline uint32_t asid_of(struct iss *s) { return (s->satp >> 22) & 0x1ff; }

/* The TLB set of vpn: two ways. */
static struct iss_tlbe *tlb_set_of(struct iss *s, uint32_t vpn)
{
    return &s->tlb[2 * (vpn % (ISS_TLB_ENTRIES / 2))];
}

/* The entry for (vpn, asid), or NULL; a hit becomes the set's recent one. */
static struct iss_tlbe *tlb_find(struct iss *s, uint32_t vpn, uint32_t asid)
{
    struct iss_tlbe *set = tlb_set_of(s, vpn);
    for (int w = 0; w < 2; w++) {
        struct iss_tlbe *e = &set[w];
        if (e->valid && e->vpn == vpn && (e->asid == asid || (e->pte & PTE_G))) {
            e->recent = 1;
            set[!w].recent = 0;
            return e;
        }
    }
    return NULL;
}

/* Put (vpn, asid) -> pte: over an entry for the same page, else the way
 * not used most recently. */
static void tlb_set(struct iss *s, uint32_t vpn, uint32_t asid, uint32_t pte)
{
    struct iss_tlbe *set = tlb_set_of(s, vpn), *e = NULL;
    for (int w = 0; w < 2 && !e; w++)
        if (set[w].valid && set[w].vpn == vpn)
            e = &set[w];
    if (!e)
        e = set[0].recent ? &set[1] : &set[0];
    e->valid = 1;
    e->vpn = vpn;
    e->asid = (uint16_t)asid;
    e->pte = pte;
    e->recent = 1;
    set[e == &set[0]].recent = 0;
}

static void tlb_drop_page(struct iss *s, uint32_t vpn)
{
    struct iss_tlbe *set = tlb_set_of(s, vpn);
    for (int w = 0; w < 2; w++)
        if (set[w].valid && set[w].vpn == vpn)
            set[w].valid = 0;
}

/* The fast paths (fpen bits, mhpmevent3/4's path mask) and their events. */
enum { FP_REFILL = 1, FP_ZERO = 2, FP_COW = 4, FP_REMAP = 8 };
enum { EV_RUN = 1, EV_HANDOFF = 2 };

/* Count a fast-path event in hpmcounter3/4 (32 bits) where mhpmevent3/4
 * select it. The moments (docs/core.md, as the RTL counts them): a run of
 * zero-fill or copy-on-write is a fault it served, of remap a well-formed
 * descriptor with bit 3 set; a hand-off is a fault the path takes (its
 * encoding, enabled, U mode, level 0, permissions that allow the access)
 * but leaves to C (no frame, a frame outside the frame table), a remap that
 * stopped before its last page, and for refill a cause-24 miss. Not modelled: event 3,
 * cycles (the ISS has no cycles), and refill runs, walks for TLB misses
 * (the ISS has no TLB when the hardware refills). mcountinhibit reads zero:
 * the counters always count. */
static void fp_event(struct iss *s, uint32_t path, int ev)
{
    if ((s->mhpmevent3 & path) && ((s->mhpmevent3 >> 4) & 3) == (uint32_t)ev)
        s->mhpmcounter3++;
    if ((s->mhpmevent4 & path) && ((s->mhpmevent4 >> 4) & 3) == (uint32_t)ev)
        s->mhpmcounter4++;
}

/* Software refill (fpen bit 0 clear) for an access made in U mode. */
static uint32_t tlb_translate(struct iss *s, uint32_t va, int acc, uint64_t *pa)
{
    uint32_t vpn = va >> 12, asid = asid_of(s);
    struct iss_tlbe *e = NULL;
    int hit;
    if (s->tlb_force >= 0) {
        /* co-simulation: only the access the RTL charged the miss to misses */
        hit = !(s->tlb_force && vpn == (s->tlb_force_va >> 12) &&
                (acc == ACC_FETCH) == s->tlb_force_fetch);
    } else {
        e = tlb_find(s, vpn, asid);
        hit = e && !(acc == ACC_STORE && !(e->pte & PTE_D));
    }
    if (!hit) {
        s->fpmiss = (vpn << 12) | ((uint32_t)acc << 9) | asid;
        fp_event(s, FP_REFILL, EV_HANDOFF);
        return 24;
    }
    if (s->tlb_force >= 0) /* co-sim: the RTL hit; its entry matches the tables */
        return walk(s, va, acc, PRV_U, 0, pa);
    if (!pte_allows(s, e->pte, acc, PRV_U))
        return pf_cause[acc];
    *pa = ((uint64_t)(e->pte >> 10) << 12) | (va & 0xfff);
    return 0;
}

static void tlb_insert(struct iss *s, uint32_t pte)
{
    if (!(pte & PTE_V) || !(pte & (PTE_R | PTE_X)) || (!(pte & PTE_R) && (pte & PTE_W)) ||
        !(pte & PTE_A))
        return;
    tlb_set(s, s->fpmiss >> 12, s->fpmiss & 0x1ff, pte);
}

static void tlb_flush(struct iss *s, uint32_t rs1, uint32_t va, uint32_t rs2, uint32_t asid)
{
    for (int i = 0; i < ISS_TLB_ENTRIES; i++) {
        struct iss_tlbe *e = &s->tlb[i];
        if (!e->valid)
            continue;
        if (rs1 && e->vpn != (va >> 12))
            continue;
        if (rs2 && ((e->pte & PTE_G) || e->asid != (asid & 0x1ff)))
            continue;
        e->valid = 0;
    }
}

/* ------------------------------------------------------------------------
 * VM fast paths: what the microcode routines do, exactly as DESIGN.md's VM
 * contract describes them (the ISS assumes the standard routines once a
 * path is enabled in fpen).
 * ---------------------------------------------------------------------- */

#define PTE_COW   (1u << 8)    /* RSW bit 8: copy-on-write / zero-fill */
#define PTE_PAGED (1u << 9)    /* RSW bit 9: paged out */

static int ram_ok(struct iss *s, uint64_t pa, uint64_t len)
{
    return pa >= s->ram_base && pa + len <= (uint64_t)s->ram_base + s->ram_size;
}
static uint32_t rd32(struct iss *s, uint64_t pa)
{
    uint32_t v;
    memcpy(&v, s->ram + (pa - s->ram_base), 4);
    return v;
}
static void wr32(struct iss *s, uint64_t pa, uint32_t v)
{
    memcpy(s->ram + (pa - s->ram_base), &v, 4);
}

/* The frame table's count word for ppn, or 0 when ppn is outside it. */
static uint64_t frame_count_addr(struct iss *s, uint32_t ppn)
{
    uint64_t ft = s->fpframes;
    if (!ram_ok(s, ft, 8))
        return 0;
    uint32_t base = rd32(s, ft), n = rd32(s, ft + 4);
    if (ppn < base || ppn - base >= n || !ram_ok(s, ft + 8 + 4ull * (ppn - base), 4))
        return 0;
    return ft + 8 + 4ull * (ppn - base);
}

/* The frame the next pop would take (0 when the stack is empty or the frame
 * is unusable: outside RAM or the frame table). */
static uint32_t frame_peek(struct iss *s)
{
    uint64_t st = s->fpfree;
    if (!ram_ok(s, st, 8))
        return 0;
    uint32_t cnt = rd32(s, st);
    if (cnt == 0 || !ram_ok(s, st + 8 + 4ull * (cnt - 1), 4))
        return 0;
    uint32_t ppn = rd32(s, st + 8 + 4ull * (cnt - 1));
    if (!ram_ok(s, (uint64_t)ppn << 12, 4096) || !frame_count_addr(s, ppn))
        return 0;
    return ppn;
}

static void frame_pop(struct iss *s)
{
    wr32(s, s->fpfree, rd32(s, s->fpfree) - 1);
}

/* A fault routine's statistics (VM contract ST_*): + 1 to the counter at
 * offset off of the struct whose physical address is the word just before
 * the frame table (the kernel keeps it in RAM; the ISS leaves anything else
 * alone). The routines' cycle sums (ST_CYC_*) are not modelled: the ISS has
 * no cycles (alone they stay 0; co-simulation reads the RTL's). */
static void fp_count(struct iss *s, uint32_t off)
{
    uint64_t w = s->fpframes - VMC_FT_STATS_BACK;
    if (!ram_ok(s, w, 4))
        return;
    s->fpcyc = rd32(s, w) + VMC_ST_CYC_ZFILL;
    uint64_t c = (uint64_t)rd32(s, w) + off;
    if (ram_ok(s, c, 4))
        wr32(s, c, rd32(s, c) + 1);
}

/* Leave the new translation of (asid, va) in the TLB model, nothing stale. */
static void tlb_put(struct iss *s, uint32_t va, uint32_t pte)
{
    tlb_set(s, va >> 12, asid_of(s), pte);
}

/* A page fault (cause) of a U-mode access: serve it as the zero-fill or
 * copy-on-write routine would, or hand it to C. Returns 0 with *pa when the
 * access can now complete, else cause unchanged. */
static uint32_t fault_fastpath(struct iss *s, uint32_t va, int acc, uint64_t *pa, uint32_t cause)
{
    xc_flush(s);                        /* (it may change a PTE) */
    uint64_t l1a = ((uint64_t)(s->satp & 0x3fffff) << 12) + ((va >> 22) << 2);
    if (!ram_ok(s, l1a, 4))
        return cause;
    uint32_t l1 = rd32(s, l1a);
    if (!(l1 & PTE_V) || (l1 & (PTE_R | PTE_W | PTE_X | PTE_D | PTE_A | PTE_U)))
        return cause;                                 /* no level-0 table (or a reserved pointer) */
    uint64_t l0a = ((uint64_t)(l1 >> 10) << 12) + (((va >> 12) & 0x3ff) << 2);
    if (!ram_ok(s, l0a, 4))
        return cause;
    uint32_t pte = rd32(s, l0a);
    uint32_t rwx = pte & (PTE_R | PTE_W | PTE_X);
    int is_store = acc == ACC_STORE;

    if (!(pte & PTE_V) && (pte & PTE_COW) && !(pte & PTE_PAGED) && (pte >> 10) == 0) {
        /* zero-fill encoding */
        if (!(s->fpen & FP_ZERO))
            return cause;
        uint32_t need = acc == ACC_FETCH ? PTE_X : is_store ? PTE_W : PTE_R;
        int ok = rwx && !((pte & PTE_W) && !(pte & PTE_R)) && (pte & PTE_U) &&
                 ((pte & need) || (acc == ACC_LOAD && (s->mstatus & MS_MXR) && (pte & PTE_X)));
        if (!ok)
            return cause;                 /* not a fault the path takes */
        uint32_t ppn = frame_peek(s);
        if (!ppn) {
            fp_event(s, FP_ZERO, EV_HANDOFF);
            return cause;
        }
        frame_pop(s);
        memset(s->ram + (((uint64_t)ppn << 12) - s->ram_base), 0, 4096);
        wr32(s, frame_count_addr(s, ppn), 1);
        uint32_t npte = (ppn << 10) | (pte & (PTE_R | PTE_W | PTE_X | PTE_U)) | PTE_V | PTE_A |
                        (is_store ? PTE_D : 0);
        wr32(s, l0a, npte);
        tlb_put(s, va, npte);
        fp_count(s, VMC_ST_FAST_ZFILL);
        fp_count(s, VMC_ST_PAGES_FRAMED);
        fp_event(s, FP_ZERO, EV_RUN);
        *pa = ((uint64_t)ppn << 12) | (va & 0xfff);
        return 0;
    }
    if ((pte & PTE_V) && !(pte & PTE_W) && (pte & PTE_COW) && is_store) {
        /* copy-on-write encoding: W taken as 1 (so R must be set) */
        if (!(s->fpen & FP_COW))
            return cause;
        uint32_t old = pte >> 10;
        uint64_t oc = frame_count_addr(s, old);
        if (!(pte & PTE_R) || !(pte & PTE_U))
            return cause;                 /* not a fault the path takes */
        if (!oc || !ram_ok(s, (uint64_t)old << 12, 4096)) {
            fp_event(s, FP_COW, EV_HANDOFF);
            return cause;
        }
        uint32_t ppn = old;
        if (rd32(s, oc) == 1) {
            fp_count(s, VMC_ST_FAST_LAST);
        } else {
            ppn = frame_peek(s);
            if (!ppn) {
                fp_event(s, FP_COW, EV_HANDOFF);
                return cause;
            }
            frame_pop(s);
            memcpy(s->ram + (((uint64_t)ppn << 12) - s->ram_base),
                   s->ram + (((uint64_t)old << 12) - s->ram_base), 4096);
            wr32(s, oc, rd32(s, oc) - 1);
            wr32(s, frame_count_addr(s, ppn), 1);
            fp_count(s, VMC_ST_FAST_COPY);
            fp_count(s, VMC_ST_PAGES_FRAMED);
            fp_count(s, VMC_ST_PAGES_COPIED);
        }
        uint32_t npte = (ppn << 10) | (pte & (PTE_R | PTE_X | PTE_U)) | PTE_W | PTE_V | PTE_A |
                        PTE_D;
        wr32(s, l0a, npte);
        tlb_put(s, va, npte);
        fp_event(s, FP_COW, EV_RUN);
        *pa = ((uint64_t)ppn << 12) | (va & 0xfff);
        return 0;
    }
    return cause;
}

/* Translate va for an access; returns 0 with *pa or the exception cause. */
static inline uint32_t translate(struct iss *s, uint32_t va, int acc, uint64_t *pa)
{
    int prv = acc == ACC_FETCH ? s->priv : s->data_priv;
    uint32_t c;
    if (s->priv == PRV_U && !(s->fpen & FP_REFILL)) {
        c = tlb_translate(s, va, acc, pa);
    } else {
        struct iss_xc *x = &s->xc[acc][(va >> 12) % ISS_XC_ENTRIES];
        if (likely(x->tag == (va >> 12) + 1)) {
            *pa = x->base | (va & 0xfff);
            return 0;
        }
        c = walk(s, va, acc, prv, 1, pa);
        /* a success has set A (and D for a store): later hits need no walk */
        if (!c && *pa - s->ram_base < s->ram_size) {
            x->tag = (va >> 12) + 1;
            x->base = (uint32_t)*pa & ~0xfffu;
        }
    }
    /* zero-fill and copy-on-write serve faults raised in U mode only */
    if (unlikely(c >= 12 && c != 24) && s->priv == PRV_U && (s->fpen & (FP_ZERO | FP_COW)))
        c = fault_fastpath(s, va, acc, pa, c);
    return c;
}

/* remap (custom-1) with fpen bit 3 set: rs1 = physical address of {src satp,
 * src va, dst satp, dst va, pages}. Returns pages done, or -1 with nothing
 * changed for a malformed descriptor. */
static uint32_t remap(struct iss *s, uint32_t desc)
{
    xc_flush(s);
    if ((desc & 3) || !ram_ok(s, desc, 20))
        return ~0u;
    uint32_t ssatp = rd32(s, desc), sva = rd32(s, desc + 4);
    uint32_t dsatp = rd32(s, desc + 8), dva = rd32(s, desc + 12), pages = rd32(s, desc + 16);
    uint64_t span = (uint64_t)pages << 12;
    if (!(ssatp >> 31) || !(dsatp >> 31) || (sva & 0xfff) || (dva & 0xfff) ||
        (uint64_t)sva + span > 0x80000000ull || (uint64_t)dva + span > 0x80000000ull)
        return ~0u;
    fp_event(s, FP_REMAP, EV_RUN);
    uint32_t done;
    for (done = 0; done < pages; done++) {
        uint32_t va_s = sva + (done << 12), va_d = dva + (done << 12);
        /* source: a present level-0 leaf */
        uint64_t l1a = ((uint64_t)(ssatp & 0x3fffff) << 12) + ((va_s >> 22) << 2);
        if (!ram_ok(s, l1a, 4))
            break;
        uint32_t l1 = rd32(s, l1a);
        if (!(l1 & PTE_V) || (l1 & (PTE_R | PTE_W | PTE_X)))
            break;
        uint64_t spa = ((uint64_t)(l1 >> 10) << 12) + (((va_s >> 12) & 0x3ff) << 2);
        if (!ram_ok(s, spa, 4))
            break;
        uint32_t spte = rd32(s, spa);
        if (!(spte & PTE_V) || !(spte & (PTE_R | PTE_X)) || ((spte & PTE_W) && !(spte & PTE_R)))
            break;
        uint64_t cnt = frame_count_addr(s, spte >> 10);
        if (!cnt)
            break;
        /* destination: its second-level table, or a frame to make one */
        uint64_t dl1a = ((uint64_t)(dsatp & 0x3fffff) << 12) + ((va_d >> 22) << 2);
        if (!ram_ok(s, dl1a, 4))
            break;
        uint32_t dl1 = rd32(s, dl1a), newtab = 0;
        if (dl1 & PTE_V) {
            if (dl1 & (PTE_R | PTE_W | PTE_X))
                break;                                    /* a megapage is there */
        } else {
            newtab = frame_peek(s);
            if (!newtab)
                break;
        }
        uint64_t dpa;
        if (!newtab) {
            dpa = ((uint64_t)(dl1 >> 10) << 12) + (((va_d >> 12) & 0x3ff) << 2);
            if (!ram_ok(s, dpa, 4))
                break;
            uint32_t dpte = rd32(s, dpa);
            if ((dpte & PTE_V) || (dpte & (PTE_COW | PTE_PAGED)))
                break;                                    /* holds a mapping */
        } else {
            /* every check is done: now the writes */
            frame_pop(s);
            memset(s->ram + (((uint64_t)newtab << 12) - s->ram_base), 0, 4096);
            wr32(s, frame_count_addr(s, newtab), 1);
            wr32(s, dl1a, (newtab << 10) | PTE_V);
            dpa = ((uint64_t)newtab << 12) + (((va_d >> 12) & 0x3ff) << 2);
        }
        uint32_t nsrc = spte, ndst = spte & ~(PTE_A | PTE_D);
        if ((spte & PTE_W) || (spte & PTE_COW)) {
            nsrc = (spte & ~PTE_W) | PTE_COW;
            ndst = (ndst & ~PTE_W) | PTE_COW;
        }
        wr32(s, spa, nsrc);
        wr32(s, dpa, ndst);
        wr32(s, cnt, rd32(s, cnt) + 1);
        /* the source's stale TLB entry goes */
        tlb_drop_page(s, va_s >> 12);
    }
    if (done < pages)
        fp_event(s, FP_REMAP, EV_HANDOFF);
    return done;
}

/* ------------------------------------------------------------------------
 * The round trip in microcode (docs/ipc-microcode.md, the contract in
 * firmware/include/rt_contract.def): an ecall from U with a7 = SYS_MSG_RPC
 * or SYS_MSG_REPLY_RECEIVE that the routine takes is one instruction that
 * delivers a header-only message to a receiver blocked on the destination,
 * blocks the caller in its receive and switches to the receiver. Every check
 * comes before any write; a refusal (0) leaves the ordinary ecall trap with
 * nothing changed. Kernel pointers are physical (identity-mapped kernel);
 * one outside RAM is a kernel bug, which the ISS refuses rather than reads.
 * ---------------------------------------------------------------------- */

/* The word at a kernel address, or *ok cleared when it is not in RAM. */
static uint32_t rt_rd(struct iss *s, uint32_t a, int *ok)
{
    if ((a & 3) || !ram_ok(s, a, 4)) {
        *ok = 0;
        return 0;
    }
    return rd32(s, a);
}

/* The routine's own Sv32 walk of a user buffer (root: the map's root
 * table): the physical address of its 20 bytes when they lie in one page
 * whose level-0 leaf has every bit of need set, else 0. No A/D update, no
 * TLB: a page that needs either is refused. */
static uint32_t rt_xlate(struct iss *s, uint32_t root, uint32_t va, uint32_t need)
{
    int ok = 1;
    if ((va & 0xfff) > RTC_HDR_LAST_OFF)
        return 0;
    uint32_t l1 = rt_rd(s, root + ((va >> 22) << 2), &ok);
    if (!ok || (l1 & 0xf) != 1)                       /* V, not a leaf */
        return 0;
    uint32_t pte = rt_rd(s, (l1 >> 10 << 12) + (((va >> 12) & 0x3ff) << 2), &ok);
    if (!ok || (pte & need) != need)
        return 0;
    uint32_t pa = (pte >> 10 << 12) | (va & 0xfff);
    return ram_ok(s, pa, RTC_HDR) ? pa : 0;
}

/* One leg, for the ecall at pc: 1 and *npc = the receiver's pc when taken. */
static int rt_leg(struct iss *s, uint32_t pc, uint32_t *npc)
{
    uint32_t *x = s->x;
    int ok = 1, rpc = x[17] == RTC_SYS_RPC;
#define RD(a) rt_rd(s, (a), &ok)
    /* recognition: p (sscratch), its block, go */
    uint32_t p = s->sscratch;
    if (!p)
        return 0;
    uint32_t blk = RD(p + RTC_P_RT_BLK);
    if (!ok || !blk || !(RD(blk + RTC_BLK_GO) & 1) || !ok)
        return 0;
    /* 1, 3-6: the call */
    if (rpc ? x[13] : x[14])
        return 0;
    if ((x[10] | x[11]) & 3)
        return 0;
    if ((int32_t)x[11] < 0 || RTC_USER_TOP - x[11] < x[12] || x[12] < RTC_HDR)
        return 0;                                     /* (a small buffer: no record) */
    if (x[10] - 1 > RTC_USER_TOP - RTC_HDR - 1)
        return 0;
    uint32_t pflags = RD(p + RTC_P_FLAGS);
    if (!ok || ((pflags >> 8) & 0xff))
        return 0;
    /* 7, 8, 9: the header */
    uint32_t ha = rt_xlate(s, RD(p + RTC_P_MAP + RTC_VM_ROOT), x[10], RTC_PTE_READ);
    if (!ok || !ha)
        return 0;
    uint32_t h[5];
    for (int i = 0; i < 5; i++)
        h[i] = rd32(s, ha + 4 * i);
    if (h[0] != RTC_HDR || (h[4] >> 16))
        return 0;
    uint32_t rname;
    if (rpc) {
        if (((h[4] >> 8) & 0xff) != RTC_MAKE_SEND_ONCE)
            return 0;
        rname = h[2];
    } else {
        if (h[2])
            return 0;
        rname = x[13];
    }
    /* 10: the receive name */
    uint32_t names = RD(p + RTC_P_NAMES), nn = RD(p + RTC_P_NNAMES);
    if (!ok || !rname || rname >= nn)
        return 0;
    uint32_t e = names + RTC_NE_SIZE * rname;
    uint32_t s5 = RD(e + RTC_NE_PORT), ef = RD(e + RTC_NE_FLAGS), ed = RD(e + RTC_NE_DEAD);
    if (!ok || !s5 || !((ef >> 16) & 0xff) || (ed & 0xff) || RD(s5 + RTC_PT_QHEAD) || !ok)
        return 0;
    /* 11, 12: the destination */
    uint32_t d = h[1];
    if (!d || d >= nn)
        return 0;
    uint32_t e6 = names + RTC_NE_SIZE * d;
    uint32_t s7 = RD(e6 + RTC_NE_PORT), e6f = RD(e6 + RTC_NE_FLAGS);
    if (!ok || !s7)
        return 0;
    uint32_t disp = h[4] & 0xff;
    if (disp == RTC_COPY_SEND) {
        if (!(e6f & 0xffff) || RD(s7 + RTC_PT_QLEN) >= RD(s7 + RTC_PT_QLIMIT) ||
            (int32_t)RD(blk + RTC_BLK_QUEUED) > (int32_t)RD(blk + RTC_BLK_QB_LIMIT) || !ok)
            return 0;
    } else if (disp == RTC_MOVE_SEND_ONCE) {
        if (!(e6f >> 24) || RD(s7 + RTC_PT_REFS) <= 1 || !ok)
            return 0;
    } else {
        return 0;
    }
    /* 13: the receiver */
    uint32_t r = RD(s7 + RTC_PT_RECEIVER);
    if (!ok || !r || RD(r + RTC_P_STATE) != RTC_P_BLOCKED || RD(r + RTC_P_WAIT) != RTC_W_RECV ||
        RD(r + RTC_P_WAIT_OBJ) != s7 || !ok)
        return 0;
    /* 14-18: its call, frame, options, name and buffer, all checked by the
     * leg that blocked it: its receive record names s7 (the kernel clears
     * it wherever the record could go stale) */
    uint32_t m = RD(r + RTC_P_RPC_REPLY), buf = RD(r + 4 * 11);
    uint32_t rnames = RD(r + RTC_P_NAMES), rnn = RD(r + RTC_P_NNAMES);
    RD(r + RTC_P_NAME_HINT);
    if (!ok || RD(r + RTC_P_RT_RPORT) != s7 || !ok)
        return 0;
    /* 19: the reply right's slot (RPC): the lowest free one. The microcode
     * searches from r's name hint, trusting the kernel's invariant (no free
     * slot below it); this searches from slot 1, so a broken invariant
     * shows as a co-simulation divergence, not as a different name. */
    uint32_t j = 0;
    if (rpc) {
        if (RD(s5 + RTC_PT_DEAD) & 0xff)
            return 0;
        for (j = 1; j < rnn && RD(rnames + RTC_NE_SIZE * j + RTC_NE_PORT); j++)
            if (!ok)
                return 0;
        if (!ok || j >= rnn)
            return 0;
    }
    /* 20, 21: the receiver not suspended, its buffer writable */
    if (RD(r + RTC_P_SUSP) & 0xff)
        return 0;
    /* r's satp as vm_create gave it, and r's map marked as run (it ran to
     * block in its receive), and the block's constant: the kernel's, which the
     * microcode relies on; a refusal here makes co-simulation diverge */
    uint32_t rmap = RD(r + RTC_P_MAP + RTC_VM_ROOT), rasid = RD(r + RTC_P_MAP + RTC_VM_ASID);
    uint32_t rsatp = RD(r + RTC_P_SATP);
    if (!ok || rsatp != (RTC_USER_TOP | (rasid & 0xffff) << 22 | rmap >> 12) ||
        !((rasid >> RTC_VM_RAN_SHIFT) & 0xff) || RD(blk + RTC_BLK_FLAGS) != RTC_FLAGS_BLOCKED)
        return 0;
    uint32_t ba = rt_xlate(s, rmap, buf, RTC_PTE_WRITE);
    /* the words written below must be in RAM too (kernel pointers; the
     * block's, up to BLK_FLAGS, were read above) */
    RD(p + RTC_P_RPC_REPLY), RD(p + RTC_P_RT_RPORT), RD(s5 + RTC_PT_NAMED), RD(s7 + RTC_PT_NAMED);
    RD(p + RTC_P_NAME_HINT);
    if (!ok || !ba)
        return 0;
#undef RD
    /* committed: 1 the reply right, 2 the send-once drop */
    uint32_t bits = 0;
    if (rpc) {
        uint32_t je = rnames + RTC_NE_SIZE * j;
        wr32(s, je + RTC_NE_PORT, s5);
        wr32(s, je + RTC_NE_FLAGS, RTC_NE_SENDONCE_1);
        wr32(s, s5 + RTC_PT_NAMED, rd32(s, s5 + RTC_PT_NAMED) + 1);
        wr32(s, s5 + RTC_PT_REFS, rd32(s, s5 + RTC_PT_REFS) + 1);
        bits = RTC_REPLY_ONCE_BITS;
    }
    if (disp == RTC_MOVE_SEND_ONCE) {
        uint32_t f = rd32(s, e6 + RTC_NE_FLAGS) & 0x00ffffffu;
        wr32(s, e6 + RTC_NE_FLAGS, f);
        if (!f && !(rd32(s, e6 + RTC_NE_DEAD) & 0xff)) {
            wr32(s, e6, 0);
            wr32(s, e6 + 4, 0);
            wr32(s, e6 + 8, 0);
            wr32(s, s7 + RTC_PT_NAMED, rd32(s, s7 + RTC_PT_NAMED) - 1);
            wr32(s, s7 + RTC_PT_REFS, rd32(s, s7 + RTC_PT_REFS) - 1);
            if (d <= rd32(s, p + RTC_P_NAME_HINT))   /* p's name hint down to d */
                wr32(s, p + RTC_P_NAME_HINT, d);
        }
    }
    /* 3 statistics (the block's fast-leg count), 4 the map */
    wr32(s, blk + RTC_BLK_FAST, rd32(s, blk + RTC_BLK_FAST) + 1);
    wr32(s, blk + RTC_BLK_VM_ACTIVE, r + RTC_P_MAP);
    /* 5 the header */
    uint32_t hdr[5] = {RTC_HDR, m, j, h[3], bits};
    for (int i = 0; i < 5; i++)
        wr32(s, ba + 4 * i, hdr[i]);
    /* 6 r's call ends */
    uint32_t rpc_next = rd32(s, r + RTC_P_TF_PC) + 4;
    wr32(s, r + RTC_P_TF_PC, rpc_next);
    wr32(s, r + 4 * 10, 0);
    wr32(s, r + 4 * 11, RTC_HDR);
    wr32(s, r + RTC_P_FLAGS, 0);
    wr32(s, r + RTC_P_STATE, RTC_P_RUNNABLE);
    wr32(s, r + RTC_P_WAIT, RTC_W_NONE);
    wr32(s, r + RTC_P_WAIT_OBJ, 0);
    wr32(s, r + RTC_P_RT_RPORT, 0);                  /* woken: no record */
    /* 7 p blocks in its receive: the registers strap_vec saves first */
    for (int n = 2; n < 28; n++)
        if (n != 6 && n != 7)
            wr32(s, p + 4 * n, x[n]);
    wr32(s, p + RTC_P_TF_PC, pc);
    wr32(s, p + RTC_P_STATE, RTC_P_BLOCKED);
    wr32(s, p + RTC_P_WAIT, RTC_W_RECV);
    wr32(s, p + RTC_P_WAIT_OBJ, s5);
    wr32(s, p + RTC_P_RPC_REPLY, rname);             /* the receive record */
    wr32(s, p + RTC_P_RT_RPORT, s5);
    wr32(s, p + RTC_P_FLAGS, RTC_FLAGS_BLOCKED);
    /* 8 the switch */
    wr32(s, blk + RTC_BLK_CURPROC, r);
    wr32(s, blk + RTC_BLK_HANDOFF, 0);
    s->sscratch = r;
    s->satp = rsatp;
    update_vm(s);
    for (int n = 1; n < 32; n++)
        x[n] = 0;
    static const uint8_t kept[] = {2, 3, 4, 8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27};
    for (unsigned i = 0; i < sizeof kept; i++)
        x[kept[i]] = rd32(s, r + 4 * kept[i]);
    x[11] = RTC_HDR;
    *npc = rpc_next;
    return 1;
}

/* ------------------------------------------------------------------------
 * Traps and interrupts
 * ---------------------------------------------------------------------- */

static void take_trap(struct iss *s, uint32_t cause, uint32_t tval, int intr)
{
    uint32_t bit = 1u << (cause & 31);
    int to_s = s->priv <= PRV_S && ((intr ? s->mideleg : s->medeleg) & bit);
    uint32_t code = cause | (intr ? 0x80000000u : 0);
    uint32_t st = s->mstatus;
    if (to_s) {
        s->scause = code;
        s->sepc = s->pc;
        s->stval = tval;
        st = (st & ~(MS_SPIE | MS_SPP)) | ((st & MS_SIE) ? MS_SPIE : 0) |
             (s->priv == PRV_S ? MS_SPP : 0);
        st &= ~MS_SIE;
        s->priv = PRV_S;
        s->pc = (s->stvec & ~3u) + ((intr && (s->stvec & 1)) ? 4 * cause : 0);
    } else {
        s->mcause = code;
        s->mepc = s->pc;
        s->mtval = tval;
        st = (st & ~(MS_MPIE | MS_MPP)) | ((st & MS_MIE) ? MS_MPIE : 0) |
             ((uint32_t)s->priv << 11);
        st &= ~MS_MIE;
        s->priv = PRV_M;
        s->pc = (s->mtvec & ~3u) + ((intr && (s->mtvec & 1)) ? 4 * cause : 0);
    }
    s->mstatus = st;
    update_vm(s);
}

/* The interrupt to take now, or -1. M-level (not delegated) before S-level;
 * within a level MEI, MSI, MTI, SEI, SSI, STI (privileged spec 3.1.9). */
static int irq_choose(struct iss *s, uint32_t pending);

static int irq_to_take(struct iss *s) { return irq_choose(s, s->mip); }

int iss_irq_allowed(struct iss *s, uint32_t cause, uint32_t known)
{
    if (cause >= 32)
        return 0;
    return irq_choose(s, (s->mip & known) | (1u << cause)) == (int)cause;
}

static int irq_choose(struct iss *s, uint32_t pending)
{
    uint32_t p = pending & s->mie;
    if (!p)
        return -1;
    static const int prio[6] = {11, 3, 7, 9, 1, 5};
    uint32_t m = p & ~s->mideleg, sl = p & s->mideleg;
    int m_en = s->priv < PRV_M || (s->mstatus & MS_MIE);
    int s_en = s->priv < PRV_S || (s->priv == PRV_S && (s->mstatus & MS_SIE));
    if (m_en && m)
        for (int i = 0; i < 6; i++)
            if (m & (1u << prio[i]))
                return prio[i];
    if (s_en && sl)
        for (int i = 0; i < 6; i++)
            if (sl & (1u << prio[i]))
                return prio[i];
    return -1;
}

void iss_interrupt(struct iss *s, uint32_t cause, struct rvfi_rec *r)
{
    memset(r, 0, sizeof *r);
    r->order = s->order++;
    r->mode = (uint8_t)s->priv;
    r->pc_rdata = s->pc;
    r->intr = 1;
    r->cause = cause | 0x80000000u;
    take_trap(s, cause, 0, 1);
    r->pc_wdata = s->pc;
}

/* ------------------------------------------------------------------------
 * CSRs
 * ---------------------------------------------------------------------- */

static int counter_allowed(struct iss *s, unsigned csr)
{
    uint32_t bit = 1u << (csr & 31);
    if (s->priv < PRV_M && !(s->mcounteren & bit))
        return 0;
    if (s->priv == PRV_U && !(s->scounteren & bit))
        return 0;
    return 1;
}

static int is_hooked_csr(unsigned csr)
{
    return (csr >= CSR_CYCLE && csr <= CSR_HPMCOUNTER4) ||
           (csr >= CSR_CYCLEH && csr <= CSR_HPMCOUNTER4H) ||
           (csr >= CSR_MCYCLE && csr <= CSR_MHPMCOUNTER4) ||
           (csr >= CSR_MCYCLEH && csr <= CSR_MHPMCOUNTER4H) || csr == CSR_MIP || csr == CSR_SIP;
}

/* The CSRs that exist only as read-only zero, as in the RTL's predecoder
 * (fields.def, CSR_Z_*): the privileged spec has all 16 pmpcfg and 64
 * pmpaddr registers exist when fewer PMP entries are implemented, and all of
 * mhpmcounter3-31 / mhpmevent3-31 exist (counters 5-31 count nothing); the
 * user views of counters 5-31 are never enabled below M (their
 * mcounteren/scounteren bits are read-only zero), so only M reaches them. */
static int zero_csr(struct iss *s, unsigned csr)
{
    if ((csr >= CSR_PMPCFG0 && csr <= CSR_PMPCFG0 + 15) ||
        (csr >= CSR_PMPADDR0 && csr <= CSR_PMPADDR0 + 63) ||
        (csr > CSR_MHPMEVENT4 && csr <= CSR_MHPMEVENT3 + 28) ||
        (csr > CSR_MHPMCOUNTER4 && csr <= CSR_MHPMCOUNTER3 + 28) ||
        (csr > CSR_MHPMCOUNTER4H && csr <= CSR_MHPMCOUNTER3H + 28))
        return 1;
    if ((csr > CSR_HPMCOUNTER4 && csr <= CSR_HPMCOUNTER3 + 28) ||
        (csr > CSR_HPMCOUNTER4H && csr <= CSR_HPMCOUNTER3H + 28))
        return counter_allowed(s, csr);
    return 0;
}

/* Read a CSR's value; returns 0, or -1 when it does not exist or is denied. */
static int csr_read(struct iss *s, unsigned csr, uint32_t *v)
{
    if (((csr >> 8) & 3) > (unsigned)s->priv)
        return -1;
    switch (csr) {
    case CSR_CYCLE: case CSR_TIME: case CSR_INSTRET: case CSR_HPMCOUNTER3: case CSR_HPMCOUNTER4:
    case CSR_CYCLEH: case CSR_TIMEH: case CSR_INSTRETH: case CSR_HPMCOUNTER3H: case CSR_HPMCOUNTER4H:
        if (!counter_allowed(s, csr))
            return -1;
        break;
    case CSR_SATP:
        if (s->priv == PRV_S && (s->mstatus & MS_TVM))
            return -1;
        break;
    }
    switch (csr) {
    case CSR_CYCLE: case CSR_MCYCLE: *v = (uint32_t)s->mcycle; break;
    case CSR_CYCLEH: case CSR_MCYCLEH: *v = (uint32_t)(s->mcycle >> 32); break;
    case CSR_INSTRET: case CSR_MINSTRET: *v = (uint32_t)s->minstret; break;
    case CSR_INSTRETH: case CSR_MINSTRETH: *v = (uint32_t)(s->minstret >> 32); break;
    case CSR_TIME: *v = (uint32_t)s->mtime; break;
    case CSR_TIMEH: *v = (uint32_t)(s->mtime >> 32); break;
    case CSR_HPMCOUNTER3: case CSR_MHPMCOUNTER3: *v = s->mhpmcounter3; break;
    case CSR_HPMCOUNTER4: case CSR_MHPMCOUNTER4: *v = s->mhpmcounter4; break;
    /* the event counters are 32 bits (DESIGN.md): their high halves read zero */
    case CSR_HPMCOUNTER3H: case CSR_MHPMCOUNTER3H: *v = 0; break;
    case CSR_HPMCOUNTER4H: case CSR_MHPMCOUNTER4H: *v = 0; break;
    case CSR_SSTATUS: *v = s->mstatus & SSTATUS_MASK; break;
    case CSR_SIE: *v = s->mie & s->mideleg; break;
    case CSR_STVEC: *v = s->stvec; break;
    case CSR_SCOUNTEREN: *v = s->scounteren; break;
    case CSR_SENVCFG: *v = 0; break;
    case CSR_SSCRATCH: *v = s->sscratch; break;
    case CSR_SEPC: *v = s->sepc; break;
    case CSR_SCAUSE: *v = s->scause; break;
    case CSR_STVAL: *v = s->stval; break;
    case CSR_SIP: *v = s->mip & s->mideleg; break;
    case CSR_SATP: *v = s->satp; break;
    case CSR_FPEN: *v = s->fpen; break;
    case CSR_FPFRAMES: *v = s->fpframes; break;
    case CSR_FPFREE: *v = s->fpfree; break;
    case CSR_FPEVENT3: *v = s->mhpmevent3; break;
    case CSR_FPEVENT4: *v = s->mhpmevent4; break;
    case CSR_FPMISS: *v = s->fpmiss; break;
    case CSR_FPINSERT: *v = 0; break;
    case CSR_MVENDORID: case CSR_MARCHID: case CSR_MIMPID: case CSR_MHARTID:
    case CSR_MCONFIGPTR: *v = 0; break;
    case CSR_MSTATUS: *v = s->mstatus; break;
    case CSR_MISA: *v = MISA_VALUE; break;
    case CSR_MEDELEG: *v = s->medeleg; break;
    case CSR_MIDELEG: *v = s->mideleg; break;
    case CSR_MIE: *v = s->mie; break;
    case CSR_MTVEC: *v = s->mtvec; break;
    case CSR_MCOUNTEREN: *v = s->mcounteren; break;
    case CSR_MENVCFG: case CSR_MSTATUSH: case CSR_MENVCFGH: *v = 0; break;
    case CSR_MCOUNTINHIBIT: *v = s->mcountinhibit; break;
    case CSR_MHPMEVENT3: *v = s->mhpmevent3; break;
    case CSR_MHPMEVENT4: *v = s->mhpmevent4; break;
    case CSR_MSCRATCH: *v = s->mscratch; break;
    case CSR_MEPC: *v = s->mepc; break;
    case CSR_MCAUSE: *v = s->mcause; break;
    case CSR_MTVAL: *v = s->mtval; break;
    case CSR_MIP: *v = s->mip; break;
    case CSR_PMPCFG0: case CSR_PMPCFG1: case CSR_PMPCFG2: case CSR_PMPCFG3:
    case CSR_PMPADDR0: *v = 0; break;
    case CSR_TSELECT: case CSR_TDATA1: case CSR_TDATA2: case CSR_TDATA3: *v = 0; break;
    /* the load port: ucaddr and ucdatalo are plain registers; ucdatahi reads
     * zero (writing it stores the word: the ISS has no control store and
     * assumes the standard routines, DESIGN "Loading") */
    case CSR_UCADDR: *v = s->ucaddr; break;
    case CSR_UCDATALO: *v = s->ucdatalo; break;
    case CSR_UCDATAHI: *v = 0; break;
    default:
        if (!zero_csr(s, csr))
            return -1;
        *v = 0;
        break;
    }
    if (s->csr_read && is_hooked_csr(csr))
        *v = s->csr_read(s->hook_ctx, csr, *v);
    return 0;
}

static void set64lo(uint64_t *r, uint32_t v) { *r = (*r & ~0xffffffffull) | v; }
static void set64hi(uint64_t *r, uint32_t v) { *r = (*r & 0xffffffffull) | ((uint64_t)v << 32); }

/* Write a CSR known to exist and be writable at this privilege. */
static void csr_write(struct iss *s, unsigned csr, uint32_t v)
{
    switch (csr) {
    case CSR_MCYCLE: set64lo(&s->mcycle, v); break;
    case CSR_MCYCLEH: set64hi(&s->mcycle, v); break;
    case CSR_MINSTRET: set64lo(&s->minstret, v); break;
    case CSR_MINSTRETH: set64hi(&s->minstret, v); break;
    case CSR_MHPMCOUNTER3: s->mhpmcounter3 = v; break;
    case CSR_MHPMCOUNTER4: s->mhpmcounter4 = v; break;
    case CSR_MHPMCOUNTER3H: case CSR_MHPMCOUNTER4H: break;     /* read-only zero */
    case CSR_SSTATUS:
        s->mstatus = (s->mstatus & ~SSTATUS_MASK) | (v & SSTATUS_MASK);
        update_vm(s);
        break;
    case CSR_SIE: s->mie = (s->mie & ~s->mideleg) | (v & s->mideleg & IE_MASK); break;
    case CSR_STVEC: if ((v & 3) < 2) s->stvec = v; break;
    /* WARL: only the bits of the counters below M can read (cycle, time,
     * instret, hpmcounter3/4) are kept, as in the RTL; hpmcounter5-31 read
     * zero in M and are never enabled below it */
    case CSR_SCOUNTEREN: s->scounteren = v & 0x1f; break;
    case CSR_SSCRATCH: s->sscratch = v; break;
    case CSR_SEPC: s->sepc = v & ~3u; break;
    case CSR_SCAUSE: s->scause = v; break;
    case CSR_STVAL: s->stval = v; break;
    case CSR_SIP: s->mip = (s->mip & ~(s->mideleg & IP_SSI)) | (v & s->mideleg & IP_SSI); break;
    case CSR_SATP: s->satp = v; update_vm(s); break;
    case CSR_FPEN: s->fpen = v & 0xf; xc_flush(s); break;
    case CSR_FPFRAMES: s->fpframes = v; break;
    case CSR_FPFREE: s->fpfree = v; break;
    /* (kept whole, as the RTL's register-file words: bits 5:0 select) */
    case CSR_FPEVENT3: s->mhpmevent3 = v; break;
    case CSR_FPEVENT4: s->mhpmevent4 = v; break;
    case CSR_FPMISS: s->fpmiss = v & 0xfffff7ffu; break;
    case CSR_FPINSERT: tlb_insert(s, v); break;
    case CSR_MSTATUS: {
        uint32_t n = (s->mstatus & ~MSTATUS_WMASK) | (v & MSTATUS_WMASK);
        if (((n >> 11) & 3) == 2)              /* MPP is WARL: 2 is not a mode */
            n = (n & ~MS_MPP) | (s->mstatus & MS_MPP);
        s->mstatus = n;
        update_vm(s);
        break;
    }
    case CSR_MEDELEG: s->medeleg = v & MEDELEG_MASK; break;
    case CSR_MIDELEG: s->mideleg = v & IP_SW_MASK; break;
    case CSR_MIE: s->mie = v & IE_MASK; break;
    case CSR_MTVEC: if ((v & 3) < 2) s->mtvec = v; break;
    case CSR_MCOUNTEREN: s->mcounteren = v & 0x1f; break;
    /* WARL read-only zero, as in the RTL: every counter always counts */
    case CSR_MCOUNTINHIBIT: break;
    /* the same registers as fpevent3/4 (their supervisor views) */
    case CSR_MHPMEVENT3: s->mhpmevent3 = v; break;
    case CSR_MHPMEVENT4: s->mhpmevent4 = v; break;
    case CSR_MSCRATCH: s->mscratch = v; break;
    case CSR_MEPC: s->mepc = v & ~3u; break;
    case CSR_MCAUSE: s->mcause = v; break;
    case CSR_MTVAL: s->mtval = v; break;
    case CSR_MIP: s->mip = (s->mip & ~IP_SW_MASK) | (v & IP_SW_MASK); break;
    case CSR_UCADDR: s->ucaddr = v; break;
    case CSR_UCDATALO: s->ucdatalo = v; break;
    default: break;    /* read-zero CSRs: writes ignored */
    }
}

/* ------------------------------------------------------------------------
 * The interpreter
 * ---------------------------------------------------------------------- */

/* Raise exception cause/tval for the current instruction (record and trap). */
static void except(struct iss *s, struct rvfi_rec *r, uint32_t cause, uint32_t tval)
{
    r->trap = 1;
    r->cause = cause;
    r->tval = tval;
    r->rs1_addr = r->rs2_addr = r->rd_addr = 0;
    r->rs1_rdata = r->rs2_rdata = r->rd_wdata = 0;
    r->mem_addr = r->mem_rmask = r->mem_wmask = 0;
    r->mem_rdata = r->mem_wdata = 0;
    take_trap(s, cause, tval, 0);
    r->pc_wdata = s->pc;
}

static inline uint32_t sext(uint32_t v, int bits)
{
    return (uint32_t)((int32_t)(v << (32 - bits)) >> (32 - bits));
}

/* Fetch the instruction at s->pc; returns 0 or the exception cause. */
static inline uint32_t fetch(struct iss *s, uint32_t *insn)
{
    uint64_t pa = s->pc;
    if (s->vm_fetch) {
        uint32_t c = translate(s, s->pc, ACC_FETCH, &pa);
        if (c)
            return c;
    }
    uint64_t off = pa - s->ram_base;
    if (likely(off < s->ram_size)) {
        memcpy(insn, s->ram + off, 4);
        return 0;
    }
    if (pa - MM_BOOTROM_BASE < MM_BOOTROM_SIZE) {
        memcpy(insn, s->rom + (pa - MM_BOOTROM_BASE), 4);
        return 0;
    }
    return 1; /* instruction access fault: only RAM and the ROM hold code */
}

static inline void rec_mem(struct rvfi_rec *r, uint64_t pa, int size, int write, uint32_t v)
{
    uint32_t sh = (uint32_t)pa & 3;
    uint8_t mask = (uint8_t)(((1u << size) - 1) << sh);
    r->mem_addr = (uint32_t)pa & ~3u;
    if (write) {
        r->mem_wmask = mask;
        r->mem_wdata = v << (8 * sh);
    } else {
        r->mem_rmask = mask;
        r->mem_rdata = v << (8 * sh);
    }
}

static void exec(struct iss *s, struct rvfi_rec *r)
{
    uint32_t insn, c;
    uint32_t pc = s->pc;
    c = fetch(s, &insn);
    if (unlikely(c)) {
        except(s, r, c, pc);
        return;
    }
    r->insn = insn;
    uint32_t op = insn & 0x7f, rd = (insn >> 7) & 31, f3 = (insn >> 12) & 7;
    uint32_t rs1 = (insn >> 15) & 31, rs2 = (insn >> 20) & 31, f7 = insn >> 25;
    uint32_t a = s->x[rs1], b = s->x[rs2];
    uint32_t npc = pc + 4, res = 0;
    int wr = 1;                       /* writes rd */

#define USE_RS1() (r->rs1_addr = (uint8_t)rs1, r->rs1_rdata = a)
#define USE_RS2() (r->rs2_addr = (uint8_t)rs2, r->rs2_rdata = b)
/* tval: the instruction's bits; a 16-bit encoding (bits 1:0 not 11) gives
 * only its 16 bits, the upper half zero (priv spec 3.1.16) */
#define ILLEGAL() do { except(s, r, 2, (insn & 3) == 3 ? insn : insn & 0xffff); return; } while (0)
#define EXC(cause, tval) do { except(s, r, (cause), (tval)); return; } while (0)

    switch (op) {
    case 0x37: res = insn & 0xfffff000u; break;                       /* LUI */
    case 0x17: res = pc + (insn & 0xfffff000u); break;                /* AUIPC */
    case 0x6f: {                                                      /* JAL */
        uint32_t off = ((uint32_t)((int32_t)insn >> 31) << 20) | (insn & 0xff000) |
                       ((insn >> 9) & 0x800) | ((insn >> 20) & 0x7fe);
        uint32_t t = pc + off;
        if (t & 3)
            EXC(0, t);
        res = npc;
        npc = t;
        break;
    }
    case 0x67: {                                                      /* JALR */
        if (f3)
            ILLEGAL();
        USE_RS1();
        uint32_t t = (a + sext(insn >> 20, 12)) & ~1u;
        if (t & 3)
            EXC(0, t);
        res = npc;
        npc = t;
        break;
    }
    case 0x63: {                                                      /* branches */
        int take;
        switch (f3) {
        case 0: take = a == b; break;
        case 1: take = a != b; break;
        case 4: take = (int32_t)a < (int32_t)b; break;
        case 5: take = (int32_t)a >= (int32_t)b; break;
        case 6: take = a < b; break;
        case 7: take = a >= b; break;
        default: ILLEGAL();
        }
        USE_RS1();
        USE_RS2();
        wr = 0;
        if (take) {
            uint32_t off = ((uint32_t)((int32_t)insn >> 31) << 12) | ((insn & 0x80) << 4) |
                           ((insn >> 20) & 0x7e0) | ((insn >> 7) & 0x1e);
            uint32_t t = pc + off;
            if (t & 3)
                EXC(0, t);
            npc = t;
        }
        break;
    }
    case 0x03: {                                                      /* loads */
        int size = 1 << (f3 & 3);
        if (f3 == 3 || f3 > 5)
            ILLEGAL();
        USE_RS1();
        uint32_t va = a + sext(insn >> 20, 12);
        if (va & (size - 1))
            EXC(4, va);
        uint64_t pa = va;
        if (s->vm_data && (c = translate(s, va, ACC_LOAD, &pa)))
            EXC(c, va);
        uint32_t v;
        if (phys_read(s, pa, size, &v))
            EXC(5, va);
        /* the fault routines' cycle sums: co-simulation takes the RTL's */
        if (unlikely(s->fpcyc && pa - s->fpcyc < 12 && s->dev_read))
            v = s->dev_read(s->hook_ctx, (uint32_t)pa, size, v);
        rec_mem(r, pa, size, 0, v);
        res = (f3 == 0) ? sext(v, 8) : (f3 == 1) ? sext(v, 16) : v;
        break;
    }
    case 0x23: {                                                      /* stores */
        if (f3 > 2)
            ILLEGAL();
        int size = 1 << f3;
        USE_RS1();
        USE_RS2();
        uint32_t va = a + (uint32_t)(((int32_t)insn >> 25 << 5) | (int32_t)((insn >> 7) & 31));
        if (va & (size - 1))
            EXC(6, va);
        uint64_t pa = va;
        if (s->vm_data && (c = translate(s, va, ACC_STORE, &pa)))
            EXC(c, va);
        uint32_t v = size == 4 ? b : b & ((1u << (8 * size)) - 1);
        if (phys_write(s, pa, size, v))
            EXC(7, va);
        rec_mem(r, pa, size, 1, v);
        wr = 0;
        break;
    }
    case 0x13: {                                                      /* ALU immediate */
        uint32_t imm = sext(insn >> 20, 12);
        switch (f3) {
        case 0: res = a + imm; break;
        case 2: res = (int32_t)a < (int32_t)imm; break;
        case 3: res = a < imm; break;
        case 4: res = a ^ imm; break;
        case 6: res = a | imm; break;
        case 7: res = a & imm; break;
        case 1:
            if (f7) ILLEGAL();
            res = a << rs2;
            break;
        default:
            if (f7 == 0) res = a >> rs2;
            else if (f7 == 0x20) res = (uint32_t)((int32_t)a >> rs2);
            else ILLEGAL();
            break;
        }
        USE_RS1();
        break;
    }
    case 0x33: {                                                      /* ALU register, M */
        if (f7 == 0) {
            switch (f3) {
            case 0: res = a + b; break;
            case 1: res = a << (b & 31); break;
            case 2: res = (int32_t)a < (int32_t)b; break;
            case 3: res = a < b; break;
            case 4: res = a ^ b; break;
            case 5: res = a >> (b & 31); break;
            case 6: res = a | b; break;
            default: res = a & b; break;
            }
        } else if (f7 == 0x20 && (f3 == 0 || f3 == 5)) {
            res = f3 == 0 ? a - b : (uint32_t)((int32_t)a >> (b & 31));
        } else if (f7 == 1) {
            switch (f3) {
            case 0: res = a * b; break;
            case 1: res = (uint32_t)(((int64_t)(int32_t)a * (int64_t)(int32_t)b) >> 32); break;
            case 2: res = (uint32_t)(((int64_t)(int32_t)a * (int64_t)(uint64_t)b) >> 32); break;
            case 3: res = (uint32_t)(((uint64_t)a * (uint64_t)b) >> 32); break;
            case 4:
                if (b == 0) res = ~0u;
                else if (a == 0x80000000u && b == ~0u) res = a;
                else res = (uint32_t)((int32_t)a / (int32_t)b);
                break;
            case 5: res = b ? a / b : ~0u; break;
            case 6:
                if (b == 0) res = a;
                else if (a == 0x80000000u && b == ~0u) res = 0;
                else res = (uint32_t)((int32_t)a % (int32_t)b);
                break;
            default: res = b ? a % b : a; break;
            }
        } else {
            ILLEGAL();
        }
        USE_RS1();
        USE_RS2();
        break;
    }
    case 0x0f:                                                        /* FENCE, FENCE.I */
        if (f3 > 1)
            ILLEGAL();
        wr = 0;
        break;
    case 0x2f: {                                                      /* A */
        uint32_t f5 = f7 >> 2;
        if (f3 != 2)
            ILLEGAL();
        switch (f5) {
        case 0x00: case 0x01: case 0x04: case 0x08: case 0x0c: case 0x10: case 0x14:
        case 0x18: case 0x1c: case 0x03: break;
        case 0x02: if (rs2) ILLEGAL(); break;
        default: ILLEGAL();
        }
        USE_RS1();
        if (f5 != 2)
            USE_RS2();
        uint32_t va = a;
        if (f5 == 2) {                                                /* LR.W */
            if (va & 3)
                EXC(4, va);
            uint64_t pa = va;
            if (s->vm_data && (c = translate(s, va, ACC_LOAD, &pa)))
                EXC(c, va);
            if (pa - s->ram_base >= s->ram_size)
                EXC(5, va);                     /* reservations only on RAM */
            uint32_t v;
            phys_read(s, pa, 4, &v);
            rec_mem(r, pa, 4, 0, v);
            s->res_valid = 1;
            s->res_addr = (uint32_t)pa;
            res = v;
            break;
        }
        if (va & 3)
            EXC(6, va);
        uint64_t pa = va;
        if (s->vm_data && (c = translate(s, va, ACC_STORE, &pa)))
            EXC(c, va);
        if (pa - s->ram_base >= s->ram_size)
            EXC(7, va);                         /* AMOs only on RAM */
        if (f5 == 3) {                                                /* SC.W */
            if (s->res_valid && s->res_addr == (uint32_t)pa) {
                phys_write(s, pa, 4, b);
                rec_mem(r, pa, 4, 1, b);
                res = 0;
            } else {
                res = 1;
            }
            s->res_valid = 0;
            break;
        }
        uint32_t old, n;
        phys_read(s, pa, 4, &old);
        switch (f5) {
        case 0x00: n = old + b; break;
        case 0x01: n = b; break;
        case 0x04: n = old ^ b; break;
        case 0x08: n = old | b; break;
        case 0x0c: n = old & b; break;
        case 0x10: n = (int32_t)old < (int32_t)b ? old : b; break;
        case 0x14: n = (int32_t)old > (int32_t)b ? old : b; break;
        case 0x18: n = old < b ? old : b; break;
        default: n = old > b ? old : b; break;
        }
        phys_write(s, pa, 4, n);
        rec_mem(r, pa, 4, 0, old);
        r->mem_wmask = 0xf;
        r->mem_wdata = n;
        res = old;
        break;
    }
    case 0x73: {                                                      /* SYSTEM */
        if (f3 == 0) {
            wr = 0;
            if (insn == 0x00000073) {                                 /* ECALL */
                if (s->priv == PRV_U && (s->x[17] == RTC_SYS_RPC || s->x[17] == RTC_SYS_RR) &&
                    rt_leg(s, pc, &npc))
                    break;                     /* the round trip's microcode took it */
                EXC(8 + (uint32_t)(s->priv == PRV_S ? 1 : s->priv == PRV_M ? 3 : 0), 0);
            } else if (insn == 0x00100073) {                          /* EBREAK */
                EXC(3, pc);
            } else if (insn == 0x30200073) {                          /* MRET */
                if (s->priv != PRV_M)
                    ILLEGAL();
                uint32_t st = s->mstatus;
                int np = (int)((st >> 11) & 3);
                st = (st & ~MS_MIE) | ((st & MS_MPIE) ? MS_MIE : 0);
                st |= MS_MPIE;
                st &= ~MS_MPP;                  /* MPP := U, the least mode */
                if (np != PRV_M)
                    st &= ~MS_MPRV;
                s->mstatus = st;
                s->priv = np;
                npc = s->mepc;
                update_vm(s);
            } else if (insn == 0x10200073) {                          /* SRET */
                if (s->priv == PRV_U || (s->priv == PRV_S && (s->mstatus & MS_TSR)))
                    ILLEGAL();
                uint32_t st = s->mstatus;
                int np = (st & MS_SPP) ? PRV_S : PRV_U;
                st = (st & ~MS_SIE) | ((st & MS_SPIE) ? MS_SIE : 0);
                st |= MS_SPIE;
                st &= ~(MS_SPP | MS_MPRV);
                s->mstatus = st;
                s->priv = np;
                npc = s->sepc;
                update_vm(s);
            } else if (insn == 0x10500073) {                          /* WFI */
                if (s->priv == PRV_U || (s->priv < PRV_M && (s->mstatus & MS_TW)))
                    ILLEGAL();
                /* Standalone, waiting means time passing until the timer. With no
                 * interrupt mie enables pending or able to come (mip's other bits
                 * are software's, but for the UART's while input is left; all-ones
                 * mtimecmp is never reached) the hart sleeps forever: said at once,
                 * status 4, as the RTL harness does (sim/av_sim_top.sv, nowake_o). */
                if (!s->ext_irq && !(s->mip & s->mie)) {
                    if ((s->mie & IP_MTI) && s->mtimecmp != ~0ull) {
                        if (s->mtimecmp > s->mtime) {
                            s->mtime = s->mtimecmp;
                            update_timer(s);
                        }
                    } else if (!((s->mie & IP_MEI) && uart_rx_ready(s))) {
                        fprintf(stderr, "accentv-iss: the hart sleeps forever: wfi at pc 0x%08x, and no "
                                        "interrupt that mie enables can become pending\n", pc);
                        s->halted = 1;
                        s->exit_code = 4;
                    }
                }
            } else if (f7 == 0x09 && rd == 0) {                       /* SFENCE.VMA */
                if (s->priv == PRV_U || (s->priv == PRV_S && (s->mstatus & MS_TVM)))
                    ILLEGAL();
                USE_RS1();
                USE_RS2();
                tlb_flush(s, rs1, a, rs2, b);
                xc_flush(s);
            } else {
                ILLEGAL();
            }
            break;
        }
        if (f3 == 4)
            ILLEGAL();
        unsigned csr = insn >> 20;
        uint32_t src = (f3 & 4) ? rs1 : a;
        int writes = (f3 & 3) == 1 || rs1 != 0;   /* csrrs/c with x0 or uimm 0 only read */
        uint32_t old = 0;
        if (writes && (csr >> 10) == 3)
            ILLEGAL();
        if (csr_read(s, csr, &old))
            ILLEGAL();
        if (!(f3 & 4))
            USE_RS1();
        if (writes) {
            uint32_t n = (f3 & 3) == 1 ? src : (f3 & 3) == 2 ? old | src : old & ~src;
            csr_write(s, csr, n);
            if (csr == CSR_MINSTRET || csr == CSR_MINSTRETH)
                s->minstret--;                /* the write wins over this retirement */
        }
        res = old;
        break;
    }
    case 0x2b:                                                        /* custom-1: remap */
        if (f3 || f7 || rs2 || s->priv != PRV_S)
            ILLEGAL();
        USE_RS1();
        res = (s->fpen & FP_REMAP) ? remap(s, a) : 0;
        break;
    default:
        ILLEGAL();
    }
    if (wr && rd) {
        s->x[rd] = res;
        r->rd_addr = (uint8_t)rd;
        r->rd_wdata = res;
    }
    s->pc = npc;
    r->pc_wdata = npc;
    if (!(s->mcountinhibit & 4))
        s->minstret++;
#undef USE_RS1
#undef USE_RS2
#undef ILLEGAL
#undef EXC
}

static inline void tick(struct iss *s)
{
    if (!(s->mcountinhibit & 1))
        s->mcycle++;
    if (++s->tick_ctr >= s->tick_div) {
        s->tick_ctr = 0;
        s->mtime++;
        if (s->mtime == s->mtimecmp)
            update_timer(s);
    }
}

int iss_step(struct iss *s, struct rvfi_rec *r)
{
    memset(r, 0, sizeof *r);
    if (unlikely(s->mip & s->mie) && !s->ext_irq) {
        int c = irq_to_take(s);
        if (c >= 0) {
            iss_interrupt(s, (uint32_t)c, r);
            tick(s);
            return s->halted;
        }
    }
    r->order = s->order++;
    r->mode = (uint8_t)s->priv;
    r->pc_rdata = s->pc;
    exec(s, r);
    tick(s);
    return s->halted;
}

uint64_t iss_run(struct iss *s, uint64_t max)
{
    struct rvfi_rec r;
    uint64_t n = 0;
    while (n < max && !s->halted) {
        iss_step(s, &r);
        n++;
    }
    return n;
}
