/* exit0: a program that ends at once. The kernel benchmark spawns it to
 * time a whole process life from its ELF image: create, load, run to exit,
 * destroy. (It ends by av_exit, not by returning: picolibc's exit would
 * pull in stdio's teardown.) */
#include "av.h"

int main(void)
{
    av_exit(0);
}
