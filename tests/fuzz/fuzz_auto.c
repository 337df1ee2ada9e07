/*
 * fuzz_auto.c - libFuzzer harness: format detection (RECAP_INPUT_AUTO)
 * and whichever reader it picks, with options from the first two bytes
 * and a file-name hint (none, .vtt, .srt, .json, .txt, ...) from the
 * third.  The invariants are in fuzz_common.h.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_pipeline(data, size, RECAP_INPUT_AUTO);
  return 0;
}
