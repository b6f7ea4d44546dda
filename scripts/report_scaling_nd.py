#!/usr/bin/env python3
"""The L(N, D) section of reports/scaling.md: the bits per byte of a held-out block against
model size N (the levels of kcbench's cm) and training bytes D, fitted as
L(N, D) = E + A N^-alpha + B D^-beta, from `kcbench probe scaling-nd -f json`.

scripts/report_probes.py writes it as the last section of reports/scaling.md with the rest
(`scaling`), or alone (`scaling-nd`), replacing that section of the existing file and
leaving the rest of it as it is:

usage: scripts/report_probes.py [KCBENCH] scaling-nd
"""
import os

import kcbreport as kr

OUT = "reports/scaling.md"
HEAD = "## L(N, D): model size and data together (cm)"
SVG = "scaling-nd.svg"
CORPUS = ("20news", "train.tsv")
GRID = ["--heldout", "65536", "--from", "4096", "--to", "4194304", "--points", "11"]
ALL, LARGE = "cm:all", "cm:5-9"  # every level; those whose tables (11 MB up) exceed every D
SVG_LARGE = "scaling-nd-large.svg"
# the large levels' grid again on two other corpora of the datasets folder, each a training
# file of texts in shuffled order: medical abstracts, and news in another language
OTHERS = [("ohsumed", "Ohsumed (medical abstracts)"), ("swahili_news", "Swahili News")]
PARAMS = [("E", "floor"), ("A", "N-term"), ("alpha", "N-term"), ("B", "D-term"),
          ("beta", "D-term")]

INTRO = """The two axes of the scaling-law seeds at once. **Loss**: the bits per byte of one
fixed held-out block, the last 65,536 bytes of the corpus, coded by kcbench's
context-mixing model `cm` primed with the **first D bytes** (the codec's `prime`, then
`compress_primed`: the coded size of the block, within a few bytes of its ideal code length;
a header of 5 bytes and the coder's last bytes, about 0.001 bits per byte of the block). **D** runs on a
doubling grid from 4 KiB to 4 MiB, always far from the block. **N** is the model's size: the
bytes of cm's tables at each level 1..9 (`kcbench codecs`' memory; the context slots
double with each level). The corpus is the training file of 20 Newsgroups (`$KCB_DATA/20news/
train.tsv`, 10.9 MB, labels and all), whose posts are in shuffled order, so every part of it
is like every other: a longer prefix is more of the same kind of text, not a different text.

The grid is fitted as **L(N, D) = E + A N^-alpha + B D^-beta** by least squares (GSL,
`gsl_multifit_nlinear`), with standard errors. The same rules as above decide whether it is
**identified**: E >= 0, every standard error below its estimate, and (new for two terms) the
N-term and the D-term separable, no parameter of one correlated with one of the other at
|r| >= 0.99 (a full grid of N by D separates them; a design where N and D grow together
would not). E is cm's floor on this block if the law held,
not the entropy of the text.
"""


def pm(v, se):
    """An estimate with its standard error, as text."""
    if v is None:
        return "-"
    digits = 4 if abs(v) < 100 else 0
    if abs(v) >= 1e6:
        return "%.3g ± %.2g" % (v, se) if se is not None else "%.3g" % v
    return ("%.*f ± %.*f" % (digits, v, digits, se)) if se is not None else "%.*f" % (digits, v)


def pivot(rows, key, digits):
    """A table of D down and the levels across, of rows[key]."""
    levels = list(dict.fromkeys(r["compressor"] for r in rows))
    ds = sorted({r["train_bytes"] for r in rows})
    at = {(r["compressor"], r["train_bytes"]): r for r in rows}
    head = ["D (bytes)"] + ["%s<br>N %s" % (c, "{:,}".format(at[c, ds[0]]["model_bytes"]))
                            for c in levels]
    body = [["{:,}".format(d)] + [kr.fmt(at[c, d][key], digits) for c in levels] for d in ds]
    return kr.md_table(head, body, ["---:"] * len(head))


def fit_table(f):
    body = []
    for name, term in PARAMS:
        v, se = f[name], f[name + "_se"]
        pinned = "-" if v is None else "yes" if se is not None and se < abs(v) else "no"
        body.append([name, term, pm(v, se), pinned])
    return kr.md_table(["parameter", "term", "estimate ± standard error", "se < \\|estimate\\|"],
                       body, ["---", "---", "---:", "---"])


def rises(rows):
    """The levels whose cost goes up somewhere as D grows: (level, D before, D after, rise)."""
    out = []
    for c in dict.fromkeys(r["compressor"] for r in rows):
        rs = sorted((r for r in rows if r["compressor"] == c), key=lambda r: r["train_bytes"])
        up = [(b["bits_per_byte"] - a["bits_per_byte"], a, b) for a, b in zip(rs, rs[1:])]
        worst = max(up, key=lambda u: u[0])
        if worst[0] > 0:
            out.append((c, worst[1]["train_bytes"], worst[2]["train_bytes"], worst[0]))
    return out


def where_it_fails(full, sub):
    """Plain sentences, from the rows of both grids: what the law leaves out."""
    f, g = full[0], sub[0]
    levels = list(dict.fromkeys(r["compressor"] for r in full))
    ds = sorted({r["train_bytes"] for r in full})
    at = {(r["compressor"], r["train_bytes"]): r for r in full}
    lo, hi, d1 = levels[0], levels[-1], ds[-1]
    up = rises(full)
    out = []
    if up:
        out.append("- **Small models get worse with more data.** %s: at these levels the "
                   "block costs more after more text (the largest rise: %s). The tables are "
                   "full and hashed: new contexts overwrite old ones, and past some D more text "
                   "only adds collisions. Both terms of L(N, D) fall with D at every N, so no "
                   "law of this form can follow these curves, and on the whole grid %s.\n" % (
                       ", ".join(c for c, _, _, _ in up),
                       "; ".join("%s %+.4f bits per byte from D = %s to %s" % (
                           c, d, "{:,}".format(a), "{:,}".format(b)) for c, a, b, d in up[:3]),
                       "the solver found no minimum (not fitted)" if f["fit_status"] != "fitted"
                       else "the fit is %s" % f["ident"]))
    gap = [at[lo, d]["bits_per_byte"] - at[hi, d]["bits_per_byte"] for d in ds]
    out.append("- **The N effect grows with D.** The gap between %s and %s is %.4f bits per "
               "byte at D = %s and %.4f at D = %s. In L(N, D) the N-term is the same at every "
               "D; here model size hardly matters until the text seen is large enough to "
               "fill the smaller tables: N and D interact.\n" % (
                   lo, hi, gap[0], "{:,}".format(ds[0]), gap[-1], "{:,}".format(d1)))
    steps = [at[hi, a]["bits_per_byte"] - at[hi, b]["bits_per_byte"] for a, b in zip(ds, ds[1:])]
    big = max(range(len(steps)), key=lambda k: steps[k])
    if steps[big] > 1.5 * steps[0]:
        out.append("- **The decline speeds up with D.** For %s each doubling of D saves %.4f "
                   "bits per byte at first (D = %s to %s) and up to %.4f later (D = %s to %s). "
                   "A power law above a floor saves less with every doubling (the saving "
                   "shrinks by 2^-beta each time); a curve whose savings grow is best matched by "
                   "beta -> 0, a logarithmic decline, which is where the solver stops. Two "
                   "likely causes, not measured apart here: the block teaches the model as it "
                   "is coded (cm adapts on its own 65,536 bytes), so a D well below that adds "
                   "little; and newsgroup posts quote and repeat one another, so a longer "
                   "prefix holds more of the block's own lines for the match model to find.\n"
                   % (hi, steps[0], "{:,}".format(ds[0]), "{:,}".format(ds[1]), steps[big],
                      "{:,}".format(ds[big]), "{:,}".format(ds[big + 1])))
    if g["fit_status"] == "fitted":
        res = [r["residual"] for r in sub]
        worst = max(sub, key=lambda r: abs(r["residual"]))
        rms = (sum(x * x for x in res) / len(res)) ** 0.5
        sl = list(dict.fromkeys(r["compressor"] for r in sub))
        sat = {(r["compressor"], r["train_bytes"]): r for r in sub}
        out.append("- **Levels %s to %s alone** (tables larger than every D): RMS residual "
                   "%.4f bits per byte, R² %.5f, the largest %+.4f at %s, D = %s. The "
                   "residuals of %s run from %+.4f (smallest D) to %+.4f (largest D), those of "
                   "%s from %+.4f to %+.4f: where they move in opposite directions the levels' "
                   "curves have different slopes in D, which a sum of an N-term and a D-term "
                   "cannot give. The law is %s.\n" % (
                       sl[0], sl[-1], rms, g["r2"], worst["residual"], worst["compressor"],
                       "{:,}".format(worst["train_bytes"]), sl[0], sat[sl[0], ds[0]]["residual"],
                       sat[sl[0], d1]["residual"], sl[-1], sat[sl[-1], ds[0]]["residual"],
                       sat[sl[-1], d1]["residual"], g["ident"]))
        if not g["n_term_pinned"]:
            out.append("- **The N-term is not pinned** (A or alpha has a standard error as "
                       "large as itself; A is the N-term at N = 1 byte, far outside the grid): "
                       "these levels do not fix how loss falls with model size.\n")
        if not g["d_term_pinned"]:
            out.append("- **The D-term is not pinned** (B or beta has a standard error as "
                       "large as itself).\n")
    else:
        out.append("- **Levels %s to %s alone** (tables larger than every D, no curve rising) "
                   "are not fitted either: %s. So no parameter of L(N, D) is estimated here, "
                   "and none is reported with a standard error.\n" % (
                       sub[0]["compressor"], sub[-1]["compressor"], g["fit_status"]))
    out.append("- **What N is.** Table memory, not parameters: cm's count of mixer weights is "
               "the same at every level, and its tables are hashed, so a larger N means fewer "
               "collisions rather than more capacity to learn a different function. A law "
               "fitted to this N says how cm's hashing loses, not how a network's size "
               "helps.\n")
    out.append("- **Range.** D stops at %s bytes and N at %s (%s bytes); outside the grid "
               "nothing is claimed, and E (the floor as both grow without bound) is the "
               "farthest extrapolation of all.\n" % (
                   "{:,}".format(d1), hi, "{:,}".format(at[hi, ds[0]]["model_bytes"])))
    return "".join(out)


def grid(kcb, codecs, svg):
    args = ["probe", "scaling-nd", "-c", codecs] + GRID + [
        "--svg", os.path.join("reports/figures", svg), os.path.join(kr.DATA, *CORPUS)]
    return kr.run_json(kcb, args, "report-probes")


def others(kcb):
    """The large levels' grid on the other corpora: a command block each and one table."""
    cmds, body = [], []
    for ds, title in OTHERS:
        path = os.path.join(kr.DATA, ds, "train.tsv")
        if not os.path.exists(path):
            body.append([title, "-", "not run: %s is not in $KCB_DATA" % ds, "-"])
            continue
        run = kr.run_json(kcb, ["probe", "scaling-nd", "-c", LARGE] + GRID + [path],
                          "report-probes")
        cmds.append(run.command)
        f = run.rows[0]
        got = ", ".join("%s %s" % (n, pm(f[n], f[n + "_se"])) for n, _ in PARAMS) if (
            f["fit_status"] == "fitted") else "-"
        body.append([title, "%d" % len(run.rows), f["ident"] if f["fit_status"] == "fitted"
                     else f["fit_status"], got])
    return ("### The same design on two other corpora\n\nThe large levels' grid (as above) on "
            "two other training files of texts in shuffled order, to see whether 20 Newsgroups "
            "is the exception:\n\n%s\n%s\n" % (
                kr.fenced("\n".join(cmds)), kr.md_table(
                    ["corpus", "points", "L(N, D)", "estimates ± standard errors"], body,
                    ["---", "---:", "---", "---"])))


def fit_words(run):
    """The fit of a run: its table and one line, or that it was not fitted."""
    f = run.rows[0]
    if f["fit_status"] != "fitted":
        return "L(N, D) on %d points: **%s**.\n" % (len(run.rows), f["fit_status"])
    return ("%s\n\nL(N, D) on %d points: **%s**; R² %.5f; largest |r| between a parameter "
            "of the N-term and one of the D-term %.3f.\n" % (
                fit_table(f), len(run.rows), f["ident"], f["r2"], f["r_terms"]))


def section(kcb):
    """The section's text (runs kcbench twice: every level, then the large ones)."""
    full, sub = grid(kcb, ALL, SVG), grid(kcb, LARGE, SVG_LARGE)
    c1, c2 = kr.fenced(full.command), kr.fenced(sub.command)
    fig = ("![bits per byte of the held-out block against D, a curve per level%s](figures/%s)"
           "\n\nFigure: from the command above; dashed, the fitted L(N, D) at each level's N "
           "when it was fitted.\n")
    return ("\n%s\n\n%s\n### Every level\n\n%s\nBits per byte of the held-out block, D "
            "down, the model sizes across:\n\n%s\n\n%s\n%s\n%s\n### The large models: "
            "levels 5 to 9\n\nThe law has a chance only where no table is full: the levels "
            "whose tables are larger than every D of the grid. The same grid, those levels:"
            "\n\n%s\n%s\n%s%s\n%s\n%s" % (
                HEAD, INTRO, c1, pivot(full.rows, "bits_per_byte", 4), fit_words(full),
                kr.timing(full), fig % ("", SVG), c2, fit_words(sub),
                "Residuals (measured - fitted), D down:\n\n%s\n\n" % pivot(
                    sub.rows, "residual", 4) if sub.rows[0]["fit_status"] == "fitted" else "",
                kr.timing(sub),
                fig % (", levels 5 to 9, with the fitted law", SVG_LARGE),
                others(kcb) + "\n### Where the fit fails\n\n" +
                where_it_fails(full.rows, sub.rows)))


def splice(kcb):
    """Replaces the section in the existing report (or appends it), the rest left as is."""
    text = open(OUT).read()
    start = text.find("\n" + HEAD)
    if start < 0:
        start, end = len(text), len(text)
    else:
        nxt = text.find("\n## ", start + 1)
        end = nxt if nxt >= 0 else len(text)
    kr.write(OUT, text[:start].rstrip("\n") + "\n" + section(kcb) + text[end:])
