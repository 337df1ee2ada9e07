/*
 * read_srt.c - SubRip (.srt) subtitles.
 *
 * SubRip has no formal specification; this follows the de-facto format
 * (Matroska's "SRT Subtitles" notes, and what players accept):
 *
 *   1
 *   00:00:01,000 --> 00:00:04,000
 *   text line
 *   text line
 *   <blank line>
 *
 * Read leniently, because real files vary:
 *  - the index line is optional; hours may have one digit; '.' may stand
 *    for ','; milliseconds may be missing; anything after the end time
 *    ("X1:100 X2:200 Y1:.. Y2:..", WebVTT-style settings) is ignored
 *    (rc_parse_timing);
 *  - blank lines are lines of spaces too, and may repeat;
 *  - a missing blank line between cues is tolerated: a timing line, or an
 *    index line right before one, starts a new cue;
 *  - text after a stray blank line inside a cue (no index, no timing) is
 *    kept as a cue with the previous cue's times: nothing is lost.
 * Text before the first timing line means the file is not SRT:
 * RECAP_ERR_BAD_FORMAT with that line's number.
 *
 * Cue text goes through the cue-text engine of caption.c with SRT's tag
 * set (<i> <b> <u> <s> <font ...> and friends; other '<' is text), ASS
 * overrides like {\an8} dropped, entities decoded, "[Music]" lines dropped
 * and recurring "Name: text" prefixes made speakers.  Rolling-caption
 * repeats are not removed: SRT files do not roll, and a line said twice
 * must stay twice.
 */
#include "readers.h"

#include "caption.h"
#include "timecode.h"

static int timing(const rc_line *l, double *start, double *end) {
  return rc_parse_timing(l->s, l->len, start, end);
}

/* Does line l (the next one of `it`) start a cue: a timing line, or an
   index right before one? */
static int starts_cue(const rc_lines *it, const rc_line *l) {
  double a, b;
  rc_lines after = *it;
  rc_line skip;
  return timing(l, &a, &b) ||
         (rc_lines_next(&after, &skip) && rc_cue_number(l, &after, &a, &b));
}

static recap_status read_cue_text(rc_caption *c, rc_lines *it) {
  rc_line l;
  while (rc_lines_peek(it, &l) && !rc_line_blank(&l) && !starts_cue(it, &l)) {
    rc_lines_next(it, &l);
    RC_TRY(rc_caption_line(c, l.s, l.len, l.off));
  }
  return RECAP_OK;
}

static recap_status read_cues(rc_caption *c, rc_lines *it) {
  rc_line l;
  int seen_cue = 0;
  double start = -1, end = -1;
  while (rc_lines_next(it, &l)) {
    if (rc_line_blank(&l))
      continue;
    int orphan = 0;
    if (timing(&l, &start, &end)) {
      /* no index line */
    } else if (rc_cue_number(&l, it, &start, &end)) {
      rc_lines_next(it, &l);
    } else if (!seen_cue) {
      return rc_source_fail(c->src, l.number,
                            "expected a subtitle number or timing line");
    } else {
      orphan = 1; /* keeps the previous cue's times */
    }
    rc_caption_begin(c, start, end);
    if (orphan)
      RC_TRY(rc_caption_line(c, l.s, l.len, l.off));
    RC_TRY(read_cue_text(c, it));
    RC_TRY(rc_caption_end(c));
    seen_cue = 1;
  }
  return RECAP_OK;
}

recap_status rc_read_srt(rc_source *src, const char *s, size_t n) {
  rc_caption c;
  rc_lines it;
  recap_status st = rc_caption_init(&c, src, 1, 0, s, n);
  rc_lines_init(&it, s, n);
  if (st == RECAP_OK)
    st = read_cues(&c, &it);
  rc_caption_free(&c);
  return st;
}
