/* Frame table and free stack: the exact VM-contract layout, LIFO pops,
 * counts, and a random sequence of operations against a simple model. */
#include <string.h>
#include "host.h"
#include "frame.h"
#include "vm_contract.h"

#define N 300
#define BASE 0x80000u

int main(void)
{
    static uint32_t ft[VMC_FT_COUNTS + N], fs[VMC_FS_PPNS + N];
    frames_init(ft, fs, BASE, N);
    CHECK(ft[0] == BASE && ft[1] == N && fs[0] == 0 && fs[1] == N);
    CHECK(frames_table_words(N) == VMC_FT_COUNTS + N);
    for (uint32_t i = N; i-- > 0;)
        frame_push(BASE + i);
    CHECK(fs[VMC_FS_COUNT] == N && frames_free() == N);
    /* pop takes entry count-1: the last pushed, here the lowest frame */
    CHECK(fs[VMC_FS_PPNS + N - 1] == BASE);
    uint32_t f = frame_pop();
    CHECK(f == BASE && ft[VMC_FT_COUNTS + 0] == 1 && fs[VMC_FS_COUNT] == N - 1);
    frame_ref(f);
    CHECK(frame_count(f) == 2);
    frame_unref(f);
    CHECK(frame_count(f) == 1 && frames_free() == N - 1);
    frame_unref(f);
    CHECK(frame_count(f) == 0 && frames_free() == N && fs[VMC_FS_PPNS + N - 1] == f);
    CHECK(frame_valid(BASE) && frame_valid(BASE + N - 1) && !frame_valid(BASE + N) && !frame_valid(BASE - 1));

    /* random: model counts, check the stack holds exactly the count-0 frames */
    static uint32_t model[N];
    memset(model, 0, sizeof model);
    uint32_t held[N], nheld = 0;
    for (int step = 0; step < 200000; step++) {
        unsigned op = rnd() % 4;
        if ((op == 0 || nheld == 0) && nheld < N) {
            uint32_t p = frame_pop();
            if (!p) {
                CHECK(frames_free() == 0);
                continue;
            }
            CHECK(model[p - BASE] == 0);
            model[p - BASE] = 1;
            held[nheld++] = p;
        } else if (op == 1 && nheld > 0) {
            uint32_t p = held[rnd() % nheld];
            frame_ref(p);
            model[p - BASE]++;
            if (nheld < N)
                held[nheld++] = p;          /* one entry per reference we may drop */
            else {
                frame_unref(p);
                model[p - BASE]--;
            }
        } else if (nheld > 0) {
            uint32_t k = rnd() % nheld, p = held[k];
            if (model[p - BASE] == 0) {
                held[k] = held[--nheld];
                continue;
            }
            frame_unref(p);
            model[p - BASE]--;
            held[k] = held[--nheld];
        }
        if (step % 997 == 0) {
            uint32_t zeros = 0;
            for (uint32_t i = 0; i < N; i++) {
                CHECK(frame_count(BASE + i) == model[i]);
                zeros += model[i] == 0;
            }
            CHECK(zeros == frames_free());
            for (uint32_t i = 0; i < frames_free(); i++)
                CHECK(model[fs[VMC_FS_PPNS + i] - BASE] == 0);
        }
    }
    printf("frame table and free stack: ok\n");
    return 0;
}
