# kcbench eval --columns and --header: labelled tsv and csv files whose label and text are in
# other columns, by number or by the name in a header row. Data: `kcbench gen labelled`; every
# layout is written by layout.py (below) from the same rows, so every run must give the results
# of the plain label<TAB>text files, byte for byte (`--name x` names the dataset alike).
# Exit statuses: 0 ok, 2 usage, 3 input (file:line on stderr).

=== csv with a header: --columns by number and by header name give the plain tsv's results
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| cat > layout.py <<'EOF'
| import sys
| src, dest, order, sep, head = sys.argv[1:6]   # order: a permutation of "itlb" (id, title, label, body)
| q = (lambda s: '"' + s.replace('"', '""') + '"') if sep == "," else (lambda s: s)
| names = {"i": "id", "t": "title", "l": "class", "b": "body"}
| with open(dest, "w", newline="") as out:
|     if head == "head":
|         out.write(sep.join(q(names[c]) for c in order) + "\n")
|     for n, line in enumerate(open(src).read().splitlines()):
|         label, text = line.split("\t", 1)
|         title, _, body = text.partition(" ")
|         assert body, text
|         cols = {"i": str(n + 1), "t": title, "l": label, "b": body}
|         out.write(sep.join(q(cols[c]) for c in order) + "\n")
| EOF
| for s in train test; do python3 layout.py d/$s.tsv $s.csv itlb , head; done
| head -2 train.csv
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv --name x > want
| $KCBENCH eval -t train.csv -T test.csv -f csv --name x --columns label=3,text=2+4 --header yes | cmp - want && echo by number: same
| $KCBENCH eval -t train.csv -T test.csv -f csv --name x --columns label=class,text=title+body | cmp - want && echo by name: same
| $KCBENCH eval -t train.csv -T test.csv -f csv --name x --columns text=title+body,label=class --header yes | cmp - want && echo by name, header yes: same
stdout re:
| "id","title","class","body"
| "1","[^"]+","\w+","[^"]*"
| by number: same
| by name: same
| by name, header yes: same

=== tsv: --columns by number (no header) and by header name; text columns joined by one space
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| cat > layout.py <<'EOF'
| import sys
| src, dest, head = sys.argv[1:4]
| with open(dest, "w") as out:
|     if head == "head":
|         out.write("body\tclass\ttitle\n")
|     for line in open(src).read().splitlines():
|         label, text = line.split("\t", 1)
|         title, _, body = text.partition(" ")
|         out.write("%s\t%s\t%s\n" % (body, label, title))
| EOF
| for s in train test; do python3 layout.py d/$s.tsv $s.tsv no; python3 layout.py d/$s.tsv $s-h.tsv head; done
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv --name x > want
| $KCBENCH eval -t train.tsv -T test.tsv -f csv --name x --columns label=2,text=3+1 | cmp - want && echo by number: same
| $KCBENCH eval -t train-h.tsv -T test-h.tsv -f csv --name x --columns label=class,text=title+body | cmp - want && echo by name: same
stdout:
| by number: same
| by name: same

=== text<TAB>label: --columns label=2,text=1 reads it as label<TAB>text
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for s in train test; do awk -F'\t' '{ print $2 "\t" $1 }' d/$s.tsv > $s.tsv; done
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv --name x > want
| $KCBENCH eval -t train.tsv -T test.tsv -f csv --name x --columns label=2,text=1 | cmp - want && echo same
stdout: same

=== csv: the AG News layout is the default; --columns label=1,text=2+3 is the same
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for s in train test; do python3 "$TESTS/cli/convert_dataset.py" --quotes d/$s.tsv $s; done
| $KCBENCH eval -t train.csv -T test.csv -f csv --name x > want
| $KCBENCH eval -t train.csv -T test.csv -f csv --name x --columns label=1,text=2+3 | cmp - want && echo same
stdout: same

# ---- header rows ---------------------------------------------------------------------------

=== AG News' own header row is skipped with a warning that names --header no
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| for s in train test; do python3 "$TESTS/cli/convert_dataset.py" --quotes d/$s.tsv $s; done
| $KCBENCH eval -t train.csv -T test.csv -f csv --name x > want
| (echo 'Class Index,Title,Description'; cat train.csv) > h.csv
| $KCBENCH eval -t h.csv -T test.csv -f csv --name x | cmp - want && echo same
stdout: same
stderr: kcbench eval: warning: h.csv:1: skipped a header row (its label 'Class Index' names a column); --header no reads it as data

=== a header whose names are not column words: its label is in no other row, the file has few
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv --name x > want
| (printf 'stars\treview_body\n'; cat d/train.tsv) > h.tsv
| $KCBENCH eval -t h.tsv -T d/test.tsv -f csv --name x | cmp - want && echo same
stdout: same
stderr: kcbench eval: warning: h.tsv:1: skipped a header row (its label 'stars' is in no other row, while the other 64 rows share 4 labels); --header no reads it as data

=== --header yes skips the first row of each file, whatever it holds, without a warning
run:
| $KCBENCH gen labelled -o d --sources 4 --docs 20 -n 30 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -f csv --name x > want
| for s in train test; do (printf 'fufata\tlooks like data\n'; cat d/$s.tsv) > $s.tsv; done
| $KCBENCH eval -t train.tsv -T test.tsv -f csv --name x --header yes | cmp - want && echo same
| $KCBENCH eval -t train.tsv -T test.tsv -f csv --name x --header no 2> err | cut -d, -f7 | sort -u | paste -sd' '
| cat err
stdout:
| same
| 17 n_test
| kcbench eval: warning: x: 1 of 17 test texts also occur verbatim in training; accuracy is inflated by them (--dedup drops them)

# ---- errors ----------------------------------------------------------------------------------

=== a column name not in the header row: exit 3, naming the file, its line and the columns
run: $KCBENCH eval -t t.csv -T t.csv --columns label=label,text=text
file t.csv:
|
| "class","title","body"
| "a","t","b"
exit: 3
stderr: kcbench eval: t.csv:2: no column 'label' in the header row (its columns: class, title, body)

=== too few columns in a row: exit 3 at its line; --skip-bad skips it
run:
| printf 'a\tb\tc\nd\te\n' > t.tsv
| $KCBENCH eval -t t.tsv -T t.tsv --columns label=1,text=3
| echo "exit $?"
| $KCBENCH eval -t t.tsv -T t.tsv --columns label=1,text=3 --skip-bad -f csv --name x -k 1 --rules vote | cut -d, -f7
stdout:
| exit 3
| n_test
| 1
stderr:
| kcbench eval: t.tsv:2: expected at least 3 fields, found 2
| kcbench eval: warning: t.tsv: skipped 1 malformed row (first at line 2: expected at least 3 fields, found 2)
| kcbench eval: warning: t.tsv: skipped 1 malformed row (first at line 2: expected at least 3 fields, found 2)
| kcbench eval: warning: x: 1 of 1 test texts also occur verbatim in training; accuracy is inflated by them (--dedup drops them)

=== --columns on a fastText file is a usage error
run: printf '__label__a one text\n' > t.ft; $KCBENCH eval -t t.ft -T t.ft --columns label=1,text=2
exit: 2
stderr: kcbench eval: t.ft: columns can be chosen in tsv and csv files only, not fasttext

=== --columns by name with --header no is a usage error
run: $KCBENCH eval -t a.csv -T b.csv --columns label=class,text=title --header no
exit: 2
stderr: kcbench eval: --columns names columns of the header row, and --header no says there is none

=== malformed --columns and --header values are usage errors naming the option
run:
| $KCBENCH eval -t a.tsv -T b.tsv --columns label=0,text=1
| $KCBENCH eval -t a.tsv -T b.tsv --columns label=1,text=1
| $KCBENCH eval -t a.tsv -T b.tsv --columns label=1
| $KCBENCH eval -t a.tsv -T b.tsv --columns label=1,txt=2
| $KCBENCH eval -t a.tsv -T b.tsv --header maybe
| echo "exit $?"
stdout: exit 2
stderr:
| kcbench eval: --columns label=0,text=1: column 0: columns are numbered from 1
| kcbench eval: --columns label=1,text=1: column 1 is named twice
| kcbench eval: --columns label=1: expected both label=COLUMN and text=COLUMN[+COLUMN...]
| kcbench eval: --columns label=1,txt=2: unknown key 'txt' (label, text)
| kcbench eval: --header maybe: expected auto, yes or no
