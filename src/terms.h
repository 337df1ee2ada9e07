/*
 * terms.h - the vocabulary pass: tokens -> terms -> stems.
 *
 * One pass over the sentences builds everything later stages count:
 * per-sentence sparse term vectors, document frequencies, and key phrase
 * candidates with their surface forms (fed to candidates.c as the tokens
 * go by).  Each distinct word form is folded, looked up in the
 * stopword and filler lists and stemmed once (the term table caches it);
 * per token the work is a fold of ASCII bytes, one hash probe and a few
 * array updates.
 */
#ifndef RC_TERMS_H
#define RC_TERMS_H

#include "doc.h"
#include "tokenize.h"

/* Words whose facts (lists, stem) a document remembers across analyses:
   stemming and list lookups are most of the fixed cost of a short
   document.  About 60 bytes each. */
#define RC_FACTS_MAX ((size_t)1 << 18)

/* The language-neutral mode ("none") takes as stopwords the words that
   make up at least RC_LEARNED_SHARE of the first RC_LEARNED_SAMPLE tokens,
   at most RC_LEARNED_MAX of them: function words are the most frequent
   words of any language (Zipf), so this finds "the", "de", "и" without
   knowing the language.  A text shorter than RC_LEARNED_MIN tokens is too
   short to tell function words from the topic: it gets none. */
#define RC_LEARNED_MIN 500
#define RC_LEARNED_SAMPLE 50000
#define RC_LEARNED_SHARE 0.005
#define RC_LEARNED_MAX 100

/* The token pass in two steps: rc_terms_begin() learns the stopwords of
   "none" and turns the segmenter's spans into sentence records (the
   spans are then empty, for the driver to release); rc_terms_build()
   reads the records and fills them, dropping those without words. */
recap_status rc_terms_begin(recap_document *doc);
recap_status rc_terms_build(recap_document *doc);

/* A unit of a sentence as scoring sees it: a word token, or, in text
   written without spaces (Chinese, Japanese, Thai), a bigram of adjacent
   characters (the first character of each run is a unit of its own, with
   no content).  Bigrams are the usual index terms for such text: single
   characters are too ambiguous, and no dictionary is needed. */
typedef struct rc_unit {
  rc_tok tok; /* its span; a bigram spans both characters */
  uint32_t term;
  rc_term info;
  int content; /* counts for TF-IDF and key phrases */
  int repeat;  /* an immediate repeat of the word before (a stutter) */
} rc_unit;

typedef struct rc_units {
  recap_document *doc;
  rc_tokenizer tz;
  uint32_t prev_term;
  rc_tok cjk; /* the last character of a run without spaces */
  unsigned cjk_flags;
  int have_cjk;
  int cjk_stop_pair; /* the last bigram was a stopword ("这个", "可以") */
} rc_units;

void rc_units_init(rc_units *u, recap_document *doc, size_t b, size_t e);
/* The next unit into *out; *more = 0 at the end. */
recap_status rc_units_next(rc_units *u, rc_unit *out, int *more);
/* Feeds the units of content [b, e) but stutters to a key phrase
   collector (candidates.h), as the token pass does. */
struct rc_kp_collector;
recap_status rc_units_feed(struct rc_kp_collector *c, size_t b, size_t e);

/* The term of a token of `text` (the document's content, or another text
   such as a query), interning it. */
recap_status rc_term_of(recap_document *doc, const char *text,
                        const rc_tok *tok, uint32_t *term);
/* The term of a token if the document has it (else RC_NO_ID), without
   changing the document: safe on a document other threads read too, with
   a scratch `norm` of the caller's. */
recap_status rc_term_find(const recap_document *doc, rc_norm *norm,
                          const char *text, const rc_tok *tok, uint32_t *term);

#endif
