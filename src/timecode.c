/*
 * timecode.c - timestamps, cue timing lines, cue-number lines and the
 * WebVTT signature and block keywords: the line syntax of caption files.
 *
 * Timestamps follow WebVTT ("hh:mm:ss.ttt" or "mm:ss.ttt") and SubRip
 * ("hh:mm:ss,ttt"), read leniently: one-digit hours, either fraction
 * separator, any number of fraction digits, none at all ("00:01:02" in
 * transcripts).  Timing lines also accept SubViewer's "start,end".
 * Everything here runs in time linear in the line, with no allocation.
 */
#include "timecode.h"

#include <stdint.h>
#include <string.h>

#include "chars.h"

/* ---- timestamps --------------------------------------------------------- */

size_t rc_parse_timestamp(const char *s, size_t n, double *seconds) {
  uint64_t field[3];
  size_t nf = 0, i = 0;
  uint64_t v = 0;
  while (i < n && rc_is_digit(s[i])) {
    if (i == 9)
      return 0; /* 10+ digit hours or minutes: absurd */
    v = v * 10 + (uint64_t)(s[i] - '0');
    i++;
  }
  if (i == 0)
    return 0;
  field[nf++] = v;
  while (nf < 3 && n - i >= 3 && s[i] == ':' && rc_is_digit(s[i + 1]) &&
         rc_is_digit(s[i + 2]) && (n - i == 3 || !rc_is_digit(s[i + 3]))) {
    v = (uint64_t)(s[i + 1] - '0') * 10 + (uint64_t)(s[i + 2] - '0');
    if (v >= 60)
      return 0;
    field[nf++] = v;
    i += 3;
  }
  if (nf < 2 || (i < n && s[i] == ':'))
    return 0;
  /* The fraction as an integer over a power of ten: one rounding, so
     "01.456" is the double nearest 1.456 plus the whole seconds. */
  uint64_t frac = 0, scale = 1;
  if (n - i >= 2 && (s[i] == '.' || s[i] == ',') && rc_is_digit(s[i + 1])) {
    i++;
    for (size_t d = 0; i < n && rc_is_digit(s[i]); i++, d++)
      if (d < 9) {
        frac = frac * 10 + (uint64_t)(s[i] - '0');
        scale *= 10;
      }
  }
  if (i < n && (rc_is_digit(s[i]) || s[i] == ':'))
    return 0;
  double t = nf == 3 ? (double)field[0] * 3600 + (double)field[1] * 60 +
                           (double)field[2]
                     : (double)field[0] * 60 + (double)field[1];
  *seconds = t + (double)frac / (double)scale;
  return i;
}

int rc_parse_timing(const char *s, size_t n, double *start, double *end) {
  double a, b;
  size_t i = rc_skip_spaces(s, n, 0);
  size_t k = rc_parse_timestamp(s + i, n - i, &a);
  if (k == 0)
    return 0;
  i += k;
  if (i < n && s[i] == ',') {
    /* SubViewer / YouTube .sbv: "0:00:05.440,0:00:09.360" */
    i++;
  } else {
    i = rc_skip_spaces(s, n, i);
    if (n - i < 3 || memcmp(s + i, "-->", 3) != 0)
      return 0;
    i = rc_skip_spaces(s, n, i + 3);
  }
  k = rc_parse_timestamp(s + i, n - i, &b);
  if (k == 0 || (i + k < n && !rc_is_space(s[i + k])))
    return 0;
  *start = a;
  *end = b;
  return 1;
}

int rc_digits_line(const rc_line *l) {
  rc_line t = rc_line_trim(*l);
  if (t.len == 0)
    return 0;
  for (size_t i = 0; i < t.len; i++)
    if (!rc_is_digit(t.s[i]))
      return 0;
  return 1;
}

int rc_cue_number(const rc_line *l, const rc_lines *after, double *start,
                  double *end) {
  rc_line next;
  return rc_digits_line(l) && rc_lines_peek(after, &next) &&
         rc_parse_timing(next.s, next.len, start, end);
}

/* ---- the WebVTT signature ----------------------------------------------- */

int rc_vtt_signature(const rc_line *l) {
  return l->len >= 6 && memcmp(l->s, "WEBVTT", 6) == 0 &&
         (l->len == 6 || rc_is_space(l->s[6]));
}

int rc_vtt_block_keyword(const rc_line *l) {
  static const char *const words[] = {"NOTE", "STYLE", "REGION"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    size_t n = strlen(words[i]);
    if (l->len >= n && memcmp(l->s, words[i], n) == 0 &&
        (l->len == n || rc_is_space(l->s[n])))
      return 1;
  }
  return 0;
}

int rc_vtt_headless_start(const rc_line *l, const rc_lines *after) {
  double a, b;
  rc_line next;
  if (rc_parse_timing(l->s, l->len, &a, &b) || rc_vtt_block_keyword(l))
    return 1;
  /* A cue identifier: any line without "-->", a timing line next. */
  for (size_t i = 0; i + 3 <= l->len; i++)
    if (memcmp(l->s + i, "-->", 3) == 0)
      return 0;
  return rc_lines_peek(after, &next) &&
         rc_parse_timing(next.s, next.len, &a, &b);
}
