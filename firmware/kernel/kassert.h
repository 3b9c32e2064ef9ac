/*
 * Assertions for states the design says cannot happen (seL4 habit): a failed
 * one stops the kernel with file and line. Host builds map it to abort().
 */
#ifndef K_KASSERT_H
#define K_KASSERT_H

void panic(const char *fmt, ...) __attribute__((noreturn));
/* (one call with two arguments at each assertion, not panic's three: size) */
void kassert_failed(const char *file, int line) __attribute__((noreturn));
#define KASSERT(c) do { if (!(c)) kassert_failed(__FILE__, __LINE__); } while (0)

#endif
