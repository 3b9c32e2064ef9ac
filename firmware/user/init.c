/*
 * The demo (init of build/fw/kernel.elf): Accent's by-value messages at work.
 * A producer (this process) sends large buffers through a chain of stage
 * processes as copy-on-write out-of-line messages. Each stage checks the
 * whole buffer, changes its own part (copy-on-write faults copy only those
 * pages) and passes it on with deallocate-on-send. Stage 2 forks for every
 * buffer: the child computes on the inherited copy-on-write data and reports
 * through its exit status. At the end the kernel prints its statistics.
 */
#include <stdio.h>
#include <string.h>
#include "av.h"

/* sized from the memory there is: 3 stages and 256 KiB buffers normally,
 * 1 stage (plus its forked child: three processes) and 4 KiB on the board */
static int STAGES = 3, FORK_STAGE = 2;
static uint32_t BUFSIZE = 256 * 1024;
#define BUFFERS  4
#define MAXSTAGES 3
#define PART     (BUFSIZE / 8)               /* the bytes each stage rewrites */
#define ID_HELLO 1
#define ID_CONF  2
#define ID_DATA  3
#define ID_DONE  4

static uint32_t msg[64], buf[64];

static uint8_t expected(uint32_t i, uint32_t n, int after_stage)
{
    /* producer fills i*7+n; stage s rewrites bytes [s*PART, (s+1)*PART) */
    for (int s = after_stage; s >= 1; s--)
        if (i >= (uint32_t)s * PART && i < (uint32_t)(s + 1) * PART)
            return (uint8_t)(s * 31 + i + n);
    return (uint8_t)(i * 7 + n);
}

static int check(const uint8_t *p, uint32_t n, int after_stage)
{
    for (uint32_t i = 0; i < BUFSIZE; i += 61)
        if (p[i] != expected(i, n, after_stage))
            return 0;
    return 1;
}

static void die(const char *what, int r)
{
    printf("demo: %s failed: %s\n", what, av_strerror(r));
    av_exit(1);
}

static void stage(int k, uint32_t reg)
{
    int in = av_port_allocate();
    uint32_t names[1] = { (uint32_t)in };
    av_msg_init(msg, reg, AV_DISP_COPY_SEND, 0, 0, ID_HELLO);
    av_msg_add_words(msg, (uint32_t *)&k, 1);
    av_msg_add_ports(msg, names, 1, AV_DISP_MAKE_SEND);
    int r = av_msg_send(msg, 0, 0);
    if (r)
        die("hello", r);
    if ((r = av_msg_receive(buf, sizeof buf, in, 0, 0, 0)))
        die("config", r);
    uint32_t next = ((uint32_t *)av_item_data(av_item_first(buf)))[0];
    for (;;) {
        if ((r = av_msg_receive(buf, sizeof buf, in, 0, 0, 0)))
            die("receive", r);
        struct av_msg_header *h = (void *)buf;
        if (h->id == ID_DONE)
            break;
        struct av_item *it = av_item_first(buf);
        uint32_t n = ((uint32_t *)av_item_data(it))[0];
        it = av_item_next(buf, it);
        uint8_t *p = (uint8_t *)av_item_addr(it);
        if (!check(p, n, k - 1))
            die("data check", 0);
        if (k == FORK_STAGE) {
            /* the child computes on the inherited (copy-on-write) buffer */
            uint32_t sum = 0;
            for (uint32_t i = 0; i < BUFSIZE; i++)
                sum += p[i];
            int c = av_fork();
            if (c == 0) {
                uint32_t s2 = 0;
                for (uint32_t i = 0; i < BUFSIZE; i++)
                    s2 += p[i];
                if (BUFSIZE > 8192)
                    p[0] ^= 0xff;               /* its own copy only (a frame we lack at 128 KiB) */
                av_exit(s2 == sum ? 0 : 1);
            }
            int st = -1;
            av_wait(c, &st);
            if (st != 0 || !check(p, n, k - 1))
                die("forked child's computation", 0);
        }
        for (uint32_t i = k * PART; i < (uint32_t)(k + 1) * PART; i++)
            p[i] = (uint8_t)(k * 31 + i + n);
        av_msg_init(msg, next, AV_DISP_COPY_SEND, 0, 0, ID_DATA);
        av_msg_add_words(msg, &n, 1);
        av_msg_add_ool(msg, p, BUFSIZE, 1);     /* the pages move on */
        if ((r = av_msg_send(msg, 0, 0)))
            die("forward", r);
    }
    av_msg_init(msg, next, AV_DISP_COPY_SEND, 0, 0, ID_DONE);
    av_msg_send(msg, 0, 0);
    av_exit(0);
}

int main(void)
{
    if (av_free_frames() < 256) {
        STAGES = FORK_STAGE = 1;
        BUFSIZE = 4 * 1024;
    }
    printf("demo: %d stages, %d buffers of %d KiB, by copy-on-write messages\n",
           STAGES, BUFFERS, (int)(BUFSIZE / 1024));
    int reg = av_port_allocate(), result = av_port_allocate();
    av_port_make_send(reg);
    int kids[MAXSTAGES + 1];
    uint32_t port_of[MAXSTAGES + 2];
    for (int k = 1; k <= STAGES; k++) {
        kids[k] = av_fork();
        if (kids[k] == 0)
            stage(k, reg);
        if (kids[k] < 0)
            die("fork", kids[k]);
    }
    for (int k = 1; k <= STAGES; k++) {
        int r = av_msg_receive(buf, sizeof buf, reg, 0, 0, 0);
        if (r)
            die("registration", r);
        struct av_item *it = av_item_first(buf);
        int who = ((int *)av_item_data(it))[0];
        it = av_item_next(buf, it);
        port_of[who] = ((uint32_t *)av_item_data(it))[0];
    }
    /* tell each stage where to send: the next stage, the last one to us */
    port_of[STAGES + 1] = (uint32_t)result;
    for (int k = 1; k <= STAGES; k++) {
        uint32_t next = port_of[k + 1];
        av_msg_init(msg, port_of[k], AV_DISP_COPY_SEND, 0, 0, ID_CONF);
        av_msg_add_ports(msg, &next, 1, k == STAGES ? AV_DISP_MAKE_SEND : AV_DISP_COPY_SEND);
        int r = av_msg_send(msg, 0, 0);
        if (r)
            die("config", r);
    }
    uint32_t t0 = av_time_us();
    int good = 0;
    for (uint32_t n = 0; n < BUFFERS; n++) {
        uint32_t a = 0;
        int r = av_vm_allocate(AV_NAME_SELF, &a, BUFSIZE, AV_VM_ANYWHERE);
        if (r)
            die("allocate", r);
        uint8_t *p = (uint8_t *)a;
        for (uint32_t i = 0; i < BUFSIZE; i++)
            p[i] = (uint8_t)(i * 7 + n);
        av_msg_init(msg, port_of[1], AV_DISP_COPY_SEND, 0, 0, ID_DATA);
        av_msg_add_words(msg, &n, 1);
        av_msg_add_ool(msg, p, BUFSIZE, 0);
        if ((r = av_msg_send(msg, 0, 0)))
            die("send", r);
        /* by value: the stages never see this. Not at 128 KiB: the copy it
         * forces is a frame we lack when the timer lets the stage's forked
         * child run first (seen on the RTL, whose timing differs from the ISS) */
        if (BUFSIZE > 8192)
            memset(p, 0, BUFSIZE);
        av_vm_deallocate(AV_NAME_SELF, a, BUFSIZE);
        if ((r = av_msg_receive(buf, sizeof buf, result, 0, 0, 0)))
            die("result", r);
        struct av_item *it = av_item_next(buf, av_item_first(buf));
        uint8_t *q = (uint8_t *)av_item_addr(it);
        int ok = check(q, n, STAGES);
        good += ok;
        printf("demo: buffer %lu came back %s\n", (unsigned long)n, ok ? "correct" : "WRONG");
        av_vm_deallocate(AV_NAME_SELF, (uint32_t)q, BUFSIZE);
    }
    av_msg_init(msg, port_of[1], AV_DISP_COPY_SEND, 0, 0, ID_DONE);
    av_msg_send(msg, 0, 0);
    av_msg_receive(buf, sizeof buf, result, 0, 0, 0);   /* the DONE from the last stage */
    for (int k = 1; k <= STAGES; k++) {
        int st = -1;
        av_wait(kids[k], &st);
        if (st)
            printf("demo: stage %d ended with %d\n", k, st);
    }
    printf("demo: %d of %d buffers correct, %lu us\n", good, BUFFERS, (unsigned long)(av_time_us() - t0));
    return good == BUFFERS ? 0 : 1;
}
