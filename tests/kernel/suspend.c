/* Suspend and resume through the process port: a suspended process gets no
 * CPU (its counter, read through the port, stands still) and runs again
 * after resume. */
#include "ktest.h"

/* expect:
suspended: counter stood still
resumed: counter moved
test suspend: PASS
*/

static uint32_t msg[64], buf[64];
static volatile uint32_t counter;

static int request(int proc, int reply, uint32_t id, const uint32_t *w, uint32_t n, uint32_t *val)
{
    av_msg_init(msg, proc, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, id);
    if (n)
        av_msg_add_words(msg, w, n);
    uint32_t got;
    int r = av_msg_rpc(msg, buf, sizeof buf, 0, 0, &got);
    if (r)
        return r;
    struct av_item *it = av_item_first(buf);
    uint32_t *rw = av_item_data(it);
    struct av_item *b = av_item_next(buf, it);
    if (val && b)
        *val = *(uint32_t *)av_item_data(b);
    return (int)rw[0];
}

static uint32_t child_counter(int c, int reply)
{
    uint32_t w[2] = { (uint32_t)&counter, 4 }, v = 0;
    CHECK_RC(request(c, reply, AV_REQ_READ_MEM, w, 2, &v), 0);
    return v;
}

static void spin_yield(int n)
{
    for (int i = 0; i < n; i++)
        av_yield();
}

int main(void)
{
    ktest_begin("suspend");
    int c = av_fork();
    if (c == 0)
        for (;;)
            counter++;                          /* no system calls: preemption only */
    int reply = av_port_allocate();
    uint32_t t0 = av_time_us();
    while (child_counter(c, reply) == 0 && av_time_us() - t0 < 5000000)
        spin_yield(1);
    CHECK(child_counter(c, reply) != 0, "child never ran");
    CHECK_RC(request(c, reply, AV_REQ_SUSPEND, 0, 0, 0), 0);
    uint32_t a = child_counter(c, reply);
    spin_yield(20);
    uint32_t b = child_counter(c, reply);
    CHECK(a == b, "suspended child ran: %lu -> %lu", (unsigned long)a, (unsigned long)b);
    printf("suspended: counter stood still\n");
    CHECK_RC(request(c, reply, AV_REQ_RESUME, 0, 0, 0), 0);
    t0 = av_time_us();
    while (child_counter(c, reply) == b && av_time_us() - t0 < 5000000)
        spin_yield(1);
    CHECK(child_counter(c, reply) != b, "resumed child did not run");
    printf("resumed: counter moved\n");
    CHECK_RC(av_terminate(c, 5), 0);
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 5, "status %d", st);
    CHECK_RC(av_port_deallocate(reply), 0);
    ktest_end("suspend");
    return 0;
}
