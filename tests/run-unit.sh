#!/bin/sh
# Runs every cmocka unit-test binary given as an argument; fails if any fails.
#
# Each binary's output (standard output and error together) is shown as it comes and read
# for cmocka's result lines. The last line sums them up and names what was skipped and what
# failed, e.g.
#   unit: 27 programs, 440 passed, 0 failed, 2 skipped (test_alloc: test_no_allocation_per_pair;
#   test_dataset: test_real_r8)
# (on one line). A program that ends with a nonzero status without a failed test (a crash,
# a failed assertion outside a test) is named among the failures with its exit status.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kcb-unit.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

status=0 programs=0 passed=0 nfailed=0 nskipped=0 failed='' skipped=''

# The names cmocka lists after "[  $2  ]" in log $1 (each test once), one per line.
names() {
    sed -n "s/^\[  $2 *\] //p" "$1" | grep -v '^[0-9][0-9]* test(s)' | awk '!seen[$0]++'
}

# Lines of standard input joined by ", ".
joined() {
    awk '{ printf "%s%s", (NR > 1 ? ", " : ""), $0 } END { if (NR) print "" }'
}

for t in "$@"; do
    programs=$((programs + 1))
    prog=$(basename "$t")
    { "$t" 2>&1; echo $? > "$tmp/rc"; } | tee "$tmp/log"
    rc=$(cat "$tmp/rc")
    n=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\.$/\1/p' "$tmp/log" | tail -n 1)
    passed=$((passed + ${n:-0}))
    names "$tmp/log" SKIPPED > "$tmp/skipped"
    names "$tmp/log" FAILED > "$tmp/failed"
    if [ -s "$tmp/skipped" ]; then
        nskipped=$((nskipped + $(wc -l < "$tmp/skipped")))
        skipped="${skipped:+$skipped; }$prog: $(joined < "$tmp/skipped")"
    fi
    if [ -s "$tmp/failed" ]; then
        nfailed=$((nfailed + $(wc -l < "$tmp/failed")))
        failed="${failed:+$failed; }$prog: $(joined < "$tmp/failed")"
    elif [ "$rc" -ne 0 ]; then
        nfailed=$((nfailed + 1))
        failed="${failed:+$failed; }$prog: exit status $rc"
    fi
    [ "$rc" -eq 0 ] || status=1
done

printf 'unit: %d programs, %d passed, %d failed%s, %d skipped%s\n' "$programs" "$passed" \
    "$nfailed" "${failed:+ ($failed)}" "$nskipped" "${skipped:+ ($skipped)}"
exit $status
