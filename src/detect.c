/*
 * detect.c - which reader a text needs, from its first lines.
 *
 * Content first, in order of how unmistakable the signs are:
 *   1. "WEBVTT" as the first non-blank line                  -> VTT
 *   2. a timing line "... --> ..." as the first non-blank line, or right
 *      after a first line of digits (the cue number)          -> SRT,
 *      unless a WebVTT voice tag "<v Name>" comes among the first
 *      SRT_LOOKAHEAD lines or the file name ends in ".vtt"   -> VTT
 *   3. a WebVTT file without its signature: a first line that is a cue
 *      identifier right before a timing line (Teams: "1a2b.../12-0"; SRT
 *      numbers cues with digits), or a NOTE, STYLE or REGION block with a
 *      timing line among the first SRT_LOOKAHEAD lines     -> VTT
 *      (rc_vtt_headless_start: what the VTT reader accepts)
 *   4. '{' then '"' or '}', or '[' then '{', '"', '[' or ']' -> JSON
 *      ("[00:01:02] Name: ..." and "[Music]" are not JSON)
 *   5. the file name, where the content is ambiguous: ".json" for text
 *      starting with '{' or '[', ".srt" for text with a timing line in its
 *      first lines (the SRT reader then says what is wrong)
 *   6. speaker labels (rc_speaker_label) accepted by the transcript
 *      reader's rule (rc_label_rule, labels.c) on the sample's counts, on
 *      at least two lines, making up more than half of the non-blank lines
 *      among the first SAMPLE_LINES (a label alone on its line,
 *      "Name  00:01:02", counts with the line after it, so Otter-style
 *      paragraphs qualify)                                    -> TRANSCRIPT
 *   7. anything else                                          -> TEXT
 *
 * Detection allocates nothing: the labels of the sample are counted in a
 * fixed table, quadratically in SAMPLE_LINES at worst.  It reads at most
 * SAMPLE_LINES lines (each in full, once), so it is linear in their length.
 */
#include "readers.h"

#include <string.h>

#include "chars.h"
#include "filename.h"
#include "labels.h"
#include "timecode.h"

enum { SAMPLE_LINES = 200, SRT_LOOKAHEAD = 20 };

static int is_ws(char c) { return c == ' ' || c == '\t' || c == '\n'; }

static size_t skip_ws(const char *s, size_t n, size_t i) {
  while (i < n && is_ws(s[i]))
    i++;
  return i;
}

static int timing_line(const rc_line *l) {
  double a, b;
  return rc_parse_timing(l->s, l->len, &a, &b);
}

/* The first non-blank line of s from offset p (which is not blank). */
static int first_line(const char *s, size_t n, size_t p, rc_lines *it,
                      rc_line *l) {
  rc_lines_init(it, s + p, n - p);
  if (!rc_lines_next(it, l))
    return 0;
  l->off += p;
  return 1;
}

static int looks_srt(const rc_lines *start, const rc_line *first) {
  double a, b;
  return timing_line(first) || rc_cue_number(first, start, &a, &b);
}

static int looks_json(const char *s, size_t n, size_t p) {
  size_t q = skip_ws(s, n, p + 1);
  if (q >= n)
    return 0;
  if (s[p] == '{')
    return s[q] == '"' || s[q] == '}';
  if (s[p] == '[')
    return s[q] == '{' || s[q] == '"' || s[q] == '[' || s[q] == ']';
  return 0;
}

static int timing_soon(const rc_lines *start, const rc_line *first) {
  rc_lines it = *start;
  rc_line l = *first;
  for (int i = 0; i < SRT_LOOKAHEAD; i++) {
    if (timing_line(&l))
      return 1;
    if (!rc_lines_next(&it, &l))
      return 0;
  }
  return 0;
}

/* Is there a WebVTT voice tag ("<v Name>", "<v.loud Name>") among the
   first SRT_LOOKAHEAD lines from `first`? */
static int voice_soon(const rc_lines *start, const rc_line *first) {
  rc_lines it = *start;
  rc_line l = *first;
  for (int i = 0; i < SRT_LOOKAHEAD; i++) {
    for (size_t k = 0; k + 3 <= l.len; k++)
      if (l.s[k] == '<' && l.s[k + 1] == 'v' &&
          (l.s[k + 2] == ' ' || l.s[k + 2] == '.' || l.s[k + 2] == '\t'))
        return 1;
    if (!rc_lines_next(&it, &l))
      return 0;
  }
  return 0;
}

/* A WebVTT file without its signature that is not SRT-like (rule 3). */
static int looks_headless_vtt(const rc_lines *start, const rc_line *first) {
  if (!rc_vtt_headless_start(first, start))
    return 0;
  return !rc_vtt_block_keyword(first) || timing_soon(start, first);
}

/* ---- transcripts -------------------------------------------------------- */

typedef struct sample_label {
  const char *name;
  size_t len;
  size_t count;
} sample_label;

typedef struct sample {
  sample_label labels[SAMPLE_LINES];
  size_t nlabels, recurring;
  /* Per sampled line: its label's index + 1 (0: none), blank, alone,
     timed. */
  unsigned short label[SAMPLE_LINES];
  unsigned char blank[SAMPLE_LINES], alone[SAMPLE_LINES], timed[SAMPLE_LINES];
  size_t lines, ntimed;
  size_t labelled, nonblank; /* lines opening with a label, not blank */
} sample;

static size_t find_label(sample *sm, const char *name, size_t len) {
  for (size_t i = 0; i < sm->nlabels; i++)
    if (sm->labels[i].len == len && memcmp(sm->labels[i].name, name, len) == 0)
      return i;
  sample_label nl = {name, len, 0};
  sm->labels[sm->nlabels] = nl;
  return sm->nlabels++;
}

static void take_sample(sample *sm, const char *s, size_t n) {
  rc_lines it;
  rc_line raw;
  rc_lines_init(&it, s, n);
  while (sm->lines < SAMPLE_LINES && rc_lines_next(&it, &raw)) {
    rc_line l = rc_line_trim(raw);
    size_t i = sm->lines++, name, len, text;
    double t;
    sm->blank[i] = l.len == 0;
    sm->nonblank += l.len != 0;
    if (l.len && rc_speaker_label(l.s, l.len, &name, &len, &t, &text)) {
      sm->labelled++;
      size_t k = find_label(sm, l.s + name, len);
      if (++sm->labels[k].count == 2)
        sm->recurring++;
      sm->label[i] = (unsigned short)(k + 1);
      sm->alone[i] = text >= l.len;
      sm->timed[i] = t >= 0;
      sm->ntimed += t >= 0;
    }
  }
}

/* The transcript reader's rule (rc_label_rule, lenient as for
   transcripts), on the sample's counts rather than the whole document's:
   detection allocates nothing and reads only the first SAMPLE_LINES lines,
   so it cannot use an rc_labels.  A label that recurs only later in a long
   file may thus be refused here and accepted by the reader; detection
   needs most of the sampled lines to be turns anyway. */
static int accepted(const sample *sm, size_t line) {
  const sample_label *l = &sm->labels[sm->label[line] - 1u];
  return rc_label_rule(l->name, l->len, l->count, sm->timed[line], sm->ntimed,
                       sm->recurring, sm->labelled, sm->nonblank, 1);
}

static int looks_transcript(const char *s, size_t n) {
  sample sm;
  memset(&sm, 0, sizeof sm);
  take_sample(&sm, s, n);
  size_t nonblank = 0, labelled = 0, turn_lines = 0;
  int after_alone = 0; /* the previous line was a label alone */
  for (size_t i = 0; i < sm.lines; i++) {
    if (sm.blank[i])
      continue;
    nonblank++;
    if (sm.label[i] && accepted(&sm, i)) {
      labelled++;
      turn_lines++;
      after_alone = sm.alone[i];
    } else {
      /* A label alone on its line: its text is on the next one. */
      turn_lines += after_alone;
      after_alone = 0;
    }
  }
  return labelled >= 2 && 2 * turn_lines > nonblank;
}

recap_input_format rc_detect_format(const char *s, size_t n,
                                    const char *filename) {
  size_t p = skip_ws(s, n, 0);
  if (p == n)
    return RECAP_INPUT_TEXT;
  /* The first non-blank line starts at the line start before p. */
  while (p > 0 && s[p - 1] != '\n')
    p--;
  rc_lines it;
  rc_line first;
  if (!first_line(s, n, p, &it, &first))
    return RECAP_INPUT_TEXT;
  if (rc_vtt_signature(&first))
    return RECAP_INPUT_VTT;
  if (looks_srt(&it, &first))
    return voice_soon(&it, &first) ||
                   rc_filename_has_extension(filename, ".vtt")
               ? RECAP_INPUT_VTT
               : RECAP_INPUT_SRT;
  if (looks_headless_vtt(&it, &first))
    return RECAP_INPUT_VTT;
  size_t q = skip_ws(s, n, p);
  if (looks_json(s, n, q))
    return RECAP_INPUT_JSON;
  if (rc_filename_has_extension(filename, ".json") &&
      (s[q] == '{' || s[q] == '['))
    return RECAP_INPUT_JSON;
  if (rc_filename_has_extension(filename, ".srt") && timing_soon(&it, &first))
    return RECAP_INPUT_SRT;
  if (looks_transcript(s, n))
    return RECAP_INPUT_TRANSCRIPT;
  return RECAP_INPUT_TEXT;
}
