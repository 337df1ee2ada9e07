/*
 * cli_jsonl.c - `recap --jsonl`: JSON Lines records on stdin, one result
 * line per input line on stdout, in input order.
 *
 * The promise a position-paired consumer (Spark's pipe(), GNU parallel -k)
 * relies on is that line n of the output answers line n of the input,
 * whatever happens to the record.  So every line gives exactly one line:
 * a record's result, or an error object; a line longer than twice
 * --max-input gives a too_large object as soon as that is passed, and the rest
 * of it is read and dropped without being kept (memory stays at the limit); a
 * record that runs out of memory gives an out_of_memory object.  Only a failing
 * read ends the run early, with a message and exit 1: what was not read cannot
 * be answered, and taking it for the end of the input would hide the loss.
 *
 * With -j 1 each line is read, answered and written in turn; with -j N,
 * N threads share the work for the whole run (see "several threads").
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* ---- reading lines ------------------------------------------------------ */

/* What a line gave: its bytes, or why it has none. */
typedef enum line_kind {
  LINE_OK,
  LINE_TOO_LONG, /* over the limit: skipped to its end */
  LINE_NOMEM,    /* no memory to hold it: skipped to its end */
  LINE_END,      /* no more input */
  LINE_ERROR     /* the read failed (errno in reader.error) */
} line_kind;

#define READ_BLOCK ((size_t)64 << 10)

typedef struct line_reader {
  int fd;
  size_t max; /* longest line kept, in bytes */
  char *buf;  /* READ_BLOCK bytes, [pos, end) not yet looked at */
  size_t pos, end;
  int started; /* the first block was read (and a BOM skipped) */
  int eof;
  int skipping; /* the rest of a too long line is to be dropped */
  int error;    /* errno of a failed read, or 0 */
} line_reader;

/* More bytes into buf: 1, or 0 at the end of the input or on an error. */
static int fill(line_reader *r) {
  if (r->eof || r->error)
    return 0;
  r->pos = r->end = 0;
  for (;;) {
    ssize_t got = read(r->fd, r->buf, READ_BLOCK);
    if (got > 0) {
      r->end = (size_t)got;
      return 1;
    }
    if (got == 0) {
      r->eof = 1;
      return 0;
    }
    if (errno != EINTR) {
      r->error = errno;
      return 0;
    }
  }
}

/* A UTF-8 byte-order mark before the first record (Windows editors write
   one) is not part of it.  It may come in pieces from a pipe; what only
   began like one is given back (buf has room for it before a block). */
static void skip_bom(line_reader *r) {
  static const char bom[] = "\xEF\xBB\xBF";
  r->started = 1;
  size_t have = 0;
  while (have < 3) {
    int more = r->pos < r->end || fill(r);
    if (more && r->buf[r->pos] == bom[have]) {
      r->pos++;
      have++;
      continue;
    }
    if (have) {
      memmove(r->buf + have, r->buf + r->pos, r->end - r->pos);
      memcpy(r->buf, bom, have);
      r->end = r->end - r->pos + have;
      r->pos = 0;
    }
    return;
  }
}

/* Appends s[0, n) to the line, growing it geometrically but
   never past the limit; 0 if memory ran out. */
static int append(char **line, size_t *len, size_t *cap, const char *s,
                  size_t n, size_t max) {
  if (*len + n > *cap) {
    size_t want = *cap ? *cap : 256;
    while (want < *len + n)
      want = want > max / 2 ? max : want * 2;
    char *grown = realloc(*line, want + 1);
    if (!grown)
      return 0;
    *line = grown;
    *cap = want;
  }
  memcpy(*line + *len, s, n);
  *len += n;
  return 1;
}

/* Drops input up to and including the next newline. */
static void skip_line(line_reader *r) {
  for (;;) {
    if (r->pos == r->end && !fill(r))
      return;
    char *nl = memchr(r->buf + r->pos, '\n', r->end - r->pos);
    if (nl) {
      r->pos = (size_t)(nl - r->buf) + 1;
      r->skipping = 0;
      return;
    }
    r->pos = r->end;
  }
}

/* The next line, without its newline and trailing CRs, in *line (malloc,
   NUL-terminated) for LINE_OK; *line is NULL otherwise. */
static line_kind next_line(line_reader *r, char **line, size_t *len) {
  *line = NULL;
  *len = 0;
  if (!r->started)
    skip_bom(r);
  if (r->skipping)
    skip_line(r);
  size_t cap = 0;
  int any = 0; /* a last line without a newline is a line */
  for (;;) {
    if (r->pos == r->end && !fill(r)) {
      if (r->error || !any) {
        free(*line);
        *line = NULL;
        return r->error ? LINE_ERROR : LINE_END;
      }
      break;
    }
    any = 1;
    const char *start = r->buf + r->pos;
    const char *nl = memchr(start, '\n', r->end - r->pos);
    size_t n = nl ? (size_t)(nl - start) : r->end - r->pos;
    r->pos += n + (nl != NULL);
    if (*len + n > r->max || !append(line, len, &cap, start, n, r->max)) {
      line_kind why = *len + n > r->max ? LINE_TOO_LONG : LINE_NOMEM;
      free(*line);
      *line = NULL;
      *len = 0;
      r->skipping = !nl;
      return why;
    }
    if (nl)
      break;
  }
  if (!*line) { /* an empty line */
    *line = malloc(1);
    if (!*line)
      return LINE_NOMEM;
  }
  while (*len > 0 && (*line)[*len - 1] == '\r')
    (*len)--;
  (*line)[*len] = '\0';
  return LINE_OK;
}

/* ---- records ------------------------------------------------------------- */

typedef struct record_line {
  char *line; /* malloc, for LINE_OK */
  size_t len;
  line_kind kind;
  recap_status status; /* what processing it gave */
} record_line;

typedef struct jsonl_run {
  const recap_options *opt;
  cli_progress *progress;
  size_t base; /* lines taken so far */
} jsonl_run;

static char *line_message(size_t number, const char *what) {
  char where[48];
  snprintf(where, sizeof where, "line %zu", number);
  size_t n = strlen(where) + strlen(what) + 32;
  char *m = malloc(n);
  if (m)
    snprintf(m, n, "recap: stdin: %s: %s\n", where, what);
  return m;
}

static void process_line(const jsonl_run *run, size_t number, record_line *it,
                         recap_document *doc, cli_result *r) {
  if (it->kind == LINE_TOO_LONG) {
    it->status = RECAP_ERR_TOO_LARGE;
    r->err = line_message(number, "longer than twice --max-input: skipped");
  } else if (it->kind == LINE_NOMEM) {
    it->status = RECAP_ERR_NOMEM;
    r->err = line_message(number, "out of memory reading the line: skipped");
  } else {
    it->status = recap_jsonl_process(doc, it->line, it->len, run->opt, &r->out,
                                     &r->out_len);
    if (it->status == RECAP_ERR_NOMEM)
      r->err = line_message(number, recap_strerror(RECAP_ERR_NOMEM));
  }
  free(it->line);
  it->line = NULL;
  if (it->status == RECAP_ERR_NOMEM)
    r->exit_code = EXIT_NOMEM;
  else if (it->status != RECAP_OK) /* a bad record is bad input */
    r->exit_code = EXIT_INPUT;
}

/* The result line, or, when there was no memory to make one, the error
   object made without allocating. */
static int emit_line(const jsonl_run *run, size_t number, recap_status status,
                     cli_result *r) {
  int code = r->exit_code;
  cli_progress_clear(run->progress, !r->err);
  if (r->err)
    fputs(r->err, stderr);
  char fallback[128];
  const char *s = r->out;
  size_t n = r->out_len;
  if (!s) {
    n = recap_jsonl_error(status, fallback, sizeof fallback);
    s = fallback;
  }
  if (cli_write(stdout, s, n) || putchar('\n') == EOF)
    code = EXIT_INPUT;
  /* The rest of a too long line may take long to read (or never end:
     /dev/zero): its answer is out before that. */
  if (status == RECAP_ERR_TOO_LARGE && !r->out && fflush(stdout))
    code = EXIT_INPUT;
  recap_free(r->out);
  free(r->err);
  cli_progress_step(run->progress, number);
  return code;
}

static int worse(int a, int b) {
  if (a == EXIT_NOMEM || b == EXIT_NOMEM)
    return EXIT_NOMEM;
  return a ? a : b;
}

/* One thread: each line is answered before the next is read. */
static int run_inline(const recap_context *ctx, line_reader *reader,
                      jsonl_run *run, line_kind *last) {
  recap_document *doc = NULL;
  if (recap_document_new(ctx, &doc) != RECAP_OK) {
    fputs("recap: out of memory\n", stderr);
    return EXIT_NOMEM;
  }
  int code = EXIT_OK;
  record_line it;
  for (;;) {
    memset(&it, 0, sizeof it);
    it.kind = next_line(reader, &it.line, &it.len);
    if (it.kind == LINE_END || it.kind == LINE_ERROR)
      break;
    cli_result r;
    memset(&r, 0, sizeof r);
    process_line(run, ++run->base, &it, doc, &r);
    code = worse(code, emit_line(run, run->base, it.status, &r));
  }
  *last = it.kind;
  recap_document_free(doc);
  return code;
}

/* ---- several threads ----------------------------------------------------- */

/*
 * Every thread, the calling one included, is a worker with one document
 * for the whole run (made once: a document derives its word facts when it
 * is made).  A worker takes the next line under the read lock, reading it
 * itself, so one thread reads
 * while the others analyse; answers the record without any lock; and puts
 * the result into its slot of a ring of WINDOW_PER_JOB * jobs.  Whoever
 * finishes the line that is next to be printed prints it and every
 * finished one after it, in input order; the others go on working.  No
 * thread waits for a batch: a worker waits only when the line it would
 * read is a whole ring ahead of printing, which bounds what finished
 * results hold (lines are freed once answered: at most one per worker).
 * A thread is signalled only when it sleeps (a wake-up per record cost
 * more than a small record).
 */
#define WINDOW_PER_JOB 32

typedef struct slot {
  cli_result r;
  recap_status status;
  int done;
} slot;

typedef struct pool {
  const recap_context *ctx;
  jsonl_run *run;
  line_reader *reader;
  pthread_mutex_t read_mu; /* the reader, lines, last */
  size_t lines;            /* lines taken */
  line_kind last;          /* LINE_END or LINE_ERROR once the input ended */
  pthread_mutex_t mu;      /* the rest */
  pthread_cond_t room;     /* printing advanced */
  size_t waiting;          /* workers asleep on room */
  slot *slots;
  size_t window;
  size_t printed;
  int printing; /* a worker is printing */
  int code;
} pool;

/* The number of the next line (0-based) into *it, or 0 at the end of the
   input. */
static int take_line(pool *p, record_line *it, size_t *number) {
  pthread_mutex_lock(&p->read_mu);
  if (p->last != LINE_OK) {
    pthread_mutex_unlock(&p->read_mu);
    return 0;
  }
  pthread_mutex_lock(&p->mu);
  while (p->lines >= p->printed + p->window) {
    p->waiting++;
    pthread_cond_wait(&p->room, &p->mu);
    p->waiting--;
  }
  pthread_mutex_unlock(&p->mu);
  memset(it, 0, sizeof *it);
  it->kind = next_line(p->reader, &it->line, &it->len);
  int got = it->kind != LINE_END && it->kind != LINE_ERROR;
  if (got)
    *number = p->lines++;
  else
    p->last = it->kind;
  pthread_mutex_unlock(&p->read_mu);
  return got;
}

/* Stores line i's result, and prints it and the finished ones after it
   if it is the next to be printed and no one else is printing. */
static void finish_line(pool *p, size_t i, const record_line *it,
                        const cli_result *r) {
  pthread_mutex_lock(&p->mu);
  slot *s = &p->slots[i % p->window];
  s->r = *r;
  s->status = it->status;
  s->done = 1;
  if (p->printing || i != p->printed) {
    pthread_mutex_unlock(&p->mu);
    return;
  }
  p->printing = 1;
  for (;;) {
    s = &p->slots[p->printed % p->window];
    if (!s->done)
      break;
    slot mine = *s;
    s->done = 0;
    pthread_mutex_unlock(&p->mu);
    int code = emit_line(p->run, p->printed + 1, mine.status, &mine.r);
    pthread_mutex_lock(&p->mu);
    p->code = worse(p->code, code);
    p->printed++;
    if (p->waiting)
      pthread_cond_broadcast(&p->room);
  }
  p->printing = 0;
  pthread_mutex_unlock(&p->mu);
}

static void work(pool *p, recap_document *doc) {
  record_line it;
  size_t i;
  while (take_line(p, &it, &i)) {
    cli_result r;
    memset(&r, 0, sizeof r);
    process_line(p->run, i + 1, &it, doc, &r);
    finish_line(p, i, &it, &r);
  }
}

static void *worker(void *arg) {
  pool *p = arg;
  recap_document *doc = NULL;
  /* Without a document this thread does nothing; the others do the work. */
  if (recap_document_new(p->ctx, &doc) == RECAP_OK)
    work(p, doc);
  recap_document_free(doc);
  return NULL;
}

/* jobs threads, this one among them. */
static int run_pool(const recap_context *ctx, line_reader *reader,
                    jsonl_run *run, int jobs, line_kind *last) {
  pool p;
  memset(&p, 0, sizeof p);
  p.ctx = ctx;
  p.run = run;
  p.reader = reader;
  p.window = (size_t)jobs * WINDOW_PER_JOB;
  p.slots = calloc(p.window, sizeof *p.slots);
  recap_document *doc = NULL;
  pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
  if (!p.slots || !threads || recap_document_new(ctx, &doc) != RECAP_OK) {
    free(p.slots);
    free(threads);
    fputs("recap: out of memory\n", stderr);
    return EXIT_NOMEM;
  }
  pthread_mutex_init(&p.read_mu, NULL);
  pthread_mutex_init(&p.mu, NULL);
  pthread_cond_init(&p.room, NULL);
  int started = 0;
  for (int t = 1; t < jobs; t++)
    if (pthread_create(&threads[started], NULL, worker, &p) == 0)
      started++;
  work(&p, doc);
  for (int t = 0; t < started; t++)
    pthread_join(threads[t], NULL);
  recap_document_free(doc);
  *last = p.last;
  run->base = p.lines;
  pthread_mutex_destroy(&p.read_mu);
  pthread_mutex_destroy(&p.mu);
  pthread_cond_destroy(&p.room);
  free(p.slots);
  free(threads);
  return p.code;
}

int cli_jsonl(const recap_context *ctx, const recap_options *opt, int jobs,
              cli_progress_mode progress_mode) {
  line_reader reader;
  memset(&reader, 0, sizeof reader);
  reader.fd = STDIN_FILENO;
  /* Room for JSON's escapes around a text of the most --max-input allows
     (ensure_ascii writers double non-Latin text): such a record is read
     and answered with its id. */
  reader.max = opt->max_input_bytes > SIZE_MAX / 2 ? SIZE_MAX / 2
                                                   : opt->max_input_bytes * 2;
  reader.buf = malloc(READ_BLOCK + 3); /* + a BOM's start given back */
  jsonl_run run;
  memset(&run, 0, sizeof run);
  run.opt = opt;
  if (!reader.buf) {
    fputs("recap: out of memory\n", stderr);
    return EXIT_NOMEM;
  }
  run.progress = cli_progress_start(progress_mode, "records", 0);
  line_kind last = LINE_OK;
  int code = jobs <= 1 ? run_inline(ctx, &reader, &run, &last)
                       : run_pool(ctx, &reader, &run, jobs, &last);
  if (last == LINE_ERROR) {
    cli_progress_clear(run.progress, 0);
    fprintf(stderr, "recap: stdin: line %zu: read error: %s\n", run.base + 1,
            strerror(reader.error));
    code = worse(code, EXIT_INPUT);
  }
  cli_progress_end(run.progress);
  free(reader.buf);
  return code;
}
