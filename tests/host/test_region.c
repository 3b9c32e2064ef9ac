/* Region lists against a page-map model: insert, remove (with splits),
 * protect, find, covered, free and first fit. */
#include <string.h>
#include "host.h"
#include "region.h"

#define PAGES 256
#define PG 4096u
#define LO 0x10000u

static int model[PAGES];        /* 0: no region, else prot + 1 */

static uint32_t region_count(struct region *r)
{
    uint32_t n = 0;
    for (; r; r = r->next)
        n++;
    return n;
}

static void check_all(struct region *list)
{
    uint32_t prev_end = 0;
    for (struct region *r = list; r; r = r->next) {
        CHECK(r->start < r->end && r->start >= prev_end);
        prev_end = r->end;
    }
    for (int i = 0; i < PAGES; i++) {
        struct region *r = region_find(list, LO + i * PG + 5);
        CHECK((r != NULL) == (model[i] != 0));
        if (r)
            CHECK((int)r->prot + 1 == model[i]);
    }
}

int main(void)
{
    struct region *list = NULL;
    for (int step = 0; step < 20000; step++) {
        uint32_t a = rnd() % PAGES, n = 1 + rnd() % 24;
        if (a + n > PAGES)
            n = PAGES - a;
        uint32_t s = LO + a * PG, e = s + n * PG;
        int any = 0, all = 1;
        for (uint32_t i = a; i < a + n; i++) {
            any |= model[i] != 0;
            all &= model[i] != 0;
        }
        CHECK(region_free(list, s, e) == !any);
        CHECK(region_overlaps(list, s, e) == any);
        CHECK(region_covered(list, s, e) == all);
        switch (rnd() % 4) {
        case 0:
            if (!any) {
                uint32_t prot = rnd() % 8;
                CHECK(region_insert(&list, s, e, prot) == 0);
                for (uint32_t i = a; i < a + n; i++)
                    model[i] = prot + 1;
            }
            break;
        case 1:
            CHECK(region_remove(&list, s, e) == 0);
            for (uint32_t i = a; i < a + n; i++)
                model[i] = 0;
            break;
        case 2:
            if (all) {
                uint32_t prot = rnd() % 8;
                CHECK(region_protect(&list, s, e, prot) == 0);
                for (uint32_t i = a; i < a + n; i++)
                    model[i] = prot + 1;
            }
            break;
        case 3: {
            uint32_t at = region_first_fit(list, n * PG, LO, LO + PAGES * PG);
            /* the model's first run of n free pages */
            uint32_t want = 0;
            for (uint32_t i = 0; i + n <= PAGES && !want; i++) {
                uint32_t k = 0;
                while (k < n && !model[i + k])
                    k++;
                if (k == n)
                    want = LO + i * PG;
            }
            CHECK(at == want);
            break;
        }
        }
        check_all(list);
    }
    struct region *copy = NULL;
    CHECK(region_copy(&copy, list) == 0);
    CHECK(region_count(copy) == region_count(list));
    region_free_all(&copy);
    region_free_all(&list);
    CHECK(list == NULL && copy == NULL);
    printf("region lists: ok\n");
    return 0;
}
