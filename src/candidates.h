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

struct rc_kp_collector;
/* Feeds the units of content [b, e) to the collector (rc_units_feed in
   terms.c, which calls this file: a pointer keeps the layers one way). */
typedef recap_status (*rc_kp_feed)(struct rc_kp_collector *c, size_t b,
                                   size_t e);

/* Phrases seen once, inside a longer run only, by a 32-bit fingerprint of
   their key and where that run began: such a mention is no candidate
   (keyphrase.c wants a run of its own, or two mentions in different
   runs), so the phrase is interned only when it comes again, and its
   first mention is then re-read from that run (a few tokens).  Open
   addressing, linear probing within a window of slots, one slot per 16
   bytes of content at most (12 bytes each: under 0.75 bytes per input
   byte); when that is full the oldest entry of a window gives way, and a
   phrase whose first mention is forgotten counts from its second.
   slots: fingerprint << 32 | sentence + 1 (0: empty); at: the run's
   offset in its sentence, or UINT32_MAX to re-read the sentence from its
   start (the run began it). */
typedef struct rc_kp_pending {
  uint64_t *slots;
  uint32_t *at;
  size_t nslots, used, max_slots;
} rc_kp_pending;

typedef struct rc_kp_collector {
  recap_document *doc;
  /* count mode: mentions of known phrases, as part << 32 | phrase, are
     appended here (else NULL) */
  rc_kp_mentions *mentions;
  uint64_t part;
  uint32_t sentence;
  uint32_t turn;    /* speakers' turns so far */
  uint32_t speaker; /* the current turn's speaker */
  /* the open run of content words */
  uint32_t stems[RC_MAX_RUN];
  uint32_t terms[RC_MAX_RUN];
  size_t offs[RC_MAX_RUN], ends[RC_MAX_RUN]; /* each word's span */
  unsigned char modifier[RC_MAX_RUN];        /* RC_KP_* */
  size_t run, run_off;
  int run_first; /* the run begins at the sentence's first token */
  int run_cjk;   /* the run has characters of a script without spaces */
  int first_token;
  /* A joiner seen after a capitalised word of the run, waiting for the
     next word to say whether the name goes on. */
  int join_pending;
  rc_tok join_tok;
  uint32_t join_term, join_stem;
  size_t sent_off, sent_end; /* the current sentence's content range */
  /* Collecting with `feed` set: phrases seen once wait in `pending`; the
     first sentence of each turn, for re-reading a mention. */
  rc_kp_feed feed;
  rc_kp_pending pending;
  RC_VEC(uint32_t) turn_starts;
  /* Re-reading: only the first mention of this key is recorded. */
  const rc_strkey *replay;
  int replayed;
} rc_kp_collector;

/* A collector that adds candidates to doc->phrases and doc->surfaces;
   set `mentions` (and `part`) afterwards for count mode, or `feed` for
   phrases seen once to wait (the token pass).  rc_kp_collector_free
   releases what it holds. */
void rc_kp_collector_init(rc_kp_collector *c, recap_document *doc);
void rc_kp_collector_free(rc_kp_collector *c);
/* Sentence `sentence`, content [off, end), begins in cue `cue` (a turn
   begins where the speaker changes). */
recap_status rc_kp_sentence_begin(rc_kp_collector *c, uint32_t sentence,
                                  uint32_t cue, size_t off, size_t end);
recap_status rc_kp_token(rc_kp_collector *c, const rc_tok *tok, uint32_t term,
                         const rc_term *info, int content);
recap_status rc_kp_sentence_end(rc_kp_collector *c);

#endif
