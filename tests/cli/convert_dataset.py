#!/usr/bin/env python3
"""Writes one labelled TSV file in every layout kcbench reads, with the same documents in the
same order, so that `kcbench eval` can be checked to give the same results on each.

usage: convert_dataset.py [--quotes] [--newlines] SRC.tsv DEST

    DEST.tsv   label<TAB>text
    DEST.csv   AG News: "label","title","description", every field quoted (quotes doubled);
               the title is the text up to its first space, the description the rest, so
               kcbench's join of the fields with one space gives the text back
    DEST.ft    __label__label text
    DEST.d/    one subfolder per label, one file per document (0000.txt, 0001.txt, ...)

Documents are put in label order first (stable), because a directory can only list them
that way, and the order of training rows decides ties. --quotes turns every '!' of the
texts into '"'; --newlines turns every ". " into ".\\n" (then only DEST.csv and DEST.d are
written, the line-based formats cannot hold a newline). Fails if a text could not be
written losslessly in some layout.
"""
import argparse
import os
import sys


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--quotes", action="store_true")
    p.add_argument("--newlines", action="store_true")
    p.add_argument("src")
    p.add_argument("dest")
    a = p.parse_args()
    docs = []
    with open(a.src, "rb") as f:
        for line in f.read().split(b"\n"):
            if line:
                label, text = line.split(b"\t", 1)
                if a.quotes:
                    text = text.replace(b"!", b'"')
                if a.newlines:
                    text = text.replace(b". ", b".\n")
                docs.append((label, text))
    docs.sort(key=lambda d: d[0])
    if a.quotes and not any(b'"' in t for _, t in docs):
        sys.exit("convert_dataset.py: --quotes: no '!' in %s to turn into quotes" % a.src)
    if a.newlines and not any(b"\n" in t for _, t in docs):
        sys.exit("convert_dataset.py: --newlines: no '. ' in %s" % a.src)
    for label, text in docs:
        if not text or text[:1] in (b" ", b"\t") or b"\r" in text or b"\0" in text:
            sys.exit("convert_dataset.py: cannot convert %r losslessly" % text[:40])

    def q(b):
        return b'"' + b.replace(b'"', b'""') + b'"'

    with open(a.dest + ".csv", "wb") as f:
        for label, text in docs:
            title, space, desc = text.partition(b" ")
            f.write(b",".join([q(label), q(title)] + ([q(desc)] if space else [])) + b"\n")
    if not a.newlines:
        with open(a.dest + ".tsv", "wb") as f:
            f.writelines(label + b"\t" + text + b"\n" for label, text in docs)
        with open(a.dest + ".ft", "wb") as f:
            f.writelines(b"__label__" + label + b" " + text + b"\n" for label, text in docs)
    for i, (label, text) in enumerate(docs):
        sub = os.path.join(a.dest + ".d", os.fsdecode(label))
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, "%04d.txt" % i), "wb") as f:
            f.write(text)


if __name__ == "__main__":
    main()
