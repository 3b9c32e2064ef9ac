/* Lazy allocation: allocating costs no frame (not even a page table); each
 * touched page costs one; deallocating returns them all. */
#include "ktest.h"

/* expect:
allocate 1 MiB: 0 frames
touched 3 pages: 4 frames
test lazy: PASS
audit: ok
*/

int main(void)
{
    ktest_begin("lazy");
    uint32_t addr = 0x01000000;            /* a fresh 4 MiB span: no table yet */
    int f0 = av_free_frames();
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &addr, 1 << 20, 0), 0);
    printf("allocate 1 MiB: %d frames\n", f0 - av_free_frames());
    CHECK(f0 == av_free_frames(), "allocation took frames");
    volatile uint8_t *p = (volatile uint8_t *)addr;
    CHECK(p[0] == 0 && p[4096 * 100] == 0, "zero-fill pages not zero");
    p[4096 * 200 + 7] = 42;
    /* one second-level table plus three pages */
    printf("touched 3 pages: %d frames\n", f0 - av_free_frames());
    CHECK(p[4096 * 200 + 7] == 42, "store lost");
    /* anywhere: the kernel picks an address */
    uint32_t any = 0;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &any, 8192, AV_VM_ANYWHERE), 0);
    CHECK(any != 0 && (any & 4095) == 0, "anywhere gave %lx", (unsigned long)any);
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, any, 8192), 0);
    /* protect: read-only then writable again keeps the data */
    CHECK_RC(av_vm_protect(AV_NAME_SELF, addr, 1 << 20, AV_PROT_READ), 0);
    CHECK(p[4096 * 200 + 7] == 42, "data lost by protect");
    CHECK_RC(av_vm_protect(AV_NAME_SELF, addr, 1 << 20, AV_PROT_READ | AV_PROT_WRITE), 0);
    p[4096 * 200 + 8] = 43;
    /* vm_copy: copy-on-write within the map */
    uint32_t dst = addr + (512 << 10);
    CHECK_RC(av_vm_copy(AV_NAME_SELF, addr + 4096 * 200, 4096, dst), 0);
    CHECK(((volatile uint8_t *)dst)[7] == 42, "vm_copy data");
    ((volatile uint8_t *)dst)[7] = 1;
    CHECK(p[4096 * 200 + 7] == 42, "vm_copy source changed by a write to the copy");
    CHECK_RC(av_vm_copy(AV_NAME_SELF, addr, 8192, addr + 4096), -AV_EINVAL);   /* overlap */
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, addr, 1 << 20), 0);
    CHECK(av_free_frames() == f0, "deallocate left %d frames", f0 - av_free_frames());
    ktest_end("lazy");
    return 0;
}
