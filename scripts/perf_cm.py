"""The cm section of reports/performance.md: cm against xz -9, bzip2 -9 and PPMd, same run.

Sizes and speeds of kcbench's own context-mixing codec (cm) at its default level beside xz:9
and bzip2:9 (kcbench bench, round trip verified) and PPMd var.I and var.H at order 6 (Debian's
python3-ppmd, through Debian's own python3, which is where that package installs), on the
four Canterbury text files and Calgary's book1 and book2; then cm's round trip on every
Canterbury and Calgary file. Standard library only; used by report_performance.py.
"""
import json
import os
import subprocess

import kcbreport as kr


def num(v):
    """A count with thousands separated by commas, '-' when unknown."""
    return "-" if v is None else "{:,}".format(v)

TEXTS = ["canterbury/alice29.txt", "canterbury/asyoulik.txt", "canterbury/lcet10.txt",
         "canterbury/plrabn12.txt", "calgary/book1", "calgary/book2"]
CODECS = "cm:5,xz:9,bzip2:9"
# PPMd through Debian's python3: the one that has python3-ppmd's module
PPMD_PYTHON = "/usr/bin/python3"
PPMD_CODE = r"""
import io, json, sys, time, ppmd
out = {}
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    row = {}
    for name, make in (("var.I", lambda b: ppmd.Ppmd8Encoder(b, 6, 16 << 20, 0)),
                       ("var.H", lambda b: ppmd.Ppmd7Encoder(b, 6, 16 << 20))):
        b = io.BytesIO()
        e = make(b)
        t = time.process_time()
        e.encode(data)
        e.flush()
        row[name] = [len(b.getvalue()), time.process_time() - t]
    out[path] = row
print(json.dumps(out))
"""


def corpus(name):
    return os.path.join("corpora", "data", name)


def ppmd_sizes(files):
    """{path: {"var.I": [bytes, cpu s], "var.H": [...]}}, or (None, why)."""
    try:
        p = subprocess.run([PPMD_PYTHON, "-c", PPMD_CODE] + files, capture_output=True,
                           text=True)
    except OSError as e:
        return None, str(e)
    if p.returncode != 0:
        return None, (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1]
    return json.loads(p.stdout), ""


def bench(kcbench, codecs, files, min_time):
    cmd = [kcbench, "bench", "-q", "-c", codecs, "--min-time", str(min_time), "--min-runs",
           "1", "-f", "json"] + files
    p = subprocess.run(cmd, capture_output=True, text=True)
    rows = json.loads(p.stdout) if p.stdout.strip() else []
    return rows, p.returncode, " ".join(["kcbench"] + cmd[1:])


def measure(kcbench, quick):
    """Runs everything; returns a dict for cm_section."""
    files = [corpus(t) for t in TEXTS]
    files = [f for f in files if os.path.exists(f)]
    rows, rc, cmd = bench(kcbench, CODECS, files, 0.05 if quick else 0.5)
    pp, why = ppmd_sizes(files)
    every = sorted(os.path.join(corpus(d), n) for d in ("canterbury", "calgary")
                   if os.path.isdir(corpus(d)) for n in os.listdir(corpus(d)))
    rt, rt_rc, _ = bench(kcbench, "cm:5", every, 0)
    rt_cmd = ("kcbench bench -q -c cm:5 --min-time 0 --min-runs 1 -f json "
              "corpora/data/canterbury/* corpora/data/calgary/*")
    return {"files": files, "rows": rows, "rc": rc, "cmd": cmd, "ppmd": pp, "why": why,
            "rt": rt, "rt_rc": rt_rc, "rt_cmd": rt_cmd}


def size_table(m):
    by = {(r["compressor"], r["file"]): r for r in m["rows"]}
    names = [os.path.basename(f) for f in m["files"]]
    head = ["file", "bytes", "cm:5", "xz:9", "bzip2:9", "PPMd var.I o6", "PPMd var.H o6"]
    body, tot = [], [0] * 6
    for f, n in zip(m["files"], names):
        cells = [by.get((c, n), {}).get("compressed") for c in ("cm:5", "xz:9", "bzip2:9")]
        pp = (m["ppmd"] or {}).get(f, {})
        cells += [pp.get("var.I", [None])[0], pp.get("var.H", [None])[0]]
        orig = by.get(("cm:5", n), {}).get("original")
        body.append([n, num(orig)] + [num(v) for v in cells])
        tot = [t + (v or 0) for t, v in zip(tot, [orig or 0] + cells)]
    body.append(["**total**"] + ["**%s**" % num(v) for v in tot])
    return kr.md_table(head, body, ["---"] + ["---:"] * 6), tot


def verdicts(m, tot):
    cm, xz, bz, pi = tot[1], tot[2], tot[3], tot[4]
    lines = ["- cm:5's total below xz -9, bzip2 -9 and PPMd var.I order 6: **%s** (%s against "
             "%s, %s and %s bytes)." % ("met" if m["ppmd"] and cm < min(xz, bz, pi) else
                                        "not met", num(cm), num(xz), num(bz),
                                        num(pi) if m["ppmd"] else "(PPMd not measured: %s)"
                                        % m["why"])]
    tr = next((r for r in m["rows"] if r["compressor"] == "cm:5" and r["file"] == "(total)"),
              None)
    if tr:
        mbs = tr["compress_mbs_median"]
        lines.append("- cm:5 compresses text at ≥ 1 MB/s on one core: **%s** (%.2f MB/s, the "
                     "median call's rate over the six files; decompression %.2f MB/s)."
                     % ("met" if mbs >= 1 else "not met", mbs, tr["decompress_mbs_median"]))
    bad = [r["file"] for r in m["rt"] if r["compressor"] == "cm:5" and not r["verified"]]
    n = sum(1 for r in m["rt"] if r["compressor"] == "cm:5" and r["file"] != "(total)")
    lines.append("- cm:5's round trip on every Canterbury and Calgary file (%d files): **%s**."
                 % (n, "verified" if n and not bad and m["rt_rc"] == 0 else
                    "failed on " + ", ".join(bad or ["(exit %d)" % m["rt_rc"]])))
    return lines


def cm_section(m):
    """Markdown: the sizes table with its commands, the verdicts and the speeds."""
    table, tot = size_table(m)
    speeds = [r for r in m["rows"] if r["file"] == "(total)" and r["compressor"] != "memcpy"]
    sp = kr.md_table(["codec", "compress MB/s (median call)", "decompress MB/s"],
                     [[r["compressor"], "%.2f" % r["compress_mbs_median"],
                       "%.2f" % r["decompress_mbs_median"]] for r in speeds],
                     ["---", "---:", "---:"])
    pp_speed = ""
    if m["ppmd"]:
        cpu = sum(v["var.I"][1] for v in m["ppmd"].values())
        size = sum(r["original"] for r in m["rows"] if r["compressor"] == "cm:5" and
                   r["file"] != "(total)")
        pp_speed = (" PPMd var.I order 6 took %.2f s of CPU for the same %s bytes (%.2f MB/s, "
                    "one call per file)." % (cpu, num(size), size / cpu / 1e6 if cpu else 0))
    return "\n".join([
        "## cm, kcbench's own compressor, against xz, bzip2 and PPMd", "",
        "Sizes in bytes, containers included (cm's is 5 to 7 bytes; PPMd's raw stream has "
        "none). cm:5 is the default level (10.5 MiB of tables); PPMd var.I (Ppmd8, restore by "
        "restart) and var.H (Ppmd7) at order 6 with 16 MiB, from Debian's python3-ppmd.", "",
        "```", m["cmd"], PPMD_PYTHON + ": ppmd.Ppmd8Encoder(out, 6, 16 << 20, 0) and "
        "ppmd.Ppmd7Encoder(out, 6, 16 << 20) on each file", m["rt_cmd"], "```", "",
        table, "", "\n".join(verdicts(m, tot)), "", sp, "", pp_speed.strip(), ""])
