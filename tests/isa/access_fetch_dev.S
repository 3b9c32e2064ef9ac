/*
 * Only RAM and the boot ROM hold code: jumping into a device window (the
 * CLINT, the UART, the test finisher) raises instruction access fault
 * (cause 1) on the fetch, mepc = mtval = the target, as for an unmapped
 * address (access_fetch.S). (The SoC also keeps the request from the
 * device, so a fetch never pops the UART's receive register.)
 *
 * QEMU: no - QEMU 7.2 faults the CLINT's fetch but executes the word the UART returns (an illegal instruction, cause 2).
 */
#include "test.h"
#include "fetch.h"

TEST_BEGIN
ACC_FETCH(1, 0x02000000)    /* CLINT: msip */
ACC_FETCH(2, 0x0200bff8)    /* CLINT: mtime */
ACC_FETCH(3, 0x10000000)    /* UART: receive buffer */
ACC_FETCH(4, 0x10000004)    /* UART: modem control */
ACC_FETCH(5, 0x00100000)    /* test finisher */
TEST_END
