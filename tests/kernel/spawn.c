/* Processes from ELF files in the boot image: spawn loads a packed program
 * (text mapped in place, read-only and shared between its instances), wait
 * collects its status, and an unknown name is refused. "-" makes an empty
 * process (address space and ports, no program: the create + destroy
 * benchmark's) that never runs until it is terminated.
 * pack: hello */
#include "ktest.h"

/* expect:
hello from process
hello from process
two instances share their text
empty process: never ran, terminated and reaped
test spawn: PASS
*/

int main(void)
{
    ktest_begin("spawn");
    CHECK_RC(av_spawn("nosuch"), -AV_EINVAL);
    int a = av_spawn("hello");
    CHECK(a > 0, "spawn: %s", av_strerror(a));
    int st = -1;
    CHECK_RC(av_wait(a, &st), 0);
    CHECK(st == 0, "hello status %d", st);
    /* a second instance costs its own data and stack, never a copy of text */
    int f0 = av_free_frames();
    int b = av_spawn("hello");
    CHECK(b > 0, "spawn");
    int used = f0 - av_free_frames();
    CHECK(used > 0 && used <= 8, "spawn used %d frames", used);
    CHECK_RC(av_wait(b, &st), 0);
    printf("two instances share their text\n");
    f0 = av_free_frames();
    int e = av_spawn("-");
    CHECK(e > 0, "empty spawn: %s", av_strerror(e));
    av_yield();                         /* it is not runnable: nothing happens */
    CHECK_RC(av_terminate(e, 7), 0);
    CHECK_RC(av_wait(e, &st), 0);
    CHECK(st == 7, "empty process status %d", st);
    uint32_t nb[16], got;
    CHECK_RC(av_msg_receive(nb, sizeof nb, AV_NAME_NOTIFY, AV_NONBLOCK, 0, &got), 0);
    CHECK(((struct av_msg_header *)nb)->id == AV_NOTICE_PROC_ENDED, "notice");
    CHECK(av_free_frames() == f0, "frames %d, %d before", av_free_frames(), f0);
    printf("empty process: never ran, terminated and reaped\n");
    ktest_end("spawn");
    return 0;
}
