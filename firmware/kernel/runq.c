/*
 * The run queue (runq.h): a singly linked FIFO with head and tail. Pure
 * logic, also compiled for the host tests (tests/host/test_runq.c).
 */
#include <stddef.h>
#include "runq.h"

void rq_push(struct runq *q, struct rqnode *n)
{
    if (n->queued)
        return;
    n->queued = 1;
    n->next = NULL;
    if (q->tail)
        q->tail->next = n;
    else
        q->head = n;
    q->tail = n;
}

struct rqnode *rq_pop(struct runq *q)
{
    struct rqnode *n = q->head;
    if (!n)
        return NULL;
    q->head = n->next;
    if (!q->head)
        q->tail = NULL;
    n->queued = 0;
    return n;
}

/* Unlink n wherever it is (a process that ends): O(queue length). */
void rq_remove(struct runq *q, struct rqnode *n)
{
    if (!n->queued)
        return;
    struct rqnode *prev = NULL;
    for (struct rqnode *x = q->head; x; prev = x, x = x->next) {
        if (x != n)
            continue;
        if (prev)
            prev->next = n->next;
        else
            q->head = n->next;
        if (q->tail == n)
            q->tail = prev;
        break;
    }
    n->queued = 0;
}
