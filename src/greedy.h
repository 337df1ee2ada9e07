/*
 * greedy.h - lazy greedy selection: a max-heap of items by gain.
 *
 * Budgeted coverage selection (the summary, decisions and action items)
 * repeatedly takes the item of best gain, and gains only fall as coverage
 * grows; so a stale top that is still best once recomputed is the true
 * best (Minoux's lazy greedy).  One heap for every stage that selects.
 */
#ifndef RC_GREEDY_H
#define RC_GREEDY_H

#include <stddef.h>
#include <stdint.h>

/* An item and its gain when last computed.  Equal gains: the smaller id
   is above. */
typedef struct rc_greedy {
  double gain;
  uint32_t id;
} rc_greedy;

/* The gain of item id now, given the caller's state. */
typedef double (*rc_gain_fn)(const void *ctx, uint32_t id);

/* Computes the gain of each of h[0..n) (ids set by the caller) and orders
   them as a heap. */
void rc_greedy_init(rc_greedy *h, size_t n, rc_gain_fn gain, const void *ctx);

/* Removes the item of best current gain from h[0..*n) into *out; 0 when
   the heap is empty. */
int rc_greedy_pop(rc_greedy *h, size_t *n, rc_gain_fn gain, const void *ctx,
                  rc_greedy *out);

#endif
