/*
 * test_html.c - the HTML page (RECAP_FORMAT_HTML) and its render options,
 * through recap.h.
 *
 * The page is checked as a browser would read it, without a browser
 * (tests/browser.sh runs Chromium on it): a small tag scanner walks every
 * tag and attribute of the page and allows only those the renderer
 * writes, so markup from a transcript (a <script>, an <img onerror>, a
 * speaker called "</style><script>...") can only appear as text; every
 * internal link points at an id of the page; the Content-Security-Policy's
 * hashes are those of the page's own style and script (SHA-256 below);
 * and the counts of sentences, summary lines, chapters, speakers and key
 * phrase mentions agree with the getters.
 *
 * Run from the repository root (examples/, tests/fixtures/ and tests/lang/
 * are read).  Only test_chapter_gaps looks inside the document (doc.h).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h" /* test_chapter_gaps changes a document's chapters */
#include "recap.h"

/* ---- helpers ------------------------------------------------------------- */

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    fail_msg("cannot open %s (run the tests from the repository root)", path);
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  assert_non_null(buf);
  for (;;) {
    n += fread(buf + n, 1, cap - n - 1, f);
    if (n < cap - 1)
      break;
    cap *= 2;
    buf = realloc(buf, cap);
    assert_non_null(buf);
  }
  fclose(f);
  buf[n] = '\0';
  *len = n;
  return buf;
}

typedef struct fixture {
  recap_context *ctx;
  recap_document *doc;
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  assert_non_null(f);
  assert_int_equal(recap_context_new(&f->ctx), RECAP_OK);
  assert_int_equal(recap_document_new(f->ctx, &f->doc), RECAP_OK);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  recap_document_free(f->doc);
  recap_context_free(f->ctx);
  free(f);
  return 0;
}

static void analyze_file(fixture *f, const char *path, unsigned flags) {
  size_t n;
  char *text = slurp(path, &n);
  recap_options o;
  recap_options_init(&o);
  o.flags |= flags;
  o.filename = path;
  assert_int_equal(recap_document_analyze(f->doc, text, n, &o), RECAP_OK);
  free(text);
}

static void analyze_text(fixture *f, const char *text, unsigned flags) {
  recap_options o;
  recap_options_init(&o);
  o.flags |= flags;
  assert_int_equal(recap_document_analyze(f->doc, text, strlen(text), &o),
                   RECAP_OK);
}

static char *page(const recap_document *doc, const char *title,
                  const char *media) {
  recap_render_options ro;
  recap_render_options_init(&ro);
  ro.title = title;
  ro.media = media;
  char *s = NULL;
  size_t n = 0;
  assert_int_equal(recap_render_with(doc, RECAP_FORMAT_HTML, &ro, &s, &n),
                   RECAP_OK);
  assert_non_null(s);
  assert_int_equal(strlen(s), n);
  return s;
}

static size_t count(const char *hay, const char *needle) {
  size_t n = 0, k = strlen(needle);
  for (const char *p = strstr(hay, needle); p; p = strstr(p + k, needle))
    n++;
  return n;
}

/* The text of <section id="ID"> ... </section>, as a new string. */
static char *section(const char *html, const char *id) {
  char open[64];
  snprintf(open, sizeof open, "<section id=\"%s\"", id);
  const char *b = strstr(html, open);
  if (!b)
    return NULL;
  const char *e = strstr(b, "</section>");
  assert_non_null(e);
  size_t n = (size_t)(e - b);
  char *s = malloc(n + 1);
  assert_non_null(s);
  memcpy(s, b, n);
  s[n] = '\0';
  return s;
}

/* ---- the tag scanner ----------------------------------------------------- */

static const char *const tags[] = {
    "html",   "head",  "meta",    "title",   "style", "body",    "header",
    "h1",     "p",     "nav",     "a",       "main",  "section", "h2",
    "ul",     "ol",    "li",      "bdi",     "svg",   "rect",    "text",
    "span",   "h3",    "details", "summary", "div",   "mark",    "footer",
    "script", "audio", "video"};
static const char *const attributes[] = {"lang",
                                         "dir",
                                         "charset",
                                         "http-equiv",
                                         "content",
                                         "name",
                                         "class",
                                         "id",
                                         "href",
                                         "rel",
                                         "target",
                                         "role",
                                         "aria-labelledby",
                                         "aria-label",
                                         "aria-hidden",
                                         "aria-level",
                                         "data-t",
                                         "data-k",
                                         "width",
                                         "height",
                                         "x",
                                         "y",
                                         "open",
                                         "controls",
                                         "preload",
                                         "playsinline",
                                         "src"};

static int listed(const char *const *list, size_t n, const char *s,
                  size_t len) {
  for (size_t i = 0; i < n; i++)
    if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
      return 1;
  return 0;
}

typedef struct scan {
  size_t tags;    /* opening tags */
  size_t scripts; /* <script> elements */
  size_t styles;
  char **ids; /* every id="" value */
  size_t nids;
  char **links; /* every href="#..." target */
  size_t nlinks;
  size_t outside_links; /* href values that do not start with '#' */
} scan;

static char *dup_n(const char *s, size_t n) {
  char *d = malloc(n + 1);
  assert_non_null(d);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

static void push(char ***v, size_t *n, char *s) {
  *v = realloc(*v, (*n + 1) * sizeof **v);
  assert_non_null(*v);
  (*v)[(*n)++] = s;
}

/* Walks the page's tags: fails on any tag or attribute the renderer does
   not write, on event handlers and on comments; records ids and links.
   Attribute values are always double-quoted and never hold '"' raw. */
static void scan_page(const char *html, scan *sc) {
  memset(sc, 0, sizeof *sc);
  const char *p = html;
  assert_true(strncmp(p, "<!DOCTYPE html>\n", 16) == 0);
  p += 16;
  while ((p = strchr(p, '<')) != NULL) {
    p++;
    if (*p == '!')
      fail_msg("markup declaration or comment in the page: %.40s", p - 1);
    int closing = *p == '/';
    p += closing;
    const char *name = p;
    while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
      p++;
    size_t len = (size_t)(p - name);
    if (!len || !listed(tags, sizeof tags / sizeof *tags, name, len))
      fail_msg("unexpected tag <%.*s", (int)(len ? len : 20), name);
    if (closing) {
      assert_int_equal(*p, '>');
      continue;
    }
    sc->tags++;
    int is_script = len == 6 && memcmp(name, "script", 6) == 0;
    int is_style = len == 5 && memcmp(name, "style", 5) == 0;
    for (;;) { /* attributes */
      while (*p == ' ')
        p++;
      if (*p == '>' || (p[0] == '/' && p[1] == '>'))
        break;
      const char *an = p;
      while (*p && *p != '=' && *p != ' ' && *p != '>' && *p != '/')
        p++;
      size_t al = (size_t)(p - an);
      if (!listed(attributes, sizeof attributes / sizeof *attributes, an, al))
        fail_msg("unexpected attribute %.*s in <%.*s", (int)al, an, (int)len,
                 name);
      if (*p != '=')
        continue; /* a boolean attribute */
      p++;
      assert_int_equal(*p, '"');
      const char *v = ++p;
      p = strchr(p, '"');
      assert_non_null(p);
      assert_null(memchr(v, '<', (size_t)(p - v)));
      if (al == 2 && memcmp(an, "id", 2) == 0)
        push(&sc->ids, &sc->nids, dup_n(v, (size_t)(p - v)));
      if (al == 4 && memcmp(an, "href", 4) == 0) {
        if (*v == '#')
          push(&sc->links, &sc->nlinks, dup_n(v + 1, (size_t)(p - v - 1)));
        else
          sc->outside_links++;
      }
      p++;
    }
    if (is_script || is_style) { /* raw text up to the end tag */
      sc->scripts += is_script;
      sc->styles += is_style;
      const char *end = strstr(p, is_script ? "</script>" : "</style>");
      assert_non_null(end);
      p = end;
    }
  }
}

static int has_id(const scan *sc, const char *id) {
  for (size_t i = 0; i < sc->nids; i++)
    if (strcmp(sc->ids[i], id) == 0)
      return 1;
  return 0;
}

/* Every internal link has its target, and no id is used twice. */
static void check_links(const scan *sc) {
  for (size_t i = 0; i < sc->nlinks; i++)
    if (!has_id(sc, sc->links[i]))
      fail_msg("link to #%s, which is not in the page", sc->links[i]);
  for (size_t i = 0; i < sc->nids; i++)
    for (size_t j = i + 1; j < sc->nids && j < i + 64; j++)
      assert_string_not_equal(sc->ids[i], sc->ids[j]);
}

static void scan_free(scan *sc) {
  for (size_t i = 0; i < sc->nids; i++)
    free(sc->ids[i]);
  for (size_t i = 0; i < sc->nlinks; i++)
    free(sc->links[i]);
  free(sc->ids);
  free(sc->links);
}

/* ---- SHA-256 (FIPS 180-4), for the policy's hashes ----------------------- */

static uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void sha256(const unsigned char *msg, size_t len,
                   unsigned char out[32]) {
  static const uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
      0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
      0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
      0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
      0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
      0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
      0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
      0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
      0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  size_t total = (len + 9 + 63) / 64 * 64;
  unsigned char *m = calloc(total, 1);
  assert_non_null(m);
  memcpy(m, msg, len);
  m[len] = 0x80;
  uint64_t bits = (uint64_t)len * 8;
  for (int i = 0; i < 8; i++)
    m[total - 1 - i] = (unsigned char)(bits >> (8 * i));
  for (size_t c = 0; c < total; c += 64) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
      w[i] = (uint32_t)m[c + 4 * i] << 24 | (uint32_t)m[c + 4 * i + 1] << 16 |
             (uint32_t)m[c + 4 * i + 2] << 8 | m[c + 4 * i + 3];
    for (int i = 16; i < 64; i++) {
      uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], cc = h[2], d = h[3], e = h[4], f = h[5],
             g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
      uint32_t t1 = hh + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) +
                    ((e & f) ^ (~e & g)) + k[i] + w[i];
      uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) +
                    ((a & b) ^ (a & cc) ^ (b & cc));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = cc;
      cc = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += cc, h[3] += d;
    h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
  }
  free(m);
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 4; j++)
      out[4 * i + j] = (unsigned char)(h[i] >> (24 - 8 * j));
}

/* 'sha256-BASE64' as a Content-Security-Policy names a hash. */
static void csp_hash(const char *s, size_t n, char out[64]) {
  static const char b64[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  unsigned char d[33] = {0};
  sha256((const unsigned char *)s, n, d);
  char *o = out + sprintf(out, "sha256-");
  for (int i = 0; i < 33; i += 3) {
    unsigned v = (unsigned)d[i] << 16 | (unsigned)d[i + 1] << 8 | d[i + 2];
    *o++ = b64[v >> 18 & 63];
    *o++ = b64[v >> 12 & 63];
    *o++ = i + 1 < 32 ? b64[v >> 6 & 63] : '=';
    *o++ = i + 2 < 32 ? b64[v & 63] : '=';
  }
  *o = '\0';
}

static void test_sha256(void **state) {
  (void)state;
  char h[64];
  csp_hash("abc", 3, h); /* FIPS 180-2, appendix B.1 */
  assert_string_equal(h, "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  csp_hash("", 0, h);
  assert_string_equal(h, "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
}

/* ---- tests --------------------------------------------------------------- */

static void test_format_name(void **state) {
  (void)state;
  assert_string_equal(recap_format_name(RECAP_FORMAT_HTML), "html");
  recap_format f = RECAP_FORMAT_TEXT;
  assert_int_equal(recap_format_lookup("html", &f), RECAP_OK);
  assert_int_equal(f, RECAP_FORMAT_HTML);
  assert_null(recap_format_name((recap_format)(RECAP_FORMAT_HTML + 1)));
}

static void test_media_urls(void **state) {
  (void)state;
  recap_render_options ro;
  memset(&ro, 0x55, sizeof ro);
  recap_render_options_init(&ro);
  assert_null(ro.title);
  assert_null(ro.media);
  recap_render_options_init(NULL);
  assert_int_equal(recap_render_options_check(NULL),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_int_equal(recap_render_options_check(&ro), RECAP_OK);
  static const char *const good[] = {"talk.mp3",
                                     "media/talk.mp4",
                                     "/abs/path.webm",
                                     "../up.ogg",
                                     "my talk.mp3",
                                     "a%20b.mp3?x=1&y=2#t=3",
                                     "https://example.org/a.mp3",
                                     "HTTP://Example.org:8080/v.mp4?x=1#t",
                                     "http://127.0.0.1/a.wav",
                                     "https://www.youtube.com/watch?v=abc",
                                     "https://youtu.be/abc",
                                     "vidéo.mp4"};
  static const char *const bad[] = {"",
                                    "javascript:alert(1)",
                                    "JavaScript:alert(1)",
                                    "java\tscript:alert(1)",
                                    " javascript:alert(1)",
                                    "talk.mp3 ",
                                    "data:audio/mpeg;base64,AAAA",
                                    "file:///etc/passwd",
                                    "vbscript:x",
                                    "//evil.example/x.mp3",
                                    "/\\evil.example/x",
                                    "https://",
                                    "https:///x",
                                    "https://user:pw@host/x",
                                    "https://host:/x",
                                    "https://ho st/x",
                                    "http:x.mp3",
                                    "https:/x",
                                    "ftp://host/x",
                                    "HTT\u2028P://example.org/x.mp4",
                                    "a b:c/x.mp3",
                                    "x\n.mp3",
                                    "x\x7f.mp3",
                                    "\xff.mp3",
                                    "a:b.mp3",
                                    "https://host\"><script>/x"};
  for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
    ro.media = good[i];
    if (recap_render_options_check(&ro) != RECAP_OK)
      fail_msg("refused good URL '%s'", good[i]);
  }
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    ro.media = bad[i];
    if (recap_render_options_check(&ro) != RECAP_ERR_INVALID_ARGUMENT)
      fail_msg("accepted bad URL '%s'", bad[i]);
  }
}

static void test_bad_media_fails(void **state) {
  fixture *f = *state;
  analyze_text(f, "Alice: We met today. Bob: We agreed on the plan.", 0);
  recap_render_options ro;
  recap_render_options_init(&ro);
  ro.media = "javascript:alert(1)";
  char *s = (char *)1;
  size_t n = 7;
  assert_int_equal(recap_render_with(f->doc, RECAP_FORMAT_HTML, &ro, &s, &n),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_null(s);
  s = (char *)1;
  assert_int_equal(recap_render_with(NULL, RECAP_FORMAT_HTML, NULL, &s, NULL),
                   RECAP_ERR_INVALID_ARGUMENT);
  assert_null(s);
  assert_int_equal(
      recap_render_with(f->doc, RECAP_FORMAT_HTML, NULL, NULL, NULL),
      RECAP_ERR_INVALID_ARGUMENT);
  /* Other formats ignore the options (but a refused URL is refused). */
  ro.media = "talk.mp3";
  ro.title = "<x>";
  char *plain = NULL, *with = NULL;
  assert_int_equal(recap_render(f->doc, RECAP_FORMAT_TEXT, &plain, NULL),
                   RECAP_OK);
  assert_int_equal(
      recap_render_with(f->doc, RECAP_FORMAT_TEXT, &ro, &with, NULL), RECAP_OK);
  assert_string_equal(plain, with);
  recap_free(plain);
  recap_free(with);
}

/* Markup, quotes and "</style>" in speakers' names and text render as
   text: the page holds no tag or attribute of the transcript's. */
static void test_hostile_input(void **state) {
  fixture *f = *state;
  analyze_file(f, "tests/fixtures/html/hostile.json",
               RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS);
  assert_true(recap_speaker_count(f->doc) >= 3);
  const char *title = "</title><script>alert('title')</script>\"'&";
  char *html = page(f->doc, title, NULL);
  scan sc;
  scan_page(html, &sc);
  assert_int_equal(sc.scripts, 1);
  assert_int_equal(sc.styles, 1);
  assert_int_equal(sc.outside_links, 0); /* no javascript: link */
  check_links(&sc);
  assert_int_equal(count(html, "<script"), 1);
  assert_int_equal(count(html, "</script>"), 1);
  assert_int_equal(count(html, "</style>"), 1);
  /* the page's, and one per chapter on the timeline */
  assert_int_equal(count(html, "</title>"), 1 + recap_chapter_count(f->doc));
  assert_int_equal(count(html, "<img"), 0);
  assert_int_equal(count(html, "<svg onload"), 0);
  assert_int_equal(count(html, "href=\"javascript"), 0);
  /* ... but the text is all there, escaped. */
  assert_non_null(strstr(html, "<title>&lt;/title&gt;&lt;script&gt;alert("
                               "&#39;title&#39;)&lt;/script&gt;&quot;&#39;&amp;"
                               "</title>"));
  assert_non_null(strstr(html, "Eve &quot;The &lt;b&gt;Hacker&lt;/b&gt;&quot; "
                               "O&#39;Neil</bdi>"));
  assert_non_null(strstr(html, "Mallory&lt;/style&gt;&lt;script&gt;"));
  assert_non_null(strstr(html, "Bob &amp; Alice</bdi>"));
  assert_non_null(strstr(html, "Hello &lt;script&gt;document."));
  assert_non_null(strstr(html, "&lt;!-- this --&gt;"));
  assert_non_null(strstr(html, "points to javascript:alert(1)"));
  scan_free(&sc);
  recap_free(html);
}

/* The policy allows exactly the page's own style and script. */
static void test_csp_hashes(void **state) {
  fixture *f = *state;
  analyze_file(f, "examples/webinar.vtt", 0);
  char *html = page(f->doc, NULL, NULL);
  const char *csp = strstr(html, "<meta http-equiv=\"Content-Security-Policy\" "
                                 "content=\"default-src 'none'; ");
  assert_non_null(csp);
  assert_true(csp < strstr(html, "<style>")); /* before what it governs */
  const char *tags2[2][2] = {{"<style>", "</style>"},
                             {"<script>", "</script>"}};
  const char *names[2] = {"style-src", "script-src"};
  for (int i = 0; i < 2; i++) {
    const char *b = strstr(html, tags2[i][0]) + strlen(tags2[i][0]);
    const char *e = strstr(b, tags2[i][1]);
    char h[64], want[96];
    csp_hash(b, (size_t)(e - b), h);
    snprintf(want, sizeof want, "%s '%s'", names[i], h);
    if (!strstr(csp, want))
      fail_msg("the policy does not name the page's %s: expected %s "
               "(tools/html-hashes -w updates src/render_html.c)",
               names[i], want);
  }
  /* Nothing else is allowed: no media without a recording. */
  assert_null(strstr(html, "media-src"));
  assert_null(strstr(html, "unsafe"));
  recap_free(html);
}

static size_t section_count(const char *html, const char *id,
                            const char *needle) {
  char *s = section(html, id);
  if (!s)
    return 0;
  size_t n = count(s, needle);
  free(s);
  return n;
}

/* The webinar: every section, with as many items as the getters give,
   and every internal link resolving. */
static void test_webinar_page(void **state) {
  fixture *f = *state;
  analyze_file(f, "examples/webinar.vtt",
               RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS);
  recap_document *doc = f->doc;
  char *html = page(doc, "webinar.vtt", NULL);
  scan sc;
  scan_page(html, &sc);
  check_links(&sc);
  assert_int_equal(sc.scripts, 1);
  assert_int_equal(sc.outside_links, 0);
  assert_non_null(strstr(html, "<title>webinar.vtt</title>"));
  assert_non_null(strstr(html, "<h1 dir=\"auto\">webinar.vtt</h1>"));
  assert_non_null(strstr(html, "English · 14:48 · 1,959 words · "));
  size_t ns = recap_sentence_count(doc);
  assert_true(ns > 100);
  assert_int_equal(count(html, "<span id=\"s"), ns);
  for (size_t i = 0; i < ns; i++) {
    char id[32];
    snprintf(id, sizeof id, "s%zu", i);
    assert_true(has_id(&sc, id));
  }
  assert_int_equal(section_count(html, "summary", "<li>"),
                   recap_summary_count(doc));
  assert_int_equal(section_count(html, "speakers", "<li>"),
                   recap_speaker_count(doc));
  assert_int_equal(section_count(html, "chapters", "<li id=\"c"),
                   recap_chapter_count(doc));
  assert_int_equal(section_count(html, "transcript", "<details"),
                   recap_chapter_count(doc));
  assert_int_equal(section_count(html, "keyphrases", "<li>"),
                   recap_keyphrase_count(doc));
  /* Each key phrase links to its first mention, marked in the transcript
     where its words are; at least one mark (a mention that crosses another
     phrase's, "[charging [depot] construction]", is marked once, for the
     phrase that starts first, so there may be fewer marks than the
     phrase's count). */
  for (size_t k = 0; k < recap_keyphrase_count(doc); k++) {
    char id[32], mark[64];
    snprintf(id, sizeof id, "m%zu-0", k);
    assert_true(has_id(&sc, id));
    snprintf(mark, sizeof mark, "data-k=\"%zu\">", k);
    size_t marked = section_count(html, "transcript", mark);
    if (marked < 1 || marked > 4 * recap_keyphrase_at(doc, k)->count)
      fail_msg("'%s': %zu marks, count %zu", recap_keyphrase_at(doc, k)->phrase,
               marked, recap_keyphrase_at(doc, k)->count);
  }
  /* Summary lines: time, speaker, text as the getters give them. */
  const recap_sentence *s0 = recap_summary_at(doc, 0);
  char line[512];
  snprintf(line, sizeof line, "<a class=\"ts\" href=\"#s%zu\" data-t=\"",
           s0->index);
  const char *at = strstr(html, line);
  assert_non_null(at);
  /* The time to the hundredth (rounding aside). */
  assert_true(fabs(strtod(at + strlen(line), NULL) - s0->start) <= 0.006);
  /* Deterministic, and recap_render() is recap_render_with() defaults. */
  char *again = page(doc, "webinar.vtt", NULL), *plain = NULL,
       *defaults = page(doc, NULL, NULL);
  assert_string_equal(html, again);
  assert_int_equal(recap_render(doc, RECAP_FORMAT_HTML, &plain, NULL),
                   RECAP_OK);
  assert_string_equal(plain, defaults);
  assert_non_null(strstr(plain, "<title>Transcript</title>"));
  scan_free(&sc);
  recap_free(html);
  recap_free(again);
  recap_free(plain);
  recap_free(defaults);
}

static void test_media(void **state) {
  fixture *f = *state;
  analyze_file(f, "tests/fixtures/readers/zoom.vtt", RECAP_OPT_SPEAKERS);
  char *html =
      page(f->doc, NULL, "https://cdn.example.org:8443/talks/a.mp3?x=1");
  assert_non_null(strstr(html,
                         "<audio id=\"media\" controls preload=\"metadata\" "
                         "src=\"https://cdn.example.org:8443/talks/"
                         "a.mp3?x=1\">"));
  assert_non_null(strstr(html, "; media-src https://cdn.example.org:8443;"));
  assert_null(strstr(html, "<video"));
  assert_non_null(strstr(html, "data-t=\""));
  recap_free(html);

  html = page(f->doc, NULL, "rec/my talk.mp4");
  assert_non_null(strstr(html,
                         "<video id=\"media\" controls preload=\"metadata\" "
                         "playsinline src=\"rec/my%20talk.mp4\">"));
  assert_non_null(strstr(html, "; media-src 'self';"));
  recap_free(html);

  /* YouTube: no player, every time a link to the video at that time. */
  html = page(f->doc, NULL, "https://www.youtube.com/watch?t=99&v=abc#x");
  scan sc;
  scan_page(html, &sc);
  assert_null(strstr(html, "<video"));
  assert_null(strstr(html, "<audio"));
  assert_null(strstr(html, "media-src"));
  assert_null(strstr(html, "class=\"ts\" href=\"#")); /* links instead */
  assert_non_null(strstr(html, "href=\"https://www.youtube.com/watch?v=abc"
                               "&amp;t=5s\""));
  assert_true(sc.outside_links > 3);
  scan_free(&sc);
  recap_free(html);
  html = page(f->doc, NULL, "https://youtu.be/abc");
  assert_non_null(strstr(html, "href=\"https://youtu.be/abc?t=1s\""));
  recap_free(html);
}

/* Without times: no time links, no duration; paragraphs still. */
static void test_untimed(void **state) {
  fixture *f = *state;
  analyze_file(f, "tests/fixtures/readers/prose.txt",
               RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS);
  char *html = page(f->doc, NULL, NULL);
  scan sc;
  scan_page(html, &sc);
  check_links(&sc);
  assert_null(strstr(html, "data-t="));
  assert_null(strstr(html, "class=\"ts\""));
  assert_int_equal(count(html, "<span id=\"s"), recap_sentence_count(f->doc));
  assert_null(strstr(html, "id=\"speakers\"")); /* nobody named */
  assert_non_null(strstr(html, "id=\"transcript\""));
  scan_free(&sc);
  recap_free(html);
}

/* Right-to-left and Chinese content gets its language and direction;
   the page's own words stay English. */
static void test_languages(void **state) {
  fixture *f = *state;
  analyze_file(f, "tests/lang/arabic.txt", 0);
  char *html = page(f->doc, NULL, NULL);
  assert_non_null(strstr(html, "<html lang=\"en\">"));
  assert_non_null(strstr(html, "<div class=\"tx\" lang=\"ar\" dir=\"rtl\">"));
  assert_non_null(strstr(html, "<ol class=\"lines\" lang=\"ar\" dir=\"rtl\">"));
  recap_free(html);
  analyze_file(f, "tests/lang/chinese.txt", 0);
  html = page(f->doc, NULL, NULL);
  assert_non_null(strstr(html, "<div class=\"tx\" lang=\"zh\">"));
  recap_free(html);
  recap_options o;
  recap_options_init(&o);
  o.language = "none";
  assert_int_equal(recap_document_analyze(f->doc, "One two three.", 14, &o),
                   RECAP_OK);
  html = page(f->doc, NULL, NULL);
  assert_non_null(strstr(html, "<div class=\"tx\" lang=\"\">"));
  recap_free(html);
}

static void test_empty_and_bytes(void **state) {
  fixture *f = *state;
  analyze_text(f, "", 0);
  char *html = page(f->doc, "\xff<x>\x01", NULL);
  scan sc;
  scan_page(html, &sc);
  check_links(&sc);
  assert_non_null(strstr(html, "No sentences were found"));
  /* A title that is not UTF-8, or holds control characters, is repaired. */
  assert_non_null(
      strstr(html, "<title>\xEF\xBF\xBD&lt;x&gt;\xEF\xBF\xBD</title>"));
  assert_non_null(strstr(html, "</html>\n"));
  scan_free(&sc);
  recap_free(html);
}

/* Chapters that leave sentences out (or overlap): the transcript still
   has every sentence once, in order, and every link its target.  The
   chapters are changed in the document itself (the tests link the
   library's objects). */
static void test_chapter_gaps(void **state) {
  fixture *f = *state;
  analyze_file(f, "examples/webinar.vtt",
               RECAP_OPT_CHAPTERS | RECAP_OPT_SPEAKERS);
  recap_document *doc = f->doc;
  size_t ns = recap_sentence_count(doc);
  assert_true(doc->chapter_count >= 2);
  recap_chapter *c = doc->chapters;
  size_t end0 = c[0].first_sentence + c[0].sentence_count;
  assert_true(end0 > 10);
  c[0].first_sentence = 3;         /* sentences 0-2 in no chapter */
  c[0].sentence_count = end0 - 6;  /* to end0 - 3 */
  c[1].first_sentence = end0 - 10; /* starts inside the first one */
  c[1].sentence_count = ns + 5;    /* and runs past the end */
  char *html = page(doc, NULL, NULL);
  scan sc;
  scan_page(html, &sc);
  check_links(&sc);
  assert_int_equal(count(html, "<span id=\"s"), ns);
  const char *prev = html;
  for (size_t i = 0; i < ns; i++) { /* in order */
    char id[48];
    snprintf(id, sizeof id, "<span id=\"s%zu\"", i);
    const char *at = strstr(html, id);
    assert_non_null(at);
    assert_true(at > prev);
    prev = at;
  }
  assert_non_null(strstr(html, "Sentences 1–3</span>"));
  scan_free(&sc);
  recap_free(html);
  c[0].first_sentence = ns + 10; /* past the end */
  c[0].sentence_count = (size_t)-1;
  html = page(doc, NULL, NULL);
  scan_page(html, &sc);
  check_links(&sc);
  assert_int_equal(count(html, "<span id=\"s"), ns);
  scan_free(&sc);
  recap_free(html);
}

/* recap_summarize() renders a page with the default options. */
static void test_summarize(void **state) {
  (void)state;
  const char *text = "Alice: We met today to plan the garden. Bob: The garden "
                     "needs new fences and a shed before the spring.";
  char *s = NULL;
  assert_int_equal(
      recap_summarize(text, strlen(text), NULL, RECAP_FORMAT_HTML, &s, NULL),
      RECAP_OK);
  assert_non_null(strstr(s, "<title>Transcript</title>"));
  assert_non_null(strstr(s, "garden"));
  recap_free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sha256),
      cmocka_unit_test(test_format_name),
      cmocka_unit_test(test_media_urls),
      cmocka_unit_test_setup_teardown(test_bad_media_fails, setup, teardown),
      cmocka_unit_test_setup_teardown(test_hostile_input, setup, teardown),
      cmocka_unit_test_setup_teardown(test_csp_hashes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_webinar_page, setup, teardown),
      cmocka_unit_test_setup_teardown(test_media, setup, teardown),
      cmocka_unit_test_setup_teardown(test_untimed, setup, teardown),
      cmocka_unit_test_setup_teardown(test_languages, setup, teardown),
      cmocka_unit_test_setup_teardown(test_empty_and_bytes, setup, teardown),
      cmocka_unit_test_setup_teardown(test_chapter_gaps, setup, teardown),
      cmocka_unit_test(test_summarize),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
