# kcbench probe scaling-nd: bits per byte of a held-out block against model size N (levels)
# and training bytes D, the fit of L(N, D), every format, the figure, the errors. Built-in data
# (kcbench gen); no size is written here: the rows are checked against each other, against
# `kcbench codecs` (N) and across formats and thread counts. The fit's recovery of known laws
# is tested in tests/unit/test_fit_nd.c. Exit statuses: 0 ok, 2 usage, 3 input/output.

=== the grid: levels by D on a log grid, N from kcbench codecs, bpb = 8 coded / heldout, fitted + residual = bpb
run:
| $KCBENCH gen markov -n 60000 -o m
| $KCBENCH probe scaling-nd -c cm:1,3,6 --heldout 8192 --from 2048 --points 4 -f json m > out.json
| $KCBENCH codecs -f json > codecs.json
| python3 - <<'EOF'
| import json
| rows = json.load(open("out.json"))
| print(len(rows), sorted({r["compressor"] for r in rows}), sorted({r["train_bytes"] for r in rows}))
| print(rows[0]["fit_status"], {r["heldout_bytes"] for r in rows})
| # the levels' N grow; cm:5's N is the memory kcbench codecs states (its default level)
| cm = [c for c in json.load(open("codecs.json")) if c["name"] == "cm"][0]
| n = {r["level"]: r["model_bytes"] for r in rows}
| print(n[1] < n[3] < n[6], cm["level_default"] == 5)
| for r in rows:
|     assert abs(r["bits_per_byte"] - 8 * r["coded"] / 8192) < 1e-6, r
|     assert abs(r["fitted"] + r["residual"] - r["bits_per_byte"]) < 1e-5, r
|     for k in ("E", "E_se", "A", "alpha", "B", "beta", "beta_se", "r2", "ident"):
|         assert r[k] == rows[0][k], k
| print(sorted(k for k in rows[0] if k.endswith("_se")))
| EOF
| $KCBENCH probe scaling-nd -c cm:5 --heldout 8192 --from 2048 --points 4 -f json m | python3 -c '
| import json, sys
| n = {r["model_bytes"] for r in json.load(sys.stdin)}
| print(n == {c["memory"] for c in json.load(open("codecs.json")) if c["name"] == "cm"})'
stdout:
| 12 ['cm:1', 'cm:3', 'cm:6'] [2048, 6012, 17649, 51808]
| fitted {8192}
| True True
| ['A_se', 'B_se', 'E_se', 'alpha_se', 'beta_se']
| True

=== the same numbers in every format, and for any number of threads
run:
| $KCBENCH gen markov -n 40000 -o m
| set -- probe scaling-nd -c cm:1,2,4 --heldout 4096 --from 1024 --points 4 m
| $KCBENCH "$@" -f csv -j 1 > one.csv
| $KCBENCH "$@" -f csv -j 3 | diff one.csv - && echo threads
| $KCBENCH "$@" -f tsv | tr '\t' , | diff one.csv - && echo tsv
| $KCBENCH "$@" -f json | python3 -c '
| import csv, json, sys
| rows = json.load(sys.stdin)
| want = list(csv.DictReader(open("one.csv")))
| assert [r["coded"] for r in rows] == [int(w["coded"]) for w in want]
| print("json", len(rows))'
| $KCBENCH "$@" > t.txt && grep -c '^cm:' t.txt
| grep -c '^# fit: L(N, D) = E + A N^-alpha + B D^-beta on 12 points' t.txt
| awk '$1 == "E" || $1 == "beta" {print $1, $2}' t.txt
| $KCBENCH "$@" -f md | grep -c '^| cm:'
| awk -F, 'NR > 1 {print $6}' one.csv | paste -sd' ' > coded.txt
| awk 'NF == 7 && $1 ~ /^cm:/ {print $4}' t.txt | paste -sd' ' | diff coded.txt - && echo table
stdout:
| threads
| tsv
| json 12
| 12
| 1
| E floor
| beta D-term
| 12
| table

=== not identified on built-in data says so, in the fit's title and in every row
run:
| $KCBENCH gen markov -n 40000 -o m
| $KCBENCH probe scaling-nd -c cm:1,2,3 --heldout 4096 --from 1024 --points 4 -f json m | python3 -c '
| import json, sys
| rows = json.load(sys.stdin)
| r = rows[0]
| ok = r["identified"] == (r["ident"] == "identified")
| print(ok, r["ident"] == "identified" or r["ident"].startswith("not identified"))
| print(r["n_term_pinned"] in (True, False), r["r_terms"] < 0.99)'
stdout:
| True True
| True True

=== --svg: a curve per level and the fitted law's, as gnuplot draws them
run:
| $KCBENCH gen markov -n 40000 -o m
| $KCBENCH probe scaling-nd -c cm:1,4 --heldout 4096 --from 1024 --points 4 --svg fig.svg m > /dev/null
| grep -c '^\$L[0-9] << EOD' fig.gp
| grep -c 'with linespoints' fig.gp
| grep -q '<svg' fig.svg && echo svg
stdout:
| 2
| 1
| svg

=== the default compressors are every level of cm
run:
| $KCBENCH probe --help | grep -c 'scaling-nd: cm:all'
| $KCBENCH gen markov -n 20000 -o m
| $KCBENCH probe scaling-nd --heldout 2048 --from 1024 --points 3 -f csv m | cut -d, -f1 | sort -u | paste -sd' '
timeout: 120
stdout:
| 1
| cm:1 cm:2 cm:3 cm:4 cm:5 cm:6 cm:7 cm:8 cm:9 compressor

=== errors: two codecs, a codec that cannot prime, two corpora, a corpus too short
run:
| $KCBENCH gen markov -n 5000 -o m
| $KCBENCH probe scaling-nd -c cm:1,zstd:3 m; echo "exit $?"
| $KCBENCH probe scaling-nd -c bzip2:9 m; echo "exit $?"
| $KCBENCH probe scaling-nd -c cm:1 m m; echo "exit $?"
| $KCBENCH probe scaling-nd -c cm:1 --heldout 8192 m; echo "exit $?"
| $KCBENCH probe scaling-nd -c cm:1 --from 6000 --heldout 1000 m; echo "exit $?"
stdout:
| exit 2
| exit 2
| exit 2
| exit 3
| exit 3
stderr:
| kcbench probe: scaling-nd: -c takes levels of one codec that can prime and has a model size or a bounded window (cm, or zstd, xz)
| kcbench probe: scaling-nd: -c takes levels of one codec that can prime and has a model size or a bounded window (cm, or zstd, xz)
| kcbench probe: scaling-nd takes one CORPUS
| kcbench probe: m: 5000 bytes is too short for --heldout 8192 and --from 1024
| kcbench probe: m: 5000 bytes is too short for --heldout 1000 and --from 6000
