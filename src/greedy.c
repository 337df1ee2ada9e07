/*
 * greedy.c - lazy greedy selection: a max-heap of items by gain.
 */
#include "greedy.h"

static int above(const rc_greedy *a, const rc_greedy *b) {
  return a->gain > b->gain || (a->gain == b->gain && a->id < b->id);
}

static void sift_down(rc_greedy *h, size_t n, size_t i) {
  for (;;) {
    size_t l = 2 * i + 1, r = l + 1, m = i;
    if (l < n && above(&h[l], &h[m]))
      m = l;
    if (r < n && above(&h[r], &h[m]))
      m = r;
    if (m == i)
      return;
    rc_greedy t = h[i];
    h[i] = h[m];
    h[m] = t;
    i = m;
  }
}

void rc_greedy_init(rc_greedy *h, size_t n, rc_gain_fn gain, const void *ctx) {
  for (size_t k = 0; k < n; k++)
    h[k].gain = gain(ctx, h[k].id);
  for (size_t i = n / 2; i-- > 0;)
    sift_down(h, n, i);
}

int rc_greedy_pop(rc_greedy *h, size_t *n, rc_gain_fn gain, const void *ctx,
                  rc_greedy *out) {
  while (*n) {
    rc_greedy top = h[0];
    top.gain = gain(ctx, top.id);
    /* Still above both children: nothing below can beat it. */
    if (!(*n > 1 && above(&h[1], &top)) && !(*n > 2 && above(&h[2], &top))) {
      h[0] = h[--*n];
      sift_down(h, *n, 0);
      *out = top;
      return 1;
    }
    h[0] = top;
    sift_down(h, *n, 0);
  }
  return 0;
}
