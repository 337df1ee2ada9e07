/*
 * fuzz_display.c - libFuzzer harness: the fidelity of display text.  The
 * input is read as English plain text; every sentence's display text
 * must keep the speaker's words (tests/display_check.h: nothing left out
 * but fillers, false starts and repeats, nothing added or reordered).
 */
#include <stdint.h>
#include <stdlib.h>

#include "../display_check.h"
#include "recap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static recap_context *ctx;
  static recap_document *doc;
  if (!ctx && (recap_context_new(&ctx) != RECAP_OK ||
               recap_document_new(ctx, &doc) != RECAP_OK))
    abort();
  recap_options o;
  recap_options_init(&o);
  o.language = "english";
  o.input_format = RECAP_INPUT_TEXT;
  o.summary_sentences = 0;
  o.keyphrases = 0;
  const char *text = (const char *)data;
  if (recap_document_analyze(doc, text, size, &o) != RECAP_OK)
    return 0;
  /* Offsets point into the input as given; a repaired or transcoded
     input (invalid UTF-8, UTF-16) no longer has the words where the
     checker reads them, so only clean ASCII inputs are compared. */
  for (size_t i = 0; i < size; i++)
    if (data[i] >= 0x80 || (data[i] < 0x20 && data[i] != '\n' &&
                            data[i] != '\t' && data[i] != '\r'))
      return 0;
  for (size_t i = 0; i < recap_sentence_count(doc); i++) {
    recap_sentence s;
    char *d, why[256];
    size_t m;
    if (recap_sentence_get(doc, i, &s) != RECAP_OK ||
        recap_sentence_text(doc, i, &d, &m) != RECAP_OK)
      abort();
    if (!dc_check(text + s.offset, s.length, d, m, why, sizeof why)) {
      fprintf(stderr, "display check: %s\n  source:  %.*s\n  display: %s\n",
              why, (int)s.length, text + s.offset, d);
      abort();
    }
    recap_free(d);
  }
  return 0;
}
