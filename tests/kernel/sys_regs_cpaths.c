/* sys_regs.c with every fast path off (boot option cpaths): the page fault
 * is the kernel's C zero-fill and every user TLB miss a cause-24 trap for
 * the C refill, so the traps that are no call take the general path's
 * direct way back too; the registers must come out the same.
 * bootargs: nopreempt cpaths */
/* expect-as: sys_regs */
#include "sys_regs.c"
