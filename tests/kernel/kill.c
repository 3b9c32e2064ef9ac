/* Operations on a process go through its port: the parent terminates a child
 * blocked forever by a typed request to the child's process port (with a
 * reply), suspends and resumes another, and the child's frames and rights
 * all come back. */
#include "ktest.h"

/* expect:
vm_allocate request in the child: ok
registers and memory through the process port: ok
terminate request replied 0
child status 42
test kill: PASS
*/

static uint32_t msg[64], buf[256];
static volatile uint32_t secret = 0x1234abcd;

int main(void)
{
    ktest_begin("kill");
    int c = av_fork();
    if (c == 0) {
        int p = av_port_allocate();
        uint32_t a = 0;
        av_vm_allocate(AV_NAME_SELF, &a, 1 << 20, AV_VM_ANYWHERE);
        memset((void *)a, 9, 1 << 20);
        av_msg_receive(buf, sizeof buf, p, 0, 0, 0);   /* blocks forever */
        av_exit(1);
    }
    for (int i = 0; i < 10; i++)
        av_yield();
    int reply = av_port_allocate();
    /* a vm_allocate request to the child's port */
    uint32_t w[3] = { 0, 65536, AV_VM_ANYWHERE };
    av_msg_init(msg, c, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, AV_REQ_VM_ALLOCATE);
    av_msg_add_words(msg, w, 3);
    uint32_t got;
    CHECK_RC(av_msg_rpc(msg, buf, sizeof buf, 0, 0, &got), 0);
    uint32_t *rw = av_item_data(av_item_first(buf));
    CHECK(rw[0] == 0 && rw[1] != 0, "vm_allocate reply %ld %lx", (long)rw[0], (unsigned long)rw[1]);
    printf("vm_allocate request in the child: ok\n");
    /* registers: poll until the child waits in its receive (an ecall in our text) */
    struct av_item *ri;
    uint32_t *regs;
    for (int tries = 0;; tries++) {
        av_msg_init(msg, c, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, AV_REQ_GET_REGS);
        CHECK_RC(av_msg_rpc(msg, buf, sizeof buf, 0, 0, &got), 0);
        ri = av_item_next(buf, av_item_first(buf));
        regs = av_item_data(ri);
        CHECK(ri->kind == AV_ITEM_BYTES && av_item_len(ri) == 128, "regs item");
        if (regs[17] == SYS_MSG_RECEIVE || tries == 10000)
            break;
        av_yield();
    }
    CHECK(regs[0] >= 0x10000 && regs[0] < 0x400000 && regs[17] == SYS_MSG_RECEIVE,
          "pc %lx a7 %lu", (unsigned long)regs[0], (unsigned long)regs[17]);
    /* set registers: a callee-saved register the child does not touch */
    static uint32_t nr[32];
    memcpy(nr, regs, sizeof nr);
    nr[27] = 0xfeedf00d;                            /* s11 */
    av_msg_init(msg, c, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, AV_REQ_SET_REGS);
    av_msg_add_words(msg, 0, 0);
    av_msg_add_bytes(msg, nr, sizeof nr);
    CHECK_RC(av_msg_rpc(msg, buf, sizeof buf, 0, 0, &got), 0);
    CHECK(((uint32_t *)av_item_data(av_item_first(buf)))[0] == 0, "set_regs rc");
    av_msg_init(msg, c, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, AV_REQ_GET_REGS);
    CHECK_RC(av_msg_rpc(msg, buf, sizeof buf, 0, 0, &got), 0);
    regs = av_item_data(av_item_next(buf, av_item_first(buf)));
    CHECK(regs[27] == 0xfeedf00d, "s11 %lx", (unsigned long)regs[27]);
    /* memory: write the child's copy of secret, read it back; ours is unchanged */
    uint32_t wa[1] = { (uint32_t)&secret }, nv = 0x5555aaaa;
    av_msg_init(msg, c, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, AV_REQ_WRITE_MEM);
    av_msg_add_words(msg, wa, 1);
    av_msg_add_bytes(msg, &nv, 4);
    CHECK_RC(av_msg_rpc(msg, buf, sizeof buf, 0, 0, &got), 0);
    CHECK(((uint32_t *)av_item_data(av_item_first(buf)))[0] == 0, "write_mem rc");
    uint32_t ra[2] = { (uint32_t)&secret, 4 };
    av_msg_init(msg, c, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, AV_REQ_READ_MEM);
    av_msg_add_words(msg, ra, 2);
    CHECK_RC(av_msg_rpc(msg, buf, sizeof buf, 0, 0, &got), 0);
    ri = av_item_next(buf, av_item_first(buf));
    CHECK(ri && *(uint32_t *)av_item_data(ri) == 0x5555aaaa && secret == 0x1234abcd, "read_mem");
    ra[0] = 0x80000000u;                            /* kernel memory: refused */
    av_msg_init(msg, c, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, AV_REQ_READ_MEM);
    av_msg_add_words(msg, ra, 2);
    CHECK_RC(av_msg_rpc(msg, buf, sizeof buf, 0, 0, &got), 0);
    CHECK((int)((uint32_t *)av_item_data(av_item_first(buf)))[0] == -AV_EFAULT, "kernel read");
    printf("registers and memory through the process port: ok\n");
    uint32_t status = 42;
    av_msg_init(msg, c, AV_DISP_COPY_SEND, reply, AV_DISP_MAKE_SEND_ONCE, AV_REQ_TERMINATE);
    av_msg_add_words(msg, &status, 1);
    CHECK_RC(av_msg_rpc(msg, buf, sizeof buf, 0, 0, &got), 0);
    struct av_msg_header *h = (void *)buf;
    rw = av_item_data(av_item_first(buf));
    CHECK(h->id == (AV_REQ_TERMINATE | AV_REQ_REPLY_BIT), "reply id %lx", (unsigned long)h->id);
    printf("terminate request replied %ld\n", (long)rw[0]);
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    printf("child status %d\n", st);
    CHECK(st == 42, "status");
    /* terminating a dead process's port: the name is gone after wait */
    CHECK_RC(av_terminate(c, 0), -AV_ENAME);
    CHECK_RC(av_port_deallocate(reply), 0);
    ktest_end("kill");
    return 0;
}
