#!/usr/bin/env python3
"""Writes a kcbench model file (version 2) from a TSV training set, independently of kcbench,
as include/kcb/model.h documents the layout; sizes come from tests/oracle.py.

usage: kcbmodel.py TRAIN.tsv OUT [--codec NAME:LEVEL]... [--flags N] [--version N]
                   [--payload-only]

The payload is stored as it is (flags 0: no zstd), unless --flags says otherwise, which only
changes the header (the CRC is computed over what is written). --payload-only writes the bare
payload instead of a model file, to compare with a decompressed frame.
"""
import argparse
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import oracle  # noqa: E402  (tests/oracle.py)


def payload(specs, docs):
    labels = []
    for label, _ in docs:
        if label not in labels:
            labels.append(label)
    out = [struct.pack("<I", len(specs))]
    for name, level in specs:
        out.append(struct.pack("<H", len(name)) + name.encode() + struct.pack("<i", level))
    out.append(struct.pack("<I", len(labels)))
    for label in labels:
        out.append(struct.pack("<I", len(label)) + label)
    out.append(struct.pack("<Q", len(docs)))
    out += [struct.pack("<I", labels.index(label)) for label, _ in docs]
    out += [struct.pack("<Q", len(text)) for _, text in docs]
    for name, level in specs:
        out += [struct.pack("<Q", oracle.size(name, level, text)) for _, text in docs]
    out += [text for _, text in docs]
    return b"".join(out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("train")
    p.add_argument("out")
    p.add_argument("--codec", action="append")
    p.add_argument("--flags", type=int, default=0)
    p.add_argument("--version", type=int, default=2)
    p.add_argument("--payload-only", action="store_true")
    a = p.parse_args()
    specs = [(c.split(":")[0], int(c.split(":")[1])) for c in a.codec or ["gzip:9"]]
    docs = [tuple(line.split(b"\t", 1)) for line in open(a.train, "rb").read().splitlines()]
    body = payload(specs, docs)
    if a.payload_only:
        open(a.out, "wb").write(body)
        return
    head = b"KCBMODEL" + struct.pack("<IIQ", a.version, a.flags, len(body))
    open(a.out, "wb").write(head + body + struct.pack("<I", zlib.crc32(head + body)))


if __name__ == "__main__":
    main()
