/*
 * summarize.c - using librecap: summary, key phrases and chapters of a
 * transcript, read from a file.
 *
 *   cc summarize.c $(pkg-config --cflags --libs recap) -o summarize
 *   ./summarize talk.vtt
 */
#include <recap.h>
#include <stdio.h>
#include <stdlib.h>

/* Reads a whole file; the caller frees *data. */
static int read_file(const char *path, char **data, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return -1;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap)
      break;
    char *bigger = realloc(buf, cap *= 2);
    if (!bigger) {
      free(buf);
      buf = NULL;
    }
    buf = bigger;
  }
  int failed = !buf || ferror(f);
  fclose(f);
  if (failed) {
    free(buf);
    return -1;
  }
  *data = buf;
  *len = n;
  return 0;
}

static void print_time(double seconds) {
  if (seconds >= 0)
    printf("[%02d:%02d] ", (int)seconds / 60, (int)seconds % 60);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  char *text;
  size_t len;
  if (read_file(argv[1], &text, &len) != 0) {
    perror(argv[1]);
    return 1;
  }

  /* A context holds language resources and may be shared by threads; a
     document holds one analysis and can be reused for the next text. */
  recap_context *ctx = NULL;
  recap_document *doc = NULL;
  recap_status st = recap_context_new(&ctx);
  if (st == RECAP_OK)
    st = recap_document_new(ctx, &doc);

  recap_options opt;
  recap_options_init(&opt); /* defaults: 5 sentences, 10 key phrases */
  opt.filename = argv[1];   /* a hint for the format: .vtt, .srt, .json */
  opt.flags |= RECAP_OPT_CHAPTERS;
  if (st == RECAP_OK)
    st = recap_document_analyze(doc, text, len, &opt);
  free(text); /* the document keeps what it needs */
  if (st != RECAP_OK) {
    fprintf(stderr, "%s: %s: %s\n", argv[1], recap_strerror(st),
            doc ? recap_document_error(doc) : "");
    recap_document_free(doc);
    recap_context_free(ctx);
    return 1;
  }

  printf("Language: %s\n\nSummary:\n", recap_document_language(doc, NULL));
  for (size_t i = 0; i < recap_summary_count(doc); i++) {
    const recap_sentence *s = recap_summary_at(doc, i);
    printf("  ");
    print_time(s->start);
    if (s->speaker)
      printf("%s: ", s->speaker);
    printf("%s\n", s->text);
  }
  printf("\nKey phrases:\n");
  for (size_t i = 0; i < recap_keyphrase_count(doc); i++) {
    const recap_keyphrase *k = recap_keyphrase_at(doc, i);
    printf("  %-36s %3zu mentions\n", k->phrase, k->count);
  }
  printf("\nChapters:\n");
  for (size_t i = 0; i < recap_chapter_count(doc); i++) {
    const recap_chapter *c = recap_chapter_at(doc, i);
    printf("  ");
    print_time(c->start);
    printf("%s (%zu sentences)\n", c->title, c->sentence_count);
  }

  recap_document_free(doc);
  recap_context_free(ctx);
  return 0;
}
