/* Self-modifying code on a copy-on-write page: a forked child runs code from
 * a page it shares copy-on-write with its parent, and that code stores a new
 * instruction a few words ahead of itself into its own page (the fault that
 * copies the page the program is executing from), executes fence.i as the
 * specification asks before running stored instructions, and then runs the
 * changed instruction. After the copy every fetch must come from the new
 * frame: a core that kept translating the code page to the old frame would
 * run the old instruction (the microcode copy-on-write fast path did, before
 * it forgot the fetch page register). The parent's page keeps the old code;
 * then the parent, as the last sharer, patches its own page the same way. */
#include "ktest.h"

/* expect:
child: the patched instruction ran
parent: own copy unchanged
parent: patched as the last sharer
test cow_selfmod: PASS
*/

/* The routine, as instruction words (RV32I): a0 = address of the word to
 * patch, a1 = the instruction to put there; returns what that word leaves
 * in a0 when it runs. */
#define I_ADDI_A0_1 0x00100513u     /* addi a0, x0, 1 */
#define I_ADDI_A0_2 0x00200513u     /* addi a0, x0, 2 */
static const uint32_t code[] = {
    0x00b52023u,                    /* sw a1, 0(a0)    the copy-on-write fault */
    0x0000100fu,                    /* fence.i */
    0x00000013u,                    /* nop */
    I_ADDI_A0_1,                    /* the word patched (index 3) */
    0x00008067u,                    /* ret */
};
#define PATCH 3
#define OFF   0x400u                /* the routine's place in its page */

typedef uint32_t (*patch_fn)(volatile uint32_t *word, uint32_t insn);

static uint32_t run(uint32_t page, uint32_t insn)
{
    __asm__ volatile("fence.i" ::: "memory");   /* the code was written as data */
    patch_fn f = (patch_fn)(uintptr_t)(page + OFF);
    return f((volatile uint32_t *)(page + OFF + 4 * PATCH), insn);
}

int main(void)
{
    ktest_begin("cow_selfmod");
    uint32_t page = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &page, 4096, AV_VM_ANYWHERE), 0);
    memcpy((void *)(page + OFF), code, sizeof code);
    CHECK_RC(av_vm_protect(AV_NAME_SELF, page, 4096, AV_PROT_READ | AV_PROT_WRITE | AV_PROT_EXEC), 0);
    volatile uint32_t *word = (volatile uint32_t *)(page + OFF + 4 * PATCH);
    int child = av_fork();          /* the page is now shared copy-on-write */
    CHECK(child >= 0, "fork: %s", av_strerror(child));
    if (child == 0) {
        int f = av_free_frames();
        uint32_t r = run(page, I_ADDI_A0_2);
        CHECK(*word == I_ADDI_A0_2, "the store did not land: %08lx", (unsigned long)*word);
        CHECK(r == 2, "the old instruction ran (a0 = %lu): fetched from the old frame", (unsigned long)r);
        CHECK(f - av_free_frames() == 1, "the store copied %d frames", f - av_free_frames());
        printf("child: the patched instruction ran\n");
        av_exit((int)r);
    }
    int st = -1;
    CHECK_RC(av_wait(child, &st), 0);
    CHECK(st == 2, "child status %d", st);
    CHECK(*word == I_ADDI_A0_1, "the child's store reached the parent: %08lx", (unsigned long)*word);
    /* the parent's own copy still holds the old instruction: it runs it and
     * then writes it back unchanged (the last sharer: no copy) */
    CHECK(run(page, I_ADDI_A0_1) == 1, "the parent's code changed");
    printf("parent: own copy unchanged\n");
    int f = av_free_frames();
    CHECK(run(page, I_ADDI_A0_2) == 2, "the parent's patch did not run");
    CHECK(f == av_free_frames(), "the last sharer's store copied");
    printf("parent: patched as the last sharer\n");
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, page, 4096), 0);
    ktest_end("cow_selfmod");
    return 0;
}
