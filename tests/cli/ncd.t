# kcbench ncd: options, formats, inputs and errors.
# Values are never written here: they come from tests/oracle.py (Python's gzip, zlib, lzma,
# bz2), or from sizes that kcbench itself prints, recomputed by hand.
# Exit statuses: 0 ok, 2 usage (bad option, codec, level, format), 3 input/output.

# ---- one pair ----------------------------------------------------------------------

=== two strings give one number, the oracle's NCD with gzip:9 (the default)
run:
| $KCBENCH ncd -s 'hello world' 'hello there' > got
| python3 "$TESTS/oracle.py" ncd -s gzip 9 '' 'hello world' 'hello there' | diff - got
| cat got
stdout re: 0\.\d{6}

=== -s and --strings are the same option
run: $KCBENCH ncd -s abc abd > a && $KCBENCH ncd --strings abc abd | diff a - && cat a
stdout re: \d\.\d{6}

=== two files give the same number as the same bytes as strings
run:
| printf 'hello world' > x; printf 'hello there' > y
| $KCBENCH ncd x y > files
| $KCBENCH ncd -s 'hello world' 'hello there' | diff files -
| python3 "$TESTS/oracle.py" ncd gzip 9 '' x y | diff - files && echo same
stdout: same

=== --sep ' ' inserts one space between x and y, as the oracle does
run:
| $KCBENCH ncd --sep ' ' -s 'the cat sat' 'on the mat' > got
| python3 "$TESTS/oracle.py" ncd -s gzip 9 ' ' 'the cat sat' 'on the mat' | diff - got && echo same
stdout: same

=== --sep=STR and a multi-byte separator (newline, UTF-8) work
run:
| $KCBENCH ncd --sep=$'\n→\n' -s 'line one' 'line two' > got
| python3 "$TESTS/oracle.py" ncd -s gzip 9 $'\n→\n' 'line one' 'line two' | diff - got && echo same
stdout: same

=== the separator changes C(xy): the json cxy with --sep is the oracle's C(x sep y)
run:
| $KCBENCH ncd -f json -s abcdefgh abcdefgh > none.json
| $KCBENCH ncd -f json --sep '#####' -s abcdefgh abcdefgh > sep.json
| python3 "$TESTS/oracle.py" size -s gzip 9 abcdefghabcdefgh 'abcdefgh#####abcdefgh' > want
| python3 -c 'import json; [print(json.load(open(f))[0]["cxy"]) for f in ("none.json", "sep.json")]' | diff want - && echo same
stdout: same

=== -- ends the options, so a string may start with a dash
run:
| $KCBENCH ncd -s -- -x --y > got
| python3 "$TESTS/oracle.py" ncd -s gzip 9 '' -- -x --y | diff - got && echo same
stdout: same

=== the order of x and y matters: C(xy) and C(yx) come from different strings
run:
| x='aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab'; y='the quick brown fox'
| $KCBENCH ncd -f json -s "$x" "$y" > xy.json
| $KCBENCH ncd -f json -s "$y" "$x" > yx.json
| python3 "$TESTS/oracle.py" ncd --sizes -s gzip 9 '' "$x" "$y" | cut -d' ' -f3 > want
| python3 "$TESTS/oracle.py" ncd --sizes -s gzip 9 '' "$y" "$x" | cut -d' ' -f3 >> want
| python3 -c 'import json; [print(json.load(open(f))[0]["cxy"]) for f in ("xy.json", "yx.json")]' | diff want - && echo both
stdout: both

# ---- compressors -------------------------------------------------------------------

=== -c with several compressors: one line each, "name:level<TAB>value", in the order given
run: $KCBENCH ncd -c gzip:9,xz:6,bzip2:9,zlib:1,deflate -s 'hello world' 'hello there'
stdout re:
| gzip:9\t\d\.\d{6}
| xz:6\t\d\.\d{6}
| bzip2:9\t\d\.\d{6}
| zlib:1\t\d\.\d{6}
| deflate:6\t\d\.\d{6}

=== -c with several compressors: every value is the oracle's for that codec and level
run:
| x='Grüße, Welt'; y='Grüße, 世界 🙂'
| $KCBENCH ncd -c gzip:9,xz:6,bzip2:9,zlib:1,deflate:3,xz:0 -s "$x" "$y" > got
| for s in gzip:9 xz:6 bzip2:9 zlib:1 deflate:3 xz:0; do
|   printf '%s\t%s\n' $s "$(python3 "$TESTS/oracle.py" ncd -s ${s%:*} ${s#*:} '' "$x" "$y")"
| done | diff - got && echo same
stdout: same

=== -c NAME without a level uses the codec's default level
run: $KCBENCH ncd -c gzip,zlib,deflate,xz,zstd,bzip2 -s a b | cut -f1
stdout:
| gzip:9
| zlib:6
| deflate:6
| xz:6
| zstd:3
| bzip2:9

=== -c zstd:1,3,19 gives three levels of zstd
run: $KCBENCH ncd -c zstd:1,3,19 -s 'hello world' 'hello there'
stdout re:
| zstd:1\t\d\.\d{6}
| zstd:3\t\d\.\d{6}
| zstd:19\t\d\.\d{6}

=== -c xz:all gives every level 0..9, -c bzip2:3-5 a range
run: $KCBENCH ncd -c xz:all,bzip2:3-5 -s a b | cut -f1 | paste -sd' '
stdout: xz:0 xz:1 xz:2 xz:3 xz:4 xz:5 xz:6 xz:7 xz:8 xz:9 bzip2:3 bzip2:4 bzip2:5

=== a compressor given twice is computed once (so one value, without a name column)
run: $KCBENCH ncd -c gzip:9,gzip,gzip:9 -s a b > twice; $KCBENCH ncd -s a b | cmp - twice && cat twice
stdout re: \d\.\d{6}

=== one compressor prints no name column, even when not the default
run: $KCBENCH ncd -c bzip2:1 -s a b
stdout re: \d\.\d{6}

# ---- output formats, a pair --------------------------------------------------------

=== --format plain is the default
run: $KCBENCH ncd -s abc abd > a && $KCBENCH ncd -f plain -s abc abd | cmp - a && echo same
stdout: same

=== --format table for a pair: a header and one row of sizes and the distance
run: $KCBENCH ncd -f table -c gzip:9,xz:6 -s 'hello world' 'hello there'
stdout re:
| compressor\s+C\(x\)\s+C\(y\)\s+C\(xy\)\s+ncd
| gzip:9\s+\d+\s+\d+\s+\d+\s+\d\.\d{6}
| xz:6\s+\d+\s+\d+\s+\d+\s+\d\.\d{6}

=== --format csv for a pair: the header, then one row per compressor, short strings labelled by themselves
run: $KCBENCH ncd -f csv -c gzip:9,bzip2:9 -s 'hello world' 'hello there'
stdout re:
| compressor,codec,level,distance,x,y,cx,cy,cxy,value
| gzip:9,gzip,9,ncd,hello world,hello there,\d+,\d+,\d+,\d\.\d{6}
| bzip2:9,bzip2,9,ncd,hello world,hello there,\d+,\d+,\d+,\d\.\d{6}

=== --format json for a pair: one array, sizes and value are the oracle's
run:
| $KCBENCH ncd -f json -c gzip:9,xz:6 -s 'hello world' 'hello there' > got.json
| python3 - <<'EOF'
| import json, os, sys
| sys.path.insert(0, os.environ["TESTS"])
| import oracle
| rows = json.load(open("got.json"))
| assert [r["compressor"] for r in rows] == ["gzip:9", "xz:6"], rows
| for r in rows:
|     cx, cy, cxy = oracle.ncd_sizes(r["codec"], r["level"], b"", b"hello world", b"hello there")
|     want = dict(compressor="%s:%d" % (r["codec"], r["level"]), codec=r["codec"],
|                 level=r["level"], distance="ncd", x="hello world", y="hello there", cx=cx, cy=cy, cxy=cxy,
|                 value=float(oracle.fmt(oracle.dist("ncd", cx, cy, cxy))))
|     print(r["compressor"], "ok" if r == want else "differs: %r != %r" % (r, want))
| EOF
stdout:
| gzip:9 ok
| xz:6 ok

=== --format md for a pair: a markdown table
run: $KCBENCH ncd -f md -s 'hello world' 'hello there'
stdout re:
| \| compressor \| C\(x\) \| C\(y\) \| C\(xy\) \| ncd \|
| \|---\|---:\|---:\|---:\|---:\|
| \| gzip:9 \| \d+ \| \d+ \| \d+ \| \d\.\d{6} \|

=== --format markdown is md
run: $KCBENCH ncd -f md -s a b > a && $KCBENCH ncd -f markdown -s a b | cmp - a && echo same
stdout: same

=== --format phylip for a pair: the 2x2 matrix, the strings as labels (blanks as _)
run: $KCBENCH ncd -f phylip -s 'hello world' 'hello there'
stdout re:
| 2
| hello_world \d\.\d{6} \d\.\d{6}
| hello_there \d\.\d{6} \d\.\d{6}

=== every format gives the same value for a pair, and table, md, csv the json's sizes
run:
| set -e
| for f in plain table csv json phylip md; do
|   $KCBENCH ncd -f $f -c gzip:9,xz:6 -s 'hello world' 'hello there' |
|     python3 "$TESTS/cli/formats.py" pair $f > $f.txt
| done
| for f in table csv md; do cmp json.txt $f.txt; done
| cut -d' ' -f5 json.txt | diff - <(cut -d' ' -f5 plain.txt)
| cut -d' ' -f5 json.txt | diff - <(cut -d' ' -f5 phylip.txt)
| wc -l < json.txt
stdout: 2

# ---- output formats, a matrix ------------------------------------------------------

=== more than two inputs give the matrix; plain is n rows of n values
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| $KCBENCH ncd a b c
stdout re:
| \d\.\d{6} \d\.\d{6} \d\.\d{6}
| \d\.\d{6} \d\.\d{6} \d\.\d{6}
| \d\.\d{6} \d\.\d{6} \d\.\d{6}

=== matrix table: a "# compressor distance" title, a label header, labelled rows
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| $KCBENCH ncd -f table a b c
stdout re:
| # gzip:9 ncd
| \s+a\s+b\s+c
| a\s+\d\.\d{6}\s+\d\.\d{6}\s+\d\.\d{6}
| b\s+\d\.\d{6}\s+\d\.\d{6}\s+\d\.\d{6}
| c\s+\d\.\d{6}\s+\d\.\d{6}\s+\d\.\d{6}

=== matrix csv: the pair records, n*n per compressor in row order, one header for all
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| $KCBENCH ncd -f csv -c gzip:9,xz:6 a b c > got.csv
| head -1 got.csv
| tail -n +2 got.csv | cut -d, -f1,5,6 | paste -sd' '
stdout:
| compressor,codec,level,distance,x,y,cx,cy,cxy,value
| gzip:9,a,a gzip:9,a,b gzip:9,a,c gzip:9,b,a gzip:9,b,b gzip:9,b,c gzip:9,c,a gzip:9,c,b gzip:9,c,c xz:6,a,a xz:6,a,b xz:6,a,c xz:6,b,a xz:6,b,b xz:6,b,c xz:6,c,a xz:6,c,b xz:6,c,c

=== matrix json: one array of pair records with the oracle's sizes, C(x sep y) included
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| $KCBENCH ncd -f json -c gzip:9,xz:6 --sep ' ' a b c | python3 -c '
| import json, os, sys
| sys.path.insert(0, os.environ["TESTS"])
| import oracle
| recs = json.load(sys.stdin)
| for r in recs:
|     x, y = open(r["x"], "rb").read(), open(r["y"], "rb").read()
|     want = [oracle.size(r["codec"], r["level"], d) for d in (x, y, x + b" " + y)]
|     assert [r["cx"], r["cy"], r["cxy"]] == want, (r, want)
| for c in ("gzip:9", "xz:6"):
|     m = [r for r in recs if r["compressor"] == c]
|     print(c, m[0]["distance"], len(m), [r["x"] + r["y"] for r in m[:4]], "sizes ok")
| '
stdout:
| gzip:9 ncd 9 ['aa', 'ab', 'ac', 'ba'] sizes ok
| xz:6 ncd 9 ['aa', 'ab', 'ac', 'ba'] sizes ok

=== matrix phylip: the count, then rows named and padded to 10 characters
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > long-name-of-b; printf 'delta' > 'c (3)'
| $KCBENCH ncd -f phylip a long-name-of-b 'c (3)'
stdout re:
| 3
| a          \d\.\d{6} \d\.\d{6} \d\.\d{6}
| long-name-of-b \d\.\d{6} \d\.\d{6} \d\.\d{6}
| c__3_      \d\.\d{6} \d\.\d{6} \d\.\d{6}

=== matrix md: a bold title, then a markdown table
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| $KCBENCH ncd -f md a b c
stdout re:
| \*\*gzip:9 ncd\*\*
| 
| \|\s+\| a \| b \| c \|
| \|---\|---:\|---:\|---:\|
| \| a \| \d\.\d{6} \| \d\.\d{6} \| \d\.\d{6} \|
| \| b \| \d\.\d{6} \| \d\.\d{6} \| \d\.\d{6} \|
| \| c \| \d\.\d{6} \| \d\.\d{6} \| \d\.\d{6} \|

=== every format gives the same matrix values, for each of two compressors
run:
| set -e
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c; printf '' > d
| for f in plain table csv tsv json phylip md; do
|   $KCBENCH ncd -f $f -c gzip:9,bzip2:9 a b c d | python3 "$TESTS/cli/formats.py" matrix $f 4 > $f.txt
| done
| for f in plain table csv tsv phylip md; do cmp json.txt $f.txt; done
| grep -c . json.txt
stdout: 8

=== -s with three long strings (over 16 bytes) labels them s1, s2, s3
run: $KCBENCH ncd -f csv -s 'the first string, long' 'the second string, long' 'the third string, longer' | cut -d, -f5 | uniq
stdout:
| x
| s1
| s2
| s3

=== -s with three short strings labels them by themselves
run: $KCBENCH ncd -f csv -s a b c | cut -d, -f5 | uniq
stdout:
| x
| a
| b
| c

# ---- distances ---------------------------------------------------------------------

=== --distance ncd is the default
run: $KCBENCH ncd -s abcabc abcabd > a && $KCBENCH ncd --distance ncd -s abcabc abcabd | cmp - a && echo same
stdout: same

=== --distance cdm is C(xy) / (C(x) + C(y)), from the sizes json gives
run:
| x='the quick brown fox'; y='the quick brown dog'
| $KCBENCH ncd -f json -c gzip:9,xz:6 -s "$x" "$y" > sizes.json
| $KCBENCH ncd -d cdm -c gzip:9,xz:6 -s "$x" "$y" > got
| python3 -c 'import json
| for r in json.load(open("sizes.json")):
|     print("%s\t%.6f" % (r["compressor"], r["cxy"] / (r["cx"] + r["cy"])))' | diff - got
| $KCBENCH ncd -d cdm -f json -s "$x" "$y" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["distance"])'
stdout: cdm

=== --distance clm is 1 - (C(x) + C(y) - C(xy)) / C(xy), from the sizes json gives
run:
| x='the quick brown fox'; y='the quick brown dog'
| $KCBENCH ncd -f json -c gzip:9,xz:6 -s "$x" "$y" > sizes.json
| $KCBENCH ncd --distance=clm -c gzip:9,xz:6 -s "$x" "$y" > got
| python3 -c 'import json
| for r in json.load(open("sizes.json")):
|     print("%s\t%.6f" % (r["compressor"], 1 - (r["cx"] + r["cy"] - r["cxy"]) / r["cxy"]))' | diff - got
| $KCBENCH ncd -d clm -f table -s "$x" "$y" | sed -n 1p | awk '{print $NF}'
stdout: clm

=== cdm and clm for a matrix: entry (i,j) from C(x_i), C(x_j) and the oracle's C(x_i x_j)
run:
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'gamma delta' > c
| for d in cdm clm; do
|   $KCBENCH ncd -d $d a b c > $d.got
|   python3 -c '
| import os, sys
| sys.path.insert(0, os.environ["TESTS"])
| import oracle
| d = sys.argv[1]
| x = [open(f, "rb").read() for f in "abc"]
| for a in x:
|     print(" ".join(oracle.fmt(oracle.dist(d, oracle.size("gzip", 9, a), oracle.size("gzip", 9, b),
|                                           oracle.size("gzip", 9, a + b))) for b in x))' $d | diff - $d.got
| done && echo both
stdout: both

=== --decimals 3 prints three digits, --decimals 0 none
run: $KCBENCH ncd --decimals 3 -s abc xyz; $KCBENCH ncd --decimals 0 -s abc xyz
stdout re:
| \d\.\d{3}
| \d

# ---- inputs ------------------------------------------------------------------------

=== '-' reads standard input
stdin: the cat sat on the mat
run:
| printf 'the cat sat on the mat\n' > x; printf 'the dog sat on the log\n' > y
| $KCBENCH ncd - y > got
| $KCBENCH ncd x y | diff - got && cat got
stdout re: \d\.\d{6}

=== '-' may be the second input, and is labelled '-'
stdin: the dog sat on the log
run:
| printf 'the cat sat on the mat\n' > x
| $KCBENCH ncd -f csv x - | cut -d, -f5,6
stdout:
| x,y
| x,-

=== an empty standard input is an empty input
run: : > e && $KCBENCH ncd - e < /dev/null
stdout: 0.000000

=== two empty files: NCD 0.000000 (C(e) is the container, (C(e) - C(e)) / C(e) = 0)
run: : > e1 && : > e2 && $KCBENCH ncd e1 e2
stdout: 0.000000

=== two empty strings: NCD 0.000000 for every codec of the build
run:
| $KCBENCH ncd -c all -s '' '' |
|   awk -F'\t' '$2 != "0.000000" {print "not 0: " $0} END {print (NR >= 6 ? "all 0" : "only " NR " codecs")}'
stdout: all 0

=== one empty input and one not: the oracle's value, for each codec it knows
run:
| printf 'not empty at all' > x; : > e
| $KCBENCH ncd -c gzip:9,zlib:6,deflate:6,xz:6,bzip2:9 e x > got
| for s in gzip:9 zlib:6 deflate:6 xz:6 bzip2:9; do
|   printf '%s\t%s\n' $s "$(python3 "$TESTS/oracle.py" ncd ${s%:*} ${s#*:} '' e x)"
| done | diff - got && echo same
stdout: same

=== binary input with NUL bytes: every byte counts, as in the oracle
run:
| python3 -c 'import random, sys; r = random.Random(7); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(3000)))' > bin1
| printf 'abc\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0def' > nul
| printf 'abc' > abc
| $KCBENCH ncd -c gzip:9,xz:6 bin1 nul > got1
| $KCBENCH ncd -c gzip:9,xz:6 nul abc > got2
| for s in gzip:9 xz:6; do printf '%s\t%s\n' $s "$(python3 "$TESTS/oracle.py" ncd ${s%:*} ${s#*:} '' bin1 nul)"; done | diff - got1
| for s in gzip:9 xz:6; do printf '%s\t%s\n' $s "$(python3 "$TESTS/oracle.py" ncd ${s%:*} ${s#*:} '' nul abc)"; done | diff - got2
| echo same
stdout: same

=== invalid UTF-8 as -s strings: compressed as the bytes they are
run:
| x=$'\xff\xfe\x80 not UTF-8 \xc3\x28'; y=$'\xed\xa0\x80\xf8\x88\x80\x80\x80 nor this'
| $KCBENCH ncd -c gzip:9,bzip2:9 -s "$x" "$y" > got
| for s in gzip:9 bzip2:9; do printf '%s\t%s\n' $s "$(python3 "$TESTS/oracle.py" ncd -s ${s%:*} ${s#*:} '' "$x" "$y")"; done | diff - got && echo same
stdout: same

=== a file name that is not UTF-8 becomes U+FFFD in json, and stays as it is in csv
run:
| printf 'one' > $'bad\xffname'; printf 'two' > ok
| $KCBENCH ncd -f json $'bad\xffname' ok | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["x"])'
| $KCBENCH ncd -f csv $'bad\xffname' ok | sed -n 2p | cut -d, -f5 | od -An -c | tr -s ' '
stdout:
| bad�name
|  b a d 377 n a m e \n

=== a file name with a comma and a quote is quoted in csv and escaped in json
run:
| printf 'one' > 'a, "b"'; printf 'two' > c
| $KCBENCH ncd -f csv 'a, "b"' c | python3 -c 'import csv,sys; r = list(csv.DictReader(sys.stdin)); print(r[0]["x"], "|", r[0]["y"])'
| $KCBENCH ncd -f json 'a, "b"' c | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["x"])'
stdout:
| a, "b" | c
| a, "b"

# ---- -o FILE -----------------------------------------------------------------------

=== -o FILE writes the output there and nothing to stdout
run:
| $KCBENCH ncd -f json -s 'hello world' 'hello there' > want
| $KCBENCH ncd -o out.json -f json -s 'hello world' 'hello there'
| cmp want out.json && ls
stdout:
| out.json
| want

=== --output FILE replaces an existing file, leaving no temporary file beside it
run:
| echo old > out
| printf 'alpha beta' > a; printf 'alpha gamma' > b; printf 'delta' > c
| $KCBENCH ncd --output out -f table a b c
| $KCBENCH ncd -f table a b c | cmp - out && ls
stdout:
| a
| b
| c
| out

=== -o into a directory that does not exist: exit 3, one line naming the file
run: $KCBENCH ncd -o no/such/dir/out -s a b
exit: 3
stderr: one line
stderr contains: no/such/dir/out

=== -o is not created when an input is missing
run: printf 'x' > a; $KCBENCH ncd -o out a missing; s=$?; ls; exit $s
exit: 3
stdout: a
stderr: one line
stderr contains: missing

# ---- bad command lines: exact status, one line on stderr, nothing on stdout ---------

=== unknown compressor: exit 2, one line naming it
run: $KCBENCH ncd -c gzop -s a b
exit: 2
stderr: one line
stderr contains: 'gzop'

=== level above the range: gzip:10 is exit 2, one line naming codec, level and range
run: $KCBENCH ncd -c gzip:10 -s a b
exit: 2
stderr: one line
stderr re: kcbench ncd: .*\b10\b.*\bgzip\b.*1\.\.9.*

=== level below the range: zstd:0 is exit 2, one line
run: $KCBENCH ncd -c zstd:0 -s a b
exit: 2
stderr: one line
stderr re: kcbench ncd: .*\b0\b.*\bzstd\b.*1\.\.22.*

=== level out of range for xz (xz:10) and bzip2 (bzip2:0): exit 2, one line each
run: $KCBENCH ncd -c xz:10 -s a b 2> e1; s1=$?; $KCBENCH ncd -c bzip2:0 -s a b 2> e2; echo $s1 $? $(cat e1 e2 | wc -l)
stdout: 2 2 2

=== a bad level in a list stops everything: nothing is printed for the good ones
run: $KCBENCH ncd -c gzip:9,xz:6,deflate:11 -s a b
exit: 2
stderr: one line
stderr contains: deflate

=== a level that is not a number: exit 2, one line
run: $KCBENCH ncd -c gzip:high -s a b
exit: 2
stderr: one line
stderr contains: high

=== a level with a blank or a plus sign ('gzip: 5', 'gzip:5 ', 'gzip:+5') is not a number
run:
| for c in 'gzip: 5' 'gzip:5 ' 'gzip:+5'; do $KCBENCH ncd -c "$c" -s a b 2> e; echo "$? $(wc -l < e) $(grep -c 'bad level' e)"; done
stdout:
| 2 1 1
| 2 1 1
| 2 1 1

=== an empty entry in the compressor list: exit 2, one line
run: $KCBENCH ncd -c gzip,,xz -s a b
exit: 2
stderr: one line

=== unknown format: exit 2, one line naming it
run: $KCBENCH ncd -f yaml -s a b
exit: 2
stderr: one line
stderr contains: 'yaml'

=== unknown distance: exit 2, one line naming it
run: $KCBENCH ncd --distance euclid -s a b
exit: 2
stderr: one line
stderr contains: 'euclid'

=== --decimals out of range: exit 2, one line
run: $KCBENCH ncd --decimals 99 -s a b
exit: 2
stderr: one line
stderr contains: 99

=== an option without its value: exit 2, one line
run: $KCBENCH ncd -s a b -c gzip:9 > /dev/null; $KCBENCH ncd -c
exit: 2
stderr: one line
stderr contains: -c

=== missing file: exit 3, one line naming it
run: printf 'x' > a; $KCBENCH ncd a does-not-exist
exit: 3
stderr: one line
stderr contains: does-not-exist

=== missing file among several compressors and a matrix: exit 3, nothing on stdout
run: printf 'x' > a; printf 'y' > b; $KCBENCH ncd -c gzip:9,xz:6 -f json a b nope.txt
exit: 3
stderr: one line
stderr contains: nope.txt

=== an empty directory: exit 3, one line naming it
run: mkdir adir && printf 'x' > a && $KCBENCH ncd a adir
exit: 3
stderr: one line
stderr contains: adir

=== no inputs: exit 2, one line
run: $KCBENCH ncd
exit: 2
stderr: one line

=== one input is no error: it prints its size in bits (ncd_sets.t tests sizes)
run: printf 'x' > a; $KCBENCH ncd a > got; python3 "$TESTS/oracle.py" size gzip 9 a | awk '{print 8 * $1}' | diff - got && echo same
stdout: same

=== one string with -s is no error either: its size in bits
run: $KCBENCH ncd -s lonely > got; python3 "$TESTS/oracle.py" size -s gzip 9 lonely | awk '{print 8 * $1}' | diff - got && echo same
stdout: same

=== '-' twice: exit 2, one line naming standard input
stdin: some text
run: $KCBENCH ncd - -
exit: 2
stderr: one line
stderr contains: '-'

=== '-' twice among other files: still exit 2, one line
stdin: some text
run: printf 'x' > a; $KCBENCH ncd - a -
exit: 2
stderr: one line
