/*
 * api.c - contexts, IDF tables, recap_render() and its options, and the
 * one-call convenience: the public entry points that sit above the
 * pipeline.
 */
#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "render.h"

/* ---- contexts ------------------------------------------------------------ */

recap_status recap_context_new_with_allocator(const recap_allocator *allocator,
                                              recap_context **out) {
  if (!out || !allocator || !allocator->malloc || !allocator->realloc ||
      !allocator->free)
    return RECAP_ERR_INVALID_ARGUMENT;
  *out = NULL;
  recap_context *ctx = allocator->malloc(allocator->user, sizeof *ctx);
  if (!ctx)
    return RECAP_ERR_NOMEM;
  memset(ctx, 0, sizeof *ctx);
  ctx->alloc = *allocator;
  rc_strtab_init(&ctx->stop_added, &ctx->alloc);
  rc_strtab_init(&ctx->stop_removed, &ctx->alloc);
  rc_idf_init(&ctx->idf, &ctx->alloc);
  *out = ctx;
  return RECAP_OK;
}

recap_status recap_context_new(recap_context **out) {
  return recap_context_new_with_allocator(rc_default_allocator(), out);
}

void recap_context_free(recap_context *ctx) {
  if (!ctx)
    return;
  rc_strtab_free(&ctx->stop_added);
  rc_strtab_free(&ctx->stop_removed);
  rc_idf_free(&ctx->idf);
  recap_allocator a = ctx->alloc;
  a.free(a.user, ctx);
}

const char *recap_context_error(const recap_context *ctx) {
  return ctx ? ctx->error : "invalid argument";
}

static size_t language_slot(const char *language, recap_status *st) {
  *st = RECAP_OK;
  if (!language || strcmp(language, "all") == 0)
    return RC_LANG_ALL;
  const rc_lang *l = rc_lang_find(language);
  if (!l) {
    *st = RECAP_ERR_UNKNOWN_LANGUAGE;
    return 0;
  }
  return rc_lang_index(l);
}

/* The longest stopword a list may add, in bytes as written and folded. */
enum { RC_STOPWORD_MAX = 120 };

/* Collects one list line's word, folded and keyed by language, into the
   pending additions or removals.  A longer line is no word: it is passed
   over before folding, so that its length costs nothing. */
static recap_status add_stopword(rc_strtab *add, rc_strtab *remove,
                                 rc_norm *norm, size_t lang, const char *w,
                                 size_t n, int removing) {
  if (n > RC_STOPWORD_MAX)
    return RECAP_OK;
  const char *f;
  size_t fn;
  RC_TRY(rc_fold(norm, w, n, &f, &fn));
  if (fn == 0 || fn > RC_STOPWORD_MAX)
    return RECAP_OK; /* nothing a token could match */
  char key[RC_STOPWORD_MAX + 8];
  key[0] = (char)(unsigned char)lang;
  memcpy(key + 1, f, fn);
  uint32_t id;
  return rc_strtab_intern(removing ? remove : add, key, fn + 1, &id, NULL);
}

static recap_status merge_keys(rc_strtab *into, const rc_strtab *from) {
  for (uint32_t i = 0; i < from->count; i++) {
    size_t n;
    const char *k = rc_strtab_str(from, i, &n);
    uint32_t id;
    RC_TRY(rc_strtab_intern(into, k, n, &id, NULL));
  }
  return RECAP_OK;
}

recap_status recap_context_add_stopwords(recap_context *ctx,
                                         const char *language, const char *text,
                                         size_t length) {
  if (!ctx || (!text && length))
    return RECAP_ERR_INVALID_ARGUMENT;
  ctx->error[0] = '\0';
  recap_status st;
  size_t lang = language_slot(language, &st);
  if (st != RECAP_OK)
    return st;
  /* All or nothing: the words are gathered first and added only if the
     whole list is good. */
  rc_norm norm;
  rc_norm_init(&norm, &ctx->alloc);
  rc_strtab add, remove;
  rc_strtab_init(&add, &ctx->alloc);
  rc_strtab_init(&remove, &ctx->alloc);
  rc_lines it;
  rc_line l;
  rc_lines_init(&it, text ? text : "", length);
  while (st == RECAP_OK && rc_lines_next(&it, &l)) {
    l = rc_line_trim(l);
    if (l.len && l.s[l.len - 1] == '\r')
      l.len--;
    if (l.len == 0 || l.s[0] == '#')
      continue;
    for (size_t i = 0; i < l.len;) {
      size_t k = rc_utf8_seqlen((const unsigned char *)l.s + i, l.len - i);
      if (k == 0) {
        snprintf(ctx->error, sizeof ctx->error, "line %zu: invalid UTF-8",
                 l.number);
        st = RECAP_ERR_BAD_TABLE;
        break;
      }
      i += k;
    }
    if (st != RECAP_OK)
      break;
    int removing = l.s[0] == '-';
    st = add_stopword(&add, &remove, &norm, lang, l.s + removing,
                      l.len - (size_t)removing, removing);
  }
  /* Room first, so that merging cannot fail half-way. */
  if (st == RECAP_OK)
    st = rc_strtab_reserve(&ctx->stop_added, add.count, add.pool_len);
  if (st == RECAP_OK)
    st = rc_strtab_reserve(&ctx->stop_removed, remove.count, remove.pool_len);
  if (st == RECAP_OK)
    st = merge_keys(&ctx->stop_added, &add);
  if (st == RECAP_OK)
    st = merge_keys(&ctx->stop_removed, &remove);
  if (st == RECAP_OK)
    ctx->generation++; /* documents forget the word facts they kept */
  rc_norm_free(&norm);
  rc_strtab_free(&add);
  rc_strtab_free(&remove);
  return st;
}

recap_status recap_context_load_idf(recap_context *ctx, const char *text,
                                    size_t length) {
  if (!ctx || (!text && length))
    return RECAP_ERR_INVALID_ARGUMENT;
  ctx->error[0] = '\0';
  recap_status st = rc_idf_parse(&ctx->idf, text ? text : "", length,
                                 ctx->error, sizeof ctx->error);
  if (st == RECAP_OK)
    ctx->generation++; /* documents forget the background counts they kept */
  return st;
}

/* ---- IDF tables ---------------------------------------------------------- */

struct recap_idf {
  rc_idf t;
  recap_allocator alloc;
  char error[160];
};

recap_status recap_idf_new(const recap_context *ctx, recap_idf **out) {
  if (!ctx || !out)
    return RECAP_ERR_INVALID_ARGUMENT;
  *out = NULL; /* as recap_document_new: never a stale pointer on failure */
  recap_idf *idf = rc_calloc(&ctx->alloc, 1, sizeof *idf);
  if (!idf)
    return RECAP_ERR_NOMEM;
  idf->alloc = ctx->alloc;
  rc_idf_init(&idf->t, &idf->alloc);
  *out = idf;
  return RECAP_OK;
}

void recap_idf_free(recap_idf *idf) {
  if (!idf)
    return;
  rc_idf_free(&idf->t);
  recap_allocator a = idf->alloc;
  a.free(a.user, idf);
}

recap_status recap_idf_add_document(recap_idf *idf, const recap_document *doc) {
  if (!idf || !doc || !doc->analysed) /* nothing to count, not an empty text */
    return RECAP_ERR_INVALID_ARGUMENT;
  size_t lang = rc_lang_index(doc->lang);
  RC_TRY(rc_idf_add_docs(&idf->t, lang, 1));
  for (uint32_t i = 0; i < doc->stems.count; i++) {
    if (doc->stem_info.data[i].df == 0) /* stopwords, numbers */
      continue;
    size_t n;
    const char *s = rc_strtab_str(&doc->stems, i, &n);
    if (n == 0) /* a table line needs a stem */
      continue;
    RC_TRY(rc_idf_add(&idf->t, lang, s, n, 1));
  }
  return RECAP_OK;
}

recap_status recap_idf_add_table(recap_idf *idf, const char *text,
                                 size_t length) {
  if (!idf || (!text && length))
    return RECAP_ERR_INVALID_ARGUMENT;
  idf->error[0] = '\0';
  return rc_idf_parse(&idf->t, text ? text : "", length, idf->error,
                      sizeof idf->error);
}

const char *recap_idf_error(const recap_idf *idf) {
  return idf ? idf->error : "invalid argument";
}

recap_status recap_idf_render(const recap_idf *idf, char **out,
                              size_t *length) {
  if (!idf || !out)
    return RECAP_ERR_INVALID_ARGUMENT;
  rc_buf b;
  rc_buf_init(&b, &idf->alloc);
  rc_idf_render(&idf->t, &b);
  return rc_buf_finish(&b, out, length);
}

/* ---- rendering ----------------------------------------------------------- */

void recap_render_options_init(recap_render_options *ropts) {
  if (ropts)
    memset(ropts, 0, sizeof *ropts);
}

recap_status recap_render_options_check(const recap_render_options *ropts) {
  if (!ropts || !rc_html_media_ok(ropts->media))
    return RECAP_ERR_INVALID_ARGUMENT;
  return RECAP_OK;
}

recap_status recap_render(const recap_document *doc, recap_format format,
                          char **out, size_t *length) {
  return recap_render_with(doc, format, NULL, out, length);
}

recap_status recap_render_with(const recap_document *doc, recap_format format,
                               const recap_render_options *ropts, char **out,
                               size_t *length) {
  if (out)
    *out = NULL;
  if (!doc || !out || (ropts && recap_render_options_check(ropts) != RECAP_OK))
    return RECAP_ERR_INVALID_ARGUMENT;
  rc_buf b;
  rc_buf_init(&b, doc->alloc);
  switch (format) {
  case RECAP_FORMAT_TEXT:
    rc_render_text(doc, &b);
    break;
  case RECAP_FORMAT_JSON:
    rc_render_json(doc, NULL, 0, &b);
    break;
  case RECAP_FORMAT_MARKDOWN:
    rc_render_markdown(doc, &b);
    break;
  case RECAP_FORMAT_YOUTUBE:
    rc_render_youtube(doc, &b);
    break;
  case RECAP_FORMAT_HTML:
    rc_render_html(doc, ropts, &b);
    break;
  default:
    return RECAP_ERR_INVALID_ARGUMENT;
  }
  return rc_buf_finish(&b, out, length);
}

recap_status recap_render_json_labelled(const recap_document *doc,
                                        const char *key, const char *value,
                                        char **out, size_t *length) {
  if (out)
    *out = NULL;
  if (!doc || !key || !*key || !value || !out)
    return RECAP_ERR_INVALID_ARGUMENT;
  rc_buf lead, b;
  rc_buf_init(&lead, doc->alloc);
  rc_buf_json_string(&lead, key, strlen(key));
  rc_buf_putc(&lead, ':');
  rc_buf_json_string(&lead, value, strlen(value));
  rc_buf_init(&b, doc->alloc);
  if (!lead.failed)
    rc_render_json(doc, rc_buf_data(&lead), lead.len, &b);
  else
    b.failed = 1;
  rc_buf_free(&lead);
  return rc_buf_finish(&b, out, length);
}

recap_status recap_render_sentences(const recap_document *doc,
                                    recap_format format, const char *key,
                                    const char *value, char **out,
                                    size_t *length) {
  if (out)
    *out = NULL;
  if (!doc || !out || (key && (!*key || !value)))
    return RECAP_ERR_INVALID_ARGUMENT;
  rc_buf lead, b;
  rc_buf_init(&lead, doc->alloc);
  if (key) {
    rc_buf_json_string(&lead, key, strlen(key));
    rc_buf_putc(&lead, ':');
    rc_buf_json_string(&lead, value, strlen(value));
  }
  rc_buf_init(&b, doc->alloc);
  recap_status st = RECAP_ERR_NOMEM;
  if (!lead.failed)
    st = rc_render_sentences(doc, format, key ? rc_buf_data(&lead) : NULL,
                             lead.len, &b);
  rc_buf_free(&lead);
  if (st != RECAP_OK) {
    rc_buf_free(&b);
    return st;
  }
  return rc_buf_finish(&b, out, length);
}

/* ---- one call ------------------------------------------------------------ */

recap_status recap_summarize(const char *text, size_t length,
                             const recap_options *opts, recap_format format,
                             char **out, size_t *out_length) {
  if (!out)
    return RECAP_ERR_INVALID_ARGUMENT;
  *out = NULL;
  recap_context *ctx;
  recap_document *doc = NULL;
  RC_TRY(recap_context_new(&ctx));
  recap_status st = recap_document_new(ctx, &doc);
  if (st == RECAP_OK)
    st = recap_document_analyze(doc, text, length, opts);
  if (st == RECAP_OK)
    st = recap_render(doc, format, out, out_length);
  recap_document_free(doc);
  recap_context_free(ctx);
  return st;
}
