/*
 * render_html.c - one self-contained HTML5 page for people who were not
 * there: who spoke how much, the chapters on a timeline, the summary, the
 * key phrases with their mentions marked, and the full transcript with an
 * anchor for every sentence; with a recording, every timestamp seeks it.
 *
 * Self-contained and safe to open from anyone's transcript:
 *  - nothing from the network: the CSS and the script are the constants
 *    below, inline, no fonts or images (bars and the timeline are inline
 *    SVG, whose sizes are attributes, not style);
 *  - every byte of input text (and the title, and the media URL) goes
 *    through put_text() or put_url(): markup in a transcript, "</style>"
 *    or quotes in a speaker's name render as text;
 *  - a Content-Security-Policy allows this script and this style by their
 *    SHA-256 and nothing else (and, given a recording, media from its
 *    origin), so even a missed escape could not run a script.  The hashes
 *    are constants next to the texts they hash; tests/test_html.c
 *    recomputes them from a rendered page.
 *
 * The transcript is the document's content (doc->src: cue text with
 * markup, timings and speaker labels removed), read through the
 * sentences' content ranges, so that sentence anchors, times and key
 * phrase mentions all come from one coordinate system; the caller's
 * input is not kept by the document, and would need reading again.
 *
 * Key phrase mentions: a phrase's words are those of its first mention
 * (the token at the phrase's input offset in its first sentence, and the
 * ones after it up to the phrase's end); every run of tokens with the
 * same stems in that order, without punctuation between them, is a
 * mention.  One pass over the tokens of every sentence, with a hash of
 * the phrases' first words: linear in the text (times the number of
 * phrases that share a first word, a handful).  Mentions nest (the
 * "charging depot" inside "Eastgate charging depot"); one that would
 * cross another is left out.
 */
#include <stdio.h>
#include <string.h>

#include "render.h"
#include "terms.h"
#include "tokenize.h"
#include "utf8.h"

/* ---- the page's constant style and script -------------------------------- */

/* Their SHA-256 in base64, as the Content-Security-Policy names them.
   After editing either text, `tools/html-hashes -w` rewrites these (and
   test_html fails, printing the right value, until they agree). */
#define STYLE_HASH "sha256-54duC6/Ehf6moTkUXXzmnXzyWneyvNxKLb7j4jjqCiI="
#define SCRIPT_HASH "sha256-XNE6H4KmTK7DhduWNO8wgHfTEcIBu8xifKSoshn2vJk="

/* In parts: C11 compilers need only take string literals of 4095
   bytes. */
static const char *const style[] = {
    "\n:root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--soft:#f6f8fa;"
    "--line:#d1d9e0;--link:#0969da;--mark:#fff8c5;--on:#ffd33d;"
    "--now:#ddf4ff;--c0:#0969da;--c1:#bf3989;--c2:#1a7f37;--c3:#bc4c00;"
    "--c4:#8250df;--c5:#0a7e8c;--c6:#9a6700;--c7:#cf222e;--k0:#57606a;"
    "--k1:#8c959f;color-scheme:light dark}\n"
    "@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;"
    "--bg:#0d1117;--soft:#151b23;--line:#3d444d;--link:#4493f8;"
    "--mark:#3a2f0b;--on:#7a5c00;--now:#0d2d5e;--c0:#4493f8;--c1:#db61a2;"
    "--c2:#3fb950;--c3:#db6d28;--c4:#ab7df8;--c5:#39c5cf;--c6:#d29922;"
    "--c7:#f85149;--k0:#9198a1;--k1:#656c76}}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
    "body{margin:0 auto;max-width:52rem;padding:0 1rem 2rem;"
    "font:1rem/1.55 system-ui,-apple-system,\"Segoe UI\",Roboto,"
    "\"Noto Sans\",\"Noto Sans CJK SC\",\"Noto Sans Arabic\",sans-serif;"
    "color:var(--fg);background:var(--bg);overflow-wrap:anywhere}\n"
    "a{color:var(--link)}\n"
    "header{padding:1.25rem 0 .5rem;border-bottom:1px solid var(--line)}\n"
    "h1{font-size:1.6rem;line-height:1.25;margin:0 0 .35rem}\n"
    "h2{font-size:1.2rem;margin:1.75rem 0 .6rem;padding-bottom:.2rem;"
    "border-bottom:1px solid var(--line)}\n"
    "h3{font-size:1rem;margin:0}\n"
    ".meta,.range,.count,.note,footer{color:var(--muted);font-size:.9rem}\n"
    ".meta{margin:0 0 .5rem}\n"
    "nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.95rem;"
    "margin:.5rem 0}\n"
    ".player{position:sticky;top:0;z-index:2;background:var(--bg);"
    "padding:.5rem 0}\n"
    ".player video{display:block;width:100%;max-height:40vh;"
    "background:#000}\n"
    ".player audio{display:block;width:100%}\n"
    "ol,ul{padding-inline-start:1.25rem}\n"
    ".lines{list-style:none;padding:0;margin:0}\n"
    ".lines li{margin:.45rem 0}\n"
    ".ts{font-variant-numeric:tabular-nums;font-size:.85rem;"
    "text-decoration:none;white-space:nowrap;margin-inline-end:.35rem}\n"
    ".ts:hover,.say:hover{text-decoration:underline}\n"
    ".say{color:inherit;text-decoration:none}\n"
    ".who{font-weight:600;margin-inline-end:.35rem}\n"
    ".c0{color:var(--c0);fill:var(--c0)}.c1{color:var(--c1);fill:var(--c1)}"
    ".c2{color:var(--c2);fill:var(--c2)}.c3{color:var(--c3);fill:var(--c3)}"
    ".c4{color:var(--c4);fill:var(--c4)}.c5{color:var(--c5);fill:var(--c5)}"
    ".c6{color:var(--c6);fill:var(--c6)}.c7{color:var(--c7);fill:var(--c7)}\n"
    ".spk{list-style:none;padding:0;margin:0;display:grid;"
    "grid-template-columns:minmax(5rem,max-content) minmax(4rem,1fr) "
    "max-content;gap:.35rem .75rem;align-items:center}\n"
    ".spk li{display:contents}\n"
    ".spk .who{margin:0}\n"
    ".bar{display:block;width:100%;height:.9rem}\n"
    ".track{fill:var(--soft);stroke:var(--line)}\n"
    ".fig{font-size:.85rem;color:var(--muted);"
    "font-variant-numeric:tabular-nums}\n"
    "@media (max-width:36rem){.spk{grid-template-columns:"
    "minmax(4rem,max-content) 1fr}.spk .fig{grid-column:2;margin-top:-.3rem}}"
    "\n"
    ".timeline{display:block;width:100%;height:1.5rem;margin:.25rem 0 .75rem}"
    "\n"
    ".k0{fill:var(--k0)}.k1{fill:var(--k1)}\n"
    ".timeline text{fill:var(--bg);font-size:.8rem;font-weight:600}\n"
    ".timeline a:hover rect,.timeline a:focus rect{fill:var(--link)}\n"
    ".chapters{padding:0;list-style:none;margin:0}\n"
    ".chapters>li{margin:0 0 1rem;padding-inline-start:.75rem;"
    "border-inline-start:4px solid var(--k0)}\n"
    ".chapters>li.k1{border-inline-start-color:var(--k1)}\n",
    ".chapters h3 a{color:var(--fg)}\n"
    ".range{margin:.1rem 0 .3rem}\n"
    ".kp{padding:0;margin:0;list-style:none}\n"
    ".kp li{margin:.3rem 0}\n"
    ".kp .k{font-weight:600}\n"
    ".at a{font-size:.85rem;font-variant-numeric:tabular-nums;"
    "margin-inline-start:.4rem;white-space:nowrap}\n"
    "mark{background:var(--mark);color:inherit;border-radius:2px}\n"
    "mark.on,mark:target{background:var(--on)}\n"
    "details{border:1px solid var(--line);border-radius:6px;margin:.5rem 0;"
    "padding:0 .75rem}\n"
    "details[open]{padding-bottom:.5rem}\n"
    "summary{cursor:pointer;padding:.5rem 0}\n"
    "summary .h{display:inline;font-weight:600}\n"
    "summary .range{display:inline;margin-inline-start:.5rem}\n"
    ".tx p{margin:.55rem 0}\n"
    ".tx [id]{scroll-margin-top:4rem}\n"
    ".tx .now{background:var(--now)}\n"
    ":target{scroll-margin-top:4rem}\n"
    "footer{margin-top:2rem;border-top:1px solid var(--line);"
    "padding-top:.5rem}\n"
    "@media print{nav,.player{display:none}body{max-width:none}"
    "a{color:inherit;text-decoration:none}details{border:0;padding:0}"
    ".chapters>li{break-inside:avoid}}\n"};

static const char *const script[] = {
    "\n(function () {\n"
    "  \"use strict\";\n"
    "  var d = document, media = d.getElementById(\"media\");\n"
    "  d.documentElement.setAttribute(\"data-js\", \"on\");\n"
    "  var lines = d.querySelectorAll(\"#transcript span[data-t]\");\n"
    "  var now = null, phrase = null, next = 0;\n"
    "  function reveal(el) {\n"
    "    for (var p = el; p; p = p.parentElement)\n"
    "      if (p.tagName === \"DETAILS\") p.open = true;\n"
    "  }\n"
    "  function show(el) {\n"
    "    if (!el) return;\n"
    "    reveal(el);\n"
    "    el.scrollIntoView({block: \"center\"});\n"
    "  }\n"
    "  function at(t) {\n"
    "    var lo = 0, hi = lines.length - 1, best = null;\n"
    "    while (lo <= hi) {\n"
    "      var m = (lo + hi) >> 1;\n"
    "      if (parseFloat(lines[m].getAttribute(\"data-t\")) <= t) {\n"
    "        best = lines[m]; lo = m + 1;\n"
    "      } else hi = m - 1;\n"
    "    }\n"
    "    return best;\n"
    "  }\n"
    "  function follow(el) {\n"
    "    if (el === now) return;\n"
    "    if (now) now.classList.remove(\"now\");\n"
    "    now = el;\n"
    "    if (el) el.classList.add(\"now\");\n"
    "  }\n"
    "  function seek(t) {\n"
    "    media.currentTime = t;\n"
    "    var p = media.play();\n"
    "    if (p && p.catch) p.catch(function () {});\n"
    "    follow(at(t));\n"
    "  }\n",
    "  function mentions(k) {\n"
    "    var all = d.querySelectorAll(\"mark[data-k]\"), ms = [];\n"
    "    for (var i = 0; i < all.length; i++) {\n"
    "      var on = all[i].getAttribute(\"data-k\") === k;\n"
    "      all[i].classList.toggle(\"on\", on);\n"
    "      if (on) ms.push(all[i]);\n"
    "    }\n"
    "    return ms;\n"
    "  }\n"
    "  d.addEventListener(\"click\", function (e) {\n"
    "    var a = e.target.closest ? e.target.closest(\"a\") : null;\n"
    "    if (!a) return;\n"
    "    var k = a.getAttribute(\"data-k\"), t = a.getAttribute(\"data-t\");\n"
    "    if (k !== null) {\n"
    "      var ms = mentions(k);\n"
    "      if (!ms.length) return;\n"
    "      next = phrase === k ? (next + 1) % ms.length : 0;\n"
    "      phrase = k;\n"
    "      e.preventDefault();\n"
    "      show(ms[next]);\n"
    "      return;\n"
    "    }\n"
    "    if (t !== null && media) {\n"
    "      e.preventDefault();\n"
    "      seek(parseFloat(t));\n"
    "      return;\n"
    "    }\n"
    "    var h = a.getAttribute(\"href\") || \"\";\n"
    "    if (h.charAt(0) === \"#\") reveal(d.getElementById(h.slice(1)));\n"
    "  });\n"
    "  if (media) media.addEventListener(\"timeupdate\", function () {\n"
    "    follow(at(media.currentTime));\n"
    "  });\n"
    "  function fromHash() {\n"
    "    var h = decodeURIComponent(location.hash.slice(1));\n"
    "    var m = /^t=([0-9:.]+)s?$/.exec(h);\n"
    "    if (!m) { if (h) show(d.getElementById(h)); return; }\n"
    "    var t = 0, parts = m[1].split(\":\");\n"
    "    for (var i = 0; i < parts.length; i++)\n"
    "      t = t * 60 + (parseFloat(parts[i]) || 0);\n"
    "    var el = at(t);\n"
    "    show(el);\n"
    "    follow(el);\n"
    "    if (media) media.currentTime = t;\n"
    "  }\n"
    "  window.addEventListener(\"hashchange\", fromHash);\n"
    "  fromHash();\n"
    "  window.addEventListener(\"beforeprint\", function () {\n"
    "    var ds = d.querySelectorAll(\"details\");\n"
    "    for (var i = 0; i < ds.length; i++) ds[i].open = true;\n"
    "  });\n"
    "})();\n"};

/* ---- escaping ------------------------------------------------------------ */

#define REPLACEMENT "\xEF\xBF\xBD" /* U+FFFD */

/* Appends s[0..n) as HTML text or a quoted attribute value: & < > " '
   escaped; bytes that are not UTF-8, control characters other than tab
   and newline, C1 controls and noncharacters (which HTML calls parse
   errors) as U+FFFD. */
static void put_text(rc_buf *out, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t done = 0;
  for (size_t i = 0; i < n;) {
    const char *rep = NULL;
    size_t k = 1;
    unsigned char c = u[i];
    if (c < 0x80) {
      if (c == '&')
        rep = "&amp;";
      else if (c == '<')
        rep = "&lt;";
      else if (c == '>')
        rep = "&gt;";
      else if (c == '"')
        rep = "&quot;";
      else if (c == '\'')
        rep = "&#39;";
      else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
        rep = REPLACEMENT;
    } else {
      k = rc_utf8_seqlen(u + i, n - i);
      if (k == 0) {
        rep = REPLACEMENT;
        k = 1;
      } else {
        unsigned cp = rc_utf8_decode(u + i, k);
        if (cp < 0xA0 || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
            (cp & 0xFFFE) == 0xFFFE)
          rep = REPLACEMENT;
      }
    }
    if (rep) {
      rc_buf_put(out, s + done, i - done);
      rc_buf_puts(out, rep);
      done = i + k;
    }
    i += k;
  }
  rc_buf_put(out, s + done, n - done);
}

static void put_cstr(rc_buf *out, const char *s) {
  put_text(out, s, strlen(s));
}

static int is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

/* put_text() with runs of whitespace as one space; *space carries a run
   across calls (a pending space is written before the next text, never
   at the end). */
static void put_flowing(rc_buf *out, const char *s, size_t n, int *space) {
  size_t i = 0;
  while (i < n) {
    if (is_space(s[i])) {
      *space = 1;
      i++;
      continue;
    }
    size_t j = i;
    while (j < n && !is_space(s[j]))
      j++;
    if (*space)
      rc_buf_putc(out, ' ');
    *space = 0;
    put_text(out, s + i, j - i);
    i = j;
  }
}

/* ---- the media URL ------------------------------------------------------- */

typedef enum media_kind {
  MEDIA_NONE = 0,
  MEDIA_AUDIO,
  MEDIA_VIDEO,
  MEDIA_YOUTUBE
} media_kind;

typedef struct media {
  media_kind kind;
  const char *url;
  size_t scheme_len; /* "https" (0 for a relative URL) */
  const char *host;  /* host[:port] of an absolute URL */
  size_t host_len;
} media;

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

static int equal_ci(const char *a, size_t n, const char *b) {
  if (strlen(b) != n)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (lower(a[i]) != b[i])
      return 0;
  return 1;
}

static int ends_ci(const char *s, size_t n, const char *suffix) {
  size_t m = strlen(suffix);
  return n >= m && equal_ci(s + n - m, m, suffix);
}

static int host_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/* Parses and checks a media URL (recap_render_options.media): 1 if it is
   an http(s) URL with a plain host (letters, digits, '-', '.', and an
   optional port), or a relative URL; valid UTF-8 without control
   characters, backslashes or spaces at either end (which browsers strip
   or read as '/': "java\tscript:", " javascript:", "/\host").  Spaces
   inside are written as %20. */
static int media_parse(const char *url, media *m) {
  memset(m, 0, sizeof *m);
  size_t n = strlen(url);
  if (n == 0 || n > 8192 || !rc_utf8_valid(url, n))
    return 0;
  if (url[0] == ' ' || url[n - 1] == ' ')
    return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)url[i];
    if (c < 0x20 || c == 0x7F || c == '\\')
      return 0;
  }
  m->url = url;
  /* A scheme is letters, digits, + - . after a letter, ending in ':'
     before any '/', '?' or '#'. */
  size_t i = 0;
  if ((url[0] >= 'a' && url[0] <= 'z') || (url[0] >= 'A' && url[0] <= 'Z'))
    while (i < n && (host_char(url[i]) || url[i] == '+'))
      i++;
  if (i < n && url[i] == ':') {
    if (!equal_ci(url, i, "http") && !equal_ci(url, i, "https"))
      return 0;
    if (strncmp(url + i, "://", 3) != 0)
      return 0;
    m->scheme_len = i;
    const char *h = url + i + 3;
    size_t hn = strcspn(h, "/?#");
    size_t name = 0;
    while (name < hn && host_char(h[name]))
      name++;
    if (name == 0)
      return 0;
    if (name < hn) { /* a port, and nothing else (no user@) */
      if (h[name] != ':' || name + 1 == hn)
        return 0;
      for (size_t k = name + 1; k < hn; k++)
        if (h[k] < '0' || h[k] > '9')
          return 0;
    }
    m->host = h;
    m->host_len = hn;
  } else if (url[0] == '/' && n > 1 && url[1] == '/') {
    return 0; /* "//host/x": another host, whatever the page's scheme */
  } else if (url[strcspn(url, ":/?#")] == ':') {
    /* A colon before any '/', '?' or '#' that does not end an http(s)
       scheme: RFC 3986 does not allow it in a relative reference's first
       segment, and a browser may read it as a scheme. */
    return 0;
  }
  /* What it is, from the host and the path's extension. */
  size_t hostname = m->host ? strcspn(m->host, ":/?#") : 0;
  if (m->host && (equal_ci(m->host, hostname, "youtube.com") ||
                  ends_ci(m->host, hostname, ".youtube.com") ||
                  equal_ci(m->host, hostname, "youtu.be") ||
                  equal_ci(m->host, hostname, "youtube-nocookie.com") ||
                  ends_ci(m->host, hostname, ".youtube-nocookie.com"))) {
    m->kind = MEDIA_YOUTUBE;
    return 1;
  }
  const char *path = m->host ? m->host + m->host_len : url;
  size_t pn = strcspn(path, "?#");
  static const char *const audio[] = {".mp3", ".m4a",  ".aac",  ".wav", ".oga",
                                      ".ogg", ".opus", ".flac", ".weba"};
  m->kind = MEDIA_VIDEO;
  for (size_t k = 0; k < sizeof audio / sizeof *audio; k++)
    if (ends_ci(path, pn, audio[k]))
      m->kind = MEDIA_AUDIO;
  return 1;
}

int rc_html_media_ok(const char *url) {
  media m;
  return url == NULL || media_parse(url, &m);
}

/* Appends a checked URL (or part of one) for an attribute: spaces and
   characters that are not URL characters percent-encoded, & and quotes
   never raw. */
static void put_url(rc_buf *out, const char *s, size_t n) {
  static const char hex[] = "0123456789ABCDEF";
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '&')
      rc_buf_puts(out, "&amp;");
    else if (c <= 0x20 || c >= 0x7F || strchr("\"'<>`{}|^\\", c)) {
      rc_buf_putc(out, '%');
      rc_buf_putc(out, hex[c >> 4]);
      rc_buf_putc(out, hex[c & 15]);
    } else {
      rc_buf_putc(out, (char)c);
    }
  }
}

/* A YouTube link at a time: the URL without its fragment or a "t"
   parameter, then t=SECONDSs. */
static void put_youtube_at(rc_buf *out, const media *m, double t) {
  const char *u = m->url;
  size_t n = strcspn(u, "#");
  size_t q = strcspn(u, "?");
  if (q > n)
    q = n;
  put_url(out, u, q);
  int first = 1;
  for (size_t p = q; p < n;) { /* each parameter: [?&]name=value */
    size_t b = p + 1, e = b;
    while (e < n && u[e] != '&')
      e++;
    if (e > b && !(e - b >= 2 && u[b] == 't' && u[b + 1] == '=')) {
      rc_buf_puts(out, first ? "?" : "&amp;");
      put_url(out, u + b, e - b);
      first = 0;
    }
    p = e;
  }
  rc_buf_puts(out, first ? "?t=" : "&amp;t=");
  rc_buf_put_uint(out, t > 0 ? (unsigned long long)t : 0);
  rc_buf_putc(out, 's');
}

/* ---- what the page shows ------------------------------------------------- */

typedef struct mention {
  size_t b, e;     /* content range */
  uint32_t phrase; /* key phrase index */
  uint32_t nth;    /* its mention number */
  uint32_t sentence;
} mention;

typedef struct page {
  const recap_document *doc;
  rc_buf *out;
  media media;
  const char *lang_attrs; /* ' lang="en"', with ' dir="rtl"' for Arabic */
  /* Speaker colours: the speakers section's order, looked up by the
     name's pointer (every result points at doc->speaker_names). */
  const char **spk_names;
  uint32_t *spk_rank;
  size_t spk_slots; /* power of two, or 0 */
  RC_VEC(mention) mentions;
  size_t *first_mention; /* per key phrase: index in mentions, or SIZE_MAX */
  uint32_t *mention_count;
} page;

/* Times as on a video player: "2:03", "1:02:03". */
static void put_clock(rc_buf *out, double t) {
  rc_put_short_clock(out, t < 0 ? 0 : t);
}

/* 12,345 */
static void put_count(rc_buf *out, size_t v) {
  char digits[32];
  int n = 0;
  do {
    digits[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  while (n--) {
    rc_buf_putc(out, digits[n]);
    if (n && n % 3 == 0)
      rc_buf_putc(out, ',');
  }
}

static void put_plural(rc_buf *out, size_t v, const char *what) {
  put_count(out, v);
  rc_buf_putc(out, ' ');
  rc_buf_puts(out, what);
  if (v != 1)
    rc_buf_putc(out, 's');
}

static size_t ptr_slot(const page *pg, const char *p) {
  uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
  return (size_t)(h >> 32) & (pg->spk_slots - 1);
}

/* The colour class of a speaker's name (c0 ... c7), or -1. */
static int speaker_colour(const page *pg, const char *name) {
  if (!name || !pg->spk_slots)
    return -1;
  for (size_t i = ptr_slot(pg, name);; i = (i + 1) & (pg->spk_slots - 1)) {
    if (pg->spk_names[i] == name)
      return (int)(pg->spk_rank[i] % 8);
    if (!pg->spk_names[i])
      return -1;
  }
}

static recap_status index_speakers(page *pg) {
  const recap_document *doc = pg->doc;
  if (!doc->speaker_count)
    return RECAP_OK;
  size_t slots = 16;
  while (slots < 2 * doc->speaker_count)
    slots *= 2;
  pg->spk_names = rc_calloc(doc->alloc, slots, sizeof *pg->spk_names);
  pg->spk_rank = rc_calloc(doc->alloc, slots, sizeof *pg->spk_rank);
  if (!pg->spk_names || !pg->spk_rank)
    return RECAP_ERR_NOMEM;
  pg->spk_slots = slots;
  for (size_t r = 0; r < doc->speaker_count; r++) {
    const char *name = doc->speakers[r].name;
    size_t i = ptr_slot(pg, name);
    while (pg->spk_names[i] && pg->spk_names[i] != name)
      i = (i + 1) & (slots - 1);
    if (!pg->spk_names[i]) {
      pg->spk_names[i] = name;
      pg->spk_rank[i] = (uint32_t)r;
    }
  }
  return RECAP_OK;
}

static void put_speaker(const page *pg, const char *name) {
  if (!name)
    return;
  int c = speaker_colour(pg, name);
  rc_buf_puts(pg->out, "<bdi class=\"who");
  if (c >= 0)
    rc_buf_printf(pg->out, " c%d", c);
  rc_buf_puts(pg->out, "\">");
  put_cstr(pg->out, name);
  rc_buf_puts(pg->out, "</bdi>");
}

/* A time as a link: to the recording at that time (YouTube), or to the
   sentence in the transcript, which the script turns into a seek of the
   embedded player. */
static void put_time_link(const page *pg, double t, size_t sentence) {
  rc_buf *out = pg->out;
  if (t < 0)
    return;
  rc_buf_puts(out, "<a class=\"ts\" href=\"");
  if (pg->media.kind == MEDIA_YOUTUBE) {
    put_youtube_at(out, &pg->media, t);
    rc_buf_puts(out, "\" rel=\"noopener noreferrer\" target=\"_blank\"");
  } else {
    if (sentence < pg->doc->sents.len)
      rc_buf_printf(out, "#s%zu\"", sentence);
    else /* never a link to nowhere */
      rc_buf_puts(out, "#transcript\"");
    rc_buf_puts(out, " data-t=\"");
    rc_buf_json_fixed(out, t, 2);
    rc_buf_putc(out, '"');
  }
  rc_buf_putc(out, '>');
  put_clock(out, t);
  rc_buf_puts(out, "</a>");
}

/* One sentence of a list: time, speaker, and its text linking to the
   sentence in the transcript. */
static void sentence_item(const page *pg, const recap_sentence *s) {
  rc_buf *out = pg->out;
  rc_buf_puts(out, "<li>");
  put_time_link(pg, s->start, s->index);
  put_speaker(pg, s->speaker);
  rc_buf_printf(out, "<a class=\"say\" dir=\"auto\" href=\"#s%zu\">", s->index);
  put_text(out, s->text, s->text_length);
  rc_buf_puts(out, "</a></li>\n");
}

static void section_start(rc_buf *out, const char *id, const char *title) {
  rc_buf_printf(out,
                "<section id=\"%s\" aria-labelledby=\"h-%s\">\n"
                "<h2 id=\"h-%s\">%s</h2>\n",
                id, id, id, title);
}

/* ---- header -------------------------------------------------------------- */

static const char *const rtl_languages[] = {"ar", "yi"};

static void head(page *pg, const char *title) {
  rc_buf *out = pg->out;
  rc_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" "
                   "content=\"default-src 'none'; style-src '" STYLE_HASH
                   "'; script-src '" SCRIPT_HASH "'");
  if (pg->media.kind == MEDIA_AUDIO || pg->media.kind == MEDIA_VIDEO) {
    rc_buf_puts(out, "; media-src ");
    if (pg->media.host) {
      put_url(out, pg->media.url, pg->media.scheme_len);
      rc_buf_puts(out, "://");
      put_url(out, pg->media.host, pg->media.host_len);
    } else {
      rc_buf_puts(out, "'self'");
    }
  }
  rc_buf_puts(out,
              "; base-uri 'none'; form-action 'none'\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, "
              "initial-scale=1\">\n"
              "<meta name=\"referrer\" content=\"no-referrer\">\n"
              "<meta name=\"generator\" content=\"recap " RECAP_VERSION_STRING
              "\">\n<title>");
  put_cstr(out, title);
  rc_buf_puts(out, "</title>\n<style>");
  for (size_t i = 0; i < sizeof style / sizeof *style; i++)
    rc_buf_puts(out, style[i]);
  rc_buf_puts(out, "</style>\n</head>\n<body>\n");
}

static void language_name(rc_buf *out, const char *name) {
  if (!name || !*name)
    return;
  rc_buf_putc(
      out, (char)(name[0] >= 'a' && name[0] <= 'z' ? name[0] - 32 : name[0]));
  put_cstr(out, name + 1);
}

static void header(page *pg, const char *title) {
  const recap_document *doc = pg->doc;
  rc_buf *out = pg->out;
  rc_buf_puts(out, "<header>\n<h1 dir=\"auto\">");
  put_cstr(out, title);
  rc_buf_puts(out, "</h1>\n<p class=\"meta\">");
  if (doc->lang && strcmp(doc->lang->name, "none") != 0) {
    language_name(out, doc->lang->name);
    rc_buf_puts(out, " · ");
  }
  double duration = recap_document_duration(doc);
  if (duration >= 0) {
    put_clock(out, duration);
    rc_buf_puts(out, " · ");
  }
  put_plural(out, doc->word_count, "word");
  rc_buf_puts(out, " · ");
  put_plural(out, doc->sents.len, "sentence");
  if (doc->speaker_count) {
    rc_buf_puts(out, " · ");
    put_plural(out, doc->speaker_count, "speaker");
  }
  rc_buf_puts(out, "</p>\n");
  const media *m = &pg->media;
  if (m->kind == MEDIA_YOUTUBE) {
    rc_buf_puts(out, "<p class=\"note\">Recording: <a href=\"");
    put_url(out, m->url, strlen(m->url));
    rc_buf_puts(out, "\" rel=\"noopener noreferrer\" target=\"_blank\">"
                     "on YouTube</a>; every time links to that moment.</p>\n");
  } else if (m->kind != MEDIA_NONE) {
    const char *tag = m->kind == MEDIA_AUDIO ? "audio" : "video";
    rc_buf_printf(out,
                  "<div class=\"player\"><%s id=\"media\" controls "
                  "preload=\"metadata\"%s src=\"",
                  tag, m->kind == MEDIA_VIDEO ? " playsinline" : "");
    put_url(out, m->url, strlen(m->url));
    rc_buf_printf(out,
                  "\">Your browser cannot play this recording: <a href=\"");
    put_url(out, m->url, strlen(m->url));
    rc_buf_printf(out, "\">open it</a>.</%s></div>\n", tag);
  }
  rc_buf_puts(out, "<nav aria-label=\"Sections\">");
  if (doc->speaker_count)
    rc_buf_puts(out, "<a href=\"#speakers\">Speakers</a>");
  if (doc->chapter_count)
    rc_buf_puts(out, "<a href=\"#chapters\">Chapters</a>");
  if (doc->summary_count)
    rc_buf_puts(out, "<a href=\"#summary\">Summary</a>");
  if (doc->keyphrase_count)
    rc_buf_puts(out, "<a href=\"#keyphrases\">Key phrases</a>");
  if (doc->sents.len)
    rc_buf_puts(out, "<a href=\"#transcript\">Transcript</a>");
  rc_buf_puts(out, "</nav>\n</header>\n<main>\n");
}

/* ---- speakers ------------------------------------------------------------ */

static void speakers(page *pg) {
  const recap_document *doc = pg->doc;
  rc_buf *out = pg->out;
  if (!doc->speaker_count)
    return;
  /* Shares of talk time, or of words without times. */
  double total = 0;
  int timed = 1;
  for (size_t i = 0; i < doc->speaker_count; i++)
    if (doc->speakers[i].talk_time < 0)
      timed = 0;
  for (size_t i = 0; i < doc->speaker_count; i++)
    total +=
        timed ? doc->speakers[i].talk_time : (double)doc->speakers[i].words;
  section_start(out, "speakers", "Speakers");
  rc_buf_printf(out, "<p class=\"note\">Share of %s.</p>\n",
                timed ? "talk time" : "words spoken");
  rc_buf_puts(out, "<ul class=\"spk\">\n");
  for (size_t i = 0; i < doc->speaker_count; i++) {
    const recap_speaker *s = &doc->speakers[i];
    double v = timed ? s->talk_time : (double)s->words;
    double share = total > 0 ? 100.0 * v / total : 0;
    rc_buf_puts(out, "<li>");
    put_speaker(pg, s->name);
    /* Sizes in percent of the bar: SVG attributes, not style. */
    rc_buf_puts(out, "<svg class=\"bar\" aria-hidden=\"true\">"
                     "<rect class=\"track\" width=\"100%\" height=\"100%\"/>");
    rc_buf_printf(out, "<rect class=\"c%zu\" width=\"", i % 8);
    rc_buf_json_fixed(out, share, 2);
    rc_buf_puts(out, "%\" height=\"100%\"/></svg><span class=\"fig\">");
    rc_buf_put_uint(out, (unsigned long long)(share + 0.5));
    rc_buf_puts(out, "%");
    if (s->talk_time >= 0) {
      rc_buf_puts(out, " · ");
      put_clock(out, s->talk_time);
    }
    rc_buf_puts(out, " · ");
    put_plural(out, s->turns, "turn");
    rc_buf_puts(out, " · ");
    put_plural(out, s->words, "word");
    rc_buf_puts(out, "</span></li>\n");
  }
  rc_buf_puts(out, "</ul>\n</section>\n");
}

/* ---- chapters ------------------------------------------------------------ */

static void chapter_range(const page *pg, const recap_chapter *c) {
  rc_buf *out = pg->out;
  if (c->start >= 0) {
    put_clock(out, c->start);
    rc_buf_puts(out, " – ");
    put_clock(out, c->end);
    rc_buf_puts(out, " · ");
  }
  put_plural(out, c->sentence_count, "sentence");
}

static void chapters(page *pg) {
  const recap_document *doc = pg->doc;
  rc_buf *out = pg->out;
  size_t n = doc->chapter_count;
  if (!n)
    return;
  section_start(out, "chapters", "Chapters");
  /* The timeline: each chapter's share of the time (or of the sentences
     without times), 1000 units wide. */
  int timed = doc->chapters[0].start >= 0 && doc->chapters[n - 1].end >= 0;
  double t0 = timed ? doc->chapters[0].start : 0;
  double span = timed ? doc->chapters[n - 1].end - t0 : (double)doc->sents.len;
  if (!(span > 0)) {
    timed = 0;
    span = (double)doc->sents.len;
  }
  rc_buf_printf(out,
                "<svg class=\"timeline\" role=\"img\" aria-label=\"Timeline "
                "of %zu chapter%s\">",
                n, n == 1 ? "" : "s");
  for (size_t i = 0; i < n && span > 0; i++) {
    const recap_chapter *c = &doc->chapters[i];
    double a = timed ? c->start - t0 : (double)c->first_sentence;
    double b =
        timed ? c->end - t0 : (double)(c->first_sentence + c->sentence_count);
    if (i + 1 < n && timed)
      b = doc->chapters[i + 1].start - t0;
    /* In percent of the width, a thin gap between chapters. */
    double x = 100 * a / span, w = 100 * (b - a) / span - (i + 1 < n ? .2 : 0);
    if (x < 0)
      x = 0;
    if (w < .1)
      w = .1;
    rc_buf_printf(out, "<a href=\"#c%zu\"><title>%zu. ", i + 1, i + 1);
    put_cstr(out, c->title);
    rc_buf_printf(out, "</title><rect class=\"k%zu\" x=\"", i % 2);
    rc_buf_json_fixed(out, x, 2);
    rc_buf_puts(out, "%\" width=\"");
    rc_buf_json_fixed(out, w, 2);
    rc_buf_puts(out, "%\" height=\"100%\"/>");
    if (w >= 3) { /* room for the number */
      rc_buf_puts(out, "<text x=\"");
      rc_buf_json_fixed(out, x + .6, 2);
      rc_buf_printf(out, "%%\" y=\"70%%\">%zu</text>", i + 1);
    }
    rc_buf_puts(out, "</a>");
  }
  rc_buf_puts(out, "</svg>\n<ol class=\"chapters\">\n");
  for (size_t i = 0; i < n; i++) {
    const recap_chapter *c = &doc->chapters[i];
    rc_buf_printf(out,
                  "<li id=\"c%zu\" class=\"k%zu\"><h3 dir=\"auto\">"
                  "<a href=\"#t%zu\">%zu. ",
                  i + 1, i % 2, i + 1, i + 1);
    put_cstr(out, c->title);
    rc_buf_puts(out, "</a></h3>\n<p class=\"range\">");
    if (c->start >= 0) {
      put_time_link(pg, c->start, c->first_sentence);
      rc_buf_puts(out, "– ");
      put_clock(out, c->end);
      rc_buf_puts(out, " · ");
    }
    put_plural(out, c->sentence_count, "sentence");
    rc_buf_puts(out, "</p>\n");
    if (c->highlight_count) {
      rc_buf_printf(out, "<ul class=\"lines\"%s>\n", pg->lang_attrs);
      for (size_t k = 0; k < c->highlight_count; k++)
        sentence_item(pg, c->highlights[k]);
      rc_buf_puts(out, "</ul>\n");
    }
    rc_buf_puts(out, "</li>\n");
  }
  rc_buf_puts(out, "</ol>\n</section>\n");
}

/* ---- summary ------------------------------------------------------------- */

static void summary(page *pg) {
  const recap_document *doc = pg->doc;
  rc_buf *out = pg->out;
  if (!doc->summary_count)
    return;
  section_start(out, "summary", "Summary");
  rc_buf_printf(out, "<ol class=\"lines\"%s>\n", pg->lang_attrs);
  for (size_t i = 0; i < doc->summary_count; i++)
    sentence_item(pg, &doc->summary[i]);
  rc_buf_puts(out, "</ol>\n</section>\n");
  /* Decisions and action items get their section here, after the
     summary, when the library finds them. */
}

/* ---- key phrase mentions ------------------------------------------------- */

/* Up to this many words of a phrase are matched (phrases have at most
   RC_MAX_PHRASE_WORDS words; a run of characters without spaces has one
   token per character). */
#define MAX_KEYS 16
#define NO_KEY UINT64_MAX

/* What a token must equal to match a phrase's word: its stem, or for a
   character of a script without spaces the character itself. */
static recap_status token_key(const recap_document *doc, rc_norm *norm,
                              const rc_tok *tok, uint64_t *key) {
  const char *t = doc->src.text;
  if (tok->kind == RC_TOK_CJK) {
    size_t k = rc_utf8_seqlen((const unsigned char *)t + tok->off, tok->len);
    *key = ((uint64_t)1 << 32) |
           (k ? rc_utf8_decode((const unsigned char *)t + tok->off, k) : 0);
    return RECAP_OK;
  }
  uint32_t term;
  RC_TRY(rc_term_find(doc, norm, t, tok, &term));
  *key = term == RC_NO_ID ? NO_KEY : doc->term_info.data[term].stem;
  return RECAP_OK;
}

typedef struct matcher {
  uint64_t (*keys)[MAX_KEYS]; /* per phrase */
  uint32_t *len;              /* keys per phrase, 0 if unknown */
  uint32_t *chain;            /* next phrase with the same first key */
  uint32_t *heads;            /* hash of first keys -> phrase + 1, or 0 */
  size_t slots;
} matcher;

static size_t key_slot(const matcher *mt, uint64_t key) {
  return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & (mt->slots - 1);
}

/* Each phrase's keys, from the tokens of its first mention. */
static recap_status phrase_keys(const recap_document *doc, rc_norm *norm,
                                matcher *mt) {
  for (size_t k = 0; k < doc->keyphrase_count; k++) {
    const recap_keyphrase *kp = &doc->keyphrases[k];
    mt->len[k] = 0;
    if (kp->sentence >= doc->sents.len)
      continue;
    const rc_sent *s = &doc->sents.data[kp->sentence];
    rc_tokenizer tz;
    rc_tok tok;
    size_t end = kp->offset + kp->length, n = 0;
    int started = 0;
    rc_tokenizer_init(&tz, doc->src.text, rc_sent_off(s),
                      rc_sent_off(s) + s->len, doc->lang);
    while (rc_tokenizer_next(&tz, &tok)) {
      if (!started) {
        size_t at = rc_doc_input_offset(doc, tok.off);
        if (at < kp->offset)
          continue;
        if (at > kp->offset)
          break;
        started = 1;
      }
      if (n == MAX_KEYS) {
        n = 0;
        break;
      }
      RC_TRY(token_key(doc, norm, &tok, &mt->keys[k][n]));
      if (mt->keys[k][n] == NO_KEY) {
        n = 0;
        break;
      }
      n++;
      if (rc_doc_input_end(doc, tok.off + tok.len) >= end)
        break;
    }
    mt->len[k] = (uint32_t)n;
  }
  return RECAP_OK;
}

/* A match of phrase k at tokens [i, i + len) of a sentence's keys. */
static int matches(const matcher *mt, size_t k, const uint64_t *keys,
                   const rc_tok *toks, size_t i, size_t n) {
  size_t len = mt->len[k];
  if (i + len > n)
    return 0;
  for (size_t j = 0; j < len; j++)
    if (keys[i + j] != mt->keys[k][j] ||
        (j > 0 && (toks[i + j].flags & RC_TOK_GAP)))
      return 0;
  return 1;
}

/* Finds every mention of every key phrase, in text order; where two start
   together the longer comes first, so they nest. */
static recap_status find_mentions(page *pg) {
  const recap_document *doc = pg->doc;
  const recap_allocator *a = doc->alloc;
  size_t nk = doc->keyphrase_count;
  if (!nk)
    return RECAP_OK;
  matcher mt;
  memset(&mt, 0, sizeof mt);
  mt.slots = 16;
  while (mt.slots < 2 * nk)
    mt.slots *= 2;
  mt.keys = rc_calloc(a, nk, sizeof *mt.keys);
  mt.len = rc_calloc(a, nk, sizeof *mt.len);
  mt.chain = rc_calloc(a, nk, sizeof *mt.chain);
  mt.heads = rc_calloc(a, mt.slots, sizeof *mt.heads);
  pg->first_mention = rc_calloc(a, nk, sizeof *pg->first_mention);
  pg->mention_count = rc_calloc(a, nk, sizeof *pg->mention_count);
  RC_VEC(rc_tok) toks = {NULL, 0, 0};
  RC_VEC(uint64_t) keys = {NULL, 0, 0};
  rc_norm norm;
  rc_norm_init(&norm, a);
  recap_status st = mt.keys && mt.len && mt.chain && mt.heads &&
                            pg->first_mention && pg->mention_count
                        ? RECAP_OK
                        : RECAP_ERR_NOMEM;
  if (st == RECAP_OK)
    st = phrase_keys(doc, &norm, &mt);
  /* Longer phrases first in each chain, so that nesting comes out. */
  for (size_t r = 0; st == RECAP_OK && r < nk; r++)
    pg->first_mention[r] = SIZE_MAX;
  for (size_t len = MAX_KEYS; st == RECAP_OK && len >= 1; len--)
    for (size_t r = nk; r-- > 0;) {
      if (mt.len[r] != len)
        continue;
      size_t slot = key_slot(&mt, mt.keys[r][0]);
      /* append at the end of the slot's chain (longest first) */
      uint32_t *link = &mt.heads[slot];
      while (*link)
        link = &mt.chain[*link - 1];
      *link = (uint32_t)r + 1;
    }
  for (size_t si = 0; st == RECAP_OK && si < doc->sents.len; si++) {
    const rc_sent *s = &doc->sents.data[si];
    rc_tokenizer tz;
    rc_tok tok;
    toks.len = keys.len = 0;
    rc_tokenizer_init(&tz, doc->src.text, rc_sent_off(s),
                      rc_sent_off(s) + s->len, doc->lang);
    while (st == RECAP_OK && rc_tokenizer_next(&tz, &tok)) {
      uint64_t key = NO_KEY;
      st = token_key(doc, &norm, &tok, &key);
      if (st == RECAP_OK)
        RC_PUSH(st, a, toks, tok);
      if (st == RECAP_OK)
        RC_PUSH(st, a, keys, key);
    }
    /* Open mentions' ends, innermost last: a new mention must fit in the
       innermost. */
    size_t open_end[MAX_KEYS + 1], depth = 0;
    for (size_t i = 0; st == RECAP_OK && i < toks.len; i++) {
      if (keys.data[i] == NO_KEY)
        continue;
      while (depth && open_end[depth - 1] <= i)
        depth--;
      /* Chains are shared by first keys that hash alike: the match test
         compares every key. */
      for (uint32_t p = mt.heads[key_slot(&mt, keys.data[i])]; p;
           p = mt.chain[p - 1]) {
        size_t k = p - 1, len = mt.len[k];
        if (!matches(&mt, k, keys.data, toks.data, i, toks.len))
          continue;
        if ((depth && i + len > open_end[depth - 1]) || depth == MAX_KEYS)
          continue; /* would cross the open mention */
        mention m;
        m.b = toks.data[i].off;
        m.e = toks.data[i + len - 1].off + toks.data[i + len - 1].len;
        m.phrase = (uint32_t)k;
        m.nth = pg->mention_count[k]++;
        m.sentence = (uint32_t)si;
        if (pg->first_mention[k] == SIZE_MAX)
          pg->first_mention[k] = pg->mentions.len;
        RC_PUSH(st, a, pg->mentions, m);
        open_end[depth++] = i + len;
      }
    }
  }
  rc_norm_free(&norm);
  RC_VEC_FREE(a, toks);
  RC_VEC_FREE(a, keys);
  rc_free(a, mt.keys);
  rc_free(a, mt.len);
  rc_free(a, mt.chain);
  rc_free(a, mt.heads);
  return st;
}

/* ---- key phrases --------------------------------------------------------- */

/* Mentions listed by time (or number) under each phrase; the script's
   "next mention" reaches the others. */
#define LISTED_MENTIONS 12

static void keyphrases(page *pg) {
  const recap_document *doc = pg->doc;
  rc_buf *out = pg->out;
  if (!doc->keyphrase_count)
    return;
  section_start(out, "keyphrases", "Key phrases");
  rc_buf_puts(out, "<p class=\"note\">Each phrase marks its mentions in the "
                   "transcript; select it again for the next one.</p>\n");
  rc_buf_printf(out, "<ol class=\"kp\"%s>\n", pg->lang_attrs);
  for (size_t k = 0; k < doc->keyphrase_count; k++) {
    const recap_keyphrase *kp = &doc->keyphrases[k];
    size_t first = pg->first_mention[k];
    size_t count = pg->mention_count[k];
    rc_buf_puts(out, "<li><a class=\"k\" dir=\"auto\" href=\"");
    if (first != SIZE_MAX)
      rc_buf_printf(out, "#m%zu-0\" data-k=\"%zu\">", k, k);
    else if (kp->sentence < doc->sents.len)
      rc_buf_printf(out, "#s%zu\">", kp->sentence);
    else
      rc_buf_puts(out, "#transcript\">");
    put_text(out, kp->phrase, kp->phrase_length);
    rc_buf_puts(out, "</a> <span class=\"count\">");
    put_plural(out, count ? count : kp->count, "mention");
    rc_buf_puts(out, "</span>");
    if (count) {
      rc_buf_puts(out, "<span class=\"at\">");
      size_t listed = 0;
      for (size_t i = first; i < pg->mentions.len && listed < LISTED_MENTIONS;
           i++) {
        const mention *m = &pg->mentions.data[i];
        if (m->phrase != k)
          continue;
        rc_buf_printf(out, "<a href=\"#m%zu-%u\">", k, m->nth);
        double t = rc_doc_time_at(doc, m->b);
        if (t >= 0)
          put_clock(out, t);
        else
          rc_buf_printf(out, "#%u", m->nth + 1);
        rc_buf_puts(out, "</a>");
        listed++;
      }
      if (count > listed)
        rc_buf_printf(out, " <span class=\"count\">+%zu</span>",
                      count - listed);
      rc_buf_puts(out, "</span>");
    }
    rc_buf_puts(out, "</li>\n");
  }
  rc_buf_puts(out, "</ol>\n</section>\n");
}

/* ---- transcript ---------------------------------------------------------- */

/* A new paragraph at a new speaker, a paragraph break of the input, and
   otherwise every few sentences, so unlabelled captions do not run on in
   one block. */
#define PARAGRAPH_SENTENCES 6

typedef struct flow {
  size_t next_mention;
  size_t open_end[MAX_KEYS + 1];
  size_t depth;
} flow;

/* The text of sentence si, its mentions marked. */
static void sentence_text(page *pg, flow *f, size_t si, int *space) {
  const recap_document *doc = pg->doc;
  rc_buf *out = pg->out;
  const rc_sent *s = &doc->sents.data[si];
  const char *t = doc->src.text;
  size_t pos = rc_sent_off(s), end = rc_sent_off(s) + s->len;
  while (f->next_mention < pg->mentions.len &&
         pg->mentions.data[f->next_mention].sentence < si)
    f->next_mention++;
  for (;;) {
    const mention *m = f->next_mention < pg->mentions.len &&
                               pg->mentions.data[f->next_mention].sentence == si
                           ? &pg->mentions.data[f->next_mention]
                           : NULL;
    size_t close = f->depth ? f->open_end[f->depth - 1] : SIZE_MAX;
    size_t open = m ? m->b : SIZE_MAX;
    size_t stop = close < open ? close : open;
    if (stop == SIZE_MAX) {
      put_flowing(out, t + pos, end - pos, space);
      return;
    }
    put_flowing(out, t + pos, stop - pos, space);
    pos = stop;
    if (close <= open) {
      rc_buf_puts(out, "</mark>");
      f->depth--;
    } else {
      if (*space)
        rc_buf_putc(out, ' ');
      *space = 0;
      rc_buf_printf(out, "<mark id=\"m%u-%u\" data-k=\"%u\">", m->phrase,
                    m->nth, m->phrase);
      f->open_end[f->depth++] = m->e;
      f->next_mention++;
    }
  }
}

static void transcript_part(page *pg, flow *f, size_t first, size_t count) {
  const recap_document *doc = pg->doc;
  rc_buf *out = pg->out;
  const char *speaker = NULL;
  size_t in_paragraph = 0;
  int paragraph = 0;
  double shown = -1e300; /* time last shown */
  rc_buf_printf(out, "<div class=\"tx\"%s>\n", pg->lang_attrs);
  for (size_t si = first; si < first + count && si < doc->sents.len; si++) {
    recap_sentence s;
    rc_doc_sentence_fill(doc, si, &s);
    const rc_sent *rs = &doc->sents.data[si];
    int new_turn = si == first || s.speaker != speaker;
    int br = si > first &&
             rs->cue_first != rc_sent_cue_last(&doc->sents.data[si - 1]) &&
             (doc->src.cues.data[rs->cue_first].flags & RC_CUE_BREAK);
    if (new_turn || br || in_paragraph == PARAGRAPH_SENTENCES) {
      if (paragraph)
        rc_buf_puts(out, "</p>\n");
      rc_buf_puts(out, "<p dir=\"auto\">");
      paragraph = 1;
      put_time_link(pg, s.start, si);
      shown = s.start;
      if (new_turn)
        put_speaker(pg, s.speaker);
      speaker = s.speaker;
      in_paragraph = 0;
    } else {
      rc_buf_putc(out, ' ');
      /* a time again every half minute in a long paragraph */
      if (s.start >= 0 && s.start - shown >= 30) {
        put_time_link(pg, s.start, si);
        shown = s.start;
      }
    }
    rc_buf_printf(out, "<span id=\"s%zu\"", si);
    if (s.start >= 0) {
      rc_buf_puts(out, " data-t=\"");
      rc_buf_json_fixed(out, s.start, 2);
      rc_buf_putc(out, '"');
    }
    rc_buf_putc(out, '>');
    int space = 0;
    sentence_text(pg, f, si, &space);
    rc_buf_puts(out, "</span>");
    in_paragraph++;
  }
  if (paragraph)
    rc_buf_puts(out, "</p>\n");
  rc_buf_puts(out, "</div>\n");
}

static void transcript(page *pg) {
  const recap_document *doc = pg->doc;
  rc_buf *out = pg->out;
  section_start(out, "transcript", "Transcript");
  if (!doc->sents.len) {
    rc_buf_puts(out, "<p class=\"note\">No sentences were found in the "
                     "input.</p>\n</section>\n");
    return;
  }
  flow f;
  memset(&f, 0, sizeof f);
  if (!doc->chapter_count) {
    transcript_part(pg, &f, 0, doc->sents.len);
    rc_buf_puts(out, "</section>\n");
    return;
  }
  rc_buf_puts(out, "<p class=\"note\">One part per chapter: open a part to "
                   "read it.</p>\n");
  /* Every sentence once, in order, whatever the chapters cover: one that
     no chapter holds goes into a part of its own, so that no link to a
     sentence dangles. */
  size_t n = doc->sents.len, done = 0;
  for (size_t i = 0; i <= doc->chapter_count; i++) {
    const recap_chapter *c = i < doc->chapter_count ? &doc->chapters[i] : NULL;
    size_t b = c ? c->first_sentence : n;
    size_t e = c && c->sentence_count <= n - b ? b + c->sentence_count : n;
    if (b > n)
      b = n;
    if (b > done) { /* sentences before this chapter that no chapter has */
      rc_buf_printf(out,
                    "<details><summary><span class=\"h\" "
                    "role=\"heading\" aria-level=\"3\">Sentences "
                    "%zu–%zu</span></summary>\n",
                    done + 1, b);
      transcript_part(pg, &f, done, b - done);
      rc_buf_puts(out, "</details>\n");
      done = b;
    }
    if (!c)
      break;
    /* A heading role rather than an h3: summary takes phrasing content
       (older validators refuse headings in it). */
    rc_buf_printf(out,
                  "<details id=\"t%zu\"%s><summary><span class=\"h\" "
                  "role=\"heading\" aria-level=\"3\" dir=\"auto\">%zu. ",
                  i + 1, doc->chapter_count == 1 ? " open" : "", i + 1);
    put_cstr(out, c->title);
    rc_buf_puts(out, "</span><span class=\"range\">");
    chapter_range(pg, c);
    rc_buf_puts(out, "</span></summary>\n");
    if (e > done) {
      transcript_part(pg, &f, done, e - done);
      done = e;
    }
    rc_buf_puts(out, "</details>\n");
  }
  rc_buf_puts(out, "</section>\n");
}

/* ---- the page ------------------------------------------------------------ */

void rc_render_html(const recap_document *doc, const recap_render_options *ro,
                    rc_buf *out) {
  page pg;
  memset(&pg, 0, sizeof pg);
  pg.doc = doc;
  pg.out = out;
  if (ro && ro->media && !media_parse(ro->media, &pg.media)) {
    out->failed = 1; /* recap_render_with() checked it first */
    return;
  }
  const char *title = ro && ro->title ? ro->title : "Transcript";
  /* The content's language; the page's own words are English. */
  char lang_attrs[48];
  const char *code = doc->lang ? doc->lang->code : "";
  int rtl = 0;
  for (size_t i = 0; i < sizeof rtl_languages / sizeof *rtl_languages; i++)
    rtl |= strcmp(code, rtl_languages[i]) == 0;
  if (strlen(code) > 8)
    code = "";
  snprintf(lang_attrs, sizeof lang_attrs, " lang=\"%s\"%s", code,
           rtl ? " dir=\"rtl\"" : "");
  pg.lang_attrs = lang_attrs;
  recap_status st = index_speakers(&pg);
  if (st == RECAP_OK)
    st = find_mentions(&pg);
  if (st != RECAP_OK) {
    out->failed = 1;
  } else {
    head(&pg, title);
    header(&pg, title);
    speakers(&pg);
    chapters(&pg);
    summary(&pg);
    keyphrases(&pg);
    transcript(&pg);
    rc_buf_puts(out, "</main>\n<footer>Made by recap " RECAP_VERSION_STRING
                     " from the transcript alone, offline.</footer>\n"
                     "<script>");
    for (size_t i = 0; i < sizeof script / sizeof *script; i++)
      rc_buf_puts(out, script[i]);
    rc_buf_puts(out, "</script>\n</body>\n</html>\n");
  }
  const recap_allocator *a = doc->alloc;
  rc_free(a, pg.spk_names);
  rc_free(a, pg.spk_rank);
  rc_free(a, pg.first_mention);
  rc_free(a, pg.mention_count);
  RC_VEC_FREE(a, pg.mentions);
}
