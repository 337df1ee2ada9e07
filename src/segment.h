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

/* Sentences longer than this many words are split, in their second half,
   where a clause begins (after a comma, before a capital in captions
   without punctuation, before "and", "the", "of"; segment.c, clause_cut);
   in speech (rc_source.spoken) at RC_MAX_SPOKEN_WORDS, where turns run on
   and a summary sentence should stay readable.  40 words is what the
   summary checker (tools/summary-lint) calls long; average ROUGE-1/2 over
   eight meeting set/format pairs: 80 words .3470/.0615, 60 .3479/.0617,
   40 .3477/.0614, 30 .3488/.0608, 25 .3494/.0605 (shorter pieces gain
   unigrams and lose bigrams); written prose keeps 80 (SemEval's long
   sentences: F1@10 .2565 at 80, .2537 if split at 40). */
#define RC_MAX_SENTENCE_WORDS 80
#define RC_MAX_SPOKEN_WORDS 40
/* Unpunctuated speech: in captions a turn is cut at a cue boundary once
   a unit has this many words and the speaker paused, or has the hard
   count; untimed (a recogniser's text a turn a line) where a clause opens
   before the hard count, so that both renderings of one recording give
   units alike (ami_asr / icsi_asr .txt cut at 40 words: R-1 .3632 /
   .3270, at 30: .3668 / .3291).  A caption cue that runs on is still cut
   at RC_MAX_SPOKEN_WORDS (their .vtt at 40: .3628 / .3341, at 30: .3666
   / .3278). */
#define RC_UNIT_MIN_WORDS 12
#define RC_UNIT_MAX_WORDS 30
#define RC_UNIT_PAUSE 0.5

/* Does c end sentences (. ! ? … 。 and the like)?  And is it such a
   terminator or a closing quote or bracket that may follow one?  (For the
   plain-text reader's line evidence.) */
int rc_sentence_terminator(unsigned c);
int rc_sentence_end_char(unsigned c);
/* Is c a closing quote or bracket? */
int rc_closing_mark(unsigned c);

recap_status rc_segment(const rc_source *src, const rc_lang *lang,
                        rc_norm *norm, rc_span_vec *out);

#endif
