/*
 * main.c - the `recap` command.
 *
 *   recap [OPTIONS] [FILE...]       summarise each FILE (or stdin)
 *   recap --jsonl [OPTIONS]         JSON Lines records on stdin
 *   recap idf [OPTIONS] FILE...     build a document-frequency table
 *   recap sentences [OPTIONS] [FILE...]  every sentence, one per line
 *
 * Conventions follow jq and the GNU tools: --help to stdout with exit 0;
 * usage errors as "recap: message" on stderr with exit 2; a failing input
 * reported as "recap: FILE: reason" without stopping the others; and a
 * final check that everything written to stdout really got there.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"

typedef struct config {
  recap_options opt;
  recap_format format;
  recap_render_options render; /* -f html: --title, --media */
  int jobs;
  int jsonl;
  const char *stopwords;
  const char **idf;
  size_t nidf;
  char **files;
  size_t nfiles;
  recap_context *ctx;
  cli_progress *progress;
  cli_progress_mode progress_mode; /* --progress, --no-progress */
  int several;                     /* more than one input: label each result */
  int sentences; /* recap sentences: every sentence instead of results */
} config;

static const char *usage_text =
    "Usage: recap [OPTIONS] [FILE...]\n"
    "       recap --jsonl [OPTIONS] < records.jsonl\n"
    "       recap idf [OPTIONS] FILE... > table.idf\n"
    "       recap sentences [OPTIONS] [FILE...]\n"
    "\n"
    "Summarises transcripts (plain text, `Name: text` transcripts, WebVTT,\n"
    "SRT, Whisper JSON): the best sentences, key phrases, chapters,\n"
    "speakers, decisions and action items.  With no FILE, or FILE -, reads\n"
    "standard input.  'recap sentences' prints every sentence instead, one\n"
    "per line, as the summary splits them, verbatim (-f json: JSON Lines\n"
    "with offsets, speaker and times; -f markdown: list items).\n"
    "\n"
    "Summary and key phrases:\n"
    "  -n, --sentences N      at most N summary sentences (default 5; 0 = no "
    "summary)\n"
    "  -w, --words N          at most N words of summary\n"
    "  -r, --ratio R          at most this fraction of the sentences (0-1)\n"
    "  -k, --keyphrases N     N key phrases (default 10; 0 = none)\n"
    "      --order ORDER      summary in 'document' (default) or 'score' "
    "order\n"
    "      --query TEXT       focus the summary on TEXT\n"
    "      --cut              cut the last sentence to fill --words exactly\n"
    "      --verbatim         keep fillers, false starts and repeats in "
    "sentences\n"
    "      --chapters[=N]     split into chapters (N of them, or automatic)\n"
    "      --speakers         figures per speaker\n"
    "      --decisions[=N]    decisions and action items (owner, due time);\n"
    "                         at most N of each, or automatic\n"
    "\n"
    "Input:\n"
    "  -l, --lang LANG        language name or code, 'auto' (default) or "
    "'none'\n"
    "  -i, --input-format F   auto (default), text, transcript, vtt, srt, "
    "json\n"
    "      --strict           invalid UTF-8 is an error, not repaired\n"
    "      --stopwords FILE   more stopwords, one per line ('-word' removes)\n"
    "      --idf FILE         background document frequencies (recap idf)\n"
    "      --max-input SIZE   refuse larger inputs (default 1G; K, M, G)\n"
    "\n"
    "Output and batch:\n"
    "  -f, --format F         text (default), json, markdown, youtube, html\n"
    "                         (html: one self-contained page; turns on\n"
    "                         --chapters and --speakers; one FILE at a time)\n"
    "      --title TEXT       html: the page's title (default: the file name)\n"
    "      --media URL        html: the recording (http(s) or relative URL);\n"
    "                         timestamps seek it (YouTube: link to the time)\n"
    "      --jsonl            read JSON Lines records from stdin, write one "
    "result\n"
    "                         line per record (see recap(1))\n"
    "  -j, --jobs N           N worker threads (default 1)\n"
    "      --progress         progress on stderr from the start, also when it\n"
    "                         is no terminal (default: on a terminal, after 1 "
    "s)\n"
    "      --no-progress      no progress on stderr\n"
    "      --scorer S         fused (default), textrank, tfidf\n"
    "      --similarity S     bm25 (default), cosine, overlap\n"
    "  -h, --help             this help\n"
    "  -V, --version          version\n"
    "\n"
    "Exit status: 0 success, 1 an input could not be read or analysed (or\n"
    "output failed), 2 usage error, 3 out of memory.\n";

/* code, or EXIT_INPUT with a message if stdout could not be written: the
   last thing before every exit that printed to it (jq's final check). */
static int finish_stdout(int code) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "recap: error writing output: %s\n", strerror(errno));
    return code ? code : EXIT_INPUT;
  }
  return code;
}

static void usage_error(const char *fmt, ...) {
  va_list ap;
  fputs("recap: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputs("\nTry 'recap --help' for more information.\n", stderr);
  exit(EXIT_USAGE);
}

/* ---- option values ------------------------------------------------------- */

/* strtoull() skips white space and takes a sign (" -5" is 2^64 - 5): a
   count or a size starts with a digit. */
static int starts_with_digit(const char *s) { return *s >= '0' && *s <= '9'; }

static size_t parse_count(const char *opt, const char *s) {
  char *end;
  errno = 0;
  if (!starts_with_digit(s))
    usage_error("%s: expected a count, got '%s'", opt, s);
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || *end)
    usage_error("%s: expected a count, got '%s'", opt, s);
  return (size_t)v;
}

static size_t parse_size(const char *opt, const char *s) {
  char *end;
  errno = 0;
  if (!starts_with_digit(s))
    usage_error("%s: expected a size, got '%s'", opt, s);
  unsigned long long v = strtoull(s, &end, 10);
  unsigned long long mult = 1;
  if (*end == 'K' || *end == 'k')
    mult = 1ULL << 10;
  else if (*end == 'M' || *end == 'm')
    mult = 1ULL << 20;
  else if (*end == 'G' || *end == 'g')
    mult = 1ULL << 30;
  if (mult > 1)
    end++;
  if (errno || *end || v > (unsigned long long)SIZE_MAX / mult)
    usage_error("%s: expected a size like 500M, got '%s'", opt, s);
  return (size_t)(v * mult);
}

static double parse_ratio(const char *opt, const char *s) {
  /* A fraction in the C locale: digits, one '.', digits.  Whether it is
     over 1 is read off the digits; a double holds 17 of them, so later
     ones are checked but not added ("0." and 400 nines is 1, not the
     NaN of inf times 0). */
  const char *p = s;
  int digits = 0, whole = 0; /* the integer part, 2 for any over 1 */
  for (; *p >= '0' && *p <= '9'; p++, digits++)
    whole = whole > 1 ? 2 : whole * 10 + (*p - '0');
  int over = whole > 1;
  double v = whole, scale = 1;
  if (*p == '.') {
    int kept = 0;
    for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
      over |= whole == 1 && *p != '0';
      if (kept++ < 17) {
        v = v * 10 + (*p - '0');
        scale /= 10;
      }
    }
  }
  if (*p || !digits || over)
    usage_error("%s: expected a number between 0 and 1, got '%s'", opt, s);
  v *= scale;
  return v > 1 ? 1 : v; /* 0.99999999999999999 rounds up */
}

static int pick(const char *opt, const char *s, const char *const *names,
                int n) {
  for (int i = 0; i < n; i++)
    if (strcmp(s, names[i]) == 0)
      return i;
  usage_error("%s: unknown value '%s'", opt, s);
  return 0;
}

static const char *const scorer_names[] = {"fused", "textrank", "tfidf"};
static const char *const similarity_names[] = {"bm25", "cosine", "overlap"};
static const char *const order_names[] = {"document", "score"};

enum {
  OPT_ORDER = 256,
  OPT_QUERY,
  OPT_CUT,
  OPT_VERBATIM,
  OPT_CHAPTERS,
  OPT_SPEAKERS,
  OPT_STRICT,
  OPT_STOPWORDS,
  OPT_IDF,
  OPT_MAX_INPUT,
  OPT_JSONL,
  OPT_SCORER,
  OPT_SIMILARITY,
  OPT_TITLE,
  OPT_MEDIA,
  OPT_PROGRESS,
  OPT_NO_PROGRESS,
  OPT_DECISIONS
};

static const struct option long_options[] = {
    {"sentences", required_argument, NULL, 'n'},
    {"words", required_argument, NULL, 'w'},
    {"ratio", required_argument, NULL, 'r'},
    {"keyphrases", required_argument, NULL, 'k'},
    {"lang", required_argument, NULL, 'l'},
    {"format", required_argument, NULL, 'f'},
    {"input-format", required_argument, NULL, 'i'},
    {"jobs", required_argument, NULL, 'j'},
    {"order", required_argument, NULL, OPT_ORDER},
    {"query", required_argument, NULL, OPT_QUERY},
    {"cut", no_argument, NULL, OPT_CUT},
    {"verbatim", no_argument, NULL, OPT_VERBATIM},
    {"chapters", optional_argument, NULL, OPT_CHAPTERS},
    {"speakers", no_argument, NULL, OPT_SPEAKERS},
    {"decisions", optional_argument, NULL, OPT_DECISIONS},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"stopwords", required_argument, NULL, OPT_STOPWORDS},
    {"idf", required_argument, NULL, OPT_IDF},
    {"max-input", required_argument, NULL, OPT_MAX_INPUT},
    {"jsonl", no_argument, NULL, OPT_JSONL},
    {"scorer", required_argument, NULL, OPT_SCORER},
    {"similarity", required_argument, NULL, OPT_SIMILARITY},
    {"title", required_argument, NULL, OPT_TITLE},
    {"media", required_argument, NULL, OPT_MEDIA},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

static void print_version(void) {
  printf("recap %s (librecap %s)\n", RECAP_VERSION_STRING, recap_version());
  printf("English lexicon: %s\n",
         recap_language_features("english") & RECAP_LANGUAGE_LEXICON
             ? "built in (WordNet 3.0)"
             : "not built in (built without WordNet)");
  exit(finish_stdout(EXIT_OK));
}

/* An optional argument must be attached ("--chapters=3"): getopt takes
   "--chapters 3" for the option alone and a file "3".  When the word
   after the option is a count and no such file exists, that is surely
   what was meant, and a usage error says how to write it. */
static void check_detached_count(int argc, char **argv, const char *opt) {
  if (optind >= argc)
    return;
  const char *next = argv[optind];
  size_t digits = strspn(next, "0123456789");
  if (digits == 0 || next[digits] || access(next, F_OK) == 0)
    return;
  usage_error("%s takes its count after '=': %s=%s (there is no file '%s')",
              opt, opt, next, next);
}

static void parse_args(int argc, char **argv, config *c) {
  int ch;
  /* getopt's own messages ("unrecognized option") start with argv[0]:
     make that "recap", as every other message does, rather than the path
     the command was run by (or "idf" after a subcommand). */
  static char name[] = "recap";
  argv[0] = name;
  while ((ch = getopt_long(argc, argv, "n:w:r:k:l:f:i:j:hV", long_options,
                           NULL)) != -1) {
    switch (ch) {
    case 'n':
      c->opt.summary_sentences = parse_count("--sentences", optarg);
      break;
    case 'w':
      c->opt.summary_words = parse_count("--words", optarg);
      break;
    case 'r':
      c->opt.summary_ratio = parse_ratio("--ratio", optarg);
      break;
    case 'k':
      c->opt.keyphrases = parse_count("--keyphrases", optarg);
      break;
    case 'l':
      c->opt.language = optarg;
      break;
    case 'f':
      if (recap_format_lookup(optarg, &c->format) != RECAP_OK)
        usage_error("--format: unknown value '%s'", optarg);
      break;
    case 'i':
      if (recap_input_format_lookup(optarg, &c->opt.input_format) != RECAP_OK)
        usage_error("--input-format: unknown value '%s'", optarg);
      break;
    case 'j': {
      size_t j = parse_count("--jobs", optarg);
      if (j < 1 || j > 256)
        usage_error("--jobs: expected 1 to 256, got '%s'", optarg);
      c->jobs = (int)j;
      break;
    }
    case OPT_ORDER:
      if (pick("--order", optarg, order_names, 2))
        c->opt.flags |= RECAP_OPT_SCORE_ORDER;
      else
        c->opt.flags &= ~(unsigned)RECAP_OPT_SCORE_ORDER;
      break;
    case OPT_QUERY:
      c->opt.query = optarg;
      break;
    case OPT_CUT:
      c->opt.flags |= RECAP_OPT_CUT_LAST;
      break;
    case OPT_VERBATIM:
      c->opt.flags |= RECAP_OPT_VERBATIM;
      break;
    case OPT_CHAPTERS:
      c->opt.flags |= RECAP_OPT_CHAPTERS;
      if (optarg)
        c->opt.chapters = parse_count("--chapters", optarg);
      else
        check_detached_count(argc, argv, "--chapters");
      break;
    case OPT_SPEAKERS:
      c->opt.flags |= RECAP_OPT_SPEAKERS;
      break;
    case OPT_DECISIONS:
      c->opt.flags |= RECAP_OPT_DECISIONS;
      if (optarg)
        c->opt.decisions = parse_count("--decisions", optarg);
      break;
    case OPT_STRICT:
      c->opt.flags |= RECAP_OPT_STRICT_UTF8;
      break;
    case OPT_STOPWORDS:
      c->stopwords = optarg;
      break;
    case OPT_IDF: {
      const char **n = realloc(c->idf, (c->nidf + 1) * sizeof *n);
      if (!n) {
        fputs("recap: out of memory\n", stderr);
        exit(EXIT_NOMEM);
      }
      c->idf = n;
      c->idf[c->nidf++] = optarg;
      break;
    }
    case OPT_MAX_INPUT:
      c->opt.max_input_bytes = parse_size("--max-input", optarg);
      break;
    case OPT_JSONL:
      c->jsonl = 1;
      break;
    case OPT_SCORER:
      c->opt.scorer = (recap_scorer)pick("--scorer", optarg, scorer_names, 3);
      break;
    case OPT_SIMILARITY:
      c->opt.similarity =
          (recap_similarity)pick("--similarity", optarg, similarity_names, 3);
      break;
    case OPT_TITLE:
      c->render.title = optarg;
      break;
    case OPT_MEDIA:
      c->render.media = optarg;
      if (recap_render_options_check(&c->render) != RECAP_OK)
        usage_error("--media: expected an http(s) or relative URL, got '%s'",
                    optarg);
      break;
    case OPT_PROGRESS:
      c->progress_mode = CLI_PROGRESS_ON;
      break;
    case OPT_NO_PROGRESS:
      c->progress_mode = CLI_PROGRESS_OFF;
      break;
    case 'h':
      fputs(usage_text, stdout);
      exit(finish_stdout(EXIT_OK));
    case 'V':
      print_version();
      break;
    default:
      fputs("Try 'recap --help' for more information.\n", stderr);
      exit(EXIT_USAGE);
    }
  }
  if (c->format == RECAP_FORMAT_YOUTUBE)
    c->opt.flags |= RECAP_OPT_CHAPTERS | RECAP_OPT_YOUTUBE;
  if (c->format == RECAP_FORMAT_HTML)
    c->opt.flags |= RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS;
  else if (c->render.title || c->render.media)
    usage_error("--title and --media go with -f html");
  c->files = argv + optind;
  c->nfiles = (size_t)(argc - optind);
  if (c->format == RECAP_FORMAT_HTML && c->nfiles > 1)
    usage_error("-f html writes one page: give one FILE");
}

/* ---- context ------------------------------------------------------------- */

static int load_file(const char *path, size_t max, cli_input *in) {
  char err[256];
  if (cli_read(path, max, in, err, sizeof err) != 0) {
    fprintf(stderr, "recap: %s: %s\n", path, err);
    return -1;
  }
  return 0;
}

static int setup_context(config *c) {
  if (recap_context_new(&c->ctx) != RECAP_OK) {
    fputs("recap: out of memory\n", stderr);
    return EXIT_NOMEM;
  }
  if (c->stopwords) {
    cli_input in;
    if (load_file(c->stopwords, c->opt.max_input_bytes, &in))
      return EXIT_INPUT;
    const char *lang = c->opt.language && strcmp(c->opt.language, "auto")
                           ? c->opt.language
                           : NULL;
    recap_status st =
        recap_context_add_stopwords(c->ctx, lang, in.data, in.len);
    cli_input_free(&in);
    if (st != RECAP_OK) {
      fprintf(stderr, "recap: %s: %s%s%s\n", c->stopwords, recap_strerror(st),
              *recap_context_error(c->ctx) ? ": " : "",
              recap_context_error(c->ctx));
      return st == RECAP_ERR_UNKNOWN_LANGUAGE ? EXIT_USAGE : EXIT_INPUT;
    }
  }
  for (size_t i = 0; i < c->nidf; i++) {
    cli_input in;
    if (load_file(c->idf[i], c->opt.max_input_bytes, &in))
      return EXIT_INPUT;
    recap_status st = recap_context_load_idf(c->ctx, in.data, in.len);
    cli_input_free(&in);
    if (st != RECAP_OK) {
      fprintf(stderr, "recap: %s: %s: %s\n", c->idf[i], recap_strerror(st),
              recap_context_error(c->ctx));
      return st == RECAP_ERR_NOMEM ? EXIT_NOMEM : EXIT_INPUT;
    }
  }
  return EXIT_OK;
}

static int exit_code_for(recap_status st) {
  switch (st) {
  case RECAP_OK:
    return EXIT_OK;
  case RECAP_ERR_NOMEM:
    return EXIT_NOMEM;
  case RECAP_ERR_UNKNOWN_LANGUAGE:
  case RECAP_ERR_INVALID_ARGUMENT:
    return EXIT_USAGE;
  default:
    return EXIT_INPUT;
  }
}

static char *message(const char *path, const char *what, const char *detail) {
  size_t n = strlen(path) + strlen(what) + strlen(detail) + 16;
  char *m = malloc(n);
  if (m)
    snprintf(m, n, "recap: %s: %s%s%s\n", path, what, *detail ? ": " : "",
             detail);
  return m;
}

/* ---- files --------------------------------------------------------------- */

/* recap_options.progress for a single input, analysed on this thread
   (cli_run runs one item inline). */
static void analysis_progress(void *user, double share) {
  config *c = user;
  const char *path = c->nfiles ? c->files[0] : "-";
  cli_progress_share(c->progress, strcmp(path, "-") ? path : "(stdin)", share);
}

/* Nothing but ASCII whitespace? */
static int blank(const cli_input *in) {
  for (size_t i = 0; i < in->len; i++)
    if (!strchr(" \t\r\n\f\v", in->data[i]) || !in->data[i])
      return 0;
  return 1;
}

static void summarise_file(void *user, size_t i, recap_document *doc,
                           cli_result *r) {
  config *c = user;
  const char *path = c->nfiles ? c->files[i] : "-";
  const char *shown = strcmp(path, "-") ? path : "(stdin)";
  cli_input in;
  char err[256];
  if (cli_read(path, c->opt.max_input_bytes, &in, err, sizeof err) != 0) {
    r->err = message(shown, err, "");
    r->exit_code = EXIT_INPUT;
    return;
  }
  recap_options opt = c->opt;
  opt.filename = strcmp(path, "-") ? path : NULL;
  if (c->progress && !c->several) { /* one input: how far its analysis is */
    opt.progress = analysis_progress;
    opt.progress_user = c;
  }
  int was_blank = blank(&in); /* stops at the first non-blank byte */
  /* Given away: the input is then not held twice at the peak. */
  recap_status st = recap_document_analyze_given(doc, in.data, in.len, &opt);
  in.data = NULL;
  if (st == RECAP_OK && !c->sentences && recap_sentence_count(doc) == 0)
    r->err = message(shown,
                     was_blank ? "empty input, nothing to summarise"
                               : "no words, nothing to summarise",
                     ""); /* a note: the exit status stays 0 */
  /* JSON names the file of every result, one file or many. */
  int label = c->format == RECAP_FORMAT_JSON;
  if (st == RECAP_OK && c->sentences) {
    st = recap_render_sentences(doc, c->format, label ? "file" : NULL,
                                label ? path : NULL, &r->out, &r->out_len);
  } else if (st == RECAP_OK && label) {
    st = recap_render_json_labelled(doc, "file", path, &r->out, &r->out_len);
  } else if (st == RECAP_OK) {
    recap_render_options ro = c->render;
    if (!ro.title && opt.filename) { /* the file's name, without folders */
      const char *slash = strrchr(opt.filename, '/');
      ro.title = slash && slash[1] ? slash + 1 : opt.filename;
    }
    st = recap_render_with(doc, c->format, &ro, &r->out, &r->out_len);
  }
  /* The list is printed all the same; stderr says why YouTube would not
     take it. */
  if (st == RECAP_OK && c->format == RECAP_FORMAT_YOUTUBE) {
    recap_youtube_check yt = recap_chapters_youtube(doc);
    if (yt != RECAP_YOUTUBE_OK)
      r->err = message(shown, "not a YouTube chapter list",
                       recap_youtube_message(yt));
  }
  if (st != RECAP_OK) {
    const char *detail = recap_document_error(doc);
    r->err = message(shown, recap_strerror(st),
                     strcmp(detail, recap_strerror(st)) ? detail : "");
    r->exit_code = exit_code_for(st);
  }
}

/* Several inputs: text gets "==> name <==" headers as head(1) does; JSON
   has a "file" key (always). */
static int print_labelled(const config *c, size_t i, const cli_result *r) {
  const char *path = c->nfiles ? c->files[i] : "-";
  if (c->format == RECAP_FORMAT_JSON && c->sentences) /* JSON Lines */
    return cli_write(stdout, r->out, r->out_len);
  if (c->format == RECAP_FORMAT_JSON) /* labelled by the renderer */
    return cli_write(stdout, r->out, r->out_len) || putchar('\n') == EOF;
  if (i > 0)
    putchar('\n');
  fputs("==> ", stdout);
  cli_write_name(stdout, strcmp(path, "-") ? path : "(stdin)");
  fputs(" <==\n", stdout);
  return cli_write(stdout, r->out, r->out_len);
}

static int emit_file(void *user, size_t i, cli_result *r) {
  config *c = user;
  int code = r->exit_code;
  cli_progress_clear(c->progress, !r->err);
  if (r->err)
    fputs(r->err, stderr);
  if (r->out) {
    int failed;
    if (c->several) {
      failed = print_labelled(c, i, r);
    } else {
      failed = cli_write(stdout, r->out, r->out_len);
      if (!failed && c->format == RECAP_FORMAT_JSON && !c->sentences)
        failed = putchar('\n') == EOF;
    }
    if (failed)
      code = EXIT_INPUT;
  }
  recap_free(r->out);
  free(r->err);
  if (c->several) /* one input shows its analysis instead */
    cli_progress_step(c->progress, i + 1);
  return code;
}

static int run_files(config *c) {
  size_t n = c->nfiles ? c->nfiles : 1;
  c->several = c->nfiles > 1;
  c->progress = cli_progress_start(c->progress_mode, "files", n);
  int code = cli_run(c->ctx, n, c->jobs, summarise_file, emit_file, c);
  cli_progress_end(c->progress);
  return code;
}

/* ---- recap idf ----------------------------------------------------------- */

/* A table (recap idf's own output, or any file whose first line that is
   not a comment starts a section) rather than a document? */
static int is_idf_table(const cli_input *in) {
  const char *p = in->data, *end = in->data + in->len;
  if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end && *p == '#') {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl)
      return 0;
    p = nl + 1;
  }
  return end - p >= 10 && memcmp(p, "@language ", 10) == 0;
}

static int run_idf(config *c) {
  if (c->nfiles == 0)
    usage_error("idf: expected FILE arguments (documents or tables)");
  recap_idf *idf;
  recap_document *doc;
  if (recap_idf_new(c->ctx, &idf) != RECAP_OK ||
      recap_document_new(c->ctx, &doc) != RECAP_OK) {
    fputs("recap: out of memory\n", stderr);
    return EXIT_NOMEM;
  }
  recap_options opt = c->opt;
  opt.summary_sentences = 0;
  opt.keyphrases = 0;
  int code = EXIT_OK;
  c->progress = cli_progress_start(c->progress_mode, "files", c->nfiles);
  for (size_t i = 0; i < c->nfiles; i++) {
    cli_input in;
    char err[256];
    const char *path = c->files[i];
    if (cli_read(path, opt.max_input_bytes, &in, err, sizeof err) != 0) {
      cli_progress_clear(c->progress, 0);
      fprintf(stderr, "recap: %s: %s\n", path, err);
      code = EXIT_INPUT;
      continue;
    }
    recap_status st;
    const char *detail;
    if (is_idf_table(&in)) {
      st = recap_idf_add_table(idf, in.data, in.len);
      detail = recap_idf_error(idf);
    } else {
      opt.filename = path;
      st = recap_document_analyze_given(doc, in.data, in.len, &opt);
      in.data = NULL;
      if (st == RECAP_OK)
        st = recap_idf_add_document(idf, doc);
      detail = recap_document_error(doc);
    }
    cli_input_free(&in);
    if (st != RECAP_OK) {
      cli_progress_clear(c->progress, 0);
      fprintf(stderr, "recap: %s: %s%s%s\n", path, recap_strerror(st),
              *detail ? ": " : "", detail);
      code = st == RECAP_ERR_NOMEM ? EXIT_NOMEM : EXIT_INPUT;
    }
    cli_progress_step(c->progress, i + 1);
  }
  cli_progress_end(c->progress);
  char *out;
  size_t len;
  if (recap_idf_render(idf, &out, &len) == RECAP_OK) {
    if (cli_write(stdout, out, len) != 0)
      code = EXIT_INPUT;
    recap_free(out);
  } else {
    fputs("recap: out of memory\n", stderr);
    code = EXIT_NOMEM;
  }
  recap_document_free(doc);
  recap_idf_free(idf);
  return code;
}

/* ---- main ---------------------------------------------------------------- */

/* glibc serves a large block with mmap, but raises that threshold to the
   size of each such block freed (up to 32 MB): once the input is freed
   after reading, the analysis's large vectors come from the heap, where
   growing one copies it and a freed one leaves a hole that still counts.
   A fixed threshold (its default) keeps them mapped: peak RSS on 10 MB of
   meeting transcripts 6.8 -> 5.8 bytes per input byte, same time. */
static void keep_large_blocks_mapped(void) {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

int main(int argc, char **argv) {
  keep_large_blocks_mapped();
  config c;
  memset(&c, 0, sizeof c);
  recap_options_init(&c.opt);
  recap_render_options_init(&c.render);
  c.jobs = 1;
  int idf_mode = argc > 1 && strcmp(argv[1], "idf") == 0;
  c.sentences = argc > 1 && strcmp(argv[1], "sentences") == 0;
  if (idf_mode || c.sentences) {
    argv++;
    argc--;
  }
  parse_args(argc, argv, &c);
  if (c.sentences) {
    if (c.jsonl)
      usage_error("sentences: --jsonl is not supported");
    if (c.format == RECAP_FORMAT_YOUTUBE)
      usage_error("sentences: --format youtube has no sentences");
    /* Every word as said, and nothing to score or choose. */
    c.opt.flags |= RECAP_OPT_VERBATIM;
    c.opt.flags &= ~(unsigned)(RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS);
    c.opt.summary_sentences = 0;
    c.opt.keyphrases = 0;
  }
  if (c.jsonl && c.nfiles)
    usage_error("--jsonl reads standard input; got file arguments");
  if (c.opt.language && strcmp(c.opt.language, "auto") != 0 &&
      !recap_language_lookup(c.opt.language))
    usage_error("--lang: unknown language '%s'", c.opt.language);
  int code = setup_context(&c);
  if (code == EXIT_OK) {
    if (idf_mode)
      code = run_idf(&c);
    else if (c.jsonl)
      code = cli_jsonl(c.ctx, &c.opt, c.jobs, c.progress_mode);
    else
      code = run_files(&c);
  }
  recap_context_free(c.ctx);
  free(c.idf);
  return finish_stdout(code);
}
