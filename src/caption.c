/*
 * caption.c - the cue-text engine of the caption readers: a cue's text
 * lines -> cues of rc_source, for WebVTT (read_vtt.c) and SRT
 * (read_srt.c).
 *
 * WebVTT cue text as W3C "WebVTT: The Web Video Text Tracks Format"
 * defines it (see read_vtt.c), read leniently; SRT cue text is treated as
 * a subset of it:
 *  - Tags are dropped: <c>, <c.colorCCCCCC>, <i>, <b>, <u>, <lang en>,
 *    <ruby>, end tags and karaoke timestamps <00:00:01.000>; in WebVTT any
 *    '<' + letter, '/' or timestamp up to '>' on the same line is a tag, in
 *    SRT only the HTML-like tags SRT files use.  A '<' that starts no tag
 *    is text.  <rt> annotations (ruby readings) are dropped with their text.
 *  - <v Name> and <v.class Name> give the speaker (Teams); a recurring
 *    "Name: text" prefix does too (Zoom).  A speaker change inside a cue
 *    starts a new cue with the same times.
 *  - Entities &amp; &lt; &gt; &nbsp; &quot; &apos; and numeric ones are
 *    decoded; &lrm; and &rlm; (invisible direction marks) are dropped; an
 *    unknown &foo; or a numeric one naming a control character stays as
 *    written.  ASS overrides like {\an8} (SRT) are dropped.
 *  - Bracketed annotations ("[Music]", "[Applause]", "(intro whooshing)",
 *    "(laughs)", full-width "（...）") are dropped, and with them a line
 *    that holds nothing else: they are not speech, and their words would
 *    otherwise turn up in summaries and as key phrases.  A bracket that
 *    closes only after RC_MAX_ANNOTATION bytes is taken as speech.
 *  - Rolling captions (YouTube auto-captions): each cue shows the last
 *    line(s) of the one before, then new text; between them come ~10 ms
 *    cues that only repeat.  A cue's leading lines equal (after tags and
 *    whitespace) to the previous cue's trailing lines are dropped when new
 *    lines follow them, which also marks the file as rolling; a cue that
 *    wholly repeats is dropped if it lasts under 50 ms or the file is
 *    rolling.  Anything else is kept: someone may say "yeah" in two cues.
 *    At most RC_ROLL_LINES lines are compared, so this is linear, and only
 *    a cue's first RC_ROLL_LINES + 1 lines are ever held in memory.
 *
 * Linear time: tags are at most MAX_TAG bytes, entities MAX_ENTITY, and the
 * search for '>' resumes where the last one ended.
 */
#include "caption.h"

#include <string.h>

#include "chars.h"
#include "decode.h"
#include "timecode.h"

enum {
  MAX_TAG = 256,      /* longer "<...>" spans are text */
  MAX_ENTITY = 32,    /* "&...;" */
  MAX_OVERRIDE = 128, /* "{\...}" */
  /* "[...]", "(...)": longer spans are speech in brackets */
  RC_MAX_ANNOTATION = 64,
};

#define TRANSITION_CUE 0.05 /* seconds: YouTube's 10 ms repeat cues */

/* ---- entities ----------------------------------------------------------- */

/* Decodes the character reference at s[0] == '&' into out (up to 4 bytes,
   *olen of them; 0 for the dropped direction marks).  Returns its length
   in s, or 0 to keep it as text. */
static size_t parse_entity(const char *s, size_t n, char *out,
                           unsigned char *olen) {
  static const struct {
    const char *name, *text;
  } named[] = {{"amp", "&"},  {"lt", "<"},          {"gt", ">"}, {"quot", "\""},
               {"apos", "'"}, {"nbsp", "\xC2\xA0"}, {"lrm", ""}, {"rlm", ""}};
  size_t semi = 1;
  while (semi < n && semi <= MAX_ENTITY && s[semi] != ';' &&
         (rc_is_alpha(s[semi]) || rc_is_digit(s[semi]) || s[semi] == '#'))
    semi++;
  if (semi >= n || s[semi] != ';' || semi == 1)
    return 0;
  const char *name = s + 1;
  size_t len = semi - 1;
  if (name[0] == '#') {
    int hex = len > 1 && (name[1] == 'x' || name[1] == 'X');
    size_t i = hex ? 2 : 1;
    if (i == len || len - i > 8)
      return 0;
    unsigned long cp = 0;
    for (; i < len; i++) {
      char c = name[i];
      unsigned d;
      if (rc_is_digit(c))
        d = (unsigned)(c - '0');
      else if (hex && rc_lower(c) >= 'a' && rc_lower(c) <= 'f')
        d = (unsigned)(rc_lower(c) - 'a' + 10);
      else
        return 0;
      cp = cp * (hex ? 16 : 10) + d;
    }
    /* Controls would break the clean-text promise; surrogates and values
       past U+10FFFF are not characters. */
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
        (cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF)
      return 0;
    *olen = (unsigned char)rc_utf8_encode((unsigned)cp, out);
    return semi + 1;
  }
  for (size_t i = 0; i < sizeof named / sizeof *named; i++) {
    size_t tl = strlen(named[i].text);
    if (strlen(named[i].name) == len && memcmp(named[i].name, name, len) == 0) {
      memcpy(out, named[i].text, tl);
      *olen = (unsigned char)tl;
      return semi + 1;
    }
  }
  return 0;
}

/* ---- tags --------------------------------------------------------------- */

typedef enum tag_kind {
  TAG_NONE,  /* not a tag: text */
  TAG_PLAIN, /* dropped */
  TAG_VOICE, /* <v Name> */
  TAG_RT,    /* <rt> */
  TAG_RT_END /* </rt> or </ruby> */
} tag_kind;

static int name_is(const char *s, size_t n, const char *name, int fold) {
  size_t len = strlen(name);
  if (n != len)
    return 0;
  for (size_t i = 0; i < n; i++)
    if ((fold ? rc_lower(s[i]) : s[i]) != name[i])
      return 0;
  return 1;
}

/* The HTML-like tags found in SRT files. */
static int srt_tag_name(const char *s, size_t n) {
  static const char *const names[] = {"b",    "br", "c", "font", "i", "lang",
                                      "ruby", "rt", "s", "span", "u", "v"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (name_is(s, n, names[i], 1))
      return 1;
  return 0;
}

/* Classifies the tag whose content (between '<' and '>') is t[0..n); for a
   voice, sets the name range. */
static tag_kind classify_tag(const char *t, size_t n, int srt, size_t *name_off,
                             size_t *name_len) {
  if (n == 0 || memchr(t, '<', n))
    return TAG_NONE;
  double ts;
  if (rc_is_digit(t[0]))
    return rc_parse_timestamp(t, n, &ts) == n ? TAG_PLAIN : TAG_NONE;
  size_t i = t[0] == '/';
  size_t b = i;
  while (i < n && (rc_is_alpha(t[i]) || rc_is_digit(t[i])))
    i++;
  if (i < n && t[i] != '.' && !rc_is_space(t[i]))
    return TAG_NONE;
  if (b < i && !rc_is_alpha(t[b]))
    return TAG_NONE;
  if (i == b && !(b == 1 && n == 1)) /* "</>" is an end tag */
    return TAG_NONE;
  if (srt && !srt_tag_name(t + b, i - b))
    return TAG_NONE;
  if (b == 1) /* an end tag */
    return name_is(t + b, i - b, "rt", srt) ||
                   name_is(t + b, i - b, "ruby", srt)
               ? TAG_RT_END
               : TAG_PLAIN;
  if (name_is(t + b, i - b, "rt", srt))
    return TAG_RT;
  if (!name_is(t + b, i - b, "v", srt))
    return TAG_PLAIN;
  /* <v.class.class Name>: the annotation after the first space. */
  while (i < n && !rc_is_space(t[i]))
    i++;
  i = rc_skip_spaces(t, n, i);
  size_t e = n;
  while (e > i && rc_is_space(t[e - 1]))
    e--;
  if (e == i)
    return TAG_PLAIN;
  *name_off = i;
  *name_len = e - i;
  return TAG_VOICE;
}

/* ---- cue text: splitting lines into pieces ------------------------------ */

static recap_status push_piece(rc_caption *c, rc_piece p) {
  recap_status st;
  RC_PUSH(st, c->src->alloc, c->pieces, p);
  return st;
}

static recap_status push_text(rc_caption *c, const char *s, size_t b, size_t e,
                              size_t off) {
  if (e <= b || c->in_rt)
    return RECAP_OK;
  rc_piece p = {RC_PIECE_TEXT, 0, {0}, s + b, e - b, off + b, e - b};
  return push_piece(c, p);
}

/* Length of an opening or closing bracket at s[i..n): '[', '(' or the
   full-width '（' (U+FF08) as 1, 1, 3; 0 if none.  *close says which. */
static size_t bracket_at(const char *s, size_t i, size_t n, int *close) {
  unsigned char ch = (unsigned char)s[i];
  if (ch == '[' || ch == '(' || ch == ']' || ch == ')') {
    *close = ch == ']' || ch == ')';
    return 1;
  }
  if (ch == 0xEF && n - i >= 3 && (unsigned char)s[i + 1] == 0xBC &&
      ((unsigned char)s[i + 2] == 0x88 || (unsigned char)s[i + 2] == 0x89)) {
    *close = (unsigned char)s[i + 2] == 0x89;
    return 3;
  }
  return 0;
}

/* A sound or action annotation opening at s[i] ("[Music]", "(laughs)",
   "（徽标呼啸而过）"): captions mark what is not speech this way.  Returns
   the offset just past its closing bracket, or 0 if s[i] opens none (no
   close within RC_MAX_ANNOTATION bytes, another bracket first, or
   nothing inside). */
static size_t annotation_end(const char *s, size_t i, size_t n) {
  int close;
  size_t open = bracket_at(s, i, n, &close);
  if (!open || close)
    return 0;
  size_t lim = n - i < RC_MAX_ANNOTATION ? n : i + RC_MAX_ANNOTATION;
  int words = 0;
  for (size_t j = i + open; j < lim; j++) {
    size_t b = bracket_at(s, j, n, &close);
    if (b)
      return close && words ? j + b : 0;
    if (s[j] != ' ')
      words = 1;
  }
  return 0;
}

/* Splits the line s[0..n) (at input offset off) into pieces; annotations
   are dropped. */
static recap_status scan_line(rc_caption *c, const char *s, size_t n,
                              size_t off) {
  size_t i = 0, run = 0;
  size_t gt = 0; /* the next '>' at or after i, or n; valid if gt > i */
  while (i < n) {
    char ch = s[i];
    size_t len = 0;
    if (ch == '<') {
      if (gt <= i) {
        const char *g = memchr(s + i + 1, '>', n - i - 1);
        gt = g ? (size_t)(g - s) : n;
      }
      size_t vo = 0, vl = 0;
      tag_kind k = gt < n && gt - i <= MAX_TAG
                       ? classify_tag(s + i + 1, gt - i - 1, c->srt, &vo, &vl)
                       : TAG_NONE;
      if (k != TAG_NONE) {
        RC_TRY(push_text(c, s, run, i, off));
        if (k == TAG_VOICE) {
          rc_piece p = {RC_PIECE_VOICE, 0,         {0}, s + i + 1 + vo, vl,
                        off + i,        gt + 1 - i};
          RC_TRY(push_piece(c, p));
        }
        if (k == TAG_RT)
          c->in_rt = 1;
        else if (k == TAG_RT_END)
          c->in_rt = 0;
        i = run = gt + 1;
        continue;
      }
    } else if (ch == '&') {
      rc_piece p = {RC_PIECE_CHAR, 0, {0}, NULL, 0, off + i, 0};
      len = parse_entity(s + i, n - i, p.b, &p.blen);
      if (len) {
        RC_TRY(push_text(c, s, run, i, off));
        p.from_len = len;
        if (!c->in_rt)
          RC_TRY(push_piece(c, p));
        i = run = i + len;
        continue;
      }
    } else if (ch == '[' || ch == '(' || (unsigned char)ch == 0xEF) {
      size_t end = annotation_end(s, i, n);
      if (end) {
        RC_TRY(push_text(c, s, run, i, off));
        /* "a (laughs) b" reads "a b", "a(laughs) b" too */
        if (i == 0 || rc_is_space(s[i - 1]))
          while (end < n && rc_is_space(s[end]))
            end++;
        i = run = end;
        continue;
      }
    } else if (ch == '{' && n - i > 1 && s[i + 1] == '\\') {
      size_t lim = n - i < MAX_OVERRIDE ? n - i : MAX_OVERRIDE;
      const char *close = memchr(s + i, '}', lim);
      if (close) {
        RC_TRY(push_text(c, s, run, i, off));
        i = run = (size_t)(close - s) + 1;
        continue;
      }
    }
    i++;
  }
  return push_text(c, s, run, n, off);
}

/* ---- cue text: normalised lines ----------------------------------------- */

static recap_status norm_byte(rc_caption *c, char b, int *space,
                              size_t line_start) {
  recap_status st;
  if (rc_is_space(b)) {
    *space = 1;
    return RECAP_OK;
  }
  if (*space && c->norm.len > line_start) {
    RC_PUSH(st, c->src->alloc, c->norm, ' ');
    RC_TRY(st);
  }
  *space = 0;
  RC_PUSH(st, c->src->alloc, c->norm, b);
  return st;
}

/* Appends the normalised text of the last line (whitespace collapsed,
   voices as "\1name\1") to c->norm. */
static recap_status normalise(rc_caption *c, rc_cap_line *line) {
  int space = 0;
  line->norm_off = c->norm.len;
  for (size_t i = line->piece; i < line->piece + line->pieces; i++) {
    const rc_piece *p = &c->pieces.data[i];
    const char *b = p->kind == RC_PIECE_CHAR ? p->b : p->s;
    size_t len = p->kind == RC_PIECE_CHAR ? p->blen : p->len;
    if (p->kind == RC_PIECE_CHAR && len == 2 && memcmp(b, "\xC2\xA0", 2) == 0)
      b = " ", len = 1;
    if (p->kind == RC_PIECE_VOICE)
      RC_TRY(norm_byte(c, '\1', &space, line->norm_off));
    for (size_t j = 0; j < len; j++)
      RC_TRY(norm_byte(c, b[j], &space, line->norm_off));
    if (p->kind == RC_PIECE_VOICE)
      RC_TRY(norm_byte(c, '\1', &space, line->norm_off));
  }
  line->norm_len = c->norm.len - line->norm_off;
  return RECAP_OK;
}

/* Is the normalised text only bracketed annotations ("[Music]",
   "(intro whooshing)", "[Applause] [Laughter]")?  Voice marks are
   ignored. */
static int sound_only(const char *s, size_t n) {
  size_t i = 0;
  int groups = 0;
  while (i < n) {
    if (s[i] == ' ') {
      i++;
    } else if (s[i] == '\1') {
      const char *e = memchr(s + i + 1, '\1', n - i - 1);
      i = e ? (size_t)(e - s) + 1 : n;
    } else if (s[i] == '[' || s[i] == '(') {
      char close = s[i] == '[' ? ']' : ')';
      size_t j = i + 1;
      while (j < n && s[j] != ']' && s[j] != ')' && s[j] != '[' &&
             s[j] != '(' && s[j] != '\1')
        j++;
      if (j >= n || s[j] != close || j == i + 1)
        return 0;
      groups++;
      i = j + 1;
    } else {
      return 0;
    }
  }
  return groups > 0;
}

/* Has the normalised text anything but voice marks? */
static int has_words(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\1') {
      const char *e = memchr(s + i + 1, '\1', n - i - 1);
      if (!e)
        return 0;
      i = (size_t)(e - s);
    } else if (s[i] != ' ') {
      return 1;
    }
  }
  return 0;
}

/* ---- cue text: rolling captions ---------------------------------------- */

/* Line i (0 = oldest) of the last min(count, RC_ROLL_LINES) lines of a
   ring. */
static size_t ring_slot(size_t count, size_t i) {
  size_t m = count < RC_ROLL_LINES ? count : RC_ROLL_LINES;
  return (count - m + i) % RC_ROLL_LINES;
}

/* Keeps a text line's normalised form in this cue's ring. */
static recap_status remember(rc_caption *c, const char *norm, size_t len) {
  size_t slot = c->ring_count[c->cur] % RC_ROLL_LINES;
  recap_status st;
  c->ring[c->cur][slot].len = 0;
  RC_RESERVE(st, c->src->alloc, c->ring[c->cur][slot], len);
  if (st != RECAP_OK)
    return st;
  if (len)
    memcpy(c->ring[c->cur][slot].data, norm, len);
  c->ring[c->cur][slot].len = len;
  c->ring_count[c->cur]++;
  return RECAP_OK;
}

static int same_line(const rc_caption *c, size_t slot, const rc_cap_line *l) {
  int prev = !c->cur;
  return c->ring[prev][slot].len == l->norm_len &&
         (l->norm_len == 0 ||
          memcmp(c->ring[prev][slot].data, c->norm.data + l->norm_off,
                 l->norm_len) == 0);
}

/* How many leading held-back lines repeat the previous cue's trailing
   ones (at most RC_ROLL_LINES). */
static size_t repeated_lines(const rc_caption *c) {
  size_t count = c->ring_count[!c->cur];
  size_t np = count < RC_ROLL_LINES ? count : RC_ROLL_LINES;
  size_t k = np < c->lines.len ? np : c->lines.len;
  for (; k > 0; k--) {
    size_t j = 0;
    while (j < k &&
           same_line(c, ring_slot(count, np - k + j), &c->lines.data[j]))
      j++;
    if (j == k)
      return k;
  }
  return 0;
}

/* ---- cue text: emission ------------------------------------------------- */

static recap_status close_cue(rc_caption *c) {
  if (!c->open)
    return RECAP_OK;
  c->open = 0;
  return rc_source_end(c->src);
}

static recap_status set_speaker(rc_caption *c, const char *name, size_t len) {
  if (c->speaker && len == c->speaker_len && memcmp(name, c->speaker, len) == 0)
    return RECAP_OK;
  RC_TRY(close_cue(c));
  c->speaker = name;
  c->speaker_len = len;
  return RECAP_OK;
}

/* Appends text, opening the cue first and then, for a new line, the line
   break before it (the '\n' at input offset *nl, unless SIZE_MAX). */
static recap_status emit(rc_caption *c, const char *s, size_t len, size_t from,
                         size_t from_len, size_t *nl) {
  if (len == 0)
    return RECAP_OK;
  if (!c->open) {
    RC_TRY(rc_source_begin(c->src, c->start, c->end, c->speaker, c->speaker_len,
                           c->turn_next ? RC_CUE_BREAK : 0));
    c->turn_next = 0;
    c->open = 1;
    c->has_text = 0;
  } else if (c->has_text && *nl != SIZE_MAX) {
    RC_TRY(rc_source_add(c->src, c->input + *nl, 1, *nl));
  }
  *nl = SIZE_MAX;
  c->has_text = 1;
  if (from_len == len && s == c->input + from)
    return rc_source_add(c->src, s, len, from);
  return rc_source_add_replacement(c->src, s, len, from, from_len);
}

/* The speaker prefix of a line, if the line starts with verbatim text and
   the label is an accepted one: returns the offset where the text starts
   (0 if there is no label) and the name. */
static size_t line_label(const rc_caption *c, const rc_cap_line *l,
                         const char **label, size_t *label_len) {
  if (l->pieces == 0)
    return 0;
  const rc_piece *p = &c->pieces.data[l->piece];
  if (p->kind != RC_PIECE_TEXT || p->from != l->off)
    return 0;
  const char *s = c->input + l->off;
  size_t name, len, text;
  double t;
  if (!rc_speaker_label(s, l->len, &name, &len, &t, &text) || text >= l->len ||
      !rc_labels_accept(&c->labels, s + name, len, t >= 0, 0))
    return 0;
  *label = s + name;
  *label_len = len;
  return text;
}

/* Subtitles mark each speaker of a dialogue with a dash opening the line
   ("- Hi, I'm Sam."): returns the bytes of the dash and the spaces after
   it, 0 if s does not open with one.  A dash without a space after it is
   text ("-5 degrees"). */
static size_t dialogue_dash(const char *s, size_t n) {
  size_t d = 0;
  if (n > 0 && s[0] == '-')
    d = 1;
  else if (n >= 3 && memcmp(s, "\xE2\x80", 2) == 0 &&
           ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
    d = 3; /* en dash, em dash */
  if (d == 0 || d >= n || !rc_is_space(s[d]))
    return 0;
  while (d < n && rc_is_space(s[d]))
    d++;
  return d;
}

/* A dialogue dash is not said: it is dropped, and what follows it is a new
   turn (its speaker unknown unless a label or voice names it). */
static recap_status skip_dialogue_dash(rc_caption *c, const char *s, size_t n,
                                       size_t *cut) {
  size_t d = dialogue_dash(s + *cut, n - *cut);
  if (d == 0)
    return RECAP_OK;
  RC_TRY(close_cue(c));
  c->turn_next = 1;
  *cut += d;
  return RECAP_OK;
}

static recap_status emit_line(rc_caption *c, const rc_cap_line *l) {
  const char *label = NULL;
  size_t label_len = 0;
  if (l->voice)
    RC_TRY(set_speaker(c, l->voice, l->voice_len));
  size_t skip_to = l->off + line_label(c, l, &label, &label_len);
  if (label)
    RC_TRY(set_speaker(c, label, label_len));
  size_t nl = l->off > 0 ? l->off - 1 : SIZE_MAX;
  int opening = 1; /* nothing of the line emitted yet */
  for (size_t i = l->piece; i < l->piece + l->pieces; i++) {
    const rc_piece *p = &c->pieces.data[i];
    if (p->kind == RC_PIECE_VOICE) {
      RC_TRY(set_speaker(c, p->s, p->len));
    } else if (p->kind == RC_PIECE_CHAR) {
      if (p->from >= skip_to && p->blen > 0) {
        RC_TRY(emit(c, p->b, p->blen, p->from, p->from_len, &nl));
        opening = 0;
      }
    } else if (p->from + p->len > skip_to) {
      size_t cut = p->from < skip_to ? skip_to - p->from : 0;
      if (opening)
        RC_TRY(skip_dialogue_dash(c, p->s, p->len, &cut));
      if (cut < p->len)
        opening = 0;
      RC_TRY(
          emit(c, p->s + cut, p->len - cut, p->from + cut, p->len - cut, &nl));
    }
  }
  return RECAP_OK;
}

static void forget_held(rc_caption *c) {
  c->lines.len = 0;
  c->pieces.len = 0;
  c->norm.len = 0;
}

/* Decides which held-back lines repeat the previous cue, emits the rest
   and lets the cue's further lines go straight out.  `whole`: the cue has
   ended, so all of it may be a repeat. */
static recap_status settle(rc_caption *c, int whole) {
  size_t n = c->lines.len;
  size_t k = c->rolling ? repeated_lines(c) : 0;
  if (k > 0 && k < n)
    c->rolling_seen = 1;
  if (k > 0 && k == n && whole) {
    int transition =
        c->start >= 0 && c->end >= 0 && c->end - c->start < TRANSITION_CUE;
    if (!transition && !c->rolling_seen)
      k = 0; /* a real repeat: "yeah" ... "yeah" */
  }
  recap_status st = RECAP_OK;
  for (size_t j = k; j < n && st == RECAP_OK; j++)
    st = emit_line(c, &c->lines.data[j]);
  forget_held(c);
  c->streaming = 1;
  return st;
}

/* ---- cue text: public interface ----------------------------------------- */

recap_status rc_caption_init(rc_caption *c, rc_source *src, int srt,
                             int rolling, const char *s, size_t n) {
  memset(c, 0, sizeof *c);
  c->src = src;
  c->input = s;
  c->srt = srt;
  c->rolling = rolling;
  rc_labels_init(&c->labels, src->alloc);
  /* Count "Name: text" prefixes; only recurring ones become speakers. */
  rc_lines it;
  rc_line l;
  rc_lines_init(&it, s, n);
  while (rc_lines_next(&it, &l)) {
    size_t name, len, text;
    double t;
    if (l.len && !rc_is_digit(l.s[0]) &&
        rc_speaker_label(l.s, l.len, &name, &len, &t, &text) && text < l.len)
      RC_TRY(rc_labels_count(&c->labels, l.s + name, len, t >= 0));
  }
  return RECAP_OK;
}

void rc_caption_free(rc_caption *c) {
  const recap_allocator *a = c->src->alloc;
  rc_labels_free(&c->labels);
  RC_VEC_FREE(a, c->pieces);
  RC_VEC_FREE(a, c->lines);
  RC_VEC_FREE(a, c->norm);
  for (int r = 0; r < 2; r++)
    for (size_t i = 0; i < RC_ROLL_LINES; i++)
      RC_VEC_FREE(a, c->ring[r][i]);
}

void rc_caption_begin(rc_caption *c, double start, double end) {
  c->start = start;
  c->end = end;
  c->in_rt = 0;
  c->streaming = !c->rolling; /* nothing to hold back */
  c->voice = NULL;
  c->voice_len = 0;
  forget_held(c);
  c->speaker = NULL;
  c->speaker_len = 0;
  c->open = 0;
  c->has_text = 0;
}

/* The last <v> among a line's pieces, if any, stays in force. */
static void keep_voice(rc_caption *c, const rc_cap_line *l) {
  for (size_t i = l->piece; i < l->piece + l->pieces; i++)
    if (c->pieces.data[i].kind == RC_PIECE_VOICE) {
      c->voice = c->pieces.data[i].s;
      c->voice_len = c->pieces.data[i].len;
    }
}

recap_status rc_caption_line(rc_caption *c, const char *s, size_t len,
                             size_t off) {
  size_t piece0 = c->pieces.len, norm0 = c->norm.len;
  rc_cap_line l = {off, len, piece0, 0, 0, 0, c->voice, c->voice_len};
  RC_TRY(scan_line(c, s, len, off));
  l.pieces = c->pieces.len - piece0;
  RC_TRY(normalise(c, &l));
  const char *norm = c->norm.data ? c->norm.data + l.norm_off : "";
  if (!has_words(norm, l.norm_len) || sound_only(norm, l.norm_len)) {
    /* Not speech: dropped, but a voice it sets holds for what follows. */
    keep_voice(c, &l);
    c->pieces.len = piece0;
    c->norm.len = norm0;
    return RECAP_OK;
  }
  c->voice = NULL;
  c->voice_len = 0;
  if (c->rolling)
    RC_TRY(remember(c, norm, l.norm_len));
  if (c->streaming) {
    recap_status st = emit_line(c, &l);
    forget_held(c);
    return st;
  }
  recap_status st;
  RC_PUSH(st, c->src->alloc, c->lines, l);
  RC_TRY(st);
  /* More lines than a repeat can cover: settle now, keep memory small. */
  if (c->lines.len > RC_ROLL_LINES)
    return settle(c, 0);
  return RECAP_OK;
}

recap_status rc_caption_end(rc_caption *c) {
  if (!c->streaming)
    RC_TRY(settle(c, 1));
  RC_TRY(close_cue(c));
  /* This cue's lines become the previous cue's. */
  c->cur = !c->cur;
  c->ring_count[c->cur] = 0;
  return RECAP_OK;
}
