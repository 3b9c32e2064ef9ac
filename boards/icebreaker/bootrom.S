/*
 * Accent-V iCEBreaker boot ROM (at 0x0000_1000, where the core resets; held
 * in block RAM). Loads the program image from the SPI flash at
 * FLASH_IMAGE_OFFSET (set once, in boards/icebreaker/board.mk), checks it,
 * copies it into RAM and enters it in machine mode with a0 = hart id and
 * a1 = the device tree, as the simulation ROM and QEMU's reset vector do.
 * On a missing or bad image it says why on the UART and waits for the same
 * image format to arrive over the UART instead (see mkimage.py).
 *
 * Image format (little-endian words; mkimage.py is the writer):
 *   0 magic "AVIM"     4 load address   8 load length   12 zero length
 *  16 entry           20 dtb address   24 dtb length   28 data checksum
 *  32 header checksum (over words 0..7)
 * followed by the load bytes (copied to the load address, then "zero
 * length" bytes zeroed after them: the bss) and the dtb bytes (copied to the
 * dtb address). All lengths and addresses are multiples of 4.
 * Checksum: c = 0xA5A5A5A5; for each word w: c = rol(c, 1) + w.
 *
 * No stack and no RAM use before the copy: everything lives in registers.
 *   s0 SPI base  s1 UART base  s2 word source (flash or UART)  s3 checksum
 *   s4 load  s5 load len  s6 zero len  s7 entry  s8 dtb  s9 dtb len
 */
#include "memmap.h"

#define UART_RBR 0
#define UART_THR 0
#define UART_LSR 5
#define LSR_DR   0x01
#define LSR_THRE 0x20

#define SPI_DATA 0
#define SPI_CTRL 4
#define SPI_N4   0x300          /* DATA write: 4 bytes */

#define CK_SEED  0xA5A5A5A5
#define MAGIC    0x4D495641     /* "AVIM" */
#define RAM_END  (MM_RAM_BASE + RAM_BYTES)

    .section .text
    .globl _start
_start:
    li    s0, MM_SPIFLASH_BASE
    li    s1, MM_UART_BASE
    la    a0, msg_banner
    jal   puts

    /* Wake the flash from deep power-down (0xAB); harmless when awake. */
    li    t0, 1
    sw    t0, SPI_CTRL(s0)
    li    a0, 0xAB
    jal   spi_byte
    sw    zero, SPI_CTRL(s0)
    li    t0, 200               /* tRES1 is 3 us: a few hundred cycles */
1:  addi  t0, t0, -1
    bnez  t0, 1b

    /* READ (0x03) from the image offset; the flash streams from there. */
    li    t0, 1
    sw    t0, SPI_CTRL(s0)
    li    a0, 0x03
    jal   spi_byte
    li    a0, (FLASH_IMAGE_OFFSET >> 16) & 0xFF
    jal   spi_byte
    li    a0, (FLASH_IMAGE_OFFSET >> 8) & 0xFF
    jal   spi_byte
    li    a0, FLASH_IMAGE_OFFSET & 0xFF
    jal   spi_byte
    la    s2, flash_word
    jal   s11, load_image
    sw    zero, SPI_CTRL(s0)
    beqz  a0, enter
    mv    s10, a0
    la    a0, msg_flash
    jal   puts
    mv    a0, s10
    jal   puts                  /* why the flash image was refused */

uart_boot:
    la    a0, msg_uart
    jal   puts
    /* Hunt for the magic byte by byte, so stray bytes before an image (or
     * a broken image) cannot leave the stream out of step. */
    li    a0, 0
    li    t3, MAGIC
1:  lbu   t0, UART_LSR(s1)
    andi  t0, t0, LSR_DR
    beqz  t0, 1b
    lbu   t1, UART_RBR(s1)
    srli  a0, a0, 8
    slli  t1, t1, 24
    or    a0, a0, t1
    bne   a0, t3, 1b
    la    s2, uart_word
    jal   s11, load_after_magic
    beqz  a0, enter
    mv    s10, a0
    la    a0, msg_uartbad
    jal   puts
    mv    a0, s10
    jal   puts
    j     uart_boot

enter:
    la    a0, msg_enter
    jal   puts
    csrr  a0, mhartid
    mv    a1, s8
    jr    s7

/* load_image (return address in s11): reads a header and the data through
 * s2, checking as it goes. Returns a0 = 0 when the image is in RAM, or the
 * address of a message saying what was wrong. */
load_image:
    jalr  s2
    li    t0, MAGIC
    la    t1, msg_nomagic
    bne   a0, t0, fail
/* Entry with the magic word already seen. */
load_after_magic:
    li    s3, CK_SEED
    li    a0, MAGIC
    jal   ck_add
    jalr  s2
    mv    s4, a0
    jal   ck_add
    jalr  s2
    mv    s5, a0
    jal   ck_add
    jalr  s2
    mv    s6, a0
    jal   ck_add
    jalr  s2
    mv    s7, a0
    jal   ck_add
    jalr  s2
    mv    s8, a0
    jal   ck_add
    jalr  s2
    mv    s9, a0
    jal   ck_add
    jalr  s2
    mv    s10, a0               /* data checksum */
    jal   ck_add
    jalr  s2
    la    t1, msg_hdrsum
    bne   a0, s3, fail

    /* Everything must be word aligned and inside RAM. */
    la    t1, msg_range
    or    t0, s4, s5
    or    t0, t0, s6
    or    t0, t0, s8
    or    t0, t0, s9
    andi  t0, t0, 3
    bnez  t0, fail
    li    t2, RAM_BYTES
    bgtu  s5, t2, fail
    bgtu  s6, t2, fail
    bgtu  s9, t2, fail
    li    t2, MM_RAM_BASE
    bltu  s4, t2, fail
    li    t2, RAM_END
    add   t0, s4, s5
    add   t0, t0, s6
    bgtu  t0, t2, fail
    bltu  t0, s4, fail          /* wrapped */
    beqz  s9, 1f
    li    t2, MM_RAM_BASE
    bltu  s8, t2, fail
    li    t2, RAM_END
    add   t0, s8, s9
    bgtu  t0, t2, fail
    bltu  t0, s8, fail
1:
    /* Copy, zero the bss, copy the tree, then compare the checksum. */
    li    s3, CK_SEED
    mv    a2, s4
    add   a3, s4, s5
2:  beq   a2, a3, 3f
    jalr  s2
    sw    a0, 0(a2)
    jal   ck_add
    addi  a2, a2, 4
    j     2b
3:  add   a3, a3, s6
4:  beq   a2, a3, 5f
    sw    zero, 0(a2)
    addi  a2, a2, 4
    j     4b
5:  mv    a2, s8
    add   a3, s8, s9
6:  beq   a2, a3, 7f
    jalr  s2
    sw    a0, 0(a2)
    jal   ck_add
    addi  a2, a2, 4
    j     6b
7:  la    t1, msg_datasum
    bne   s3, s10, fail
    fence.i                     /* the image is code we are about to run */
    li    a0, 0
    jr    s11
fail:
    mv    a0, t1
    jr    s11

/* s3 = rol(s3, 1) + a0. Clobbers t0. */
ck_add:
    slli  t0, s3, 1
    srli  s3, s3, 31
    or    s3, s3, t0
    add   s3, s3, a0
    ret

/* a0 = next word of the flash stream (the READ command already sent). */
flash_word:
    li    t0, SPI_N4
    sw    t0, SPI_DATA(s0)
1:  lw    t0, SPI_CTRL(s0)
    bltz  t0, 1b
    lw    a0, SPI_DATA(s0)
    ret

/* Send a0's low byte; a0 = the byte received. Clobbers t0. */
spi_byte:
    sw    a0, SPI_DATA(s0)
1:  lw    t0, SPI_CTRL(s0)
    bltz  t0, 1b
    lw    a0, SPI_DATA(s0)
    srli  a0, a0, 24
    ret

/* a0 = next word from the UART, least significant byte first. Clobbers
 * t0-t2. */
uart_word:
    li    a0, 0
    li    t2, 0
1:  lbu   t0, UART_LSR(s1)
    andi  t0, t0, LSR_DR
    beqz  t0, 1b
    lbu   t1, UART_RBR(s1)
    sll   t1, t1, t2
    or    a0, a0, t1
    addi  t2, t2, 8
    li    t0, 32
    bne   t2, t0, 1b
    ret

/* Print the NUL-terminated string at a0. Clobbers a0, t0, t1. */
puts:
1:  lbu   t1, 0(a0)
    beqz  t1, 3f
2:  lbu   t0, UART_LSR(s1)
    andi  t0, t0, LSR_THRE
    beqz  t0, 2b
    sb    t1, UART_THR(s1)
    addi  a0, a0, 1
    j     1b
3:  ret

    .section .rodata
msg_banner:   .asciz "Accent-V boot ROM (iCEBreaker)\r\n"
msg_flash:    .asciz "boot: flash: "
msg_uartbad:  .asciz "boot: uart: "
msg_nomagic:  .asciz "no image (bad magic)\r\n"
msg_hdrsum:   .asciz "bad image (header checksum)\r\n"
msg_range:    .asciz "bad image (outside RAM or unaligned)\r\n"
msg_datasum:  .asciz "bad image (data checksum)\r\n"
msg_uart:     .asciz "boot: waiting for an image on the UART\r\n"
msg_enter:    .asciz "boot: image loaded, starting\r\n"
