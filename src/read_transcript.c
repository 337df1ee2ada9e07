/*
 * read_transcript.c - speaker-labelled transcripts ("Name: text").
 *
 * No standard defines this format; it is what meeting tools, court and
 * parliamentary records and hand-made transcripts share.  The forms read
 * (see rc_speaker_label() in labels.h):
 *
 *   Name: text                       AMI/ICSI/QMSum, chat logs, interviews
 *   [00:01:02] Name: text            timestamped exports
 *   (00:01:02) Name: text
 *   Name (00:01:02): text            Rev
 *   Name (Minister of Finance): text Hansard-style affiliations
 *   Name (00:01:02)     + text lines
 *   Name  00:01:02      + paragraphs Otter (two spaces or a tab before the
 *                                    time)
 *   00:01:02 Name       + text lines
 *
 * Structure: a labelled line starts a turn (a new cue flagged RC_CUE_BREAK,
 * timed from its label); unlabelled lines continue the current turn (same
 * cue, the line break kept as '\n'); a blank line ends a paragraph (the next
 * text starts a new cue of the same speaker, flagged RC_CUE_BREAK, untimed).
 * A cue's end is the start of the next timed cue, filled in after reading.
 *
 * Deciding what is a speaker: syntax alone would make "Note: the budget
 * ..." in prose a speaker called Note.  Two passes: the first counts every
 * label, the second accepts a label if it recurs, if it is timed in a
 * document with timed labels, or if the document clearly is a transcript
 * (two labels recur) and the label is not a word prose puts before a
 * colon.  The label syntax and that rule live in labels.c, shared with
 * format detection and the caption readers' "Name: text" prefixes.
 *
 * Time is linear: rc_speaker_label() looks at most a few hundred bytes
 * into a line, and labels are hashed.
 */
#include "readers.h"

#include "labels.h"

static recap_status count_labels(rc_labels *labels, const char *s, size_t n) {
  rc_lines it;
  rc_line l;
  rc_lines_init(&it, s, n);
  while (rc_lines_next(&it, &l)) {
    size_t name, len, text;
    double t;
    int label = rc_speaker_label(l.s, l.len, &name, &len, &t, &text);
    if (!rc_line_blank(&l))
      rc_labels_line(labels, label);
    if (label)
      RC_TRY(rc_labels_count(labels, l.s + name, len, t >= 0));
  }
  return RECAP_OK;
}

typedef struct turns {
  rc_source *src;
  const char *speaker; /* of the current turn, or NULL */
  size_t speaker_len;
  int open;     /* a cue is being built */
  int has_text; /* ... and has text */
  uint32_t brk; /* flags for the next cue */
} turns;

static recap_status end_cue(turns *t) {
  if (!t->open)
    return RECAP_OK;
  t->open = 0;
  return rc_source_end(t->src);
}

static recap_status start_turn(turns *t, const rc_line *l, size_t name,
                               size_t name_len, double time, size_t text) {
  RC_TRY(end_cue(t));
  t->speaker = l->s + name;
  t->speaker_len = name_len;
  RC_TRY(rc_source_begin(t->src, time, -1, t->speaker, t->speaker_len,
                         RC_CUE_BREAK));
  t->open = 1;
  t->has_text = text < l->len;
  t->brk = 0;
  if (!t->has_text)
    return RECAP_OK;
  rc_line rest = {l->s + text, l->len - text, l->off + text, l->number};
  rest = rc_line_trim(rest);
  return rc_source_add(t->src, rest.s, rest.len, rest.off);
}

/* An unlabelled line: the current turn goes on. */
static recap_status continue_turn(turns *t, const char *s, const rc_line *raw,
                                  const rc_line *l) {
  if (!t->open) {
    RC_TRY(rc_source_begin(t->src, -1, -1, t->speaker, t->speaker_len, t->brk));
    t->open = 1;
    t->brk = 0;
  } else if (t->has_text) {
    /* Keep the line break: the '\n' just before the raw line. */
    RC_TRY(rc_source_add(t->src, s + raw->off - 1, 1, raw->off - 1));
  }
  t->has_text = 1;
  return rc_source_add(t->src, l->s, l->len, l->off);
}

static recap_status read_turns(rc_source *src, const rc_labels *labels,
                               const char *s, size_t n) {
  turns t = {src, NULL, 0, 0, 0, 0};
  rc_lines it;
  rc_line raw;
  rc_lines_init(&it, s, n);
  while (rc_lines_next(&it, &raw)) {
    rc_line l = rc_line_trim(raw);
    if (l.len == 0) {
      /* A paragraph ends, unless the turn has only its label so far
         ("Name (00:01:02)", blank line, text). */
      if (t.open && t.has_text) {
        RC_TRY(end_cue(&t));
        t.brk = RC_CUE_BREAK;
      }
      continue;
    }
    size_t name, len, text;
    double time;
    if (rc_speaker_label(l.s, l.len, &name, &len, &time, &text) &&
        rc_labels_accept(labels, l.s + name, len, time >= 0, 1)) {
      RC_TRY(start_turn(&t, &l, name, len, time, text));
      continue;
    }
    RC_TRY(continue_turn(&t, s, &raw, &l));
  }
  return end_cue(&t);
}

/* A cue ends when the next timed cue starts (if that is not earlier). */
static void fill_ends(rc_source *src, size_t first) {
  double next = -1;
  for (size_t i = src->cues.len; i-- > first;) {
    rc_cue *c = &src->cues.data[i];
    if (c->start < 0)
      continue;
    if (c->end < 0 && next >= c->start)
      c->end = next;
    next = c->start;
  }
}

recap_status rc_read_transcript(rc_source *src, const char *s, size_t n) {
  size_t first = src->cues.len;
  rc_labels labels;
  rc_labels_init(&labels, src->alloc);
  recap_status st = count_labels(&labels, s, n);
  if (st == RECAP_OK)
    st = read_turns(src, &labels, s, n);
  rc_labels_free(&labels);
  if (st == RECAP_OK)
    fill_ends(src, first);
  return st;
}
