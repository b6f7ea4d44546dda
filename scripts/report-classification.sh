#!/bin/sh
# Regenerates reports/classification.md: kNN-on-NCD accuracy on R8, R52, Ohsumed, AG News and
# 20News for gzip, xz, zstd and bzip2, every rule at k = 1, 2, 3, 5.
# Each (dataset, compressor) run is saved as reports/classification/DATASET-CODEC.md with the
# command that made it; a run whose file exists is not redone unless FORCE=1 (so an
# interrupted regeneration resumes). Usage: scripts/report-classification.sh [./kcbench]
set -eu
KCB=${1:-./kcbench}
DATA=${KCB_DATA:-../shared/datasets}
OUT=reports/classification
mkdir -p "$OUT"

# Compressor, and how many test texts it is scored on (stratified, seed 1; "all" = full).
# gzip runs on the full test sets. The others cost 5x (zstd -19, bzip2 -9) to 40x (xz -6:
# liblzma clears a 16 MiB hash table for every compression) more per pair, so they are
# scored on stratified samples of the test set; n_test in each table says how many.
RUNS="gzip:9=all zstd:19=300 bzip2:9=300 xz:6=100"
DATASETS="r8 r52 ohsumed ag_news 20news"

for ds in $DATASETS; do
    for run in $RUNS; do
        codec=${run%%=*}; n=${run#*=}
        piece="$OUT/$ds-$(echo "$codec" | tr ':' '-').md"
        [ -s "$piece" ] && [ "${FORCE:-0}" != 1 ] && continue
        sample=""; [ "$n" = all ] || sample="--test-sample $n --seed 1"
        cmd="kcbench eval -t \$KCB_DATA/$ds/train.tsv -T \$KCB_DATA/$ds/test.tsv -c $codec --sep ' ' $sample --name $ds -f md"
        echo "report-classification: $cmd" >&2
        start=$(date +%s)
        # shellcheck disable=SC2086
        "$KCB" eval -t "$DATA/$ds/train.tsv" -T "$DATA/$ds/test.tsv" -c "$codec" --sep ' ' \
            $sample --name "$ds" -f md -o "$piece.tmp" 2> "$piece.err"
        secs=$(( $(date +%s) - start ))
        { printf '```\n%s\n```\n\n' "$cmd"; cat "$piece.tmp";
          grep -h 'warning' "$piece.err" | sed 's/^/> /'; printf '\n_%s s on %s cores._\n' "$secs" "$(nproc)"; } > "$piece.new"
        mv "$piece.new" "$piece"; rm -f "$piece.tmp" "$piece.err"
    done
done
