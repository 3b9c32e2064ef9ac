/* Preemptive round-robin: a process computing without system calls is
 * preempted by the timer, so another process runs before it finishes. */
#include "computer.h"

/* expect:
parent ran while the child computed
child finished computing
test preempt: PASS
*/

static uint32_t buf[16];

int main(void)
{
    ktest_begin("preempt");
    int port;
    int c = start_computer(&port);
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
