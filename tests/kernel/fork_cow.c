/* Fork is a copy-on-write duplicate: the child sees the parent's data, each
 * side's writes stay its own, and only written pages get copied. */
#include "ktest.h"

/* expect:
child: sum ok
parent: data unchanged after child wrote
child status 7
test fork_cow: PASS
*/

static uint32_t data[4 * 1024] __attribute__((aligned(4096)));  /* four pages of their own */

int main(void)
{
    ktest_begin("fork_cow");
    for (int i = 0; i < 4096; i++)
        data[i] = i * 3u;
    int child = av_fork();
    CHECK(child >= 0, "fork: %s", av_strerror(child));
    if (child == 0) {
        uint32_t s = 0;
        for (int i = 0; i < 4096; i++)
            s += data[i];
        CHECK(s == 3u * 4095 * 4096 / 2, "child sum %lu", (unsigned long)s);
        printf("child: sum ok\n");
        int f = av_free_frames();
        data[0] = 999;                      /* one page copied */
        CHECK(f - av_free_frames() == 1, "write copied %d frames", f - av_free_frames());
        av_exit(7);
    }
    int st = -1;
    CHECK_RC(av_wait(child, &st), 0);
    CHECK(data[0] == 0, "parent sees the child's write");
    printf("parent: data unchanged after child wrote\n");
    printf("child status %d\n", st);
    /* the kernel told our notify port too */
    static uint32_t nb[32];
    CHECK_RC(av_msg_receive(nb, sizeof nb, AV_NAME_NOTIFY, AV_NONBLOCK, 0, 0), 0);
    uint32_t *nw = av_item_data(av_item_first(nb));
    CHECK(((struct av_msg_header *)nb)->id == AV_NOTICE_PROC_ENDED && nw[0] == (uint32_t)child && nw[1] == 7,
          "process-ended notice");
    /* last sharer: the write makes the page writable without a copy */
    int f = av_free_frames();
    data[1] = 5;
    CHECK(f == av_free_frames(), "last-sharer write copied");
    ktest_end("fork_cow");
    return 0;
}
