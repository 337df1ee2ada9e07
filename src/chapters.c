/*
 * chapters.c - chapters: where the talk changes topic, how many topics it
 * has, and what each is called.
 *
 * Boundaries: lexical cohesion, after TextTiling (Hearst 1997), with what
 * speech adds.  At every gap between sentences, the text before is
 * compared with the text after, `span` content words each side: the
 * cosine of their TF-IDF weighted term counts, plus RC_CH_SPEAKERS times
 * the cosine of who said how many words in each (a presenter taking over,
 * a new questioner; Galley et al. 2003 found speaker change a cue of topic
 * shifts in meetings), in hearings the rare speakers' words weighing most
 * (speaker_weights).  A gap's depth is how far that similarity lies
 * below the highest within `span` on both sides.  A gap scores its depth,
 * plus RC_CH_CUE when the turn after it opens with a phrase of the
 * language that often opens a topic ("the next", "now we") or announces
 * one ("let's move on", "let's go to"; stopwords/<language>.chapters).
 * The boundaries are then placed together (place_boundaries): of all the
 * ways to cut the text into that many chapters, the one whose chapters
 * each hold together best, by the likelihood of each chapter's words
 * under its own word distribution (Utiyama and Isahara 2001; in a
 * discussion with a Dirichlet prior, RC_CH_DIRICHLET), the gaps' scores
 * added (RC_CH_GAP_WEIGHT), by dynamic programming over the turns.
 * Picking the deepest gaps one by one left boundaries a few turns off.
 * Where the text has turns (speakers, paragraphs) chapters start only at
 * a turn; in timed text no chapter is shorter than RC_CH_SHORTEST_SECONDS.
 *
 * Count: chapters people would mark.  `expected_chapters` guesses from the
 * length and the number of people who speak (QMSum's annotators marked
 * about four topics in a meeting of any length, more in committees of many
 * speakers); the content then decides within [RC_CH_FEWEST, RC_CH_MOST]
 * times that: a boundary is kept when it scores at least RC_CH_KEEP of the
 * best one, and every announced topic ("let's move on to ...") where the
 * words change at all (depth RC_CH_MOVE_DEPTH) is kept, up to
 * RC_CH_MOVES_MOST times the guess, before any other; never where the
 * words on both sides are alike (RC_CH_SAME_TOPIC), so no more chapters
 * than distinct topics; once placed, two neighbouring chapters as alike
 * as that become one (merge_alike), down to RC_CH_FEWEST times the guess.  With
 * RECAP_OPT_YOUTUBE a recording that has room gets RC_YOUTUBE_CHAPTERS at
 * least.  Chapters asked for (`--chapters=N`) are exactly N when the text has
 * room.
 *
 * Titles: one or two of the chapter's key phrases (rc_kp_parts_weighted,
 * TF-IDF with chapters as documents), the worthy ones (`title`), joined
 * by the language's "and".
 *
 * `span` is RC_TILE_FRACTION of the expected chapter; boundaries are at
 * least RC_CH_CLOSEST span apart and from both ends.  Measured on QMSum's
 * topic segmentation (`evaluate chapters`, README "Chapters"), and on
 * meetings spliced together (tools/chapter-eval).
 *
 * Every pass but placing is linear: the windows slide (moving the gap by
 * a sentence updates dot products and norms term by term) and depths are
 * sliding-window maxima.  Placing extends a chapter from each of at most
 * RC_CH_PLACES positions to the end, O(RC_CH_PLACES x (content words +
 * RC_CH_PLACES x chapters)), once more after merging.  Cues are looked up in
 * the first RC_CH_CUE_WORDS words of each turn, re-read from the text: on a 1
 * MB transcript of short turns that is a quarter of this stage, which the
 * phrases of the chapters (keyphrase.c) dominate.
 */
#include "chapters.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "keyphrase.h"
#include "summary.h"
#include "terms.h"

/* Does sentence s start a turn: a new speaker, or a new paragraph? */
static int starts_turn(const recap_document *doc, size_t s) {
  if (s == 0)
    return 1;
  const rc_sent *a = &doc->sents.data[s - 1], *b = &doc->sents.data[s];
  if (b->cue_first == rc_sent_cue_last(a))
    return 0;
  const rc_cue *c = &doc->src.cues.data[b->cue_first];
  return (c->flags & RC_CUE_BREAK) ||
         c->speaker != doc->src.cues.data[rc_sent_cue_last(a)].speaker;
}

/* ---- similarity across each gap ------------------------------------------ */

/* Two windows as dense vectors (by stem, by speaker), with their dot
   product and squared norms kept up to date as entries change. */
typedef struct pair {
  double *left, *right;
  double dot, ll, rr;
} pair;

static void pair_move(pair *w, size_t i, double dl, double dr) {
  double l = w->left[i], r = w->right[i];
  w->dot -= l * r;
  w->ll -= l * l;
  w->rr -= r * r;
  l += dl;
  r += dr;
  w->left[i] = l;
  w->right[i] = r;
  w->dot += l * r;
  w->ll += l * l;
  w->rr += r * r;
}

static double pair_cosine(const pair *w) {
  double d = w->ll > 0 && w->rr > 0 ? sqrt(w->ll) * sqrt(w->rr) : 0;
  return d > 0 ? w->dot / d : 0;
}

static void pair_free(pair *w, const recap_allocator *a) {
  rc_free(a, w->left);
  rc_free(a, w->right);
}

static recap_status pair_alloc(pair *w, const recap_allocator *a, size_t n) {
  memset(w, 0, sizeof *w);
  w->left = rc_calloc(a, n ? n : 1, sizeof *w->left);
  w->right = rc_calloc(a, n ? n : 1, sizeof *w->right);
  return w->left && w->right ? RECAP_OK : RECAP_ERR_NOMEM;
}

/* Sentence s's speaker as an index below doc->src.speakers.count + 1 (the
   last one for sentences of no speaker). */
static uint32_t speaker_slot(const recap_document *doc, size_t s) {
  uint32_t sp = doc->src.cues.data[doc->sents.data[s].cue_first].speaker;
  size_t n = doc->src.speakers.count;
  return sp == RC_NO_ID || sp >= n ? (uint32_t)n : sp;
}

typedef struct slide {
  pair terms;      /* per stem: TF-IDF weight in each window */
  pair speakers;   /* per speaker: words said in each window, weighted */
  double *weights; /* per speaker (speaker_weights) */
} slide;

/* Adds sentence s to the left window dl times and to the right dr times. */
static void move_sentence(slide *w, const recap_document *doc, size_t s,
                          double dl, double dr) {
  const rc_sent *se = &doc->sents.data[s];
  for (uint32_t k = 0; k < se->nterms; k++) {
    const rc_tf *t = &doc->sent_terms.data[se->terms + k];
    double x = t->tf * doc->stem_info.data[t->stem].idf;
    pair_move(&w->terms, t->stem, dl * x, dr * x);
  }
  uint32_t sp = speaker_slot(doc, s);
  double said = se->words * w->weights[sp];
  pair_move(&w->speakers, sp, dl * said, dr * said);
}

/* Is the text a hearing: turns of RC_CH_HEARING_TURN words or more on
   average (witnesses answering at length), not a discussion? */
static int is_hearing(const recap_document *doc) {
  size_t turns = 0;
  double total = 0;
  for (size_t s = 0; s < doc->sents.len; s++) {
    total += doc->sents.data[s].words;
    turns += starts_turn(doc, s);
  }
  return turns > 0 && total >= RC_CH_HEARING_TURN * (double)turns;
}

/* How much a word of each speaker counts in the speaker cosine.  In a
   hearing (turns of RC_CH_HEARING_TURN words or more on average) the
   witnesses answer and the chair calls throughout, and a topic changes
   with the member who asks next: a speaker's words count
   ln(1 + all words / theirs)^RC_CH_RARE_SPEAKER, so the rare voices
   weigh most.  Elsewhere every word counts one: in a discussion the one
   who leads opens the topics (ICSI's professors). */
static void speaker_weights(const recap_document *doc, double *weights) {
  size_t n = doc->sents.len, nsp = doc->src.speakers.count + 1;
  double total = 0;
  for (size_t i = 0; i < nsp; i++)
    weights[i] = 0;
  for (size_t s = 0; s < n; s++) {
    weights[speaker_slot(doc, s)] += doc->sents.data[s].words;
    total += doc->sents.data[s].words;
  }
  int hearing = is_hearing(doc);
  for (size_t i = 0; i < nsp; i++)
    weights[i] = !hearing ? 1
                 : weights[i] > 0
                     ? pow(log(1 + total / weights[i]), RC_CH_RARE_SPEAKER)
                     : 0;
}

/* sim[g] for the gap before sentence g, g in [1, n): the sentences
   [first, g) before it and [g, end) after it, each side as few sentences
   as make `span` content words (fewer at the ends). */
static recap_status gap_similarities(const recap_document *doc, size_t span,
                                     double *sim, double *lex) {
  size_t n = doc->sents.len;
  const recap_allocator *a = doc->alloc;
  const rc_sent *se = doc->sents.data;
  slide w;
  memset(&w, 0, sizeof w);
  recap_status st = pair_alloc(&w.terms, a, doc->stem_info.len);
  if (st == RECAP_OK)
    st = pair_alloc(&w.speakers, a, doc->src.speakers.count + 1);
  if (st == RECAP_OK) {
    w.weights = rc_calloc(a, doc->src.speakers.count + 1, sizeof *w.weights);
    if (!w.weights)
      st = RECAP_ERR_NOMEM;
  }
  if (st == RECAP_OK) {
    speaker_weights(doc, w.weights);
    size_t first = 0, end = 1, left = se[0].content, right = 0;
    move_sentence(&w, doc, 0, 1, 0);
    for (size_t g = 1; g < n; g++) {
      if (g > 1) { /* sentence g - 1 crosses the gap */
        move_sentence(&w, doc, g - 1, 1, -1);
        left += se[g - 1].content;
        right -= se[g - 1].content;
      }
      for (; end < n && (end <= g || right < span); end++) {
        move_sentence(&w, doc, end, 0, 1);
        right += se[end].content;
      }
      for (; first + 1 < g && left - se[first].content >= span; first++) {
        move_sentence(&w, doc, first, -1, 0);
        left -= se[first].content;
      }
      lex[g] = pair_cosine(&w.terms);
      sim[g] = lex[g] + RC_CH_SPEAKERS * pair_cosine(&w.speakers);
    }
  }
  pair_free(&w.terms, a);
  pair_free(&w.speakers, a);
  rc_free(a, w.weights);
  return st;
}

/* ---- what marks a gap besides the words ------------------------------------
 */

enum { CUE_NONE, CUE_OPENS, CUE_MOVES };

/* Does some phrase of list l start with the word w[0..n) (the word
   alone, or followed by a space)? */
static int starts_a_phrase(const rc_wordlist *l, const char *w, size_t n) {
  size_t lo = 0, hi = l->count;
  while (lo < hi) { /* the first entry not below w */
    size_t mid = lo + (hi - lo) / 2;
    const char *m = rc_wordlist_at(l, mid);
    int c = strncmp(m, w, n);
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == l->count)
    return 0;
  const char *m = rc_wordlist_at(l, lo);
  return strncmp(m, w, n) == 0 && (m[n] == '\0' || m[n] == ' ');
}

/* How the turn starting at sentence s opens: with a phrase of the
   language that announces a topic (CUE_MOVES: "let's move on"), one that
   often opens one (CUE_OPENS: "the next"), or neither, within its first
   RC_CH_CUE_WORDS words (fillers not counted).  `turn`: read on into the
   turn's later sentences.  A phrase is looked up only from a word that
   starts one, so most words cost one binary search per list. */
static recap_status turn_cue(recap_document *doc, size_t s, int turn,
                             unsigned char *starts, int *cue) {
  const rc_wordlist *lists[2] = {&doc->lang->topic_moves,
                                 &doc->lang->topic_cues};
  *cue = CUE_NONE;
  if (lists[0]->count == 0 && lists[1]->count == 0)
    return RECAP_OK;
  uint32_t words[RC_CH_CUE_WORDS];
  size_t seen = 0;
  for (size_t i = s; i < doc->sents.len && seen < RC_CH_CUE_WORDS &&
                     (i == s || (turn && !starts_turn(doc, i)));
       i++) {
    const rc_sent *se = &doc->sents.data[i];
    rc_units units;
    rc_unit u;
    int more;
    rc_units_init(&units, doc, rc_sent_off(se), rc_sent_off(se) + se->len);
    while (seen < RC_CH_CUE_WORDS) {
      RC_TRY(rc_units_next(&units, &u, &more));
      if (!more)
        break;
      if (!(u.info.flags & RC_TERM_FILLER))
        words[seen++] = u.term;
    }
  }
  char key[RC_CH_CUE_LEN * 32];
  for (int k = 0; k < 2; k++) {
    const rc_wordlist *l = lists[k];
    if (l->count == 0)
      continue;
    for (size_t i = 0; i < seen; i++) {
      size_t n;
      const char *w = rc_strtab_str(&doc->terms, words[i], &n);
      /* starts[term]: bit 2k says list k was asked, bit 2k+1 the answer. */
      unsigned char *known =
          words[i] < doc->terms.count ? &starts[words[i]] : NULL;
      int yes;
      if (known && (*known >> (2 * k) & 1)) {
        yes = *known >> (2 * k + 1) & 1;
      } else {
        yes = n < sizeof key && starts_a_phrase(l, w, n);
        if (known)
          *known |= (unsigned char)((1 | yes << 1) << (2 * k));
      }
      if (!yes)
        continue;
      memcpy(key, w, n);
      for (size_t j = i;;) {
        if (rc_wordlist_find(l, key, n) >= 0) {
          *cue = k == 0 ? CUE_MOVES : CUE_OPENS;
          return RECAP_OK;
        }
        if (++j >= seen || j - i >= RC_CH_CUE_LEN)
          break;
        size_t wn;
        const char *ww = rc_strtab_str(&doc->terms, words[j], &wn);
        if (n + 1 + wn > sizeof key)
          break;
        key[n++] = ' ';
        memcpy(key + n, ww, wn);
        n += wn;
      }
    }
  }
  return RECAP_OK;
}

/* ---- boundaries ---------------------------------------------------------- */

typedef struct gap {
  uint32_t at;
  double rank; /* the order candidates are taken in */
} gap;

/* Scratch for one document, each array with room for n + 1 entries. */
typedef struct tiling {
  size_t n;
  size_t *cum;          /* content words before each sentence */
  double *sim;          /* per gap */
  double *lex;          /* per gap: the words' part of sim */
  double *depth;        /* per gap */
  double *bonus;        /* per gap: a cue's bonus, or -1 where no chapter can
                           start (inside a turn) */
  unsigned char *moves; /* per gap: the turn announces a topic */
  uint32_t *queue;      /* sliding-window maxima */
  double *when;         /* per sentence: when it starts, or -1 */
  double end;           /* when the recording ends (timed text) */
  gap *gaps;            /* gaps by rank, then the candidates */
  size_t *pos;          /* candidates' positions, sorted */
  double *time;         /* ... and their times */
  uint32_t *bounds;
} tiling;

static recap_status tiling_alloc(tiling *t, const recap_document *doc) {
  const recap_allocator *a = doc->alloc;
  size_t n = doc->sents.len;
  memset(t, 0, sizeof *t);
  t->n = n;
  t->cum = rc_calloc(a, n + 1, sizeof *t->cum);
  t->sim = rc_calloc(a, n + 1, sizeof *t->sim);
  t->lex = rc_calloc(a, n + 1, sizeof *t->lex);
  t->depth = rc_calloc(a, n + 1, sizeof *t->depth);
  t->bonus = rc_calloc(a, n + 1, sizeof *t->bonus);
  t->moves = rc_calloc(a, n + 1, sizeof *t->moves);
  t->queue = rc_calloc(a, n + 1, sizeof *t->queue);
  t->gaps = rc_calloc(a, n + 1, sizeof *t->gaps);
  t->pos = rc_calloc(a, n + 1, sizeof *t->pos);
  t->when = rc_calloc(a, n + 1, sizeof *t->when);
  t->time = rc_calloc(a, n + 1, sizeof *t->time);
  t->bounds = rc_calloc(a, n + 1, sizeof *t->bounds);
  if (!t->cum || !t->sim || !t->lex || !t->depth || !t->bonus || !t->moves ||
      !t->queue || !t->gaps || !t->pos || !t->bounds || !t->when || !t->time)
    return RECAP_ERR_NOMEM;
  t->end = 0;
  for (size_t i = 0; i < n; i++) {
    double start, end;
    t->cum[i + 1] = t->cum[i] + doc->sents.data[i].content;
    rc_doc_sentence_times(doc, i, &start, &end);
    t->when[i] = start;
    if (end > t->end)
      t->end = end;
  }
  return RECAP_OK;
}

static void tiling_free(tiling *t, const recap_allocator *a) {
  rc_free(a, t->cum);
  rc_free(a, t->sim);
  rc_free(a, t->lex);
  rc_free(a, t->depth);
  rc_free(a, t->bonus);
  rc_free(a, t->moves);
  rc_free(a, t->queue);
  rc_free(a, t->gaps);
  rc_free(a, t->pos);
  rc_free(a, t->when);
  rc_free(a, t->time);
  rc_free(a, t->bounds);
}

/* Each gap's bonus and cue.  Chapters start at turns when the text has at
   least one turn per RC_CH_TURN_WORDS words (a transcript, paragraphs);
   captions without speakers have sentences only. */
static recap_status mark_gaps(tiling *t, recap_document *doc) {
  size_t n = t->n, turns = 0;
  for (size_t g = 1; g < n; g++)
    turns += starts_turn(doc, g);
  int at_turns = turns > 0 && turns * RC_CH_TURN_WORDS >= doc->word_count;
  /* What each word was found to start, once per word (turn_cue). */
  size_t nterms = doc->terms.count;
  unsigned char *starts = rc_calloc(doc->alloc, nterms ? nterms : 1, 1);
  if (!starts)
    return RECAP_ERR_NOMEM;
  recap_status st = RECAP_OK;
  for (size_t g = 1; g < n && st == RECAP_OK; g++) {
    if (at_turns && !starts_turn(doc, g)) {
      t->bonus[g] = -1;
      continue;
    }
    int cue;
    st = turn_cue(doc, g, at_turns, starts, &cue);
    t->bonus[g] = cue == CUE_NONE ? 0 : RC_CH_CUE;
    t->moves[g] = cue == CUE_MOVES;
  }
  rc_free(doc->alloc, starts);
  return st;
}

/* The scale of the comparison for `chapters` chapters, in content words:
   windows and the reach of depths.  Chapters asked for may be shorter
   than RC_TILE_MIN when the text is. */
static size_t tile_span(const tiling *t, double chapters, int asked) {
  double content = (double)t->cum[t->n];
  double span = RC_TILE_FRACTION * content / chapters;
  double lo = RC_TILE_MIN;
  if (asked && content / (2 * chapters) < lo)
    lo = content / (2 * chapters);
  if (lo < 1)
    lo = 1;
  return (size_t)(span < lo ? lo : span > RC_TILE_MAX ? RC_TILE_MAX : span);
}

/* depth[g]: how far sim[g] lies below the highest similarity within `span`
   content words on each side.  Both maxima are sliding-window maxima over
   a deque of gaps with falling similarity. */
static void depths(tiling *t, size_t span) {
  const double *sim = t->sim;
  const size_t *cum = t->cum;
  uint32_t *q = t->queue;
  size_t n = t->n, head = 0, tail = 0;
  for (size_t g = 1; g < n; g++) {
    while (tail > head && sim[q[tail - 1]] <= sim[g])
      tail--;
    q[tail++] = (uint32_t)g;
    while (cum[g] - cum[q[head]] > span)
      head++;
    t->depth[g] = sim[q[head]] - sim[g];
  }
  head = tail = 0;
  for (size_t g = n - 1; g >= 1; g--) {
    while (tail > head && sim[q[tail - 1]] <= sim[g])
      tail--;
    q[tail++] = (uint32_t)g;
    while (cum[q[head]] - cum[g] > span)
      head++;
    t->depth[g] += sim[q[head]] - sim[g];
  }
}

static double score(const tiling *t, size_t g) {
  return t->depth[g] + t->bonus[g];
}

/* Is gap g an announced topic where the words change? */
static int announced(const tiling *t, size_t g) {
  return t->moves[g] && t->depth[g] >= RC_CH_MOVE_DEPTH;
}

static int by_rank(const void *x, const void *y) {
  const gap *a = x, *b = y;
  if (a->rank != b->rank)
    return a->rank > b->rank ? -1 : 1;
  return (a->at > b->at) - (a->at < b->at);
}

static int by_size(const void *x, const void *y) {
  size_t a = *(const size_t *)x, b = *(const size_t *)y;
  return (a > b) - (a < b);
}

static int by_at(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

/* Where position p goes among the sorted pos[0..n). */
static size_t place_of(const size_t *pos, size_t n, size_t p) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (pos[mid] < p)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Can a chapter start at gap g, the nc chapters in t->pos and t->time
   (sorted) chosen?  At least `sep` content words from each and from both
   ends, and in timed text at least RC_CH_SHORTEST_SECONDS from each, from
   0:00 and from the end of the recording. */
static int room(const tiling *t, size_t nc, size_t g, size_t sep) {
  size_t p = t->cum[g], total = t->cum[t->n];
  if (p < sep || total - p < sep)
    return 0;
  size_t k = place_of(t->pos, nc, p);
  if ((k < nc && t->pos[k] - p < sep) || (k > 0 && p - t->pos[k - 1] < sep))
    return 0;
  double w = t->when[g], d = RC_CH_SHORTEST_SECONDS;
  if (w < 0)
    return 1;
  double before = k > 0 ? t->time[k - 1] : 0;
  double after = k < nc ? t->time[k] : t->end;
  return w - before >= d && after - w >= d;
}

/* Candidates: gaps where a chapter may start with a positive score,
   announced topics first, then by score, each at least `sep` content
   words from the others and from both ends; at most `limit`, into
   gaps[0..) in that order.  `distinct`: only where the words before and
   after differ (a cosine below RC_CH_SAME_TOPIC). */
static size_t candidates(tiling *t, size_t sep, size_t limit, int distinct) {
  size_t n = t->n, m = 0, nc = 0;
  for (size_t g = 1; g < n; g++) {
    double s = score(t, g);
    if (t->bonus[g] < 0 || s <= 0 ||
        (distinct && t->lex[g] >= RC_CH_SAME_TOPIC))
      continue;
    t->gaps[m].at = (uint32_t)g;
    /* Scores are below 2 + RC_CH_CUE: announced topics rank above all. */
    t->gaps[m].rank = s + (announced(t, g) ? 4 : 0);
    m++;
  }
  qsort(t->gaps, m, sizeof *t->gaps, by_rank);
  for (size_t i = 0; i < m && nc < limit; i++) {
    size_t g = t->gaps[i].at, p = t->cum[g];
    if (!room(t, nc, g, sep))
      continue;
    size_t k = nc;
    for (; k > 0 && t->pos[k - 1] > p; k--) {
      t->pos[k] = t->pos[k - 1];
      t->time[k] = t->time[k - 1];
    }
    t->pos[k] = p;
    t->time[k] = t->when[g];
    t->gaps[nc++] = t->gaps[i];
  }
  return nc;
}

/* How many chapters people would mark in this text: 1 + sqrt(words) /
   RC_CH_PRIOR_WORDS + RC_CH_PRIOR_SPEAKERS x ln(speakers), counting the
   speakers who say at least RC_CH_SPEAKER_SHARE of the words. */
static recap_status expected_chapters(const recap_document *doc, double *out) {
  size_t nsp = doc->src.speakers.count + 1, active = 0, total = 0;
  size_t *said = rc_calloc(doc->alloc, nsp, sizeof *said);
  if (!said)
    return RECAP_ERR_NOMEM;
  for (size_t s = 0; s < doc->sents.len; s++) {
    said[speaker_slot(doc, s)] += doc->sents.data[s].words;
    total += doc->sents.data[s].words;
  }
  for (size_t i = 0; i < nsp; i++)
    active +=
        said[i] > 0 && (double)said[i] >= RC_CH_SPEAKER_SHARE * (double)total;
  rc_free(doc->alloc, said);
  *out = 1 + sqrt((double)doc->word_count) / RC_CH_PRIOR_WORDS +
         RC_CH_PRIOR_SPEAKERS * log(active > 1 ? (double)active : 1.0);
  return RECAP_OK;
}

/* Can the recording hold RC_YOUTUBE_CHAPTERS chapters of
   RC_CH_SHORTEST_SECONDS? */
static int youtube_room(const tiling *t) {
  return t->n > 0 && t->when[0] >= 0 &&
         t->end >= RC_YOUTUBE_CHAPTERS * RC_CH_SHORTEST_SECONDS;
}

/* The boundaries to keep among nb candidates (automatic count); `least`
   at least, when there are as many. */
static size_t keep(const tiling *t, size_t nb, double expected, size_t least) {
  double best = 0;
  size_t kept = 0, moved = 0;
  for (size_t i = 0; i < nb; i++) {
    double s = score(t, t->gaps[i].at);
    if (s > best)
      best = s;
  }
  for (size_t i = 0; i < nb; i++) {
    kept += score(t, t->gaps[i].at) >= RC_CH_KEEP * best;
    moved += announced(t, t->gaps[i].at);
  }
  double most_moved = RC_CH_MOVES_MOST * expected - 1;
  if ((double)moved > most_moved)
    moved = most_moved > 0 ? (size_t)(most_moved + 0.5) : 0;
  if (moved > kept)
    kept = moved;
  double lo = RC_CH_FEWEST * expected - 1, hi = RC_CH_MOST * expected - 1;
  if ((double)kept < lo)
    kept = (size_t)(lo + 0.5);
  if ((double)kept > hi)
    kept = (size_t)(hi + 0.5);
  if (kept + 1 > RC_MAX_CHAPTERS)
    kept = RC_MAX_CHAPTERS - 1;
  if (kept < least)
    kept = least;
  return kept < nb ? kept : nb;
}

/* ---- placement: the best segmentation with that many chapters ----------- */

/* Scratch for placing: the positions a chapter may start at (0, the
   turns, n), which must (an announced topic picked), the sums of the
   cost and the way back for each number of chapters, and the count of
   each stem in the chapter being extended. */
typedef struct placing {
  size_t m;            /* positions */
  size_t *at;          /* their sentences, ascending; at[0] = 0, at[m-1] = n */
  unsigned char *must; /* per position */
  gap *ranked;         /* gaps by rank, when there are too many */
  double *best;        /* [k * m + j]: least cost of k chapters ending at j */
  uint32_t *from;      /* [k * m + j]: where the last of them starts */
  double *count;       /* per stem */
  double alpha;        /* Dirichlet concentration per stem, or 0: add-one */
  double *norm;        /* [N]: sum of ln(i + V alpha) for i < N (alpha > 0) */
  size_t tokens;       /* stem occurrences in the chapter being extended */
} placing;

static void placing_free(placing *p, const recap_allocator *a) {
  rc_free(a, p->at);
  rc_free(a, p->must);
  rc_free(a, p->ranked);
  rc_free(a, p->best);
  rc_free(a, p->from);
  rc_free(a, p->count);
  rc_free(a, p->norm);
}

/* The positions: every gap where a chapter may start, or the
   RC_CH_PLACES - 2 best of them (forced ones first) when there are more,
   so that placing stays O(RC_CH_PLACES^2) per chapter.  The announced
   topics among the nb boundaries picked must stay. */
static recap_status positions(placing *p, const tiling *t,
                              const recap_allocator *a, size_t nb) {
  size_t n = t->n, m = 0;
  p->at = rc_calloc(a, n + 2, sizeof *p->at);
  p->must = rc_calloc(a, n + 2, 1);
  p->ranked = rc_calloc(a, n + 1, sizeof *p->ranked);
  if (!p->at || !p->must || !p->ranked)
    return RECAP_ERR_NOMEM;
  for (size_t g = 1; g < n; g++) {
    if (t->bonus[g] < 0)
      continue;
    int forced = 0;
    for (size_t i = 0; i < nb && !forced; i++)
      forced = t->gaps[i].at == g && announced(t, g);
    p->ranked[m].at = (uint32_t)g;
    p->ranked[m].rank = score(t, g) + (forced ? 4 : 0);
    m++;
  }
  if (m > RC_CH_PLACES - 2) {
    qsort(p->ranked, m, sizeof *p->ranked, by_rank);
    m = RC_CH_PLACES - 2;
  }
  /* In order of position; gaps' ranks tell which are forced. */
  size_t *at = p->at;
  for (size_t i = 0; i < m; i++)
    at[i + 1] = p->ranked[i].at;
  qsort(at + 1, m, sizeof *at, by_size);
  at[0] = 0;
  at[m + 1] = n;
  p->m = m + 2;
  for (size_t i = 0; i < m; i++)
    if (p->ranked[i].rank >= 4) {
      size_t lo = 1, hi = m + 1;
      while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (at[mid] < p->ranked[i].at)
          lo = mid + 1;
        else
          hi = mid;
      }
      p->must[lo] = 1;
    }
  return RECAP_OK;
}

/* Can a chapter run from position i to position j (exclusive)?  At least
   `sep` content words, and in timed text RC_CH_SHORTEST_SECONDS, the
   first from 0:00 and the last to the end of the recording. */
static int fits(const tiling *t, const placing *p, size_t i, size_t j,
                size_t sep) {
  size_t a = p->at[i], b = p->at[j];
  if (t->cum[b] - t->cum[a] < sep)
    return 0;
  double from = i == 0 ? 0 : t->when[a];
  double to = j + 1 == p->m ? t->end : t->when[b];
  return from < 0 || to < 0 || to - from >= RC_CH_SHORTEST_SECONDS;
}

/* Adds sentence s to the chapter being extended; returns how much the
   sum over its stems of c ln(c + 1) grows (add-one), or with a Dirichlet
   prior the sum over its stems of ln(i + alpha) for i < c. */
static double add_stems(placing *p, const recap_document *doc, size_t s) {
  const rc_sent *se = &doc->sents.data[s];
  double grow = 0;
  for (uint32_t k = 0; k < se->nterms; k++) {
    const rc_tf *tf = &doc->sent_terms.data[se->terms + k];
    double c = p->count[tf->stem], x = tf->tf;
    if (p->alpha > 0)
      for (uint32_t i = 0; i < tf->tf; i++)
        grow += log(c + i + p->alpha);
    else
      grow += (c + x) * log(c + x + 1) - c * log(c + 1);
    p->count[tf->stem] = c + x;
    p->tokens += tf->tf;
  }
  return grow;
}

static void clear_stems(placing *p, const recap_document *doc, size_t from,
                        size_t to) {
  for (size_t s = from; s < to; s++) {
    const rc_sent *se = &doc->sents.data[s];
    for (uint32_t k = 0; k < se->nterms; k++)
      p->count[doc->sent_terms.data[se->terms + k].stem] = 0;
  }
}

/* Dynamic programming over the positions, chapters in order of where they
   start: a chapter from i extends to every later j (its stems counted
   once, incrementally) and offers best[k][i] + cost to best[k + 1][j].
   The cost of a chapter of N content words is the negative log-likelihood
   of its words under its own Laplace-smoothed unigram model over the
   text's V stems, N ln(N + V) - sum c ln(c + 1) (Utiyama and Isahara
   2001), or with p->alpha its Dirichlet-multinomial likelihood,
   sum_{i<N} ln(i + V alpha) - sum over stems of sum_{i<c} ln(i + alpha),
   less `weight` times the score of the gap it starts at.  A
   chapter does not run past a forced position. */
static void place_chapters(placing *p, const tiling *t,
                           const recap_document *doc, size_t chapters,
                           size_t sep, double weight, double vocabulary) {
  size_t m = p->m;
  for (size_t i = 0; i < (chapters + 1) * m; i++)
    p->best[i] = INFINITY;
  p->best[0] = 0;
  for (size_t i = 0; i + 1 < m; i++) {
    size_t kmax = 0; /* chapters that can end at i */
    for (size_t k = 0; k < chapters; k++)
      if (p->best[k * m + i] < INFINITY)
        kmax = k + 1;
    if (kmax == 0)
      continue;
    double grown = 0, words = 0, gain = i ? weight * score(t, p->at[i]) : 0;
    p->tokens = 0;
    size_t s = p->at[i];
    for (size_t j = i + 1; j < m; j++) {
      for (; s < p->at[j]; s++) {
        grown += add_stems(p, doc, s);
        words += doc->sents.data[s].content;
      }
      if (fits(t, p, i, j, sep)) {
        double cost = (p->alpha > 0 ? p->norm[p->tokens]
                                    : words * log(words + vocabulary)) -
                      grown - gain;
        for (size_t k = 0; k < kmax; k++) {
          double c = p->best[k * m + i] + cost;
          if (c < p->best[(k + 1) * m + j]) {
            p->best[(k + 1) * m + j] = c;
            p->from[(k + 1) * m + j] = (uint32_t)i;
          }
        }
      }
      if (p->must[j])
        break;
    }
    clear_stems(p, doc, p->at[i], s);
  }
}

/* The placing's prior: in a discussion (not is_hearing) a Dirichlet of
   RC_CH_DIRICHLET per stem, which favours chapters whose words gather on
   few stems, as a discussion's short turns keep repeating the topic's
   words; a hearing's long answers spread theirs, and keep add-one.  The
   table of sum_{i<N} ln(i + V alpha) for N up to the text's `tokens`. */
static recap_status concentration(placing *p, const recap_document *doc,
                                  size_t vocabulary, size_t tokens) {
  p->alpha = is_hearing(doc) ? 0 : RC_CH_DIRICHLET;
  if (p->alpha <= 0)
    return RECAP_OK;
  p->norm = rc_calloc(doc->alloc, tokens + 1, sizeof *p->norm);
  if (!p->norm)
    return RECAP_ERR_NOMEM;
  double va = p->alpha * (double)vocabulary;
  for (size_t i = 0; i < tokens; i++)
    p->norm[i + 1] = p->norm[i] + log((double)i + va);
  return RECAP_OK;
}

/* Moves the nb boundaries in t->gaps to where the chapters they make hold
   together best (place_chapters), the gaps' scores weighing
   RC_CH_GAP_WEIGHT of a chapter's content words each; left as they are
   where no placement fits.  The announced topics picked stay where they
   are: they are what ends a hosted talk's sections ("let's wrap up").
   On QMSum that is neutral with the automatic count and costs .017 of Pk
   with the true count (.318 without, .335 with), where few are said. */
static recap_status place_boundaries(tiling *t, const recap_document *doc,
                                     size_t nb, size_t sep) {
  const recap_allocator *a = doc->alloc;
  size_t chapters = nb + 1;
  placing p;
  memset(&p, 0, sizeof p);
  recap_status st = positions(&p, t, a, nb);
  if (st == RECAP_OK) {
    p.best = rc_calloc(a, (chapters + 1) * p.m, sizeof *p.best);
    p.from = rc_calloc(a, (chapters + 1) * p.m, sizeof *p.from);
    p.count = rc_calloc(a, doc->stem_info.len + 1, sizeof *p.count);
    if (!p.best || !p.from || !p.count)
      st = RECAP_ERR_NOMEM;
  }
  size_t vocabulary = 0, tokens = 0;
  for (size_t i = 0; i < doc->stem_info.len; i++) {
    vocabulary += doc->stem_info.data[i].tf > 0;
    tokens += doc->stem_info.data[i].tf;
  }
  if (st == RECAP_OK)
    st = concentration(&p, doc, vocabulary, tokens);
  if (st == RECAP_OK) {
    double weight = RC_CH_GAP_WEIGHT * (double)t->cum[t->n] / (double)chapters;
    place_chapters(&p, t, doc, chapters, sep, weight, (double)vocabulary);
    size_t j = p.m - 1;
    if (p.best[chapters * p.m + j] < INFINITY)
      for (size_t k = chapters; k > 1; k--) {
        j = p.from[k * p.m + j];
        t->gaps[k - 2].at = (uint32_t)p.at[j];
      }
  }
  placing_free(&p, a);
  return st;
}

/* ---- merging: no two chapters on one topic ------------------------------ */

/* Adds sentences [from, to) to v by stem, TF-IDF weighted, `sign` times. */
static void add_chapter(const recap_document *doc, double *v, size_t from,
                        size_t to, double sign) {
  for (size_t s = from; s < to; s++) {
    const rc_sent *se = &doc->sents.data[s];
    for (uint32_t k = 0; k < se->nterms; k++) {
      const rc_tf *tf = &doc->sent_terms.data[se->terms + k];
      v[tf->stem] += sign * tf->tf * doc->stem_info.data[tf->stem].idf;
    }
  }
}

/* The cosine of the chapters [lo, mid) and [mid, hi) by their TF-IDF
   weighted stems; u and v are zero before and after. */
static double chapters_cosine(const recap_document *doc, double *u, double *v,
                              size_t lo, size_t mid, size_t hi) {
  add_chapter(doc, u, lo, mid, 1);
  add_chapter(doc, v, mid, hi, 1);
  double dot = 0, uu = 0, vv = 0;
  for (size_t s = lo; s < hi; s++) {
    const rc_sent *se = &doc->sents.data[s];
    for (uint32_t k = 0; k < se->nterms; k++) {
      uint32_t st = doc->sent_terms.data[se->terms + k].stem;
      dot += u[st] * v[st];
      uu += u[st] * u[st];
      vv += v[st] * v[st];
      u[st] = v[st] = 0; /* each stem once */
    }
  }
  return uu > 0 && vv > 0 ? dot / (sqrt(uu) * sqrt(vv)) : 0;
}

/* Automatic count: while two neighbouring chapters of the nb boundaries
   in t->gaps are as alike as RC_CH_SAME_TOPIC by their words (TF-IDF
   cosine) and more than `least` boundaries are left, the boundary
   between the most alike pair goes (announced topics stay); the rest are
   then placed again.  The gap-level test in `candidates` compares
   windows; whole chapters can still be one topic told twice, which the
   placing made two of because the count asked for them. */
static recap_status merge_alike(tiling *t, recap_document *doc, size_t *nb,
                                size_t least, size_t sep) {
  size_t stems = doc->stem_info.len + 1, before = *nb;
  double *u = rc_calloc(doc->alloc, stems, sizeof *u);
  double *v = rc_calloc(doc->alloc, stems, sizeof *v);
  recap_status st = u && v ? RECAP_OK : RECAP_ERR_NOMEM;
  while (st == RECAP_OK && *nb > least) {
    uint32_t *b = t->bounds;
    for (size_t i = 0; i < *nb; i++)
      b[i] = t->gaps[i].at;
    qsort(b, *nb, sizeof *b, by_at);
    double top = RC_CH_SAME_TOPIC;
    size_t drop = *nb;
    for (size_t i = 0; i < *nb; i++) {
      double c = chapters_cosine(doc, u, v, i ? b[i - 1] : 0, b[i],
                                 i + 1 < *nb ? b[i + 1] : t->n);
      if (c >= top) {
        top = c;
        drop = i;
      }
    }
    if (drop == *nb)
      break;
    size_t k = 0;
    for (size_t i = 0; i < *nb; i++)
      if (t->gaps[i].at != b[drop])
        t->gaps[k++] = t->gaps[i];
    *nb = k;
  }
  rc_free(doc->alloc, u);
  rc_free(doc->alloc, v);
  if (st == RECAP_OK && *nb > 0 && *nb < before)
    st = place_boundaries(t, doc, *nb, sep);
  return st;
}

/* Boundaries (first sentences of chapters 2..) into t->bounds, in order;
   returns their number.  want = 0: automatic. */
static recap_status tile(tiling *t, recap_document *doc, size_t want,
                         size_t *count) {
  double expected = (double)want;
  if (!want)
    RC_TRY(expected_chapters(doc, &expected));
  size_t span = tile_span(t, expected, want > 0);
  size_t sep = (size_t)(RC_CH_CLOSEST * (double)span);
  if (sep < 1)
    sep = 1;
  RC_TRY(mark_gaps(t, doc));
  RC_TRY(gap_similarities(doc, span, t->sim, t->lex));
  depths(t, span);
  size_t nb = candidates(t, sep, want ? want - 1 : RC_MAX_CANDIDATES, !want);
  if (!want) {
    /* YouTube shows chapters only when there are three or more: where the
       recording has room, the three best, one topic or not. */
    size_t least = 0;
    if ((doc->opt.flags & RECAP_OPT_YOUTUBE) && youtube_room(t)) {
      least = RC_YOUTUBE_CHAPTERS - 1;
      if (nb < least)
        nb = candidates(t, sep, RC_MAX_CANDIDATES, 0);
    }
    nb = keep(t, nb, expected, least);
    if (nb > 0)
      RC_TRY(place_boundaries(t, doc, nb, sep));
    double lo = RC_CH_FEWEST * expected - 1;
    if (lo > 0 && (size_t)(lo + 0.5) > least)
      least = (size_t)(lo + 0.5);
    RC_TRY(merge_alike(t, doc, &nb, least, sep));
  } else if (nb > 0) {
    RC_TRY(place_boundaries(t, doc, nb, sep));
  }
  for (size_t i = 0; i < nb; i++)
    t->bounds[i] = t->gaps[i].at;
  qsort(t->bounds, nb, sizeof *t->bounds, by_at);
  *count = nb;
  return RECAP_OK;
}

/* ---- titles and highlights -------------------------------------------------
 */

static int one_word(const recap_keyphrase *k) {
  return memchr(k->phrase, ' ', k->phrase_length) == NULL;
}

/* Is the phrase shown with capitals (a name, an acronym)?  Key phrases
   keep their case only then (keyphrase.c). */
static recap_status capitalised(recap_document *doc, const recap_keyphrase *k,
                                int *yes) {
  const char *low;
  size_t n;
  RC_TRY(rc_lower(&doc->norm, k->phrase, k->phrase_length, &low, &n));
  *yes = n != k->phrase_length || memcmp(low, k->phrase, n) != 0;
  return RECAP_OK;
}

/* Does the phrase have a lower-case letter?  An acronym ("VAD") has none. */
static int has_lower(const recap_keyphrase *k) {
  for (size_t i = 0; i < k->phrase_length; i++)
    if (k->phrase[i] >= 'a' && k->phrase[i] <= 'z')
      return 1;
  return 0;
}

/* Does a word of the folded phrase f[0..n) begin the next one, as a
   false start does ("exper expert", "consum s consumers")? */
static int false_start(const char *f, size_t n) {
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && f[j] != ' ')
      j++;
    if (j < n && j > i && n - (j + 1) > j - i &&
        memcmp(f + i, f + j + 1, j - i) == 0)
      return 1;
    i = j + 1;
  }
  return 0;
}

/* Can this key phrase name a chapter?  Not with a word the language keeps
   out of titles (courtesies, forms of address, "et cetera"), not if it
   is one word too general to name a topic alone ("Meeting", while
   "kick-off meeting" may), and not if
   it is one word written as a name that general language does not know
   ("Sunil", "Kay"): people are seldom what a chapter is about, and most
   are addressed rather than discussed.  Nor if a speaker broke off a
   word in it, a fragment as a title.  Acronyms ("VAD") are no names;
   names are told only where the language has background frequencies. */
static recap_status title_worthy(recap_document *doc, const recap_keyphrase *k,
                                 int *ok) {
  const rc_wordlist *stops = &doc->lang->title_stops;
  const rc_background *bg = doc->lang->background;
  const char *f;
  size_t n;
  *ok = 1;
  RC_TRY(rc_fold(&doc->norm, k->phrase, k->phrase_length, &f, &n));
  for (size_t i = 0; i < n && *ok;) {
    size_t j = i;
    while (j < n && f[j] != ' ')
      j++;
    if (j > i && rc_wordlist_find(stops, f + i, j - i) >= 0)
      *ok = 0;
    i = j + 1;
  }
  if (*ok && false_start(f, n))
    *ok = 0;
  if (*ok && one_word(k) &&
      rc_wordlist_find(&doc->lang->title_generics, f, n) >= 0)
    *ok = 0;
  if (!*ok || !bg || !bg->total || !one_word(k))
    return RECAP_OK;
  uint32_t term = rc_strtab_find(&doc->terms, f, n);
  int caps;
  RC_TRY(capitalised(doc, k, &caps));
  if (!caps || term == RC_NO_ID)
    return RECAP_OK;
  if (has_lower(k) &&
      doc->stem_info.data[doc->term_info.data[term].stem].bg_df <= 0)
    *ok = 0;
  return RECAP_OK;
}

static int same_phrase(const recap_keyphrase *a, const recap_keyphrase *b) {
  return a->phrase_length == b->phrase_length &&
         memcmp(a->phrase, b->phrase, a->phrase_length) == 0;
}

/* The title of chapter `index`: at most RC_TITLE_PHRASES of its ranked
   key phrases kp[0..n) that are worthy, joined by the language's "and"
   ("Budget and funding"; a comma without one), or "Part N" when none is.
   A word that titled an earlier chapter does not title another (a phrase
   may: "Remote control and LCD", "Remote control and big buttons"); a
   second phrase is a phrase or an acronym, since a lone word after a
   phrase is more often a fragment ("depot construction and goes"), and
   so is a capitalised one: a role ("Favourite animal and Expert"), a
   word that opened a sentence ("Crown and Excuse"), a place or a person
   mentioned in passing ("Output node and Sicily").
   taken[0..ntaken): the phrases of earlier titles; this one's are added. */
static recap_status title(recap_document *doc, size_t index,
                          const recap_keyphrase *kp, size_t n,
                          const recap_keyphrase **taken, size_t *ntaken,
                          const char **out) {
  const char *and_ = doc->lang->title_and;
  const recap_keyphrase *use[RC_TITLE_PHRASES];
  size_t used, fresh = 0;
  for (int again = 0; again < 2 && !fresh; again++) {
    used = 0;
    for (size_t i = 0; i < n && used < RC_TITLE_PHRASES; i++) {
      int ok, old = 0;
      RC_TRY(title_worthy(doc, &kp[i], &ok));
      if (!ok || (used > 0 && one_word(&kp[i]) && has_lower(&kp[i])))
        continue;
      for (size_t j = 0; j < *ntaken; j++)
        old |= same_phrase(taken[j], &kp[i]);
      if (old && (one_word(&kp[i]) || again))
        continue;
      use[used++] = &kp[i];
      fresh += !old;
    }
  }
  rc_buf b;
  rc_buf_init(&b, doc->alloc);
  for (size_t i = 0; i < used; i++) {
    if (i && and_ && *and_)
      rc_buf_printf(&b, " %s ", and_);
    else if (i)
      rc_buf_puts(&b, ", ");
    rc_buf_put(&b, use[i]->phrase, use[i]->phrase_length);
    taken[(*ntaken)++] = use[i];
  }
  if (used == 0)
    rc_buf_printf(&b, "Part %zu", index + 1);
  const char *cap = NULL;
  size_t len = 0;
  recap_status st =
      b.failed ? RECAP_ERR_NOMEM
               : rc_capitalize(&doc->norm, rc_buf_data(&b), b.len, &cap, &len);
  char *t = st == RECAP_OK ? rc_arena_strndup(&doc->arena, cap, len) : NULL;
  rc_buf_free(&b);
  if (!t)
    return st != RECAP_OK ? st : RECAP_ERR_NOMEM;
  *out = t;
  return RECAP_OK;
}

static int by_index(const void *x, const void *y) {
  const recap_sentence *a = x, *b = y;
  return (a->index > b->index) - (a->index < b->index);
}

/* The chapter's 1-3 best sentences (about one per RC_HIGHLIGHT_EVERY), chosen
   as the summary is, so that they do not repeat each other; in order. */
static recap_status highlights(recap_document *doc, recap_chapter *c) {
  size_t k = c->sentence_count / RC_HIGHLIGHT_EVERY;
  k = k < 1 ? 1 : k > 3 ? 3 : k;
  recap_sentence *hs = rc_arena_calloc(&doc->arena, k, sizeof *hs);
  const recap_sentence **ptrs = rc_arena_calloc(&doc->arena, k, sizeof *ptrs);
  if (!hs || !ptrs)
    return RECAP_ERR_NOMEM;
  size_t got;
  RC_TRY(rc_select(doc, c->first_sentence,
                   c->first_sentence + c->sentence_count, k, RECAP_UNLIMITED,
                   hs, &got));
  qsort(hs, got, sizeof *hs, by_index);
  for (size_t i = 0; i < got; i++)
    ptrs[i] = &hs[i];
  c->highlights = ptrs;
  c->highlight_count = got;
  return RECAP_OK;
}

static void place(recap_document *doc, recap_chapter *c, size_t first,
                  size_t last) {
  const rc_sent *a = &doc->sents.data[first], *z = &doc->sents.data[last - 1];
  double ignore;
  c->first_sentence = first;
  c->sentence_count = last - first;
  rc_doc_sentence_times(doc, first, &c->start, &ignore);
  rc_doc_sentence_times(doc, last - 1, &ignore, &c->end);
  /* Cues whose times go backwards (an SRT cue earlier than the one before
     it) must not give a chapter that ends before it starts; sentences are
     clamped the same way (found by fuzz_srt). */
  if (c->start >= 0 && c->end >= 0 && c->end < c->start)
    c->end = c->start;
  c->offset = rc_doc_input_offset(doc, rc_sent_off(a));
  c->length = rc_doc_input_end(doc, rc_sent_off(z) + z->len) - c->offset;
}

/* How titles rank a chapter's phrases (keyphrase.h): IDF over chapters to
   the power 1 and the phrase's score over the whole text to the power
   0.75, where the speakers' key phrases use 2 and 0.5, so that the
   talk's subject may name a chapter that is about it ("Remote control and
   big buttons"); phrases said twice in the chapter first.  QMSum title
   R-1, before the rest of the title rules: {2, 0.5, 1} .129, {1, 0.75, 2}
   .155, {1, 1, 2} .153, {0, 0.5, 1} .153. */
static const rc_kp_weights title_weights = {1.0, 0.75, 2};

/* Chapters from the boundaries: places, titles, highlights. */
static recap_status fill(recap_document *doc, const uint32_t *bounds,
                         size_t nb) {
  const recap_allocator *a = doc->alloc;
  size_t n = doc->sents.len, nc = nb + 1;
  doc->chapters = rc_arena_calloc(&doc->arena, nc, sizeof *doc->chapters);
  uint32_t *part = rc_calloc(a, n, sizeof *part);
  recap_keyphrase *kp = rc_calloc(a, nc * RC_TITLE_CHOICES, sizeof *kp);
  size_t *got = rc_calloc(a, nc, sizeof *got);
  const recap_keyphrase **taken =
      rc_calloc(a, nc * RC_TITLE_PHRASES, sizeof *taken);
  size_t ntaken = 0;
  recap_status st =
      doc->chapters && part && kp && got && taken ? RECAP_OK : RECAP_ERR_NOMEM;
  for (size_t i = 0; st == RECAP_OK && i < nc; i++) {
    size_t first = i ? bounds[i - 1] : 0, last = i < nb ? bounds[i] : n;
    place(doc, &doc->chapters[i], first, last);
    for (size_t s = first; s < last; s++)
      part[s] = (uint32_t)i;
  }
  /* Overlapping speech (a cue that starts before the last one ends) must
     not make a chapter end after the next one starts. */
  for (size_t i = 0; st == RECAP_OK && i + 1 < nc; i++) {
    recap_chapter *c = &doc->chapters[i];
    double next = doc->chapters[i + 1].start;
    if (next >= 0 && c->end > next)
      c->end = next > c->start ? next : c->start;
  }
  if (st == RECAP_OK)
    st = rc_kp_parts_weighted(doc, part, nc, RC_TITLE_CHOICES, &title_weights,
                              kp, got);
  for (size_t i = 0; st == RECAP_OK && i < nc; i++) {
    recap_chapter *c = &doc->chapters[i];
    st = title(doc, i, kp + i * RC_TITLE_CHOICES, got[i], taken, &ntaken,
               &c->title);
    if (st == RECAP_OK)
      st = highlights(doc, c);
    if (st == RECAP_OK)
      doc->chapter_count = i + 1;
  }
  rc_free(a, part);
  rc_free(a, kp);
  rc_free(a, got);
  rc_free(a, taken);
  return st;
}

recap_status rc_chapters_build(recap_document *doc) {
  doc->chapter_count = 0;
  if (doc->sents.len == 0)
    return RECAP_OK;
  tiling t;
  size_t nb = 0;
  recap_status st = tiling_alloc(&t, doc);
  if (st == RECAP_OK)
    st = tile(&t, doc, doc->opt.chapters, &nb);
  if (st == RECAP_OK)
    st = fill(doc, t.bounds, nb);
  tiling_free(&t, doc->alloc);
  return st;
}
