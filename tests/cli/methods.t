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

=== classify --method per-class: from a model file the same labels, with any codec that primes
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH index -q -t d/train.tsv -c gzip:9 -o m.kcb 2> /dev/null
| cut -f2 d/test.tsv > q
| $KCBENCH classify -t d/train.tsv --method per-class --parts 3 -c zstd:9 < q > a
| $KCBENCH classify -m m.kcb --method per-class --parts 3 -c zstd:9 < q > b
| cmp a b && wc -l < b
stdout: 16

=== classify --method per-class: no scores, a codec that primes; --parts needs it
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -q -t d/train.tsv -c bzip2:9 -o m.kcb 2> /dev/null
| for o in "-k 3" "--top 2" "--explain" "-f json"; do $KCBENCH classify -t d/train.tsv --method per-class $o x 2>&1; echo "exit $?"; done | sort | uniq -c | sed 's/^ *//'
| $KCBENCH classify -t d/train.tsv --method per-class -c bzip2 x 2>&1; echo "exit $?"
| $KCBENCH classify -m m.kcb --method per-class x 2>&1; echo "exit $?"
| $KCBENCH classify -t d/train.tsv --parts 2 x 2>&1; echo "exit $?"
| $KCBENCH classify -t d/train.tsv --method nearest x 2>&1; echo "exit $?"
stdout re:
| 4 exit 2
| 4 kcbench classify: --method per-class prints one label per text: it takes no -k, --top, --explain or -f
| kcbench classify: --method per-class: bzip2 cannot compress with a dictionary \(these can: gzip, .*\)
| exit 2
| kcbench classify: --method per-class: bzip2 cannot compress with a dictionary \(these can: gzip, .*\)
| exit 2
| kcbench classify: --parts goes with --method per-class
| exit 2
| kcbench classify: --method nearest: unknown method \(exact, per-class, conditional\)
| exit 2

# ---- classify --method conditional -------------------------------------------------------

=== classify --method conditional: the labels and neighbours of eval --method conditional, from -t and from a model
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH index -q -t d/train.tsv -c lz4:1,zlib:6 -o m.kcb 2> /dev/null
| cut -f2 d/test.tsv > q
| for c in lz4:1 zlib:6; do
|   $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --method conditional -c $c -k 3 --rules vote --predictions p.jsonl > /dev/null
|   python3 -c 'import json; print("\n".join(json.loads(l)["vote"]["3"] for l in open("p.jsonl")))' > want
|   $KCBENCH classify -t d/train.tsv --method conditional -c $c -k 3 -j 2 < q | cmp - want &&
|   $KCBENCH classify -m m.kcb --method conditional -c $c -k 3 -j 1 < q | cmp - want && echo "$c same labels"
|   $KCBENCH classify -m m.kcb --method conditional -c $c -k 3 --explain "$(head -1 q)" | sed -n '3p' | cut -c1-40 > got
|   python3 -c 'import json; n = json.loads(open("p.jsonl").readline())["neighbours"][1]; print("  2. %.6f" % n["d"], n["label"], "#%d" % n["line"])' > near
|   awk '{ print $1, $2, $3, $4 }' got | sed 's/^/  /' | cmp - near && echo "$c same second neighbour"
| done
stdout:
| lz4:1 same labels
| lz4:1 same second neighbour
| zlib:6 same labels
| zlib:6 same second neighbour

=== classify --method conditional: the model needs sizes for the codec, the codec must prime, --sep is ignored
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH index -q -t d/train.tsv -c lz4:1 -o m.kcb 2> /dev/null
| $KCBENCH classify -m m.kcb --method conditional -c zstd:3 x 2>&1; echo "exit $?"
| $KCBENCH classify -t d/train.tsv --method conditional -c brotli x 2>&1; echo "exit $?"
| $KCBENCH classify -t d/train.tsv --method conditional --sep ' ' x > /dev/null; echo "exit $?"
stdout re:
| kcbench classify: m.kcb: the model has no sizes for zstd:3 \(index it with -c\)
| exit 2
| kcbench classify: --method conditional: brotli cannot compress with a dictionary \(these can: .*\)
| exit 2
| exit 0
stderr: kcbench classify: warning: --method conditional: --sep plays no part (the training text is the dictionary of the text)

# ---- bench --classify --method ------------------------------------------------------------

=== bench --classify --method: the accuracy eval gives for the method, in a column named for it
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH bench -c zstd:9,lz4:1,bzip2:9 --min-time 0 --min-runs 1 --classify d/train.tsv,d/test.tsv --method per-class --parts 2 -f json d/test.tsv > b.json
| $KCBENCH bench -c lz4:1 --min-time 0 --min-runs 1 --classify d/train.tsv,d/test.tsv --method conditional -k 3 -f json d/test.tsv > c.json
| for c in zstd:9 lz4:1; do $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --sep ' ' --method per-class --parts 2 -c $c -f json; done > e1.json
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --method conditional -c lz4:1 -k 3 --rules vote -f json > e2.json 2> /dev/null
| python3 - <<'EOF'
| import json
| b = [r for r in json.load(open("b.json")) if r["file"] == "(total)"]
| print([(r["compressor"], r["per_class_accuracy"]) for r in b])
| want = [json.loads(t)[0]["accuracy"] for t in open("e1.json").read().replace("]\n[", "]\n\n[").split("\n\n")]
| print([r["per_class_accuracy"] for r in b[1:3]] == want, "knn_accuracy" in b[0])
| c = [r for r in json.load(open("c.json")) if r["file"] == "(total)"][1]
| print(c["conditional_knn_accuracy"] == json.load(open("e2.json"))[0]["accuracy"])
| EOF
stdout re:
| \[\('memcpy', None\), \('zstd:9', 0\.\d+\), \('lz4:1', 0\.\d+\), \('bzip2:9', None\)\]
| True False
| True
stderr: kcbench bench: warning: --method per-class: bzip2 cannot compress with a dictionary: no accuracy

=== bench: --method and --parts need --classify; -k does not go with per-class
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH bench -c gzip:9 --method per-class d/test.tsv 2>&1; echo "exit $?"
| $KCBENCH bench -c gzip:9 --classify d/train.tsv,d/test.tsv --parts 2 d/test.tsv 2>&1; echo "exit $?"
| $KCBENCH bench -c gzip:9 --classify d/train.tsv,d/test.tsv --method per-class -k 3 d/test.tsv 2>&1; echo "exit $?"
| $KCBENCH bench -c gzip:9 --classify d/train.tsv,d/test.tsv --method fast d/test.tsv 2>&1; echo "exit $?"
stdout:
| kcbench bench: --method and --parts go with --classify
| exit 2
| kcbench bench: --parts goes with --method per-class
| exit 2
| kcbench bench: -k does not go with --method per-class, which picks the class that compresses the text best
| exit 2
| kcbench bench: --method fast: unknown method (exact, per-class, conditional)
| exit 2

# ---- per-class --shortlist -----------------------------------------------------------------

=== --shortlist: N at least the classes changes nothing; N = 1 is the first pass's choice; classify agrees
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| cut -f2 d/test.tsv > q
| votes() { python3 -c 'import json, sys; print(" ".join(json.loads(l)["vote"]["1"] for l in open(sys.argv[1])))' "$1"; }
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --sep ' ' -c zstd:9 --method per-class --parts 2 --predictions all.jsonl > /dev/null
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --sep ' ' -c zstd:9 --method per-class --parts 2 --shortlist 4 --predictions sl4.jsonl > /dev/null
| cmp all.jsonl sl4.jsonl && echo shortlist of every class: same
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --sep ' ' -c lz4:1 --method per-class --predictions lz4.jsonl > /dev/null
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --sep ' ' -c zstd:9 --method per-class --parts 2 --shortlist 1,lz4:1 -j 2 --predictions sl1.jsonl -f json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["method"])'
| [ "$(votes lz4.jsonl)" = "$(votes sl1.jsonl)" ] && echo shortlist of 1: the first pass decides
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --sep ' ' -c zstd:9 --method per-class --shortlist 2 --predictions sl2.jsonl > /dev/null
| $KCBENCH classify -t d/train.tsv --sep ' ' -c zstd:9 --method per-class --shortlist 2 -j 1 < q | paste -sd' ' > c2
| [ "$(votes sl2.jsonl)" = "$(cat c2)" ] && echo classify: same labels
stdout:
| shortlist of every class: same
| per-class, shortlist 1 by lz4:1
| shortlist of 1: the first pass decides
| classify: same labels

=== --shortlist: only with per-class, N from 1 to 1024, a codec that primes
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv --shortlist 2 2>&1; echo "exit $?"
| $KCBENCH classify -t d/train.tsv --shortlist 2 x 2>&1; echo "exit $?"
| $KCBENCH eval -t d/train.tsv -T d/test.tsv --method per-class --shortlist 0 2>&1; echo "exit $?"
| $KCBENCH eval -t d/train.tsv -T d/test.tsv --method per-class --shortlist 2,bzip2 2>&1; echo "exit $?"
stdout:
| kcbench eval: --shortlist goes with --method per-class
| exit 2
| kcbench classify: --shortlist goes with --method per-class
| exit 2
| kcbench eval: --shortlist 0: expected N (1 to 1024) or N,CODEC
| exit 2
| kcbench eval: --shortlist: bzip2 cannot compress with a dictionary (these can: gzip, zlib, deflate, xz, zstd, lz4, cm)
| exit 2
