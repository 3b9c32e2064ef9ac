/* Host-side test helpers: CHECK prints the failing expression and exits 1. */
#ifndef HOST_H
#define HOST_H
#include <stdio.h>
#include <stdlib.h>

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #c); exit(1); } } while (0)

static unsigned host_rng = 12345;
static inline unsigned rnd(void) { host_rng ^= host_rng << 13; host_rng ^= host_rng >> 17; host_rng ^= host_rng << 5; return host_rng; }
#endif
