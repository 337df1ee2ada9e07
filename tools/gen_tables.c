/*
 * gen_tables.c - generates src/lang_tables.c from stopwords/.
 *
 *   gen_tables STOPWORDS_DIR > src/lang_tables.c
 *
 * Reads stopwords/languages.tsv and, per language, <name>.txt (stopwords,
 * words marked "phrase" that key phrases leave out, and words marked
 * "inside" that are key phrases only inside longer ones),
 * <name>.abbrev (abbreviations and their kinds), <name>.fillers (fillers
 * and backchannels), <name>.cues (decision and action cues, phrases
 * with a mask of kinds) and <name>.endings (word endings that speak for
 * the language, for detecting it in short texts); formats in stopwords/README.
 * A language's alphabet (the letters beyond ASCII it writes) is the letters of
 * all its lists plus those languages.tsv declares.  Every word is folded with
 * the library's own rc_fold() (NFKC + case fold), so the tables hold exactly
 * the keys the tokenizer will look up, then sorted bytewise and de-duplicated.
 * Output is deterministic: running it twice gives the same file.  A build tool,
 * not part of librecap: it prints and exits freely.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "normalize.h"
#include "utf8.h"
#include "wordlist_out.h"

typedef struct entry {
  char *word;
  int kind; /* abbreviations: RC_ABBR_*; fillers: 1 = backchannel */
} entry;

typedef struct list {
  entry *e;
  size_t n, cap;
} list;

static rc_norm norm;

static void die(const char *what, const char *detail) {
  fprintf(stderr, "gen_tables: %s%s%s\n", what, detail ? ": " : "",
          detail ? detail : "");
  exit(1);
}

static void add(list *l, const char *w, size_t n, int kind) {
  const char *f;
  size_t fn;
  if (rc_fold(&norm, w, n, &f, &fn) != RECAP_OK)
    die("cannot fold", w);
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 64;
    l->e = realloc(l->e, l->cap * sizeof *l->e);
    if (!l->e)
      die("out of memory", NULL);
  }
  l->e[l->n].word = malloc(fn + 1);
  if (!l->e[l->n].word)
    die("out of memory", NULL);
  memcpy(l->e[l->n].word, f, fn);
  l->e[l->n].word[fn] = '\0';
  l->e[l->n].kind = kind;
  l->n++;
}

static int cmp(const void *a, const void *b) {
  return strcmp(((const entry *)a)->word, ((const entry *)b)->word);
}

static void sort_unique(list *l, const char *file) {
  if (l->n) /* qsort(NULL, 0, ...) is undefined */
    qsort(l->e, l->n, sizeof *l->e, cmp);
  size_t out = 0;
  for (size_t i = 0; i < l->n; i++) {
    if (out && strcmp(l->e[out - 1].word, l->e[i].word) == 0) {
      if (l->e[out - 1].kind != l->e[i].kind)
        fprintf(stderr, "gen_tables: %s: '%s' listed with two kinds\n", file,
                l->e[i].word);
      free(l->e[i].word);
      continue;
    }
    l->e[out++] = l->e[i];
  }
  l->n = out;
}

/* Splits a line into its first field and the rest (kind keyword). */
static char *strip(char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' ||
               s[n - 1] == '\t'))
    s[--n] = '\0';
  while (*s == ' ' || *s == '\t')
    s++;
  return s;
}

typedef int (*kind_fn)(const char *keyword, const char *file, int line);

static int abbrev_kind(const char *k, const char *file, int line) {
  if (!*k)
    return RC_ABBR_UPPER_ENDS;
  if (strcmp(k, "always") == 0)
    return RC_ABBR_ALWAYS;
  if (strcmp(k, "number") == 0)
    return RC_ABBR_NUMBER;
  if (strcmp(k, "end") == 0)
    return RC_ABBR_END;
  fprintf(stderr, "gen_tables: %s:%d: unknown kind '%s'\n", file, line, k);
  exit(1);
}

/* Stopword lists: a bare word is a stopword; after it, one or more kinds,
   separated by spaces, each a bit of the entry's kind: "phrase" is content
   for scoring but never part of a key phrase; "inside" is content and a
   key phrase only inside a longer one; "link" is a stopword that links to
   what follows (an article, a preposition, a conjunction), so a sentence
   cannot end with it; "join" is a stopword that joins the capitalised
   parts of a name ("Chamber of Commerce"). */
enum { STOP_PHRASE = 1, STOP_INSIDE = 2, STOP_LINK = 4, STOP_JOIN = 8 };

static int stop_kind(const char *k, const char *file, int line) {
  int kind = 0;
  char buf[64];
  snprintf(buf, sizeof buf, "%s", k);
  for (char *w = strtok(buf, " \t"); w; w = strtok(NULL, " \t")) {
    if (strcmp(w, "phrase") == 0)
      kind |= STOP_PHRASE;
    else if (strcmp(w, "inside") == 0)
      kind |= STOP_INSIDE;
    else if (strcmp(w, "link") == 0)
      kind |= STOP_LINK;
    else if (strcmp(w, "join") == 0)
      kind |= STOP_JOIN;
    else {
      fprintf(stderr, "gen_tables: %s:%d: unknown kind '%s'\n", file, line, w);
      exit(1);
    }
  }
  return kind;
}

static int filler_kind(const char *k, const char *file, int line) {
  if (!*k)
    return 0;
  if (strcmp(k, "backchannel") == 0)
    return 1;
  fprintf(stderr, "gen_tables: %s:%d: unknown kind '%s'\n", file, line, k);
  exit(1);
}

/* Phrase lists (<language>.phrases): "<kind> <word> <word> ...", the
   words as the tokenizer finds them.  Kinds, each compiled into a list of
   whole phrases (words joined by one space) for rc_lang: */
static const char *const phrase_kinds[] = {"housekeeping", "gist", "opener",
                                           "ask"};
/* "ask" words are single words a query asks with, not phrases a sentence
   says: they are not phrase ends. */
#define PHRASE_ASK 3
#define PHRASE_KINDS (sizeof phrase_kinds / sizeof *phrase_kinds)

/* Reads the phrases into l (kind = index in phrase_kinds) and the last
   word of each into ends (which rc_lang lists, so that the token pass
   looks a phrase up only at a word that can end one). */
static void read_phrases(const char *dir, const char *name, list *l,
                         list *ends) {
  char path[4096];
  if (snprintf(path, sizeof path, "%s/%s.phrases", dir, name) >=
      (int)sizeof path)
    die("path too long", dir);
  FILE *f = fopen(path, "r");
  if (!f)
    return; /* a missing list is an empty one */
  char buf[1024];
  int line = 0;
  while (fgets(buf, sizeof buf, f)) {
    line++;
    char *s = strip(buf);
    if (!*s || *s == '#')
      continue;
    char *sp = strchr(s, ' ');
    if (!sp)
      die("phrases: expected '<kind> <words>'", path);
    *sp = '\0';
    size_t k = 0;
    while (k < PHRASE_KINDS && strcmp(s, phrase_kinds[k]) != 0)
      k++;
    if (k == PHRASE_KINDS) {
      fprintf(stderr, "gen_tables: %s:%d: unknown kind '%s'\n", path, line, s);
      exit(1);
    }
    char *words = strip(sp + 1);
    size_t words_n = strlen(words);
    if (words_n == 0 || strstr(words, "  "))
      die("phrases: words separated by one space", path);
    add(l, words, words_n, (int)k);
    if (k == PHRASE_ASK) {
      if (strchr(words, ' '))
        die("phrases: an ask is one word", path);
      continue;
    }
    const char *last = strrchr(words, ' ');
    last = last ? last + 1 : words;
    add(ends, last, strlen(last), 0);
  }
  fclose(f);
  sort_unique(l, path);
  sort_unique(ends, path);
}

static void read_list(const char *dir, const char *name, const char *ext,
                      kind_fn kind, list *l) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.%s", dir, name, ext);
  FILE *f = fopen(path, "r");
  if (!f)
    return; /* a missing list is an empty one */
  char buf[1024];
  int line = 0;
  while (fgets(buf, sizeof buf, f)) {
    line++;
    char *s = strip(buf);
    if (!*s || *s == '#')
      continue;
    char *sp = strpbrk(s, " \t");
    const char *k = "";
    if (sp) {
      *sp = '\0';
      k = strip(sp + 1);
    }
    add(l, s, strlen(s), kind ? kind(k, path, line) : 0);
  }
  fclose(f);
  sort_unique(l, path);
}

/* The kinds of a .cues line, in the order of the RC_CUE_* bits. */
static const char *const cue_kind_names[RC_CUE_KINDS] = {
    "decide", "self",   "other",  "group",  "propose", "agree",
    "task",   "due",    "month",  "by",     "future",  "hedge",
    "meta",   "lead",   "ask",    "clause", "open",    "require",
    "cond",   "assent", "option", "party",  "sched"};

/* <name>.cues: "KIND word word ..." per line.  A phrase listed under
   several kinds gets the union of their bits; its words are joined by
   single spaces. */
static void read_cues(const char *dir, const char *name, list *l) {
  char path[4096];
  snprintf(path, sizeof path, "%.3000s/%.60s.cues", dir, name);
  FILE *f = fopen(path, "r");
  if (!f)
    return;
  char buf[1024];
  int line = 0;
  while (fgets(buf, sizeof buf, f)) {
    line++;
    char *s = strip(buf);
    if (!*s || *s == '#')
      continue;
    char *sp = strpbrk(s, " \t");
    if (!sp) {
      fprintf(stderr, "gen_tables: %s:%d: a cue needs a kind and words\n", path,
              line);
      exit(1);
    }
    *sp = '\0';
    int kind = -1;
    for (int k = 0; k < RC_CUE_KINDS; k++)
      if (strcmp(s, cue_kind_names[k]) == 0)
        kind = k;
    if (kind < 0) {
      fprintf(stderr, "gen_tables: %s:%d: unknown kind '%s'\n", path, line, s);
      exit(1);
    }
    char phrase[1024];
    size_t n = 0;
    for (char *w = strtok(sp + 1, " \t"); w; w = strtok(NULL, " \t")) {
      size_t wl = strlen(w);
      if (n + wl + 2 > sizeof phrase)
        die("cue too long", path);
      if (n)
        phrase[n++] = ' ';
      memcpy(phrase + n, w, wl);
      n += wl;
    }
    if (n == 0) {
      fprintf(stderr, "gen_tables: %s:%d: a cue needs words\n", path, line);
      exit(1);
    }
    add(l, phrase, n, 1 << kind);
  }
  fclose(f);
  /* Sort, then merge the kinds of a phrase listed more than once. */
  qsort(l->e, l->n, sizeof *l->e, cmp);
  size_t out = 0;
  for (size_t i = 0; i < l->n; i++) {
    if (out && strcmp(l->e[out - 1].word, l->e[i].word) == 0) {
      if (l->e[out - 1].kind & l->e[i].kind)
        fprintf(stderr, "gen_tables: %s: '%s' listed twice\n", path,
                l->e[i].word);
      l->e[out - 1].kind |= l->e[i].kind;
      free(l->e[i].word);
      continue;
    }
    l->e[out++] = l->e[i];
  }
  l->n = out;
}

/* <name>.chapters: "cue <phrase>" (kind 0), "notitle <word>" (kind 1),
   "and <word>" (kind 2), "move <phrase>" (kind 3), "generic <word>"
   (kind 4).  A phrase's words are folded
   one by one and joined by single spaces, as the tokens they are matched
   against. */
static void read_chapters(const char *dir, const char *name, list *l) {
  char path[4096];
  if (snprintf(path, sizeof path, "%s/%s.chapters", dir, name) >=
      (int)sizeof path)
    die("path too long", dir);
  FILE *f = fopen(path, "r");
  if (!f)
    return;
  char buf[1024];
  int line = 0;
  while (fgets(buf, sizeof buf, f)) {
    line++;
    char *s = strip(buf);
    if (!*s || *s == '#')
      continue;
    char *sp = strpbrk(s, " \t");
    if (!sp) {
      fprintf(stderr, "gen_tables: %s:%d: expected 'KIND TEXT'\n", path, line);
      exit(1);
    }
    *sp = '\0';
    const char *text = strip(sp + 1);
    int kind = strcmp(s, "cue") == 0       ? 0
               : strcmp(s, "notitle") == 0 ? 1
               : strcmp(s, "and") == 0     ? 2
               : strcmp(s, "move") == 0    ? 3
               : strcmp(s, "generic") == 0 ? 4
                                           : -1;
    if (kind < 0) {
      fprintf(stderr, "gen_tables: %s:%d: unknown kind '%s'\n", path, line, s);
      exit(1);
    }
    if ((kind == 1 || kind == 2 || kind == 4) && strpbrk(text, " \t")) {
      fprintf(stderr, "gen_tables: %s:%d: one word expected\n", path, line);
      exit(1);
    }
    add(l, text, strlen(text), kind);
  }
  fclose(f);
  sort_unique(l, path);
}

/* The words of l whose kind, masked with `mask`, is `want`, as the data
   of list SYM; returns how many.  (mask 0: every word.) */
static size_t emit_words(const char *sym, const list *l, int mask, int want) {
  const char **w = malloc((l->n ? l->n : 1) * sizeof *w);
  if (!w)
    die("out of memory", NULL);
  size_t n = 0;
  for (size_t i = 0; i < l->n; i++)
    if ((l->e[i].kind & mask) == want)
      w[n++] = l->e[i].word;
  wordlist_data(sym, w, n);
  free(w);
  return n;
}

/* Every stopword of every language, with a bit per language, for
   language detection (one lookup per token instead of one per language);
   and every word ending (<name>.endings) the same way. */
static list all_stop, all_ends;

static int cmp_word_lang(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int c = strcmp(x->word, y->word);
  return c ? c : x->kind - y->kind;
}

/* rc_SYM (a wordlist) and rc_SYM_masks from l (kind = language index). */
static void emit_masks(list *l, const char *sym) {
  qsort(l->e, l->n, sizeof *l->e, cmp_word_lang);
  const char **w = malloc((l->n ? l->n : 1) * sizeof *w);
  if (!w)
    die("out of memory", NULL);
  size_t n = 0;
  for (size_t i = 0; i < l->n; i++)
    if (!i || strcmp(l->e[i].word, l->e[i - 1].word) != 0)
      w[n++] = l->e[i].word;
  wordlist_data(sym, w, n);
  free(w);
  printf("const uint64_t rc_%s_masks[] = {", sym);
  for (size_t i = 0, k = 0; i < l->n; k++) {
    uint64_t mask = 0;
    size_t j = i;
    for (; j < l->n && strcmp(l->e[j].word, l->e[i].word) == 0; j++)
      mask |= (uint64_t)1 << l->e[j].kind;
    printf("%s%s0x%llxu", k ? "," : "", k % 6 ? " " : "\n    ",
           (unsigned long long)mask);
    i = j;
  }
  printf("%s};\nconst rc_wordlist rc_%s = ", n ? "" : "0", sym);
  wordlist_init(sym, n);
  printf(";\n");
}

/* A language's alphabet: the distinct code points beyond ASCII of the
   letters in its lists and its declared ones, sorted. */
typedef struct alphabet {
  uint32_t c[512];
  size_t n;
} alphabet;

static void alphabet_add(alphabet *a, const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    size_t k = rc_utf8_seqlen(u + i, n - i);
    if (k == 0) {
      i++;
      continue;
    }
    unsigned c = rc_utf8_decode(u + i, k);
    i += k;
    if (c < 0x80 || !(rc_char_class(c) & RC_CH_LETTER))
      continue;
    size_t j = 0;
    while (j < a->n && a->c[j] < c)
      j++;
    if (j < a->n && a->c[j] == c)
      continue;
    if (a->n == sizeof a->c / sizeof *a->c)
      die("alphabet: too many letters", s);
    memmove(a->c + j + 1, a->c + j, (a->n - j) * sizeof *a->c);
    a->c[j] = c;
    a->n++;
  }
}

static size_t alphabet_emit(const char *name, const alphabet *a) {
  printf("static const uint32_t %s_alphabet[] = {", name);
  for (size_t k = 0; k < a->n; k++)
    printf("%s%s0x%x", k ? "," : "", k % 10 ? " " : "\n    ", a->c[k]);
  printf("%s};\n", a->n ? "" : "0");
  return a->n;
}

typedef struct lang_row {
  char name[64], codes[64], stemmer[64], flags[64], elisions[512];
  char lexicon[64], alphabet[1024];
  size_t counts[20]; /* stopwords, abbrevs, fillers, backchannels, elisions,
                        phrase stops, inside only, links, phrase ends,
                        housekeeping, gist, joiners, openers, topic cues,
                        title stops, topic moves, cues, alphabet, asks,
                        title generics */
  int has_alphabet;
  char title_and[64];
} lang_row;

int main(int argc, char **argv) {
  if (argc != 2)
    die("usage: gen_tables STOPWORDS_DIR", NULL);
  const char *dir = argv[1];
  rc_norm_init(&norm, rc_default_allocator());
  char path[4096];
  snprintf(path, sizeof path, "%s/languages.tsv", dir);
  FILE *f = fopen(path, "r");
  if (!f)
    die("cannot open", path);
  lang_row rows[64];
  size_t nrows = 0;
  char buf[2048];
  while (fgets(buf, sizeof buf, f)) {
    char *s = strip(buf);
    if (!*s || *s == '#')
      continue;
    if (nrows == 64) /* language masks are 64-bit */
      die("too many languages", path);
    lang_row *r = &rows[nrows++];
    char *fields[7] = {0};
    int nf = 0;
    for (char *p = s; p && nf < 7; nf++) {
      fields[nf] = p;
      p = strchr(p, '\t');
      if (p)
        *p++ = '\0';
    }
    if (nf != 7)
      die("languages.tsv: expected 7 tab-separated fields", s);
    snprintf(r->name, sizeof r->name, "%s", fields[0]);
    snprintf(r->codes, sizeof r->codes, "%s", fields[1]);
    snprintf(r->stemmer, sizeof r->stemmer, "%s", fields[2]);
    snprintf(r->flags, sizeof r->flags, "%s", fields[3]);
    snprintf(r->elisions, sizeof r->elisions, "%s", fields[4]);
    snprintf(r->lexicon, sizeof r->lexicon, "%s", fields[5]);
    if (snprintf(r->alphabet, sizeof r->alphabet, "%s", fields[6]) >=
        (int)sizeof r->alphabet)
      die("languages.tsv: alphabet too long", r->name);
  }
  fclose(f);

  printf("/* Generated by tools/gen_tables.c from stopwords/; do not edit.\n"
         "   Regenerate with `make tables`. */\n"
         "#include <stddef.h>\n#include <stdint.h>\n\n#include \"lang.h\"\n\n");
  for (size_t i = 0; i < nrows; i++) {
    lang_row *r = &rows[i];
    list stop = {0}, abbr = {0}, fill = {0}, elis = {0}, phr = {0}, ends = {0},
         chap = {0}, cues = {0};
    read_list(dir, r->name, "txt", stop_kind, &stop);
    read_cues(dir, r->name, &cues);
    read_list(dir, r->name, "abbrev", abbrev_kind, &abbr);
    read_list(dir, r->name, "fillers", filler_kind, &fill);
    read_phrases(dir, r->name, &phr, &ends);
    read_chapters(dir, r->name, &chap);
    list endl = {0};
    read_list(dir, r->name, "endings", NULL, &endl);
    for (size_t k = 0; k < endl.n; k++)
      add(&all_ends, endl.e[k].word, strlen(endl.e[k].word), (int)i);
    free(endl.e);
    if (strcmp(r->elisions, "-") != 0) {
      for (char *w = strtok(r->elisions, " "); w; w = strtok(NULL, " "))
        add(&elis, w, strlen(w), 0);
      sort_unique(&elis, "languages.tsv");
    }
    char sym[128];
    /* Stopwords: the plain, linking and joining ones (phrase and inside
       words are content). */
    const int content = STOP_PHRASE | STOP_INSIDE;
    snprintf(sym, sizeof sym, "%.60s_stopwords", r->name);
    r->counts[0] = emit_words(sym, &stop, content, 0);
    snprintf(sym, sizeof sym, "%.60s_phrase_stops", r->name);
    r->counts[5] = emit_words(sym, &stop, STOP_PHRASE, STOP_PHRASE);
    snprintf(sym, sizeof sym, "%.60s_inside_only", r->name);
    r->counts[6] = emit_words(sym, &stop, STOP_INSIDE, STOP_INSIDE);
    snprintf(sym, sizeof sym, "%.60s_links", r->name);
    r->counts[7] = emit_words(sym, &stop, STOP_LINK, STOP_LINK);
    snprintf(sym, sizeof sym, "%.60s_phrase_ends", r->name);
    r->counts[8] = emit_words(sym, &ends, 0, 0);
    snprintf(sym, sizeof sym, "%.60s_housekeeping", r->name);
    r->counts[9] = emit_words(sym, &phr, ~0, 0);
    snprintf(sym, sizeof sym, "%.60s_gist", r->name);
    r->counts[10] = emit_words(sym, &phr, ~0, 1);
    snprintf(sym, sizeof sym, "%.60s_joiners", r->name);
    r->counts[11] = emit_words(sym, &stop, STOP_JOIN, STOP_JOIN);
    snprintf(sym, sizeof sym, "%.60s_openers", r->name);
    r->counts[12] = emit_words(sym, &phr, ~0, 2);
    snprintf(sym, sizeof sym, "%.60s_query_asks", r->name);
    r->counts[18] = emit_words(sym, &phr, ~0, PHRASE_ASK);
    snprintf(sym, sizeof sym, "%.60s_topic_cues", r->name);
    r->counts[13] = emit_words(sym, &chap, ~0, 0);
    snprintf(sym, sizeof sym, "%.60s_title_stops", r->name);
    r->counts[14] = emit_words(sym, &chap, ~0, 1);
    snprintf(sym, sizeof sym, "%.60s_topic_moves", r->name);
    r->counts[15] = emit_words(sym, &chap, ~0, 3);
    snprintf(sym, sizeof sym, "%.60s_title_generics", r->name);
    r->counts[19] = emit_words(sym, &chap, ~0, 4);
    r->title_and[0] = '\0';
    for (size_t k = 0; k < chap.n; k++)
      if (chap.e[k].kind == 2)
        snprintf(r->title_and, sizeof r->title_and, "%s", chap.e[k].word);
    snprintf(sym, sizeof sym, "%.60s_abbrevs", r->name);
    r->counts[1] = emit_words(sym, &abbr, 0, 0);
    printf("static const unsigned char %s_abbrev_kinds[] = {", r->name);
    for (size_t k = 0; k < abbr.n; k++)
      printf("%s%d", k ? ", " : "", abbr.e[k].kind);
    printf("%s};\n", abbr.n ? "" : "0");
    snprintf(sym, sizeof sym, "%.60s_fillers", r->name);
    r->counts[2] = emit_words(sym, &fill, ~0, 0);
    snprintf(sym, sizeof sym, "%.60s_backchannels", r->name);
    r->counts[3] = emit_words(sym, &fill, ~0, 1);
    snprintf(sym, sizeof sym, "%.60s_elisions", r->name);
    r->counts[4] = emit_words(sym, &elis, 0, 0);
    snprintf(sym, sizeof sym, "%.60s_cues", r->name);
    r->counts[16] = emit_words(sym, &cues, 0, 0);
    printf("static const uint32_t %s_cue_kinds[] = {", r->name);
    for (size_t k = 0; k < cues.n; k++)
      printf("%s%s0x%x", k ? "," : "", k % 10 ? " " : "\n    ", cues.e[k].kind);
    printf("%s};\n", cues.n ? "" : "0");
    if (strcmp(r->alphabet, "-") != 0) {
      alphabet a = {0};
      const list *all[] = {&stop, &abbr, &fill, &phr, &chap, &cues};
      for (size_t k = 0; k < sizeof all / sizeof *all; k++)
        for (size_t w = 0; w < all[k]->n; w++)
          alphabet_add(&a, all[k]->e[w].word);
      if (strcmp(r->alphabet, "none") != 0) {
        const char *letters;
        size_t fn;
        if (rc_fold(&norm, r->alphabet, strlen(r->alphabet), &letters, &fn) !=
            RECAP_OK)
          die("cannot fold", r->alphabet);
        char folded[2048];
        if (fn >= sizeof folded)
          die("alphabet too long", r->name);
        memcpy(folded, letters, fn);
        folded[fn] = '\0';
        alphabet_add(&a, folded);
      }
      r->counts[17] = alphabet_emit(r->name, &a);
      r->has_alphabet = 1;
    }
    for (size_t k = 0; k < stop.n; k++)
      if (!(stop.e[k].kind & content))
        add(&all_stop, stop.e[k].word, strlen(stop.e[k].word), (int)i);
    putchar('\n');
    free(stop.e);
    free(abbr.e);
    free(fill.e);
    free(elis.e);
    free(phr.e);
    free(ends.e);
    free(chap.e);
    free(cues.e);
  }
  for (size_t i = 0; i < nrows; i++)
    if (strcmp(rows[i].lexicon, "hunspell") == 0)
      printf("/* from gen_wordclass */\n"
             "extern const rc_wordlist rc_%s_verb_ends, rc_%s_other_ends, "
             "rc_%s_adverbs, rc_%s_verbs;\n",
             rows[i].name, rows[i].name, rows[i].name, rows[i].name);
  for (size_t i = 0; i < nrows; i++)
    if (strcmp(rows[i].lexicon, "wordnet") == 0)
      printf("/* from gen_lexicon */\n"
             "extern const rc_wordlist rc_%s_verbs, rc_%s_adverbs, "
             "rc_%s_modifiers, rc_%s_nonfinal;\n"
             "extern const rc_background rc_%s_background;\n",
             rows[i].name, rows[i].name, rows[i].name, rows[i].name,
             rows[i].name);
  printf("\nconst rc_lang rc_languages[] = {\n");
  for (size_t i = 0; i < nrows; i++) {
    lang_row *r = &rows[i];
    const char *n = r->name;
    char *aliases = strchr(r->codes, ',');
    if (aliases)
      *aliases++ = '\0';
    printf("    {\"%s\", \"%s\", \"%s\", ", n, r->codes,
           aliases ? aliases : "");
    if (strcmp(r->stemmer, "-") == 0)
      printf("NULL, ");
    else
      printf("\"%s\", ", r->stemmer);
    static const char *const flag_names[][2] = {
        {"nospace", "RC_LANG_NOSPACE"},
        {"ordinal", "RC_LANG_ORDINAL"},
        {"colonstop", "RC_LANG_COLON_STOP"},
        {"semicolonstop", "RC_LANG_SEMICOLON_STOP"},
        {"headfinal", "RC_LANG_HEADFINAL"}};
    int nflags = 0;
    for (size_t fl = 0; fl < sizeof flag_names / sizeof *flag_names; fl++)
      if (strstr(r->flags, flag_names[fl][0]))
        printf("%s%s", nflags++ ? " | " : "", flag_names[fl][1]);
    printf("%s,\n", nflags ? "" : "0");
    static const char *const parts[] = {
        "stopwords",   "abbrevs",      "fillers",     "backchannels",
        "elisions",    "phrase_stops", "inside_only", "links",
        "phrase_ends", "housekeeping", "gist",        "joiners",
        "openers"};
    printf("    ");
    for (int k = 0; k < 13; k++) {
      char sym[128];
      snprintf(sym, sizeof sym, "%.60s_%s", n, parts[k]);
      wordlist_init(sym, r->counts[k]);
      printf(", ");
      if (k == 1)
        printf("%s_abbrev_kinds,\n    ", n);
    }
    printf("\n");
    if (strcmp(r->lexicon, "wordnet") == 0)
      printf("     &rc_%s_verbs, &rc_%s_adverbs, &rc_%s_modifiers,\n"
             "     &rc_%s_nonfinal, NULL, NULL, &rc_%s_background,\n",
             n, n, n, n, n);
    else if (strcmp(r->lexicon, "hunspell") == 0)
      printf(
          "     &rc_%s_verbs, &rc_%s_adverbs, NULL, NULL, &rc_%s_verb_ends,\n"
          "     &rc_%s_other_ends, NULL,\n",
          n, n, n, n);
    else
      printf("     NULL, NULL, NULL, NULL, NULL, NULL, NULL,\n");
    /* The chapters' lists (lang.h: topic_cues, topic_moves, title_stops,
       title_generics, title_and). */
    char sym[128];
    printf("     ");
    snprintf(sym, sizeof sym, "%.60s_topic_cues", n);
    wordlist_init(sym, r->counts[13]);
    printf(", ");
    snprintf(sym, sizeof sym, "%.60s_topic_moves", n);
    wordlist_init(sym, r->counts[15]);
    printf(", ");
    snprintf(sym, sizeof sym, "%.60s_title_stops", n);
    wordlist_init(sym, r->counts[14]);
    printf(", ");
    snprintf(sym, sizeof sym, "%.60s_title_generics", n);
    wordlist_init(sym, r->counts[19]);
    printf(", \"%s\",\n     ", r->title_and);
    snprintf(sym, sizeof sym, "%.60s_cues", n);
    wordlist_init(sym, r->counts[16]);
    printf(", %s_cue_kinds,\n     ", n);
    if (r->has_alphabet)
      printf("%s_alphabet, %zu,\n     ", n, r->counts[17]);
    else
      printf("NULL, 0,\n     ");
    snprintf(sym, sizeof sym, "%.60s_query_asks", n);
    wordlist_init(sym, r->counts[18]);
    printf("},\n");
  }
  printf("};\n\nconst size_t rc_language_count = %zu;\n\n", nrows);
  emit_masks(&all_stop, "stopword_any");
  emit_masks(&all_ends, "ending_any");
  rc_norm_free(&norm);
  return 0;
}
