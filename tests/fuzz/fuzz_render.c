/*
 * fuzz_render.c - libFuzzer harness: the HTML page's render options.
 *
 * Input: TITLE NUL MEDIA NUL TEXT (an empty TITLE or MEDIA means NULL; no
 * TEXT: the built-in transcript).  The text is analysed with chapters and
 * speakers and rendered as HTML with that title and media URL.  Whatever
 * the bytes:
 *  - recap_render_with() succeeds exactly when recap_render_options_check()
 *    accepts the options, and an accepted media URL is http(s) or has no
 *    scheme;
 *  - the page is valid UTF-8, and every tag and attribute in it is one
 *    the renderer writes (nothing of the title, the URL or the text becomes
 *    markup: the scan below), with one <script> and one <style>.
 */
#include <stddef.h>
#include <strings.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int listed(const char *const *list, size_t n, const char *s,
                  size_t len) {
  for (size_t i = 0; i < n; i++)
    if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
      return 1;
  return 0;
}

/* Every tag and attribute is the renderer's own; returns the number of
   <script> elements. */
static size_t scan_page(const char *p) {
  static const char *const tags[] = {
      "html", "head",    "meta",   "title",   "style",  "body",  "header",
      "h1",   "p",       "nav",    "a",       "main",   "section", "h2",
      "ul",   "ol",      "li",     "bdi",     "svg",    "rect",  "text",
      "span", "h3",      "details", "summary", "div",   "mark",  "footer",
      "script", "audio", "video"};
  static const char *const attrs[] = {
      "lang",  "dir",   "charset", "http-equiv", "content",   "name",
      "class", "id",    "href",    "rel",        "target",    "role",
      "aria-labelledby", "aria-label", "aria-hidden", "aria-level",
      "data-t", "data-k", "width", "height", "x", "y", "open", "controls",
      "preload", "playsinline", "src"};
  size_t scripts = 0;
  FZ_CHECK(strncmp(p, "<!DOCTYPE html>\n", 16) == 0);
  p += 16;
  while ((p = strchr(p, '<')) != NULL) {
    p++;
    FZ_CHECK(*p != '!');
    int closing = *p == '/';
    p += closing;
    const char *name = p;
    while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
      p++;
    size_t len = (size_t)(p - name);
    FZ_CHECK(len && listed(tags, sizeof tags / sizeof *tags, name, len));
    if (closing)
      continue;
    int raw = (len == 6 && memcmp(name, "script", 6) == 0) ||
              (len == 5 && memcmp(name, "style", 5) == 0);
    scripts += len == 6 && memcmp(name, "script", 6) == 0;
    for (;;) {
      while (*p == ' ')
        p++;
      if (*p == '>' || (p[0] == '/' && p[1] == '>'))
        break;
      const char *an = p;
      while (*p && *p != '=' && *p != ' ' && *p != '>' && *p != '/')
        p++;
      FZ_CHECK(listed(attrs, sizeof attrs / sizeof *attrs, an,
                      (size_t)(p - an)));
      if (*p != '=')
        continue;
      FZ_CHECK(p[1] == '"');
      const char *end = strchr(p + 2, '"');
      FZ_CHECK(end != NULL);
      FZ_CHECK(memchr(p + 2, '<', (size_t)(end - p - 2)) == NULL);
      p = end + 1;
    }
    if (raw) {
      p = strstr(p, len == 6 ? "</script>" : "</style>");
      FZ_CHECK(p != NULL);
    }
  }
  return scripts;
}

static char *take_string(const char **rest, size_t *left) {
  const char *nul = memchr(*rest, '\0', *left);
  size_t len = nul ? (size_t)(nul - *rest) : *left;
  char *s = malloc(len + 1);
  FZ_CHECK(s != NULL);
  memcpy(s, *rest, len);
  s[len] = '\0';
  *rest += nul ? len + 1 : len;
  *left -= nul ? len + 1 : len;
  if (!len) {
    free(s);
    return NULL;
  }
  return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *rest = (const char *)data;
  size_t left = size;
  char *title = take_string(&rest, &left);
  char *media = take_string(&rest, &left);
  const char *text = left ? rest : fz_builtin_text;
  size_t n = left ? left : sizeof fz_builtin_text - 1;

  recap_render_options ro;
  recap_render_options_init(&ro);
  ro.title = title;
  ro.media = media;
  int accepted = recap_render_options_check(&ro) == RECAP_OK;
  if (accepted && media) { /* http(s), or no scheme at all */
    size_t i = 0;
    while (media[i] && strchr("/?#:", media[i]) == NULL)
      i++;
    if (media[i] == ':')
      FZ_CHECK((i == 4 && strncasecmp(media, "http", 4) == 0) ||
               (i == 5 && strncasecmp(media, "https", 5) == 0));
  }

  recap_context *ctx = NULL;
  recap_document *doc = NULL;
  FZ_CHECK(recap_context_new(&ctx) == RECAP_OK);
  FZ_CHECK(recap_document_new(ctx, &doc) == RECAP_OK);
  recap_options o;
  recap_options_init(&o);
  o.flags = RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS;
  char *copy = malloc(n);
  FZ_CHECK(copy != NULL);
  memcpy(copy, text, n);
  recap_status st = recap_document_analyze(doc, copy, n, &o);
  free(copy);
  FZ_CHECK(fz_analyze_status(st));
  char *out = NULL;
  size_t len = 0;
  recap_status rs =
      recap_render_with(doc, RECAP_FORMAT_HTML, &ro, &out, &len);
  if (!accepted) {
    FZ_CHECK(rs == RECAP_ERR_INVALID_ARGUMENT && out == NULL);
  } else {
    FZ_CHECK(rs == RECAP_OK && out != NULL && strlen(out) == len);
    FZ_CHECK(fz_utf8_dump(out, len));
    FZ_CHECK(scan_page(out) == 1);
    FZ_CHECK(fz_count(out, len, "<style>") == 1);
  }
  recap_free(out);
  recap_document_free(doc);
  recap_context_free(ctx);
  free(title);
  free(media);
  return 0;
}
