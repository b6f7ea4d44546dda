#!/usr/bin/env python3
"""An independent kNN classifier on NCD, to check `kcbench eval` and `kcbench classify`.

Sizes come from tests/oracle.py (Python's own gzip, zlib, lzma, bz2); neighbours, the three
rules and the scores are written here from their definitions in `kcbench eval --help`:

    neighbours  the k training texts with the smallest NCD(test, train), C(test·sep·train);
                equal distances go to the earlier training row
    vote        the majority label of the k nearest; a tie shrinks k until one label wins
    random      weight 1/t on each of the t tied top labels (expected confusion matrix)
    optimistic  the truth if it is among the tied top labels, else the vote
    accuracy    weight on the diagonal / number of test texts
    macro-F1    mean over labels occurring as truth or prediction of 2tp / (row + col)

usage:
    knn_oracle.py eval [--sep S] [--name N] CODEC LEVEL KLIST TRAIN TEST
        the CSV that `kcbench eval -f csv` prints for one compressor and the ks in KLIST
    knn_oracle.py classify [--sep S] CODEC LEVEL K TRAIN < LINES
        one predicted label (vote) per line of standard input
    knn_oracle.py neighbours [--sep S] CODEC LEVEL K TRAIN TEST
        per test text "i: idx:d idx:d ..." (0-based training rows, d as '%.9f')

TRAIN and TEST are 'label<TAB>text' files or directories with one subfolder per label and
one file per document (both in sorted order), the layouts kcbench reads.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import oracle  # noqa: E402  (tests/oracle.py)

RULES = ("vote", "random", "optimistic")


def load(path):
    """Returns [(label, text bytes)] in file order."""
    if os.path.isdir(path):
        docs = []
        for label in sorted(os.listdir(path)):
            sub = os.path.join(path, label)
            if os.path.isdir(sub):
                for name in sorted(os.listdir(sub)):
                    with open(os.path.join(sub, name), "rb") as f:
                        docs.append((label, f.read()))
        return docs
    docs = []
    with open(path, "rb") as f:
        for line in f.read().split(b"\n"):
            if line.endswith(b"\r"):
                line = line[:-1]
            if line:
                label, text = line.split(b"\t", 1)
                docs.append((label.decode(), text))
    return docs


def neighbours(codec, level, sep, train, text, k):
    """The k nearest (d, row) of text among train, sorted by (d, row)."""
    cx = oracle.size(codec, level, text)
    ds = []
    for j, (_, y) in enumerate(train):
        cy = oracle.size(codec, level, y)
        cxy = oracle.size(codec, level, text + sep + y)
        ds.append((oracle.dist("ncd", cx, cy, cxy), j))
    ds.sort()
    return ds[:k]


def counts(labels):
    """[(label, count)] in order of first appearance, and the top count."""
    seen = {}
    for l in labels:
        seen[l] = seen.get(l, 0) + 1
    return list(seen.items()), max(seen.values())


def vote(labels):
    for k in range(len(labels), 0, -1):
        c, top = counts(labels[:k])
        winners = [l for l, n in c if n == top]
        if len(winners) == 1:
            return winners[0]
    raise AssertionError("unreachable")


def decide(rule, labels, truth):
    """[(label, weight)] for one test text from the labels of its neighbours, nearest first."""
    c, top = counts(labels)
    tied = [l for l, n in c if n == top]
    if rule == "vote":
        return [(vote(labels), 1.0)]
    if rule == "optimistic":
        return [(truth if truth in tied else vote(labels), 1.0)]
    return [(l, 1.0 / len(tied)) for l in tied]


def scores(conf, n):
    """(accuracy, macro-F1) from the confusion matrix, summed in the same order as kcbench."""
    L = len(conf)
    diag = 0.0
    for i in range(L):
        diag += conf[i][i]
    acc = diag / n
    total, used = 0.0, 0
    for c in range(L):
        tp, row, col = conf[c][c], 0.0, 0.0
        for j in range(L):
            row += conf[c][j]
            col += conf[j][c]
        if row <= 0 and col <= 0:
            continue
        used += 1
        total += 2 * tp / (row + col)
    return acc, total / used


def cmd_eval(a):
    train, test = load(a.train), load(a.test)
    ids = {}
    for label, _ in train + test:  # kcbench's shared table: train first, first appearance
        ids.setdefault(label, len(ids))
    ks = sorted({int(k) for k in a.klist.split(",")})
    nbs = [neighbours(a.codec, a.level, a.sep, train, x, max(ks)) for _, x in test]
    name = a.name or os.path.basename(os.path.dirname(os.path.abspath(a.train)))
    print("dataset,compressor,codec,level,k,rule,n_test,accuracy,macro_f1,distance,method")
    for k in ks:
        for rule in RULES:
            conf = [[0.0] * len(ids) for _ in ids]
            for (truth, _), nb in zip(test, nbs):
                labels = [ids[train[j][0]] for _, j in nb[:k]]
                for l, w in decide(rule, labels, ids[truth]):
                    conf[ids[truth]][l] += w
            acc, f1 = scores(conf, len(test))
            print("%s,%s:%d,%s,%d,%d,%s,%d,%.6f,%.6f,ncd,exact" % (name, a.codec, a.level, a.codec,
                                                              a.level, k, rule, len(test), acc,
                                                              f1))


def cmd_classify(a):
    train = load(a.train)
    for line in sys.stdin.buffer.read().split(b"\n")[:-1]:
        nb = neighbours(a.codec, a.level, a.sep, train, line, int(a.klist))
        print(vote([train[j][0] for _, j in nb]))


def cmd_neighbours(a):
    train, test = load(a.train), load(a.test)
    for i, (_, x) in enumerate(test):
        nb = neighbours(a.codec, a.level, a.sep, train, x, int(a.klist))
        print("%d: %s" % (i, " ".join("%d:%.9f" % (j, d) for d, j in nb)))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("cmd", choices=("eval", "classify", "neighbours"))
    p.add_argument("--sep", default="")
    p.add_argument("--name")
    p.add_argument("codec")
    p.add_argument("level", type=int)
    p.add_argument("klist")
    p.add_argument("train")
    p.add_argument("test", nargs="?")
    a = p.parse_args()
    a.sep = os.fsencode(a.sep)
    {"eval": cmd_eval, "classify": cmd_classify, "neighbours": cmd_neighbours}[a.cmd](a)


if __name__ == "__main__":
    main()
