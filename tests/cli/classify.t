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

# ---- --top, -f, -o ------------------------------------------------------------------------

=== --top 3 -f json: for each text its 3 best labels, each with votes and nearest distance
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| cut -f2 d/test.tsv | head -5 > q
| $KCBENCH classify -t d/train.tsv -k 3 --top 3 -f json < q > got.json
| $KCBENCH classify -t d/train.tsv -k 3 < q > labels
| python3 - <<'EOF'
| import json
| rows = json.load(open("got.json"))
| labels = open("labels").read().split()
| assert [list(r) for r in rows] == [["input", "rank", "label", "votes", "nearest", "nearest_row"]] * 15, rows[0]
| for i in range(5):
|     mine = rows[3 * i:3 * i + 3]
|     assert [r["input"] for r in mine] == [i + 1] * 3 and [r["rank"] for r in mine] == [1, 2, 3]
|     assert mine[0]["label"] == labels[i] and len({r["label"] for r in mine}) == 3
|     assert abs(sum(r["votes"] for r in mine) - 1) < 1e-9 or sum(r["votes"] for r in mine) < 1
|     assert all(0 <= r["votes"] <= 1 and 0 < r["nearest"] < 1.5 for r in mine)
| print("5 texts, 3 labels each, the first as classify prints")
| EOF
stdout: 5 texts, 3 labels each, the first as classify prints

=== --top: votes, nearest distances, rows and order are the oracle's, for k below and above N
run:
| $KCBENCH gen labelled -o d --sources 6 --docs 10 -n 30 --order 1 --seed 5
| cut -f2 d/test.tsv > q
| n=$(wc -l < d/train.tsv)
| python3 "$TESTS/cli/knn_oracle.py" neighbours gzip 9 $n d/train.tsv d/test.tsv > all
| for k in 1 3 8; do
|   $KCBENCH classify -t d/train.tsv -k $k --top 99 -f tsv < q > got.$k
|   python3 - $k <<'EOF' || exit 1
| import sys
| k = int(sys.argv[1])
| train = [l.split("\t", 1)[0] for l in open("d/train.tsv").read().splitlines()]
| nlab = len(set(train))
| got = [l.split("\t") for l in open("got.%d" % k).read().splitlines()]
| assert got[0] == ["input", "rank", "label", "votes", "nearest", "nearest_row"], got[0]
| got = got[1:]
| def vote(ls):
|     for m in range(len(ls), 0, -1):
|         c = {}
|         for l in ls[:m]:
|             c[l] = c.get(l, 0) + 1
|         top = [l for l in c if c[l] == max(c.values())]
|         if len(top) == 1:
|             return top[0]
| for i, line in enumerate(open("all").read().splitlines()):
|     nb = [(float(e.split(":")[1]), int(e.split(":")[0])) for e in line.split(": ")[1].split()]
|     near = {}
|     for d, j in nb:  # sorted by (d, row): the first of each label is its nearest
|         near.setdefault(train[j], (d, j))
|     votes = {l: 0 for l in near}
|     for d, j in nb[:k]:
|         votes[train[j]] += 1
|     won = vote([train[j] for d, j in nb[:k]])
|     rest = sorted((l for l in near if l != won), key=lambda l: (-votes[l], near[l]))
|     want = [[str(i + 1), str(r + 1), l, "%.6f" % (votes[l] / k), "%.6f" % near[l][0], str(near[l][1] + 1)]
|             for r, l in enumerate([won] + rest)]
|     mine = got[i * nlab:(i + 1) * nlab]
|     assert mine == want, (i, mine, want)
| print("k=%d: %d texts as the oracle" % (k, len(got) // nlab))
| EOF
| done
stdout:
| k=1: 12 texts as the oracle
| k=3: 12 texts as the oracle
| k=8: 12 texts as the oracle

=== the default output is -f plain; --top N -f plain prints N labels per text
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| cut -f2 d/test.tsv > q
| $KCBENCH classify -t d/train.tsv -k 3 < q > want
| $KCBENCH classify -t d/train.tsv -k 3 -f plain < q | cmp - want && echo plain same
| $KCBENCH classify -t d/train.tsv -k 3 --top 1 -f plain < q | cmp - want && echo top 1 same
| $KCBENCH classify -t d/train.tsv -k 3 -f csv < q | tail -n +2 | cut -d, -f3 | cmp - want && echo csv labels same
| $KCBENCH classify -t d/train.tsv -k 3 --top 2 -f plain < q | awk 'NR % 2 == 1' | cmp - want && echo top 2 first same
stdout:
| plain same
| top 1 same
| csv labels same
| top 2 first same

=== --top without -f is a table, a blank line between texts; N above the labels lists all
run:
| $KCBENCH gen labelled -o d --sources 3 --docs 10 -n 30 --order 1 --seed 3
| $KCBENCH classify -t d/train.tsv -k 3 --top 10 "$(sed -n 1p d/test.tsv | cut -f2)" "$(sed -n 2p d/test.tsv | cut -f2)"
stdout re:
| input  rank  label +votes +nearest +row
|     1     1  \w+ +\d\.\d{4}  \d\.\d{6} +\d+
|     1     2  \w+ +\d\.\d{4}  \d\.\d{6} +\d+
|     1     3  \w+ +\d\.\d{4}  \d\.\d{6} +\d+
|
|     2     1  \w+ +\d\.\d{4}  \d\.\d{6} +\d+
|     2     2  \w+ +\d\.\d{4}  \d\.\d{6} +\d+
|     2     3  \w+ +\d\.\d{4}  \d\.\d{6} +\d+

=== standard input: blank lines and a byte-order mark are skipped; input is the line number
run:
| printf 'a\tone two three\nb\tfour five six\n' > t.tsv
| printf '\357\273\277one two\n\n   \r\nfour five\n\t\nfour\n' > q
| $KCBENCH classify -t t.tsv < q
| $KCBENCH classify -t t.tsv -f csv < q
| printf 'one two\nfour five\nfour\n' | $KCBENCH classify -t t.tsv -f csv | cut -d, -f2- > want
| $KCBENCH classify -t t.tsv -f csv < q | cut -d, -f2- | cmp - want && echo the BOM is not in the text
stdout re:
| a
| b
| b
| input,rank,label,votes,nearest,nearest_row
| 1,1,a,1\.000000,[\d.]+,1
| 4,1,b,1\.000000,[\d.]+,2
| 6,1,b,1\.000000,[\d.]+,2
| the BOM is not in the text

=== -o writes the output file, atomically; -m with --top gives what -t gives
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| cut -f2 d/test.tsv > q
| $KCBENCH index -t d/train.tsv -o m.kcb 2> /dev/null
| $KCBENCH classify -t d/train.tsv -k 3 --top 4 -f json < q > want.json
| $KCBENCH classify -m m.kcb -k 3 --top 4 -f json -o got.json < q
| cmp got.json want.json && echo same
| ls
stdout:
| same
| d
| got.json
| m.kcb
| q
| want.json

=== -j 1 and -j 2 give the same --top output, and the same for one text
run:
| $KCBENCH gen labelled -o d --sources 8 --docs 20 -n 30 --order 1 --seed 5
| cut -f2 d/test.tsv > q
| $KCBENCH classify -t d/train.tsv -k 5 --top 8 -f tsv -j 1 < q > one
| $KCBENCH classify -t d/train.tsv -k 5 --top 8 -f tsv -j 2 < q | cmp - one && echo same
| head -1 q | $KCBENCH classify -t d/train.tsv -k 5 --top 8 -f tsv -j 1 > a
| head -1 q | $KCBENCH classify -t d/train.tsv -k 5 --top 8 -f tsv -j 2 | cmp - a && echo one text same
stdout:
| same
| one text same

# ---- errors ------------------------------------------------------------------------------

=== --explain prints text: with -f other than plain it is a usage error
run: printf 'a\tb\n' > t.tsv; $KCBENCH classify -t t.tsv --explain -f json x; echo "exit $?"; $KCBENCH classify -t t.tsv --explain --top 2 x
exit: 2
stdout: exit 2
stderr:
| kcbench classify: --explain prints text: it goes with plain output, not -f json
| kcbench classify: --explain prints text: it goes with plain output, not -f table

=== --top 0 and an unknown format are usage errors
run: printf 'a\tb\n' > t.tsv; $KCBENCH classify -t t.tsv --top 0 x; echo "exit $?"; $KCBENCH classify -t t.tsv -f phylip x
exit: 2
stdout: exit 2
stderr re:
| kcbench classify: --top: expected a whole number from 1 to 1048576, got '0'
| kcbench classify: -f: unknown format .phylip. .*

=== -o into a missing directory: exit 3, nothing written
run: printf 'a\tb\n' > t.tsv; $KCBENCH classify -t t.tsv -o no/dir/out.txt x; echo "exit $?"; ls
stdout:
| exit 3
| t.tsv
stderr: kcbench classify: no/dir/out.txt: No such file or directory

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
