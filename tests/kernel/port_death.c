/* Port death: destroying a receive right wakes a sender blocked on its full
 * queue with EDEAD, destroys the queued messages (and the rights and memory
 * they carry), turns every holder's name into a dead name and sends each
 * holder a notice; a process's death kills its ports the same way. */
#include "ktest.h"

/* expect:
queued memory returned
blocked sender woke with EDEAD
notice: port deleted
name is dead
test port_death: PASS
*/

static uint32_t msg[256], buf[256];

int main(void)
{
    ktest_begin("port_death");
    int port = ktest_port();
    CHECK_RC(av_port_qlimit(port, 1), 0);
    int c = av_fork();
    if (c == 0) {
        /* fill the queue (limit 1), then block on the second send */
        av_msg_init(msg, port, AV_DISP_COPY_SEND, 0, 0, 1);
        CHECK_RC(av_msg_send(msg, 0, 0), 0);
        av_msg_init(msg, port, AV_DISP_COPY_SEND, 0, 0, 2);
        int r = av_msg_send(msg, 0, 0);
        if (r == -AV_EDEAD)
            printf("blocked sender woke with EDEAD\n");
        CHECK_RC(r, -AV_EDEAD);
        /* the kernel tells us the name died */
        uint32_t got;
        CHECK_RC(av_msg_receive(buf, sizeof buf, AV_NAME_NOTIFY, 0, 0, &got), 0);
        struct av_msg_header *h = (void *)buf;
        struct av_item *it = av_item_first(buf);
        CHECK(h->id == AV_NOTICE_PORT_DELETED && ((uint32_t *)av_item_data(it))[0] == (uint32_t)port,
              "notice id %lx", (unsigned long)h->id);
        printf("notice: port deleted\n");
        CHECK(av_port_rights(port) == AV_RIGHT_DEAD, "rights %d", av_port_rights(port));
        CHECK_RC(av_msg_send(msg, 0, 0), -AV_EDEAD);
        printf("name is dead\n");
        CHECK_RC(av_port_deallocate(port), 0);
        CHECK(av_port_rights(port) == 0, "dead name not freed");
        av_exit(0);
    }
    /* the child fills the queue and blocks on its second send */
    for (int i = 0; i < 20; i++)
        av_yield();
    /* a queued message holding memory and a receive right dies with the port */
    memset(msg, 0, sizeof msg);              /* our own pages (and the stdio buffer, */
    printf("counting frames\n");            /* shared with the child) touched first */
    int free0 = av_free_frames();
    int inner = av_port_allocate();
    uint32_t a = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 65536, AV_VM_ANYWHERE), 0);
    memset((void *)a, 1, 65536);
    int other = av_port_allocate();
    CHECK_RC(av_port_qlimit(other, 4), 0);
    av_msg_init(msg, other, AV_DISP_MAKE_SEND, 0, 0, 3);
    av_msg_add_ool(msg, (void *)a, 65536, 1);
    uint32_t names[1] = { (uint32_t)inner };
    av_msg_add_ports(msg, names, 1, AV_DISP_MOVE_RECEIVE);
    CHECK_RC(av_msg_send(msg, 0, 0), 0);
    CHECK(av_port_rights(inner) == 0, "receive right did not move");
    CHECK_RC(av_port_deallocate(other), 0);
    CHECK(av_free_frames() == free0, "frames lost: %d", free0 - av_free_frames());
    printf("queued memory returned\n");
    CHECK_RC(av_port_deallocate(port), 0);    /* wakes the blocked child */
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "child status %d", st);
    ktest_end("port_death");
    return 0;
}
