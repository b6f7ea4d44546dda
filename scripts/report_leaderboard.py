#!/usr/bin/env python3
"""Regenerates reports/leaderboard.md: kcbench bench on the Canterbury and Calgary corpora at the
usual levels (per file and totals), and a learners' table (NCD(x,x), kNN accuracy on R8).

usage: scripts/report_leaderboard.py [KCBENCH]       (needs scripts/fetch-corpora.sh's corpora)

Each timed run is kept in reports/.work/leaderboard/NAME.json (kcbench's rows, the command and
its wall time) and not redone unless FORCE=1; KCB_TIMING_ONLY=1 stops after the timed passes.
Timing wants a quiet machine: run it when nothing else is using the cores.
"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kcbreport as kr  # noqa: E402

OUT = "reports/leaderboard.md"
WORK = "reports/.work/leaderboard"
LEVELS = "gzip:1,6,9,xz:0,6,9,zstd:1,3,9,19,bzip2:1,9"
OPTIONAL = ["brotli:1,6,11", "lz4:1,9,12", "libdeflate:1,6,12"]
# every codec at its default level, but brotli at 6: at 11 it costs ~2 ms per short pair
LEARN = "gzip:9,zlib:6,deflate:6,xz:6,zstd:3,zstd:19,bzip2:9"
LEARN_OPTIONAL = ["brotli:6", "lz4:1", "libdeflate:6"]
TIMING = ["--min-time", "0.25", "--min-runs", "3"]
USUAL = [("gzip:9", "3.85"), ("bzip2:9", "5.18"), ("xz:9", "5.71"), ("zstd:19", "5.39")]
HEADS = {"compressor": "compressor", "version": "version", "file": "file",
         "original": "original", "compressed": "compressed", "ratio": "ratio",
         "bits_per_byte": "bits/byte", "compress_mbs_best": "comp MB/s best",
         "compress_mbs_median": "comp MB/s median", "decompress_mbs_best": "dec MB/s best",
         "decompress_mbs_median": "dec MB/s median", "ncd_xx": "NCD(x,x)",
         "knn_accuracy": "kNN acc", "verified": "verified"}
DIGITS = {"ratio": 3, "bits_per_byte": 3, "compress_mbs_best": 1, "compress_mbs_median": 1,
          "decompress_mbs_best": 1, "decompress_mbs_median": 1}


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


def section(title, doc, totals_only, extra=()):
    cols = ["compressor", "version", "file", "original", "compressed", "ratio", "bits_per_byte",
            "compress_mbs_best", "compress_mbs_median", "decompress_mbs_best",
            "decompress_mbs_median"] + list(extra) + ["verified"]
    rows = [r for r in doc["rows"] if not totals_only or r["file"] == "(total)"]
    digits = dict(DIGITS, ncd_xx=4, knn_accuracy=4)
    body = [[kr.fmt(r.get(c), digits.get(c, 4)) for c in cols] for r in rows]
    align = ["---"] * 3 + ["---:"] * (len(cols) - 3)
    return "\n## %s\n\n%s\n%s\n\n_%d s of wall time on %d cores._\n" % (
        title, kr.fenced(doc["command"]), kr.md_table([HEADS[c] for c in cols], body, align),
        doc["seconds"], os.cpu_count() or 1)


def total(doc, spec):
    for r in doc["rows"]:
        if r["file"] == "(total)" and r["compressor"] == spec:
            return "%.3f" % r["ratio"]
    return "-"


INTRO = """# Compressor leaderboard: Canterbury and Calgary

Made by `scripts/report_leaderboard.py` (`make reports/leaderboard.md`) from kcbench's JSON
output, with the commands shown above each table, on %s, %s.
Every row is round-trip verified (decompressed and compared). Speeds are in MB/s with
MB = 10^6 bytes, speed = original bytes / time, best and median of the timed calls, each
file held in memory; ratio = original/compressed; bits/byte = 8 x compressed/original.
NCD(x,x) = (C(xx) - C(x)) / C(x) shows whether a compressor still sees the first copy of x
when it reads the second: near 0 when its window covers x·x (xz -6 and -9, zstd -3 and up,
brotli -6 and up, at these file sizes), near 1 for gzip, lz4 and libdeflate once x is over
their 32-64 KiB windows, and between for bzip2, whose blocks cut x·x; the total row gives
the mean over files. The timed passes want an otherwise quiet machine; a 2-core VM is noisy
all the same, so read speeds to about 10%%.

Canterbury totals against the usual figures (each file compressed alone, sizes summed):

"""

LEARNERS = """
## Compressors as learners

The compressors at their default levels (brotli at 6: at 11 it costs about 2 ms per pair of
short texts) ranked by how well they learn: kNN accuracy (k=1, NCD, rule vote) on a
stratified sample of 50 R8 test texts against all 5485 training texts (a binomial standard
error of about 0.04: differences under ~0.08 are not significant; reports/classification.md
has the full-size runs), beside their ratio and NCD(x,x) on Canterbury. Timings in this
table are single calls (`--min-time 0 --min-runs 1`) and are not a speed measurement.
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
        "--test-sample", "50", "--sort", "accuracy", os.path.join(kr.CORP, "canterbury")])
    usual = kr.md_table(["compressor", "ratio here", "usual figure"],
                        [[s, total(cant, s), u] for s, u in USUAL], ["---", "---:", "---:"])
    text = (INTRO % (kr.machine(kcb), time.strftime("%Y-%m-%d", time.gmtime())) + usual + "\n" +
            section("Canterbury: totals", cant, True, ["ncd_xx"]) +
            section("Calgary: totals (18 files: the 14 standard ones and paper3-6)", calg, True,
                    ["ncd_xx"]) + LEARNERS +
            section("Learners (sorted by kNN accuracy)", learn, True, ["ncd_xx", "knn_accuracy"])
            + section("Canterbury: every file", cant, False, ["ncd_xx"]) +
            section("Calgary: every file", calg, False, ["ncd_xx"]))
    kr.write(OUT, text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
