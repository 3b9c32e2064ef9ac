/* Back-pressure: a port queues at most its limit (default 5); a further
 * sender waits, using no CPU, until the receiver makes room, and then every
 * message arrives once and in order. */
#include "ktest.h"

/* expect:
queue limit 5: sixth send EWOULDBLOCK
receiver got 40 messages in order
test backpressure: PASS
*/

static uint32_t msg[64], buf[64];

int main(void)
{
    ktest_begin("backpressure");
    int port = av_port_allocate();
    CHECK_RC(av_port_make_send(port), 0);
    for (uint32_t i = 0; i < 5; i++) {
        av_msg_init(msg, port, AV_DISP_COPY_SEND, 0, 0, i);
        CHECK_RC(av_msg_send(msg, AV_NONBLOCK, 0), 0);
    }
    av_msg_init(msg, port, AV_DISP_COPY_SEND, 0, 0, 5);
    CHECK_RC(av_msg_send(msg, AV_NONBLOCK, 0), -AV_EWOULDBLOCK);
    printf("queue limit 5: sixth send EWOULDBLOCK\n");
    for (uint32_t i = 0; i < 5; i++)
        CHECK_RC(av_msg_receive(buf, sizeof buf, port, 0, 0, 0), 0);
    int c = av_fork();
    if (c == 0) {
        for (uint32_t i = 0; i < 40; i++) {
            av_msg_init(msg, port, AV_DISP_COPY_SEND, 0, 0, i);
            av_msg_add_words(msg, &i, 1);
            CHECK_RC(av_msg_send(msg, 0, 0), 0);   /* blocks while the queue is full */
        }
        av_exit(0);
    }
    for (uint32_t i = 0; i < 40; i++) {
        if (i % 8 == 0)
            for (int k = 0; k < 3; k++)
                av_yield();                         /* let the sender fill the queue */
        CHECK_RC(av_msg_receive(buf, sizeof buf, port, 0, 0, 0), 0);
        CHECK(((struct av_msg_header *)buf)->id == i, "got %lu wanted %lu",
              (unsigned long)((struct av_msg_header *)buf)->id, (unsigned long)i);
    }
    printf("receiver got 40 messages in order\n");
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "sender status %d", st);
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("backpressure");
    return 0;
}
