#!/bin/sh
# The main job (`make run`): the codecs of this build and an NCD matrix over built-in samples
# that kcbench generates itself from a fixed seed, so it runs anywhere with no download.
set -eu
KCB=${1:-./kcbench}
OUT=${KCB_RUN_DIR:-build/run}
mkdir -p "$OUT"

echo "== kcbench codecs"
"$KCB" codecs
echo
echo "== built-in samples: kcbench gen samples --seed 1 -o $OUT/samples"
"$KCB" gen samples --seed 1 -o "$OUT/samples"
ls -l "$OUT/samples" | tail -n +2 | awk '{printf "  %8d  %s\n", $5, $9}'
echo
echo "== NCD matrix, gzip -9 (kcbench ncd -f table -c gzip:9 $OUT/samples/*)"
( cd "$OUT/samples" && "$OLDPWD/$KCB" ncd -f table -c gzip:9 * )
echo
echo "== the same with xz, zstd -19 and bzip2 -9, as PHYLIP for tree tools ($OUT/ncd.phylip)"
( cd "$OUT/samples" && "$OLDPWD/$KCB" ncd -f phylip -c xz:6,zstd:19,bzip2:9 -o ../ncd.phylip * )
echo "  wrote $OUT/ncd.phylip"

echo
echo "== a leaderboard on built-in corpora (kcbench gen: random, markov text, repeats)"
mkdir -p "$OUT/corpus"
"$KCB" gen random -n 262144 --seed 1 -o "$OUT/corpus/random.bin"
"$KCB" gen random-text -n 262144 --seed 1 -o "$OUT/corpus/random_text.txt"
"$KCB" gen markov -n 262144 --order 3 --seed 1 -o "$OUT/corpus/markov3.txt"
"$KCB" gen repeat -n 262144 --seed 1 -o "$OUT/corpus/repeat_001.txt"
echo "kcbench bench -c gzip:9,xz:6,zstd:19,bzip2:9 --min-time 0.1 --learn $OUT/corpus"
"$KCB" bench -c gzip:9,xz:6,zstd:19,bzip2:9 --min-time 0.1 --learn "$OUT/corpus"

echo
echo "== kNN classification on a built-in labelled set (kcbench gen labelled: 6 sources, order 1)"
"$KCB" gen labelled --sources 6 --docs 30 -n 150 --order 1 --seed 1 -o "$OUT/labelled"
echo "kcbench eval -t $OUT/labelled/train.tsv -T $OUT/labelled/test.tsv -c gzip:9,zstd:19 -k 1,2,3"
"$KCB" eval -t "$OUT/labelled/train.tsv" -T "$OUT/labelled/test.tsv" -c gzip:9,zstd:19 -k 1,2,3
