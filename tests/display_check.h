/*
 * display_check.h - the fidelity property of display text, checked from
 * outside the library (tests/test_display.c, tests/fuzz/fuzz_display.c).
 *
 * recap.h promises that a displayed sentence is the speaker's words with
 * only these changes: fillers dropped, false starts dropped (a word
 * broken off and begun again), one copy of words said twice in a row
 * dropped, whitespace collapsed, the first letter capitalised.  So,
 * comparing the ASCII words of the source sentence with those of its
 * display text (case aside):
 *   1. the display's words appear in the source, in the same order;
 *   2. every source word left out is a filler, begins one of the next
 *      four words that are not fillers (a false start, "th the", "the w
 *      the will"), or is said again within eight words either side (a
 *      repeat of up to four words, contractions counting as two).
 * Words are maximal runs of ASCII letters and digits; other bytes
 * separate them and are not compared (NFC may change non-ASCII text).
 * Written independently of src/display.c on purpose.
 */
#ifndef DISPLAY_CHECK_H
#define DISPLAY_CHECK_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define DC_MAX_WORDS 4096

typedef struct dc_word {
  const char *s;
  size_t n;
} dc_word;

static int dc_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

static char dc_lower(char c) {
  return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static size_t dc_words(const char *s, size_t n, dc_word *w, size_t max) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < max;) {
    if (!dc_alnum(s[i])) {
      i++;
      continue;
    }
    size_t b = i;
    while (i < n && dc_alnum(s[i]))
      i++;
    w[k].s = s + b;
    w[k].n = i - b;
    k++;
  }
  return k;
}

static int dc_equal(dc_word a, dc_word b) {
  if (a.n != b.n)
    return 0;
  for (size_t i = 0; i < a.n; i++)
    if (dc_lower(a.s[i]) != dc_lower(b.s[i]))
      return 0;
  return 1;
}

/* Does a begin b (case aside) and b go on? */
static int dc_begins(dc_word a, dc_word b) {
  if (b.n <= a.n)
    return 0;
  for (size_t i = 0; i < a.n; i++)
    if (dc_lower(a.s[i]) != dc_lower(b.s[i]))
      return 0;
  return 1;
}

/* English fillers (stopwords/english.fillers, the plain ones). */
static int dc_filler(dc_word w) {
  static const char *const f[] = {"um", "umm", "ummm", "uh",  "uhh", "uhm",
                                  "er", "err", "erm",  "ehm", "hmm", "hmmm",
                                  "hm", "mm",  "mmm",  "ah",  "ahh", "eh"};
  char low[8];
  if (w.n >= sizeof low)
    return 0;
  for (size_t i = 0; i < w.n; i++)
    low[i] = dc_lower(w.s[i]);
  low[w.n] = '\0';
  for (size_t i = 0; i < sizeof f / sizeof *f; i++)
    if (strcmp(low, f[i]) == 0)
      return 1;
  return 0;
}

/* Checks display text d[0..m) against its source sentence s[0..n) (both
   English); 1 if it holds, else 0 with the reason in why. */
static int dc_check(const char *s, size_t n, const char *d, size_t m, char *why,
                    size_t whylen) {
  static dc_word sw[DC_MAX_WORDS], dw[DC_MAX_WORDS];
  size_t ns = dc_words(s, n, sw, DC_MAX_WORDS);
  size_t nd = dc_words(d, m, dw, DC_MAX_WORDS);
  size_t j = 0;
  for (size_t i = 0; i < ns; i++) {
    if (j < nd && dc_equal(sw[i], dw[j])) {
      j++;
      continue;
    }
    /* Left out: it must be one of the documented kinds. */
    int ok = dc_filler(sw[i]);
    for (size_t k = i + 1, seen = 0; !ok && k < ns && seen < 4; k++) {
      ok = dc_begins(sw[i], sw[k]);
      seen += !dc_filler(sw[k]);
    }
    for (size_t k = i > 8 ? i - 8 : 0; !ok && k < ns && k <= i + 8; k++)
      ok = k != i && dc_equal(sw[i], sw[k]);
    if (!ok) {
      snprintf(why, whylen,
               "source word %zu '%.*s' is missing from the display", i,
               (int)sw[i].n, sw[i].s);
      return 0;
    }
  }
  if (j < nd) {
    snprintf(why, whylen,
             "display word %zu '%.*s' is not in the source in order", j,
             (int)dw[j].n, dw[j].s);
    return 0;
  }
  return 1;
}

#endif
