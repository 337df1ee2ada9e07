/*
 * cli_run.c - running work items on threads with output in input order,
 * and the progress line.
 *
 * Workers claim items in order and each keeps one recap_document for all
 * its items (documents reuse their memory).  The main thread prints
 * results strictly in input order, so `recap -j 4 *.vtt` gives the same
 * bytes as with one thread.  Workers stay at most WINDOW items ahead of
 * printing, which bounds the memory held by finished but unprinted
 * results.  A thread signals another only when that one sleeps waiting
 * for it.  (--jsonl, whose items come from a stream, has its own pool in
 * cli_jsonl.c.)
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define WINDOW_PER_JOB 16

typedef struct pool {
  const recap_context *ctx;
  size_t n, next, printed, window;
  cli_result *results;
  pthread_mutex_t mu;
  pthread_cond_t ready; /* the result the printer waits for is done */
  pthread_cond_t room;  /* printing advanced */
  /* Who sleeps, so that a signal (a system call) is sent only when it
     wakes someone: most items are done before the printer needs them. */
  size_t printer_waits; /* the index the printer waits for, or n */
  size_t workers_waiting;
  cli_work_fn work;
  void *user;
} pool;

static void run_item(pool *p, size_t i, recap_document *doc) {
  cli_result r;
  memset(&r, 0, sizeof r);
  if (doc) {
    p->work(p->user, i, doc, &r);
  } else {
    r.err = strdup("out of memory");
    r.exit_code = EXIT_NOMEM;
  }
  pthread_mutex_lock(&p->mu);
  p->results[i] = r;
  p->results[i].done = 1;
  if (p->printer_waits == i)
    pthread_cond_signal(&p->ready);
  pthread_mutex_unlock(&p->mu);
}

static void *worker(void *arg) {
  pool *p = arg;
  recap_document *doc = NULL;
  if (recap_document_new(p->ctx, &doc) != RECAP_OK)
    doc = NULL;
  for (;;) {
    pthread_mutex_lock(&p->mu);
    while (p->next < p->n && p->next >= p->printed + p->window) {
      p->workers_waiting++;
      pthread_cond_wait(&p->room, &p->mu);
      p->workers_waiting--;
    }
    size_t i = p->next < p->n ? p->next++ : p->n;
    pthread_mutex_unlock(&p->mu);
    if (i >= p->n)
      break;
    run_item(p, i, doc);
  }
  recap_document_free(doc);
  return NULL;
}

static int worse(int a, int b) {
  /* out of memory > input failure > ok */
  if (a == EXIT_NOMEM || b == EXIT_NOMEM)
    return EXIT_NOMEM;
  return a ? a : b;
}

static int run_inline(const recap_context *ctx, size_t n, cli_work_fn work,
                      cli_emit_fn emit, void *user) {
  recap_document *doc = NULL;
  int code = EXIT_OK;
  if (recap_document_new(ctx, &doc) != RECAP_OK)
    return EXIT_NOMEM;
  for (size_t i = 0; i < n; i++) {
    cli_result r;
    memset(&r, 0, sizeof r);
    work(user, i, doc, &r);
    r.done = 1;
    code = worse(code, emit(user, i, &r));
  }
  recap_document_free(doc);
  return code;
}

int cli_run(const recap_context *ctx, size_t n, int jobs, cli_work_fn work,
            cli_emit_fn emit, void *user) {
  if (jobs <= 1 || n <= 1)
    return run_inline(ctx, n, work, emit, user);
  pool p;
  memset(&p, 0, sizeof p);
  p.ctx = ctx;
  p.n = n;
  p.window = (size_t)jobs * WINDOW_PER_JOB;
  p.printer_waits = n;
  p.work = work;
  p.user = user;
  p.results = calloc(n, sizeof *p.results);
  if (!p.results)
    return EXIT_NOMEM;
  pthread_mutex_init(&p.mu, NULL);
  pthread_cond_init(&p.ready, NULL);
  pthread_cond_init(&p.room, NULL);
  pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
  int started = 0;
  for (int t = 0; threads && t < jobs; t++)
    if (pthread_create(&threads[t], NULL, worker, &p) == 0)
      started++;
  int code = EXIT_OK;
  if (started == 0) { /* no threads to be had: do the work here */
    free(threads);
    threads = NULL;
    free(p.results);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.ready);
    pthread_cond_destroy(&p.room);
    return run_inline(ctx, n, work, emit, user);
  }
  for (size_t i = 0; i < n; i++) {
    pthread_mutex_lock(&p.mu);
    p.printer_waits = i;
    while (!p.results[i].done)
      pthread_cond_wait(&p.ready, &p.mu);
    p.printer_waits = n;
    cli_result r = p.results[i];
    pthread_mutex_unlock(&p.mu);
    code = worse(code, emit(user, i, &r));
    pthread_mutex_lock(&p.mu);
    p.printed = i + 1;
    if (p.workers_waiting)
      pthread_cond_broadcast(&p.room);
    pthread_mutex_unlock(&p.mu);
  }
  for (int t = 0; t < started; t++)
    pthread_join(threads[t], NULL);
  free(threads);
  free(p.results);
  pthread_mutex_destroy(&p.mu);
  pthread_cond_destroy(&p.ready);
  pthread_cond_destroy(&p.room);
  return code;
}

/* ---- progress ------------------------------------------------------------ */

/*
 * One line on stderr, redrawn in place ("\rrecap: 5/200 files", "\rrecap:
 * talk.txt 42%"), and erased when done.  By default it appears only once
 * the work has taken a second, so quick runs never flash one; asked for
 * (--progress), from the start.  Anything else written to the terminal
 * (results on a terminal stdout, messages on stderr) first erases it
 * (cli_progress_clear), and the next update draws it again below what was
 * written.  Forced onto a stderr that is not a terminal, updates are whole
 * lines, at most one a second (and the 100% of an analysis), and nothing
 * is erased.
 */
struct cli_progress {
  const char *what;
  size_t total;
  double start, last;
  double delay; /* seconds before the first update is drawn */
  int tty;      /* stderr is a terminal: redraw in place */
  int out_tty;  /* stdout is a terminal too: results cross the line */
  int shown;    /* the line is on the screen */
  int redraw;   /* it was erased for other output: draw at once */
};

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

cli_progress *cli_progress_start(cli_progress_mode mode, const char *what,
                                 size_t total) {
  int tty = isatty(STDERR_FILENO);
  if (mode == CLI_PROGRESS_OFF || (mode == CLI_PROGRESS_AUTO && !tty))
    return NULL;
  cli_progress *p = calloc(1, sizeof *p);
  if (!p)
    return NULL;
  p->what = what;
  p->total = total;
  p->tty = tty;
  p->delay = mode == CLI_PROGRESS_AUTO ? 1.0 : 0;
  p->out_tty = isatty(STDOUT_FILENO);
  p->start = p->last = now();
  return p;
}

/* Whether to draw now: after the delay, at most five times a second (once
   a second as lines in a file), unless `force`d. */
static int due(cli_progress *p, int force) {
  double t = now();
  if (t - p->start < p->delay)
    return 0;
  if (!force && !p->redraw && p->last > p->start &&
      t - p->last < (p->tty ? 0.2 : 1.0))
    return 0;
  p->last = t;
  p->redraw = 0;
  p->shown = p->tty;
  fflush(stdout); /* what was printed goes above the line */
  return 1;
}

static void draw_end(cli_progress *p) {
  fputs(p->tty ? "\033[K" : "\n", stderr);
  fflush(stderr);
}

void cli_progress_step(cli_progress *p, size_t done) {
  if (!p || !due(p, 0))
    return;
  if (p->total)
    fprintf(stderr, "%srecap: %zu/%zu %s", p->tty ? "\r" : "", done, p->total,
            p->what);
  else
    fprintf(stderr, "%srecap: %zu %s", p->tty ? "\r" : "", done, p->what);
  draw_end(p);
}

void cli_progress_share(cli_progress *p, const char *name, double share) {
  if (!p || !due(p, share >= 1))
    return;
  fprintf(stderr, "%srecap: %s %d%%", p->tty ? "\r" : "", name,
          (int)(share * 100));
  draw_end(p);
}

void cli_progress_clear(cli_progress *p, int to_stdout) {
  if (!p || !p->shown || (to_stdout && !p->out_tty))
    return;
  fputs("\r\033[K", stderr);
  fflush(stderr);
  p->shown = 0;
  p->redraw = 1;
}

void cli_progress_end(cli_progress *p) {
  if (!p)
    return;
  cli_progress_clear(p, 0);
  free(p);
}
