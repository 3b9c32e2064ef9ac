/*
 * Helpers for kernel tests (user programs): CHECK stops the test with the
 * line and a message; ktest_begin/ktest_end check that every frame the test
 * used came back and that the kernel's audit agrees.
 */
#ifndef KTEST_H
#define KTEST_H
#include <stdio.h>
#include <string.h>
#include "av.h"

#define CHECK(c, ...) do { if (!(c)) { printf("FAIL %s:%d: %s: ", __FILE__, __LINE__, #c); \
    printf(__VA_ARGS__); printf("\n"); av_exit(1); } } while (0)
#define CHECK_RC(e, want) do { int r_ = (e); CHECK(r_ == (want), "%s returned %d (%s), wanted %d", \
    #e, r_, av_strerror(r_), (int)(want)); } while (0)

static int ktest_frames0;

static inline void ktest_begin(const char *name)
{
    ktest_frames0 = av_free_frames();
    printf("test %s: %d frames free\n", name, ktest_frames0);
}

/* After every child is gone: the audit is clean. (That every frame comes
 * back is checked by the suite: the kernel's free count at boot against its
 * final audit, after this process too has ended.) */
static inline void ktest_end(const char *name)
{
    CHECK(av_audit() == 0, "audit failed");
    printf("test %s: PASS (frames free %d, %d at the start)\n", name, av_free_frames(), ktest_frames0);
}

/* A port with a send right: the server's port of the client/server tests. */
static inline int ktest_port(void)
{
    int port = av_port_allocate();
    CHECK(port > 0, "port %d", port);
    CHECK_RC(av_port_make_send(port), 0);
    return port;
}

/* A child that runs client(port), which ends it; the parent gets the
 * child's process name. */
static inline int ktest_fork_client(void (*client)(int), int port)
{
    int c = av_fork();
    CHECK(c >= 0, "fork %d", c);
    if (c == 0)
        client(port);
    return c;
}

/* A checksum of n bytes (by-value checks compare the two sides' sums). */
static inline uint32_t ktest_sum(const uint8_t *p, uint32_t n)
{
    uint32_t s = 0;
    for (uint32_t i = 0; i < n; i++)
        s = s * 31 + p[i];
    return s;
}

/* 1 if [a, a+n) is free in this process (a fixed vm_allocate fits; undone) */
static inline int ktest_range_free(uint32_t a, uint32_t n)
{
    uint32_t at = a;
    if (av_vm_allocate(AV_NAME_SELF, &at, n, 0) != 0)
        return 0;
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, at, n), 0);
    return 1;
}

/* A new region of n bytes anywhere, every byte 0x77. */
static inline uint32_t ktest_fresh(uint32_t n)
{
    uint32_t a = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, n, AV_VM_ANYWHERE), 0);
    memset((void *)a, 0x77, n);
    return a;
}

/* A server's check that the pages [rel's page, + span) it released with
 * request i-1 are free now, or hold the out-of-line data of the request it
 * just received (item it, placed first fit: the hole the release left). */
static inline void ktest_released(uint32_t rel, uint32_t span, struct av_item *it, uint32_t i)
{
    uint32_t na = it && (it->flags & AV_ITEM_OOL) ? av_item_addr(it) & ~4095u : 0;
    uint32_t nend = na ? (av_item_addr(it) + av_item_len(it) + 4095) & ~4095u : 0;
    for (uint32_t pg = rel & ~4095u; rel && pg < (rel & ~4095u) + span; pg += 4096)
        CHECK((pg >= na && pg < nend) || ktest_range_free(pg, 4096), "request %lu not released",
              (unsigned long)i - 1);
}

/* Receive buffer large enough for any inline message. */
#define KT_BUF_WORDS (AV_MSG_INLINE_MAX / 4)
#endif
