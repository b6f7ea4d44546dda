# kcbench bench: the leaderboard's sizes, derived columns, row layout, the memcpy reference,
# the header, lzbench's -e, streaming and interruption, options and errors.
# Sizes are never written here: bench_check.py computes them from tests/oracle.py (Python's
# gzip, zlib, lzma, bz2), and kNN accuracies come from `kcbench eval`. Speeds are never
# checked (they vary); every case runs with --min-time 0 --min-runs 1 to stay fast, but for
# the interruptions, which need a run long enough to be stopped (a few seconds at most).
# Inputs are made by `kcbench gen` and printf. Exit statuses: 0 ok, 2 usage, 3 input/output,
# 130 interrupted.

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
| 21

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
| $KCBENCH bench -c gzip --min-time 0 --min-runs 1 -f csv x > out.csv && head -1 out.csv
stdout: compressor,codec,level,version,file,original,compressed,ratio,bits_per_byte,compress_mbs_best,compress_mbs_median,decompress_mbs_best,decompress_mbs_median,ncd_xx,knn_accuracy,verified,compress_runs,decompress_runs,library,cpu,cores,compiler,kcbench_version

=== csv: codec, level, version and library columns are the compressor's, as `kcbench codecs` reports
run:
| printf 'hello hello' > x
| $KCBENCH bench -c xz:3,zstd:5 --min-time 0 --min-runs 1 -f csv x | tail -n +2 | grep -v ^memcpy, | cut -d, -f2-4,19 > got
| $KCBENCH codecs -f csv | awk -F, '$1=="xz"{print "xz,3,"$3","$2} $1=="zstd"{print "zstd,5,"$3","$2}' > one
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
| 28 rows: ratio and bits/byte agree with the sizes
| 28 rows: ratio and bits/byte agree with the sizes
| 28 rows: ratio and bits/byte agree with the sizes
| 28 rows: ratio and bits/byte agree with the sizes

=== every row is verified: the round trip gave back the input, for every codec and memcpy
run:
| $KCBENCH gen markov -n 4000 -o text.txt && $KCBENCH gen random -n 1500 -o random.bin
| $KCBENCH bench -c all --min-time 0 --min-runs 1 -f csv text.txt random.bin > out.csv
| n=$($KCBENCH codecs -f csv | tail -n +2 | wc -l)
| tail -n +2 out.csv | cut -d, -f16 | sort | uniq -c | sed 's/^ *//' > got
| echo "$((3 * (n + 1))) true" | diff - got && echo all verified
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
stdout: 15

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
|         "decompress_runs", "library", "cpu", "cores", "compiler", "kcbench_version"]
| for r in rows:
|     assert list(r) == keys, list(r)
|     if r["file"] != "(total)":
|         assert r["compress_runs"] == 3 and r["decompress_runs"] == 3, r
| print(len(rows), "rows", [r["file"] for r in rows])'
stdout: 6 rows ['a.txt', 'a.txt', 'a.txt', '(total)', '(total)', '(total)']

=== the table: a title, a header, then each file's rows (memcpy first), a blank line between files, totals last
run:
| printf 'first file' > one; printf 'second file' > two
| $KCBENCH bench -c gzip:9,bzip2:9 --min-time 0 --min-runs 1 one two > out
| head -1 out | grep -q '^# kcbench ' && echo title
| tail -n +2 out | awk 'NF {print $1, $3} !NF {print ""}'
stdout:
| title
| compressor file
| memcpy one
| gzip:9 one
| bzip2:9 one
|
| memcpy two
| gzip:9 two
| bzip2:9 two
|
| memcpy (total)
| gzip:9 (total)
| bzip2:9 (total)

=== md: a bold title, a header, the alignment row, then one row per file and compressor and the totals
run:
| printf 'first file' > one
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 -f md one > out.md
| head -2 out.md | sed 's/^\*\*kcbench .*\*\*$/title/'
| tail -n +3 out.md | sed 's/ //g' | cut -d'|' -f2,4
stdout:
| title
|
| compressor|file
| ---|---
| memcpy|one
| gzip:9|one
| memcpy|(total)
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

# ---- the memcpy reference and the header --------------------------------------------------

=== memcpy opens every file's rows and the totals: compressed = original, ratio 1, bits/byte 8, verified
run:
| $KCBENCH gen markov -n 3000 -o a.txt && $KCBENCH gen random -n 500 -o b.bin
| $KCBENCH bench -c gzip:9,xz:6 --learn --chunk 1K --min-time 0 --min-runs 2 -f json a.txt b.bin > out.json
| python3 -c '
| import json
| rows = json.load(open("out.json"))
| for i in range(0, len(rows), 3):
|     m = rows[i]
|     assert m["compressor"] == "memcpy" and m["codec"] == "memcpy" and m["level"] is None, m
|     assert m["compressed"] == m["original"] > 0 and m["ratio"] == 1 and m["bits_per_byte"] == 8, m
|     assert m["verified"] and m["compress_runs"] == m["decompress_runs"] == (2 if i < 6 else 4), m
|     assert m["ncd_xx"] is None and m["library"] in ("glibc", "libc"), m
|     assert m["compress_mbs_best"] >= m["compress_mbs_median"] > 0, m
|     print(m["file"], m["original"], [r["compressor"] for r in rows[i + 1:i + 3]])'
stdout:
| a.txt 3000 ['gzip:9', 'xz:6']
| b.bin 500 ['gzip:9', 'xz:6']
| (total) 3500 ['gzip:9', 'xz:6']

=== memcpy in the table: a row of its own before each file's compressors, ratio 1.000, no level
run:
| printf 'some text to copy' > t
| $KCBENCH bench -c zstd:3 --min-time 0 --min-runs 1 t | awk 'NR > 2 && NF {print $1, $3, $4, $5, $6, $7, $NF}'
stdout:
| memcpy t 17 17 1.000 8.000 yes
| zstd:3 t 17 26 0.654 12.235 yes
| memcpy (total) 17 17 1.000 8.000 yes
| zstd:3 (total) 17 26 0.654 12.235 yes

=== the header: a title in table and md, the same facts as columns of every csv and json row
run:
| printf 'header test, header test' > x; printf 'y' > y
| for f in table md csv json; do $KCBENCH bench -c gzip:9,xz:6,zlib:6 --min-time 0 --min-runs 1 -f $f x y > out.$f || exit 1; done
| python3 "$TESTS/cli/bench_check.py" header out.table out.md out.csv out.json
| python3 -c '
| import csv, os
| r = next(csv.DictReader(open("out.csv")))
| want = [l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")]
| print("cores:", int(r["cores"]) == os.sysconf("SC_NPROCESSORS_ONLN"))
| print("cpu:", r["cpu"] == want[0] if want else r["cpu"] != "")
| print("compiler:", r["compiler"].split()[0] in ("gcc", "clang"), "version:", r["kcbench_version"] != "")'
| sed -n '1s/^.*; //p' out.table | sed 's/ [0-9][^,]*//g'
stdout:
| title and columns agree
| cores: True
| cpu: True
| compiler: True version: True
| glibc, zlib, liblzma

# ---- which compressors ------------------------------------------------------------------

=== -c all: one set of rows per codec of `kcbench codecs`, at its default level, in that order
run:
| $KCBENCH gen markov -n 2000 -o a.txt && printf 'b' > b.txt
| { echo memcpy; $KCBENCH codecs -f csv | tail -n +2 | cut -d, -f1,6 | tr , :; } > want
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
| awk -F, '$5 == "a.txt" && $1 != "memcpy" {print $1}' out.csv | diff want - || exit 1
| awk -F, '$5 == "(total)" && $1 != "memcpy" {print $1}' out.csv | diff want - || exit 1
| awk -F, '$5 == "a.txt" {print $3}' out.csv | tr '\n' ' ' | grep -q '^ 1 2 3 .* 22 $' && wc -l < want
stdout: 22

=== -c zstd:1,3 gives two levels: a row each per file, and their totals
run:
| printf 'hello hello hello' > a; printf 'world' > b
| $KCBENCH bench -c zstd:1,3 --min-time 0 --min-runs 1 -f csv a b | cut -d, -f1,3,5
stdout:
| compressor,level,file
| memcpy,,a
| zstd:1,1,a
| zstd:3,3,a
| memcpy,,b
| zstd:1,1,b
| zstd:3,3,b
| memcpy,,(total)
| zstd:1,1,(total)
| zstd:3,3,(total)

# ---- lzbench's -e ------------------------------------------------------------------------

=== -e zstd,1,3,19/xz,6 (lzbench's syntax) gives the rows of -c zstd:1,3,19,xz:6
run:
| $KCBENCH gen markov -n 3000 -o a.txt && printf 'bb' > b.txt
| $KCBENCH bench -e zstd,1,3,19/xz,6 --min-time 0 --min-runs 1 -f csv a.txt b.txt | cut -d, -f1-3,5-9 > e.csv
| $KCBENCH bench -c zstd:1,3,19,xz:6 --min-time 0 --min-runs 1 -f csv a.txt b.txt | cut -d, -f1-3,5-9 | diff - e.csv && echo same
| awk -F, '$4 == "a.txt" {print $1}' e.csv | paste -sd' '
stdout:
| same
| memcpy zstd:1 zstd:3 zstd:19 xz:6

=== -e NAME alone is every level of it, as lzbench -ezstd; memcpy in the list adds nothing
run:
| printf 'hello hello' > a
| $KCBENCH codecs -f csv | awk -F, '$1 == "bzip2" {print $4, $5}' > range
| read lo hi < range
| { echo memcpy; echo xz:6; seq $lo $hi | sed 's/^/bzip2:/'; } > want
| $KCBENCH bench -e memcpy/xz,6/bzip2 --min-time 0 --min-runs 1 -f csv a | awk -F, '$5 == "a" {print $1}' | diff want - && echo same
stdout: same

=== -e all is every level of every codec of `kcbench codecs`, in its order
run:
| printf 'abc abc abc' > a
| $KCBENCH codecs -f csv | tail -n +2 | awk -F, '{for (l = $4; l <= $5; l++) print $1 ":" l}' > levels
| { echo memcpy; cat levels; } > want
| $KCBENCH bench -e all --min-time 0 --min-runs 1 -f csv a | awk -F, '$5 == "a" {print $1}' | diff want - && echo same
| test "$(wc -l < levels)" -gt 50 && echo many
stdout:
| same
| many

=== -e memcpy alone: the memcpy rows only
run: printf 'abc' > a; $KCBENCH bench -e memcpy --min-time 0 --min-runs 1 -f csv a | cut -d, -f1,5
stdout:
| compressor,file
| memcpy,a
| memcpy,(total)

=== -e and -c together: exit 2, one line, whichever comes first
run:
| printf 'x' > a
| $KCBENCH bench -c gzip -e zstd,1 --min-time 0 a > out 2> err; echo "$? $(wc -l < err) $(wc -c < out)"
| $KCBENCH bench -e zstd,1 -c gzip --min-time 0 a > out 2>> err; echo "$? $(wc -l < err) $(wc -c < out)"
| sort -u err
stdout:
| 2 1 0
| 2 2 0
| kcbench bench: -c and -e name the compressors twice: give one of them

=== a bad -e list: exit 2, one line with the reason
run:
| printf 'x' > a
| for e in zstd:3 zstd,,3 zstd//xz nope,1 zstd,23 all,1 ''; do $KCBENCH bench -e "$e" --min-time 0 a 2>&1 >/dev/null; echo "$?"; done | sed 's/ (this build has: .*)$//'
stdout:
| kcbench bench: -e zstd:3: unknown compressor 'zstd:3' (in this syntax levels follow commas: zstd,1,3)
| 2
| kcbench bench: -e zstd,,3: empty level in 'zstd' entry
| 2
| kcbench bench: -e zstd//xz: empty entry in compressor list
| 2
| kcbench bench: -e nope,1: unknown compressor 'nope'
| 2
| kcbench bench: -e zstd,23: level 23 out of range for zstd (1..22)
| 2
| kcbench bench: -e all,1: 'all' takes no levels
| 2
| kcbench bench: -e : empty entry in compressor list
| 2

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
| $KCBENCH bench -c gzip:9 --chunk 4K --min-time 0 --min-runs 1 -f csv t20 | awk -F, '$1 == "gzip:9" {print $7; exit}' > chunked
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
| $KCBENCH bench -c gzip:9,xz:6 --learn --min-time 0 --min-runs 1 -f csv random.bin | awk -F, '$5 == "random.bin" {print $1, ($14 == "" ? "none" : $14 > 0.9 ? "far" : "near")}'
stdout:
| memcpy none
| gzip:9 far
| xz:6 near

=== --learn adds the NCD(x,x) column to the table and md; without it there is none
run:
| printf 'abcabc' > x
| $KCBENCH bench -c gzip --learn --min-time 0 --min-runs 1 x | sed -n 2p | grep -c 'NCD(x,x)'
| $KCBENCH bench -c gzip --learn --min-time 0 --min-runs 1 -f md x | sed -n 3p | grep -c 'NCD(x,x)'
| $KCBENCH bench -c gzip --min-time 0 --min-runs 1 x | sed -n 2p | grep -c 'NCD' || true
stdout:
| 1
| 1
| 0

# ---- --sort ------------------------------------------------------------------------------

=== --sort ratio orders each file's rows (and the totals) by descending ratio, memcpy first, the same rows
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
| memcpy zstd:1 gzip:1 xz:6 bzip2:9

# ---- inputs -------------------------------------------------------------------------------

=== a DIR stands for its regular files in name order (byte order), hidden files and subfolders skipped
run:
| mkdir -p d/sub
| printf 'bbbb bbbb' > d/b.txt; printf 'AAAA' > d/A.txt; printf 'cc' > d/c.txt
| printf 'hidden' > d/.hidden; printf 'inner' > d/sub/inner.txt
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 -f csv d | cut -d, -f5 | tail -n +2 | uniq
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
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 -f csv one d four | cut -d, -f5 | tail -n +2 | uniq
stdout:
| one
| three
| two
| four
| (total)

=== an empty file works: C(empty) is the container, ratio 0/C = 0, bits/byte undefined (memcpy: both)
run:
| : > empty
| $KCBENCH bench -c gzip:9,xz:6,bzip2:9 --min-time 0 --min-runs 1 -f csv empty > out.csv
| python3 "$TESTS/cli/bench_check.py" expect gzip:9,xz:6,bzip2:9 empty > want
| cut -d, -f1,5-9,16 out.csv | diff want - && echo same
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 empty | awk '$1 == "gzip:9" || $1 == "memcpy" {print $1, $4, $5, $6, $7; exit}'
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 empty | awk '$1 == "gzip:9" {print $4, $6, $7; exit}'
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 -f json empty | python3 -c 'import json, sys; r = json.load(sys.stdin)[1]; print(r["original"], r["ratio"], r["bits_per_byte"], r["verified"])'
stdout:
| same
| memcpy 0 0 - -
| 0 0.000 -
| 0 0.0 None True

=== a file name with a comma is quoted in csv
run:
| printf 'data' > 'a,b'
| $KCBENCH bench -c gzip:9 --min-time 0 --min-runs 1 -f csv 'a,b' | python3 -c 'import csv, sys; print([r["file"] for r in csv.DictReader(sys.stdin)])'
stdout: ['a,b', 'a,b', '(total)', '(total)']

# ---- --classify ------------------------------------------------------------------------------

=== --classify TRAIN,TEST: each total row's accuracy is what `kcbench eval -k 1 --rules vote --sep ' '` reports
run:
| $KCBENCH gen labelled --sources 4 --docs 15 -n 40 --order 1 -o d
| C=gzip:9,bzip2:9,xz:6,zstd:3
| $KCBENCH eval -c $C -k 1 --rules vote --sep ' ' -f csv -t d/train.tsv -T d/test.tsv | tail -n +2 | cut -d, -f2,8 > want
| $KCBENCH bench -c $C --classify d/train.tsv,d/test.tsv --min-time 0 --min-runs 1 -f csv d/test.tsv > out.csv
| awk -F, '$5 == "(total)" && $1 != "memcpy" {print $1 "," $15}' out.csv | diff want - && echo same
| test $(cut -d, -f2 want | sort -u | wc -l) -ge 2 && echo the compressors differ
stdout:
| same
| the compressors differ

=== --classify with -k 3 and --test-sample 6 agrees with eval given the same -k and --test-sample
run:
| $KCBENCH gen labelled --sources 4 --docs 15 -n 40 --order 1 -o d
| $KCBENCH eval -c gzip:9,bzip2:9 -k 3 --rules vote --sep ' ' --test-sample 6 -f csv -t d/train.tsv -T d/test.tsv | tail -n +2 | cut -d, -f2,7,8 > want
| $KCBENCH bench -c gzip:9,bzip2:9 -k 3 --test-sample 6 --classify d/train.tsv,d/test.tsv --min-time 0 --min-runs 1 -f csv d/train.tsv > out.csv
| awk -F, '$5 == "(total)" && $1 != "memcpy" {print $1 ",6," $15}' out.csv | diff want - && echo same
stdout: same

=== --classify: only the compressors' totals carry an accuracy; the table and md get a kNN acc column
run:
| $KCBENCH gen labelled --sources 2 --docs 10 -n 60 -o d
| $KCBENCH bench -c gzip:9 --classify d/train.tsv,d/test.tsv --min-time 0 --min-runs 1 -f csv d/train.tsv d/test.tsv | cut -d, -f1,5,15
| $KCBENCH bench -c gzip:9 --classify d/train.tsv,d/test.tsv --min-time 0 --min-runs 1 d/test.tsv | sed -n 2p | grep -c 'kNN acc'
| $KCBENCH bench -c gzip:9 --classify d/train.tsv,d/test.tsv --min-time 0 --min-runs 1 -f md d/test.tsv | sed -n 3p | grep -c 'kNN acc'
stdout re:
| compressor,file,knn_accuracy
| memcpy,train\.tsv,
| gzip:9,train\.tsv,
| memcpy,test\.tsv,
| gzip:9,test\.tsv,
| memcpy,\(total\),
| gzip:9,\(total\),[01]\.\d{6}
| 1
| 1

# ---- streaming, progress and interruption -------------------------------------------------
# These runs are long on purpose (--min-time 0.3 to 1, a few files) and are stopped early: a
# case waits for what it needs in the output (up to 10 s, polling), then sends SIGINT. How
# many rows were finished depends on the machine; bench_check.py stopped checks that they
# are the first N planned and that the message names the measurement after them.

=== progress counts the bytes measured (each file once per compressor), with rate and ETA
run:
| for f in a b c; do $KCBENCH gen random-text -n 1000 --seed 3 -o $f; done
| KCB_PROGRESS_EVERY=0.001 $KCBENCH bench -c gzip:1,bzip2:1 --min-time 0.03 --min-runs 1 -f csv a b c > out.csv 2> err
| grep -v -E '^kcbench bench: [abc] (memcpy|gzip:1|bzip2:1): [0-9]+ of 9000 bytes \([0-9]+%\), [0-9.]+[kM]? bytes/s, ETA [0-9]+:[0-9]{2}$' err || echo every line is a progress line
| sed 's/.*: \([0-9]*\) of .*/\1/' err | python3 -c '
| import sys
| done = [int(v) for v in sys.stdin]
| print(len(done) >= 1, done == sorted(set(done)), all(d % 1000 == 0 and d < 9000 for d in done))'
stdout:
| every line is a progress line
| True True True

=== SIGINT in table format: the rows already measured stay, no totals, one line says how far it got, exit 130
timeout: 30
run:
| for f in a b c d e f; do $KCBENCH gen markov -n 20000 --seed 4 -o $f; done
| $KCBENCH bench -c gzip:1,zstd:1 --min-time 0.3 --min-runs 1 -q a b c d e f > out 2> err &
| pid=$!
| for i in $(seq 200); do grep -qs '^gzip:1 ' out && break; sleep 0.05; done
| kill -INT $pid; wait $pid; echo "exit $?"
| ERR=err python3 "$TESTS/cli/bench_check.py" stopped table gzip:1,zstd:1 a b c d e f < out
| grep -c '(total)' out || true
stdout:
| exit 130
| rows: the N measured before the interruption, no totals; the message says where it stopped
| 0

=== SIGINT before the first row: the header alone (json stays valid), "after 0 of M", exit 130
timeout: 30
run:
| $KCBENCH gen markov -n 200000 -o a
| $KCBENCH bench -c gzip:1 --min-time 2 --min-runs 1 -q -f json a a > out 2> err &
| pid=$!
| for i in $(seq 200); do test -s out && break; sleep 0.05; done
| kill -INT $pid; wait $pid; echo "exit $?"
| ERR=err python3 "$TESTS/cli/bench_check.py" stopped --none json gzip:1 a a < out
| cat err
stdout:
| exit 130
| rows: the 0 measured before the interruption, no totals; the message says where it stopped
| kcbench bench: interrupted after 0 of 4 measurements (file a, compressor memcpy)

=== SIGINT with --sort and -o FILE: the rows finished are written then, sorted, no totals, exit 130
timeout: 30
run:
| for f in a b c d; do $KCBENCH gen markov -n 20000 --seed 5 -o $f; done
| KCB_PROGRESS_EVERY=0.001 $KCBENCH bench -c gzip:1,zstd:1 --sort ratio --min-time 0.2 --min-runs 1 -f csv -o out.csv a b c d > stdout 2> err &
| pid=$!
| for i in $(seq 200); do grep -qs ': b ' err && break; sleep 0.05; done
| kill -INT $pid; wait $pid; echo "exit $?"
| ERR=err python3 "$TESTS/cli/bench_check.py" stopped --any-order csv gzip:1,zstd:1 a b c d < out.csv
| python3 "$TESTS/cli/bench_check.py" sorted ratio < out.csv | sed 's/^[0-9]* groups/groups/'
| test -s stdout || echo nothing on stdout
stdout:
| exit 130
| rows: the N measured before the interruption, no totals; the message says where it stopped
| groups ordered by ratio
| nothing on stdout

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
