"""The faster methods of reports/classification.md: per-class and conditional beside exact gzip:9,
on the same (full) test sets, paired item by item; used by report_classification.py."""
import json
import os

import kcbreport as kr

# (method, compressor, kcbench arguments beyond eval's usual ones); exact gzip:9 is the
# classification report's own piece of each dataset
METHODS = [("per-class", "zstd:9", ["--method", "per-class", "--parts", "3"]),
           ("conditional", "lz4:1", ["--method", "conditional", "-k", "1"])]


def name(ds, method):
    return "%s-%s" % (ds, method)


def jobs(datasets, piece, pred, data):
    """The pieces of the methods group: (group, piece, kcbench arguments, predictions, None).
    No --sep: per-class joins a class's texts with it (a blank, as exact kNN), conditional
    has no use for it."""
    out = []
    for ds in datasets:
        for method, codec, extra in METHODS:
            sep = ["--sep", " "] if method == "per-class" else []
            args = (["eval", "-t", data(ds, "train"), "-T", data(ds, "test"), "-c", codec] +
                    sep + extra + ["--name", ds])
            out.append(("methods", piece(name(ds, method), codec), args,
                        pred(name(ds, method), codec), None))
    return out


def correct_k1(path):
    """{test line: 1 if the k=1 decision was right else 0} from a predictions file."""
    out = {}
    for line in open(path):
        p = json.loads(line)
        out[p["line"]] = int(p["vote"]["1"] == p["truth"])
    return out


def _cells(doc, pred_path, exact_pred):
    """Accuracy [CI], paired difference against exact [CI] and ms per test text of one method."""
    if not doc or not os.path.exists(pred_path):
        return ["pending", "-", "-"]
    r = doc["rows"][0]
    lo, hi = kr.wilson(r["accuracy"], r["n_test"])
    g, o = correct_k1(exact_pred), correct_k1(pred_path)
    keys = sorted(o)
    t = kr.paired([g[i] for i in keys], [o[i] for i in keys])
    ms = 1000.0 * doc["seconds"] / r["n_test"]  # seconds to 0.01 s in these pieces
    return ["%.4f %s" % (r["accuracy"], kr.ci_text(lo, hi)),
            "%+.4f %s" % (t["diff"], kr.ci_text(*t["ci"])), "%.2f" % ms]


def section(datasets, title, load, piece, pred):
    """The Markdown section: one row per dataset, exact gzip:9 k=1 beside both methods."""
    head = ["dataset", "n_test", "exact gzip:9 k=1 [95% CI]", "ms/text"]
    for method, codec, _ in METHODS:
        head += ["%s %s [95%% CI]" % (method, codec), "minus exact [paired 95% CI]", "ms/text"]
    body, cmds = [], []
    for ds in datasets:
        base = load(piece(ds))
        if not base or not os.path.exists(pred(ds)):
            continue
        r = next(x for x in base["rows"] if x["k"] == 1 and x["rule"] == "vote")
        lo, hi = kr.wilson(r["accuracy"], r["n_test"])
        row = [title[ds], "%d" % r["n_test"], "%.4f %s" % (r["accuracy"], kr.ci_text(lo, hi)),
               "%.1f" % (1000.0 * base["seconds"] / r["n_test"])]
        for method, codec, _ in METHODS:
            doc = load(piece(name(ds, method), codec))
            if doc:
                cmds.append(doc["command"])
            row += _cells(doc, pred(name(ds, method), codec), pred(ds))
        body.append(row)
    if not body:
        return ""
    return ("## Faster methods beside exact kNN\n\n"
            "Two methods that prime a compressor with a dictionary (README, `eval --method`), "
            "each reported under its own name and never as exact kNN: **per-class** (one "
            "zstd -9 compressor per class, primed with the class's training texts in 3 parts, "
            "the last window bytes of each; the class whose best part codes the test text in "
            "fewest bytes wins) and **conditional** (1-NN on NCD with C(xy) replaced by "
            "C(y) + C(x|y), lz4 -1 primed with each training text). Both run on the full test "
            "sets, the same texts as exact gzip:9 (k=1, rule vote), and are compared with it "
            "item by item (paired bootstrap, 10000 resamples, seed 1). ms/text is wall time "
            "divided by the test texts, with both cores and loading included; the exact runs "
            "were timed in other sessions of this machine, so read the speed ratios to within a "
            "factor of about 1.5, not as a benchmark (`make bench` is where speed is "
            "measured). The commands of the methods (exact gzip:9: each dataset's section):\n\n"
            "%s%s\n" % (kr.fenced("\n".join(cmds)), kr.md_table(
                head, body, ["---"] + ["---:"] * (len(head) - 1))))
