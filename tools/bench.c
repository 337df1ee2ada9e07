/*
 * bench.c - `make bench`: recap's speed, scaling, memory, start-up and
 * batch figures, printed as a plain-text report for the README.
 *
 *   bench [--max-mb N] [--quick] [--generated] [--recap PATH]
 *   bench --write-meetings BYTES FILE
 *
 * It checks the targets of the "Speed and scale" issue (#18) on the machine
 * it runs on:
 *   - throughput per pipeline stage and end to end, one thread, on real
 *     meeting transcripts and English transcript text (>= 100 MB/s) and
 *     mostly non-ASCII text (>= 30 MB/s), from the document's per-stage
 *     timers (doc->timing, see doc.h), by the clock and in CPU time;
 *   - scaling of real meetings from 1 MB to 100 MB (1 GB with --max-mb
 *     1024): 10x the input may cost at most 11x the time, and peak RSS
 *     stays within 3x the input + 16 MB;
 *   - start-up of the CLI on a one-line input (<= 2 ms);
 *   - the CLI's JSON Lines batch mode with -j 1 and -j 2 (>= 1.8x; per
 *     document overhead <= 50 us);
 *   - the same input through ots (Open Text Summarizer), when installed.
 *
 * Inputs are built in memory by repeating a seed text to each size.
 * Repetition makes every term's postings long, the worst case for recap's
 * graphs; fine for a benchmark, and the report says so.  The meetings input
 * is the dev meetings' transcripts (../shared/eval/meetings/SET/
 * *.transcript.txt) concatenated, cut to size or repeated past their 26 MB;
 * without ../shared (or with --generated) a generator that imitates their
 * statistics (turn lengths, backchannels, the spoken head of the
 * vocabulary, a Zipf tail of content words that keeps growing, topics per
 * meeting) writes it.  The machine's load is printed with every figure, and
 * times are given in CPU seconds next to the clock's, so that figures from
 * a busy machine are recognisable: there the clock runs while the process
 * waits for a core.  Every measurement
 * that reports memory runs in a forked child that builds its own input, so
 * the peak RSS (wait4's ru_maxrss) counts the input buffer once and nothing
 * of the parent's.  Sizes are decimal: 1 MB = 10^6 bytes, MB/s likewise.
 *
 * A build tool: it prints and exits freely.  It exits 0 when it ran, also
 * when targets are missed (those are marked in the report).
 */
#define _DEFAULT_SOURCE /* wait4() */

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "doc.h"
#include "recap.h"

extern char **environ;

#define MB 1e6
#define N_OF(a) (sizeof(a) / sizeof *(a))
#define MEETINGS_GLOB "../shared/eval/meetings/*/*.transcript.txt"
#define OTS_TIMEOUT 120 /* seconds */

/* ---- utilities ----------------------------------------------------------- */

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("bench: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    die("out of memory (%zu bytes)", n);
  return p;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU seconds of this process (the library runs one thread). */
static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The 1-minute load average, or -1. */
static double load_now(void) {
  double l = -1;
  FILE *f = fopen("/proc/loadavg", "r");
  if (f) {
    if (fscanf(f, "%lf", &l) != 1)
      l = -1;
    fclose(f);
  }
  return l;
}

typedef struct text {
  char *s;
  size_t len, cap;
} text;

static void append(text *t, const char *s, size_t n) {
  if (t->len + n + 1 > t->cap) {
    size_t cap = t->cap ? t->cap : 4096;
    while (cap < t->len + n + 1)
      cap *= 2;
    char *p = realloc(t->s, cap);
    if (!p)
      die("out of memory (%zu bytes)", cap);
    t->s = p;
    t->cap = cap;
  }
  memcpy(t->s + t->len, s, n);
  t->len += n;
  t->s[t->len] = '\0';
}

static void appendf(text *t, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0 || (size_t)n >= sizeof buf)
    die("appendf: line too long");
  append(t, buf, (size_t)n);
}

/* Appends a file's contents; returns 0, or -1 if it cannot be read. */
static int append_file(text *t, const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return -1;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0)
    append(t, buf, n);
  int bad = ferror(f);
  fclose(f);
  return bad ? -1 : 0;
}

static void write_file(const char *path, const char *s, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(s, 1, n, f) != n || fclose(f) != 0)
    die("cannot write %s: %s", path, strerror(errno));
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* "10 KB", "1 MB", "1 GB" for the nominal sizes of the tables. */
static const char *size_name(size_t n, char *buf, size_t cap) {
  if (n >= 1000000000 && n % 1000000000 == 0)
    snprintf(buf, cap, "%zu GB", n / 1000000000);
  else if (n >= 1000000)
    snprintf(buf, cap, "%zu MB", n / 1000000);
  else
    snprintf(buf, cap, "%zu KB", n / 1000);
  return buf;
}

static const char *mark(int ok) { return ok ? "ok" : "TARGET MISSED"; }

/* MB/s for a table: stages that take microseconds give silly figures. */
static const char *rate_str(double mbs, char *buf, size_t cap) {
  if (mbs >= 100000)
    snprintf(buf, cap, ">100000");
  else
    snprintf(buf, cap, "%.1f", mbs);
  return buf;
}

/* ---- seed texts ---------------------------------------------------------- */

enum { IN_MEETINGS, IN_TRANSCRIPT, IN_PLAIN, IN_NONASCII, IN_COUNT };
/* IN_LANG + i: nonascii_files[i] alone. */
#define IN_LANG 100
static const char *const input_names[IN_COUNT] = {"meetings", "transcript",
                                                  "plain", "non-ASCII"};
/* --generated: the meetings input from the generator even where the dev
   meetings are. */
static int force_generated;
/* The throughput target per input, MB/s. */
static const double input_target[IN_COUNT] = {100, 100, 100, 30};
/* Time per 10x the input, at most (scaling table). */
#define SCALE_TARGET 11.0
static const char *const nonascii_files[] = {
    "tests/lang/russian.txt", "tests/lang/greek.txt",
    "tests/lang/chinese.txt", "tests/lang/japanese.txt",
    "tests/lang/arabic.txt",  "tests/lang/hindi.txt"};

/* Drops "[hh:mm:ss] " and "Name: " from the start of each line. */
static void strip_labels(const text *in, text *out) {
  const char *p = in->s, *end = in->s + in->len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = nl ? nl : end;
    const char *s = p;
    if (s < e && *s == '[') {
      const char *close = memchr(s, ']', (size_t)(e - s));
      if (close) {
        s = close + 1;
        while (s < e && *s == ' ')
          s++;
      }
    }
    /* A speaker label: up to 40 bytes of letters, spaces, dots, hyphens
       and apostrophes before ": ". */
    const char *q = s;
    while (q < e && q - s < 40 &&
           (*q == ' ' || *q == '.' || *q == '-' || *q == '\'' ||
            (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z')))
      q++;
    if (q > s && q + 1 < e && q[0] == ':' && q[1] == ' ')
      s = q + 2;
    append(out, s, (size_t)(e - s));
    append(out, "\n", 1);
    p = nl ? nl + 1 : end;
  }
}

/* Loads the seed of an input kind into *t (with a description in desc).
   Returns 0, or -1 when it is empty. */
static int load_seed(int kind, text *t, char *desc, size_t cap) {
  memset(t, 0, sizeof *t);
  text raw = {0};
  switch (kind) {
  case IN_TRANSCRIPT:
  case IN_PLAIN:
    if (append_file(&raw, "examples/webinar.txt") != 0)
      die("cannot read examples/webinar.txt (run from the project root)");
    if (kind == IN_TRANSCRIPT) {
      *t = raw;
      snprintf(desc, cap, "examples/webinar.txt (%zu bytes)", t->len);
    } else {
      strip_labels(&raw, t);
      free(raw.s);
      snprintf(desc, cap,
               "examples/webinar.txt without [time] Name: labels (%zu bytes)",
               t->len);
    }
    break;
  default: /* IN_LANG + i */
    if (append_file(t, nonascii_files[kind - IN_LANG]) != 0)
      die("cannot read %s", nonascii_files[kind - IN_LANG]);
    snprintf(desc, cap, "%s", nonascii_files[kind - IN_LANG]);
    break;
  case IN_NONASCII:
    for (size_t i = 0; i < sizeof nonascii_files / sizeof *nonascii_files;
         i++) {
      if (append_file(t, nonascii_files[i]) != 0)
        die("cannot read %s", nonascii_files[i]);
      append(t, "\n\n", 2);
    }
    snprintf(desc, cap,
             "tests/lang/{russian,greek,chinese,japanese,arabic,hindi}.txt "
             "(%zu bytes)",
             t->len);
    break;
  }
  if (t->len == 0)
    return -1;
  if (t->s[t->len - 1] != '\n')
    append(t, "\n", 1);
  return 0;
}

/* The seed repeated to `size` bytes, cut back to the end of a line (or at
   least of a character) so the text stays valid UTF-8. */
static char *repeat_to(const text *seed, size_t size, size_t *len) {
  char *s = xmalloc(size + 1);
  size_t n = 0;
  while (n < size) {
    size_t k = seed->len < size - n ? seed->len : size - n;
    memcpy(s + n, seed->s, k);
    n += k;
  }
  size_t cut = size;
  if (size % seed->len != 0) {
    size_t b = size;
    while (b > 0 && size - b < 4096 && s[b - 1] != '\n')
      b--;
    if (b > 0 && s[b - 1] == '\n')
      cut = b;
    else /* s is periodic: the byte after s[cut - 1] is seed[cut % len] */
      while (cut > 0 &&
             ((unsigned char)seed->s[cut % seed->len] & 0xC0) == 0x80)
        cut--;
  }
  s[cut] = '\0';
  *len = cut;
  return s;
}

/* ---- the meetings input ------------------------------------------------ */

/* splitmix64: a fixed stream, so every run generates the same text. */
static uint64_t rnd(uint64_t *state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static double rnd01(uint64_t *state) {
  return (double)(rnd(state) >> 11) * (1.0 / 9007199254740992.0);
}

/* The 400 most frequent words of the dev meetings' turns, in order: they
   take 81.3% of the tokens there, the first 100 of them 63.9%. */
/* clang-format off */
static const char *const head_words[] = {
    "the", "i", "and", "to", "that", "yeah", "you", "uh", "a", "it", "of",
    "we", "so", "is", "um", "have", "in", "it's", "but", "this", "be",
    "for", "on", "like", "if", "what", "just", "know", "think", "that's",
    "can", "do", "or", "okay", "well", "mm", "are", "with", "not", "one",
    "right", "they", "then", "hmm", "was", "don't", "no", "would", "about",
    "as", "mean", "some", "there", "at", "all", "oh", "something",
    "because", "more", "could", "i'm", "which", "will", "maybe", "thing",
    "remote", "how", "get", "up", "from", "we're", "want", "an", "very",
    "use", "ok", "really", "go", "people", "should", "good", "our", "see",
    "these", "also", "your", "things", "say", "them", "two", "when", "make",
    "gonna", "now", "actually", "other", "need", "there's", "out", "time",
    "going", "sort", "my", "here", "has", "different", "kind", "yes",
    "control", "look", "buttons", "where", "you're", "much", "were", "huh",
    "got", "those", "way", "had", "by", "s", "me", "put", "they're",
    "meeting", "did", "work", "point", "any", "sure", "little", "only",
    "too", "than", "five", "he", "three", "design", "might", "into", "lot",
    "guess", "doing", "first", "th", "button", "idea", "their", "been",
    "take", "bit", "speech", "w", "we'll", "stuff", "we've", "still", "us",
    "new", "back", "probably", "does", "same", "said", "yep", "who", "next",
    "even", "didn't", "channel", "doesn't", "better", "why", "down", "data",
    "question", "let's", "come", "alright", "four", "most", "off", "done",
    "over", "important", "system", "quite", "used", "basically", "again",
    "give", "another", "using", "what's", "lcd", "i've", "user", "find",
    "pretty", "i'll", "wanna", "through", "cause", "screen", "try",
    "looking", "tv", "already", "before", "talking", "case", "recognition",
    "problem", "part", "can't", "may", "number", "thought", "working",
    "great", "course", "nice", "f", "having", "start", "each", "true",
    "big", "saying", "d", "anything", "being", "sorry", "y", "exactly",
    "talk", "last", "whatever", "many", "able", "easy", "end", "set",
    "between", "change", "information", "colour", "project", "around",
    "features", "simple", "interface", "thank", "percent", "minutes", "mmm",
    "interesting", "thinking", "long", "t", "anyway", "everything", "keep",
    "m", "twenty", "always", "hand", "functions", "whether", "product",
    "chip", "six", "after", "possible", "whole", "cost", "else", "market",
    "noise", "enough", "rubber", "scroll", "made", "seems", "eh", "digits",
    "mr", "cool", "fact", "isn't", "trying", "feel", "i'd", "both", "n",
    "hard", "looks", "small", "example", "controls", "c", "kay", "terms",
    "side", "energy", "volume", "ah", "means", "power", "tell", "seven",
    "chair", "though", "he's", "getting", "second", "training", "colours",
    "less", "fifty", "television", "ones", "cuz", "menu", "wanted",
    "channels", "every", "voice", "function", "shape", "ten", "numbers",
    "haven't", "e", "you've", "thirty", "government", "together", "least",
    "fine", "basic", "add", "ask", "far", "once", "wouldn't", "person",
    "help", "either", "real", "word", "guys", "eight", "special", "plastic",
    "battery", "read", "meetings", "definitely", "dunno", "sense", "b",
    "level", "group", "top", "push", "yet", "minister", "p", "speaker",
    "place", "she", "press", "week", "since", "ideas", "close", "best",
    "money", "perhaps", "type", "left", "agree", "half", "later",
    "children", "understand", "away", "r", "rather", "presentation",
    "signal", "making", "someone", "room", "particular", "move", "without",
    "few"};
/* clang-format on */
#define N_HEAD (sizeof head_words / sizeof *head_words)

static const char *const backchannels[] = {
    "Yeah.", "Okay.", "Mm-hmm.", "Right.", "Uh-huh.", "Hmm.",
    "So.",   "Yes.",  "Mm.",     "No.",    "Oh.",     "Yeah, yeah."};

/* A length distribution: the share of turns (sentences) with at most so
   many words. */
typedef struct length_point {
  double share;
  int words;
} length_point;

/* Turn lengths in words in the dev meetings (26.7% are one word, the
   median is 5, the mean 12.5). */
static const length_point turn_cdf[] = {{0.267, 1},  {0.358, 2},  {0.422, 3},
                                        {0.521, 5},  {0.689, 10}, {0.841, 20},
                                        {0.938, 40}, {0.981, 80}, {1.0, 200}};

/* A length drawn from a distribution, linear between its points. */
static int draw_length(uint64_t *st, const length_point *t, size_t n) {
  double u = rnd01(st), lo = 0;
  int lo_words = 0;
  for (size_t i = 0; i < n; i++) {
    if (u <= t[i].share) {
      double f = (u - lo) / (t[i].share - lo);
      int k = lo_words + 1 + (int)(f * (t[i].words - lo_words));
      return k > t[i].words ? t[i].words : k;
    }
    lo = t[i].share;
    lo_words = t[i].words;
  }
  return lo_words;
}

/* A content word of the tail by its rank: three syllables or more, one
   per base-90 digit, and a final consonant, so that every rank has its own
   word and the words are about as long as the rare words of the dev
   meetings (7 letters and more). */
static void tail_word(uint64_t rank, char *out) {
  static const char cons[] = "bcdfghjklmnprstvwz", vow[] = "aeiou";
  uint64_t pad = rank * 7 + 3;
  size_t n = 0;
  do {
    uint64_t d = rank > 0 ? rank % 90 : pad++ % 90;
    out[n++] = cons[d / 5];
    out[n++] = vow[d % 5];
    rank /= 90;
  } while (rank > 0 || n < 6);
  out[n] = "nrst"[pad % 4];
  out[n + 1] = '\0';
}

/* The dev meetings' vocabulary past the head: the share of tokens beyond
   each rank (1000 words take 89.4% of the tokens).  Past
   the last rank the share falls as rank^-1.63, the slope from 5000 to
   12,000, so the vocabulary keeps growing with the text (about 12,000
   words in the first 1.5 million tokens, as there). */
static const struct {
  double rank, beyond;
} tail_cdf[] = {{400, 0.187197},  {500, 0.165458},  {1000, 0.106344},
                {2000, 0.060322}, {3000, 0.040583}, {5000, 0.022473},
                {8000, 0.011472}, {12000, 0.005378}};

/* A rank of the tail, >= N_HEAD: the inverse of tail_cdf, log-log linear
   between its points. */
static uint64_t tail_rank(uint64_t *st) {
  double s = tail_cdf[0].beyond * (1.0 - rnd01(st)); /* in (0, S(160)] */
  size_t last = N_OF(tail_cdf) - 1;
  double r;
  if (s <= tail_cdf[last].beyond) {
    r = tail_cdf[last].rank * pow(s / tail_cdf[last].beyond, -1 / 1.63);
  } else {
    size_t i = 0;
    while (tail_cdf[i + 1].beyond > s)
      i++;
    double f = log(s / tail_cdf[i].beyond) /
               log(tail_cdf[i + 1].beyond / tail_cdf[i].beyond);
    r = tail_cdf[i].rank * pow(tail_cdf[i + 1].rank / tail_cdf[i].rank, f);
  }
  return r < 1e15 ? (uint64_t)r : (uint64_t)1e15;
}

/* Sentence lengths in words within turns of more than one word (13.3%
   are one word, the median is 6, the mean 11). */
static const length_point sentence_cdf[] = {
    {0.133, 1},  {0.235, 2},  {0.311, 3},  {0.434, 5},
    {0.577, 8},  {0.650, 10}, {0.773, 15}, {0.850, 20},
    {0.932, 30}, {0.966, 40}, {0.989, 60}, {1.0, 100}};

/* One word of a turn: the spoken head (weighted ~1/rank), or the tail,
   half of it from the meeting's own topic words, which come in pairs
   half the time (the "remote control" of a meeting; without them every
   pair of content words would be a new key phrase candidate). */
static const char *meeting_word(uint64_t *st, const uint64_t *topic,
                                size_t ntopic, char *buf) {
  /* Seven in ten words of the tail are content words (pseudo-words
     here): the rest, like the head, are function words, fillers, numbers
     (the dev meetings' share of content tokens, 29%). */
  if (rnd01(st) < 1 - 0.7 * tail_cdf[0].beyond) {
    /* 1/(rank + 1/2) over the head (the inverse CDF of a continuous
       1/x), which gives its first 100 words their share. */
    double u = rnd01(st), top = log((double)N_HEAD + 0.5) - log(0.5);
    size_t r = (size_t)(exp(log(0.5) + u * top) - 0.5);
    return head_words[r < N_HEAD ? r : N_HEAD - 1];
  }
  if (rnd01(st) >= 0.5) {
    tail_word(tail_rank(st) - N_HEAD, buf);
    return buf;
  }
  size_t i = rnd(st) % ntopic;
  tail_word(topic[i] - N_HEAD, buf);
  if (rnd01(st) < 0.5) { /* and its partner */
    size_t n = strlen(buf);
    buf[n] = ' ';
    tail_word(topic[i ^ 1] - N_HEAD, buf + n + 1);
  }
  return buf;
}

/* Writes meeting transcripts ("Speaker: words.") to t until it holds
   `size` bytes, in meetings of about 42 KB (the dev meetings' mean) with
   four to six speakers each. */
static void generate_meetings(text *t, size_t size) {
  static const char *const roles[][6] = {
      {"Project Manager", "Marketing", "Industrial Designer", "User Interface",
       "Assistant", "Guest"},
      {"Professor B", "PhD A", "Grad C", "PhD D", "Grad E", "Postdoc F"}};
  uint64_t st = 18;
  uint64_t topic[60];
  char word[128];
  while (t->len < size) {
    const char *const *role = roles[rnd(&st) % 2];
    size_t speakers = 4 + rnd(&st) % 3, prev = 99;
    for (size_t i = 0; i < N_OF(topic); i++)
      topic[i] = tail_rank(&st);
    size_t end = t->len + 42000;
    while (t->len < end && t->len < size) {
      size_t who = rnd(&st) % speakers;
      if (who == prev)
        who = (who + 1) % speakers;
      prev = who;
      append(t, role[who], strlen(role[who]));
      append(t, ": ", 2);
      int words = draw_length(&st, turn_cdf, N_OF(turn_cdf));
      if (words == 1) {
        const char *b = backchannels[rnd(&st) % N_OF(backchannels)];
        append(t, b, strlen(b));
      }
      for (int w = 0; words > 1 && w < words;) {
        int len = draw_length(&st, sentence_cdf, N_OF(sentence_cdf)) * 2.2;
        if (len > words - w - 3) /* no fragment left over */
          len = words - w;
        for (int k = 0; k < len; k++, w++) {
          const char *x = meeting_word(&st, topic, N_OF(topic), word);
          if (k > 0 || w > 0)
            append(t, " ", 1);
          if (k == 0) { /* capital at the start of a sentence */
            char c = x[0] >= 'a' && x[0] <= 'z' ? (char)(x[0] - 32) : x[0];
            append(t, &c, 1);
            append(t, x + 1, strlen(x + 1));
          } else {
            append(t, x, strlen(x));
          }
          if (k + 1 < len && rnd01(&st) < 0.06)
            append(t, ",", 1);
        }
        /* Half the turns end without a stop, as there. */
        if (w < words || rnd01(&st) < 0.52)
          append(t, rnd01(&st) < 0.15 ? "?" : ".", 1);
      }
      append(t, "\n", 1);
    }
  }
}

/* Cuts t to at most `size` bytes, back to the end of a line. */
static void trim_to_line(text *t, size_t size) {
  size_t n = t->len < size ? t->len : size;
  while (n > 0 && t->s[n - 1] != '\n')
    n--;
  t->len = n ? n : (t->len < size ? t->len : size);
  t->s[t->len] = '\0';
}

/* The meetings input of `size` bytes into t: the dev meetings'
   transcripts read until there is enough (repeated past their end), or
   generated.  Reading stops at size, so a small input's peak RSS does not
   count the whole corpus. */
static void meetings_input(size_t size, text *t, char *desc, size_t cap) {
  memset(t, 0, sizeof *t);
  glob_t g;
  if (force_generated || glob(MEETINGS_GLOB, 0, NULL, &g) != 0) {
    generate_meetings(t, size);
    trim_to_line(t, size);
    snprintf(desc, cap,
             "generated meeting transcripts imitating the dev meetings "
             "(%s)",
             force_generated ? "--generated" : "no " MEETINGS_GLOB);
    return;
  }
  t->cap = size + 1;
  t->s = xmalloc(t->cap);
  size_t files = 0;
  for (; files < g.gl_pathc && t->len < size; files++) {
    FILE *f = fopen(g.gl_pathv[files], "rb");
    if (!f)
      die("cannot read %s", g.gl_pathv[files]);
    size_t got;
    while (t->len < size &&
           (got = fread(t->s + t->len, 1, size - t->len, f)) > 0)
      t->len += got;
    fclose(f);
    if (t->len < size && t->len > 0 && t->s[t->len - 1] != '\n')
      t->s[t->len++] = '\n';
  }
  size_t corpus = t->len;
  int all = files == g.gl_pathc;
  /* Past the corpus: the corpus again, as often as it takes. */
  while (t->len < size) {
    size_t k = corpus < size - t->len ? corpus : size - t->len;
    memcpy(t->s + t->len, t->s, k);
    t->len += k;
  }
  trim_to_line(t, size);
  if (all && size > corpus)
    snprintf(desc, cap, "%zu dev meetings, %s (%.1f MB), repeated %.1fx",
             (size_t)g.gl_pathc, MEETINGS_GLOB, (double)corpus / MB,
             (double)size / (double)corpus);
  else
    snprintf(desc, cap, "the first %zu of %zu dev meetings, %s", files,
             (size_t)g.gl_pathc, MEETINGS_GLOB);
  globfree(&g);
}

/* ---- measuring the library in a child process ---------------------------- */

/* What a child sends back through its pipe. */
typedef struct measure {
  int ok;
  char error[200];
  char seed_desc[200];
  size_t bytes;    /* input size */
  double nonascii; /* fraction of bytes >= 0x80 */
  double total;    /* analysis + render, best run, by the clock */
  double analyze;  /* of that run */
  double render;   /* of that run */
  double cpu;      /* analysis + render, best run, CPU seconds */
  double cpu_render;
  double stage[RC_STAGE_COUNT];     /* of that run, by the clock */
  double stage_cpu[RC_STAGE_COUNT]; /* of that run, CPU seconds */
  char lang[32];
  char format[16];
  size_t sentences, words;
  long maxrss_kb;   /* filled in by the parent, */
  double user, sys; /* with the child's CPU seconds, */
  double load;      /* the 1-minute load average at the start */
  double busy;      /* and the machine's busy share while it ran */
} measure;

/* Builds the input and analyses it `warmup` + `reps` times with the
   default options, keeping the fastest of the last `reps` runs.  Each run
   is recap_document_analyze() then recap_render() as text. */
static void measure_here(int kind, size_t size, int warmup, int reps,
                         measure *m) {
  size_t len;
  char *in;
  if (kind == IN_MEETINGS) {
    text t;
    meetings_input(size, &t, m->seed_desc, sizeof m->seed_desc);
    in = t.s;
    len = t.len;
  } else {
    text seed;
    if (load_seed(kind, &seed, m->seed_desc, sizeof m->seed_desc) != 0) {
      snprintf(m->error, sizeof m->error, "skipped: no seed text");
      return;
    }
    in = repeat_to(&seed, size, &len);
    free(seed.s);
  }
  m->bytes = len;
  size_t high = 0;
  for (size_t i = 0; i < len; i++)
    high += (unsigned char)in[i] >= 0x80;
  m->nonascii = len ? (double)high / (double)len : 0;

  recap_context *ctx;
  recap_document *doc;
  if (recap_context_new(&ctx) != RECAP_OK ||
      recap_document_new(ctx, &doc) != RECAP_OK) {
    snprintf(m->error, sizeof m->error, "cannot create a context/document");
    return;
  }
  doc->timing = 1;
  recap_options opt;
  recap_options_init(&opt);
  m->total = INFINITY;
  for (int i = -warmup; i < reps; i++) {
    memset(doc->stage_seconds, 0, sizeof doc->stage_seconds);
    memset(doc->stage_cpu, 0, sizeof doc->stage_cpu);
    double c0 = cpu_now(), t0 = now();
    /* Analysed once, the input is given to the document, as the CLI
       does with a file, with the CLI's fixed mmap threshold (main.c): the
       peak RSS is then what `recap FILE` needs. */
    int give = warmup == 0 && reps == 1;
#ifdef __GLIBC__
    if (give)
      mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    recap_status st = give ? recap_document_analyze_given(doc, in, len, &opt)
                           : recap_document_analyze(doc, in, len, &opt);
    double t1 = now(), c1 = cpu_now();
    if (st != RECAP_OK) {
      snprintf(m->error, sizeof m->error, "analysis failed: %s",
               recap_document_error(doc));
      return;
    }
    char *out;
    size_t out_len;
    st = recap_render(doc, RECAP_FORMAT_TEXT, &out, &out_len);
    double t2 = now();
    if (st != RECAP_OK) {
      snprintf(m->error, sizeof m->error, "render failed: %s",
               recap_strerror(st));
      return;
    }
    double c2 = cpu_now();
    recap_free(out);
    if (i >= 0 && t2 - t0 < m->total) {
      m->total = t2 - t0;
      m->analyze = t1 - t0;
      m->render = t2 - t1;
      m->cpu = c2 - c0;
      m->cpu_render = c2 - c1;
      memcpy(m->stage, doc->stage_seconds, sizeof m->stage);
      memcpy(m->stage_cpu, doc->stage_cpu, sizeof m->stage_cpu);
    }
  }
  snprintf(m->lang, sizeof m->lang, "%s", recap_document_language(doc, NULL));
  snprintf(m->format, sizeof m->format, "%s",
           recap_input_format_name(recap_document_input_format(doc)));
  m->sentences = recap_sentence_count(doc);
  m->words = recap_document_word_count(doc);
  m->ok = 1;
  /* The child exits without freeing: that is not part of the cost. */
}

static int cpu_times(unsigned long long *busy, unsigned long long *total);

/* Runs measure_here() in a forked child; returns its result with the
   child's peak RSS, and the machine's load at the start and busy share
   while it ran. */
static measure measure_in_child(int kind, size_t size, int warmup, int reps) {
  measure m;
  memset(&m, 0, sizeof m);
  double load = load_now();
  unsigned long long b0 = 0, t0 = 0, b1 = 0, t1 = 0;
  int have_busy = cpu_times(&b0, &t0);
  int fd[2];
  if (pipe(fd) != 0)
    die("pipe: %s", strerror(errno));
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid < 0)
    die("fork: %s", strerror(errno));
  if (pid == 0) {
    close(fd[0]);
    measure_here(kind, size, warmup, reps, &m);
    const char *p = (const char *)&m;
    size_t left = sizeof m;
    while (left > 0) {
      ssize_t w = write(fd[1], p, left);
      if (w <= 0)
        _exit(1);
      p += w;
      left -= (size_t)w;
    }
    _exit(0);
  }
  close(fd[1]);
  char *p = (char *)&m;
  size_t got = 0;
  while (got < sizeof m) {
    ssize_t r = read(fd[0], p + got, sizeof m - got);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      break;
    got += (size_t)r;
  }
  close(fd[0]);
  int status;
  struct rusage ru;
  while (wait4(pid, &status, 0, &ru) < 0)
    if (errno != EINTR)
      die("wait4: %s", strerror(errno));
  if (got < sizeof m) {
    memset(&m, 0, sizeof m);
    if (WIFSIGNALED(status))
      snprintf(m.error, sizeof m.error, "child killed by signal %d%s",
               WTERMSIG(status),
               WTERMSIG(status) == SIGKILL ? " (out of memory?)" : "");
    else
      snprintf(m.error, sizeof m.error, "child failed (status %d)", status);
  }
  m.maxrss_kb = ru.ru_maxrss;
  m.user = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6;
  m.sys = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
  m.load = load;
  m.busy = have_busy && cpu_times(&b1, &t1) && t1 > t0
               ? (double)(b1 - b0) / (double)(t1 - t0)
               : -1;
  return m;
}

/* ---- running commands ---------------------------------------------------- */

typedef struct run_result {
  double secs;
  double cpu;    /* the child's user + system seconds */
  int status;    /* exit code; 128 + signal; -1 if it could not start */
  int timed_out; /* killed by the timeout */
} run_result;

/* Runs argv (looked up in PATH) with stdin from `in` and stdout to `out`
   (NULL: /dev/null), timing it from spawn to exit.  With a timeout, the
   child is forked with an alarm that survives exec; without, it is
   started with posix_spawn, whose cost is closer to a shell's. */
static run_result run_cmd(char *const argv[], const char *in, const char *out,
                          unsigned timeout) {
  run_result r = {0, 0, -1, 0};
  const char *src = in ? in : "/dev/null", *dst = out ? out : "/dev/null";
  pid_t pid;
  fflush(stdout);
  fflush(stderr);
  double t0 = now();
  if (timeout == 0) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, src, O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, dst, O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    int e = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (e != 0)
      return r;
  } else {
    pid = fork();
    if (pid < 0)
      die("fork: %s", strerror(errno));
    if (pid == 0) {
      int i = open(src, O_RDONLY),
          o = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (i < 0 || o < 0 || dup2(i, 0) < 0 || dup2(o, 1) < 0)
        _exit(126);
      alarm(timeout);
      execvp(argv[0], argv);
      _exit(127);
    }
  }
  int st;
  struct rusage ru;
  while (wait4(pid, &st, 0, &ru) < 0)
    if (errno != EINTR)
      die("wait4: %s", strerror(errno));
  r.secs = now() - t0;
  r.cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
          (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
  if (WIFEXITED(st))
    r.status = WEXITSTATUS(st);
  else if (WIFSIGNALED(st)) {
    r.status = 128 + WTERMSIG(st);
    r.timed_out = WTERMSIG(st) == SIGALRM;
  }
  return r;
}

/* The best of n runs; stops early on failure, or after one run slower
   than `slow` seconds (0: never). */
static run_result best_of(int n, char *const argv[], const char *in,
                          const char *out, unsigned timeout, double slow) {
  run_result best = {INFINITY, 0, -1, 0};
  for (int i = 0; i < n; i++) {
    run_result r = run_cmd(argv, in, out, timeout);
    if (r.status != 0)
      return r;
    if (r.secs < best.secs)
      best = r;
    if (slow > 0 && r.secs > slow)
      break;
  }
  return best;
}

static int on_path(const char *name) {
  const char *path = getenv("PATH");
  if (!path)
    return 0;
  char buf[4096];
  while (*path) {
    const char *colon = strchr(path, ':');
    size_t n = colon ? (size_t)(colon - path) : strlen(path);
    if (n > 0 && n + strlen(name) + 2 < sizeof buf) {
      snprintf(buf, sizeof buf, "%.*s/%s", (int)n, path, name);
      if (access(buf, X_OK) == 0)
        return 1;
    }
    path += n;
    if (*path == ':')
      path++;
  }
  return 0;
}

static size_t count_lines(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  size_t n = 0;
  int c;
  while ((c = getc(f)) != EOF)
    n += c == '\n';
  fclose(f);
  return n;
}

/* ---- report sections ----------------------------------------------------- */

static void section(const char *title) { printf("\n== %s ==\n\n", title); }

/* One /proc/stat "cpu" line: busy and total jiffies; 0 if unreadable. */
static int cpu_times(unsigned long long *busy, unsigned long long *total) {
  FILE *f = fopen("/proc/stat", "r");
  if (!f)
    return 0;
  unsigned long long v[8] = {0};
  int n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1],
                 &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
  fclose(f);
  if (n < 4)
    return 0;
  *total = 0;
  for (int i = 0; i < 8; i++)
    *total += v[i];
  *busy = *total - v[3] - v[4]; /* minus idle and iowait */
  return 1;
}

/* The fraction of all CPUs busy over half a second, or -1. */
static double cpu_busy(void) {
  unsigned long long b0, t0, b1, t1;
  if (!cpu_times(&b0, &t0))
    return -1;
  struct timespec half = {0, 500000000};
  nanosleep(&half, NULL);
  if (!cpu_times(&b1, &t1) || t1 <= t0)
    return -1;
  return (double)(b1 - b0) / (double)(t1 - t0);
}

static void machine(const char *recap_path) {
  section("Machine");
  struct utsname u;
  if (uname(&u) == 0)
    printf("  system    %s %s %s\n", u.sysname, u.release, u.machine);
  char cpu[256] = "unknown";
  double mem_gb = 0;
  FILE *f = fopen("/proc/cpuinfo", "r");
  if (f) {
    char line[512];
    while (fgets(line, sizeof line, f))
      if (strncmp(line, "model name", 10) == 0) {
        char *v = strchr(line, ':');
        if (v) {
          v++;
          while (*v == ' ' || *v == '\t')
            v++;
          v[strcspn(v, "\n")] = '\0';
          snprintf(cpu, sizeof cpu, "%s", v);
        }
        break;
      }
    fclose(f);
  }
  f = fopen("/proc/meminfo", "r");
  if (f) {
    char line[256];
    unsigned long kb;
    while (fgets(line, sizeof line, f))
      if (sscanf(line, "MemTotal: %lu kB", &kb) == 1)
        mem_gb = (double)kb * 1024 / 1e9;
    fclose(f);
  }
  printf("  CPU       %s, %ld cores online\n", cpu,
         sysconf(_SC_NPROCESSORS_ONLN));
  if (mem_gb > 0)
    printf("  memory    %.1f GB\n", mem_gb);
  double busy = cpu_busy();
  if (busy >= 0)
    printf("  busy      %.0f%% of the CPUs in the 0.5 s before the run%s\n",
           100 * busy,
           busy > 0.1 ? "; other work is running: figures may be low" : "");
  f = fopen("/proc/loadavg", "r");
  if (f) {
    double l1, l5, l15;
    if (fscanf(f, "%lf %lf %lf", &l1, &l5, &l15) == 3)
      printf("  load      %.2f %.2f %.2f (1, 5, 15 minutes) on %ld cores%s\n",
             l1, l5, l15, sysconf(_SC_NPROCESSORS_ONLN),
             l1 > (double)sysconf(_SC_NPROCESSORS_ONLN) * 0.5
                 ? ": busy; read CPU seconds, not the clock"
                 : "");
    fclose(f);
  }
  time_t t = time(NULL);
  char date[64];
  strftime(date, sizeof date, "%Y-%m-%d %H:%M %Z", localtime(&t));
  printf("  date      %s\n", date);
#ifdef __VERSION__
  printf("  compiler  %s%s\n", __VERSION__,
#ifdef __OPTIMIZE__
         ", optimised"
#else
         ", NOT optimised"
#endif
  );
#endif
  printf("  recap     %s (library in this program), CLI %s\n", recap_version(),
         recap_path);
}

/* What each stage covers, after rc_stage_names. */
static const char *const stage_notes[RC_STAGE_COUNT] = {
    "UTF-8 check and repair",
    "format detection and reader",
    "language detection, stemmer",
    "sentence boundaries",
    "tokenize, fold, stopwords, stem, phrases",
    "term statistics, TF-IDF vectors",
    "phrase scores and selection",
    "sentence graph, TextRank, fusion",
    "summary selection",
    "chapters",
    "speakers",
    "decisions"};

/* "load 12.3, busy 100%, CPU/clock 0.31" for a measurement. */
static const char *load_str(const measure *m, char *buf, size_t cap) {
  char busy[32] = "";
  if (m->busy >= 0)
    snprintf(busy, sizeof busy, ", machine %.0f%% busy", 100 * m->busy);
  snprintf(buf, cap, "load %.1f%s, CPU/clock %.2f", m->load, busy,
           m->total > 0 ? m->cpu / m->total : 0);
  return buf;
}

static void stage_tables(size_t size, int quick) {
  char sz[32], lb[96];
  section("Per-stage throughput (library, in-process, one thread)");
  printf("Each input is %s: the dev meetings' transcripts (or generated\n"
         "ones, see the header of tools/bench.c), or a seed text repeated.\n"
         "Repetition makes every term's postings long, the worst case for\n"
         "recap's graphs.  Default options (recap_options_init: language\n"
         "auto, 5 sentences, 10 key phrases), then recap_render() as text.\n"
         "Best of 3 runs after a warm-up; the input is already in memory.\n"
         "Times in CPU seconds (the stage timers read the thread's CPU clock)\n"
         "and by the clock; MB/s from CPU seconds.  Where CPU/clock is well\n"
         "below 1 the process waited for a core: the clock's figures are low.\n"
         "Peak RSS is the child process's, input included.\n",
         size_name(size, sz, sizeof sz));
  measure ms[IN_COUNT];
  for (int k = 0; k < IN_COUNT; k++) {
    measure *m = &ms[k];
    *m = measure_in_child(k, size, 1, quick ? 2 : 3);
    printf("\n%s: %s\n", input_names[k], m->seed_desc[0] ? m->seed_desc : "");
    if (!m->ok) {
      printf("  %s\n", m->error);
      continue;
    }
    printf("  %.2f MB, %.1f%% non-ASCII bytes, read as %s, language %s;\n"
           "  %zu sentences, %zu words; peak RSS %.1f MB (%.2fx input)\n"
           "  %s\n\n",
           (double)m->bytes / MB, 100 * m->nonascii, m->format, m->lang,
           m->sentences, m->words, (double)m->maxrss_kb * 1024 / MB,
           (double)m->maxrss_kb * 1024 / (double)m->bytes,
           load_str(m, lb, sizeof lb));
    printf("  %-12s %9s %9s %10s %7s   %s\n", "stage", "CPU s", "clock s",
           "MB/s", "share", "covers");
    double sum = 0, slow = 0;
    int slowest = -1;
    char rate[32];
    for (int s = 0; s < RC_STAGE_COUNT; s++) {
      double t = m->stage_cpu[s];
      sum += t;
      if (t == 0 && m->stage[s] == 0)
        continue;
      if (t > slow) {
        slow = t;
        slowest = s;
      }
      printf("  %-12s %9.4f %9.4f %10s %6.1f%%   %s\n", rc_stage_names[s], t,
             m->stage[s],
             rate_str((double)m->bytes / MB / t, rate, sizeof rate),
             100 * t / m->cpu, stage_notes[s]);
    }
    printf("  %-12s %9.4f %9.4f %10s %6.1f%%   %s\n", "render", m->cpu_render,
           m->render,
           rate_str((double)m->bytes / MB / m->cpu_render, rate, sizeof rate),
           100 * m->cpu_render / m->cpu, "recap_render(), text");
    double other = m->cpu - m->cpu_render - sum;
    printf("  %-12s %9.4f %9s %10s %6.1f%%   %s\n", "other", other, "", "",
           100 * other / m->cpu, "reset, options, freeing scratch");
    double mbs = (double)m->bytes / MB / m->cpu;
    printf("  %-12s %9.4f %9.4f %10.1f %6.1f%%   end to end; target >= %.0f "
           "MB/s: %s\n",
           "total", m->cpu, m->total, mbs, 100.0, input_target[k],
           mark(mbs >= input_target[k]));
    if (slowest >= 0)
      printf("  slowest stage: %s (%.0f%% of the CPU time, %.1f MB/s)\n",
             rc_stage_names[slowest], 100 * slow / m->cpu,
             (double)m->bytes / MB / slow);
    printf("  (chapters and speakers are off by default and not run)\n");
  }

  printf("\nSummary at %s (MB/s from CPU seconds; clock MB/s and load as "
         "measured):\n\n",
         size_name(size, sz, sizeof sz));
  printf("  %-11s %7s %8s %8s %8s %7s  %-26s %s\n", "input", "MB", "MB/s",
         "clock", "target", "load", "slowest stage (CPU)", "");
  for (int k = 0; k < IN_COUNT; k++) {
    const measure *m = &ms[k];
    if (!m->ok) {
      printf("  %-11s %s\n", input_names[k], m->error);
      continue;
    }
    int slowest = 0;
    for (int s = 1; s < RC_STAGE_COUNT; s++)
      if (m->stage_cpu[s] > m->stage_cpu[slowest])
        slowest = s;
    char sl[64];
    snprintf(sl, sizeof sl, "%s %.0f%% (%.1f MB/s)", rc_stage_names[slowest],
             100 * m->stage_cpu[slowest] / m->cpu,
             (double)m->bytes / MB / m->stage_cpu[slowest]);
    double rate = (double)m->bytes / MB / m->cpu;
    printf("  %-11s %7.2f %8.1f %8.1f %8.0f %7.1f  %-26s %s\n", input_names[k],
           (double)m->bytes / MB, rate, (double)m->bytes / MB / m->total,
           input_target[k], m->load, sl, mark(rate >= input_target[k]));
  }
}

/* The non-ASCII input mixes six languages, which the detector calls
   "none" (no stemmer, no stopwords); each language alone shows the cost
   with its own stemmer and lists. */
static void language_table(size_t size) {
  char sz[32];
  printf("\nNon-ASCII inputs one language at a time (each file repeated to "
         "%s,\nbest of 2 after a warm-up; CPU seconds):\n\n",
         size_name(size, sz, sizeof sz));
  printf("  %-24s %-9s %9s %8s %8s  %s\n", "file", "language", "non-ASCII",
         "CPU s", "MB/s", "slowest stage");
  for (size_t i = 0; i < sizeof nonascii_files / sizeof *nonascii_files; i++) {
    measure m = measure_in_child(IN_LANG + (int)i, size, 1, 2);
    if (!m.ok) {
      printf("  %-24s %s\n", nonascii_files[i], m.error);
      continue;
    }
    int slowest = 0;
    for (int s = 1; s < RC_STAGE_COUNT; s++)
      if (m.stage_cpu[s] > m.stage_cpu[slowest])
        slowest = s;
    char sl[64];
    snprintf(sl, sizeof sl, "%s %.0f%% (%.1f MB/s)", rc_stage_names[slowest],
             100 * m.stage_cpu[slowest] / m.cpu,
             (double)m.bytes / MB / m.stage_cpu[slowest]);
    double mbs = (double)m.bytes / MB / m.cpu;
    printf("  %-24s %-9s %8.1f%% %8.4f %8.1f  %-28s %s\n", nonascii_files[i],
           m.lang, 100 * m.nonascii, m.cpu, mbs, sl, mark(mbs >= 30));
  }
}

static void scaling_table(size_t max_bytes) {
  section("Scaling (meetings input, one child process per size)");
  printf(
      "Each size is built and analysed once in a fresh child (best of 5\n"
      "analyses at 1 MB, where one run is short); the times exclude\n"
      "building the input, the peak RSS (wait4 ru_maxrss) includes it.\n"
      "Sizes analysed once (10 MB and up) give the input to the document\n"
      "(recap_document_analyze_given), as `recap FILE` does.\n"
      "\"time x\": CPU time over the row above's (10x the input), target\n"
      "<= %.0f.  RSS limit: 3 x input + 16 MB.  \"B/B\": peak RSS per input\n"
      "byte; \"marginal\": (RSS - RSS at 1 MB) per byte added.\n\n",
      SCALE_TARGET);
  printf("  %6s %9s %9s %7s %7s %8s %6s %8s  %-9s %s\n", "size", "CPU s",
         "clock s", "MB/s", "time x", "RSS MB", "B/B", "marginal", "RSS limit",
         "load, busy");
  static const size_t sizes[] = {1000000, 10000000, 100000000, 1000000000};
  measure prev;
  int have_prev = 0, all_ok = 1;
  double base_rss = 0, base_bytes = 0;
  for (size_t i = 0; i < N_OF(sizes); i++) {
    if (sizes[i] > max_bytes)
      break;
    measure m =
        measure_in_child(IN_MEETINGS, sizes[i], 0, sizes[i] <= 1000000 ? 5 : 1);
    char sz[32];
    size_name(sizes[i], sz, sizeof sz);
    if (!m.ok) {
      printf("  %6s  %s\n", sz, m.error);
      all_ok = 0;
      have_prev = 0;
      continue;
    }
    double rss = (double)m.maxrss_kb * 1024;
    char tx[16] = "-", marg[16] = "-", busy[16] = "";
    int bad = 0;
    if (i == 0) {
      base_rss = rss;
      base_bytes = (double)m.bytes;
    } else {
      snprintf(marg, sizeof marg, "%.2f",
               (rss - base_rss) / ((double)m.bytes - base_bytes));
    }
    if (have_prev) {
      double a = m.cpu / prev.cpu;
      snprintf(tx, sizeof tx, "%.1f%s", a, a > SCALE_TARGET ? "!" : "");
      bad = a > SCALE_TARGET;
    }
    if (m.busy >= 0)
      snprintf(busy, sizeof busy, ", %.0f%%", 100 * m.busy);
    double limit = 3 * (double)m.bytes + 16 * MB;
    printf("  %6s %9.4f %9.4f %7.1f %7s %8.1f %6.2f %8s  %-9s %.1f%s%s\n", sz,
           m.cpu, m.total, (double)m.bytes / MB / m.cpu, tx, rss / MB,
           rss / (double)m.bytes, marg, rss <= limit ? "ok" : "MISSED", m.load,
           busy, bad ? "  (time x: TARGET MISSED)" : "");
    all_ok = all_ok && !bad && rss <= limit;
    if (sizes[i] >= 10000000) {
      printf("  %6s stages (CPU s):", "");
      for (int s = 0; s < RC_STAGE_COUNT; s++)
        if (m.stage_cpu[s] >= 0.02 * m.cpu)
          printf(" %s %.2f", rc_stage_names[s], m.stage_cpu[s]);
      printf("\n  %6s %s\n", "", m.seed_desc);
    }
    prev = m;
    have_prev = 1;
  }
  printf("\n  scaling and memory targets: %s\n", all_ok ? "ok" : "see above");
}

static void startup(const char *recap, const char *dir, int runs) {
  char file[512];
  snprintf(file, sizeof file, "%s/oneline.txt", dir);
  const char *line = "We agreed to ship the new release on Friday.\n";
  write_file(file, line, strlen(line));
  section("Start-up (the CLI on a one-line input)");
  printf("%d runs of each, posix_spawn to exit, output to /dev/null.\n\n",
         runs);
  char *argv_recap[] = {(char *)recap, file, NULL};
  char *argv_true[] = {"true", NULL};
  struct {
    const char *name;
    char **argv;
  } cmds[] = {{"recap FILE", argv_recap}, {"true (spawn floor)", argv_true}};
  double *t = xmalloc((size_t)runs * sizeof *t);
  double *cpu = xmalloc((size_t)runs * sizeof *cpu);
  printf("  %-20s %9s %9s %9s %9s\n", "command", "mean ms", "median", "min",
         "CPU ms");
  for (size_t c = 0; c < 2; c++) {
    double sum = 0;
    int failed = 0;
    for (int i = 0; i < runs; i++) {
      run_result r = run_cmd(cmds[c].argv, NULL, NULL, 0);
      if (r.status != 0) {
        printf("  %-20s failed (status %d)\n", cmds[c].name, r.status);
        failed = 1;
        break;
      }
      t[i] = r.secs * 1e3;
      cpu[i] = r.cpu * 1e3;
      sum += t[i];
    }
    if (failed)
      continue;
    qsort(t, (size_t)runs, sizeof *t, cmp_double);
    qsort(cpu, (size_t)runs, sizeof *cpu, cmp_double);
    double med = runs % 2 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
    printf("  %-20s %9.3f %9.3f %9.3f %9.3f", cmds[c].name, sum / runs, med,
           t[0], cpu[runs / 2]);
    if (c == 0)
      printf("   target <= 2 ms (median): %s", mark(med <= 2.0));
    printf("\n");
  }
  printf("\n  (CPU ms: the median of the child's user + system time, which\n"
         "  counts in whole scheduler ticks on some systems; load %.1f)\n",
         load_now());
  free(t);
  free(cpu);
  unlink(file);
}

/* Words for the batch records: sentences varied by the record number. */
static const char *const subjects[] = {
    "The city council",    "Our finance team", "Maria Lopez",
    "The transit board",   "The vendor",       "Engineering",
    "The school district", "Kenji Watanabe",   "The hospital trust",
    "The review panel",    "Local residents",  "The project manager"};
static const char *const verbs[] = {
    "approved", "postponed", "reviewed",  "questioned", "funded",
    "rejected", "proposed",  "discussed", "revised",    "announced"};
static const char *const objects[] = {
    "the budget for the spring season",
    "a pilot program in the north district",
    "the new bus charging depot",
    "the contract for the water treatment plant",
    "a plan to replace the old library roof",
    "the hiring freeze in the planning office",
    "the schedule for the bridge repairs",
    "the proposal to extend evening service",
    "the software upgrade for the dispatch center",
    "a survey of parents about school start times"};
static const char *const tails[] = {
    "after a long debate about costs",
    "because prices rose by %zu percent last year",
    "before the meeting on day %zu",
    "with support from %zu neighbourhood groups",
    "despite concerns raised by several members",
    "and asked for a written report by next month",
    "while the auditors finish their work",
    "so that work can start in week %zu"};

/* Writes n records; *texts gets the record texts concatenated, one per
   line.  Returns the records' bytes. */
static size_t make_batch(const char *path, size_t n, text *texts,
                         size_t *min_len, size_t *max_len) {
  text all = {0};
  *min_len = (size_t)-1;
  *max_len = 0;
  for (size_t i = 0; i < n; i++) {
    size_t start = all.len;
    size_t x = i * 2654435761u + 12345; /* a fixed spread of choices */
    appendf(&all, "{\"id\": %zu, \"text\": \"", i);
    size_t tstart = all.len, sentences = 3 + i % 3;
    for (size_t k = 0; k < sentences; k++) {
      size_t a = (x >> (3 * k)) + k * 7 + i;
      char tail[128];
      snprintf(tail, sizeof tail, tails[(a / 3) % N_OF(tails)],
               (size_t)(3 + (a + i) % 40));
      appendf(&all, "%s%s %s %s %s.", k ? " " : "",
              subjects[a % N_OF(subjects)], verbs[(a / 5 + k) % N_OF(verbs)],
              objects[(a / 7 + i) % N_OF(objects)], tail);
    }
    append(texts, all.s + tstart, all.len - tstart);
    append(texts, "\n", 1);
    append(&all, "\"}\n", 3);
    size_t len = all.len - start;
    if (len < *min_len)
      *min_len = len;
    if (len > *max_len)
      *max_len = len;
  }
  write_file(path, all.s, all.len);
  size_t bytes = all.len;
  free(all.s);
  return bytes;
}

static void batch(const char *recap, const char *dir, size_t n, int reps) {
  char in[512], out[512];
  snprintf(in, sizeof in, "%s/batch.jsonl", dir);
  snprintf(out, sizeof out, "%s/batch.out", dir);
  text texts = {0};
  size_t lo, hi, bytes = make_batch(in, n, &texts, &lo, &hi);
  section("JSON Lines batch (recap --jsonl)");
  printf("%zu records {\"id\": i, \"text\": \"...\"}, 3 to 5 sentences varied "
         "by i,\n%zu to %zu bytes (mean %zu), %.2f MB in all.  Best of %d "
         "run%s each.\n\n",
         n, lo, hi, bytes / n, (double)bytes / MB, reps, reps == 1 ? "" : "s");

  double t_j[2] = {0, 0};
  printf("  %-26s %9s %10s %9s  %-14s %s\n", "run", "seconds", "docs/s",
         "us/doc", "output lines", "CPU s");
  for (int j = 1; j <= 2; j++) {
    char jobs[16];
    snprintf(jobs, sizeof jobs, "%d", j);
    char *argv[] = {(char *)recap, "--jsonl", "-j", jobs, NULL};
    run_result r = best_of(reps, argv, in, out, 0, 0);
    char name[64];
    snprintf(name, sizeof name, "recap --jsonl -j %d", j);
    if (r.status != 0) {
      printf("  %-26s failed (status %d)\n", name, r.status);
      continue;
    }
    size_t lines = count_lines(out);
    t_j[j - 1] = r.secs;
    char out_lines[32];
    snprintf(out_lines, sizeof out_lines, "%zu %s", lines,
             lines == n ? "ok" : "WRONG");
    printf("  %-26s %9.3f %10.0f %9.1f  %-14s %.3f\n", name, r.secs,
           (double)n / r.secs, r.secs / (double)n * 1e6, out_lines, r.cpu);
  }

  /* The same records in-process: recap_jsonl_process() with one reused
     document (the CLI's work without its I/O and threads), and all the
     texts as one document (the analysis without per-document costs). */
  recap_context *ctx;
  recap_document *doc;
  if (recap_context_new(&ctx) != RECAP_OK ||
      recap_document_new(ctx, &doc) != RECAP_OK)
    die("cannot create a context/document");
  text recs = {0};
  if (append_file(&recs, in) != 0)
    die("cannot read %s", in);
  double best_rec = INFINITY;
  for (int r = 0; r < reps; r++) {
    double t0 = now();
    const char *p = recs.s, *end = recs.s + recs.len;
    while (p < end) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
      char *o;
      size_t olen;
      recap_status st = recap_jsonl_process(doc, p, len, NULL, &o, &olen);
      if (st != RECAP_OK)
        die("recap_jsonl_process: %s", recap_strerror(st));
      recap_free(o);
      p += len + 1;
    }
    double t = now() - t0;
    if (t < best_rec)
      best_rec = t;
  }
  recap_options opt;
  recap_options_init(&opt);
  double best_one = INFINITY;
  for (int r = 0; r < reps; r++) {
    double t0 = now();
    if (recap_document_analyze(doc, texts.s, texts.len, &opt) != RECAP_OK)
      die("analysis of the batch texts failed: %s", recap_document_error(doc));
    char *o;
    if (recap_render(doc, RECAP_FORMAT_JSON, &o, NULL) != RECAP_OK)
      die("render failed");
    recap_free(o);
    double t = now() - t0;
    if (t < best_one)
      best_one = t;
  }
  /* Where a small document's time goes: each text analysed on its own,
     with the stage timers. */
  double stage_us[RC_STAGE_COUNT] = {0}, all_us = 0;
  {
    doc->timing = 1;
    memset(doc->stage_seconds, 0, sizeof doc->stage_seconds);
    memset(doc->stage_cpu, 0, sizeof doc->stage_cpu);
    double t0 = cpu_now();
    const char *p = texts.s, *end = texts.s + texts.len;
    while (p < end) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
      if (recap_document_analyze(doc, p, len, &opt) != RECAP_OK)
        die("analysis failed: %s", recap_document_error(doc));
      char *o;
      if (recap_render(doc, RECAP_FORMAT_JSON, &o, NULL) != RECAP_OK)
        die("render failed");
      recap_free(o);
      p += len + 1;
    }
    all_us = (cpu_now() - t0) / (double)n * 1e6;
    for (int s = 0; s < RC_STAGE_COUNT; s++)
      stage_us[s] = doc->stage_cpu[s] / (double)n * 1e6;
    doc->timing = 0;
  }
  recap_document_free(doc);
  recap_context_free(ctx);
  free(recs.s);
  free(texts.s);
  printf("  %-26s %9.3f %10.0f %9.1f\n", "in-process, per record", best_rec,
         (double)n / best_rec, best_rec / (double)n * 1e6);
  printf("  %-26s %9.3f %10s %9.1f\n", "in-process, one document", best_one, "",
         best_one / (double)n * 1e6);
  printf("\n  (\"per record\": recap_jsonl_process() on each line with one "
         "reused\n  document; \"one document\": the %zu texts analysed "
         "together, per text)\n\n",
         n);
  if (t_j[0] > 0 && t_j[1] > 0) {
    double up = t_j[0] / t_j[1];
    printf("  speed-up -j 2 over -j 1:      %.2fx   target >= 1.8x: %s\n", up,
           mark(up >= 1.8));
  }
  if (t_j[0] > 0) {
    double us = t_j[0] / (double)n * 1e6;
    double over = us - best_one / (double)n * 1e6;
    printf("  -j 1, everything included:    %.1f us per document\n", us);
    printf("  per-document overhead:        %.1f us   target <= 50 us: %s\n",
           over, mark(over <= 50));
    printf("    (-j 1 time per document minus the one-document analysis per "
           "text)\n");
    double cli = us - best_rec / (double)n * 1e6;
    printf("  of which the CLI's own:       %.1f us   (-j 1 minus in-process "
           "per record%s)\n",
           cli, cli < 0 ? "; negative: timing noise" : "");
  }
  printf("\n  Where a record's time goes (each text analysed on its own, "
         "stage timers,\n  one run; CPU us per document):\n\n");
  double sum = 0;
  for (int s = 0; s < RC_STAGE_COUNT; s++) {
    sum += stage_us[s];
    if (stage_us[s] > 0)
      printf("    %-12s %8.1f   %s\n", rc_stage_names[s], stage_us[s],
             stage_notes[s]);
  }
  printf("    %-12s %8.1f   %s\n", "other", all_us - sum,
         "reset, options, recap_render() as JSON");
  printf("    %-12s %8.1f\n", "total", all_us);
  unlink(in);
  unlink(out);
}

static void ots_compare(const char *recap, const char *dir, int quick) {
  section("ots (Open Text Summarizer) on the same input");
  if (!on_path("ots")) {
    printf("skipped: ots is not on PATH\n");
    return;
  }
  printf("The transcript input written to a file; `ots -r 20 FILE` and\n"
         "`recap -n 5 FILE`, output to /dev/null, best of 3 (one run when\n"
         "a run takes over 10 s), ots stopped after %d s.\n\n",
         OTS_TIMEOUT);
  printf("  %8s %12s %12s %12s\n", "size", "ots s", "recap s", "ots / recap");
  static const size_t sizes[] = {100000, 1000000};
  text seed;
  char desc[200];
  load_seed(IN_TRANSCRIPT, &seed, desc, sizeof desc);
  for (size_t i = 0; i < N_OF(sizes); i++) {
    if (quick && sizes[i] > 100000)
      break;
    size_t len;
    char *s = repeat_to(&seed, sizes[i], &len);
    char file[512], sz[32];
    snprintf(file, sizeof file, "%s/transcript-%zu.txt", dir, sizes[i]);
    write_file(file, s, len);
    free(s);
    char *argv_ots[] = {"ots", "-r", "20", file, NULL};
    char *argv_recap[] = {(char *)recap, "-n", "5", file, NULL};
    int reps = quick ? 1 : 3;
    run_result o = best_of(reps, argv_ots, NULL, NULL, OTS_TIMEOUT, 10);
    run_result r = best_of(reps, argv_recap, NULL, NULL, 0, 10);
    size_name(sizes[i], sz, sizeof sz);
    char os[64], rs[64], ratio[64] = "-";
    if (o.timed_out)
      snprintf(os, sizeof os, "> %d", OTS_TIMEOUT);
    else if (o.status != 0)
      snprintf(os, sizeof os, "failed (%d)", o.status);
    else
      snprintf(os, sizeof os, "%.3f", o.secs);
    if (r.status != 0)
      snprintf(rs, sizeof rs, "failed (%d)", r.status);
    else
      snprintf(rs, sizeof rs, "%.4f", r.secs);
    if (r.status == 0 && (o.status == 0 || o.timed_out))
      snprintf(ratio, sizeof ratio, "%s%.0fx", o.timed_out ? "> " : "",
               (o.timed_out ? OTS_TIMEOUT : o.secs) / r.secs);
    printf("  %8s %12s %12s %12s\n", sz, os, rs, ratio);
    unlink(file);
  }
  free(seed.s);
}

/* ---- main ---------------------------------------------------------------- */

static void usage(FILE *f) {
  fputs("Usage: bench [--max-mb N] [--quick] [--generated] [--recap PATH]\n"
        "       bench --write-meetings BYTES FILE\n"
        "  --max-mb N    largest input of the scaling table, MB (default 100;\n"
        "                1024 adds the 1 GB point)\n"
        "  --quick       small sizes only, for a fast check\n"
        "  --generated   generated meetings even where ../shared has the dev\n"
        "                meetings\n"
        "  --recap PATH  the CLI to time (default build/recap)\n"
        "  --write-meetings BYTES FILE  write the generator's meetings, exit\n"
        "Run from the project root.\n",
        f);
}

int main(int argc, char **argv) {
  size_t max_mb = 100;
  int quick = 0;
  const char *recap = "build/recap";
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--quick") == 0)
      quick = 1;
    else if (strcmp(argv[i], "--generated") == 0)
      force_generated = 1;
    else if (strcmp(argv[i], "--write-meetings") == 0 && i + 2 < argc) {
      /* The generator's text, for a look or another tool. */
      char *end;
      errno = 0;
      unsigned long long v = strtoull(argv[i + 1], &end, 10);
      if (errno || *end || v == 0) {
        fprintf(stderr, "bench: --write-meetings: expected a byte count\n");
        return 2;
      }
      text t = {0};
      generate_meetings(&t, (size_t)v);
      trim_to_line(&t, (size_t)v);
      write_file(argv[i + 2], t.s, t.len);
      free(t.s);
      return 0;
    } else if (strcmp(argv[i], "--max-mb") == 0 && i + 1 < argc) {
      char *end;
      errno = 0;
      unsigned long v = strtoul(argv[++i], &end, 10);
      if (errno || *end || v == 0 || v > 100000) {
        fprintf(stderr, "bench: --max-mb: expected a number of MB\n");
        return 2;
      }
      max_mb = v;
    } else if (strcmp(argv[i], "--recap") == 0 && i + 1 < argc)
      recap = argv[++i];
    else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      usage(stdout);
      return 0;
    } else {
      usage(stderr);
      return 2;
    }
  }
  if (quick && max_mb > 1)
    max_mb = 1;
  size_t max_bytes = max_mb * (size_t)1000000;
  size_t stage_size = max_bytes < 10000000 ? max_bytes : 10000000;
  if (max_mb >= 1024)
    max_bytes = (size_t)1000000000; /* the 1 GB point: 10^9 bytes */

  /* A path without a slash would be looked up in PATH by posix_spawnp. */
  char recap_path[4096];
  snprintf(recap_path, sizeof recap_path, "%s%s",
           strchr(recap, '/') ? "" : "./", recap);
  int have_cli = access(recap_path, X_OK) == 0;

  const char *tmp = getenv("TMPDIR");
  char dir[256];
  snprintf(dir, sizeof dir, "%s/recap-bench-XXXXXX",
           tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(dir))
    die("mkdtemp %s: %s", dir, strerror(errno));

  double t0 = now();
  printf("recap benchmark%s\n", quick ? " (--quick: small sizes only)" : "");
  machine(recap_path);
  stage_tables(stage_size, quick);
  language_table(stage_size);
  scaling_table(max_bytes);
  if (have_cli) {
    startup(recap_path, dir, quick ? 20 : 200);
    batch(recap_path, dir, quick ? 1000 : 10000, quick ? 1 : 3);
    ots_compare(recap_path, dir, quick);
  } else
    printf("\n(CLI sections skipped: %s is not there; `make` builds it)\n",
           recap_path);
  rmdir(dir);
  printf("\nbenchmark run time %.0f s\n", now() - t0);
  if (fflush(stdout) != 0 || ferror(stdout))
    die("writing the report failed");
  return 0;
}
