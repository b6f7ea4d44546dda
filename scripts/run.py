#!/usr/bin/env python3
"""The main job (`make run`): kcbench on built-in data, and on real data when it is there,
ending in one HTML page, reports/index.html, that a person reads top to bottom.

usage: scripts/run.py [--quick] [--out DIR] [KCBENCH]

Steps, each announced with its number and timed: the codecs of this build; the summer-school
examples with their verdicts (kcbench examples); a leaderboard on built-in corpora with a
ratio-versus-speed figure per corpus and its Pareto front; kNN classification on built-in
labelled sets; the concatenation, window and scaling probes on built-in text; an NCD matrix
and tree of the built-in samples. With $KCB_DATA (or corpora/data from `make corpora`) it
adds Canterbury to the leaderboard and R8 to the classification, on samples sized to keep
the whole job within 10 minutes on 2 cores. --quick (what `make test` checks) uses smaller
sizes and writes to --out (default build/html) instead of reports/.
Every table is preceded by the command that made it; numbers come from kcbench's JSON.
"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kcbreport as kr  # noqa: E402
import runpage  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))


class Job:
    """The state of one run: where things go, what has been made, and the step counter."""

    def __init__(self, kcb, out, quick):
        self.kcb, self.out, self.quick = kcb, out, quick
        # paths relative to the checkout, so that the commands shown read as typed there
        rel = os.path.relpath(out, ROOT)
        self.work = os.path.join(rel, "work") if quick else os.path.join("build", "run")
        self.figs = os.path.join(rel, "figures-run")
        self.step, self.steps, self.t0 = 0, 7, time.time()
        self.sections = []
        os.makedirs(self.work, exist_ok=True)
        os.makedirs(self.figs, exist_ok=True)

    def announce(self, what):
        self.step += 1
        print("[%d/%d] %s" % (self.step, self.steps, what), flush=True)
        self.tick = time.time()

    def done(self, note=""):
        print("      done in %.0f s%s" % (time.time() - self.tick, note), flush=True)

    def gen(self, args):
        subprocess.run([self.kcb, "gen"] + [str(a) for a in args], check=True)

    def json(self, args):
        return kr.run_json(self.kcb, args, "run")

    def path(self, *parts):
        return os.path.join(self.work, *parts)

    def real(self, *parts):
        """A real corpus or dataset path, or None when it is not on this machine."""
        for base in (kr.DATA, os.path.join(ROOT, kr.CORP)):
            p = os.path.join(base, *parts)
            if os.path.exists(p):
                return p
        return None


def step_codecs(j):
    j.announce("the compressors of this build (kcbench codecs)")
    run = j.json(["codecs"])
    j.sections.append(runpage.codecs_section(run))
    j.done()


def step_examples(j):
    j.announce("the summer-school examples, each with a verdict (kcbench examples)")
    run = j.json(["examples"])
    j.sections.append(runpage.examples_section(run))
    j.done(" (%d examples)" % len(run.rows))


def built_in_corpora(j):
    n = 65536 if j.quick else 262144
    files = {"random.bin": ["random"], "random_text.txt": ["random-text"],
             "markov3.txt": ["markov", "--order", 3], "repeat_001.txt": ["repeat"]}
    os.makedirs(j.path("corpus"), exist_ok=True)
    for name, kind in files.items():
        j.gen(kind + ["-n", n, "--seed", 1, "-o", j.path("corpus", name)])
    return j.path("corpus")


def step_leaderboard(j):
    j.announce("a leaderboard on built-in corpora, round-trip verified, with Pareto fronts")
    runs = [("built-in corpora", j.json(["bench", "-c", "all", "--min-time", "0.05",
                                         "--learn", built_in_corpora(j)]))]
    cant = j.real("canterbury")
    if cant and not j.quick:
        runs.append(("Canterbury", j.json(["bench", "-c", "all", "--min-time", "0.05",
                                           "--learn", cant])))
    for title, run in runs:
        figs = runpage.pareto_figures(run.rows, j.figs, title)
        j.sections.append(runpage.bench_section(title, run, figs))
    j.done()


def labelled_sets(j):
    sets = [("built-in, 6 sources, order 1", ["--sources", 6, "--docs", 30, "-n", 150,
                                              "--order", 1]),
            ("built-in, 4 sources, order 3", ["--sources", 4, "--docs", 40, "-n", 300,
                                              "--order", 3])]
    out = []
    for k, (title, args) in enumerate(sets):
        d = j.path("labelled%d" % k)
        j.gen(["labelled"] + args + ["--seed", 1, "-o", d])
        out.append((title, os.path.join(d, "train.tsv"), os.path.join(d, "test.tsv"), None))
    r8 = j.real("r8")
    if r8 and not j.quick:
        out.append(("R8 (the paper's split), a stratified sample of 200 test texts",
                    os.path.join(r8, "train.tsv"), os.path.join(r8, "test.tsv"), 200))
    return out


def step_classification(j):
    j.announce("kNN classification on NCD, every scoring rule (kcbench eval)")
    for title, train, test, sample in labelled_sets(j):
        args = ["eval", "-t", train, "-T", test, "-c", "gzip:9,zstd:19,bzip2:9", "-k", "1,2,3",
                "--sep", " "] + (["--test-sample", sample] if sample else [])
        j.sections.append(runpage.eval_section(title, j.json(args)))
    j.done()


def step_probes(j):
    j.announce("compression-equals-learning probes: concat gain, window sweep, scaling")
    n = 20000 if j.quick else 60000
    texts = []
    for src in range(3):
        for idx in range(2 if src < 2 else 1):
            p = j.path("markov_s%d_%d.txt" % (src, idx))
            j.gen(["markov", "-n", n, "--source", src, "--index", idx, "--seed", 1, "-o", p])
            texts.append(p)
    fig = lambda name: os.path.join(j.figs, name)  # noqa: E731
    concat = j.json(["probe", "concat", "-c", "gzip:9,xz:6,bzip2:9", "--svg",
                     fig("concat.svg")] + texts)
    long_text = j.path("markov_long.txt")
    j.gen(["markov", "-n", 300000 if j.quick else 1000000, "--seed", 2, "-o", long_text])
    window = j.json(["probe", "window", "-c", "gzip:9,xz:6,zstd:3,bzip2:9", "--from", 4096,
                     "--svg", fig("window.svg"), long_text])
    scaling = j.json(["probe", "scaling", "-c", "gzip:9,xz:6,bzip2:9", "--points", 8,
                      "--svg", fig("scaling.svg"), long_text])
    j.sections.append(runpage.probes_section(concat, window, scaling,
                                             [fig("concat.svg"), fig("window.svg"),
                                              fig("scaling.svg")]))
    j.done()


def step_tree(j):
    j.announce("the NCD matrix of the built-in samples, and its neighbour-joining tree")
    samples = j.path("samples")
    j.gen(["samples", "--seed", 1, "-o", samples])
    matrix = j.path("samples.json")
    names = sorted(os.listdir(samples))
    subprocess.run([j.kcb, "ncd", "-c", "xz:6", "-f", "json", "-o", os.path.abspath(matrix)] +
                   names, cwd=samples, check=True)
    svg = os.path.join(j.figs, "samples-tree.svg")
    tree = j.json(["tree", "--svg", svg, "--title", "built-in samples, xz:6", matrix])
    rows = json.load(open(matrix))
    j.sections.append(runpage.tree_section(rows, tree, svg))
    j.done()


def main(argv):
    quick = "--quick" in argv
    args = [a for a in argv[1:] if a != "--quick"]
    out = os.path.join(ROOT, "build", "html") if quick else os.path.join(ROOT, "reports")
    if "--out" in args:
        i = args.index("--out")
        out = os.path.abspath(args[i + 1])
        del args[i:i + 2]
    kcb = os.path.abspath(args[0] if args else os.path.join(ROOT, "kcbench"))
    os.chdir(ROOT)
    j = Job(kcb, out, quick)
    print("%s: the main job%s" % (kr.run_plain(kcb, ["--version"]).split("\n")[0],
                                  " (quick)" if quick else ""), flush=True)
    for step in (step_codecs, step_examples, step_leaderboard, step_classification, step_probes,
                 step_tree):
        step(j)
    j.announce("the page")
    page = os.path.join(out, "index.html")
    kr.write(page, runpage.page(j.sections, kr.machine(kcb), out, ROOT, time.time() - j.t0))
    j.done()
    print("wrote %s (%.0f s in all)" % (page, time.time() - j.t0), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
