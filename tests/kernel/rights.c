/* Port rights in messages: move-receive hands a port to another process
 * (queued messages follow it), a send-once reply right is used up by the
 * reply, a receive right cannot be sent to itself, and copy-send/move-send
 * count as they should. */
#include "ktest.h"

/* expect:
receive right to itself refused
receive right moved with its queued message
send-once right used up by the reply
no free names: message kept until there is one
test rights: PASS
*/

static uint32_t msg[64], buf[64];

int main(void)
{
    ktest_begin("rights");
    int ctl = av_port_allocate();              /* the child's mailbox: it gets send... */
    CHECK_RC(av_port_make_send(ctl), 0);
    int c = av_fork();
    if (c == 0) {
        /* child: ask the parent for a port by sending it a reply port */
        int mine = av_port_allocate();
        av_msg_init(msg, ctl, AV_DISP_COPY_SEND, mine, AV_DISP_MAKE_SEND_ONCE, 10);
        CHECK_RC(av_msg_send(msg, 0, 0), 0);
        uint32_t got;
        CHECK_RC(av_msg_receive(buf, sizeof buf, mine, 0, 0, &got), 0);
        struct av_item *it = av_item_first(buf);
        CHECK(it && it->kind == AV_ITEM_PORT && it->disp == AV_DISP_PORT_RECEIVE, "item");
        uint32_t moved = ((uint32_t *)av_item_data(it))[0];
        CHECK(av_port_rights(moved) & AV_RIGHT_RECEIVE, "no receive right");
        /* the message queued before the move followed the port */
        CHECK_RC(av_msg_receive(buf, sizeof buf, moved, AV_NONBLOCK, 0, &got), 0);
        CHECK(((struct av_msg_header *)buf)->id == 77, "queued message");
        printf("receive right moved with its queued message\n");
        av_exit(0);
    }
    /* parent: get the request, answer on the send-once reply right */
    CHECK_RC(av_msg_receive(buf, sizeof buf, ctl, 0, 0, 0), 0);
    struct av_msg_header *h = (void *)buf;
    uint32_t reply = h->reply;
    CHECK(AV_MSG_GET_REPLY(h->bits) == AV_DISP_PORT_SEND_ONCE, "reply bits %lx", (unsigned long)h->bits);
    CHECK(av_port_rights(reply) == AV_RIGHT_SENDONCE, "send-once right");
    int gift = av_port_allocate();
    av_msg_init(msg, gift, AV_DISP_MAKE_SEND, 0, 0, 77);
    CHECK_RC(av_msg_send(msg, 0, 0), 0);       /* queued on the port we give away */
    /* a receive right may not travel to itself */
    av_msg_init(msg, gift, AV_DISP_MAKE_SEND, 0, 0, 1);
    uint32_t g = (uint32_t)gift;
    av_msg_add_ports(msg, &g, 1, AV_DISP_MOVE_RECEIVE);
    CHECK_RC(av_msg_send(msg, 0, 0), -AV_EINVAL);
    printf("receive right to itself refused\n");
    av_msg_init(msg, reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, 11);
    av_msg_add_ports(msg, &g, 1, AV_DISP_MOVE_RECEIVE);
    CHECK_RC(av_msg_send(msg, 0, 0), 0);
    CHECK(av_port_rights(gift) == 0, "receive right still here");
    CHECK(av_port_rights(reply) == 0, "send-once right not used up");
    av_msg_init(msg, reply, AV_DISP_MOVE_SEND_ONCE, 0, 0, 12);
    CHECK_RC(av_msg_send(msg, 0, 0), -AV_ENAME);
    int st;
    CHECK_RC(av_wait(c, &st), 0);              /* the child has printed by now */
    CHECK(st == 0, "child status %d", st);
    printf("send-once right used up by the reply\n");
    /* copy-send keeps ours, move-send gives it away */
    int p2 = av_port_allocate();
    CHECK_RC(av_port_make_send(p2), 0);
    av_msg_init(msg, p2, AV_DISP_COPY_SEND, 0, 0, 1);
    uint32_t n2 = (uint32_t)p2;
    av_msg_add_ports(msg, &n2, 1, AV_DISP_MOVE_SEND);
    CHECK_RC(av_msg_send(msg, 0, 0), 0);
    CHECK(av_port_rights(p2) == AV_RIGHT_RECEIVE, "move-send left %d", av_port_rights(p2));
    CHECK_RC(av_msg_receive(buf, sizeof buf, p2, 0, 0, 0), 0);
    CHECK(av_port_rights(p2) == (AV_RIGHT_RECEIVE | AV_RIGHT_SEND), "received send right");
    /* no free names: the receive fails, the message stays queued */
    int extra = av_port_allocate();
    av_msg_init(msg, p2, AV_DISP_MAKE_SEND, 0, 0, 5);
    uint32_t ex = (uint32_t)extra;
    av_msg_add_ports(msg, &ex, 1, AV_DISP_MOVE_RECEIVE);
    CHECK_RC(av_msg_send(msg, 0, 0), 0);
    static int filler[128];
    int nfill = 0, r;
    while ((r = av_port_allocate()) > 0 && nfill < 128)
        filler[nfill++] = r;
    CHECK(r == -AV_ENORIGHTS, "port_allocate %d after %d", r, nfill);
    CHECK_RC(av_msg_receive(buf, sizeof buf, p2, 0, 0, 0), -AV_ENORIGHTS);
    CHECK_RC(av_port_deallocate(filler[--nfill]), 0);
    CHECK_RC(av_msg_receive(buf, sizeof buf, p2, AV_NONBLOCK, 0, 0), 0);
    CHECK(((struct av_msg_header *)buf)->id == 5, "kept message");
    while (nfill > 0)
        CHECK_RC(av_port_deallocate(filler[--nfill]), 0);
    printf("no free names: message kept until there is one\n");
    CHECK_RC(av_port_deallocate(p2), 0);
    CHECK_RC(av_port_deallocate(ctl), 0);
    ktest_end("rights");
    return 0;
}
