/*
 * timecode.h - the line syntax caption files share: timestamps, cue timing
 * lines, cue-number lines and the WebVTT signature (timecode.c).
 *
 * Used by the WebVTT and SRT readers, by the caption cue-text engine
 * (karaoke timestamps), by speaker labels ("[00:01:02] Name:") and by
 * format detection, which must recognise exactly what the readers accept.
 * Pure functions over s[0..n) (not NUL-terminated); nothing allocates.
 */
#ifndef RC_TIMECODE_H
#define RC_TIMECODE_H

#include <stddef.h>

#include "source.h"

/* Parses a timestamp at the start of s[0..n): "hh:mm:ss.mmm", "mm:ss.mmm",
   "h:mm:ss,mmm", "hh:mm:ss", "m:ss" (1-9 digits in the first field; minutes
   and seconds after it two digits below 60; an optional '.' or ','
   fraction).  Stores seconds and returns the bytes consumed, or 0 if s does
   not start with a timestamp or is followed by another digit or ':'.
   Absurd values (10+ digit hours) are rejected, never overflowed. */
size_t rc_parse_timestamp(const char *s, size_t n, double *seconds);

/* A cue timing line "start --> end [settings]" (WebVTT and SRT, either
   fraction separator; anything after whitespace following `end` is
   ignored), or SubViewer's "start,end" (YouTube .sbv files, sometimes
   named .srt).  Leading spaces allowed.  Returns 1 and the times, else 0. */
int rc_parse_timing(const char *s, size_t n, double *start, double *end);

/* Is the line only digits, after trimming (an SRT index, a WebVTT cue
   number)? */
int rc_digits_line(const rc_line *l);
/* A cue number (SRT's index, a WebVTT cue id of digits): is l digits
   alone, with a timing line next in `after` (an iterator just past l)?
   The timing's times into *start and *end. */
int rc_cue_number(const rc_line *l, const rc_lines *after, double *start,
                  double *end);

/* Is the line the WebVTT signature: "WEBVTT" followed by the end of the
   line, a space or a tab?  The one test both detection and the WebVTT
   reader apply to the first non-blank line. */
int rc_vtt_signature(const rc_line *l);

/* Does the line start a WebVTT NOTE, STYLE or REGION block (the keyword
   alone, or followed by a space or tab)? */
int rc_vtt_block_keyword(const rc_line *l);

/* Does a WebVTT file without its signature start at l, its first
   non-blank line (`after` an iterator just past it): a cue timing line, a
   cue identifier right before one, or a NOTE, STYLE or REGION block?
   Teams and other tools export such files, and people cut the first line
   off.  The WebVTT reader accepts exactly these; detection takes them for
   WebVTT when nothing says SRT (detect.c). */
int rc_vtt_headless_start(const rc_line *l, const rc_lines *after);

#endif
