#!/usr/bin/env python3
"""What `kcbench bench` must print, from tests/oracle.py, and parsers of what it did print.

usage (run from tests/cli/bench.t):
    bench_check.py expect [--chunk N] [--learn] SPECS FILE...
        the csv columns compressor,file,original,compressed,ratio,bits_per_byte[,ncd_xx],
        verified that `bench -c SPECS -f csv FILE...` prints, computed from the oracle's
        sizes (SPECS: NAME:LEVEL,... of codecs the oracle knows): a row per file and
        compressor (files in the order given; memcpy first, its size the original and its
        NCD(x,x) empty, then the compressors in SPECS order), then a total row per
        compressor with the sizes summed (and NCD(x,x) averaged); ratio = original /
        compressed and bits_per_byte = 8 compressed / original as '%.6f', empty when
        undefined. --chunk N: the compressed size is the sum of the sizes of independent
        N-byte chunks. --learn: ncd_xx = (C(xx) - C(x)) / C(x) of each whole file.
    bench_check.py rows FMT < OUTPUT
        parses bench's output in FMT (table, md, csv, json) and prints one line per row,
        "compressor file original compressed verified", so that formats can be diffed; the
        table must open with a "# kcbench ..." title line, md with a bold one.
    bench_check.py derived FMT < OUTPUT
        checks every row's ratio and bits/byte against its own printed sizes, to the printed
        precision (3 decimals in table and md, 6 in csv and json), '-', empty or null when
        the division is undefined; prints "N rows: ratio and bits/byte agree with the sizes".
    bench_check.py sorted COLUMN < CSV
        checks that each file's rows (and the totals) open with memcpy and that the rest
        are ordered by COLUMN: ratio (descending), bits_per_byte or compressed (ascending);
        prints "N groups ordered by COLUMN".
    bench_check.py header TABLE MD CSV JSON
        the four outputs of one bench run: checks that the title of the table ("# T") and
        of md ("**T**") is "kcbench V, COMPILER, CPU (N cores); LIB VERSION, ..." with V,
        COMPILER, CPU and N the kcbench_version, compiler, cpu and cores columns of every
        csv and json row (the same in all), and the libraries those of the rows' library
        and version columns, each once, in row order; prints "title and columns agree".
    bench_check.py stopped FMT SPECS FILE... < OUTPUT   (stderr of the run in $ERR)
        checks an interrupted run: its rows (FMT: table, csv, json) are the first N of the
        measurements planned (per file: memcpy, then SPECS in order), 0 < N < all or N = 0
        with --none, each verified, with no totals, and the file $ERR (the run's stderr,
        progress lines aside) is the one line "kcbench bench: interrupted after N of M
        measurements (file F, compressor C)", F and C the measurement after the N-th.
        --any-order: the rows may come in any order (--sort). Prints "rows: the N measured
        before the interruption, no totals; the message says where it stopped" (N as 'N'
        when --none is not given, so that the line does not depend on timing).
Exits 1 with the problems on stderr when a check fails or the output has not the format's
shape.
"""
import csv
import io
import json
import os
import re
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
        row("memcpy", os.path.basename(f), len(x), len(x), None)
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
    whole = sum(len(x) for x in data)
    row("memcpy", "(total)", whole, whole, None)
    for codec, level in specs:
        o, c, n = totals[(codec, level)]
        row("%s:%d" % (codec, level), "(total)", o, c, n / len(files) if learn else None)


# ---- parsing bench's output: rows of {compressor, file, original, compressed, ratio, bpb,
# verified}, numbers kept as the text printed ----

def parse_table(text):
    lines = text.split("\n")
    if not text.endswith("\n") or not lines[0].startswith("# kcbench "):
        fail("table: no title line")
    if len(lines) < 3 or not lines[1].startswith("compressor "):
        fail("table: no header line")
    rows = []
    for line in lines[2:-1]:
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
    if not text.endswith("\n") or not re.match(r"\*\*kcbench .*\*\*$", lines[0]) or lines[1]:
        fail("md: no bold title line and blank line")
    if len(lines) < 5 or not lines[2].startswith("| compressor |") or \
            not lines[3].startswith("|---|"):
        fail("md: no header and separator")
    rows = []
    for line in lines[4:-1]:
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
        for key, num, den in (("ratio", float(orig), float(comp)),
                              ("bpb", 8.0 * comp, float(orig))):
            want = "%.*f" % (dec, num / den) if den > 0 else undefined
            if r[key] != want:
                bad.append("%s %s: %s %r, want %r" % (r["compressor"], r["file"], key, r[key],
                                                      want))
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
            if d["compressor"] != "memcpy":
                bad.append("%s: the first row is %s, not memcpy" % (d["file"], d["compressor"]))
            continue
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


def header(paths):
    table, md, csvtext, jsontext = [open(p).read() for p in paths]
    rows = list(csv.DictReader(io.StringIO(csvtext)))
    jrows = json.loads(jsontext)
    if not rows or len(rows) != len(jrows):
        fail("csv has %d rows, json %d" % (len(rows), len(jrows)))
    keys = ("kcbench_version", "compiler", "cpu", "cores")
    first = {k: rows[0][k] for k in keys}
    for r, j in zip(rows, jrows):
        if {k: r[k] for k in keys} != first or {k: str(j[k]) for k in keys} != first:
            fail("rows differ in %s: %s / %s" % (keys, r, j))
    if not re.match(r"[1-9]\d*$", first["cores"]):
        fail("cores %r" % first["cores"])
    libs = []
    for r in rows:
        lib = "%s %s" % (r["library"], r["version"])
        if lib not in libs:
            libs.append(lib)
    title = "kcbench %s, %s, %s (%s cores); %s" % (first["kcbench_version"], first["compiler"],
                                                   first["cpu"], first["cores"], ", ".join(libs))
    if table.split("\n")[0] != "# " + title:
        fail("table title %r, want %r" % (table.split("\n")[0], "# " + title))
    if md.split("\n")[0] != "**%s**" % title:
        fail("md title %r, want %r" % (md.split("\n")[0], "**%s**" % title))
    print("title and columns agree")


def stopped(argv):
    none = any_order = False
    while argv and argv[0].startswith("--"):
        opt = argv.pop(0)
        none, any_order = none or opt == "--none", any_order or opt == "--any-order"
    fmt, specs, files = argv[0], argv[1].split(","), [os.path.basename(f) for f in argv[2:]]
    planned = [(c, f) for f in files for c in ["memcpy"] + specs]
    got = parse(fmt)
    n = len(got)
    pairs = [(r["compressor"], r["file"]) for r in got]
    want = planned[:n]
    if (sorted(pairs) if any_order else pairs) != (sorted(want) if any_order else want):
        fail("rows %s are not the first %d planned, %s" % (pairs, n, want))
    if any(r["verified"] != "true" for r in got):
        fail("a row is not verified")
    if none != (n == 0) or n >= len(planned):
        fail("%d of %d measurements" % (n, len(planned)))
    lines = [ln for ln in open(os.environ["ERR"]).read().split("\n")
             if ln and not re.search(r" bytes \(\d+%\)", ln)]
    msg = "kcbench bench: interrupted after %d of %d measurements (file %s, compressor %s)" % (
        n, len(planned), planned[n][1], planned[n][0])
    if lines != [msg]:
        fail("stderr %r, want %r" % (lines, msg))
    print("rows: the %s measured before the interruption, no totals; the message says where it "
          "stopped" % (n if none else "N"))


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
    elif cmd == "header":
        header(rest)
    elif cmd == "stopped":
        stopped(rest)
    else:
        fail("unknown command %s" % cmd)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
