/*
 * fuzz_transcript.c - libFuzzer harness: the whole public pipeline on input forced
 * to be speaker-labelled transcripts (RECAP_INPUT_TRANSCRIPT): analysis with options taken from
 * the first two bytes, every result, every output format.  The invariants
 * are in fuzz_common.h.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_pipeline(data, size, RECAP_INPUT_TRANSCRIPT);
  return 0;
}
