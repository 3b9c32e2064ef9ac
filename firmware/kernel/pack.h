/*
 * The user programs packed into the kernel image (the build generates the
 * table, build/fw/<image>/pack.S). Each ELF starts on a page boundary so its
 * text can be mapped in place.
 */
#ifndef K_PACK_H
#define K_PACK_H
#include <stdint.h>

struct pack_entry {
    const char *name;
    const uint8_t *start;
    uint32_t size;
};
extern const struct pack_entry pack_table[];
extern const uint32_t pack_count;
extern const char pack_bootargs[];     /* image default boot options */
const struct pack_entry *pack_find(const char *name, uint32_t len);

#endif
