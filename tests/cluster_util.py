#!/usr/bin/env python3
"""Helpers of tests/cluster.sh.

    tests/cluster_util.py records N > records.jsonl
        N JSON Lines records, the same bytes every run: turns of the example
        webinar, whole caption files and transcripts of the repository,
        with ids of every JSON type, per-record options, text and ids
        holding U+2028 (raw), CRLF line ends, and bad records (not JSON, no
        text, an empty line).
    tests/cluster_util.py check records.jsonl results.jsonl
        Every record's id comes back exactly once, in input order, one
        result line per input line (split on "\\n" only).
"""
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return f.read()


def records(n):
    rng = random.Random(2026)
    turns = read("examples/webinar.txt").split("\n")
    turns = [t for t in turns if t.strip()]
    whole = [("vtt", read("examples/webinar.vtt")),
             ("srt", read("tests/fixtures/html/lecture.srt")),
             ("json", read("tests/fixtures/html/hostile.json")),
             ("vtt", read("tests/fixtures/readers/zoom.vtt")),
             ("transcript", read("tests/fixtures/readers/meeting.transcript.txt"))]
    out = sys.stdout.buffer
    for i in range(n):
        if i % 1499 == 700:
            out.write(b"this line is not JSON\n")
            continue
        if i % 1999 == 1000:
            out.write(b"\n")  # an empty line is a bad record too
            continue
        kind = i % 3
        rid = [i, "rec-%05d" % i, {"batch": i // 100, "n": i}][kind]
        rec = {"id": rid}
        if i % 1777 == 3:
            del rec["id"]  # an id is optional
        r = rng.random()
        if i % 2003 == 11:
            pass  # no text: a bad record
        elif r < 0.08:
            fmt, text = whole[rng.randrange(len(whole))]
            rec["text"], rec["format"] = text, fmt
            rec["chapters"], rec["speakers"] = True, True
        else:
            k = rng.randrange(len(turns))
            rec["text"] = "\n".join(turns[k:k + rng.randint(1, 12)])
            if rng.random() < 0.3:
                rec["words"] = rng.choice([20, 50, 100])
            if rng.random() < 0.2:
                rec["keyphrases"] = rng.randint(0, 5)
        if i % 1009 == 5:  # raw U+2028 and U+2029 in id and text
            rec["id"] = "line\u2028separator-%d" % i
            if "text" in rec:
                rec["text"] += "\nAnd one more\u2029sentence about the buses."
        line = json.dumps(rec, ensure_ascii=(i % 2 == 0), separators=(",", ":"))
        end = b"\r\n" if i % 1201 == 17 else b"\n"
        out.write(line.encode("utf-8") + end)


def id_of(line):
    try:
        v = json.loads(line)
    except ValueError:
        return None
    return v.get("id") if isinstance(v, dict) else None


def check(records_path, results_path):
    with open(records_path, "rb") as f:
        lines_in = f.read().split(b"\n")
    with open(results_path, "rb") as f:
        lines_out = f.read().split(b"\n")
    if lines_in and lines_in[-1] == b"":
        lines_in.pop()
    if not lines_out or lines_out[-1] != b"":
        print("results do not end with a newline")
        return 1
    lines_out.pop()
    if len(lines_in) != len(lines_out):
        print("%d records, %d results" % (len(lines_in), len(lines_out)))
        return 1
    errors = 0
    for n, (a, b) in enumerate(zip(lines_in, lines_out), 1):
        want, got = id_of(a.rstrip(b"\r")), id_of(b)
        if want != got:
            print("line %d: id %r, result's id %r" % (n, want, got))
            errors += 1
            if errors > 5:
                break
    bad = sum(1 for b in lines_out if b'"error":' in b[:400] and b'"status":' in b)
    print("%d records, %d results, ids in order, %d error results" %
          (len(lines_in), len(lines_out), bad))
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "records":
        records(int(sys.argv[2]) if len(sys.argv) > 2 else 3000)
    elif len(sys.argv) == 4 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2], sys.argv[3]))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
