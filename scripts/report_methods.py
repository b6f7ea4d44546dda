"""The faster methods of reports/classification.md: per-class and conditional beside exact gzip:9,
on the same (full) test sets, paired item by item; used by report_classification.py."""
import json
import os
import resource

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
            "the last window bytes of each; the class whose parts code the test text in the "
            "fewest bytes on average wins) and **conditional** (1-NN on NCD with C(xy) replaced by "
            "C(y) + C(x|y), lz4 -1 primed with each training text). Both run on the full test "
            "sets, the same texts as exact gzip:9 (k=1, rule vote), and are compared with it "
            "item by item (paired bootstrap, 10000 resamples, seed 1). ms/text is wall time "
            "divided by the test texts, with both cores and loading included; the exact runs "
            "were timed in other sessions of this machine, so read the speed ratios to within a "
            "factor of about 1.5, not as a benchmark (`make bench` is where speed is "
            "measured). The commands of the methods (exact gzip:9: each dataset's section):\n\n"
            "%s%s\n" % (kr.fenced("\n".join(cmds)), kr.md_table(
                head, body, ["---"] + ["---:"] * (len(head) - 1))))


# ---- cm (issue 14): the context-mixing codec, per-class and as exact kNN ------------------

# the datasets cm runs on (its exact kNN costs a model run per pair: a sample of the test set)
CM_DATASETS = ["r8", "r52", "ag_news"]
CM_KNN_DATASETS = ["r8", "ag_news"]  # exact cm kNN: the two cheapest (R52: hours)
CM_CODEC = "cm:5"
CM_SAMPLE = 30
# (piece name suffix, heading, kcbench arguments beyond eval's usual ones)
CM_METHODS = [("per-class-cm-p1", "per-class cm:5, 1 part",
               ["--method", "per-class", "--parts", "1", "-j", "1"]),
              ("per-class-cm-p3", "per-class cm:5, 3 parts",
               ["--method", "per-class", "--parts", "3", "-j", "1"]),
              ("per-class-cm-p1-bits", "per-class cm:5, 1 part, --bits",
               ["--method", "per-class", "--parts", "1", "--bits", "-j", "1"]),
              ("per-class-cm-p1-sl3", "per-class cm:5, 1 part, --shortlist 3 (by zstd:3)",
               ["--method", "per-class", "--parts", "1", "--shortlist", "3", "-j", "1"]),
              ("knn-cm-sample%d" % CM_SAMPLE, "exact cm:5 k=1, sample of %d" % CM_SAMPLE,
               ["--test-sample", str(CM_SAMPLE), "--seed", "1", "-k", "1"])]


def cm_jobs(piece, pred, data):
    """The pieces of the cm group, as jobs() gives them; per-class on one core (-j 1) so that
    its ms/text is one core's, exact kNN on both cores."""
    out = []
    for ds in CM_DATASETS:
        for suffix, _, extra in CM_METHODS:
            if suffix.startswith("knn") and ds not in CM_KNN_DATASETS:
                continue
            nm = "%s-%s" % (ds, suffix)
            args = (["eval", "-t", data(ds, "train"), "-T", data(ds, "test"), "-c", CM_CODEC,
                     "--sep", " "] + extra + ["--name", ds])
            out.append(("cm", piece(nm, CM_CODEC), args, pred(nm, CM_CODEC), None))
    return out


def cpu_seconds():
    """User + system CPU seconds of the finished child processes so far."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(run, *args):
    """run(*args) and the CPU seconds (user + system, to 0.01 s) of the processes it ran."""
    start = cpu_seconds()
    out = run(*args)
    return out, round(cpu_seconds() - start, 2)


def all_jobs(datasets, piece, pred, data):
    """The pieces of the methods group and of the cm group."""
    return jobs(datasets, piece, pred, data) + cm_jobs(piece, pred, data)


def sections(datasets, title, load, piece, pred):
    """The methods section, then cm's."""
    return section(datasets, title, load, piece, pred) + "\n" + cm_section(title, load, piece,
                                                                           pred)


def _cm_cells(doc, pred_path, exact_pred):
    """Accuracy [CI], paired difference against exact gzip:9 on the same texts [CI], wall and
    CPU ms per test text."""
    if not doc or not os.path.exists(pred_path):
        return ["pending", "-", "-", "-"]
    r = doc["rows"][0]
    lo, hi = kr.wilson(r["accuracy"], r["n_test"])
    g, o = correct_k1(exact_pred), correct_k1(pred_path)
    keys = sorted(o)
    t = kr.paired([g[i] for i in keys], [o[i] for i in keys])
    cpu = doc.get("cpu_seconds")
    return ["%.4f %s" % (r["accuracy"], kr.ci_text(lo, hi)),
            "%+.4f %s" % (t["diff"], kr.ci_text(*t["ci"])),
            "%.2f" % (1000.0 * doc["seconds"] / r["n_test"]),
            "%.2f" % (1000.0 * cpu / r["n_test"]) if cpu is not None else "-"]


def _cm_verdict(title, load, piece):
    """Issue 14's target for per-class cm (1 part, and with the shortlist), dataset by dataset:
    at least as accurate as exact gzip:9 k=1, at no more than 5 ms of CPU per test text."""
    lines = []
    for suffix, heading, _ in (CM_METHODS[0], CM_METHODS[3]):
        out = []
        for ds in CM_DATASETS:
            base, doc = load(piece(ds)), load(piece("%s-%s" % (ds, suffix), CM_CODEC))
            if not base or not doc or doc.get("cpu_seconds") is None:
                continue
            g = next(x for x in base["rows"] if x["k"] == 1 and x["rule"] == "vote")["accuracy"]
            r = doc["rows"][0]
            ms = 1000.0 * doc["cpu_seconds"] / r["n_test"]
            out.append("%s %.4f against %.4f, %.1f ms/text: %s" % (
                title[ds], r["accuracy"], g, ms, "met" if r["accuracy"] >= g and ms <= 5 else
                "accuracy met, speed not" if r["accuracy"] >= g else "not met"))
        if out:
            lines.append("- %s: %s." % (heading, "; ".join(out)))
    if not lines:
        return ""
    return ("Issue 14's target for per-class cm: at least the accuracy of exact gzip:9 k=1 at no "
            "more than 5 ms per test text (CPU, priming included). `--shortlist 3` scores every "
            "class with per-class zstd:3 (one dictionary per class) first and only the 3 best "
            "with cm, so that a text costs one cm run per shortlisted class instead of one per "
            "class:\n\n%s\n" % "\n".join(lines))


def cm_section(title, load, piece, pred):
    """The Markdown section of cm beside exact gzip:9: one row per dataset and method."""
    head = ["dataset", "method", "n_test", "accuracy [95% CI]",
            "minus exact gzip:9 k=1 on the same texts [paired 95% CI]", "ms/text (wall)",
            "ms/text (CPU)"]
    body, cmds = [], []
    for ds in CM_DATASETS:
        base = load(piece(ds))
        if not base or not os.path.exists(pred(ds)):
            continue
        r = next(x for x in base["rows"] if x["k"] == 1 and x["rule"] == "vote")
        lo, hi = kr.wilson(r["accuracy"], r["n_test"])
        body.append([title[ds], "exact gzip:9 k=1", "%d" % r["n_test"],
                     "%.4f %s" % (r["accuracy"], kr.ci_text(lo, hi)), "0", "%.1f" % (
                         1000.0 * base["seconds"] / r["n_test"]), "-"])
        pc = load(piece(name(ds, "per-class"), "zstd:9"))
        if pc:
            body.append([title[ds], "per-class zstd:9, 3 parts", "%d" % pc["rows"][0]["n_test"]] +
                        _cells(pc, pred(name(ds, "per-class"), "zstd:9"), pred(ds)) + ["-"])
        for suffix, heading, _ in CM_METHODS:
            if suffix.startswith("knn") and ds not in CM_KNN_DATASETS:
                body.append([title[ds], heading, "-", "not run (a model run per pair: hours)",
                             "-", "-", "-"])
                continue
            nm = "%s-%s" % (ds, suffix)
            doc = load(piece(nm, CM_CODEC))
            if doc:
                cmds.append(doc["command"])
            n = "%d" % doc["rows"][0]["n_test"] if doc else "-"
            body.append([title[ds], heading, n] + _cm_cells(doc, pred(nm, CM_CODEC), pred(ds)))
    if not body:
        return ""
    return ("## cm, kcbench's context-mixing compressor, beside exact gzip\n\n"
            "cm (issue 14) is a predictive model, closer to K(x) than the dictionary coders: "
            "it codes the six Canterbury/Calgary text files in fewer bytes than PPMd order 6, "
            "xz -9 and bzip2 -9. Here it classifies in two ways, each under its own name: "
            "**per-class** (one cm:5 model per class, or per each of 3 parts of a class, "
            "primed with the class's training texts, all of them: the model has no window; "
            "the class whose model codes the test text in fewest bytes wins; full test sets, "
            "run on one core, `-j 1`) and **exact kNN** (1-NN on NCD with cm:5, a model run per "
            "pair, so only on a stratified sample of %d test texts, `--test-sample %d --seed 1`, "
            "on both cores). Every row is compared with exact gzip:9 (k=1, rule vote) on the "
            "same test texts, item by item (paired bootstrap, 10000 resamples, seed 1); the "
            "intervals of the sampled rows are wide (n = %d). cm runs only on R8, R52 and AG "
            "News, and its exact kNN only on R8 and AG News: over every pair it would take "
            "hours per dataset, and on this shared machine even a sample of R52 did not fit the "
            "time of the run. ms/text (wall) "
            "is the wall time over the test texts with loading and priming included, on a "
            "machine shared with other jobs; ms/text (CPU) is user + system time over the test "
            "texts, the fairer figure there. The commands:\n\n%s%s\n" % (
                CM_SAMPLE, CM_SAMPLE, CM_SAMPLE, kr.fenced("\n".join(cmds)),
                kr.md_table(head, body, ["---", "---"] + ["---:"] * (len(head) - 2)))
            + "\n" + _cm_verdict(title, load, piece))
