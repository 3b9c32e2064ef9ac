/*
 * Page tables and pages shared by the Sv32 tests (include after priv.h, at
 * the end of the file): a root table, one level-0 table, and four data pages
 * whose first words hold known values (page N's word k = 0xN000_0000 + k).
 * The tests map test virtual addresses at VA_BASE (priv.h; nothing there
 * physically) onto these pages.
 */

    .data
    .align 12
root:   .space 4096
l0:     .space 4096
root2:  .space 4096
page0:  .word 0x00000000, 0x00000001, 0x00000002, 0x00000003
        .align 12
page1:  .word 0x10000000, 0x10000001, 0x10000002, 0x10000003
        .align 12
page2:  .word 0x20000000, 0x20000001, 0x20000002, 0x20000003
        .align 12
page3:  .word 0x30000000, 0x30000001, 0x30000002, 0x30000003
        .align 12
    .text
