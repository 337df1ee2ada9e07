/*
 * source.c - building cues and their content buffer; line iteration.
 */
#include "source.h"

#include <string.h>

void rc_source_init(rc_source *src, const recap_allocator *alloc) {
  memset(src, 0, sizeof *src);
  src->alloc = alloc;
  src->text = "";
  rc_strtab_init(&src->speakers, alloc);
}

void rc_source_free(rc_source *src) {
  rc_free(src->alloc, src->content);
  RC_VEC_FREE(src->alloc, src->map.pts);
  RC_VEC_FREE(src->alloc, src->cues);
  rc_strtab_free(&src->speakers);
  rc_source_init(src, src->alloc);
}

void rc_source_clear(rc_source *src) {
  src->text = "";
  src->len = 0;
  src->map.pts.len = 0;
  src->map.base = 0;
  src->cues.len = 0;
  rc_strtab_clear(&src->speakers);
  src->timed = 0;
  src->spoken = 0;
  src->split_at = 0;
  src->split_first_nospace = 0;
  src->error = NULL;
  src->error_line = 0;
  src->open = 0;
  src->pending_break = 0;
}

void rc_source_borrow(rc_source *src, const char *text, size_t len) {
  src->text = text;
  src->len = len;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

recap_status rc_source_cue(rc_source *src, size_t off, size_t len,
                           uint32_t flags) {
  while (len && is_blank(src->text[off])) {
    off++;
    len--;
  }
  while (len && is_blank(src->text[off + len - 1]))
    len--;
  if (len == 0) {
    src->pending_break |= flags & RC_CUE_BREAK;
    return RECAP_OK;
  }
  if (len > RC_CUE_MAX_LEN)
    return RECAP_ERR_TOO_LARGE;
  recap_status st;
  rc_cue c = {.off = off,
              .start = -1,
              .end = -1,
              .speaker = RC_NO_ID,
              .len = (unsigned)len,
              .flags = (flags | src->pending_break) & RC_CUE_BREAK};
  RC_PUSH(st, src->alloc, src->cues, c);
  src->pending_break = 0;
  return st;
}

static recap_status append(rc_source *src, const char *s, size_t n) {
  size_t need;
  if (!rc_add(src->len, n, &need))
    return RECAP_ERR_TOO_LARGE;
  if (need > src->cap) {
    void *p = src->content;
    RC_TRY(rc_reserve(src->alloc, &p, &src->cap, need, 1));
    src->content = p;
  }
  memcpy(src->content + src->len, s, n);
  src->len += n;
  src->text = src->content;
  return RECAP_OK;
}

static double valid_time(double t) {
  return t >= 0 && t <= RC_TIME_MAX ? t : -1;
}

recap_status rc_source_begin(rc_source *src, double start, double end,
                             const char *speaker, size_t speaker_len,
                             uint32_t flags) {
  start = valid_time(start);
  end = valid_time(end);
  uint32_t sp = RC_NO_ID;
  if (speaker && speaker_len)
    RC_TRY(rc_strtab_intern(&src->speakers, speaker, speaker_len, &sp, NULL));
  recap_status st;
  rc_cue c = {.off = src->len,
              .start = start,
              .end = end,
              .speaker = sp,
              .flags = flags & RC_CUE_BREAK};
  RC_PUSH(st, src->alloc, src->cues, c);
  if (st == RECAP_OK) {
    src->open = 1;
    src->spoken = 1; /* a structured reader: transcript, captions, JSON */
    if (start >= 0)
      src->timed = 1;
  }
  return st;
}

recap_status rc_source_add(rc_source *src, const char *s, size_t n,
                           size_t from) {
  if (n == 0)
    return RECAP_OK;
  RC_TRY(rc_offmap_add(src->alloc, &src->map, src->len, n, from, n));
  return append(src, s, n);
}

recap_status rc_source_add_replacement(rc_source *src, const char *s, size_t n,
                                       size_t from, size_t from_len) {
  if (n == 0)
    return RECAP_OK;
  RC_TRY(rc_offmap_add(src->alloc, &src->map, src->len, n, from, from_len));
  return append(src, s, n);
}

recap_status rc_source_end(rc_source *src) {
  if (!src->open)
    return RECAP_OK;
  src->open = 0;
  rc_cue *c = &src->cues.data[src->cues.len - 1];
  size_t b = c->off, e = src->len;
  while (b < e && is_blank(src->content[b]))
    b++;
  while (e > b && is_blank(src->content[e - 1]))
    e--;
  if (b == e) {
    /* Nothing said: forget the cue and its bytes, but keep a break it
       carried for the next cue. */
    uint32_t flags = c->flags;
    src->len = c->off;
    src->cues.len--;
    while (src->map.pts.len &&
           rc_offpiece_dst(&src->map.pts.data[src->map.pts.len - 1]) >=
               src->len)
      src->map.pts.len--;
    if (src->map.pts.len) { /* a piece may straddle the cut */
      rc_offpiece *last = &src->map.pts.data[src->map.pts.len - 1];
      size_t unit = rc_offpiece_unit(last), dst = rc_offpiece_dst(last);
      if (dst + rc_offpiece_dst_len(last) > src->len && unit)
        rc_offpiece_resize(last, src->len - dst, (src->len - dst) * unit);
    }
    src->open = 0;
    src->pending_break |= flags & RC_CUE_BREAK;
    return RECAP_OK;
  }
  if (e - b > RC_CUE_MAX_LEN)
    return RECAP_ERR_TOO_LARGE;
  c->flags |= src->pending_break & RC_CUE_BREAK;
  src->pending_break = 0;
  c->off = b;
  c->len = (unsigned)(e - b);
  return append(src, "\n", 1);
}

recap_status rc_source_fail(rc_source *src, size_t line, const char *why) {
  src->error_line = line;
  src->error = why;
  return RECAP_ERR_BAD_FORMAT;
}
