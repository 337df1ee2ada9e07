/*
 * bench.c - `make bench`: recap's speed, scaling, memory, start-up and
 * batch figures, printed as a plain-text report for the README.
 *
 *   bench [--max-mb N] [--quick] [--recap PATH]
 *
 * It checks the targets of the "Speed and scale" issue on the machine it
 * runs on:
 *   - throughput per pipeline stage and end to end, one thread, on English
 *     transcript text (>= 100 MB/s) and mostly non-ASCII text (>= 30 MB/s),
 *     from the document's per-stage timers (doc->timing, see doc.h);
 *   - scaling from 10 KB to 100 MB (1 GB with --max-mb 1024): 10x the input
 *     may cost at most 12x the time and the peak RSS, and peak RSS stays
 *     within 3x the input + 16 MB;
 *   - start-up of the CLI on a one-line input (<= 2 ms);
 *   - the CLI's JSON Lines batch mode with -j 1 and -j 2 (>= 1.8x; per
 *     document overhead <= 50 us);
 *   - the same input through ots (Open Text Summarizer), when installed.
 *
 * Inputs are built in memory by repeating a seed text to each size.
 * Repetition makes every term's postings long, the worst case for recap's
 * graphs; fine for a benchmark, and the report says so.  Every measurement
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
#define DEV_DIR "../shared/eval/meetings/ami"
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

enum { IN_TRANSCRIPT, IN_PLAIN, IN_DEV, IN_NONASCII, IN_COUNT };
/* IN_LANG + i: nonascii_files[i] alone. */
#define IN_LANG 100
static const char *const input_names[IN_COUNT] = {"transcript", "plain", "dev",
                                                  "non-ASCII"};
/* The throughput target per input, MB/s. */
static const double input_target[IN_COUNT] = {100, 100, 100, 30};
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
   Returns 0, or -1 when the dev data is not there. */
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
  case IN_DEV: {
    /* The speaker-labelled AMI transcripts if present, else any .txt. */
    glob_t g;
    const char *what = "*.transcript.txt";
    if (glob(DEV_DIR "/*.transcript.txt", 0, NULL, &g) != 0) {
      what = "*.txt";
      if (glob(DEV_DIR "/*.txt", 0, NULL, &g) != 0)
        return -1;
    }
    for (size_t i = 0; i < g.gl_pathc; i++) {
      if (append_file(t, g.gl_pathv[i]) != 0)
        die("cannot read %s", g.gl_pathv[i]);
      if (t->len && t->s[t->len - 1] != '\n')
        append(t, "\n", 1);
    }
    snprintf(desc, cap, "%zu AMI meetings, %s/%s (%zu bytes)",
             (size_t)g.gl_pathc, DEV_DIR, what, t->len);
    globfree(&g);
    break;
  }
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

/* ---- measuring the library in a child process ---------------------------- */

/* What a child sends back through its pipe. */
typedef struct measure {
  int ok;
  char error[200];
  char seed_desc[200];
  size_t bytes;    /* input size */
  double nonascii; /* fraction of bytes >= 0x80 */
  double total;    /* analysis + render, best run */
  double analyze;  /* of that run */
  double render;   /* of that run */
  double stage[RC_STAGE_COUNT];
  char lang[32];
  char format[16];
  size_t sentences, words;
  long maxrss_kb;   /* filled in by the parent, */
  double user, sys; /* with the child's CPU seconds */
} measure;

/* Builds the input and analyses it `warmup` + `reps` times with the
   default options, keeping the fastest of the last `reps` runs.  Each run
   is recap_document_analyze() then recap_render() as text. */
static void measure_here(int kind, size_t size, int warmup, int reps,
                         measure *m) {
  text seed;
  if (load_seed(kind, &seed, m->seed_desc, sizeof m->seed_desc) != 0) {
    snprintf(m->error, sizeof m->error, "skipped: no %s/*.txt", DEV_DIR);
    return;
  }
  size_t len;
  char *in = repeat_to(&seed, size, &len);
  free(seed.s);
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
    double t0 = now();
    recap_status st = recap_document_analyze(doc, in, len, &opt);
    double t1 = now();
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
    recap_free(out);
    if (i >= 0 && t2 - t0 < m->total) {
      m->total = t2 - t0;
      m->analyze = t1 - t0;
      m->render = t2 - t1;
      memcpy(m->stage, doc->stage_seconds, sizeof m->stage);
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

/* Runs measure_here() in a forked child; returns its result with the
   child's peak RSS. */
static measure measure_in_child(int kind, size_t size, int warmup, int reps) {
  measure m;
  memset(&m, 0, sizeof m);
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
  return m;
}

/* ---- running commands ---------------------------------------------------- */

typedef struct run_result {
  double secs;
  int status;    /* exit code; 128 + signal; -1 if it could not start */
  int timed_out; /* killed by the timeout */
} run_result;

/* Runs argv (looked up in PATH) with stdin from `in` and stdout to `out`
   (NULL: /dev/null), timing it from spawn to exit.  With a timeout, the
   child is forked with an alarm that survives exec; without, it is
   started with posix_spawn, whose cost is closer to a shell's. */
static run_result run_cmd(char *const argv[], const char *in, const char *out,
                          unsigned timeout) {
  run_result r = {0, -1, 0};
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
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR)
      die("waitpid: %s", strerror(errno));
  r.secs = now() - t0;
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
  run_result best = {INFINITY, -1, 0};
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
    "sentence graph, TextRank, fusion",
    "summary selection",
    "phrase scores and selection",
    "chapters",
    "speakers"};

static void stage_tables(size_t size, int quick) {
  char sz[32];
  section("Per-stage throughput (library, in-process, one thread)");
  printf("Each input is a seed text repeated to %s.  Repetition makes every\n"
         "term's postings long, the worst case for recap's graphs; fine for\n"
         "a benchmark.  Default options (recap_options_init: language auto,\n"
         "5 sentences, 10 key phrases), then recap_render() as text.  Best of\n"
         "3 runs after a warm-up; the input is already in memory.  Peak RSS\n"
         "is the child process's, input included.\n",
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
           "  %zu sentences, %zu words; peak RSS %.1f MB (%.2fx input)\n\n",
           (double)m->bytes / MB, 100 * m->nonascii, m->format, m->lang,
           m->sentences, m->words, (double)m->maxrss_kb * 1024 / MB,
           (double)m->maxrss_kb * 1024 / (double)m->bytes);
    printf("  %-12s %9s %10s %7s   %s\n", "stage", "seconds", "MB/s", "share",
           "covers");
    double sum = 0, slow = 0;
    int slowest = -1;
    char rate[32];
    for (int s = 0; s < RC_STAGE_COUNT; s++) {
      double t = m->stage[s];
      sum += t;
      if (t == 0)
        continue;
      if (t > slow) {
        slow = t;
        slowest = s;
      }
      printf("  %-12s %9.4f %10s %6.1f%%   %s\n", rc_stage_names[s], t,
             rate_str((double)m->bytes / MB / t, rate, sizeof rate),
             100 * t / m->total, stage_notes[s]);
    }
    printf("  %-12s %9.4f %10s %6.1f%%   %s\n", "render", m->render,
           rate_str((double)m->bytes / MB / m->render, rate, sizeof rate),
           100 * m->render / m->total, "recap_render(), text");
    double other = m->analyze - sum;
    printf("  %-12s %9.4f %10s %6.1f%%   %s\n", "other", other, "",
           100 * other / m->total, "reset, options, freeing scratch");
    double mbs = (double)m->bytes / MB / m->total;
    printf("  %-12s %9.4f %10.1f %6.1f%%   end to end; target >= %.0f MB/s: "
           "%s\n",
           "total", m->total, mbs, 100.0, input_target[k],
           mark(mbs >= input_target[k]));
    if (slowest >= 0)
      printf("  slowest stage: %s (%.0f%% of the time, %.1f MB/s)\n",
             rc_stage_names[slowest], 100 * slow / m->total,
             (double)m->bytes / MB / slow);
    printf("  (chapters and speakers are off by default and not run)\n");
  }

  printf("\nSummary at %s:\n\n", size_name(size, sz, sizeof sz));
  printf("  %-11s %8s %9s %9s %8s  %s\n", "input", "MB", "seconds", "MB/s",
         "target", "slowest stage");
  for (int k = 0; k < IN_COUNT; k++) {
    const measure *m = &ms[k];
    if (!m->ok) {
      printf("  %-11s %s\n", input_names[k], m->error);
      continue;
    }
    int slowest = 0;
    for (int s = 1; s < RC_STAGE_COUNT; s++)
      if (m->stage[s] > m->stage[slowest])
        slowest = s;
    char sl[64];
    snprintf(sl, sizeof sl, "%s %.0f%% (%.1f MB/s)", rc_stage_names[slowest],
             100 * m->stage[slowest] / m->total,
             (double)m->bytes / MB / m->stage[slowest]);
    double rate = (double)m->bytes / MB / m->total;
    printf("  %-11s %8.2f %9.4f %9.1f %8.0f  %-26s %s\n", input_names[k],
           (double)m->bytes / MB, m->total, rate, input_target[k], sl,
           mark(rate >= input_target[k]));
  }
}

/* The non-ASCII input mixes six languages, which the detector calls
   "none" (no stemmer, no stopwords); each language alone shows the cost
   with its own stemmer and lists. */
static void language_table(size_t size) {
  char sz[32];
  printf("\nNon-ASCII inputs one language at a time (each file repeated to "
         "%s,\nbest of 2 after a warm-up):\n\n",
         size_name(size, sz, sizeof sz));
  printf("  %-24s %-9s %9s %8s %8s  %s\n", "file", "language", "non-ASCII",
         "seconds", "MB/s", "slowest stage");
  for (size_t i = 0; i < sizeof nonascii_files / sizeof *nonascii_files; i++) {
    measure m = measure_in_child(IN_LANG + (int)i, size, 1, 2);
    if (!m.ok) {
      printf("  %-24s %s\n", nonascii_files[i], m.error);
      continue;
    }
    int slowest = 0;
    for (int s = 1; s < RC_STAGE_COUNT; s++)
      if (m.stage[s] > m.stage[slowest])
        slowest = s;
    char sl[64];
    snprintf(sl, sizeof sl, "%s %.0f%% (%.1f MB/s)", rc_stage_names[slowest],
             100 * m.stage[slowest] / m.total,
             (double)m.bytes / MB / m.stage[slowest]);
    double mbs = (double)m.bytes / MB / m.total;
    printf("  %-24s %-9s %8.1f%% %8.4f %8.1f  %-28s %s\n", nonascii_files[i],
           m.lang, 100 * m.nonascii, m.total, mbs, sl, mark(mbs >= 30));
  }
}

static void scaling_table(size_t max_bytes) {
  section("Scaling (transcript input, one child process per size)");
  printf(
      "Each size is built and analysed once in a fresh child (best of 5\n"
      "analyses up to 1 MB, where one run is too short to time); the time\n"
      "excludes building the input, the peak RSS (wait4 ru_maxrss) includes\n"
      "it.  \"x\" columns: ratio to the row above (10x the input); target\n"
      "<= 12.  RSS limit: 3 x input + 16 MB.\n\n");
  printf("  %8s %12s %9s %7s %12s %7s %10s  %s\n", "size", "seconds", "MB/s",
         "time x", "peak RSS MB", "RSS x", "RSS/input", "RSS limit");
  static const size_t sizes[] = {10000,    100000,    1000000,
                                 10000000, 100000000, 1000000000};
  measure prev;
  int have_prev = 0, all_ok = 1;
  double base_rss = 0;
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    if (sizes[i] > max_bytes)
      break;
    measure m = measure_in_child(IN_TRANSCRIPT, sizes[i], 0,
                                 sizes[i] <= 1000000 ? 5 : 1);
    char sz[32];
    size_name(sizes[i], sz, sizeof sz);
    if (!m.ok) {
      printf("  %8s  %s\n", sz, m.error);
      all_ok = 0;
      have_prev = 0;
      continue;
    }
    double rss = (double)m.maxrss_kb * 1024;
    if (i == 0)
      base_rss = rss;
    char tx[16] = "-", rx[16] = "-";
    int bad = 0;
    if (have_prev) {
      double a = m.total / prev.total,
             b = rss / ((double)prev.maxrss_kb * 1024);
      snprintf(tx, sizeof tx, "%.1f%s", a, a > 12 ? "!" : "");
      snprintf(rx, sizeof rx, "%.1f%s", b, b > 12 ? "!" : "");
      bad = a > 12 || b > 12;
    }
    double limit = 3 * (double)m.bytes + 16 * MB;
    printf("  %8s %12.6f %9.1f %7s %12.1f %7s %10.2f  %s%s\n", sz, m.total,
           (double)m.bytes / MB / m.total, tx, rss / MB, rx,
           rss / (double)m.bytes, rss <= limit ? "ok" : "TARGET MISSED",
           bad ? "  (ratio > 12: TARGET MISSED)" : "");
    all_ok = all_ok && !bad && rss <= limit;
    if (i > 0 && sizes[i] >= 10000000) {
      printf("  %8s memory above the 10 KB row: %.2f bytes per input byte\n",
             "", (rss - base_rss) / (double)m.bytes);
      printf("  %8s stages (s):", "");
      for (int s = 0; s < RC_STAGE_COUNT; s++)
        if (m.stage[s] >= 0.02 * m.total)
          printf(" %s %.2f", rc_stage_names[s], m.stage[s]);
      printf("\n  %8s child CPU: user %.1f s, sys %.1f s (building the input "
             "included)\n",
             "", m.user, m.sys);
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
  printf("  %-20s %9s %9s %9s\n", "command", "mean ms", "median", "min");
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
      sum += t[i];
    }
    if (failed)
      continue;
    qsort(t, (size_t)runs, sizeof *t, cmp_double);
    double med = runs % 2 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
    printf("  %-20s %9.3f %9.3f %9.3f", cmds[c].name, sum / runs, med, t[0]);
    if (c == 0)
      printf("   target <= 2 ms (median): %s", mark(med <= 2.0));
    printf("\n");
  }
  free(t);
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

#define N_OF(a) (sizeof(a) / sizeof *(a))

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
  printf("  %-26s %9s %10s %9s  %s\n", "run", "seconds", "docs/s", "us/doc",
         "output lines");
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
    printf("  %-26s %9.3f %10.0f %9.1f  %zu %s\n", name, r.secs,
           (double)n / r.secs, r.secs / (double)n * 1e6, lines,
           lines == n ? "ok" : "WRONG");
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
    double t0 = now();
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
    all_us = (now() - t0) / (double)n * 1e6;
    for (int s = 0; s < RC_STAGE_COUNT; s++)
      stage_us[s] = doc->stage_seconds[s] / (double)n * 1e6;
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
         "stage timers,\n  one run; us per document):\n\n");
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
  fputs("Usage: bench [--max-mb N] [--quick] [--recap PATH]\n"
        "  --max-mb N    largest input of the scaling table, MB (default 100;\n"
        "                1024 adds the 1 GB point)\n"
        "  --quick       small sizes only, for a fast check\n"
        "  --recap PATH  the CLI to time (default build/recap)\n"
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
    else if (strcmp(argv[i], "--max-mb") == 0 && i + 1 < argc) {
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
