/*
 * User start: the kernel has set sp, mapped data and left bss as zero-fill
 * pages, so there is nothing to copy or clear. Point tp at the TLS block,
 * run constructors, call main and exit with its value.
 */
    .section .text.init.enter, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la a0, __tls_base
    call _set_tls
    call __libc_init_array
    li a0, 0
    li a1, 0
    call main
    call exit
1:  j 1b
