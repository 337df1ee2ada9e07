/*
 * test_mem.c - unit tests for the allocation layer (src/mem.c) and the
 * rendering buffer (src/buf.c).
 *
 * A counting allocator records every call and can be told to fail from
 * allocation number N on, so the tests check growth sizes, that failures
 * leave their objects unchanged, and that nothing leaks.  Expected sizes and
 * JSON texts are worked out by hand from the rules in mem.h and buf.h.
 */
#include <locale.h>
#include <math.h>

#include "test_util.h"

#include "buf.h"
#include "mem.h"

/* ---- overflow-checked arithmetic --------------------------------------------
 */

static void test_mul_add(void **state) {
  (void)state;
  size_t r = 7;
  assert_true(rc_mul(6, 7, &r));
  assert_int_equal(r, 42);
  assert_true(rc_mul(0, SIZE_MAX, &r));
  assert_int_equal(r, 0);
  assert_true(rc_mul(SIZE_MAX, 1, &r));
  assert_true(r == SIZE_MAX);
  r = 7;
  /* (SIZE_MAX / 2 + 1) * 2 = SIZE_MAX + 1: one past the top. */
  assert_false(rc_mul(SIZE_MAX / 2 + 1, 2, &r));
  assert_int_equal(r, 7); /* untouched on failure */
  assert_true(rc_add(SIZE_MAX - 1, 1, &r));
  assert_true(r == SIZE_MAX);
  r = 7;
  assert_false(rc_add(SIZE_MAX, 1, &r));
  assert_int_equal(r, 7);
}

/* ---- the allocator wrapper
 * --------------------------------------------------- */

static void test_wrapper_calls_allocator(void **state) {
  (void)state;
  counting c;
  recap_allocator a = counting_allocator(&c, 0, FAIL_FROM);

  /* A zero-byte request still gets a real pointer (one byte). */
  void *p = rc_malloc(&a, 0);
  assert_non_null(p);
  assert_int_equal(c.last_size, 1);
  assert_int_equal(c.live, 1);

  p = rc_realloc(&a, p, 100);
  assert_non_null(p);
  assert_int_equal(c.last_size, 100);
  assert_int_equal(c.live, 1);
  rc_free(&a, p);
  assert_int_equal(c.live, 0);

  /* rc_free(NULL) does not reach the allocator. */
  rc_free(&a, NULL);
  assert_int_equal(c.frees, 1);

  /* calloc zeroes... */
  unsigned char *z = rc_calloc(&a, 4, 8);
  assert_non_null(z);
  assert_int_equal(c.last_size, 32);
  for (size_t i = 0; i < 32; i++)
    assert_int_equal(z[i], 0);
  rc_free(&a, z);

  /* ...and refuses an overflowing count * size without asking. */
  size_t calls = c.calls;
  assert_null(rc_calloc(&a, SIZE_MAX / 2 + 1, 2));
  assert_int_equal(c.calls, calls);

  /* A failing allocator is reported as NULL. */
  c.fail_at = c.calls + 1;
  assert_null(rc_malloc(&a, 10));
  assert_null(rc_calloc(&a, 1, 10));
  assert_int_equal(c.live, 0);
}

static void test_default_allocator(void **state) {
  (void)state;
  const recap_allocator *a = rc_default_allocator();
  assert_non_null(a);
  assert_ptr_equal(a, rc_default_allocator());
  char *p = rc_malloc(a, 5);
  assert_non_null(p);
  memcpy(p, "abcd", 5);
  p = rc_realloc(a, p, 4096);
  assert_non_null(p);
  assert_string_equal(p, "abcd");
  rc_free(a, p);
}

/* ---- rc_reserve
 * ------------------------------------------------------------------ */

static void test_reserve_growth(void **state) {
  (void)state;
  counting c;
  recap_allocator a = counting_allocator(&c, 0, FAIL_FROM);
  void *data = NULL;
  size_t cap = 0;

  /* Nothing to do when the room is there (no allocation at all). */
  assert_int_equal(rc_reserve(&a, &data, &cap, 0, 4), RECAP_OK);
  assert_null(data);
  assert_int_equal(c.calls, 0);

  /* The first allocation has room for 8 items: 8 * 4 = 32 bytes. */
  assert_int_equal(rc_reserve(&a, &data, &cap, 1, 4), RECAP_OK);
  assert_non_null(data);
  assert_int_equal(cap, 8);
  assert_int_equal(c.last_size, 32);

  /* Up to the capacity: no call. */
  assert_int_equal(rc_reserve(&a, &data, &cap, 8, 4), RECAP_OK);
  assert_int_equal(c.calls, 1);

  /* 9 items: doubled to 16. */
  assert_int_equal(rc_reserve(&a, &data, &cap, 9, 4), RECAP_OK);
  assert_int_equal(cap, 16);
  assert_int_equal(c.last_size, 64);

  /* 100 items from 16: 32, 64, 128 in one call. */
  assert_int_equal(rc_reserve(&a, &data, &cap, 100, 4), RECAP_OK);
  assert_int_equal(cap, 128);
  assert_int_equal(c.last_size, 512);
  assert_int_equal(c.calls, 3);

  rc_free(&a, data);
  assert_int_equal(c.live, 0);
}

static void test_reserve_overflow(void **state) {
  (void)state;
  counting c;
  recap_allocator a = counting_allocator(&c, 0, FAIL_FROM);
  void *data = NULL;
  size_t cap = 0;
  assert_int_equal(rc_reserve(&a, &data, &cap, 1, 1), RECAP_OK);
  void *before = data;

  /* Doubling 8 past SIZE_MAX / 2 would overflow: refused, no call. */
  assert_int_equal(rc_reserve(&a, &data, &cap, SIZE_MAX, 1), RECAP_ERR_NOMEM);
  assert_ptr_equal(data, before);
  assert_int_equal(cap, 8);

  /* The item count fits but count * elem does not. */
  assert_int_equal(rc_reserve(&a, &data, &cap, SIZE_MAX / 8, 16),
                   RECAP_ERR_NOMEM);
  assert_ptr_equal(data, before);
  assert_int_equal(cap, 8);
  assert_int_equal(c.calls, 1);

  /* The allocator fails: *data and *cap stay as they were. */
  c.fail_at = c.calls + 1;
  assert_int_equal(rc_reserve(&a, &data, &cap, 9, 1), RECAP_ERR_NOMEM);
  assert_ptr_equal(data, before);
  assert_int_equal(cap, 8);

  rc_free(&a, data);
  assert_int_equal(c.live, 0);
}

static void test_vec_push(void **state) {
  (void)state;
  counting c;
  recap_allocator a = counting_allocator(&c, 0, FAIL_FROM);
  RC_VEC(int) v = {NULL, 0, 0};
  recap_status st = RECAP_OK;
  for (int i = 0; i < 20; i++) {
    RC_PUSH(st, &a, v, i * i);
    assert_int_equal(st, RECAP_OK);
  }
  assert_int_equal(v.len, 20);
  assert_int_equal(v.cap, 32); /* 8 -> 16 -> 32 */
  assert_int_equal(v.data[19], 361);
  assert_int_equal(c.calls, 3);

  /* A failing push leaves the vector as it was. */
  v.len = 32;
  c.fail_at = c.calls + 1;
  RC_PUSH(st, &a, v, 5);
  assert_int_equal(st, RECAP_ERR_NOMEM);
  assert_int_equal(v.len, 32);
  assert_int_equal(v.cap, 32);

  RC_VEC_FREE(&a, v);
  assert_null(v.data);
  assert_int_equal(v.len, 0);
  assert_int_equal(c.live, 0);
}

/* ---- the arena
 * ------------------------------------------------------------------- */

static void test_arena_alignment(void **state) {
  (void)state;
  counting c;
  recap_allocator a = counting_allocator(&c, 0, FAIL_FROM);
  rc_arena arena;
  rc_arena_init(&arena, &a);

  /* Sizes rounded up to 16: 1 -> 16, 17 -> 32, 0 -> 16. */
  char *p1 = rc_arena_alloc(&arena, 1);
  char *p2 = rc_arena_alloc(&arena, 17);
  char *p3 = rc_arena_alloc(&arena, 0);
  char *p4 = rc_arena_alloc(&arena, 3);
  assert_non_null(p1);
  assert_int_equal((uintptr_t)p1 % 16, 0);
  assert_int_equal((uintptr_t)p2 % 16, 0);
  assert_int_equal((uintptr_t)p3 % 16, 0);
  assert_int_equal((uintptr_t)p4 % 16, 0);
  assert_int_equal(p2 - p1, 16);
  assert_int_equal(p3 - p2, 32);
  assert_int_equal(p4 - p3, 16);
  assert_int_equal(c.calls, 1); /* all in the first 16 KiB block */

  /* Overflowing sizes are refused without asking the allocator. */
  assert_null(rc_arena_alloc(&arena, SIZE_MAX - 3));
  assert_null(rc_arena_calloc(&arena, SIZE_MAX / 4, 8));
  assert_int_equal(c.calls, 1);

  /* calloc zeroes, even over memory used before a reset. */
  unsigned char *z = rc_arena_calloc(&arena, 10, 3);
  assert_non_null(z);
  for (size_t i = 0; i < 30; i++)
    assert_int_equal(z[i], 0);

  rc_arena_free(&arena);
  assert_int_equal(c.live, 0);
}

static void test_arena_blocks_and_reset(void **state) {
  (void)state;
  counting c;
  recap_allocator a = counting_allocator(&c, 0, FAIL_FROM);
  rc_arena arena;
  rc_arena_init(&arena, &a);

  char *first = rc_arena_alloc(&arena, 100);
  assert_non_null(first);
  memset(first, 'x', 100);
  /* Larger than the 16 KiB first block: a second block of its own size,
     and the second block is twice the first (32 KiB) at least. */
  char *big = rc_arena_alloc(&arena, 40000);
  assert_non_null(big);
  assert_int_equal((uintptr_t)big % 16, 0);
  memset(big, 'y', 40000);
  assert_int_equal(c.calls, 2);
  assert_int_equal(c.live, 2);

  /* Reset keeps only the largest block; its memory is reused from the
     start, so the next allocation returns the big block's payload. */
  rc_arena_reset(&arena);
  assert_int_equal(c.live, 1);
  char *again = rc_arena_alloc(&arena, 40000);
  assert_ptr_equal(again, big);
  assert_int_equal(c.calls, 2);

  /* Reset of a reset arena, and free after reset. */
  rc_arena_reset(&arena);
  rc_arena_reset(&arena);
  assert_int_equal(c.live, 1);
  rc_arena_free(&arena);
  assert_int_equal(c.live, 0);
  assert_null(arena.head);

  /* An empty arena resets and frees without calls. */
  rc_arena_reset(&arena);
  rc_arena_free(&arena);
  assert_int_equal(c.calls, 2);
}

static void test_arena_strndup(void **state) {
  (void)state;
  counting c;
  recap_allocator a = counting_allocator(&c, 0, FAIL_FROM);
  rc_arena arena;
  rc_arena_init(&arena, &a);

  /* Copies exactly n bytes (even NULs) and terminates. */
  char *s = rc_arena_strndup(&arena, "hello world", 5);
  assert_string_equal(s, "hello");
  char *e = rc_arena_strndup(&arena, "x", 0);
  assert_string_equal(e, "");
  char *b = rc_arena_strndup(&arena, "a\0b", 3);
  assert_memory_equal(b, "a\0b\0", 4);
  char *u = rc_arena_strndup(&arena, "caf\xC3\xA9!", 5);
  assert_string_equal(u, "caf\xC3\xA9");
  /* n + 1 overflows. */
  assert_null(rc_arena_strndup(&arena, "", SIZE_MAX));

  /* The allocator fails for a new block: NULL, nothing leaks. */
  static char big[20000];
  c.fail_at = c.calls + 1;
  assert_null(rc_arena_strndup(&arena, big, sizeof big));
  rc_arena_free(&arena);
  assert_int_equal(c.live, 0);
}

/* ---- buf
 * ------------------------------------------------------------------------- */

/* Finishes b and compares its text with want. */
static void assert_finished(rc_buf *b, const char *want) {
  char *s = NULL;
  size_t n = 0;
  assert_int_equal(rc_buf_finish(b, &s, &n), RECAP_OK);
  assert_non_null(s);
  assert_int_equal(n, strlen(want));
  assert_string_equal(s, want);
  recap_free(s);
}

static void test_buf_appends(void **state) {
  (void)state;
  counting c;
  recap_allocator a = counting_allocator(&c, 0, FAIL_FROM);
  rc_buf b;
  rc_buf_init(&b, &a);
  assert_string_equal(rc_buf_data(&b), ""); /* before any append */
  rc_buf_put(&b, "abc", 3);
  rc_buf_put(&b, "zzz", 0); /* nothing */
  rc_buf_puts(&b, "de");
  rc_buf_putc(&b, 'f');
  rc_buf_printf(&b, "-%d-%s", 42, "x");
  assert_int_equal(b.len, 11);
  assert_memory_equal(rc_buf_data(&b), "abcdef-42-x", 11);

  /* printf longer than its 128-byte scratch: formatted in place. */
  char want[400];
  memset(want, 'q', 300);
  want[300] = '\0';
  rc_buf_printf(&b, "%s|%d", want, 7);
  assert_int_equal(b.len, 11 + 302);
  assert_memory_equal(rc_buf_data(&b) + 11 + 298, "qq|7", 4);

  /* Clear keeps the memory. */
  size_t calls = c.calls;
  rc_buf_clear(&b);
  assert_int_equal(b.len, 0);
  rc_buf_puts(&b, "again");
  assert_int_equal(c.calls, calls);
  assert_finished(&b, "again");
  assert_int_equal(c.live, 0);
}

static void test_buf_growth(void **state) {
  (void)state;
  counting c;
  recap_allocator a = counting_allocator(&c, 0, FAIL_FROM);
  rc_buf b;
  rc_buf_init(&b, &a);
  /* 10,000 appends of 10 bytes: every byte kept, in order. */
  for (int i = 0; i < 10000; i++)
    rc_buf_printf(&b, "%09d,", i);
  assert_int_equal(b.len, 100000);
  assert_memory_equal(rc_buf_data(&b) + 99990, "000009999,", 10);
  assert_memory_equal(rc_buf_data(&b) + 50000, "000005000,", 10);
  char *s;
  assert_int_equal(rc_buf_finish(&b, &s, NULL), RECAP_OK);
  assert_int_equal(strlen(s), 100000);
  recap_free(s);
  assert_int_equal(c.live, 0);
}

static void test_buf_sticky_failure(void **state) {
  (void)state;
  counting c;
  recap_allocator a = counting_allocator(&c, 0, FAIL_FROM);
  rc_buf b;
  rc_buf_init(&b, &a);
  rc_buf_puts(&b, "fits in the first 256 bytes");
  assert_false(b.failed);
  /* The next growth fails... */
  c.fail_at = c.calls + 1;
  char big[1000];
  memset(big, 'a', sizeof big);
  rc_buf_put(&b, big, sizeof big);
  assert_true(b.failed);
  /* ...and from then on appends do nothing, even when they would fit or
     the allocator works again. */
  c.fail_at = 0;
  rc_buf_putc(&b, 'x');
  rc_buf_puts(&b, "more");
  rc_buf_printf(&b, "%d", 1);
  rc_buf_json_string(&b, "s", 1);
  rc_buf_json_number(&b, 2.5);
  assert_int_equal(b.len, 27);
  char *s = (char *)"unchanged";
  assert_int_equal(rc_buf_finish(&b, &s, NULL), RECAP_ERR_NOMEM);
  assert_int_equal(c.live, 0); /* finish freed the memory */

  /* Failing on the very first allocation, then finish. */
  rc_buf_init(&b, &a);
  c.fail_at = c.calls + 1;
  rc_buf_putc(&b, 'x');
  assert_int_equal(rc_buf_finish(&b, &s, NULL), RECAP_ERR_NOMEM);
  assert_int_equal(c.live, 0);

  /* rc_buf_free drops a buffer that was never finished. */
  c.fail_at = 0;
  rc_buf_init(&b, &a);
  rc_buf_puts(&b, "dropped");
  rc_buf_free(&b);
  assert_int_equal(c.live, 0);
}

static void test_buf_finish_empty(void **state) {
  (void)state;
  rc_buf b;
  rc_buf_init(&b, rc_default_allocator());
  char *s = NULL;
  size_t n = 99;
  assert_int_equal(rc_buf_finish(&b, &s, &n), RECAP_OK);
  assert_non_null(s);
  assert_int_equal(n, 0);
  assert_string_equal(s, "");
  recap_free(s);
  recap_free(NULL); /* accepted */
}

/* recap_free() uses the allocator copied into the string's header, so the
   buffer (and the allocator struct it pointed to) may be gone by then. */
static void test_recap_free_uses_allocator(void **state) {
  (void)state;
  counting c;
  char *s;
  {
    recap_allocator a = counting_allocator(&c, 0, FAIL_FROM);
    rc_buf b;
    rc_buf_init(&b, &a);
    rc_buf_puts(&b, "hello");
    assert_int_equal(rc_buf_finish(&b, &s, NULL), RECAP_OK);
    memset(&a, 0, sizeof a); /* the original allocator struct is gone */
  }
  assert_int_equal(c.live, 1);
  assert_string_equal(s, "hello");
  recap_free(s);
  assert_int_equal(c.live, 0);
  assert_int_equal(c.frees, 1);
}

/* ---- JSON
 * ------------------------------------------------------------------------ */

static void json_string_is(const char *in, size_t n, const char *want) {
  rc_buf b;
  rc_buf_init(&b, rc_default_allocator());
  rc_buf_json_string(&b, in, n);
  assert_finished(&b, want);
}

static void test_json_string(void **state) {
  (void)state;
  json_string_is("", 0, "\"\"");
  json_string_is("plain", 5, "\"plain\"");
  json_string_is("say \"hi\"", 8, "\"say \\\"hi\\\"\"");
  json_string_is("a\\b", 3, "\"a\\\\b\"");
  json_string_is("l1\nl2\tx\ry", 9, "\"l1\\nl2\\tx\\ry\"");
  /* Other controls as \u00XX (lower-case hex), NUL included; DEL too. */
  json_string_is("\x01\x1f\x7f", 3, "\"\\u0001\\u001f\\u007f\"");
  json_string_is("a\0b", 3, "\"a\\u0000b\"");
  json_string_is("\x08\x0c", 2, "\"\\u0008\\u000c\"");
  /* UTF-8 passes through unescaped, but for U+2028, U+2029 and NEL
     (U+0085), which line splitters (JavaScript, Python's splitlines) take
     for breaks. */
  json_string_is("caf\xC3\xA9 \xE2\x80\xA8", 9, "\"caf\xC3\xA9 \\u2028\"");
  json_string_is("\xE2\x80\xA9\xE2\x80\xA7", 6, "\"\\u2029\xE2\x80\xA7\"");
  json_string_is("a\xC2\x85"
                 "b\xC2\xA0",
                 6, "\"a\\u0085b\xC2\xA0\"");
  /* Bytes that are not UTF-8 become U+FFFD, one per byte; a sequence cut
     by n too. */
  json_string_is("a\xFF"
                 "b\xC3",
                 4,
                 "\"a\xEF\xBF\xBD"
                 "b\xEF\xBF\xBD\"");
  json_string_is("\xE2\x80\xA8", 2, "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
  /* Only n bytes are read. */
  json_string_is("abc\"def", 3, "\"abc\"");
  /* Escapes at both ends of the text. */
  json_string_is("\"x\"", 3, "\"\\\"x\\\"\"");
}

static void json_number_is(double v, const char *want) {
  rc_buf b;
  rc_buf_init(&b, rc_default_allocator());
  rc_buf_json_number(&b, v);
  assert_finished(&b, want);
}

static void test_json_number(void **state) {
  (void)state;
  json_number_is(0, "0");
  json_number_is(-0.0, "0");
  json_number_is(1, "1");
  json_number_is(0.5, "0.5");
  json_number_is(0.1, "0.1");
  json_number_is(-2.5, "-2.5");
  json_number_is(42, "42");
  /* Below 1e-6: 0 (no "-0" either). */
  json_number_is(1e-7, "0");
  json_number_is(-1e-7, "0");
  /* Six significant digits: 123456.789 -> 123457, 1234.5678 -> 1234.57,
     0.000123456789 -> 0.000123457, 3.14159265 -> 3.14159. */
  json_number_is(123456.789, "123457");
  json_number_is(1234.5678, "1234.57");
  json_number_is(0.000123456789, "0.000123457");
  json_number_is(3.14159265, "3.14159");
  json_number_is(-0.333333333, "-0.333333");
  /* Rounding carries into the integer part: 0.9999996 -> 1, 99999.95 ->
     100000; trailing zeros dropped: 2.50 -> 2.5, 1e-6 -> 0.000001. */
  json_number_is(0.9999996, "1");
  json_number_is(99999.95, "100000");
  json_number_is(2.50, "2.5");
  json_number_is(1e-6, "0.000001");
  /* Large values stay integers, without an exponent. */
  json_number_is(1234567.0, "1234567");
  json_number_is(1e15, "1000000000000000");
  /* Not numbers in JSON: 0. */
  json_number_is(NAN, "0");
  json_number_is(INFINITY, "0");
  json_number_is(-INFINITY, "0");
}

/* The formatting does not go through printf's %g, which follows
   LC_NUMERIC: with a decimal-comma locale the output is unchanged.  The
   test uses such a locale when the system has one. */
static void test_json_number_locale(void **state) {
  (void)state;
  static const char *const names[] = {"de_DE.UTF-8", "de_DE.utf8",
                                      "fr_FR.UTF-8", "fr_FR.utf8",
                                      "de_DE",       "fr_FR"};
  const char *set = NULL;
  for (size_t i = 0; i < sizeof names / sizeof *names && !set; i++)
    set = setlocale(LC_NUMERIC, names[i]);
  if (!set) {
    /* Without such a locale the numbers are still checked in "C". */
    json_number_is(0.5, "0.5");
    skip();
  }
  json_number_is(0.5, "0.5");
  json_number_is(1234.5678, "1234.57");
  json_number_is(-2.25, "-2.25");
  setlocale(LC_NUMERIC, "C");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_mul_add),
      cmocka_unit_test(test_wrapper_calls_allocator),
      cmocka_unit_test(test_default_allocator),
      cmocka_unit_test(test_reserve_growth),
      cmocka_unit_test(test_reserve_overflow),
      cmocka_unit_test(test_vec_push),
      cmocka_unit_test(test_arena_alignment),
      cmocka_unit_test(test_arena_blocks_and_reset),
      cmocka_unit_test(test_arena_strndup),
      cmocka_unit_test(test_buf_appends),
      cmocka_unit_test(test_buf_growth),
      cmocka_unit_test(test_buf_sticky_failure),
      cmocka_unit_test(test_buf_finish_empty),
      cmocka_unit_test(test_recap_free_uses_allocator),
      cmocka_unit_test(test_json_string),
      cmocka_unit_test(test_json_number),
      cmocka_unit_test(test_json_number_locale),
  };
  return cmocka_run_group_tests_name("mem", tests, NULL, NULL);
}
