/*
 * offmap.h - where a byte of derived text came from.
 *
 * The pipeline rewrites the input (transcoding, U+FFFD repair, caption tags
 * stripped, entities decoded) but results must point into the caller's
 * bytes.  An offmap records pieces: derived bytes [dst, dst + dst_len) came
 * from source bytes [src, src + src_len).
 *
 *   derived:  [piece 0 ....)[piece 1 .)[piece 2 ......)
 *   source:   [piece 0 ....)  [&amp;]   [piece 2 ......)   (gaps = tags)
 *
 * Inside a piece with a whole ratio (1 for copied text, 2 for ASCII from
 * UTF-16) positions map linearly; a replacement (an entity, a transcoded
 * character) maps as a whole.  An empty map is the identity shifted by
 * `base`.  Adjacent pieces that continue each other are merged, so copied
 * text costs one piece per RC_OFFPIECE_MAX bytes however long it is.  A
 * transcript has a piece per turn (the speaker labels are gaps), so a
 * piece is kept to 16 bytes, the ratio computed:
 *
 *   dst:  derived offset (bits 0-39) | derived length (bits 40-63)
 *   src:  source offset  (bits 0-39) | source length  (bits 40-63)
 *
 * Offsets past RC_OFF_LIMIT (1 TiB) are RECAP_ERR_TOO_LARGE.
 */
#ifndef RC_OFFMAP_H
#define RC_OFFMAP_H

#include <stddef.h>
#include <stdint.h>

#include "mem.h"

#define RC_OFF_BITS 40
#define RC_OFF_LIMIT ((uint64_t)1 << RC_OFF_BITS)
/* The longest piece, derived bytes; longer text takes several.  Twice it
   (UTF-16) still fits the 24 bits of a length. */
#define RC_OFFPIECE_MAX ((size_t)1 << 22)

typedef struct rc_offpiece {
  uint64_t dst; /* offset | length << RC_OFF_BITS, derived */
  uint64_t src; /* offset | length << RC_OFF_BITS, source */
} rc_offpiece;

static inline size_t rc_offpiece_dst(const rc_offpiece *p) {
  return (size_t)(p->dst & (RC_OFF_LIMIT - 1));
}
static inline size_t rc_offpiece_dst_len(const rc_offpiece *p) {
  return (size_t)(p->dst >> RC_OFF_BITS);
}
static inline size_t rc_offpiece_src(const rc_offpiece *p) {
  return (size_t)(p->src & (RC_OFF_LIMIT - 1));
}
static inline size_t rc_offpiece_src_len(const rc_offpiece *p) {
  return (size_t)(p->src >> RC_OFF_BITS);
}
_Static_assert(sizeof(rc_offpiece) == 16, "a piece per turn: 16 bytes");

/* Sets the lengths, keeping the offsets. */
static inline void rc_offpiece_resize(rc_offpiece *p, size_t dst_len,
                                      size_t src_len) {
  p->dst = (p->dst & (RC_OFF_LIMIT - 1)) | (uint64_t)dst_len << RC_OFF_BITS;
  p->src = (p->src & (RC_OFF_LIMIT - 1)) | (uint64_t)src_len << RC_OFF_BITS;
}

/* src_len / dst_len when whole (1 or 2), else 0 (a replacement, mapped
   as a whole). */
static inline size_t rc_offpiece_unit(const rc_offpiece *p) {
  size_t d = rc_offpiece_dst_len(p), s = rc_offpiece_src_len(p);
  if (s == d)
    return 1;
  return s == 2 * d ? 2 : 0;
}

typedef struct rc_offmap {
  size_t base;
  RC_VEC(rc_offpiece) pts;
} rc_offmap;

/* Records that derived [dst, dst + dst_len) came from source [src,
   src + src_len).  Pieces must come in order of dst.  RECAP_ERR_TOO_LARGE
   for a replacement (not 1 or 2 source bytes a byte) past
   RC_OFFPIECE_MAX, or an end past RC_OFF_LIMIT. */
recap_status rc_offmap_add(const recap_allocator *a, rc_offmap *m, size_t dst,
                           size_t dst_len, size_t src, size_t src_len);
/* Source offset where the derived byte at p begins. */
size_t rc_offmap_lookup(const rc_offmap *m, size_t p);
/* Source offset where derived text ending just before p ends. */
size_t rc_offmap_lookup_end(const rc_offmap *m, size_t p);

#endif
