# kcbench eval: kNN classification accuracy on NCD, its outputs, inputs and errors.
# Data: `kcbench gen labelled` (deterministic): 4 classes x 20 short documents (about 30
# bytes, order-1 Markov text), 16 training and 4 test documents per class. The texts are
# short on purpose: the classifier makes mistakes and distances tie, so the three rules
# disagree. Accuracies are never written here: they come from knn_oracle.py, a separate
# kNN on Python's own gzip/bz2 (tests/oracle.py), or from consistency between outputs.
# Exit statuses: 0 ok, 2 usage, 3 input (file:line on stderr).

# ---- results equal an independent kNN ------------------------------------------------

=== the default run (gzip:9, k 1,2,3,5, three rules) equals knn_oracle.py, csv
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv > got
| python3 "$TESTS/cli/knn_oracle.py" eval gzip 9 1,2,3,5 d/train.tsv d/test.tsv | diff - got && echo same
| awk -F, 'NR > 1 && $6 == "vote" { v[$5] = $8 } NR > 1 && $6 == "random" && $8 != v[$5] { d++ } END { print (d ? "rules differ" : "rules agree") }' got
stdout:
| same
| rules differ

=== eight classes, k 1..7 (ties of 2, 3 and more labels): every rule equals knn_oracle.py
run:
| $KCBENCH gen labelled -o d --sources 8 --docs 20 -n 30 --order 1 --seed 5
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -k 1,2,3,4,5,6,7 > got
| python3 "$TESTS/cli/knn_oracle.py" eval gzip 9 1,2,3,4,5,6,7 d/train.tsv d/test.tsv | diff - got && echo same
stdout: same

=== bzip2:9 and --sep ' ' equal knn_oracle.py too
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -c bzip2:9 --sep ' ' -k 1,4 > got
| python3 "$TESTS/cli/knn_oracle.py" eval --sep ' ' bzip2 9 1,4 d/train.tsv d/test.tsv | diff - got && echo same
stdout: same

=== k above the number of training texts uses them all, as knn_oracle.py does
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| wc -l < d/train.tsv
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -k 1,7,50 > got
| python3 "$TESTS/cli/knn_oracle.py" eval gzip 9 1,7,50 d/train.tsv d/test.tsv | diff - got && echo same
stdout:
| 8
| same

=== a test label that never occurs in training counts as an error and in macro-F1
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| printf 'nowhere\tUvu a ze di ve, ba.\n' >> d/test.tsv
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -k 1,3 > got
| python3 "$TESTS/cli/knn_oracle.py" eval gzip 9 1,3 d/train.tsv d/test.tsv | diff - got && echo same
| cut -d, -f7 got | sort -u
stdout:
| same
| 17
| n_test

=== a label predicted but absent from the test set counts in macro-F1 (F1 0), as the oracle's
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for l in $(cut -f1 d/test.tsv | sort -u); do
|   grep -v "^$l"$'\t' d/test.tsv > t.tsv
|   $KCBENCH eval -t d/train.tsv -T t.tsv -f csv -k 1,3 --name d --predictions p.jsonl > got
|   python3 "$TESTS/cli/knn_oracle.py" eval gzip 9 1,3 d/train.tsv t.tsv | cmp -s - got || echo "without $l: differs"
|   python3 -c 'import json, sys; sys.exit(not any(json.loads(l)["vote"]["1"] == sys.argv[1] for l in open("p.jsonl")))' $l && n=$((n + 1))
| done
| echo "${n:-0} of 4 absent labels still predicted"
stdout re: [1-4] of 4 absent labels still predicted

# ---- output formats --------------------------------------------------------------------

=== table: a header and one row per (k, rule); dataset named after the training folder
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv
stdout re:
| dataset\s+compressor\s+k\s+rule\s+n_test\s+accuracy\s+macro_f1
| d\s+gzip:9\s+1\s+vote\s+16\s+[01]\.\d{4}\s+[01]\.\d{4}
| d\s+gzip:9\s+1\s+random\s+16\s+[01]\.\d{4}\s+[01]\.\d{4}
| d\s+gzip:9\s+1\s+optimistic\s+16\s+[01]\.\d{4}\s+[01]\.\d{4}
| d\s+gzip:9\s+2\s+vote\s+16\s+[01]\.\d{4}\s+[01]\.\d{4}
| d\s+gzip:9\s+2\s+random\s+16\s+[01]\.\d{4}\s+[01]\.\d{4}
| d\s+gzip:9\s+2\s+optimistic\s+16\s+[01]\.\d{4}\s+[01]\.\d{4}
| d\s+gzip:9\s+3\s+vote\s+16\s+[01]\.\d{4}\s+[01]\.\d{4}
| d\s+gzip:9\s+3\s+random\s+16\s+[01]\.\d{4}\s+[01]\.\d{4}
| d\s+gzip:9\s+3\s+optimistic\s+16\s+[01]\.\d{4}\s+[01]\.\d{4}
| d\s+gzip:9\s+5\s+vote\s+16\s+[01]\.\d{4}\s+[01]\.\d{4}
| d\s+gzip:9\s+5\s+random\s+16\s+[01]\.\d{4}\s+[01]\.\d{4}
| d\s+gzip:9\s+5\s+optimistic\s+16\s+[01]\.\d{4}\s+[01]\.\d{4}

=== csv: the header, and -c gzip:9,zstd:3 -k 1,3 gives 2 x 2 x 3 rows, one per key
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -c gzip:9,zstd:3 -k 1,3 > got
| head -1 got
| python3 - <<'EOF'
| import csv
| rows = list(csv.DictReader(open("got")))
| keys = [(r["dataset"], r["compressor"], r["level"], r["k"], r["rule"]) for r in rows]
| assert len(set(keys)) == len(keys), keys
| assert {r["n_test"] for r in rows} == {"16"}
| assert all(0 <= float(r["accuracy"]) <= 1 and 0 <= float(r["macro_f1"]) <= 1 for r in rows)
| print(len(rows), "rows:", " ".join(sorted({"%s k=%s" % (r["compressor"], r["k"]) for r in rows})))
| EOF
| grep -c ',zstd,3,' got
stdout:
| dataset,compressor,codec,level,k,rule,n_test,accuracy,macro_f1,distance,method
| 12 rows: gzip:9 k=1 gzip:9 k=3 zstd:3 k=1 zstd:3 k=3
| 6

=== several compressors give each one's rows as when run alone (the gzip rows: the oracle's)
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -c gzip:9,zstd:3 -k 1,3 > both
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -c zstd:3 -k 1,3 > z
| python3 "$TESTS/cli/knn_oracle.py" eval gzip 9 1,3 d/train.tsv d/test.tsv > g
| (cat g; tail -n +2 z) | diff - both && echo same
stdout: same

=== json: an array of objects with the csv's values
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -k 1,2 -c gzip:9,zstd:3 > got.csv
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f json -k 1,2 -c gzip:9,zstd:3 > got.json
| python3 - <<'EOF'
| import csv, json
| rows = json.load(open("got.json"))
| want = list(csv.DictReader(open("got.csv")))
| assert len(rows) == len(want) == 12, (len(rows), len(want))
| for j, c in zip(rows, want):
|     assert set(j) == {"dataset", "compressor", "codec", "level", "k", "rule", "n_test", "accuracy", "macro_f1", "distance", "method"}, j
|     assert [str(j[f]) for f in ("dataset", "compressor", "codec", "level", "k", "rule", "n_test")] == \
|            [c[f] for f in ("dataset", "compressor", "codec", "level", "k", "rule", "n_test")], (j, c)
|     assert "%.6f" % j["accuracy"] == c["accuracy"] and "%.6f" % j["macro_f1"] == c["macro_f1"], (j, c)
| print("json = csv")
| EOF
stdout: json = csv

=== md: a markdown table with the csv's values to 4 decimals; table the same
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv > got.csv
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f md > got.md
| $KCBENCH eval -t d/train.tsv -T d/test.tsv > got.txt
| head -2 got.md
| python3 - <<'EOF'
| import csv
| want = [[r["dataset"], r["compressor"], r["k"], r["rule"], r["n_test"],
|          "%.4f" % float(r["accuracy"]), "%.4f" % float(r["macro_f1"])]
|         for r in csv.DictReader(open("got.csv"))]
| md = [[c.strip() for c in l.strip().strip("|").split("|")] for l in open("got.md").read().splitlines()[2:]]
| table = [l.split() for l in open("got.txt").read().splitlines()[1:]]
| assert md == want, (md, want)
| assert table == want, (table, want)
| print(len(want), "rows agree")
| EOF
stdout:
| | dataset | compressor | k | rule | n_test | accuracy | macro_f1 |
| |---|---|---:|---|---:|---:|---:|
| 12 rows agree

=== -o FILE writes the results there and nothing on standard output
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -o res.csv
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv | cmp - res.csv && echo same
stdout: same

=== --name sets the dataset column
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -k 1 --rules vote --name 'my, set' | tail -1 | cut -d, -f1-3
stdout: "my, set",gzip:9

=== an unknown format is a usage error
run: $KCBENCH eval -t a.tsv -T b.tsv -f phylip
exit: 2
stderr: kcbench eval: -f: unknown format 'phylip' (table, csv, tsv, json, md)

# ---- rules ------------------------------------------------------------------------------

=== --rules vote gives only the vote rows
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv --rules vote > got
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv | grep -e ',vote,' -e '^dataset' | diff - got && echo same
| cut -d, -f5,6 got | tail -n +2 | paste -sd' '
stdout:
| same
| 1,vote 2,vote 3,vote 5,vote

=== --rules optimistic,random keeps the fixed order vote, random, optimistic
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -k 2 --rules optimistic,random | cut -d, -f6 | tail -n +2 | paste -sd' '
stdout: random optimistic

=== --rules with an unknown rule is a usage error
run: $KCBENCH eval -t a.tsv -T b.tsv --rules vote,best
exit: 2
stderr: kcbench eval: --rules: unknown rule 'best' (vote, random, optimistic)

=== -k must be a list of whole numbers from 1 to 1024
run: $KCBENCH eval -t a.tsv -T b.tsv -k 1,0
exit: 2
stderr: kcbench eval: -k 1,0: expected a list of whole numbers from 1 to 1024

# ---- predictions, threads --------------------------------------------------------------

=== --predictions and results are byte-identical for -j 1 and -j 2
run:
| $KCBENCH gen labelled -o d --sources 8 --docs 20 -n 30 --order 1 --seed 5
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -c gzip:9,bzip2:9 -k 1,2,5 -j 1 --predictions p1.jsonl > r1
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -c gzip:9,bzip2:9 -k 1,2,5 -j 2 --predictions p2.jsonl > r2
| cmp p1.jsonl p2.jsonl && cmp r1 r2 && echo identical
| wc -l < p1.jsonl
stdout:
| identical
| 64

=== --predictions: one JSON line per test text, neighbours and distances as knn_oracle.py's
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 1,2,3 --predictions p.jsonl > /dev/null
| python3 "$TESTS/cli/knn_oracle.py" neighbours gzip 9 3 d/train.tsv d/test.tsv > want
| python3 - <<'EOF'
| import json
| lines = [json.loads(l) for l in open("p.jsonl")]
| test = [l.split("\t")[0] for l in open("d/test.tsv").read().splitlines()]
| train = [l.split("\t")[0] for l in open("d/train.tsv").read().splitlines()]
| with open("got", "w") as out:
|     for i, p in enumerate(lines):
|         assert p["dataset"] == "d" and p["compressor"] == "gzip:9" and p["test"] == i, p
|         assert p["line"] == i + 1 and p["truth"] == test[i], p
|         assert sorted(p["vote"]) == ["1", "2", "3"], p
|         for n in p["neighbours"]:
|             assert n["line"] == n["train"] + 1 and n["label"] == train[n["train"]], n
|         out.write("%d: %s\n" % (i, " ".join("%d:%.9f" % (n["train"], n["d"]) for n in p["neighbours"])))
| print(len(lines), "lines")
| EOF
| diff want got && echo neighbours as the oracle
stdout:
| 16 lines
| neighbours as the oracle

=== --predictions: the vote at each k is the label the csv's vote rows score
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 1,2,3,5 --rules vote -f csv --predictions p.jsonl > got
| python3 - <<'EOF'
| import csv, json
| preds = [json.loads(l) for l in open("p.jsonl")]
| for r in csv.DictReader(open("got")):
|     right = sum(p["vote"][r["k"]] == p["truth"] for p in preds)
|     assert "%.6f" % (right / len(preds)) == r["accuracy"], (r, right)
| print("consistent")
| EOF
stdout: consistent

=== --predictions into a missing directory fails with exit 3 and writes no results
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv --predictions no/such/dir/p.jsonl
exit: 3
stderr re: kcbench eval: no/such/dir/p\.jsonl: No such file or directory

=== --timings: one line per compressor on stderr, even with -q; the results do not change
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -c gzip:9,zstd:3 -q > plain
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -c gzip:9,zstd:3 -q --timings > timed 2> err
| cmp plain timed && echo same
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -c zstd:3 --method per-class -q --timings 2>> err >/dev/null
| sed -E 's/[0-9]+\.[0-9]{3}/T/g; s/[0-9]+ pairs\/s/R pairs\/s/' err
stdout:
| same
| kcbench eval: timings: d gzip:9: C(y) of 64 training texts T s, C(x) of 16 test texts T s, search T s (T ms per test text, 1024 pairs, R pairs/s)
| kcbench eval: timings: d zstd:3: C(y) of 64 training texts T s, C(x) of 16 test texts T s, search T s (T ms per test text, 1024 pairs, R pairs/s)
| kcbench eval: timings: d zstd:3: C(y) of 0 training texts T s, C(x) of 16 test texts T s, search T s (T ms per test text)

# ---- confusion matrices ----------------------------------------------------------------

=== --confusion (table) prints a matrix per compressor and k (rule vote), rows = truth counts
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 1,3 --confusion > got
| grep '^# confusion' got
| python3 - <<'EOF'
| lines = open("got").read().splitlines()
| at = [i for i, l in enumerate(lines) if l.startswith("# confusion")]
| table = {(l.split()[2], l.split()[3]): float(l.split()[5]) for l in lines[1:at[0] - 1]}
| assert len(table) == 6, table
| for i in at:
|     k = lines[i].split("k=")[1].split()[0]
|     head = lines[i + 1].split()
|     rows = [l.split() for l in lines[i + 2:i + 2 + len(head) - 1]]
|     assert [r[0] for r in rows] == head[1:], (head, rows)
|     m = [[float(v) for v in r[1:]] for r in rows]
|     assert all(sum(r) == 4 for r in m), m  # 4 test texts per class
|     acc = sum(m[j][j] for j in range(len(m))) / 16
|     assert "%.4f" % acc == "%.4f" % table[(k, "vote")], (k, acc)
| print("matrices match the vote rows")
| EOF
stdout:
| # confusion, d gzip:9 k=1 vote (rows: truth, columns: predicted)
| # confusion, d gzip:9 k=3 vote (rows: truth, columns: predicted)
| matrices match the vote rows

=== --confusion (json): every rule's matrix; the random rule's is fractional and sums to n_test
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 2,3 --confusion -f json > got.json
| python3 - <<'EOF'
| import json
| frac = 0
| for r in json.load(open("got.json")):
|     m, L = r["confusion"], len(r["labels"])
|     assert len(m) == L and all(len(row) == L for row in m)
|     assert abs(sum(map(sum, m)) - r["n_test"]) < 1e-4, r
|     assert abs(sum(m[i][i] for i in range(L)) / r["n_test"] - r["accuracy"]) < 1e-5, r
|     frac += any(v != int(v) for row in m for v in row)
|     assert r["rule"] == "random" or all(v == int(v) for row in m for v in row), r
| print("ok, fractional:", frac > 0)
| EOF
stdout: ok, fractional: True

=== --confusion (md) gives markdown matrices
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 10 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 1 --rules vote --confusion -f md | sed -n '4,$p'
stdout re:
|
| \*\*confusion, d gzip:9 k=1 vote \(rows: truth, columns: predicted\)\*\*
|
| \| truth\\predicted \| \w+ \| \w+ \|
| \|---\|---:\|---:\|
| \| \w+ \| \d \| \d \|
| \| \w+ \| \d \| \d \|

=== --confusion with --format csv is a usage error
run: $KCBENCH eval -t a.tsv -T b.tsv --confusion -f csv
exit: 2
stderr: kcbench eval: --confusion needs --format table, md or json

# ---- test-set preparation: --dedup, --test-sample ---------------------------------------

=== test texts copied from training: a warning without --dedup, counted in n_test
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| sed -n '5p;20p;33p' d/train.tsv >> d/test.tsv
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv -k 1 --rules vote | cut -d, -f7 | tail -1
stdout: 19
stderr: kcbench eval: warning: d: 3 of 19 test texts also occur verbatim in training; accuracy is inflated by them (--dedup drops them)

=== --dedup drops them, says how many, and scores exactly the clean test set
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv > clean
| sed -n '5p;20p;33p' d/train.tsv >> d/test.tsv
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv --dedup | diff clean - && echo same
stdout: same
stderr: kcbench eval: warning: d: dropped 3 of 19 test texts that also occur verbatim in training (--dedup)

=== --test-sample N: n_test is N, classes keep their shares, the rows are a subset
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 1,3 --test-sample 8 -f csv --predictions p.jsonl > got
| cut -d, -f7 got | sort -u | paste -sd' '
| python3 - <<'EOF'
| import collections, json
| preds = [json.loads(l) for l in open("p.jsonl")]
| test = open("d/test.tsv").read().splitlines()
| assert all(test[p["line"] - 1].split("\t")[0] == p["truth"] for p in preds)
| print(sorted(collections.Counter(p["truth"] for p in preds).values()))
| EOF
stdout:
| 8 n_test
| [2, 2, 2, 2]

=== --test-sample: the same seed gives the same sample, another seed another one
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for run in 1:a 1:b 2:c; do
|   $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 1 --rules vote --test-sample 6 --seed ${run%:*} --predictions p.jsonl > /dev/null
|   python3 -c 'import json; print(" ".join(str(json.loads(l)["line"]) for l in open("p.jsonl")))' > lines.${run#*:}
| done
| cmp lines.a lines.b && echo seed 1 twice: same
| cmp -s lines.a lines.c || echo seed 2: different
| wc -w < lines.c
stdout:
| seed 1 twice: same
| seed 2: different
| 6

=== --test-sample depends on the test file alone, not on the training file's row order
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| tac d/train.tsv > rev.tsv
| for t in d/train.tsv rev.tsv; do
|   $KCBENCH eval -t $t -T d/test.tsv -k 1 --rules vote --test-sample 6 --predictions p.jsonl > /dev/null
|   python3 -c 'import json; print(" ".join(str(json.loads(l)["line"]) for l in open("p.jsonl")))'
| done | uniq | wc -l
| a=$(cut -f1 d/train.tsv | awk '!s[$0]++' | paste -sd' ')
| b=$(cut -f1 rev.tsv | awk '!s[$0]++' | paste -sd' ')
| [ "$a" != "$b" ] && echo the labels first appear in another order
stdout:
| 1
| the labels first appear in another order

=== --test-sample at least the test size keeps the whole test set
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv > all
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv --test-sample 16 | cmp - all &&
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv --test-sample 1000 | cmp - all && echo same
stdout: same

=== --test-sample 0 is a usage error
run: $KCBENCH eval -t a.tsv -T b.tsv --test-sample 0
exit: 2
stderr re: kcbench eval: --test-sample: expected a whole number from 1 to \d+, got '0'

# ---- few-shot: --train-per-class ---------------------------------------------------------

=== --train-per-class N: N training texts of each class, and the results of exactly those rows (the oracle's)
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval --name x -t d/train.tsv -T d/test.tsv -k 1,3,12 --train-per-class 3 --seed 4 -f csv --predictions p.jsonl > got
| python3 - <<'EOF'
| import collections, json
| lines = sorted({n["line"] for l in open("p.jsonl") for n in json.loads(l)["neighbours"]})
| train = open("d/train.tsv").read().splitlines()
| print(len(lines), sorted(collections.Counter(train[i - 1].split("\t")[0] for i in lines).values()))
| open("few.tsv", "w").write("".join(train[i - 1] + "\n" for i in lines))
| EOF
| python3 "$TESTS/cli/knn_oracle.py" eval --name x gzip 9 1,3,12 few.tsv d/test.tsv | diff - got && echo same
stdout:
| 12 [3, 3, 3, 3]
| same

=== --train-per-class: the same seed gives the same training texts, another seed others
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for run in 1:a 1:b 2:c; do
|   $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 8 --rules vote --train-per-class 2 --seed ${run%:*} --predictions p.jsonl > /dev/null
|   python3 -c 'import json; print(" ".join(sorted({str(n["line"]) for l in open("p.jsonl") for n in json.loads(l)["neighbours"]})))' > lines.${run#*:}
| done
| cmp lines.a lines.b && echo seed 1 twice: same
| cmp -s lines.a lines.c || echo seed 2: different
| wc -w < lines.c
stdout:
| seed 1 twice: same
| seed 2: different
| 8

=== --train-per-class at least every class's size keeps the whole training set
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv > all
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv --train-per-class 16 | cmp - all && echo same
stdout: same

=== --train-per-class: a class with fewer texts is kept whole and named in a warning
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| c=$(cut -f1 d/train.tsv | head -1)
| { grep -m 2 "^$c"$'\t' d/train.tsv; grep -v "^$c"$'\t' d/train.tsv; } > t.tsv
| $KCBENCH eval -t t.tsv -T d/test.tsv -k 1,20 --rules vote --train-per-class 5 --name x --predictions p.jsonl -f csv > /dev/null 2> err
| sed "s/$c/C/" err
| python3 -c 'import json; print(len({n["line"] for l in open("p.jsonl") for n in json.loads(l)["neighbours"]}))'
stdout:
| kcbench eval: warning: x: --train-per-class 5: 1 class has fewer training texts, kept whole: C (2)
| 17

=== --train-per-class 0 is a usage error
run: $KCBENCH eval -t a.tsv -T b.tsv --train-per-class 0
exit: 2
stderr re: kcbench eval: --train-per-class: expected a whole number from 1 to \d+, got '0'

# ---- input formats ---------------------------------------------------------------------

=== the same data as tsv, AG-News csv, fastText and a directory tree gives the same results
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for s in train test; do python3 "$TESTS/cli/convert_dataset.py" --quotes d/$s.tsv $s; done
| grep -c '""' train.csv | grep -qv '^0$' && echo csv has doubled quotes
| grep -c ',.*,.*,' train.csv | grep -qv '^0$' && echo csv has commas inside fields
| for f in tsv csv ft; do $KCBENCH eval --name x -t train.$f -T test.$f -f csv > r.$f; done
| $KCBENCH eval --name x -t train.d -T test.d -f csv > r.d
| python3 "$TESTS/cli/knn_oracle.py" eval --name x gzip 9 1,2,3,5 train.tsv test.tsv > want
| for f in tsv csv ft d; do cmp want r.$f && echo $f as the oracle; done
stdout:
| csv has doubled quotes
| csv has commas inside fields
| tsv as the oracle
| csv as the oracle
| ft as the oracle
| d as the oracle

=== texts with newlines: csv (quoted) and a directory tree give the same, the oracle's, results
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for s in train test; do python3 "$TESTS/cli/convert_dataset.py" --quotes --newlines d/$s.tsv $s; done
| test $(wc -l < train.csv) -gt 64 && echo csv rows span lines
| $KCBENCH eval --name x -t train.csv -T test.csv -f csv > r.csv
| $KCBENCH eval --name x -t train.d -T test.d -f csv > r.d
| python3 "$TESTS/cli/knn_oracle.py" eval --name x gzip 9 1,2,3,5 train.d test.d > want
| cmp want r.csv && cmp want r.d && echo same
stdout:
| csv rows span lines
| same

=== --input-format overrides the extension
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 10 -n 30 --order 1 --seed 3
| cp d/train.tsv train.txt; cp d/test.tsv test.data
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv --name x > want
| $KCBENCH eval -t train.txt -T test.data -f csv --name x --input-format tsv | cmp - want && echo same
stdout: same

=== an unknown --input-format is a usage error
run: $KCBENCH eval -t a.tsv -T b.tsv --input-format xml
exit: 2
stderr: kcbench eval: --input-format: unknown input format 'xml' (tsv, csv, fasttext, dir)

# ---- malformed input: exit 3, one line naming file:line; --skip-bad ----------------------

=== tsv: a row without a tab
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 10 -n 30 --order 1 --seed 3
| sed -i '5s/\t/ /' d/train.tsv
| $KCBENCH eval -t d/train.tsv -T d/test.tsv
exit: 3
stderr: kcbench eval: d/train.tsv:5: missing tab between label and text

=== tsv: a row without a label
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 10 -n 30 --order 1 --seed 3
| sed -i '3s/^[^\t]*//' d/test.tsv
| $KCBENCH eval -t d/train.tsv -T d/test.tsv
exit: 3
stderr: kcbench eval: d/test.tsv:3: missing label

=== tsv, fastText and csv: a row with an empty text is refused (it would be near every short query)
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 10 -n 30 --order 1 --seed 3
| sed -i '4s/\t.*/\t/' d/train.tsv
| printf '__label__a one two\n__label__b\n' > t.ft
| printf 'label,text\na,"one two"\nb,""\n' > t.csv
| for f in d/train.tsv t.ft t.csv; do $KCBENCH eval -t $f -T d/test.tsv; echo "exit $?"; done
stdout:
| exit 3
| exit 3
| exit 3
stderr:
| kcbench eval: d/train.tsv:4: empty text
| kcbench eval: t.ft:2: empty text
| kcbench eval: t.csv:3: empty text

=== tsv: --skip-bad skips rows with an empty text, with a warning
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 10 -n 30 --order 1 --seed 3
| sed -i '4s/\t.*/\t/' d/train.tsv
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv --skip-bad -f csv > /dev/null; echo "exit $?"
stdout: exit 0
stderr contains: empty text

=== dir: an empty document file is refused, named; --skip-bad skips it with a warning
run:
| mkdir -p d/a d/b && echo 'one two' > d/a/1 && : > d/a/2 && echo 'three four' > d/b/1
| printf 'a\tone two\n' > t.tsv
| $KCBENCH eval -q -t d -T t.tsv; echo "exit $?"
| $KCBENCH eval -q -t d -T t.tsv --skip-bad -k 1 --rules vote -f csv; echo "exit $?"
stdout:
| exit 3
| dataset,compressor,codec,level,k,rule,n_test,accuracy,macro_f1,distance,method
| d,gzip:9,gzip,9,1,vote,1,1.000000,1.000000,ncd,exact
| exit 0
stderr:
| kcbench eval: d: d/a/2: empty text
| kcbench eval: warning: d: skipped 1 malformed document (first: d/a/2: empty text)

=== tsv: lines that end in CR alone (classic Mac OS) are refused, not read as one document
run:
| printf 'a\tone two\rb\tthree four\ra\tone\r' > cr.tsv
| $KCBENCH eval -t cr.tsv -T cr.tsv; echo "exit $?"
stdout: exit 3
stderr: kcbench eval: cr.tsv:1: lines end in CR alone (classic Mac OS), not LF or CRLF: convert them, e.g. with tr '\r' '\n'

=== --dedup that leaves no test text is an error, not a row of NaN
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 10 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/train.tsv --dedup; echo "exit $?"
stdout: exit 3
stderr contains: --dedup left no test text to score

=== csv: an unterminated quote is reported at the line where its row starts
run: $KCBENCH eval -t t.csv -T t.csv
file t.csv:
| "a","first text"
| "b","second, text"
| "a","never closed
| more text
exit: 3
stderr: kcbench eval: t.csv:3: unterminated quoted field

=== csv: a stray quote inside an unquoted field
run: $KCBENCH eval -t t.csv -T t.csv
file t.csv:
| "a","first text"
| b,second "text"
exit: 3
stderr: kcbench eval: t.csv:2: quote inside an unquoted field

=== fastText: a row without the __label__ prefix
run: $KCBENCH eval -t t.ft -T t.ft
file t.ft:
| __label__a first text
| __label__b second text
| label__a third text
exit: 3
stderr: kcbench eval: t.ft:3: missing __label__ prefix

=== fastText: __label__ with no name
run: $KCBENCH eval -t t.ft -T t.ft
file t.ft:
| __label__a first text
| __label__ second text
exit: 3
stderr: kcbench eval: t.ft:2: missing label

=== --skip-bad skips malformed rows with one warning, and scores the rest as if they were absent
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv > clean
| (head -4 d/train.tsv; printf 'no tab here\n'; tail -n +5 d/train.tsv; printf '\tno label\n') > d/train2.tsv
| $KCBENCH eval -t d/train2.tsv -T d/test.tsv -f csv --skip-bad | cmp - clean && echo same
stdout: same
stderr: kcbench eval: warning: d/train2.tsv: skipped 2 malformed rows (first at line 5: missing tab between label and text)

=== --skip-bad in csv and fastText files
run:
| printf '"a","one text"\n"b","x"y"\n"b","two texts"\n' > t.csv
| printf '__label__a one text\nb bad\n__label__b two texts\n' > t.ft
| $KCBENCH eval -t t.csv -T t.csv --skip-bad -f csv --name x -k 1 --rules vote > c 2> c.err
| $KCBENCH eval -t t.ft -T t.ft --skip-bad -f csv --name x -k 1 --rules vote > f 2> f.err
| cmp c f && cut -d, -f7 c | tail -1
| grep -m1 'skipped' c.err f.err
stdout:
| 2
| c.err:kcbench eval: warning: t.csv: skipped 1 malformed row (first at line 2: unexpected character after a closing quote)
| f.err:kcbench eval: warning: t.ft: skipped 1 malformed row (first at line 2: missing __label__ prefix)

=== --skip-bad when every row is malformed: exit 3
run: $KCBENCH eval -t t.tsv -T t.tsv --skip-bad
file t.tsv:
| no tab
| none here either
exit: 3
stderr: kcbench eval: t.tsv: no documents (2 malformed rows skipped; the first, line 1: missing tab between label and text)

# ---- header rows and the order of columns: never scored silently ----------------------------

=== a header row label<TAB>text: skipped with a warning naming --header no; the results are the file's without it
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv --name x > want
| (printf 'label\ttext\n'; cat d/train.tsv) > h.tsv
| $KCBENCH eval -t h.tsv -T d/test.tsv -f csv --name x | cmp - want && echo same
stdout: same
stderr: kcbench eval: warning: h.tsv:1: skipped a header row (its label 'label' names a column); --header no reads it as data

=== --header no reads a header row as data: the test set's is then a text of class 'label'
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| (printf 'label\ttext\n'; cat d/test.tsv) > h.tsv
| $KCBENCH eval -t d/train.tsv -T h.tsv -f csv -k 1 --rules vote --header no | cut -d, -f7 | tail -1
| $KCBENCH eval -t d/train.tsv -T h.tsv -f csv -k 1 --rules vote 2> /dev/null | cut -d, -f7 | tail -1
stdout:
| 17
| 16

=== text<TAB>label (the columns swapped): exit 3, naming --columns and --allow-unique-labels
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| awk -F'\t' '{ print $2 "\t" $1 }' d/train.tsv > sw.tsv
| $KCBENCH eval -t sw.tsv -T d/test.tsv
exit: 3
stderr re: kcbench eval: sw\.tsv:1: 64 of 64 rows have a label that no other row has \(this one: '[^']+'\); if the columns are the other way round, --columns label=2,text=1 reads them; --allow-unique-labels accepts such labels

=== a swapped test set is refused too: its labels are in no other row and not in training
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| (cat d/test.tsv; sed -n '1,4p' d/train.tsv) | awk -F'\t' '{ print $2 "\t" $1 }' > sw.tsv
| $KCBENCH eval -t d/train.tsv -T sw.tsv
exit: 3
stderr re: kcbench eval: sw\.tsv:1: 20 of 20 rows have a label that no other row has .*--allow-unique-labels accepts such labels

=== --allow-unique-labels scores a set of unique labels as it is (here: nothing right)
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| awk -F'\t' '{ print $2 "\t" $1 }' d/train.tsv > sw.tsv
| $KCBENCH eval -t sw.tsv -T d/test.tsv -f csv -k 1 --rules vote --allow-unique-labels | cut -d, -f7,8 | tail -1
stdout: 16,0.000000

=== an empty training file: exit 3, one line
run: touch empty.tsv; printf 'a\tb\n' > t.tsv; $KCBENCH eval -t empty.tsv -T t.tsv
exit: 3
stderr: kcbench eval: empty.tsv: no documents

=== a binary file (NUL byte): exit 3, one line naming its line
run: printf 'a\tone\nb\ttw\0o\n' > bin.tsv; printf 'a\tb\n' > t.tsv; $KCBENCH eval -t t.tsv -T bin.tsv
exit: 3
stderr: kcbench eval: bin.tsv:2: binary data (NUL byte)

=== a missing file: exit 3, one line
run: printf 'a\tb\n' > t.tsv; $KCBENCH eval -t t.tsv -T missing.tsv
exit: 3
stderr: kcbench eval: cannot read missing.tsv: No such file or directory

=== a directory without documents: exit 3
run: mkdir -p empty/a; printf 'a\tb\n' > t.tsv; $KCBENCH eval -t empty -T t.tsv
exit: 3
stderr: kcbench eval: empty: no documents

# ---- usage errors ----------------------------------------------------------------------

=== an unknown compressor is a usage error (exit 2) naming what the build has
run: printf 'a\tb\n' > t.tsv; $KCBENCH eval -t t.tsv -T t.tsv -c gzop
exit: 2
stderr re: kcbench eval: -c gzop: unknown compressor 'gzop' \(this build has: gzip, .*\)

=== a level out of range is a usage error
run: printf 'a\tb\n' > t.tsv; $KCBENCH eval -t t.tsv -T t.tsv -c gzip:10
exit: 2
stderr: kcbench eval: -c gzip:10: level 10 out of range for gzip (1..9)

=== -t and -T are both needed
run: printf 'a\tb\n' > t.tsv; $KCBENCH eval -t t.tsv
exit: 2
stderr: kcbench eval: needs -t TRAIN and -T TEST

# ---- --paper ---------------------------------------------------------------------------

=== --paper: the note on stderr, and k=2 with 'optimistic' added to -k 1,3
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval --paper -t d/train.tsv -T d/test.tsv -k 1,3 -f csv | cut -d, -f2,5,6 | tail -n +2 | paste -sd' '
stdout: gzip:9,1,vote gzip:9,1,random gzip:9,1,optimistic gzip:9,2,vote gzip:9,2,random gzip:9,2,optimistic gzip:9,3,vote gzip:9,3,random gzip:9,3,optimistic
stderr: kcbench eval: warning: paper mode: gzip:9, sep ' ', test text first; rule 'optimistic' is Jiang et al.'s scoring (a k=2 tie counts as right if either label is)

=== --paper is gzip:9 with sep ' ': the oracle's results with that separator
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval --paper -t d/train.tsv -T d/test.tsv -f csv 2> /dev/null > got
| python3 "$TESTS/cli/knn_oracle.py" eval --sep ' ' gzip 9 1,2,3,5 d/train.tsv d/test.tsv | diff - got && echo same
stdout: same

=== --paper with -c names that compressor in its note
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 10 -n 30 --order 1 --seed 3
| $KCBENCH eval --paper -c bzip2:9 -t d/train.tsv -T d/test.tsv -k 2 -f csv | cut -d, -f2 | tail -1
stdout: bzip2:9
stderr: kcbench eval: warning: paper mode: bzip2:9, sep ' ', test text first; rule 'optimistic' is Jiang et al.'s scoring (a k=2 tie counts as right if either label is)

# ---- a real dataset ----------------------------------------------------------------------

=== R8 (if $KCB_DATA/r8 exists): --test-sample 40 with gzip:9 runs and reports n_test 40
run:
| if [ ! -f "$KCB_DATA/r8/train.tsv" ]; then echo "skipped: no \$KCB_DATA/r8"; exit 0; fi
| $KCBENCH eval -q -t "$KCB_DATA/r8/train.tsv" -T "$KCB_DATA/r8/test.tsv" -c gzip:9 -k 1 --rules vote --test-sample 40 -f csv 2> err | tail -1
| grep -v 'occur verbatim in training' err >&2; true
timeout: 30
stdout re: (r8,gzip:9,gzip,9,1,vote,40,[01]\.\d{6},[01]\.\d{6},ncd,exact|skipped: no \$KCB_DATA/r8)

=== -o and --predictions are opened before any work: an unwritable path fails first, not after the run
run:
| $KCBENCH eval -t missing.tsv -T missing.tsv -o nodir/out.txt; echo "exit $?"
| $KCBENCH eval -t missing.tsv -T missing.tsv --predictions nodir/p.jsonl; echo "exit $?"
stdout:
| exit 3
| exit 3
stderr:
| kcbench eval: nodir/out.txt: No such file or directory
| kcbench eval: nodir/p.jsonl: No such file or directory
