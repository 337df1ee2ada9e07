/*
 * rank.h - weighted graphs and PageRank, for sentence TextRank.
 */
#ifndef RC_RANK_H
#define RC_RANK_H

#include <stddef.h>
#include <stdint.h>

#include "mem.h"

/* A weighted graph in compressed sparse rows: node i's out-edges go to
   col[row[i] .. row[i + 1]) with weights w[...].
   The nodes may be some of a list of `items` (sentences): node i is item
   item[i] (increasing), and the items that are no node have no edges at
   all.  item NULL: node i is item i, and items is not read. */
typedef struct rc_graph {
  size_t n;      /* nodes */
  uint32_t *row; /* n + 1 offsets into col/w: fewer than 2^32 edges
                    (graph.c refuses more), 4 bytes a node */
  uint32_t *col;
  float *w;
  size_t items;
  uint32_t *item; /* n entries, or NULL */
} rc_graph;

/* How many items g's nodes stand for: g->items, or g->n without a map. */
static inline size_t rc_graph_items(const rc_graph *g) {
  return g->item ? g->items : g->n;
}

#define RC_DAMPING 0.85
/* The pipeline stops when one round changes the scores (which sum to 1)
   by less than this in L1, which leaves each score within about 0.1% of
   its limit relative to the average score, whatever the graph's size.
   Only the order of the top sentences and words matters: ROUGE and key
   phrase F1 on the dev sets were the same for 1e-7 (60 rounds on a 30 MB
   transcript), 1e-4 (25) and 1e-3 (14).  Meetings converge slower: the
   first 10 MB of the dev meetings take 36 rounds over their linked
   sentences.  1e-2 and 3e-3 lowered some dev sets (README, "Speed"). */
#define RC_RANK_TOLERANCE 1e-3
#define RC_RANK_MAX_ITER 200

/*
 * Scores the items of g into out[0..rc_graph_items(g)), which sum to 1
 * (floats; within rounding):
 *
 *   x_i <- (1 - d) p_i + d (sum_{j -> i} w_ji x_j / W_j + p_i sum_{W_k = 0}
 * x_k)
 *
 * with g's rows the out-edges (an undirected graph lists each edge in both
 * rows), W_j the total weight of j's out-edges,
 * d = damping and p the personalisation (bias, one per item, normalised;
 * uniform if NULL or all zero).  A node without edges hands its score back
 * through p, so scores always sum to 1.
 * Items that are no node are not iterated over: at the fixed point every
 * score is the same restart level c = (1 - d) + d sum_{W_k = 0} x_k times
 * the node's own p_i plus what its in-edges bring, so an item without
 * edges scores c p_i, and the nodes' scores are those of PageRank over the
 * nodes alone (p restricted to them and normalised) times one factor.
 * Both follow from one run over the nodes, exactly: a sentence graph
 * where a third of the sentences ("Yeah.") share no term with any other
 * costs only its linked part.
 * Iterates until one round changes the scores by less than `tolerance` in
 * L1 (each score then lies within about tolerance / 5 of its limit), or
 * RC_RANK_MAX_ITER rounds; *iterations (may be NULL) gets the count.
 */
recap_status rc_pagerank(const recap_allocator *a, const rc_graph *g,
                         const double *bias, double damping, double tolerance,
                         float *out, size_t *iterations);

void rc_graph_free(const recap_allocator *a, rc_graph *g);

#endif
