/*
 * read_text.c - plain text: paragraphs and lines as cues.
 *
 * Blank lines always separate paragraphs.  A single line break is
 * ambiguous: in hard-wrapped prose it is a space, in a file with one
 * utterance or subtitle per line it ends the unit.  Wrapped prose has a
 * tell: its lines fill up to a common width and mostly end mid-sentence.
 * If the lines inside paragraphs look like that, each paragraph is one cue;
 * otherwise each line is.  The content is the decoded text itself (no
 * copy); cues only mark ranges of it.
 */
#include <string.h>

#include "readers.h"

typedef struct wrap_stats {
  size_t lines;       /* lines followed by another line of the paragraph */
  size_t longest;     /* longest such line */
  size_t full;        /* of those, lines at >= 60% of the longest */
  size_t open_ending; /* of those, lines not ending in . ! ? : or a quote */
} wrap_stats;

static int ends_sentence(const rc_line *l) {
  if (l->len == 0)
    return 1;
  unsigned char c = (unsigned char)l->s[l->len - 1];
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' ||
         c == ')' || c >= 0x80; /* closing quotes, CJK full stops */
}

static void gather_wrap_stats(const char *s, size_t n, wrap_stats *ws) {
  memset(ws, 0, sizeof *ws);
  rc_lines it;
  rc_line prev = {NULL, 0, 0, 0}, cur;
  int have_prev = 0;
  rc_lines_init(&it, s, n);
  /* Two passes over the lines: the longest first, then the shares. */
  for (int pass = 0; pass < 2; pass++) {
    rc_lines_init(&it, s, n);
    have_prev = 0;
    while (rc_lines_next(&it, &cur)) {
      cur = rc_line_trim(cur);
      int blank = cur.len == 0;
      if (have_prev && !blank) {
        if (pass == 0) {
          if (prev.len > ws->longest)
            ws->longest = prev.len;
        } else {
          ws->lines++;
          ws->full += prev.len * 10 >= ws->longest * 6;
          ws->open_ending += !ends_sentence(&prev);
        }
      }
      prev = cur;
      have_prev = !blank;
    }
  }
}

/* Wrapped prose: most inner lines full and open-ended, at a terminal-like
   width (a file of long lines is one paragraph per line, not wrapped). */
static int looks_wrapped(const wrap_stats *ws) {
  return ws->lines >= 3 && ws->longest <= 160 && ws->full * 10 >= ws->lines * 7 &&
         ws->open_ending * 2 >= ws->lines;
}

recap_status rc_read_text(rc_source *src, const char *s, size_t n) {
  wrap_stats ws;
  gather_wrap_stats(s, n, &ws);
  int wrapped = looks_wrapped(&ws);
  rc_source_borrow(src, s, n);
  rc_lines it;
  rc_line line;
  rc_lines_init(&it, s, n);
  size_t para = SIZE_MAX; /* start of the open paragraph */
  size_t para_end = 0;
  while (rc_lines_next(&it, &line)) {
    int blank = rc_line_blank(&line);
    if (!wrapped) {
      if (!blank)
        RC_TRY(rc_source_cue(src, line.off, line.len, RC_CUE_BREAK));
      continue;
    }
    if (blank) {
      if (para != SIZE_MAX)
        RC_TRY(rc_source_cue(src, para, para_end - para, RC_CUE_BREAK));
      para = SIZE_MAX;
      continue;
    }
    if (para == SIZE_MAX)
      para = line.off;
    para_end = line.off + line.len;
  }
  if (wrapped && para != SIZE_MAX)
    RC_TRY(rc_source_cue(src, para, para_end - para, RC_CUE_BREAK));
  return RECAP_OK;
}
