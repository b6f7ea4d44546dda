#!/usr/bin/env python3
"""Kills `kcbench eval --checkpoint` at random points, resumes it, and compares the outputs
with those of a run never stopped, byte for byte.

usage: checkpoint_kill.py SEEDS SIGNALS ROUNDS -- EVAL-ARGS...

Run in an empty directory by tests/cli/checkpoint.t, with $KCBENCH the binary. EVAL-ARGS
are eval's arguments (data and options) without -o, --predictions and --checkpoint. First
one run without a checkpoint writes ref.out and ref.jsonl. Then for every seed (a comma
list) and every signal (KILL, INT, TERM), from no checkpoint: ROUNDS runs with --checkpoint
are each stopped by the signal, either after a random delay or once the checkpoint holds a
random number of results (both drawn from the seed), with -j 1 or 2 at random; a last run
is let finish. Checked, for each sequence:

  - a run that the signal stopped exits 130 (INT, TERM: with a note that says how many
    results the checkpoint holds and that the same command resumes) or is killed by it
    (KILL; INT and TERM too while the data is still being read); one that finished first
    exits 0 and removes its checkpoint;
  - a checkpoint never loses results: each run starts from at least the results the
    previous one left;
  - the last run exits 0, its results and predictions are ref's bytes, and it removes the
    checkpoint.

Prints one line per sequence ("seed 1 KILL: 3 rounds, stopped 3, resumed 2 from
12..40 of 48 results, same") and, last, "partial resumes: N" (runs that began from a
checkpoint holding some but not all results). Exits 1 on the first failure, naming it.
"""
import os
import random
import signal
import subprocess
import sys
import time

KCBENCH = os.environ["KCBENCH"]
CKPT = "run.ckpt"


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def records(path):
    """Complete lines of the checkpoint after its header (results), 0 when absent."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return 0
    return max(data.count(b"\n") - 1, 0)


def start(args, threads):
    env = dict(os.environ, KCB_CHECKPOINT_EVERY="0.05")
    cmd = [KCBENCH, "eval", "-q", "-j", str(threads)] + args + \
          ["--checkpoint", CKPT, "-o", "out", "--predictions", "out.jsonl"]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def stop_at_random(proc, rng, total, ref_time, sig):
    """Sends sig once a random delay passed or the checkpoint holds a random count."""
    if rng.random() < 0.5:
        deadline, target = time.monotonic() + rng.uniform(0, ref_time), None
    else:
        deadline, target = time.monotonic() + 30, rng.randint(1, max(total - 1, 1))
    while proc.poll() is None and time.monotonic() < deadline:
        if target is not None and records(CKPT) >= target:
            break
        time.sleep(0.003)
    if proc.poll() is None:
        proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err.decode(errors="replace")


def check_stopped(rc, err, sig, where):
    if rc == 0:
        if os.path.exists(CKPT):
            fail("%s: finished, but the checkpoint is still there" % where)
        return False
    # INT and TERM are caught once the search is set up (exit 130, with a note); before
    # that, while the data is read, they end the program as usual
    if rc != -sig and (sig == signal.SIGKILL or rc != 130):
        fail("%s: exit %d, not %s: %s" % (where, rc, -sig if sig == signal.SIGKILL else 130,
                                            err.strip()))
    if rc == 130 and "the same command resumes" not in err:
        fail("%s: the interrupted note does not say how to resume: %s" % (where, err.strip()))
    return True


def sequence(args, seed, sig, rounds, total, ref_time):
    rng = random.Random("%d %d" % (seed, sig))
    name = "seed %d %s" % (seed, signal.Signals(sig).name[3:])
    for f in (CKPT, "out", "out.jsonl"):
        if os.path.exists(f):
            os.remove(f)
    stopped, froms = 0, []
    for r in range(rounds):
        before = records(CKPT)
        rc, err = stop_at_random(start(args, rng.choice((1, 2))), rng, total, ref_time, sig)
        where = "%s round %d" % (name, r + 1)
        if check_stopped(rc, err, sig, where):
            stopped += 1
            if records(CKPT) < before:
                fail("%s: the checkpoint went from %d to %d results" % (where, before,
                                                                        records(CKPT)))
        if 0 < before < total:
            froms.append(before)
    before = records(CKPT)
    if 0 < before < total:
        froms.append(before)
    proc = start(args, rng.choice((1, 2)))
    _, err = proc.communicate(timeout=120)
    if proc.returncode != 0:
        fail("%s: the last run exits %d: %s" % (name, proc.returncode, err.decode()))
    for mine, ref in (("out", "ref.out"), ("out.jsonl", "ref.jsonl")):
        with open(mine, "rb") as a, open(ref, "rb") as b:
            if a.read() != b.read():
                fail("%s: %s differs from %s" % (name, mine, ref))
    if os.path.exists(CKPT):
        fail("%s: the checkpoint is still there after a complete run" % name)
    span = "%d..%d" % (min(froms), max(froms)) if froms else "-"
    print("%s: %d rounds, stopped %d, resumed %d from %s of %d results, same" % (
        name, rounds, stopped, len(froms), span, total))
    return len(froms)


def main():
    sep = sys.argv.index("--")
    seeds = [int(s) for s in sys.argv[1].split(",")]
    sigs = [getattr(signal, "SIG" + s) for s in sys.argv[2].split(",")]
    rounds, args = int(sys.argv[3]), sys.argv[sep + 1:]
    t0 = time.monotonic()
    ref = subprocess.run([KCBENCH, "eval", "-q"] + args + ["-o", "ref.out", "--predictions",
                                                           "ref.jsonl"])
    ref_time = time.monotonic() - t0
    if ref.returncode != 0:
        fail("the reference run exits %d" % ref.returncode)
    with open("ref.jsonl", "rb") as f:
        total = f.read().count(b"\n")  # one prediction per test text and compressor
    partial = 0
    for seed in seeds:
        for sig in sigs:
            partial += sequence(args, seed, sig, rounds, total, ref_time)
    print("partial resumes: %s" % ("some" if partial else "none"))


if __name__ == "__main__":
    main()
