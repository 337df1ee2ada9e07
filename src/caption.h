/*
 * caption.h - the cue-text engine shared by the WebVTT and SRT readers
 * (caption.c): a caption file's cue text lines -> cues of an rc_source.
 *
 * The readers find the cues (timing lines, blocks); this engine cleans each
 * cue's text and emits it.  SRT cue text is treated as a subset of WebVTT
 * cue text.
 */
#ifndef RC_CAPTION_H
#define RC_CAPTION_H

#include <stddef.h>

#include "labels.h"
#include "mem.h"
#include "source.h"

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
  int turn_next; /* a dialogue dash: the next cue opens a new turn */
} rc_caption;

/* Starts reading the caption file s[0..n) (the decoded text) into src:
   counts the `Name: text` prefixes of s so that recurring ones become
   speakers.  `srt` selects SRT's tag set, `rolling` the removal of rolling
   repeats.  rc_caption_free() is due even when this fails. */
recap_status rc_caption_init(rc_caption *c, rc_source *src, int srt,
                             int rolling, const char *s, size_t n);
void rc_caption_free(rc_caption *c);
/* Starts a cue with these times (seconds, or -1). */
void rc_caption_begin(rc_caption *c, double start, double end);
/* Adds the cue's text line s[0..len), at offset `off` of the input. */
recap_status rc_caption_line(rc_caption *c, const char *s, size_t len,
                             size_t off);
/* Ends the cue: its text goes out to src. */
recap_status rc_caption_end(rc_caption *c);

#endif
