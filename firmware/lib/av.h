/*
 * The user-side library: system-call stubs, message builders and readers,
 * printf to the kernel console (picolibc's stdio on a line buffer).
 * The ABI itself (numbers, errors, layouts) is firmware/include/av_abi.h.
 */
#ifndef AV_H
#define AV_H
#include <stdint.h>
#include "av_abi.h"

/* Any call. The two round-trip calls clobber ra, t0-t6 and a2-a7 (av_abi.h):
 * a call known at compile time to be another keeps every register, so only
 * a0 and a1 change; any other (a round-trip call, or a number not known
 * until it runs) is assumed to clobber them. */
static inline long av_syscall(uint32_t no, uint32_t a0, uint32_t a1, uint32_t a2,
                              uint32_t a3, uint32_t a4, uint32_t *r1)
{
    register uint32_t x10 __asm__("a0") = a0;
    register uint32_t x11 __asm__("a1") = a1;
    register uint32_t x12 __asm__("a2") = a2;
    register uint32_t x13 __asm__("a3") = a3;
    register uint32_t x14 __asm__("a4") = a4;
    register uint32_t x17 __asm__("a7") = no;
    if (__builtin_constant_p(no) && no != SYS_MSG_RPC && no != SYS_MSG_REPLY_RECEIVE)
        __asm__ volatile("ecall" : "+r"(x10), "+r"(x11) : "r"(x12), "r"(x13), "r"(x14), "r"(x17) : "memory");
    else
        __asm__ volatile("ecall" : "+r"(x10), "+r"(x11), "+r"(x12), "+r"(x13), "+r"(x14), "+r"(x17)
                         : : "memory", "a5", AV_RT_CLOBBERS);
    if (r1)
        *r1 = x11;
    return (long)(int32_t)x10;
}

/* A server's reply (msg; 0 for none) and its next receive on name, in one
 * call. Six arguments: a5 carries the timeout, which av_syscall has no room
 * for. Inline here, so programs that do not use it keep their layout. */
static inline int av_msg_reply_receive(void *msg, void *buf, uint32_t size, uint32_t name,
                                       uint32_t opts, uint32_t timeout_us, uint32_t *size_out)
{
    register uint32_t x10 __asm__("a0") = (uint32_t)msg;
    register uint32_t x11 __asm__("a1") = (uint32_t)buf;
    register uint32_t x12 __asm__("a2") = size;
    register uint32_t x13 __asm__("a3") = name;
    register uint32_t x14 __asm__("a4") = opts;
    register uint32_t x15 __asm__("a5") = timeout_us;
    register uint32_t x17 __asm__("a7") = SYS_MSG_REPLY_RECEIVE;
    __asm__ volatile("ecall" : "+r"(x10), "+r"(x11), "+r"(x12), "+r"(x13), "+r"(x14), "+r"(x15), "+r"(x17)
                     : : "memory", AV_RT_CLOBBERS);
    if (size_out)
        *size_out = x11;
    return (int)(int32_t)x10;
}

/* An RPC: send msg, receive its reply into buf. In line for the same
 * reason, and so a round trip pays no call and no frame of its own. */
static inline int av_msg_rpc(void *msg, void *buf, uint32_t size, uint32_t opts, uint32_t timeout_us,
                             uint32_t *size_out)
{
    register uint32_t x10 __asm__("a0") = (uint32_t)msg;
    register uint32_t x11 __asm__("a1") = (uint32_t)buf;
    register uint32_t x12 __asm__("a2") = size;
    register uint32_t x13 __asm__("a3") = opts;
    register uint32_t x14 __asm__("a4") = timeout_us;
    register uint32_t x17 __asm__("a7") = SYS_MSG_RPC;
    __asm__ volatile("ecall" : "+r"(x10), "+r"(x11), "+r"(x12), "+r"(x13), "+r"(x14), "+r"(x17)
                     : : "memory", "a5", AV_RT_CLOBBERS);
    if (size_out)
        *size_out = x11;
    return (int)(int32_t)x10;
}

/* A server's reply-and-receive with AV_RELEASE: the region holding addr
 * (say the out-of-line data of the request msg answers) is deallocated
 * before msg is sent. */
static inline int av_msg_reply_release_receive(void *msg, void *buf, uint32_t size, uint32_t name,
                                               uint32_t opts, uint32_t timeout_us, uint32_t addr,
                                               uint32_t *size_out)
{
    register uint32_t x10 __asm__("a0") = (uint32_t)msg;
    register uint32_t x11 __asm__("a1") = (uint32_t)buf;
    register uint32_t x12 __asm__("a2") = size;
    register uint32_t x13 __asm__("a3") = name;
    register uint32_t x14 __asm__("a4") = opts | AV_RELEASE;
    register uint32_t x15 __asm__("a5") = timeout_us;
    register uint32_t x16 __asm__("a6") = addr;
    register uint32_t x17 __asm__("a7") = SYS_MSG_REPLY_RECEIVE;
    __asm__ volatile("ecall" : "+r"(x10), "+r"(x11), "+r"(x12), "+r"(x13), "+r"(x14), "+r"(x15), "+r"(x16),
                     "+r"(x17) : : "memory", "ra", "t0", "t1", "t2", "t3", "t4", "t5", "t6");
    if (size_out)
        *size_out = x11;
    return (int)(int32_t)x10;
}

int av_console_write(const void *buf, uint32_t len);
void av_exit(int status) __attribute__((noreturn));
int av_port_allocate(void);
int av_port_deallocate(uint32_t name);
int av_port_qlimit(uint32_t name, uint32_t limit);
int av_port_rights(uint32_t name);
int av_port_make_send(uint32_t name);
int av_msg_send(void *msg, uint32_t opts, uint32_t timeout_us);
int av_msg_receive(void *buf, uint32_t size, uint32_t name, uint32_t opts, uint32_t timeout_us,
                   uint32_t *size_out);
int av_fork(void);
int av_spawn(const char *prog);
int av_wait(uint32_t proc, int *status);
int av_vm_allocate(uint32_t proc, uint32_t *addr, uint32_t size, uint32_t flags);
int av_vm_deallocate(uint32_t proc, uint32_t addr, uint32_t size);
int av_vm_protect(uint32_t proc, uint32_t addr, uint32_t size, uint32_t prot);
int av_vm_copy(uint32_t proc, uint32_t src, uint32_t size, uint32_t dst);
int av_terminate(uint32_t proc, int status);
int av_stats(struct av_stats *s);
int av_audit(void);
int av_free_frames(void);
int av_yield(void);
uint32_t av_time_us(void);
int av_bootargs(char *buf, uint32_t len);   /* not NUL-terminated */

/* ---- building messages (into a caller buffer, 4-byte aligned) ----------- */
/* The header (no items yet). In line: a server builds one for every reply,
 * and a call with six arguments costs more than the five stores, whose
 * dispositions are usually constants (bits folds to one). */
static inline void av_msg_init(void *msg, uint32_t dest, uint32_t dest_disp, uint32_t reply,
                               uint32_t reply_disp, uint32_t id)
{
    struct av_msg_header *h = msg;
    h->size = sizeof *h;
    h->dest = dest;
    h->reply = reply;
    h->id = id;
    h->bits = AV_MSG_DEST(dest_disp) | AV_MSG_REPLY(reply_disp);
}
void *av_msg_add_bytes(void *msg, const void *data, uint32_t n);   /* inline */
void *av_msg_add_words(void *msg, const uint32_t *w, uint32_t n);
void av_msg_add_ool(void *msg, const void *addr, uint32_t n, int dealloc);
void av_msg_add_ports(void *msg, const uint32_t *names, uint32_t n, uint32_t disp);

/* ---- reading messages ------------------------------------------------------ */
/* The first item, or none (a header alone: the common reply). In line for
 * the same reason. */
static inline struct av_item *av_item_first(void *msg)
{
    if (((struct av_msg_header *)msg)->size <= sizeof(struct av_msg_header))
        return 0;
    return (struct av_item *)((char *)msg + sizeof(struct av_msg_header));
}
struct av_item *av_item_next(void *msg, struct av_item *it);
static inline void *av_item_data(struct av_item *it) { return it + 1; }
static inline uint32_t av_item_addr(struct av_item *it) { return *(uint32_t *)(it + 1); }
static inline uint32_t av_item_len(struct av_item *it) { return it->count * it->elsize; }

/* helpers for tests and demos */
uint32_t av_checksum(const void *p, uint32_t n);
const char *av_strerror(int err);
#endif
