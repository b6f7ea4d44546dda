# kcbench eval --checkpoint: runs stopped by SIGKILL, SIGINT or SIGTERM resume and write the
# bytes of a run never stopped; checkpoints of other options or data are refused, named; a
# torn end is dropped; output that cannot be written (a full disk, a closed standard output)
# is an error, never a cut file presented as whole.
# Format of these files: see the top of tests/cli/run.py.
# Data: `kcbench gen labelled`, small; xz and bzip2 are slow enough that signals land mid-run.
# A complete checkpoint is made by a run whose -o fails (/dev/full): the checkpoint is kept;
# a partial one by keeping its first lines (head), as a stopped run leaves it.

# ---- stopped at random points, resumed --------------------------------------------------

=== SIGKILL, SIGINT, SIGTERM at random points (3 seeds, 2 stops each), resumed: eval's bytes
timeout: 120
run:
| $KCBENCH gen labelled -o f --sources 4 --docs 30 -n 300 --order 1 --seed 5 > /dev/null
| $PYTHON "$TESTS/cli/checkpoint_kill.py" 1,2,3 KILL,INT,TERM 2 -- -t f/train.tsv -T f/test.tsv -c xz:6,bzip2:9 -k 1,3 -f json
stdout re:
| seed 1 KILL: 2 rounds, stopped \d, resumed \d from [-0-9.]+ of 48 results, same
| seed 1 INT: 2 rounds, stopped \d, resumed \d from [-0-9.]+ of 48 results, same
| seed 1 TERM: 2 rounds, stopped \d, resumed \d from [-0-9.]+ of 48 results, same
| seed 2 KILL: 2 rounds, stopped \d, resumed \d from [-0-9.]+ of 48 results, same
| seed 2 INT: 2 rounds, stopped \d, resumed \d from [-0-9.]+ of 48 results, same
| seed 2 TERM: 2 rounds, stopped \d, resumed \d from [-0-9.]+ of 48 results, same
| seed 3 KILL: 2 rounds, stopped \d, resumed \d from [-0-9.]+ of 48 results, same
| seed 3 INT: 2 rounds, stopped \d, resumed \d from [-0-9.]+ of 48 results, same
| seed 3 TERM: 2 rounds, stopped \d, resumed \d from [-0-9.]+ of 48 results, same
| partial resumes: some

=== Ctrl-C says how far the run got, that the checkpoint keeps it, and the rerun resumes
timeout: 60
run:
| $KCBENCH gen labelled -o f --sources 4 --docs 30 -n 300 --order 1 --seed 5 > /dev/null
| set -- -q -t f/train.tsv -T f/test.tsv -c xz:6 -k 1,3
| $KCBENCH eval "$@" > ref.txt
| KCB_CHECKPOINT_EVERY=0.05 $KCBENCH eval "$@" --checkpoint c > out.txt 2> err & pid=$!
| lines() { if [ -e c ]; then grep -c . c; else echo 0; fi; }
| while [ "$(lines)" -lt 3 ] && kill -0 $pid 2> /dev/null; do sleep 0.01; done
| kill -INT $pid; wait $pid; echo "exit $?"
| cat err
| $KCBENCH eval "$@" --checkpoint c > out.txt 2> err; echo "exit $?"
| cmp ref.txt out.txt && echo same; ls c 2>&1 | grep -c 'No such file'
| cat err
stdout re:
| exit 130
| kcbench eval: interrupted: f xz:6 stopped after \d+ of 24 test texts; no compressor finished, so there are no results; c holds \d+ of 24 results \(one per test text and compressor\): the same command resumes from them
| exit 0
| same
| 1
| kcbench eval: resuming from c: \d+ of 24 results \(one per test text and compressor\) are there; computing the other \d+

# ---- resumed from a checkpoint as a stopped run leaves it --------------------------------

=== a complete or partial checkpoint gives eval's bytes; -j -q -o -f --confusion --predictions may change
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3 > /dev/null
| set -- -t d/train.tsv -T d/test.tsv -c gzip:9,bzip2:9 -k 1,2,5
| $KCBENCH eval -q "$@" -f json --confusion --predictions ref.jsonl > ref.json
| $KCBENCH eval -q "$@" -j 2 --checkpoint whole -o /dev/full; echo "exit $?"
| grep -c . whole
| for n in 1 2 9 20 33; do
|   head -n $n whole > c.$n
|   $KCBENCH eval "$@" -j 1 -f json --confusion --checkpoint c.$n --predictions p.jsonl -o out.json
|   cmp ref.json out.json && cmp ref.jsonl p.jsonl && [ ! -e c.$n ] && echo "$n lines: same, removed"
| done
stdout:
| exit 3
| 33
| 1 lines: same, removed
| 2 lines: same, removed
| 9 lines: same, removed
| 20 lines: same, removed
| 33 lines: same, removed
stderr:
| kcbench eval: /dev/full: No space left on device
| kcbench eval: resuming from c.1: 0 of 32 results (one per test text and compressor) are there; computing the other 32
| kcbench eval: resuming from c.2: 1 of 32 results (one per test text and compressor) are there; computing the other 31
| kcbench eval: resuming from c.9: 8 of 32 results (one per test text and compressor) are there; computing the other 24
| kcbench eval: resuming from c.20: 19 of 32 results (one per test text and compressor) are there; computing the other 13
| kcbench eval: resuming from c.33: 32 of 32 results (one per test text and compressor) are there; computing the other 0

=== a torn last record (a write cut short) is dropped, said, and computed again
run:
| $KCBENCH gen labelled -o d > /dev/null
| set -- -q -t d/train.tsv -T d/test.tsv -k 1,3
| $KCBENCH eval "$@" > ref.txt
| $KCBENCH eval "$@" --checkpoint c -o /dev/full 2> /dev/null
| head -n 7 c > c.cut; tail -n 1 c | head -c 40 >> c.cut
| $KCBENCH eval "$@" --checkpoint c.cut > out.txt && cmp ref.txt out.txt && echo same
| head -n 7 c > c.zero; head -c 100 /dev/zero >> c.zero
| $KCBENCH eval "$@" --checkpoint c.zero > out.txt && cmp ref.txt out.txt && echo same
stdout:
| same
| same
stderr:
| kcbench eval: --checkpoint c.cut: dropped 1 line cut short or damaged at its end (a write the run did not finish); those results are computed again
| kcbench eval: resuming from c.cut: 6 of 40 results (one per test text and compressor) are there; computing the other 34
| kcbench eval: --checkpoint c.zero: dropped 1 line cut short or damaged at its end (a write the run did not finish); those results are computed again
| kcbench eval: resuming from c.zero: 6 of 40 results (one per test text and compressor) are there; computing the other 34

=== a record failing its checksum is dropped with what follows it; the results are still eval's
run:
| $KCBENCH gen labelled -o d > /dev/null
| set -- -q -t d/train.tsv -T d/test.tsv -k 1,3
| $KCBENCH eval "$@" > ref.txt
| $KCBENCH eval "$@" --checkpoint c -o /dev/full 2> /dev/null
| sed '5s/ [0-9]/ 9/' c > c.bad
| $KCBENCH eval "$@" --checkpoint c.bad > out.txt && cmp ref.txt out.txt && echo same
stdout: same
stderr:
| kcbench eval: --checkpoint c.bad: dropped 37 lines cut short or damaged at its end (a write the run did not finish); those results are computed again
| kcbench eval: resuming from c.bad: 3 of 40 results (one per test text and compressor) are there; computing the other 37

=== --shard with --checkpoint: a resumed shard merges into eval's bytes; another shard is refused
run:
| $KCBENCH gen labelled -o d > /dev/null
| set -- -q -t d/train.tsv -T d/test.tsv -k 1,3 -c gzip:9,zstd:3
| $KCBENCH eval "$@" --predictions ref.jsonl > ref.txt
| for i in 1 3; do $KCBENCH eval "$@" --shard $i/3 -o p.$i; done
| $KCBENCH eval "$@" --shard 2/3 --checkpoint c -o /dev/full 2> /dev/null
| grep -c . c; head -n 4 c > c.3
| $KCBENCH eval "$@" --shard 2/3 --checkpoint c.3 -o p.2 2> /dev/null && [ ! -e c.3 ] && echo removed
| $KCBENCH merge p.1 p.2 p.3 --predictions m.jsonl | cmp - ref.txt && cmp m.jsonl ref.jsonl && echo same
| $KCBENCH eval "$@" --shard 1/3 --checkpoint c -o p; echo "exit $?"
stdout:
| 27
| removed
| same
| exit 3
stderr:
| kcbench eval: --checkpoint c is of another run: --shard differs (checkpoint: "2/3"; this run: "1/3"); give another file, or remove it to start afresh

# ---- refused ----------------------------------------------------------------------------

=== a checkpoint of other data or options is refused in one line naming what differs; it is left as it was
run:
| $KCBENCH gen labelled -o d > /dev/null
| $KCBENCH gen labelled -o e --seed 2 > /dev/null
| set -- -q -t d/train.tsv -T d/test.tsv -k 1,3
| $KCBENCH eval "$@" --checkpoint c -o /dev/full 2> /dev/null
| cp c c.orig
| $KCBENCH eval "$@" --checkpoint c -T e/test.tsv; echo "exit $?"
| $KCBENCH eval "$@" --checkpoint c -t e/train.tsv --name d; echo "exit $?"
| $KCBENCH eval "$@" --checkpoint c -c xz:6 2>&1 | sed -E 's/ \(([a-z0-9]+) [^);]*\)/ (\1 V)/g' >&2; echo "exit ${PIPESTATUS[0]}"
| $KCBENCH eval "$@" --checkpoint c -k 1,2; echo "exit $?"
| $KCBENCH eval "$@" --checkpoint c --sep ' '; echo "exit $?"
| $KCBENCH eval "$@" --checkpoint c --method conditional; echo "exit $?"
| $KCBENCH eval "$@" --checkpoint c --rules vote; echo "exit $?"
| $KCBENCH eval "$@" --checkpoint c --test-sample 5; echo "exit $?"
| $KCBENCH eval "$@" --checkpoint c --name other; echo "exit $?"
| cmp c c.orig && echo unchanged
stdout:
| exit 3
| exit 3
| exit 3
| exit 3
| exit 3
| exit 3
| exit 3
| exit 3
| exit 3
| unchanged
stderr:
| kcbench eval: --checkpoint c is of another run: the test set (-T) is not the one it was made from (another SHA-256); give another file, or remove it to start afresh
| kcbench eval: --checkpoint c is of another run: the training set (-t) is not the one it was made from (another SHA-256); give another file, or remove it to start afresh
| kcbench eval: --checkpoint c is of another run: -c differs (checkpoint: gzip:9 (zlib V); this run: xz:6 (liblzma V)); give another file, or remove it to start afresh
| kcbench eval: --checkpoint c is of another run: -k differs (checkpoint: [1,3]; this run: [1,2]); give another file, or remove it to start afresh
| kcbench eval: --checkpoint c is of another run: --sep differs (checkpoint: ''; this run: ' '); give another file, or remove it to start afresh
| kcbench eval: --checkpoint c is of another run: --method or --parts differs (checkpoint: exact; this run: {"name":"conditional","parts":1}); give another file, or remove it to start afresh
| kcbench eval: --checkpoint c is of another run: --rules differs (checkpoint: ["vote","random","optimistic"]; this run: ["vote"]); give another file, or remove it to start afresh
| kcbench eval: --checkpoint c is of another run: --test-sample differs (checkpoint: 0; this run: 5); give another file, or remove it to start afresh
| kcbench eval: --checkpoint c is of another run: --name differs (checkpoint: "d"; this run: "other"); give another file, or remove it to start afresh

=== not a checkpoint, a directory, a device, -, the -o file, a missing folder, or one in use: refused
run:
| $KCBENCH gen labelled -o d > /dev/null
| set -- -q -t d/train.tsv -T d/test.tsv -k 1
| echo 'label	text' > notes.tsv; mkdir dir
| for f in notes.tsv dir /dev/null - nowhere/c; do $KCBENCH eval "$@" --checkpoint $f; echo "exit $?"; done
| $KCBENCH eval "$@" --checkpoint out -o out; echo "exit $?"
| $KCBENCH eval "$@" --checkpoint c -o /dev/full 2> /dev/null
| $PYTHON -c 'import fcntl, sys, time; f = open("c"); fcntl.flock(f, fcntl.LOCK_EX); print("locked", flush=True); time.sleep(2)' > lock & sleep 0.5
| until grep -q locked lock; do sleep 0.05; done
| $KCBENCH eval "$@" --checkpoint c; echo "exit $?"
| cat notes.tsv; wait
stdout:
| exit 3
| exit 3
| exit 3
| exit 2
| exit 3
| exit 2
| exit 3
| label	text
stderr:
| kcbench eval: --checkpoint notes.tsv: not a kcbench eval checkpoint; give another file, or remove it to start afresh
| kcbench eval: --checkpoint dir: not a regular file
| kcbench eval: --checkpoint /dev/null: not a regular file
| kcbench eval: --checkpoint -: give it a file of its own (not -, nor the file of -o or --predictions)
| kcbench eval: --checkpoint nowhere/c: No such file or directory
| kcbench eval: --checkpoint out: give it a file of its own (not -, nor the file of -o or --predictions)
| kcbench eval: --checkpoint c: in use by another run (it is locked)

# ---- output that cannot be written ------------------------------------------------------

=== a full disk or a closed standard output: an error, exit 3, and the checkpoint kept for the rerun
run:
| $KCBENCH gen labelled -o d > /dev/null
| set -- -q -t d/train.tsv -T d/test.tsv -k 1,3
| $KCBENCH eval "$@" --predictions ref.jsonl > ref.txt
| echo old > out.txt; echo old > p.jsonl
| $KCBENCH eval "$@" > /dev/full; echo "exit $?"
| $KCBENCH eval "$@" >&-; echo "exit $?"
| $KCBENCH eval "$@" -o /dev/full; echo "exit $?"
| $KCBENCH eval "$@" --predictions /dev/full > /dev/null; echo "exit $?"
| $KCBENCH eval "$@" --checkpoint c > /dev/full; echo "exit $? $(grep -c . c)"
| $KCBENCH eval "$@" --checkpoint c >&- 2> /dev/null; echo "exit $? $(grep -c . c)"
| $KCBENCH eval "$@" --checkpoint c -o /dev/full 2> /dev/null; echo "exit $? $(grep -c . c)"
| $KCBENCH eval "$@" --checkpoint c --predictions /dev/full -o out.txt 2> /dev/null; echo "exit $? $(grep -c . c)"
| cat out.txt p.jsonl
| $KCBENCH eval "$@" --checkpoint c --predictions p.jsonl -o out.txt 2> /dev/null; echo "exit $?"
| cmp ref.txt out.txt && cmp ref.jsonl p.jsonl && [ ! -e c ] && echo same, removed
stdout:
| exit 3
| exit 3
| exit 3
| exit 3
| exit 3 41
| exit 3 41
| exit 3 41
| exit 3 41
| old
| old
| exit 0
| same, removed
stderr:
| kcbench eval: standard output: No space left on device
| kcbench eval: standard output: Bad file descriptor
| kcbench eval: /dev/full: No space left on device
| kcbench eval: /dev/full: No space left on device
| kcbench eval: standard output: No space left on device

=== writing the checkpoint fails (file size limit): exit 3 naming it; what it holds is kept and resumes
run:
| $KCBENCH gen labelled -o f --sources 4 --docs 30 -n 300 --order 1 --seed 5 > /dev/null
| set -- -q -t f/train.tsv -T f/test.tsv -c gzip:9 -k 1,3
| $KCBENCH eval "$@" > ref.txt
| (trap '' XFSZ; ulimit -f 1; KCB_CHECKPOINT_EVERY=0.0001 $KCBENCH eval "$@" -j 1 --checkpoint c > out.txt); echo "exit $?"
| [ -s out.txt ] || echo "no results"
| tail -c 1 c | od -An -c | tr -d ' '
| $KCBENCH eval "$@" --checkpoint c > out.txt && cmp ref.txt out.txt && echo same
stdout:
| exit 3
| no results
| \n
| same
stderr re:
| kcbench eval: --checkpoint c \(it keeps the \d+ results saved before\): File too large
| kcbench eval: resuming from c: \d+ of 24 results \(one per test text and compressor\) are there; computing the other \d+
