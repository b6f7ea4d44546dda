#!/usr/bin/env python3
"""What `kcbench probe` must print, from tests/oracle.py (Python's gzip, zlib, lzma, bz2).

usage (run from tests/cli/probe.t):
    probe_oracle.py concat SPECS CORPUS...
        the csv `probe concat -c SPECS -f csv CORPUS...` prints, less the two name columns
        (compare with `cut -d, -f1,4-`): for each compressor and ordered pair X, Y of the
        corpora, bytes, C(X), C(Y), C(XY), C(YX), gain = C(X)+C(Y)-C(XY) ('%.0f'),
        gain / min(C(X), C(Y)) ('%.6f'), c = C(XY)-C(X)-C(Y) ('%.0f'), C(empty),
        held = C(XY) <= C(X)+C(Y)+C(empty) (true/false, as kcbench writes csv), bits per
        byte 8 C / bytes of X, Y and XY ('%.6f', empty for no bytes), literal = bpb XY below
        both, the codec's window (WINDOWS below) and the artefact: 'block' for bzip2 when
        |X|+|Y| exceeds its block, 'window' for the others when |X| exceeds the window.
    probe_oracle.py window SPECS FROM FILE
        the csv of `probe window -c SPECS --from FROM -f csv FILE` less the window column
        (compare with `cut -d, -f1,3-`): sizes FROM, 2 FROM, 4 FROM ... below the file's
        size, then the size itself; C(x), C(xx), NCD(x,x) = (C(xx)-C(x))/C(x) and
        (2 C(x) - C(xx)) / C(x), both '%.6f'.
    probe_oracle.py scaling DESIGN FROM CHUNK CHUNKS POINTS FILE < CSV
        checks `probe scaling --design DESIGN -f csv` output for each compressor the oracle
        knows: at most POINTS rows, bytes_seen strictly increasing from FROM to the file's
        size less CHUNKS*CHUNK (H bytes), and at each n the bits per byte are the oracle's mean
        over CHUNKS chunks of 8 (C(prefix + chunk) - C(prefix)) / CHUNK (exact to the printed
        digits), the sd their sample standard deviation (to 1e-6). DESIGN heldout: the chunks
        are the last H bytes and the prefix the n bytes just before them; next: the prefix
        is x[:n] and the chunks follow it. in_fit is true exactly when n <= the codec's
        window, and fitted is empty where it is false. Prints one line per compressor.
    probe_oracle.py linefit < JSON
        checks that each fit's log-log slope and R² (json of `probe scaling`) are the least
        squares line through its points with in_fit true, log10 y against log10 x, to 1e-5;
        prints one line per compressor.

A CORPUS is a file; a directory (its regular files not starting with '.', in byte order of
their names, concatenated); or FILE:LABEL when FILE:LABEL is not a file itself (the texts of
that label in a label<TAB>text file, joined by '\\n').
Exits 1 with the problems on stderr when a check fails.
"""
import csv
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import oracle  # noqa: E402  (tests/oracle.py)


def fail(msg):
    sys.stderr.write("probe_oracle.py: %s\n" % msg)
    sys.exit(1)


def corpus(arg):
    if not os.path.exists(arg) and ":" in arg:
        path, label = arg.rsplit(":", 1)
        texts = []
        for line in open(path, "rb").read().split(b"\n"):
            if line:
                lab, text = line.split(b"\t", 1)
                if lab.decode() == label:
                    texts.append(text)
        return b"\n".join(texts)
    if os.path.isdir(arg):
        names = sorted((n for n in os.listdir(arg) if not n.startswith(".")
                        and os.path.isfile(os.path.join(arg, n))), key=os.fsencode)
        return b"".join(open(os.path.join(arg, n), "rb").read() for n in names)
    return open(arg, "rb").read()


# Bytes a match reaches back (deflate: 32 KiB less zlib's MIN_LOOKAHEAD of 262), and bzip2's
# block (100000 bytes per level): the codecs the oracle cases use.
WINDOWS = {"gzip": lambda l: 32768 - 262, "zlib": lambda l: 32768 - 262,
           "deflate": lambda l: 32768 - 262, "bzip2": lambda l: 100000 * l}


def bpb(c, n):
    return "%.6f" % (8.0 * c / n) if n else ""


def specs(text):
    return [(s.split(":")[0], int(s.split(":")[1])) for s in text.split(",")]


def concat(argv):
    xs = [corpus(a) for a in argv[1:]]
    print("compressor,bytes_x,bytes_y,cx,cy,cxy,cyx,gain,gain_rel,c_needed,c_empty,held,"
          "bpb_x,bpb_y,bpb_xy,literal,window,artefact")
    for codec, level in specs(argv[0]):
        def c(b):
            return oracle.size(codec, level, b)
        ce, w = c(b""), WINDOWS[codec](level)
        for x in xs:
            for y in xs:
                cx, cy, cxy, cyx = c(x), c(y), c(x + y), c(y + x)
                gain = float(cx) + float(cy) - float(cxy)
                rates = [8.0 * cx / len(x) if x else None, 8.0 * cy / len(y) if y else None,
                         8.0 * cxy / (len(x) + len(y)) if x + y else None]
                literal = None not in rates and rates[2] < rates[0] and rates[2] < rates[1]
                art = ("block" if len(x) + len(y) > w else "none") if codec == "bzip2" else \
                    "window" if len(x) > w else "none"
                print("%s:%d,%d,%d,%d,%d,%d,%d,%.0f,%.6f,%.0f,%d,%s,%s,%s,%s,%s,%d,%s" % (
                    codec, level, len(x), len(y), cx, cy, cxy, cyx, gain,
                    gain / float(min(cx, cy)), float(cxy) - float(cx) - float(cy), ce,
                    "true" if cxy <= cx + cy + ce else "false", bpb(cx, len(x)),
                    bpb(cy, len(y)), bpb(cxy, len(x) + len(y)),
                    "true" if literal else "false", w, art))


def window(argv):
    frm, x = int(argv[1]), open(argv[2], "rb").read()
    sizes, s = [], frm
    while s < len(x):
        sizes.append(s)
        s *= 2
    sizes.append(len(x))
    print("compressor,bytes,cx,cxx,ncd_xx,gain_rel")
    for codec, level in specs(argv[0]):
        for n in sizes:
            cx = oracle.size(codec, level, x[:n])
            cxx = oracle.size(codec, level, x[:n] + x[:n])
            print("%s:%d,%d,%d,%d,%.6f,%.6f" % (codec, level, n, cx, cxx,
                                                 oracle.dist("ncd", cx, cx, cxx),
                                                 (2.0 * cx - cxx) / cx))


def scaling(argv):
    design = argv[0]
    frm, chunk, chunks, points = map(int, argv[1:5])
    x = open(argv[5], "rb").read()
    top = len(x) - chunks * chunk
    rows = {}
    for r in csv.DictReader(sys.stdin):
        rows.setdefault(r["compressor"], []).append(r)
    bad, done = [], []
    for name, rs in rows.items():
        codec, level = name.split(":")
        if codec not in oracle.CODECS:
            continue
        level = int(level)
        seen = [int(r["bytes_seen"]) for r in rs]
        if not 1 <= len(seen) <= points:
            bad.append("%s: %d points, asked for %d" % (name, len(seen), points))
        if seen[0] != frm or seen[-1] != top:
            bad.append("%s: from %d to %d, want %d to %d" % (name, seen[0], seen[-1], frm, top))
        if any(b <= a for a, b in zip(seen, seen[1:])):
            bad.append("%s: not increasing: %s" % (name, seen))
        w = WINDOWS[codec](level) if codec in WINDOWS else None
        for r, n in zip(rs, seen):
            prefix = x[top - n:top] if design == "heldout" else x[:n]
            at = top if design == "heldout" else n
            c0 = oracle.size(codec, level, prefix)
            b = [8.0 * (oracle.size(codec, level, prefix + x[at + i * chunk:at + (i + 1) * chunk])
                        - c0) / chunk for i in range(chunks)]
            inside = w is None or n <= w
            if w is not None and r["in_fit"] != ("true" if inside else "false"):
                bad.append("%s at %d: in_fit %s, window %d" % (name, n, r["in_fit"], w))
            if r["design"] != design or (not inside and r["fitted"] != ""):
                bad.append("%s at %d: design %s, fitted %r" % (name, n, r["design"], r["fitted"]))
            mean = sum(b) / chunks
            sd = math.sqrt(sum((v - mean) ** 2 for v in b) / (chunks - 1)) if chunks > 1 else 0.0
            if r["bits_per_byte"] != "%.6f" % mean:
                bad.append("%s at %d: bits_per_byte %s, oracle %.6f" % (name, n, r["bits_per_byte"],
                                                                        mean))
            if abs(float(r["sd"]) - sd) > 1e-6:
                bad.append("%s at %d: sd %s, oracle %.6f" % (name, n, r["sd"], sd))
        done.append("%s: %d points, as the oracle" % (name, len(seen)))
    if bad:
        fail("\n".join(bad))
    if not done:
        fail("no compressor the oracle knows")
    print("\n".join(done))


def linefit():
    rows = json.load(sys.stdin)  # one object per point, each with its curve's fits
    pts, fits, bad, done = {}, {}, [], []
    for p in rows:
        if p["in_fit"]:
            pts.setdefault(p["compressor"], []).append((p.get("bytes_seen", p.get("n_train")),
                                                         p.get("bits_per_byte",
                                                               p.get("knn_error"))))
        fits.setdefault(p["compressor"], p)
    for f in fits.values():
        xy = [(math.log10(x), math.log10(y)) for x, y in pts[f["compressor"]] if x > 0 and y > 0]
        n = len(xy)
        mx, my = sum(a for a, _ in xy) / n, sum(b for _, b in xy) / n
        sxx = sum((a - mx) ** 2 for a, _ in xy)
        sxy = sum((a - mx) * (b - my) for a, b in xy)
        syy = sum((b - my) ** 2 for _, b in xy)
        slope = sxy / sxx
        r2 = 1 - sum((b - my - slope * (a - mx)) ** 2 for a, b in xy) / syy
        if f["line_status"] != "fitted" or abs(f["slope"] - slope) > 1e-5 or \
                abs(f["line_r2"] - r2) > 1e-5:
            bad.append("%s: %s slope %s R2 %s, want %.6f %.6f" % (
                f["compressor"], f["line_status"], f["slope"], f["line_r2"], slope, r2))
        done.append("%s: the line through %d points" % (f["compressor"], n))
    if bad:
        fail("\n".join(bad))
    print("\n".join(done))


def main(argv):
    if len(argv) < 2:
        fail("usage: see the docstring")
    cmd, rest = argv[1], argv[2:]
    if cmd == "concat":
        concat(rest)
    elif cmd == "window":
        window(rest)
    elif cmd == "scaling":
        scaling(rest)
    elif cmd == "linefit":
        linefit()
    else:
        fail("unknown command %s" % cmd)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
