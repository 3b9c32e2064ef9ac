/*
 * rigen: random instruction stream generator for Accent-V CPU fuzzing.
 *
 *   rigen [--seed N] [--count N] [--qemu] [--swrefill]
 *         [--without amo,su,vm,mprv,swr,irq] [-o FILE]
 *
 * --without leaves features out (for a core that lacks them yet): amo (AMOs,
 * LR/SC), su (S and U stretches), vm (Sv32, satp, MPRV), mprv (MPRV only),
 * swr (the software-refill stretches), irq (interrupts). --swrefill runs the
 * swr stretches with fpen bit 0 clear (Accent-V only: not with --qemu).
 *
 * Writes one self-checking assembly program, reproducible from the seed:
 * random register values, then --count random units (ALU/immediate ops, loads
 * and stores into a 4 KiB data region, AMOs and LR/SC, forward branches and
 * jumps, bounded backward loops, M-extension ops with their divide-by-zero
 * and overflow cases, traps that a handler skips, CSR accesses to safe CSRs,
 * and stretches run in S and U mode), then a signature: every register, a
 * running checksum of the trap causes and values, and a checksum of the data
 * region, printed on the UART as hex lines; then the finisher's pass.
 *
 * The point is comparison: in co-simulation every step is checked against the
 * ISS; against QEMU the printed signature must match. --qemu leaves out what
 * QEMU 7.2 does differently from Accent-V by design (DESIGN.md: misaligned
 * loads/stores and jump targets, ebreak's tval), so its output is comparable.
 *
 * Register conventions of the generated program:
 *   s0 (x8)   base of the data region + 2048 (never written by random code)
 *   t4 (x29)  trap checksum, updated only by the trap handler
 *   t5, t6    the handler's and the mode switches' scratch
 * Random code uses every other register.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

/* splitmix64: small, good enough, and identical everywhere. */
static uint64_t rnd64(void)
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}
static uint32_t rnd(uint32_t n) { return n ? (uint32_t)(rnd64() % n) : 0; }
static uint32_t rnd32(void) { return (uint32_t)rnd64(); }

static FILE *out;
static int qemu_mode;
/* --without LIST: leave out features a core under construction lacks */
static int no_amo, no_su, no_vm, no_irq, no_mprv, no_swr;
static int unit_no;           /* labels L<n> mark unit boundaries */
static int n_units;

static void emit(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("    ", out);
    vfprintf(out, fmt, ap);
    fputc('\n', out);
    va_end(ap);
}

/* Registers random code may read and write: all but zero, s0, t4, t5, t6. */
static const int pool[] = {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17,
                           18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28};
#define NPOOL ((int)(sizeof pool / sizeof pool[0]))
static int avoid_reg = -1;    /* a loop counter the loop body must not write */
static int cur_paged;         /* the stretch being generated runs with Sv32 on */
static int cur_tvm, cur_tw, cur_tsr;   /* mstatus traps set for this S stretch */
/* Software refill: a paged U stretch may run with fpen bit 0 clear, its TLB
 * misses (cause 24) served by the M handler's table walk. Such a stretch
 * ("swr") makes only accesses that cannot fault, so that with --swrefill
 * and without it the program's results must be identical (fuzz.py checks
 * that on the ISS). The random choices are the same either way. */
static int cur_swr, opt_swrefill;

/* The paging scenario (see prologue): VA windows above the identity map.
 * 0x8040_0000 + k*4K (k < 8): the data page with the permissions win_flags[k];
 * 0x8080_0000: a misaligned megapage (page fault); 0x80C0_0000: a level-1
 * entry pointing outside RAM (access fault during the walk; not with --qemu,
 * whose walk reports a page fault there). */
#define WIN_VA 0x80400000u
static uint32_t win_flags[8];   /* with random RSW bits (9:8), which the walk ignores */
static uint32_t ptr_rsw;        /* RSW bits of the level-1 pointers */

static int rreg(void)          /* any readable register, x0 included */
{
    uint32_t k = rnd(NPOOL + 2);
    return k < (uint32_t)NPOOL ? pool[k] : 0;
}
static int wreg(void)          /* a destination */
{
    for (;;) {
        int r = rnd(16) == 0 ? 0 : pool[rnd(NPOOL)];
        if (r != avoid_reg)
            return r;
    }
}
static int wreg_nz(void)
{
    for (;;) {
        int r = pool[rnd(NPOOL)];
        if (r != avoid_reg)
            return r;
    }
}

/* Interesting 32-bit values: edges more often than uniform ones. */
static uint32_t rvalue(void)
{
    static const uint32_t edge[] = {0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff,
                                    0xfffffffe, 0x80000001, 31, 32, 0xaaaaaaaa};
    switch (rnd(4)) {
    case 0: return edge[rnd(sizeof edge / sizeof edge[0])];
    case 1: return rnd(64) - 32;
    default: return rnd32();
    }
}

static int32_t rimm12(void)
{
    switch (rnd(3)) {
    case 0: return (int32_t)rnd(4096) - 2048;
    case 1: return (int32_t)rnd(64) - 32;
    default: return rnd(2) ? 2047 : -2048;
    }
}

static const char *const alu_r[] = {"add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra",
                                    "or", "and"};
static const char *const alu_i[] = {"addi", "slti", "sltiu", "xori", "ori", "andi"};
static const char *const shift_i[] = {"slli", "srli", "srai"};
static const char *const mul_ops[] = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem",
                                      "remu"};
static const char *const amo_ops[] = {"amoadd.w", "amoswap.w", "amoxor.w", "amoor.w",
                                      "amoand.w", "amomin.w", "amomax.w", "amominu.w",
                                      "amomaxu.w"};
static const char *const br_ops[] = {"beq", "bne", "blt", "bge", "bltu", "bgeu"};
static const char *const ld_ops[] = {"lb", "lh", "lw", "lbu", "lhu"};
static const int ld_size[] = {1, 2, 4, 1, 2};
static const char *const st_ops[] = {"sb", "sh", "sw"};

/* One data-region offset for an access of size sz (relative to s0). */
static int data_off(int sz, int misalign)
{
    int off = (int)rnd(4096 - 8) - 2048;
    off &= ~(sz - 1);
    if (misalign && sz > 1)
        off += 1 + (int)rnd((uint32_t)sz - 1);
    return off;
}

/* ---- one instruction of the "straight" kind (no control flow) ---------- */
static void straight(int mode)
{
    int k = (int)rnd(100);
    if (cur_paged && cur_swr && rnd(4) == 0) {
        /* a window access a U-mode walk permits: loads from R pages,
         * stores and AMOs to R W pages (win_flags: V R W X U ...) */
        int a = wreg_nz(), pg = (int)rnd(8), kind = (int)rnd(3);
        uint32_t f = win_flags[pg];
        int ok_r = (f & 0x13) == 0x13 && !((f & 4) && !(f & 2));
        int ok_w = ok_r && (f & 4);
        if (!ok_r)
            return;                      /* (nothing: same choices either way) */
        emit("li x%d, 0x%08x", a, WIN_VA + (uint32_t)pg * 4096 + (rnd(1024) << 2));
        if (kind == 0 || !ok_w)
            emit("lw x%d, 0(x%d)", wreg(), a);
        else if (kind == 1)
            emit("%s x%d, 0(x%d)", st_ops[rnd(3)], rreg(), a);
        else
            emit("%s x%d, x%d, (x%d)", amo_ops[rnd(9)], wreg(), rreg(), a);
        return;
    }
    if (cur_paged && !cur_swr && rnd(4) == 0) {
        /* an access through the paging windows */
        int a = wreg_nz();
        uint32_t pages = qemu_mode ? 9 : 10, pg = rnd(pages);
        uint32_t va = pg < 8 ? WIN_VA + pg * 4096 : pg == 8 ? 0x80800000u : 0x80C00000u;
        emit("li x%d, 0x%08x", a, va + (rnd(1024) << 2));
        /* (QEMU 7.2 reports a load page fault for an AMO on a page that
         * denies both; the spec says store/AMO: no AMOs here with --qemu) */
        switch (rnd(qemu_mode ? 3 : 4)) {
        case 0: emit("lw x%d, 0(x%d)", wreg(), a); break;
        case 1: emit("%s x%d, 0(x%d)", ld_ops[rnd(5)], wreg(), a); break;
        case 2: emit("%s x%d, 0(x%d)", st_ops[rnd(3)], rreg(), a); break;
        default: emit("%s x%d, x%d, (x%d)", amo_ops[rnd(9)], wreg(), rreg(), a); break;
        }
        if (mode == 1 && rnd(3) == 0) {
            int m = wreg_nz();
            emit("li x%d, 0x%x", m, (rnd(2) ? 1u << 18 : 0) | (rnd(2) ? 1u << 19 : 0));
            emit("%s sstatus, x%d", rnd(2) ? "csrs" : "csrc", m);   /* SUM, MXR */
        }
        return;
    }
    if (k < 22) {
        emit("%s x%d, x%d, x%d", alu_r[rnd(10)], wreg(), rreg(), rreg());
    } else if (k < 36) {
        emit("%s x%d, x%d, %d", alu_i[rnd(6)], wreg(), rreg(), rimm12());
    } else if (k < 42) {
        emit("%s x%d, x%d, %u", shift_i[rnd(3)], wreg(), rreg(), rnd(32));
    } else if (k < 45) {
        emit("%s x%d, 0x%x", rnd(2) ? "lui" : "auipc", wreg(), rnd(1u << 20));
    } else if (k < 53) {
        int d = wreg(), a = rreg(), b = rreg();
        if (rnd(6) == 0)
            b = 0;                                       /* divide by zero */
        emit("%s x%d, x%d, x%d", mul_ops[rnd(8)], d, a, b);
    } else if (k < 55) {
        /* signed overflow: 0x80000000 / -1 */
        int a = wreg_nz(), b;
        do b = wreg_nz(); while (b == a);
        emit("li x%d, 0x80000000", a);
        emit("li x%d, -1", b);
        emit("%s x%d, x%d, x%d", rnd(2) ? "div" : "rem", wreg(), a, b);
    } else if (k < 66) {
        int i = (int)rnd(5);
        int mis = !qemu_mode && rnd(12) == 0;
        emit("%s x%d, %d(s0)", ld_ops[i], wreg(), data_off(ld_size[i], mis));
    } else if (k < 75) {
        int i = (int)rnd(3);
        int mis = !qemu_mode && rnd(12) == 0;
        emit("%s x%d, %d(s0)", st_ops[i], rreg(), data_off(1 << i, mis));
    } else if (k < 83 && no_amo) {
        emit("%s x%d, x%d, x%d", alu_r[rnd(10)], wreg(), rreg(), rreg());
    } else if (k < 80) {
        int a = wreg_nz();
        int mis = !qemu_mode && rnd(12) == 0;
        emit("addi x%d, s0, %d", a, data_off(4, 0) + (mis ? 2 : 0));
        emit("%s x%d, x%d, (x%d)", amo_ops[rnd(9)], wreg(), rreg(), a);
        (void)0;
    } else if (k < 83) {
        int a = wreg_nz();
        emit("addi x%d, s0, %d", a, data_off(4, 0));
        int d = wreg();
        if (d == a)
            d = 0;
        emit("lr.w x%d, (x%d)", d, a);
        int d1 = wreg(), d2 = wreg();      /* never the address register */
        emit("sc.w x%d, x%d, (x%d)", d1 == a ? 0 : d1, rreg(), a);   /* succeeds */
        emit("sc.w x%d, x%d, (x%d)", d2 == a ? 0 : d2, rreg(), a);   /* no reservation: fails */
    } else if (k < 86 && cur_swr) {
        emit("fence");                   /* (would be a page fault here) */
    } else if (k < 86) {
        /* an access fault: nothing is mapped at 0xC000_0000 (on QEMU virt either) */
        int a = wreg_nz();
        emit("lui x%d, 0x%x", a, 0xC0000 + rnd(0x100));
        if (rnd(2))
            emit("%s x%d, %d(x%d)", ld_ops[rnd(5)], wreg(), (int)rnd(256) * 4, a);
        else
            emit("%s x%d, %d(x%d)", st_ops[rnd(3)], rreg(), (int)rnd(256) * 4, a);
    } else if (k < 89) {
        switch (rnd(4)) {
        case 0:
            /* in S/U an ecall would end the stretch early (back to M), and
             * the code after it was generated for the lower mode */
            emit(mode == 3 ? "ecall" : "ebreak");
            break;
        case 1: emit("ebreak"); break;
        case 2: emit(".word 0x%08x", rnd(2) ? 0u : 0xffffffffu); break;   /* illegal */
        default:
            if (mode == 0)
                emit("wfi");                 /* illegal in U mode */
            else if (mode == 1)
                emit("mret");                /* illegal below M */
            else
                emit("ecall");               /* (a real mret in M would leave the stream) */
            break;
        }
    } else if (k < 95) {
        /* CSR accesses. M: scratch-like CSRs only (counters differ from
         * QEMU). S/U: also ones they may not touch (illegal instruction). */
        static const char *const safe[] = {"mscratch", "sscratch", "stval", "scause"};
        static const char *const deny[] = {"mstatus", "mtvec", "cycle", "time", "instret",
                                           "misa", "mepc", "satp", "mhartid"};
        /* (without S and U, only the machine-mode CSR among the safe ones) */
        const char *csr = (mode != 3 && rnd(2)) ? deny[rnd(9)] : safe[no_su ? 0 : rnd(4)];
        if (mode != 3 && !strcmp(csr, "satp"))
            csr = "sstatus";
        if (mode == 1 && !strcmp(csr, "sstatus"))
            csr = "sscratch";
        static const char *const ops[] = {"csrrw", "csrrs", "csrrc"};
        static const char *const opsi[] = {"csrrwi", "csrrsi", "csrrci"};
        /* QEMU 7.2 treats csrrs/csrrc with a zero-valued rs1 other than x0 as
         * no write, so it misses the illegal write to a read-only CSR */
        int ro = !strcmp(csr, "cycle") || !strcmp(csr, "time") || !strcmp(csr, "instret") ||
                 !strcmp(csr, "mhartid");
        if (qemu_mode && ro)
            emit("csrrs x%d, %s, x0", wreg(), csr);
        else if (rnd(2))
            emit("%s x%d, %s, x%d", ops[rnd(3)], wreg(), csr, rreg());
        else
            emit("%s x%d, %s, %u", opsi[rnd(3)], wreg(), csr, rnd(32));
    } else if (k < 97 && mode == 1 && (cur_tvm || cur_tw || cur_tsr)) {
        /* what mstatus.TVM/TW/TSR make illegal in S mode */
        int w = (int)rnd(3);
        if (w == 0 && cur_tvm)
            emit(rnd(2) ? "sfence.vma" : "csrr x%d, satp", wreg());
        else if (w == 1 && cur_tw)
            emit("wfi");
        else if (cur_tsr)
            emit("sret");
        else
            emit("fence");
    } else if (k < 97) {
        emit("fence");
    } else {
        emit("fence.i");
    }
}

/* ---- units: straight code, branches, jumps, loops, mode stretches ------ */
static void unit(int mode, int remaining);

static void label(void) { fprintf(out, "L%d:\n", unit_no++); }

static int fwd_target(int remaining)
{
    int t = unit_no + 1 + (int)rnd(remaining < 12 ? (uint32_t)remaining + 1 : 12);
    return t > n_units ? n_units : t;
}

static void unit(int mode, int remaining)
{
    label();
    int k = (int)rnd(100);
    if (k < 10) {
        emit("%s x%d, x%d, L%d", br_ops[rnd(6)], rreg(), rreg(), fwd_target(remaining));
    } else if (k < 13) {
        emit("jal x%d, L%d", wreg(), fwd_target(remaining));
    } else if (k < 16) {
        int a = wreg_nz(), t = fwd_target(remaining);
        int off = qemu_mode ? (int)rnd(2) : (int)rnd(4);  /* bit 0 ignored; bit 1 traps */
        emit("la x%d, L%d", a, t);
        emit("jalr x%d, %d(x%d)", wreg(), off, a);
    } else if (k < 19) {
        /* bounded loop: counter c counts down from 1..8; the body keeps off c */
        int c = wreg_nz();
        emit("li x%d, %u", c, 1 + rnd(8));
        fprintf(out, "1:\n");
        avoid_reg = c;
        int body = 1 + (int)rnd(6);
        for (int i = 0; i < body; i++)
            straight(mode);
        avoid_reg = -1;
        emit("addi x%d, x%d, -1", c, c);
        emit("bnez x%d, 1b", c);
    } else if (k < 22 && mode == 3 && !no_su) {
        /* a stretch in S or U mode, bare or with Sv32: back to M through ecall */
        int to = rnd(2) ? 1 : 0;
        cur_paged = !no_vm && rnd(3) != 0;
        cur_swr = cur_paged && to == 0 && !qemu_mode && !no_swr && rnd(2);
        if (cur_paged) {
            emit("la t5, %s", to ? "root_s" : "root_u");
            emit("srli t5, t5, 12");
            emit("li t6, 0x80000000");
            emit("or t5, t5, t6");
            emit("csrw satp, t5");
            emit("sfence.vma");
        } else if (!no_vm) {
            emit("csrw satp, zero");
        }
        /* delegate a random set of exceptions to the S handler (never the
         * ecalls: they end the stretch in M) */
        static const int deleg[] = {0, 2, 3, 4, 5, 6, 7, 12, 13, 15};
        cur_tvm = cur_tw = cur_tsr = 0;
        if (to == 1 && rnd(2)) {
            cur_tvm = !no_vm && rnd(2);
            cur_tw = rnd(2);
            cur_tsr = rnd(2);
            emit("li t5, 0x%x", (cur_tvm ? 1u << 20 : 0) | (cur_tw ? 1u << 21 : 0) |
                                     (cur_tsr ? 1u << 22 : 0));
            emit("csrs mstatus, t5");
        }
        uint32_t mask = 0;
        for (int i = 0; i < 10 && !cur_tsr; i++)    /* TSR: the S handler could not sret */
            if (rnd(2))
                mask |= 1u << deleg[i];
        emit("li t5, 0x%x", mask);
        emit("csrw medeleg, t5");
        /* a supervisor software interrupt, delegated: taken at once in U,
         * in S once the stretch sets SIE; the S handler clears it */
        int ssi = !no_irq && !cur_tsr && rnd(3) == 0;   /* (TSR: no sret) */
        if (ssi) {
            emit("li t5, 0x2");
            emit("csrw mideleg, t5");
            emit("csrs mie, t5");
            emit("csrsi mip, 2");
        }
        if (cur_swr) {
            /* fpen: software refill (without --swrefill the same bytes keep
             * hardware refill, so both programs have the same layout) */
            emit("csrwi 0x5c0, %d", opt_swrefill ? 0 : 1);
            emit("sfence.vma");
        }
        emit("la t5, 2f");
        emit("csrw mepc, t5");
        emit("li t5, 0x1800");
        emit("csrc mstatus, t5");
        if (to == 1) {
            emit("li t5, 0x800");
            emit("csrs mstatus, t5");
        }
        emit("mret");
        fprintf(out, "2:\n");
        int len = 4 + (int)rnd(40), sie_at = ssi && to == 1 ? (int)rnd((uint32_t)len) : -1;
        for (int i = 0; i < len; i++) {
            if (i == sie_at)
                emit("csrsi sstatus, 2");
            straight(to);
        }
        emit("ecall");
        if (ssi) {
            emit("csrw mideleg, zero");
            emit("csrw mie, zero");
            emit("csrci mip, 2");
        }
        if (cur_tvm || cur_tw || cur_tsr) {
            emit("li t5, 0x%x", 7u << 20);
            emit("csrc mstatus, t5");
        }
        if (cur_swr)
            emit("csrwi 0x5c0, 1");     /* fpen: hardware refill again */
        cur_paged = cur_tvm = cur_tw = cur_tsr = cur_swr = 0;
    } else if (k < 26 && mode == 3 && !no_irq) {
        /* an interrupt, raised and enabled in M mode: taken right after
         * MIE is set, by both the ISS and QEMU (the handler clears the
         * source and returns to the interrupted instruction) */
        /* one to three sources at once: the priority order picks one (MSI,
         * MTI, SSI), and the handler silences them all */
        /* (--qemu: one source only; QEMU 7.2 does not follow the spec's
         * order here, taking SSI before MSI and MTI, and raises MTI late) */
        uint32_t srcs = qemu_mode ? 1u << rnd(3) : 1 + rnd(7), en = 0;
        /* MIE may be set here (an mret from a trap taken in S or U restores
         * it); clear it so the wfi below sees the interrupt pending, not
         * taken, and returns (QEMU would sleep forever otherwise) */
        emit("csrci mstatus, 8");
        if (srcs & 1) {                                    /* MSI: CLINT msip */
            emit("li t5, 0x%x", 0x2000000);
            emit("li t6, 1");
            emit("sw t6, 0(t5)");
            en |= 0x8;
        }
        if (srcs & 2) {                                    /* MTI: mtimecmp = 0 */
            emit("li t5, 0x%x", 0x2004000);
            emit("sw zero, 0(t5)");
            emit("sw zero, 4(t5)");
            en |= 0x80;
        }
        if (srcs & 4) {                                    /* SSI, not delegated */
            emit("csrsi mip, 2");
            en |= 0x2;
        }
        emit("li t5, 0x%x", en);
        emit("csrs mie, t5");
        if (rnd(2))
            emit("wfi");                 /* pending and enabled in mie: returns at once */
        emit("csrsi mstatus, 8");
        straight(3);
        emit("csrci mstatus, 8");
        emit("csrw mie, zero");
    } else if (k < 28 && mode == 3 && !no_vm && !no_mprv) {
        /* M mode with MPRV: loads and stores translated as S or U */
        int as = rnd(2);
        emit("la t5, %s", as ? "root_s" : "root_u");
        emit("srli t5, t5, 12");
        emit("li t6, 0x80000000");
        emit("or t5, t5, t6");
        emit("csrw satp, t5");
        emit("sfence.vma");
        emit("li t5, 0x1800");
        emit("csrc mstatus, t5");
        emit("li t5, 0x%x", (1u << 17) | (as ? 0x800u : 0));
        emit("csrs mstatus, t5");
        cur_paged = 1;
        int len = 2 + (int)rnd(8);
        for (int i = 0; i < len; i++) {
            /* only memory accesses. A trap sets MPP to M and the handler's
             * mret sets it to U, so MPP is set again before each access,
             * through M: QEMU 7.2 keeps stale MPRV translations when only
             * mret changes MPP, and flushes them on this mstatus write */
            emit("li t5, 0x1800");
            emit("csrs mstatus, t5");
            emit("csrc mstatus, t5");
            if (as) {
                emit("li t5, 0x800");
                emit("csrs mstatus, t5");
            }
            int a = wreg_nz();
            uint32_t pg = rnd(9);
            uint32_t va = pg < 8 ? WIN_VA + pg * 4096 : 0x80800000u;
            emit("li x%d, 0x%08x", a, va + (rnd(1024) << 2));
            if (rnd(2))
                emit("lw x%d, 0(x%d)", wreg(), a);
            else
                emit("sw x%d, 0(x%d)", rreg(), a);
        }
        cur_paged = 0;
        emit("li t5, 0x20000");
        emit("csrc mstatus, t5");
    } else {
        straight(mode);
    }
}

static void prologue(void)
{
    fprintf(out, "/* generated by tools/rigen: seed %llu */\n", (unsigned long long)rng_state);
    fprintf(out, "    .section .text.init, \"ax\"\n    .globl _start\n_start:\n");
    emit("la t5, trap_handler");
    emit("csrw mtvec, t5");
    emit("la t5, s_trap_handler");
    emit("csrw stvec, t5");
    /* PMP for QEMU (S and U are denied without an entry); Accent-V ignores it */
    emit("li t5, -1");
    emit("csrw pmpaddr0, t5");
    emit("li t5, 0x1f");
    emit("csrw pmpcfg0, t5");
    /* Sv32 tables. root_u: 0x8000_0000-0x803F_FFFF identity through pt_text
     * (text pages R X U, the rest R W U, A and D set); root_s: the same span
     * as one R W X megapage without U. Both: the windows through pt_win, a
     * misaligned megapage at 0x8080_0000 and (not --qemu) a pointer outside
     * RAM at 0x80C0_0000. */
    emit("la a0, pt_text");
    emit("li a1, 0x80000");
    emit("la a2, data");
    emit("srli a2, a2, 12");
    emit("li a3, 1024");
    fprintf(out, "1:\n");
    emit("slli a4, a1, 10");
    emit("ori a4, a4, 0xd7");           /* V R W U A D */
    emit("bgeu a1, a2, 2f");
    emit("slli a4, a1, 10");
    emit("ori a4, a4, 0x5b");           /* V R X U A */
    fprintf(out, "2:\n");
    emit("sw a4, 0(a0)");
    emit("addi a0, a0, 4");
    emit("addi a1, a1, 1");
    emit("addi a3, a3, -1");
    emit("bnez a3, 1b");
    /* the S handler's page: executable by S, so not U */
    emit("la a0, s_trap_handler");
    emit("srli a1, a0, 12");
    emit("slli a4, a1, 10");
    emit("ori a4, a4, 0x4b");           /* V R X A */
    emit("li a2, 0x80000");
    emit("sub a1, a1, a2");
    emit("slli a1, a1, 2");
    emit("la a0, pt_text");
    emit("add a0, a0, a1");
    emit("sw a4, 0(a0)");
    emit("la a0, pt_win");
    emit("la a1, data");
    emit("srli a1, a1, 12");
    emit("slli a1, a1, 10");
    for (int k = 0; k < 8; k++) {
        emit("ori a2, a1, 0x%x", win_flags[k]);
        emit("sw a2, %d(a0)", 4 * k);
    }
    for (int r = 0; r < 2; r++) {
        const char *root = r ? "root_s" : "root_u";
        emit("la a0, %s + 2048", root);
        if (r) {
            emit("li a2, 0x%x", (0x80000u << 10) | 0xcf);    /* V R W X A D megapage */
        } else {
            emit("la a2, pt_text");
            emit("srli a2, a2, 12");
            emit("slli a2, a2, 10");
            emit("ori a2, a2, 0x%x", 1 | ptr_rsw);
        }
        emit("sw a2, %d(a0)", 4 * 0x200 - 2048);
        emit("la a2, pt_win");
        emit("srli a2, a2, 12");
        emit("slli a2, a2, 10");
        emit("ori a2, a2, 0x%x", 1 | ptr_rsw);
        emit("sw a2, %d(a0)", 4 * 0x201 - 2048);
        emit("li a2, 0x%x", ((0x80000u + 1) << 10) | 0xd7);  /* PPN[0] != 0 */
        emit("sw a2, %d(a0)", 4 * 0x202 - 2048);
        if (!qemu_mode) {
            emit("li a2, 0x%x", (0xC0000u << 10) | 1);       /* table outside RAM */
            emit("sw a2, %d(a0)", 4 * 0x203 - 2048);
        }
    }
    emit("la s0, data + 2048");
    emit("li t4, 0");
    for (int i = 0; i < NPOOL; i++)
        emit("li x%d, 0x%08x", pool[i], rvalue());
}

static void epilogue(void)
{
    fprintf(out, "L%d:\n", n_units);
    /* the signature: registers (t5/t6 are scratch), trap checksum, data sum */
    emit("csrw mscratch, t6");
    emit("la t6, sig");
    for (int r = 1; r < 31; r++)
        emit("sw x%d, %d(t6)", r, 4 * r);
    emit("la a0, data");
    emit("li a1, 8192/4");              /* data and pt_win, whose A/D bits count */
    emit("li a2, 0");
    fprintf(out, "1:\n");
    emit("lw a3, 0(a0)");
    emit("slli a4, a2, 1");
    emit("srli a2, a2, 31");
    emit("or a2, a2, a4");
    emit("xor a2, a2, a3");
    emit("addi a0, a0, 4");
    emit("addi a1, a1, -1");
    emit("bnez a1, 1b");
    emit("la t6, sig");
    emit("sw a2, 124(t6)");
    emit("li s1, 1");
    fprintf(out, "2:\n");
    emit("slli s2, s1, 2");
    emit("add s2, s2, t6");
    emit("lw a0, 0(s2)");
    emit("call print_hex");
    emit("addi s1, s1, 1");
    emit("li s2, 32");
    emit("bne s1, s2, 2b");
    emit("li t0, 0x%x", 0x100000);
    emit("li t1, 0x5555");
    emit("sw t1, 0(t0)");
    fprintf(out, "3:\n");
    emit("j 3b");

    /* print a0 as 8 hex digits and a newline on the UART */
    fprintf(out, "print_hex:\n");
    emit("li a1, 0x10000000");
    emit("li a2, 8");
    fprintf(out, "1:\n");
    emit("srli a3, a0, 28");
    emit("addi a3, a3, 48");
    emit("li a4, 58");
    emit("blt a3, a4, 2f");
    emit("addi a3, a3, 39");
    fprintf(out, "2:\n");
    emit("sb a3, 0(a1)");
    emit("slli a0, a0, 4");
    emit("addi a2, a2, -1");
    emit("bnez a2, 1b");
    emit("li a3, 10");
    emit("sb a3, 0(a1)");
    emit("ret");

    /* skip the trapping instruction; fold cause (and tval but for ebreak,
     * whose tval QEMU leaves 0) into t4; an ecall from S or U returns to M */
    fprintf(out, "    .balign 4\ntrap_handler:\n");
    emit("csrr t6, mcause");
    emit("bltz t6, irq_handler");
    emit("li t5, 24");
    emit("beq t6, t5, refill_handler");
    emit("slli t5, t4, 5");
    emit("srli t4, t4, 27");
    emit("or t4, t4, t5");
    emit("xor t4, t4, t6");
    emit("addi t5, t6, -3");
    emit("beqz t5, 1f");
    emit("csrr t5, mtval");
    emit("add t4, t4, t5");
    fprintf(out, "1:\n");
    emit("addi t5, t6, -8");
    emit("beqz t5, 2f");
    emit("addi t5, t6, -9");
    emit("bnez t5, 3f");
    fprintf(out, "2:\n");
    emit("li t5, 0x1800");
    emit("csrs mstatus, t5");
    fprintf(out, "3:\n");
    emit("csrr t6, mepc");
    emit("addi t6, t6, 4");
    emit("csrw mepc, t6");
    emit("mret");
    /* software refill (cause 24): walk root_u's two tables for the page in
     * fpmiss, check the access is allowed (swr stretches make only allowed
     * ones: anything else fails the run with code 0x5a5), set A (and D for a
     * store/AMO) in the table, insert through 0x5C6 and retry */
    fprintf(out, "refill_handler:\n");
    emit("la t5, rf_save");
    emit("sw t4, 0(t5)");
    emit("csrr t6, 0x5c5");
    emit("srli t5, t6, 22");
    emit("addi t5, t5, -0x200");
    emit("bnez t5, 1f");
    emit("la t4, pt_text");
    emit("j 3f");
    fprintf(out, "1:\n");
    emit("addi t5, t5, -1");
    emit("bnez t5, rf_fault");
    emit("la t4, pt_win");
    fprintf(out, "3:\n");
    emit("srli t5, t6, 12");
    emit("andi t5, t5, 0x3ff");
    emit("slli t5, t5, 2");
    emit("add t4, t4, t5");
    emit("la t5, rf_addr");
    emit("sw t4, 0(t5)");
    emit("lw t4, 0(t4)");
    emit("andi t5, t4, 0x13");          /* V R U */
    emit("addi t5, t5, -0x13");
    emit("bnez t5, 4f");
    emit("srli t5, t6, 9");
    emit("andi t5, t5, 3");
    emit("beqz t5, 5f");                /* fetch: X */
    emit("addi t5, t5, -1");
    emit("beqz t5, 6f");                /* load: R (checked) */
    emit("andi t5, t4, 4");             /* store/AMO: W */
    emit("beqz t5, rf_fault");
    emit("ori t4, t4, 0xc0");
    emit("j rf_insert");
    fprintf(out, "4:\n");              /* not V R U: a fetch needs V X U */
    emit("andi t5, t4, 0x19");
    emit("addi t5, t5, -0x19");
    emit("bnez t5, rf_fault");
    emit("srli t5, t6, 9");
    emit("andi t5, t5, 3");
    emit("bnez t5, rf_fault");
    fprintf(out, "5:\n");
    emit("andi t5, t4, 8");
    emit("beqz t5, rf_fault");
    fprintf(out, "6:\n");
    emit("ori t4, t4, 0x40");
    fprintf(out, "rf_insert:\n");
    emit("la t5, rf_addr");
    emit("lw t5, 0(t5)");
    emit("sw t4, 0(t5)");
    emit("csrw 0x5c6, t4");
    emit("la t5, rf_save");
    emit("lw t4, 0(t5)");
    emit("mret");
    fprintf(out, "rf_fault:\n");
    emit("li t5, 0x%x", 0x100000);
    emit("li t6, 0x%x", (0x5a5u << 16) | 0x3333);
    emit("sw t6, 0(t5)");
    fprintf(out, "1:\n");
    emit("j 1b");

    /* interrupts: fold the cause, silence every source, resume */
    fprintf(out, "irq_handler:\n");
    emit("slli t5, t4, 5");
    emit("srli t4, t4, 27");
    emit("or t4, t4, t5");
    emit("xor t4, t4, t6");
    emit("li t5, 0x%x", 0x2000000);
    emit("sw zero, 0(t5)");
    emit("li t5, 0x%x", 0x2004000);
    emit("li t6, -1");
    emit("sw t6, 4(t5)");
    emit("sw t6, 0(t5)");
    emit("csrci mip, 2");
    emit("mret");

    /* the S-mode handler of delegated exceptions: the same skip and fold,
     * in its own page (mapped without U, so S can run it under root_u) */
    fprintf(out, "    .balign 4096\ns_trap_handler:\n");
    emit("csrr t6, scause");
    emit("bltz t6, s_irq");
    emit("slli t5, t4, 5");
    emit("srli t4, t4, 27");
    emit("or t4, t4, t5");
    emit("xor t4, t4, t6");
    emit("addi t5, t6, -3");
    emit("beqz t5, 1f");
    emit("csrr t5, stval");
    emit("add t4, t4, t5");
    fprintf(out, "1:\n");
    emit("csrr t6, sepc");
    emit("addi t6, t6, 4");
    emit("csrw sepc, t6");
    if (qemu_mode)
        emit("csrw stval, zero");     /* random code reads stval; ebreak's differs */
    emit("sret");
    fprintf(out, "s_irq:\n");
    emit("slli t5, t4, 5");
    emit("srli t4, t4, 27");
    emit("or t4, t4, t5");
    emit("xor t4, t4, t6");
    emit("csrci sip, 2");
    emit("sret");
    fprintf(out, "    .balign 4096\n");
    fprintf(out, "    .data\n    .balign 4096\ndata:\n");
    for (int i = 0; i < 1024; i++)
        fprintf(out, "    .word 0x%08x\n", rvalue());
    fprintf(out, "pt_win:\n    .skip 4096\npt_text:\n    .skip 4096\n"
                 "root_u:\n    .skip 4096\nroot_s:\n    .skip 4096\n");
    /* the refill handler's two save slots (outside the checksummed pages) */
    fprintf(out, "rf_save:\n    .word 0\nrf_addr:\n    .word 0\n");
    fprintf(out, "    .balign 64\n    .globl begin_signature\nbegin_signature:\nsig:\n"
                 "    .skip 128\n    .globl end_signature\nend_signature:\n");
}

int main(int argc, char **argv)
{
    unsigned long long seed = 1;
    int count = 10000;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = strtoull(argv[++i], NULL, 0);
        else if (!strcmp(argv[i], "--count") && i + 1 < argc)
            count = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--qemu"))
            qemu_mode = 1;
        else if (!strcmp(argv[i], "--swrefill"))
            opt_swrefill = 1;
        else if (!strcmp(argv[i], "--without") && i + 1 < argc) {
            const char *w = argv[++i];
            no_amo = strstr(w, "amo") != NULL;
            no_su = strstr(w, "su") != NULL;
            no_vm = strstr(w, "vm") != NULL;
            no_irq = strstr(w, "irq") != NULL;
            no_mprv = strstr(w, "mprv") != NULL;
            no_swr = strstr(w, "swr") != NULL;
        } else if (!strcmp(argv[i], "-o") && i + 1 < argc)
            path = argv[++i];
        else {
            fprintf(stderr, "usage: rigen [--seed N] [--count N] [--qemu] [--swrefill]"
                            " [--without amo,su,vm,mprv,swr,irq]"
                            " [-o FILE]\n");
            return 2;
        }
    }
    out = path ? fopen(path, "w") : stdout;
    if (!out) {
        perror(path);
        return 2;
    }
    rng_state = seed;
    {
        /* V R W X U G A D: a spread of legal and illegal combinations */
        static const uint32_t choice[] = {0xd7, 0x53, 0x13, 0x59, 0x19, 0xc7, 0x00, 0x15,
                                          0x17, 0xdf, 0x5b, 0x03, 0x97, 0x57};
        for (int k = 0; k < 8; k++)
            win_flags[k] = choice[rnd(sizeof choice / sizeof choice[0])] | (rnd(4) << 8);
        ptr_rsw = rnd(4) << 8;
    }
    prologue();
    rng_state = seed * 0x2545f4914f6cdd1dull + 7;
    /* units of roughly one to a few instructions; --count is a floor on
     * the number of generated instructions (loops execute more) */
    n_units = count * 3 / 10;
    for (int i = 0; i < n_units; i++)
        unit(3, n_units - unit_no);
    epilogue();
    if (path)
        fclose(out);
    return 0;
}
