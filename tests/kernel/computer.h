/* The preemption tests' common start (preempt.c, nopreempt.c): a port with a
 * send right, and a child that computes for about 0.3 s (3 000 000 ticks of
 * QEMU's 10 MHz timebase) without a system call, prints that it finished and
 * sends one message to the port. The parent has yielded once when this
 * returns, so the child has started computing. */
#ifndef COMPUTER_H
#define COMPUTER_H
#include "ktest.h"

static uint32_t computer_msg[16];

static uint32_t now_ticks(void)
{
    uint32_t t;
    __asm__ volatile("csrr %0, time" : "=r"(t));   /* user may read time */
    return t;
}

/* returns the child's process port name; *port gets the port */
static int start_computer(int *port)
{
    *port = ktest_port();
    int c = av_fork();
    if (c == 0) {
        uint32_t t0 = now_ticks();
        while (now_ticks() - t0 < 3000000)
            ;
        printf("child finished computing\n");
        av_msg_init(computer_msg, *port, AV_DISP_COPY_SEND, 0, 0, 1);
        av_msg_send(computer_msg, 0, 0);
        av_exit(0);
    }
    av_yield();
    return c;
}
#endif
