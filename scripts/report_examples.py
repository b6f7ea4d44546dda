#!/usr/bin/env python3
"""Regenerates reports/summer-school.md from kcbench's JSON output: every example of `kcbench
examples` (the claims of the summer-school slides on compression), its numbers, its verdict
and the rule that computed it, on built-in data and, when $KCB_DATA holds the real datasets,
on real data too. Each table shows the command that made it.

usage: scripts/report_examples.py [KCBENCH] [NAME]

With NAME (an example, e.g. best-compressor) only that example is run, with its own default
compressors (`kcbench examples NAME`), and its section and its row of the verdicts are
replaced in the existing report; the rest of the report is left as it is.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kcbreport as kr  # noqa: E402

OUT = "reports/summer-school.md"

# The columns each table shows, by example and table (0: the example's own), and their heads.
COLUMNS = {
    ("coin-flips", 0): "compressor input symbols cx c_empty bits bits_above_container "
                       "fair_coin_bits program program_bits",
    ("coin-flips", 1): "compressor coding symbols bytes c_x1 c_random bits_x1 bits_random apart",
    ("incompressible", 0): "compressor coding n_bits bytes strings mean_excess_bits "
                           "most_shortened_bits shortened_1 shortened_2 shortened_4 shortened_8 "
                           "bound_held",
    ("concatenation", 0): "pair compressor x y bytes_x bytes_y cx cy cxy gain gain_rel c_needed "
                          "subadditive bpb_x bpb_y bpb_xy more_compressible fits_window",
    ("compression-is-learning", 0): "dataset compressor n_train n_test accuracy accuracy_lo "
                                    "accuracy_hi majority diff_vs_ref diff_lo diff_hi "
                                    "only_ref_right only_this_right mcnemar_p",
    ("compressible-is-learnable", 0): "dataset group labels n_train n_test bytes c_all "
                                      "c_classes c_empty label_gain error majority_error "
                                      "relative_error",
    ("compressible-is-learnable", 1): "group datasets rho rho_lo rho_hi resamples judged",
    ("no-free-lunch", 0): "compressor bytes cx c_empty extra extra_above_container",
    ("no-free-lunch", 1): "dataset compressor n_test permutations mean_permuted permuted_lo "
                          "permuted_hi chance at_chance accuracy_true p_true",
    ("no-free-lunch", 2): "input compressor bytes cx ratio wins",
    ("best-compressor", 0): "corpus compressor bytes cx ratio bits_per_byte best",
    ("best-compressor", 1): "program data bytes compressed bits_per_byte source as_of",
    ("best-compressor", 2): "dataset better worse ratio_better ratio_worse text_ratio_better "
                            "text_ratio_worse accuracy_better accuracy_worse diff diff_lo "
                            "diff_hi mcnemar_p agrees",
}

# The caption of each example's own table (the others carry their titles in the JSON).
CAPTIONS = {
    "coin-flips": "X1 and X2: C(x) beside a fair coin's bits and the programs that print them",
    "incompressible": "random strings shortened by at least c bits (8 (C(x) − C(ε)) ≤ n − c)",
    "concatenation": "pairs: the gain C(X) + C(Y) − C(XY), and bits per byte above C(ε)",
    "compression-is-learning": "1-NN on NCD: accuracy, and each compressor against the "
                               "reference (the first) on the same test texts",
    "compressible-is-learnable": "datasets: the label gain against the relative 1-NN error",
    "no-free-lunch": "random bytes: every compressor expands them",
    "best-compressor": "text corpora: the ratio each compressor reaches",
}

# What a reader needs to read a table right: definitions, never conclusions.
NOTES = {
    "concatenation": "bpb counts bits above the container, 8 (C − C(ε)) / bytes; \"fits\" says "
                     "whether |X| + |Y| is within the compressor's window or block (gzip:9 "
                     "32,506 bytes, bzip2:9 900,000, xz:6 and zstd:19 8 MiB); c is C(XY) − C(X) "
                     "− C(Y), and \"sub\" compares it with C(ε).",
    "compressible-is-learnable": "Σ C(class) compresses each class without the others, so a "
                                 "negative label gain means that the training texts compress "
                                 "better all together than class by class.",
    "no-free-lunch": "The random-label rows reuse the neighbours of compression-is-learning; p "
                     "is the share of the 1000 permutations whose accuracy reaches that of the "
                     "true labels (1/1001 is the smallest possible).",
    "best-compressor": "\"ratio\" is measured on the training texts joined into one corpus, "
                       "\"per text\" on the same texts compressed one by one (Σ bytes / Σ C), "
                       "which is what NCD sees: every short text pays the container.",
}

HEADS = {
    "cx": "C(x)", "c_empty": "C(ε)", "bits_above_container": "bits above C(ε)",
    "fair_coin_bits": "fair coin", "program_bits": "program bits", "c_x1": "C(X1)",
    "c_random": "C(random)", "bits_x1": "X1 bits above C(ε)", "bits_random":
    "random bits above C(ε)", "symbols": "n", "n_bits": "n", "mean_excess_bits":
    "mean excess bits", "most_shortened_bits": "most shortened", "shortened_1": "≥1 bit",
    "shortened_2": "≥2", "shortened_4": "≥4", "shortened_8": "≥8", "bound_held": "bound held",
    "x": "X", "y": "Y", "bytes_x": "\\|X\\|", "bytes_y": "\\|Y\\|", "cy": "C(Y)", "cxy": "C(XY)",
    "gain_rel": "gain/min", "c_needed": "c", "subadditive": "sub", "bpb_x": "bpb X",
    "bpb_y": "bpb Y", "bpb_xy": "bpb XY", "more_compressible": "XY below both",
    "fits_window": "fits", "n_train": "train", "n_test": "test", "accuracy_lo": "95% low",
    "accuracy_hi": "95% high", "diff_vs_ref": "Δ vs ref", "diff_lo": "Δ low",
    "diff_hi": "Δ high", "only_ref_right": "only ref right", "only_this_right":
    "only this right", "mcnemar_p": "McNemar p", "c_all": "C(all)", "c_classes":
    "Σ C(class)", "label_gain": "label gain", "majority_error": "majority error",
    "relative_error": "relative error", "rho": "Spearman ρ", "rho_lo": "95% low",
    "rho_hi": "95% high", "extra": "C(x) − n", "extra_above_container": "C(x) − C(ε) − n",
    "mean_permuted": "permuted: mean", "permuted_lo": "2.5%", "permuted_hi": "97.5%",
    "at_chance": "at chance", "accuracy_true": "true labels", "p_true": "p (true)",
    "bits_per_byte": "bpb", "as_of": "as of", "ratio_better": "ratio",
    "ratio_worse": "ratio worse", "text_ratio_better": "per text",
    "text_ratio_worse": "per text worse", "accuracy_better": "accuracy",
    "accuracy_worse": "accuracy worse", "diff": "Δ",
}

INTRO = """# The summer-school claims about compression, measured

The slides of the summer school (Part II, "Compression") make seven claims about compression
and Kolmogorov complexity. `kcbench examples` measures each one with real compressors and
states a verdict — **holds**, **fails**, or **holds only if** a named condition is met —
computed from the numbers by a rule that the output states. This report shows every example
with its numbers, its rule and its verdict, first on the built-in data (seeded, generated by
kcbench itself: the same on every machine) and then with the real datasets of `$KCB_DATA`
(samples whose sizes each data line gives). Confidence intervals are 95 %; comparisons
between compressors are paired, on the same test texts. Published figures are quoted with
their source and are context, never part of a verdict.

Made by `scripts/report_examples.py` from kcbench's JSON output; each section names the
command that made its numbers.

"""


def fmt(key, v):
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        if key in ("mcnemar_p", "p_true") or key.startswith("p_"):
            return "%.2g" % v
        return "%.4f" % v if key in ("gain_rel", "label_gain") else "%.3f" % v
    return str(v).replace("|", "\\|")


def table(example, k, rows):
    cols = COLUMNS.get((example, k), " ".join(rows[0]) if rows else "").split()
    if not rows:
        return "(no rows)\n"
    align = ["---" if isinstance(rows[0].get(c), (str, bool)) else "---:" for c in cols]
    body = [[fmt(c, r.get(c)) for c in cols] for r in rows]
    return kr.md_table([HEADS.get(c, c) for c in cols], body, align) + "\n"


def verdict_line(e):
    words = e["verdict"] + (" " + e["condition"] if e["condition"] else "")
    return "**Verdict: %s.** %s\n" % (words, e["evidence"])


def section(e, run, label):
    out = ["### %s\n" % label, kr.fenced(run.command), "**Data.** %s\n" % e["data"]]
    out.append("**%s**\n" % CAPTIONS.get(e["name"], e["name"]))
    out.append(table(e["name"], 0, e["rows"]))
    for k, t in enumerate(e["tables"], 1):
        out.append("**%s**\n" % t["title"])
        out.append(table(e["name"], k, t["rows"]))
    out.append(verdict_line(e))
    return "\n".join(out)


def summary(runs):
    head = ["example"] + [label for label, _ in runs]
    body = []
    for i, e in enumerate(runs[0][1].rows):
        cells = [e["name"]]
        for _, run in runs:
            v = run.rows[i]
            cells.append(v["verdict"] + (" " + v["condition"] if v["condition"] else ""))
        body.append(cells)
    return kr.md_table(head, body, ["---"] * len(head)) + "\n"


def example_runs(kcb, names):
    """The runs of `kcbench examples NAMES`: on built-in data, and on real data when it is
    there, each as (label, Run)."""
    runs = [("built-in data", kr.run_json(kcb, ["examples"] + names + ["--builtin", "-q"],
                                          "report-examples"))]
    if os.path.isdir(os.path.join(kr.DATA, "r8")):
        runs.append(("real data", kr.run_json(kcb, ["examples"] + names + ["--data", kr.DATA,
                                                                          "-q"],
                                              "report-examples")))
    return runs


def example_text(i, runs):
    """The section of example i of runs."""
    e = runs[0][1].rows[i]
    text = ["## %s\n\n**Claim.** %s\n\n**Rule.** %s\n" % (e["name"], e["claim"], e["rule"])]
    if e["name"] in NOTES:
        text.append("**Reading the tables.** %s\n" % NOTES[e["name"]])
    for k, (label, run) in enumerate(runs):
        same = k and all(run.rows[i][key] == e[key] for key in ("data", "rows", "tables"))
        text.append("### %s\n\nThis example reads no real data: the command above gives "
                    "the same numbers and verdict with `--data $KCB_DATA`.\n" % label
                    if same else section(run.rows[i], run, label))
    return text


def splice(kcb, name):
    """Runs example name alone; replaces its section and its verdict row in the report."""
    runs = example_runs(kcb, [name])
    text = open(OUT).read()
    start = text.index("\n## %s\n" % name) + 1
    nxt = text.find("\n## ", start)
    end = nxt + 1 if nxt >= 0 else len(text)
    body = "\n".join(example_text(0, runs))
    text = text[:start] + body + ("\n" if nxt >= 0 else "") + text[end:]
    row = summary(runs).splitlines()[2]
    lines = [row if l.startswith("| %s |" % name) else l for l in text.split("\n")]
    kr.write(OUT, "\n".join(lines))


def main(argv):
    kcb = kr.kcbench_path(argv)
    if len(argv) > 2:
        splice(kcb, argv[2])
        return
    runs = example_runs(kcb, [])
    text = [INTRO, "Machine: %s.\n" % kr.machine(kcb), "## The verdicts\n", summary(runs)]
    text += ["%s\n" % " ".join("%s: %s" % (label, kr.timing(run).strip())
                               for label, run in runs)]
    for i in range(len(runs[0][1].rows)):
        text += example_text(i, runs)
    kr.write(OUT, "\n".join(text))


if __name__ == "__main__":
    main(sys.argv)
