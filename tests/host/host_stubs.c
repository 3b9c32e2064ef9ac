/*
 * What the kernel's pure files need from the rest of the kernel, on the host:
 * kmalloc on calloc, panic (and KASSERT's kassert_failed) on abort, and
 * the few scheduler and message hooks port.c calls (recorded so tests can
 * check them).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel.h"

/* only tests that link port.c have it */
void port_unref(struct port *pt) __attribute__((weak));

struct proc *procs;
struct rt_blk rt_blk;                  /* queued_bytes (port.c) lives in it */
uint32_t nprocs;
struct bootinfo boot = { .ram_size = 16u << 20 };
int host_wakes, host_kmsgs_live, host_notices;

void panic(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "panic: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    abort();
}

void kassert_failed(const char *file, int line)     /* KASSERT (kassert.h) */
{
    panic("assert at %s:%d", file, line);
}

uint32_t frame_reclaim(void) { return 0; }   /* no spare root table here */
void *(kmalloc)(size_t n) { return calloc(1, n); }
void (kfree)(void *p, size_t n) { (void)n; free(p); }
void *kmalloc_cls(uint32_t c, size_t z) { (void)c; return calloc(1, z); }  /* (constant sizes) */
void kfree_cls(void *p, uint32_t c) { (void)c; free(p); }
uint32_t nwaiting[W_CHILD + 1];        /* nobody blocked (port.c reads it) */
void proc_wake(enum pwait w, void *obj) { (void)w; (void)obj; host_wakes++; }
void proc_wake_port(struct port *pt) { proc_wake(W_SEND, pt); proc_wake(W_RECV, pt); }
void proc_wake_one(struct proc *p) { (void)p; host_wakes++; }
struct proc *proc_receiving(struct port *pt) { (void)pt; return NULL; }
void proc_wake_receiver(struct port *pt) { (void)pt; }

/* As the kernel's: a small body follows the kmsg, zeroed (notices are
 * written there in place). Port code makes kmsgs only for notices, so
 * host_notices counts them here. */
struct kmsg *kmsg_alloc(uint32_t size)
{
    struct kmsg *km = calloc(1, sizeof *km + size);
    km->size = size;
    km->small = (uint8_t *)(km + 1);
    host_kmsgs_live++;
    host_notices++;
    return km;
}

void kmsg_copy(struct kmsg *km, uint32_t off, void *buf, uint32_t n, int in)
{
    (void)km; (void)off; (void)buf; (void)n; (void)in;
}

void kmsg_destroy(struct kmsg *km)
{
    if (km->dest && port_unref)
        port_unref(km->dest);
    free(km);
    host_kmsgs_live--;
}
