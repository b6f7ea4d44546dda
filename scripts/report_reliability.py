#!/usr/bin/env python3
"""Regenerates reports/reliability.md: each libFuzzer target of tests/fuzz/ run for SECONDS,
with its executions, speed, corpus and crashes from libFuzzer's final statistics.

usage: scripts/report_reliability.py [--out FILE] [--build DIR] [--targets A,B] [--parallel N]
                                     SECONDS

The targets are those `make fuzz` builds (DIR/fuzzers/NAME, DIR default build/fuzz; build them
with `make fuzz-regress` first). Each runs for SECONDS (N of them at a time, default 1), as `make fuzz` runs it: the
working corpus DIR/corpus/NAME seeded from tests/fuzz/NAME/seeds and .../regress, crash
inputs in DIR/crashes/NAME/, the log in DIR/logs/NAME.report.log. The report (written
atomically, default reports/reliability.md) gives the command, a row per target and the open
crashes, if any; the exit status is 1 when a target crashed, leaked, hung or ran out of memory.
Standard library only.
"""
import argparse
import concurrent.futures
import datetime
import glob
import os
import re
import subprocess
import sys
import textwrap
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kcbreport as kr  # noqa: E402

FUZZ_DIR = "tests/fuzz"
FLAGS = ["-print_final_stats=1", "-timeout=10", "-rss_limit_mb=2048"]


def targets():
    """The targets: tests/fuzz/NAME.c, by name."""
    return sorted(os.path.basename(p)[:-2] for p in glob.glob(os.path.join(FUZZ_DIR, "*.c")))


def purpose(name):
    """What the target parses, from the one-line comment on line 1 of its source."""
    with open(os.path.join(FUZZ_DIR, name + ".c"), encoding="utf-8") as f:
        first = f.readline().strip()
    m = re.match(r"/\*\s*(?:libFuzzer target:\s*)?(.*?)\s*\*/$", first)
    text = (m.group(1) if m else first).split(";")[0].rstrip(".")
    return text[:1].upper() + text[1:]


def parse_log(text):
    """libFuzzer's final statistics and last status line from a log: a dict."""
    stats = dict(re.findall(r"^stat::(\w+):\s*(\d+)", text, re.M))
    corp = re.findall(r"\bcorp: (\d+)/", text)
    return {
        "execs": int(stats["number_of_executed_units"]) if "number_of_executed_units" in stats
        else None,
        "speed": int(stats["average_exec_per_sec"]) if "average_exec_per_sec" in stats else None,
        "rss": int(stats["peak_rss_mb"]) if "peak_rss_mb" in stats else None,
        "new": int(stats["new_units_added"]) if "new_units_added" in stats else None,
        "corpus": int(corp[-1]) if corp else None,
        "done": bool(re.search(r"^Done \d+ runs in \d+ second", text, re.M)),
    }


def problem(text):
    """The first line saying what went wrong in a log, or ''."""
    for pat in (r"^==\d+==ERROR: .*", r"^SUMMARY: .*", r".*check failed: .*",
                r".*runtime error: .*", r"^==\d+== ERROR: libFuzzer: .*"):
        m = re.search(pat, text, re.M)
        if m:
            return m.group(0).strip()
    return ""


def run_target(name, seconds, build):
    """Runs one target for seconds; returns its row (a dict)."""
    binary = os.path.join(build, "fuzzers", name)
    corpus = os.path.join(build, "corpus", name)
    crashes = os.path.join(build, "crashes", name)
    seeds = [os.path.join(FUZZ_DIR, name, d) for d in ("seeds", "regress")]
    log = os.path.join(build, "logs", name + ".report.log")
    for d in [corpus, crashes, os.path.dirname(log)] + seeds:
        os.makedirs(d, exist_ok=True)
    before = set(os.listdir(crashes))
    cmd = [binary, "-max_total_time=%d" % seconds, "-artifact_prefix=%s/" % crashes] + FLAGS + \
        [corpus] + seeds
    print("report: %s: %d s" % (name, seconds), file=sys.stderr, flush=True)
    start = time.monotonic()
    with open(log, "w") as out:
        rc = subprocess.call(cmd, stdout=out, stderr=subprocess.STDOUT)
    wall = time.monotonic() - start
    with open(log, errors="replace") as f:
        text = f.read()
    row = parse_log(text)
    new = sorted(set(os.listdir(crashes)) - before)
    row.update(name=name, what=purpose(name), seconds=wall, rc=rc, log=log,
               crashes=[os.path.join(crashes, c) for c in new], problem=problem(text))
    if rc != 0 and not row["crashes"]:
        row["crashes"] = ["(exit status %d, no input saved: see %s)" % (rc, log)]
    return row


def number(v):
    """A count with thousands separated by commas, '-' when unknown."""
    return "-" if v is None else "{:,}".format(v)


def table(rows):
    head = ["target", "what it parses", "seconds", "executions", "exec/s", "corpus inputs",
            "peak RSS (MB)", "crashes"]
    body = [["`%s`" % r["name"], r["what"], "%.0f" % r["seconds"], number(r["execs"]),
             number(r["speed"]), number(r["corpus"]), number(r["rss"]), str(len(r["crashes"]))]
            for r in rows]
    return kr.md_table(head, body, ["---", "---", "---:", "---:", "---:", "---:", "---:", "---:"])


def clang_version():
    try:
        p = subprocess.run(["clang", "--version"], capture_output=True, text=True)
        return p.stdout.splitlines()[0].strip() if p.returncode == 0 else "clang"
    except OSError:
        return "clang"


def open_crashes(rows):
    """The paragraph on open crashes: none, or a list of them."""
    bad = [r for r in rows if r["crashes"]]
    if not bad:
        return wrap("**Open crashes: none.** Every target ran its full time without a crash, a "
                    "leak, undefined behaviour, a timeout (10 s per input) or running out of "
                    "memory (2048 MB).") + "\n"
    lines = ["**Open crashes: %d target%s.**\n" % (len(bad), "" if len(bad) == 1 else "s")]
    for r in bad:
        what = r["problem"] or "exit status %d" % r["rc"]
        for c in r["crashes"]:
            lines.append("- `%s`: %s; input `%s` (log `%s`)" % (r["name"], what, c, r["log"]))
    return "\n".join(lines) + "\n"


def regressions(rows):
    """The paragraph naming the inputs kept in tests/fuzz/NAME/regress, by target."""
    kept = []
    for r in rows:
        d = os.path.join(FUZZ_DIR, r["name"], "regress")
        names = sorted(n for n in os.listdir(d) if not n.startswith(".")) if os.path.isdir(d) \
            else []
        if names:
            kept.append("`%s`: %s" % (r["name"], ", ".join("`%s`" % n for n in names)))
    if not kept:
        return "No target has a regression input yet.\n"
    return ("Inputs that crashed a target once, since fixed (each with a test), and run again by "
            "every fuzz run: %s.\n" % "; ".join(kept))


def wrap(text):
    return textwrap.fill(text, 95, break_long_words=False, break_on_hyphens=False)


def report(rows, seconds, command, parallel):
    total = sum(r["execs"] or 0 for r in rows)
    hours = sum(r["seconds"] for r in rows) / 3600
    intro = ("Made by `scripts/report_reliability.py`: each libFuzzer target of `tests/fuzz/` "
             "(one C file per target, with its seed inputs in `tests/fuzz/NAME/seeds` and "
             "every input that ever crashed it in `tests/fuzz/NAME/regress`), built by `make "
             "fuzz` with %s, AddressSanitizer, UndefinedBehaviorSanitizer (aborting on the "
             "first finding) and LeakSanitizer, run for %d s each (%s) on %s, %d cores, "
             "assembled %s." % (clang_version(), seconds,
                                "one after the other" if parallel == 1 else
                                "%d at a time, each a process of its own sharing the cores: "
                                "exec/s is per target" % parallel,
                                kr.cpu_model(), os.cpu_count() or 1,
                                datetime.date.today().isoformat()))
    totals = ("%s executions in all, %.1f hours of fuzzing. An execution is one input through "
              "the target: a whole parse, then the checks the target makes of what came out. "
              "Corpus inputs are those libFuzzer kept at the end (seeds and regression inputs "
              "included) for the coverage they reach; exec/s is libFuzzer's average over the "
              "run." % (number(total), hours))
    how = ("`make fuzz FUZZ_SECONDS=N` runs the same targets for N seconds each, and `make "
           "fuzz-regress` runs each once over its seeds and regression inputs; CI runs both, "
           "briefly.")
    return "\n".join(["# Reliability: fuzzing kcbench's parsers", "", wrap(intro), "", "```",
                      command, "```", "", table(rows), "", wrap(totals), "", open_crashes(rows),
                      wrap(regressions(rows)), "", wrap(how), ""])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("seconds", type=int, help="seconds of fuzzing per target")
    ap.add_argument("--out", default="reports/reliability.md", help="the report to write")
    ap.add_argument("--build", default="build/fuzz", help="where make fuzz built the targets")
    ap.add_argument("--targets", help="a comma-separated subset of the targets")
    ap.add_argument("--parallel", type=int, default=1, help="targets run at a time")
    a = ap.parse_args()
    if a.seconds < 1:
        ap.error("SECONDS must be at least 1")
    names = a.targets.split(",") if a.targets else targets()
    unknown = [n for n in names if n not in targets()]
    missing = [n for n in names if not os.access(os.path.join(a.build, "fuzzers", n), os.X_OK)]
    if unknown:
        sys.exit("report: no such target: %s (tests/fuzz/NAME.c)" % ", ".join(unknown))
    if missing:
        sys.exit("report: not built: %s (run `make fuzz-regress` first)" % ", ".join(
            os.path.join(a.build, "fuzzers", n) for n in missing))
    command = "python3 scripts/report_reliability.py %d" % a.seconds
    if a.targets:
        command += " --targets " + a.targets
    if a.parallel > 1:
        command += " --parallel %d" % a.parallel
    with concurrent.futures.ThreadPoolExecutor(max(1, a.parallel)) as pool:
        rows = list(pool.map(lambda n: run_target(n, a.seconds, a.build), names))
    out_dir = os.path.dirname(a.out)
    if out_dir:
        os.makedirs(out_dir, exist_ok=True)
    kr.write(a.out, report(rows, a.seconds, command, max(1, a.parallel)))
    return 1 if any(r["crashes"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
