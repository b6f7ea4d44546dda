#!/usr/bin/env python3
"""Runs kcbench's command-line tests: the case files tests/cli/*.t, each case a command and
what it must print and return.

usage: run.py [-j JOBS] [-k TEXT] [-v] PATH...      (PATH: a .t file or a directory of them)

The binary under test comes from $KCBENCH. Prints one line per failed case, "file:line:
title: what", followed by an indented diff, and ends with the line "N passed, N failed,
N skipped", naming the skipped cases after it in parentheses (file:line and the title, cut
to 40 characters), grouped by the path they lack; here one line, shown on two:

    386 passed, 0 failed, 2 skipped (no $KCB_DATA/canterbury: fetch.t:294 real data: canterbury
    and calgary fr ...; no $KCB_DATA/calgary: fetch.t:315 real data: a wrong checksum in a cop ...)

Exits 0 when every case that ran passed, 1 otherwise (a malformed case file counts as a
failure; a skipped case does not). -v also prints a line per case, skipped ones included.

CASE FILE FORMAT

    # A comment. Blank lines and comments between cases are ignored.
    === ncd of two strings is one number            <- a case starts; the rest is its title
    run: $KCBENCH ncd -s 'hello world' 'hello'      <- one line of bash...
    exit: 0                                         <- expected exit status (default 0)
    stdout re: ^0\.\d{6}$
    stderr: empty

A directive whose value is left empty takes the block of lines that follow it, each
starting with '|' (then one optional space, which is dropped; '|' alone is an empty line):

    run:                                            <- ...or a multi-line script
    | printf 'abc' > a
    | $KCBENCH ncd a - < a
    stdout:
    | 0.000000

Directives (each at most once, except the "contains"/"re" checks, which add up):

    run: CMD          required; run as `bash -o pipefail -c CMD` in a fresh empty temp dir
    needs: PATH...    run the case only if every PATH exists, else skip it: it is counted
                      and named in the summary, not failed. PATHs are separated by blanks
                      (shell quoting applies) and may name environment variables, $NAME or
                      ${NAME}, from the case's environment (below: KCB_DATA is absolute); a
                      variable that is unset or empty makes its path missing; a relative
                      path is taken from the repository (the folder above tests/). Give it
                      to every case that reads real data: `needs: $KCB_DATA/r8/train.tsv`
    stdin: TEXT       standard input: one line (a newline is added) or a block; default: none
    file NAME: TEXT   create NAME in the temp dir before running (one line or a block, each
                      line ending in a newline)
    exit: N           expected exit status (default 0)
    timeout: SECONDS  kill the case after this long (default 10), times $KCB_TIMEOUT_SCALE
                      (default 1; the sanitizer builds set it, as they run 2x to 15x slower)
    stdout: ...       what standard output must be:
        stdout: empty          nothing at all (the default when no stdout check is given)
        stdout: any            not checked
        stdout: one line       exactly one line, whatever it says
        stdout: TEXT           exactly the one line TEXT
        stdout:  + block       exactly these lines
        stdout re: REGEX       exactly one line, matching REGEX (Python re, whole line)
        stdout re:  + block    as many lines as the block, line i matching regex i
        stdout contains: TEXT  TEXT occurs somewhere (repeatable)
    stderr: ...       the same forms for standard error (default: empty)

Environment of every case: KCBENCH (absolute path of the binary), TESTS (absolute path of
tests/), PYTHON (this interpreter), KCB_DATA (passed through, made absolute),
KCB_PROGRESS_EVERY=1e9 (no progress status lines unless a case asks for them), and the
rest of the runner's environment.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import time

TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TIMEOUT = 10.0
TIMEOUT_SCALE = float(os.environ.get("KCB_TIMEOUT_SCALE") or 1)
KEYWORDS = ("empty", "any", "one line")

DIRECTIVE = re.compile(r"^(run|needs|stdin|file\s+\S+|exit|timeout"
                       r"|(?:stdout|stderr)(?:\s+(?:re|contains))?):(?:\s(.*))?$")


class SyntaxErr(Exception):
    def __init__(self, line, msg):
        super().__init__(msg)
        self.line = line


class Case:
    def __init__(self, path, line, title):
        self.path, self.line, self.title = path, line, title
        self.run = None
        self.needs = []  # paths as written, variables unexpanded
        self.stdin = None
        self.files = []
        self.exit = 0
        self.timeout = DEFAULT_TIMEOUT
        self.checks = {"stdout": [], "stderr": []}  # (kind, value)
        self.seen = set()

    def where(self):
        return "%s:%d" % (self.path, self.line)


def parse(path):
    """Returns the cases of one file; raises SyntaxErr."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    cases, case, i = [], None, 0
    while i < len(lines):
        no, text = i + 1, lines[i]
        i += 1
        if text.startswith("==="):
            title = text[3:].strip()
            if not title:
                raise SyntaxErr(no, "a case needs a title after '==='")
            case = Case(path, no, title)
            cases.append(case)
            continue
        if not text.strip() or text.startswith("#"):
            continue
        if text.startswith("|"):
            raise SyntaxErr(no, "a '|' line must follow a directive with an empty value")
        m = DIRECTIVE.match(text)
        if not m:
            raise SyntaxErr(no, "not a directive: %r" % text)
        if case is None:
            raise SyntaxErr(no, "directive before the first '=== title' line")
        key, value = m.group(1), m.group(2)
        key = " ".join(key.split())
        block = None
        if value is None or not value.strip():
            block = []
            while i < len(lines) and lines[i].startswith("|"):
                body = lines[i][1:]
                block.append(body[1:] if body.startswith(" ") else body)
                i += 1
            if not block:
                raise SyntaxErr(no, "'%s:' has no value and no '|' block after it" % key)
        add(case, no, key, value.strip() if block is None else None, block)
    for c in cases:
        if c.run is None:
            raise SyntaxErr(c.line, "case %r has no 'run:'" % c.title)
        for stream in ("stdout", "stderr"):
            if not c.checks[stream]:
                c.checks[stream].append(("empty", None))
    return cases


def add(case, no, key, value, block):
    """Records one directive (value for one line, block for a '|' block) in case."""
    single = (key.split()[0] in ("run", "needs", "stdin", "exit", "timeout")
              or key in ("stdout", "stderr"))
    if single and key in case.seen:
        raise SyntaxErr(no, "'%s:' given twice in one case" % key)
    case.seen.add(key)
    text = "\n".join(block) if block is not None else value
    if key == "run":
        case.run = text
    elif key == "needs":
        try:
            case.needs = shlex.split(text)
        except ValueError as e:
            raise SyntaxErr(no, "'needs:' %s" % e) from None
        if not case.needs or "" in case.needs:
            raise SyntaxErr(no, "'needs:' needs paths, not an empty one")
    elif key == "stdin":
        case.stdin = (text + "\n").encode()
    elif key.startswith("file "):
        case.files.append((key.split(None, 1)[1], (text + "\n").encode()))
    elif key in ("exit", "timeout"):
        if block is not None:
            raise SyntaxErr(no, "'%s:' takes one value, not a block" % key)
        try:
            setattr(case, key, int(value) if key == "exit" else float(value))
        except ValueError:
            raise SyntaxErr(no, "'%s:' needs a number, got %r" % (key, value)) from None
    else:
        stream, _, kind = key.partition(" ")
        if kind == "re":
            regexes = block if block is not None else [value]
            for r in regexes:
                try:
                    re.compile(r)
                except re.error as e:
                    raise SyntaxErr(no, "bad regex %r: %s" % (r, e)) from None
            case.checks[stream].append(("re", regexes))
        elif kind == "contains":
            case.checks[stream].append(("contains", text))
        elif block is None and value in KEYWORDS:
            case.checks[stream].append((value, None))
        else:
            case.checks[stream].append(("exact", text + "\n"))


def check(stream, kind, want, got):
    """Returns None if got (text) satisfies the check, else a list of lines explaining why."""
    if kind == "any":
        return None
    if kind == "empty":
        return None if got == "" else ["%s should be empty:" % stream] + indent(got)
    if kind == "one line":
        if got.endswith("\n") and got.count("\n") == 1:
            return None
        return ["%s should be exactly one line:" % stream] + indent(got)
    if kind == "contains":
        if want in got:
            return None
        return ["%s should contain %r:" % (stream, want)] + indent(got)
    if kind == "exact":
        if got == want:
            return None
        return ["%s differs:" % stream] + diff(want, got)
    if kind == "re":
        lines = got.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        ok = len(lines) == len(want) and got.endswith("\n") and all(
            re.fullmatch(r, l) for r, l in zip(want, lines))
        if ok:
            return None
        out = ["%s does not match (regex lines vs output lines):" % stream]
        for k in range(max(len(want), len(lines))):
            r = want[k] if k < len(want) else "(no regex)"
            l = lines[k] if k < len(lines) else "(no line)"
            bad = k >= len(want) or k >= len(lines) or not re.fullmatch(r, l)
            out.append("  %s re  %s" % ("!" if bad else " ", r))
            out.append("  %s got %s" % ("!" if bad else " ", l))
        return out
    raise AssertionError(kind)


def indent(text, limit=40):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        return ["  (nothing)"]
    more = len(lines) - limit
    tail = ["  ... %d more lines" % more] if more > 0 else []
    return ["  | " + l for l in lines[:limit]] + tail


def diff(want, got, limit=60):
    d = list(difflib.unified_diff(want.splitlines(), got.splitlines(), "expected", "got",
                                  lineterm="", n=2))
    if not d:  # same lines, different line endings
        d = ["- %r" % want, "+ %r" % got]
    more = len(d) - limit
    return ["  " + l for l in d[:limit]] + (["  ... %d more diff lines" % more] if more > 0 else [])


VARIABLE = re.compile(r"\$(?:(\w+)|\{(\w+)\})")


def missing_need(case, env):
    """Returns the first path of case's 'needs:' that does not exist (as written), or None."""
    for path in case.needs:
        unset = []

        def value(m):
            v = env.get(m.group(1) or m.group(2), "")
            if not v:
                unset.append(m.group(0))
            return v
        expanded = VARIABLE.sub(value, path)
        if unset or not os.path.exists(os.path.join(os.path.dirname(TESTS), expanded)):
            return path
    return None


def skip_summary(skipped, width=40):
    """The parenthesis of the summary line: the skipped cases, grouped by what they lack."""
    groups = {}
    for case, path in skipped:
        title = case.title if len(case.title) <= width else case.title[:width - 4] + " ..."
        groups.setdefault(path, []).append("%s:%d %s" % (os.path.basename(case.path),
                                                         case.line, title))
    return "; ".join("no %s: %s" % (path, ", ".join(names)) for path, names in groups.items())


def decode(b):
    return b.decode("utf-8", errors="surrogateescape")


def run_case(case, env):
    """Runs one case; returns (case, None) on success or (case, [lines]) on failure."""
    with tempfile.TemporaryDirectory(prefix="kcb-cli-") as tmp:
        for name, data in case.files:
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(data)
        stdin = subprocess.PIPE if case.stdin is not None else subprocess.DEVNULL
        p = subprocess.Popen(["bash", "-o", "pipefail", "-c", case.run], cwd=tmp, env=env,
                             stdin=stdin,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)
        timeout = case.timeout * TIMEOUT_SCALE
        try:
            out, err = p.communicate(case.stdin, timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            return case, ["timed out after %gs" % timeout, "  $ " + case.run]
    out, err = decode(out), decode(err)
    problems = []
    if p.returncode != case.exit:
        problems.append("exit status %d, expected %d" % (p.returncode, case.exit))
    for stream, got in (("stdout", out), ("stderr", err)):
        for kind, want in case.checks[stream]:
            why = check(stream, kind, want, got)
            if why:
                problems.extend(why)
    if not problems:
        return case, None
    summary = problems[0] if not problems[0].startswith(" ") else "failed"
    lines = [summary] + problems[1:] + ["  $ " + l for l in case.run.split("\n")]
    if p.returncode != case.exit and not any(k == "empty" for k, _ in case.checks["stderr"]):
        lines += ["  stderr:"] + indent(err)
    return case, lines


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".t"))
        else:
            files.append(p)
    return files


def environment():
    env = dict(os.environ)
    kcb = env.get("KCBENCH")
    if not kcb:
        sys.exit("run.py: set KCBENCH to the kcbench binary under test")
    if os.sep in kcb:
        kcb = os.path.abspath(kcb)
    env["KCBENCH"] = kcb
    env["TESTS"] = TESTS
    env["PYTHON"] = sys.executable
    if env.get("KCB_DATA"):
        env["KCB_DATA"] = os.path.abspath(env["KCB_DATA"])
    env.pop("NO_COLOR", None)
    env["NO_COLOR"] = "1"
    # status lines come every 15 s off a terminal; a slow machine would mix them into the
    # stderr that cases check, so they are off unless a case sets the variable itself
    env["KCB_PROGRESS_EVERY"] = "1e9"
    return env


def main():
    ap = argparse.ArgumentParser(description="Runs kcbench's command-line case files.")
    ap.add_argument("paths", nargs="+", help=".t files or directories of them")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-k", "--keyword", help="run only cases whose title or file contains this")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every case and its time")
    a = ap.parse_args()
    env = environment()

    cases, failed = [], 0
    for path in collect(a.paths):
        try:
            cases += parse(path)
        except (OSError, SyntaxErr) as e:
            print("%s:%d: bad case file: %s" % (path, getattr(e, "line", 0), e))
            failed += 1
    if a.keyword:
        cases = [c for c in cases if a.keyword in c.title or a.keyword in c.path]
    if not cases and not failed:
        print("run.py: no cases found in %s" % " ".join(map(shlex.quote, a.paths)))
        failed += 1

    lacks = {id(c): missing_need(c, env) for c in cases}
    skipped = [(c, lacks[id(c)]) for c in cases if lacks[id(c)]]
    passed = 0
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max(1, a.jobs)) as pool:
        # long cases (by their timeout) start first, so they do not end the run alone
        futures = {}
        for case in sorted(cases, key=lambda c: -c.timeout):
            if not lacks[id(case)]:
                futures[id(case)] = pool.submit(timed, run_case, case, env)
        for case in cases:  # reported in file order, whatever order they finish in
            if lacks[id(case)]:
                if a.verbose:
                    print("skip        %s: %s (no %s)" % (case.where(), case.title,
                                                          lacks[id(case)]))
                continue
            (case, problems), secs = futures[id(case)].result()
            if a.verbose:
                print("%-4s %5.2fs %s: %s" % ("ok" if not problems else "FAIL", secs,
                                              case.where(), case.title))
            if problems:
                failed += 1
                print("%s: %s: %s" % (case.where(), case.title, problems[0]))
                for line in problems[1:]:
                    print(line)
            else:
                passed += 1
    if a.verbose:
        print("(%.1fs)" % (time.monotonic() - start))
    print("%d passed, %d failed, %d skipped%s" % (
        passed, failed, len(skipped), " (%s)" % skip_summary(skipped) if skipped else ""))
    return 1 if failed else 0


def timed(fn, *args):
    t = time.monotonic()
    r = fn(*args)
    return r, time.monotonic() - t


if __name__ == "__main__":
    sys.exit(main())
