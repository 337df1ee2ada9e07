/*
 * test_greedy.c - unit tests for lazy greedy selection (src/greedy.c).
 *
 * The oracle is the eager greedy: recompute every remaining item's gain
 * and take the best (ties to the smaller id).  With gains that only fall
 * as items are taken, the lazy heap must pop the same sequence.
 */
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "greedy.h"

/* Items are sets of up to 4 of 16 concepts; an item's gain is the number
   of its concepts not yet covered, times its weight: submodular, so gains
   only fall. */
typedef struct world {
  unsigned items[64]; /* concept bit sets */
  double weight[64];
  unsigned covered;
  int evaluations;
} world;

static double covered_gain(const void *ctx, uint32_t id) {
  world *w = (world *)ctx;
  w->evaluations++;
  return w->weight[id] * __builtin_popcount(w->items[id] & ~w->covered);
}

/* The eager greedy's choice among the items not yet taken. */
static int eager_best(world *w, const int *taken, size_t n) {
  int best = -1;
  double g = 0;
  for (size_t i = 0; i < n; i++) {
    if (taken[i])
      continue;
    double gi = covered_gain(w, (uint32_t)i);
    if (best < 0 || gi > g) {
      best = (int)i;
      g = gi;
    }
  }
  return best;
}

static void test_lazy_matches_eager(void **state) {
  (void)state;
  srand(7);
  for (int round = 0; round < 200; round++) {
    world w;
    memset(&w, 0, sizeof w);
    size_t n = 1 + (size_t)(rand() % 64);
    for (size_t i = 0; i < n; i++) {
      for (int k = 0; k < 4; k++)
        w.items[i] |= 1u << (rand() % 16);
      w.weight[i] = 1 + rand() % 3; /* small integers: exact ties happen */
    }
    rc_greedy h[64];
    for (size_t i = 0; i < n; i++)
      h[i].id = (uint32_t)i;
    rc_greedy_init(h, n, covered_gain, &w);
    int taken[64] = {0};
    size_t left = n;
    rc_greedy got;
    for (size_t step = 0; step < n; step++) {
      int want = eager_best(&w, taken, n);
      assert_true(rc_greedy_pop(h, &left, covered_gain, &w, &got));
      assert_int_equal(got.id, want);
      assert_int_equal(left, n - step - 1);
      taken[got.id] = 1;
      w.covered |= w.items[got.id];
    }
    assert_false(rc_greedy_pop(h, &left, covered_gain, &w, &got));
  }
}

/* Gains that never change are computed once each, and once more when an
   item reaches the top: the point of being lazy. */
static void test_unchanged_gains_not_recomputed(void **state) {
  (void)state;
  world w;
  memset(&w, 0, sizeof w);
  size_t n = 40;
  for (size_t i = 0; i < n; i++) {
    w.items[i] = 1u << (i % 16);
    w.weight[i] = (double)(n - i);
  }
  rc_greedy h[64];
  for (size_t i = 0; i < n; i++)
    h[i].id = (uint32_t)i;
  rc_greedy_init(h, n, covered_gain, &w);
  assert_int_equal(w.evaluations, (int)n);
  rc_greedy got;
  size_t left = n;
  assert_true(rc_greedy_pop(h, &left, covered_gain, &w, &got));
  assert_int_equal(got.id, 0);
  assert_true(got.gain == 40.0);
  assert_int_equal(w.evaluations, (int)n + 1);
}

static void test_empty(void **state) {
  (void)state;
  rc_greedy h[1];
  size_t n = 0;
  rc_greedy_init(h, 0, covered_gain, NULL);
  assert_false(rc_greedy_pop(h, &n, covered_gain, NULL, &h[0]));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_lazy_matches_eager),
      cmocka_unit_test(test_unchanged_gains_not_recomputed),
      cmocka_unit_test(test_empty),
  };
  return cmocka_run_group_tests_name("greedy", tests, NULL, NULL);
}
