/* Processes from ELF files in the boot image: spawn loads a packed program
 * (text mapped in place, read-only and shared between its instances), wait
 * collects its status, and an unknown name is refused.
 * pack: hello */
#include "ktest.h"

/* expect:
hello from process
hello from process
two instances share their text
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
    ktest_end("spawn");
    return 0;
}
