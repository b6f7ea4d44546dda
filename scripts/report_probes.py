#!/usr/bin/env python3
"""Regenerates the probe reports from kcbench's JSON output: reports/concat.md (concatenation
gain against the literal reading), reports/window.md (NCD(x,x) as x grows), reports/scaling.md
(the cost of a held-out block, a kNN learning curve, fits and whether they are identified)
and reports/tree.md (UDHR languages by NCD, checked against their families; the tree part is
in report_tree.py), with their SVG figures in reports/figures/. Each table has above it the
command that made it; each report names the machine and the versions.

usage: scripts/report_probes.py [KCBENCH] [concat|window|scaling|scaling-nd|tree]...

scaling writes the whole of reports/scaling.md, its L(N, D) section included; scaling-nd
runs only that section (report_scaling_nd.py) and puts it into the existing file.
"""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kcbreport as kr  # noqa: E402
import report_scaling_nd  # noqa: E402
import report_tree  # noqa: E402

FIG = "reports/figures"
CODECS = "gzip:9,xz:6,zstd:19,bzip2:9"
WINDOW = ["gzip:9", "zlib:6", "deflate:6", "xz:0", "xz:6", "zstd:1", "zstd:19", "bzip2:1",
          "bzip2:9", "brotli:11", "lz4:1", "libdeflate:6"]
RISE = 0.5  # NCD(x,x) at or above this: the first copy of x is no longer seen whole

WINDOW_HEADS = {"cx": "C(x)", "cxx": "C(xx)", "ncd_xx": "NCD(x,x)", "gain_rel": "gain/C(x)"}
CONCAT_HEADS = {"x": "X", "y": "Y", "cx": "C(X)", "cy": "C(Y)", "cxy": "C(XY)", "cyx": "C(YX)",
                "gain_rel": "gain/min", "c_needed": "c", "bpb_x": "bpb X", "bpb_y": "bpb Y",
                "bpb_xy": "bpb XY"}


def corp(*parts):
    return os.path.join(kr.CORP, *parts)


def data(*parts):
    return os.path.join(kr.DATA, *parts)


def machine_text(kcb):
    """One line: kcbench's version and compiler, the machine, the libraries (kr.machine)."""
    lines = kr.run_plain(kcb, ["--version"]).splitlines()
    compiler = " ".join(lines[1].split()[1:]) if len(lines) > 1 else "?"
    others = ", ".join("%s %s" % tuple(l.split()[:2]) for l in lines[2:]
                       if l.split()[0] in ("jansson", "gsl"))
    return "_%s (%s) on %s; %s._\n" % (lines[0], compiler, kr.machine(kcb), others)


def num(v):
    return "{:,}".format(v)


# ---- concat ----

CONCAT_INTRO = """# Concatenation gain: K(X,Y) <= K(X) + K(Y) + c, measured

%s
The summer-school slides say that "concatenating two datasets makes the result more
compressible than each individual dataset", and write K(X,Y) <= K(X) + K(Y) + c. These are
two different claims, and with a real compressor C in place of K this report measures both:

- **Subadditivity**, the inequality: the gain C(X) + C(Y) - C(XY) (bytes; gain/min divides
  it by min(C(X), C(Y))) and c = C(XY) - C(X) - C(Y), the smallest c for which the
  inequality holds. "held" compares against c = C(empty), the codec's container, since C(XY)
  pays for one container where C(X) + C(Y) pays for two.
- **The literal sentence**: XY is more compressible than each, i.e. its bits per byte,
  8 C(XY) / (|X| + |Y|), are below both those of X and of Y ("literal"). Without a gain the
  rate of XY is a weighted mean of the two rates, so it lies between them: the literal
  reading needs a gain large enough to pull XY below the better-compressed corpus.
  Subadditivity does not imply it.

Some gains say more about the compressor than about X and Y ("artefact", computed by
kcbench): **window** when X is longer than the codec's window (%s: while coding Y, C(XY)
can use only the end of X), **block** when XY is longer than a bzip2 block (%s: XY is cut
into blocks that are neither X nor Y). The windows are those `kcbench codecs` reports (the
json rows carry them as `window`, with the corpus sizes `bytes_x` and `bytes_y`).

Corpora: three Canterbury texts (Carroll, Shakespeare, Milton), two classes of R8 (crude,
trade), two of AG News (2 Sports, 4 Sci/Tech), and the UDHR in English and German. The
counts below are over all 72 ordered pairs of different corpora; X with itself (the
diagonal) is left out of every count, being the optimistic case of a corpus that repeats.
The pairs are every pair of these 9 corpora, not a sample, and they share corpora, so the
counts describe these corpora and no interval is given.

Made by `scripts/report_probes.py` (`make reports`) from kcbench's JSON output.
"""


def concat_counts(rs):
    """The counts of one compressor's pairs of different corpora."""
    clean = [r for r in rs if r["artefact"] == "none"]
    return [len(rs), sum(r["held"] for r in rs), sum(r["gain"] > 0 for r in rs),
            sum(r["literal"] for r in rs),
            sum(r["artefact"] == "window" for r in rs), sum(r["artefact"] == "block" for r in rs),
            "%d of %d" % (sum(r["held"] for r in clean), len(clean)),
            "%d of %d" % (sum(r["literal"] for r in clean), len(clean))]


def concat_summary(rows):
    """Counts per compressor, and subadditivity against the literal reading on the same pairs."""
    comps = list(dict.fromkeys(r["compressor"] for r in rows))
    off = {c: [r for r in rows if r["compressor"] == c and r["x"] != r["y"]] for c in comps}
    counts = kr.md_table(
        ["compressor", "pairs", "held (c = C(empty))", "gain > 0", "literal", "window artefact",
         "block artefact", "held, no artefact", "literal, no artefact"],
        [[c] + concat_counts(off[c]) for c in comps], ["---"] + ["---:"] * 8)
    paired = []
    for c in comps:
        rs = off[c]
        cell = [sum(r["held"] and r["literal"] for r in rs),
                sum(r["held"] and not r["literal"] for r in rs),
                sum(not r["held"] and r["literal"] for r in rs),
                sum(not r["held"] and not r["literal"] for r in rs)]
        paired.append([c] + cell)
    words = "".join(
        "- **%s**: of %d ordered pairs, the inequality held with c = C(empty) for %d and the "
        "literal sentence for %d; %d held without the literal sentence holding.\n" % (
            p[0], len(off[p[0]]), p[1] + p[2], p[1] + p[3], p[2]) for p in paired)
    paired = kr.md_table(["compressor", "held and literal", "held, not literal",
                          "literal, not held", "neither"], paired, ["---"] + ["---:"] * 4)
    return counts, paired + "\n\n" + words


def concat_losses(rows, empty):
    """The pairs whose C(XY) exceeds C(X) + C(Y) + C(empty): subadditivity failed."""
    bad = [r for r in rows if r["x"] != r["y"] and not r["held"]]
    body = [[r["compressor"], r["x"], r["y"], num(r["bytes_x"]), num(r["bytes_y"]),
             "%d" % r["c_needed"], empty[r["compressor"].split(":")[0]], r["artefact"]]
            for r in bad]
    words = "".join("- %s: %d pairs failed, %d of them marked window, %d block, %d with no "
                    "artefact.\n" % (c, sum(r["compressor"] == c for r in bad),
                                     *(sum(r["compressor"] == c and r["artefact"] == a
                                           for r in bad) for a in ("window", "block", "none")))
                    for c in dict.fromkeys(r["compressor"] for r in rows))
    return len(bad), kr.md_table(["compressor", "X", "Y", "bytes X", "bytes Y", "c needed",
                                  "C(empty)", "artefact"], body,
                                 ["---"] * 3 + ["---:"] * 4 + ["---"]) + "\n\n" + words


def gain_matrices(rows):
    """For each compressor, the X-by-Y table of gain/min, artefacts marked w and b."""
    out, mark = [], {"window": " w", "block": " b", "none": ""}
    for comp in dict.fromkeys(r["compressor"] for r in rows):
        rs = {(r["x"], r["y"]): r for r in rows if r["compressor"] == comp}
        names = list(dict.fromkeys(x for x, _ in rs))
        body = [[x] + ["%.3f%s" % (rs[x, y]["gain_rel"], mark[rs[x, y]["artefact"]])
                       for y in names] for x in names]
        out.append("**%s: gain / min(C(X), C(Y)), X down, Y across; w window, b block "
                   "artefact**\n\n%s\n" % (comp, kr.md_table([""] + names, body,
                                                             ["---"] + ["---:"] * len(names))))
    return "\n".join(out)


def concat_report(kcb, machine):
    args = ["probe", "concat", "-c", CODECS, "--svg", os.path.join(FIG, "concat.svg"),
            corp("canterbury", "alice29.txt"), corp("canterbury", "asyoulik.txt"),
            corp("canterbury", "plrabn12.txt"), data("r8", "train.tsv") + ":crude",
            data("r8", "train.tsv") + ":trade", data("ag_news", "train.tsv") + ":2",
            data("ag_news", "train.tsv") + ":4", corp("udhr", "eng.txt"),
            corp("udhr", "deu_1996.txt")]
    run = kr.run_json(kcb, args, "report-probes")
    codecs = json.loads(kr.run_plain(kcb, ["codecs", "-f", "json"]))
    empty = {c["name"]: c["empty_size"] for c in codecs}
    cmd = kr.fenced(run.command)
    counts, paired = concat_summary(run.rows)
    nbad, losses = concat_losses(run.rows, empty)
    cols = ["compressor", "x", "y", "cx", "cy", "cxy", "cyx", "gain", "gain_rel", "c_needed",
            "held", "bpb_x", "bpb_y", "bpb_xy", "literal", "artefact"]
    win = {r["compressor"]: r["window"] for r in run.rows}
    wins = "; ".join("%s sees %s bytes back" % (c, num(w)) for c, w in win.items()
                     if w and not c.startswith("bzip2:"))
    blocks = "; ".join("%s %s bytes" % (c, num(w)) for c, w in win.items()
                       if c.startswith("bzip2:"))
    text = (CONCAT_INTRO % (machine, wins, blocks or "none here") +
            "\n## Subadditivity and the literal reading, per compressor\n\n" + cmd + "\n" +
            counts + "\n\nThe same pairs, the two readings side by side (a paired count):\n\n" +
            cmd + "\n" + paired + "\n\n## Where the inequality failed\n\n%d ordered pairs "
            "needed a c larger than C(empty):\n\n" % nbad + cmd + "\n" + losses + "\n\n"
            "## Every pair\n\n" + cmd + "\n" +
            kr.md_rows(run.rows, cols, {"gain_rel": 4, "bpb_x": 3, "bpb_y": 3, "bpb_xy": 3},
                       CONCAT_HEADS) + "\n\n" + cmd + "\n" + gain_matrices(run.rows) + "\n" +
            kr.timing(run) + "\n![relative concatenation gain, red below 0, w and b marking "
            "artefacts](figures/concat.svg)\n\nFigure: from the command above "
            "(`--svg reports/figures/concat.svg`); the colour scale is centred on 0.\n")
    kr.write("reports/concat.md", text)


# ---- window ----

WINDOW_INTRO = """# Window sweep: where each compressor stops seeing x while it reads x again

%s
NCD(x,x) = (C(xx) - C(x)) / C(x) should be near 0: the second copy of x is free to a
compressor that can still see the first. Past its window it is not, and NCD(x,x) climbs
toward 1. This is the pitfall of NCD on long inputs described by Cebrián, Alfonseca and
Ortega (2005). x is a prefix of Calgary's book1, grown on a doubling grid up to the whole
file, %s bytes of English text: so this sweep can show a window only up to that size. A
codec whose curve never rises has a window of **at least** %s bytes here, whatever it is
beyond; the window column is what `kcbench codecs` reports for that level, not what was
observed. For LZ codecs the copy of x starts |x| bytes after the original, so the curve rises
once |x| passes the window; bzip2 needs both copies in one block, so it rises once 2|x|
passes the block size.

Made by `scripts/report_probes.py` (`make reports`) from kcbench's JSON output.
"""


def window_summary(rows):
    """Per compressor: where NCD(x,x) first reaches RISE, stated only as far as x reaches."""
    body = []
    for comp in dict.fromkeys(r["compressor"] for r in rows):
        rs = [r for r in rows if r["compressor"] == comp]
        top = rs[-1]["bytes"]
        first = next((r for r in rs if r["ncd_xx"] >= RISE), None)
        below = [r for r in rs if first is None or r["bytes"] < first["bytes"]]
        last = below[-1] if below else None
        if first is None:
            seen = "never rises: a window of at least %s bytes (all of book1)" % num(top)
        elif last is None:
            seen = "above %.2f from the smallest x" % RISE
        else:
            seen = "rises between %s and %s bytes of x" % (num(last["bytes"]), num(first["bytes"]))
        body.append([comp, num(rs[0]["window"]), "%.4f" % rs[0]["ncd_xx"],
                     "%.4f" % rs[-1]["ncd_xx"], seen])
    return kr.md_table(["compressor", "window (kcbench codecs)", "NCD(x,x), smallest x",
                        "NCD(x,x), all of book1", "what book1 shows (NCD(x,x) >= %.1f)" % RISE],
                       body, ["---", "---:", "---:", "---:", "---"])


def bzip2_note(rows):
    """bzip2's NCD(x,x) before its curve rises, from the rows."""
    low = [r["ncd_xx"] for r in rows if r["compressor"].startswith("bzip2:") and
           r["ncd_xx"] < RISE]
    if not low:
        return ""
    return ("bzip2 never comes near 0: before its curve rises, a second copy inside one block "
            "costs %.2f to %.2f of the first (NCD(x,x) of its rows; the transform does not code "
            "a repeat as a reference). " % (min(low), max(low)))


def window_report(kcb, have, machine):
    codecs = ",".join(c for c in WINDOW if c.split(":")[0] in have)
    args = ["probe", "window", "-c", codecs, "--from", "4096", "--svg",
            os.path.join(FIG, "window.svg"), corp("calgary", "book1")]
    run = kr.run_json(kcb, args, "report-probes")
    top = num(run.rows[-1]["bytes"])
    cols = ["compressor", "window", "bytes", "cx", "cxx", "ncd_xx", "gain_rel"]
    cmd = kr.fenced(run.command)
    text = (WINDOW_INTRO % (machine, top, top) + "\n## What the sweep shows\n\n" + cmd + "\n" +
            window_summary(run.rows) + "\n\n" + bzip2_note(run.rows) + "\"rises between a "
            "and b\" is as fine as the doubling grid.\n\n## Every size\n\n" + cmd + "\n" +
            kr.md_rows(run.rows, cols, None, WINDOW_HEADS) + "\n\n" + kr.timing(run) +
            "\n![NCD(x,x) against the size of x](figures/window.svg)\n\nFigure: from the command "
            "above (`--svg reports/figures/window.svg`); the dashed line is the end of book1.\n")
    kr.write("reports/window.md", text)


# ---- scaling ----

SCALING_INTRO = """# Scaling: the cost of a held-out block after n bytes of text; learning curves

%s
The scaling-law seeds say loss falls as a power law plus a constant, L(n) = E + A n^-alpha:
a straight line in log-log until it bends toward the floor E. A compressor is a learner
whose loss is its code length. **Design: a fixed held-out block.** The last 8 chunks of
4 KiB of each corpus (32,768 bytes) are held out; for each n on a log grid the prefix is
the n bytes just before the block, and the loss is the bits per byte of each chunk coded
after the prefix, 8 (C(prefix.chunk) - C(prefix)) / 4096, averaged over the 8 chunks (sd:
their spread). The scored text is the same at every n: only the amount of text seen
changes, not the place in the text (`--design heldout`, kcbench's default). The earlier
design scored the chunks right after the first n bytes: the scored text moved along with n,
so a change in the curve could come from more data or from a different part of the text,
and the report could not tell which (`--design next` still measures it). kNN on NCD is a learner whose loss is its error, measured against
training-set size on stratified samples (3 seeds; mean and sd).

Each curve gets two fits: a log-log line (slope, R²) and the power law plus a constant by
least squares (GSL), with standard errors. **E is this compressor's floor** on this block
(what more of the same text would cost it in the limit, if the law held), **not the
entropy of the source**: another compressor has another floor, and the source's entropy is
below all of them. A fit is **identified** only if E >= 0 (a code length or an error rate
cannot be negative) and every standard error is smaller than its estimate; otherwise the
table says "not identified" and the figure does not draw it (it draws the log-log line
instead when that slope is identified). **Windows:** a prefix longer than the codec's
window cannot be used (gzip reaches back 32,506 bytes): those points are shown (fit "no",
open circles) and left out of both fits, so gzip is not fitted as if it kept learning.

Made by `scripts/report_probes.py` (`make reports`) from kcbench's JSON output.
"""


def pm(v, se, digits):
    if v is None:
        return "-"
    if se is None:
        return "%.*f (no se)" % (digits, v)
    return "%.*f ± %.*f" % (digits, v, digits, se)


def fits_table(rows):
    body = []
    for comp in dict.fromkeys(r["compressor"] for r in rows):
        rs = [r for r in rows if r["compressor"] == comp]
        f = rs[0]
        note = f["power_status"] if f["power_status"] != "fitted" else f["power_ident"]
        body.append([comp, "%d of %d" % (sum(r["in_fit"] for r in rs), len(rs)),
                     pm(f["slope"], f["slope_se"], 4), kr.fmt(f["line_r2"], 4),
                     pm(f["E"], f["E_se"], 3), pm(f["A"], f["A_se"], 3),
                     pm(f["alpha"], f["alpha_se"], 3), kr.fmt(f["power_r2"], 4), note])
    return kr.md_table(["compressor", "points fitted", "log-log slope", "R² (log-log)",
                        "E (this compressor's floor)", "A", "alpha", "R²", "power law"],
                       body, ["---"] + ["---:"] * 7 + ["---"])


def window_note(rows):
    """What the cost does past a window, from the rows: its range over the points not fitted."""
    out = []
    for comp in dict.fromkeys(r["compressor"] for r in rows):
        rs = [r for r in rows if r["compressor"] == comp]
        past = [r for r in rs if not r["in_fit"]]
        if past:
            ys = [r["bits_per_byte"] for r in past]
            where = "n = %s" % num(past[0]["bytes_seen"]) if len(past) == 1 else \
                "%d points, n = %s to %s" % (len(past), num(past[0]["bytes_seen"]),
                                             num(past[-1]["bytes_seen"]))
            cost = "%.3f" % ys[0] if len(ys) == 1 else "%.3f to %.3f" % (min(ys), max(ys))
            out.append("- %s: past its %s-byte window (%s), not fitted: there the block costs "
                       "%s bits per byte (sd over the 8 chunks about %.2f).\n" % (
                           comp, num(past[0]["window"]), where, cost,
                           sum(r["sd"] for r in past) / len(past)))
    return "".join(out)


def fits_words(rows, unit):
    """Which fits are identified, from the rows."""
    out = []
    for comp in dict.fromkeys(r["compressor"] for r in rows):
        f = next(r for r in rows if r["compressor"] == comp)
        line = "log-log slope %.4f ± %.4f (%s)" % (
            f["slope"], f["slope_se"], "identified" if f["line_identified"] else
            "not identified") if f["slope"] is not None else "no log-log line"
        if f["power_identified"]:
            power = "the power law is identified: E = %.3f ± %.3f %s is this learner's floor " \
                    "if the law held" % (f["E"], f["E_se"], unit)
        elif f["power_status"] != "fitted":
            power = "the power law was not fitted (the solver did not converge)"
        else:
            power = "the power law is %s (E = %.3f ± %.3f), so no floor is claimed" % (
                f["power_ident"], f["E"], f["E_se"])
        out.append("- %s: %s; %s.\n" % (comp, line, power))
    return "".join(out)


def curve(kcb, title, args, svg, alt):
    run = kr.run_json(kcb, args + ["--svg", os.path.join(FIG, svg)], "report-probes")
    x, y = [k for k in run.rows[0] if k in ("bytes_seen", "n_train")][0], \
        [k for k in run.rows[0] if k in ("bits_per_byte", "knn_error")][0]
    cols = ["compressor", x, y, "sd", "fitted", "residual", "in_fit"]
    cmd = kr.fenced(run.command)
    note = window_note(run.rows) if x == "bytes_seen" else ""
    words = fits_words(run.rows, "bits per byte" if x == "bytes_seen" else "error")
    return ("\n## %s\n\n%s\n%s\n\n%s\n%s\n\n%s%s\n%s\n![%s](figures/%s)\n\nFigure: from the "
            "command above; a dashed or dotted line is drawn only for an identified fit, over "
            "the points it was fitted on.\n" % (
                title, cmd, kr.md_rows(run.rows, cols, None, {"in_fit": "fit"}), cmd,
                fits_table(run.rows), words, note, kr.timing(run), alt, svg))


def scaling_report(kcb, machine):
    b = ["probe", "scaling", "-c", CODECS, "--design", "heldout", "--chunk", "4096", "--chunks",
         "8", "--points", "14"]
    k = ["probe", "scaling", "-c", "gzip:9,zstd:3", "--labelled",
         "%s,%s" % (data("r8", "train.tsv"), data("r8", "test.tsv")), "--test-sample", "300",
         "--points", "8", "--reps", "3"]
    text = SCALING_INTRO % machine + curve(
        kcb, "Bytes: Milton's Paradise Lost (Canterbury plrabn12.txt)",
        b + [corp("canterbury", "plrabn12.txt")], "scaling-plrabn12.svg",
        "bits per byte of the held-out block") + curve(
        kcb, "Bytes: R8 news texts of class earn, joined", b + [data("r8", "train.tsv") + ":earn"],
        "scaling-r8-earn.svg", "bits per byte of the held-out block") + curve(
        kcb, "Learning: kNN error against training-set size, R8", k, "scaling-r8-knn.svg",
        "kNN error against training-set size") + report_scaling_nd.section(kcb)
    kr.write("reports/scaling.md", text)


def main(argv):
    kcb = kr.kcbench_path(argv)
    which = argv[2:] or ["concat", "window", "scaling", "tree"]
    os.makedirs(FIG, exist_ok=True)
    if not os.path.isdir(corp("canterbury")):
        subprocess.run(["sh", "scripts/fetch-corpora.sh"], check=False)
    have = {c["name"] for c in json.loads(kr.run_plain(kcb, ["codecs", "-f", "json"]))}
    machine = machine_text(kcb)
    for w in which:
        print("report-probes: %s" % w, file=sys.stderr)
        if w == "window":
            window_report(kcb, have, machine)
        elif w == "scaling-nd":
            report_scaling_nd.splice(kcb)
        elif w == "tree":
            report_tree.tree_report(kcb, machine)
        else:
            {"concat": concat_report, "scaling": scaling_report}[w](kcb, machine)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
