/*
 * options.c - the library's vocabulary: versions, status strings, option
 * defaults and checks, and the names of formats.  Below every stage: the
 * driver, the CLI and the renderers look names up here, so each name is
 * spelled in one place.
 */
#include "options.h"

#include <string.h>

const char *recap_version(void) { return RECAP_VERSION_STRING; }

int recap_version_number(void) { return RECAP_VERSION_NUMBER; }

const char *recap_strerror(recap_status status) {
  switch (status) {
  case RECAP_OK:
    return "success";
  case RECAP_ERR_NOMEM:
    return "out of memory";
  case RECAP_ERR_INVALID_ARGUMENT:
    return "invalid argument";
  case RECAP_ERR_UNKNOWN_LANGUAGE:
    return "unknown language";
  case RECAP_ERR_BAD_FORMAT:
    return "malformed input";
  case RECAP_ERR_BAD_ENCODING:
    return "not text (bad encoding)";
  case RECAP_ERR_TOO_LARGE:
    return "input too large";
  case RECAP_ERR_BAD_TABLE:
    return "malformed table";
  default:
    return "unknown status";
  }
}

void recap_options_init(recap_options *o) {
  if (!o)
    return;
  memset(o, 0, sizeof *o);
  o->language = "auto";
  o->input_format = RECAP_INPUT_AUTO;
  o->summary_sentences = RECAP_SENTENCES_AUTO;
  o->summary_words = RECAP_UNLIMITED;
  o->summary_ratio = 1.0;
  o->keyphrases = 10;
  o->max_input_bytes = RECAP_DEFAULT_MAX_INPUT;
  o->scorer = RECAP_SCORER_FUSED;
  o->similarity = RECAP_SIMILARITY_BM25;
}

size_t rc_options_sentences(const recap_options *o) {
  if (o->summary_sentences != RECAP_SENTENCES_AUTO)
    return o->summary_sentences;
  return o->summary_words != RECAP_UNLIMITED || o->summary_ratio < 1.0
             ? RECAP_UNLIMITED
             : RECAP_DEFAULT_SENTENCES;
}

int rc_options_valid(const recap_options *o) {
  return (unsigned)o->input_format <= RECAP_INPUT_JSON &&
         (unsigned)o->scorer <= RECAP_SCORER_TFIDF &&
         (unsigned)o->similarity <= RECAP_SIMILARITY_OVERLAP &&
         o->summary_ratio >= 0 && o->summary_ratio <= 1;
}

/* ---- names --------------------------------------------------------------- */

static const char *const input_names[] = {"auto", "text", "transcript",
                                          "vtt",  "srt",  "json"};
static const char *const format_names[] = {"text", "json", "markdown",
                                           "youtube", "html"};

#define COUNT(a) (sizeof(a) / sizeof *(a))

static int lookup(const char *const *names, size_t n, const char *name) {
  for (size_t i = 0; name && i < n; i++)
    if (strcmp(name, names[i]) == 0)
      return (int)i;
  return -1;
}

const char *recap_input_format_name(recap_input_format f) {
  return (unsigned)f < COUNT(input_names) ? input_names[f] : NULL;
}

recap_status recap_input_format_lookup(const char *name,
                                       recap_input_format *out) {
  int i = lookup(input_names, COUNT(input_names), name);
  if (i < 0 || !out)
    return RECAP_ERR_INVALID_ARGUMENT;
  *out = (recap_input_format)i;
  return RECAP_OK;
}

const char *recap_format_name(recap_format f) {
  return (unsigned)f < COUNT(format_names) ? format_names[f] : NULL;
}

recap_status recap_format_lookup(const char *name, recap_format *out) {
  int i = lookup(format_names, COUNT(format_names), name);
  if (i < 0 || !out)
    return RECAP_ERR_INVALID_ARGUMENT;
  *out = (recap_format)i;
  return RECAP_OK;
}
