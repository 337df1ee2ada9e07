/*
 * rank.c - weighted PageRank (Brin & Page 1998) as TextRank uses it
 * (Mihalcea & Tarau 2004: weighted edges, damping 0.85, iterate to
 * convergence), with an optional personalisation vector for biased
 * (query-focused) ranking.  Power iteration over a CSR graph of out-edges,
 * pushing scores forward: O(edges) per round, no allocation inside the
 * loop, and no transposed copy of a directed graph.
 *
 * Only the graph's nodes are iterated over; the items that are no node
 * (sentences that share no term with any other) are scored once at the
 * end from the restart level, which is exact (rank.h).
 */
#include "rank.h"

#include <math.h>
#include <string.h>

static double positive(double b) { return b > 0 ? b : 0; }

/* Power iteration over the nodes, with p (NULL: uniform 1/n) and x the
   start; x ends as the scores, summing to 1.  Returns the restart level
   (1 - d) + d (score of the nodes without out-edges) of the last round.
   Scores are floats: half the memory traffic of doubles, and 7 digits are
   plenty for scores that stop changing at RC_RANK_TOLERANCE; the change of
   a round is summed in double, as it adds up many small terms. */
static float iterate(const rc_graph *g, const float *p, float damping,
                     double tolerance, float *x, float *next,
                     const float *share, const uint32_t *dangling,
                     size_t ndangling, size_t *iterations) {
  size_t n = g->n;
  const uint32_t *row = g->row;
  const uint32_t *col = g->col;
  const float *w = g->w;
  float uniform = 1.0f / (float)n;
  float restart = 1 - damping;
  for (size_t k = 0; k < ndangling; k++)
    restart += damping * x[dangling[k]];
  for (size_t i = 0; i < n; i++)
    next[i] = restart * (p ? p[i] : uniform);
  size_t iter = 0;
  while (iter < RC_RANK_MAX_ITER) {
    iter++;
    /* Push each node's score along its out-edges, in proportion to their
       weights; a node without edges pushes through p (restart). */
    for (size_t j = 0; j < n; j++) {
      float push = damping * x[j] * share[j];
      for (size_t e = row[j]; e < row[j + 1]; e++)
        next[col[e]] += push * w[e];
    }
    restart = 1 - damping;
    for (size_t k = 0; k < ndangling; k++)
      restart += damping * next[dangling[k]];
    /* The new scores, and the next round's start. */
    double delta = 0;
    for (size_t i = 0; i < n; i++) {
      delta += fabsf(next[i] - x[i]);
      x[i] = next[i];
      next[i] = restart * (p ? p[i] : uniform);
    }
    if (delta < tolerance)
      break;
  }
  *iterations = iter;
  return restart;
}

recap_status rc_pagerank(const recap_allocator *a, const rc_graph *g,
                         const double *bias, double damping, double tolerance,
                         float *out, size_t *iterations) {
  size_t n = g->n, items = rc_graph_items(g);
  if (iterations)
    *iterations = 0;
  if (items == 0)
    return RECAP_OK;
  /* The personalisation: p_i = bias_i / sum (negative counts as 0), or
     uniform; pn = the nodes' share of it. */
  double bias_sum = 0, bias_nodes = 0;
  for (size_t i = 0; bias && i < items; i++)
    bias_sum += positive(bias[i]);
  if (!(bias_sum > 0))
    bias = NULL;
  for (size_t j = 0; bias && j < n; j++)
    bias_nodes += positive(bias[g->item ? g->item[j] : j]);
  double pn = bias ? bias_nodes / bias_sum : (double)n / (double)items;
  if (n == 0 || !(pn > 0)) {
    /* No node, or none with a share of p: nodes score 0 (nothing restarts
       there, nothing flows in), every other item its p_i. */
    for (size_t i = 0; i < items; i++)
      out[i] =
          (float)(bias ? positive(bias[i]) / bias_sum : 1.0 / (double)items);
    return RECAP_OK;
  }
  size_t ndangling = 0;
  for (size_t j = 0; j < n; j++)
    ndangling += g->row[j + 1] == g->row[j];
  /* Without an item map, out holds the nodes' scores as they go. */
  float *x = g->item ? rc_calloc(a, n, sizeof *x) : out;
  float *next = rc_calloc(a, n, sizeof *next);
  float *share = rc_calloc(a, n, sizeof *share);
  float *p = bias ? rc_calloc(a, n, sizeof *p) : NULL;
  uint32_t *dangling =
      rc_calloc(a, ndangling ? ndangling : 1, sizeof *dangling);
  if (!x || !next || !share || (bias && !p) || !dangling) {
    if (x != out)
      rc_free(a, x);
    rc_free(a, next);
    rc_free(a, share);
    rc_free(a, p);
    rc_free(a, dangling);
    return RECAP_ERR_NOMEM;
  }
  ndangling = 0;
  for (size_t j = 0; j < n; j++) {
    /* Restricted to the nodes and normalised; start from it. */
    x[j] = (float)(bias ? positive(bias[g->item ? g->item[j] : j]) / bias_nodes
                        : 1.0 / (double)n);
    if (p)
      p[j] = x[j];
    double w = 0;
    for (size_t e = g->row[j]; e < g->row[j + 1]; e++)
      w += g->w[e];
    share[j] = w > 0 ? (float)(1.0 / w) : 0;
    if (g->row[j + 1] == g->row[j])
      dangling[ndangling++] = (uint32_t)j;
  }
  size_t iter;
  double restart = iterate(g, p, (float)damping, tolerance, x, next, share,
                           dangling, ndangling, &iter);
  if (iterations)
    *iterations = iter;
  if (g->item) {
    /* Items without edges score restart x p_i, on the scale where the
       nodes' scores sum to pn; all together they sum to 1 again. */
    double off = restart / pn, total = 1 + restart * (1 - pn) / pn;
    for (size_t i = 0; i < items; i++)
      out[i] =
          (float)((bias ? positive(bias[i]) / bias_sum : 1.0 / (double)items) *
                  off / total);
    for (size_t j = 0; j < n; j++)
      out[g->item[j]] = (float)(x[j] / total);
    rc_free(a, x);
  }
  rc_free(a, next);
  rc_free(a, share);
  rc_free(a, p);
  rc_free(a, dangling);
  return RECAP_OK;
}

void rc_graph_free(const recap_allocator *a, rc_graph *g) {
  rc_free(a, g->row);
  rc_free(a, g->col);
  rc_free(a, g->w);
  rc_free(a, g->item);
  memset(g, 0, sizeof *g);
}
