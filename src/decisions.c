/*
 * decisions.c - what a meeting decided, and who will do what, by when.
 *
 * Three passes over the sentences, each linear in them:
 *
 * 1. Cues.  The language's cue phrases (stopwords/<language>.cues: decide,
 *    require, group, self, other, ask, propose, agree, assent, option,
 *    task, due ...) become sequences of the document's term ids, chained
 *    by their first term (a phrase with a word the document never uses
 *    cannot match and is left out); each sentence's tokens are matched
 *    against them once, a stutter counted once.  Whether a turn opens by
 *    agreeing ("Sounds good") or by a mere yes ("Yeah") is known from the
 *    same pass.
 *
 * 2. Evidence.  A sentence is a candidate when its language decides ("we
 *    decided", "we're gonna go with"), states what the thing must or will
 *    be ("it has to be curved"), states the group's intent ("we need to",
 *    "let's"), commits or assigns a task ("I'll send", "you're going to
 *    work on", "Tom, could you e-mail ..." when Tom says yes), or proposes
 *    ("what about", "should we") and the next turn, by someone else,
 *    agrees; a statement the next turn says yes to counts a little too.
 *    (Decision detection in meetings has used such cues with agreement
 *    and dialogue structure: Hsueh & Moore 2007 on AMI, Fernandez et al.
 *    2008; action items: Purver et al. 2007.)  The evidence is the sum of
 *    the weights of the kinds of cue present, more when the next turn
 *    says yes, less when it hedges ("maybe"), opens with a condition ("if
 *    we ..."), offers one option among others ("we could"), asks, talks
 *    about the meeting itself ("next slide") or leaves the question open
 *    ("we have to decide whether"); what people outside the decision will
 *    be or have ("the younger people will have") states no requirement;
 *    below RC_MIN_EVIDENCE a sentence is no candidate.  Near the end of
 *    the meeting, where meetings sum up and hand out work, it weighs up
 *    to 1 + RC_END_BOOST times more.  A candidate's score is that
 *    evidence times what it is about:
 *    RC_ABOUT_FLOOR plus the mean of its TextRank and TF-IDF scores over
 *    their maxima (score.c), without the summary's opening prior, as
 *    decisions come late.  A candidate with little content of its own
 *    that agrees ("Okay, let's do that.") stands for the proposal it
 *    answers: the item shows what was decided, not that something was;
 *    and an answer that takes on a request ("Sure, I'll call them
 *    tomorrow") stands for the request.
 *
 * 3. Selection, as the summary's (summary.c, after Lin & Bilmes 2011):
 *    coverage of the document's terms plus RC_ITEM_CENTRALITY times the
 *    score, greedily by gain per square root of length, never two items
 *    whose sentences' TF-IDF cosine reaches RC_REDUNDANCY, at most
 *    `decisions` of each kind.  An item shows the clause of its cue
 *    ("We're not gonna have the LCD anymore", not the run-on sentence
 *    around it), without the discourse words it opens with ("So, okay,").
 *
 * An action is a candidate that commits or assigns a task, or whose group
 * intent has a due time; every other candidate is a decision.  Its owner
 * is the speaker for "I'll ...", the person named before "will" ("Mark
 * will send", "the industrial designer is going to"), or for "you'll ..."
 * and "could you ..." the speaker addressed by name or the one who
 * answers; its due time is the phrase that names one ("by Friday", "on
 * March 14", "by the end of the month").
 */
#include "decisions.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "greedy.h"
#include "segment.h"
#include "summary.h"
#include "terms.h"
#include "tfidf.h"
#include "tokenize.h"
#include "utf8.h"

/* ---- parameters ---------------------------------------------------------- */

/* Evidence weights of the kinds of cue; a sentence's evidence is their
   sum.  A decision cue alone, a statement of what the thing must or will
   be, or two weaker cues, reach RC_MIN_EVIDENCE; a statement agreed to
   needs a cue of its own as well. */
#define RC_W_DECIDE 1.0     /* "we decided", "go with" */
#define RC_W_COMMIT 1.0     /* a task with "I'll", "you're going to" ... */
#define RC_W_PROPOSE 0.8    /* a proposal agreed to */
#define RC_W_GROUP_TASK 0.8 /* "we need to" with a task */
#define RC_W_GROUP 0.5      /* "we need to", "let's" */
/* "It has to be", "will have": what the references list as decided is
   mostly what the product or plan must or will be ("The remote will have
   rubber push buttons"), and the transcript sentences that match them
   best say so in these words ("will" is in 19% of them and 11% of all
   sentences in AMI, 14% / 8% in ICSI).  ROUGE-1 on the decisions dev
   sets, plain text, ami_decisions / icsi_decisions: 0.3 .229 / .220, 0.5
   .231 / .222, 0.65 .234 / .219, 0.8 .240 / .226, 1.0 .243 / .227; with
   1.5 for decision cues as well, .239 / .223.  The price: more
   predictions pass ("it will be still more expensive"); those whose
   subject is a third party ("the younger people will have newer
   televisions") are left out (said_of_others). */
#define RC_W_REQUIRE 1.0
#define RC_W_CONFIRMED 0.4 /* a statement agreed to */
/* Multipliers: the next turn says yes; hedged; opens with a condition;
   what decides in a question (only a proposal agreed to decides there);
   an option not agreed to; about the meeting itself (unless it names a
   due time); when the meeting meets ("next meeting will be in thirty
   minutes", which names a due time and is no item even when agreed to);
   an open question. */
#define RC_AGREED 1.3
#define RC_HEDGED 0.4
#define RC_CONDITIONAL 0.3
#define RC_UNANSWERED 0.3
#define RC_OPTION 0.4
#define RC_META 0.3
#define RC_SCHED 0.1
#define RC_OPEN 0.3
/* Least evidence of a candidate.  ROUGE-1 on the decisions dev sets
   (ami_decisions / icsi_decisions, plain text; the figures of this
   header are all within the sets' confidence intervals, +-.009 / +-.02):
   0.6 .225 / .214, 0.8 .227 / .217, 1.0 .223 / .217.  Below 0.8 a lone
   "we'll" or "let's" passes, which reads as chatter. */
#define RC_MIN_EVIDENCE 0.8
/* The last RC_END_SPAN of the meeting weighs up to 1 + RC_END_BOOST times
   more, rising linearly to the end (reference decisions of AMI's dev
   meetings are three times as often said in the last tenth as in a tenth
   of the middle; ICSI's are spread evenly).  ROUGE-1: boost 0 .225 /
   .214, 1 .227 / .217, 2 .226 / .217. */
#define RC_END_SPAN 0.2
#define RC_END_BOOST 1.0
/* A score is (RC_ABOUT_FLOOR + what the sentence is about) x evidence:
   the floor keeps a short commitment ("I'll send Dana the slides today")
   from losing to every long sentence with a weaker cue.  ROUGE-1: floor 0
   .227 / .215, 0.3 .227 / .217, 1 .225 / .217. */
#define RC_ABOUT_FLOOR 0.3
/* Agreement opens a reply when it starts within its first RC_AGREE_AT
   words ("Yeah, yeah, sounds good"); a condition opens a sentence when it
   starts within RC_COND_AT words after the discourse words ("I think that
   if we ..."). */
#define RC_AGREE_AT 3
#define RC_COND_AT 4
/* The next turn answers a sentence when it starts within this many
   sentences. */
#define RC_REPLY_SPAN 4
/* A candidate with fewer content words than this stands for the proposal
   it agrees to, the nearest sentence of another turn with that many
   within RC_PROPOSAL_SPAN before it, or is dropped. */
#define RC_ITEM_MIN_CONTENT 3
#define RC_PROPOSAL_SPAN 4
/* Weight of the score against coverage in the selection, as summary.c's
   RC_CENTRALITY_WEIGHT: the best candidate is worth this many average
   sentences' coverage.  ROUGE-1: 3 .229 / .217, 10 .227 / .217, 30 .216 /
   .213. */
#define RC_ITEM_CENTRALITY 10.0
/* A clause shown as an item has at least this many words (else the next
   clause joins it). */
#define RC_CLAUSE_MIN_WORDS 6
/* Most words of a name before "will" ("Linda Chen will"). */
#define RC_NAME_WORDS 3

/* ---- cues ---------------------------------------------------------------- */

typedef struct cue {
  uint32_t first; /* its words: ct->words[first .. first + len) */
  uint32_t len;
  uint32_t next; /* the next cue starting with the same term, or RC_NO_ID */
  unsigned kinds;
} cue;

typedef struct cuetab {
  cue *cues;
  size_t n;
  uint32_t *words; /* term ids */
  uint32_t *head;  /* per term: its first cue, or RC_NO_ID */
  size_t nterms;
} cuetab;

static void cuetab_free(const recap_allocator *a, cuetab *ct) {
  rc_free(a, ct->cues);
  rc_free(a, ct->words);
  rc_free(a, ct->head);
}

/* The language's cues as term sequences of this document (the caller
   frees ct, also on failure). */
static recap_status cuetab_build(const recap_document *doc, cuetab *ct) {
  const rc_wordlist *l = &doc->lang->cues;
  const recap_allocator *a = doc->alloc;
  size_t words = 0;
  ct->nterms = doc->terms.count;
  for (size_t i = 0; i < l->count; i++) {
    words++;
    for (const char *p = rc_wordlist_at(l, i); *p; p++)
      words += *p == ' ';
  }
  ct->cues = rc_calloc(a, l->count ? l->count : 1, sizeof *ct->cues);
  ct->words = rc_calloc(a, words ? words : 1, sizeof *ct->words);
  ct->head = rc_calloc(a, ct->nterms ? ct->nterms : 1, sizeof *ct->head);
  if (!ct->cues || !ct->words || !ct->head)
    return RECAP_ERR_NOMEM;
  for (size_t t = 0; t < ct->nterms; t++)
    ct->head[t] = RC_NO_ID;
  size_t used = 0;
  for (size_t i = 0; i < l->count; i++) {
    const char *p = rc_wordlist_at(l, i);
    size_t first = used;
    int known = 1;
    while (known && *p) {
      const char *sp = strchr(p, ' ');
      size_t n = sp ? (size_t)(sp - p) : strlen(p);
      /* Cue words are stored folded, as the document's terms are keyed. */
      uint32_t term = rc_strtab_find(&doc->terms, p, n);
      known = term != RC_NO_ID;
      ct->words[used++] = term;
      p += n + (sp != NULL);
    }
    if (!known) {
      used = first;
      continue;
    }
    cue *c = &ct->cues[ct->n];
    c->first = (uint32_t)first;
    c->len = (uint32_t)(used - first);
    c->kinds = doc->lang->cue_kinds[i];
    c->next = ct->head[ct->words[first]];
    ct->head[ct->words[first]] = (uint32_t)ct->n++;
  }
  return RECAP_OK;
}

/* Kinds of the one-word cue that is term t (0 if none). */
static unsigned word_kinds(const cuetab *ct, uint32_t t) {
  if (t == RC_NO_ID || t >= ct->nterms)
    return 0;
  for (uint32_t c = ct->head[t]; c != RC_NO_ID; c = ct->cues[c].next)
    if (ct->cues[c].len == 1)
      return ct->cues[c].kinds;
  return 0;
}

/* ---- tokens and matching ------------------------------------------------- */

typedef struct token {
  rc_tok tok;
  uint32_t term; /* or RC_NO_ID */
} token;

typedef RC_VEC(token) tokvec;

/* The tokens of t[b, e) (the document's content, or another text) with
   their terms, into tv (reused: no allocation per token once it has
   grown).  With `repeats` 0, a word or two said twice in a row is kept
   once ("you could you could change it", "the the cold"), so that a cue
   cannot straddle a stutter ("could you"). */
static recap_status tokens_of(recap_document *doc, const char *t, size_t b,
                              size_t e, int repeats, tokvec *tv) {
  rc_tokenizer tz;
  rc_tok tok;
  tv->len = 0;
  rc_tokenizer_init(&tz, t, b, e, doc->lang);
  while (rc_tokenizer_next(&tz, &tok)) {
    token x;
    recap_status st;
    x.tok = tok;
    RC_TRY(rc_term_find(doc, &doc->norm, t, &tok, &x.term));
    size_t n = tv->len;
    if (!repeats && x.term != RC_NO_ID) {
      const token *v = tv->data;
      if (n >= 1 && v[n - 1].term == x.term)
        continue; /* "the the" */
      if (n >= 3 && v[n - 2].term == x.term && v[n - 3].term == v[n - 1].term) {
        tv->len--; /* "you could you could": drop the second "you" */
        continue;
      }
    }
    RC_PUSH(st, doc->alloc, *tv, x);
    if (st != RECAP_OK)
      return st;
  }
  return RECAP_OK;
}

/* Does cue c, whose first word is token p's, match the tokens from p? */
static int cue_at(const cuetab *ct, const tokvec *tv, size_t p, const cue *c) {
  if (p + c->len > tv->len)
    return 0;
  uint32_t j = 1;
  while (j < c->len && tv->data[p + j].term == ct->words[c->first + j])
    j++;
  return j == c->len;
}

/* Calls fn(user, tv, p, cue) for every cue matching at every token p. */
typedef void (*match_fn)(void *user, const tokvec *tv, size_t p, const cue *c);

static void match_cues(const cuetab *ct, const tokvec *tv, match_fn fn,
                       void *user) {
  for (size_t p = 0; p < tv->len; p++) {
    uint32_t t = tv->data[p].term;
    if (t == RC_NO_ID || t >= ct->nterms)
      continue;
    for (uint32_t k = ct->head[t]; k != RC_NO_ID; k = ct->cues[k].next)
      if (cue_at(ct, tv, p, &ct->cues[k]))
        fn(user, tv, p, &ct->cues[k]);
  }
}

static int is_number_token(const token *x, const char *text) {
  return x->tok.kind == RC_TOK_NUMBER ||
         (x->tok.len && text[x->tok.off] >= '0' && text[x->tok.off] <= '9');
}

/* Is cue c at token p a month that names a due time: after a 'by' word
   ("in April") or before a day ("March 14")? */
static int is_due_month(const cuetab *ct, const tokvec *tv, const char *text,
                        size_t p, const cue *c) {
  if (!(c->kinds & RC_CUE_MONTH))
    return 0;
  return (p > 0 && (word_kinds(ct, tv->data[p - 1].term) & RC_CUE_BY)) ||
         (p + c->len < tv->len && is_number_token(&tv->data[p + c->len], text));
}

/* ---- speakers' names ----------------------------------------------------- */

/* The words of the speakers' names as terms: (term, speaker) pairs sorted
   by term, one per term; a word of several names names nobody (RC_NO_ID). */
typedef struct name_word {
  uint32_t term;
  uint32_t speaker;
} name_word;

typedef struct names {
  name_word *w;
  size_t n;
} names;

static int by_term(const void *x, const void *y) {
  const name_word *a = x, *b = y;
  if (a->term != b->term)
    return a->term < b->term ? -1 : 1;
  return (a->speaker > b->speaker) - (a->speaker < b->speaker);
}

static recap_status names_build(recap_document *doc, tokvec *tv, names *nm) {
  const rc_strtab *sp = &doc->src.speakers;
  size_t cap = 0;
  for (uint32_t i = 0; i < sp->count; i++) {
    size_t len;
    const char *name = rc_strtab_str(sp, i, &len);
    RC_TRY(tokens_of(doc, name, 0, len, 1, tv));
    for (size_t k = 0; k < tv->len; k++) {
      if (tv->data[k].term == RC_NO_ID || tv->data[k].tok.kind != RC_TOK_WORD)
        continue;
      if (nm->n == cap) {
        size_t c = cap ? cap * 2 : 16;
        name_word *w = rc_realloc(doc->alloc, nm->w, c * sizeof *w);
        if (!w)
          return RECAP_ERR_NOMEM;
        nm->w = w;
        cap = c;
      }
      nm->w[nm->n].term = tv->data[k].term;
      nm->w[nm->n++].speaker = i;
    }
  }
  if (nm->n)
    qsort(nm->w, nm->n, sizeof *nm->w, by_term);
  size_t out = 0;
  for (size_t i = 0; i < nm->n; i++) {
    if (out && nm->w[out - 1].term == nm->w[i].term) {
      if (nm->w[out - 1].speaker != nm->w[i].speaker)
        nm->w[out - 1].speaker = RC_NO_ID;
      continue;
    }
    nm->w[out++] = nm->w[i];
  }
  nm->n = out;
  return RECAP_OK;
}

/* The speaker whose name has term t: an id, RC_NO_ID if several names
   have it, NOT_A_NAME if none. */
#define NOT_A_NAME (RC_NO_ID - 1)
static uint32_t name_speaker(const names *nm, uint32_t t) {
  if (t == RC_NO_ID)
    return NOT_A_NAME;
  size_t lo = 0, hi = nm->n;
  while (lo < hi) {
    size_t m = lo + (hi - lo) / 2;
    if (nm->w[m].term < t)
      lo = m + 1;
    else
      hi = m;
  }
  return lo < nm->n && nm->w[lo].term == t ? nm->w[lo].speaker : NOT_A_NAME;
}

static int one_speaker(uint32_t who) {
  return who != NOT_A_NAME && who != RC_NO_ID;
}

/* Is there a comma in t[b, e)? */
static int comma_in(const char *t, size_t b, size_t e) {
  for (; b < e; b++)
    if (t[b] == ',')
      return 1;
  return 0;
}

/* The speaker tokens tv address by name ("Tom, could you ...", "... on
   Friday, Tom?"): a capitalised name of one speaker other than `self`,
   first or last, set off by a comma.  RC_NO_ID if none. */
static uint32_t addressed(const names *nm, const tokvec *tv, const char *t,
                          uint32_t self) {
  for (size_t k = 0; k < tv->len; k++) {
    const token *x = &tv->data[k];
    uint32_t who = name_speaker(nm, x->term);
    if (!(x->tok.flags & RC_TOK_CAP) || !one_speaker(who) || who == self)
      continue;
    size_t a = k, z = k; /* the whole name */
    while (a > 0 && name_speaker(nm, tv->data[a - 1].term) == who)
      a--;
    while (z + 1 < tv->len && name_speaker(nm, tv->data[z + 1].term) == who)
      z++;
    const token *end = &tv->data[z];
    if (a == 0 && (z + 1 == tv->len || comma_in(t, end->tok.off + end->tok.len,
                                                tv->data[z + 1].tok.off)))
      return who;
    if (z + 1 == tv->len && a > 0 &&
        comma_in(t, tv->data[a - 1].tok.off + tv->data[a - 1].tok.len,
                 tv->data[a].tok.off))
      return who;
    k = z;
  }
  return RC_NO_ID;
}

/* ---- pass 1: each sentence's cues ---------------------------------------- */

typedef struct evid {
  unsigned kinds;   /* RC_CUE_* found in it (a month only as a due time) */
  int opens_agree;  /* it opens with agreement ("Sounds good", "Yeah,
                       let's do that") */
  int opens_assent; /* ... or at least a yes ("Yeah", "Okay") */
  int opens_cond;   /* it opens with a condition ("So I think if we") */
  int named;        /* it addresses another speaker ("Tom, ...") */
  int assigned;     /* another speaker's name, or a capitalised word, before
                       "will" ("the industrial designer will", "Jen is
                       going to") */
} evid;

typedef struct kinds_scan {
  const recap_document *doc;
  const cuetab *ct;
  const names *nm;
  const char *text;
  uint32_t self;
  size_t opening; /* first token that is not a filler */
  size_t body;    /* first token that is not a filler or a lead word */
  evid *ev;
} kinds_scan;

static int clause_starts(const cuetab *ct, const tokvec *tv, const char *t,
                         size_t p);

/* Is token p in a clause that a condition or contrast opens ("..., while
   at the same time skills will be learned")?  What it says will be is
   then no decision. */
static int in_subordinate_clause(const kinds_scan *k, const tokvec *tv,
                                 size_t p) {
  size_t first = p;
  while (first > 0 && !clause_starts(k->ct, tv, k->text, first))
    first--;
  return first > 0 && (word_kinds(k->ct, tv->data[first].term) & RC_CUE_COND);
}

/* Is the word right before the cue at token p a third party ("the younger
   people will have", "they should be")?  What it will be is then a
   prediction about others, not what the meeting decides. */
static int said_of_others(const kinds_scan *k, const tokvec *tv, size_t p) {
  return p > 0 && (word_kinds(k->ct, tv->data[p - 1].term) & RC_CUE_PARTY);
}

static void on_kinds(void *user, const tokvec *tv, size_t p, const cue *c) {
  kinds_scan *k = user;
  unsigned kinds = c->kinds & ~(unsigned)(RC_CUE_MONTH | RC_CUE_PARTY);
  if ((kinds & RC_CUE_REQUIRE) &&
      (in_subordinate_clause(k, tv, p) || said_of_others(k, tv, p)))
    kinds &= ~(unsigned)RC_CUE_REQUIRE;
  k->ev->kinds |= kinds;
  if (is_due_month(k->ct, tv, k->text, p, c))
    k->ev->kinds |= RC_CUE_DUE;
  if (p == k->opening && (c->kinds & (RC_CUE_AGREE | RC_CUE_ASSENT)))
    k->ev->opens_assent = 1;
  /* Agreement opens a reply, after a yes or two ("Yeah, sounds good"). */
  if (p >= k->opening && p < k->opening + RC_AGREE_AT &&
      (c->kinds & RC_CUE_AGREE)) {
    k->ev->opens_agree = 1;
    k->ev->opens_assent = 1;
  }
  if (p >= k->body && p < k->body + RC_COND_AT && (c->kinds & RC_CUE_COND))
    k->ev->opens_cond = 1;
  if ((c->kinds & RC_CUE_FUTURE) && p > 0 &&
      !comma_in(k->text, tv->data[p - 1].tok.off + tv->data[p - 1].tok.len,
                tv->data[p].tok.off)) {
    /* "the industrial designer will", "Jen is going to" */
    const token *x = &tv->data[p - 1];
    uint32_t who = name_speaker(k->nm, x->term);
    unsigned f =
        x->term == RC_NO_ID ? 0 : k->doc->term_info.data[x->term].flags;
    if ((one_speaker(who) && who != k->self) ||
        (who == NOT_A_NAME && x->tok.kind == RC_TOK_WORD &&
         (x->tok.flags & RC_TOK_CAP) &&
         !(f & (RC_TERM_STOP | RC_TERM_FILLER | RC_TERM_BACKCH))))
      k->ev->assigned = 1;
  }
}

static uint32_t speaker_of(const recap_document *doc, size_t i) {
  return doc->src.cues.data[doc->sents.data[i].cue_first].speaker;
}

/* The length of the longest lead cue at token p ("so", "i think"), 0 if
   none. */
static size_t lead_at(const cuetab *ct, const tokvec *tv, size_t p) {
  uint32_t t = tv->data[p].term;
  size_t best = 0;
  if (t == RC_NO_ID || t >= ct->nterms)
    return 0;
  for (uint32_t k = ct->head[t]; k != RC_NO_ID; k = ct->cues[k].next) {
    const cue *c = &ct->cues[k];
    if ((c->kinds & RC_CUE_LEAD) && c->len > best && cue_at(ct, tv, p, c))
      best = c->len;
  }
  return best;
}

/* The first token at or after p that is not a filler (nor, with `lead`,
   in a lead cue: "so", "i think"). */
static size_t skip_openers(const recap_document *doc, const cuetab *ct,
                           const tokvec *tv, size_t p, int lead) {
  while (p < tv->len) {
    uint32_t t = tv->data[p].term;
    if (t == RC_NO_ID)
      break;
    if (doc->term_info.data[t].flags & RC_TERM_FILLER) {
      p++;
      continue;
    }
    size_t n = lead ? lead_at(ct, tv, p) : 0;
    if (n == 0)
      break;
    p += n;
  }
  return p;
}

static recap_status find_cues(recap_document *doc, const cuetab *ct,
                              const names *nm, tokvec *tv, evid *ev) {
  for (size_t i = 0; i < doc->sents.len; i++) {
    const rc_sent *s = &doc->sents.data[i];
    RC_TRY(tokens_of(doc, doc->src.text, rc_sent_off(s),
                     rc_sent_off(s) + s->len, 0, tv));
    kinds_scan k;
    k.doc = doc;
    k.ct = ct;
    k.nm = nm;
    k.text = doc->src.text;
    k.self = speaker_of(doc, i);
    k.opening = skip_openers(doc, ct, tv, 0, 0);
    k.body = skip_openers(doc, ct, tv, k.opening, 1);
    k.ev = &ev[i];
    match_cues(ct, tv, on_kinds, &k);
    ev[i].named = addressed(nm, tv, doc->src.text, k.self) != RC_NO_ID;
  }
  return RECAP_OK;
}

/* ---- pass 2: evidence and candidates ------------------------------------- */

typedef struct cand {
  double score;
  uint32_t cue_sent; /* the sentence with the cue */
  uint32_t src;      /* the sentence whose text the item shows */
  uint32_t settled;  /* the last sentence of it: the cue, or the reply
                        that agreed to it */
  int action;
} cand;

/* Do sentences i and j belong to different turns (different speakers, or
   without speakers, different cues: lines of a plain transcript)? */
static int other_turn(const recap_document *doc, size_t i, size_t j) {
  uint32_t a = speaker_of(doc, i), b = speaker_of(doc, j);
  if (a != RC_NO_ID || b != RC_NO_ID)
    return a != b;
  size_t lo = i < j ? i : j, hi = i < j ? j : i;
  return doc->sents.data[hi].cue_first > rc_sent_cue_last(&doc->sents.data[lo]);
}

/* The first sentence of the next turn after i, within RC_REPLY_SPAN, or
   SIZE_MAX. */
static size_t reply_to(const recap_document *doc, size_t i) {
  for (size_t j = i + 1; j < doc->sents.len && j <= i + RC_REPLY_SPAN; j++)
    if (other_turn(doc, i, j))
      return j;
  return SIZE_MAX;
}

/* Does the next turn agree to sentence i ("Sounds good"), or at least
   say yes ("Yeah"; also a mere acknowledgement)? */
static int agreed_to(const recap_document *doc, const evid *ev, size_t i) {
  size_t r = reply_to(doc, i);
  return r != SIZE_MAX && ev[r].opens_agree;
}

static int assented_to(const recap_document *doc, const evid *ev, size_t i) {
  size_t r = reply_to(doc, i);
  return r != SIZE_MAX && ev[r].opens_assent;
}

static int has_content(const rc_sent *s) {
  return s->content >= RC_ITEM_MIN_CONTENT && !(s->flags & RC_SENT_BACKCHANNEL);
}

/* The evidence that sentence i states a decision or an action, 0 if too
   little; *action says which. */
static double evidence(const recap_document *doc, const evid *ev, size_t i,
                       int *action) {
  unsigned k = ev[i].kinds;
  const rc_sent *s = &doc->sents.data[i];
  int agreed = agreed_to(doc, ev, i), assented = assented_to(doc, ev, i);
  int question = (s->flags & RC_SENT_QUESTION) != 0;
  int task = (k & (RC_CUE_TASK | RC_CUE_DUE)) != 0;
  int commits = task && ((k & (RC_CUE_SELF | RC_CUE_OTHER)) || ev[i].assigned ||
                         ((k & RC_CUE_ASK) && (assented || ev[i].named)));
  /* What decides: its own words, weaker when they offer an option ("we
     could go with ...") and void in a question ("why are you sticking
     with ...?"), unless the proposal is agreed to. */
  double decide = 0;
  if (k & RC_CUE_DECIDE)
    decide += RC_W_DECIDE;
  if (k & RC_CUE_GROUP)
    decide += task ? RC_W_GROUP_TASK : RC_W_GROUP;
  if (k & RC_CUE_REQUIRE)
    decide += RC_W_REQUIRE;
  if (assented && has_content(s))
    decide += RC_W_CONFIRMED;
  if ((k & RC_CUE_OPTION) && !agreed)
    decide *= RC_OPTION;
  if (question)
    decide *= RC_UNANSWERED;
  if ((k & RC_CUE_PROPOSE) && agreed)
    decide += RC_W_PROPOSE;
  double w = decide + (commits ? RC_W_COMMIT : 0);
  *action = commits ||
            ((k & RC_CUE_GROUP) && (k & RC_CUE_DUE) && !(k & RC_CUE_DECIDE));
  if (assented)
    w *= RC_AGREED;
  if (k & RC_CUE_HEDGE)
    w *= RC_HEDGED;
  if (ev[i].opens_cond)
    w *= RC_CONDITIONAL;
  if ((k & RC_CUE_META) && !(k & RC_CUE_DUE))
    w *= RC_META;
  if (k & RC_CUE_SCHED)
    w *= RC_SCHED;
  if (k & RC_CUE_OPEN)
    w *= RC_OPEN;
  if (w < RC_MIN_EVIDENCE)
    return 0;
  double n = (double)doc->sents.len;
  double x =
      n > 1 ? ((double)i / (n - 1) - (1 - RC_END_SPAN)) / RC_END_SPAN : 0;
  if (x > 0)
    w *= 1 + RC_END_BOOST * x;
  return w;
}

/* The proposal a thin candidate i agrees to ("Okay, let's do that.",
   "Yeah, we'll go with that."): the nearest sentence before it, within
   RC_PROPOSAL_SPAN, of another turn, with content of its own, and not a
   question unless it proposes; SIZE_MAX if i does not agree or there is
   none. */
static size_t proposal(const recap_document *doc, const evid *ev, size_t i) {
  if (!ev[i].opens_agree && !(ev[i].kinds & RC_CUE_DECIDE))
    return SIZE_MAX;
  for (size_t j = i; j-- > 0 && i - j <= RC_PROPOSAL_SPAN;) {
    const rc_sent *s = &doc->sents.data[j];
    if (!other_turn(doc, j, i) || !has_content(s))
      continue;
    if ((s->flags & RC_SENT_QUESTION) &&
        !(ev[j].kinds & (RC_CUE_PROPOSE | RC_CUE_DECIDE | RC_CUE_GROUP)))
      return SIZE_MAX;
    return j;
  }
  return SIZE_MAX;
}

/* An action i that answers a request ("Omar, could you call the water
   company?" - "Sure, I'll call them tomorrow."): the two are one action,
   shown as the request, owned and dated by the answer.  Returns the
   request, or src if i answers none. */
static size_t request(const recap_document *doc, const evid *ev, size_t i,
                      size_t src) {
  for (size_t j = i; j-- > 0 && i - j <= RC_PROPOSAL_SPAN;) {
    if (!other_turn(doc, j, i))
      continue;
    if ((ev[j].kinds & (RC_CUE_ASK | RC_CUE_OTHER)) && reply_to(doc, j) == i &&
        has_content(&doc->sents.data[j]))
      return j;
    break;
  }
  return src;
}

/* What a sentence is about, without the opening's prior: the mean of its
   TextRank and TF-IDF scores, each over its maximum (as score.c fuses
   them; only TF-IDF with that scorer, which computes no TextRank). */
static double about(const recap_document *doc, size_t i, double max_rank,
                    double max_tfidf) {
  double v = 0, n = 0;
  if (max_rank > 0) {
    v += doc->sent_ranks.data[i] / max_rank;
    n++;
  }
  if (max_tfidf > 0) {
    v += doc->sent_tfidf.data[i] / max_tfidf;
    n++;
  }
  return n > 0 ? v / n : 0;
}

/* The candidates, with their scores, into out; returns how many, the best
   score in *top. */
static size_t candidates(const recap_document *doc, const evid *ev, cand *out,
                         double *top) {
  size_t n = doc->sents.len, nc = 0;
  double max_rank = 0, max_tfidf = 0;
  for (size_t i = 0; i < n; i++) {
    if (doc->sent_ranks.data[i] > max_rank)
      max_rank = doc->sent_ranks.data[i];
    if (doc->sent_tfidf.data[i] > max_tfidf)
      max_tfidf = doc->sent_tfidf.data[i];
  }
  *top = 0;
  for (size_t i = 0; i < n; i++) {
    int action;
    double e = evidence(doc, ev, i, &action);
    if (e <= 0)
      continue;
    size_t src = has_content(&doc->sents.data[i]) ? i : proposal(doc, ev, i);
    if (action)
      src = request(doc, ev, i, src);
    if (src == SIZE_MAX)
      continue;
    cand *c = &out[nc++];
    size_t r = reply_to(doc, i);
    c->cue_sent = (uint32_t)i;
    c->src = (uint32_t)src;
    c->settled = (uint32_t)(r != SIZE_MAX && ev[r].opens_assent ? r : i);
    c->action = action;
    c->score = (RC_ABOUT_FLOOR + about(doc, src, max_rank, max_tfidf)) * e;
    if (c->score > *top)
      *top = c->score;
  }
  return nc;
}

/* ---- pass 3: selection --------------------------------------------------- */

typedef struct selector {
  const recap_document *doc;
  double *w;              /* concept weight per stem */
  unsigned char *covered; /* per stem */
  double centrality;
  const cand *cands;
} selector;

/* What adding candidate id would add to the objective, per unit of
   cost. */
static double gain(const void *ctx, uint32_t id) {
  const selector *sel = ctx;
  const cand *c = &sel->cands[id];
  const rc_sent *s = &sel->doc->sents.data[c->src];
  const rc_tf *t = s->nterms ? sel->doc->sent_terms.data + s->terms : NULL;
  double g = sel->centrality * c->score;
  for (uint32_t k = 0; k < s->nterms; k++)
    if (!sel->covered[t[k].stem])
      g += sel->w[t[k].stem];
  return g / sqrt(s->words ? (double)s->words : 1.0);
}

static void cover(selector *sel, const cand *c) {
  const rc_sent *s = &sel->doc->sents.data[c->src];
  for (uint32_t k = 0; k < s->nterms; k++)
    sel->covered[sel->doc->sent_terms.data[s->terms + k].stem] = 1;
}

static size_t item_limit(const recap_document *doc) {
  size_t n = doc->sents.len;
  if (doc->opt.decisions)
    return doc->opt.decisions < n ? doc->opt.decisions : n;
  size_t k = n / RC_SENTENCES_PER_ITEM;
  return k < RC_ITEMS_MIN ? RC_ITEMS_MIN : k > RC_ITEMS_MAX ? RC_ITEMS_MAX : k;
}

/* Candidates in the order of the sentence they show, then of their cue:
   the heap's tie-break by id is then the earlier sentence. */
static int cand_by_position(const void *x, const void *y) {
  const cand *a = x, *b = y;
  if (a->src != b->src)
    return a->src < b->src ? -1 : 1;
  return (a->cue_sent > b->cue_sent) - (a->cue_sent < b->cue_sent);
}

/* Chooses at most `limit` of each kind of cands[0..nc) into
   chosen[0..*k), using heap (nc entries). */
static recap_status select_items(const recap_document *doc, cand *cands,
                                 rc_greedy *heap, size_t nc, double top,
                                 size_t limit, cand *chosen, size_t *k) {
  const recap_allocator *a = doc->alloc;
  size_t nst = doc->stem_info.len ? doc->stem_info.len : 1;
  selector sel;
  sel.doc = doc;
  sel.cands = cands;
  sel.w = rc_calloc(a, nst, sizeof *sel.w);
  sel.covered = rc_calloc(a, nst, 1);
  /* Per kind, the chosen items' sentences; per sentence, whether an item
     shows it. */
  rc_chosen kind[2];
  recap_status st = rc_chosen_init(&kind[0], doc, 0, doc->sents.len);
  recap_status st1 = rc_chosen_init(&kind[1], doc, 0, doc->sents.len);
  uint8_t *shown = rc_calloc(a, doc->sents.len ? doc->sents.len : 1, 1);
  if (st == RECAP_OK)
    st = st1;
  if (st == RECAP_OK && (!sel.w || !sel.covered || !shown))
    st = RECAP_ERR_NOMEM;
  *k = 0;
  if (st == RECAP_OK) {
    double total = 0;
    for (size_t t = 0; t < doc->stem_info.len; t++) {
      sel.w[t] = rc_word_weight(&doc->stem_info.data[t]);
      total += sel.w[t];
    }
    /* Scores are over the best candidate's. */
    sel.centrality =
        top > 0 ? RC_ITEM_CENTRALITY * total / (double)doc->sents.len / top : 0;
    qsort(cands, nc, sizeof *cands, cand_by_position);
    for (size_t i = 0; i < nc; i++)
      heap[i].id = (uint32_t)i;
    rc_greedy_init(heap, nc, gain, &sel);
    size_t got[2] = {0, 0};
    rc_greedy best;
    while ((got[0] < limit || got[1] < limit) &&
           rc_greedy_pop(heap, &nc, gain, &sel, &best)) {
      cand c = cands[best.id];
      if (got[c.action] >= limit)
        continue;
      /* A decision and an action may share their object ("we're going
         with cedar", "we need to order the cedar boards"); two items of a
         kind may not, nor two items show one sentence. */
      if (shown[c.src] || rc_chosen_near(&kind[c.action], c.src))
        continue;
      if ((st = rc_chosen_add(&kind[c.action], c.src)) != RECAP_OK)
        break;
      shown[c.src] = 1;
      cover(&sel, &c);
      chosen[(*k)++] = c;
      got[c.action]++;
    }
  }
  rc_free(a, sel.w);
  rc_free(a, sel.covered);
  rc_free(a, shown);
  rc_chosen_free(&kind[0]);
  rc_chosen_free(&kind[1]);
  return st;
}

/* ---- items: text --------------------------------------------------------- */

/* Cues that anchor an item, its clause being theirs: of a decision, and
   of an action ("So we decided to go with route 12, and I'll send the
   plan by Friday" holds one of each). */
#define RC_DECISION_ANCHORS                                                    \
  (RC_CUE_DECIDE | RC_CUE_REQUIRE | RC_CUE_GROUP | RC_CUE_PROPOSE)
#define RC_ACTION_ANCHORS                                                      \
  (RC_CUE_SELF | RC_CUE_OTHER | RC_CUE_ASK | RC_CUE_FUTURE | RC_CUE_GROUP)

typedef struct anchor_scan {
  unsigned want;
  size_t first; /* first token of a wanted anchor */
  size_t any;   /* first token of any anchor */
} anchor_scan;

static void on_anchor(void *user, const tokvec *tv, size_t p, const cue *c) {
  anchor_scan *a = user;
  if ((c->kinds & a->want) && p < a->first)
    a->first = p;
  if ((c->kinds & (RC_DECISION_ANCHORS | RC_ACTION_ANCHORS)) && p < a->any)
    a->any = p;
  (void)tv;
}

/* Does a new clause start at token p: after a semicolon or a dash, or
   after a comma or colon when p opens a clause ("and", "which")? */
static int clause_starts(const cuetab *ct, const tokvec *tv, const char *t,
                         size_t p) {
  if (p == 0)
    return 0;
  size_t b = tv->data[p - 1].tok.off + tv->data[p - 1].tok.len;
  size_t e = tv->data[p].tok.off;
  int comma = 0;
  for (size_t i = b; i < e; i++) {
    unsigned char c = (unsigned char)t[i];
    if (c == ';' || (c == '-' && i > b && t[i - 1] == ' '))
      return 1;
    if (c == 0xE2 && i + 2 < e && (unsigned char)t[i + 1] == 0x80 &&
        ((unsigned char)t[i + 2] == 0x93 || (unsigned char)t[i + 2] == 0x94))
      return 1; /* an en or em dash */
    comma |= c == ',' || c == ':';
  }
  return comma && (word_kinds(ct, tv->data[p].term) & RC_CUE_CLAUSE);
}

/* The end of the closing quotes and brackets right after offset e (before
   `limit`): a clause cut after `“... Ability”,` keeps its `”`. */
static size_t closing_marks_end(const char *t, size_t e, size_t limit) {
  while (e < limit) {
    size_t n = rc_utf8_seqlen((const unsigned char *)t + e, limit - e);
    if (n == 0 ||
        !rc_closing_mark(rc_utf8_decode((const unsigned char *)t + e, n)))
      break;
    e += n;
  }
  return e;
}

/* The content range [*b, *e) an item shows of sentence i: the clause of
   its first anchor cue of the item's kind (or of any), with the clauses after
   it while it is thin (fewer than RC_CLAUSE_MIN_WORDS words or
   RC_ITEM_MIN_CONTENT content words); the whole sentence without an anchor.
   *cut: the range ends before the sentence does. */
static recap_status item_range(recap_document *doc, const cuetab *ct,
                               tokvec *tv, size_t i, int action, size_t *b,
                               size_t *e, int *cut) {
  const rc_sent *s = &doc->sents.data[i];
  const char *t = doc->src.text;
  *b = rc_sent_off(s);
  *e = rc_sent_off(s) + s->len;
  *cut = 0;
  RC_TRY(tokens_of(doc, t, rc_sent_off(s), rc_sent_off(s) + s->len, 0, tv));
  anchor_scan a = {action ? RC_ACTION_ANCHORS : RC_DECISION_ANCHORS, SIZE_MAX,
                   SIZE_MAX};
  match_cues(ct, tv, on_anchor, &a);
  size_t anchor = a.first != SIZE_MAX ? a.first : a.any;
  if (anchor == SIZE_MAX)
    return RECAP_OK;
  size_t first = anchor;
  while (first > 0 && !clause_starts(ct, tv, t, first))
    first--;
  size_t last = anchor, words = 0, content = 0;
  for (size_t p = first; p < tv->len; p++) {
    if (p > anchor && clause_starts(ct, tv, t, p) &&
        words >= RC_CLAUSE_MIN_WORDS && content >= RC_ITEM_MIN_CONTENT)
      break;
    uint32_t term = tv->data[p].term;
    unsigned f =
        term == RC_NO_ID ? RC_TERM_STOP : doc->term_info.data[term].flags;
    words++;
    content += !(f & (RC_TERM_STOP | RC_TERM_FILLER | RC_TERM_CUTOFF));
    last = p;
  }
  *b = tv->data[first].tok.off;
  if (last + 1 < tv->len) {
    *e = closing_marks_end(t, tv->data[last].tok.off + tv->data[last].tok.len,
                           tv->data[last + 1].tok.off);
    *cut = 1;
  }
  return RECAP_OK;
}

static int is_ascii(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80)
      return 0;
  return 1;
}

/* s[0..n), NFC, into the arena as the item's text. */
static recap_status set_text(recap_document *doc, const char *s, size_t n,
                             recap_item *it) {
  if (!is_ascii(s, n))
    RC_TRY(rc_nfc(&doc->norm, s, n, &s, &n));
  char *c = rc_arena_strndup(&doc->arena, s, n);
  if (!c)
    return RECAP_ERR_NOMEM;
  it->text = c;
  it->text_length = n;
  it->words = rc_count_words(c, n, doc->lang);
  return RECAP_OK;
}

/* The display text (display.c) of content range [b, e) of sentence i; a
   range cut short of the sentence's end gets the sentence's final mark. */
static recap_status range_text(recap_document *doc, size_t i, size_t b,
                               size_t e, int cut, recap_item *it) {
  const rc_sent *s = &doc->sents.data[i];
  rc_buf raw;
  rc_buf_init(&raw, doc->alloc);
  recap_status st = rc_display_range(doc, &doc->norm, b, e,
                                     doc->opt.flags & RECAP_OPT_VERBATIM, &raw);
  if (st == RECAP_OK && cut) {
    const char *t = doc->src.text;
    size_t z = rc_sent_off(s) + s->len;
    while (z > rc_sent_off(s) && (t[z - 1] == ' ' || t[z - 1] == '\n'))
      z--;
    if (z > rc_sent_off(s) &&
        (t[z - 1] == '.' || t[z - 1] == '?' || t[z - 1] == '!'))
      rc_buf_putc(&raw, t[z - 1]);
  }
  if (st == RECAP_OK && raw.failed)
    st = RECAP_ERR_NOMEM;
  if (st == RECAP_OK)
    st = set_text(doc, raw.len ? rc_buf_data(&raw) : "", raw.len, it);
  rc_buf_free(&raw);
  return st;
}

/* Is token k of t a word the speaker broke off and began again, as
   transcripts write it: one or two letters the next word goes on from
   ("f for the next meeting", "Ca Can I ask")?  A letter that names
   something stays ("B will be the default", "S I'll" too, which cannot
   be told from it), and so do "I", "a" and names ("Ed will"). */
static int false_start_at(const char *t, const tokvec *tv, size_t k) {
  if (k + 1 >= tv->len)
    return 0;
  const char *w = t + tv->data[k].tok.off, *next = t + tv->data[k + 1].tok.off;
  size_t n = tv->data[k].tok.len;
  if (n > 2 || tv->data[k + 1].tok.len <= n)
    return 0;
  for (size_t i = 0; i < n; i++) {
    char c = (char)(w[i] | 0x20);
    if (!(c >= 'a' && c <= 'z') || (char)(next[i] | 0x20) != c)
      return 0;
  }
  return !(n == 1 && (w[0] == 'I' || w[0] == 'a' || w[0] == 'A'));
}

/* Drops the discourse words an item's text opens with ("So, okay, we'll
   ..." reads "We'll ..."), keeping at least two words, and starts it with
   a capital, as an item stands alone even when its clause started
   mid-sentence ("titanium can't be curved"); not with
   RECAP_OPT_VERBATIM. */
static recap_status trim_lead(recap_document *doc, const cuetab *ct, tokvec *tv,
                              recap_item *it) {
  const char *t = it->text;
  if (doc->opt.flags & RECAP_OPT_VERBATIM)
    return RECAP_OK;
  RC_TRY(tokens_of(doc, t, 0, it->text_length, 0, tv));
  size_t k = skip_openers(doc, ct, tv, 0, 1);
  if (false_start_at(t, tv, k))
    k = skip_openers(doc, ct, tv, k + 1, 1);
  size_t b = k > 0 && tv->len - k >= 2 ? tv->data[k].tok.off : 0;
  if (b == 0 && !(t[0] >= 'a' && t[0] <= 'z'))
    return RECAP_OK;
  char *c = rc_arena_strndup(&doc->arena, t + b, it->text_length - b);
  if (!c)
    return RECAP_ERR_NOMEM;
  if (c[0] >= 'a' && c[0] <= 'z')
    c[0] = (char)(c[0] - 32);
  it->text = c;
  it->text_length -= b;
  it->words = rc_count_words(c, it->text_length, doc->lang);
  return RECAP_OK;
}

/* ---- items: owner and due time ------------------------------------------- */

typedef struct detail {
  const recap_document *doc;
  const cuetab *ct;
  const names *nm;
  size_t b, e;             /* where the owner is said: the item's range */
  uint32_t self;           /* the sentence's speaker */
  int found_owner;         /* the first owner found stands */
  uint32_t owner;          /* a speaker, or RC_NO_ID ... */
  size_t owner_b, owner_e; /* ... and a name written in the text, if b < e */
  int asks;                /* "you'll", "could you": the addressee owns it */
  size_t due_b, due_e;     /* the due phrase, if b < e */
} detail;

/* The owner named just before the future at token p: a speaker's name
   ("the industrial designer will"), or capitalised words that are not
   stopwords ("Mark", "Linda Chen"). */
static void name_before(detail *d, const tokvec *tv, size_t p) {
  const char *t = d->doc->src.text;
  size_t q = p;
  uint32_t who = NOT_A_NAME;
  /* Not across a comma: "Omar, could you" addresses Omar (see
     addressed()). */
  while (q > 0 && p - q < RC_NAME_WORDS &&
         !comma_in(t, tv->data[q - 1].tok.off + tv->data[q - 1].tok.len,
                   tv->data[q].tok.off)) {
    uint32_t s = name_speaker(d->nm, tv->data[q - 1].term);
    if (s == NOT_A_NAME)
      break;
    if (!one_speaker(who))
      who = s;
    q--;
  }
  if (q < p && one_speaker(who)) {
    d->found_owner = 1;
    d->owner = who;
    return;
  }
  for (q = p; q > 0 && p - q < RC_NAME_WORDS; q--) {
    const token *x = &tv->data[q - 1];
    unsigned flags =
        x->term == RC_NO_ID ? 0 : d->doc->term_info.data[x->term].flags;
    if (x->tok.kind != RC_TOK_WORD || !(x->tok.flags & RC_TOK_CAP) ||
        (flags & (RC_TERM_STOP | RC_TERM_FILLER | RC_TERM_BACKCH)) ||
        comma_in(t, x->tok.off + x->tok.len, tv->data[q].tok.off))
      break;
  }
  if (q < p) {
    d->found_owner = 1;
    d->owner_b = tv->data[q].tok.off;
    d->owner_e = tv->data[p - 1].tok.off + tv->data[p - 1].tok.len;
  }
}

static void on_detail(void *user, const tokvec *tv, size_t p, const cue *c) {
  detail *d = user;
  const char *t = d->doc->src.text;
  size_t off = tv->data[p].tok.off;
  if (off >= d->b && off < d->e) { /* who: in the item's own words */
    if (!d->found_owner && (c->kinds & RC_CUE_FUTURE) && p > 0)
      name_before(d, tv, p);
    if (!d->found_owner && (c->kinds & RC_CUE_SELF) && d->self != RC_NO_ID) {
      d->found_owner = 1;
      d->owner = d->self;
    }
    if (c->kinds & (RC_CUE_OTHER | RC_CUE_ASK))
      d->asks = 1;
  }
  if (d->due_b < d->due_e ||
      !((c->kinds & RC_CUE_DUE) || is_due_month(d->ct, tv, t, p, c)))
    return;
  size_t b = p, e = p + c->len;
  while (b > 0 && p - b < 3 &&
         (word_kinds(d->ct, tv->data[b - 1].term) & RC_CUE_BY))
    b--;
  if ((c->kinds & RC_CUE_MONTH) && e < tv->len &&
      is_number_token(&tv->data[e], t))
    e++; /* "March 14" */
  d->due_b = tv->data[b].tok.off;
  d->due_e = tv->data[e - 1].tok.off + tv->data[e - 1].tok.len;
}

/* The display text of content range [b, e) (fillers and stutters
   dropped: "on, um, on Wednesday" reads "on Wednesday"), NFC, into the
   arena. */
static recap_status arena_phrase(recap_document *doc, size_t b, size_t e,
                                 const char **out) {
  rc_buf raw;
  rc_buf_init(&raw, doc->alloc);
  recap_status st = rc_display_range(doc, &doc->norm, b, e, 0, &raw);
  const char *s = raw.len ? rc_buf_data(&raw) : "";
  size_t n = raw.len;
  if (st == RECAP_OK && raw.failed)
    st = RECAP_ERR_NOMEM;
  if (st == RECAP_OK && !is_ascii(s, n))
    st = rc_nfc(&doc->norm, s, n, &s, &n);
  if (st == RECAP_OK) {
    *out = rc_arena_strndup(&doc->arena, s, n);
    if (!*out)
      st = RECAP_ERR_NOMEM;
  }
  rc_buf_free(&raw);
  return st;
}

/* An action's owner and due time, from sentence i: the owner from its
   content range [b, e) (the item's clause, or all of the answer that
   agreed to it), the due time from anywhere in it. */
static recap_status owner_and_due(recap_document *doc, const cuetab *ct,
                                  const names *nm, tokvec *tv, const evid *ev,
                                  size_t i, size_t b, size_t e,
                                  recap_item *it) {
  const rc_sent *s = &doc->sents.data[i];
  detail d;
  memset(&d, 0, sizeof d);
  d.doc = doc;
  d.ct = ct;
  d.nm = nm;
  d.b = b;
  d.e = e;
  d.self = speaker_of(doc, i);
  d.owner = RC_NO_ID;
  RC_TRY(tokens_of(doc, doc->src.text, rc_sent_off(s), rc_sent_off(s) + s->len,
                   0, tv));
  match_cues(ct, tv, on_detail, &d);
  if (d.asks) {
    /* "Omar, could you ...": the speaker addressed, else the one who
       answers by agreeing or committing ("Sure, I'll call them
       tomorrow."), who may also say when. */
    size_t r = reply_to(doc, i);
    int answered =
        r != SIZE_MAX && (ev[r].opens_assent || (ev[r].kinds & RC_CUE_SELF));
    if (!d.found_owner) {
      RC_TRY(tokens_of(doc, doc->src.text, b, e, 0, tv));
      d.owner = addressed(nm, tv, doc->src.text, d.self);
      if (d.owner == RC_NO_ID && answered)
        d.owner = speaker_of(doc, r);
    }
    if (answered && d.due_b == d.due_e) {
      const rc_sent *q = &doc->sents.data[r];
      detail a = d;
      a.b = a.e = 0; /* its due time only */
      RC_TRY(tokens_of(doc, doc->src.text, rc_sent_off(q),
                       rc_sent_off(q) + q->len, 0, tv));
      match_cues(ct, tv, on_detail, &a);
      d.due_b = a.due_b;
      d.due_e = a.due_e;
    }
  }
  if (d.owner != RC_NO_ID)
    it->owner = rc_doc_speaker_name(doc, d.owner);
  else if (d.owner_b < d.owner_e)
    RC_TRY(arena_phrase(doc, d.owner_b, d.owner_e, &it->owner));
  if (d.due_b < d.due_e)
    RC_TRY(arena_phrase(doc, d.due_b, d.due_e, &it->due));
  return RECAP_OK;
}

/* ---- items --------------------------------------------------------------- */

static recap_status fill_item(recap_document *doc, const cuetab *ct,
                              const names *nm, tokvec *tv, const evid *ev,
                              const cand *c, double top, recap_item *it) {
  size_t b, e;
  int cut;
  memset(it, 0, sizeof *it);
  RC_TRY(item_range(doc, ct, tv, c->src, c->action, &b, &e, &cut));
  RC_TRY(range_text(doc, c->src, b, e, cut, it));
  RC_TRY(trim_lead(doc, ct, tv, it));
  it->kind = c->action ? RECAP_ITEM_ACTION : RECAP_ITEM_DECISION;
  it->sentence = c->src;
  it->score = top > 0 ? c->score / top : 0;
  it->speaker = rc_doc_speaker_name(doc, speaker_of(doc, c->src));
  it->offset = rc_doc_input_offset(doc, b);
  /* It runs to the end of the sentence that settled it. */
  size_t last = c->settled > c->src ? c->settled : c->src;
  const rc_sent *z = &doc->sents.data[last];
  it->length = rc_doc_input_end(doc, rc_sent_off(z) + z->len) - it->offset;
  double ignore;
  rc_doc_sentence_times(doc, c->src, &it->start, &ignore);
  rc_doc_sentence_times(doc, last, &ignore, &it->end);
  double at = rc_doc_time_at(doc, b); /* where the clause starts */
  if (at > it->start)
    it->start = at;
  if (it->end < it->start)
    it->end = it->start;
  if (!c->action)
    return RECAP_OK;
  if (c->src != c->cue_sent) { /* the answer says who and when */
    const rc_sent *q = &doc->sents.data[c->cue_sent];
    b = rc_sent_off(q);
    e = rc_sent_off(q) + q->len;
  }
  return owner_and_due(doc, ct, nm, tv, ev, c->cue_sent, b, e, it);
}

static int item_by_position(const void *x, const void *y) {
  const recap_item *a = x, *b = y;
  if (a->sentence != b->sentence)
    return a->sentence < b->sentence ? -1 : 1;
  return (a->offset > b->offset) - (a->offset < b->offset);
}

static int item_by_score(const void *x, const void *y) {
  const recap_item *a = x, *b = y;
  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  return item_by_position(x, y);
}

/* ---- the stage ----------------------------------------------------------- */

typedef struct work {
  cuetab ct;
  names nm;
  tokvec tv;
  evid *ev;
  cand *cands;
  rc_greedy *heap;
  cand *chosen;
} work;

static void work_free(const recap_allocator *a, work *w) {
  cuetab_free(a, &w->ct);
  rc_free(a, w->nm.w);
  RC_VEC_FREE(a, w->tv);
  rc_free(a, w->ev);
  rc_free(a, w->cands);
  rc_free(a, w->heap);
  rc_free(a, w->chosen);
}

/* The items of chosen[0..k) into doc->decisions and doc->actions. */
static recap_status fill_items(recap_document *doc, work *w, size_t k,
                               double top) {
  size_t count[2] = {0, 0};
  for (size_t j = 0; j < k; j++)
    count[w->chosen[j].action]++;
  recap_item *dec =
      rc_arena_calloc(&doc->arena, count[0] ? count[0] : 1, sizeof *dec);
  recap_item *act =
      rc_arena_calloc(&doc->arena, count[1] ? count[1] : 1, sizeof *act);
  if (!dec || !act)
    return RECAP_ERR_NOMEM;
  size_t nd = 0, na = 0;
  for (size_t j = 0; j < k; j++) {
    const cand *c = &w->chosen[j];
    recap_item *it = c->action ? &act[na++] : &dec[nd++];
    RC_TRY(fill_item(doc, &w->ct, &w->nm, &w->tv, w->ev, c, top, it));
  }
  int (*order)(const void *, const void *) =
      (doc->opt.flags & RECAP_OPT_SCORE_ORDER) ? item_by_score
                                               : item_by_position;
  qsort(dec, nd, sizeof *dec, order);
  qsort(act, na, sizeof *act, order);
  doc->decisions = dec;
  doc->decision_count = nd;
  doc->actions = act;
  doc->action_count = na;
  return RECAP_OK;
}

recap_status rc_decisions_build(recap_document *doc) {
  doc->decision_count = 0;
  doc->action_count = 0;
  size_t n = doc->sents.len;
  if (n == 0 || doc->lang->cues.count == 0)
    return RECAP_OK;
  const recap_allocator *a = doc->alloc;
  size_t limit = item_limit(doc);
  work w;
  memset(&w, 0, sizeof w);
  recap_status st = cuetab_build(doc, &w.ct);
  if (st == RECAP_OK) {
    w.ev = rc_calloc(a, n, sizeof *w.ev);
    w.cands = rc_calloc(a, n, sizeof *w.cands);
    w.heap = rc_calloc(a, n, sizeof *w.heap);
    w.chosen = rc_calloc(a, 2 * limit, sizeof *w.chosen);
    if (!w.ev || !w.cands || !w.heap || !w.chosen)
      st = RECAP_ERR_NOMEM;
  }
  if (st == RECAP_OK)
    st = names_build(doc, &w.tv, &w.nm);
  if (st == RECAP_OK)
    st = find_cues(doc, &w.ct, &w.nm, &w.tv, w.ev);
  size_t k = 0;
  double top = 0;
  if (st == RECAP_OK) {
    size_t nc = candidates(doc, w.ev, w.cands, &top);
    st = select_items(doc, w.cands, w.heap, nc, top, limit, w.chosen, &k);
  }
  if (st == RECAP_OK)
    st = fill_items(doc, &w, k, top);
  if (st != RECAP_OK) {
    doc->decision_count = 0;
    doc->action_count = 0;
  }
  work_free(a, &w);
  return st;
}
