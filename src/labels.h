/*
 * labels.h - speaker labels ("Name: text", "[00:01:02] Name:", ...): their
 * syntax, and the one rule deciding which labels are speakers (labels.c).
 *
 * Used by the transcript reader (turns), the caption cue-text engine
 * ("Name: text" prefixes in WebVTT and SRT cues) and format detection
 * (does this text look like a transcript?), so that all three agree on
 * what a speaker label is.
 */
#ifndef RC_LABELS_H
#define RC_LABELS_H

#include <stddef.h>
#include <stdint.h>

#include "mem.h"
#include "strtab.h"

/* ---- syntax ------------------------------------------------------------- */

/* Does line s[0..n) start with a speaker label?  Recognised forms:
     Name: text            [00:01:02] Name: text      (00:01:02) Name: text
     00:01:02 Name: text   Name (00:01:02): text      Name (Affiliation): text
     Name (00:01:02)       Name  00:01:02             00:01:02 Name
   (the last three, and "Name:" with nothing after it, alone on the line,
   their text following on the next lines).  A full-width colon also ends a
   label.  The name is 1-5 words, at most 40 bytes, of letters (any
   non-ASCII byte counts as one), digits and . - ' _ &; its first word starts
   with an upper-case or non-ASCII letter (or is like "d'Entremont") and
   the others with one of those, a digit or '&', or are particles like
   "van" or "de".  This is syntax only: whether a label is really a speaker
   is rc_label_rule()'s call.
   Returns 1 and fills the name range (offsets in s), *time (seconds, or -1)
   and *text_off (where the spoken text starts, n if none); else 0. */
int rc_speaker_label(const char *s, size_t n, size_t *name_off,
                     size_t *name_len, double *time, size_t *text_off);

/* ---- which labels are speakers ------------------------------------------ */

/*
 * Prose has the odd "Note: ..." line that is not a speaker.  A reader first
 * counts every label in the document, then accepts a label as a speaker if
 *   - it occurs at least twice, or
 *   - it carries a time ("[00:01:02] Name:", "Name  00:01:02") and the
 *     document has at least two timed labels: prose does not do that, or
 *   - (`lenient`: transcripts, and detecting them) the document is a
 *     transcript, because at least two distinct labels occur twice or
 *     more, or because labels open at least three of every four lines
 *     that are not blank (a short exchange, "Alice: ...", "Bob: ..."),
 *     and the label is not one of the words prose puts before a colon
 *     ("Note", "Example", "Warning", "Summary", ...): a speaker who says
 *     one thing keeps their name.
 *
 * rc_label_rule() is that rule on counts however they were gathered:
 *   count         occurrences of this label,
 *   timed         whether this occurrence carries a time,
 *   timed_labels  labels carrying a time in the document,
 *   recurring     distinct labels occurring at least twice,
 *   labelled      lines that open with a label, of
 *   lines         lines that are not blank.
 * Readers gather a whole document's counts in an rc_labels and ask
 * rc_labels_accept(); detect.c, which may not allocate, counts the labels
 * of its sample of the first lines in a fixed table and asks
 * rc_label_rule() directly.
 */
int rc_label_rule(const char *name, size_t len, size_t count, int timed,
                  size_t timed_labels, size_t recurring, size_t labelled,
                  size_t lines, int lenient);

typedef struct rc_labels {
  rc_strtab names;
  RC_VEC(uint32_t) counts; /* by id in names */
  size_t recurring;        /* names counted at least twice */
  size_t timed;            /* labels counted with a time */
  size_t labelled, lines;  /* lines opening with a label, of those not
                              blank (rc_labels_line) */
} rc_labels;

void rc_labels_init(rc_labels *l, const recap_allocator *alloc);
void rc_labels_free(rc_labels *l);
/* Counts one occurrence of the label name[0..len), timed or not. */
recap_status rc_labels_count(rc_labels *l, const char *name, size_t len,
                             int timed);
/* Counts a line that is not blank, opening with a label or not (the
   caller counts its label with rc_labels_count()). */
void rc_labels_line(rc_labels *l, int labelled);
/* rc_label_rule() on the counts gathered so far; a label never counted is
   not a speaker. */
int rc_labels_accept(const rc_labels *l, const char *name, size_t len,
                     int timed, int lenient);
/* Is s[0..n) a word prose puts before a colon ("Note", "Summary", ...)?
   Case-insensitive. */
int rc_prose_label(const char *s, size_t n);

#endif
