/*
 * segment.c - rule-based sentence boundary detection.
 *
 * A candidate boundary is a terminator (. ! ? … and the full stops and
 * question marks of other scripts), with any closing quotes or brackets
 * after it.  A '.' does not end a sentence
 *   - inside a token (2.5, U.S.A., example.com): no space follows;
 *   - after an abbreviation from the language's list, by its kind (titles
 *     never, "No." not before a number, "etc." only before a capital);
 *   - after a single capital (initials: J. R. R. Tolkien);
 *   - before a lower-case word in a text that uses capitals (an unknown
 *     abbreviation is likelier than a sentence starting in lower case).
 * An ellipsis ends a sentence only before a capital.  CJK terminators
 * always end one.  Blank lines end one.
 *
 * Spoken text needs two more rules: a turn with no punctuation at all
 * (auto-captions) is cut into units at cue boundaries where the speaker
 * pauses, and any sentence over RC_MAX_SENTENCE_WORDS is cut, so one
 * unpunctuated million-word line becomes many units instead of one.
 */
#include "segment.h"

#include <string.h>

#include "decode.h"

typedef struct seg {
  const rc_source *src;
  const char *t; /* content */
  const rc_lang *lang;
  rc_norm *norm;
  rc_span_vec *out;
  int cased;         /* the text uses capital letters */
  int unpunctuated;  /* captions without sentence punctuation */
  uint32_t cue;      /* cursor: cue holding the last emitted byte */
  recap_status st;
} seg;

/* ---- characters ----------------------------------------------------------- */

static unsigned cp_at(const char *t, size_t end, size_t i, size_t *len) {
  size_t k = rc_utf8_seqlen((const unsigned char *)t + i, end - i);
  if (k == 0)
    k = 1;
  *len = k;
  return rc_utf8_decode((const unsigned char *)t + i, k);
}

static int is_space_cp(unsigned c) {
  return c == ' ' || c == '\t' || c == '\n' ||
         (c >= 0x80 && (rc_char_class(c) & RC_CH_SPACE));
}

static int is_terminator(unsigned c) {
  switch (c) {
  case '.':
  case '!':
  case '?':
  case 0x2026: /* … */
  case 0x3002: /* 。 */
  case 0xFF01: /* ！ */
  case 0xFF1F: /* ？ */
  case 0xFF0E: /* ． */
  case 0xFF61: /* ｡ */
  case 0x203C: /* ‼ */
  case 0x2047:
  case 0x2048:
  case 0x2049:
  case 0x0964: /* Devanagari danda */
  case 0x0965:
  case 0x061F: /* Arabic question mark */
  case 0x06D4: /* Arabic full stop */
  case 0x037E: /* Greek question mark */
  case 0x0589: /* Armenian full stop */
  case 0x055C:
  case 0x055E:
  case 0x1362: /* Ethiopic full stop */
    return 1;
  default:
    return 0;
  }
}

/* Terminators of scripts written without spaces end a sentence outright. */
static int is_cjk_terminator(unsigned c) {
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E ||
         c == 0xFF61;
}

static int is_closer(unsigned c) {
  switch (c) {
  case ')':
  case ']':
  case '}':
  case '"':
  case '\'':
  case 0x201D: /* ” */
  case 0x2019: /* ’ */
  case 0x00BB: /* » */
  case 0x203A: /* › */
  case 0x300D: /* 」 */
  case 0x300F: /* 』 */
  case 0xFF09: /* ） */
  case 0x3011: /* 】 */
  case 0x3009: /* 〉 */
  case 0x300B: /* 》 */
    return 1;
  default:
    return 0;
  }
}

int rc_sentence_terminator(unsigned c) { return is_terminator(c); }

int rc_sentence_end_char(unsigned c) {
  return is_terminator(c) || is_closer(c);
}

static int is_opener(unsigned c) {
  return c == '(' || c == '[' || c == '"' || c == '\'' || c == 0x201C ||
         c == 0x2018 || c == 0x00AB || c == 0x300C || c == 0x300E ||
         c == 0xFF08 || c == 0x00BF /* ¿ */ || c == 0x00A1 /* ¡ */;
}

/* Statistics of the whole text (does it use capitals?  punctuation?) are
   taken over at most SAMPLE_WINDOWS windows of SAMPLE_BYTES spread evenly
   through it: a writing style does not change every megabyte, and a 1 GB
   input should not be read twice for them. */
#define SAMPLE_WINDOWS 16
#define SAMPLE_BYTES ((size_t)64 * 1024)

typedef struct window {
  size_t b, e;
} window;

/* The k-th sample window of a text of n bytes, starting on a character. */
static window sample_window(const char *t, size_t n, size_t k) {
  window w = {0, n};
  if (n <= SAMPLE_WINDOWS * SAMPLE_BYTES)
    return k == 0 ? w : (window){0, 0};
  w.b = (n - SAMPLE_BYTES) / (SAMPLE_WINDOWS - 1) * k;
  while (w.b < n && ((unsigned char)t[w.b] & 0xC0) == 0x80)
    w.b++;
  w.e = w.b + SAMPLE_BYTES < n ? w.b + SAMPLE_BYTES : n;
  return w;
}

/* The text uses capitals if at least 2% of its letters that have case
   are capitals.  Letters of every script count: a lower-case Russian or
   Greek caption is as uncased as an English one.  A text with no cased
   letters (Arabic, Han, Devanagari) counts as cased; there the next word
   is never NEXT_LOWER anyway. */
static int text_is_cased(const char *t, size_t n) {
  size_t upper = 0, letters = 0;
  for (size_t k = 0; k < SAMPLE_WINDOWS; k++) {
    window w = sample_window(t, n, k);
    for (size_t i = w.b; i < w.e;) {
      unsigned char c = (unsigned char)t[i];
      if (c < 0x80) {
        upper += c >= 'A' && c <= 'Z';
        letters += (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        i++;
        continue;
      }
      size_t len;
      unsigned cls = rc_char_class(cp_at(t, w.e, i, &len));
      upper += (cls & RC_CH_UPPER) != 0;
      letters += (cls & (RC_CH_UPPER | RC_CH_LOWER)) != 0;
      i += len;
    }
  }
  return letters == 0 || upper * 50 >= letters;
}

/* Captions without sentence punctuation: fewer than one terminator per
   40 words. */
static int text_is_unpunctuated(const char *t, size_t n) {
  size_t words = 0, stops = 0;
  for (size_t k = 0; k < SAMPLE_WINDOWS; k++) {
    window w = sample_window(t, n, k);
    int in_word = 0;
    for (size_t i = w.b; i < w.e; i++) {
      char c = t[i];
      int sp = c == ' ' || c == '\n' || c == '\t';
      words += !sp && !in_word;
      in_word = !sp;
      stops += c == '.' || c == '!' || c == '?';
    }
  }
  return words >= 80 && stops * 40 < words;
}

/* ---- output --------------------------------------------------------------- */

static uint32_t cue_of(seg *g, size_t pos) {
  const rc_cue *c = g->src->cues.data;
  size_t n = g->src->cues.len;
  while (g->cue + 1 < n && c[g->cue + 1].off <= pos)
    g->cue++;
  return g->cue;
}

static void push(seg *g, size_t b, size_t e) {
  while (b < e && (g->t[b] == ' ' || g->t[b] == '\n' || g->t[b] == '\t'))
    b++;
  while (e > b && (g->t[e - 1] == ' ' || g->t[e - 1] == '\n' ||
                   g->t[e - 1] == '\t'))
    e--;
  if (b == e || g->st != RECAP_OK)
    return;
  rc_span s;
  s.off = b;
  s.len = e - b;
  s.cue_first = cue_of(g, b);
  s.cue_last = cue_of(g, e - 1);
  RC_PUSH(g->st, g->src->alloc, (*g->out), s);
}

/* Where a word starts at or after i within [i, e), and the number of
   words (runs of non-spaces) in [b, e). */
static size_t count_words(const char *t, size_t b, size_t e) {
  size_t words = 0;
  int in_word = 0;
  for (size_t i = b; i < e; i++) {
    char c = t[i];
    int sp = c == ' ' || c == '\n' || c == '\t';
    words += !sp && !in_word;
    in_word = !sp;
  }
  return words;
}

/* Byte where the (limit+1)-th word starts in [b, e), or e. */
static size_t word_start(const char *t, size_t b, size_t e, size_t limit) {
  size_t words = 0;
  int in_word = 0;
  for (size_t i = b; i < e; i++) {
    char c = t[i];
    int sp = c == ' ' || c == '\n' || c == '\t';
    if (!sp && !in_word && words++ == limit)
      return i;
    in_word = !sp;
  }
  return e;
}

/* Text written without spaces has no words to count: every this many
   bytes (about 200 CJK characters) counts as a full sentence. */
#define MAX_SENTENCE_BYTES 600

/* Cuts [b, e) into pieces of at most RC_MAX_SENTENCE_WORDS words,
   preferring to cut after a comma, semicolon, colon or dash in the second
   half of each piece. */
static void push_limited(seg *g, size_t b, size_t e) {
  /* A sentence of fewer than 2 x RC_MAX_SENTENCE_WORDS bytes cannot have
     too many words (each takes a byte and a space): no need to count. */
  if (e - b < 2 * RC_MAX_SENTENCE_WORDS) {
    push(g, b, e);
    return;
  }
  while (b < e) {
    size_t cut = word_start(g->t, b, e, RC_MAX_SENTENCE_WORDS);
    if (cut - b > MAX_SENTENCE_BYTES * 4 ||
        (cut == e && e - b > MAX_SENTENCE_BYTES * 4)) {
      /* One huge unspaced run: cut at a character boundary. */
      cut = b + MAX_SENTENCE_BYTES * 4;
      while (cut < e && ((unsigned char)g->t[cut] & 0xC0) == 0x80)
        cut++;
    }
    if (cut >= e) {
      push(g, b, e);
      return;
    }
    size_t half = b + (cut - b) / 2;
    for (size_t i = cut; i > half; i--) {
      char c = g->t[i - 1];
      if ((c == ',' || c == ';' || c == ':' || c == '-') &&
          (g->t[i] == ' ' || g->t[i] == '\n')) {
        cut = i;
        break;
      }
    }
    push(g, b, cut);
    b = cut;
  }
}

static double pause_before(const seg *g, uint32_t k) {
  const rc_cue *c = g->src->cues.data;
  if (k == 0 || c[k].start < 0 || c[k - 1].end < 0)
    return 0;
  return c[k].start - c[k - 1].end;
}

/* An unpunctuated sentence spanning several cues is cut at cue
   boundaries into units of speech. */
static void push_units(seg *g, size_t b, size_t e) {
  if (!g->unpunctuated) {
    push_limited(g, b, e);
    return;
  }
  uint32_t k = cue_of(g, b);
  const rc_cue *c = g->src->cues.data;
  size_t n = g->src->cues.len;
  size_t start = b;
  for (k = k + 1; k < n && c[k].off < e; k++) {
    size_t words = count_words(g->t, start, c[k].off);
    if (words >= RC_UNIT_MAX_WORDS ||
        (words >= RC_UNIT_MIN_WORDS && pause_before(g, k) >= RC_UNIT_PAUSE)) {
      push_limited(g, start, c[k].off);
      start = c[k].off;
    }
  }
  push_limited(g, start, e);
}

/* ---- boundary decisions ----------------------------------------------------- */

/* The word ending just before the '.' at p: letters, digits and inner
   periods ("e.g", "U.S", "Mr", "J"). */
static size_t word_before(const char *t, size_t from, size_t p) {
  size_t w = p;
  while (w > from) {
    size_t q = w - 1;
    while (q > from && ((unsigned char)t[q] & 0xC0) == 0x80)
      q--;
    size_t len;
    unsigned c = cp_at(t, p, q, &len);
    if (c == '.' || (rc_char_class(c) & (RC_CH_LETTER | RC_CH_DIGIT | RC_CH_MARK)))
      w = q;
    else
      break;
  }
  return w;
}

static int abbrev_kind(seg *g, const char *w, size_t n, int *found,
                       int *stopword) {
  char small[64];
  const char *key = w;
  size_t keylen = n;
  int ascii = 1;
  for (size_t i = 0; i < n; i++)
    ascii &= (unsigned char)w[i] < 0x80;
  if (ascii && n <= sizeof small) {
    for (size_t i = 0; i < n; i++)
      small[i] = (char)((w[i] >= 'A' && w[i] <= 'Z') ? w[i] + 32 : w[i]);
    key = small;
  } else if (rc_fold(g->norm, w, n, &key, &keylen) != RECAP_OK) {
    *found = *stopword = 0;
    return 0;
  }
  long i = rc_wordlist_find(&g->lang->abbrevs, key, keylen);
  *found = i >= 0;
  int kind = i >= 0 ? g->lang->abbrev_kinds[i] : 0;
  *stopword = kind == RC_ABBR_NUMBER &&
              rc_wordlist_find(&g->lang->stopwords, key, keylen) >= 0;
  return kind;
}

typedef enum next_kind { NEXT_END, NEXT_UPPER, NEXT_LOWER, NEXT_DIGIT, NEXT_OTHER } next_kind;

/* What starts the next word after position i (skipping spaces and opening
   quotes or brackets). */
static next_kind next_word(const char *t, size_t i, size_t e) {
  while (i < e) {
    size_t len;
    unsigned c = cp_at(t, e, i, &len);
    if (is_space_cp(c) || is_opener(c)) {
      i += len;
      continue;
    }
    unsigned cls = rc_char_class(c);
    if (cls & RC_CH_UPPER)
      return NEXT_UPPER;
    if (cls & RC_CH_LOWER)
      return NEXT_LOWER;
    if (cls & RC_CH_DIGIT)
      return NEXT_DIGIT;
    return NEXT_OTHER;
  }
  return NEXT_END;
}

static int single_capital(const char *t, size_t w, size_t p) {
  if (p - w == 1)
    return t[w] >= 'A' && t[w] <= 'Z';
  size_t len;
  unsigned c = cp_at(t, p, w, &len);
  return w + len == p && (rc_char_class(c) & RC_CH_UPPER);
}

static int all_digits(const char *t, size_t w, size_t p) {
  if (w == p)
    return 0;
  for (size_t i = w; i < p; i++)
    if (t[i] < '0' || t[i] > '9')
      return 0;
  return 1;
}

/* Does the single '.' at p (followed by a space) end the sentence? */
static int period_ends(seg *g, size_t from, size_t p, next_kind next) {
  if (next == NEXT_END)
    return 1;
  size_t w = word_before(g->t, from, p);
  if (w < p) {
    int found, stopword;
    int kind = abbrev_kind(g, g->t + w, p - w, &found, &stopword);
    /* "No. 3" is an abbreviation; "I said no. 3 people left" is a word
       that ends a sentence: a number abbreviation that is also an
       ordinary word counts only when capitalised. */
    if (found && kind == RC_ABBR_NUMBER && stopword &&
        !(g->t[w] >= 'A' && g->t[w] <= 'Z'))
      found = 0;
    if (found) {
      if (kind == RC_ABBR_ALWAYS)
        return 0;
      if (kind == RC_ABBR_NUMBER)
        return next != NEXT_DIGIT && next != NEXT_LOWER;
      return next == NEXT_UPPER;
    }
    if (single_capital(g->t, w, p) && next == NEXT_UPPER)
      return 0; /* an initial */
    if (all_digits(g->t, w, p))
      return next != NEXT_LOWER;
  }
  return next != NEXT_LOWER || !g->cased;
}

/* Bytes where a sentence may end: ASCII terminators, line breaks, and
   every byte of a non-ASCII character (its terminators are looked up). */
static const unsigned char may_end[256] = {
    ['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1,
#define R16(x) [x] = 1, [x + 1] = 1, [x + 2] = 1, [x + 3] = 1, [x + 4] = 1,     \
               [x + 5] = 1, [x + 6] = 1, [x + 7] = 1, [x + 8] = 1, [x + 9] = 1, \
               [x + 10] = 1, [x + 11] = 1, [x + 12] = 1, [x + 13] = 1,         \
               [x + 14] = 1, [x + 15] = 1
    R16(0x80), R16(0x90), R16(0xA0), R16(0xB0), R16(0xC0), R16(0xD0),
    R16(0xE0), R16(0xF0)
#undef R16
};

/* Scans one turn [b, e) for sentence boundaries. */
static void split_turn(seg *g, size_t b, size_t e) {
  const char *t = g->t;
  size_t start = b;
  size_t i = b;
  while (i < e && g->st == RECAP_OK) {
    while (i < e && !may_end[(unsigned char)t[i]])
      i++;
    if (i >= e)
      break;
    size_t len;
    unsigned c = cp_at(t, e, i, &len);
    if (c == '\n') {
      /* A blank line ends a sentence; a single line break is a space. */
      size_t j = i + 1;
      while (j < e && (t[j] == ' ' || t[j] == '\t'))
        j++;
      if (j < e && t[j] == '\n') {
        push_units(g, start, i);
        start = j;
      }
      i = j;
      continue;
    }
    if (!is_terminator(c)) {
      i += len;
      continue;
    }
    /* The whole run of terminators ("?!", "...", "。") and closers. */
    size_t p = i, j = i + len;
    int dots = c == '.', other = c != '.';
    int ellipsis = c == 0x2026, cjk = is_cjk_terminator(c);
    while (j < e) {
      unsigned d = cp_at(t, e, j, &len);
      if (!is_terminator(d))
        break;
      dots += d == '.';
      other += d != '.';
      ellipsis |= d == 0x2026;
      cjk |= is_cjk_terminator(d);
      j += len;
    }
    while (j < e) {
      unsigned d = cp_at(t, e, j, &len);
      if (!is_closer(d))
        break;
      j += len;
    }
    ellipsis |= dots >= 2 && other == 0;
    int ends;
    if (cjk) {
      ends = 1;
    } else if (j < e && !is_space_cp(cp_at(t, e, j, &len))) {
      ends = 0; /* inside a token: 2.5, U.S.A., example.com */
    } else {
      next_kind next = next_word(t, j, e);
      if (ellipsis)
        ends = next == NEXT_END || next == NEXT_UPPER;
      else if (dots == 1 && other == 0)
        ends = period_ends(g, start, p, next);
      else
        ends = next != NEXT_LOWER || !g->cased;
    }
    if (ends) {
      push_units(g, start, j);
      start = j;
    }
    i = j;
  }
  push_units(g, start, e);
}

static int joins_previous(const seg *g, uint32_t k) {
  const rc_cue *c = g->src->cues.data;
  if (k == 0 || (c[k].flags & RC_CUE_BREAK) || c[k].speaker != c[k - 1].speaker)
    return 0;
  /* In unpunctuated captions a long silence is the best boundary there is. */
  return !(g->unpunctuated && pause_before(g, k) >= 1.5);
}

recap_status rc_segment(const rc_source *src, const rc_lang *lang,
                        rc_norm *norm, rc_span_vec *out) {
  seg g;
  memset(&g, 0, sizeof g);
  g.src = src;
  g.t = src->text;
  g.lang = lang;
  g.norm = norm;
  g.out = out;
  g.cased = text_is_cased(src->text, src->len);
  g.unpunctuated = src->timed && text_is_unpunctuated(src->text, src->len);
  g.st = RECAP_OK;
  const rc_cue *c = src->cues.data;
  size_t n = src->cues.len;
  for (size_t k = 0; k < n && g.st == RECAP_OK;) {
    size_t last = k;
    while (last + 1 < n && joins_previous(&g, (uint32_t)(last + 1)))
      last++;
    split_turn(&g, c[k].off, c[last].off + c[last].len);
    k = last + 1;
  }
  return g.st;
}
