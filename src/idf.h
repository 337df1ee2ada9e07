/*
 * idf.h - document-frequency tables: background IDF from an archive.
 *
 * Text format (recap(1) documents it for users):
 *
 *   # comment
 *   @language english 1234      <- a section: language, documents counted
 *   comput<TAB>87               <- stem, documents containing it
 *   ...
 *
 * Stems are the library's (folded, Snowball-stemmed) so a table only
 * matches recap's own analysis.  Reading a table adds its counts to what is
 * there, so tables from several runs (or `cat a.idf b.idf`) merge by
 * addition.  Rendering sorts sections by language and stems bytewise.
 */
#ifndef RC_IDF_H
#define RC_IDF_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "lang.h"
#include "mem.h"
#include "strtab.h"

typedef struct rc_idf {
  const recap_allocator *alloc;
  rc_strtab keys;        /* language index byte + stem */
  RC_VEC(uint64_t) df;   /* per key */
  RC_VEC(uint64_t) docs; /* per language index */
} rc_idf;

void rc_idf_init(rc_idf *t, const recap_allocator *alloc);
void rc_idf_free(rc_idf *t);
int rc_idf_empty(const rc_idf *t);
recap_status rc_idf_add(rc_idf *t, size_t lang, const char *stem, size_t n,
                        uint64_t df);
recap_status rc_idf_add_docs(rc_idf *t, size_t lang, uint64_t docs);
/* Adds the counts of a table in text form, all or nothing: on
   RECAP_ERR_BAD_TABLE (err says which line and why) t is unchanged. */
recap_status rc_idf_parse(rc_idf *t, const char *text, size_t len, char *err,
                          size_t errlen);
/* Adds every count of `from` to t. */
recap_status rc_idf_merge(rc_idf *t, const rc_idf *from);
void rc_idf_render(const rc_idf *t, rc_buf *out);
/* Documents counted for a language (0 if none). */
uint64_t rc_idf_docs(const rc_idf *t, size_t lang);
/* Documents containing the stem (0 if absent). */
uint64_t rc_idf_df(const rc_idf *t, size_t lang, const char *stem, size_t n);

/* The background document frequency of a stem and the number of
   documents it is out of (*docs = 0 without a background): the archive
   table `bg` if it has documents of the language, else the language's
   general frequencies compiled in. */
double rc_idf_background(const rc_idf *bg, const rc_lang *lang,
                         const char *stem, size_t len, double *docs);

#endif
