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
 *
 * Memory in proportion to what can matter: a phrase seen once inside a
 * longer run can be no key phrase (keyphrase.c's candidate() wants a run
 * of its own or two mentions), and on varied text such phrases are most
 * (random 12-word sentences: 22 per sentence, about 60 bytes per input
 * byte when each was interned).  So it waits in a bounded table of
 * fingerprints (rc_kp_pending) and is interned at its second mention,
 * its first one re-read then from its run: the counts, first position,
 * turns and forms are those of interning everything, and so are the key
 * phrases.
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

void rc_kp_collector_free(rc_kp_collector *c) {
  rc_free(c->doc->alloc, c->pending.slots);
  rc_free(c->doc->alloc, c->pending.at);
  RC_VEC_FREE(c->doc->alloc, c->turn_starts);
  memset(&c->pending, 0, sizeof c->pending);
}

recap_status rc_kp_sentence_begin(rc_kp_collector *c, uint32_t sentence,
                                  uint32_t cue, size_t off, size_t end) {
  const rc_source *src = &c->doc->src;
  uint32_t speaker =
      cue < src->cues.len ? src->cues.data[cue].speaker : RC_NO_ID;
  recap_status st = RECAP_OK;
  if (speaker != RC_NO_ID && speaker != c->speaker) {
    c->turn++;
    if (c->feed)
      RC_PUSH(st, c->doc->alloc, c->turn_starts, sentence);
  }
  c->speaker = speaker;
  c->sentence = sentence;
  c->sent_off = off;
  c->sent_end = end;
  c->run = 0;
  c->first_token = 1;
  c->join_pending = 0;
  return st;
}

/* ---- phrases seen once (rc_kp_pending) ---------------------------------- */

#define RC_KP_PROBES 16
#define RC_KP_BYTES_PER_SLOT 16
#define RC_KP_MIN_SLOTS 4096

/* A second hash of the key, independent of its rc_hash (splitmix64's
   finaliser over its head, hash and length), never 0. */
static uint32_t fingerprint(const rc_strkey *k) {
  uint64_t x = k->head ^ ((uint64_t)k->hash << 32) ^ (uint64_t)k->n;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  x ^= x >> 31;
  return (uint32_t)(x >> 32) | 1u;
}

/* An entry's first slot, from its fingerprint alone, so that the table
   can grow without the keys. */
static size_t home_slot(const rc_kp_pending *pd, uint32_t fp) {
  return (size_t)(((uint64_t)fp * 0x9E3779B97F4A7C15ull) >> 20) &
         (pd->nslots - 1);
}

/* The sentence where the key waits (and its run's offset in *at), or
   RC_NO_ID. */
static uint32_t pending_find(const rc_kp_pending *pd, const rc_strkey *k,
                             uint32_t *at) {
  if (!pd->nslots)
    return RC_NO_ID;
  uint32_t fp = fingerprint(k);
  size_t mask = pd->nslots - 1, i = home_slot(pd, fp);
  for (size_t probe = 0; probe < RC_KP_PROBES; probe++, i = (i + 1) & mask) {
    uint64_t e = pd->slots[i];
    if (e == 0)
      break;
    if ((uint32_t)(e >> 32) == fp) {
      *at = pd->at[i];
      return (uint32_t)e - 1;
    }
  }
  return RC_NO_ID;
}

/* Puts entry e, at: in the first empty slot of its window, else in place
   of the window's oldest (smallest sentence) entry. */
static void pending_place(rc_kp_pending *pd, uint64_t e, uint32_t at) {
  size_t mask = pd->nslots - 1, i = home_slot(pd, (uint32_t)(e >> 32));
  size_t oldest = i;
  for (size_t probe = 0; probe < RC_KP_PROBES; probe++, i = (i + 1) & mask) {
    if (pd->slots[i] == 0) {
      pd->used++;
      oldest = i;
      break;
    }
    if ((uint32_t)pd->slots[i] < (uint32_t)pd->slots[oldest])
      oldest = i;
  }
  pd->slots[oldest] = e;
  pd->at[oldest] = at;
}

/* Doubles the table, or makes the first one. */
static recap_status pending_grow(rc_kp_collector *c) {
  rc_kp_pending *pd = &c->pending;
  const recap_allocator *a = c->doc->alloc;
  size_t n = pd->nslots ? pd->nslots * 2 : RC_KP_MIN_SLOTS;
  rc_kp_pending grown = {rc_calloc(a, n, sizeof *grown.slots),
                         rc_malloc(a, n * sizeof *grown.at), n, 0,
                         pd->max_slots};
  if (!grown.slots || !grown.at) {
    rc_free(a, grown.slots);
    rc_free(a, grown.at);
    return RECAP_ERR_NOMEM;
  }
  for (size_t i = 0; i < pd->nslots; i++)
    if (pd->slots[i])
      pending_place(&grown, pd->slots[i], pd->at[i]);
  rc_free(a, pd->slots);
  rc_free(a, pd->at);
  *pd = grown;
  return RECAP_OK;
}

/* The table's bound: a power of two, at most one slot per
   RC_KP_BYTES_PER_SLOT bytes of content. */
static size_t pending_bound(const recap_document *doc) {
  size_t n = RC_KP_MIN_SLOTS;
  while (n < doc->src.len / RC_KP_BYTES_PER_SLOT / 2)
    n *= 2;
  return n;
}

/* Key k, mentioned in the run being flushed, waits for a second mention. */
static recap_status pending_add(rc_kp_collector *c, const rc_strkey *k) {
  rc_kp_pending *pd = &c->pending;
  if (!pd->max_slots)
    pd->max_slots = pending_bound(c->doc);
  if ((pd->used + 1) * 4 > pd->nslots * 3 && pd->nslots < pd->max_slots)
    RC_TRY(pending_grow(c));
  size_t at = c->run_off - c->sent_off;
  pending_place(pd,
                (uint64_t)fingerprint(k) << 32 | ((uint64_t)c->sentence + 1),
                c->run_first || at >= UINT32_MAX ? UINT32_MAX : (uint32_t)at);
  return RECAP_OK;
}

/* The turn sentence si was in (rc_kp_collector.turn then). */
static uint32_t turn_at(const rc_kp_collector *c, uint32_t si) {
  size_t lo = 0, hi = c->turn_starts.len;
  while (lo < hi) { /* the number of turns begun at or before si */
    size_t mid = lo + (hi - lo) / 2;
    if (c->turn_starts.data[mid] <= si)
      lo = mid + 1;
    else
      hi = mid;
  }
  return (uint32_t)lo;
}

/* Records the first mention of key k, in sentence si, in the run at
   offset `at` of it, by re-reading that run with a collector that records
   nothing else. */
static recap_status replay_first(rc_kp_collector *c, const rc_strkey *k,
                                 uint32_t si, uint32_t at) {
  recap_document *doc = c->doc;
  size_t off = c->sent_off, end = c->sent_end;
  if (si != c->sentence) { /* else it is not in doc->sents yet */
    const rc_sent *s = &doc->sents.data[si];
    off = rc_sent_off(s);
    end = rc_sent_off(s) + s->len;
  }
  rc_kp_collector r;
  rc_kp_collector_init(&r, doc);
  r.replay = k;
  RC_TRY(rc_kp_sentence_begin(&r, si, RC_NO_ID, off, end));
  r.turn = turn_at(c, si);
  if (at != UINT32_MAX) { /* the run's first token, not the sentence's */
    r.first_token = 0;
    off += at;
  }
  RC_TRY(c->feed(&r, off, end));
  return rc_kp_sentence_end(&r);
}

/* The part of the text sentence si lies in, of RC_KP_PARTS. */
static uint16_t part_of(const recap_document *doc, uint32_t si) {
  size_t n = doc->span_count ? doc->span_count : 1;
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
  rc_strkey key;
  rc_strkey_init(&key, (const char *)(c->stems + i),
                 len_words * sizeof *c->stems);
  if (c->mentions) { /* count mode: the phrases are known already */
    uint32_t id = rc_strtab_find_key(&doc->phrase_keys, &key);
    recap_status st = RECAP_OK;
    if (id != RC_NO_ID)
      RC_PUSH(st, doc->alloc, *c->mentions, c->part << 32 | id);
    return st;
  }
  uint32_t pid = RC_NO_ID;
  if (c->replay) { /* only the first mention of the key re-read */
    if (c->replayed || key.n != c->replay->n ||
        memcmp(key.s, c->replay->s, key.n) != 0)
      return RECAP_OK;
    c->replayed = 1;
  } else if (c->feed &&
             (pid = rc_strtab_find_key(&doc->phrase_keys, &key)) == RC_NO_ID) {
    uint32_t at, first = pending_find(&c->pending, &key, &at);
    if (first != RC_NO_ID)
      RC_TRY(replay_first(c, &key, first, at));
    else if (!alone && !c->run_cjk) /* (a bigram's run is not re-read) */
      return pending_add(c, &key);
  }
  recap_status st;
  RC_RESERVE(st, doc->alloc, doc->phrases, doc->phrases.len + 1);
  if (st == RECAP_OK)
    RC_RESERVE(st, doc->alloc, doc->surfaces, doc->surfaces.len + 1);
  if (st != RECAP_OK)
    return st;
  uint32_t sid;
  int added = 0;
  size_t off = c->offs[i], len = c->ends[j - 1] - c->offs[i];
  /* The words around a mention inside a longer run: a piece always cut
     from the same run ("eastgate charging" of "eastgate charging
     depot") is no phrase of its own. */
  uint32_t around[2] = {i > 0 ? c->stems[i - 1] : RC_NO_ID,
                        j < n ? c->stems[j] : RC_NO_ID};
  uint32_t context = rc_hash(around, sizeof around);
  if (pid == RC_NO_ID) /* (else found above) */
    RC_TRY(rc_strtab_intern_key(&doc->phrase_keys, &key, &pid, &added));
  int new_phrase = added;
  if (added) {
    rc_phrase *p = &doc->phrases.data[doc->phrases.len++];
    memset(p, 0, sizeof *p);
    p->nwords = (uint8_t)len_words;
    p->first_sentence = c->sentence;
    p->surface = RC_NO_ID;
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
  if (new_phrase)
    p->first_surface = sid;
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
static int is_segment(const rc_kp_collector *c, size_t i, size_t j, size_t n) {
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

/* Appends a word to the open run; `first`: the sentence's first token. */
static void append(rc_kp_collector *c, const rc_tok *tok, uint32_t term,
                   uint32_t stem, unsigned char flags, int first) {
  if (c->run == 0) {
    c->run_off = tok->off;
    c->run_first = first;
    c->run_cjk = 0;
  }
  if (tok->kind == RC_TOK_CJK)
    c->run_cjk = 1;
  if (c->run < RC_MAX_RUN) {
    c->stems[c->run] = stem;
    c->terms[c->run] = term;
    c->offs[c->run] = tok->off;
    c->ends[c->run] = word_end(c->doc, tok, term);
    c->modifier[c->run] = flags;
  }
  ++c->run;
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
      append(c, &c->join_tok, c->join_term, c->join_stem, RC_KP_JOINER, 0);
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
    if (capital && !initial && !c->mentions && !c->replay)
      RC_TRY(count_case(doc, tok, term));
    append(c, tok, term, info->stem, flags, first);
    /* Re-reading: a run past RC_MAX_RUN words adds no mention (flush
       holds its first RC_MAX_RUN), so it need not be read to its end. */
    if (c->replay && c->run > RC_MAX_RUN)
      RC_TRY(flush(c));
  }
  return RECAP_OK;
}

recap_status rc_kp_sentence_end(rc_kp_collector *c) {
  c->join_pending = 0;
  return c->run ? flush(c) : RECAP_OK;
}
