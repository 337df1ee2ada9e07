#!/usr/bin/env python3
"""Browser tests of `recap -f html`: the pages of the example webinar, of
caption files and of untimed texts, and a page of hostile input, opened in
headless Chromium as a person would open them.

For each page:
  - the DOM after the page's script ran (--dump-dom): every section there,
    as many summary lines, chapters, speakers, key phrases and transcript
    sentences as `recap -f json` gives; the page's script ran (its
    Content-Security-Policy allowed it) and nothing else did: one script
    element, no event-handler attribute, no javascript: link, no element
    the input smuggled in, the input's markup shown as text;
  - a screenshot (900 px, and 360 px for a phone) that is not blank, with
    the speakers' bar colours where there are speakers (the style applied);
  - Chromium's console: no Content-Security-Policy violation (the page's
    style and script are allowed, and a recording beside the page too);
  - tests/browser_probe.html in a 360 px frame: nothing overflows
    sideways; a key phrase marks its mentions and shows them, a chapter
    title opens its part, a timestamp seeks the recording or shows the
    sentence; a (silent) recording beside the page loads; #t=SECONDS
    opens the page at that moment;
  - `tidy -q -e`: no errors (warnings only for SVG 2's href on <a> and
    for playsinline, both newer than tidy 5.6);
  - the webinar page prints to PDF.

    tests/browser.py [RECAP]          (default build/recap)

Chromium from Debian (`apt-get install chromium tidy`); without it the
tests are skipped with a message, or fail if BROWSER_REQUIRED=1.
BROWSER_PAGES=hostile,webinar runs only those pages.  Reads
../shared/captions when it is there (skipped otherwise).
"""
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RECAP = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                        os.path.join(ROOT, "build", "recap"))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "captions")
HOSTILE_TITLE = "</title><script>document.documentElement.setAttribute(" \
                "'data-pwned','title')</script>\"'"

# name, input, extra options, what the page must have
PAGES = [
    ("webinar", "examples/webinar.vtt", ["--media", "webinar.mp4"],
     {"speakers", "chapters", "summary", "keyphrases", "transcript", "media",
      "timed", "print"}),
    ("webinar-youtube", "examples/webinar.txt",
     ["--media", "https://www.youtube.com/watch?v=EXAMPLE"],
     {"speakers", "chapters", "summary", "keyphrases", "transcript", "youtube",
      "timed"}),
    ("captions", "tests/fixtures/html/lecture.srt", ["--media", "lecture.wav"],
     {"chapters", "summary", "keyphrases", "transcript", "timed", "media",
      "recording"}),
    ("captions-speakers", "tests/fixtures/readers/zoom.vtt", [],
     {"speakers", "transcript", "timed"}),
    ("untimed", "tests/fixtures/readers/prose.txt", [],
     {"summary", "keyphrases", "transcript"}),
    ("arabic-rtl", "tests/lang/arabic.txt", [],
     {"summary", "keyphrases", "transcript", "rtl"}),
    ("hostile", "tests/fixtures/html/hostile.json", ["--title", HOSTILE_TITLE],
     {"speakers", "summary", "keyphrases", "transcript", "timed", "hostile"}),
]
SHARED_PAGE = ("captions-chinese", os.path.join(
    SHARED, "hf-course_62_rouge-metric.zh-CN.srt"), [],
               {"summary", "keyphrases", "transcript", "timed", "cjk"})

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-quic", "--no-first-run",
                  "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]
RECORDING_SECONDS = 160


def silent_wav(path, seconds):
    """A WAV file of silence: 8 kHz, 8 bits, mono."""
    n = 8000 * seconds
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", 36 + n) + b"WAVEfmt " +
                struct.pack("<IHHIIHH", 16, 1, 1, 8000, 8000, 1, 8) +
                b"data" + struct.pack("<I", n) + b"\x80" * n)


# The speakers' first bar colour (--c0 in render_html.c's style).
BAR_RGB = (0x09, 0x69, 0xda)

passed = failed = 0


def ok(name, what):
    global passed
    passed += 1
    print("ok   %s: %s" % (name, what))


def fail(name, what):
    global failed
    failed += 1
    print("FAIL %s: %s" % (name, what))


def check(name, cond, what):
    (ok if cond else fail)(name, what)
    return cond


class Chromium:
    def __init__(self, exe, tmp):
        self.exe, self.tmp, self.n = exe, tmp, 0

    def run(self, args, timeout=90):
        self.n += 1
        profile = os.path.join(self.tmp, "profile-%d" % self.n)  # new, empty
        os.mkdir(profile)
        r = subprocess.run([self.exe] + CHROMIUM_FLAGS +
                           ["--user-data-dir=" + profile] + args,
                           capture_output=True, timeout=timeout)
        shutil.rmtree(profile, ignore_errors=True)
        return r

    def dom(self, url, extra=()):
        """The DOM after the page's script ran, and the console's log."""
        r = self.run(["--dump-dom", "--enable-logging=stderr", "--v=0"] +
                     list(extra) + [url])
        return (r.stdout.decode("utf-8", "replace"),
                r.stderr.decode("utf-8", "replace"))


# ---- the DOM ------------------------------------------------------------------


class Dom(html.parser.HTMLParser):
    """Elements with their attributes, the ids, and the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs dict, path of ancestor ids/sections)
        self.stack = []
        self.text = []
        self.section = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            self.section = a.get("id")
        self.elements.append((tag, a, self.section))

    def handle_endtag(self, tag):
        if tag == "section":
            self.section = None

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag=None, section=None, **want):
        out = []
        for t, a, s in self.elements:
            if tag and t != tag:
                continue
            if section and s != section:
                continue
            if all(re.fullmatch(v, a.get(k.rstrip("_").replace("_", "-")) or "")
                   for k, v in want.items()):
                out.append(a)
        return out


def dom_checks(name, dom_text, log, expect, counts):
    d = Dom()
    d.feed(dom_text)
    blocked = [l for l in log.splitlines() if "Content Security Policy" in l]
    check(name, not blocked, "no Content-Security-Policy violation%s" %
          ("" if not blocked else ": " + blocked[0][-160:]))
    root = d.all("html")
    check(name, root and root[0].get("data-js") == "on",
          "the page's script ran (allowed by its policy)")
    check(name, not any("data-pwned" in a for _, a, _ in d.elements),
          "no script of the input ran")
    check(name, len(d.all("script")) == 1, "one script element, the page's")
    handlers = [(t, k) for t, a, _ in d.elements for k in a if k.startswith("on")]
    check(name, not handlers, "no event-handler attributes %s" % handlers[:3])
    bad_links = [a.get("href") for _, a, _ in d.elements
                 if (a.get("href") or "").strip().lower().startswith(
                     ("javascript:", "data:", "vbscript:"))]
    check(name, not bad_links, "no javascript: or data: links")
    smuggled = [t for t, _, _ in d.elements
                if t in ("img", "iframe", "object", "embed", "form", "input",
                         "textarea", "b", "base", "link")]
    check(name, not smuggled, "no element the input smuggled in %s" % smuggled[:3])
    sections = {a.get("id") for a in d.all("section")}
    for s in ("speakers", "chapters", "summary", "keyphrases", "transcript"):
        if s in expect:
            check(name, s in sections, "section #%s" % s)
    check(name, len(d.all("h1")) == 1 and len(d.all("h2")) == len(sections),
          "one h1, an h2 per section")
    sents = d.all("span", "transcript", id=r"s\d+")
    check(name, len(sents) == counts["sentences"],
          "%d transcript sentences (json: %d)" % (len(sents), counts["sentences"]))
    if "summary" in expect:
        n = len(d.all("li", "summary"))
        check(name, n == counts["summary"] and n > 0,
              "%d summary lines (json: %d)" % (n, counts["summary"]))
    if "chapters" in expect:
        n = len(d.all("li", "chapters", id=r"c\d+"))
        parts = len(d.all("details", "transcript"))
        check(name, n == counts["chapters"] == parts and n > 0,
              "%d chapters, %d transcript parts (json: %d)" %
              (n, parts, counts["chapters"]))
    if "speakers" in expect:
        n = len(d.all("li", "speakers"))
        check(name, n == counts["speakers"] and n > 0,
              "%d speakers (json: %d)" % (n, counts["speakers"]))
    if "keyphrases" in expect:
        n = len(d.all("a", "keyphrases", class_="k"))
        check(name, n == counts["keyphrases"] and n > 0,
              "%d key phrases (json: %d)" % (n, counts["keyphrases"]))
        marks = d.all("mark", "transcript")
        check(name, len(marks) >= n, "%d mentions marked" % len(marks))
    timed = d.all(None, "transcript", data_t=r"[0-9.]+")
    if "timed" in expect:
        check(name, len(timed) >= counts["sentences"], "timestamps in the transcript")
    else:
        check(name, not timed, "no timestamps without times")
    if "media" in expect:
        m = d.all("video", id="media") + d.all("audio", id="media")
        check(name, len(m) == 1, "an embedded player")
    if "youtube" in expect:
        yt = [a for a in d.all("a", class_="ts")
              if re.match(r"https://www\.youtube\.com/watch\?v=EXAMPLE&t=\d+s$",
                          a.get("href", ""))]
        check(name, yt and len(yt) == len(d.all("a", class_="ts")),
              "every timestamp links to the video at its time (%d)" % len(yt))
    if "rtl" in expect:
        check(name, d.all("div", "transcript", lang="ar", dir="rtl"),
              "Arabic content is lang=ar dir=rtl")
    if "cjk" in expect:
        check(name, d.all("div", "transcript", lang="zh"), "Chinese content is lang=zh")
    if "hostile" in expect:
        text = "".join(d.text)
        check(name, "Hello <script>document.documentElement" in text and
              "Mallory</style><script>" in text and
              "<img src=" in text and 'Eve "The <b>Hacker</b>" O\'Neil' in text,
              "the input's markup is shown as text")
        check(name, "".join(d.text).count("</title><script>") >= 2,
              "the hostile title is shown as text")
    return d


# ---- screenshots ---------------------------------------------------------------


def png_pixels(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB(A) PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else
                                      b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return w, h, [[tuple(r[x * bpp:x * bpp + 3]) for x in range(w)] for r in rows]


def screenshot_checks(name, chrome, url, tmp, width, height, expect):
    out = os.path.join(tmp, "%s-%d.png" % (name, width))
    chrome.run(["--window-size=%d,%d" % (width, height),
                "--screenshot=" + out, url])
    if not check(name, os.path.exists(out), "screenshot at %d px" % width):
        return
    w, h, rows = png_pixels(out)
    colours = {}
    for r in rows[::2]:
        for p in r[::2]:
            colours[p] = colours.get(p, 0) + 1
    background = max(colours, key=colours.get)
    ink = sum(v for k, v in colours.items() if k != background)
    total = sum(colours.values())
    check(name, len(colours) > 20 and ink > total * 0.02,
          "screenshot at %d px is not blank (%d colours, %.1f%% ink)" %
          (width, len(colours), 100.0 * ink / total))
    if "speakers" in expect:
        check(name, any(abs(k[0] - BAR_RGB[0]) + abs(k[1] - BAR_RGB[1]) +
                        abs(k[2] - BAR_RGB[2]) < 12 for k in colours),
              "the style applied (speaker bars in colour) at %d px" % width)


def probe_checks(name, chrome, page_url, expect):
    probe = "file://" + os.path.join(ROOT, "tests", "browser_probe.html")
    for hash_ in [None, "t=300"] if "print" in expect else [None]:
        url = probe + "?page=" + page_url + "&width=360"
        if hash_:
            url += "&hash=" + hash_
        dom, _ = chrome.dom(url, ["--allow-file-access-from-files",
                                  "--virtual-time-budget=4000"])
        m = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
        try:
            r = json.loads(html.unescape(m.group(1)))
        except Exception:  # noqa: BLE001 - report what the probe printed
            fail(name, "probe gave no result: %r" % (m.group(1) if m else dom[:200]))
            continue
        if r.get("error"):
            fail(name, "probe: %s" % r["error"])
            continue
        if hash_:
            check(name, r.get("now") and r.get("nowVisible"),
                  "#%s opens the transcript at that moment (%s)" % (hash_, r.get("now")))
            continue
        check(name, r.get("js") == "on" and not r.get("pwned"),
              "script ran in a 360 px frame, nothing else")
        check(name, r.get("overflow", 1) <= 0,
              "nothing overflows sideways at 360 px (%s px)" % r.get("overflow"))
        if "keyphrases" in expect:
            check(name, r.get("phraseMarks", 0) > 0 and
                  r.get("phraseOn") == r.get("phraseMarks") and
                  r.get("firstMentionVisible") and
                  r.get("secondMentionVisible") in (None, True),
                  "a key phrase marks its %s mentions and shows them" %
                  r.get("phraseMarks"))
        if "chapters" in expect:
            check(name, r.get("chapterOpens") is True,
                  "a chapter's title opens its part of the transcript")
        if "recording" in expect:
            m = r.get("media") or {}
            check(name, m.get("ready", 0) >= 1 and m.get("error") is None and
                  abs((m.get("duration") or 0) - RECORDING_SECONDS) < 1,
                  "the recording beside the page loads (%s)" % m)
        if "timed" in expect and "summary" in expect and "youtube" not in expect:
            check(name, r.get("seek") is True,
                  "a timestamp %s" % ("seeks the recording" if "media" in expect
                                      else "shows the sentence"))


def tidy_checks(name, path):
    tidy = shutil.which("tidy")
    if not tidy:
        print("skip %s: tidy not installed" % name)
        return
    r = subprocess.run([tidy, "-q", "-e", path], capture_output=True)
    lines = [l for l in r.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
    errors = [l for l in lines if "Error:" in l]
    # tidy 5.6 predates SVG 2's href on <a> and HTML's playsinline.
    unknown = [l for l in lines if "Error:" not in l and
               'proprietary attribute "href"' not in l and
               'proprietary attribute "playsinline"' not in l]
    check(name, r.returncode in (0, 1) and not errors,
          "tidy: no errors%s" % ("" if not errors else ": " + errors[0]))
    check(name, not unknown, "tidy: no warnings but href, playsinline%s" %
          ("" if not unknown else ": " + unknown[0]))


def main():
    exe = os.environ.get("CHROMIUM") or shutil.which("chromium") or \
        shutil.which("chromium-browser")
    if not exe:
        msg = "Chromium is not installed (apt-get install chromium tidy)"
        if os.environ.get("BROWSER_REQUIRED"):
            print("FAIL browser: " + msg)
            return 1
        print("skip browser tests: " + msg)
        return 0
    version = subprocess.run([exe, "--version"], capture_output=True, text=True)
    print("browser: %s" % version.stdout.strip())
    pages = list(PAGES)
    if os.path.exists(SHARED_PAGE[1]):
        pages.append(SHARED_PAGE)
    else:
        print("skip captions-chinese: ../shared/captions is not there")
    only = os.environ.get("BROWSER_PAGES")  # a comma-separated subset
    if only:
        pages = [p for p in pages if p[0] in only.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        chrome = Chromium(exe, tmp)
        for name, src, extra, expect in pages:
            path = os.path.join(tmp, name + ".html")
            src_path = os.path.join(ROOT, src)
            with open(path, "wb") as out:
                r = subprocess.run([RECAP, "-f", "html"] + extra + [src_path],
                                   stdout=out, stderr=subprocess.PIPE)
            if not check(name, r.returncode == 0, "recap -f html %s" % src):
                print(r.stderr.decode())
                continue
            j = subprocess.run([RECAP, "-f", "json", "--chapters", "--speakers",
                                src_path], capture_output=True, check=True)
            doc = json.loads(j.stdout)
            counts = {k: (len(doc.get(k) or []) if k != "sentences"
                          else doc["sentences"])
                      for k in ("summary", "chapters", "speakers", "keyphrases",
                                "sentences")}
            url = "file://" + path
            if "recording" in expect:  # a silent recording beside the page
                silent_wav(os.path.join(tmp, extra[1]), RECORDING_SECONDS)
            dom_checks(name, *chrome.dom(url, ["--virtual-time-budget=2000"]),
                       expect, counts)
            screenshot_checks(name, chrome, url, tmp, 900, 1200, expect)
            if name in ("webinar", "hostile", "captions-chinese"):
                screenshot_checks(name, chrome, url, tmp, 360, 800, expect)
            probe_checks(name, chrome, url, expect)
            tidy_checks(name, path)
            if "print" in expect:
                pdf = os.path.join(tmp, name + ".pdf")
                chrome.run(["--no-pdf-header-footer", "--print-to-pdf=" + pdf, url])
                body = open(pdf, "rb").read() if os.path.exists(pdf) else b""
                pages_ = len(re.findall(rb"/Type\s*/Page[^s]", body))
                check(name, body.startswith(b"%PDF") and pages_ >= 2,
                      "prints to PDF (%d pages)" % pages_)
    print("browser: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
