/*
 * test_util.h - what the cmocka unit tests (tests/test_*.c) share: the
 * headers cmocka needs, in the order it needs them, and the helpers more
 * than one test file uses.  Everything here is static inline, so a test
 * binary is still one .c file linked with the library's objects.
 *
 * A helper moves here when a second test file needs it; one that only
 * makes sense for one file's subject stays in that file.  The helpers
 * check with cmocka's assertions and fail the running test.
 */
#ifndef RECAP_TESTS_TEST_UTIL_H
#define RECAP_TESTS_TEST_UTIL_H

/* cmocka.h wants these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "recap.h"

/* The counting, failing allocator: counting, counting_allocator(). */
#include "counting.h"

/* ---- a context and a document ------------------------------------------- */

/* What fixture_setup() gives a test in *state: a context with the default
   settings and one document made from it. */
typedef struct fixture {
  recap_context *ctx;
  recap_document *doc;
} fixture;

/* cmocka setup (for one test or a group): a new fixture in *state, or -1
   (the test fails) if it cannot be made. */
static inline int fixture_setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  if (!f)
    return -1;
  if (recap_context_new(&f->ctx) != RECAP_OK ||
      recap_document_new(f->ctx, &f->doc) != RECAP_OK) {
    recap_context_free(f->ctx);
    free(f);
    return -1;
  }
  *state = f;
  return 0;
}

/* cmocka teardown: frees what fixture_setup() made. */
static inline int fixture_teardown(void **state) {
  fixture *f = *state;
  recap_document_free(f->doc);
  recap_context_free(f->ctx);
  free(f);
  return 0;
}

/* A test that runs with a fresh fixture in *state. */
#define fixture_unit_test(f)                                                   \
  cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)

/* ---- files --------------------------------------------------------------- */

/* Reads the whole file at path into a malloc'ed buffer, NUL-terminated,
   its length (without the NUL) in *len.  Paths are relative to the
   repository root, where `make check` runs the tests; a file that cannot
   be opened or read fails the test. */
static inline char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    fail_msg("cannot open %s (run the tests from the repository root)", path);
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  assert_non_null(buf);
  for (;;) {
    n += fread(buf + n, 1, cap - n - 1, f);
    if (n < cap - 1)
      break;
    cap *= 2;
    buf = realloc(buf, cap);
    assert_non_null(buf);
  }
  assert_false(ferror(f));
  fclose(f);
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* ---- strings and time ------------------------------------------------- */

/* Whether s begins with prefix. */
static inline int starts_with(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Whether s ends with suffix. */
static inline int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* A string the library handed over (s, n bytes and a NUL, to be freed with
   recap_free()) as a malloc'ed copy, to be freed with free(); s is freed. */
static inline char *take_rendered(char *s, size_t n) {
  char *copy = malloc(n + 1);
  assert_non_null(copy);
  memcpy(copy, s, n + 1);
  recap_free(s);
  return copy;
}

/* CPU seconds since start (for the tests' time limits). */
static inline double seconds_since(clock_t start) {
  return (double)(clock() - start) / CLOCKS_PER_SEC;
}

#endif
