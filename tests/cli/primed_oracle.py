#!/usr/bin/env python3
"""Checks eval --method per-class and conditional against Python's zlib: a second computation of
every primed size, of the parts of each class, of the distances and of the decisions.

usage: primed_oracle.py per-class CODEC LEVEL PARTS SEP TRAIN TEST PREDICTIONS
       primed_oracle.py conditional CODEC LEVEL K TRAIN TEST PREDICTIONS

CODEC is gzip, zlib or deflate. PREDICTIONS is what eval --predictions wrote. Primed sizes:
deflate with the dictionary's last 32 KiB set (zlib.compressobj's zdict), gzip as raw deflate
plus its 18 bytes of header and trailer, zlib with its header's dictionary id. Per-class:
text j of a class goes to part floor(P * o_j / T); the class scores the mean size over its
parts; the smallest score wins, a tie to the label seen first. Conditional: d = (C(y) + C(x|y) -
min(C(x), C(y))) / max(C(x), C(y)), the k nearest with ties to the earlier training row.
Prints "ok N items" or the first difference, and exits 1 on one.
"""
import gzip
import json
import sys
import zlib

WBITS = {"gzip": -15, "zlib": 15, "deflate": -15}


def load(path):
    rows = []
    with open(path, "rb") as f:
        for line in f.read().split(b"\n"):
            if line:
                label, text = line.split(b"\t", 1)
                rows.append((label.decode(), text))
    return rows


def plain(codec, level, x):
    if codec == "gzip":
        return len(gzip.compress(x, level, mtime=0))
    if codec == "zlib":
        return len(zlib.compress(x, level))
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return len(c.compress(x) + c.flush())


def primed(codec, level, dictionary, x):
    d = dictionary[-32768:]
    args = (level, zlib.DEFLATED, WBITS[codec], 8, zlib.Z_DEFAULT_STRATEGY)
    c = zlib.compressobj(*args, zdict=d) if d else zlib.compressobj(*args)
    n = len(c.compress(x) + c.flush())
    return n + 18 if codec == "gzip" else n


def parts_of(texts, P, sep):
    """The parts of one class text: runs of whole texts, text j in part floor(P*o_j/T)."""
    T = sum(len(t) for t in texts) + (len(texts) - 1) * len(sep)
    out, last, o = [], None, 0
    for t in texts:
        q = min(int(P * o / T) if T else 0, P - 1)
        if q != last:
            out.append([])
        out[-1].append(t)
        last = q
        o += len(t) + len(sep)
    return [sep.join(run) for run in out]


def check(preds, want):
    if len(preds) != len(want):
        return "%d prediction lines, want %d" % (len(preds), len(want))
    for i, (p, w) in enumerate(zip(preds, want)):
        got = [(n["label"], n["d"]) for n in p["neighbours"]]
        if len(got) != len(w) or any(a[0] != b[0] or abs(a[1] - b[1]) > 1e-8 * max(1, b[1])
                                     for a, b in zip(got, w)):
            return "item %d: got %s, want %s" % (i, got, w)
    return None


def per_class(codec, level, P, sep, train, test):
    ids = {}
    for label, _ in train + test:
        ids.setdefault(label, len(ids))
    classes = {}
    for label, text in train:
        classes.setdefault(label, []).append(text)
    parts = {l: parts_of(t, P, sep) for l, t in classes.items()}
    want = []
    for _, x in test:
        scores = sorted((sum(primed(codec, level, d, x) for d in ps) / len(ps), ids[l], l)
                        for l, ps in parts.items())
        want.append([(scores[0][2], float(scores[0][0]))])
    return want


def conditional(codec, level, k, train, test):
    cy = [plain(codec, level, y) for _, y in train]
    want = []
    for _, x in test:
        cx = plain(codec, level, x)
        ds = []
        for j, (label, y) in enumerate(train):
            c = cy[j] + primed(codec, level, y, x)
            ds.append(((c - min(cx, cy[j])) / max(cx, cy[j]), j, label))
        ds.sort()
        want.append([(label, d) for d, _, label in ds[:k]])
    return want


def main(argv):
    method, codec, level = argv[1], argv[2], int(argv[3])
    if method == "per-class":
        P, sep, train, test, pred = int(argv[4]), argv[5].encode(), argv[6], argv[7], argv[8]
        want = per_class(codec, level, P, sep, load(train), load(test))
    else:
        k, train, test, pred = int(argv[4]), argv[5], argv[6], argv[7]
        want = conditional(codec, level, k, load(train), load(test))
    preds = [json.loads(line) for line in open(pred)]
    why = check(preds, want)
    if why:
        print(why)
        return 1
    print("ok %d items" % len(preds))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
