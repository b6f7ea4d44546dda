# Every command that takes -f prints, with -f json, one array of objects whose keys are the
# column names; csv and tsv have those names as their header, in the same order.

=== every command's json is an array of objects, its csv and tsv headers the same keys
run:
| $KCBENCH gen labelled -o d --sources 3 --docs 8 -n 60 --order 1 --seed 2
| $KCBENCH gen markov -n 6000 -o m
| printf 'a b c\n' > x; printf 'a b d\n' > y; printf 'zzz\n' > z
| $KCBENCH ncd -f phylip x y z > m.phy
| while IFS='|' read -r name cmd; do
|   for f in json csv tsv; do $KCBENCH $cmd -f $f > out.$f || exit 1; done
|   python3 - "$name" <<'EOF'
| import csv, json, sys
| rows = json.load(open("out.json"))
| assert isinstance(rows, list) and rows and all(isinstance(r, dict) for r in rows), rows
| keys = list(rows[0])
| assert all(list(r) == keys for r in rows), "keys differ between rows"
| for f, d in (("csv", ","), ("tsv", "\t")):
|     head = next(csv.reader(open("out." + f), delimiter=d))
|     assert head == keys, (f, head, keys)
| print(sys.argv[1], len(rows), "objects")
| EOF
| done <<'LIST'
| codecs|codecs
| ncd pair|ncd x y
| ncd matrix|ncd x y z
| eval|eval -t d/train.tsv -T d/test.tsv -k 1,3
| bench|bench -c gzip:9,zstd:3 --min-time 0 --min-runs 1 x y
| probe concat|probe concat -c gzip:9 x y
| probe window|probe window -c gzip:9 --from 1000 m
| probe scaling|probe scaling -c gzip:9 --points 4 m
| tree|tree m.phy
| LIST
stdout re:
| codecs \d+ objects
| ncd pair 1 objects
| ncd matrix 9 objects
| eval 6 objects
| bench 9 objects
| probe concat 4 objects
| probe window 4 objects
| probe scaling 4 objects
| tree 4 objects

=== eval -d cdm works, as --distance cdm does, and says so in every row
run:
| $KCBENCH gen labelled -o d --sources 3 --docs 8 -n 60 --order 1 --seed 2
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 1 --rules vote -d cdm -f csv > short
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 1 --rules vote --distance=cdm -f csv | cmp - short
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 1 --rules vote -d cdm | sed -n 1p | awk '{print $NF}'
| cut -d, -f10 short | tail -1
stdout:
| distance
| cdm

=== a long-only option missing its value is named by its long name
run: $KCBENCH ncd -s a b --sep
exit: 2
stderr: kcbench ncd: option --sep: missing its value (see 'kcbench ncd --help')
