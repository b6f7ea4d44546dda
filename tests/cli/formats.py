#!/usr/bin/env python3
"""Parsers for every output format of `kcbench ncd`, so tests can check that formats agree.

Values are kept as the text kcbench printed ("0.123456"), never converted to float, so
that agreement means the same digits.

As a module:
    pairs(fmt, text)        -> [{"compressor", "cx", "cy", "cxy", "value"}] for a pair's output
                               (plain gives compressor only with -c of several, and no sizes)
    matrices(fmt, text, n)  -> [{"title", "labels", "values", "sizes"}] for n inputs
                               (missing pieces are None: plain has no labels, phylip no title)
As a program, reading kcbench's output on standard input:
    formats.py pair FMT       one line per compressor: "compressor cx cy cxy value" ('-' = absent)
    formats.py matrix FMT N   the values of each matrix, one row per line, matrices separated
                              by a blank line (the same text for every format)
Raises ValueError (the program exits 1) when the text does not have the format's shape.
"""
import csv
import io
import json
import sys

FORMATS = ("plain", "table", "csv", "json", "phylip", "md")


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
    elif fmt == "csv":
        r = list(csv.DictReader(io.StringIO(text)))
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

def _matrix(title, labels, values, n, sizes=None):
    if len(values) != n or any(len(r) != n for r in values):
        raise ValueError("matrix is not %dx%d" % (n, n))
    for r in values:
        for v in r:
            _num(v)
    return dict(title=title, labels=labels, values=values, sizes=sizes)


def matrices(fmt, text, n):
    lines = _lines(text)
    out = []
    if fmt == "plain":
        for b in _blocks(lines):
            out.append(_matrix(None, None, [l.split(" ") for l in b], n))
    elif fmt == "table":
        for b in _blocks(lines):
            if len(b) != n + 2 or not b[0].startswith("# "):
                raise ValueError("table block is not '# title', header and %d rows" % n)
            rows = [_tail(l, n) for l in b[2:]]
            out.append(_matrix(b[0][2:], [lab.rstrip() for lab, _ in rows],
                               [v for _, v in rows], n))
    elif fmt == "md":
        # titles and tables alternate: "**t**", "", table, "", "**t**", "", table
        blocks = _blocks(lines)
        for t, tab in zip(blocks[0::2], blocks[1::2]):
            if len(t) != 1 or not t[0].startswith("**") or len(tab) != n + 2:
                raise ValueError("md matrix is not '**title**', blank, header, |---|, %d rows" % n)
            labels, values = [], []
            for row in tab[2:]:
                if not (row.startswith("| ") and row.endswith(" |")):
                    raise ValueError("md row not in | |: %r" % row)
                cells = row[2:-2].split(" | ")
                labels.append(" | ".join(cells[:-n]).replace("\\|", "|"))
                values.append(cells[-n:])
            out.append(_matrix(t[0][2:-2], labels, values, n))
        if len(blocks) % 2:
            raise ValueError("md output ends with a title and no table")
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        if not rows or rows[0][:2] != ["matrix", "label"] or len(rows[0]) != n + 2:
            raise ValueError("csv header is not matrix,label and %d labels" % n)
        body = rows[1:]
        if len(body) % n:
            raise ValueError("csv has %d rows, not a multiple of %d" % (len(body), n))
        for k in range(0, len(body), n):
            chunk = body[k:k + n]
            if any(len(r) != n + 2 or r[0] != chunk[0][0] for r in chunk):
                raise ValueError("csv matrix rows disagree in width or title")
            out.append(_matrix(chunk[0][0], [r[1] for r in chunk], [r[2:] for r in chunk], n))
            if [r[1] for r in chunk] != rows[0][2:]:
                raise ValueError("csv row labels differ from the header's")
    elif fmt == "json":
        for d in json.loads(text, parse_float=str):
            out.append(_matrix("%s %s" % (d["compressor"], d["distance"]), d["labels"],
                               d["matrix"], n, d.get("sizes")))
    elif fmt == "phylip":
        k = 0
        while k < len(lines):
            if lines[k].strip() != str(n):
                raise ValueError("phylip line %d is %r, expected the count %d" % (k + 1, lines[k], n))
            rows = [_tail(l, n) for l in lines[k + 1:k + 1 + n]]
            if len(rows) != n:
                raise ValueError("phylip matrix has fewer than %d rows" % n)
            out.append(_matrix(None, [lab.rstrip() for lab, _ in rows], [v for _, v in rows], n))
            k += n + 1
    else:
        raise ValueError("unknown format %r" % fmt)
    if not out:
        raise ValueError("no matrix")
    return out


def main(argv):
    text = sys.stdin.read()
    try:
        if len(argv) == 2 and argv[0] == "pair":
            for r in pairs(argv[1], text):
                print(" ".join("-" if r[k] is None else str(r[k])
                               for k in ("compressor", "cx", "cy", "cxy", "value")))
        elif len(argv) == 3 and argv[0] == "matrix":
            ms = matrices(argv[1], text, int(argv[2]))
            print("\n\n".join("\n".join(" ".join(r) for r in m["values"]) for m in ms))
        else:
            sys.exit("usage: formats.py pair FMT | formats.py matrix FMT N  (output on stdin)")
    except (ValueError, KeyError, TypeError, json.JSONDecodeError) as e:
        sys.exit("formats.py: %s output does not parse: %s" % (argv[1], e))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
