/*
 * candidates.h - key phrase candidates (candidates.c): the collector the
 * token pass feeds, and the limits of a candidate.
 */
#ifndef RC_CANDIDATES_H
#define RC_CANDIDATES_H

#include "doc.h"
#include "tokenize.h"

/* The longest run held: longer runs are no candidate (over
   RC_MAX_PHRASE_WORDS) but their first RC_MAX_RUN words still give
   sub-phrases. */
#define RC_MAX_RUN 8
/* Runs of this many words or more inside a longer run count as mentions
   of their own phrase (weighed RC_KP_INSIDE in keyphrase.c). */
#define RC_MIN_SUBPHRASE 2

/* A phrase's mentions are counted in this many equal parts of the text
   (by sentence), for how widely it is spread (keyphrase.c). */
#define RC_KP_PARTS 16

/* What a word of a run cannot be: the head of a phrase (a modifier), or
   a phrase on its own (a general noun); a joiner ("of" in a name) neither
   starts nor ends one; CAPITAL: written with a capital. */
enum {
  RC_KP_MODIFIER = 1,
  RC_KP_INSIDE_ONLY = 2,
  RC_KP_JOINER = 4,
  RC_KP_CAPITAL = 8,
  RC_KP_INITIAL = 16, /* at the start of a sentence or a line */
  RC_KP_NONFINAL = 32 /* no phrase ends in it (RC_TERM_NONFINAL) */
};

typedef RC_VEC(uint64_t) rc_kp_mentions;

typedef struct rc_kp_collector {
  recap_document *doc;
  /* count mode: mentions of known phrases, as part << 32 | phrase, are
     appended here (else NULL) */
  rc_kp_mentions *mentions;
  uint64_t part;
  uint32_t sentence;
  uint32_t turn;         /* speakers' turns so far */
  uint32_t speaker;      /* the current turn's speaker */
  /* the open run of content words */
  uint32_t stems[RC_MAX_RUN];
  uint32_t terms[RC_MAX_RUN];
  size_t offs[RC_MAX_RUN], ends[RC_MAX_RUN]; /* each word's span */
  unsigned char modifier[RC_MAX_RUN]; /* RC_KP_* */
  size_t run, run_off, run_end;
  int first_token;
  /* A joiner seen after a capitalised word of the run, waiting for the
     next word to say whether the name goes on. */
  int join_pending;
  rc_tok join_tok;
  uint32_t join_term, join_stem;
} rc_kp_collector;

/* A collector that adds candidates to doc->phrases and doc->surfaces;
   set `mentions` (and `part`) afterwards for count mode. */
void rc_kp_collector_init(rc_kp_collector *c, recap_document *doc);
/* Sentence `sentence` begins, in cue `cue` (a turn begins where the
   speaker changes). */
void rc_kp_sentence_begin(rc_kp_collector *c, uint32_t sentence, uint32_t cue);
recap_status rc_kp_token(rc_kp_collector *c, const rc_tok *tok, uint32_t term,
                         const rc_term *info, int content);
recap_status rc_kp_sentence_end(rc_kp_collector *c);

#endif
