# kcbench ncd as CompLearn's: the size of one input, directories and lists (-L) as inputs,
# rectangular matrices (--rows/--cols, or two lists), and strings labelled by themselves.
# Values come from tests/oracle.py (bits, matrix) and never from kcbench itself.

# ---- one input: its size ------------------------------------------------------------

=== one file: plain prints its size in bits, 8 C(x), as CompLearn's ncd -s does
run:
| printf 'the cat sat on the mat' > x
| $KCBENCH ncd x > got
| python3 "$TESTS/oracle.py" bits gzip 9 x | cut -d' ' -f4 | diff - got && echo same
stdout: same

=== one input with -c of several: "name<TAB>bits" per compressor, the oracle's
run:
| printf 'the cat sat on the mat, the cat sat on the mat' > x
| $KCBENCH ncd -c gzip:9,xz:6,bzip2:9,zlib:1,deflate:6,xz:0 x > got
| for s in gzip:9 xz:6 bzip2:9 zlib:1 deflate:6 xz:0; do
|   printf '%s\t%s\n' $s "$(python3 "$TESTS/oracle.py" bits ${s%:*} ${s#*:} x | cut -d' ' -f4)"
| done | diff - got && echo same
stdout: same

=== one input, json: bytes, C(x), C(e), bits and bits above the container, the oracle's
run:
| printf 'Grüße, Welt! Grüße, Welt! Grüße!' > x
| $KCBENCH ncd -f json -c gzip:9,xz:6,bzip2:9,zlib:6,deflate:1 x | python3 -c '
| import json, os, sys
| sys.path.insert(0, os.environ["TESTS"])
| import oracle
| data = open("x", "rb").read()
| for r in json.load(sys.stdin):
|     b = oracle.bits(r["codec"], r["level"], data)
|     want = dict(compressor="%s:%d" % (r["codec"], r["level"]), codec=r["codec"],
|                 level=r["level"], input="x", bytes=b[0], cx=b[1], c_empty=b[2], bits=b[3],
|                 bits_above_container=b[4])
|     print(r["compressor"], "ok" if r == want else "%r != %r" % (r, want))'
stdout:
| gzip:9 ok
| xz:6 ok
| bzip2:9 ok
| zlib:6 ok
| deflate:1 ok

=== one input: table, md, csv, tsv, json and plain hold the same numbers
run:
| set -e
| printf 'abcabcabcabd' > x
| for f in plain table md csv tsv json; do
|   $KCBENCH ncd -f $f -c gzip:9,bzip2:9 x | python3 "$TESTS/cli/formats.py" size $f > $f.txt
| done
| for f in table md csv tsv; do cmp json.txt $f.txt; done
| cut -d' ' -f1,6 json.txt | diff - <(cut -d' ' -f1,6 plain.txt)
| cat json.txt
stdout re:
| gzip:9 x 12 \d+ 20 \d+ \d+
| bzip2:9 x 12 \d+ 14 \d+ \d+

=== one input, table: the columns people see
run: printf 'hello' > x; $KCBENCH ncd -f table x
stdout re:
| compressor\s+input\s+bytes\s+C\(x\)\s+C\(ε\)\s+bits\s+bits above C\(ε\)
| gzip:9\s+x\s+5\s+\d+\s+20\s+\d+\s+\d+

=== an empty input: C(x) is C(e), so no bits above the container
run: : > e; $KCBENCH ncd -f csv -c gzip:9,xz:6 e | cut -d, -f1,5-
stdout:
| compressor,bytes,cx,c_empty,bits,bits_above_container
| gzip:9,0,20,20,160,0
| xz:6,0,32,32,256,0

=== one string: its size, labelled by itself when short, s1 when long
run:
| $KCBENCH ncd -f csv -s 'hello world' | cut -d, -f4
| $KCBENCH ncd -f csv -s 'a string over sixteen bytes' | cut -d, -f4
| python3 "$TESTS/oracle.py" bits -s gzip 9 'hello world' | cut -d' ' -f4 > want
| $KCBENCH ncd -s 'hello world' | diff want - && echo same
stdout:
| input
| hello world
| input
| s1
| same

=== one input from standard input, labelled '-'
stdin: some text on standard input
run:
| $KCBENCH ncd -f csv - | cut -d, -f4,5
stdout:
| input,bytes
| -,28

=== a directory of one file is one input, named by its file name
run:
| mkdir d; printf 'only me' > d/one.txt
| $KCBENCH ncd -f csv d | cut -d, -f4,5
stdout:
| input,bytes
| one.txt,7

=== -f phylip with one input: exit 2, one line, nothing on stdout
run: printf 'x' > a; $KCBENCH ncd -f phylip a
exit: 2
stderr: one line
stderr contains: phylip

# ---- directories --------------------------------------------------------------------

=== a directory is its regular files in name order, hidden files and folders skipped
run:
| mkdir d d/sub; printf 'beta beta' > d/b; printf 'alpha alpha' > d/a; printf 'gamma' > d/c
| printf 'hidden' > d/.h; printf 'in a folder' > d/sub/x
| $KCBENCH ncd -f csv d | sed 1d | cut -d, -f5 | uniq | paste -sd' '
| $KCBENCH ncd d > got
| python3 "$TESTS/oracle.py" matrix gzip 9 '' --rows d/a d/b d/c --cols d/a d/b d/c | diff - got && echo oracle
stdout:
| a b c
| oracle

=== directories and files mix, in command-line order; a file keeps the path given
run:
| mkdir d; printf 'one' > d/x; printf 'two' > d/y; printf 'alpha' > a; printf 'omega' > z
| $KCBENCH ncd -f csv a d ./z | sed 1d | cut -d, -f5 | uniq | paste -sd' '
| $KCBENCH ncd -d cdm --sep ' ' a d ./z > got
| python3 "$TESTS/oracle.py" matrix -d cdm gzip 9 ' ' --rows a d/x d/y z --cols a d/x d/y z | diff - got && echo oracle
stdout:
| a x y ./z
| oracle

=== a directory's file names are quoted in csv and escaped in json
run:
| mkdir d; printf 'one' > 'd/a, "b"'; printf 'two' > d/c
| $KCBENCH ncd -f csv d | python3 -c 'import csv,sys; r = list(csv.DictReader(sys.stdin)); print(r[0]["x"], "|", r[0]["y"])'
| $KCBENCH ncd -f json d | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["x"])'
stdout:
| a, "b" | c
| a, "b"

=== a directory of hidden files only: exit 3, one line naming it
run: mkdir d; printf 'x' > d/.h; printf 'y' > a; $KCBENCH ncd a d
exit: 3
stderr: one line
stderr contains: d: no files

# ---- lists: -L FILE -----------------------------------------------------------------

=== -L reads one path per line: '#' comments, blank lines and CRs skipped, paths as given
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; mkdir sub; printf 'delta' > sub/c
| printf '# inputs\na\n\n   \nb\r\nsub/c\n' > list
| $KCBENCH ncd -f csv -L list | sed 1d | cut -d, -f5 | uniq | paste -sd' '
| $KCBENCH ncd --list list > got
| python3 "$TESTS/oracle.py" matrix gzip 9 '' --rows a b sub/c --cols a b sub/c | diff - got && echo oracle
stdout:
| a b sub/c
| oracle

=== -L and inputs on the command line: one list of inputs, in command-line order
run:
| printf 'one one' > a; printf 'two two' > b; printf 'three' > c
| printf 'b\n' > list
| $KCBENCH ncd -f csv c -L list a | sed 1d | cut -d, -f5 | uniq | paste -sd' '
stdout: c b a

=== -L with two paths gives their pair, and with one path its size
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b
| printf 'a\nb\n' > two; printf 'a\n' > one
| $KCBENCH ncd -L two > got; python3 "$TESTS/oracle.py" ncd gzip 9 '' a b | diff - got
| $KCBENCH ncd -L one > got; python3 "$TESTS/oracle.py" bits gzip 9 a | cut -d' ' -f4 | diff - got && echo same
stdout: same

=== a directory in a list is its files
run:
| mkdir d; printf 'one' > d/x; printf 'two' > d/y; printf 'zero' > a
| printf 'a\nd\n' > list
| $KCBENCH ncd -f csv -L list | sed 1d | cut -d, -f5 | uniq | paste -sd' '
stdout: a x y

=== -L - reads the list from standard input
stdin:
| a
| b
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b
| $KCBENCH ncd -L - > got; $KCBENCH ncd a b | diff - got && echo same
stdout: same

=== a '-' line in a list reads standard input, labelled '-'
stdin: the text on standard input
run:
| printf 'alpha beta' > a; printf 'a\n-\n' > list
| $KCBENCH ncd -f csv -L list | cut -d, -f5,6
stdout:
| x,y
| a,-

=== '-' in a list and on the command line: standard input twice, exit 2, one line
stdin: text
run: printf 'x' > a; printf 'a\n-\n' > list; $KCBENCH ncd -L list -
exit: 2
stderr: one line
stderr contains: '-'

=== -L - and a '-' line in that list: standard input twice, exit 2, one line
stdin: -
run: $KCBENCH ncd -L -
exit: 2
stderr: one line
stderr contains: '-'

=== a missing list: exit 3, one line naming it
run: $KCBENCH ncd -L no-such-list
exit: 3
stderr: one line
stderr contains: no-such-list

=== a list naming a missing file: exit 3, one line naming the list, the line and the file
run: printf 'x' > a; printf 'a\n# fine\nmissing\n' > list; $KCBENCH ncd -o out -L list; s=$?; ls; exit $s
exit: 3
stdout:
| a
| list
stderr: one line
stderr contains: list:3: missing

=== a list without paths: exit 3, one line naming it
run: printf '# nothing\n\n' > list; printf 'x' > a; $KCBENCH ncd a -L list
exit: 3
stderr: one line
stderr contains: list: no paths

=== a directory given as a list: exit 3, one line naming it
run: mkdir d; $KCBENCH ncd -L d
exit: 3
stderr: one line
stderr contains: d

# ---- rectangular matrices -----------------------------------------------------------

=== --rows A... --cols B...: the rows x cols matrix, every value the oracle's
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| printf 'gamma delta' > d; printf 'beta alpha' > e
| $KCBENCH ncd --rows a b --cols c d e > got
| cat got | wc -l
| python3 "$TESTS/oracle.py" matrix gzip 9 '' --rows a b --cols c d e | diff - got && echo oracle
stdout:
| 2
| oracle

=== a rectangle in table: a title, the column labels, one labelled row per row input
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| printf 'gamma delta' > d; printf 'beta alpha' > e
| $KCBENCH ncd -f table --rows a b --cols c d e
stdout re:
| # gzip:9 ncd
| \s+c\s+d\s+e
| a\s+\d\.\d{6}\s+\d\.\d{6}\s+\d\.\d{6}
| b\s+\d\.\d{6}\s+\d\.\d{6}\s+\d\.\d{6}

=== a rectangle in md: a bold title, then the markdown table
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| $KCBENCH ncd -f md --rows a --cols b c
stdout re:
| \*\*gzip:9 ncd\*\*
| 
| \|\s+\| b \| c \|
| \|---\|---:\|---:\|
| \| a \| \d\.\d{6} \| \d\.\d{6} \|

=== a rectangle in csv: n_rows x n_cols pair records per compressor, in row order
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| $KCBENCH ncd -f csv -c gzip:9,xz:6 --rows a b --cols c a > got.csv
| head -1 got.csv
| tail -n +2 got.csv | cut -d, -f1,5,6 | paste -sd' '
stdout:
| compressor,codec,level,distance,x,y,cx,cy,cxy,value
| gzip:9,a,c gzip:9,a,a gzip:9,b,c gzip:9,b,a xz:6,a,c xz:6,a,a xz:6,b,c xz:6,b,a

=== a rectangle in json: the oracle's sizes C(x), C(y) and C(x sep y) for every record
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| $KCBENCH ncd -f json -c gzip:9,xz:6,bzip2:9 --sep ' ' --rows a b c --cols c b | python3 -c '
| import json, os, sys
| sys.path.insert(0, os.environ["TESTS"])
| import oracle
| recs = json.load(sys.stdin)
| for r in recs:
|     x, y = open(r["x"], "rb").read(), open(r["y"], "rb").read()
|     cx, cy, cxy = oracle.ncd_sizes(r["codec"], r["level"], b" ", x, y)
|     assert [r["cx"], r["cy"], r["cxy"]] == [cx, cy, cxy], (r, cx, cy, cxy)
|     assert r["value"] == float(oracle.fmt(oracle.dist("ncd", cx, cy, cxy))), r
| print(len(recs), "records", " ".join(r["x"] + r["y"] for r in recs[:6]), "ok")'
stdout: 18 records ac ab bc bb cc cb ok

=== a rectangle: every format gives the same values, for each of two compressors
run:
| set -e
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c; : > e
| for f in plain table csv tsv json md; do
|   $KCBENCH ncd -f $f -c gzip:9,bzip2:9 --rows a b c --cols e a | python3 "$TESTS/cli/formats.py" matrix $f 3 2 > $f.txt
| done
| for f in plain table csv tsv md; do cmp json.txt $f.txt; done
| grep -c . json.txt
stdout: 6

=== --cols may come first, and options may sit among the inputs
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| $KCBENCH ncd --rows a b --cols c -f csv > want
| $KCBENCH ncd --cols c --rows a -f csv b | cmp - want
| $KCBENCH ncd --rows a -c gzip:9 b --cols --format=csv c | cmp - want && echo same
stdout: same

=== --rows and --cols may be given again: each adds to its side
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c; printf 'omega' > d
| $KCBENCH ncd -f csv --rows a --cols c --rows b --cols d | sed 1d | cut -d, -f5,6 | paste -sd' '
stdout: a,c a,d b,c b,d

=== two lists, -L ROWS -L COLS, give the same as --rows and --cols
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c; mkdir d; printf 'x' > d/x
| printf 'a\nb\n' > rows; printf 'c\nd\n' > cols
| $KCBENCH ncd -f json --rows a b --cols c d > want
| $KCBENCH ncd -f json -L rows -L cols | cmp - want
| $KCBENCH ncd -f json --rows -L rows --cols -L cols | cmp - want
| $KCBENCH ncd -f json --rows a -L /dev/null --cols c 2> /dev/null; echo "empty list: $?"
| $KCBENCH ncd -f table -L rows -L cols | sed -n 2p | awk '{print $1, $2}'
stdout:
| empty list: 3
| c x

=== the same inputs as rows and columns: the square matrix, in every format, phylip too
run:
| set -e
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| for f in plain table md csv json phylip; do
|   $KCBENCH ncd -f $f a b c > sq.$f
|   $KCBENCH ncd -f $f --rows a b c --cols a b c | cmp - sq.$f
| done
| echo same
stdout: same

=== an input that is a row and a column: its entries are the oracle's, diagonal not 0
run:
| python3 -c 'import sys; sys.stdout.write("kolmogorov " * 40)' > x
| printf 'something else' > y; printf 'kolmogorov' > z
| $KCBENCH ncd -c gzip:9,xz:6 --rows x y --cols z x y > got
| for s in gzip:9 xz:6; do
|   python3 "$TESTS/oracle.py" matrix ${s%:*} ${s#*:} '' --rows x y --cols z x y; echo
| done | sed '$d' | diff - got && echo oracle
stdout: oracle

=== the same bytes under two names: each keeps its label, both get the same values
run:
| printf 'same bytes here' > a; cp a b; printf 'other' > c
| $KCBENCH ncd -f csv --rows a b --cols c | sed 1d | cut -d, -f5,7- > got
| cut -d, -f1 got | paste -sd' '
| cut -d, -f2- got | uniq | wc -l
| python3 "$TESTS/oracle.py" ncd --sizes gzip 9 '' a c | tr ' ' , | diff - <(sed -n 1p got | cut -d, -f2-) && echo oracle
stdout:
| a b
| 1
| oracle

=== a 1 x 1 rectangle is a matrix: table has its title, plain the one value
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b
| $KCBENCH ncd --rows a --cols b > got; $KCBENCH ncd a b | diff - got
| $KCBENCH ncd -f table --rows a --cols b | head -1
stdout: # gzip:9 ncd

=== strings as rows and columns: labelled by themselves when short, sN otherwise
run:
| $KCBENCH ncd -f csv -s --rows abc 'a string over sixteen bytes' --cols xyz | sed 1d | cut -d, -f5,6
| $KCBENCH ncd -s --rows abc 'a string over sixteen bytes' --cols xyz > got
| python3 "$TESTS/oracle.py" matrix -s gzip 9 '' --rows abc 'a string over sixteen bytes' --cols xyz | diff - got && echo oracle
stdout:
| abc,xyz
| s2,xyz
| oracle

=== a rectangle with cdm and --sep: entry (i,j) from the oracle's C(r_i sep c_j)
run:
| printf 'the cat sat' > a; printf 'on the mat' > b; printf 'the dog sat' > c
| $KCBENCH ncd -d cdm --sep ' ' -c xz:6 --rows a --cols b c > got
| python3 "$TESTS/oracle.py" matrix -d cdm xz 6 ' ' --rows a --cols b c | diff - got && echo oracle
stdout: oracle

=== -f phylip of a rectangle: exit 2, one line, nothing written
run:
| printf 'a' > a; printf 'b' > b; printf 'c' > c
| $KCBENCH ncd -f phylip -o out --rows a b --cols c; s=$?; ls; exit $s
exit: 2
stdout:
| a
| b
| c
stderr: one line
stderr re: kcbench ncd: -f phylip needs a square matrix.*2 rows, 1 columns.*

=== -f phylip of rows and columns that differ, even as many: exit 2, one line
run: printf 'a' > a; printf 'b' > b; $KCBENCH ncd -f phylip --rows a b --cols b a
exit: 2
stderr: one line
stderr contains: phylip

=== --rows without --cols: exit 2, one line
run: printf 'a' > a; printf 'b' > b; $KCBENCH ncd --rows a b
exit: 2
stderr: one line
stderr contains: --cols

=== --cols with nothing after it: exit 2, one line
run: printf 'a' > a; $KCBENCH ncd --rows a --cols
exit: 2
stderr: one line
stderr contains: --cols

=== an input before --rows and --cols: exit 2, one line
run: printf 'a' > a; printf 'b' > b; printf 'c' > c; $KCBENCH ncd a --rows b --cols c
exit: 2
stderr: one line
stderr contains: before --rows

=== -L three times, or twice with other inputs, without --rows/--cols: exit 2, one line each
run:
| printf 'a' > a; printf 'a\n' > l
| $KCBENCH ncd -L l -L l -L l 2> e1; s1=$?
| $KCBENCH ncd -L l -L l a 2> e2; s2=$?
| echo $s1 $s2 $(cat e1 | wc -l) $(cat e2 | wc -l)
stdout: 2 2 1 1

=== a usage error is found before any input is read (a missing file does not matter)
run: $KCBENCH ncd --rows missing
exit: 2
stderr: one line

# ---- strings label themselves -------------------------------------------------------

=== up to 16 bytes of printable text label themselves; anything else is sN, N its place
run:
| $KCBENCH ncd -f json -s 'exactly 16 bytes' 'seventeen bytes!!' '' 'Grüße 世界' $'tab\there' $'\xff\xfe' s1 'x' |
|   python3 -c 'import json,sys; print("\n".join(r["x"] for r in json.load(sys.stdin)[::8]))'
stdout:
| exactly 16 bytes
| s2
| s3
| Grüße 世界
| s5
| s6
| s7
| x

=== string labels with a comma, quotes and a backslash: csv quotes them, json escapes them
run:
| $KCBENCH ncd -f csv -s 'a, "b"' 'c\d' | python3 -c 'import csv,sys; r = list(csv.DictReader(sys.stdin)); print(r[0]["x"], "|", r[0]["y"])'
| $KCBENCH ncd -f json -s 'a, "b"' 'c\d' | python3 -c 'import json,sys; r = json.load(sys.stdin)[0]; print(r["x"], "|", r["y"])'
| $KCBENCH ncd -f tsv -s 'a, "b"' 'c\d' | sed -n 2p | cut -f5,6
stdout:
| a, "b" | c\d
| a, "b" | c\d
| a, "b"	c\d

=== string labels as matrix labels in table, md and phylip
run:
| $KCBENCH ncd -f table -s 'one two' three 'a|b' | sed -n '2,5p' | cut -c1-9
| $KCBENCH ncd -f md -s 'one two' three 'a|b' | sed -n '3p;7p'
| $KCBENCH ncd -f phylip -s 'one two' three 'a|b' | sed -n 2p | cut -d' ' -f1
stdout re:
| \s+
| one two\s+
| three\s+
| a\|b\s+
| \|  \| one two \| three \| a\\\|b \|
| \| a\\\|b \| \d\.\d{6} \| \d\.\d{6} \| \d\.\d{6} \|
| one_two

=== labels of many strings, edge cases included, are the oracle's rule (oracle.string_label)
run:
| python3 - <<'PY'
| import json, os, random, subprocess, sys
| sys.path.insert(0, os.environ["TESTS"])
| import oracle
| rng = random.Random(16)
| s = [b"", b" ", b"s", b"s1", b"s01", b"s1x", b"S1", b"\x7f", b"a\x7fb", "a\u0085b".encode(),
|      "\u00a0nbsp".encode(), b"\xed\xa0\x80", b"\xc0\xaf", "🙂🙂🙂🙂".encode(), "🙂🙂🙂🙂!".encode(),
|      b"-dash", b"# hash", b"a\nb", b"a\rb", b"x" * 16, b"x" * 17, "ééééééé€".encode()]
| s += [bytes(rng.randrange(32, 127) for _ in range(rng.randint(1, 20))) for _ in range(20)]
| r = subprocess.run([os.environ["KCBENCH"], "ncd", "-f", "json", "-s", "--"] + s, check=True,
|                    stdout=subprocess.PIPE)
| recs = json.loads(r.stdout)
| got = [recs[i * len(s)]["x"] for i in range(len(s))]
| want = [oracle.string_label(x, i + 1) for i, x in enumerate(s)]
| print(len(s), "strings", "as the oracle" if got == want else "%r != %r" % (got, want))
| print(sum(w == x.decode("utf-8", "replace") for w, x in zip(want, s)), "label themselves")
| PY
stdout:
| 42 strings as the oracle
| 28 label themselves
