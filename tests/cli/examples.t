# kcbench examples: each summer-school example prints its claim, its tables and a verdict with
# its rule; json is one object per example with its rows nested. Sizes and verdicts below are
# those of the built-in data (seed 1), which are the same on every machine; the verdict rules
# themselves are tested in tests/unit/test_school.c. No case asserts a time.

=== coin-flips: the claim, C(X1) = 26 bytes with gzip:9 (Python's gzip), the grid, rule and verdict
run: $KCBENCH examples coin-flips --builtin -c gzip:9
stdout contains: == coin-flips ==
stdout contains: claim: Flip a coin 45 times: X1 = 001001...001 and X2 = 0100101010...1111 are equally likely
stdout contains: X2 exactly as the slide prints it, 46 symbols (the slide calls both 45 flips)
stdout contains: # X1 and X2: C(x) beside a fair coin's bits and the programs that print them
stdout contains: gzip:9      X1          45    26    20   208               48         45  print("001" * 15)                                                 136
stdout contains: gzip:9      X2          46    38    20   304              144         46  print("0100101010110100010110100101110001010110001111")           440
stdout contains: gzip:9      packed     45      6     26         26                  48                      48     no
stdout contains: rule: At the slide's length it holds if every compressor gives C(X1) < C(X2)
stdout contains: verdict: holds only if the strings are at least 135 symbols long
stdout contains: evidence: At the slide's length 1 of 1 compressors code X1 in fewer bytes than X2 and 0 code it in fewer than 45 bits above their container (gzip:9 48 bits

=== the default compressors, and the verdict line follows the rule line
timeout: 60
run:
| $KCBENCH examples coin-flips --builtin > out
| grep -c '^gzip:9 \|^xz:6 \|^zstd:19 \|^bzip2:9 ' out
| grep -A1 '^rule: ' out | sed -n 2p
stdout:
| 64
| verdict: holds only if the strings are at least 405 symbols long

=== best-compressor compares cm:5 too by default (the others do not); -c replaces the list
timeout: 300
run:
| $KCBENCH examples --help | grep -c 'best-compressor: gzip:9,xz:6,zstd:19,bzip2:9,cm:5'
| $KCBENCH examples best-compressor incompressible --builtin -q -f json > out.json
| $KCBENCH examples best-compressor --builtin -q -c gzip:9,zstd:19 -f json > two.json
| python3 - <<'EOF'
| import json
| best, inc = json.load(open("out.json"))
| print(list(dict.fromkeys(r["compressor"] for r in best["rows"])))
| print(sorted({r["compressor"] for r in inc["rows"]}))
| pairs = best["tables"][1]["rows"]
| print(len(pairs), sum("cm:5" in (p["better"], p["worse"]) for p in pairs))
| [two] = json.load(open("two.json"))
| print(list(dict.fromkeys(r["compressor"] for r in two["rows"])))
| EOF
stdout:
| 1
| ['gzip:9', 'xz:6', 'zstd:19', 'bzip2:9', 'cm:5']
| ['bzip2:9', 'gzip:9', 'xz:6', 'zstd:19']
| 10 4
| ['gzip:9', 'zstd:19']

=== json: one object per example, in the order asked, with its rows nested
run:
| $KCBENCH examples --builtin -c gzip:9 -f json incompressible coin-flips > out.json
| python3 - <<'EOF'
| import json
| ex = json.load(open("out.json"))
| assert [e["name"] for e in ex] == ["incompressible", "coin-flips"], ex
| for e in ex:
|     assert list(e) == ["name", "claim", "data", "rule", "verdict", "condition", "evidence",
|                        "rows", "tables"], list(e)
|     assert e["verdict"] in ("holds", "fails", "holds only if")
|     assert (e["condition"] is None) == (e["verdict"] != "holds only if")
|     assert e["rows"] and all(isinstance(r, dict) for r in e["rows"])
|     for t in e["tables"]:
|         assert list(t) == ["title", "rows"] and t["rows"]
|     print(e["name"], e["verdict"], len(e["rows"]), [len(t["rows"]) for t in e["tables"]])
| print(sorted(ex[1]["rows"][0]))
| print(sorted(ex[1]["tables"][0]["rows"][0]))
| print(sorted(ex[0]["rows"][0]))
| EOF
stdout:
| incompressible holds 6 []
| coin-flips holds only if 2 [14]
| ['bits', 'bits_above_container', 'c_empty', 'compressor', 'cx', 'fair_coin_bits', 'input', 'program', 'program_bits', 'symbols']
| ['apart', 'bits_random', 'bits_x1', 'bytes', 'c_empty', 'c_random', 'c_x1', 'coding', 'compressor', 'symbols']
| ['bound_held', 'bytes', 'c_empty', 'coding', 'compressor', 'mean_excess_bits', 'most_shortened_bits', 'n_bits', 'p_1', 'p_2', 'p_4', 'p_8', 'shortened_1', 'shortened_2', 'shortened_4', 'shortened_8', 'strings']

=== each example alone: its name, its tables, a rule and a verdict (gzip:9 and zstd:19, built-in data)
timeout: 300
run:
| for name in coin-flips incompressible concatenation compression-is-learning compressible-is-learnable no-free-lunch best-compressor; do
|   $KCBENCH examples --builtin -q -c gzip:9,zstd:19 -f json $name > $name.json || exit 1
| done
| python3 - <<'EOF'
| import json
| keys = {
|     "concatenation": ["pair", "compressor", "x", "y", "bytes_x", "bytes_y", "cx", "cy", "cxy",
|                       "c_empty", "gain", "gain_rel", "c_needed", "subadditive", "bpb_x",
|                       "bpb_y", "bpb_xy", "more_compressible", "related", "window",
|                       "fits_window"],
|     "compression-is-learning": ["dataset", "compressor", "n_train", "n_test", "labels",
|                                 "correct", "accuracy", "accuracy_lo", "accuracy_hi",
|                                 "majority", "diff_vs_ref", "diff_lo", "diff_hi",
|                                 "only_ref_right", "only_this_right", "mcnemar_p"],
|     "compressible-is-learnable": ["dataset", "group", "labels", "n_train", "n_test", "bytes",
|                                   "c_all", "c_classes", "c_empty", "label_gain", "error",
|                                   "majority_error", "relative_error"],
|     "no-free-lunch": ["compressor", "bytes", "cx", "c_empty", "extra",
|                       "extra_above_container"],
|     "best-compressor": ["corpus", "compressor", "bytes", "cx", "ratio", "bits_per_byte",
|                         "best"],
| }
| for name in ["coin-flips", "incompressible", "concatenation", "compression-is-learning",
|              "compressible-is-learnable", "no-free-lunch", "best-compressor"]:
|     [e] = json.load(open(name + ".json"))
|     assert e["name"] == name
|     if name in keys:
|         assert list(e["rows"][0]) == keys[name], (name, list(e["rows"][0]))
|     print(name, len(e["rows"]), [t["title"].split(":")[0] for t in e["tables"]])
| EOF
stdout:
| coin-flips 4 ['the grid']
| incompressible 12 []
| concatenation 9 []
| compression-is-learning 2 []
| compressible-is-learnable 10 ["Spearman's rho of label gain and relative error"]
| no-free-lunch 6 ['random labels', 'structured data']
| best-compressor 4 ['published figures, not measured here (context only)', 'ratio against 1-NN accuracy on the same test texts, the better ratio first']

=== compression-is-learning: gzip beats the majority baseline on built-in data; zstd paired with it
timeout: 60
run: $KCBENCH examples compression-is-learning --builtin -q -c gzip:9,zstd:19
stdout contains: built-in  gzip:9        256    64     0.578    0.456     0.691     0.125     0.000      -       -            -
stdout contains: built-in  zstd:19       256    64     0.844    0.736     0.913     0.125     0.266  0.156   0.391  7.62939e-05
stdout contains: verdict: holds

=== csv and tsv: one record per example, its texts, no nested tables
run:
| $KCBENCH examples --builtin -c gzip:9 -f csv coin-flips incompressible > out.csv
| $KCBENCH examples --builtin -c gzip:9 -f tsv coin-flips incompressible > out.tsv
| python3 - <<'EOF'
| import csv
| for f, d in (("out.csv", ","), ("out.tsv", "\t")):
|     rows = list(csv.DictReader(open(f), delimiter=d))
|     print(list(rows[0]), [(r["name"], r["verdict"], r["condition"]) for r in rows])
| EOF
stdout:
| ['name', 'claim', 'data', 'rule', 'verdict', 'condition', 'evidence'] [('coin-flips', 'holds only if', 'the strings are at least 135 symbols long'), ('incompressible', 'holds', '')]
| ['name', 'claim', 'data', 'rule', 'verdict', 'condition', 'evidence'] [('coin-flips', 'holds only if', 'the strings are at least 135 symbols long'), ('incompressible', 'holds', '')]

=== md: a section per example, its claim, tables, rule and verdict in bold
run: $KCBENCH examples --builtin -c gzip:9 -f md coin-flips | grep -E '^(## |\*\*|\| gzip:9 \| X1)'
stdout:
| ## coin-flips
| **Claim.** Flip a coin 45 times: X1 = 001001...001 and X2 = 0100101010...1111 are equally likely, but X1 is simpler: K(X1) ~ len('print("001" * 15)') while K(X2) ~ len('print("0100...1111")').
| **Data.** X1 = "001" x 15 (45 symbols) and X2 exactly as the slide prints it, 46 symbols (the slide calls both 45 flips); the programs print("001" * 15) (17 bytes) and print("0100101010110100010110100101110001010110001111") (55 bytes) bound K from above, in Python's terms; grid: n = 45 to 32805 symbols (x3), X1 = "001" x n/3 against n seeded random bits, as '0'/'1' bytes and packed eight to a byte
| **X1 and X2: C(x) beside a fair coin's bits and the programs that print them**
| | gzip:9 | X1 | 45 | 26 | 20 | 208 | 48 | 45 | print("001" * 15) | 136 |
| **the grid: X1 = "001" x n/3 against n random bits (apart: X1 below n bits and below the random string)**
| **Rule.** At the slide's length it holds if every compressor gives C(X1) < C(X2) and codes X1 in fewer bits above its container than a fair coin's 45 bits: 8 (C(X1) - C(ε)) < 45. Otherwise the grid decides: at n symbols a compressor tells X1 = "001" repeated from n seeded random bits when 8 (C(X1) - C(ε)) < n and C(X1) < C(random), both written as '0'/'1' bytes and packed eight to a byte; it holds only from the smallest grid length from which every compressor tells them apart in both codings at that length and every longer one, and fails if some compressor never does.
| **Verdict: holds only if the strings are at least 135 symbols long.** At the slide's length 1 of 1 compressors code X1 in fewer bytes than X2 and 0 code it in fewer than 45 bits above their container (gzip:9 48 bits; the programs take 136 and 440 bits). On the grid, the length from which each tells them apart: gzip:9 chars 135, gzip:9 packed 135.

=== an unknown example is a usage error that lists the examples
run: $KCBENCH examples coin-flip
exit: 2
stderr: kcbench examples: unknown example 'coin-flip' (coin-flips, incompressible, concatenation, compression-is-learning, compressible-is-learnable, no-free-lunch, best-compressor)

=== an example named twice runs once
run: $KCBENCH examples --builtin -c gzip:9 -f csv incompressible incompressible | wc -l
stdout: 2

=== --data that is not a directory is an input error; $KCB_DATA that is not one, a warning
run:
| $KCBENCH examples --data nowhere coin-flips; echo "exit $?"
| KCB_DATA=nowhere $KCBENCH examples -c gzip:9 -f csv coin-flips | wc -l
stdout:
| exit 3
| 2
stderr:
| kcbench examples: --data nowhere: not a directory
| kcbench examples: warning: KCB_DATA=nowhere: not a directory; built-in data only

=== without $KCB_DATA the data is built in, as with --builtin; the same for any number of threads
timeout: 120
run:
| env -u KCB_DATA $KCBENCH examples -c gzip:9,zstd:19 -f json incompressible concatenation > a
| $KCBENCH examples --builtin -c gzip:9,zstd:19 -f json -j 1 incompressible concatenation > b
| $KCBENCH examples --builtin -c gzip:9,zstd:19 -f json -j 3 incompressible concatenation > c
| cmp a b && cmp b c && echo same
stdout: same

=== --seed changes the generated data, and so the numbers
run:
| $KCBENCH examples --builtin -c gzip:9 -f json --seed 1 incompressible > a
| $KCBENCH examples --builtin -c gzip:9 -f json --seed 2 incompressible > b
| cmp -s a b || echo differ
stdout: differ

=== -o writes the file (atomically), nothing to standard output
run:
| $KCBENCH examples --builtin -c gzip:9 -o out.md -f md coin-flips
| head -1 out.md
stdout: ## coin-flips

=== kcbench examples on built-in data runs every example to its verdict
timeout: 900
run: $KCBENCH examples --builtin -q | grep -E '^(== |verdict: )' | sed 's/ only if .*/ only if .../'
stdout:
| == coin-flips ==
| verdict: holds only if ...
| == incompressible ==
| verdict: holds
| == concatenation ==
| verdict: holds only if ...
| == compression-is-learning ==
| verdict: holds
| == compressible-is-learnable ==
| verdict: holds
| == no-free-lunch ==
| verdict: holds only if ...
| == best-compressor ==
| verdict: fails

=== real data: R8 joins the learning sets, a sample of 300 training and 200 test texts
needs: $KCB_DATA/r8/train.tsv $KCB_DATA/r8/test.tsv
timeout: 300
run:
| $KCBENCH examples -q --data "$KCB_DATA" -c gzip:9 -f json compression-is-learning > out.json
| python3 -c '
| import json
| [e] = json.load(open("out.json"))
| print([(r["dataset"], r["n_train"], r["n_test"], r["labels"]) for r in e["rows"]])
| print("r8: 300 training and 200 test texts" in e["data"].replace("300 training and 200 test texts, 8 labels", "300 training and 200 test texts"))'
stdout:
| [('built-in', 256, 64, 8), ('r8', 300, 200, 8)]
| True
