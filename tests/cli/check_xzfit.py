#!/usr/bin/env python3
"""Checks that xz's size-only stream (a dictionary fitted to the input) has the sizes of xz.

usage: check_xzfit.py GROUP [--levels 0,1,...] [--rows N]   (from tests/cli/xzfit.t, $KCBENCH set)

    builtin   corpora made by `kcbench gen`: the samples set as a 6 x 6 matrix, the rows of a
              labelled set, and single texts of 4 KiB +-1, 64 KiB +-1 and 100-200 KB
    files     every file of $KCB_DATA/canterbury and $KCB_DATA/calgary, one at a time
    rows      from each $KCB_DATA/*/train.tsv, N rows (default 8, fixed seed): half of them
              against the other half, joined by one space as NCD joins them

kcbench's sizes come from `kcbench ncd -f csv` (cx, cy, and cxy = C(x + ' ' + y)), where
every codec context is made with KCB_CODEC_SIZE_ONLY: for xz at levels 4-9 that is the
preset's LZMA2 options with dict_size the next power of two >= the input, at least 4 KiB, at
most the preset's. Each size must equal len(lzma.compress(data, preset=L)) (Python's, the
canonical xz stream) at every level asked for (default 0-9). Also counts how many of those
sizes a dictionary fitted at every level, 0-3 included, would change (Python's lzma with a
custom filter chain); that is why levels 0-3 keep the preset.

Prints one line: "GROUP: N sizes at xz:LEVELS equal lzma.compress(data, preset=L); a
dictionary fitted at every level would change M (by level: ...)". On a mismatch prints each
(up to 20) on stderr with the command and exits 1.
"""
import argparse
import csv
import glob
import io
import lzma
import os
import random
import subprocess
import sys
import tempfile

KCBENCH = os.environ.get("KCBENCH") or sys.exit("check_xzfit.py: set KCBENCH")
KCB_DATA = os.path.abspath(os.environ.get("KCB_DATA") or "nowhere")
# dict_size of each preset (xz(1), "Custom compressor filter chains" table)
PRESET_DICT = [256 << 10, 1 << 20, 2 << 20, 4 << 20, 4 << 20, 8 << 20, 8 << 20, 16 << 20,
               32 << 20, 64 << 20]


def canonical(data, level):
    return len(lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64, preset=level))


def fitted(data, level):
    """The size with the dictionary fitted at any level (what kcbench does at 4-9 only)."""
    d = 4096
    while d < len(data) and d < PRESET_DICT[level]:
        d <<= 1
    f = [{"id": lzma.FILTER_LZMA2, "preset": level, "dict_size": min(d, PRESET_DICT[level])}]
    return len(lzma.compress(data, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64, filters=f))


class Check:
    def __init__(self, levels):
        self.levels = levels
        self.n = 0
        self.changed = {}
        self.bad = []

    def size(self, what, data, level, got, cmd):
        self.n += 1
        want = canonical(data, level)
        if got != want:
            self.bad.append("%s at xz:%d (%d bytes): kcbench %d, lzma.compress %d\n  %s"
                            % (what, level, len(data), got, want, " ".join(cmd)))
        if fitted(data, level) != want:
            self.changed[level] = self.changed.get(level, 0) + 1

    def kcbench(self, args):
        cmd = [KCBENCH, "ncd", "-q", "-f", "csv", "-c",
               "xz:" + ",".join(str(lv) for lv in self.levels)] + args
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode != 0:
            sys.exit("check_xzfit.py: %s: exit %d: %s" % (" ".join(cmd), r.returncode,
                                                         r.stderr.decode(errors="replace")))
        return cmd, list(csv.DictReader(io.StringIO(r.stdout.decode())))

    def single(self, path):
        """C(x) of one file at every level."""
        data = open(path, "rb").read()
        cmd, recs = self.kcbench([path])
        assert len(recs) == len(self.levels), (cmd, len(recs))
        for rec in recs:
            self.size(path, data, int(rec["level"]), int(rec["cx"]), cmd)

    def matrix(self, rows, cols):
        """C(x), C(y) and C(x + ' ' + y) of every row x and column y (paths), at every level."""
        data = {p: open(p, "rb").read() for p in rows + cols}
        cmd, recs = self.kcbench(["--sep", " ", "--rows"] + rows + ["--cols"] + cols)
        assert len(recs) == len(self.levels) * len(rows) * len(cols), (cmd, len(recs))
        seen = set()
        for rec in recs:
            level, x, y = int(rec["level"]), rec["x"], rec["y"]
            for p, key in ((x, "cx"), (y, "cy")):
                if (p, level) not in seen:
                    seen.add((p, level))
                    self.size(p, data[p], level, int(rec[key]), cmd)
            self.size(x + " + ' ' + " + y, data[x] + b" " + data[y], level, int(rec["cxy"]),
                      cmd)

    def finish(self, group):
        if self.bad:
            sys.stderr.write("%d of %d sizes differ from lzma.compress:\n%s\n"
                             % (len(self.bad), self.n, "\n".join(self.bad[:20])))
            sys.exit(1)
        by = ", ".join("xz:%d %d" % (lv, self.changed[lv]) for lv in sorted(self.changed))
        print("%s: %d sizes at xz:%s equal lzma.compress(data, preset=L); a dictionary fitted at"
              " every level would change %d (%s)"
              % (group, self.n, ",".join(str(lv) for lv in self.levels),
                 sum(self.changed.values()), by or "none"))


def gen(*args):
    subprocess.run([KCBENCH, "gen", "-q"] + list(args), check=True)


def tsv_texts(path):
    with open(path, "rb") as f:
        return [line.rstrip(b"\r\n").split(b"\t", 1)[1] for line in f if b"\t" in line]


def write_rows(texts, prefix):
    paths = []
    for i, t in enumerate(texts):
        paths.append("%s%02d" % (prefix, i))
        with open(paths[-1], "wb") as f:
            f.write(t)
    return paths


def group_builtin(chk):
    gen("samples", "-o", "samples")
    names = sorted(os.path.join("samples", n) for n in os.listdir("samples"))
    chk.matrix(names[:len(names) // 2], names[len(names) // 2:])
    gen("labelled", "--docs", "5", "-o", "lab")
    rows = write_rows(tsv_texts("lab/train.tsv")[::2], "lab/row")
    chk.matrix(rows[:len(rows) // 2], rows[len(rows) // 2:])
    singles = [("markov", "-n", "4096"), ("markov", "--source", "1", "-n", "4097"),
               ("random-text", "-n", "65536"), ("markov", "--source", "2", "-n", "65537"),
               ("markov", "--source", "3", "-n", "200000"), ("random", "-n", "150000"),
               ("repeat", "--pattern", "abracadabra ", "-n", "100000")]
    for i, args in enumerate(singles):
        gen(*args, "-o", "single%d" % i)
        chk.single("single%d" % i)


def group_files(chk):
    for d in ("canterbury", "calgary"):
        for p in sorted(glob.glob(os.path.join(KCB_DATA, d, "*"))):
            if os.path.isfile(p) and not p.endswith(".md"):
                chk.single(p)


def group_rows(chk, n):
    rng = random.Random(12)
    for path in sorted(glob.glob(os.path.join(KCB_DATA, "*", "train.tsv"))):
        texts = tsv_texts(path)
        name = os.path.basename(os.path.dirname(path))
        rows = write_rows(rng.sample(texts, min(n, len(texts))), name + "-")
        chk.matrix(rows[:len(rows) // 2], rows[len(rows) // 2:])


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument("group", choices=["builtin", "files", "rows"])
    ap.add_argument("--levels", default="0,1,2,3,4,5,6,7,8,9")
    ap.add_argument("--rows", type=int, default=8)
    a = ap.parse_args(argv)
    chk = Check([int(lv) for lv in a.levels.split(",")])
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        if a.group == "builtin":
            group_builtin(chk)
        elif a.group == "files":
            group_files(chk)
        else:
            group_rows(chk, a.rows)
    chk.finish(a.group)


if __name__ == "__main__":
    main(sys.argv[1:])
