/*
 * test_util.h - what the cmocka unit tests (tests/test_*.c) share: the
 * headers cmocka needs, in the order it needs them, and the helpers more
 * than one test file uses.  Everything here is static inline, so a test
 * binary is still one .c file linked with the library's objects.
 *
 * A helper moves here when a second test file needs it, or when it is a
 * general check any test may want (the UTF-8 and JSON validators); one
 * that only makes sense for one file's subject stays in that file.  The
 * helpers check with cmocka's assertions and fail the running test.
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

/* ---- validators of our own -------------------------------------------- */

/* Written independently of the library's decode.c and json.c on purpose:
   a test of the library's output should not ask the library. */

/* A minimal JSON validator (RFC 8259 syntax): the jv_* functions read one
   piece at j->i, nesting up to 64 deep; json_valid() is the entry point. */
typedef struct jv {
  const char *s;
  size_t n, i;
  int depth;
} jv;

static inline void jv_ws(jv *j) {
  while (j->i < j->n && strchr(" \t\r\n", j->s[j->i]) && j->s[j->i])
    j->i++;
}

static inline int jv_value(jv *j);

static inline int jv_lit(jv *j, const char *lit) {
  size_t k = strlen(lit);
  if (j->n - j->i < k || memcmp(j->s + j->i, lit, k) != 0)
    return 0;
  j->i += k;
  return 1;
}

static inline int jv_string(jv *j) {
  if (j->i >= j->n || j->s[j->i] != '"')
    return 0;
  j->i++;
  while (j->i < j->n) {
    unsigned char c = (unsigned char)j->s[j->i++];
    if (c == '"')
      return 1;
    if (c < 0x20)
      return 0;
    if (c == '\\') {
      if (j->i >= j->n)
        return 0;
      char e = j->s[j->i++];
      if (e == 'u') {
        for (int k = 0; k < 4; k++, j->i++)
          if (j->i >= j->n || !strchr("0123456789abcdefABCDEF", j->s[j->i]) ||
              !j->s[j->i])
            return 0;
      } else if (!strchr("\"\\/bfnrt", e) || !e) {
        return 0;
      }
    }
  }
  return 0;
}

static inline int jv_digits(jv *j) {
  size_t b = j->i;
  while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
    j->i++;
  return j->i > b;
}

static inline int jv_number(jv *j) {
  if (j->i < j->n && j->s[j->i] == '-')
    j->i++;
  if (j->i < j->n && j->s[j->i] == '0')
    j->i++;
  else if (!jv_digits(j))
    return 0;
  if (j->i < j->n && j->s[j->i] == '.') {
    j->i++;
    if (!jv_digits(j))
      return 0;
  }
  if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
    j->i++;
    if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
      j->i++;
    if (!jv_digits(j))
      return 0;
  }
  return 1;
}

static inline int jv_container(jv *j, char close) {
  j->i++;
  if (++j->depth > 64)
    return 0;
  jv_ws(j);
  if (j->i < j->n && j->s[j->i] == close) {
    j->i++;
    j->depth--;
    return 1;
  }
  for (;;) {
    jv_ws(j);
    if (close == '}') {
      if (!jv_string(j))
        return 0;
      jv_ws(j);
      if (j->i >= j->n || j->s[j->i++] != ':')
        return 0;
    }
    if (!jv_value(j))
      return 0;
    jv_ws(j);
    if (j->i >= j->n)
      return 0;
    char c = j->s[j->i++];
    if (c == close) {
      j->depth--;
      return 1;
    }
    if (c != ',')
      return 0;
  }
}

static inline int jv_value(jv *j) {
  jv_ws(j);
  if (j->i >= j->n)
    return 0;
  switch (j->s[j->i]) {
  case '{':
    return jv_container(j, '}');
  case '[':
    return jv_container(j, ']');
  case '"':
    return jv_string(j);
  case 't':
    return jv_lit(j, "true");
  case 'f':
    return jv_lit(j, "false");
  case 'n':
    return jv_lit(j, "null");
  default:
    return jv_number(j);
  }
}

/* Whether s[0..n) is exactly one JSON value (with white space around). */
static inline int json_valid(const char *s, size_t n) {
  jv j = {s, n, 0, 0};
  if (!jv_value(&j))
    return 0;
  jv_ws(&j);
  return j.i == n;
}

/* Is s[0..n) valid UTF-8 (no overlongs, surrogates or values > U+10FFFF)? */
static inline int utf8_valid(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    size_t k;
    unsigned min, cp;
    if (c < 0x80) {
      i++;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      k = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      k = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      k = 4, min = 0x10000, cp = c & 0x07;
    } else {
      return 0;
    }
    if (i + k > n)
      return 0;
    for (size_t m = 1; m < k; m++) {
      if ((s[i + m] & 0xC0) != 0x80)
        return 0;
      cp = cp << 6 | (s[i + m] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return 0;
    i += k;
  }
  return 1;
}

#endif
