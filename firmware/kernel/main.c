/*
 * Kernel start (S mode, paging off): learn the machine from the device tree,
 * lay out the frame table and free stack right after the kernel, publish them
 * to the fast paths, build the kernel map, start "init" from the packed
 * programs and schedule. When the last process ends, print the statistics,
 * audit every frame and stop the machine through the test finisher.
 */
#include <string.h>
#include "kernel.h"
#include "riscv.h"
#include "memmap.h"
#include "av_sbi.h"
#include "pack.h"

extern char _end[], _kernel_end[], _kernel_size_end[], _kstack_top[];
struct bootinfo boot;
uint32_t fastpaths;
int has_fpcsrs;
int32_t init_status;
void machine_finish(uint32_t code)
{
    /* its physical address, or once paging is on the kernel's alias */
    volatile uint32_t *finisher = (volatile uint32_t *)(MM_FINISHER_BASE + (csr_read(CSR_SATP) ? KVA_LOW : 0));
    *finisher = code ? (code << 16) | MM_FINISHER_FAIL : MM_FINISHER_PASS;
    for (;;)
        ;
}

static long sbi_call(uint32_t ext, uint32_t a0, uint32_t a1)
{
    register uint32_t r0 __asm__("a0") = a0;
    register uint32_t r1 __asm__("a1") = a1;
    register uint32_t r6 __asm__("a6") = 0;
    register uint32_t r7 __asm__("a7") = ext;
    __asm__ volatile("ecall" : "+r"(r0), "+r"(r1) : "r"(r6), "r"(r7) : "memory");
    return (long)(int32_t)r0;
}

void sbi_set_timer(uint64_t t) { sbi_call(SBI_EXT_TIME, (uint32_t)t, (uint32_t)(t >> 32)); }
int sbi_load_ucode(uint32_t pa, uint32_t n) { return (int)sbi_call(SBI_EXT_AV_UCODE, pa, n); }

/* Where the first boot option opt of args ends (a whole word, or with
 * !word one that starts with opt, like "mem="), or NULL. */
static const char *opt_at(const char *args, const char *opt, int word)
{
    const char *e;
    for (const char *s = args; s && *s; s++)
        if ((s == args || s[-1] == ' ') && (e = str_skip(s, opt)) && (!word || *e == 0 || *e == ' '))
            return e;
    return NULL;
}
#define has_opt(args, opt) (opt_at(args, opt, 1) != NULL)

/* The fast-path microcode, if the build linked it: the microassembler's
 * image packed two words a microinstruction (tools/uasm/ucpack.py; see
 * firmware/kernel/README.md). */
extern const uint32_t av_ucode_fastpaths[] __attribute__((weak));
extern const uint32_t av_ucode_fastpaths_count __attribute__((weak));
/* The round trip's routine, a second image past the kernel stack page
 * (.rtimage, kernel.ld): loaded once, before frames_setup, which then puts
 * its tables there or frees those pages. Only the VM image stays resident
 * (fpswitch reloads it); on or off afterwards is rt_blk.go alone. Both
 * images come from one object (fastpaths.o): the VM one's test covers it. */
extern const uint32_t av_ucode_rt[] __attribute__((weak));
extern const uint32_t av_ucode_rt_count __attribute__((weak));

/* Load the fast paths and enable those loaded; "cpaths" keeps every path,
 * TLB refill included, in C (the differential runs); "fpforce" enables them
 * unloaded, for the ISS, which assumes the standard routines. */
int fp_switching;                     /* tested by utrap before the call */
/* Returns 1 when the round trip's routine is loaded and wanted (not rtasm). */
static int fastpaths_setup(const char *args)
{
    int rt = 0;
    if (!has_fpcsrs)
        return 0;
    if (has_opt(args, "cpaths"))
        csr_write(CSR_FPEN, 0);
    else if (has_opt(args, "fpforce"))         /* the ISS models the routines */
        csr_set(CSR_FPEN, VMC_FP_ZFILL | VMC_FP_COW | VMC_FP_REMAP);
    else if (av_ucode_fastpaths && &av_ucode_fastpaths_count &&
             sbi_load_ucode((uint32_t)av_ucode_fastpaths, av_ucode_fastpaths_count) == 0) {
        csr_set(CSR_FPEN, VMC_FP_ZFILL | VMC_FP_COW | VMC_FP_REMAP);
        rt = sbi_load_ucode((uint32_t)av_ucode_rt, av_ucode_rt_count) == 0 &&
             !has_opt(args, "rtasm");          /* rtasm: loaded, kept off */
    }
    fastpaths = csr_read(CSR_FPEN);
    fp_switching = has_opt(args, "fpswitch") && (fastpaths & VMC_FP_ZFILL);
    return rt;
}

/* "fpswitch" (tests): at every trap from user mode (system call, fault the C
 * handlers serve, software refill) the enabled set of paths steps through all
 * sixteen, and on the step to none the microcode is loaded again, so a
 * workload sees its paths switched between microcode and C, and reloaded,
 * while its processes run. Both sides keep the same tables, so what the
 * processes see must not change. A failed reload leaves every path in C. */
void fastpaths_switch(void)
{
    static uint32_t step;
    uint32_t en = ++step & 0xf;
    csr_write(CSR_FPEN, en);
    if (!en && sbi_load_ucode((uint32_t)av_ucode_fastpaths, av_ucode_fastpaths_count) != 0)
        fp_switching = 0;
    fastpaths = en;
}

static void hold_range(uint32_t pa, uint32_t end)
{
    for (uint32_t ppn = pa >> PAGE_SHIFT; ppn < PG_ROUNDUP(end) >> PAGE_SHIFT; ppn++)
        if (frame_valid(ppn))
            frame_set_count(ppn, 1);
}

/* Lay out: [kernel][&stats][frame table][free stack][held bitmap] then free frames;
 * the tables go in the padding after bss when they fit, else after the
 * kernel stack page that follows the image (which we are running on). */
static void frames_setup(void)
{
    uint32_t base = boot.ram_base >> PAGE_SHIFT, n = boot.ram_size >> PAGE_SHIFT;
    /* small tables go in the padding after bss, before the packed programs */
    uint32_t words = frames_table_words(n) + 2 + n + (n + 31) / 32;
    uint32_t *ft = (uint32_t *)(((uint32_t)_kernel_size_end + 7) & ~3u);
    if ((uint32_t)(ft + words) > (uint32_t)_kernel_end)
        ft = (uint32_t *)_kstack_top + 1;
    /* the word before the table: where the fault routines count (VM contract) */
    ft[-VMC_FT_STATS_BACK / 4] = (uint32_t)&stats;
    uint32_t *fs = ft + frames_table_words(n);
    uint32_t *held = fs + 2 + n;
    uint32_t top = PG_ROUNDUP((uint32_t)(held + (n + 31) / 32));
    if (top < (uint32_t)_kstack_top)
        top = (uint32_t)_kstack_top;
    frames_init(ft, fs, base, n);
    memset(held, 0, (n + 31) / 32 * 4);
    hold_range(boot.ram_base, top);
    /* the device tree is not kept: parsed, and the boot options copied */
    for (uint32_t i = n; i-- > 0;) {
        if (frame_count(base + i) == 0)
            frame_push(base + i);
        else
            held[i / 32] |= 1u << (i % 32);
    }
    kalloc_init(held, boot.ram_size >= (1u << 20) ? 4 : 1);   /* reserve sized from RAM */
    if (has_fpcsrs) {
        csr_write(CSR_FPFRAMES, (uint32_t)ft);
        csr_write(CSR_FPFREE, (uint32_t)fs);
        fastpaths = csr_read(CSR_FPEN);
    }
}

static char bootargs[64];              /* copied: the tree may lie beyond "mem=" */

const char *boot_args(void)
{
    return bootargs[0] ? bootargs : pack_bootargs;
}

void kmain(uint32_t hartid, uint32_t dtb, uint32_t has_wcs)
{
    (void)hartid;
    boot.fdt_addr = dtb;
    if (fdt_parse(dtb, &boot) < 0)
        panic("no usable device tree at %p", dtb);
    /* (bss: the rest stays 0) */
    for (uint32_t i = 0; boot.bootargs && i < sizeof bootargs - 1 && boot.bootargs[i]; i++)
        bootargs[i] = boot.bootargs[i];
    /* "mem=N[K|M]" uses less RAM than the tree gives: a 16 MiB or 128 MiB
     * QEMU can then stand in for the board's 128 KiB */
    const char *m = opt_at(boot_args(), "mem=", 0);
    if (m) {
        uint32_t v = 0;
        for (; *m >= '0' && *m <= '9'; m++)
            v = v * 10 + (uint32_t)(*m - '0');
        v <<= *m == 'K' ? 10 : *m == 'M' ? 20 : 0;
        if (v >= 64 * 1024 && v < boot.ram_size)
            boot.ram_size = v;
    }
    has_fpcsrs = probe_fpcsrs();
    const char *args = boot_args();
    if (has_opt(args, "nopreempt"))
        opt_preempt = 0;
    int rt = fastpaths_setup(args);    /* first: the round trip's image is where frames_setup works */
    frames_setup();
    kvm_init();
    rt_init(rt || has_opt(args, "rtforce"));
    trap_init();
    stats_init();
    proc_init();
    csr_write(CSR_SCOUNTEREN, 0x7);    /* cycle, time, instret; never 3-4 */
    kprintf("Accent-V kernel: RAM %u KiB at %p, timebase %u Hz, %u frames free, "
            "kernel %u bytes + packed programs %u KiB, fast paths %s (fpen %x)%s, preemption %s\n",
            boot.ram_size / 1024, boot.ram_base, boot.timebase, frames_free(),
            (uint32_t)_kernel_size_end - boot.ram_base, ((uint32_t)_end - (uint32_t)_kernel_end) / 1024,
            has_fpcsrs ? "present" : "absent (C handlers)", fastpaths, has_wcs ? ", WCS" : "",
            opt_preempt ? "on" : "off");
    int r = proc_spawn(NULL, "init", 4);
    if (r < 0)
        panic("cannot start init: error %d", r);
    schedule();
}

void shutdown(void)
{
    stats_print();
    if (spare_root)                    /* the spare root and the idle slab back: */
        kpage_free(spare_root);        /* the free count is boot's */
    kalloc_reclaim();
    int bad = audit(1);
    kprintf("init exited with status %d\n", init_status);
    machine_finish(bad ? 0x7f : init_status ? (uint32_t)(init_status & 0xff) : 0);
}
