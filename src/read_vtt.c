/*
 * read_vtt.c - WebVTT captions.
 *
 * Follows W3C "WebVTT: The Web Video Text Tracks Format" (Candidate
 * Recommendation, 2019), sections 4 (syntax) and 6.1 (parsing), where they
 * help a summariser, and departs from them where real files are messier:
 *
 *  - The file starts with "WEBVTT" followed by the end of the line, a space
 *    or a tab (blank lines before it are tolerated).  Unlike the spec, a
 *    file without it is read too when it starts as a cue or a NOTE, STYLE
 *    or REGION block would (rc_vtt_headless_start): Teams exports and cut
 *    files lack the signature, and the cues leave no doubt.  Anything else
 *    is not WebVTT: RECAP_ERR_BAD_FORMAT, "missing WEBVTT header".
 *  - The header (Kind:, Language:, YouTube's multi-line Style: block) runs
 *    to the first blank line, or to a timing line if none comes first.
 *  - Blocks are separated by blank lines.  Unlike the spec, a line of
 *    spaces is blank too (the decoder turns CRLF into " \n"), except as
 *    the first line of a cue, where YouTube puts a " " line before the
 *    text.  NOTE, STYLE and REGION blocks are skipped wherever they appear.
 *    A cue block is an optional identifier line and a line containing
 *    "-->".  As in the spec, a line containing "-->" ends cue text; so does
 *    a line of digits followed by a timing line (a cue number after a
 *    forgotten blank line).
 *  - Times: "hh:mm:ss.ttt" or "mm:ss.ttt", also with ',' and other numbers
 *    of fraction digits (rc_parse_timestamp).  A "-->" line whose times do
 *    not parse still starts a cue, untimed (-1): its text is kept.
 *  - Leniency that loses nothing: a block of text with no timing line after
 *    the first cue is kept as a cue with the previous cue's times.  Before
 *    any cue it is an error ("expected a cue timing line"): such a file is
 *    not a caption file at all.
 *
 * Cue text goes through the cue-text engine of caption.c (rc_caption_*)
 * with WebVTT's tag set (any tag is dropped) and rolling-caption repeats
 * removed.
 */
#include "readers.h"

#include <string.h>

#include "caption.h"
#include "chars.h"
#include "timecode.h"

static int has_arrow(const rc_line *l) {
  for (size_t i = 0; i + 3 <= l->len; i++)
    if (l->s[i] == '-' && l->s[i + 1] == '-' && l->s[i + 2] == '>')
      return 1;
  return 0;
}

/* Does the next line start a new cue: a "-->" line, or a cue number right
   before a timing line? */
static int starts_cue(const rc_lines *it, const rc_line *l) {
  double s, e;
  rc_lines after = *it;
  rc_line skip;
  return has_arrow(l) ||
         (rc_lines_next(&after, &skip) && rc_cue_number(l, &after, &s, &e));
}

/* Cue text runs to a blank line, except that a first line of spaces is
   text: YouTube puts " " before the new line of a cue, while a blank line
   of a CRLF file decodes to " ". */
static recap_status read_cue_text(rc_caption *c, rc_lines *it, int first) {
  rc_line l;
  for (; rc_lines_peek(it, &l) && !starts_cue(it, &l); first = 0) {
    if (rc_line_blank(&l) && !(first && l.len > 0))
      break;
    rc_lines_next(it, &l);
    RC_TRY(rc_caption_line(c, l.s, l.len, l.off));
  }
  return RECAP_OK;
}

static void skip_block(rc_lines *it) {
  rc_line l;
  while (rc_lines_next(it, &l) && !rc_line_blank(&l))
    ;
}

static recap_status read_blocks(rc_caption *c, rc_lines *it) {
  rc_line l, next;
  int seen_cue = 0;
  double start = -1, end = -1;
  while (rc_lines_next(it, &l)) {
    if (rc_line_blank(&l))
      continue;
    if (rc_vtt_block_keyword(&l)) {
      skip_block(it);
      continue;
    }
    int orphan = 0;
    if (has_arrow(&l)) {
      /* l is the timing line */
    } else if (rc_lines_peek(it, &next) && has_arrow(&next)) {
      rc_lines_next(it, &l); /* l was the cue identifier */
    } else if (!seen_cue) {
      return rc_source_fail(c->src, l.number, "expected a cue timing line");
    } else {
      orphan = 1; /* text after a stray blank line: keep it */
    }
    if (!orphan && !rc_parse_timing(l.s, l.len, &start, &end))
      start = end = -1;
    rc_caption_begin(c, start, end);
    if (orphan)
      RC_TRY(rc_caption_line(c, l.s, l.len, l.off));
    RC_TRY(read_cue_text(c, it, !orphan));
    RC_TRY(rc_caption_end(c));
    seen_cue = 1;
  }
  return RECAP_OK;
}

recap_status rc_read_vtt(rc_source *src, const char *s, size_t n) {
  rc_lines it, at; /* at: just before the first non-blank line */
  rc_line l;
  int found;
  rc_lines_init(&it, s, n);
  at = it;
  while ((found = rc_lines_next(&it, &l)) && rc_line_blank(&l))
    at = it;
  if (found && rc_vtt_signature(&l)) {
    /* The header: to the first blank line or timing line. */
    while (rc_lines_peek(&it, &l) && !rc_line_blank(&l) && !has_arrow(&l))
      rc_lines_next(&it, &l);
  } else if (found && rc_vtt_headless_start(&l, &it)) {
    it = at; /* no signature: the cues start at once */
  } else {
    return rc_source_fail(src, it.number ? it.number : 1,
                          "missing WEBVTT header");
  }
  rc_caption c;
  recap_status st = rc_caption_init(&c, src, 0, 1, s, n);
  if (st == RECAP_OK)
    st = read_blocks(&c, &it);
  rc_caption_free(&c);
  return st;
}
