"""The measurements of reports/performance.md (scripts/report_performance.py writes the report).

Every program is run as a child of this process and reaped with os.wait4, which gives its
wall time (perf_counter around it) and its peak resident set (ru_maxrss). kcbench eval
reports the seconds of its neighbour search itself (--timings), so a rate is the pairs
searched over those seconds, without the loading and C(y) that the wall time includes.
Python standard library only.
"""
import bz2
import gzip
import json
import lzma
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib

DATA = os.environ.get("KCB_DATA", "../shared/datasets")


class Proc:
    """A finished child: exit status, wall seconds, peak RSS in MB, its output as text."""

    def __init__(self, rc, seconds, rss_mb, out, err):
        self.rc, self.seconds, self.rss_mb, self.out, self.err = rc, seconds, rss_mb, out, err


def shown(argv):
    """A command as the report prints it: $KCB_DATA for the data folder, kcbench by name."""
    out = []
    for a in argv:
        a = str(a)
        if a.startswith(DATA + "/"):
            a = "$KCB_DATA" + a[len(DATA):]
        if os.path.isabs(a) and os.path.basename(a) in ("kcbench", "mpirun"):
            a = os.path.basename(a)
        if a == "" or re.search(r"[\s'\"$]", a) and not a.startswith("$KCB_DATA"):
            a = "'%s'" % a
        out.append(a)
    return " ".join(out)


# tests/bench/maxrss (set by report_performance.py): a small C parent whose wait4 gives the
# command's own peak RSS. A child spawned from Python starts as a copy of Python, and Linux
# keeps the peak of the image that exec replaces in ru_maxrss, so os.wait4 on it reports at
# least Python's own peak (measured: 215 MB for `kcbench --version` after Python touched 200 MB).
MAXRSS = None


def run(argv, check=True, log=True):
    """Runs argv with its output in temporary files; returns a Proc (exits on failure if
    check). Peak RSS: ru_maxrss (KiB on Linux) from wait4, through MAXRSS when it is set."""
    if log:
        print("perf: %s" % shown(argv), file=sys.stderr, flush=True)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        wrap = [MAXRSS, rss.name] if MAXRSS else []
        t0 = time.perf_counter()
        p = subprocess.Popen(wrap + [str(a) for a in argv], stdout=out, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        seconds = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        kib = rss.read().strip() if MAXRSS else ru.ru_maxrss
        proc = Proc(p.returncode, seconds, int(kib or 0) / 1024.0,
                    out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"))
    if check and proc.rc != 0:
        sys.stderr.write(proc.err)
        sys.exit("perf: failed (exit %d): %s" % (proc.rc, shown(argv)))
    return proc


# ---- kcbench eval, its search timed by eval itself (--timings) ---------------------------

def eval_args(kcb, ds, codec, sample, threads, extra=(), sep=True):
    """kcbench eval on dataset ds (a dict: train, test, train_args) with --test-sample."""
    return ([kcb, "eval", "-t", ds["train"], "-T", ds["test"]] + list(ds["train_args"]) +
            ["-c", codec] + (["--sep", " "] if sep else []) + list(extra) +
            (["--test-sample", sample] if sample else []) + ["-j", threads, "-q", "-f", "json"])


def k1_row(rows):
    """The k=1, rule vote row (per-class and conditional give k=1 too)."""
    return next(r for r in rows if r["k"] == 1 and r["rule"] in ("vote", "per-class"))


TIMINGS = re.compile(r"timings: .*: C\(y\) of (\d+) training texts .*, search ([\d.]+) s")


def eval_timed(kcb, ds, codec, n, threads, extra=(), predictions=None, sep=True):
    """eval on n test texts (None: all) at -j threads with --timings: its wall time, and the
    seconds of its search as eval measures them (merge_evals keeps the fastest of several)."""
    pred = ["--predictions", predictions] if predictions else []
    argv = eval_args(kcb, ds, codec, n, threads, list(extra) + pred + ["--timings"], sep)
    p = run(argv)
    m = TIMINGS.search(p.err)
    if not m:
        sys.exit("perf: no timings line from: %s\n%s" % (shown(argv), p.err))
    row = k1_row(json.loads(p.out))
    return {"command": shown(argv), "seconds": p.seconds, "rss_mb": p.rss_mb, "row": row,
            "n_test": row["n_test"], "n_train": int(m.group(1)), "search": float(m.group(2))}


def merge_evals(evs):
    """eval_timed results of the same command, run at different times (interleaved with the
    tight loop's, so that both meet the same states of the machine): the run whose search was
    fastest, with spread, the slowest search over the fastest, and the fastest whole run."""
    if any(e["row"] != evs[0]["row"] for e in evs):
        sys.exit("perf: runs of the same command differ: %s" % evs[0]["command"])
    out = dict(min(evs, key=lambda e: e["search"]))
    out["seconds"] = min(e["seconds"] for e in evs)
    out["spread"] = max(e["search"] for e in evs) / out["search"] if out["search"] > 0 else 1.0
    return out


# ---- the tight loop ----------------------------------------------------------------------

def pairloop_argv(pl, ds, codec, sample, paths, dump=None):
    """The command line of tests/bench/pairloop on the texts eval selects."""
    return ([pl, "-t", ds["train"], "-T", ds["test"]] + list(ds["train_args"]) +
            ["-c", codec, "--sep", " "] + (["--test-sample", sample] if sample else []) +
            ["--paths", paths] + (["--dump", dump] if dump else []))


def pairloop(pl, ds, codec, sample, paths, dump=None):
    """tests/bench/pairloop on the texts eval selects; its JSON object, indexed by path
    (merge_loops keeps each path's fastest of several runs)."""
    argv = pairloop_argv(pl, ds, codec, sample, paths, dump)
    doc = json.loads(run(argv, log=paths != "none").out)
    doc["command"] = shown(argv)
    return merge_loops([doc])


def pairloop_twice(pl, ds, codec, sample):
    """Two tight loops at once (vtable path, the same texts), what the machine gives two
    processes that share nothing: their pairs/s summed, and the command."""
    argv = pairloop_argv(pl, ds, codec, sample, "vtable")
    print("perf: two at once: %s" % shown(argv), file=sys.stderr, flush=True)
    procs = [subprocess.Popen([str(a) for a in argv], stdout=subprocess.PIPE) for _ in (0, 1)]
    outs = [p.communicate()[0] for p in procs]
    if any(p.returncode for p in procs):
        sys.exit("perf: failed: %s" % shown(argv))
    rates = [json.loads(o)["paths"][0]["pairs_per_s"] for o in outs]
    return {"pairs_per_s": sum(rates), "command": shown(argv) + " & (the same, at once)"}


def merge_loops(docs):
    """pairloop results of the same command: each path's fastest run, indexed by path in
    "by"; spread is the vtable path's slowest time over its fastest."""
    doc = dict(docs[0])
    doc["paths"] = list(doc["paths"])
    for other in docs[1:]:
        for i, r in enumerate(other["paths"]):
            if r["seconds"] < doc["paths"][i]["seconds"]:
                doc["paths"][i] = r
    vt = [d["paths"][0]["seconds"] for d in docs]
    doc["spread"] = max(vt) / min(vt) if min(vt) > 0 else 1.0
    doc["by"] = {}
    for r in doc["paths"]:  # "vtable" (every test text) and "vtable:M" (the first M)
        doc["by"].setdefault("%s:%d" % (r["path"], r["test"]), r)
        if r["test"] == doc["test"]:
            doc["by"].setdefault(r["path"], r)
    return doc


# ---- the npc_gzip-style Python loop ------------------------------------------------------

def read_texts(path):
    return [line.rstrip("\n").split("\t", 1)[1] for line in open(path, encoding="utf-8")]


def npc_loop(train, test):
    """Jiang et al.'s inner loop (npc_gzip: gzip.compress of t1 + ' ' + t2, level 9, per
    pair; C(t2) computed once, as their fast mode does). Returns (pairs, seconds, sizes)."""
    start = time.perf_counter()
    total = 0
    for t1 in test:
        for t2 in train:
            total += len(gzip.compress((t1 + " " + t2).encode("utf-8")))
    return len(train) * len(test), time.perf_counter() - start, total


# ---- the leaderboard beside Python and zstd -b -------------------------------------------

PY_CODECS = {
    "zlib:6": (lambda d: zlib.compress(d, 6), zlib.decompress, "zlib.compress(data, 6)"),
    "xz:6": (lambda d: lzma.compress(d, preset=6), lzma.decompress,
             "lzma.compress(data, preset=6)"),
    "bzip2:9": (lambda d: bz2.compress(d, 9), bz2.decompress, "bz2.compress(data, 9)"),
}


def timed_calls(fn, arg, min_time, min_runs):
    """One untimed warm-up call, then timed calls until both limits: (best, median, runs)."""
    out = fn(arg)
    times = []
    start = time.perf_counter()
    while len(times) < min_runs or time.perf_counter() - start < min_time:
        t0 = time.perf_counter()
        out = fn(arg)
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), len(times), out


def python_codec(name, data, min_time, min_runs=3):
    """MB/s (10^6 bytes of input per second) of a codec through Python's module."""
    comp, decomp, _ = PY_CODECS[name]
    cb, cm, cr, packed = timed_calls(comp, data, min_time, min_runs)
    db, dm, dr, back = timed_calls(decomp, packed, min_time, min_runs)
    assert back == data
    n = len(data) / 1e6
    return {"compressed": len(packed), "c_best": n / cb, "c_median": n / cm, "c_runs": cr,
            "d_best": n / db, "d_median": n / dm, "d_runs": dr}


def leaderboard_runs(kcb, path, codecs, min_time):
    """kcbench bench on the file at path, beside the same codecs through Python's bindings
    (those it has) and zstd -b3: its argv, rows by compressor, Python's and zstd's results."""
    argv = [kcb, "bench", "-c", ",".join(codecs), "--min-time", min_time, "-q", "-f", "json",
            path]
    rows = {r["compressor"]: r for r in json.loads(run(argv).out)}
    data = open(path, "rb").read()
    py = {}
    for c in codecs:
        if c in PY_CODECS:
            print("perf: Python %s on %s" % (PY_CODECS[c][2], path), file=sys.stderr)
            py[c] = python_codec(c, data, min_time)
    return {"argv": argv, "rows": rows, "py": py, "zstd": zstd_bench(path, 3, min_time),
            "size": len(data)}


def zstd_bench(path, level, min_time):
    """zstd -bLEVEL -iSECONDS FILE: its compression and decompression MB/s (None if absent)."""
    argv = ["zstd", "-b%d" % level, "-i%d" % max(1, round(min_time)), path]
    try:
        p = run(argv, check=False)
    except OSError:
        return None
    found = re.findall(r"->\s*(\d+)\s*\(x[\d.]+\),\s*([\d.]+)\s*MB/s,\s*([\d.]+)\s*MB/s",
                       p.out + p.err)
    if p.rc != 0 or not found:
        return None
    size, c, d = found[-1]
    return {"command": shown(argv), "compressed": int(size), "c": float(c), "d": float(d)}


# ---- derived files -----------------------------------------------------------------------

def sample_lines(src, n, dst, seed=1):
    """Writes a seeded random sample of n lines of src to dst, in file order."""
    import random
    lines = open(src, encoding="utf-8").readlines()
    keep = sorted(random.Random(seed).sample(range(len(lines)), min(n, len(lines))))
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst + ".tmp", "w", encoding="utf-8") as f:
        f.writelines(lines[i] for i in keep)
    os.replace(dst + ".tmp", dst)
    return dst


# ---- peak memory and MPI ranks (report_performance.py: a = its arguments, cfg) --------

def rss_runs(a, cfg, work):
    """eval on seeded samples of DBpedia's training set (n lines each): peak RSS against n,
    against the test texts at one n, and k=1 against k=5."""
    src = "%s/dbpedia/train.tsv" % DATA
    test = "%s/dbpedia/test.tsv" % DATA
    t_small, t_big = cfg["rss_test"]
    plan = [(n, t_small, "1") for n in cfg["rss_train"]]
    plan += [(cfg["rss_sizes_at"], t_big, "1"), (cfg["rss_train"][-1], t_small, "5")]
    out = []
    for n, t, k in plan:
        train = sample_lines(src, n, os.path.join(work, "dbpedia-train-%d.tsv" % n))
        argv = [a.kcbench, "eval", "-t", train, "-T", test, "-c", "gzip:9", "--sep", " ",
                "--test-sample", t, "-k", k, "-j", 2, "-q", "-f", "json"]
        p = run(argv)
        out.append({"n": n, "bytes": os.path.getsize(train), "test": t, "k": k,
                    "rss": p.rss_mb, "seconds": p.seconds,
                    "command": shown(argv).replace(work + "/", "$WORK/")})
    return out


def mpi_binary(path):
    """Makes the MPI build at path (make MPI=1 BUILD=its folder); None and why if it cannot."""
    mpirun = shutil.which("mpirun")
    if not mpirun:
        return None, "mpirun is not installed (openmpi-bin, libopenmpi-dev)"
    p = run(["make", "--no-print-directory", "MPI=1", "BUILD=" + os.path.dirname(path), path],
            check=False)
    if p.rc != 0 or not os.path.exists(path):
        last = (p.err.strip().splitlines() or ["?"])[-1]
        return None, "`make MPI=1 %s` failed: %s" % (path, last)
    return mpirun, None


def mpi_runs(a, cfg, ds, mpirun):
    """eval under mpirun -np 1 and -np 2 (each rank -j 1), and each with one text per rank."""
    kcb = os.path.abspath(a.mpi_kcbench)
    argv, runs = {}, {1: [], 2: []}
    for np_ in runs:
        pre = [mpirun, "--allow-run-as-root", "--oversubscribe", "-np", np_]
        argv[np_] = (pre + eval_args(kcb, ds, "gzip:9", cfg["mpi_sample"], 1, ["-k", "1"]),
                     pre + eval_args(kcb, ds, "gzip:9", np_, 1, ["-k", "1"]))
    for i in range(cfg["repeats"]):  # -np 1 and -np 2 in turn, the fastest of each kept
        for np_ in runs:
            runs[np_].append((run(argv[np_][0]), run(argv[np_][1])))
    out = {}
    for np_, rs in runs.items():
        if any(p.out != rs[0][0].out for p, _ in rs):
            sys.exit("perf: runs of the same command differ: %s" % shown(argv[np_][0]))
        out[np_] = {"seconds": min(p.seconds for p, _ in rs),
                    "slowest": max(p.seconds for p, _ in rs),
                    "base": min(b.seconds for _, b in rs), "out": rs[0][0].out,
                    "commands": [shown(c).replace(a.mpi_kcbench, "kcbench") for c in argv[np_]]}
    return out


# ---- machine -----------------------------------------------------------------------------

def loadavg():
    try:
        return "%.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        return "unknown"
