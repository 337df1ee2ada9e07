/*
 * test_offmap.c - unit tests for the derived-to-source offset map
 * (src/offmap.c).
 *
 * Each test lays out a derived text and the source it came from in a
 * comment, byte by byte; the expected offsets are read off that layout.
 */
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "offmap.h"

static const recap_allocator *A;

static void add(rc_offmap *m, size_t dst, size_t dst_len, size_t src,
                size_t src_len) {
  assert_int_equal(rc_offmap_add(A, m, dst, dst_len, src, src_len), RECAP_OK);
}

static void assert_piece(const rc_offmap *m, size_t i, size_t dst,
                         size_t dst_len, size_t src, size_t src_len,
                         size_t unit) {
  assert_true(i < m->pts.len);
  const rc_offpiece *p = &m->pts.data[i];
  assert_int_equal(rc_offpiece_dst(p), dst);
  assert_int_equal(rc_offpiece_dst_len(p), dst_len);
  assert_int_equal(rc_offpiece_src(p), src);
  assert_int_equal(rc_offpiece_src_len(p), src_len);
  assert_int_equal(rc_offpiece_unit(p), unit);
}

static void test_pieces_merge(void **state) {
  (void)state;
  rc_offmap m;
  memset(&m, 0, sizeof m);
  /* Copied text in three calls that continue each other: one piece. */
  add(&m, 0, 5, 0, 5);
  add(&m, 5, 3, 5, 3);
  add(&m, 8, 1, 8, 1);
  assert_int_equal(m.pts.len, 1);
  assert_piece(&m, 0, 0, 9, 0, 9, 1);

  /* A gap in the source (a stripped tag): a new piece. */
  add(&m, 9, 2, 15, 2);
  assert_int_equal(m.pts.len, 2);
  assert_piece(&m, 1, 9, 2, 15, 2, 1);

  /* Ratio 2 after ratio 1: a new piece even though contiguous... */
  add(&m, 11, 2, 17, 4);
  assert_int_equal(m.pts.len, 3);
  assert_piece(&m, 2, 11, 2, 17, 4, 2);
  /* ...and ratio-2 pieces that continue each other merge. */
  add(&m, 13, 3, 21, 6);
  assert_int_equal(m.pts.len, 3);
  assert_piece(&m, 2, 11, 5, 17, 10, 2);

  /* Replacements (3 bytes from 1) never merge, not even with each other. */
  add(&m, 16, 3, 27, 1);
  add(&m, 19, 3, 28, 1);
  assert_int_equal(m.pts.len, 5);
  assert_piece(&m, 3, 16, 3, 27, 1, 0);
  assert_piece(&m, 4, 19, 3, 28, 1, 0);
  /* Nor does copied text after a replacement. */
  add(&m, 22, 1, 29, 1);
  assert_int_equal(m.pts.len, 6);

  /* Empty pieces are ignored. */
  add(&m, 23, 0, 40, 7);
  assert_int_equal(m.pts.len, 6);
  RC_VEC_FREE(A, m.pts);
}

/*
 * derived:  h e l l o _ w o r l d          (0..11)
 * source:   <b>h e l l o</b> _ w o r l d   "hello" at 3, " world" at 12
 *
 *   piece 0: dst [0,5)  <- src [3,8)
 *   piece 1: dst [5,11) <- src [12,18)
 */
static void test_identity_pieces(void **state) {
  (void)state;
  rc_offmap m;
  memset(&m, 0, sizeof m);
  add(&m, 0, 5, 3, 5);
  add(&m, 5, 6, 12, 6);
  assert_int_equal(m.pts.len, 2);
  /* Starts. */
  assert_int_equal(rc_offmap_lookup(&m, 0), 3);
  assert_int_equal(rc_offmap_lookup(&m, 4), 7);
  assert_int_equal(rc_offmap_lookup(&m, 5), 12);
  assert_int_equal(rc_offmap_lookup(&m, 10), 17);
  /* Ends: "hello" ends at 8 (before the </b>), "hello world" at 18. */
  assert_int_equal(rc_offmap_lookup_end(&m, 5), 8);
  assert_int_equal(rc_offmap_lookup_end(&m, 3), 6);
  assert_int_equal(rc_offmap_lookup_end(&m, 6), 13);
  assert_int_equal(rc_offmap_lookup_end(&m, 11), 18);
  /* The end of nothing at 0 is the start. */
  assert_int_equal(rc_offmap_lookup_end(&m, 0), 3);
  /* Past the last piece the map continues linearly. */
  assert_int_equal(rc_offmap_lookup(&m, 11), 18);
  assert_int_equal(rc_offmap_lookup(&m, 13), 20);
  assert_int_equal(rc_offmap_lookup_end(&m, 13), 20);
  RC_VEC_FREE(A, m.pts);
}

/*
 * derived:  a  [EF BF BD]  b        U+FFFD replacing two bad bytes
 *           0   1  2  3    4
 * source:   a  [E1 80]     b        a truncated 3-byte sequence: one
 *           0   1  2       3        maximal subpart of two bytes
 *
 *   piece 0: dst [0,1) <- src [0,1)   unit 1
 *   piece 1: dst [1,4) <- src [1,3)   unit 0: maps as a whole
 *   piece 2: dst [4,5) <- src [3,4)   unit 1
 */
static void test_replacement_pieces(void **state) {
  (void)state;
  rc_offmap m;
  memset(&m, 0, sizeof m);
  add(&m, 0, 1, 0, 1);
  add(&m, 1, 3, 1, 2);
  add(&m, 4, 1, 3, 1);
  assert_int_equal(m.pts.len, 3);
  assert_int_equal(rc_offpiece_unit(&m.pts.data[1]), 0);
  /* Every byte of the replacement starts where the bad bytes start... */
  assert_int_equal(rc_offmap_lookup(&m, 1), 1);
  assert_int_equal(rc_offmap_lookup(&m, 2), 1);
  assert_int_equal(rc_offmap_lookup(&m, 3), 1);
  /* ...and text ending inside or after it ends after them. */
  assert_int_equal(rc_offmap_lookup_end(&m, 2), 3);
  assert_int_equal(rc_offmap_lookup_end(&m, 3), 3);
  assert_int_equal(rc_offmap_lookup_end(&m, 4), 3);
  assert_int_equal(rc_offmap_lookup_end(&m, 1), 1);
  assert_int_equal(rc_offmap_lookup(&m, 4), 3);
  assert_int_equal(rc_offmap_lookup_end(&m, 5), 4);
  RC_VEC_FREE(A, m.pts);
}

/*
 * ASCII from UTF-16LE after its BOM:
 * derived:  h i !                    0 1 2
 * source:   FF FE h 00 i 00 ! 00     2 4 6, ending at 8
 */
static void test_ratio_two(void **state) {
  (void)state;
  rc_offmap m;
  memset(&m, 0, sizeof m);
  add(&m, 0, 1, 2, 2);
  add(&m, 1, 1, 4, 2);
  add(&m, 2, 1, 6, 2);
  assert_int_equal(m.pts.len, 1);
  assert_piece(&m, 0, 0, 3, 2, 6, 2);
  assert_int_equal(rc_offmap_lookup(&m, 0), 2);
  assert_int_equal(rc_offmap_lookup(&m, 1), 4);
  assert_int_equal(rc_offmap_lookup(&m, 2), 6);
  assert_int_equal(rc_offmap_lookup_end(&m, 1), 4);
  assert_int_equal(rc_offmap_lookup_end(&m, 2), 6);
  assert_int_equal(rc_offmap_lookup_end(&m, 3), 8);
  RC_VEC_FREE(A, m.pts);
}

/*
 * A separator the reader inserted with no source (the '\n' after a cue):
 * derived:  o n e \n t w o           0..7
 * source:   1 \n o n e \n \n 2 \n t w o    "one" at 2, "two" at 9
 *
 *   piece 0: dst [0,3) <- src [2,5);   dst 3 has no piece;
 *   piece 1: dst [4,7) <- src [9,12)
 */
static void test_between_pieces(void **state) {
  (void)state;
  rc_offmap m;
  memset(&m, 0, sizeof m);
  add(&m, 0, 3, 2, 3);
  add(&m, 4, 3, 9, 3);
  assert_int_equal(m.pts.len, 2);
  /* The separator maps just after the piece before it. */
  assert_int_equal(rc_offmap_lookup(&m, 3), 5);
  assert_int_equal(rc_offmap_lookup_end(&m, 3), 5);
  assert_int_equal(rc_offmap_lookup_end(&m, 4), 6);
  assert_int_equal(rc_offmap_lookup(&m, 4), 9);
  assert_int_equal(rc_offmap_lookup_end(&m, 7), 12);
  RC_VEC_FREE(A, m.pts);
}

static void test_before_first_piece(void **state) {
  (void)state;
  /* Positions before the first piece use the base shift. */
  rc_offmap m;
  memset(&m, 0, sizeof m);
  m.base = 3;
  add(&m, 2, 2, 10, 2);
  assert_int_equal(rc_offmap_lookup(&m, 0), 3);
  assert_int_equal(rc_offmap_lookup(&m, 1), 4);
  assert_int_equal(rc_offmap_lookup_end(&m, 1), 4);
  assert_int_equal(rc_offmap_lookup_end(&m, 2), 5);
  assert_int_equal(rc_offmap_lookup(&m, 2), 10);
  assert_int_equal(rc_offmap_lookup_end(&m, 4), 12);
  RC_VEC_FREE(A, m.pts);
}

static void test_empty_map(void **state) {
  (void)state;
  rc_offmap m;
  memset(&m, 0, sizeof m);
  /* The identity. */
  assert_int_equal(rc_offmap_lookup(&m, 0), 0);
  assert_int_equal(rc_offmap_lookup(&m, 42), 42);
  assert_int_equal(rc_offmap_lookup_end(&m, 0), 0);
  assert_int_equal(rc_offmap_lookup_end(&m, 42), 42);
  /* Shifted by base (a dropped 3-byte BOM). */
  m.base = 3;
  assert_int_equal(rc_offmap_lookup(&m, 0), 3);
  assert_int_equal(rc_offmap_lookup(&m, 10), 13);
  assert_int_equal(rc_offmap_lookup_end(&m, 0), 3);
  assert_int_equal(rc_offmap_lookup_end(&m, 5), 8);
}

static void test_many_pieces(void **state) {
  (void)state;
  /* 1000 pieces of 2 derived bytes each, source gaps of 1 byte between
     them: piece k is dst [2k, 2k+2) <- src [3k, 3k+2).  The binary search
     finds each. */
  rc_offmap m;
  memset(&m, 0, sizeof m);
  for (size_t k = 0; k < 1000; k++)
    add(&m, 2 * k, 2, 3 * k, 2);
  assert_int_equal(m.pts.len, 1000);
  for (size_t k = 0; k < 1000; k++) {
    assert_int_equal(rc_offmap_lookup(&m, 2 * k), 3 * k);
    assert_int_equal(rc_offmap_lookup(&m, 2 * k + 1), 3 * k + 1);
    assert_int_equal(rc_offmap_lookup_end(&m, 2 * k + 2), 3 * k + 2);
    assert_int_equal(rc_offmap_lookup_end(&m, 2 * k + 1), 3 * k + 1);
  }
  RC_VEC_FREE(A, m.pts);
}

/* Copied text longer than a piece holds (RC_OFFPIECE_MAX) takes several
   pieces that map as one; positions are only numbers here, no text is
   needed. */
static void test_long_pieces(void **state) {
  (void)state;
  rc_offmap m;
  memset(&m, 0, sizeof m);
  size_t big = 2 * RC_OFFPIECE_MAX + 5;
  add(&m, 0, big, 10, big);
  assert_int_equal(m.pts.len, 3);
  assert_piece(&m, 2, 2 * RC_OFFPIECE_MAX, 5, 2 * RC_OFFPIECE_MAX + 10, 5, 1);
  assert_int_equal(rc_offmap_lookup(&m, RC_OFFPIECE_MAX + 7),
                   RC_OFFPIECE_MAX + 17);
  assert_int_equal(rc_offmap_lookup_end(&m, RC_OFFPIECE_MAX),
                   RC_OFFPIECE_MAX + 10);
  assert_int_equal(rc_offmap_lookup_end(&m, big), big + 10);
  /* ASCII from UTF-16 just as long: two source bytes a byte. */
  add(&m, big, big, big + 10, 2 * big);
  assert_int_equal(m.pts.len, 6);
  assert_int_equal(rc_offmap_lookup(&m, big + RC_OFFPIECE_MAX + 3),
                   big + 10 + 2 * (RC_OFFPIECE_MAX + 3));
  assert_int_equal(rc_offmap_lookup_end(&m, 2 * big), 3 * big + 10);
  RC_VEC_FREE(A, m.pts);
}

/* A piece holds offsets below RC_OFF_LIMIT in 16 bytes; past it, or
   wrapping around, the map refuses rather than mapping wrongly. */
static void test_offset_limit(void **state) {
  (void)state;
  rc_offmap m;
  memset(&m, 0, sizeof m);
  size_t top = (size_t)RC_OFF_LIMIT;
  add(&m, top - 10, 10, top - 20, 10);
  assert_piece(&m, 0, top - 10, 10, top - 20, 10, 1);
  assert_int_equal(rc_offmap_lookup(&m, top - 3), top - 13);
  assert_int_equal(rc_offmap_add(A, &m, top, 1, 5, 1), RECAP_ERR_TOO_LARGE);
  assert_int_equal(rc_offmap_add(A, &m, 5, 1, top - 1, 2), RECAP_ERR_TOO_LARGE);
  assert_int_equal(rc_offmap_add(A, &m, 5, SIZE_MAX, 0, SIZE_MAX),
                   RECAP_ERR_TOO_LARGE);
  assert_int_equal(m.pts.len, 1);
  RC_VEC_FREE(A, m.pts);
}

static void test_nomem(void **state) {
  (void)state;
  counting c; /* every allocation fails */
  recap_allocator bad = counting_allocator(&c, 1, FAIL_FROM);
  rc_offmap m;
  memset(&m, 0, sizeof m);
  assert_int_equal(rc_offmap_add(&bad, &m, 0, 1, 0, 1), RECAP_ERR_NOMEM);
  assert_int_equal(m.pts.len, 0);
  /* A zero-length piece needs no memory. */
  assert_int_equal(rc_offmap_add(&bad, &m, 0, 0, 0, 1), RECAP_OK);
}

int main(void) {
  A = rc_default_allocator();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pieces_merge),
      cmocka_unit_test(test_identity_pieces),
      cmocka_unit_test(test_replacement_pieces),
      cmocka_unit_test(test_ratio_two),
      cmocka_unit_test(test_between_pieces),
      cmocka_unit_test(test_before_first_piece),
      cmocka_unit_test(test_empty_map),
      cmocka_unit_test(test_many_pieces),
      cmocka_unit_test(test_long_pieces),
      cmocka_unit_test(test_offset_limit),
      cmocka_unit_test(test_nomem),
  };
  return cmocka_run_group_tests_name("offmap", tests, NULL, NULL);
}
