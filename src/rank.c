/*
 * rank.c - weighted PageRank (Brin & Page 1998) as TextRank uses it
 * (Mihalcea & Tarau 2004: weighted edges, damping 0.85, iterate to
 * convergence), with an optional personalisation vector for biased
 * (query-focused) ranking.  Power iteration over a CSR graph of out-edges,
 * pushing scores forward: O(edges) per round, no allocation inside the
 * loop, and no transposed copy of a directed graph.
 */
#include "rank.h"

#include <math.h>
#include <string.h>

recap_status rc_pagerank(const recap_allocator *a, const rc_graph *g,
                         const double *bias, double damping, double tolerance,
                         double *out, size_t *iterations) {
  size_t n = g->n;
  if (iterations)
    *iterations = 0;
  if (n == 0)
    return RECAP_OK;
  double *next = rc_calloc(a, n, sizeof *next);
  double *share = rc_calloc(a, n, sizeof *share);
  double *p = rc_calloc(a, n, sizeof *p);
  if (!next || !share || !p) {
    rc_free(a, next);
    rc_free(a, share);
    rc_free(a, p);
    return RECAP_ERR_NOMEM;
  }
  double bias_sum = 0;
  for (size_t i = 0; bias && i < n; i++)
    bias_sum += bias[i] > 0 ? bias[i] : 0;
  for (size_t i = 0; i < n; i++) {
    p[i] = bias_sum > 0 ? (bias[i] > 0 ? bias[i] / bias_sum : 0)
                        : 1.0 / (double)n;
    /* Start from p: a distribution, whatever the bias. */
    out[i] = p[i];
    double w = 0;
    for (size_t e = g->row[i]; e < g->row[i + 1]; e++)
      w += g->w[e];
    share[i] = w > 0 ? 1.0 / w : 0;
  }
  size_t iter = 0;
  for (; iter < RC_RANK_MAX_ITER; iter++) {
    /* Push each node's score along its out-edges, in proportion to their
       weights; a node without edges pushes through p. */
    double dangling = 0;
    for (size_t i = 0; i < n; i++)
      if (share[i] == 0)
        dangling += out[i];
    for (size_t i = 0; i < n; i++)
      next[i] = ((1 - damping) + damping * dangling) * p[i];
    for (size_t j = 0; j < n; j++) {
      double push = damping * out[j] * share[j];
      for (size_t e = g->row[j]; e < g->row[j + 1]; e++)
        next[g->col[e]] += push * g->w[e];
    }
    double delta = 0;
    for (size_t i = 0; i < n; i++) {
      delta += fabs(next[i] - out[i]);
      out[i] = next[i];
    }
    if (delta < tolerance)
      break;
  }
  if (iterations)
    *iterations = iter + 1;
  rc_free(a, next);
  rc_free(a, share);
  rc_free(a, p);
  return RECAP_OK;
}

void rc_graph_free(const recap_allocator *a, rc_graph *g) {
  rc_free(a, g->row);
  rc_free(a, g->col);
  rc_free(a, g->w);
  memset(g, 0, sizeof *g);
}

