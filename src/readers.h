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
 *   read_vtt.c         WebVTT, and the caption cue-text machinery
 *                      (tags, entities, sound annotations, speaker
 *                      prefixes, rolling-caption repeats) that read_srt.c
 *                      shares: SRT cue text is treated as a subset of
 *                      WebVTT cue text.
 *   read_srt.c         SubRip.
 *   read_transcript.c  `Name: text` transcripts; speaker-label syntax and
 *                      the rule deciding which labels are speakers.
 *   read_json.c        Whisper / WhisperX JSON.
 *   detect.c           format detection.
 *
 * All run in time linear in n (the bounds that make them so are documented
 * where they are applied), without recursion on the input's structure,
 * and allocate only through src->alloc (or the scratch arena).
 */
#ifndef RC_READERS_H
#define RC_READERS_H

#include <stddef.h>
#include <stdint.h>

#include "labels.h" /* for rc_caption, until it has its own header */
#include "mem.h"
#include "source.h"
#include "strtab.h"

/* ---- entry points ------------------------------------------------------- */

/* Plain text (read_text.c): paragraphs or lines as cues over the borrowed
   decoded text. */
recap_status rc_read_text(rc_source *src, const char *s, size_t n);
/* WebVTT.  A missing "WEBVTT" signature, or cue text before the first
   timing line, is RECAP_ERR_BAD_FORMAT with its line number. */
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

/* ---- caption cue text (read_vtt.c, shared with read_srt.c) -------------- */

/* One cleaned piece of a cue text line. */
typedef struct rc_piece {
  unsigned char kind; /* RC_PIECE_* */
  unsigned char blen; /* RC_PIECE_CHAR: bytes in b */
  char b[4];          /* RC_PIECE_CHAR: the decoded character */
  const char *s;      /* TEXT: bytes in the input; VOICE: the name */
  size_t len;         /* TEXT, VOICE: length of s */
  size_t from;        /* offset in the input */
  size_t from_len;    /* input bytes it stands for */
} rc_piece;

enum {
  RC_PIECE_TEXT, /* verbatim input bytes */
  RC_PIECE_CHAR, /* an entity, decoded (possibly to nothing) */
  RC_PIECE_VOICE /* a <v Name> tag: the speaker changes */
};

/* A cue text line, split into pieces. */
typedef struct rc_cap_line {
  size_t off, len;           /* the raw line in the input */
  size_t piece, pieces;      /* its pieces in rc_caption.pieces */
  size_t norm_off, norm_len; /* its normalised text in rc_caption.norm */
  const char *voice;         /* a <v> on dropped lines before it, or NULL */
  size_t voice_len;
} rc_cap_line;

/* Lines compared when looking for rolling-caption repeats. */
#define RC_ROLL_LINES 8

/*
 * Builds the cues of a caption file one cue at a time:
 *   rc_caption_init, then per cue rc_caption_begin, rc_caption_line for
 *   each text line, rc_caption_end; finally rc_caption_free.
 * Tags are stripped (WebVTT: any tag; SRT: the HTML-like tags SRT files
 * use), entities decoded, lines that are only "[Music]" or "(laughs)"
 * annotations dropped, `<v Name>` voices and accepted `Name: text` prefixes
 * become speakers (a speaker change inside a cue starts a new cue with the
 * same times) and, with `rolling`, YouTube-style rolling repeats are
 * removed.
 *
 * Memory is bounded by the longest line, not the longest cue: a cue's
 * first RC_ROLL_LINES + 1 text lines are held back until it is known which
 * of them repeat the previous cue; after that, lines go out as they come.
 */
typedef struct rc_caption {
  rc_source *src;
  const char *input; /* the decoded text lines come from */
  int srt;           /* SRT tag set */
  int rolling;       /* remove rolling-caption repeats */
  int rolling_seen;  /* a cue repeated the previous one's last lines */
  rc_labels labels;  /* `Name: text` prefixes in the document */
  /* The cue being read. */
  double start, end;
  int in_rt;         /* inside <rt> ... </rt> */
  int streaming;     /* its repeats are settled: lines go straight out */
  const char *voice; /* a <v> on dropped lines, for the next text line */
  size_t voice_len;
  RC_VEC(rc_piece) pieces;   /* of the lines held back */
  RC_VEC(rc_cap_line) lines; /* text lines held back */
  RC_VEC(char) norm;         /* their normalised text */
  /* The last RC_ROLL_LINES normalised text lines of the previous cue
     (ring[!cur]) and of this one (ring[cur]), as rings. */
  RC_VEC(char) ring[2][RC_ROLL_LINES];
  size_t ring_count[2];
  int cur;
  /* Emission. */
  const char *speaker;
  size_t speaker_len;
  int open, has_text;
} rc_caption;

/* Counts the `Name: text` prefixes of s[0..n) so that recurring ones become
   speakers. */
recap_status rc_caption_init(rc_caption *c, rc_source *src, int srt,
                             int rolling, const char *s, size_t n);
void rc_caption_free(rc_caption *c);
void rc_caption_begin(rc_caption *c, double start, double end);
recap_status rc_caption_line(rc_caption *c, const char *s, size_t len,
                             size_t off);
recap_status rc_caption_end(rc_caption *c);

#endif
