/*
 * segment.h - sentence boundaries.
 *
 * Input: the cues of an rc_source.  Output: sentences as content ranges,
 * each with the first and last cue it touches.  Cues of one speaker that
 * follow each other form a turn, and sentences may run across their
 * boundaries; they never cross a speaker change or a cue marked
 * RC_CUE_BREAK.
 */
#ifndef RC_SEGMENT_H
#define RC_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "lang.h"
#include "normalize.h"
#include "source.h"

typedef struct rc_span {
  size_t off, len;    /* content range, trimmed */
  uint32_t cue_first; /* cue holding the first byte */
  uint32_t cue_last;  /* cue holding the last byte */
} rc_span;

typedef RC_VEC(rc_span) rc_span_vec;

/* Sentences longer than this many words are split (at a comma or the
   like if there is one in the second half, else at the limit). */
#define RC_MAX_SENTENCE_WORDS 80
/* Unpunctuated captions: a turn is cut at a cue boundary once a unit has
   this many words and the speaker paused, or has the hard count. */
#define RC_UNIT_MIN_WORDS 12
#define RC_UNIT_MAX_WORDS 30
#define RC_UNIT_PAUSE 0.5

/* Does c end sentences (. ! ? … 。 and the like)?  And is it such a
   terminator or a closing quote or bracket that may follow one?  (For the
   plain-text reader's line evidence.) */
int rc_sentence_terminator(unsigned c);
int rc_sentence_end_char(unsigned c);

recap_status rc_segment(const rc_source *src, const rc_lang *lang,
                        rc_norm *norm, rc_span_vec *out);

#endif
