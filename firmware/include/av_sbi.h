/*
 * The SBI-style calls the M-mode shim serves for the S-mode kernel:
 * ecall with a7 = extension id, a6 = function id, arguments in a0, a1;
 * a0 returns the standard SBI error.
 */
#ifndef AV_SBI_H
#define AV_SBI_H

#define SBI_EXT_TIME      0x54494D45u /* "TIME": set_timer(a0 = lo, a1 = hi);
                                         also clears the pending S timer */
#define SBI_EXT_AV_UCODE  0x0A000000u /* firmware extension: load microcode,
                                         a0 = physical address of {target, lo, hi}
                                         triples, a1 = their number */
#define SBI_SUCCESS            0
#define SBI_ERR_FAILED        -1
#define SBI_ERR_NOT_SUPPORTED -2

#endif
