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
        if DATA and a.startswith(DATA):
            a = "$KCB_DATA" + a[len(DATA):]
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
