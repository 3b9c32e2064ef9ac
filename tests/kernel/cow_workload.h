/* The copy-on-write workload that cpaths.c and fastpaths.c both run, so the
 * C paths and the fast paths are checked against the same behaviour: 64 KiB
 * touched (zero-fill), a fork (copy-on-write), the child changes its copy and
 * sends it out of line; both sides must then see exactly their own bytes. */
static uint32_t cow_msg[64], cow_buf[64];

static void cow_workload(void)
{
    uint32_t a = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 64 * 1024, AV_VM_ANYWHERE), 0);
    uint8_t *p = (uint8_t *)a;
    for (uint32_t i = 0; i < 64 * 1024; i++)
        p[i] = (uint8_t)(i * 5);
    int port = av_port_allocate();
    CHECK_RC(av_port_make_send(port), 0);
    int c = av_fork();
    if (c == 0) {
        for (uint32_t i = 0; i < 64 * 1024; i += 4096)
            p[i] ^= 0xff;
        av_msg_init(cow_msg, port, AV_DISP_COPY_SEND, 0, 0, 1);
        av_msg_add_ool(cow_msg, p, 64 * 1024, 0);
        CHECK_RC(av_msg_send(cow_msg, 0, 0), 0);
        av_exit(0);
    }
    CHECK_RC(av_msg_receive(cow_buf, sizeof cow_buf, port, 0, 0, 0), 0);
    uint8_t *q = (uint8_t *)av_item_addr(av_item_first(cow_buf));
    for (uint32_t i = 0; i < 64 * 1024; i++)
        CHECK(q[i] == (uint8_t)((i * 5) ^ (i % 4096 ? 0 : 0xff)), "byte %lu", (unsigned long)i);
    for (uint32_t i = 0; i < 64 * 1024; i++)
        CHECK(p[i] == (uint8_t)(i * 5), "parent byte %lu", (unsigned long)i);
    int st;
    CHECK_RC(av_wait(c, &st), 0);
}
