/* Lazy allocation: allocating costs no frame (not even a page table); each
 * touched page costs one; deallocating returns them all. An allocation at
 * a fixed place is refused (-AV_ENOSPACE) where any of it is taken. */
#include "ktest.h"

/* expect:
allocate 1 MiB: 0 frames
touched 3 pages: 4 frames
fixed places: taken refused, free given
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
    /* a fixed place (vm_place's fit in [addr, addr + size)): taken, or
     * partly taken at either end, is -AV_ENOSPACE and changes nothing; a
     * free one, even a gap that fits exactly, is given as asked */
    uint32_t end = addr + (1 << 20), at = addr;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &at, 4096, 0), -AV_ENOSPACE);
    at = end - 4096;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &at, 8192, 0), -AV_ENOSPACE);
    at = addr - 4096;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &at, 8192, 0), -AV_ENOSPACE);
    at = end + 4096;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &at, 4096, 0), 0);
    CHECK(at == end + 4096, "fixed place moved to %lx", (unsigned long)at);
    at = end;
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &at, 8192, 0), -AV_ENOSPACE);
    CHECK_RC(av_vm_allocate(AV_NAME_SELF, &at, 4096, 0), 0);
    CHECK(at == end, "the gap's place moved to %lx", (unsigned long)at);
    CHECK(p[4096 * 200 + 7] == 42, "data lost by a refused allocation");
    CHECK_RC(av_vm_deallocate(AV_NAME_SELF, end, 8192), 0);
    printf("fixed places: taken refused, free given\n");
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
