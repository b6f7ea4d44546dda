#!/usr/bin/env python3
"""Regenerates reports/leaderboard.md: kcbench bench on the Canterbury and Calgary corpora at the
usual levels (per file and totals), and the compressors as learners: NCD(x,x) and ratio on
Canterbury, kNN accuracy on R8, in separate tables.

usage: scripts/report_leaderboard.py [KCBENCH]       (needs scripts/fetch-corpora.sh's corpora)

Each run is kept in WORK/NAME.json (kcbench's rows, the command and its wall time) and not
redone unless FORCE=1; KCB_TIMING_ONLY=1 stops after the timed passes. Timing wants a quiet
machine: run it when nothing else is using the cores. For a quick check of the script (not a
measurement) the environment can shrink everything:
  KCB_MIN_TIME=S           --min-time of the timed passes (default 0.25)
  KCB_LEARN_SAMPLE=N       R8 test texts of the learners' kNN (default 50)
  KCB_CORPORA=DIR          DIR/canterbury and DIR/calgary instead of corpora/data
  KCB_LEADERBOARD_OUT=F    write F instead of reports/leaderboard.md
  KCB_LEADERBOARD_WORK=D   keep the runs in D instead of reports/.work/leaderboard
"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kcbreport as kr  # noqa: E402

OUT = os.environ.get("KCB_LEADERBOARD_OUT", "reports/leaderboard.md")
WORK = os.environ.get("KCB_LEADERBOARD_WORK", "reports/.work/leaderboard")
MIN_TIME = os.environ.get("KCB_MIN_TIME", "0.25")
LEARN_SAMPLE = int(os.environ.get("KCB_LEARN_SAMPLE", "50"))
LEVELS = "gzip:1,6,9,xz:0,6,9,zstd:1,3,9,19,bzip2:1,9"
OPTIONAL = ["brotli:1,6,11", "lz4:1,9,12", "libdeflate:1,6,12"]
# every codec at its default level, but brotli at 6: 11 is far slower on short pairs
LEARN = "gzip:9,zlib:6,deflate:6,xz:6,zstd:3,zstd:19,bzip2:9"
LEARN_OPTIONAL = ["brotli:6", "lz4:1", "libdeflate:6"]
TIMING = ["--min-time", MIN_TIME, "--min-runs", "3"]
HEADS = {"compressor": "compressor", "version": "version", "file": "file",
         "original": "original", "compressed": "compressed", "ratio": "ratio",
         "bits_per_byte": "bits/byte", "compress_mbs_best": "comp MB/s best",
         "compress_mbs_median": "comp MB/s median", "decompress_mbs_best": "dec MB/s best",
         "decompress_mbs_median": "dec MB/s median", "ncd_xx": "NCD(x,x)",
         "knn_accuracy": "kNN accuracy (k=1)", "verified": "verified"}
DIGITS = {"ratio": 3, "bits_per_byte": 3, "compress_mbs_best": 1, "compress_mbs_median": 1,
          "decompress_mbs_best": 1, "decompress_mbs_median": 1, "ncd_xx": 4,
          "knn_accuracy": 4}


def built(kcb):
    """The names of the codecs of this build."""
    return {c["name"] for c in json.loads(kr.run_plain(kcb, ["codecs", "-f", "json"]))}


def with_optional(base, optional, have):
    return ",".join([base] + [o for o in optional if o.split(":")[0] in have])


def bench(kcb, name, args):
    """A bench run, kept in WORK so that it is measured once."""
    path = os.path.join(WORK, name + ".json")
    if os.path.exists(path) and os.environ.get("FORCE") != "1":
        return json.load(open(path))
    os.makedirs(WORK, exist_ok=True)
    run = kr.run_json(kcb, ["bench"] + args, "report-leaderboard")
    doc = {"command": kr.portable(["bench"] + args + ["-f", "json"]),
           "seconds": round(run.seconds), "rows": run.rows}
    kr.write(path, json.dumps(doc, indent=1) + "\n")
    return doc


def machine(doc, kcb):
    """The machine of a bench run, from its own rows (cpu, cores, compiler, kcbench_version,
    and each codec's library and version); from kcbench itself for rows without them."""
    rows = doc["rows"]
    if not rows or "cpu" not in rows[0]:
        return kr.machine_line(kr.machine_info(kcb)) + " (as of this assembly: the run's rows " \
            "do not name their machine)"
    r = rows[0]
    libs = []
    for x in rows:
        lib = "%s %s" % (x.get("library"), x.get("version"))
        if x.get("library") and lib not in libs:
            libs.append(lib)
    return "%s, %s cores; kcbench %s built with %s; %s" % (
        r["cpu"], r["cores"], r["kcbench_version"], r["compiler"], ", ".join(libs))


def section(title, doc, totals_only, extra=(), keep=None, intro=""):
    cols = ["compressor", "version", "file", "original", "compressed", "ratio", "bits_per_byte",
            "compress_mbs_best", "compress_mbs_median", "decompress_mbs_best",
            "decompress_mbs_median"] + list(extra) + ["verified"]
    cols = keep or cols
    rows = [r for r in doc["rows"] if not totals_only or r["file"] == "(total)"]
    if keep:  # a table about learning: memcpy learns nothing and is no compressor
        rows = [r for r in rows if r.get("codec") != "memcpy"]
    body = [[kr.fmt(r.get(c), DIGITS.get(c, 4)) for c in cols] for r in rows]
    align = ["---" if c in ("compressor", "version", "file") else "---:" for c in cols]
    return "\n## %s\n\n%s%s\n%s\n\n_%d s of wall time on %d cores._\n" % (
        title, intro, kr.fenced(doc["command"]),
        kr.md_table([HEADS.get(c, c) for c in cols], body, align), doc["seconds"],
        os.cpu_count() or 1)


def accuracy_table(doc):
    """kNN accuracy on R8 with its Wilson interval: a table of its own (another dataset)."""
    rows = sorted((r for r in doc["rows"] if r["file"] == "(total)" and r.get("codec") != "memcpy"
                   and r.get("knn_accuracy") is not None), key=lambda r: -r["knn_accuracy"])
    body = []
    for r in rows:
        lo, hi = kr.wilson(r["knn_accuracy"], LEARN_SAMPLE)
        body.append([r["compressor"], r["version"], "%d" % LEARN_SAMPLE,
                     "%.4f" % r["knn_accuracy"], kr.ci_text(lo, hi)])
    return ("\n## Learners: kNN accuracy on R8 (not Canterbury)\n\nk=1, NCD, rule vote, "
            "`sep ' '`, on a stratified sample (seed 1) of %d R8 test texts against all %s "
            "training texts. With so few test texts the intervals overlap widely: this ranks "
            "nothing; reports/classification.md has full-size runs, with paired comparisons.\n"
            "\n%s%s\n\n_%d s of wall time on %d cores (the same run as the table above)._\n" % (
                LEARN_SAMPLE, kr.count_lines("%s/r8/train.tsv" % kr.DATA),
                kr.fenced(doc["command"]), kr.md_table(
                    ["compressor", "version", "R8 test texts", "kNN accuracy (k=1)",
                     "95% CI (Wilson)"], body, ["---", "---", "---:", "---:", "---:"]),
                doc["seconds"], os.cpu_count() or 1))


INTRO = """# Compressor leaderboard: Canterbury and Calgary

Made by `scripts/report_leaderboard.py` from kcbench's JSON output, with the command above each
table, on: %s. Assembled %s.
Every row is round-trip verified (decompressed and compared). Speeds are in MB/s with
MB = 10^6 bytes, speed = original bytes / time, best and median of the timed calls, each
file held in memory; memcpy, timed the same way, is the speed reference. ratio =
original/compressed; bits/byte = 8 x compressed/original. NCD(x,x) = (C(xx) - C(x)) / C(x)
shows whether a compressor still sees the first copy of x when it reads the second: near 0
when its window covers x.x, near 1 once x is over the window (gzip's 32 KiB), between for
bzip2, whose blocks cut x.x; the total row gives the mean over files. Timed passes use
--min-time %s; they want an otherwise quiet machine, and a 2-core VM is noisy all the same,
so read speeds to about 10%%.

No published reference figures are shown: none with a source was at hand, so none is given.
"""

LEARNERS = """The compressors at their default levels (brotli at 6: at 11 it is far slower on pairs of
short texts), from one run that measures two things on two datasets, shown apart: how well
each compressor sees repeats on **Canterbury** (ratio, NCD(x,x); below), and its kNN accuracy
on **R8** (next table). Timings of this run are single calls (`--min-time 0 --min-runs 1`) and
are not a speed measurement, so they are left out.

"""


def main(argv):
    kcb = kr.kcbench_path(argv)
    for c in ("canterbury", "calgary"):
        if not os.path.isdir(os.path.join(kr.CORP, c)):
            subprocess.run(["sh", "scripts/fetch-corpora.sh"], check=False)
        if not os.path.isdir(os.path.join(kr.CORP, c)):
            sys.exit("report-leaderboard: %s/%s missing (scripts/fetch-corpora.sh)" % (kr.CORP, c))
    have = built(kcb)
    codecs = with_optional(LEVELS, OPTIONAL, have)
    cant = bench(kcb, "canterbury", ["-c", codecs] + TIMING + ["--learn",
                                                                os.path.join(kr.CORP, "canterbury")])
    calg = bench(kcb, "calgary", ["-c", codecs] + TIMING + ["--learn",
                                                             os.path.join(kr.CORP, "calgary")])
    if os.environ.get("KCB_TIMING_ONLY") == "1":
        return 0
    learn = bench(kcb, "learners", [
        "-c", with_optional(LEARN, LEARN_OPTIONAL, have), "--min-time", "0", "--min-runs", "1",
        "--learn", "--classify", "%s/r8/train.tsv,%s/r8/test.tsv" % (kr.DATA, kr.DATA),
        "--test-sample", LEARN_SAMPLE, "--sort", "ncd", os.path.join(kr.CORP, "canterbury")])
    text = (INTRO % (machine(cant, kcb), time.strftime("%Y-%m-%d", time.gmtime()), MIN_TIME) +
            section("Canterbury: totals", cant, True, ["ncd_xx"]) +
            section("Calgary: totals (18 files: the 14 standard ones and paper3-6)", calg, True,
                    ["ncd_xx"]) +
            section("Learners: ratio and NCD(x,x) on Canterbury", learn, True,
                    keep=["compressor", "version", "file", "original", "compressed", "ratio",
                          "ncd_xx"], intro=LEARNERS) +
            accuracy_table(learn) +
            section("Canterbury: every file", cant, False, ["ncd_xx"]) +
            section("Calgary: every file", calg, False, ["ncd_xx"]))
    kr.write(OUT, text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
