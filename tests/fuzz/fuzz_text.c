/*
 * fuzz_text.c - libFuzzer harness: the whole public pipeline on input forced
 * to be plain text (RECAP_INPUT_TEXT): analysis with options taken from
 * the first two bytes, every result, every output format.  The invariants
 * are in fuzz_common.h.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_pipeline(data, size, RECAP_INPUT_TEXT);
  return 0;
}
