/*
 * display.h - the display text of sentences (display.c).
 */
#ifndef RC_DISPLAY_H
#define RC_DISPLAY_H

#include "doc.h"

/* Display text of content range [b, e) appended to out: fillers and
   cut-off words dropped unless `verbatim`, whitespace collapsed; not yet
   NFC.  Reads the document only; `norm` is the caller's scratch. */
recap_status rc_display_range(const recap_document *doc, rc_norm *norm,
                              size_t b, size_t e, int verbatim, rc_buf *out);
/* The display text of sentence i, NFC, into out (replacing its
   contents).  Reads the document only; `norm` is the caller's scratch, so
   threads reading one document may call it at once. */
recap_status rc_display_sentence(const recap_document *doc, rc_norm *norm,
                                 size_t i, rc_buf *out);
/* Fills a public sentence with its display text (in the arena), during
   the analysis; words counts the display text's words. */
recap_status rc_display_fill(recap_document *doc, size_t i,
                             recap_sentence *out);

#endif
