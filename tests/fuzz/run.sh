#!/bin/sh
# Runs the libFuzzer targets built by make fuzz: each for SECONDS, or once over its inputs.
#
# usage: run.sh BUILD SECONDS TARGET...
#
# With SECONDS > 0, each target BUILD/fuzzers/TARGET fuzzes for that long with a working
# corpus in BUILD/corpus/TARGET, seeded from tests/fuzz/TARGET/seeds and .../regress (new
# inputs go to the working corpus only). With SECONDS = 0 (make fuzz-regress), each target
# runs once over its seeds and regression inputs and stops. Either way the log of a target is
# BUILD/logs/TARGET.log and what it crashed on goes to BUILD/crashes/TARGET/. Prints a line
# per target; exits 1, naming the crash files, if any target crashed, leaked, hung or ran out
# of memory.
build=$1 seconds=$2
shift 2
status=0
mkdir -p "$build/logs" || exit 1

# The value of libFuzzer's final statistic $2 in log $1 (empty when it is not there).
stat() {
    sed -n "s/^stat::$2: *//p" "$1" | tail -n 1
}

# The size of the corpus at the end of log $1: "corp: N/..." of its last status line.
corpus() {
    sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p' "$1" | tail -n 1
}

for t in "$@"; do
    bin=$build/fuzzers/$t log=$build/logs/$t.log crashes=$build/crashes/$t
    mkdir -p "$crashes" "$build/corpus/$t" tests/fuzz/$t/seeds tests/fuzz/$t/regress || exit 1
    touch "$log.start"
    if [ "$seconds" -gt 0 ]; then
        echo "  FUZZ    $t: $seconds s"
        nice "$bin" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
            -rss_limit_mb=2048 -artifact_prefix="$crashes/" "$build/corpus/$t" \
            "tests/fuzz/$t/seeds" "tests/fuzz/$t/regress" > "$log" 2>&1
    else
        "$bin" -runs=0 -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix="$crashes/" "tests/fuzz/$t/seeds" "tests/fuzz/$t/regress" \
            > "$log" 2>&1
    fi
    rc=$?
    runs=$(stat "$log" number_of_executed_units) speed=$(stat "$log" average_exec_per_sec)
    echo "  FUZZ    $t: ${runs:-?} runs, ${speed:-?} exec/s, corpus $(corpus "$log")"
    if [ "$rc" -ne 0 ]; then
        status=1
        echo "fuzz: $t: exit status $rc (log: $log)"
        grep -m 3 -E '^(==[0-9]+==ERROR|SUMMARY|.*check failed|.*runtime error)' "$log"
        find "$crashes" -type f -newer "$log.start" | while read -r f; do
            echo "fuzz: $t: crash input $f (add it to tests/fuzz/$t/regress/)"
        done
    fi
done
exit $status
