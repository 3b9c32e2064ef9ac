/*
 * The run queue: a FIFO of runnable processes, O(1) to add and to take.
 * A node carries its own "queued" mark, so adding a queued node is a no-op
 * and a node is never linked twice. The scheduler removes lazily: a node
 * whose process stopped being runnable while queued is dropped when it
 * reaches the head; only a process leaving for good is unlinked at once.
 */
#ifndef K_RUNQ_H
#define K_RUNQ_H
#include <stdint.h>

struct rqnode {
    struct rqnode *next;
    uint32_t queued;
};

struct runq {
    struct rqnode *head, *tail;
};

void rq_push(struct runq *q, struct rqnode *n);
struct rqnode *rq_pop(struct runq *q);
void rq_remove(struct runq *q, struct rqnode *n);
#endif
