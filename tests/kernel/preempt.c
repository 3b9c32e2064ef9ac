/* Preemptive round-robin: a process computing without system calls is
 * preempted by the timer, so another process runs before it finishes. */
#include "ktest.h"

/* expect:
parent ran while the child computed
child finished computing
test preempt: PASS
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
    ktest_begin("preempt");
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
    int r = av_msg_receive(buf, sizeof buf, port, AV_NONBLOCK, 0, 0);
    CHECK(r == -AV_EWOULDBLOCK, "the child finished before we ran again: %d", r);
    printf("parent ran while the child computed\n");
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, 0, 0, 0), 0);
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("preempt");
    return 0;
}
