/* Which path a null round trip takes, measured: the instructions retired
 * (instret, both processes and the kernel) over 32 RPCs from the forked
 * client to the parent's server in reply-and-receive. On the assembly fast
 * path each round trip runs about 700 kernel instructions; with the round
 * trip's microcode (boot option rtforce, modelled by the ISS:
 * docs/ipc-microcode.md) the two ecalls are two instructions and only the
 * user's side remains, about 100. The test reads its boot options and
 * wants the path they ask for, so a microcode path that silently refuses
 * everything fails (rt_taken_uc.c, on the ISS), and so does one that takes
 * a leg without rtforce. Both must count the same statistics: two messages
 * inline and direct a round trip.
 * bootargs: nopreempt */
/* not-on qemu: QEMU's instret does not count one instruction a step */
#include "ktest.h"

/* expect:
rt: 32 round trips, 64 messages inline, 64 direct
rt: the path the boot options ask for
test rt_taken: PASS
*/

#define N 32
enum { ID_REQ = 1, ID_STOP = 99 };
static uint32_t cmsg[8], cbuf[16], smsg[8], sbuf[16];

static uint32_t instret(void)
{
    uint32_t v;
    __asm__ volatile("csrr %0, instret" : "=r"(v));
    return v;
}

static void client(int port)
{
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    uint32_t got;
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, ID_REQ);
    CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);      /* warm */
    struct av_stats s0, s1;
    CHECK_RC(av_stats(&s0), 0);
    uint32_t i0 = instret();
    for (int i = 0; i < N; i++) {
        CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
        CHECK(got == sizeof(struct av_msg_header), "reply of %u bytes", got);
    }
    uint32_t per = (instret() - i0) / N;
    CHECK_RC(av_stats(&s1), 0);
    printf("rt: %d round trips, %u messages inline, %u direct\n", N,
           (unsigned)(s1.msgs_inline - s0.msgs_inline), (unsigned)(s1.msgs_direct - s0.msgs_direct));
    char args[96];
    int n = av_bootargs(args, sizeof args - 1);
    args[n > 0 ? n : 0] = 0;
    /* the kernel loads the routine with the fast paths (not on QEMU) and
     * turns it on unless told rtasm; rtforce turns it on for the ISS */
    int on = strstr(args, "rtasm") == NULL;
    CHECK(on ? per < 200 : per > 400, "%u instructions a round trip with the path %s", (unsigned)per,
          on ? "on" : "off");
    printf("rt: the path the boot options ask for\n");
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, 0, 0, ID_STOP);
    CHECK_RC(av_msg_send(cmsg, 0, 0), 0);
    av_exit(0);
}

int main(void)
{
    ktest_begin("rt_taken");
    int port = ktest_port();
    int c = ktest_fork_client(client, port);
    void *reply = 0;
    for (;;) {
        uint32_t got;
        CHECK_RC(av_msg_reply_receive(reply, sbuf, sizeof sbuf, port, 0, 0, &got), 0);
        struct av_msg_header *h = (struct av_msg_header *)sbuf;
        if (h->id == ID_STOP)
            break;
        av_msg_init(smsg, h->reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, h->id);
        reply = smsg;
    }
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "client status %d", st);
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("rt_taken");
    return 0;
}
