/*
 * candidates.h - key phrase candidates (candidates.c): the collector the
 * token pass feeds, and the limits of a candidate.
 */
#ifndef RC_CANDIDATES_H
#define RC_CANDIDATES_H

#include "doc.h"
#include "tokenize.h"

/* Longest key phrase candidate, in words.  F1@10 is flat from 3 to 6
   (4: .3377/.2351, 5: .3385/.2338 on Inspec/SemEval); 5 keeps names
   such as "China Mobile Global Partners Conference" whole. */
#define RC_MAX_PHRASE_WORDS 5

/* The longest run held: longer runs are no candidate (over
   RC_MAX_PHRASE_WORDS) but their first RC_MAX_RUN words still give
   sub-phrases. */
#define RC_MAX_RUN 8
/* Runs of this many words or more inside a longer run count as mentions
   of their own phrase (weighed RC_KP_INSIDE in keyphrase.c). */
#define RC_MIN_SUBPHRASE 2

/* What a word of a run cannot be: the head of a phrase (a modifier), or
   a phrase on its own (a general noun). */
enum { RC_KP_MODIFIER = 1, RC_KP_INSIDE_ONLY = 2 };

typedef RC_VEC(uint64_t) rc_kp_mentions;

typedef struct rc_kp_collector {
  recap_document *doc;
  /* count mode: mentions of known phrases, as part << 32 | phrase, are
     appended here (else NULL) */
  rc_kp_mentions *mentions;
  uint64_t part;
  uint32_t sentence;
  /* the open run of content words */
  uint32_t stems[RC_MAX_RUN];
  uint32_t terms[RC_MAX_RUN];
  size_t offs[RC_MAX_RUN], ends[RC_MAX_RUN]; /* each word's span */
  unsigned char modifier[RC_MAX_RUN]; /* RC_KP_MODIFIER, RC_KP_INSIDE_ONLY */
  size_t run, run_off, run_end;
  int run_caps;  /* every word capitalised (not counting the first word of
                    a sentence) */
  int run_first; /* the run starts the sentence */
  int first_token;
} rc_kp_collector;

/* A collector that adds candidates to doc->phrases and doc->surfaces;
   set `mentions` (and `part`) afterwards for count mode. */
void rc_kp_collector_init(rc_kp_collector *c, recap_document *doc);
void rc_kp_sentence_begin(rc_kp_collector *c, uint32_t sentence);
recap_status rc_kp_token(rc_kp_collector *c, const rc_tok *tok, uint32_t term,
                         const rc_term *info, int content);
recap_status rc_kp_sentence_end(rc_kp_collector *c);

#endif
