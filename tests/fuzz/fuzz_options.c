/*
 * fuzz_options.c - libFuzzer harness: recap_options as the library gets
 * them from a careless caller.
 *
 * The input's first sizeof(recap_options) bytes are copied over a
 * recap_options_init() struct (so a short input changes only the first
 * fields), except the progress callback (any bytes there mean a checking
 * callback) and the three string pointers: the bytes where each would be
 * pick, by their value mod 3, NULL, a fixed valid string, or the next
 * NUL-terminated string from the rest of the input.  What is left is the
 * text (a built-in transcript when nothing is).  The strings and the text
 * are heap copies freed right after the call ("borrowed during the call").
 * The analysis must return RECAP_OK or a documented error and, on success,
 * satisfy every invariant of fuzz_common.h; recap_summarize() with the same
 * options must agree on the status.
 */
#include <stddef.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *fixed_value(size_t field, uint64_t v) {
  static const char *const langs[] = {"en", "english", "auto", "none",
                                      "de", "fr",      "xx",   ""};
  static const char *const names[] = {"a.vtt", "b.srt", "c.json", "d.txt"};
  switch (field) {
  case 0:
    return langs[(v / 3) % 8];
  case 1:
    return names[(v / 3) % 4];
  default:
    return "what did they decide about the budget?";
  }
}

/* The last share reported, -1 before the first: shares are in [0, 1]
   and never go back. */
static double progress_seen;

static void check_progress(void *user, double done) {
  double *seen = user;
  FZ_CHECK(seen == &progress_seen);
  FZ_CHECK(done >= 0 && done <= 1 && done >= *seen);
  *seen = done;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  recap_options opt;
  recap_options_init(&opt);
  size_t head = size < sizeof opt ? size : sizeof opt;
  memcpy(&opt, data, head);
  /* The callback is a function pointer, not data: the input's bytes only
     choose whether there is one (a checking one). */
  int with_progress = opt.progress != NULL;
  opt.progress = with_progress ? check_progress : NULL;
  opt.progress_user = &progress_seen;
  progress_seen = -1;
  const char *rest = (const char *)data + head;
  size_t left = size - head;

  static const size_t where[3] = {offsetof(recap_options, language),
                                  offsetof(recap_options, filename),
                                  offsetof(recap_options, query)};
  char *strings[3] = {NULL, NULL, NULL};
  const char *values[3];
  for (size_t f = 0; f < 3; f++) {
    if (where[f] + sizeof(void *) > head) {
      /* Not covered by the input: keep the default. */
      values[f] = f == 0 ? "auto" : NULL;
      continue;
    }
    uint64_t v = 0;
    memcpy(&v, data + where[f], sizeof(void *) < 8 ? sizeof(void *) : 8);
    if (v % 3 == 0) {
      values[f] = NULL;
    } else if (v % 3 == 1) {
      values[f] = fixed_value(f, v);
    } else {
      const char *nul = memchr(rest, '\0', left);
      size_t len = nul ? (size_t)(nul - rest) : left;
      strings[f] = malloc(len + 1);
      FZ_CHECK(strings[f] != NULL);
      memcpy(strings[f], rest, len);
      strings[f][len] = '\0';
      values[f] = strings[f];
      rest += nul ? len + 1 : len;
      left -= nul ? len + 1 : len;
    }
  }
  opt.language = values[0];
  opt.filename = values[1];
  opt.query = values[2];
  const char *text = left ? rest : fz_builtin_text;
  size_t n = left ? left : sizeof fz_builtin_text - 1;

  recap_context *ctx = NULL;
  recap_document *doc = NULL;
  FZ_CHECK(recap_context_new(&ctx) == RECAP_OK);
  FZ_CHECK(recap_document_new(ctx, &doc) == RECAP_OK);
  char *copy = malloc(n);
  FZ_CHECK(copy != NULL);
  memcpy(copy, text, n);
  recap_status st = recap_document_analyze(doc, copy, n, &opt);
  free(copy);
  FZ_CHECK(fz_analyze_status(st));

  /* The one-call path with the same options; the format from the flags'
     top bits. */
  char *out = NULL;
  size_t out_len = 0;
  recap_format fmt = (recap_format)((opt.flags >> 28) & 3);
  progress_seen = -1;
  recap_status st2 = recap_summarize(text, n, &opt, fmt, &out, &out_len);
  for (size_t f = 0; f < 3; f++)
    free(strings[f]);
  FZ_CHECK(st2 == st);
  if (st2 == RECAP_OK) {
    FZ_CHECK(out != NULL && fz_utf8_dump(out, out_len));
    if (fmt == RECAP_FORMAT_JSON)
      FZ_CHECK(fz_json(out, out_len) == RC_JSON_OBJECT);
  } else {
    FZ_CHECK(out == NULL);
  }
  recap_free(out);

  if (st == RECAP_OK) {
    fz_results(doc, n);
    fz_limits(doc, &opt);
    size_t jl;
    recap_free(fz_render_all(doc, &jl));
  } else {
    fz_failed(doc);
  }
  recap_document_free(doc);
  recap_context_free(ctx);
  return 0;
}
