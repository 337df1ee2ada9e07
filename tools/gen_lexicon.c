/*
 * gen_lexicon.c - English lexical data from WordNet, at build time:
 * words that are not part of noun phrases, and general-English word
 * frequencies.
 *
 *   gen_lexicon WORDNET_DIR > build/gen/lexicon.c
 *
 * Key phrase candidates are runs of content words; without a
 * part-of-speech tagger, verbs and adverbs slip into them ("classicism
 * explain universality", "provide causal explanations").  WordNet says
 * which parts of speech a word can take (index.*) and SemCor says how often
 * each is used (cntlist.rev: tagged occurrences per sense).  A word is
 * listed when its verb and adverb uses outnumber its noun and adjective
 * uses more than RATIO to 1 (or, untagged, when WordNet knows it only as a
 * verb or adverb).  Verbs are listed with their inflections (regular ones
 * by rule, irregular ones from verb.exc), except forms that are themselves
 * mostly nouns or adjectives.
 *
 * Modifiers that are never nouns ("experienced", "available") are listed
 * again as words no key phrase ends in.
 *
 * Frequencies: SemCor's tagged occurrences per lemma (all parts of speech),
 * summed per Snowball stem, give how common a word is in general English.
 * TF-IDF uses them as background document frequencies when the caller has
 * no archive table of their own, so "particular", "think" or "version"
 * weigh little even in a text that uses them once.
 *
 * The tables are generated, not committed: WordNet (Debian package
 * wordnet-base) is a build-time input only.  Without it they are empty:
 * key phrases fall back to runs of content words and IDF to the
 * document's own sentences.  Output is sorted and deterministic.  A build
 * tool: it prints and exits freely.
 */
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wordlist_out.h"

#define RATIO 2

typedef struct word {
  char *w;
  unsigned counts[4]; /* SemCor uses: noun, verb, adj, adv */
  unsigned pos;       /* bit per part of speech WordNet lists */
  int listed;
} word;

static word *words;
static size_t nwords, capwords;

static int by_w(const void *a, const void *b) {
  return strcmp(((const word *)a)->w, ((const word *)b)->w);
}

static word *find(const char *w) {
  word key = {(char *)w, {0}, 0, 0};
  return bsearch(&key, words, nwords, sizeof *words, by_w);
}

static word *add(const char *w) {
  if (nwords == capwords) {
    capwords = capwords ? capwords * 2 : 4096;
    words = realloc(words, capwords * sizeof *words);
    if (!words) {
      fputs("gen_lexicon: out of memory\n", stderr);
      exit(1);
    }
  }
  word *x = &words[nwords++];
  memset(x, 0, sizeof *x);
  x->w = strdup(w);
  return x;
}

static FILE *open_in(const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return fopen(path, "r");
}

/* index.{noun,verb,adj,adv}: the lemma is the first field. */
static int read_index(const char *dir, const char *name, unsigned bit) {
  FILE *f = open_in(dir, name);
  if (!f)
    return 0;
  char line[8192];
  while (fgets(line, sizeof line, f)) {
    if (line[0] == ' ')
      continue; /* licence header */
    char *sp = strchr(line, ' ');
    if (!sp)
      continue;
    *sp = '\0';
    if (strchr(line, '_'))
      continue; /* collocations */
    word *x = add(line);
    x->pos |= bit;
  }
  fclose(f);
  return 1;
}

/* Merges duplicate lemmas (one per part of speech) after sorting. */
static void merge(void) {
  qsort(words, nwords, sizeof *words, by_w);
  size_t out = 0;
  for (size_t i = 0; i < nwords; i++) {
    if (out && strcmp(words[out - 1].w, words[i].w) == 0) {
      words[out - 1].pos |= words[i].pos;
      free(words[i].w);
      continue;
    }
    words[out++] = words[i];
  }
  nwords = out;
}

/* cntlist.rev: "lemma%ss_type:... sense_number tag_count". */
static void read_counts(const char *dir) {
  FILE *f = open_in(dir, "cntlist.rev");
  if (!f)
    return;
  char key[1024];
  unsigned sense, count;
  while (fscanf(f, "%1023s %u %u", key, &sense, &count) == 3) {
    char *pct = strchr(key, '%');
    if (!pct)
      continue;
    *pct = '\0';
    int ss = pct[1] - '0';
    int slot = ss == 1 ? 0 : ss == 2 ? 1 : ss == 4 ? 3 : 2; /* 3, 5: adj */
    word *x = find(key);
    if (x)
      x->counts[slot] += count;
  }
  fclose(f);
}

static int mostly_verb_or_adverb(const word *x) {
  unsigned va = x->counts[1] + x->counts[3], na = x->counts[0] + x->counts[2];
  if (va == 0 && na == 0)
    return (x->pos & 0xA) && !(x->pos & 0x5); /* only verb/adverb */
  return va >= RATIO * na + 1;
}

static int mostly_noun_or_adjective(const char *w) {
  const word *x = find(w);
  if (!x)
    return 0;
  unsigned va = x->counts[1] + x->counts[3], na = x->counts[0] + x->counts[2];
  return na > RATIO * va;
}

/* Mostly an adjective or adverb (number words are adjectives in WordNet),
   or, untagged, never a noun: "good", "different", "two", "digital". */
static int mostly_modifier(const word *x) {
  unsigned mod = x->counts[2] + x->counts[3], noun = x->counts[0];
  if (mod == 0 && noun == 0)
    return (x->pos & 0xC) && !(x->pos & 0x1);
  return mod >= RATIO * noun + 1;
}

/* A modifier that is never used as a noun: WordNet has no noun sense of
   it, or SemCor never tags one ("experienced", "available", "straight",
   but not "terminal" or "remote", which name things too).  It modifies
   the word after it, so a key phrase never ends in it. */
static int never_noun(const word *x) {
  return !(x->pos & 0x1) || x->counts[0] == 0;
}

typedef struct out {
  char **w;
  size_t n, cap;
} out;

static void push(out *o, const char *w) {
  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 4096;
    o->w = realloc(o->w, o->cap * sizeof *o->w);
    if (!o->w)
      exit(1);
  }
  o->w[o->n++] = strdup(w);
}

static int listable(const char *w) {
  return !strchr(w, '-') && !strchr(w, '.') && strlen(w) >= 2;
}

static void emit(out *o, const char *w) {
  if (listable(w) && !mostly_noun_or_adjective(w))
    push(o, w);
}

/* An inflected form of a verb whose lemma has `verb_uses`.  SemCor counts
   a form's verb uses under its lemma, so the form's own counts are only
   its noun and adjective senses; it is still mostly a verb unless those
   rival its share of the lemma's (a verb has about FORM_SHARE forms):
   "said" (2 adjective uses against 2167 of "say") and "thought" (102
   against 590) are verbs, "feeling" and "building" nouns.  Forms in -ing
   are nouns on a much smaller share, as gerunds name activities
   ("learning": 5 against 154, "finding", "setting"), but not "starting"
   (5 against 299), "talking" or "trying". */
#define FORM_SHARE 4
#define ING_SHARE 50
static void emit_form(out *o, const char *w, unsigned verb_uses) {
  const word *x = find(w);
  size_t n = strlen(w);
  int ing = n > 3 && strcmp(w + n - 3, "ing") == 0;
  unsigned na = x ? x->counts[0] + x->counts[2] : 0;
  unsigned long share = ing ? ING_SHARE : FORM_SHARE;
  int noun = verb_uses == 0 ? mostly_noun_or_adjective(w)
                            : (unsigned long)na * share >= verb_uses;
  if (listable(w) && !noun)
    push(o, w);
}

static int vowel(char c) { return strchr("aeiou", c) != NULL; }

static void inflect(out *o, const word *x) {
  const char *v = x->w;
  unsigned uses = x->counts[1];
  size_t n = strlen(v);
  char buf[256];
  if (n + 4 >= sizeof buf)
    return;
  emit(o, v);
  int cy = n > 2 && v[n - 1] == 'y' && !vowel(v[n - 2]);
  if (cy)
    snprintf(buf, sizeof buf, "%.*sies", (int)(n - 1), v);
  else if (n && (strchr("sxz", v[n - 1]) ||
                 (n > 1 && (v[n - 1] == 'h') && strchr("cs", v[n - 2]))))
    snprintf(buf, sizeof buf, "%ses", v);
  else
    snprintf(buf, sizeof buf, "%ss", v);
  emit_form(o, buf, uses);
  if (v[n - 1] == 'e')
    snprintf(buf, sizeof buf, "%sd", v);
  else if (cy)
    snprintf(buf, sizeof buf, "%.*sied", (int)(n - 1), v);
  else
    snprintf(buf, sizeof buf, "%sed", v);
  emit_form(o, buf, uses);
  if (v[n - 1] == 'e' && n > 2 && v[n - 2] != 'e')
    snprintf(buf, sizeof buf, "%.*sing", (int)(n - 1), v);
  else
    snprintf(buf, sizeof buf, "%sing", v);
  emit_form(o, buf, uses);
}

/* verb.exc: "inflected lemma": irregular forms of listed verbs. */
static void irregular(const char *dir, out *o) {
  FILE *f = open_in(dir, "verb.exc");
  if (!f)
    return;
  char form[256], lemma[256];
  while (fscanf(f, "%255s %255s%*[^\n]", form, lemma) == 2) {
    const word *x = find(lemma);
    if (x && (x->pos & 0x2) && mostly_verb_or_adverb(x))
      emit_form(o, form, x->counts[1]);
  }
  fclose(f);
}

static void degree(out *o, out *nf, const char *form) {
  const word *y = find(form);
  if ((!y || mostly_modifier(y)) && listable(form)) {
    push(o, form);
    if (!y || never_noun(y))
      push(nf, form);
  }
}

/* Comparatives and superlatives of modifiers, unless the form is a noun
   of its own: regular ones by rule ("harder", "easiest"), irregular ones
   from adj.exc ("better"). */
static void comparatives(const char *dir, out *o, out *nf) {
  char buf[256];
  for (size_t i = 0; i < nwords; i++) {
    const word *x = &words[i];
    size_t n = strlen(x->w);
    if (!(x->pos & 0x4) || !mostly_modifier(x) || n < 3 || n > 200 ||
        strchr(x->w, '-'))
      continue;
    const char *v = x->w;
    int y = v[n - 1] == 'y' && !vowel(v[n - 2]), e = v[n - 1] == 'e';
    const char *suffix[2] = {"er", "est"};
    for (int k = 0; k < 2; k++) {
      if (y)
        snprintf(buf, sizeof buf, "%.*si%s", (int)(n - 1), v, suffix[k]);
      else
        snprintf(buf, sizeof buf, "%s%s", v, e ? suffix[k] + 1 : suffix[k]);
      degree(o, nf, buf);
    }
  }
  FILE *f = open_in(dir, "adj.exc");
  if (!f)
    return;
  char form[256], lemma[256];
  while (fscanf(f, "%255s %255s%*[^\n]", form, lemma) == 2) {
    const word *x = find(lemma);
    if (x && mostly_modifier(x))
      degree(o, nf, form);
  }
  fclose(f);
}

/* Background frequencies: SemCor counts per stem. */
typedef struct freq {
  char *stem;
  unsigned long count;
} freq;

static int by_stem(const void *a, const void *b) {
  return strcmp(((const freq *)a)->stem, ((const freq *)b)->stem);
}

static void emit_frequencies(int have) {
  freq *f = calloc(nwords ? nwords : 1, sizeof *f);
  struct sb_stemmer *sb = sb_stemmer_new("english", NULL);
  if (!f || !sb)
    exit(1);
  size_t n = 0;
  unsigned long total = 0;
  for (size_t i = 0; have && i < nwords; i++) {
    const word *x = &words[i];
    unsigned long c = (unsigned long)x->counts[0] + x->counts[1] +
                      x->counts[2] + x->counts[3];
    if (c == 0)
      continue;
    const sb_symbol *s =
        sb_stemmer_stem(sb, (const sb_symbol *)x->w, (int)strlen(x->w));
    f[n].stem = strndup((const char *)s, (size_t)sb_stemmer_length(sb));
    f[n].count = c;
    total += c;
    n++;
  }
  qsort(f, n, sizeof *f, by_stem);
  const char **stems = malloc((n ? n : 1) * sizeof *stems);
  if (!stems)
    exit(1);
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (!i || strcmp(f[i].stem, f[i - 1].stem))
      stems[m++] = f[i].stem;
  printf("\n");
  wordlist_data("bg_stems", stems, m);
  free(stems);
  /* Without WordNet there are no counts: no array either (an unused one
     is a -Werror warning). */
  if (m) {
    printf("static const uint32_t bg_counts[] = {");
    for (size_t i = 0, k = 0; i < n; k++) {
      unsigned long c = 0;
      size_t j = i;
      for (; j < n && strcmp(f[j].stem, f[i].stem) == 0; j++)
        c += f[j].count;
      printf("%s%s%lu", k ? "," : "", k % 10 ? " " : "\n    ", c);
      i = j;
    }
    printf("};\n");
  }
  printf("\nextern const rc_background rc_english_background;\n"
         "const rc_background rc_english_background = {");
  wordlist_init("bg_stems", m);
  printf(", %s, %lu};\n", m ? "bg_counts" : "NULL", total);
  sb_stemmer_delete(sb);
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A sorted, de-duplicated word list as rc_english_<name>. */
static void print_list(const char *name, out *o) {
  qsort(o->w, o->n, sizeof *o->w, cmp_str);
  size_t m = 0;
  for (size_t i = 0; i < o->n; i++)
    if (!i || strcmp(o->w[i], o->w[i - 1]) != 0)
      o->w[m++] = o->w[i];
  printf("\n");
  wordlist_data(name, (const char *const *)o->w, m);
  printf("extern const rc_wordlist rc_english_%s;\n"
         "const rc_wordlist rc_english_%s = ",
         name, name);
  wordlist_init(name, m);
  printf(";\n");
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fputs("usage: gen_lexicon WORDNET_DIR\n", stderr);
    return 2;
  }
  const char *dir = argv[1];
  int have =
      read_index(dir, "index.noun", 0x1) & read_index(dir, "index.verb", 0x2) &
      read_index(dir, "index.adj", 0x4) & read_index(dir, "index.adv", 0x8);
  out verbs = {NULL, 0, 0}, adverbs = {NULL, 0, 0}, modifiers = {NULL, 0, 0},
      nonfinal = {NULL, 0, 0};
  if (have) {
    merge();
    read_counts(dir);
    for (size_t i = 0; i < nwords; i++) {
      const word *x = &words[i];
      if (listable(x->w) && mostly_modifier(x)) {
        push(&modifiers, x->w);
        if (never_noun(x))
          push(&nonfinal, x->w);
      }
      if (!mostly_verb_or_adverb(x))
        continue;
      /* Verbs get their inflections; adverbs ("digitally") are their own
         class because, unlike verbs, they are never part of a name. */
      int verb = (x->pos & 0x2) && x->counts[1] >= x->counts[3];
      if (verb)
        inflect(&verbs, x);
      else
        emit(&adverbs, x->w);
    }
    irregular(dir, &verbs);
    comparatives(dir, &modifiers, &nonfinal);
  } else {
    fprintf(stderr,
            "gen_lexicon: no WordNet in %s; building without the "
            "English lexicon (see README)\n",
            dir);
  }
  printf("/* Generated at build time by tools/gen_lexicon.c from WordNet "
         "3.0 (%s);\n   do not edit, do not commit. */\n"
         "#include <stddef.h>\n#include <stdint.h>\n\n#include \"lang.h\"\n",
         have ? "Princeton University, WordNet licence" : "absent: empty");
  print_list("verbs", &verbs);
  print_list("adverbs", &adverbs);
  print_list("modifiers", &modifiers);
  print_list("nonfinal", &nonfinal);
  emit_frequencies(have);
  return 0;
}
