/*
 * test_strtab.c - unit tests for string interning (src/strtab.c).
 *
 * Ids are dense and given in first-seen order, so every expected id below
 * is the position of the key's first appearance.  The hash values were
 * computed by hand from the algorithm described in strtab.c (a Python
 * transcription of the mixing steps, see the comment at test_hash_values).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "mem.h"
#include "strtab.h"

/* ---- helpers
 * ------------------------------------------------------------------ */

static uint32_t intern(rc_strtab *t, const char *s, int want_added) {
  uint32_t id = 12345;
  int added = -1;
  assert_int_equal(rc_strtab_intern(t, s, strlen(s), &id, &added), RECAP_OK);
  assert_int_equal(added, want_added);
  return id;
}

static void assert_str(const rc_strtab *t, uint32_t id, const char *want,
                       size_t want_len) {
  size_t n;
  const char *s = rc_strtab_str(t, id, &n);
  assert_int_equal(n, want_len);
  assert_memory_equal(s, want, want_len);
}

/* ---- tests
 * ----------------------------------------------------------------------- */

static void test_first_seen_order(void **state) {
  (void)state;
  rc_strtab t;
  rc_strtab_init(&t, rc_default_allocator());
  /* Nothing is found in an empty table (which has no slots yet). */
  assert_int_equal(rc_strtab_find(&t, "apple", 5), RC_NO_ID);

  assert_int_equal(intern(&t, "apple", 1), 0);
  assert_int_equal(intern(&t, "banana", 1), 1);
  assert_int_equal(intern(&t, "apple", 0), 0);
  assert_int_equal(intern(&t, "cherry", 1), 2);
  assert_int_equal(intern(&t, "banana", 0), 1);
  /* Case and prefixes are different keys. */
  assert_int_equal(intern(&t, "Apple", 1), 3);
  assert_int_equal(intern(&t, "app", 1), 4);
  assert_int_equal(intern(&t, "", 1), 5);
  assert_int_equal(intern(&t, "", 0), 5);
  assert_int_equal(t.count, 6);
  /* "apple" "banana" "cherry" "Apple" "app" "": 5+6+6+5+3+0 bytes. */
  assert_int_equal(t.pool_len, 25);

  assert_int_equal(rc_strtab_find(&t, "banana", 6), 1);
  assert_int_equal(rc_strtab_find(&t, "cherry", 6), 2);
  assert_int_equal(rc_strtab_find(&t, "", 0), 5);
  assert_int_equal(rc_strtab_find(&t, "durian", 6), RC_NO_ID);
  assert_int_equal(rc_strtab_find(&t, "banan", 5), RC_NO_ID);
  /* find compares n bytes, not up to a NUL. */
  assert_int_equal(rc_strtab_find(&t, "cherry pie", 6), 2);

  assert_str(&t, 0, "apple", 5);
  assert_str(&t, 3, "Apple", 5);
  assert_str(&t, 5, "", 0);

  /* The added pointer is optional. */
  uint32_t id;
  assert_int_equal(rc_strtab_intern(&t, "banana", 6, &id, NULL), RECAP_OK);
  assert_int_equal(id, 1);
  rc_strtab_free(&t);
  assert_int_equal(t.count, 0);
  rc_strtab_free(&t); /* twice is harmless */
}

static void test_clear(void **state) {
  (void)state;
  rc_strtab t;
  rc_strtab_init(&t, rc_default_allocator());
  intern(&t, "one", 1);
  intern(&t, "two", 1);
  size_t nslots = t.nslots;
  rc_strtab_clear(&t);
  assert_int_equal(t.count, 0);
  assert_int_equal(t.pool_len, 0);
  assert_int_equal(t.nslots, nslots); /* memory kept */
  assert_int_equal(rc_strtab_find(&t, "one", 3), RC_NO_ID);
  assert_int_equal(rc_strtab_find(&t, "two", 3), RC_NO_ID);
  /* Ids start again from 0. */
  assert_int_equal(intern(&t, "two", 1), 0);
  assert_int_equal(intern(&t, "three", 1), 1);
  assert_int_equal(intern(&t, "one", 1), 2);
  assert_str(&t, 0, "two", 3);
  assert_str(&t, 2, "one", 3);
  rc_strtab_free(&t);

  /* Clearing a table that never held anything. */
  rc_strtab_init(&t, rc_default_allocator());
  rc_strtab_clear(&t);
  assert_int_equal(rc_strtab_find(&t, "x", 1), RC_NO_ID);
  rc_strtab_free(&t);
}

static void test_many_keys(void **state) {
  (void)state;
  enum { N = 100000 };
  rc_strtab t;
  rc_strtab_init(&t, rc_default_allocator());
  char key[32];
  size_t bytes = 0;
  for (uint32_t i = 0; i < N; i++) {
    int n = snprintf(key, sizeof key, "key-%u", i);
    uint32_t id;
    int added;
    assert_int_equal(rc_strtab_intern(&t, key, (size_t)n, &id, &added),
                     RECAP_OK);
    assert_int_equal(added, 1);
    assert_int_equal(id, i);
    bytes += (size_t)n;
  }
  assert_int_equal(t.count, N);
  assert_int_equal(t.pool_len, bytes);
  /* Load factor at most 1/2 with a power-of-two capacity: 64 slots first,
     doubled whenever count + 1 > slots / 2, so 100,000 keys end in
     2^18 = 262,144 slots (2^17 = 131,072 holds only 65,536) after 12
     rehashes. */
  assert_int_equal(t.nslots, 262144);

  /* Every key is still where it was put, across all the rehashes. */
  for (uint32_t i = 0; i < N; i++) {
    int n = snprintf(key, sizeof key, "key-%u", i);
    assert_int_equal(rc_strtab_find(&t, key, (size_t)n), i);
    uint32_t id;
    int added;
    assert_int_equal(rc_strtab_intern(&t, key, (size_t)n, &id, &added),
                     RECAP_OK);
    assert_int_equal(added, 0);
    assert_int_equal(id, i);
  }
  assert_int_equal(t.count, N);
  assert_str(&t, 0, "key-0", 5);
  assert_str(&t, 99999, "key-99999", 9);
  assert_int_equal(rc_strtab_find(&t, "key-100000", 10), RC_NO_ID);
  assert_int_equal(rc_strtab_find(&t, "key-", 4), RC_NO_ID);
  rc_strtab_free(&t);
}

static void test_binary_keys(void **state) {
  (void)state;
  rc_strtab t;
  rc_strtab_init(&t, rc_default_allocator());
  uint32_t id[6];
  /* Keys that differ only after a NUL, or in length by trailing NULs. */
  static const struct {
    const char *s;
    size_t n;
  } keys[] = {{"a\0b", 3}, {"a\0c", 3}, {"a", 1},
              {"a\0", 2},  {"\0", 1},   {"\0\0", 2}};
  for (uint32_t i = 0; i < 6; i++) {
    int added;
    assert_int_equal(rc_strtab_intern(&t, keys[i].s, keys[i].n, &id[i], &added),
                     RECAP_OK);
    assert_int_equal(added, 1);
    assert_int_equal(id[i], i);
  }
  for (uint32_t i = 0; i < 6; i++) {
    assert_int_equal(rc_strtab_find(&t, keys[i].s, keys[i].n), i);
    assert_str(&t, i, keys[i].s, keys[i].n);
  }
  assert_int_equal(rc_strtab_find(&t, "a\0d", 3), RC_NO_ID);
  assert_int_equal(rc_strtab_find(&t, "\0\0\0", 3), RC_NO_ID);
  /* Bytes above 0x7F are plain bytes too. */
  uint32_t x;
  assert_int_equal(rc_strtab_intern(&t, "\xFF\xFE", 2, &x, NULL), RECAP_OK);
  assert_int_equal(x, 6);
  assert_int_equal(rc_strtab_find(&t, "\xFF\xFE", 2), 6);
  rc_strtab_free(&t);
}

/* An empty key in a table that holds nothing else has no pool behind it:
   its text is still a valid empty string (found by fuzz_json: the word
   facts cache met a word whose stem is empty before any other). */
static void test_only_empty_key(void **state) {
  (void)state;
  rc_strtab t;
  rc_strtab_init(&t, rc_default_allocator());
  uint32_t id;
  assert_int_equal(rc_strtab_intern(&t, "", 0, &id, NULL), RECAP_OK);
  size_t len = 1;
  const char *s = rc_strtab_str(&t, id, &len);
  assert_non_null(s);
  assert_int_equal(len, 0);
  assert_int_equal(rc_strtab_find(&t, "", 0), id);
  rc_strtab_free(&t);
}

/*
 * The hash is seeded with a constant, so it is the same in every run and
 * every process.  Expected values: the algorithm of strtab.c transcribed
 * by hand into Python (h = 0x9e3779b97f4a7c15 ^ len; 8-byte little-endian
 * words mixed as h = mix(h ^ w) + 0x9e37...; the tail read little-endian,
 * then h = mix(h ^ tail ^ (len << 59)); the low 32 bits).  Keys of fewer
 * than eight bytes do not depend on the machine's byte order.
 */
static void test_hash_values(void **state) {
  (void)state;
  assert_int_equal(rc_hash("", 0), 0x001b3979u);
  assert_int_equal(rc_hash("a", 1), 0x3ff8ea41u);
  assert_int_equal(rc_hash("abc", 3), 0x512c08f9u);
  assert_int_equal(rc_hash("recap", 5), 0xcf2c8d0bu);
  assert_int_equal(rc_hash("a\0b", 3), 0xc5db4fa9u);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  assert_int_equal(rc_hash("interning", 9), 0x0b8dbca8u);
  assert_int_equal(rc_hash("0123456789abcdef", 16), 0xfbb58064u);
#endif
  /* Only the n bytes given count. */
  assert_int_equal(rc_hash("abcdef", 3), 0x512c08f9u);
  /* Same bytes, same hash, wherever they are stored. */
  char copy[4] = {'a', 'b', 'c', 0};
  assert_int_equal(rc_hash(copy, 3), rc_hash("abc", 3));
}

/* The hash's first form, a byte at a time: the loads of the tail (two
   overlapping ones for four to seven bytes, three single ones below) give
   the same values for every length. */
static uint32_t hash_bytewise(const unsigned char *p, size_t len) {
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ (uint64_t)len;
  while (len >= 8) {
    uint64_t w;
    memcpy(&w, p, 8);
    uint64_t x = h ^ w;
    for (int r = 0; r < 2; r++) {
      x ^= x >> 32;
      x *= 0xd6e8feb86659fd93ULL;
    }
    x ^= x >> 32;
    h = x + 0x9e3779b97f4a7c15ULL;
    p += 8;
    len -= 8;
  }
  uint64_t w = 0;
  for (size_t i = 0; i < len; i++)
    w |= (uint64_t)p[i] << (8 * i);
  uint64_t x = h ^ w ^ ((uint64_t)len << 59);
  for (int r = 0; r < 2; r++) {
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ULL;
  }
  x ^= x >> 32;
  return (uint32_t)x;
}

static void test_hash_tails(void **state) {
  (void)state;
  unsigned char buf[40];
  for (size_t i = 0; i < sizeof buf; i++)
    buf[i] = (unsigned char)(i * 37 + 200);
  for (size_t off = 0; off < 8; off++)
    for (size_t n = 0; off + n <= sizeof buf; n++)
      assert_int_equal(rc_hash(buf + off, n), hash_bytewise(buf + off, n));
}

/* Keys that agree in their first eight bytes, the tag's length classes
   (up to 14, then 15 for all longer ones), and the hashed-key calls. */
static void test_long_keys(void **state) {
  (void)state;
  rc_strtab t;
  rc_strtab_init(&t, rc_default_allocator());
  static const char *const keys[] = {
      "abcdefgh",         "abcdefgh1",
      "abcdefgh2",        "abcdefghijklmno",
      "abcdefghijklmnp",  "abcdefghijklmnop",
      "abcdefghijklmnoq", "abcdefghijklmn",
      "abcdefg",          "abcdefghijklmnopqrstuvwxyz0123456789"};
  enum { K = sizeof keys / sizeof *keys };
  for (uint32_t i = 0; i < K; i++)
    assert_int_equal(intern(&t, keys[i], 1), i);
  for (uint32_t i = 0; i < K; i++) {
    rc_strkey k;
    rc_strkey_init(&k, keys[i], strlen(keys[i]));
    assert_int_equal(k.hash, rc_hash(keys[i], strlen(keys[i])));
    assert_int_equal(rc_strtab_find_key(&t, &k), i);
    uint32_t id;
    int added;
    assert_int_equal(rc_strtab_intern_key(&t, &k, &id, &added), RECAP_OK);
    assert_int_equal(id, i);
    assert_int_equal(added, 0);
    assert_str(&t, i, keys[i], strlen(keys[i]));
  }
  assert_int_equal(rc_strtab_find(&t, "abcdefgh3", 9), RC_NO_ID);
  assert_int_equal(rc_strtab_find(&t, "abcdefghijklmnopq", 17), RC_NO_ID);
  /* A new key through the hashed call. */
  rc_strkey k;
  rc_strkey_init(&k, "abcdefgh12", 10);
  uint32_t id;
  int added;
  assert_int_equal(rc_strtab_intern_key(&t, &k, &id, &added), RECAP_OK);
  assert_int_equal(id, K);
  assert_int_equal(added, 1);
  assert_int_equal(rc_strtab_find(&t, "abcdefgh12", 10), K);
  rc_strtab_free(&t);
}

static void test_allocation_failure(void **state) {
  (void)state;
  /* Fail allocation k for every k until interning 100 keys succeeds:
     each failure is reported, and the table stays usable and leak-free. */
  for (size_t k = 1;; k++) {
    counting c;
    recap_allocator a = counting_allocator(&c, k, FAIL_FROM);
    rc_strtab t;
    rc_strtab_init(&t, &a);
    recap_status st = RECAP_OK;
    uint32_t done = 0;
    char key[16];
    for (uint32_t i = 0; i < 100 && st == RECAP_OK; i++) {
      int n = snprintf(key, sizeof key, "w%u", i);
      uint32_t id;
      st = rc_strtab_intern(&t, key, (size_t)n, &id, NULL);
      if (st == RECAP_OK) {
        assert_int_equal(id, i);
        done++;
      }
    }
    /* Whatever went in is still there. */
    for (uint32_t i = 0; i < done; i++) {
      int n = snprintf(key, sizeof key, "w%u", i);
      assert_int_equal(rc_strtab_find(&t, key, (size_t)n), i);
    }
    assert_int_equal(t.count, done);
    rc_strtab_free(&t);
    assert_int_equal(c.live, 0);
    if (st == RECAP_OK)
      break;
    assert_int_equal(st, RECAP_ERR_NOMEM);
    assert_true(k < 100);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_first_seen_order),
      cmocka_unit_test(test_clear),
      cmocka_unit_test(test_only_empty_key),
      cmocka_unit_test(test_many_keys),
      cmocka_unit_test(test_binary_keys),
      cmocka_unit_test(test_hash_values),
      cmocka_unit_test(test_hash_tails),
      cmocka_unit_test(test_long_keys),
      cmocka_unit_test(test_allocation_failure),
  };
  return cmocka_run_group_tests_name("strtab", tests, NULL, NULL);
}
