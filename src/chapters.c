/*
 * chapters.c - chapters by lexical cohesion, after TextTiling (Hearst 1997).
 *
 * At every gap between sentences, the similarity of the text before with
 * the text after (cosine of their TF-IDF weighted term counts, `span`
 * content words each side) says how much the talk stays on topic there.
 * A gap's depth is how far its similarity lies below the highest within
 * `span` on both sides; topic shifts are deep valleys.  Boundaries are the
 * deepest gaps at least `span` apart: as many as asked for, or,
 * automatically, those deeper than the average candidate.
 *
 * `span` is RC_TILE_FRACTION of the expected chapter: with chapters asked
 * for, of the real one; automatically, a first pass guesses one chapter
 * per RC_WORDS_PER_CHAPTER words and a second pass uses the count the
 * first one found.  Measured with tools/chapter-eval (Pk over meetings
 * spliced together; README, "Chapters"): Hearst's fixed windows of
 * sentences and climb to the nearest peaks scored worse than one chapter
 * for the whole text, since speech is full of short sentences and ripples.
 *
 * Every pass is linear: the windows slide (moving the gap by a sentence
 * updates dot products and norms term by term) and depths are sliding-
 * window maxima.
 */
#include "chapters.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "keyphrase.h"
#include "summary.h"

/* ---- similarity across each gap ------------------------------------------ */

typedef struct slide {
  double *left, *right; /* per stem: weight in each window */
  double dot, ll, rr;   /* left . right, |left|^2, |right|^2 */
} slide;

static void move_term(slide *w, uint32_t stem, double dl, double dr) {
  double l = w->left[stem], r = w->right[stem];
  w->dot -= l * r;
  w->ll -= l * l;
  w->rr -= r * r;
  l += dl;
  r += dr;
  w->left[stem] = l;
  w->right[stem] = r;
  w->dot += l * r;
  w->ll += l * l;
  w->rr += r * r;
}

/* Adds sentence s to the left window dl times and to the right dr times. */
static void move_sentence(slide *w, const recap_document *doc, size_t s,
                          double dl, double dr) {
  const rc_sent *se = &doc->sents.data[s];
  for (uint32_t k = 0; k < se->nterms; k++) {
    const rc_tf *t = &doc->sent_terms.data[se->terms + k];
    double x = t->tf * doc->stem_info.data[t->stem].idf;
    move_term(w, t->stem, dl * x, dr * x);
  }
}

/* sim[g] for the gap before sentence g, g in [1, n): the sentences
   [first, g) before it and [g, end) after it, each side as few sentences
   as make `span` content words (fewer at the ends). */
static recap_status gap_similarities(const recap_document *doc, size_t span,
                                     double *sim) {
  size_t n = doc->sents.len, nstems = doc->stem_info.len;
  const recap_allocator *a = doc->alloc;
  const rc_sent *se = doc->sents.data;
  slide w;
  memset(&w, 0, sizeof w);
  w.left = rc_calloc(a, nstems ? nstems : 1, sizeof *w.left);
  w.right = rc_calloc(a, nstems ? nstems : 1, sizeof *w.right);
  if (!w.left || !w.right) {
    rc_free(a, w.left);
    rc_free(a, w.right);
    return RECAP_ERR_NOMEM;
  }
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
    double d = w.ll > 0 && w.rr > 0 ? sqrt(w.ll) * sqrt(w.rr) : 0;
    sim[g] = d > 0 ? w.dot / d : 0;
  }
  rc_free(a, w.left);
  rc_free(a, w.right);
  return RECAP_OK;
}

/* ---- boundaries ---------------------------------------------------------- */

typedef struct gap {
  uint32_t at;
  double depth;
} gap;

/* Scratch for one document, each array with room for n + 1 entries. */
typedef struct tiling {
  size_t n;
  size_t *cum;     /* content words before each sentence */
  double *sim;     /* per gap */
  double *depth;   /* per gap */
  uint32_t *queue; /* sliding-window maxima */
  gap *gaps;       /* gaps by depth, then the candidates */
  size_t *pos;     /* candidates' positions, sorted */
  uint32_t *bounds;
} tiling;

static recap_status tiling_alloc(tiling *t, const recap_document *doc) {
  const recap_allocator *a = doc->alloc;
  size_t n = doc->sents.len;
  memset(t, 0, sizeof *t);
  t->n = n;
  t->cum = rc_calloc(a, n + 1, sizeof *t->cum);
  t->sim = rc_calloc(a, n + 1, sizeof *t->sim);
  t->depth = rc_calloc(a, n + 1, sizeof *t->depth);
  t->queue = rc_calloc(a, n + 1, sizeof *t->queue);
  t->gaps = rc_calloc(a, n + 1, sizeof *t->gaps);
  t->pos = rc_calloc(a, n + 1, sizeof *t->pos);
  t->bounds = rc_calloc(a, n + 1, sizeof *t->bounds);
  if (!t->cum || !t->sim || !t->depth || !t->queue || !t->gaps || !t->pos ||
      !t->bounds)
    return RECAP_ERR_NOMEM;
  for (size_t i = 0; i < n; i++)
    t->cum[i + 1] = t->cum[i] + doc->sents.data[i].content;
  return RECAP_OK;
}

static void tiling_free(tiling *t, const recap_allocator *a) {
  rc_free(a, t->cum);
  rc_free(a, t->sim);
  rc_free(a, t->depth);
  rc_free(a, t->queue);
  rc_free(a, t->gaps);
  rc_free(a, t->pos);
  rc_free(a, t->bounds);
}

/* The scale of the comparison for `chapters` chapters, in content words:
   windows, the reach of depths and the shortest chapter.  Chapters asked
   for may be shorter than RC_TILE_MIN when the text is. */
static size_t tile_span(const tiling *t, size_t chapters, int asked) {
  double content = (double)t->cum[t->n];
  double span = RC_TILE_FRACTION * content / (double)chapters;
  double lo = RC_TILE_MIN;
  if (asked && content / (double)(2 * chapters) < lo)
    lo = content / (double)(2 * chapters);
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

static int by_depth(const void *x, const void *y) {
  const gap *a = x, *b = y;
  if (a->depth != b->depth)
    return a->depth > b->depth ? -1 : 1;
  return (a->at > b->at) - (a->at < b->at);
}

static int by_at(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

/* Is position p at least `span` from each of the sorted pos[0..n)? */
static int far_enough(const size_t *pos, size_t n, size_t p, size_t span) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (pos[mid] < p)
      lo = mid + 1;
    else
      hi = mid;
  }
  return (lo == n || pos[lo] - p >= span) && (lo == 0 || p - pos[lo - 1] >= span);
}

/* Candidates: the deepest gaps at least `span` from each other and from
   both ends, at most `limit`, into gaps[0..), deepest first. */
static size_t candidates(tiling *t, size_t span, size_t limit) {
  size_t n = t->n, total = t->cum[n], m = 0, nc = 0;
  for (size_t g = 1; g < n; g++) {
    t->gaps[m].at = (uint32_t)g;
    t->gaps[m].depth = t->depth[g];
    m++;
  }
  qsort(t->gaps, m, sizeof *t->gaps, by_depth);
  for (size_t i = 0; i < m && nc < limit && t->gaps[i].depth > 0; i++) {
    size_t p = t->cum[t->gaps[i].at];
    if (p < span || total - p < span || !far_enough(t->pos, nc, p, span))
      continue;
    size_t k = nc;
    for (; k > 0 && t->pos[k - 1] > p; k--)
      t->pos[k] = t->pos[k - 1];
    t->pos[k] = p;
    t->gaps[nc++] = t->gaps[i];
  }
  return nc;
}

/* Boundaries (first sentences of chapters 2..) into t->bounds, in order;
   returns their number.  want = 0: automatic. */
static recap_status tile(tiling *t, const recap_document *doc, size_t want,
                         size_t *count) {
  size_t guess = want ? want : doc->word_count / RC_WORDS_PER_CHAPTER + 1;
  size_t span = tile_span(t, guess, want > 0);
  RC_TRY(gap_similarities(doc, span, t->sim));
  depths(t, span);
  size_t limit = want ? want - 1 : RC_MAX_CANDIDATES;
  size_t nb = candidates(t, span, limit < RC_MAX_CANDIDATES ? limit
                                                            : RC_MAX_CANDIDATES);
  if (!want && nb) {
    double mean = 0;
    for (size_t i = 0; i < nb; i++)
      mean += t->gaps[i].depth;
    mean /= (double)nb;
    size_t deep = 0;
    while (deep < nb && deep + 1 < RC_MAX_CHAPTERS && t->gaps[deep].depth >= mean)
      deep++;
    /* Again at the scale of the chapters found. */
    span = tile_span(t, deep + 1, 0);
    RC_TRY(gap_similarities(doc, span, t->sim));
    depths(t, span);
    nb = candidates(t, span, deep);
  }
  for (size_t i = 0; i < nb; i++)
    t->bounds[i] = t->gaps[i].at;
  qsort(t->bounds, nb, sizeof *t->bounds, by_at);
  *count = nb;
  return RECAP_OK;
}

/* ---- titles and highlights ------------------------------------------------- */

/* "Remote control, button design": the chapter's own key phrases (kp[0..n)),
   or "Part N" when it has none. */
static recap_status title(recap_document *doc, size_t index,
                          const recap_keyphrase *kp, size_t n,
                          const char **out) {
  rc_buf b;
  rc_buf_init(&b, doc->alloc);
  for (size_t i = 0; i < n; i++) {
    if (i)
      rc_buf_puts(&b, ", ");
    rc_buf_put(&b, kp[i].phrase, kp[i].phrase_length);
  }
  if (n == 0)
    rc_buf_printf(&b, "Part %zu", index + 1);
  char *t = b.failed ? NULL : rc_arena_strndup(&doc->arena, rc_buf_data(&b), b.len);
  rc_buf_free(&b);
  if (!t)
    return RECAP_ERR_NOMEM;
  if (t[0] >= 'a' && t[0] <= 'z')
    t[0] = (char)(t[0] - 32);
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
  RC_TRY(rc_select(doc, c->first_sentence, c->first_sentence + c->sentence_count,
                   k, RECAP_UNLIMITED, hs, &got));
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
  c->offset = rc_doc_input_offset(doc, a->off);
  c->length = rc_doc_input_end(doc, z->off + z->len) - c->offset;
}

/* Chapters from the boundaries: places, titles, highlights. */
static recap_status fill(recap_document *doc, const uint32_t *bounds,
                         size_t nb) {
  const recap_allocator *a = doc->alloc;
  size_t n = doc->sents.len, nc = nb + 1;
  doc->chapters = rc_arena_calloc(&doc->arena, nc, sizeof *doc->chapters);
  uint32_t *part = rc_calloc(a, n, sizeof *part);
  recap_keyphrase *kp = rc_calloc(a, nc * RC_TITLE_PHRASES, sizeof *kp);
  size_t *got = rc_calloc(a, nc, sizeof *got);
  recap_status st = doc->chapters && part && kp && got ? RECAP_OK
                                                       : RECAP_ERR_NOMEM;
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
    st = rc_kp_parts(doc, part, nc, RC_TITLE_PHRASES, kp, got);
  for (size_t i = 0; st == RECAP_OK && i < nc; i++) {
    recap_chapter *c = &doc->chapters[i];
    st = title(doc, i, kp + i * RC_TITLE_PHRASES, got[i], &c->title);
    if (st == RECAP_OK)
      st = highlights(doc, c);
    if (st == RECAP_OK)
      doc->chapter_count = i + 1;
  }
  rc_free(a, part);
  rc_free(a, kp);
  rc_free(a, got);
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
