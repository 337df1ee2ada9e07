/*
 * test_rank.c - unit tests for the weighted PageRank (src/rank.c).
 *
 * Each graph's stationary vector is solved exactly, by hand, from the
 * fixed-point equation of rank.h,
 *
 *   x_i = (1 - d) p_i + d (sum_j w_ji x_j / W_j + p_i sum_{W_k = 0} x_k),
 *
 * with d = 0.85 = 17/20, so (1 - d) = 3/20; the fractions are in the
 * comments.  Edge weights are small integers, exact in a float.
 *
 * Tolerance: rc_pagerank stops when the L1 change of one round is below
 * the tolerance it is given.  The error left then is at most d / (1 - d)
 * times that change (a contraction of factor d).  Scores are floats (about
 * 7 digits), so these tests ask for 1e-7 (EXACT), leaving about 6e-7 in
 * L1, and compare within 1e-6.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "test_util.h"

#include "rank.h"

#define EXACT 1e-7
#define TOL 1e-6
#define FLOAT_EPS 1e-7 /* a score that is exact but for float rounding */

static const recap_allocator *A;

/* A symmetric CSR graph from undirected edges (i, j, w), i != j, each
   given once (a repeated pair acts as one edge of the summed weight): the
   shape the sentence graph (tfidf.c) writes directly. */
typedef struct edge {
  uint32_t a, b;
  float w;
} edge;

static recap_status graph_from_edges(const recap_allocator *a, size_t n,
                                     const edge *edges, size_t nedges,
                                     rc_graph *g) {
  memset(g, 0, sizeof *g);
  size_t slots;
  if (!rc_mul(nedges, 2, &slots))
    return RECAP_ERR_TOO_LARGE;
  g->n = n;
  g->row = rc_calloc(a, n + 1, sizeof *g->row);
  g->col = rc_calloc(a, slots ? slots : 1, sizeof *g->col);
  g->w = rc_calloc(a, slots ? slots : 1, sizeof *g->w);
  if (!g->row || !g->col || !g->w) {
    rc_graph_free(a, g);
    return RECAP_ERR_NOMEM;
  }
  /* Counting sort of both directions into rows. */
  for (size_t e = 0; e < nedges; e++) {
    g->row[edges[e].a + 1]++;
    g->row[edges[e].b + 1]++;
  }
  for (size_t i = 0; i < n; i++)
    g->row[i + 1] += g->row[i];
  uint32_t *fill = rc_calloc(a, n ? n : 1, sizeof *fill);
  if (!fill) {
    rc_graph_free(a, g);
    return RECAP_ERR_NOMEM;
  }
  memcpy(fill, g->row, n * sizeof *fill);
  for (size_t e = 0; e < nedges; e++) {
    const edge *x = &edges[e];
    g->col[fill[x->a]] = x->b;
    g->w[fill[x->a]++] = x->w;
    g->col[fill[x->b]] = x->a;
    g->w[fill[x->b]++] = x->w;
  }
  rc_free(a, fill);
  return RECAP_OK;
}

static void build(rc_graph *g, size_t n, const edge *e, size_t ne) {
  assert_int_equal(graph_from_edges(A, n, e, ne, g), RECAP_OK);
}

static void rank(const rc_graph *g, const double *bias, float *out) {
  size_t iter = 0;
  assert_int_equal(rc_pagerank(A, g, bias, RC_DAMPING, EXACT, out, &iter),
                   RECAP_OK);
  assert_true(iter >= 1 && iter <= RC_RANK_MAX_ITER);
}

static void assert_scores(const float *got, const double *want, size_t n,
                          double tol) {
  double sum = 0;
  for (size_t i = 0; i < n; i++) {
    if (!(fabs(got[i] - want[i]) <= tol))
      fail_msg("score %zu is %.12f, want %.12f (error %.3g)", i, got[i],
               want[i], fabs(got[i] - want[i]));
    sum += got[i];
  }
  if (!(fabs(sum - 1) <= tol))
    fail_msg("scores sum to %.12f", sum);
}

/* ---- graph building
 * ------------------------------------------------------------ */

static void test_graph_build(void **state) {
  (void)state;
  /* Edges 0-1 (1), 0-2 (2), 1-2 (0.5): each node's row lists its
     neighbours in edge order. */
  const edge e[] = {{0, 1, 1.0f}, {0, 2, 2.0f}, {1, 2, 0.5f}};
  rc_graph g;
  build(&g, 3, e, 3);
  assert_int_equal(g.n, 3);
  /* Row offsets are 4 bytes a node (a 100 MB meeting: 1.1 M nodes). */
  assert_int_equal(sizeof *g.row, sizeof(uint32_t));
  static const size_t row[] = {0, 2, 4, 6};
  static const uint32_t col[] = {1, 2, 0, 2, 0, 1};
  static const float w[] = {1.0f, 2.0f, 1.0f, 0.5f, 2.0f, 0.5f};
  for (size_t i = 0; i < 4; i++)
    assert_int_equal(g.row[i], row[i]);
  for (size_t i = 0; i < 6; i++) {
    assert_int_equal(g.col[i], col[i]);
    assert_true(g.w[i] == w[i]);
  }
  rc_graph_free(A, &g);
  assert_null(g.row);

  /* No edges, and no nodes. */
  build(&g, 3, NULL, 0);
  assert_int_equal(g.row[3], 0);
  rc_graph_free(A, &g);
  build(&g, 0, NULL, 0);
  assert_int_equal(g.n, 0);
  rc_graph_free(A, &g);
}

/* ---- PageRank
 * ------------------------------------------------------------------- */

/*
 * The path 0 - 1 - 2 - 3, unit weights, uniform p = 1/4.  Degrees 1 2 2 1.
 * By symmetry x0 = x3 = a, x1 = x2 = b, and 2a + 2b = 1.
 *   a = 3/80 + 17/20 * (b / 2)              (0 hears half of 1's score)
 *   with a = 1/2 - b:  1/2 - b = 3/80 + 17b/40
 *   => 37/80 = 57b/40  => b = 37/114,  a = 1/2 - 37/114 = 10/57.
 * Check with 1's equation: b = 3/80 + 17/20 (a + b/2)
 *   = 3/80 + 17/20 * 77/228 = 171/4560 + 1309/4560 = 1480/4560 = 37/114.
 */
static void test_pagerank_path(void **state) {
  (void)state;
  const edge e[] = {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}};
  rc_graph g;
  build(&g, 4, e, 3);
  float x[4];
  rank(&g, NULL, x);
  const double want[4] = {10.0 / 57, 37.0 / 114, 37.0 / 114, 10.0 / 57};
  assert_scores(x, want, 4, TOL);
  rc_graph_free(A, &g);
}

/*
 * A weighted graph: 0-1 (1), 0-2 (2), 0-3 (1), 1-2 (1).
 * Weighted degrees W = (4, 2, 3, 1).  With p = 1/4, q = 3/80, d = 17/20:
 *   x0 = q + d (x1/2 + 2 x2/3 + x3)
 *   x1 = q + d (x0/4 + x2/3)
 *   x2 = q + d (2 x0/4 + x1/2)
 *   x3 = q + d (x0/4)
 * Solved exactly (Gaussian elimination over the rationals):
 *   x0 = 143047/367627   x1 = 148513/735254
 *   x2 = 106140/367627   x3 =  88367/735254
 * Check x3: q + d x0/4 = 3/80 + 17/80 * 143047/367627
 *   = (3 * 367627 + 17 * 143047) / (80 * 367627) = 3534680 / 29410160
 *   = 88367/735254.
 */
static void test_pagerank_weighted(void **state) {
  (void)state;
  const edge e[] = {{0, 1, 1}, {0, 2, 2}, {0, 3, 1}, {1, 2, 1}};
  rc_graph g;
  build(&g, 4, e, 4);
  float x[4];
  rank(&g, NULL, x);
  const double want[4] = {143047.0 / 367627, 148513.0 / 735254,
                          106140.0 / 367627, 88367.0 / 735254};
  assert_scores(x, want, 4, TOL);
  /* The node with the most weight ranks first, the leaf last. */
  assert_true(x[0] > x[2] && x[2] > x[1] && x[1] > x[3]);
  rc_graph_free(A, &g);
}

/*
 * 0 - 1 - 2 and node 3 without edges (dangling: its score is handed back
 * through p, uniform).  With D = x3:
 *   x3 = 3/80 + 17/20 * D/4  => x3 (1 - 17/80) = 3/80  => x3 = 3/63 = 1/21
 *   x0 = x2 = 3/80 + 17/20 (x1/2 + D/4)
 *   x1 = 3/80 + 17/20 (x0 + x2 + D/4)
 * With s = 3/80 + 17/80 * 1/21 = (63 + 17) / 1680 = 1/21:
 *   x0 = 1/21 + 17 x1/40,  x1 = 1/21 + 17 x0/10
 *   => x0 = 1/21 + 17/840 + 289 x0/400
 *   => x0 (111/400) = 57/840  => x0 = 190/777,  x1 = 120/259.
 * Sum: 2 * 190/777 + 360/777 + 37/777 = 777/777.
 */
static void test_pagerank_isolated_node(void **state) {
  (void)state;
  const edge e[] = {{0, 1, 1}, {1, 2, 1}};
  rc_graph g;
  build(&g, 4, e, 2);
  float x[4];
  rank(&g, NULL, x);
  const double want[4] = {190.0 / 777, 120.0 / 259, 190.0 / 777, 1.0 / 21};
  assert_scores(x, want, 4, TOL);
  rc_graph_free(A, &g);
}

/*
 * Personalisation: the path 0-1-2-3 with p = (1, 0, 0, 0).
 *   x3 = d x2/2,  x2 = d (x1/2 + x3),  x1 = d (x0 + x2/2),
 *   x0 = 3/20 + d x1/2.
 * Solved: x = (14660, 17374, 11560, 4913) / 48507  (4913 = 17^3).
 * Check x3 = 17/40 * 11560 = 4913; x2 = 17/20 (8687 + 4913) = 11560;
 *   x1 = 17/20 (14660 + 5780) = 17374;
 *   x0 = 3/20 * 48507 + 17/40 * 17374 = 7276.05 + 7383.95 = 14660.
 */
static void test_pagerank_bias(void **state) {
  (void)state;
  const edge e[] = {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}};
  rc_graph g;
  build(&g, 4, e, 3);
  float x[4];
  const double want[4] = {14660.0 / 48507, 17374.0 / 48507, 11560.0 / 48507,
                          4913.0 / 48507};
  const double bias[4] = {1, 0, 0, 0};
  rank(&g, bias, x);
  assert_scores(x, want, 4, TOL);
  /* The bias is normalised, and negative entries count as 0. */
  const double bias2[4] = {5, 0, -3, 0};
  rank(&g, bias2, x);
  assert_scores(x, want, 4, TOL);
  /* A bias of all zeros is no bias: the uniform result. */
  const double zero[4] = {0, 0, 0, 0};
  rank(&g, zero, x);
  const double uniform[4] = {10.0 / 57, 37.0 / 114, 37.0 / 114, 10.0 / 57};
  assert_scores(x, uniform, 4, TOL);
  rc_graph_free(A, &g);
}

/*
 * Bias and a dangling node: 0-1-2 plus isolated 3, p = (0, 0, 1/2, 1/2).
 * The isolated node's score goes back through p too:
 *   x3 = 3/40 + 17/20 * x3/2  => x3 (23/40) = 3/40  => x3 = 3/23
 *   with D = x3: x0 = 17/20 x1/2,  x1 = 17/20 (x0 + x2),
 *   x2 = 3/40 + 17/20 (x1/2 + D/2)
 * Solved: x0 = 289/1702, x1 = 340/851, x2 = 511/1702, x3 = 3/23.
 * Check x0 = 17/40 * 340/851 = 5780/34040 = 289/1702.
 */
static void test_pagerank_bias_dangling(void **state) {
  (void)state;
  const edge e[] = {{0, 1, 1}, {1, 2, 1}};
  rc_graph g;
  build(&g, 4, e, 2);
  float x[4];
  const double bias[4] = {0, 0, 1, 1};
  rank(&g, bias, x);
  const double want[4] = {289.0 / 1702, 340.0 / 851, 511.0 / 1702, 3.0 / 23};
  assert_scores(x, want, 4, TOL);
  rc_graph_free(A, &g);
}

/* A graph over some of `items` items: node i is item at[i]. */
static void build_items(rc_graph *g, size_t items, const uint32_t *at, size_t n,
                        const edge *e, size_t ne) {
  build(g, n, e, ne);
  g->items = items;
  g->item = rc_malloc(A, n * sizeof *g->item);
  assert_non_null(g->item);
  if (n)
    memcpy(g->item, at, n * sizeof *g->item);
}

/*
 * Items that are no node score exactly what they would as nodes without
 * edges: the graphs of test_pagerank_isolated_node and
 * test_pagerank_bias_dangling with node 3 left out of the graph, and a
 * path 1 - 3 - 4 among five items against the same graph with every item
 * a node (the scores of both sum to 1).
 */
static void test_pagerank_items(void **state) {
  (void)state;
  const edge e[] = {{0, 1, 1}, {1, 2, 1}};
  const uint32_t first3[] = {0, 1, 2};
  rc_graph g;
  build_items(&g, 4, first3, 3, e, 2);
  float x[5];
  rank(&g, NULL, x);
  const double want[4] = {190.0 / 777, 120.0 / 259, 190.0 / 777, 1.0 / 21};
  assert_scores(x, want, 4, TOL);
  const double bias[4] = {0, 0, 1, 1};
  rank(&g, bias, x);
  const double want_bias[4] = {289.0 / 1702, 340.0 / 851, 511.0 / 1702,
                               3.0 / 23};
  assert_scores(x, want_bias, 4, TOL);
  /* A bias on items without edges only: the nodes get nothing. */
  const double off[4] = {0, 0, 0, 2};
  assert_int_equal(rc_pagerank(A, &g, off, RC_DAMPING, EXACT, x, NULL),
                   RECAP_OK);
  const double want_off[4] = {0, 0, 0, 1};
  assert_scores(x, want_off, 4, TOL);
  rc_graph_free(A, &g);

  const edge full[] = {{1, 3, 2}, {3, 4, 1}};
  const edge part[] = {{0, 1, 2}, {1, 2, 1}};
  const uint32_t at[] = {1, 3, 4};
  rc_graph g1, g2;
  build(&g1, 5, full, 2);
  build_items(&g2, 5, at, 3, part, 2);
  float x1[5], x2[5];
  const double *biases[] = {NULL, (const double[5]){1, 2, 0, 0, 1}};
  for (size_t b = 0; b < 2; b++) {
    rank(&g1, biases[b], x1);
    rank(&g2, biases[b], x2);
    double full_scores[5];
    for (size_t i = 0; i < 5; i++)
      full_scores[i] = x1[i];
    assert_scores(x2, full_scores, 5, TOL);
  }
  rc_graph_free(A, &g1);
  rc_graph_free(A, &g2);

  /* No node at all: every item scores its p. */
  build_items(&g, 2, NULL, 0, NULL, 0);
  size_t iter = 99;
  assert_int_equal(rc_pagerank(A, &g, NULL, RC_DAMPING, EXACT, x, &iter),
                   RECAP_OK);
  assert_int_equal(iter, 0);
  const double half[2] = {0.5, 0.5};
  assert_scores(x, half, 2, FLOAT_EPS);
  rc_graph_free(A, &g);
}

static void test_pagerank_repeated_pair(void **state) {
  (void)state;
  /* Edges 0-1 given twice (1 + 2) act as one edge of weight 3: the same
     scores as the graph built with that edge once. */
  const edge twice[] = {{0, 1, 1}, {1, 2, 1}, {1, 0, 2}};
  const edge once[] = {{0, 1, 3}, {1, 2, 1}};
  rc_graph g1, g2;
  build(&g1, 3, twice, 3);
  build(&g2, 3, once, 2);
  float x1[3], x2[3];
  rank(&g1, NULL, x1);
  rank(&g2, NULL, x2);
  /*   W = (3, 4, 1); x0 = 1/20 + 17/20 * 3 x1/4, x2 = 1/20 + 17/20 x1/4,
       x1 = 1/20 + 17/20 (x0 + x2).  Substituting:
       x1 = 1/20 + 17/20 (1/10 + 17 x1/20) => x1 (1 - 289/400) = 54/400
       => x1 = 54/111 = 18/37; x0 = 1/20 + 51/80 * 18/37 = 1/20 + 459/1480
       = 533/1480; x2 = 1/20 + 17/80 * 18/37 = 74/1480 + 153/1480 = 227/1480.
       Sum: (533 + 720 + 227) / 1480 = 1. */
  const double want[3] = {533.0 / 1480, 18.0 / 37, 227.0 / 1480};
  assert_scores(x1, want, 3, TOL);
  assert_scores(x2, want, 3, TOL);
  rc_graph_free(A, &g1);
  rc_graph_free(A, &g2);
}

static void test_pagerank_degenerate(void **state) {
  (void)state;
  rc_graph g;
  /* No nodes: nothing to do, no rounds. */
  build(&g, 0, NULL, 0);
  size_t iter = 99;
  assert_int_equal(rc_pagerank(A, &g, NULL, RC_DAMPING, EXACT, NULL, &iter),
                   RECAP_OK);
  assert_int_equal(iter, 0);
  rc_graph_free(A, &g);

  /* Nodes without edges: every score comes back through p, so x = p
     exactly, from the first round. */
  build(&g, 3, NULL, 0);
  float x[3];
  rank(&g, NULL, x);
  const double third[3] = {1.0 / 3, 1.0 / 3, 1.0 / 3};
  assert_scores(x, third, 3, FLOAT_EPS);
  const double bias[3] = {0, 3, 1};
  rank(&g, bias, x);
  const double biased[3] = {0, 0.75, 0.25};
  assert_scores(x, biased, 3, FLOAT_EPS);
  rc_graph_free(A, &g);

  /* One node. */
  build(&g, 1, NULL, 0);
  rank(&g, NULL, x);
  assert_true(fabs(x[0] - 1) < FLOAT_EPS);
  rc_graph_free(A, &g);

  /* A regular graph (a 4-cycle) starts at its answer, 1/4 each. */
  const edge cycle[] = {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 0, 1}};
  build(&g, 4, cycle, 4);
  float y[4];
  rank(&g, NULL, y);
  const double quarter[4] = {0.25, 0.25, 0.25, 0.25};
  assert_scores(y, quarter, 4, FLOAT_EPS);
  rc_graph_free(A, &g);
}

/* Against exact fractions: iterating until one round changes the scores
   by less than 1e-7 in L1 leaves each within about 2e-7 (and float
   rounding about as much again). */
static void test_pagerank_exact(void **state) {
  (void)state;
  const edge e[] = {{0, 1, 1}, {0, 2, 2}, {0, 3, 1}, {1, 2, 1}};
  rc_graph g;
  build(&g, 4, e, 4);
  float x[4];
  rank(&g, NULL, x);
  const double want[4] = {143047.0 / 367627, 148513.0 / 735254,
                          106140.0 / 367627, 88367.0 / 735254};
  assert_scores(x, want, 4, 5e-7);
  rc_graph_free(A, &g);
}

static void test_damping(void **state) {
  (void)state;
  /* d = 0: the scores are p itself.  The path with p = (1, 0, 0, 0). */
  const edge e[] = {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}};
  rc_graph g;
  build(&g, 4, e, 3);
  float x[4];
  const double bias[4] = {1, 0, 0, 0};
  assert_int_equal(rc_pagerank(A, &g, bias, 0.0, EXACT, x, NULL), RECAP_OK);
  const double want[4] = {1, 0, 0, 0};
  assert_scores(x, want, 4, FLOAT_EPS);
  rc_graph_free(A, &g);
}

/* ---- allocation failure
 * ---------------------------------------------------------- */

static void test_nomem(void **state) {
  (void)state;
  const edge e[] = {{0, 1, 1}, {1, 2, 1}};
  /* Every node an item, then the three nodes among five items. */
  for (int items = 0; items < 2; items++)
    for (size_t k = 1;; k++) {
      counting c;
      recap_allocator a = counting_allocator(&c, k, FAIL_FROM);
      rc_graph g;
      recap_status st = graph_from_edges(&a, 3, e, 2, &g);
      if (st == RECAP_OK && items) {
        g.items = 5;
        g.item = rc_malloc(&a, 3 * sizeof *g.item);
        if (g.item) {
          g.item[0] = 0, g.item[1] = 2, g.item[2] = 3;
        } else {
          st = RECAP_ERR_NOMEM;
        }
      }
      if (st == RECAP_OK) {
        float x[5];
        st = rc_pagerank(&a, &g, NULL, RC_DAMPING, EXACT, x, NULL);
      }
      rc_graph_free(&a, &g);
      assert_int_equal(c.live, 0);
      if (st == RECAP_OK)
        break;
      assert_int_equal(st, RECAP_ERR_NOMEM);
      assert_true(k < 20);
    }
}

int main(void) {
  A = rc_default_allocator();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_graph_build),
      cmocka_unit_test(test_pagerank_path),
      cmocka_unit_test(test_pagerank_weighted),
      cmocka_unit_test(test_pagerank_isolated_node),
      cmocka_unit_test(test_pagerank_bias),
      cmocka_unit_test(test_pagerank_bias_dangling),
      cmocka_unit_test(test_pagerank_items),
      cmocka_unit_test(test_pagerank_repeated_pair),
      cmocka_unit_test(test_pagerank_degenerate),
      cmocka_unit_test(test_pagerank_exact),
      cmocka_unit_test(test_damping),
      cmocka_unit_test(test_nomem),
  };
  return cmocka_run_group_tests_name("rank", tests, NULL, NULL);
}
