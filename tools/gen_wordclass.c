/*
 * gen_wordclass.c - verb forms of other languages, at build time, from
 * Hunspell dictionaries: words that key phrases leave out.
 *
 *   gen_wordclass HUNSPELL_DIR > build/gen/wordclass.c
 *
 * WordNet gives English word classes (gen_lexicon.c); for French, Spanish,
 * German, Italian, Portuguese, Russian and Dutch, the spelling dictionaries
 * Debian ships (hunspell-fr, -es, -de-de, -it, -pt-pt, -ru, -nl) list each
 * word's stem with affix classes, and two of them also its part of speech.
 * A form counts when the dictionary makes it only as a verb form (an
 * infinitive, a finite form, a gerund or present participle) or an
 * adverb, never as a form of a noun, adjective or other word:
 * "utiliser", "enseignons", "llevará", "выполняет".  Past participles are
 * left out: they modify nouns ("modèle entraîné", "используемая модель").
 * Adverbs ("spécifiquement", "largement") are listed whole as
 * rc_<language>_adverbs: po:adv (fr), CAT=adv (pt), and words in -mente
 * (es, it) longer than "mente" itself.
 *
 * Which stems are verbs:
 *   fr  the stem's morphology says po:v (Dicollecte); a form's rule says
 *       which form it is (po:ipre, po:infi, ...; po:ppas is a participle)
 *   pt  [CAT=v] (Natura), rules T=p, T=pi, ... (T=pp, T=ppa participles)
 *   es, it, ru, de, nl  no parts of speech: a stem shaped like an
 *       infinitive (-ar -er -ir, -are -ere -ire, -ть -ти -чь -ться, -en)
 *       whose affix rules strip that ending is a verb; a rule output that
 *       takes affixes of its own ("-ción/S") is a derived word, not a verb
 *       form, and so is one with an adjective's or participle's ending
 *       (the PARTICIPLE endings below).
 * Only one level of suffixes is expanded (no prefixes, no continuation
 * classes, no compounds); irregular forms the dictionary lists as bare
 * words (Spanish "tenía") are not found.  Without the dictionaries the
 * lists are empty and key phrases in these languages are runs of content
 * words as before.  Output is sorted and deterministic.  A build tool: it
 * prints and exits freely.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wordlist_out.h"

typedef struct lang {
  const char *name; /* recap's language name */
  const char *dic;  /* file name without extension */
  const char *pos;  /* "fr", "pt" or NULL: parts of speech in the data */
  const char *infinitive[8];
  const char *participle[24]; /* endings of derived modifiers */
} lang;

static const lang langs[] = {
    {"french", "fr", "fr", {NULL}, {NULL}},
    {"portuguese", "pt_PT", "pt", {NULL}, {NULL}},
    {"spanish",
     "es_ES",
     NULL,
     {"ar", "er", "ir", "ír", NULL},
     {"ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas", "able",
      "ible", "ción", "dor", "dora", "miento", NULL}},
    {"italian",
     "it_IT",
     NULL,
     {"are", "ere", "ire", NULL},
     {"ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta",
      "uti", "ute", "bile", "bili", "zione", "tore", "trice", "mento", NULL}},
    {"russian",
     "ru_RU",
     NULL,
     {"ть", "ти", "чь", "ться", "тись", "чься"},
     /* adjective endings, but not -им -ем (говорим, делаем) */
     {"ый",  "ий",  "ой", "ая", "яя", "ое", "ее", "ые",  "ие",  "ого", "его",
      "ому", "ему", "ую", "юю", "ым", "ых", "их", "ыми", "ими", NULL}},
    {"german",
     "de_DE",
     NULL,
     {"en", "ern", "eln", NULL},
     {"bar", "bare", "barer", "baren", "bares", "barem", "ung", "ungen", "end",
      "ende", "ender", "enden", "endes", "endem", "er", NULL}},
    {"dutch", "nl", "nl", {NULL}, {NULL}},
};

/* ---- text ---------------------------------------------------------------- */

static void die(const char *m) {
  fprintf(stderr, "gen_wordclass: %s\n", m);
  exit(1);
}

static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p)
    die("out of memory");
  return p;
}

static int ends_with(const char *w, const char *e) {
  size_t a = strlen(w), b = strlen(e);
  return a >= b && memcmp(w + a - b, e, b) == 0;
}

/* The next UTF-8 character of *s (advancing it), as a code point. */
static uint32_t next_cp(const char **s) {
  const unsigned char *p = (const unsigned char *)*s;
  uint32_t c = p[0];
  int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (n > 1)
    c &= 0x3F >> (n - 1);
  for (int i = 1; i < n && p[i]; i++)
    c = c << 6 | (p[i] & 0x3F);
  *s += n;
  return c;
}

static size_t cps(const char *s, uint32_t *out, size_t cap) {
  size_t n = 0;
  while (*s && n < cap)
    out[n++] = next_cp(&s);
  return n;
}

/* ---- flags --------------------------------------------------------------- */

enum { FLAG_CHAR, FLAG_LONG, FLAG_UTF8, FLAG_NUM };
static int flag_mode;

/* The flags of s (up to a '/' or whitespace already cut), into out. */
static size_t parse_flags(const char *s, uint32_t *out, size_t cap) {
  size_t n = 0;
  while (*s && n < cap) {
    if (flag_mode == FLAG_LONG) {
      if (!s[1])
        break;
      out[n++] = (uint32_t)(unsigned char)s[0] << 8 | (unsigned char)s[1];
      s += 2;
    } else if (flag_mode == FLAG_UTF8) {
      out[n++] = next_cp(&s);
    } else if (flag_mode == FLAG_NUM) {
      out[n++] = (uint32_t)strtoul(s, (char **)&s, 10);
      if (*s == ',')
        s++;
      else if (*s)
        break;
    } else {
      out[n++] = (unsigned char)*s++;
    }
  }
  return n;
}

/* ---- affix rules --------------------------------------------------------- */

typedef struct rule {
  uint32_t flag;
  char *strip, *add; /* add without its continuation classes */
  int cont;          /* the output takes affixes of its own */
  /* condition: elements matched against the word's end */
  uint32_t *set; /* characters of each element, 0-terminated per element */
  size_t nel;
  size_t *el_off; /* start of element i in set */
  int *neg;
  char *morph;
  size_t order; /* in the file */
} rule;

static rule *rules;
static size_t nrules;

static void parse_cond(rule *r, const char *c) {
  uint32_t buf[1024];
  size_t nb = 0;
  r->el_off = NULL;
  r->neg = NULL;
  r->nel = 0;
  if (strcmp(c, ".") == 0)
    c = "";
  while (*c) {
    r->el_off = xrealloc(r->el_off, (r->nel + 1) * sizeof *r->el_off);
    r->neg = xrealloc(r->neg, (r->nel + 1) * sizeof *r->neg);
    r->el_off[r->nel] = nb;
    r->neg[r->nel] = 0;
    if (*c == '[') {
      c++;
      if (*c == '^') {
        r->neg[r->nel] = 1;
        c++;
      }
      while (*c && *c != ']' && nb < 1000)
        buf[nb++] = next_cp(&c);
      if (*c == ']')
        c++;
    } else if (*c == '.') {
      r->neg[r->nel] = 2; /* any */
      c++;
    } else {
      buf[nb++] = next_cp(&c);
    }
    buf[nb++] = 0;
    r->nel++;
  }
  r->set = xrealloc(NULL, (nb + 1) * sizeof *r->set);
  memcpy(r->set, buf, nb * sizeof *buf);
}

static int cond_ok(const rule *r, const char *word) {
  uint32_t w[256];
  size_t n = cps(word, w, 256);
  if (r->nel > n)
    return 0;
  for (size_t i = 0; i < r->nel; i++) {
    uint32_t c = w[n - r->nel + i];
    if (r->neg[i] == 2)
      continue;
    int in = 0;
    for (const uint32_t *p = r->set + r->el_off[i]; *p; p++)
      in |= *p == c;
    if (in == r->neg[i])
      return 0;
  }
  return 1;
}

static int by_flag(const void *a, const void *b) {
  const rule *x = a, *y = b;
  if (x->flag != y->flag)
    return x->flag < y->flag ? -1 : 1;
  return (x->order > y->order) - (x->order < y->order);
}

/* The rules of flag f: rules[*first .. return). */
static size_t rules_of(uint32_t f, size_t *first) {
  size_t lo = 0, hi = nrules;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (rules[mid].flag < f)
      lo = mid + 1;
    else
      hi = mid;
  }
  *first = lo;
  while (hi < nrules && rules[hi].flag == f)
    hi++;
  return hi;
}

static int read_aff(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return 0;
  char line[4096];
  flag_mode = FLAG_CHAR;
  while (fgets(line, sizeof line, f)) {
    char *tok[8] = {0};
    int nt = 0;
    char *morph = NULL;
    for (char *p = strtok(line, " \t\r\n"); p && nt < 8;
         p = strtok(NULL, " \t\r\n")) {
      tok[nt++] = p;
      if (nt == 5) {
        morph = strtok(NULL, "\r\n");
        break;
      }
    }
    if (nt >= 2 && strcmp(tok[0], "FLAG") == 0) {
      flag_mode = strcmp(tok[1], "long") == 0    ? FLAG_LONG
                  : strcmp(tok[1], "UTF-8") == 0 ? FLAG_UTF8
                  : strcmp(tok[1], "num") == 0   ? FLAG_NUM
                                                 : FLAG_CHAR;
      continue;
    }
    if (nt < 5 || strcmp(tok[0], "SFX") != 0)
      continue;
    uint32_t fl[4];
    if (parse_flags(tok[1], fl, 4) != 1)
      continue;
    rules = xrealloc(rules, (nrules + 1) * sizeof *rules);
    rule *r = &rules[nrules++];
    memset(r, 0, sizeof *r);
    r->flag = fl[0];
    r->strip = strdup(strcmp(tok[2], "0") == 0 ? "" : tok[2]);
    char *slash = strchr(tok[3], '/');
    if (slash) {
      *slash = '\0';
      r->cont = slash[1] != '\0';
    }
    r->add = strdup(strcmp(tok[3], "0") == 0 ? "" : tok[3]);
    parse_cond(r, tok[4]);
    r->morph = strdup(morph ? morph : "");
  }
  fclose(f);
  /* Order by flag (the file's order within a flag: rule pointers are
     compared before sorting moves them, so add an index). */
  for (size_t i = 0; i < nrules; i++)
    rules[i].order = i;
  qsort(rules, nrules, sizeof *rules, by_flag);
  return 1;
}

/* ---- forms --------------------------------------------------------------- */

typedef struct forms {
  char **w;
  size_t n, cap;
} forms;

/* Adds w in recap's matching form (case folded: German ß is ss). */
static void push(forms *o, const char *w) {
  if (o->n == o->cap) {
    o->cap = o->cap ? o->cap * 2 : 4096;
    o->w = xrealloc(o->w, o->cap * sizeof *o->w);
  }
  char *c = xrealloc(NULL, strlen(w) + 1);
  size_t k = 0;
  for (const char *p = w; *p; p++) {
    if ((unsigned char)p[0] == 0xC3 && (unsigned char)p[1] == 0x9F) {
      c[k++] = 's';
      c[k++] = 's';
      p++;
    } else {
      c[k++] = *p;
    }
  }
  c[k] = '\0';
  o->w[o->n++] = c;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort_unique(forms *o) {
  qsort(o->w, o->n, sizeof *o->w, cmp_str);
  size_t m = 0;
  for (size_t i = 0; i < o->n; i++)
    if (!m || strcmp(o->w[i], o->w[m - 1]) != 0)
      o->w[m++] = o->w[i];
  o->n = m;
}

static int has(const forms *o, const char *w) {
  return bsearch(&w, o->w, o->n, sizeof *o->w, cmp_str) != NULL;
}

/* ---- endings that tell verb forms ---------------------------------------- */

/* The dictionaries make millions of forms (Italian alone a million with
   its clitics): too many to compile in.  What is compiled in are word
   endings, found here: walking the forms from their last letter back, a
   node (an ending) is labelled verb when at least VERB_SHARE of the forms
   ending so are verb forms, and listed where its label differs from the
   shorter ending's; a word's class is that of its longest listed ending
   (other by default).  Endings shared by fewer than MIN_FORMS forms take
   their parent's label, so single words are not memorised. */
#define VERB_SHARE 0.9
#define MIN_FORMS 3

typedef struct item {
  char *rev; /* the form, its characters in reverse order */
  int verb;
} item;

static char *reversed(const char *w) {
  size_t n = strlen(w);
  char *r = xrealloc(NULL, n + 1);
  size_t k = n;
  for (const char *p = w; *p;) {
    const char *q = p;
    next_cp(&q);
    size_t len = (size_t)(q - p);
    if (len > k)
      len = k;
    k -= len;
    memcpy(r + k, p, len);
    p = q;
  }
  r[n] = '\0';
  return r;
}

static int by_rev(const void *a, const void *b) {
  return strcmp(((const item *)a)->rev, ((const item *)b)->rev);
}

static size_t char_len(const char *s) {
  const char *q = s;
  next_cp(&q);
  return (size_t)(q - s);
}

/* The items [lo, hi) share their first `depth` bytes (a reversed ending);
   parent is the label of the ending one character shorter. */
static void classify(const item *it, size_t lo, size_t hi, size_t depth,
                     int parent, forms *ve, forms *oe) {
  size_t v = 0;
  for (size_t i = lo; i < hi; i++)
    v += (size_t)it[i].verb;
  int label = parent;
  if (hi - lo >= MIN_FORMS)
    label = (double)v >= VERB_SHARE * (double)(hi - lo);
  if (depth > 0 && label != parent) {
    char rev[512];
    memcpy(rev, it[lo].rev, depth < sizeof rev - 1 ? depth : sizeof rev - 1);
    rev[depth < sizeof rev - 1 ? depth : sizeof rev - 1] = '\0';
    char *w = reversed(rev);
    push(label ? ve : oe, w);
    free(w);
  }
  /* Children: by the next character. */
  size_t i = lo;
  while (i < hi && it[i].rev[depth] == '\0')
    i++; /* forms that are this ending exactly */
  while (i < hi) {
    size_t cl = char_len(it[i].rev + depth), j = i + 1;
    while (j < hi && strncmp(it[j].rev + depth, it[i].rev + depth, cl) == 0)
      j++;
    classify(it, i, j, depth + cl, label, ve, oe);
    i = j;
  }
}

/* What the endings say of w: 1 verb, 0 other. */
static int ends_say_verb(const forms *ve, const forms *oe, const char *w) {
  for (const char *p = w; *p;) {
    if (has(ve, p))
      return 1;
    if (has(oe, p))
      return 0;
    next_cp(&p);
  }
  return 0;
}

static void print_list(const char *sym, forms *o) {
  sort_unique(o);
  printf("\n");
  wordlist_data(sym, (const char *const *)o->w, o->n);
  printf("extern const rc_wordlist rc_%s;\nconst rc_wordlist rc_%s = ", sym,
         sym);
  wordlist_init(sym, o->n);
  printf(";\n");
}

/* Is the rule's output a verb form, for a stem that is a verb? */
static int verbal_rule(const lang *l, const rule *r, const char *form) {
  if (l->pos && strcmp(l->pos, "fr") == 0) {
    static const char *const tags[] = {
        "po:infi", "po:ppre", "po:ipre", "po:iimp", "po:ipsi", "po:ifut",
        "po:cond", "po:spre", "po:simp", "po:impe", NULL};
    for (int i = 0; tags[i]; i++)
      if (strstr(r->morph, tags[i]))
        return 1;
    return 0;
  }
  if (l->pos && strcmp(l->pos, "nl") == 0)
    return strstr(r->morph, "ts:VB") != NULL;
  if (l->pos && strcmp(l->pos, "pt") == 0) {
    const char *t = strstr(r->morph, "T=");
    if (!t)
      return 0;
    /* pp is the preterite ("apresentou"), ppa the past participle */
    static const char *const tags[] = {"p",  "pi",  "pic", "pmp", "pp",
                                       "f",  "fc",  "c",   "i",   "ip",
                                       "pc", "inf", "g",   NULL};
    char tag[8];
    size_t k = 0;
    for (t += 2; *t && *t != ',' && *t != ']' && k + 1 < sizeof tag; t++)
      tag[k++] = *t;
    tag[k] = '\0';
    for (int i = 0; tags[i]; i++)
      if (strcmp(tag, tags[i]) == 0)
        return 1;
    return 0;
  }
  if (r->cont)
    return 0; /* a derived word with affixes of its own */
  for (int i = 0; l->participle[i]; i++)
    if (ends_with(form, l->participle[i]))
      return 0;
  return 1;
}

/* Is the dictionary stem an adverb? */
static int adverb_stem(const lang *l, const char *w, const char *morph) {
  if (l->pos && strcmp(l->pos, "fr") == 0)
    return strstr(morph, "po:adv") != NULL && !strstr(morph, "po:nom") &&
           !strstr(morph, "po:adj");
  if (l->pos && strcmp(l->pos, "pt") == 0)
    return strstr(morph, "CAT=adv") != NULL;
  return (strcmp(l->name, "spanish") == 0 || strcmp(l->name, "italian") == 0) &&
         ends_with(w, "mente") && strlen(w) > 8;
}

/* Is the dictionary stem a verb? */
static int verb_stem(const lang *l, const char *w, const char *morph,
                     const uint32_t *fl, size_t nf) {
  if (l->pos && strcmp(l->pos, "fr") == 0)
    return strstr(morph, "po:v") != NULL;
  if (l->pos && strcmp(l->pos, "pt") == 0)
    return strstr(morph, "CAT=v") != NULL;
  if (l->pos && strcmp(l->pos, "nl") == 0) { /* flags with ts:VB rules */
    for (size_t k = 0; k < nf; k++) {
      size_t i, end = rules_of(fl[k], &i);
      for (; i < end; i++)
        if (strstr(rules[i].morph, "ts:VB"))
          return 1;
    }
    return 0;
  }
  const char *inf = NULL;
  for (int i = 0; l->infinitive[i]; i++)
    if (ends_with(w, l->infinitive[i]) &&
        strlen(w) > strlen(l->infinitive[i]) + 1)
      inf = l->infinitive[i];
  if (!inf || (w[0] >= 'A' && w[0] <= 'Z'))
    return 0; /* German nouns are capitalised: "Leben", not "leben" */
  /* Conjugated by its rules: some rule strips the infinitive's ending. */
  for (size_t k = 0; k < nf; k++) {
    size_t i, end = rules_of(fl[k], &i);
    for (; i < end; i++)
      if (*rules[i].strip && ends_with(inf, rules[i].strip) && !rules[i].cont)
        return 1;
  }
  return 0;
}

/* A word a key phrase key would match: lower case, no hyphen-only or
   dotted forms. */
static int listable(const char *w) {
  if (strlen(w) < 2 || strchr(w, '.') || strchr(w, ' '))
    return 0;
  for (const char *p = w; *p; p++)
    if (*p >= 'A' && *p <= 'Z')
      return 0;
  return 1;
}

/* The forms of entry w: the stem itself (a verb form if stem_verb) and
   what its suffix rules make (verb forms if the entry is a verb and the
   rule makes one). */
static void expand(const char *w, const uint32_t *fl, size_t nf, const lang *l,
                   int stem_verb, int verb, forms *verbs, forms *other) {
  if (listable(w))
    push(stem_verb ? verbs : other, w);
  char buf[512];
  for (size_t k = 0; k < nf; k++) {
    size_t i, end = rules_of(fl[k], &i);
    for (; i < end; i++) {
      const rule *r = &rules[i];
      if (!ends_with(w, r->strip) || !cond_ok(r, w))
        continue;
      size_t base = strlen(w) - strlen(r->strip);
      if (base + strlen(r->add) + 1 > sizeof buf)
        continue;
      memcpy(buf, w, base);
      strcpy(buf + base, r->add);
      if (!listable(buf))
        continue;
      push(verb && verbal_rule(l, r, buf) ? verbs : other, buf);
    }
  }
}

/* The verb-only forms of one language, printed as rc_<name>_verbs. */
static size_t one_language(const char *dir, const lang *l) {
  char path[4096];
  forms verbs = {0}, other = {0}, adverbs = {0};
  char **stems = NULL;
  size_t stems_n = 0;
  nrules = 0;
  snprintf(path, sizeof path, "%s/%s.aff", dir, l->dic);
  int have = read_aff(path);
  snprintf(path, sizeof path, "%s/%s.dic", dir, l->dic);
  FILE *f = have ? fopen(path, "r") : NULL;
  if (f) {
    /* Pass 1: the stems some entry makes a verb (German lists "begrüßen"
       twice: as a verb, and with the affixes of its derived adjectives);
       pass 2: every entry's forms. */
    forms verb_stems = {0};
    for (int pass = 1; pass <= 2; pass++) {
      rewind(f);
      char line[4096];
      int first = 1;
      while (fgets(line, sizeof line, f)) {
        if (first) { /* the word count */
          first = 0;
          continue;
        }
        if (line[0] == '/' || line[0] == '\t' || line[0] == '#')
          continue;
        char *morph = strpbrk(line, "\t ");
        if (morph)
          *morph++ = '\0';
        else
          morph = "";
        line[strcspn(line, "\r\n")] = '\0';
        char *slash = strchr(line, '/');
        uint32_t fl[256];
        size_t nf = 0;
        if (slash) {
          *slash = '\0';
          nf = parse_flags(slash + 1, fl, 256);
        }
        if (!*line)
          continue;
        int verb = verb_stem(l, line, morph, fl, nf);
        if (pass == 1) {
          if (verb)
            push(&verb_stems, line);
          continue;
        }
        if (adverb_stem(l, line, morph)) {
          if (listable(line))
            push(&adverbs, line); /* listed whole: few, and frequent */
          continue;
        }
        expand(line, fl, nf, l, verb || has(&verb_stems, line), verb, &verbs,
               &other);
      }
      if (pass == 1)
        sort_unique(&verb_stems);
    }
    stems = verb_stems.w;
    stems_n = verb_stems.n;
    fclose(f);
  } else {
    fprintf(stderr,
            "gen_wordclass: no %s dictionary in %s; %s key phrases "
            "go without verb forms (see README)\n",
            l->dic, dir, l->name);
  }
  sort_unique(&other);
  sort_unique(&verbs);
  /* Every form with its class: verb only, or anything else. */
  size_t n = 0;
  item *it = xrealloc(NULL, (verbs.n + other.n + 1) * sizeof *it);
  for (size_t i = 0; i < verbs.n; i++)
    if (!has(&other, verbs.w[i])) {
      it[n].rev = reversed(verbs.w[i]);
      it[n++].verb = 1;
    }
  size_t nverbs = n;
  for (size_t i = 0; i < other.n; i++) {
    it[n].rev = reversed(other.w[i]);
    it[n++].verb = 0;
  }
  qsort(it, n, sizeof *it, by_rev);
  forms ve = {0}, oe = {0};
  classify(it, 0, n, 0, 0, &ve, &oe);
  char sym[96];
  snprintf(sym, sizeof sym, "%s_verb_ends", l->name);
  print_list(sym, &ve);
  snprintf(sym, sizeof sym, "%s_other_ends", l->name);
  print_list(sym, &oe);
  snprintf(sym, sizeof sym, "%s_adverbs", l->name);
  print_list(sym, &adverbs);
  /* German and Dutch verbs end in -en like the adjectives' forms, which
     the endings cannot tell apart: their verb stems (infinitives, also
     the plural present: "begrüßen", "fahren") are listed whole too. */
  forms exact = {0};
  if (strcmp(l->name, "german") == 0 || strcmp(l->name, "dutch") == 0)
    for (size_t i = 0; i < stems_n; i++)
      if (listable(stems[i]))
        push(&exact, stems[i]);
  snprintf(sym, sizeof sym, "%s_verbs", l->name);
  print_list(sym, &exact);
  /* How well the endings tell the forms apart. */
  size_t right = 0, vright = 0, vsaid = 0;
  for (size_t i = 0; i < n; i++) {
    char *w = reversed(it[i].rev);
    int said = ends_say_verb(&ve, &oe, w);
    right += said == it[i].verb;
    vsaid += said;
    vright += said && it[i].verb;
    free(w);
  }
  fprintf(stderr,
          "gen_wordclass: %s: %zu verb forms of %zu; %zu verb endings, %zu "
          "others; %.1f%% of the forms right, verbs found %.1f%% "
          "(precision %.1f%%); %zu adverbs\n",
          l->name, nverbs, n, ve.n, oe.n, n ? 100.0 * right / n : 0,
          nverbs ? 100.0 * vright / nverbs : 0,
          vsaid ? 100.0 * vright / vsaid : 0, adverbs.n);
  return nverbs;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fputs("usage: gen_wordclass HUNSPELL_DIR\n", stderr);
    return 2;
  }
  printf(
      "/* Generated at build time by tools/gen_wordclass.c from the Hunspell\n"
      "   dictionaries in %s; do not edit, do not commit. */\n"
      "#include <stddef.h>\n#include <stdint.h>\n\n#include \"lang.h\"\n",
      argv[1]);
  for (size_t i = 0; i < sizeof langs / sizeof *langs; i++)
    one_language(argv[1], &langs[i]);
  return 0;
}
