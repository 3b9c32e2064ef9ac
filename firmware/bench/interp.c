/*
 * bench-cpu workload: a small stack-machine bytecode interpreter (switch
 * dispatch through a jump table: indirect jumps and unpredictable branches)
 * running a program that sums the primes below 1000 by trial division.
 * Check: the result equals the same sum computed in C (outside the timed
 * region) and the known value 76127.
 */
#include "bench.h"

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, REM, LT, JZ, JMP, DUP, DROP, HALT };

/* Variables: 0 = n, 1 = d, 2 = sum, 3 = limit. */
static const int32_t program[] = {
    /* 0 */  PUSH, 1000, STORE, 3,
    /* 4 */  PUSH, 0, STORE, 2,
    /* 8 */  PUSH, 2, STORE, 0,
    /* 12: outer loop: while n < limit */
    /* 12 */ LOAD, 0, LOAD, 3, LT, JZ, 67,
    /* 19 */ PUSH, 2, STORE, 1,
    /* 23: inner loop: if n < d * d, n is prime */
    /* 23 */ LOAD, 0, LOAD, 1, LOAD, 1, MUL, LT, JZ, 35, JMP, 51,
    /* 35: if n % d == 0, n is not prime */
    /* 35 */ LOAD, 0, LOAD, 1, REM, JZ, 58,
    /* 42 */ LOAD, 1, PUSH, 1, ADD, STORE, 1, JMP, 23,
    /* 51: prime: sum += n */
    /* 51 */ LOAD, 2, LOAD, 0, ADD, STORE, 2,
    /* 58: n += 1 */
    /* 58 */ LOAD, 0, PUSH, 1, ADD, STORE, 0, JMP, 12,
    /* 67 */ LOAD, 2, HALT,
};

static int32_t run(const int32_t *code)
{
    int32_t stack[16], vars[4] = {0};
    int sp = 0, pc = 0;
    for (;;) {
        int32_t op = code[pc++];
        switch (op) {
        case PUSH:  stack[sp++] = code[pc++]; break;
        case LOAD:  stack[sp++] = vars[code[pc++]]; break;
        case STORE: vars[code[pc++]] = stack[--sp]; break;
        case ADD:   sp--; stack[sp - 1] += stack[sp]; break;
        case SUB:   sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL:   sp--; stack[sp - 1] *= stack[sp]; break;
        case REM:   sp--; stack[sp - 1] %= stack[sp]; break;
        case LT:    sp--; stack[sp - 1] = stack[sp - 1] < stack[sp]; break;
        case JZ:    if (stack[--sp] == 0) pc = code[pc]; else pc++; break;
        case JMP:   pc = code[pc]; break;
        case DUP:   stack[sp] = stack[sp - 1]; sp++; break;
        case DROP:  sp--; break;
        case HALT:  return stack[sp - 1];
        default:    return -1;
        }
    }
}

int main(void)
{
    struct av_counts t = av_mark();
    int32_t r = run(program);
    struct av_counts n = av_since(t);

    int32_t sum = 0;
    for (int32_t k = 2; k < 1000; k++) {
        int32_t d = 2;
        while (d * d <= k && k % d)
            d++;
        if (d * d > k)
            sum += k;
    }
    return bench_report("interp", n, r == sum && sum == 76127);
}
