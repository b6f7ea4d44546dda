# kcbench codecs: the compressors of this build, in every format.
# The six required codecs always come first, in this order; optional ones may follow.

=== the table lists the required codecs with their level ranges and default levels
run: $KCBENCH codecs | sed -n 1,7p
stdout re:
| codec\s+library\s+version\s+levels\s+default\s+window\s+empty\s+memory\s+weights\s+output
| gzip\s+zlib\s+\S.*\s1\.\.9\s+9\s+\S.*
| zlib\s+zlib\s+\S.*\s1\.\.9\s+6\s+\S.*
| deflate\s+zlib\s+\S.*\s1\.\.9\s+6\s+\S.*
| xz\s+liblzma\s+\S.*\s0\.\.9\s+6\s+\S.*
| zstd\s+libzstd\s+\S.*\s1\.\.22\s+3\s+\S.*
| bzip2\s+libbz2\s+\S.*\s1\.\.9\s+9\s+\S.*

=== --format table is the default
run: $KCBENCH codecs > a && $KCBENCH codecs --format table > b && cmp a b && echo same
stdout: same

=== csv: a header and one row per codec, every row as wide as the header
run:
| $KCBENCH codecs --format csv > c.csv
| python3 - <<'EOF'
| import csv
| rows = list(csv.reader(open("c.csv", newline="")))
| head, body = rows[0], rows[1:]
| print(",".join(head))
| assert all(len(r) == len(head) for r in body), [r for r in body if len(r) != len(head)]
| for r in body[:6]:
|     d = dict(zip(head, r))
|     assert int(d["window"]) >= 0 and int(d["empty_size"]) > 0 and d["version"], d
|     print(d["name"], d["level_min"], d["level_max"], d["level_default"])
| EOF
stdout:
| name,library,version,level_min,level_max,level_default,window,empty_size,memory,weights,format
| gzip 1 9 9
| zlib 1 9 6
| deflate 1 9 6
| xz 0 9 6
| zstd 1 22 3
| bzip2 1 9 9

=== json: one array of objects, the required codecs first, with their levels
run:
| $KCBENCH codecs -f json | python3 -c '
| import json, sys
| codecs = json.load(sys.stdin)
| keys = {"name", "library", "version", "level_min", "level_max", "level_default", "window",
|         "empty_size", "memory", "weights", "format"}
| assert all(set(c) == keys for c in codecs), codecs
| assert len({c["name"] for c in codecs}) == len(codecs), "duplicate names"
| for c in codecs[:6]:
|     print(c["name"], c["level_min"], c["level_max"], c["level_default"])
| '
stdout:
| gzip 1 9 9
| zlib 1 9 6
| deflate 1 9 6
| xz 0 9 6
| zstd 1 22 3
| bzip2 1 9 9

=== csv, json, md and the table list the same codecs in the same order
run:
| $KCBENCH codecs -f json | python3 -c 'import json,sys; [print(c["name"]) for c in json.load(sys.stdin)]' > json.txt
| $KCBENCH codecs -f csv | python3 -c 'import csv,sys; [print(r[0]) for r in list(csv.reader(sys.stdin))[1:]]' > csv.txt
| $KCBENCH codecs -f md | sed 1,2d | awk -F' [|] ' '{sub(/^[|] /, "", $1); print $1}' > md.txt
| $KCBENCH codecs | sed 1d | awk '{print $1}' > table.txt
| cmp json.txt csv.txt && cmp json.txt md.txt && cmp json.txt table.txt
| test "$(wc -l < json.txt)" -ge 6 && echo agree
stdout: agree

=== md: a header, its |---| line, then one row per codec, all with the same columns
run:
| $KCBENCH codecs -f markdown > md
| $KCBENCH codecs -f md | cmp - md
| awk -F'|' 'NR == 2 && !/^[|](---[|]|---:[|])+$/ {print "bad rule: " $0}
|            {print NF}' md | sort -u
stdout: 12

=== plain and phylip make no sense for a list: they give the table
run: $KCBENCH codecs > t && $KCBENCH codecs -f plain | cmp - t && $KCBENCH codecs -f phylip | cmp - t && echo table
stdout: table

=== unknown format: exit 2, one line naming it
run: $KCBENCH codecs -f yaml
exit: 2
stderr: one line
stderr contains: 'yaml'

=== empty_size of gzip, zlib, deflate, xz and bzip2 is the oracle's size of b'' at the default level
run:
| $KCBENCH codecs -f json > codecs.json
| for c in gzip zlib deflate xz bzip2; do
|   got=$(python3 -c 'import json, sys
| c = {r["name"]: r for r in json.load(open("codecs.json"))}[sys.argv[1]]
| print(c["level_default"], c["empty_size"])' $c)
|   want="${got% *} $(python3 "$TESTS/oracle.py" size $c "${got% *}" /dev/null)"
|   test "$got" = "$want" && echo "$c: same as the oracle" || echo "$c: kcbench $got, oracle $want"
| done
stdout:
| gzip: same as the oracle
| zlib: same as the oracle
| deflate: same as the oracle
| xz: same as the oracle
| bzip2: same as the oracle

=== the default level in the list is the oracle's (Python's) default level
run:
| $KCBENCH codecs -f json | python3 -c '
| import json, os, sys
| sys.path.insert(0, os.environ["TESTS"])
| import oracle
| for c in json.load(sys.stdin):
|     if c["name"] in oracle.CODECS:
|         same = c["level_default"] == oracle.default_level(c["name"])
|         print(c["name"], "same" if same else "kcbench %d, Python %d" % (
|             c["level_default"], oracle.default_level(c["name"])))
| '
stdout:
| gzip same
| zlib same
| deflate same
| xz same
| bzip2 same

=== -c all in ncd uses exactly the codecs that codecs lists
run:
| $KCBENCH codecs -f json | python3 -c 'import json,sys; [print("%s:%d" % (c["name"], c["level_default"])) for c in json.load(sys.stdin)]' > listed
| $KCBENCH ncd -c all -s a b | cut -f1 > used
| cmp listed used && echo same
stdout: same
