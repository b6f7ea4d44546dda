"""What the report generators share: running kcbench for JSON, timing it, and writing Markdown.

Reports read kcbench's own machine output (-f json or -f csv), never its Markdown: a command
is run with -f json, its rows are parsed, and the tables of a report are made here from them.
Every table in a report is preceded by the command that made it, with the data paths written
as $KCB_DATA and corpora/data so that anyone can run it again.
"""
import json
import os
import platform
import subprocess
import sys
import time

DATA = os.environ.get("KCB_DATA", "../shared/datasets")
CORP = os.environ.get("KCB_CORPORA", "corpora/data")


def kcbench_path(argv):
    """The kcbench binary: the first argument, else ./kcbench, made absolute."""
    return os.path.abspath(argv[1] if len(argv) > 1 else "./kcbench")


def portable(args):
    """The command line as a reader should type it: kcbench, $KCB_DATA, corpora/data."""
    out = []
    for a in args:
        a = str(a)
        if DATA:  # at the start, and after each comma of a list (bench --classify A,B)
            a = ",".join("$KCB_DATA" + p[len(DATA):] if p.startswith(DATA) else p
                         for p in a.split(","))
        a = a.replace(os.path.abspath(CORP), "corpora/data")
        if " " in a or a == "":
            a = "'%s'" % a
        out.append(a)
    return "kcbench " + " ".join(out)


class Run:
    """One kcbench run: its rows, wall time and warnings."""

    def __init__(self, rows, seconds, warnings, command):
        self.rows, self.seconds, self.warnings, self.command = rows, seconds, warnings, command


def run_json(kcb, args, log=None):
    """Runs `kcbench ARGS -f json` and returns a Run; exits naming the command on failure."""
    command = portable(list(args) + ["-f", "json"])
    print("%s: %s" % (log or "report", command), file=sys.stderr)
    start = time.time()
    p = subprocess.run([kcb] + [str(a) for a in args] + ["-f", "json"], capture_output=True,
                       text=True)
    seconds = time.time() - start
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        sys.exit("%s: failed (exit %d): %s" % (log or "report", p.returncode, command))
    warnings = [l for l in p.stderr.splitlines() if "warning" in l]
    return Run(json.loads(p.stdout), seconds, warnings, command)


def run_plain(kcb, args):
    """Runs kcbench and returns its standard output; exits on failure."""
    p = subprocess.run([kcb] + [str(a) for a in args], capture_output=True, text=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        sys.exit("report: failed: %s" % portable(args))
    return p.stdout


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine(kcb):
    """One sentence naming the machine, the cores and the library versions."""
    codecs = json.loads(run_plain(kcb, ["codecs", "-f", "json"]))
    libs = ", ".join("%s %s" % (c["library"], c["version"]) for c in codecs
                     if c["name"] not in ("zlib", "deflate"))
    return "%s, %d cores; %s" % (cpu_model(), os.cpu_count() or 1, libs)


def fmt(v, digits):
    """A number as a table shows it: '-' for None."""
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return "%.*f" % (digits, v)
    return str(v)


def md_table(head, rows, align=None):
    """A Markdown table: head is a list of titles; rows lists of cells (already text)."""
    align = align or ["---:"] * len(head)
    out = [("| " + " | ".join(head) + " |").replace("|  |", "| |"), "|" + "|".join(align) + "|"]
    for r in rows:
        out.append("| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |")
    return "\n".join(out)


def md_rows(rows, cols, digits=None, heads=None):
    """The Markdown table of kcbench rows (dicts): columns cols (json keys) with digits per
    column, titled by heads (a dict; a key without a title is shown as it is)."""
    digits, heads = digits or {}, heads or {}
    body = [[fmt(r.get(c), digits.get(c, 4)) for c in cols] for r in rows]
    align = ["---" if rows and isinstance(rows[0].get(c), (str, bool)) else "---:" for c in cols]
    return md_table([heads.get(c, c) for c in cols], body, align)


def fenced(command):
    return "```\n%s\n```\n" % command


def timing(run):
    return "_%d s of wall time on %d cores._\n" % (round(run.seconds), os.cpu_count() or 1)


def write(path, text):
    """Writes path atomically."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)
    print("report: wrote %s" % path, file=sys.stderr)


# ---- the machine, as kcbench reports it -------------------------------------------------

def machine_info(kcb):
    """The machine and versions as kcbench's own JSON gives them: cpu, cores, compiler and
    kcbench_version from a one-call bench row (memcpy on a 16-byte file), and the library
    version of each codec from `kcbench codecs -f json`."""
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as f:
        f.write("kcbench machine\n")
        f.flush()
        rows = json.loads(run_plain(kcb, ["bench", "-c", "gzip:1", "--min-time", "0",
                                          "--min-runs", "1", "-q", "-f", "json", f.name]))
    row = rows[0]
    codecs = json.loads(run_plain(kcb, ["codecs", "-f", "json"]))
    libs, seen = [], set()
    for c in codecs:
        if c["library"] not in seen:
            seen.add(c["library"])
            libs.append("%s %s" % (c["library"], c["version"]))
    return {"cpu": row.get("cpu"), "cores": row.get("cores"), "compiler": row.get("compiler"),
            "kcbench_version": row.get("kcbench_version"), "libraries": ", ".join(libs)}


def machine_line(info):
    """One sentence from machine_info()."""
    return "%s, %s cores; kcbench %s built with %s; %s" % (
        info["cpu"], info["cores"], info["kcbench_version"], info["compiler"], info["libraries"])


# ---- intervals and paired comparisons (standard library only) ----------------------------

Z95 = 1.959963984540054


def wilson(p, n, z=Z95):
    """The Wilson score interval of a proportion p observed on n items: (low, high)."""
    if not n:
        return (None, None)
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / d
    return (max(0.0, c - h), min(1.0, c + h))


def mcnemar_p(b, c):
    """Exact two-sided McNemar p-value: b and c are the discordant counts."""
    from math import comb
    n, k = b + c, min(b, c)
    if not n:
        return 1.0
    from fractions import Fraction  # exact: 2.0 ** n overflows past 1023 discordant items
    tail = Fraction(sum(comb(n, i) for i in range(k + 1)), 2 ** n)
    return float(min(Fraction(1), 2 * tail))


def paired_bootstrap(a, b, reps=10000, seed=1):
    """95% percentile interval of mean(b) - mean(a) over paired 0/1 items, resampling items
    with a fixed seed (so the report is reproducible)."""
    import random
    n = len(a)
    if not n:
        return (None, None)
    d = [y - x for x, y in zip(a, b)]
    rng = random.Random(seed)
    means = sorted(sum(rng.choices(d, k=n)) / n for _ in range(reps))
    return (means[int(0.025 * reps)], means[int(0.975 * reps) - 1])


def paired(a, b):
    """Two classifiers' 0/1 correctness on the same items, a and b: n, both accuracies, the
    difference b - a with its paired-bootstrap 95% interval, the discordant counts (right only
    in a, only in b) and the exact McNemar p-value."""
    n = len(a)
    only_a = sum(1 for x, y in zip(a, b) if x and not y)
    only_b = sum(1 for x, y in zip(a, b) if y and not x)
    return {"n": n, "acc_a": sum(a) / n, "acc_b": sum(b) / n, "diff": (sum(b) - sum(a)) / n,
            "ci": paired_bootstrap(a, b), "only_a": only_a, "only_b": only_b,
            "p": mcnemar_p(only_a, only_b)}


def pooled(rows):
    """kcbench accuracy rows of disjoint test sets (folds) pooled: correct answers over all
    their test texts, as one row {n_test, accuracy}; None if there are none."""
    n = sum(r["n_test"] for r in rows)
    return {"n_test": n, "accuracy": sum(r["accuracy"] * r["n_test"] for r in rows) / n} \
        if n else None


T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306,
        9: 2.262, 10: 2.228}


def mean_sd_ci(xs):
    """Mean, sample standard deviation and the 95% t interval of the mean of xs."""
    n = len(xs)
    m = sum(xs) / n
    if n < 2:
        return m, None, (None, None)
    sd = (sum((x - m) ** 2 for x in xs) / (n - 1)) ** 0.5
    h = T975.get(n - 1, Z95) * sd / n ** 0.5
    return m, sd, (m - h, m + h)


def ci_text(lo, hi, digits=3):
    return "-" if lo is None else "[%.*f, %.*f]" % (digits, lo, digits, hi)


# ---- labelled text files (label<TAB>text, one a line) -------------------------------------

def read_tsv(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        label, text = line.rstrip("\n").split("\t", 1)
        rows.append((label, text))
    return rows


def write_tsv(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.writelines("%s\t%s\n" % r for r in rows)
    os.replace(tmp, path)


def count_lines(path):
    return sum(1 for _ in open(path)) if os.path.exists(path) else "-"
