#!/usr/bin/env python3
"""What `kcbench bench` must print, from tests/oracle.py, and parsers of what it did print.

usage (run from tests/cli/bench.t):
    bench_check.py expect [--chunk N] [--learn] SPECS FILE...
        the csv columns compressor,file,original,compressed,ratio,bits_per_byte[,ncd_xx],
        verified that `bench -c SPECS -f csv FILE...` prints, computed from the oracle's
        sizes (SPECS: NAME:LEVEL,... of codecs the oracle knows): a row per file and
        compressor (files in the order given, compressors in SPECS order), then a total row
        per compressor with the sizes summed (and NCD(x,x) averaged); ratio = original /
        compressed and bits_per_byte = 8 compressed / original as '%.6f', empty when
        undefined. --chunk N: the compressed size is the sum of the sizes of independent
        N-byte chunks. --learn: ncd_xx = (C(xx) - C(x)) / C(x) of each whole file.
    bench_check.py rows FMT < OUTPUT
        parses bench's output in FMT (table, md, csv, json) and prints one line per row,
        "compressor file original compressed verified", so that formats can be diffed.
    bench_check.py derived FMT < OUTPUT
        checks every row's ratio and bits/byte against its own printed sizes, to the printed
        precision (3 decimals in table and md, 6 in csv and json), '-', empty or null when
        the division is undefined; prints "N rows: ratio and bits/byte agree with the sizes".
    bench_check.py sorted COLUMN < CSV
        checks that within each file's rows (and the totals) the csv rows are ordered by
        COLUMN: ratio (descending), bits_per_byte or compressed (ascending); prints
        "N groups ordered by COLUMN".
Exits 1 with the problems on stderr when a check fails or the output has not the format's
shape.
"""
import csv
import io
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import oracle  # noqa: E402  (tests/oracle.py)


def fail(msg):
    sys.stderr.write("bench_check.py: %s\n" % msg)
    sys.exit(1)


def six(v):
    return "" if v is None else "%.6f" % v


def div(a, b):
    return a / b if b > 0 else None


def expect(argv):
    chunk, learn = 0, False
    while argv and argv[0].startswith("--"):
        opt = argv.pop(0)
        if opt == "--chunk":
            chunk = int(argv.pop(0))
        elif opt == "--learn":
            learn = True
        else:
            fail("unknown option %s" % opt)
    specs = [(s.split(":")[0], int(s.split(":")[1])) for s in argv[0].split(",")]
    files = argv[1:]
    data = [open(f, "rb").read() for f in files]
    cols = ["compressor", "file", "original", "compressed", "ratio", "bits_per_byte"]
    print(",".join(cols + (["ncd_xx"] if learn else []) + ["verified"]))

    def row(name, file, orig, comp, ncd):
        fields = [name, file, str(orig), str(comp), six(div(float(orig), float(comp))),
                  six(div(8.0 * comp, float(orig)))]
        print(",".join(fields + ([six(ncd)] if learn else []) + ["true"]))

    totals = {}
    for f, x in zip(files, data):
        for codec, level in specs:
            if chunk and x:
                comp = sum(oracle.size(codec, level, x[i:i + chunk])
                           for i in range(0, len(x), chunk))
            else:
                comp = oracle.size(codec, level, x)
            ncd = None
            if learn:
                cx = oracle.size(codec, level, x)
                ncd = oracle.dist("ncd", cx, cx, oracle.size(codec, level, x + x))
            row("%s:%d" % (codec, level), os.path.basename(f), len(x), comp, ncd)
            t = totals.setdefault((codec, level), [0, 0, 0.0])
            t[0] += len(x)
            t[1] += comp
            t[2] += ncd if learn else 0.0
    for codec, level in specs:
        o, c, n = totals[(codec, level)]
        row("%s:%d" % (codec, level), "(total)", o, c, n / len(files) if learn else None)


# ---- parsing bench's output: rows of {compressor, file, original, compressed, ratio, bpb,
# verified}, numbers kept as the text printed ----

def parse_table(text):
    lines = text.split("\n")
    if not text.endswith("\n") or not lines[0].startswith("compressor "):
        fail("table: no header line")
    rows = []
    for line in lines[1:-1]:
        if not line:
            continue
        f = line.split()
        if "round trip FAILED" in line:
            rows.append(dict(compressor=f[0], file=f[2], original=f[3], compressed="",
                             ratio="", bpb="", verified="false"))
            continue
        if len(f) < 11:
            fail("table: short row %r" % line)
        rows.append(dict(compressor=f[0], file=f[2], original=f[3], compressed=f[4],
                         ratio=f[5], bpb=f[6], verified="true"))
    return rows


def parse_md(text):
    lines = text.split("\n")
    if not text.endswith("\n") or not lines[0].startswith("| compressor |") or \
            not lines[1].startswith("|---|"):
        fail("md: no header and separator")
    rows = []
    for line in lines[2:-1]:
        if not (line.startswith("| ") and line.endswith(" |")):
            fail("md: not a table row %r" % line)
        f = [c.strip() for c in line[1:-1].split("|")]
        if "round trip FAILED" in line:
            rows.append(dict(compressor=f[0], file=f[2], original=f[3], compressed="",
                             ratio="", bpb="", verified="false"))
            continue
        rows.append(dict(compressor=f[0], file=f[2], original=f[3], compressed=f[4],
                         ratio=f[5], bpb=f[6], verified="true"))
    return rows


def parse_csv(text):
    r = list(csv.DictReader(io.StringIO(text)))
    if not r and not text.startswith("compressor,"):
        fail("csv: no header")
    return [dict(compressor=d["compressor"], file=d["file"], original=d["original"],
                 compressed=d["compressed"], ratio=d["ratio"], bpb=d["bits_per_byte"],
                 verified=d["verified"]) for d in r]


def parse_json(text):
    try:
        doc = json.loads(text, parse_float=str)
    except ValueError as e:
        fail("json: %s" % e)
    if not isinstance(doc, list):
        fail("json: not a list")

    def s(v):
        return "" if v is None else str(v)

    return [dict(compressor=d["compressor"], file=d["file"], original=s(d["original"]),
                 compressed=s(d.get("compressed")), ratio=s(d.get("ratio")),
                 bpb=s(d.get("bits_per_byte")), verified="true" if d["verified"] else "false")
            for d in doc]


PARSERS = {"table": parse_table, "md": parse_md, "csv": parse_csv, "json": parse_json}


def parse(fmt):
    return PARSERS[fmt](sys.stdin.read())


def rows(fmt):
    for r in parse(fmt):
        print(r["compressor"], r["file"], r["original"], r["compressed"], r["verified"])


def derived(fmt):
    dec = 3 if fmt in ("table", "md") else 6
    undefined = {"table": "-", "md": "-", "csv": "", "json": ""}[fmt]
    n, bad = 0, []
    for r in parse(fmt):
        if r["verified"] != "true":
            continue
        orig, comp = int(r["original"]), int(r["compressed"])
        for key, num, den in (("ratio", float(orig), float(comp)), ("bpb", 8.0 * comp, float(orig))):
            want = "%.*f" % (dec, num / den) if den > 0 else undefined
            if r[key] != want:
                bad.append("%s %s: %s %r, want %r" % (r["compressor"], r["file"], key, r[key], want))
        n += 1
    if bad:
        fail("\n".join(bad))
    if n == 0:
        fail("no rows")
    print("%d rows: ratio and bits/byte agree with the sizes" % n)


def ordered(column):
    desc = column == "ratio"
    groups, bad = [], []
    for d in csv.DictReader(sys.stdin):
        if not groups or groups[-1][0] != d["file"]:
            groups.append((d["file"], []))
        groups[-1][1].append(float(d[column]))
    for file, v in groups:
        ok = all((a >= b) if desc else (a <= b) for a, b in zip(v, v[1:]))
        if not ok:
            bad.append("%s: %s not in %s order: %s" % (file, column,
                                                       "descending" if desc else "ascending", v))
    if len({f for f, _ in groups}) != len(groups):
        bad.append("a file's rows are not together")
    if bad:
        fail("\n".join(bad))
    print("%d groups ordered by %s" % (len(groups), column))


def main(argv):
    if len(argv) < 2:
        fail("usage: see the docstring")
    cmd, rest = argv[1], argv[2:]
    if cmd == "expect":
        expect(rest)
    elif cmd == "rows":
        rows(rest[0])
    elif cmd == "derived":
        derived(rest[0])
    elif cmd == "sorted":
        ordered(rest[0])
    else:
        fail("unknown command %s" % cmd)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
