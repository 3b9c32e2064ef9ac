/*
 * picolibc stdio for user programs: one line-buffered stream to the kernel
 * console (SYS_CONSOLE_WRITE). fflush(stdout) empties the buffer.
 */
#include <stdio.h>
#include "av.h"

static char line[128];
static uint32_t used;

static int flush_line(FILE *f)
{
    (void)f;
    if (used)
        av_console_write(line, used);
    used = 0;
    return 0;
}

static int put(char c, FILE *f)
{
    line[used++] = c;
    if (c == '\n' || used == sizeof line)
        flush_line(f);
    return (unsigned char)c;
}

static FILE console = FDEV_SETUP_STREAM(put, NULL, flush_line, _FDEV_SETUP_WRITE);
FILE *const stdin = &console;
FILE *const stdout = &console;
FILE *const stderr = &console;
