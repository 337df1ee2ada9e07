/*
 * cli_run.c - running work items on threads with output in input order,
 * and the progress line.
 *
 * Workers claim items in order and each keeps one recap_document for all
 * its items (documents reuse their memory).  The main thread prints
 * results strictly in input order, so `recap -j 4 *.vtt` and
 * `recap --jsonl -j 4` give the same bytes as with one thread.  Workers
 * stay at most WINDOW items ahead of printing, which bounds the memory
 * held by finished but unprinted results.  A thread signals another only
 * when that one sleeps waiting for it: with small documents (--jsonl)
 * a wake-up per item cost more than the item.
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
  pthread_cond_t ready;   /* the result the printer waits for is done */
  pthread_cond_t room;    /* printing advanced */
  /* Who sleeps, so that a signal (a system call) is sent only when it
     wakes someone: most items are done before the printer needs them. */
  size_t printer_waits;   /* the index the printer waits for, or n */
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

/* ---- progress ------------------------------------------------------------------- */

struct cli_progress {
  const char *what;
  size_t total;
  double start, last;
  int shown;
};

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

cli_progress *cli_progress_start(const char *what, size_t total) {
  if (!isatty(STDERR_FILENO))
    return NULL;
  cli_progress *p = calloc(1, sizeof *p);
  if (!p)
    return NULL;
  p->what = what;
  p->total = total;
  p->start = p->last = now();
  return p;
}

void cli_progress_step(cli_progress *p, size_t done) {
  if (!p)
    return;
  double t = now();
  /* Only work that takes more than a moment gets a progress line. */
  if (t - p->start < 1.0 || t - p->last < 0.2)
    return;
  p->last = t;
  p->shown = 1;
  if (p->total)
    fprintf(stderr, "\rrecap: %zu/%zu %s", done, p->total, p->what);
  else
    fprintf(stderr, "\rrecap: %zu %s", done, p->what);
  fflush(stderr);
}

void cli_progress_end(cli_progress *p) {
  if (!p)
    return;
  if (p->shown)
    fputs("\r\033[K", stderr);
  free(p);
}
