/* The differential workload (issue 8, "What it must show"): the same
 * program runs in images whose fast paths are all in C (boot option cpaths:
 * diff_c.c, diff_dry_c.c) and all in microcode (the default: diff_uc.c,
 * diff_dry_uc.c), with preemption off so both pop frames in the same order.
 * Each file expects the same output: every process prints a checksum of all
 * its memory the workload touched and the free-frame count at fixed points,
 * then the faults by kind and the pages given a frame (the statistics count
 * what the microcode served as well as what C served), and the kernel's
 * audit at the end checks the frame table against every page table. The dry runs boot with little RAM, so the free stack runs dry
 * in the middle (a child fills memory until the kernel stops it); their
 * free counts follow the kernel's size (its frame tables share its last page),
 * so a kernel that grows past a page moves both twins' figures together. */
static uint32_t dw_msg[64], dw_buf[64];

/* The faults of each kind since boot, whoever served them (the C handlers
 * or the microcode's routines, which count their own), and the pages ever
 * given a frame and copied by a fault: the same in every twin. */
static inline void dw_stats(void)
{
    struct av_stats s;
    CHECK_RC(av_stats(&s), 0);
    printf("dw: faults zero-fill %lu, copy %lu, last sharer %lu; pages given a frame %lu, copied %lu\n",
           (unsigned long)(s.faults[AV_FAULT_ZFILL] + s.faults_fast[AV_FAULT_ZFILL]),
           (unsigned long)(s.faults[AV_FAULT_COW_COPY] + s.faults_fast[AV_FAULT_COW_COPY]),
           (unsigned long)(s.faults[AV_FAULT_COW_LAST] + s.faults_fast[AV_FAULT_COW_LAST]),
           (unsigned long)s.pages_framed, (unsigned long)s.pages_cow_copied);
}

#define DW_PAGES 24u

static inline uint32_t dw_sum(const uint8_t *p, uint32_t n)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

static inline void dw_workload(void)
{
    uint32_t a = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, DW_PAGES * 4096, AV_VM_ANYWHERE), 0);
    uint8_t *p = (uint8_t *)a;
    /* zero-fill: every page, each only in part */
    for (uint32_t pg = 0; pg < DW_PAGES; pg++)
        for (uint32_t i = 0; i < 512; i++)
            p[pg * 4096 + i * 3] = (uint8_t)(pg * 7 + i);
    printf("dw: filled, sum %08lx, free %d\n", (unsigned long)dw_sum(p, DW_PAGES * 4096), av_free_frames());
    int port = av_port_allocate();
    CHECK_RC(av_port_make_send(port), 0);
    int c = av_fork();
    if (c == 0) {
        /* copy-on-write with copy: every other page */
        for (uint32_t pg = 0; pg < DW_PAGES; pg += 2)
            p[pg * 4096 + 100] ^= 0x5a;
        printf("dw: child sum %08lx, free %d\n", (unsigned long)dw_sum(p, DW_PAGES * 4096), av_free_frames());
        /* out of line (remap) */
        av_msg_init(dw_msg, port, AV_DISP_COPY_SEND, 0, 0, 1);
        av_msg_add_ool(dw_msg, p, DW_PAGES * 4096, 0);
        CHECK_RC(av_msg_send(dw_msg, 0, 0), 0);
        av_exit(0);
    }
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    CHECK(st == 0, "child status %d", st);
    CHECK_RC(av_msg_receive(dw_buf, sizeof dw_buf, port, 0, 0, 0), 0);
    uint8_t *q = (uint8_t *)av_item_addr(av_item_first(dw_buf));
    printf("dw: received sum %08lx, free %d\n", (unsigned long)dw_sum(q, DW_PAGES * 4096), av_free_frames());
    /* copy-on-write as the last sharer (the child is gone) and with copy
     * (the parent's own pages share frames with the received ones) */
    for (uint32_t pg = 0; pg < DW_PAGES; pg++) {
        q[pg * 4096 + 200] += 1;
        p[pg * 4096 + 300] -= 1;
    }
    printf("dw: parent sum %08lx, received sum %08lx, free %d\n", (unsigned long)dw_sum(p, DW_PAGES * 4096),
           (unsigned long)dw_sum(q, DW_PAGES * 4096), av_free_frames());
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, (uint32_t)q, DW_PAGES * 4096), 0);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, a, DW_PAGES * 4096), 0);
    CHECK_RC(av_port_deallocate(port), 0);
    printf("dw: released, free %d\n", av_free_frames());
    dw_stats();
}

/* A child touches a big region page by page until the kernel stops it for
 * want of memory: the free stack runs dry under the fast path and the C
 * handler alike. */
static inline void dw_dry(void)
{
    int c = av_fork();
    if (c == 0) {
        uint32_t a = 0;
        CHECK_RC(av_vm_allocate(AV_NAME_SELF, &a, 512 * 4096, AV_VM_ANYWHERE), 0);
        for (uint32_t pg = 0; pg < 512; pg++) {
            ((volatile uint8_t *)a)[pg * 4096 + pg] = (uint8_t)pg;
            if (pg % 8 == 7)
                printf("dw: child touched %lu pages\n", (unsigned long)pg + 1);
        }
        av_exit(0);
    }
    int st;
    CHECK_RC(av_wait(c, &st), 0);
    printf("dw: child status %d, free %d\n", st, av_free_frames());
    dw_stats();
}
