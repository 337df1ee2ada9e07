/*
 * keyphrase.h - key phrase candidates, scores and selection.
 *
 * Candidates are collected during the token pass (terms.c calls the
 * rc_kp_* hooks for every token): maximal runs of content words with no
 * punctuation inside, at most RC_MAX_PHRASE_WORDS long.  A phrase is keyed
 * by its stems, so inflections merge ("computing force networks" and
 * "computing force network"); each surface form is counted so the most
 * frequent one is shown.
 */
#ifndef RC_KEYPHRASE_H
#define RC_KEYPHRASE_H

#include "doc.h"
#include "tokenize.h"

#define RC_MAX_RUN 8
/* Shorter runs inside a longer one count as mentions too, down to this
   many words, each weighing RC_KP_INSIDE of a mention on its own.  On the
   dev sets: avg F1@10 .268 without them, .277 counted fully (1-word ones
   too: .251), .280 at half weight; the per-language test paragraphs'
   key phrases went from 19 to 27 of 30 in the top five. */
#define RC_MIN_SUBPHRASE 2
#define RC_KP_INSIDE 0.5
/* Phrase scores (keyphrase.c, score_phrases): the weight of the first
   mention's position.  Chosen on the Inspec and SemEval dev sets (README,
   "Quality"). */
#define RC_KP_POSITION 0.6
/* A one-word phrase's score is multiplied by this: alone, a word names
   less than a phrase does ("model" against "hidden Markov model"), and
   single words are the most repeated candidates, so frequency flatters
   them.  On Inspec one-word phrases were 20% of recap's top ten but 12%
   of the gold, and 17% of them were right against 41% of two-word ones.
   Names and acronyms ("XML", "5G") are exempt: they say as much alone.
   F1@10 without the factor .348 (Inspec) / .250 (SemEval), at 0.7
   .354 / .252, at 0.5 .356 / .255, at 0.35 .358 / .252.  Only where a
   word-class lexicon keeps verbs out of phrases (English): elsewhere runs
   often hold a verb ("présenté lundi") and a single word is the safer
   phrase. */
#define RC_KP_SINGLE 0.5

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

void rc_kp_collector_init(rc_kp_collector *c, recap_document *doc);
void rc_kp_collector_free(rc_kp_collector *c);
void rc_kp_sentence_begin(rc_kp_collector *c, uint32_t sentence);
recap_status rc_kp_token(rc_kp_collector *c, const rc_tok *tok, uint32_t term,
                         const rc_term *info, int content);
recap_status rc_kp_sentence_end(rc_kp_collector *c);

/* Word TextRank over the co-occurrence graph and phrase scores (once per
   analysis; later calls do nothing). */
recap_status rc_keyphrases_score(recap_document *doc);
/* The top opt.keyphrases phrases into doc->keyphrases. */
recap_status rc_keyphrases_select(recap_document *doc);

/* Key phrases of the parts of a document (chapters, speakers): part[s]
   is sentence s's part, < nparts, or RC_NO_ID for none.  A phrase names a
   part as TF-IDF would name a document among the parts, with IDF squared
   as for document key phrases: sqrt(global score) x (1 + ln mentions in
   the part) x share of its mentions in the part x ln(1 + nparts / parts
   using it)^2.  With the global score unsquashed, the document's top
   phrases ("buses") titled every chapter.  No two of a part's phrases
   share a word.  The best k of part p go to out[p * k ...], their number
   to got[p]; results in the arena.  Linear in the phrase mentions
   (re-read from the text), plus a sort. */
recap_status rc_kp_parts(recap_document *doc, const uint32_t *part,
                         size_t nparts, size_t k, recap_keyphrase *out,
                         size_t *got);

#endif
