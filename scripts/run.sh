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
