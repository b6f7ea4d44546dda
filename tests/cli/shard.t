# kcbench eval --shard I/N and kcbench merge: the parts of a split test set, joined, are the
# bytes of one eval run (every format, the predictions, several N); parts that do not make
# up one run (missing, repeated, foreign, of another split, damaged) are refused.
# Format of these files: see the top of tests/cli/run.py.
# Data: `kcbench gen labelled` with short texts, so that distances tie and the rules differ.

# ---- merged equals one process ----------------------------------------------------------

=== N = 1, 2, 3, 7 and 45 (more shards than items): merged output and predictions are eval's
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3 > /dev/null
| set -- -q -t d/train.tsv -T d/test.tsv -c gzip:9,bzip2:9 -k 1,2,3,5
| $KCBENCH eval "$@" --predictions one.jsonl > one.txt
| for n in 1 2 3 7 45; do
|   for i in $(seq $n); do $KCBENCH eval "$@" -j $((i % 2 + 1)) --shard $i/$n -o p$n.$i; done
|   $KCBENCH merge p$n.* --predictions m$n.jsonl > m$n.txt
|   cmp one.txt m$n.txt && cmp one.jsonl m$n.jsonl && echo "N=$n same"
| done
| grep -c . one.jsonl
stdout:
| N=1 same
| N=2 same
| N=3 same
| N=7 same
| N=45 same
| 32

=== every format (table, md, csv, tsv, json, and --confusion): merge prints what eval prints
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3 > /dev/null
| set -- -q -t d/train.tsv -T d/test.tsv -k 1,2,5 --rules vote,random
| for f in table md csv tsv json "table --confusion" "md --confusion" "json --confusion"; do
|   $KCBENCH eval "$@" -f $f > one.txt
|   for i in 1 2 3; do $KCBENCH eval "$@" -f $f --shard $i/3 -o p.$i; done
|   $KCBENCH merge p.3 p.1 p.2 > merged.txt && cmp one.txt merged.txt && echo "$f same"
| done
stdout:
| table same
| md same
| csv same
| tsv same
| json same
| table --confusion same
| md --confusion same
| json --confusion same

=== merge -f and --confusion override the shards' format: eval -f json --confusion's bytes
run:
| $KCBENCH gen labelled -o d > /dev/null
| set -- -q -t d/train.tsv -T d/test.tsv -k 1,3
| $KCBENCH eval "$@" -f json --confusion -o one.json
| for i in 1 2; do $KCBENCH eval "$@" --shard $i/2 -o p.$i; done
| $KCBENCH merge -f json --confusion -o merged.json p.1 p.2 && cmp one.json merged.json && echo same
stdout: same

=== --test-sample, --dedup, --train-per-class and --sep: the shards split the texts eval keeps
run:
| $KCBENCH gen labelled -o d > /dev/null
| head -n 5 d/train.tsv >> d/test.tsv
| set -- -q -t d/train.tsv -T d/test.tsv --dedup --test-sample 17 --train-per-class 30 --seed 4 --sep ' ' -c zstd:3 -f csv
| $KCBENCH eval "$@" --predictions one.jsonl > one.csv 2> one.err
| for i in 1 2 3 4; do $KCBENCH eval "$@" --shard $i/4 -o p.$i 2> /dev/null; done
| $KCBENCH merge p.* --predictions m.jsonl > m.csv && cmp one.csv m.csv && cmp one.jsonl m.jsonl && echo same
| cut -d, -f7 m.csv | sort -u | tr '\n' ' '; echo
| grep -c '"test":' p.1
| grep -o 'dropped 5 of 45' one.err
stdout:
| same
| 17 n_test 
| 5
| dropped 5 of 45

=== --paper: merge warns as eval does and prints the same rows
run:
| $KCBENCH gen labelled -o d > /dev/null
| set -- -q -t d/train.tsv -T d/test.tsv --paper --test-sample 12
| $KCBENCH eval "$@" > one.txt 2> /dev/null
| for i in 1 2; do $KCBENCH eval "$@" --shard $i/2 -o p.$i 2> /dev/null; done
| $KCBENCH merge p.1 p.2 > m.txt && cmp one.txt m.txt && echo same
stdout: same
stderr: kcbench merge: warning: paper mode: gzip:9, sep ' ', test text first; rule 'optimistic' is Jiang et al.'s scoring (a k=2 tie counts as right if either label is)

=== the part file: its header, the training rows named, one line per item of the shard
run:
| $KCBENCH gen labelled -o d > /dev/null
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -k 1,3 -c gzip:9,zstd:3 --shard 2/3 -o p
| python3 - p <<'EOF'
| import json, sys
| lines = open(sys.argv[1]).read().split("\n")
| p = json.loads("\n".join(lines))
| print(p["format"], p["version"], "shard", p["shard"], "of", p["shards"])
| print(len(p["fingerprint"]), len(p["train_sha256"]), p["n_train"], p["n_test"], p["k"], p["compressors"])
| print([it["test"] for it in p["items"]] == list(range(1, 40, 3)), len(lines))
| print(all(len(nb) == 3 for it in p["items"] for nb in it["neighbours"]))
| EOF
stdout:
| kcbench eval part 1 shard 2 of 3
| 64 64 160 40 3 2
| True 18
| True

=== the fingerprint ignores -j, -o and --shard, and follows every option that shapes the output
run:
| $KCBENCH gen labelled -o d > /dev/null
| fp() { $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -c gzip:1 -k 1 "$@" | grep -o '"fingerprint":"[0-9a-f]*"'; }
| a=$(fp --shard 1/2 -j 1) b=$(fp -j 2 --shard 2/3) c=$(fp --shard 1/2 -f csv) d=$(fp --shard 1/2 --seed 2)
| [ "$a" = "$b" ] && echo "same run: same fingerprint"
| [ "$a" != "$c" ] && [ "$a" != "$d" ] && echo "-f csv, --seed 2: other fingerprints"
stdout:
| same run: same fingerprint
| -f csv, --seed 2: other fingerprints

# ---- refused --------------------------------------------------------------------------

=== a missing shard is refused: one line naming it, exit 3, nothing on stdout
run:
| $KCBENCH gen labelled -o d > /dev/null
| for i in 1 2 3; do $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -k 1 --shard $i/3 -o p.$i; done
| $KCBENCH merge p.1 p.3
exit: 3
stderr: kcbench merge: shard 2/3 is missing: none of the 2 parts given is that shard

=== a shard given twice is refused, naming both files
run:
| $KCBENCH gen labelled -o d > /dev/null
| for i in 1 2; do $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -k 1 --shard $i/2 -o p.$i; done
| cp p.2 copy
| $KCBENCH merge p.1 p.2 copy
exit: 3
stderr: kcbench merge: copy: shard 2/2 again (p.2 is that shard too)

=== a part of another run (other options, or other data) is refused, naming it
run:
| $KCBENCH gen labelled -o d > /dev/null
| $KCBENCH gen labelled -o e --seed 2 > /dev/null
| for i in 1 2; do $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -k 1 --shard $i/2 -o p.$i; done
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -k 1,3 --shard 2/2 -o k13.2
| $KCBENCH eval -q -t d/train.tsv -T e/test.tsv -k 1 --name d --shard 2/2 -o data.2
| $KCBENCH merge p.1 k13.2; echo "exit $?"
| $KCBENCH merge p.1 data.2; echo "exit $?"
stdout:
| exit 3
| exit 3
stderr:
| kcbench merge: k13.2: not a part of the same run as p.1 (another fingerprint: other data, options or build)
| kcbench merge: data.2: not a part of the same run as p.1 (another fingerprint: other data, options or build)

=== a part of a split into another number of shards is refused
run:
| $KCBENCH gen labelled -o d > /dev/null
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -k 1 --shard 1/2 -o a
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -k 1 --shard 2/3 -o b
| $KCBENCH merge a b
exit: 3
stderr: kcbench merge: b: shard 2/3, but a is shard 1/2

=== a damaged or foreign file, or a part whose command no longer matches it, is refused
run:
| $KCBENCH gen labelled -o d > /dev/null
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -k 1,3 --shard 1/1 -o p
| head -c 300 p > cut; echo '[1, 2]' > array; $KCBENCH ncd -f json -s a b > ncd.json
| sed 's/"1,3"/"1,2"/' p > edited
| grep -v '"test":7,' p > fewer
| for f in cut array ncd.json edited fewer nowhere; do $KCBENCH merge $f; echo "exit $?"; done
stdout:
| exit 3
| exit 3
| exit 3
| exit 3
| exit 3
| exit 3
stderr re:
| kcbench merge: cut: malformed JSON: line 1: .*
| kcbench merge: array: not a kcbench part file \(not a JSON object\)
| kcbench merge: ncd.json: not a kcbench part file \(not a JSON object\)
| kcbench merge: edited: its fingerprint does not match its command here \(another kcbench version, or other codec libraries\?\)
| kcbench merge: fewer: shard 1/1 of 40 test items holds 39 items, not 40
| kcbench merge: nowhere: No such file or directory

=== --shard's value is checked, --predictions goes to merge, and merge needs parts (exit 2)
run:
| for s in 0/2 3/2 2 a/b 1/0; do $KCBENCH eval -t x -T y --shard $s; echo "exit $?"; done
| $KCBENCH eval -t x -T y --shard 1/2 --predictions p; echo "exit $?"
| $KCBENCH merge; echo "exit $?"
stdout:
| exit 2
| exit 2
| exit 2
| exit 2
| exit 2
| exit 2
| exit 2
stderr:
| kcbench eval: --shard 0/2: expected I/N, whole numbers with 1 <= I <= N <= 100000
| kcbench eval: --shard 3/2: shard 3 of 2: I is larger than N
| kcbench eval: --shard 2: expected I/N, whole numbers with 1 <= I <= N <= 100000
| kcbench eval: --shard a/b: expected I/N, whole numbers with 1 <= I <= N <= 100000
| kcbench eval: --shard 1/0: expected I/N, whole numbers with 1 <= I <= N <= 100000
| kcbench eval: --predictions with --shard: give it to kcbench merge, which writes the predictions of every shard
| kcbench merge: needs the part files (kcbench eval --shard I/N -o PART)

# ---- real data ----------------------------------------------------------------------------

=== R8, --test-sample 30 in 3 shards with --dedup: merged equals one process, predictions too
needs: $KCB_DATA/r8/train.tsv $KCB_DATA/r8/test.tsv
timeout: 180
run:
| set -- -q -t "$KCB_DATA/r8/train.tsv" -T "$KCB_DATA/r8/test.tsv" -c gzip:9 --test-sample 30 --dedup -f md
| $KCBENCH eval "$@" --predictions one.jsonl > one.md 2> /dev/null
| for i in 1 2 3; do $KCBENCH eval "$@" --shard $i/3 -o r8.$i 2> /dev/null; done
| $KCBENCH merge r8.2 r8.3 r8.1 --predictions m.jsonl > m.md
| cmp one.md m.md && cmp one.jsonl m.jsonl && echo same
| grep -c '| r8 ' m.md
stdout:
| same
| 12
