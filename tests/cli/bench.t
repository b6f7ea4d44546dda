# kcbench bench: the leaderboard's sizes, derived columns, row layout, options and errors.
# Sizes are never written here: bench_check.py computes them from tests/oracle.py (Python's
# gzip, zlib, lzma, bz2), and kNN accuracies come from `kcbench eval`. Speeds are never
# checked (they vary); every case runs with --min-time 0 --min-runs 1 to stay fast.
# Inputs are made by `kcbench gen` and printf. Exit statuses: 0 ok, 2 usage, 3 input/output.

# ---- sizes against the oracle --------------------------------------------------------

=== csv sizes equal the oracle's for gzip, zlib, xz and bzip2 per file; the totals sum them
run:
| $KCBENCH gen markov -n 3000 -o text.txt && $KCBENCH gen random -n 2000 -o random.bin
| printf 'abc' > tiny
| $KCBENCH bench -c gzip:9,zlib:6,xz:6,bzip2:9 --min-time 0 --min-runs 1 -f csv text.txt random.bin tiny > out.csv
| python3 "$TESTS/cli/bench_check.py" expect gzip:9,zlib:6,xz:6,bzip2:9 text.txt random.bin tiny > want
| cut -d, -f1,5-9,16 out.csv | diff want - && echo same && wc -l < want
stdout:
| same
| 17

=== other levels, raw deflate and -c NAME for the default level agree with the oracle too
run:
| $KCBENCH gen markov -n 5000 --source 2 -o text.txt && $KCBENCH gen random-text -n 3000 -o letters.txt
| $KCBENCH bench -c gzip:1,zlib:9,xz:0,bzip2:1,deflate:6,gzip --min-time 0 --min-runs 1 -f csv text.txt letters.txt > out.csv
| python3 "$TESTS/cli/bench_check.py" expect gzip:1,zlib:9,xz:0,bzip2:1,deflate:6,gzip:9 text.txt letters.txt > want
| cut -d, -f1,5-9,16 out.csv | diff want - && echo same
stdout: same

=== the csv header names every column, in order
run:
| printf 'hello' > x
| $KCBENCH bench -c gzip --min-time 0 --min-runs 1 -f csv x | head -1
stdout: compressor,codec,level,version,file,original,compressed,ratio,bits_per_byte,compress_mbs_best,compress_mbs_median,decompress_mbs_best,decompress_mbs_median,ncd_xx,knn_accuracy,verified,compress_runs,decompress_runs

=== csv: codec, level and version columns are the compressor's, as `kcbench codecs` reports
run:
| printf 'hello hello' > x
| $KCBENCH bench -c xz:3,zstd:5 --min-time 0 --min-runs 1 -f csv x | tail -n +2 | cut -d, -f2-4 > got
| $KCBENCH codecs -f csv | awk -F, '$1=="xz"{print "xz,3,"$3} $1=="zstd"{print "zstd,5,"$3}' > one
| cat one one | diff - got && echo same
stdout: same

# ---- derived columns, verification, formats -------------------------------------------

=== ratio = original/compressed and bits/byte = 8 compressed/original, as printed, in every format
run:
| $KCBENCH gen markov -n 4000 -o text.txt && $KCBENCH gen random -n 1500 -o random.bin && : > empty
| for f in table md csv json; do
|   $KCBENCH bench -c gzip,zlib,deflate,xz,zstd,bzip2 --min-time 0 --min-runs 1 -f $f text.txt random.bin empty > out.$f
|   python3 "$TESTS/cli/bench_check.py" derived $f < out.$f || exit 1
| done
stdout:
| 24 rows: ratio and bits/byte agree with the sizes
| 24 rows: ratio and bits/byte agree with the sizes
| 24 rows: ratio and bits/byte agree with the sizes
| 24 rows: ratio and bits/byte agree with the sizes

=== every row is verified: the round trip gave back the input, for every codec
run:
| $KCBENCH gen markov -n 4000 -o text.txt && $KCBENCH gen random -n 1500 -o random.bin
| $KCBENCH bench -c all --min-time 0 --min-runs 1 -f csv text.txt random.bin > out.csv
| n=$($KCBENCH codecs -f csv | tail -n +2 | wc -l)
| tail -n +2 out.csv | cut -d, -f16 | sort | uniq -c | sed 's/^ *//' > got
| echo "$((3 * n)) true" | diff - got && echo all verified
stdout: all verified

=== table, md, csv and json carry the same rows (compressor, file, sizes, verified)
run:
| $KCBENCH gen markov -n 3000 -o a.txt && $KCBENCH gen random -n 700 -o b.bin
| for f in table md csv json; do
|   $KCBENCH bench -c gzip:9,zstd:3,bzip2:9,deflate:1 --min-time 0 --min-runs 1 -f $f a.txt b.bin > out.$f
|   python3 "$TESTS/cli/bench_check.py" rows $f < out.$f > rows.$f || exit 1
| done
| for f in table md json; do diff rows.csv rows.$f || exit 1; done
| wc -l < rows.csv
stdout: 12

=== json parses, with the documented keys, and --min-runs N gives N timed calls each way
run:
| $KCBENCH gen markov -n 3000 -o a.txt
| $KCBENCH bench -c gzip,xz --min-time 0 --min-runs 3 -f json a.txt > out.json
| python3 -c '
| import json
| rows = json.load(open("out.json"))
| keys = ["compressor", "codec", "level", "version", "file", "original", "compressed", "ratio",
|         "bits_per_byte", "compress_mbs_best", "compress_mbs_median", "decompress_mbs_best",
|         "decompress_mbs_median", "ncd_xx", "knn_accuracy", "verified", "compress_runs",
|         "decompress_runs"]
| for r in rows:
|     assert list(r) == keys, list(r)
|     if r["file"] != "(total)":
|         assert r["compress_runs"] == 3 and r["decompress_runs"] == 3, r
| print(len(rows), "rows", [r["file"] for r in rows])'
stdout: 4 rows ['a.txt', 'a.txt', '(total)', '(total)']

=== the table: a header, then each file's rows, a blank line between files, totals last
run:
| printf 'first file' > one; printf 'second file' > two
| $KCBENCH bench -c gzip:9,bzip2:9 --min-time 0 --min-runs 1 one two | awk 'NF {print $1, $3} !NF {print ""}'
stdout:
| compressor file
| gzip:9 one
| bzip2:9 one
|
| gzip:9 two
| bzip2:9 two
|
| gzip:9 (total)
| bzip2:9 (total)

=== md: a header, the alignment row, then one row per file and compressor and the totals
run:
| printf 'first file' > one
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 -f md one | sed 's/ //g' | cut -d'|' -f2,4
stdout:
| compressor|file
| ---|---
| gzip:9|one
| gzip:9|(total)

=== -o FILE writes the output there and nothing on standard output
run:
| printf 'some text, some text' > x
| $KCBENCH bench -c gzip:9,bzip2:9 --min-time 0 --min-runs 1 -f csv -o out.csv x > stdout.txt
| test -s stdout.txt || echo nothing on stdout
| python3 "$TESTS/cli/bench_check.py" expect gzip:9,bzip2:9 x > want
| cut -d, -f1,5-9,16 out.csv | diff want - && echo same
stdout:
| nothing on stdout
| same

# ---- which compressors ------------------------------------------------------------------

=== -c all: one set of rows per codec of `kcbench codecs`, at its default level, in that order
run:
| $KCBENCH gen markov -n 2000 -o a.txt && printf 'b' > b.txt
| $KCBENCH codecs -f csv | tail -n +2 | cut -d, -f1,6 | tr , : > want
| $KCBENCH bench -c all --min-time 0 --min-runs 1 -f csv a.txt b.txt > out.csv
| for f in a.txt b.txt '(total)'; do awk -F, -v f="$f" '$5 == f {print $1}' out.csv | diff want - || exit 1; done
| test $(($(wc -l < out.csv) - 1)) -eq $((3 * $(wc -l < want))) && echo "3 sets of $(wc -l < want) rows, nothing else"
stdout re: 3 sets of [1-9]\d* rows, nothing else

=== no -c means -c all
run:
| printf 'abcabcabc' > a
| $KCBENCH bench --min-time 0 --min-runs 1 -f csv a | cut -d, -f1,5-7 > default
| $KCBENCH bench -c all --min-time 0 --min-runs 1 -f csv a | cut -d, -f1,5-7 | diff default - && echo same
stdout: same

=== -c zstd:all gives every level of zstd, as `kcbench codecs` lists them: 22
run:
| $KCBENCH gen markov -n 2000 -o a.txt
| $KCBENCH codecs -f csv | awk -F, '$1 == "zstd" {print $4, $5}' > range
| read lo hi < range
| seq $lo $hi | sed 's/^/zstd:/' > want
| $KCBENCH bench -c zstd:all --min-time 0 --min-runs 1 -f csv a.txt > out.csv
| awk -F, '$5 == "a.txt" {print $1}' out.csv | diff want - || exit 1
| awk -F, '$5 == "(total)" {print $1}' out.csv | diff want - || exit 1
| awk -F, '$5 == "a.txt" {print $3}' out.csv | tr '\n' ' ' | grep -q '^1 2 3 .* 22 $' && wc -l < want
stdout: 22

=== -c zstd:1,3 gives two levels: a row each per file, and their totals
run:
| printf 'hello hello hello' > a; printf 'world' > b
| $KCBENCH bench -c zstd:1,3 --min-time 0 --min-runs 1 -f csv a b | cut -d, -f1,3,5
stdout:
| compressor,level,file
| zstd:1,1,a
| zstd:3,3,a
| zstd:1,1,b
| zstd:3,3,b
| zstd:1,1,(total)
| zstd:3,3,(total)

# ---- --chunk ------------------------------------------------------------------------------

=== --chunk 4K on 20000 bytes: the size is the sum of the oracle's sizes of 4096-byte chunks
run:
| $KCBENCH gen markov -n 20000 -o t20
| $KCBENCH bench -c gzip:9,zlib:6,bzip2:9 --chunk 4K --min-time 0 --min-runs 1 -f csv t20 > out.csv
| python3 "$TESTS/cli/bench_check.py" expect --chunk 4096 gzip:9,zlib:6,bzip2:9 t20 > want
| cut -d, -f1,5-9,16 out.csv | diff want - && echo same
stdout: same

=== --chunk 4K compresses worse than whole-file gzip (the chunks cannot share matches)
run:
| $KCBENCH gen markov -n 20000 -o t20
| $KCBENCH bench -c gzip:9 --chunk 4K --min-time 0 --min-runs 1 -f csv t20 | awk -F, 'NR==2 {print $7}' > chunked
| python3 "$TESTS/oracle.py" size gzip 9 t20 > whole
| test "$(cat chunked)" -gt "$(cat whole)" && echo worse
stdout: worse

=== --chunk 4096, 4k and 4K are the same; a chunk larger than the file is the whole file
run:
| $KCBENCH gen markov -n 10000 -o t
| for c in 4096 4k 4K; do $KCBENCH bench -c gzip:9 --chunk $c --min-time 0 --min-runs 1 -f csv t | cut -d, -f7 | tail -1; done | uniq | wc -l
| $KCBENCH bench -c gzip:9 --chunk 1M --min-time 0 --min-runs 1 -f csv t > big.csv
| python3 "$TESTS/cli/bench_check.py" expect gzip:9 t > want
| cut -d, -f1,5-9,16 big.csv | diff want - && echo whole
stdout:
| 1
| whole

=== --chunk with a file that is an exact multiple of the chunk (no short last chunk)
run:
| $KCBENCH gen random-text -n 8192 -o t
| $KCBENCH bench -c gzip:9,bzip2:9 --chunk 2K --min-time 0 --min-runs 1 -f csv t > out.csv
| python3 "$TESTS/cli/bench_check.py" expect --chunk 2048 gzip:9,bzip2:9 t > want
| cut -d, -f1,5-9,16 out.csv | diff want - && echo same
stdout: same

# ---- --learn -----------------------------------------------------------------------------

=== --learn: NCD(x,x) = (C(xx) - C(x)) / C(x) from the oracle; the total is the mean over files
run:
| $KCBENCH gen markov -n 6000 -o text.txt && $KCBENCH gen random -n 40000 -o random.bin && : > empty
| $KCBENCH bench -c gzip:9,bzip2:9,xz:6 --learn --min-time 0 --min-runs 1 -f csv text.txt random.bin empty > out.csv
| python3 "$TESTS/cli/bench_check.py" expect --learn gzip:9,bzip2:9,xz:6 text.txt random.bin empty > want
| cut -d, -f1,5-9,14,16 out.csv | diff want - && echo same
stdout: same

=== --learn shows gzip's window: 40 KB of random bytes seen twice cost twice (NCD near 1)
run:
| $KCBENCH gen random -n 40000 -o random.bin
| $KCBENCH bench -c gzip:9,xz:6 --learn --min-time 0 --min-runs 1 -f csv random.bin | awk -F, '$5 == "random.bin" {print $1, ($14 > 0.9 ? "far" : "near")}'
stdout:
| gzip:9 far
| xz:6 near

=== --learn adds the NCD(x,x) column to the table and md; without it there is none
run:
| printf 'abcabc' > x
| $KCBENCH bench -c gzip --learn --min-time 0 --min-runs 1 x | head -1 | grep -c 'NCD(x,x)'
| $KCBENCH bench -c gzip --learn --min-time 0 --min-runs 1 -f md x | head -1 | grep -c 'NCD(x,x)'
| $KCBENCH bench -c gzip --min-time 0 --min-runs 1 x | head -1 | grep -c 'NCD' || true
stdout:
| 1
| 1
| 0

# ---- --sort ------------------------------------------------------------------------------

=== --sort ratio orders each file's rows (and the totals) by descending ratio, the same rows
run:
| $KCBENCH gen markov -n 5000 -o a.txt && $KCBENCH gen random -n 3000 -o b.bin
| C=gzip:1,deflate:9,xz:6,bzip2:9,zstd:19,zstd:1
| $KCBENCH bench -c $C --sort ratio --min-time 0 --min-runs 1 -f csv a.txt b.bin > sorted.csv
| $KCBENCH bench -c $C --min-time 0 --min-runs 1 -f csv a.txt b.bin > plain.csv
| python3 "$TESTS/cli/bench_check.py" sorted ratio < sorted.csv
| cut -d, -f1,5-7 sorted.csv | sort > s; cut -d, -f1,5-7 plain.csv | sort | diff - s && echo same rows
| cmp -s sorted.csv plain.csv || echo order changed
| cut -d, -f5 sorted.csv | uniq | paste -sd' '
stdout:
| 3 groups ordered by ratio
| same rows
| order changed
| file a.txt b.bin (total)

=== --sort compressed and bpb order ascending; --sort name is the -c order
run:
| $KCBENCH gen markov -n 5000 -o a.txt
| C=zstd:1,gzip:1,xz:6,bzip2:9
| $KCBENCH bench -c $C --sort compressed --min-time 0 --min-runs 1 -f csv a.txt | python3 "$TESTS/cli/bench_check.py" sorted compressed
| $KCBENCH bench -c $C --sort bpb --min-time 0 --min-runs 1 -f csv a.txt | python3 "$TESTS/cli/bench_check.py" sorted bits_per_byte
| $KCBENCH bench -c $C --sort name --min-time 0 --min-runs 1 -f csv a.txt | awk -F, '$5 == "a.txt" {print $1}' | paste -sd' '
stdout:
| 2 groups ordered by compressed
| 2 groups ordered by bits_per_byte
| zstd:1 gzip:1 xz:6 bzip2:9

# ---- inputs -------------------------------------------------------------------------------

=== a DIR stands for its regular files in name order (byte order), hidden files and subfolders skipped
run:
| mkdir -p d/sub
| printf 'bbbb bbbb' > d/b.txt; printf 'AAAA' > d/A.txt; printf 'cc' > d/c.txt
| printf 'hidden' > d/.hidden; printf 'inner' > d/sub/inner.txt
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 -f csv d | cut -d, -f5 | tail -n +2
stdout:
| A.txt
| b.txt
| c.txt
| (total)

=== a DIR gives the same rows as its files listed one by one
run:
| mkdir d
| $KCBENCH gen markov -n 3000 -o d/m.txt && $KCBENCH gen random -n 900 -o d/r.bin && printf 'x' > d/a
| $KCBENCH bench -c gzip:9,bzip2:9 --min-time 0 --min-runs 1 -f csv d | cut -d, -f1,5-9 > dir.csv
| $KCBENCH bench -c gzip:9,bzip2:9 --min-time 0 --min-runs 1 -f csv d/a d/m.txt d/r.bin | cut -d, -f1,5-9 | diff dir.csv - && echo same
| python3 "$TESTS/cli/bench_check.py" expect gzip:9,bzip2:9 d/a d/m.txt d/r.bin | cut -d, -f1-6 | diff - dir.csv && echo oracle
stdout:
| same
| oracle

=== files and a DIR may be mixed: in the order given, the DIR's files in its place
run:
| mkdir d; printf 'two' > d/two; printf 'three' > d/three; printf 'one' > one; printf 'four' > four
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 -f csv one d four | cut -d, -f5 | tail -n +2
stdout:
| one
| three
| two
| four
| (total)

=== an empty file works: C(empty) is the container, ratio 0/C = 0, bits/byte undefined
run:
| : > empty
| $KCBENCH bench -c gzip:9,xz:6,bzip2:9 --min-time 0 --min-runs 1 -f csv empty > out.csv
| python3 "$TESTS/cli/bench_check.py" expect gzip:9,xz:6,bzip2:9 empty > want
| cut -d, -f1,5-9,16 out.csv | diff want - && echo same
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 empty | awk 'NR == 2 {print $4, $6, $7}'
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 -f json empty | python3 -c 'import json, sys; r = json.load(sys.stdin)[0]; print(r["original"], r["ratio"], r["bits_per_byte"], r["verified"])'
stdout:
| same
| 0 0.000 -
| 0 0.0 None True

=== a file name with a comma is quoted in csv
run:
| printf 'data' > 'a,b'
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 -f csv 'a,b' | python3 -c 'import csv, sys; print([r["file"] for r in csv.DictReader(sys.stdin)])'
stdout: ['a,b', '(total)']

# ---- --classify ------------------------------------------------------------------------------

=== --classify TRAIN,TEST: each total row's accuracy is what `kcbench eval -k 1 --rules vote --sep ' '` reports
run:
| $KCBENCH gen labelled --sources 4 --docs 15 -n 40 --order 1 -o d
| C=gzip:9,bzip2:9,xz:6,zstd:3
| $KCBENCH eval -c $C -k 1 --rules vote --sep ' ' -f csv -t d/train.tsv -T d/test.tsv | tail -n +2 | cut -d, -f2,8 > want
| $KCBENCH bench -c $C --classify d/train.tsv,d/test.tsv --min-time 0 --min-runs 1 -f csv d/test.tsv > out.csv
| awk -F, '$5 == "(total)" {print $1 "," $15}' out.csv | diff want - && echo same
| test $(cut -d, -f2 want | sort -u | wc -l) -ge 2 && echo the compressors differ
stdout:
| same
| the compressors differ

=== --classify with -k 3 and --test-sample 6 agrees with eval given the same -k and --test-sample
run:
| $KCBENCH gen labelled --sources 4 --docs 15 -n 40 --order 1 -o d
| $KCBENCH eval -c gzip:9,bzip2:9 -k 3 --rules vote --sep ' ' --test-sample 6 -f csv -t d/train.tsv -T d/test.tsv | tail -n +2 | cut -d, -f2,7,8 > want
| $KCBENCH bench -c gzip:9,bzip2:9 -k 3 --test-sample 6 --classify d/train.tsv,d/test.tsv --min-time 0 --min-runs 1 -f csv d/train.tsv > out.csv
| awk -F, '$5 == "(total)" {print $1 ",6," $15}' out.csv | diff want - && echo same
stdout: same

=== --classify: only the totals carry an accuracy; the table and md get a kNN acc column
run:
| $KCBENCH gen labelled --sources 2 --docs 10 -n 60 -o d
| $KCBENCH bench -c gzip:9 --classify d/train.tsv,d/test.tsv --min-time 0 --min-runs 1 -f csv d/train.tsv d/test.tsv | cut -d, -f5,15
| $KCBENCH bench -c gzip:9 --classify d/train.tsv,d/test.tsv --min-time 0 --min-runs 1 d/test.tsv | head -1 | grep -c 'kNN acc'
| $KCBENCH bench -c gzip:9 --classify d/train.tsv,d/test.tsv --min-time 0 --min-runs 1 -f md d/test.tsv | head -1 | grep -c 'kNN acc'
stdout re:
| file,knn_accuracy
| train\.tsv,
| test\.tsv,
| \(total\),[01]\.\d{6}
| 1
| 1

# ---- errors ----------------------------------------------------------------------------------

=== a missing file: exit 3, one line naming it, nothing on standard output
run: printf 'x' > here; $KCBENCH bench -c gzip --min-time 0 --min-runs 1 here missing.txt
exit: 3
stderr re: kcbench bench: missing\.txt: No such file or directory

=== an empty DIR has no files to benchmark: exit 3, one line
run: mkdir d; $KCBENCH bench -c gzip --min-time 0 --min-runs 1 d
exit: 3
stderr: one line

=== an unknown codec: exit 2, one line, alone or after another
run:
| printf 'x' > a
| $KCBENCH bench -c nosuchcodec --min-time 0 --min-runs 1 a 2> err; echo "$? $(wc -l < err)"
| $KCBENCH bench -c gzip:9,nosuchcodec:3 --min-time 0 --min-runs 1 a 2>> err; echo "$? $(wc -l < err)"
| sed 's/ (this build has: .*)$//' err
stdout:
| 2 1
| 2 2
| kcbench bench: -c nosuchcodec: unknown compressor 'nosuchcodec'
| kcbench bench: -c gzip:9,nosuchcodec:3: unknown compressor 'nosuchcodec'

=== a level out of range: exit 2, one line
run: printf 'x' > a; $KCBENCH bench -c gzip:10 --min-time 0 --min-runs 1 a
exit: 2
stderr: one line

=== bad --chunk values: exit 2, one line each, nothing on standard output
run:
| printf 'x' > a
| for v in 0 -1 4X 1.5K K '' 99999999999999M; do
|   $KCBENCH bench -c gzip --chunk "$v" --min-time 0 --min-runs 1 a > out 2> err
|   echo "[$v] $? $(wc -l < err) $(wc -c < out)"
| done
stdout:
| [0] 2 1 0
| [-1] 2 1 0
| [4X] 2 1 0
| [1.5K] 2 1 0
| [K] 2 1 0
| [] 2 1 0
| [99999999999999M] 2 1 0

=== a bad --sort column: exit 2, one line listing the columns
run: printf 'x' > a; $KCBENCH bench -c gzip --sort speed --min-time 0 --min-runs 1 a
exit: 2
stderr: kcbench bench: --sort speed: one of name, ratio, bpb, compressed, compress, decompress, ncd, accuracy

=== bad --min-time and --min-runs values: exit 2, one line each
run:
| printf 'x' > a
| for v in -1 abc 3601 nan ''; do $KCBENCH bench -c gzip --min-time "$v" a > out 2> err; echo "[$v] $? $(wc -l < err) $(wc -c < out)"; done
| for v in 0 -2 x; do $KCBENCH bench -c gzip --min-time 0 --min-runs "$v" a > out 2> err; echo "[$v] $? $(wc -l < err) $(wc -c < out)"; done
stdout:
| [-1] 2 1 0
| [abc] 2 1 0
| [3601] 2 1 0
| [nan] 2 1 0
| [] 2 1 0
| [0] 2 1 0
| [-2] 2 1 0
| [x] 2 1 0

=== no inputs: exit 2, one line
run: $KCBENCH bench -c gzip --min-time 0
exit: 2
stderr: kcbench bench: needs at least one FILE or DIR

=== --format plain is not a bench format: exit 2
run: printf 'x' > a; $KCBENCH bench -f plain --min-time 0 a
exit: 2
stderr: kcbench bench: -f: unknown format 'plain' (table, csv, tsv, json, md)

=== --classify without a comma, or with a missing file: exit 2 and 3
run:
| printf 'x' > a
| $KCBENCH bench -c gzip --classify train.tsv --min-time 0 --min-runs 1 a 2> err; echo "$? $(wc -l < err)"
| $KCBENCH bench -c gzip --classify nope.tsv,nope2.tsv --min-time 0 --min-runs 1 a 2> err; echo "$? $(wc -l < err)"
stdout:
| 2 1
| 3 1
