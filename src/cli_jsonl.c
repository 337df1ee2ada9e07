/*
 * cli_jsonl.c - `recap --jsonl`: JSON Lines records on stdin, one result
 * line per input line on stdout, in input order.
 *
 * The promise a position-paired consumer (Spark's pipe(), GNU parallel -k)
 * relies on is that line n of the output answers line n of the input,
 * whatever happens to the record.  So every line gives exactly one line:
 * a record's result, or an error object; a line longer than twice
 * --max-input gives a too_large object as soon as that is passed, and the rest of
 * it is read and dropped without being kept (memory stays at the limit);
 * a record that runs out of memory gives an out_of_memory object.  Only a
 * failing read ends the run early, with a message and exit 1: what was
 * not read cannot be answered, and taking it for the end of the input
 * would hide the loss.
 */
#include <errno.h>
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
  size_t max;    /* longest line kept, in bytes */
  char *buf;     /* READ_BLOCK bytes, [pos, end) not yet looked at */
  size_t pos, end;
  int started;   /* the first block was read (and a BOM skipped) */
  int eof;
  int skipping;  /* the rest of a too long line is to be dropped */
  int error;     /* errno of a failed read, or 0 */
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

/* Appends buf[pos, pos + n) to the line, growing it geometrically but
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

/* ---- records -------------------------------------------------------------- */

typedef struct record_line {
  char *line; /* malloc, for LINE_OK */
  size_t len;
  line_kind kind;
  recap_status status; /* what processing it gave */
} record_line;

typedef struct jsonl_run {
  const recap_options *opt;
  cli_progress *progress;
  record_line *items; /* this batch */
  size_t n, base;     /* its size, and the number of the line before it */
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
    it->status = recap_jsonl_process(doc, it->line, it->len, run->opt,
                                     &r->out, &r->out_len);
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

static void work_batch(void *user, size_t i, recap_document *doc,
                       cli_result *r) {
  jsonl_run *run = user;
  process_line(run, run->base + i + 1, &run->items[i], doc, r);
}

static int emit_batch(void *user, size_t i, cli_result *r) {
  jsonl_run *run = user;
  return emit_line(run, run->base + i + 1, run->items[i].status, r);
}

static int worse(int a, int b) {
  if (a == EXIT_NOMEM || b == EXIT_NOMEM)
    return EXIT_NOMEM;
  return a ? a : b;
}

/* Records are read and processed in batches: large enough that starting
   threads and waiting for a batch's slowest record cost little, bounded
   in bytes so that huge records do not pile up in memory. */
#define JSONL_BATCH 8192
#define JSONL_BATCH_BYTES ((size_t)64 << 20)

/* Reads up to JSONL_BATCH lines, stopping early past JSONL_BATCH_BYTES
   or at the end of the input (LINE_END or LINE_ERROR in *last). */
static size_t read_batch(line_reader *reader, jsonl_run *run,
                         line_kind *last) {
  size_t n = 0, bytes = 0;
  *last = LINE_OK;
  while (n < JSONL_BATCH && bytes < JSONL_BATCH_BYTES) {
    record_line *it = &run->items[n];
    it->kind = next_line(reader, &it->line, &it->len);
    if (it->kind == LINE_END || it->kind == LINE_ERROR) {
      *last = it->kind;
      break;
    }
    bytes += it->len;
    n++;
  }
  return n;
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
  run.items = calloc(JSONL_BATCH, sizeof *run.items);
  if (!reader.buf || !run.items) {
    free(reader.buf);
    free(run.items);
    fputs("recap: out of memory\n", stderr);
    return EXIT_NOMEM;
  }
  run.progress = cli_progress_start(progress_mode, "records", 0);
  int code = EXIT_OK;
  line_kind last = LINE_OK;
  if (jobs <= 1)
    code = run_inline(ctx, &reader, &run, &last);
  while (last == LINE_OK) {
    run.n = read_batch(&reader, &run, &last);
    if (run.n)
      code = worse(code, cli_run(ctx, run.n, jobs, work_batch, emit_batch,
                                 &run));
    run.base += run.n;
  }
  if (last == LINE_ERROR) {
    cli_progress_clear(run.progress, 0);
    fprintf(stderr, "recap: stdin: line %zu: read error: %s\n", run.base + 1,
            strerror(reader.error));
    code = worse(code, EXIT_INPUT);
  }
  cli_progress_end(run.progress);
  free(reader.buf);
  free(run.items);
  return code;
}
