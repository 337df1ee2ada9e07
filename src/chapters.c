/*
 * chapters.c - chapters by lexical cohesion (TextTiling, Hearst 1997).
 *
 * At every gap between sentences, the similarity of the RC_TILE_WINDOW
 * sentences before with the RC_TILE_WINDOW after (cosine of their summed
 * term counts) says how much the talk stays on topic there.  A gap's depth
 * is how far its similarity lies below the highest points reachable on
 * both sides; topic shifts are deep valleys.  Boundaries are the deepest
 * gaps, at least RC_MIN_CHAPTER sentences apart; their number is the one
 * asked for, or, automatically, those deeper than TextTiling's cutoff
 * (mean - sd / 2) up to one per RC_WORDS_PER_CHAPTER words.
 *
 * The window sums slide: moving the gap by one sentence changes the terms
 * of two sentences, and dot products and norms are updated term by term,
 * so the whole scan is linear in the document.
 */
#include "chapters.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "keyphrase.h"

typedef struct slide {
  double *left, *right; /* per stem: counts in each window */
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

static void move_sentence(slide *w, const recap_document *doc, size_t s,
                          double dl, double dr) {
  const rc_sent *se = &doc->sents.data[s];
  for (uint32_t k = 0; k < se->nterms; k++) {
    const rc_tf *t = &doc->sent_terms.data[se->terms + k];
    move_term(w, t->stem, dl * t->tf, dr * t->tf);
  }
}

/* sim[g] for the gap before sentence g, g in [1, n). */
static recap_status gap_similarities(const recap_document *doc, double *sim) {
  size_t n = doc->sents.len, nstems = doc->stem_info.len;
  const recap_allocator *a = doc->alloc;
  slide w;
  memset(&w, 0, sizeof w);
  w.left = rc_calloc(a, nstems ? nstems : 1, sizeof *w.left);
  w.right = rc_calloc(a, nstems ? nstems : 1, sizeof *w.right);
  if (!w.left || !w.right) {
    rc_free(a, w.left);
    rc_free(a, w.right);
    return RECAP_ERR_NOMEM;
  }
  size_t k = RC_TILE_WINDOW;
  /* Gap 1: left = [0, 1), right = [1, 1 + k). */
  move_sentence(&w, doc, 0, 1, 0);
  for (size_t s = 1; s < n && s < 1 + k; s++)
    move_sentence(&w, doc, s, 0, 1);
  for (size_t g = 1; g < n; g++) {
    if (g > 1) {
      move_sentence(&w, doc, g - 1, 1, -1); /* crosses the gap */
      if (g - 1 >= k)
        move_sentence(&w, doc, g - 1 - k, -1, 0);
      if (g + k - 1 < n)
        move_sentence(&w, doc, g + k - 1, 0, 1);
    }
    double d = w.ll > 0 && w.rr > 0 ? sqrt(w.ll) * sqrt(w.rr) : 0;
    sim[g] = d > 0 ? w.dot / d : 0;
  }
  rc_free(a, w.left);
  rc_free(a, w.right);
  return RECAP_OK;
}

/* Hearst's depth: climb to the highest similarity on each side.  A climb
   from gap g that steps left onto g - 1 continues exactly as the climb
   from g - 1 would, so both peaks come from one linear pass each. */
static void depths(const double *sim, size_t n, double *peak, double *depth) {
  for (size_t g = 1; g < n; g++)
    peak[g] = g > 1 && sim[g - 1] >= sim[g] ? peak[g - 1] : sim[g];
  for (size_t g = 1; g < n; g++)
    depth[g] = peak[g] - sim[g];
  double right = 0;
  for (size_t g = n - 1; g >= 1; g--) {
    right = g + 1 < n && sim[g + 1] >= sim[g] ? right : sim[g];
    depth[g] += right - sim[g];
  }
}

typedef struct gap {
  uint32_t at;
  double depth;
} gap;

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

/* Boundaries (first sentences of chapters 2..), chosen by depth. */
static size_t choose_boundaries(const recap_document *doc, const double *depth,
                                gap *gaps, uint32_t *bounds, size_t want) {
  size_t n = doc->sents.len;
  size_t min_len = RC_MIN_CHAPTER;
  if (want && n / (want + 1) < min_len)
    min_len = n / (want + 1) > 1 ? n / (want + 1) : 1;
  double mean = 0, var = 0;
  size_t m = 0;
  for (size_t g = 1; g < n; g++) {
    gaps[m].at = (uint32_t)g;
    gaps[m].depth = depth[g];
    mean += depth[g];
    m++;
  }
  if (m == 0)
    return 0;
  mean /= (double)m;
  for (size_t i = 0; i < m; i++)
    var += (gaps[i].depth - mean) * (gaps[i].depth - mean);
  double cutoff = mean - sqrt(var / (double)m) / 2;
  size_t limit = want ? want - 1 : doc->word_count / RC_WORDS_PER_CHAPTER;
  if (limit >= (want ? RC_MAX_CHAPTERS_ASKED : RC_MAX_CHAPTERS))
    limit = (want ? RC_MAX_CHAPTERS_ASKED : RC_MAX_CHAPTERS) - 1;
  qsort(gaps, m, sizeof *gaps, by_depth);
  size_t nb = 0;
  for (size_t i = 0; i < m && nb < limit; i++) {
    if (!want && (gaps[i].depth <= cutoff || gaps[i].depth <= 0))
      break;
    uint32_t at = gaps[i].at;
    if (at < min_len || n - at < min_len)
      continue;
    int near = 0;
    for (size_t j = 0; j < nb && !near; j++)
      near = (at > bounds[j] ? at - bounds[j] : bounds[j] - at) < min_len;
    if (!near)
      bounds[nb++] = at;
  }
  qsort(bounds, nb, sizeof *bounds, by_at);
  return nb;
}

typedef struct range {
  size_t first, last;
} range;

static int in_range(const recap_document *doc, size_t s, void *user) {
  (void)doc;
  const range *r = user;
  return s >= r->first && s < r->last;
}

/* "Remote control, button design": the chapter's own key phrases. */
static recap_status title(recap_document *doc, size_t first, size_t last,
                          uint32_t *counts, const char **out) {
  memset(counts, 0, doc->phrases.len * sizeof *counts);
  range r = {first, last};
  RC_TRY(rc_kp_count(doc, first, last, in_range, &r, counts));
  recap_keyphrase kp[2];
  size_t n;
  RC_TRY(rc_kp_local(doc, counts, 2, kp, &n));
  rc_buf b;
  rc_buf_init(&b, doc->alloc);
  for (size_t i = 0; i < n; i++) {
    if (i)
      rc_buf_puts(&b, ", ");
    rc_buf_put(&b, kp[i].phrase, kp[i].phrase_length);
  }
  if (n == 0)
    rc_buf_printf(&b, "Part %zu", doc->chapter_count + 1);
  char *t = b.failed ? NULL : rc_arena_strndup(&doc->arena, rc_buf_data(&b), b.len);
  rc_buf_free(&b);
  if (!t)
    return RECAP_ERR_NOMEM;
  if (t[0] >= 'a' && t[0] <= 'z')
    t[0] = (char)(t[0] - 32);
  *out = t;
  return RECAP_OK;
}

typedef struct scored {
  uint32_t sent;
  float score;
} scored;

static int by_score(const void *x, const void *y) {
  const scored *a = x, *b = y;
  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  return (a->sent > b->sent) - (a->sent < b->sent);
}

static int by_index(const void *x, const void *y) {
  const recap_sentence *const *a = x, *const *b = y;
  return ((*a)->index > (*b)->index) - ((*a)->index < (*b)->index);
}

/* The chapter's 1-3 best sentences (about one per 15), in order. */
static recap_status highlights(recap_document *doc, recap_chapter *c,
                               scored *tmp) {
  size_t m = 0;
  for (size_t i = c->first_sentence; i < c->first_sentence + c->sentence_count;
       i++) {
    const rc_sent *s = &doc->sents.data[i];
    if (!rc_sent_eligible(s))
      continue;
    tmp[m].sent = (uint32_t)i;
    tmp[m].score = s->score;
    m++;
  }
  qsort(tmp, m, sizeof *tmp, by_score);
  size_t k = c->sentence_count / 15;
  k = k < 1 ? 1 : k > 3 ? 3 : k;
  if (k > m)
    k = m;
  recap_sentence *hs = rc_arena_calloc(&doc->arena, k ? k : 1, sizeof *hs);
  const recap_sentence **ptrs =
      rc_arena_calloc(&doc->arena, k ? k : 1, sizeof *ptrs);
  if (!hs || !ptrs)
    return RECAP_ERR_NOMEM;
  for (size_t i = 0; i < k; i++) {
    RC_TRY(rc_doc_sentence(doc, tmp[i].sent, 1, &hs[i]));
    ptrs[i] = &hs[i];
  }
  qsort(ptrs, k, sizeof *ptrs, by_index);
  c->highlights = ptrs;
  c->highlight_count = k;
  return RECAP_OK;
}

static recap_status fill(recap_document *doc, recap_chapter *c, size_t first,
                         size_t last, uint32_t *counts, scored *tmp) {
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
  RC_TRY(title(doc, first, last, counts, &c->title));
  return highlights(doc, c, tmp);
}

recap_status rc_chapters_build(recap_document *doc) {
  size_t n = doc->sents.len;
  doc->chapter_count = 0;
  if (n == 0)
    return RECAP_OK;
  RC_TRY(rc_keyphrases_score(doc));
  const recap_allocator *a = doc->alloc;
  double *sim = rc_calloc(a, n + 1, sizeof *sim);
  double *depth = rc_calloc(a, n + 1, sizeof *depth);
  double *peak = rc_calloc(a, n + 1, sizeof *peak);
  gap *gaps = rc_calloc(a, n, sizeof *gaps);
  uint32_t *bounds = rc_calloc(a, n + 1, sizeof *bounds);
  uint32_t *counts = rc_calloc(a, doc->phrases.len + 1, sizeof *counts);
  scored *tmp = rc_calloc(a, n, sizeof *tmp);
  recap_status st = sim && depth && peak && gaps && bounds && counts && tmp
                        ? RECAP_OK
                        : RECAP_ERR_NOMEM;
  size_t nb = 0;
  if (st == RECAP_OK)
    st = gap_similarities(doc, sim);
  if (st == RECAP_OK) {
    depths(sim, n, peak, depth);
    nb = choose_boundaries(doc, depth, gaps, bounds, doc->opt.chapters);
    doc->chapters = rc_arena_calloc(&doc->arena, nb + 1, sizeof *doc->chapters);
    if (!doc->chapters)
      st = RECAP_ERR_NOMEM;
  }
  for (size_t i = 0; st == RECAP_OK && i <= nb; i++) {
    size_t first = i ? bounds[i - 1] : 0, last = i < nb ? bounds[i] : n;
    st = fill(doc, &doc->chapters[i], first, last, counts, tmp);
    if (st == RECAP_OK)
      doc->chapter_count = i + 1;
  }
  rc_free(a, sim);
  rc_free(a, depth);
  rc_free(a, peak);
  rc_free(a, gaps);
  rc_free(a, bounds);
  rc_free(a, counts);
  rc_free(a, tmp);
  return st;
}
