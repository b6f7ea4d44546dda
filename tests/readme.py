#!/usr/bin/env python3
"""Runs the examples of README.md and checks that kcbench prints what the README shows.

usage: readme.py [-v] [README]        (the binary under test comes from $KCBENCH)

An example is a fenced block whose lines start with "$ ": each such line (with the lines
after it while it ends in a backslash) is a command, and the lines after it, up to the next
command or the end of the block, are what it must print (standard output and standard error
together, as on a terminal). The commands of one block run in one bash session, in a fresh
empty directory, with `kcbench` on PATH, so `cd` and variables carry from one command to the
next. In the expected text:
  - a line "..." stands for any number of lines (none included);
  - "…" inside a line stands for any text (timings, which differ from run to run);
  - trailing blanks do not count.
A block that names $KCB_DATA/DIR is skipped when that folder is absent, and counted. Blocks
without a "$ " line (build commands, layouts) are not examples.

A README table that follows a line "<!-- from reports/NAME.md -->" is an excerpt of that
report: every one of its lines must stand, as is, in the report (so the README never shows a
number the report does not), and every image the README shows must exist. Each counts as an
example.

Prints a line per failed example with a diff, and ends with "N examples passed, N failed,
N skipped (...)". Exits 1 if any failed.
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = "\x1e@@kcbench-readme@@"


def blocks(path):
    """Yields (line number, [(command, [expected lines])]) for each example block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].startswith("```"):
            i += 1
            continue
        start, body, i = i + 1, [], i + 1
        while i < len(lines) and not lines[i].startswith("```"):
            body.append(lines[i])
            i += 1
        i += 1
        cmds = parse(body)
        if cmds:
            yield start + 1, cmds


def parse(body):
    cmds, k = [], 0
    while k < len(body):
        line = body[k]
        if not line.startswith("$ "):
            if cmds:
                cmds[-1][1].append(line)
            k += 1
            continue
        cmd = line[2:]
        while cmd.endswith("\\") and k + 1 < len(body):
            k += 1
            cmd += "\n" + body[k]
        cmds.append((cmd, []))
        k += 1
    return cmds


def needed(cmds):
    """The $KCB_DATA folders a block reads."""
    text = " ".join(c for c, _ in cmds)
    return sorted(set(re.findall(r"\$KCB_DATA/([\w.-]+)", text)))


def matches(want, got):
    """Whether got (lines) is what want (lines, with "..." and "…") describes."""
    def line_ok(w, g):
        if "…" not in w:
            return w.rstrip() == g.rstrip()
        pattern = ".*?".join(re.escape(p) for p in w.rstrip().split("…"))
        return re.fullmatch(pattern, g.rstrip()) is not None

    def at(i, j):
        if i == len(want):
            return j == len(got)
        if want[i].strip() == "...":
            return any(at(i + 1, k) for k in range(j, len(got) + 1))
        return j < len(got) and line_ok(want[i], got[j]) and at(i + 1, j + 1)
    return at(0, 0)


def run_block(cmds, bindir, data):
    script = ["exec 2>&1"]
    for n, (cmd, _) in enumerate(cmds):
        script += ["printf '\\n%s%d\\n'" % (MARK, n), cmd]
    script.append("printf '\\n%sEND\\n'" % MARK)
    with tempfile.TemporaryDirectory(prefix="kcb-readme.") as tmp:
        # status lines of long runs would interleave with the output: on a terminal the
        # progress line is erased when done, so the README shows none
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"], KCB_DATA=data,
                   LC_ALL="C.UTF-8", KCB_PROGRESS_EVERY="1e9")
        if not os.path.isdir(data):  # as on a clean clone: no $KCB_DATA, no warning about it
            del env["KCB_DATA"]
        p = subprocess.run(["bash", "-c", "\n".join(script)], cwd=tmp, env=env,
                           capture_output=True, text=True, timeout=1800)
    parts = p.stdout.split("\n" + MARK)[1:]
    outs = []
    for part in parts[:-1]:
        body = part.split("\n", 1)[1] if "\n" in part else ""
        outs.append(body[:-1] if body.endswith("\n") else body)
    return outs


def excerpts(path):
    """Yields (line number, report path, [table lines]) for each table quoted from a report."""
    lines = open(path, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        m = re.fullmatch(r"<!-- from (reports/[\w./-]+\.md) -->", line.strip())
        if not m:
            continue
        j, table = i + 1, []
        while j < len(lines) and not lines[j].startswith("|"):
            j += 1
        while j < len(lines) and lines[j].startswith("|"):
            table.append(lines[j])
            j += 1
        yield i + 1, m.group(1), table


def check_quotes(readme):
    """(passed, failed) for the excerpts and images of the README; prints each failure."""
    root = os.path.dirname(os.path.abspath(readme))
    passed, failed = 0, 0
    for line, report, table in excerpts(readme):
        path = os.path.join(root, report)
        text = open(path, encoding="utf-8").read().split("\n") if os.path.exists(path) else []
        missing = [t for t in table if t not in text]
        if table and not missing:
            passed += 1
            continue
        failed += 1
        print("README.md:%d: the table quoted from %s %s" % (
            line, report, "is not in it: " + (missing[0] if missing else "is empty")))
    for n, line in enumerate(open(readme, encoding="utf-8"), 1):
        for img in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", line):
            if os.path.exists(os.path.join(root, img)):
                passed += 1
            else:
                failed += 1
                print("README.md:%d: the image %s does not exist" % (n, img))
    return passed, failed


def main(argv):
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    readme = args[0] if args else os.path.join(HERE, "..", "README.md")
    kcb = os.environ.get("KCBENCH") or sys.exit("readme.py: set KCBENCH")
    data = os.path.abspath(os.environ.get("KCB_DATA", os.path.join(HERE, "..", "..", "shared",
                                                                   "datasets")))
    bindir = tempfile.mkdtemp(prefix="kcb-readme-bin.")
    os.symlink(os.path.abspath(kcb), os.path.join(bindir, "kcbench"))
    passed, failed, skipped = 0, 0, []
    try:
        for line, cmds in blocks(readme):
            missing = [d for d in needed(cmds) if not os.path.isdir(os.path.join(data, d))]
            if missing:
                skipped.append("README.md:%d (no $KCB_DATA/%s)" % (line, missing[0]))
                continue
            outs = run_block(cmds, bindir, data)
            for (cmd, want), got in zip(cmds, outs + [""] * (len(cmds) - len(outs))):
                want = want[:]
                while want and not want[-1].strip():
                    want.pop()
                got_lines = got.split("\n") if got else []
                if matches(want, got_lines):
                    passed += 1
                    if verbose:
                        print("ok   README.md:%d $ %s" % (line, cmd.split("\n")[0]))
                    continue
                failed += 1
                print("README.md:%d: $ %s: the output differs from the README" % (
                    line, cmd.split("\n")[0]))
                for d in difflib.unified_diff(want, got_lines, "README", "kcbench", lineterm=""):
                    print("  " + d)
    finally:
        shutil.rmtree(bindir, ignore_errors=True)
    p, f = check_quotes(readme)
    passed, failed = passed + p, failed + f
    note = " (%s)" % "; ".join(skipped) if skipped else ""
    print("%d examples passed, %d failed, %d skipped%s" % (passed, failed, len(skipped), note))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
