/* Timeouts in microseconds (device-tree timebase): a receive on an empty port
 * and a send to a full one give up after the time, and change nothing. */
#include "ktest.h"

/* expect:
receive timed out after at least 20000 us
send timed out, queue unchanged
non-blocking: EWOULDBLOCK
test timeout: PASS
*/

static uint32_t msg[64], buf[64];

int main(void)
{
    ktest_begin("timeout");
    int port = av_port_allocate();
    uint32_t t0 = av_time_us();
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, AV_RCV_TIMEOUT, 20000, 0), -AV_ETIMEDOUT);
    uint32_t dt = av_time_us() - t0;
    CHECK(dt >= 20000 && dt < 2000000, "waited %lu us", (unsigned long)dt);
    printf("receive timed out after at least 20000 us\n");
    CHECK_RC(av_port_qlimit(port, 1), 0);
    av_msg_init(msg, port, AV_DISP_MAKE_SEND, 0, 0, 1);
    CHECK_RC(av_msg_send(msg, AV_SEND_TIMEOUT, 1000), 0);
    av_msg_init(msg, port, AV_DISP_MAKE_SEND, 0, 0, 2);
    t0 = av_time_us();
    CHECK_RC(av_msg_send(msg, AV_SEND_TIMEOUT, 10000), -AV_ETIMEDOUT);
    CHECK(av_time_us() - t0 >= 10000, "send timeout too short");
    uint32_t got;
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, AV_NONBLOCK, 0, &got), 0);
    CHECK(((struct av_msg_header *)buf)->id == 1, "wrong message");
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, AV_NONBLOCK, 0, &got), -AV_EWOULDBLOCK);
    printf("send timed out, queue unchanged\n");
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, AV_RCV_TIMEOUT, 0, &got), -AV_ETIMEDOUT);
    CHECK_RC(av_msg_receive(buf, sizeof buf, port, AV_NONBLOCK, 0, &got), -AV_EWOULDBLOCK);
    printf("non-blocking: EWOULDBLOCK\n");
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("timeout");
    return 0;
}
