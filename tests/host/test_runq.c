/* The run queue against a model FIFO: random pushes (a queued node is not
 * added twice), pops and removals; order, membership and the queued marks
 * must agree with the model at every step. */
#include <string.h>
#include "host.h"
#include "runq.h"

#define N 16

static struct rqnode nodes[N];
static int model[4 * N], mlen;   /* node indices in FIFO order */

static int in_model(int k)
{
    for (int i = 0; i < mlen; i++)
        if (model[i] == k)
            return i;
    return -1;
}

static void model_del(int pos)
{
    memmove(&model[pos], &model[pos + 1], (size_t)(mlen - pos - 1) * sizeof model[0]);
    mlen--;
}

static void check_all(struct runq *q)
{
    int i = 0;
    struct rqnode *last = NULL;
    for (struct rqnode *x = q->head; x; x = x->next, i++) {
        CHECK(i < mlen && x == &nodes[model[i]]);
        last = x;
    }
    CHECK(i == mlen);
    CHECK(q->tail == last);
    for (int k = 0; k < N; k++)
        CHECK((int)nodes[k].queued == (in_model(k) >= 0));
}

int main(void)
{
    struct runq q = { 0 };
    CHECK(rq_pop(&q) == NULL);
    for (int step = 0; step < 200000; step++) {
        int k = (int)(rnd() % N);
        switch (rnd() % 4) {
        case 0:
        case 1:
            rq_push(&q, &nodes[k]);
            if (in_model(k) < 0)
                model[mlen++] = k;
            break;
        case 2: {
            struct rqnode *n = rq_pop(&q);
            if (mlen == 0) {
                CHECK(n == NULL);
            } else {
                CHECK(n == &nodes[model[0]]);
                model_del(0);
            }
            break;
        }
        case 3: {
            rq_remove(&q, &nodes[k]);
            int pos = in_model(k);
            if (pos >= 0)
                model_del(pos);
            break;
        }
        }
        check_all(&q);
    }
    printf("test_runq: ok\n");
    return 0;
}
