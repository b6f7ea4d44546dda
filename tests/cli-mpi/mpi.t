# The MPI build (make MPI=1; make mpi-check runs this file with it): mpirun -np N kcbench eval
# splits the test set across the ranks as --shard does, rank 0 gathers and alone writes, and
# the bytes are those of one process. Cases that run mpirun need $KCB_MPIRUN (mpi-check sets
# it to mpirun's path when there is one); without it they are skipped and named as such.
# Format of these files: see the top of tests/cli/run.py.

=== the MPI build names its MPI library in --version
run: $KCBENCH --version | grep -c '^mpi  *Open MPI'
stdout: 1

=== without mpirun the MPI build is one process: its output equals its shards merged
run:
| $KCBENCH gen labelled -o d > /dev/null
| set -- -q -t d/train.tsv -T d/test.tsv -k 1,3
| $KCBENCH eval "$@" > one.txt
| for i in 1 2; do $KCBENCH eval "$@" --shard $i/2 -o p.$i; done
| $KCBENCH merge p.1 p.2 | cmp - one.txt && echo same
stdout: same

=== 2 ranks: the results and predictions are one process's bytes; stderr says it once
needs: $KCB_MPIRUN
timeout: 120
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3 > /dev/null
| head -n 2 d/train.tsv >> d/test.tsv
| set -- -t d/train.tsv -T d/test.tsv -c gzip:9,zstd:3 -k 1,2,3,5 -j 1
| $KCBENCH eval "$@" --predictions one.jsonl > one.txt 2> one.err
| "$KCB_MPIRUN" --allow-run-as-root --oversubscribe -np 2 $KCBENCH eval "$@" --predictions two.jsonl > two.txt
| cmp one.txt two.txt && cmp one.jsonl two.jsonl && echo same
| cat one.err >&2
stdout: same
stderr:
| kcbench eval: warning: d: 2 of 18 test texts also occur verbatim in training; accuracy is inflated by them (--dedup drops them)
| kcbench eval: warning: d: 2 of 18 test texts also occur verbatim in training; accuracy is inflated by them (--dedup drops them)

=== 3 ranks, --test-sample, json with --confusion, -o: one process's bytes
needs: $KCB_MPIRUN
timeout: 120
run:
| $KCBENCH gen labelled -o d > /dev/null
| set -- -q -t d/train.tsv -T d/test.tsv --test-sample 25 --seed 7 -f json --confusion -j 1
| $KCBENCH eval "$@" -o one.json
| "$KCB_MPIRUN" --allow-run-as-root --oversubscribe -np 3 $KCBENCH eval "$@" -o three.json
| cmp one.json three.json && echo same
stdout: same

=== under mpirun an error is said once, by rank 0, and the exit status is eval's
needs: $KCB_MPIRUN
timeout: 120
run:
| "$KCB_MPIRUN" --allow-run-as-root --oversubscribe -np 2 $KCBENCH eval -t nowhere.tsv -T x.tsv 2> err
| echo "exit $?"
| grep -c 'kcbench eval: cannot read nowhere.tsv' err
stdout:
| exit 3
| 1

=== --checkpoint under mpirun is refused in one line (the ranks would share one file)
needs: $KCB_MPIRUN
timeout: 120
run:
| $KCBENCH gen labelled -o d > /dev/null
| "$KCB_MPIRUN" --allow-run-as-root --oversubscribe -np 2 $KCBENCH eval -t d/train.tsv -T d/test.tsv --checkpoint c 2> err
| echo "exit $?"
| grep 'kcbench eval' err
| [ -e c ] || echo "no checkpoint"
stdout:
| exit 2
| kcbench eval: --checkpoint under mpirun: not supported (the ranks would share one file); run --shard I/N --checkpoint FILE.I instead
| no checkpoint

=== --shard under mpirun is refused: the ranks are the shards
needs: $KCB_MPIRUN
timeout: 120
run:
| $KCBENCH gen labelled -o d > /dev/null
| "$KCB_MPIRUN" --allow-run-as-root --oversubscribe -np 2 $KCBENCH eval -t d/train.tsv -T d/test.tsv --shard 1/2 2> err
| echo "exit $?"
| grep 'kcbench eval' err
stdout:
| exit 2
| kcbench eval: --shard under mpirun: the ranks are the shards
