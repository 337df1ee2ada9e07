/*
 * read_text.c - plain text: paragraphs and lines as cues.
 *
 * Blank lines always separate paragraphs.  A single line break is
 * ambiguous: in prose with hard line breaks (e-mail, text from a PDF,
 * Project Gutenberg) it is a space and a sentence runs on into the next
 * line; in a file with one utterance per line (a transcript without
 * names, a chat log, a list) it ends the unit.  The file decides, from
 * the line breaks inside paragraphs where the line before does not end a
 * sentence (no . ! ? : ; or closing quote or bracket at its end):
 *
 *   - a text without sentence punctuation (fewer than one terminator per
 *     40 words) is read a line per unit: its lines are all it has;
 *   - a sentence carried on to the next line goes on in lower case,
 *     while utterances start with capitals: of such breaks in a cased
 *     text, at most 0.39 are followed by lower case in the dev meetings,
 *     0.85 to 1 in wrapped English prose and pasted captions, but only
 *     0.58 in German prose (its nouns have capitals).  So a cased text is
 *     prose if the lower-case share is at least 0.6, or at least 0.3 and
 *     its lines are as wrapped prose's are: most inner lines at >= 60% of
 *     the longest, which is at most 160 bytes, mostly not ending a
 *     sentence (utterances have lines of every length);
 *   - where case says little (scripts without case), prose is what has
 *     such lines.
 *
 * Prose gives a cue per paragraph, anything else a cue per line.  The
 * evidence is taken from the first TEXT_SAMPLE bytes (256 KB: a file's
 * style does not change further on, and a large input is not read
 * twice).  The content is the decoded text itself (no copy); cues only
 * mark ranges of it.
 */
#include <string.h>

#include "normalize.h"
#include "readers.h"
#include "segment.h"
#include "utf8.h"

#define TEXT_SAMPLE ((size_t)256 << 10)

typedef struct line_stats {
  size_t lines;      /* lines followed by another line of the paragraph */
  size_t longest;    /* the longest of them */
  size_t full;       /* of those, lines at >= 60% of the longest */
  size_t open;       /* of those, lines that do not end a sentence ... */
  size_t open_lower; /* ... followed by a line starting in lower case */
  size_t open_upper; /* ... or with a capital */
  size_t words;      /* words and sentence terminators in the sample */
  size_t stops;
  size_t units; /* non-blank lines in the sample */
} line_stats;

/* The last character of a line: does it end a sentence? */
static int ends_sentence(const rc_line *l) {
  if (l->len == 0)
    return 1;
  size_t i = l->len - 1;
  while (i > 0 && ((unsigned char)l->s[i] & 0xC0) == 0x80)
    i--;
  const unsigned char *p = (const unsigned char *)l->s + i;
  size_t k = rc_utf8_seqlen(p, l->len - i);
  unsigned c = rc_utf8_decode(p, k ? k : 1);
  return c == ':' || c == ';' || rc_sentence_end_char(c);
}

/* The case of a line's first letter (after opening quotes and brackets):
   1 lower, 2 upper, 0 neither. */
static int starts_with_case(const rc_line *l) {
  for (size_t i = 0; i < l->len;) {
    const unsigned char *p = (const unsigned char *)l->s + i;
    size_t k = rc_utf8_seqlen(p, l->len - i);
    if (k == 0)
      k = 1;
    unsigned c = rc_utf8_decode(p, k);
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C ||
        c == 0x2018 || c == 0x00AB || c == 0x00BF || c == 0x00A1) {
      i += k;
      continue;
    }
    unsigned cls = rc_char_class(c);
    return (cls & RC_CH_LOWER) ? 1 : (cls & RC_CH_UPPER) ? 2 : 0;
  }
  return 0;
}

/* Words (runs of non-spaces) and sentence terminators in s[0, n), one
   table lookup per byte. */
enum { B_SPACE = 1, B_STOP = 2, B_LEAD = 4 };
static const unsigned char byte_kind[256] = {
    [' '] = B_SPACE,  ['\t'] = B_SPACE, ['\n'] = B_SPACE,
    ['\r'] = B_SPACE, ['.'] = B_STOP,   ['!'] = B_STOP,
    ['?'] = B_STOP,
#define L16(x)                                                                 \
  [x] = B_LEAD, [x + 1] = B_LEAD, [x + 2] = B_LEAD, [x + 3] = B_LEAD,          \
  [x + 4] = B_LEAD, [x + 5] = B_LEAD, [x + 6] = B_LEAD, [x + 7] = B_LEAD,      \
  [x + 8] = B_LEAD, [x + 9] = B_LEAD, [x + 10] = B_LEAD, [x + 11] = B_LEAD,    \
  [x + 12] = B_LEAD, [x + 13] = B_LEAD, [x + 14] = B_LEAD, [x + 15] = B_LEAD
    L16(0xC0),        L16(0xD0),        L16(0xE0),
    L16(0xF0)
#undef L16
};

static void count_words(const char *s, size_t n, line_stats *ls) {
  size_t words = 0, stops = 0;
  unsigned prev = B_SPACE;
  for (size_t i = 0; i < n; i++) {
    unsigned k = byte_kind[(unsigned char)s[i]];
    words += (prev & B_SPACE) && !(k & B_SPACE);
    prev = k;
    if (k & B_STOP) {
      stops++;
    } else if (k & B_LEAD) {
      const unsigned char *p = (const unsigned char *)s + i;
      size_t len = rc_utf8_seqlen(p, n - i);
      stops += len && rc_sentence_terminator(rc_utf8_decode(p, len));
    }
  }
  ls->words = words;
  ls->stops = stops;
}

static void gather(const char *s, size_t n, line_stats *ls) {
  memset(ls, 0, sizeof *ls);
  if (n > TEXT_SAMPLE)
    n = TEXT_SAMPLE;
  count_words(s, n, ls);
  rc_lines it;
  rc_line prev = {NULL, 0, 0, 0}, cur;
  /* Two passes over the lines: the longest first, then the shares. */
  for (int pass = 0; pass < 2; pass++) {
    int have_prev = 0;
    rc_lines_init(&it, s, n);
    while (rc_lines_next(&it, &cur)) {
      cur = rc_line_trim(cur);
      int blank = cur.len == 0;
      ls->units += pass == 0 && !blank;
      if (have_prev && !blank) {
        if (pass == 0) {
          if (prev.len > ls->longest)
            ls->longest = prev.len;
        } else {
          ls->lines++;
          ls->full += prev.len * 10 >= ls->longest * 6;
          if (!ends_sentence(&prev)) {
            int c = starts_with_case(&cur);
            ls->open++;
            ls->open_lower += c == 1;
            ls->open_upper += c == 2;
          }
        }
      }
      prev = cur;
      have_prev = !blank;
    }
  }
}

/* Prose with hard line breaks?  (The rule is at the top of the file.) */
static int looks_wrapped(const line_stats *ls) {
  if (ls->stops == 0 || (ls->words >= 80 && ls->stops * 40 < ls->words))
    return 0;
  if (ls->open == 0)
    return 0;
  int width = ls->lines >= 3 && ls->longest <= 160 &&
              ls->full * 10 >= ls->lines * 7 && ls->open * 2 >= ls->lines;
  if ((ls->open_lower + ls->open_upper) * 2 < ls->open)
    return width; /* case tells little */
  /* lower-case share >= 0.6, or >= 0.3 with the width of wrapped lines */
  return ls->open_lower * 2 >= ls->open_upper * 3 ||
         (width && ls->open_lower * 7 >= ls->open_upper * 3);
}

recap_status rc_read_text(rc_source *src, const char *s, size_t n) {
  line_stats ls;
  gather(s, n, &ls);
  int wrapped = looks_wrapped(&ls);
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
  /* Lines that are units are utterances (a transcript without names, a
     chat); one line alone says nothing of the kind, and nor do lines that
     are paragraphs.  An utterance holds 1.1-1.2 sentences on average in
     the dev meetings, a paragraph per line 3 to 5 in the seeds. */
  src->spoken = !wrapped && src->cues.len > 1 && ls.stops * 2 < ls.units * 5;
  return RECAP_OK;
}
