/*
 * System-call stubs: one ecall each, arguments as av_abi.h lists them.
 */
#include <stdio.h>
#include <string.h>
#include "av.h"

#define S0(n) av_syscall(n, 0, 0, 0, 0, 0, 0)

int av_console_write(const void *buf, uint32_t len)
{
    return av_syscall(SYS_CONSOLE_WRITE, (uint32_t)buf, len, 0, 0, 0, 0);
}

void av_exit(int status)
{
    fflush(stdout);
    av_syscall(SYS_EXIT, (uint32_t)status, 0, 0, 0, 0, 0);
    for (;;)
        ;
}

void _exit(int status) { av_exit(status); }

int av_port_allocate(void) { return S0(SYS_PORT_ALLOCATE); }
int av_port_deallocate(uint32_t n) { return av_syscall(SYS_PORT_DEALLOCATE, n, 0, 0, 0, 0, 0); }
int av_port_qlimit(uint32_t n, uint32_t l) { return av_syscall(SYS_PORT_QLIMIT, n, l, 0, 0, 0, 0); }
int av_port_make_send(uint32_t n) { return av_syscall(SYS_PORT_MAKE_SEND, n, 0, 0, 0, 0, 0); }
int av_port_rights(uint32_t n) { return av_syscall(SYS_PORT_RIGHTS, n, 0, 0, 0, 0, 0); }

int av_msg_send(void *msg, uint32_t opts, uint32_t t)
{
    return av_syscall(SYS_MSG_SEND, (uint32_t)msg, opts, t, 0, 0, 0);
}

int av_msg_receive(void *buf, uint32_t size, uint32_t name, uint32_t opts, uint32_t t, uint32_t *got)
{
    return av_syscall(SYS_MSG_RECEIVE, (uint32_t)buf, size, name, opts, t, got);
}

int av_fork(void)
{
    fflush(stdout);                    /* the child must not print our buffer again */
    return S0(SYS_FORK);
}

int av_spawn(const char *prog)
{
    return av_syscall(SYS_SPAWN, (uint32_t)prog, strlen(prog), 0, 0, 0, 0);
}

int av_wait(uint32_t proc, int *status)
{
    uint32_t st;
    int r = av_syscall(SYS_WAIT, proc, 0, 0, 0, 0, &st);
    if (r == 0 && status)
        *status = (int)st;
    return r;
}

int av_vm_allocate(uint32_t p, uint32_t *addr, uint32_t size, uint32_t flags)
{
    return av_syscall(SYS_VM_ALLOCATE, p, (uint32_t)addr, size, flags, 0, 0);
}
int av_vm_deallocate(uint32_t p, uint32_t a, uint32_t s) { return av_syscall(SYS_VM_DEALLOCATE, p, a, s, 0, 0, 0); }
int av_vm_protect(uint32_t p, uint32_t a, uint32_t s, uint32_t prot) { return av_syscall(SYS_VM_PROTECT, p, a, s, prot, 0, 0); }
int av_vm_copy(uint32_t p, uint32_t src, uint32_t s, uint32_t dst) { return av_syscall(SYS_VM_COPY, p, src, s, dst, 0, 0); }
int av_terminate(uint32_t p, int status) { return av_syscall(SYS_TERMINATE, p, (uint32_t)status, 0, 0, 0, 0); }
int av_stats(struct av_stats *s) { return av_syscall(SYS_STATS, (uint32_t)s, 0, 0, 0, 0, 0); }
int av_audit(void) { return S0(SYS_AUDIT); }
int av_free_frames(void) { return S0(SYS_FREE_FRAMES); }
int av_yield(void) { return S0(SYS_YIELD); }
int av_bootargs(char *b, uint32_t n) { return av_syscall(SYS_BOOTARGS, (uint32_t)b, n, 0, 0, 0, 0); }
uint32_t av_time_us(void) { return (uint32_t)S0(SYS_TIME_US); }

/* The heap grows by allocating pages from the kernel as picolibc asks. */
void *sbrk(ptrdiff_t incr)
{
    extern char __heap_start[];
    static uint32_t brk, mapped;
    if (!brk)
        brk = mapped = (uint32_t)__heap_start;
    uint32_t want = brk + (uint32_t)incr;
    if (incr < 0 || want < brk)
        return (void *)-1;
    if (want > mapped) {
        uint32_t at = mapped, size = (want - mapped + 4095) & ~4095u;
        if (av_vm_allocate(AV_NAME_SELF, &at, size, 0) < 0)
            return (void *)-1;
        mapped += size;
    }
    uint32_t old = brk;
    brk = want;
    return (void *)old;
}
