/*
 * labels.c - speaker labels: their syntax, and the rule deciding which
 * labels are speakers.
 *
 * Syntax (rc_speaker_label): the label forms listed in labels.h.  The
 * affiliation in "Name (Affiliation):" is not part of the speaker's name,
 * so "Hon. Bill Morneau (Minister of Finance)" and "Hon. Bill Morneau" are
 * one speaker.
 * Time is linear: a label is at most a few hundred bytes into its line
 * (40-byte name, 160-byte parenthesis).
 *
 * Acceptance (rc_label_rule): syntax alone would make "Note: the budget
 * ..." in prose a speaker called Note, so a label counts as a speaker
 * only if it recurs, is timed among timed labels, or (leniently) the text
 * clearly is a transcript and the label is not a word prose puts before a
 * colon.  The transcript reader, the caption readers' "Name: text"
 * prefixes and format detection all apply this one rule; rc_labels
 * gathers a whole document's counts for it (labels hashed in a strtab).
 */
#include "labels.h"

#include <string.h>

#include "chars.h"
#include "timecode.h"

/* ---- syntax ------------------------------------------------------------- */

enum { MAX_NAME_BYTES = 40, MAX_NAME_WORDS = 5, MAX_PAREN_BYTES = 160 };

/* U+FF1A FULLWIDTH COLON, used after names in CJK transcripts. */
static int fullwidth_colon(const char *s, size_t n, size_t i) {
  return n - i >= 3 && (unsigned char)s[i] == 0xEF &&
         (unsigned char)s[i + 1] == 0xBC && (unsigned char)s[i + 2] == 0x9A;
}

/* Can a non-ASCII character starting at s[i] begin a name?  Letters can;
   the punctuation blocks prose opens with (quotes, dashes, "«", CJK and
   full-width punctuation) cannot. */
static int non_ascii_letter(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  unsigned char c1 = n - i > 1 ? (unsigned char)s[i + 1] : 0;
  if (c < 0xC3)
    return 0; /* U+0080-U+00BF: symbols, or a stray continuation byte */
  if (c == 0xE2 && (c1 == 0x80 || c1 == 0x81))
    return 0; /* General Punctuation */
  if (c == 0xE3 && c1 == 0x80)
    return 0; /* CJK Symbols and Punctuation */
  if (c == 0xEF && (c1 == 0xBC || c1 == 0xBD))
    return 0; /* Halfwidth and Fullwidth Forms */
  return 1;
}

static int name_byte(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c >= 0x80)
    return !fullwidth_colon(s, n, i);
  return rc_is_upper((char)c) || rc_is_lower((char)c) || rc_is_digit((char)c) ||
         c == '.' || c == '-' || c == '\'' || c == '_' || c == '&';
}

/* Lower-case words that may stand inside a name. */
static int particle(const char *w, size_t n) {
  static const char *const list[] = {
      "al",  "and", "bin", "da",  "das", "de",  "del", "della", "den",
      "der", "di",  "do",  "dos", "du",  "el",  "ibn", "la",    "le",
      "of",  "st.", "ten", "ter", "the", "van", "von", "y",     "zu"};
  for (size_t i = 0; i < sizeof list / sizeof *list; i++)
    if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
      return 1;
  return 0;
}

/* "d'Entremont", "al-Assad": a lower-case prefix joined to a capital. */
static int joined_capital(const char *w, size_t len) {
  for (size_t j = 1; j + 1 < len; j++) {
    size_t after = 0;
    if (w[j] == '\'' || w[j] == '-')
      after = j + 1;
    else if (j + 3 < len && memcmp(w + j, "\xE2\x80\x99", 3) == 0) /* ’ */
      after = j + 3;
    if (after && rc_is_upper(w[after]))
      return 1;
  }
  return 0;
}

static int word_ok(const char *s, size_t n, size_t i, size_t len, int first) {
  char c = s[i];
  if (rc_is_upper(c))
    return 1;
  if ((unsigned char)c >= 0x80)
    return non_ascii_letter(s, n, i);
  if (rc_is_lower(c) && joined_capital(s + i, len))
    return 1;
  if (first)
    return 0;
  return rc_is_digit(c) || c == '&' || particle(s + i, len);
}

/* The end of the name starting at s[i], or 0 if there is none there.
   Words are separated by single spaces. */
static size_t scan_name(const char *s, size_t n, size_t i) {
  size_t b = i, words = 0;
  for (;;) {
    size_t w = i;
    while (i < n && i - b <= MAX_NAME_BYTES && name_byte(s, n, i))
      i++;
    if (i == w || i - b > MAX_NAME_BYTES || ++words > MAX_NAME_WORDS ||
        !word_ok(s, n, w, i - w, words == 1))
      return 0;
    if (i + 1 < n && s[i] == ' ' && name_byte(s, n, i + 1)) {
      i++;
      continue;
    }
    return i;
  }
}

/* The index of the bracket closing the one at s[i] ('(' or '['), allowing
   one level of nesting, within MAX_PAREN_BYTES; 0 if none. */
static size_t match_paren(const char *s, size_t n, size_t i) {
  char open = s[i], close = open == '(' ? ')' : ']';
  int depth = 0;
  for (size_t j = i; j < n && j - i <= MAX_PAREN_BYTES; j++) {
    if (s[j] == open) {
      if (++depth > 2)
        return 0;
    } else if (s[j] == close) {
      if (--depth == 0)
        return j;
    }
  }
  return 0;
}

/* Is s[b..e), trimmed, exactly a timestamp?  Stores it in *t. */
static int whole_timestamp(const char *s, size_t b, size_t e, double *t) {
  while (b < e && rc_is_space(s[b]))
    b++;
  while (e > b && rc_is_space(s[e - 1]))
    e--;
  return b < e && rc_parse_timestamp(s + b, e - b, t) == e - b;
}

/* A leading "[00:01:02]", "(00:01:02)" or "00:01:02 ": returns the offset
   after it (and its spaces) with *t set, or `i` itself if there is none.
   *bad is set when the line starts with a bracket that is not a time. */
static size_t time_prefix(const char *s, size_t n, size_t i, double *t,
                          int *bad) {
  if (i < n && (s[i] == '[' || s[i] == '(')) {
    char close = s[i] == '[' ? ']' : ')';
    size_t k = rc_parse_timestamp(s + i + 1, n - i - 1, t);
    if (k == 0 || i + 1 + k >= n || s[i + 1 + k] != close) {
      *bad = 1;
      return i;
    }
    return rc_skip_spaces(s, n, i + 2 + k);
  }
  if (i < n && rc_is_digit(s[i])) {
    size_t k = rc_parse_timestamp(s + i, n - i, t);
    if (k && i + k < n && rc_is_space(s[i + k]))
      return rc_skip_spaces(s, n, i + k);
    *bad = 1; /* a line starting with a digit names nobody */
  }
  return i;
}

int rc_speaker_label(const char *s, size_t n, size_t *name_off,
                     size_t *name_len, double *time, size_t *text_off) {
  double prefix_time = -1, paren_time = -1, trailing_time = -1;
  int bad = 0;
  size_t p = time_prefix(s, n, rc_skip_spaces(s, n, 0), &prefix_time, &bad);
  if (bad)
    return 0;
  size_t q = scan_name(s, n, p);
  if (q == 0)
    return 0;
  size_t r = rc_skip_spaces(s, n, q);
  int wide_gap = r - q >= 2 || (r > q && memchr(s + q, '\t', r - q));
  int paren = 0;
  if (r < n && (s[r] == '(' || s[r] == '[')) {
    size_t close = match_paren(s, n, r);
    if (close == 0)
      return 0;
    paren = 1;
    whole_timestamp(s, r + 1, close, &paren_time);
    r = rc_skip_spaces(s, n, close + 1);
  }
  size_t text;
  if (r < n && s[r] == ':') {
    if (r + 1 < n && !rc_is_space(s[r + 1]))
      return 0; /* "http://", "10:30", "a::b" */
    text = rc_skip_spaces(s, n, r + 1);
  } else if (r < n && fullwidth_colon(s, n, r)) {
    text = rc_skip_spaces(s, n, r + 3);
  } else if (r == n && (paren ? paren_time >= 0 : prefix_time >= 0)) {
    text = n; /* "Name (00:01:02)" or "00:01:02 Name" alone */
  } else if (r < n && !paren && wide_gap && prefix_time < 0 &&
             whole_timestamp(s, r, n, &trailing_time)) {
    text = n; /* "Name  00:01:02" alone */
  } else {
    return 0;
  }
  *name_off = p;
  *name_len = q - p;
  *time = prefix_time >= 0  ? prefix_time
          : paren_time >= 0 ? paren_time
                            : trailing_time;
  *text_off = text;
  return 1;
}

/* ---- which labels are speakers ------------------------------------------ */

int rc_prose_label(const char *s, size_t n) {
  static const char *const list[] = {
      "abstract",   "action",  "agenda",     "answer", "caution",   "chapter",
      "conclusion", "date",    "definition", "edit",   "example",   "examples",
      "from",       "hint",    "important",  "note",   "notes",     "nb",
      "ps",         "p.s",     "question",   "re",     "reference", "result",
      "results",    "section", "see",        "source", "step",      "subject",
      "summary",    "tip",     "title",      "to",     "update",    "warning"};
  for (size_t i = 0; i < sizeof list / sizeof *list; i++) {
    size_t len = strlen(list[i]);
    if (len != n)
      continue;
    size_t j = 0;
    while (j < n && (s[j] | 0x20) == list[i][j])
      j++;
    if (j == n)
      return 1;
  }
  return 0;
}

void rc_labels_init(rc_labels *l, const recap_allocator *alloc) {
  memset(l, 0, sizeof *l);
  rc_strtab_init(&l->names, alloc);
}

void rc_labels_free(rc_labels *l) {
  RC_VEC_FREE(l->names.alloc, l->counts);
  rc_strtab_free(&l->names);
}

recap_status rc_labels_count(rc_labels *l, const char *name, size_t len,
                             int timed) {
  uint32_t id;
  l->timed += timed != 0;
  int added;
  RC_TRY(rc_strtab_intern(&l->names, name, len, &id, &added));
  if (added) {
    recap_status st;
    RC_PUSH(st, l->names.alloc, l->counts, 0);
    if (st != RECAP_OK)
      return st; /* the name stays interned with no count: read as 0 */
  }
  if (id < l->counts.len && ++l->counts.data[id] == 2)
    l->recurring++;
  return RECAP_OK;
}

int rc_label_rule(const char *name, size_t len, size_t count, int timed,
                  size_t timed_labels, size_t recurring, size_t labelled,
                  size_t lines, int lenient) {
  if (count >= 2 || (timed && timed_labels >= 2))
    return 1;
  int transcript =
      recurring >= 2 || (labelled >= 2 && 4 * labelled >= 3 * lines);
  return lenient && transcript && !rc_prose_label(name, len);
}

void rc_labels_line(rc_labels *l, int labelled) {
  l->lines++;
  l->labelled += labelled != 0;
}

int rc_labels_accept(const rc_labels *l, const char *name, size_t len,
                     int timed, int lenient) {
  uint32_t id = rc_strtab_find(&l->names, name, len);
  if (id == RC_NO_ID || id >= l->counts.len)
    return 0;
  return rc_label_rule(name, len, l->counts.data[id], timed, l->timed,
                       l->recurring, l->labelled, l->lines, lenient);
}
