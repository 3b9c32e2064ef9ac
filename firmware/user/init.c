/* init (for now): the smallest process: prints through the kernel console and exits. */
#include <stdio.h>
#include "av.h"

int main(void)
{
    printf("hello from process, free frames %d\n", av_free_frames());
    return 0;
}
