/*
 * candidates.c - key phrase candidates, collected during the token pass.
 *
 * terms.c hands every unit of a sentence to rc_kp_token(); a candidate is
 * a maximal run of content words with no punctuation inside, at most
 * RC_MAX_PHRASE_WORDS long, and each run of two or more of its words
 * counts as a mention too (RC_MIN_SUBPHRASE).  A phrase is keyed by its
 * stems, so inflections merge ("computing force networks" and "computing
 * force network"); each surface form (a sequence of terms) is counted so
 * that the most frequent one can be shown.  The same collector, in count
 * mode, re-reads a sentence later to find the mentions of known phrases
 * (keyphrase.c, phrases of chapters and speakers).
 */
#include "candidates.h"

#include <string.h>

/* A word that is mostly an adverb ends a candidate, and so does a
   content word listed as never part of a phrase ("various", "new"); so does
   one that is mostly a verb, unless it is written with a capital inside a
   sentence: then it is part of a name ("Computing Force Network"). */
static int ends_phrase(const rc_term *info, const rc_tok *tok, int first) {
  if (info->flags & (RC_TERM_ADVERB | RC_TERM_PHRASESTOP))
    return 1;
  return (info->flags & RC_TERM_VERBAL) &&
         (first || !(tok->flags & (RC_TOK_CAP | RC_TOK_ALLCAPS)));
}

/* A word that cannot head a key phrase: mostly an adjective or a number,
   unless capitalised inside a sentence ("Digital Equipment"), or a
   single letter ("n", "s": spelled-out or cut-off speech). */
static int modifier_here(const rc_term *info, const rc_tok *tok, int first) {
  if (tok->len == 1 && tok->kind == RC_TOK_WORD)
    return 1;
  return (info->flags & RC_TERM_MODIFIER) &&
         (first || !(tok->flags & (RC_TOK_CAP | RC_TOK_ALLCAPS)));
}

/* A word of a speaker's name, written with a capital: a person named
   ("Tom", "Dana Whitfield"), who speaks rather than what about.  Labels
   that are roles ("User Interface:" in AMI) are also common nouns, and
   written in lower case there they stay in phrases ("the user interface
   design"). */
static int speaker_name_here(const recap_document *doc, const rc_tok *tok,
                             uint32_t term) {
  if (doc->speaker_words.count == 0 ||
      !(tok->flags & (RC_TOK_CAP | RC_TOK_ALLCAPS)))
    return 0;
  size_t n;
  const char *w = rc_strtab_str(&doc->terms, term, &n);
  return rc_strtab_find(&doc->speaker_words, w, n) != RC_NO_ID;
}

void rc_kp_collector_init(rc_kp_collector *c, recap_document *doc) {
  memset(c, 0, sizeof *c);
  c->doc = doc;
  c->speaker = RC_NO_ID;
}

void rc_kp_sentence_begin(rc_kp_collector *c, uint32_t sentence,
                          uint32_t cue) {
  const rc_source *src = &c->doc->src;
  uint32_t speaker = cue < src->cues.len ? src->cues.data[cue].speaker : RC_NO_ID;
  if (speaker != RC_NO_ID && speaker != c->speaker)
    c->turn++;
  c->speaker = speaker;
  c->sentence = sentence;
  c->run = 0;
  c->first_token = 1;
  c->join_pending = 0;
}

/* The part of the text sentence si lies in, of RC_KP_PARTS. */
static uint16_t part_of(const recap_document *doc, uint32_t si) {
  size_t n = doc->spans.len ? doc->spans.len : 1;
  size_t part = (size_t)si * RC_KP_PARTS / n;
  return (uint16_t)(part < RC_KP_PARTS ? part : RC_KP_PARTS - 1);
}

/* One more vote in a pair of 16-bit counters, halving both when full so
   that their ratio holds. */
static void vote(uint16_t *yes, uint16_t *other) {
  if (*yes == UINT16_MAX) {
    *yes /= 2;
    *other /= 2;
  }
  (*yes)++;
}

/* Records one mention of the phrase made of words [i, j) of the open run
   of n words; `alone` if that is the whole run. */
static recap_status emit(rc_kp_collector *c, size_t i, size_t j, size_t n,
                         int alone) {
  recap_document *doc = c->doc;
  size_t len_words = j - i;
  if (c->mentions) { /* count mode: the phrases are known already */
    uint32_t id = rc_strtab_find(&doc->phrase_keys, (const char *)(c->stems + i),
                                 len_words * sizeof *c->stems);
    recap_status st = RECAP_OK;
    if (id != RC_NO_ID)
      RC_PUSH(st, doc->alloc, *c->mentions, c->part << 32 | id);
    return st;
  }
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->phrases, doc->phrases.len + 1);
  if (st == RECAP_OK)
    RC_RESERVE(st, doc->alloc, doc->surfaces, doc->surfaces.len + 1);
  if (st != RECAP_OK)
    return st;
  uint32_t pid, sid;
  int added;
  size_t off = c->offs[i], len = c->ends[j - 1] - c->offs[i];
  /* The words around a mention inside a longer run: a piece always cut
     from the same run ("eastgate charging" of "eastgate charging
     depot") is no phrase of its own. */
  uint32_t around[2] = {i > 0 ? c->stems[i - 1] : RC_NO_ID,
                        j < n ? c->stems[j] : RC_NO_ID};
  uint32_t context = rc_hash(around, sizeof around);
  RC_TRY(rc_strtab_intern(&doc->phrase_keys, (const char *)(c->stems + i),
                          len_words * sizeof *c->stems, &pid, &added));
  if (added) {
    rc_phrase *p = &doc->phrases.data[doc->phrases.len++];
    memset(p, 0, sizeof *p);
    p->nwords = (uint32_t)len_words;
    p->first_sentence = c->sentence;
    p->surface = RC_NO_ID;
    p->first_off = off;
    p->first_len = len;
    p->context = context;
    /* Only modifiers, or one general noun ("results"), name nothing. */
    p->headless = 1;
    for (size_t k = i; k < j; k++)
      p->headless &= (c->modifier[k] & (RC_KP_MODIFIER | RC_KP_JOINER)) != 0;
    if (len_words == 1 && (c->modifier[i] & RC_KP_INSIDE_ONLY))
      p->headless = 1;
  }
  rc_phrase *p = &doc->phrases.data[pid];
  p->count++;
  p->alone += alone;
  p->last_sentence = c->sentence;
  if (alone || context != p->context)
    p->varied = 1;
  uint16_t part = (uint16_t)(part_of(doc, c->sentence) + 1);
  if (part != p->last_part) {
    p->spread++;
    p->last_part = part;
  }
  if (c->turn + 1 != p->last_turn) {
    p->turns++;
    p->last_turn = c->turn + 1;
  }
  for (size_t k = i; k < j && k - i < RC_MAX_PHRASE_WORDS; k++) {
    unsigned char m = c->modifier[k];
    if (!(m & RC_KP_CAPITAL))
      vote(&p->lower[k - i], &p->upper[k - i]);
    else if (!(m & RC_KP_INITIAL))
      vote(&p->upper[k - i], &p->lower[k - i]);
  }
  RC_TRY(rc_strtab_intern(&doc->surface_keys, (const char *)(c->terms + i),
                          len_words * sizeof *c->terms, &sid, &added));
  if (added) {
    rc_surface *sf = &doc->surfaces.data[doc->surfaces.len++];
    sf->phrase = pid;
    sf->count = 0;
    sf->off = off;
    sf->len = len;
  }
  doc->surfaces.data[sid].count++;
  return RECAP_OK;
}

/* Can a phrase end at word k of the run?  Not at a joiner ("Chamber
   of"), nor, where modifiers come before their noun, at a modifier that
   is never a noun: it modifies the next word, which is not in the phrase
   ("digitalisation experienced", "weekends straight"; "Harbor Street
   terminal" keeps its noun). */
static int can_end(const rc_kp_collector *c, size_t k) {
  return !(c->modifier[k] & (RC_KP_JOINER | RC_KP_NONFINAL));
}

/* Is words [i, j) of a run of n a whole part of it between joiners
   (emitted as a run of its own by flush)? */
static int is_segment(const rc_kp_collector *c, size_t i, size_t j,
                      size_t n) {
  if ((i > 0 && !(c->modifier[i - 1] & RC_KP_JOINER)) ||
      (j < n && !(c->modifier[j] & RC_KP_JOINER)) || (i == 0 && j == n))
    return 0;
  for (size_t k = i; k < j; k++)
    if (c->modifier[k] & RC_KP_JOINER)
      return 0;
  return 1;
}

/* The open run is complete: it is a candidate if short enough, and so is
   every shorter run of two or more of its words, so that a phrase's count
   includes its mentions inside longer runs ("детской площадки" in
   "проект детской площадки").  A run does not end in a word that cannot
   end a phrase (can_end), nor start at a joiner. */
static recap_status flush(rc_kp_collector *c) {
  size_t n = c->run < RC_MAX_RUN ? c->run : RC_MAX_RUN, held = n;
  int whole = c->run <= RC_MAX_RUN;
  c->run = 0;
  while (n > 0 && !can_end(c, n - 1))
    n--;
  if (n == 0)
    return RECAP_OK;
  if (whole && n <= RC_MAX_PHRASE_WORDS)
    RC_TRY(emit(c, 0, n, held, 1));
  /* A name joined through "of" also stands for its parts, as runs of
     their own: "President of CHINALUX" mentions "CHINALUX". */
  size_t seg = 0;
  for (size_t k = 0; k <= n; k++)
    if (k == n || (c->modifier[k] & RC_KP_JOINER)) {
      if (seg > 0 || k < n) {
        size_t e = k;
        while (e > seg && !can_end(c, e - 1))
          e--;
        if (e > seg && (seg > 0 || e < n))
          RC_TRY(emit(c, seg, e, held, 1));
      }
      seg = k + 1;
    }
  size_t longest = n - 1 < RC_MAX_PHRASE_WORDS ? n - 1 : RC_MAX_PHRASE_WORDS;
  for (size_t len = longest; len >= RC_MIN_SUBPHRASE; len--)
    for (size_t i = 0; i + len <= n; i++)
      if (!(c->modifier[i] & RC_KP_JOINER) && can_end(c, i + len - 1) &&
          !is_segment(c, i, i + len, n))
        RC_TRY(emit(c, i, i + len, held, 0));
  return RECAP_OK;
}

/* Has the token a capital letter anywhere ("Transit", "NLP", "iPod",
   "5G")? */
static int has_capital(const char *text, const rc_tok *tok) {
  if (tok->flags & (RC_TOK_CAP | RC_TOK_ALLCAPS))
    return 1;
  for (size_t i = 0; i < tok->len; i++)
    if (text[tok->off + i] >= 'A' && text[tok->off + i] <= 'Z')
      return 1;
  return 0;
}

/* Does the token start a line (a caption line, a cue, a paragraph)? */
static int line_start(const char *text, size_t off) {
  while (off > 0 && (text[off - 1] == ' ' || text[off - 1] == '\t'))
    off--;
  return off == 0 || text[off - 1] == '\n';
}

/* Counts how the term is written with capitals where case tells. */
static recap_status count_case(recap_document *doc, const rc_tok *tok,
                               uint32_t term) {
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->term_case, (size_t)term + 1);
  if (st != RECAP_OK)
    return st;
  while (doc->term_case.len <= term) {
    rc_termcase *z = &doc->term_case.data[doc->term_case.len++];
    memset(z, 0, sizeof *z);
  }
  int k = (tok->flags & RC_TOK_ALLCAPS) ? 1 : (tok->flags & RC_TOK_CAP) ? 0 : 2;
  const char *t = doc->src.text + tok->off;
  if (k == 0) /* "Transit", but "TensorFlow" and "GPT-2" are mixed */
    for (size_t i = 1; i < tok->len && k == 0; i++)
      if (t[i] >= 'A' && t[i] <= 'Z')
        k = 2;
  rc_termcase *tc = &doc->term_case.data[term];
  if (tc->votes[k]++ == 0) {
    tc->off[k] = tok->off;
    tc->len[k] = (uint32_t)tok->len;
  }
  return RECAP_OK;
}

/* Where a word ends in a run: an abbreviation keeps its final period
   ("S.A.", "Ltd."), which the tokenizer leaves out of the token. */
static size_t word_end(const recap_document *doc, const rc_tok *tok,
                       uint32_t term) {
  size_t end = tok->off + tok->len;
  const char *t = doc->src.text;
  if (end >= doc->src.len || t[end] != '.' || tok->kind != RC_TOK_WORD)
    return end;
  if (memchr(t + tok->off, '.', tok->len))
    return end + 1; /* U.S, S.A, e.g */
  size_t n;
  const char *w = rc_strtab_str(&doc->terms, term, &n);
  return rc_wordlist_find(&doc->lang->abbrevs, w, n) >= 0 ? end + 1 : end;
}

/* Appends a word to the open run. */
static void append(rc_kp_collector *c, const rc_tok *tok, uint32_t term,
                   uint32_t stem, unsigned char flags) {
  if (c->run == 0)
    c->run_off = tok->off;
  if (c->run < RC_MAX_RUN) {
    c->stems[c->run] = stem;
    c->terms[c->run] = term;
    c->offs[c->run] = tok->off;
    c->ends[c->run] = word_end(c->doc, tok, term);
    c->modifier[c->run] = flags;
  }
  ++c->run;
  c->run_end = tok->off + tok->len;
}

recap_status rc_kp_token(rc_kp_collector *c, const rc_tok *tok, uint32_t term,
                         const rc_term *info, int content) {
  recap_document *doc = c->doc;
  int first = c->first_token;
  c->first_token = 0;
  int word = content && !speaker_name_here(doc, tok, term) &&
             (tok->kind == RC_TOK_WORD || tok->kind == RC_TOK_CJK) &&
             !ends_phrase(info, tok, first);
  int capital = tok->kind == RC_TOK_WORD && has_capital(doc->src.text, tok);
  int initial = first || line_start(doc->src.text, tok->off);
  if (c->join_pending) {
    /* "Chamber of" + "Commerce": the name goes on through the joiner. */
    c->join_pending = 0;
    if (word && capital && !(tok->flags & RC_TOK_GAP) &&
        c->run + 1 < RC_MAX_RUN)
      append(c, &c->join_tok, c->join_term, c->join_stem, RC_KP_JOINER);
    else
      RC_TRY(flush(c));
  } else if ((info->flags & RC_TERM_JOIN) && c->run && c->run < RC_MAX_RUN &&
             !(tok->flags & RC_TOK_GAP) &&
             (c->modifier[c->run - 1] & (RC_KP_CAPITAL | RC_KP_INITIAL)) ==
                 RC_KP_CAPITAL) {
    c->join_pending = 1;
    c->join_tok = *tok;
    c->join_term = term;
    c->join_stem = info->stem;
    return RECAP_OK;
  }
  if (c->run && ((tok->flags & RC_TOK_GAP) || !word))
    RC_TRY(flush(c));
  if (word) {
    unsigned char flags =
        (unsigned char)((modifier_here(info, tok, first) ? RC_KP_MODIFIER : 0) |
                        (info->flags & RC_TERM_INSIDE ? RC_KP_INSIDE_ONLY : 0) |
                        (capital ? RC_KP_CAPITAL : 0) |
                        ((info->flags & RC_TERM_NONFINAL) && !capital
                             ? RC_KP_NONFINAL
                             : 0) |
                        (initial ? RC_KP_INITIAL : 0));
    if (capital && !initial && !c->mentions)
      RC_TRY(count_case(doc, tok, term));
    append(c, tok, term, info->stem, flags);
  }
  return RECAP_OK;
}

recap_status rc_kp_sentence_end(rc_kp_collector *c) {
  c->join_pending = 0;
  return c->run ? flush(c) : RECAP_OK;
}
