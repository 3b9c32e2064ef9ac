/* Boot option nopreempt: switches happen only at system calls, so a process
 * computing without them runs to its end before the other runs again.
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
preemption off
child finished computing
parent ran after the child
test nopreempt: PASS
*/

static uint32_t msg[16], buf[16];

static uint32_t now_us(void)
{
    uint32_t t;
    __asm__ volatile("csrr %0, time" : "=r"(t));   /* user may read time */
    return t;
}

int main(void)
{
    ktest_begin("nopreempt");
    int port = av_port_allocate();
    CHECK_RC(av_port_make_send(port), 0);
    int c = av_fork();
    if (c == 0) {
        uint32_t t0 = now_us();
        while (now_us() - t0 < 3000000)          /* about 0.3 s at QEMU's 10 MHz timebase */
            ;
        printf("child finished computing\n");
        av_msg_init(msg, port, AV_DISP_COPY_SEND, 0, 0, 1);
        av_msg_send(msg, 0, 0);
        av_exit(0);
    }
    av_yield();                                  /* the child starts computing */
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, AV_NONBLOCK, 0, 0), 0);
    printf("parent ran after the child\n");
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("nopreempt");
    return 0;
}
