/* The smallest process: prints and exits; every frame comes back. Also run
 * with the board's RAM size (the kernel uses only 128 KiB of QEMU's).
 * also: mem=128K */
#include "ktest.h"

/* expect:
test hello: PASS
audit: ok
init exited with status 0
*/

int main(void)
{
    ktest_begin("hello");
    printf("hello from process %d\n", av_port_rights(AV_NAME_SELF));
    ktest_end("hello");
    return 0;
}
