#!/usr/bin/env python3
"""recap on a Dask cluster: maps the partitions of a JSON Lines file
through `recap --jsonl` on the workers and writes the results in input
order, byte for byte what one `recap --jsonl < records.jsonl` writes.

    python3 examples/dask_recap.py [OPTIONS] records.jsonl results.jsonl [-- RECAP-OPTIONS]

    --scheduler ADDR    an existing cluster (tcp://host:8786); default: a
                        LocalCluster of --workers processes on this machine
    --workers N         LocalCluster workers (default 2)
    --recap PATH        recap on the workers (default: "recap" on their PATH);
                        a static build (`make static`) needs no library there
    --partition-mb N    bytes of input per partition (default 8)

    python3 examples/dask_recap.py records.jsonl results.jsonl -- -n 3 -k 5

How: the input is cut into byte ranges; each worker reads its range of
the file itself (so the file must be at the same path on every worker, on
a shared file system: the scheduler carries offsets, not data) and owns
the lines that *start* in its range (Hadoop's rule: no line is lost or
read twice), pipes them through `recap --jsonl`, and checks that as many
lines came out as went in (recap's contract: one line in, one line out,
in order, stateless).  The driver writes each partition's output as soon
as it and those before it are done.

Results are split on b"\\n", recap's record separator.  (recap escapes
U+2028, U+2029 and NEL, in ids too, so str.splitlines() would do as well;
older versions copied an id's U+2028 as it was.)

Exit status as recap's: 0, or 1 if some record was bad (its result line
is an error object; the others are there).  Needs Dask's distributed
(Debian: python3-distributed).  Run as a test by `make test-cluster`.
"""
import argparse
import os
import subprocess
import sys


def partitions(path, size):
    """Byte ranges [start, end) of about `size` bytes covering the file."""
    total = os.path.getsize(path)
    return [(s, min(s + size, total)) for s in range(0, total, size)] or [(0, 0)]


def read_lines_starting_in(path, start, end):
    """The lines that start in [start, end), whole (the last may run on past
    end)."""
    with open(path, "rb") as f:
        if start > 0:
            f.seek(start - 1)
            f.readline()  # up to the first line that starts at or after start
        data = []
        pos = f.tell()
        while pos < end:
            line = f.readline()
            if not line:
                break
            data.append(line)
            pos += len(line)
    return b"".join(data)


def run_partition(path, start, end, recap, options):
    """Runs on a worker: recap --jsonl over one range of the file."""
    data = read_lines_starting_in(path, start, end)
    if not data:
        return b"", b"", 0
    r = subprocess.run([recap, "--jsonl"] + list(options), input=data,
                       capture_output=True, check=False)
    if r.returncode not in (0, 1):  # 2 usage, 3 out of memory
        raise RuntimeError("recap exited %d on bytes %d-%d: %s" %
                           (r.returncode, start, end,
                            r.stderr.decode("utf-8", "replace")))
    lines_in = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    lines_out = r.stdout.count(b"\n")
    if lines_in != lines_out:
        raise RuntimeError("bytes %d-%d: %d lines in, %d out" %
                           (start, end, lines_in, lines_out))
    return r.stdout, r.stderr, r.returncode


def main(argv):
    extra = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--scheduler")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--recap", default="recap")
    p.add_argument("--partition-mb", type=float, default=8)
    a = p.parse_args(argv)

    from distributed import Client, LocalCluster  # Debian: python3-distributed

    path = os.path.abspath(a.input)
    ranges = partitions(path, max(1, int(a.partition_mb * (1 << 20))))
    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1,
                               processes=True, host="127.0.0.1",
                               dashboard_address=None)
        client = Client(cluster)
    worst = 0
    try:
        futures = [client.submit(run_partition, path, s, e, a.recap, extra,
                                 pure=False) for s, e in ranges]
        with open(a.output, "wb") as out:
            for f in futures:  # in input order, each as soon as it is done
                stdout, stderr, code = f.result()
                out.write(stdout)
                sys.stderr.write(stderr.decode("utf-8", "replace"))
                worst = max(worst, code)
                f.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return worst


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
