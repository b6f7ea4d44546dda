# kcbench gen: deterministic corpora. The same command gives the same bytes; the seed and the
# options change them; sizes, layouts and formats are as `kcbench gen --help` documents.
# Exit statuses: 0 ok, 2 usage (kind, number, option that does not apply), 3 output.

# ---- determinism -------------------------------------------------------------------------

=== every single-output kind: the same seed gives identical bytes on two runs
run:
| for k in random random-text repeat markov; do
|   $KCBENCH gen $k --seed 7 -n 5000 -o $k.1 && $KCBENCH gen $k --seed 7 -n 5000 -o $k.2 || exit 1
|   cmp $k.1 $k.2 && echo "$k same"
| done
stdout:
| random same
| random-text same
| repeat same
| markov same

=== labelled and samples: the same seed gives identical directories on two runs
run:
| $KCBENCH gen labelled --seed 3 --sources 3 --docs 10 -n 80 -o l1 && $KCBENCH gen labelled --seed 3 --sources 3 --docs 10 -n 80 -o l2
| $KCBENCH gen samples --seed 3 -n 500 -o s1 && $KCBENCH gen samples --seed 3 -n 500 -o s2
| diff -r l1 l2 && echo labelled same
| diff -r s1 s2 && echo samples same
| (cd l1 && sha256sum *) > l1.sum && (cd l2 && sha256sum -c --quiet ../l1.sum) && echo checksums match
stdout:
| labelled same
| samples same
| checksums match

=== standard output (the default, and -o -) carries the same bytes as -o FILE
run:
| $KCBENCH gen markov --seed 5 -n 3000 -o file
| $KCBENCH gen markov --seed 5 -n 3000 > default
| $KCBENCH gen markov --seed 5 -n 3000 -o - > dash
| cmp file default && cmp file dash && echo same
stdout: same

=== the default seed is 1
run:
| for k in random random-text markov; do
|   $KCBENCH gen $k -n 2000 > a && $KCBENCH gen $k --seed 1 -n 2000 > b && cmp a b && echo "$k same"
| done
stdout:
| random same
| random-text same
| markov same

=== a different seed gives different bytes, for every kind that draws from the seed
run:
| for k in random random-text markov; do
|   $KCBENCH gen $k --seed 1 -n 2000 > a && $KCBENCH gen $k --seed 2 -n 2000 > b
|   cmp -s a b || echo "$k differs"
| done
| $KCBENCH gen labelled --seed 1 --docs 5 -n 50 -o l1 && $KCBENCH gen labelled --seed 2 --docs 5 -n 50 -o l2
| cmp -s l1/train.tsv l2/train.tsv || echo "labelled differs"
| $KCBENCH gen samples --seed 1 -n 200 -o s1 && $KCBENCH gen samples --seed 2 -n 200 -o s2
| cmp -s s1/random.bin s2/random.bin || echo "samples differs"
stdout:
| random differs
| random-text differs
| markov differs
| labelled differs
| samples differs

=== repeat depends only on the pattern: the seed changes nothing, the pattern everything
run:
| $KCBENCH gen repeat --seed 1 -n 300 > a && $KCBENCH gen repeat --seed 99 -n 300 > b && cmp a b && echo seed: same
| $KCBENCH gen repeat --pattern 010 -n 300 > c && (cmp -s a c || echo pattern: differs)
stdout:
| seed: same
| pattern: differs

=== markov: --source and --index each give another text
run:
| $KCBENCH gen markov -n 2000 > base
| $KCBENCH gen markov --source 1 -n 2000 > source1
| $KCBENCH gen markov --index 1 -n 2000 > index1
| $KCBENCH gen markov --order 1 -n 2000 > order1
| for f in source1 index1 order1; do cmp -s base $f || echo "$f differs"; done
stdout:
| source1 differs
| index1 differs
| order1 differs

# ---- contents and sizes -------------------------------------------------------------------

=== repeat -n 45 is exactly "001" x 15 (the default pattern)
run:
| $KCBENCH gen repeat -n 45 > got
| for i in $(seq 15); do printf 001; done > want
| cmp want got && echo same
stdout: same

=== repeat cuts the last copy: -n 10 of "abc" is abcabcabca; -n 0 is empty
run:
| $KCBENCH gen repeat --pattern abc -n 10; echo
| $KCBENCH gen repeat --pattern abc -n 0 | wc -c
stdout:
| abcabcabca
| 0

=== random -n N and every other single kind write exactly N bytes (the default is 4096)
run:
| for n in 0 1 7 4096 100001; do
|   for k in random random-text repeat markov; do $KCBENCH gen $k -n $n | wc -c; done | paste -sd' '
| done
| for k in random random-text repeat markov; do $KCBENCH gen $k | wc -c; done | paste -sd' '
stdout:
| 0 0 0 0
| 1 1 1 1
| 7 7 7 7
| 4096 4096 4096 4096
| 100001 100001 100001 100001
| 4096 4096 4096 4096

=== random: a shorter output is a prefix of a longer one with the same seed
run:
| $KCBENCH gen random -n 100 > short && $KCBENCH gen random -n 5000 > long
| cmp -n 100 short long && echo prefix
stdout: prefix

=== random is incompressible: gzip makes it larger (oracle)
run:
| $KCBENCH gen random -n 20000 > r
| test $(python3 "$TESTS/oracle.py" size gzip 9 r) -gt 20000 && echo larger
stdout: larger

=== random-text uses exactly the 27 symbols a-z and space
run:
| $KCBENCH gen random-text -n 20000 > t
| LC_ALL=C tr -d 'a-z ' < t | wc -c
| LC_ALL=C fold -w1 t | sort -u | wc -l
stdout:
| 0
| 27

=== markov text: letters, spaces, commas, . ? ! and newlines, and nothing else
run:
| $KCBENCH gen markov -n 20000 > t
| LC_ALL=C tr -d 'a-zA-Z ,.?!\n' < t | wc -c
| LC_ALL=C tr -cd '.?!' < t | wc -c | awk '{print ($1 > 0 ? "has sentences" : "no sentences")}'
stdout:
| 0
| has sentences

=== labelled writes DIR/train.tsv and DIR/test.tsv: two tab-separated fields per line
run:
| $KCBENCH gen labelled -n 100 -o d
| ls d
| cat d/train.tsv d/test.tsv | awk -F'\t' 'NF != 2 {bad++} END {print bad + 0, "bad lines"}'
stdout:
| test.tsv
| train.tsv
| 0 bad lines

=== labelled defaults: 4 sources x 50 documents, the last fifth of each (10) for test
run:
| $KCBENCH gen labelled -o d
| wc -l < d/train.tsv; wc -l < d/test.tsv
| cut -f1 d/train.tsv | sort | uniq -c | awk '{print $1}' | paste -sd' '
| cut -f1 d/test.tsv | sort | uniq -c | awk '{print $1}' | paste -sd' '
| cut -f1 d/train.tsv | sort -u > a; cut -f1 d/test.tsv | sort -u | diff a - && echo same labels
stdout:
| 160
| 40
| 40 40 40 40
| 10 10 10 10
| same labels

=== labelled with few documents: at least one test document per class (7 docs: 6 + 1)
run:
| $KCBENCH gen labelled --sources 3 --docs 7 -n 50 -o d
| wc -l < d/train.tsv; wc -l < d/test.tsv
| cut -f1 d/test.tsv | sort -u | wc -l
stdout:
| 18
| 3
| 3

=== labelled labels are six lower-case letters; texts have no leading or trailing blank
run:
| $KCBENCH gen labelled --sources 5 --docs 10 -n 60 -o d
| cat d/*.tsv | cut -f1 | grep -cvE '^[a-z]{6}$' || true
| cat d/*.tsv | cut -f2 | grep -cE '^ | $|^$' || true
stdout:
| 0
| 0

=== labelled: document J of class I is the start of markov text J of source I (newlines as blanks), test holds the last fifth
# Lengths: each is drawn within the mean +-25% (45..75 for -n 60); a trailing blank is then
# dropped, so the check adds back the blanks that follow the text in the markov text.
run:
| $KCBENCH gen labelled --seed 4 --sources 2 --docs 5 -n 60 -o d
| for s in 0 1; do for j in 0 1 2 3 4; do
|   $KCBENCH gen markov --seed 4 --source $s --index $j -n 200 | tr '\n' ' ' > m.$s.$j
| done; done
| python3 -c '
| import glob
| texts = {tuple(map(int, f.split(".")[1:])): open(f).read() for f in glob.glob("m.*")}
| label_source, found = {}, {}
| for split, want in (("train", range(0, 4)), ("test", range(4, 5))):
|     for line in open("d/%s.tsv" % split).read().splitlines():
|         label, text = line.split("\t")
|         (s, j), = [k for k, v in texts.items() if v.startswith(text)]
|         assert label_source.setdefault(label, s) == s, (label, s)
|         assert j in want, (split, j)
|         rest = texts[(s, j)][len(text):]
|         assert len(text) <= 75 and len(text) + len(rest) - len(rest.lstrip(" ")) >= 45, line
|         found[(s, j)] = split
| print(len(found), "documents,", len(label_source), "labels")'
stdout: 10 documents, 2 labels

=== samples: the documented files; the two 45-byte ones, the rest of -n bytes each
run:
| $KCBENCH gen samples -n 300 -o d
| ls d | sed 's/markov_[a-z]*_/markov_NAME_/' | sort | uniq -c | awk '{print $2, $1}'
| for i in $(seq 15); do printf 001; done | cmp - d/x1_001x15.txt && echo x1 is 001 x 15
| wc -c < d/random_45.bin
| ls d | grep -v _45 | grep -v x1_ | while read f; do wc -c < "d/$f"; done | sort -u
stdout:
| markov_NAME_1.txt 3
| markov_NAME_2.txt 3
| random.bin 1
| random_45.bin 1
| random_text.txt 1
| repeat_001.txt 1
| repeat_hello.txt 1
| x1_001x15.txt 1
| x1 is 001 x 15
| 45
| 300

=== labelled and samples write into an existing directory
run:
| mkdir d e
| $KCBENCH gen labelled --docs 3 -n 20 -o d && $KCBENCH gen samples -n 100 -o e
| ls d | wc -l; ls e | wc -l
stdout:
| 2
| 12

# ---- errors ----------------------------------------------------------------------------------

=== an unknown kind: exit 2, one line, nothing on standard output
run: $KCBENCH gen noise -n 10
exit: 2
stderr: kcbench gen: unknown kind 'noise' (random, random-text, repeat, markov, labelled, samples)

=== no kind, or two: exit 2, one line
run:
| $KCBENCH gen > out 2> err; echo "$? $(wc -l < err) $(wc -c < out)"
| $KCBENCH gen random markov > out 2> err; echo "$? $(wc -l < err) $(wc -c < out)"
stdout:
| 2 1 0
| 2 1 0

=== bad numbers: exit 2, one line each, nothing on standard output
run:
| for a in '-n abc' '-n -1' '-n 1G' '-n 2000000000' '--seed x' '--seed -1' '--order 0' '--order 5' '--sources 0' '--docs 1' '--source -1' '--index x'; do
|   k=random
|   case $a in --order*|--source\ *|--index*) k=markov;; --sources*|--docs*) k=labelled;; esac
|   $KCBENCH gen $k $a -o d > out 2> err; echo "[$k $a] $? $(wc -l < err) $(wc -c < out)"
| done
| test -e d && echo d written || echo nothing written
stdout:
| [random -n abc] 2 1 0
| [random -n -1] 2 1 0
| [random -n 1G] 2 1 0
| [random -n 2000000000] 2 1 0
| [random --seed x] 2 1 0
| [random --seed -1] 2 1 0
| [markov --order 0] 2 1 0
| [markov --order 5] 2 1 0
| [labelled --sources 0] 2 1 0
| [labelled --docs 1] 2 1 0
| [markov --source -1] 2 1 0
| [markov --index x] 2 1 0
| nothing written

=== an option that does not apply to the kind: exit 2, one line naming it, nothing written
run:
| for a in 'random --order 2' 'random --pattern x' 'random-text --docs 3' 'repeat --source 1' 'markov --pattern ab' 'markov --sources 2' 'labelled --index 1' 'samples --docs 3' 'samples --pattern x'; do
|   $KCBENCH gen $a -o out > stdout 2> err; echo "[$a] $? $(wc -l < err) $(wc -c < stdout) $(test -e out && echo written || echo none)"
| done
| cat err
stdout:
| [random --order 2] 2 1 0 none
| [random --pattern x] 2 1 0 none
| [random-text --docs 3] 2 1 0 none
| [repeat --source 1] 2 1 0 none
| [markov --pattern ab] 2 1 0 none
| [markov --sources 2] 2 1 0 none
| [labelled --index 1] 2 1 0 none
| [samples --docs 3] 2 1 0 none
| [samples --pattern x] 2 1 0 none
| kcbench gen: --pattern does not apply to 'samples' (see 'kcbench gen --help')

=== labelled and samples need -o DIR: exit 2
run:
| $KCBENCH gen labelled > out 2> err; echo "$? $(wc -l < err) $(wc -c < out)"
| $KCBENCH gen samples -o - > out 2> err; echo "$? $(wc -l < err) $(wc -c < out)"
stdout:
| 2 1 0
| 2 1 0

=== an empty --pattern and labelled -n 0: exit 2
run:
| $KCBENCH gen repeat --pattern '' 2> err; echo "$? $(wc -l < err)"
| $KCBENCH gen labelled -n 0 -o d 2> err; echo "$? $(wc -l < err)"
stdout:
| 2 1
| 2 1

=== an unknown option: exit 2, one line
run: $KCBENCH gen random --bogus
exit: 2
stderr: one line

=== an unwritable output path (under a regular file): exit 3, one line
run:
| touch f
| $KCBENCH gen random -n 10 -o f/x > out 2> err; echo "$? $(wc -l < err) $(wc -c < out)"
| $KCBENCH gen labelled -o f/d > out 2> err; echo "$? $(wc -l < err) $(wc -c < out)"
| $KCBENCH gen samples -o f > out 2> err; echo "$? $(wc -l < err) $(wc -c < out)"
| cat err
stdout:
| 3 1 0
| 3 1 0
| 3 1 0
| kcbench gen: f: exists and is not a directory

=== an output in a directory that does not exist: exit 3
run: $KCBENCH gen random -n 10 -o no/such/dir/x
exit: 3
stderr re: kcbench gen: no/such/dir/x: No such file or directory
