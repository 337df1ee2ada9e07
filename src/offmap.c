/*
 * offmap.c - piecewise map from derived text offsets to source offsets;
 * binary search over pieces sorted by derived offset.
 */
#include "offmap.h"

static size_t unit_of(size_t dst_len, size_t src_len) {
  if (src_len == dst_len)
    return 1;
  if (src_len == 2 * dst_len)
    return 2;
  return 0;
}

/* One piece of at most RC_OFFPIECE_MAX derived bytes, merged into the
   last one where it continues it. */
static recap_status add_piece(const recap_allocator *a, rc_offmap *m,
                              size_t dst, size_t dst_len, size_t src,
                              size_t src_len, size_t unit) {
  if (m->pts.len) {
    rc_offpiece *last = &m->pts.data[m->pts.len - 1];
    size_t ld = rc_offpiece_dst_len(last), ls = rc_offpiece_src_len(last);
    if (unit && rc_offpiece_unit(last) == unit &&
        rc_offpiece_dst(last) + ld == dst &&
        rc_offpiece_src(last) + ls == src && ld + dst_len <= RC_OFFPIECE_MAX) {
      rc_offpiece_resize(last, ld + dst_len, ls + src_len);
      return RECAP_OK;
    }
  }
  recap_status st;
  rc_offpiece p = {(uint64_t)dst | (uint64_t)dst_len << RC_OFF_BITS,
                   (uint64_t)src | (uint64_t)src_len << RC_OFF_BITS};
  RC_PUSH(st, a, m->pts, p);
  return st;
}

/* Do [dst, dst + dst_len) and [src, src + src_len) end within the
   offsets a piece holds? */
static int within_limit(size_t dst, size_t dst_len, size_t src,
                        size_t src_len) {
  return dst < RC_OFF_LIMIT && dst_len <= RC_OFF_LIMIT - dst &&
         src < RC_OFF_LIMIT && src_len <= RC_OFF_LIMIT - src;
}

recap_status rc_offmap_add(const recap_allocator *a, rc_offmap *m, size_t dst,
                           size_t dst_len, size_t src, size_t src_len) {
  if (dst_len == 0)
    return RECAP_OK;
  if (!within_limit(dst, dst_len, src, src_len))
    return RECAP_ERR_TOO_LARGE;
  size_t unit = unit_of(dst_len, src_len);
  if (unit == 0)
    return dst_len > RC_OFFPIECE_MAX || src_len > RC_OFFPIECE_MAX
               ? RECAP_ERR_TOO_LARGE
               : add_piece(a, m, dst, dst_len, src, src_len, 0);
  while (dst_len) { /* long copied text: pieces that continue each other */
    size_t n = dst_len < RC_OFFPIECE_MAX ? dst_len : RC_OFFPIECE_MAX;
    RC_TRY(add_piece(a, m, dst, n, src, n * unit, unit));
    dst += n;
    src += n * unit;
    dst_len -= n;
  }
  return RECAP_OK;
}

/* The last piece starting at or before p, or NULL if p precedes them. */
static const rc_offpiece *piece_at(const rc_offmap *m, size_t p) {
  if (m->pts.len == 0 || p < rc_offpiece_dst(&m->pts.data[0]))
    return NULL;
  size_t lo = 0, hi = m->pts.len;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (rc_offpiece_dst(&m->pts.data[mid]) <= p)
      lo = mid;
    else
      hi = mid;
  }
  return &m->pts.data[lo];
}

size_t rc_offmap_lookup(const rc_offmap *m, size_t p) {
  const rc_offpiece *x = piece_at(m, p);
  if (!x)
    return p + m->base;
  size_t d = p - rc_offpiece_dst(x), dl = rc_offpiece_dst_len(x);
  size_t src = rc_offpiece_src(x);
  if (d >= dl) /* between pieces (a separator): just after x */
    return src + rc_offpiece_src_len(x) + (d - dl);
  size_t unit = rc_offpiece_unit(x);
  return unit ? src + d * unit : src;
}

size_t rc_offmap_lookup_end(const rc_offmap *m, size_t p) {
  if (p == 0)
    return rc_offmap_lookup(m, 0);
  const rc_offpiece *x = piece_at(m, p - 1);
  if (!x)
    return p + m->base;
  size_t d = p - rc_offpiece_dst(x), dl = rc_offpiece_dst_len(x);
  size_t src = rc_offpiece_src(x), sl = rc_offpiece_src_len(x);
  if (d >= dl)
    return src + sl + (d - dl);
  size_t unit = rc_offpiece_unit(x);
  return unit ? src + d * unit : src + sl;
}
