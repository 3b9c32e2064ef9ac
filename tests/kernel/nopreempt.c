/* Boot option nopreempt: switches happen only at system calls, so a process
 * computing without them runs to its end before the other runs again.
 * bootargs: nopreempt */
#include "computer.h"

/* expect:
preemption off
child finished computing
parent ran after the child
test nopreempt: PASS
*/

static uint32_t buf[16];

int main(void)
{
    ktest_begin("nopreempt");
    int port;
    int c = start_computer(&port);
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, AV_NONBLOCK, 0, 0), 0);
    printf("parent ran after the child\n");
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("nopreempt");
    return 0;
}
