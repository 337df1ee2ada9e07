/*
 * source.h - what the readers produce: the document's text as cues.
 *
 * Every input format (read_text.c, read_transcript.c, read_vtt.c,
 * read_srt.c, read_json.c) turns clean UTF-8 into an rc_source:
 *
 *   content: the cues' text, one after another, each followed by '\n'
 *            (tags stripped, entities decoded, speaker labels removed)
 *   cues:    {content range, start, end, speaker, flags} in input order
 *   map:     content offsets -> offsets in the decoded text
 *
 * Cues are not sentences: the segmenter joins consecutive cues of one
 * speaker into turns and finds sentences across cue boundaries, unless a
 * cue is flagged RC_CUE_BREAK (a paragraph, a new speaker).
 */
#ifndef RC_SOURCE_H
#define RC_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "lines.h"
#include "offmap.h"
#include "strtab.h"

enum {
  /* No sentence continues into this cue from the one before. */
  RC_CUE_BREAK = 1u << 0
};

/* The latest time a cue may have, in seconds (about 317,000 years; the
   9-digit hours of a caption timestamp stay below it).  A later one, as a
   JSON transcript may give, is no time: every renderer then agrees on it
   (text showed it clamped, JSON as 0). */
#define RC_TIME_MAX 1e13

/* A cue, 32 bytes: a transcript has one per turn. */
typedef struct rc_cue {
  size_t off;         /* content range: off, len (without the '\n') */
  double start;       /* seconds (0..RC_TIME_MAX), or -1 */
  double end;         /* seconds (0..RC_TIME_MAX), or -1 */
  uint32_t speaker;   /* id in rc_source.speakers, or RC_NO_ID */
  unsigned len : 31;  /* at most RC_CUE_MAX_LEN */
  unsigned flags : 1; /* RC_CUE_* */
} rc_cue;

/* The longest cue, bytes: longer is RECAP_ERR_TOO_LARGE. */
#define RC_CUE_MAX_LEN ((size_t)INT32_MAX)
_Static_assert(sizeof(rc_cue) <= 32 || sizeof(size_t) > 8,
               "a cue per turn: 32 bytes");

typedef struct rc_source {
  const recap_allocator *alloc;
  const char *text; /* the content: `content`, or borrowed decoded text */
  char *content;    /* owned content buffer */
  size_t len, cap;
  rc_offmap map;
  RC_VEC(rc_cue) cues;
  rc_strtab speakers;      /* names as written (NFC is applied at display) */
  int timed;               /* some cue has times */
  int spoken;              /* speech: a transcript's or captions' cues, or text
                              with one utterance per line (not prose) */
  size_t split_at;         /* two scripts regrouped (bilingual.c): the content
                              offset of the second one's cues, else 0 */
  int split_first_nospace; /* the first is a script without spaces */
  /* Set by a reader that fails: where and why. */
  size_t error_line;
  const char *error;
  /* The cue being built by rc_source_begin/add/end. */
  int open;
  uint32_t pending_break; /* flags of a dropped empty cue */
} rc_source;

void rc_source_init(rc_source *src, const recap_allocator *alloc);
void rc_source_free(rc_source *src);
void rc_source_clear(rc_source *src);

/* Uses the decoded text itself as the content (no copy, identity map);
   cues are then added with rc_source_cue(). */
void rc_source_borrow(rc_source *src, const char *text, size_t len);
/* Adds a cue over text[off, off+len) of borrowed content; blank cues are
   dropped (their break flag carried to the next cue). */
recap_status rc_source_cue(rc_source *src, size_t off, size_t len,
                           uint32_t flags);

/* Starts a cue.  speaker may be NULL.  start/end -1 when unknown. */
recap_status rc_source_begin(rc_source *src, double start, double end,
                             const char *speaker, size_t speaker_len,
                             uint32_t flags);
/* Appends text that came from decoded-text offset `from` on (same
   length there). */
recap_status rc_source_add(rc_source *src, const char *s, size_t n,
                           size_t from);
/* Appends a character or short string that replaces `from_len` decoded
   bytes at `from` (an entity, a normalised space). */
recap_status rc_source_add_replacement(rc_source *src, const char *s, size_t n,
                                       size_t from, size_t from_len);
/* Ends the cue; an empty cue (nothing but spaces) is dropped. */
recap_status rc_source_end(rc_source *src);

/* Records a reader error: returns RECAP_ERR_BAD_FORMAT. */
recap_status rc_source_fail(rc_source *src, size_t line, const char *why);

#endif
