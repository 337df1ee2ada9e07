/*
 * fuzz_nomem.c - libFuzzer harness: running out of memory on fuzzed input.
 *
 * Input: the two option selector bytes of fuzz_common.h, two bytes giving
 * the allocation N that fails (bits 0-14; bit 15: every allocation from N
 * on fails), then the text, analysed with format detection.  The context
 * uses a counting allocator.  The analysis must return RECAP_OK, a
 * documented error or RECAP_ERR_NOMEM; after RECAP_ERR_NOMEM the document
 * holds no results, and with allocation working again the same document
 * must give exactly the JSON a fresh context and document give.  Renderings
 * attempted while allocations fail give RECAP_OK or RECAP_ERR_NOMEM (and
 * no string).  At the end no block may be left.
 */
#include "../counting.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *reference_json(const char *text, size_t n,
                            const recap_options *opt, recap_status *st) {
  recap_context *ctx = NULL;
  recap_document *doc = NULL;
  FZ_CHECK(recap_context_new(&ctx) == RECAP_OK);
  FZ_CHECK(recap_document_new(ctx, &doc) == RECAP_OK);
  *st = fz_analyze_copy(doc, text, n, opt);
  char *json = NULL;
  if (*st == RECAP_OK)
    FZ_CHECK(recap_render(doc, RECAP_FORMAT_JSON, &json, NULL) == RECAP_OK);
  recap_document_free(doc);
  recap_context_free(ctx);
  return json;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 4)
    return 0;
  const char *text = (const char *)data + 4;
  size_t n = size - 4;
  fz_opts o;
  fz_options(&o, data[0], data[1], text, n);
  unsigned nth = (unsigned)data[2] | (unsigned)data[3] << 8;

  counting c;
  recap_allocator a = counting_allocator(&c, 0, FAIL_ONLY);
  recap_context *ctx = NULL;
  recap_document *doc = NULL;
  FZ_CHECK(recap_context_new_with_allocator(&a, &ctx) == RECAP_OK);
  FZ_CHECK(recap_document_new(ctx, &doc) == RECAP_OK);
  c.calls = 0;
  c.fail_at = nth & 0x7fff;
  c.sticky = (nth & 0x8000) != 0;

  recap_status st = fz_analyze_copy(doc, text, n, &o.opt);
  FZ_CHECK(st == RECAP_ERR_NOMEM || fz_analyze_status(st));
  if (st != RECAP_OK) {
    fz_failed(doc);
  } else {
    for (int f = RECAP_FORMAT_TEXT; f <= RECAP_FORMAT_HTML; f++) {
      char *out = NULL;
      recap_status rs = recap_render(doc, (recap_format)f, &out, NULL);
      FZ_CHECK(rs == RECAP_OK || rs == RECAP_ERR_NOMEM);
      FZ_CHECK((rs == RECAP_OK) == (out != NULL));
      recap_free(out);
    }
    char *t = NULL;
    if (recap_sentence_count(doc)) {
      recap_status ts = recap_sentence_text(doc, 0, &t, NULL);
      FZ_CHECK(ts == RECAP_OK || ts == RECAP_ERR_NOMEM);
    }
    recap_free(t);
  }

  /* Memory is back: the same document must do what a fresh one does. */
  c.fail_at = 0;
  recap_status ref_st;
  char *ref = reference_json(text, n, &o.opt, &ref_st);
  if (st != RECAP_ERR_NOMEM)
    FZ_CHECK(st == ref_st);
  recap_status st2 = fz_analyze_check(doc, text, n, &o.opt);
  FZ_CHECK(st2 == ref_st);
  if (st2 == RECAP_OK) {
    char *json = NULL;
    FZ_CHECK(recap_render(doc, RECAP_FORMAT_JSON, &json, NULL) == RECAP_OK);
    FZ_CHECK(strcmp(json, ref) == 0);
    recap_free(json);
  }
  recap_free(ref);
  recap_document_free(doc);
  recap_context_free(ctx);
  FZ_CHECK(c.live == 0);
  return 0;
}
