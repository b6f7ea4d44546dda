#!/usr/bin/env python3
"""Parsers for every output format of `kcbench ncd`, so tests can check that formats agree.

Values are kept as the text kcbench printed ("0.123456"), never converted to float, so
that agreement means the same digits.

As a module:
    pairs(fmt, text)        -> [{"compressor", "cx", "cy", "cxy", "value"}] for a pair's output
                               (plain gives compressor only with -c of several, and no sizes)
    matrices(fmt, text, n, m=None)
                            -> [{"title", "labels", "cols", "values", "sizes"}] for n rows and
                               m columns (m=None: a square matrix of n inputs); labels are the
                               rows', cols the columns', sizes C of the rows (missing pieces
                               are None: plain has no labels, phylip no title, only csv, tsv,
                               json and md name the columns, only csv, tsv and json give sizes)
    sizes(fmt, text)        -> [{"compressor", "input", "bytes", "cx", "c_empty", "bits",
                                 "bits_above_container"}] for the output of one input
                               (plain gives bits alone, and compressor with -c of several)
As a program, reading kcbench's output on standard input:
    formats.py pair FMT       one line per compressor: "compressor cx cy cxy value" ('-' = absent)
    formats.py matrix FMT N [M]
                              the values of each matrix (N rows, M columns, default N), one
                              row per line, matrices separated by a blank line (the same text
                              for every format)
    formats.py size FMT       one line per compressor: "compressor input bytes cx c_empty bits
                              bits_above_container" ('-' = absent)
Raises ValueError (the program exits 1) when the text does not have the format's shape.
"""
import csv
import io
import json
import sys

FORMATS = ("plain", "table", "csv", "tsv", "json", "phylip", "md")


def _lines(text):
    if text and not text.endswith("\n"):
        raise ValueError("output does not end with a newline")
    return text.split("\n")[:-1] if text else []


def _blocks(lines):
    """Splits lines into groups separated by one blank line."""
    out, cur = [], []
    for line in lines:
        if line == "":
            if not cur:
                raise ValueError("two blank lines in a row, or a leading blank line")
            out.append(cur)
            cur = []
        else:
            cur.append(line)
    if cur:
        out.append(cur)
    return out


def _tail(line, n):
    """Splits a row into (label text, last n whitespace-separated values)."""
    parts = line.rsplit(None, n)
    if len(parts) != n + 1:
        raise ValueError("row has fewer than %d values: %r" % (n, line))
    return parts[0], parts[1:]


def _num(s):
    float(s)  # raises ValueError on anything but a number
    return s


# ---- a pair ----

def pairs(fmt, text):
    lines = _lines(text)
    rows = []
    if fmt == "plain":
        for line in lines:
            name, _, value = line.rpartition("\t")
            rows.append(dict(compressor=name or None, cx=None, cy=None, cxy=None,
                             value=_num(value)))
    elif fmt in ("table", "md"):
        body = lines[1:] if fmt == "table" else lines[2:]
        if fmt == "md" and (len(lines) < 2 or not lines[1].startswith("|---")):
            raise ValueError("md output lacks its |---| line")
        for line in body:
            if fmt == "md":
                if not (line.startswith("| ") and line.endswith(" |")):
                    raise ValueError("md row not in | |: %r" % line)
                f = [c.strip() for c in line[2:-2].split(" | ")]
            else:
                f = line.split()
            if len(f) != 5:
                raise ValueError("row does not have 5 fields: %r" % line)
            rows.append(dict(compressor=f[0], cx=int(f[1]), cy=int(f[2]), cxy=int(f[3]),
                             value=_num(f[4])))
    elif fmt in ("csv", "tsv"):
        r = list(csv.DictReader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
        for d in r:
            rows.append(dict(compressor=d["compressor"], cx=int(d["cx"]), cy=int(d["cy"]),
                             cxy=int(d["cxy"]), value=_num(d["value"])))
    elif fmt == "json":
        for d in json.loads(text, parse_float=str):
            rows.append(dict(compressor=d["compressor"], cx=d["cx"], cy=d["cy"], cxy=d["cxy"],
                             value=_num(d["value"])))
    elif fmt == "phylip":
        for m in matrices("phylip", text, 2):
            rows.append(dict(compressor=None, cx=None, cy=None, cxy=None,
                             value=m["values"][0][1]))
    else:
        raise ValueError("unknown format %r" % fmt)
    if not rows:
        raise ValueError("no rows")
    return rows


# ---- a matrix ----

def _matrix(title, labels, values, n, m, sizes=None, cols=None):
    if len(values) != n or any(len(r) != m for r in values):
        raise ValueError("matrix is not %dx%d" % (n, m))
    for r in values:
        for v in r:
            _num(v)
    return dict(title=title, labels=labels, cols=cols, values=values, sizes=sizes)


def _dicts(fmt, text):
    if fmt == "json":
        return json.loads(text, parse_float=str)
    return list(csv.DictReader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))


def _records(fmt, text, n, m):
    """Matrices from the records of csv, tsv and json: one per (row, column), n*m consecutive
    records per compressor and distance, in row order (record k is row k // m, column k % m)."""
    recs = _dicts(fmt, text)
    if len(recs) % (n * m):
        raise ValueError("%d records, not a multiple of %d" % (len(recs), n * m))
    out = []
    for k in range(0, len(recs), n * m):
        r = recs[k:k + n * m]
        if any((x["compressor"], x["distance"]) != (r[0]["compressor"], r[0]["distance"])
               for x in r):
            raise ValueError("records of one matrix disagree in compressor or distance")
        labels = [r[i * m]["x"] for i in range(n)]
        cols = [r[j]["y"] for j in range(m)]
        if any(r[i * m + j]["x"] != labels[i] or r[i * m + j]["y"] != cols[j]
               for i in range(n) for j in range(m)):
            raise ValueError("records are not in row order of x and y")
        sizes = [int(r[i * m]["cx"]) for i in range(n)]
        if any(int(r[i * m + j]["cy"]) != int(r[j]["cy"]) for i in range(n) for j in range(m)):
            raise ValueError("one column has two sizes C(y)")
        values = [[str(r[i * m + j]["value"]) for j in range(m)] for i in range(n)]
        out.append(_matrix("%s %s" % (r[0]["compressor"], r[0]["distance"]), labels, values, n,
                           m, sizes, cols))
    return out


def matrices(fmt, text, n, m=None):
    m = n if m is None else m
    lines = _lines(text)
    out = []
    if fmt == "plain":
        for b in _blocks(lines):
            out.append(_matrix(None, None, [l.split(" ") for l in b], n, m))
    elif fmt == "table":
        for b in _blocks(lines):
            if len(b) != n + 2 or not b[0].startswith("# "):
                raise ValueError("table block is not '# title', header and %d rows" % n)
            rows = [_tail(l, m) for l in b[2:]]
            out.append(_matrix(b[0][2:], [lab.rstrip() for lab, _ in rows],
                               [v for _, v in rows], n, m))
    elif fmt == "md":
        # titles and tables alternate: "**t**", "", table, "", "**t**", "", table
        blocks = _blocks(lines)
        for t, tab in zip(blocks[0::2], blocks[1::2]):
            if len(t) != 1 or not t[0].startswith("**") or len(tab) != n + 2:
                raise ValueError("md matrix is not '**title**', blank, header, |---|, %d rows" % n)
            labels, values = [], []
            head = tab[0].split(" | ")
            cols = [c.replace("\\|", "|") for c in head[len(head) - m:]]
            cols[-1] = cols[-1][:-2] if cols[-1].endswith(" |") else cols[-1]
            for row in tab[2:]:
                if not (row.startswith("| ") and row.endswith(" |")):
                    raise ValueError("md row not in | |: %r" % row)
                cells = row[2:-2].split(" | ")
                labels.append(" | ".join(cells[:-m]).replace("\\|", "|"))
                values.append(cells[-m:])
            out.append(_matrix(t[0][2:-2], labels, values, n, m, cols=cols))
        if len(blocks) % 2:
            raise ValueError("md output ends with a title and no table")
    elif fmt in ("csv", "tsv", "json"):
        out = _records(fmt, text, n, m)
    elif fmt == "phylip":
        if m != n:
            raise ValueError("phylip holds square matrices only")
        k = 0
        while k < len(lines):
            if lines[k].strip() != str(n):
                raise ValueError("phylip line %d is %r, expected the count %d" % (k + 1, lines[k], n))
            rows = [_tail(l, n) for l in lines[k + 1:k + 1 + n]]
            if len(rows) != n:
                raise ValueError("phylip matrix has fewer than %d rows" % n)
            out.append(_matrix(None, [lab.rstrip() for lab, _ in rows], [v for _, v in rows], n,
                               n))
            k += n + 1
    else:
        raise ValueError("unknown format %r" % fmt)
    if not out:
        raise ValueError("no matrix")
    return out


# ---- one input ----

SIZE_KEYS = ("compressor", "input", "bytes", "cx", "c_empty", "bits", "bits_above_container")


def sizes(fmt, text):
    lines = _lines(text)
    rows = []
    if fmt == "plain":
        for line in lines:
            name, _, bits = line.rpartition("\t")
            rows.append(dict(dict.fromkeys(SIZE_KEYS), compressor=name or None, bits=int(bits)))
    elif fmt in ("table", "md"):
        if fmt == "md" and (len(lines) < 2 or not lines[1].startswith("|---")):
            raise ValueError("md output lacks its |---| line")
        for line in lines[1:] if fmt == "table" else lines[2:]:
            if fmt == "md":
                if not (line.startswith("| ") and line.endswith(" |")):
                    raise ValueError("md row not in | |: %r" % line)
                f = [c.strip() for c in line[2:-2].split(" | ")]
                f = [f[0], " | ".join(f[1:-5]).replace("\\|", "|")] + f[-5:]
            else:
                name, rest = line.split(None, 1)
                label, nums = _tail(rest, 5)
                f = [name, label.rstrip()] + nums
            if len(f) != 7:
                raise ValueError("row does not have 7 fields: %r" % line)
            rows.append(dict(zip(SIZE_KEYS, f[:2] + [int(v) for v in f[2:]])))
    elif fmt in ("csv", "tsv", "json"):
        for d in _dicts(fmt, text):
            if sorted(d) != sorted(SIZE_KEYS + ("codec", "level")):
                raise ValueError("keys %r" % sorted(d))
            rows.append(dict((k, d[k] if k in ("compressor", "input") else int(d[k]))
                             for k in SIZE_KEYS))
    else:
        raise ValueError("unknown format %r" % fmt)
    if not rows:
        raise ValueError("no rows")
    return rows


def main(argv):
    text = sys.stdin.read()
    try:
        if len(argv) == 2 and argv[0] == "pair":
            for r in pairs(argv[1], text):
                print(" ".join("-" if r[k] is None else str(r[k])
                               for k in ("compressor", "cx", "cy", "cxy", "value")))
        elif len(argv) in (3, 4) and argv[0] == "matrix":
            ms = matrices(argv[1], text, int(argv[2]), int(argv[3]) if len(argv) == 4 else None)
            print("\n\n".join("\n".join(" ".join(r) for r in m["values"]) for m in ms))
        elif len(argv) == 2 and argv[0] == "size":
            for r in sizes(argv[1], text):
                print(" ".join("-" if r[k] is None else str(r[k]) for k in SIZE_KEYS))
        else:
            sys.exit("usage: formats.py pair FMT | formats.py matrix FMT N [M] | "
                     "formats.py size FMT  (output on stdin)")
    except (ValueError, KeyError, TypeError, json.JSONDecodeError) as e:
        sys.exit("formats.py: %s output does not parse: %s" % (argv[1], e))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
