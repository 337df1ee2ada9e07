/*
 * counting.h - the counting, failing allocator of the tests and the fuzz
 * harnesses.
 *
 * recap.h lets the caller supply the allocator, and every allocation of
 * the library goes through it (STYLE.md, rule 11), so a test can make
 * allocation number N fail and check that the library reports
 * RECAP_ERR_NOMEM and leaks nothing.  This header depends on the C library
 * and recap.h only (no cmocka), so the libFuzzer harnesses in tests/fuzz/
 * include it too; test_util.h includes it for the unit tests.
 *
 *   counting c;
 *   recap_allocator a = counting_allocator(&c, n, FAIL_ONLY);
 *   ... use a ...
 *   assert_int_equal(c.live, 0);   -- nothing leaked
 *   if (c.failed == 0) ...         -- allocation n was never reached
 */
#ifndef RECAP_TESTS_COUNTING_H
#define RECAP_TESTS_COUNTING_H

#include <stddef.h>
#include <stdlib.h>

#include "recap.h"

/* What counting.sticky says: fail only call fail_at, or every call from
   fail_at on (nothing can be got back). */
enum { FAIL_ONLY = 0, FAIL_FROM = 1 };

/* The allocator's state.  The tests may change fail_at and sticky between
   calls (to fail "the next call": c.fail_at = c.calls + 1). */
typedef struct counting {
  size_t calls;     /* malloc and realloc calls so far */
  size_t fail_at;   /* the call that fails, 1-based; 0 = none */
  int sticky;       /* FAIL_ONLY or FAIL_FROM */
  size_t failed;    /* calls made to fail */
  long live;        /* blocks allocated and not freed */
  size_t frees;     /* blocks freed */
  size_t last_size; /* the size of the last malloc or realloc request */
} counting;

/* Counts one malloc or realloc call; whether it is to fail. */
static inline int counting_should_fail(counting *c, size_t size) {
  c->calls++;
  c->last_size = size;
  int f = c->fail_at &&
          (c->sticky ? c->calls >= c->fail_at : c->calls == c->fail_at);
  c->failed += (size_t)f;
  return f;
}

/* malloc, unless this call is to fail.  (A request for 0 bytes gets 1, so
   that a block is a block on every C library; rc_malloc never asks for
   0.) */
static inline void *counting_malloc(void *user, size_t size) {
  counting *c = user;
  if (counting_should_fail(c, size))
    return NULL;
  void *p = malloc(size ? size : 1);
  c->live += p != NULL;
  return p;
}

/* realloc, unless this call is to fail (then ptr is left as it was). */
static inline void *counting_realloc(void *user, void *ptr, size_t size) {
  counting *c = user;
  if (counting_should_fail(c, size))
    return NULL;
  void *p = realloc(ptr, size ? size : 1);
  c->live += p != NULL && ptr == NULL;
  return p;
}

/* free, counting the block. */
static inline void counting_free(void *user, void *ptr) {
  counting *c = user;
  if (ptr) {
    c->live--;
    c->frees++;
  }
  free(ptr);
}

/* Zeroes *c, makes call fail_at fail (0: none) in the given mode
   (FAIL_ONLY or FAIL_FROM), and returns the allocator that counts into
   *c.  *c must outlive every block and every object built on it. */
static inline recap_allocator counting_allocator(counting *c, size_t fail_at,
                                                 int sticky) {
  counting zero = {0, 0, 0, 0, 0, 0, 0};
  *c = zero;
  c->fail_at = fail_at;
  c->sticky = sticky;
  recap_allocator a = {counting_malloc, counting_realloc, counting_free, c};
  return a;
}

#endif
