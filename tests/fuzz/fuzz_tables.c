/*
 * fuzz_tables.c - libFuzzer harness: the tables a caller gives the
 * library.  Input: a selector byte, then a stopword list, a NUL, a
 * background IDF table, a NUL, and the text to analyse (the built-in
 * transcript if there is none).
 *
 *   byte 0: bits 0-2 the stopword list's language (NULL, "all", "english",
 *           "none", "french", "en", "xx", "auto"), bits 3-4 the analysis
 *           language (auto, english, none, french)
 *
 * recap_context_add_stopwords() and recap_context_load_idf() must return
 * RECAP_OK or their documented errors (with a message); the same table
 * through recap_idf_add_table() must agree, and a table that loads must
 * survive recap_idf_render() -> recap_idf_add_table() unchanged.  A failed
 * load changes nothing (all or nothing), so when neither table loaded the
 * analysis must equal one with a fresh context.  Then the analysis with the
 * context must satisfy fuzz_common.h, and its stems must round-trip through
 * a recap_idf table too.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A table's rendering, which must be valid UTF-8 and parse back to the
   same rendering. */
static char *render_roundtrip(const recap_context *ctx, const recap_idf *idf) {
  char *r = NULL;
  size_t rl = 0;
  FZ_CHECK(recap_idf_render(idf, &r, &rl) == RECAP_OK);
  FZ_CHECK(r != NULL && r[rl] == '\0' && fz_utf8_dump(r, rl));
  recap_idf *back = NULL;
  FZ_CHECK(recap_idf_new(ctx, &back) == RECAP_OK);
  recap_status st = recap_idf_add_table(back, r, rl);
  if (st != RECAP_OK)
    fprintf(stderr, "re-reading a rendered table: %s\n%s\n",
            recap_idf_error(back), r);
  FZ_CHECK(st == RECAP_OK);
  char *r2 = NULL;
  size_t rl2 = 0;
  FZ_CHECK(recap_idf_render(back, &r2, &rl2) == RECAP_OK);
  FZ_CHECK(rl2 == rl && memcmp(r, r2, rl) == 0);
  recap_free(r2);
  recap_idf_free(back);
  return r;
}

static char *analyze_json(recap_document *doc, const char *text, size_t n,
                          const recap_options *opt, recap_status *st) {
  *st = fz_analyze_check(doc, text, n, opt);
  char *json = NULL;
  if (*st == RECAP_OK)
    FZ_CHECK(recap_render(doc, RECAP_FORMAT_JSON, &json, NULL) == RECAP_OK);
  return json;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const sw_langs[8] = {NULL,     "all", "english", "none",
                                          "french", "en",  "xx",      "auto"};
  static const char *const langs[4] = {"auto", "english", "none", "french"};
  if (size < 1)
    return 0;
  const char *s = (const char *)data + 1;
  size_t n = size - 1;
  const char *nul = memchr(s, '\0', n);
  size_t swl = nul ? (size_t)(nul - s) : n;
  const char *idf_text = nul ? nul + 1 : s + n;
  size_t left = nul ? n - swl - 1 : 0;
  nul = memchr(idf_text, '\0', left);
  size_t idfl = nul ? (size_t)(nul - idf_text) : left;
  const char *text = nul ? nul + 1 : fz_builtin_text;
  size_t tl = nul ? left - idfl - 1 : sizeof fz_builtin_text - 1;

  recap_context *ctx = NULL;
  FZ_CHECK(recap_context_new(&ctx) == RECAP_OK);

  const char *swlang = sw_langs[data[0] & 7];
  recap_status sw = recap_context_add_stopwords(ctx, swlang, s, swl);
  FZ_CHECK(sw == RECAP_OK || sw == RECAP_ERR_UNKNOWN_LANGUAGE ||
           sw == RECAP_ERR_BAD_TABLE);
  fz_cstring(recap_context_error(ctx));
  if (sw == RECAP_ERR_BAD_TABLE)
    FZ_CHECK(recap_context_error(ctx)[0] != '\0');

  recap_status it = recap_context_load_idf(ctx, idf_text, idfl);
  FZ_CHECK(it == RECAP_OK || it == RECAP_ERR_BAD_TABLE);
  fz_cstring(recap_context_error(ctx));
  if (it == RECAP_ERR_BAD_TABLE)
    FZ_CHECK(recap_context_error(ctx)[0] != '\0');

  /* The same table into a recap_idf: the same verdict; all or nothing. */
  recap_idf *idf = NULL;
  FZ_CHECK(recap_idf_new(ctx, &idf) == RECAP_OK);
  char *r0 = render_roundtrip(ctx, idf);
  recap_status it2 = recap_idf_add_table(idf, idf_text, idfl);
  FZ_CHECK(it2 == it);
  fz_cstring(recap_idf_error(idf));
  char *r = render_roundtrip(ctx, idf);
  if (it2 != RECAP_OK) {
    FZ_CHECK(recap_idf_error(idf)[0] != '\0');
    FZ_CHECK(strcmp(r, r0) == 0); /* unchanged: still empty */
  }
  recap_free(r);
  recap_free(r0);

  recap_options opt;
  recap_options_init(&opt);
  opt.language = langs[(data[0] >> 3) & 3];
  opt.flags |= RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS | RECAP_OPT_DECISIONS;
  recap_document *doc = NULL;
  FZ_CHECK(recap_document_new(ctx, &doc) == RECAP_OK);
  recap_status st;
  char *json = analyze_json(doc, text, tl, &opt, &st);
  if (st == RECAP_OK) {
    FZ_CHECK(recap_idf_add_document(idf, doc) == RECAP_OK);
    recap_free(render_roundtrip(ctx, idf));
  }

  if (sw != RECAP_OK && it != RECAP_OK) {
    /* Nothing loaded: the context must be as good as new. */
    recap_context *fresh = NULL;
    recap_document *fdoc = NULL;
    FZ_CHECK(recap_context_new(&fresh) == RECAP_OK);
    FZ_CHECK(recap_document_new(fresh, &fdoc) == RECAP_OK);
    recap_status fst;
    char *fjson = analyze_json(fdoc, text, tl, &opt, &fst);
    FZ_CHECK(fst == st);
    FZ_CHECK((json == NULL) == (fjson == NULL));
    if (json)
      FZ_CHECK(strcmp(json, fjson) == 0);
    recap_free(fjson);
    recap_document_free(fdoc);
    recap_context_free(fresh);
  }
  recap_free(json);
  recap_document_free(doc);
  recap_idf_free(idf);
  recap_context_free(ctx);
  return 0;
}
