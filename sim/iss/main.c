/*
 * accentv-iss: the reference ISS run standalone. Same command line and exit
 * statuses as the RTL harness (build/sim/accentv-sim):
 *   accentv-iss [--max-cycles N] [--trace-insn] [--ram-size N[K|M]]
 *               [--uart-in FILE] [--stats] [+signature=FILE] ELF
 * --max-cycles counts instructions here (the ISS has no clock); harness
 * options that mean nothing here (--cosim, --trace, --trace-from,
 * --corrupt-ucode) are refused.
 * Exit: 0 pass, the program's code on fail, 2 bad arguments or ELF,
 * 3 ran past --max-cycles, 4 asleep in wfi with nothing that can wake it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "boot.h"
#include "disasm.h"
#include "iss.h"
#include "memmap.h"

#define DEFAULT_MAX 10000000000ull     /* as the harness: 10^10 */

static const char *USAGE =
    "usage: accentv-iss [options] program.elf\n"
    "Runs an RV32 ELF linked at 0x80000000 on the reference ISS of the Accent-V SoC.\n"
    "  --max-cycles N        stop after N instructions (default 10^10; exit status 3)\n"
    "  --ram-size N[K|M]     RAM size in bytes (default 16M)\n"
    "  --trace-insn          log every retire record to stderr\n"
    "  --uart-in FILE        feed FILE's bytes to the UART receiver\n"
    "  --stats               print instructions and speed at the end\n"
    "  +signature=FILE       write begin_signature..end_signature, one word a line\n"
    "  --help                this text\n"
    "mtime advances one tick every CLK_HZ/TIMEBASE_HZ instructions (one clock each).\n"
    "Exit status: 0 pass; the program's code on failure; 2 bad input; 3 limit;\n"
    "4 asleep in wfi with nothing that can wake it.\n";

static void usage(void)
{
    fputs(USAGE, stderr);
    exit(2);
}

/* One retire record as a line: order, mode, pc, insn, text, effects. */
static void trace(FILE *f, const struct rvfi_rec *r)
{
    static const char modes[4] = {'U', 'S', '?', 'M'};
    char text[64];
    if (r->intr) {
        fprintf(f, "%8llu %c %08x interrupt cause=%u -> %08x\n", (unsigned long long)r->order,
                modes[r->mode & 3], r->pc_rdata, r->cause & 0x7fffffff, r->pc_wdata);
        return;
    }
    disasm(r->insn, r->pc_rdata, text, sizeof text);
    fprintf(f, "%8llu %c %08x %08x  %-32s", (unsigned long long)r->order, modes[r->mode & 3],
            r->pc_rdata, r->insn, text);
    if (r->trap)
        fprintf(f, " trap cause=%u tval=%08x -> %08x", r->cause, r->tval, r->pc_wdata);
    if (r->rd_addr)
        fprintf(f, " %s=%08x", disasm_reg(r->rd_addr), r->rd_wdata);
    if (r->mem_rmask)
        fprintf(f, " load[%08x/%x]=%08x", r->mem_addr, r->mem_rmask, r->mem_rdata);
    if (r->mem_wmask)
        fprintf(f, " store[%08x/%x]=%08x", r->mem_addr, r->mem_wmask, r->mem_wdata);
    fputc('\n', f);
}

static int write_signature(struct iss *s, const struct elf_image *img, const char *path)
{
    uint32_t b, e;
    if (!elf_symbol(img, "begin_signature", &b) || !elf_symbol(img, "end_signature", &e)) {
        fprintf(stderr, "accentv-iss: +signature: the ELF has no begin_signature/end_signature\n");
        return -1;
    }
    FILE *f = fopen(path, "w");
    if (!f) {
        fprintf(stderr, "accentv-iss: %s: %s\n", path, strerror(errno));
        return -1;
    }
    for (uint32_t a = b; a < e; a += 4) {
        uint32_t w = 0;
        iss_phys_read(s, a, &w, 4);
        fprintf(f, "%08x\n", w);
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    uint64_t max = DEFAULT_MAX;
    int trace_insn = 0;
    uint32_t ram = MM_RAM_DEFAULT;
    const char *elf = NULL, *sig = NULL, *uart_in = NULL;
    int stats = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--max-cycles") && i + 1 < argc) {
            char *end;
            max = strtoull(argv[++i], &end, 0);
            if (*end || !max) {
                fprintf(stderr, "accentv-iss: bad --max-cycles value '%s'\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--trace-insn")) {
            trace_insn = 1;
        } else if (!strcmp(a, "--ram-size") && i + 1 < argc) {
            if (boot_parse_size(argv[++i], &ram)) {
                fprintf(stderr, "accentv-iss: bad --ram-size value '%s'\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(a, "--uart-in") && i + 1 < argc) {
            uart_in = argv[++i];
        } else if (!strcmp(a, "--stats")) {
            stats = 1;
        } else if (!strcmp(a, "--help")) {
            fputs(USAGE, stdout);
            return 0;
        } else if (!strncmp(a, "+signature=", 11)) {
            sig = a + 11;
        } else if (a[0] == '-' || elf) {
            usage();
        } else {
            elf = a;
        }
    }
    if (!elf)
        usage();

    struct iss *s = iss_new(ram);
    if (!s) {
        fprintf(stderr, "accentv-iss: cannot allocate %u bytes of RAM\n", ram);
        return 2;
    }
    struct elf_image img;
    char err[512];
    if (iss_load(s, elf, &img, err, sizeof err)) {
        fprintf(stderr, "accentv-iss: %s\n", err);
        iss_free(s);
        return 2;
    }
    uint8_t *in = NULL;
    if (uart_in) {
        FILE *f = fopen(uart_in, "rb");
        if (!f) {
            fprintf(stderr, "accentv-iss: --uart-in %s: %s\n", uart_in, strerror(errno));
            return 2;
        }
        size_t cap = 4096, len = 0;
        in = malloc(cap);
        int c;
        while (in && (c = fgetc(f)) != EOF) {
            if (len == cap)
                in = realloc(in, cap *= 2);
            if (in)
                in[len++] = (uint8_t)c;
        }
        fclose(f);
        s->uart_in = in;
        s->uart_in_len = in ? len : 0;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    uint64_t n = 0;
    if (trace_insn) {
        struct rvfi_rec r;
        while (n < max && !s->halted) {
            iss_step(s, &r);
            trace(stderr, &r);
            n++;
        }
    } else {
        n = iss_run(s, max);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fflush(stdout);
    double dt = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    if (stats || n >= 50000000 || getenv("ACCENTV_ISS_STATS"))
        fprintf(stderr, "accentv-iss: %llu instructions in %.2f s (%.1f MIPS)\n",
                (unsigned long long)n, dt, dt > 0 ? (double)n / dt / 1e6 : 0.0);

    int rc;
    if (!s->halted) {
        fprintf(stderr, "accentv-iss: --max-cycles %llu reached (pc 0x%08x, %llu instructions"
                        " retired)\n", (unsigned long long)max, s->pc,
                (unsigned long long)s->minstret);
        rc = 3;
    } else {
        rc = s->exit_code;   /* iss.c has printed why a failure failed */
    }
    if (sig && write_signature(s, &img, sig) && rc == 0)
        rc = 2;
    elf_free(&img);
    iss_free(s);
    free(in);
    return rc;
}
