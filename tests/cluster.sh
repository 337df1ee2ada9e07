#!/bin/sh
# The cluster path (README, "Batch: JSON Lines, clusters"), tested: the
# same JSON Lines records through one local `recap --jsonl`, through GNU
# parallel (--pipe -k and --pipepart -k), through the Dask recipe
# (examples/dask_recap.py, a LocalCluster of two worker processes) and
# through the static build (`make static`) alone in an empty root; every
# run must give the local run's bytes exactly, every record's id once and
# in order (tests/cluster_util.py check), and nothing on stderr.
#
#   RECAP=build/recap STATIC=build/recap-static sh tests/cluster.sh
#
# Needs Debian's python3-distributed and parallel; a missing one is
# skipped with a message, or fails if CLUSTER_REQUIRED=1.  PYTHON is the
# interpreter that has Dask (default /usr/bin/python3, Debian's).
# RECORDS sets how many records (default 6000, about 10 MB).
set -u
RECAP=$(cd "$(dirname "${RECAP:-build/recap}")" && pwd)/$(basename "${RECAP:-build/recap}")
STATIC=${STATIC:-build/recap-static}
PYTHON=${PYTHON:-/usr/bin/python3}
RECORDS=${RECORDS:-6000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
skip() {
  if [ -n "${CLUSTER_REQUIRED:-}" ]; then fail "$* (CLUSTER_REQUIRED is set)"; else echo "skip $*"; fi
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# same NAME OUTPUT ERRFILE: OUTPUT is the local run's bytes, ids in order,
# nothing on stderr.
same() {
  if ! cmp -s "$2" "$tmp/local.out"; then
    fail "$1: output differs from one local recap --jsonl"; cmp "$2" "$tmp/local.out" | head -n 2
  elif ! "$PYTHON" tests/cluster_util.py check "$tmp/records.jsonl" "$2" > "$tmp/check" 2>&1; then
    fail "$1: $(head -n 3 "$tmp/check")"
  elif [ -s "$3" ]; then
    fail "$1: printed on stderr: $(head -n 2 "$3")"
  else
    ok "$1: byte-identical to the local run, every id once, in order"
  fi
}

if ! command -v "$PYTHON" > /dev/null; then PYTHON=python3; fi
start=$(now)
"$PYTHON" tests/cluster_util.py records "$RECORDS" > "$tmp/records.jsonl"
echo "records: $RECORDS, $(wc -c < "$tmp/records.jsonl") bytes ($(since "$start"))"

start=$(now)
"$RECAP" --jsonl < "$tmp/records.jsonl" > "$tmp/local.out" 2> "$tmp/local.err"
status=$?
if [ $status -eq 1 ] && "$PYTHON" tests/cluster_util.py check "$tmp/records.jsonl" "$tmp/local.out" > "$tmp/check"; then
  ok "local: $(cat "$tmp/check"); exit 1 for the bad records ($(since "$start"))"
else
  fail "local: exit $status (expected 1: some records are bad): $(head -n 3 "$tmp/check" 2> /dev/null)"
fi

# ---- the static build ------------------------------------------------------
if [ -x "$STATIC" ]; then
  if LC_ALL=C ldd "$STATIC" 2>&1 | grep -q 'not a dynamic executable'; then
    ok "static: $STATIC needs no shared library ($(wc -c < "$STATIC") bytes)"
  else
    fail "static: $STATIC is dynamically linked"
  fi
  "$STATIC" --jsonl < "$tmp/records.jsonl" > "$tmp/static.out" 2> "$tmp/static.err"
  same "static" "$tmp/static.out" "$tmp/static.err"
  # Alone in an empty root: no libc, no libstemmer, no /usr at all.
  if [ "$(id -u)" -eq 0 ] && command -v chroot > /dev/null; then
    mkdir "$tmp/root"
    cp "$STATIC" "$tmp/root/recap"
    head -n 200 "$tmp/records.jsonl" > "$tmp/head.jsonl"
    head -n 200 "$tmp/local.out" > "$tmp/head.out"
    if chroot "$tmp/root" /recap --jsonl < "$tmp/head.jsonl" > "$tmp/chroot.out" 2> "$tmp/chroot.err" ||
       [ $? -eq 1 ]; then
      if cmp -s "$tmp/chroot.out" "$tmp/head.out" && [ ! -s "$tmp/chroot.err" ]; then
        ok "static: the same results alone in an empty root (chroot, 200 records)"
      else
        fail "static: in an empty root the results differ"
      fi
    else
      fail "static: does not run in an empty root: $(head -n 2 "$tmp/chroot.err")"
    fi
  else
    echo "skip static in an empty root: needs root and chroot"
  fi
else
  skip "static: $STATIC not built (make static)"
fi

# ---- GNU parallel ----------------------------------------------------------
# Its exit status counts the jobs that exited non-zero: recap exits 1 for
# a batch with a bad record, so it is not checked here.
if command -v parallel > /dev/null; then
  start=$(now)
  parallel --will-cite --pipe -k --block 1M "$RECAP" --jsonl \
    < "$tmp/records.jsonl" > "$tmp/pipe.out" 2> "$tmp/pipe.err"
  same "parallel --pipe -k ($(since "$start"))" "$tmp/pipe.out" "$tmp/pipe.err"
  start=$(now)
  parallel --will-cite --pipepart -k --block 1M -a "$tmp/records.jsonl" \
    "$RECAP" --jsonl > "$tmp/part.out" 2> "$tmp/part.err"
  same "parallel --pipepart -k ($(since "$start"))" "$tmp/part.out" "$tmp/part.err"
else
  skip "GNU parallel: not installed (apt-get install parallel)"
fi

# ---- Dask --------------------------------------------------------------------
if "$PYTHON" -c 'import distributed' 2> /dev/null; then
  worker_recap=$RECAP
  [ -x "$STATIC" ] && worker_recap=$(cd "$(dirname "$STATIC")" && pwd)/$(basename "$STATIC")
  start=$(now)
  "$PYTHON" examples/dask_recap.py --workers 2 --partition-mb 1 \
    --recap "$worker_recap" "$tmp/records.jsonl" "$tmp/dask.out" 2> "$tmp/dask.err"
  status=$?
  if [ $status -ne 1 ]; then
    fail "dask: exit $status (expected 1, as recap): $(tail -n 3 "$tmp/dask.err")"
  else
    same "dask: LocalCluster, 2 workers, $(basename "$worker_recap") ($(since "$start"))" \
      "$tmp/dask.out" "$tmp/dask.err"
  fi
else
  skip "Dask: $PYTHON cannot import distributed (apt-get install python3-distributed)"
fi

echo "cluster: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
