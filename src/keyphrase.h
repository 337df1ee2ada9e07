/*
 * keyphrase.h - key phrase scores and selection, for the document and for
 * its parts (chapters, speakers).  The candidates come from the token
 * pass (candidates.h).
 */
#ifndef RC_KEYPHRASE_H
#define RC_KEYPHRASE_H

#include "doc.h"

/* A mention inside a longer run weighs this much of one on its own.  On
   the dev sets: avg F1@10 .268 without such mentions, .277 counted fully
   (1-word ones too: .251), .280 at half weight; the per-language test
   paragraphs' key phrases went from 19 to 27 of 30 in the top five. */
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
/* A text of more sentences than this has its sentence positions scaled
   down to this many for the position prior: a long text's opening is its
   first sentences as a share of it, not the first ten (a meeting's
   greetings).  SemEval-2010 F1@10 (papers of ~300 sentences): unscaled
   .2457, 250 .2500, 150 .2544, 100 .2522, 30 .2404, 10 .2139; Inspec's
   abstracts are shorter than any of these. */
#define RC_KP_POSITION_SPAN 150
/* Spread (keyphrase.c, score_phrases): the weight of the number of parts
   of a long text (at least RC_KP_SPREAD_MIN sentences, of RC_KP_PARTS)
   mentioning a phrase, and of the number of speakers' turns.  SemEval
   F1@10 by the parts' weight (with the span above): 0 .2544, 0.1 .2577,
   0.15 .2566, 0.2 .2539, 0.5 .2441 (ungated, Inspec lost .004 at 0.25).
   Turns (meetings only; no key phrase set has speakers): the share of
   the top ten found in the meeting's reference summary (AMI / ICSI /
   QMSum dev) went from .440 / .436 / .335 at 0 to .491 / .473 / .360 at
   0.4 and .511 / .504 / .379 at 0.7, which ranked fillers of talk
   ("people", "words") above named topics; 0.4 read best. */
#define RC_KP_SPREAD 0.1
#define RC_KP_SPREAD_MIN 40
#define RC_KP_TURNS 0.4

/* Mentions a phrase needs of its own, outside the chosen phrases that
   contain it or share two of its words, to be chosen beside them.
   Asking also for half of its mentions to be its own lowered SemEval's
   F1@10 from .2577 to .2523 (its gold often holds both "coalitional
   game" and "multi-attribute coalitional game"). */
#define RC_KP_OWN 2
/* A phrase containing a chosen one takes its place when it has at least
   this share of the chosen one's mentions (keyphrase.c, redundant).
   F1@10 Inspec / SemEval: never .3600 / .2445, 0.4 .3600 / .2542, 0.5
   .3595 / .2542, 0.6 .3615 / .2469 (before the spread), 0.8 .3649 /
   .2533 (with it; 0.6 then .3658 / .2544). */
#define RC_KP_FORM 0.6

/* A name joined through a joiner ("of") is a candidate when it holds at
   least this share of the uses of the word after the joiner. */
#define RC_KP_JOINED 0.75

/* Phrase scores and each phrase's most frequent surface form: a stage of
   its own, run once by the driver before anything ranks phrases. */
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

/* The same with other weights: global score^global x (1 + ln mentions in
   the part) x share of its mentions in the part x ln(1 + nparts / parts
   using it)^idf; phrases mentioned fewer than min_mentions times in the
   part rank after all others.  rc_kp_parts uses rc_kp_weights_default:
   {2, 0.5, 1}. */
typedef struct rc_kp_weights {
  double idf, global;
  uint32_t min_mentions;
} rc_kp_weights;
extern const rc_kp_weights rc_kp_weights_default;
recap_status rc_kp_parts_weighted(recap_document *doc, const uint32_t *part,
                                  size_t nparts, size_t k,
                                  const rc_kp_weights *w, recap_keyphrase *out,
                                  size_t *got);

#endif
