/*
 * readers.h - input formats -> rc_source (cues with times and speakers).
 *
 * Every reader takes the decoded text s[0..n) (clean UTF-8, '\n' line
 * breaks, no BOM, not NUL-terminated) and appends cues to an rc_source
 * that the caller has initialised and cleared.  Each piece of content
 * records where it came from in s, so results can point back into the
 * input.  On RECAP_ERR_BAD_FORMAT, src->error_line and src->error say
 * where and why (src->error points to static memory, or for the JSON
 * reader into `scratch`, and lives as long as that arena).
 *
 *   read_text.c        plain text.
 *   read_vtt.c         WebVTT.
 *   read_srt.c         SubRip.
 *   read_transcript.c  `Name: text` transcripts.
 *   read_json.c        Whisper / WhisperX JSON.
 *   detect.c           format detection.
 *
 * No reader calls another: what they share lives in modules below them,
 * each with its own private header,
 *   chars.h     ASCII character classes (static inline);
 *   timecode.c  timestamps, cue timing lines, the WEBVTT signature;
 *   labels.c    speaker-label syntax and the one rule deciding which
 *               labels are speakers (transcripts, caption prefixes and
 *               detection alike);
 *   caption.c   the cue-text engine of the WebVTT and SRT readers (tags,
 *               entities, sound annotations, speaker prefixes,
 *               rolling-caption repeats);
 * and in the base (source.c: rc_source and line iteration; mem, strtab,
 * decode, json).
 *
 * All run in time linear in n (the bounds that make them so are documented
 * where they are applied), without recursion on the input's structure,
 * and allocate only through src->alloc (or the scratch arena).
 */
#ifndef RC_READERS_H
#define RC_READERS_H

#include <stddef.h>

#include "mem.h"
#include "source.h"

/* ---- entry points ------------------------------------------------------- */

/* Plain text (read_text.c): paragraphs or lines as cues over the borrowed
   decoded text. */
recap_status rc_read_text(rc_source *src, const char *s, size_t n);
/* WebVTT.  A missing "WEBVTT" signature (unless the file starts with a
   cue or a NOTE block: rc_vtt_headless_start), or cue text before the
   first timing line, is RECAP_ERR_BAD_FORMAT with its line number. */
recap_status rc_read_vtt(rc_source *src, const char *s, size_t n);
/* SubRip.  Text before the first timing line is RECAP_ERR_BAD_FORMAT. */
recap_status rc_read_srt(rc_source *src, const char *s, size_t n);
/* Speaker-labelled transcripts; never fails on well-decoded text except
   for RECAP_ERR_NOMEM / RECAP_ERR_TOO_LARGE. */
recap_status rc_read_transcript(rc_source *src, const char *s, size_t n);
/* Whisper / WhisperX JSON.  The parse tree and error messages live in
   `scratch`, which the caller resets or frees afterwards. */
recap_status rc_read_json(rc_source *src, rc_arena *scratch, const char *s,
                          size_t n);

/* The format of s[0..n), from its first lines, with `filename` (may be NULL)
   as a hint where the content is ambiguous.  Never returns
   RECAP_INPUT_AUTO; empty input is RECAP_INPUT_TEXT.  Allocates nothing. */
recap_input_format rc_detect_format(const char *s, size_t n,
                                    const char *filename);

#endif
