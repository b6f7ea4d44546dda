# kcbench classify: labels for texts given as arguments or as lines of standard input, from a
# training set (-t). Models (-m) are tested in index.t. Data: `kcbench gen labelled`, short
# texts so that the nearest neighbours disagree. Expected labels come from knn_oracle.py (a
# separate kNN on Python's gzip/bz2, tests/oracle.py) or from `kcbench eval --predictions`.

=== TEXT arguments: one label per text, the oracle's (k=1, gzip:9)
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| cut -f2 d/test.tsv > q
| mapfile -t texts < q
| $KCBENCH classify -t d/train.tsv "${texts[@]}" > got
| python3 "$TESTS/cli/knn_oracle.py" classify gzip 9 1 d/train.tsv < q | diff - got && echo same
| wc -l < got
stdout:
| same
| 16

=== standard input: one label per line, the same as the arguments give
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| cut -f2 d/test.tsv > q
| mapfile -t texts < q
| $KCBENCH classify -t d/train.tsv "${texts[@]}" > args
| $KCBENCH classify -t d/train.tsv < q | cmp - args && echo same
stdout: same

=== standard input with CRLF line ends and no final newline gives the same labels
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| cut -f2 d/test.tsv > q
| $KCBENCH classify -t d/train.tsv < q > lf
| sed 's/$/\r/' q | head -c -2 | $KCBENCH classify -t d/train.tsv | cmp - lf && echo same
stdout: same

=== empty standard input classifies nothing
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 5 -n 30 --order 1 --seed 3
| $KCBENCH classify -t d/train.tsv < /dev/null
stdout: empty

=== -k 3 and -k 5: majority votes, ties shrinking k, as the oracle's
run:
| $KCBENCH gen labelled -o d --sources 8 --docs 20 -n 30 --order 1 --seed 5
| cut -f2 d/test.tsv > q
| for k in 2 3 5; do
|   $KCBENCH classify -t d/train.tsv -k $k < q > got.$k
|   python3 "$TESTS/cli/knn_oracle.py" classify gzip 9 $k d/train.tsv < q | cmp - got.$k && echo k=$k same
| done
| cmp -s got.2 got.5 || echo k changes labels
stdout:
| k=2 same
| k=3 same
| k=5 same
| k changes labels

=== labels agree with eval's vote predictions for each k
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -k 1,3,4 --rules vote --predictions p.jsonl > /dev/null
| for k in 1 3 4; do
|   cut -f2 d/test.tsv | $KCBENCH classify -t d/train.tsv -k $k > got
|   python3 -c 'import json, sys; [print(json.loads(l)["vote"][sys.argv[1]]) for l in open("p.jsonl")]' $k | cmp - got && echo k=$k agrees
| done
stdout:
| k=1 agrees
| k=3 agrees
| k=4 agrees

=== -c bzip2:9 and --sep ' ' are used, as the oracle's
run:
| $KCBENCH gen labelled -o d --sources 8 --docs 20 -n 30 --order 1 --seed 5
| cut -f2 d/test.tsv > q
| $KCBENCH classify -t d/train.tsv -c bzip2:9 -k 3 --sep ' ' < q > got
| python3 "$TESTS/cli/knn_oracle.py" classify --sep ' ' bzip2 9 3 d/train.tsv < q | diff - got && echo same
stdout: same

=== --explain lists the k nearest: rank, distance, label, training row, text
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH classify -t d/train.tsv -k 3 --explain "$(sed -n 1p d/test.tsv | cut -f2)"
stdout re:
| \w+
|   1\. \d\.\d{6}  \w+ +#\d+  .+
|   2\. \d\.\d{6}  \w+ +#\d+  .+
|   3\. \d\.\d{6}  \w+ +#\d+  .+

=== --explain: neighbours, distances, labels and texts are the training set's and the oracle's
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| cut -f2 d/test.tsv > q
| $KCBENCH classify -t d/train.tsv -k 4 --explain < q > got
| $KCBENCH classify -t d/train.tsv -k 4 < q > labels
| python3 "$TESTS/cli/knn_oracle.py" neighbours gzip 9 4 d/train.tsv d/test.tsv > want
| python3 - <<'EOF'
| import re
| train = [l.split("\t", 1) for l in open("d/train.tsv").read().splitlines()]
| lines = open("got").read().splitlines()
| want = [l.split(": ")[1].split() for l in open("want").read().splitlines()]
| labels = open("labels").read().splitlines()
| assert len(lines) == 5 * len(want), len(lines)
| for i, w in enumerate(want):
|     block = lines[5 * i:5 * i + 5]
|     assert block[0] == labels[i], (block[0], labels[i])
|     for r, (line, nb) in enumerate(zip(block[1:], w)):
|         m = re.fullmatch(r"  (\d+)\. (\d\.\d{6})  (\S+) +#(\d+)  (.*)", line)
|         row, d = int(nb.split(":")[0]), float(nb.split(":")[1])
|         assert m and int(m.group(1)) == r + 1, line
|         assert m.group(2) == "%.6f" % d and int(m.group(4)) == row + 1, (line, nb)
|         text = train[row][1]
|         assert m.group(3) == train[row][0], (line, train[row])
|         assert m.group(5) == (text if len(text) <= 70 else text[:70] + "..."), (line, text)
| print(len(want), "explained as the oracle")
| EOF
stdout: 16 explained as the oracle

=== --explain cuts long training texts at 70 bytes with "..."
run:
| printf 'long\t%s\nshort\tabc\n' "$(printf 'x%.0s' $(seq 100))" > t.tsv
| $KCBENCH classify -t t.tsv -k 2 --explain "$(printf 'x%.0s' $(seq 50))" | cut -c1-4,29-
stdout re:
| long
|   1\.#1  x{70}\.\.\.
|   2\.#2  abc

=== -k above the number of training texts explains them all
run:
| printf 'a\tone two three\nb\tfour five six\n' > t.tsv
| $KCBENCH classify -t t.tsv -k 5 --explain 'one two' | wc -l
stdout: 3

=== a training set in csv, fastText or a directory gives the same labels as tsv
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| python3 "$TESTS/cli/convert_dataset.py" --quotes d/train.tsv train
| cut -f2 d/test.tsv > q
| $KCBENCH classify -t train.tsv -k 3 < q > want
| for f in train.csv train.ft train.d; do $KCBENCH classify -t $f -k 3 < q | cmp - want && echo $f same; done
stdout:
| train.csv same
| train.ft same
| train.d same

=== -j 1 and -j 2 give the same output
run:
| $KCBENCH gen labelled -o d --sources 8 --docs 20 -n 30 --order 1 --seed 5
| cut -f2 d/test.tsv > q
| $KCBENCH classify -t d/train.tsv -k 3 --explain -j 1 < q > one
| $KCBENCH classify -t d/train.tsv -k 3 --explain -j 2 < q | cmp - one && echo same
stdout: same

# ---- errors ------------------------------------------------------------------------------

=== -c with two compressors is a usage error: classify takes one
run: printf 'a\tb\n' > t.tsv; $KCBENCH classify -t t.tsv -c gzip:9,xz x
exit: 2
stderr: kcbench classify: -c gzip:9,xz: classify takes one compressor

=== an unknown compressor is a usage error
run: printf 'a\tb\n' > t.tsv; $KCBENCH classify -t t.tsv -c gzop x
exit: 2
stderr re: kcbench classify: -c gzop: unknown compressor 'gzop' \(this build has: .*\)

=== neither -t nor -m, or both, is a usage error
run: $KCBENCH classify x; echo "exit $?"; $KCBENCH classify -t a.tsv -m m.kcb x
exit: 2
stdout: exit 2
stderr:
| kcbench classify: needs exactly one of -t TRAIN or -m MODEL
| kcbench classify: needs exactly one of -t TRAIN or -m MODEL

=== -k 0 is a usage error
run: printf 'a\tb\n' > t.tsv; $KCBENCH classify -t t.tsv -k 0 x
exit: 2
stderr: kcbench classify: -k: expected a whole number from 1 to 1024, got '0'

=== a missing training file: exit 3, one line
run: $KCBENCH classify -t missing.tsv x
exit: 3
stderr: kcbench classify: cannot read missing.tsv: No such file or directory

=== a malformed training file: exit 3 naming file:line; --skip-bad skips the row
run:
| printf 'a\tone two\nno tab\nb\tthree four\n' > t.tsv
| $KCBENCH classify -t t.tsv 'one two'; echo "exit $?"
| $KCBENCH classify -t t.tsv --skip-bad 'one two'
stdout:
| exit 3
| a
stderr:
| kcbench classify: t.tsv:2: missing tab between label and text
| kcbench classify: warning: t.tsv: skipped 1 malformed row (first at line 2: missing tab between label and text)
