/* The name hint (struct proc name_hint, docs/ipc-microcode.md "Status
 * (session 12)"): no free name slot lies below it, so the round trip's
 * search for the reply right's slot (the microcode's check 19, ipcfast.S,
 * msg.c name_add_once, names.c free_slot) starts there and still takes the
 * lowest free slot. Every way a slot is freed must lower it. Two clients
 * make RPCs to the server (the parent), which waits until both have a
 * request open and answers the older one in each reply-and-receive, so the
 * search also passes over the slot the other request's reply right holds
 * (taken where the hint pointed, which the microcode leaves). Between
 * replies the server frees names below the hint: deallocated ports
 * (name_drop), a send right moved away (name_release), a reply with a body
 * (msg.c name_drop_once), a reply whose header straddles two pages (the
 * microcode refuses it, ipcfast.S drops the right), and takes new ones
 * (free_slot). Each request's reply name must be the lowest slot free when
 * it came. In co-simulation the ISS searches from slot 1: a hint the
 * kernel or the microcode left too high diverges there too.
 * bootargs: nopreempt */
#include "ktest.h"

/* expect:
rt_slothint: 24 requests, each reply right in the lowest free slot
test rt_slothint: PASS
*/

#define M 12                           /* requests per client */
#define PAGE 4096u
enum { ID_STOP = 99 };
static uint32_t smsg[16], sinkmsg[8];

static void client(int port)
{
    static uint32_t cmsg[8], cbuf[32];
    int reply = av_port_allocate();
    CHECK(reply > 0, "reply port %d", reply);
    for (uint32_t i = 1; i <= M; i++) {
        uint32_t got;
        av_msg_init(cmsg, port, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, i);
        CHECK_RC(av_msg_rpc(cmsg, cbuf, sizeof cbuf, 0, 0, &got), 0);
        struct av_msg_header *h = (struct av_msg_header *)cbuf;
        CHECK(h->id == 1000 + i, "reply %u: id %u", (unsigned)i, (unsigned)h->id);
    }
    av_msg_init(cmsg, port, AV_DISP_COPY_SEND, 0, 0, ID_STOP);
    CHECK_RC(av_msg_send(cmsg, 0, 0), 0);
    av_exit(0);
}

/* The lowest free slot once the reply right at freed (0: none) is gone. */
static uint32_t lowest_free(uint32_t freed)
{
    for (uint32_t n = 1;; n++)
        if (n == freed || av_port_rights(n) == 0)
            return n;
}

/* A message to the sink carrying one right of name n (it leaves n). */
static void give(int sink, uint32_t n, uint32_t disp)
{
    av_msg_init(sinkmsg, sink, AV_DISP_COPY_SEND, n, disp, 7);
    CHECK_RC(av_msg_send(sinkmsg, 0, 0), 0);
}

int main(void)
{
    ktest_begin("rt_slothint");
    int port = ktest_port();
    int sink = ktest_port();           /* keeps the rights given away queued */
    int low[6];
    for (int i = 0; i < 6; i++) {      /* names to free (the table grows) */
        low[i] = av_port_allocate();
        CHECK(low[i] > 0, "port %d", low[i]);
    }
    /* a header across two pages, both touched */
    uint32_t two = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &two, 2 * PAGE, AV_VM_ANYWHERE), 0);
    ((volatile uint32_t *)two)[0] = 1;
    ((volatile uint32_t *)(two + PAGE))[0] = 1;
    uint32_t *straddle = (uint32_t *)(two + PAGE - 8);
    int ca = ktest_fork_client(client, port), cb = ktest_fork_client(client, port);

    uint32_t open[2], ids[2], nopen = 0, stops = 0, requests = 0, round = 0;
    static uint32_t buf[32];
    while (stops < 2 || nopen) {
        uint32_t *msg = 0, freed = 0;
        if (nopen && nopen + stops == 2) {
            /* each client waits: the older request's answer; first what
             * this round frees or takes */
            round++;
            if (round == 2)
                CHECK_RC(av_port_deallocate(low[1]), 0);
            if (round == 3) {
                CHECK_RC(av_port_deallocate(low[0]), 0);
                CHECK_RC(av_port_deallocate(low[3]), 0);
            }
            if (round == 4) {
                uint32_t want = lowest_free(0);
                low[0] = av_port_allocate();
                CHECK(low[0] == (int)want, "new port %d, lowest free %u", low[0], (unsigned)want);
            }
            if (round == 5) {
                /* its receive right, then its one send right move away */
                CHECK_RC(av_port_make_send(low[4]), 0);
                give(sink, low[4], AV_DISP_MOVE_RECEIVE);
                CHECK(av_port_rights(low[4]) == AV_RIGHT_SEND, "rights %d", av_port_rights(low[4]));
                give(sink, low[4], AV_DISP_MOVE_SEND);
            }
            if (round == 8) {
                CHECK_RC(av_port_deallocate(low[2]), 0);
                CHECK_RC(av_port_deallocate(low[5]), 0);
            }
            freed = open[0];
            msg = round == 6 ? straddle : smsg;
            av_msg_init(msg, freed, AV_DISP_MOVE_SEND_ONCE, 0, 0, 1000 + ids[0]);
            if (round == 7 || round == 9)
                av_msg_add_bytes(msg, "a body!", 8);
            open[0] = open[1];
            ids[0] = ids[1];
            nopen--;
        }
        uint32_t want = lowest_free(freed), got;
        if (msg) {
            CHECK_RC(av_msg_reply_receive(msg, buf, sizeof buf, port, 0, 0, &got), 0);
        } else {
            CHECK_RC(av_msg_receive(buf, sizeof buf, port, 0, 0, &got), 0);
        }
        struct av_msg_header *h = (struct av_msg_header *)buf;
        if (h->id == ID_STOP) {
            stops++;
            continue;
        }
        requests++;
        CHECK(h->reply == want, "request %u: reply name %u, lowest free %u", (unsigned)requests,
              (unsigned)h->reply, (unsigned)want);
        ids[nopen] = h->id;
        open[nopen++] = h->reply;
    }
    int st;
    CHECK_RC(av_wait(ca, &st), 0);
    CHECK(st == 0, "client status %d", st);
    CHECK_RC(av_wait(cb, &st), 0);
    CHECK(st == 0, "client status %d", st);
    printf("rt_slothint: %u requests, each reply right in the lowest free slot\n", (unsigned)requests);
    CHECK_RC(av_port_deallocate(sink), 0);
    CHECK_RC(av_port_deallocate(port), 0);
    ktest_end("rt_slothint");
    return 0;
}
