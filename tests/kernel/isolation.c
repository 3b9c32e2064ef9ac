/* Isolation: a process cannot reach kernel memory or another process's, bad
 * names and bad addresses are refused with errors, and an invalid access
 * ends only the offending process, with a printed reason. */
#include "ktest.h"

/* expect:
system calls refuse bad arguments
access to a kernel address
child reading the kernel: status -1
store to read-only text: status -1
unallocated: status -1
another process's memory unchanged
test isolation: PASS
*/

static volatile uint32_t shared_word = 1234;

static int run_child(void (*fn)(void))
{
    int c = av_fork();
    CHECK(c >= 0, "fork");
    if (c == 0) {
        fn();
        av_exit(0);
    }
    int st = 0;
    CHECK_RC(av_wait(c, &st), 0);
    return st;
}

static void read_kernel(void) { printf("read %lx\n", (unsigned long)*(volatile uint32_t *)0x80000000u); }
static void write_text(void) { *(volatile uint32_t *)(uintptr_t)&run_child = 0; }
static void unallocated(void) { *(volatile uint32_t *)0x30000000u = 1; }
static void scribble(void) { shared_word = 99; }

int main(void)
{
    static uint32_t buf[64];
    ktest_begin("isolation");
    /* bad port names */
    av_msg_init(buf, 77, AV_DISP_COPY_SEND, 0, 0, 0);
    CHECK_RC(av_msg_send(buf, 0, 0), -AV_ENAME);
    CHECK_RC(av_msg_receive(buf, sizeof buf, 0, 0, 0, 0), -AV_ENAME);
    CHECK_RC(av_msg_receive(buf, sizeof buf, 0xffff, 0, 0, 0), -AV_ENAME);
    CHECK_RC(av_port_deallocate(12345), -AV_ENAME);
    CHECK_RC(av_msg_receive(buf, sizeof buf, AV_NAME_SELF, 0, 0, 0), -AV_ENAME);  /* send right only */
    /* kernel addresses and wrapping lengths */
    CHECK_RC(av_console_write((void *)0x80000000u, 16), -AV_EFAULT);
    CHECK_RC(av_console_write((void *)0x7ffffff0u, 0x20), -AV_EFAULT);
    CHECK_RC(av_console_write((void *)0xfffffff0u, 0x20), -AV_EFAULT);
    CHECK_RC(av_msg_send((void *)0x80001000u, 0, 0), -AV_EFAULT);
    CHECK_RC(av_msg_receive((void *)0x80000000u, 64, AV_NAME_NOTIFY, AV_NONBLOCK, 0, 0), -AV_EFAULT);
    CHECK_RC(av_stats((void *)0x80000000u), -AV_EFAULT);
    uint32_t a = 0x80000000u;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 4096, 0), -AV_EINVAL);
    a = 0x7ffff000u;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 0x2000, 0), -AV_EINVAL);
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, (uint32_t *)0x80000000u, 4096, AV_VM_ANYWHERE), -AV_EFAULT);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, 0xfffff000u, 0x2000), -AV_EINVAL);
    CHECK_RC(av_vm_protect(AV_NAME_SELF, 0x1000, 0xfffff000u, AV_PROT_READ), -AV_EINVAL);
    CHECK_RC(av_vm_allocate(AV_NAME_NOTIFY, &a, 4096, AV_VM_ANYWHERE), -AV_ENAME);  /* not a process */
    /* an OOL item pointing at the kernel, or wrapping */
    av_msg_init(buf, AV_NAME_NOTIFY, AV_DISP_MAKE_SEND, 0, 0, 0);
    av_msg_add_ool(buf, (void *)0x80000000u, 4096, 0);
    CHECK_RC(av_msg_send(buf, 0, 0), -AV_EFAULT);
    av_msg_init(buf, AV_NAME_NOTIFY, AV_DISP_MAKE_SEND, 0, 0, 0);
    av_msg_add_ool(buf, (void *)0x7ffff000u, 0x10000, 0);
    CHECK_RC(av_msg_send(buf, 0, 0), -AV_EFAULT);
    /* an item longer than the message, a bad kind, a bad disposition */
    av_msg_init(buf, AV_NAME_NOTIFY, AV_DISP_MAKE_SEND, 0, 0, 0);
    av_msg_add_bytes(buf, "abcd", 4);
    ((struct av_item *)((char *)buf + sizeof(struct av_msg_header)))->count = 0x40000000;
    CHECK_RC(av_msg_send(buf, 0, 0), -AV_EINVAL);
    ((struct av_item *)((char *)buf + sizeof(struct av_msg_header)))->kind = 9;
    CHECK_RC(av_msg_send(buf, 0, 0), -AV_EINVAL);
    av_msg_init(buf, AV_NAME_NOTIFY, 42, 0, 0, 0);
    CHECK_RC(av_msg_send(buf, 0, 0), -AV_EINVAL);
    CHECK_RC(av_syscall(999, 0, 0, 0, 0, 0, 0), -AV_ENOSYS);
    printf("system calls refuse bad arguments\n");
    printf("child reading the kernel: status %d\n", run_child(read_kernel));
    printf("store to read-only text: status %d\n", run_child(write_text));
    printf("unallocated: status %d\n", run_child(unallocated));
    run_child(scribble);
    CHECK(shared_word == 1234, "child changed our memory");
    printf("another process's memory unchanged\n");
    ktest_end("isolation");
    return 0;
}
