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
