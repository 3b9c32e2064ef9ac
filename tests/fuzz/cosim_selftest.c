/*
 * Self-test of the co-simulation library without the RTL: a second ISS plays
 * the core. Its records must all be accepted; the same stream with one field
 * changed must be refused; an interrupt the ISS sees disabled must be refused.
 *   cosim_selftest ELF     exit 0 when all three hold
 */
#include <stdio.h>
#include <string.h>
#include "cosim.h"
#include "iss.h"

static struct iss *reference(const char *elf)
{
    struct iss *s = iss_new(16u << 20);
    struct elf_image img;
    char err[256];
    if (!s || iss_load(s, elf, &img, err, sizeof err)) {
        fprintf(stderr, "cosim_selftest: %s\n", err);
        return NULL;
    }
    elf_free(&img);
    s->uart_out = NULL;
    return s;
}

/* Feed up to n records of a reference run; corrupt record k (if k >= 0).
 * Returns the index of the first record cosim refused, or -1. */
static long run(const char *elf, long n, long k)
{
    char err[256];
    struct cosim *c = cosim_new(16u << 20, elf, err, sizeof err);
    struct iss *ref = reference(elf);
    if (!c || !ref) {
        fprintf(stderr, "cosim_selftest: %s\n", err);
        return -2;
    }
    long bad = -1;
    for (long i = 0; i < n && !ref->halted; i++) {
        struct rvfi_rec r;
        iss_step(ref, &r);
        if (i == k)
            r.rd_addr ? (void)(r.rd_wdata ^= 1) : (void)(r.pc_wdata ^= 4);
        if (cosim_step(c, &r)) {
            bad = i;
            break;
        }
    }
    cosim_free(c);
    iss_free(ref);
    return bad;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: cosim_selftest ELF\n");
        return 2;
    }
    long r = run(argv[1], 100000, -1);
    if (r != -1) {
        fprintf(stderr, "cosim_selftest: an identical stream was refused at record %ld\n", r);
        return 1;
    }
    r = run(argv[1], 100000, 20);
    if (r != 20) {
        fprintf(stderr, "cosim_selftest: a changed record 20 was %s\n",
                r < 0 ? "accepted" : "refused at the wrong record");
        return 1;
    }
    /* an interrupt at reset, where mie is 0: must be refused */
    char err[256];
    struct cosim *c = cosim_new(16u << 20, argv[1], err, sizeof err);
    if (!c) {
        fprintf(stderr, "cosim_selftest: %s\n", err);
        return 1;
    }
    struct rvfi_rec irq;
    memset(&irq, 0, sizeof irq);
    irq.intr = 1;
    irq.mode = 3;
    irq.pc_rdata = 0x1000;
    irq.cause = 0x80000007u;
    int refused = cosim_step(c, &irq);
    cosim_free(c);
    if (!refused) {
        fprintf(stderr, "cosim_selftest: a disabled timer interrupt was accepted\n");
        return 1;
    }
    printf("cosim_selftest: ok\n");
    return 0;
}
