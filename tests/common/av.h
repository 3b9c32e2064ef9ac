/*
 * Helpers for bare-metal C programs on Accent-V (and QEMU virt) built with
 * picolibc and tests/common/crt.c: CSR access by the generated numbers
 * (build/gen/csr.h), 64-bit counter reads, and the finisher exit codes.
 */
#ifndef AV_H
#define AV_H

#include <stdint.h>
#include "csr.h"
#include "memmap.h"

#define AV_STR_(x) #x
#define AV_STR(x) AV_STR_(x)

/* CSR numbers come from csr.h as integer literals, pasted into the asm. */
#define csr_read(csr) ({ uint32_t v_; __asm__ volatile("csrr %0, " AV_STR(csr) : "=r"(v_)); v_; })
#define csr_write(csr, val) __asm__ volatile("csrw " AV_STR(csr) ", %0" : : "r"((uint32_t)(val)))
#define csr_set(csr, val) __asm__ volatile("csrs " AV_STR(csr) ", %0" : : "r"((uint32_t)(val)))
#define csr_clear(csr, val) __asm__ volatile("csrc " AV_STR(csr) ", %0" : : "r"((uint32_t)(val)))

/* A 64-bit counter from its two halves: re-read when the high half moved. */
#define AV_READ64(hi, lo) ({                                   \
    uint32_t h_, l_, h2_;                                      \
    do { h_ = csr_read(hi); l_ = csr_read(lo); h2_ = csr_read(hi); } while (h_ != h2_); \
    ((uint64_t)h_ << 32) | l_; })

/* Through the user views (cycle, instret), which read the same counters in
 * M and also work in S, where the paged variant of crt.c runs programs
 * (it sets mcounteren). */
static inline uint64_t av_mcycle(void) { return AV_READ64(CSR_CYCLEH, CSR_CYCLE); }
static inline uint64_t av_minstret(void) { return AV_READ64(CSR_INSTRETH, CSR_INSTRET); }

/* Cycles and instructions over a stretch of code: av_mark at the start,
 * av_since for the difference. The reads themselves add a few of each. */
struct av_counts {
    uint64_t cycles;
    uint64_t instret;
};

static inline struct av_counts av_mark(void)
{
    struct av_counts c;
    c.instret = av_minstret();
    c.cycles = av_mcycle();
    return c;
}

static inline struct av_counts av_since(struct av_counts start)
{
    struct av_counts now;
    now.cycles = av_mcycle();
    now.instret = av_minstret();
    now.cycles -= start.cycles;
    now.instret -= start.instret;
    return now;
}

/* Program exit codes seen by the finisher (and so the harness's status). */
#define AV_EXIT_TRAP 126    /* an unexpected trap (crt.c prints it) */

#endif
