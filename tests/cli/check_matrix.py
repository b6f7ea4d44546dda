#!/usr/bin/env python3
"""The matrix check: `kcbench ncd` over 50 files, in every format, against the oracle.

usage: check_matrix.py [--rect] SPECS      e.g. gzip:9, or gzip:9,xz:6 (one matrix per compressor)

Writes 50 deterministic files into the current directory (text-like, random bytes,
repetitive, UTF-8, near-copies of each other, one empty, one named with a space and a
comma), runs `kcbench ncd -c SPECS -f F` on all 50 for every format F, parses each output
and checks that
  - every format gives, for every compressor, all 2500 values, as the same text;
  - json's sizes are the oracle's C(x_i);
  - entry (i,j) is exactly '%.6f' of (C(x_i·x_j) - min(C(x_i),C(x_j))) / max(C(x_i),C(x_j))
    from the oracle's sizes, so the diagonal is what the formula gives (not forced to 0)
    and (i,j) and (j,i) may differ (not forced symmetric);
  - labels and titles are the file names and "SPEC ncd", as each format spells them.
With --rect, the matrix is rectangular: `kcbench ncd --rows rows --cols -L cols.list`, the
rows being the directory rows/ holding files 0..19 and the columns the list of files 15..49
(so five inputs are both a row and a column); every format but phylip gives the oracle's
20 x 35 values (csv, tsv, json and md also the column labels), and phylip is refused with
exit 2 and one line on stderr.
Prints one summary line on success; otherwise each problem (up to 20) on stderr, exit 1.
"""
import concurrent.futures
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
import formats  # noqa: E402
import oracle  # noqa: E402

KCBENCH = os.environ.get("KCBENCH") or sys.exit("check_matrix.py: set KCBENCH")
N = 50


def make_files():
    """Returns [(name, bytes)] of N files, deterministic."""
    rng = random.Random(50)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 10)))
             for _ in range(400)]
    files = []

    def add(kind, data):
        files.append(("f%02d-%s" % (len(files), kind), data))

    def text(n):
        return " ".join(rng.choice(vocab) for _ in range(n)).encode()

    add("empty", b"")
    add("byte", b"x")
    for k in range(14):
        add("text", text(rng.randint(20, 600)))
    for k in range(8):
        add("random", rng.randbytes(rng.randint(50, 3000)))
    for k in range(8):
        unit = rng.randbytes(rng.randint(1, 40))
        add("repeat", unit * rng.randint(2, 4000 // len(unit) + 2))
    for k in range(6):
        add("utf8", " ".join(rng.choice(["Grüße", "世界", "🙂", "Ελληνικά", "naïve", "日本語"])
                             for _ in range(rng.randint(10, 300))).encode())
    while len(files) < N - 1:  # near-copies: make C(x_i·x_j) small and asymmetric
        src = bytearray(files[rng.randrange(2, 16)][1])
        for _ in range(rng.randint(1, 5)):
            if src:
                src[rng.randrange(len(src))] = rng.randrange(256)
        add("edit", bytes(src) + text(rng.randint(0, 30)))
    files.append(("f49 notes, v2 (final).txt", text(200)))
    assert len(files) == N
    return files


def expected(rows, cols, spec):
    """Returns (sizes, values) from the oracle: sizes[i] of the rows and values[i][j] as
    '%.6f' text."""
    codec, level = spec.split(":")
    level = int(level)
    sizes = [oracle.size(codec, level, d) for _, d in rows]
    return sizes, oracle.matrix(codec, level, b"", [d for _, d in rows], [d for _, d in cols])


def phylip_name(s):
    return "".join("_" if c.isspace() or c in "()[]:;,'" else c for c in s)


def run(specs, fmt, args):
    r = subprocess.run([KCBENCH, "ncd", "-c", specs, "-f", fmt] + args,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return fmt, r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def setup(files, rect):
    """Writes the files; returns (rows, cols, kcbench's input arguments)."""
    names = [n for n, _ in files]
    for name, data in files:
        write(name, data)
    if not rect:
        return files, files, names
    os.makedirs("rows", exist_ok=True)
    for name, data in files[:20]:
        write(os.path.join("rows", name), data)
    write("cols.list", ("# the columns\n\n" + "\n".join(names[15:]) + "\n").encode())
    return files[:20], files[15:], ["--rows", "rows", "--cols", "-L", "cols.list"]


def check_matrix(fmt, s, m, want, rows, cols, bad):
    """Compares one parsed matrix m of compressor s with the oracle's."""
    sizes, values = want[s]
    rn, cn = [n for n, _ in rows], [n for n, _ in cols]
    labels = {"phylip": [phylip_name(n) for n in rn], "plain": None}.get(fmt, rn)
    title = None if fmt in ("plain", "phylip") else "%s ncd" % s
    if m["labels"] != labels:
        bad.append("-f %s, %s: labels %r, expected %r" % (fmt, s, m["labels"], labels))
    if m["cols"] is not None and m["cols"] != cn:
        bad.append("-f %s, %s: column labels %r, expected %r" % (fmt, s, m["cols"], cn))
    if m["title"] != title:
        bad.append("-f %s, %s: title %r, expected %r" % (fmt, s, m["title"], title))
    if fmt == "json" and m["sizes"] != sizes:
        diffs = [(rn[i], m["sizes"][i], sizes[i]) for i in range(len(rn))
                 if m["sizes"][i] != sizes[i]] if len(m["sizes"] or []) == len(rn) else m["sizes"]
        bad.append("-f json, %s: sizes differ from the oracle's: %r" % (s, diffs))
    for i in range(len(rn)):
        for j in range(len(cn)):
            if m["values"][i][j] != values[i][j]:
                bad.append("-f %s, %s: entry (%s, %s) is %s, the oracle gives %s" % (
                    fmt, s, rn[i], cn[j], m["values"][i][j], values[i][j]))


def check_output(fmt, rc, out, err, specs, want, rows, cols, bad):
    """Checks the output of one format (phylip of a rectangle must be refused)."""
    if fmt == "phylip" and len(rows) != len(cols):
        if rc != 2 or out or len(err.splitlines()) != 1 or "phylip" not in err:
            bad.append("-f phylip of a rectangle: exit %d, stdout %r, stderr %r, expected exit 2"
                       " and one line" % (rc, out[:100], err[:300]))
        return
    if rc != 0 or err:
        bad.append("-f %s: exit %d, stderr: %s" % (fmt, rc, err.strip()[:300]))
        return
    try:
        ms = formats.matrices(fmt, out, len(rows), len(cols))
    except (ValueError, KeyError, TypeError) as e:
        bad.append("-f %s: output does not parse: %s" % (fmt, e))
        return
    if len(ms) != len(specs):
        bad.append("-f %s: %d matrices for %d compressors" % (fmt, len(ms), len(specs)))
        return
    for s, m in zip(specs, ms):
        check_matrix(fmt, s, m, want, rows, cols, bad)


def main(argv):
    rect = argv[:1] == ["--rect"]
    argv = argv[1:] if rect else argv
    if len(argv) != 1:
        sys.exit("usage: check_matrix.py [--rect] SPECS")
    specs = argv[0].split(",")
    rows, cols, args = setup(make_files(), rect)

    bad = []
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        runs = [pool.submit(run, argv[0], f, args) for f in formats.FORMATS]
        want = {s: expected(rows, cols, s) for s in specs}  # while kcbench runs
        outputs = [r.result() for r in runs]

    for s in specs:
        sizes, values = want[s]
        if not rect and all(values[i][i] == oracle.fmt(0) for i in range(N)):
            bad.append("%s: the oracle's diagonal is all zero: these files test nothing" % s)
        if not rect and not any(values[i][j] != values[j][i] for i in range(N) for j in range(i)):
            bad.append("%s: the oracle's matrix is symmetric: these files test nothing" % s)

    for fmt, rc, out, err in outputs:
        check_output(fmt, rc, out, err, specs, want, rows, cols, bad)

    for b in bad[:20]:
        print(b, file=sys.stderr)
    if bad:
        print("%d problems" % len(bad), file=sys.stderr)
        return 1
    if rect:
        print("%s: %d formats x %d matrices x %dx%d values equal the oracle, phylip refused" % (
            argv[0], len(formats.FORMATS) - 1, len(specs), len(rows), len(cols)))
    else:
        print("%s: %d formats x %d matrices x %d values equal the oracle" % (
            argv[0], len(formats.FORMATS), len(specs), N * N))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
