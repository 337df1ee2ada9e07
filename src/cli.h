/*
 * cli.h - the `recap` command: pieces shared by main.c and cli_*.c.
 * The CLI is a client of recap.h only; it is not part of librecap.
 */
#ifndef RECAP_CLI_H
#define RECAP_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "recap.h"

/* Exit codes (documented in recap(1)). */
enum {
  EXIT_OK = 0,
  EXIT_INPUT = 1, /* an input could not be read or analysed, or output failed */
  EXIT_USAGE = 2,
  EXIT_NOMEM = 3
};

/* ---- cli_io.c ------------------------------------------------------------ */

/* A file's bytes, read into the heap. */
typedef struct cli_input {
  char *data;
  size_t len;
} cli_input;

/* Reads path ("-" = stdin) up to max bytes; on failure returns -1 with a
   message in err ("No such file or directory", "is a directory", ...). */
int cli_read(const char *path, size_t max, cli_input *in, char *err,
             size_t errlen);
void cli_input_free(cli_input *in);
/* The whole of s to f; -1 on a write error. */
int cli_write(FILE *f, const char *s, size_t n);
/* A file name to f as text: each byte that is not UTF-8, or is a control
   character, as U+FFFD (as recap_render_json_labelled() does), so that a
   name cannot break the output's encoding or its lines; -1 on error. */
int cli_write_name(FILE *f, const char *name);

/* ---- cli_run.c ----------------------------------------------------------- */

/* What one work item produced, printed in input order. */
typedef struct cli_result {
  char *out; /* to stdout (recap_free), or NULL */
  size_t out_len;
  char *err;     /* to stderr (free), or NULL */
  int exit_code; /* EXIT_OK or a failure */
  int done;
} cli_result;

/* Runs work(user, i, doc, result) for i in [0, n) on `jobs` threads, each
   with its own document from ctx, and hands results to emit(user, i,
   result) in order of i as soon as they are ready.  Returns the worst
   exit code seen (or EXIT_NOMEM if a document cannot be created). */
typedef void (*cli_work_fn)(void *user, size_t i, recap_document *doc,
                            cli_result *r);
typedef int (*cli_emit_fn)(void *user, size_t i, cli_result *r);
int cli_run(const recap_context *ctx, size_t n, int jobs, cli_work_fn work,
            cli_emit_fn emit, void *user);

/* Progress on stderr when the work takes a while: by default when stderr
   is a terminal (--progress: always; --no-progress: never).  NULL when
   there is to be none; every function accepts NULL. */
typedef struct cli_progress cli_progress;
typedef enum cli_progress_mode {
  CLI_PROGRESS_AUTO,
  CLI_PROGRESS_ON,
  CLI_PROGRESS_OFF
} cli_progress_mode;
cli_progress *cli_progress_start(cli_progress_mode mode, const char *what,
                                 size_t total);
/* `done` of the total items ("5/200 files"). */
void cli_progress_step(cli_progress *p, size_t done);
/* The analysis of one input, `name`, is `share` (0 to 1) done ("42%"). */
void cli_progress_share(cli_progress *p, const char *name, double share);
/* Erases the line before other output: results to stdout (to_stdout: only
   if that is a terminal too) or a message to stderr (to_stdout 0). */
void cli_progress_clear(cli_progress *p, int to_stdout);
/* Erases the line and frees p. */
void cli_progress_end(cli_progress *p);

/* ---- cli_jsonl.c --------------------------------------------------------- */

/* recap --jsonl: records from stdin, one result line per input line on
   stdout, in order, on `jobs` threads.  Returns the exit code. */
int cli_jsonl(const recap_context *ctx, const recap_options *opt, int jobs,
              cli_progress_mode progress_mode);

#endif
