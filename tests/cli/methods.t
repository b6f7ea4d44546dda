# kcbench eval --method per-class | conditional: compressors primed with a dictionary.
# Data: `kcbench gen labelled` (deterministic), as in eval.t: short order-1 Markov texts, so
# that the methods make mistakes. Sizes and decisions come from primed_oracle.py, a second
# computation on Python's zlib (zdict); thread counts and shards must not change a byte.
# Exit statuses: 0 ok, 2 usage.

# ---- results equal an independent computation ----------------------------------------

=== per-class gzip:9, zlib:6, deflate:1 with 1, 2 and 3 parts: every decision and size is the oracle's
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for c in gzip:9 zlib:6 deflate:1; do for P in 1 2 3; do
|   $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --method per-class --parts $P --sep ' ' -c $c --predictions p.jsonl > /dev/null
|   python3 "$TESTS/cli/primed_oracle.py" per-class ${c%:*} ${c#*:} $P ' ' d/train.tsv d/test.tsv p.jsonl
| done; done | sort | uniq -c | sed 's/^ *//'
stdout: 9 ok 16 items

=== per-class: a class text over 32 KiB keeps its last 32 KiB (gzip), as the oracle's zdict
run:
| $KCBENCH gen labelled -o d --sources 3 --docs 15 -n 4000 --seed 2
| awk -F'\t' '{ n[$1] += length($2) } END { for (l in n) if (n[l] > 40000) k++; print k, "classes over 40000 bytes" }' d/train.tsv
| for P in 1 3; do
|   $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --method per-class --parts $P -c gzip:9 --predictions p.jsonl > /dev/null
|   python3 "$TESTS/cli/primed_oracle.py" per-class gzip 9 $P '' d/train.tsv d/test.tsv p.jsonl
| done
stdout:
| 3 classes over 40000 bytes
| ok 9 items
| ok 9 items

=== conditional gzip:9 and zlib:1: the k nearest by (C(y) + C(x|y) - min) / max are the oracle's
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for c in gzip:9 zlib:1; do
|   $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --method conditional -k 1,3 -c $c --predictions p.jsonl > /dev/null
|   python3 "$TESTS/cli/primed_oracle.py" conditional ${c%:*} ${c#*:} 3 d/train.tsv d/test.tsv p.jsonl
| done
stdout:
| ok 16 items
| ok 16 items

# ---- what the rows say ----------------------------------------------------------------

=== per-class rows: k 1, rule per-class, a method column in the table; exact's table has none
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv --method per-class -c gzip:9,zstd:3 | sed 's/  *[01]\.[0-9]*/ ACC/g'
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 1 --rules vote | head -1
stdout:
| dataset  compressor  k  rule       n_test  accuracy  macro_f1  method
| d        gzip:9      1  per-class      16 ACC ACC  per-class
| d        zstd:3      1  per-class      16 ACC ACC  per-class
| dataset  compressor  k  rule  n_test  accuracy  macro_f1

=== conditional rows: every k and rule asked for, method conditional; csv and json carry method
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv --method conditional -c zstd:3 -k 1,3 -f csv | cut -d, -f5,6,10,11
| $KCBENCH eval -t d/train.tsv -T d/test.tsv --method per-class -c xz:6 -f json | python3 -c 'import json,sys; r = json.load(sys.stdin); print(len(r), r[0]["k"], r[0]["rule"], r[0]["method"])'
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 1 --rules vote -f csv | cut -d, -f10,11
stdout:
| k,rule,distance,method
| 1,vote,ncd,conditional
| 1,random,ncd,conditional
| 1,optimistic,ncd,conditional
| 3,vote,ncd,conditional
| 3,random,ncd,conditional
| 3,optimistic,ncd,conditional
| 1 1 per-class per-class
| distance,method
| ncd,exact

# ---- threads and shards ---------------------------------------------------------------

=== -j 1, 2 and 3 give the same bytes, results and predictions (per-class with parts, conditional)
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for j in 1 2 3; do
|   $KCBENCH eval -t d/train.tsv -T d/test.tsv --method per-class --parts 3 -c zstd:3,gzip:9,xz:6 -f json --predictions pc$j.jsonl > pc$j.json
|   $KCBENCH eval -t d/train.tsv -T d/test.tsv --method conditional -c zstd:3,deflate:6 -k 1,2,5 --predictions cd$j.jsonl > cd$j.txt
| done
| for f in pc.jsonl pc.json cd.jsonl cd.txt; do b=${f%.*}; e=${f#*.}; cmp $b"1.$e" $b"2.$e" && cmp $b"1.$e" $b"3.$e" && echo "$f same"; done
stdout:
| pc.jsonl same
| pc.json same
| cd.jsonl same
| cd.txt same

=== lz4, when built in: per-class and conditional give the same bytes for -j 1 and 2
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| if $KCBENCH codecs | grep -q '^lz4 '; then
|   for m in per-class conditional; do for j in 1 2; do $KCBENCH eval -t d/train.tsv -T d/test.tsv --method $m -c lz4:1,lz4:9 -f csv > $m$j; done; cmp ${m}1 ${m}2 && echo "$m same"; done
| else echo "per-class same"; echo "conditional same"; fi
stdout:
| per-class same
| conditional same

=== --shard and merge: the parts of per-class and conditional runs merge into eval's bytes
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for m in "per-class --parts 2" "conditional -k 1,3"; do
|   $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -c zstd:3 --method $m > whole
|   for i in 1 2 3; do $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -c zstd:3 --method $m --shard $i/3 -o part$i.json; done
|   $KCBENCH merge part1.json part2.json part3.json | cmp - whole && echo "${m%% *} same"
| done
stdout:
| per-class same
| conditional same

=== parts of another method are another run: merge refuses them
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --method per-class --shard 1/2 -o a.json
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -k 1 --rules vote --shard 2/2 -o b.json
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --method per-class --parts 2 --shard 2/2 -o c.json
| $KCBENCH merge a.json b.json; echo "exit $?"
| $KCBENCH merge a.json c.json
exit: 3
stdout: exit 3
stderr re:
| kcbench merge: .*b\.json.*
| kcbench merge: .*c\.json.*

# ---- errors ---------------------------------------------------------------------------

=== a codec that cannot prime: one line naming it and those that can, exit 2
run: $KCBENCH eval -t a -T b --method per-class -c gzip:9,bzip2:9
exit: 2
stderr re: kcbench eval: --method per-class: bzip2 cannot compress with a dictionary \(these can: gzip, zlib, deflate, xz, zstd.*\)

=== conditional refuses it too
run: $KCBENCH eval -t a -T b --method conditional -c bzip2
exit: 2
stderr re: kcbench eval: --method conditional: bzip2 cannot compress with a dictionary \(these can: .*\)

=== bad --parts values, and --parts without per-class
run:
| for p in 0 65 -1 x 2.5 ''; do $KCBENCH eval -t a -T b --method per-class --parts "$p"; echo "exit $?"; done 2>&1
| $KCBENCH eval -t a -T b --parts 2 2>&1; echo "exit $?"
| $KCBENCH eval -t a -T b --method conditional --parts 2 2>&1; echo "exit $?"
stdout:
| kcbench eval: --parts: expected a whole number from 1 to 64, got '0'
| exit 2
| kcbench eval: --parts: expected a whole number from 1 to 64, got '65'
| exit 2
| kcbench eval: --parts: expected a whole number from 1 to 64, got '-1'
| exit 2
| kcbench eval: --parts: expected a whole number from 1 to 64, got 'x'
| exit 2
| kcbench eval: --parts: expected a whole number from 1 to 64, got '2.5'
| exit 2
| kcbench eval: --parts: expected a whole number from 1 to 64, got ''
| exit 2
| kcbench eval: --parts goes with --method per-class
| exit 2
| kcbench eval: --parts goes with --method per-class
| exit 2

=== per-class has no k, rules or distance, and is not the paper's method; an unknown method
run:
| $KCBENCH eval -t a -T b --method per-class -k 3 2>&1; echo "exit $?"
| $KCBENCH eval -t a -T b --method per-class --rules vote 2>&1; echo "exit $?"
| $KCBENCH eval -t a -T b --method per-class -d cdm 2>&1; echo "exit $?"
| $KCBENCH eval -t a -T b --method conditional --paper 2>&1; echo "exit $?"
| $KCBENCH eval -t a -T b --method nearest 2>&1; echo "exit $?"
stdout:
| kcbench eval: -k does not go with --method per-class, which picks the class that compresses the text best (its rows say k=1)
| exit 2
| kcbench eval: --rules does not go with --method per-class, which has no neighbours to vote (its rows say rule per-class)
| exit 2
| kcbench eval: --distance does not go with --method per-class, which compares compressed sizes
| exit 2
| kcbench eval: --paper is exact kNN; it does not go with --method conditional
| exit 2
| kcbench eval: --method nearest: unknown method (exact, per-class, conditional)
| exit 2

=== conditional says that --sep plays no part
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --method conditional -k 1 --rules vote --sep ' ' | wc -l
stdout: 2
stderr: kcbench eval: warning: --method conditional: --sep plays no part (the training text is the dictionary of the test text)

# ---- real data --------------------------------------------------------------------------

=== R8: per-class zstd:9 beats the majority class by far, and -j 1 and -j 2 agree
needs: $KCB_DATA/r8/train.tsv $KCB_DATA/r8/test.tsv
timeout: 60
run:
| for j in 1 2; do $KCBENCH eval -q -t "$KCB_DATA/r8/train.tsv" -T "$KCB_DATA/r8/test.tsv" --sep ' ' --test-sample 200 --method per-class --parts 3 -c zstd:9 -f csv -j $j 2>/dev/null > r$j; done
| cmp r1 r2 && awk -F, 'NR == 2 { print ($8 > 0.85 ? "above 0.85" : "below: " $8) }' r1
stdout: above 0.85

# ---- classify --method per-class ----------------------------------------------------------

=== classify --method per-class prints the labels that eval --method per-class predicts
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for c in gzip:9 zstd:3; do
|   cut -f2 d/test.tsv | $KCBENCH classify -t d/train.tsv --method per-class --parts 2 --sep ' ' -c $c -j 2 > labels
|   $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --method per-class --parts 2 --sep ' ' -c $c --predictions p.jsonl > /dev/null
|   python3 -c 'import json; print(len(open("labels").read().split()), [json.loads(l)["vote"]["1"] for l in open("p.jsonl")] == open("labels").read().split())'
| done
stdout:
| 16 True
| 16 True

=== classify --method per-class: no model file, no scores, a codec that primes; --parts needs it
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -q -t d/train.tsv -o m.kcb 2> /dev/null
| $KCBENCH classify -m m.kcb --method per-class x 2>&1; echo "exit $?"
| for o in "-k 3" "--top 2" "--explain" "-f json"; do $KCBENCH classify -t d/train.tsv --method per-class $o x 2>&1; echo "exit $?"; done | sort | uniq -c | sed 's/^ *//'
| $KCBENCH classify -t d/train.tsv --method per-class -c bzip2 x 2>&1; echo "exit $?"
| $KCBENCH classify -t d/train.tsv --parts 2 x 2>&1; echo "exit $?"
| $KCBENCH classify -t d/train.tsv --method conditional x 2>&1; echo "exit $?"
stdout re:
| kcbench classify: --method per-class needs -t TRAIN: a model file holds no class dictionaries
| exit 2
| 4 exit 2
| 4 kcbench classify: --method per-class prints one label per text: it takes no -k, --top, --explain or -f
| kcbench classify: --method per-class: bzip2 cannot compress with a dictionary \(these can: gzip, .*\)
| exit 2
| kcbench classify: --parts goes with --method per-class
| exit 2
| kcbench classify: --method conditional: unknown method \(exact, per-class\)
| exit 2
