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
 * text costs one piece however long it is.
 */
#ifndef RC_OFFMAP_H
#define RC_OFFMAP_H

#include <stddef.h>

#include "mem.h"

typedef struct rc_offpiece {
  size_t dst, dst_len;
  size_t src, src_len;
  size_t unit; /* src_len / dst_len when whole (1 or 2), else 0 */
} rc_offpiece;

typedef struct rc_offmap {
  size_t base;
  RC_VEC(rc_offpiece) pts;
} rc_offmap;

/* Records that derived [dst, dst + dst_len) came from source [src,
   src + src_len).  Pieces must come in order of dst. */
recap_status rc_offmap_add(const recap_allocator *a, rc_offmap *m, size_t dst,
                           size_t dst_len, size_t src, size_t src_len);
/* Source offset where the derived byte at p begins. */
size_t rc_offmap_lookup(const rc_offmap *m, size_t p);
/* Source offset where derived text ending just before p ends. */
size_t rc_offmap_lookup_end(const rc_offmap *m, size_t p);

#endif
