/*
 * terms.h - the vocabulary pass: tokens -> terms -> stems.
 *
 * One pass over the sentences builds everything later stages count:
 * per-sentence sparse term vectors, document frequencies, key phrase
 * candidates with their surface forms, and the word co-occurrence counts
 * for word TextRank.  Each distinct word form is folded, looked up in the
 * stopword and filler lists and stemmed once (the term table caches it);
 * per token the work is a fold of ASCII bytes, one hash probe and a few
 * array updates.
 */
#ifndef RC_TERMS_H
#define RC_TERMS_H

#include "doc.h"
#include "tokenize.h"

/* Co-occurrence window for word TextRank: content words at most this many
   content words apart are linked.  2 to 6 measured the same on the dev
   sets; 2 is the cheapest. */
#define RC_COOC_WINDOW 2
/* Longest key phrase candidate, in words (3 to 6 measured the same). */
#define RC_MAX_PHRASE_WORDS 4

recap_status rc_terms_build(recap_document *doc);

/* The term of a token of `text` (the document's content, or another text
   such as a query), interning it. */
recap_status rc_term_of(recap_document *doc, const char *text,
                        const rc_tok *tok, uint32_t *term);
/* The term of a token if the document has it (else RC_NO_ID), without
   changing the document: safe on a document other threads read too, with
   a scratch `norm` of the caller's. */
recap_status rc_term_find(const recap_document *doc, rc_norm *norm,
                          const char *text, const rc_tok *tok,
                          uint32_t *term);

#endif
