#!/usr/bin/env python3
"""An independent size oracle: compressed sizes and distances from Python's own modules.

kcbench links zlib, liblzma and libbz2 through its own C code; this file reaches the same
algorithms through Python's standard library only (gzip, zlib, lzma, bz2), so the two can
disagree when kcbench's framing, levels or concatenation are wrong.

As a module:
    size(codec, level, data)            -> int, len(compress(...))
    compress(codec, level, data)        -> bytes
    dist(kind, cx, cy, cxy)             -> float, as kcbench computes it ("ncd", "cdm", "clm")
    ncd_sizes(codec, level, sep, x, y)  -> (cx, cy, cxy) with cxy = C(x + sep + y)
    matrix(codec, level, sep, rows, cols, kind="ncd", decimals=6)
                                        -> [[text]]: entry (i,j) is fmt(dist(C(r_i), C(c_j),
                                           C(r_i + sep + c_j))), rows x cols
    bits(codec, level, data)            -> (bytes, cx, c_empty, bits, bits_above_container):
                                           len(data), C(x), C(empty), 8 C(x), 8 (C(x) - C(empty))
    fmt(value, decimals=6)              -> "%.6f" text
    string_label(data, n)               -> how kcbench ncd -s labels the n-th string (from 1)

As a program:
    oracle.py size [-s] CODEC LEVEL INPUT...
        one size per line; INPUT is a file ('-' = standard input) or, with -s, a string
    oracle.py ncd [-s] [-d ncd|cdm|clm] [--sizes] [--decimals N] CODEC LEVEL SEP X Y
        the distance of X and Y as '%.6f'; with --sizes, "cx cy cxy value"
    oracle.py matrix [-s] [-d ncd|cdm|clm] [--decimals N] CODEC LEVEL SEP --rows X... --cols Y...
        the rows x cols matrix as kcbench ncd's plain format prints it: one line per row,
        values separated by one space
    oracle.py bits [-s] CODEC LEVEL INPUT...
        one line per input: "bytes cx c_empty bits bits_above_container"
    oracle.py compress CODEC LEVEL INPUT
        the compressed bytes on standard output

LEVEL is a number or 'default' (Python's default, which is also kcbench's). Strings and
SEP are taken as the bytes the shell passed (os.fsencode), so invalid UTF-8 survives.
"""
import argparse
import bz2
import gzip
import lzma
import os
import re
import sys
import zlib


def _deflate_raw(data, level):
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


# name -> (compress(data, level), default level, (min, max))
CODECS = {
    "gzip": (lambda b, l: gzip.compress(b, l, mtime=0), 9, (1, 9)),
    "zlib": (lambda b, l: zlib.compress(b, l), 6, (1, 9)),
    "deflate": (_deflate_raw, 6, (1, 9)),
    "xz": (lambda b, l: lzma.compress(b, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64,
                                      preset=l), 6, (0, 9)),
    "bzip2": (lambda b, l: bz2.compress(b, l), 9, (1, 9)),
}


def default_level(codec):
    return CODECS[codec][1]


def compress(codec, level, data):
    """Returns the compressed bytes of data; level None means the codec's default."""
    fn, dflt, (lo, hi) = CODECS[codec]
    level = dflt if level is None else level
    if not lo <= level <= hi:
        raise ValueError("level %d out of range for %s (%d..%d)" % (level, codec, lo, hi))
    return fn(bytes(data), level)


_cache = {}


def size(codec, level, data):
    """Returns len(compress(codec, level, data)), memoised (tests ask for the same inputs often)."""
    key = (codec, level, bytes(data))
    if key not in _cache:
        _cache[key] = len(compress(codec, level, data))
    return _cache[key]


def dist(kind, cx, cy, cxy):
    """The distance from the three sizes, with the same float operations as kcbench's C code."""
    x, y, xy = float(cx), float(cy), float(cxy)
    lo, hi = min(x, y), max(x, y)
    if kind == "ncd":
        return (xy - lo) / hi if hi > 0 else 0.0
    if kind == "cdm":
        return xy / (x + y) if x + y > 0 else 0.0
    if kind == "clm":
        return 1.0 - (x + y - xy) / xy if xy > 0 else 0.0
    raise ValueError("unknown distance %r" % kind)


def ncd_sizes(codec, level, sep, x, y):
    """Returns (C(x), C(y), C(x + sep + y))."""
    return size(codec, level, x), size(codec, level, y), size(codec, level, x + sep + y)


def ncd(codec, level, sep, x, y, kind="ncd"):
    return dist(kind, *ncd_sizes(codec, level, sep, x, y))


def matrix(codec, level, sep, rows, cols, kind="ncd", decimals=6):
    """The matrix of rows against cols as text: entry (i,j) from C(rows[i]), C(cols[j]) and
    C(rows[i] + sep + cols[j]), nothing forced to 0 or symmetrised."""
    return [[fmt(ncd(codec, level, sep, x, y, kind), decimals) for y in cols] for x in rows]


def bits(codec, level, data):
    """(bytes, C(x), C(empty), bits, bits above the container) of data, as ncd of one input."""
    cx, ce = size(codec, level, data), size(codec, level, b"")
    return len(data), cx, ce, 8 * cx, 8 * (cx - ce)


def fmt(value, decimals=6):
    return "%.*f" % (decimals, value)


STRING_LABEL_MAX = 16


def string_label(data, n):
    """The label kcbench ncd gives the n-th literal string (n from 1): the string itself when
    it is 1 to 16 bytes of printable text (valid UTF-8 without C0, DEL or C1 control
    characters) and not "s" followed by digits, otherwise "sN"."""
    try:
        text = bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if (text and len(data) <= STRING_LABEL_MAX and not re.fullmatch(r"s[0-9]+", text)
            and not any(ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f for c in text)):
        return text
    return "s%d" % n


def _level(text):
    return None if text == "default" else int(text)


def _read(arg, strings):
    if strings:
        return os.fsencode(arg)
    if arg == "-":
        return sys.stdin.buffer.read()
    with open(arg, "rb") as f:
        return f.read()


def main(argv=None):
    p = argparse.ArgumentParser(prog="oracle.py", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("size")
    s.add_argument("-s", "--strings", action="store_true")
    s.add_argument("codec", choices=sorted(CODECS))
    s.add_argument("level", type=_level)
    s.add_argument("inputs", nargs="+")
    n = sub.add_parser("ncd")
    n.add_argument("-s", "--strings", action="store_true")
    n.add_argument("-d", "--distance", default="ncd", choices=["ncd", "cdm", "clm"])
    n.add_argument("--sizes", action="store_true")
    n.add_argument("--decimals", type=int, default=6)
    n.add_argument("codec", choices=sorted(CODECS))
    n.add_argument("level", type=_level)
    n.add_argument("sep")
    n.add_argument("x")
    n.add_argument("y")
    m = sub.add_parser("matrix")
    m.add_argument("-s", "--strings", action="store_true")
    m.add_argument("-d", "--distance", default="ncd", choices=["ncd", "cdm", "clm"])
    m.add_argument("--decimals", type=int, default=6)
    m.add_argument("codec", choices=sorted(CODECS))
    m.add_argument("level", type=_level)
    m.add_argument("sep")
    m.add_argument("--rows", nargs="+", required=True)
    m.add_argument("--cols", nargs="+", required=True)
    b = sub.add_parser("bits")
    b.add_argument("-s", "--strings", action="store_true")
    b.add_argument("codec", choices=sorted(CODECS))
    b.add_argument("level", type=_level)
    b.add_argument("inputs", nargs="+")
    c = sub.add_parser("compress")
    c.add_argument("codec", choices=sorted(CODECS))
    c.add_argument("level", type=_level)
    c.add_argument("input")
    a = p.parse_args(argv)

    if a.cmd == "size":
        for arg in a.inputs:
            print(size(a.codec, a.level, _read(arg, a.strings)))
    elif a.cmd == "ncd":
        x, y = _read(a.x, a.strings), _read(a.y, a.strings)
        sizes = ncd_sizes(a.codec, a.level, os.fsencode(a.sep), x, y)
        value = fmt(dist(a.distance, *sizes), a.decimals)
        print("%d %d %d %s" % (*sizes, value) if a.sizes else value)
    elif a.cmd == "matrix":
        rows = [_read(r, a.strings) for r in a.rows]
        cols = rows if a.cols == a.rows else [_read(c, a.strings) for c in a.cols]
        for line in matrix(a.codec, a.level, os.fsencode(a.sep), rows, cols, a.distance,
                           a.decimals):
            print(" ".join(line))
    elif a.cmd == "bits":
        for arg in a.inputs:
            print("%d %d %d %d %d" % bits(a.codec, a.level, _read(arg, a.strings)))
    else:
        sys.stdout.buffer.write(compress(a.codec, a.level, _read(a.input, False)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
