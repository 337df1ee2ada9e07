/*
 * fuzz_jsonl.c - libFuzzer harness: recap_jsonl_process() on the input as
 * one record, then on each of its lines as a batch would feed them (one
 * reused document, library defaults for the first pass and chapters +
 * speakers for the second).  Every call must give exactly one line of
 * valid JSON: the result object with "id" first, or an error object.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The length of the record's "text" string, or SIZE_MAX. */
static size_t text_length(const char *line, size_t n) {
  rc_arena arena;
  rc_arena_init(&arena, rc_default_allocator());
  rc_json *v = NULL;
  size_t len = SIZE_MAX;
  if (rc_json_parse_with(&arena, line, n, 64, RC_JSON_HUGE_NUMBERS, &v,
                         NULL) == RECAP_OK &&
      !rc_json_get_string(v, "text", &len))
    len = SIZE_MAX;
  rc_arena_free(&arena);
  return len;
}

static void one(recap_document *doc, const char *line, size_t n,
                const recap_options *defaults) {
  char *out = NULL;
  size_t len = 0;
  recap_status st = recap_jsonl_process(doc, line, n, defaults, &out, &len);
  FZ_CHECK(fz_analyze_status(st));
  FZ_CHECK(out != NULL && out[len] == '\0');
  FZ_CHECK(fz_json(out, len) == RC_JSON_OBJECT);
  FZ_CHECK(len >= 6 && memcmp(out, "{\"id\":", 6) == 0);
  /* One line for every line splitter: no raw U+2028, U+2029 or NEL. */
  for (size_t i = 0; i + 1 < len; i++)
    FZ_CHECK(
        !((unsigned char)out[i] == 0xC2 && (unsigned char)out[i + 1] == 0x85) &&
        !(i + 2 < len && (unsigned char)out[i] == 0xE2 &&
          (unsigned char)out[i + 1] == 0x80 &&
          ((unsigned char)out[i + 2] & 0xFE) == 0xA8));
  if (st == RECAP_OK) {
    size_t tl = text_length(line, n);
    FZ_CHECK(tl != SIZE_MAX);
    fz_results(doc, tl);
  } else {
    FZ_CHECK(strstr(out, ",\"error\":\"") != NULL);
    FZ_CHECK(recap_sentence_count(doc) == 0 && recap_summary_count(doc) == 0);
  }
  recap_free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  recap_context *ctx = NULL;
  recap_document *doc = NULL;
  FZ_CHECK(recap_context_new(&ctx) == RECAP_OK);
  FZ_CHECK(recap_document_new(ctx, &doc) == RECAP_OK);
  one(doc, s, size, NULL);
  recap_options d;
  recap_options_init(&d);
  d.flags |= RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS | RECAP_OPT_DECISIONS;
  d.summary_words = 40;
  for (size_t i = 0; i < size;) {
    const char *nl = memchr(s + i, '\n', size - i);
    size_t e = nl ? (size_t)(nl - s) : size;
    if (e > i || nl)
      one(doc, s + i, e - i, &d);
    i = e + 1;
  }
  recap_document_free(doc);
  recap_context_free(ctx);
  return 0;
}
