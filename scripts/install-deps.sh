#!/bin/sh
# Installs the Debian packages that kcbench's build, tests and reports need, when missing.
# As root it runs apt-get; otherwise it prints the exact command to run. Safe to re-run.
#
# Exit status: 0 when every REQUIRED package is installed (or was installed now); 1 when one
# is missing and cannot be installed here (not root: the apt-get command is printed) or
# apt-get failed. A missing OPTIONAL package never fails: it is a warning with its command.
set -eu

# required: compilers, the four required codec libraries, GSL (least-squares fits), jansson
# (JSON matrices for kcbench tree), libcsv (the CSV reader), cmocka,
# python3 for the size oracle and the tests, gnuplot for the figures of the reports,
# man-db and groff-base for `man -l` (make test checks that the manual page renders), nettle
# (SHA-256 fingerprints of eval parts)
REQUIRED="build-essential pkg-config zlib1g-dev liblzma-dev libzstd-dev libbz2-dev libgsl-dev
          libjansson-dev libcmocka-dev python3 gnuplot-nox libcsv-dev man-db groff-base zstd
          nettle-dev"
# optional: codec backends detected by pkg-config; Chromium for the check of the main job's page;
# Open MPI for the MPI build (make MPI=1: kcbench eval across mpirun's ranks; make mpi-check)
# clang and its libFuzzer runtime for make fuzz and make fuzz-regress (CI runs both); valgrind
# for make valgrind
# python3-ppmd: PPMd var.I order 6, the anchor that the cm codec is measured against
OPTIONAL="libbrotli-dev liblz4-dev libdeflate-dev chromium chromium-driver python3-selenium python3-ppmd
          libopenmpi-dev openmpi-bin clang libclang-rt-dev valgrind"

# The packages of the list $1 that are not installed, each after a space.
missing_of() {
    _m=""
    for p in $1; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            _m="$_m $p"
    done
    printf '%s' "$_m"
}

req=$(missing_of "$REQUIRED")
opt=$(missing_of "$OPTIONAL")
[ -z "$req$opt" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: not a Debian system; install the equivalents of:$req$opt" >&2
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    if [ -n "$opt" ]; then
        echo "install-deps: warning: optional packages missing (kcbench builds without them);" \
             "run as root:" >&2
        echo "  apt-get update && apt-get install -y --no-install-recommends$opt" >&2
    fi
    [ -z "$req" ] && exit 0
    echo "install-deps: missing Debian packages; run as root:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends$req" >&2
    exit 1
fi
echo "install-deps: installing:$req$opt" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 || { echo "install-deps: 'apt-get update' failed" >&2; exit 1; }
# optional packages may be unavailable on some mirrors: install the required ones first
# shellcheck disable=SC2086
if [ -n "$req" ] && ! apt-get install -y -qq --no-install-recommends $req >&2; then
    echo "install-deps: apt-get could not install:$req" >&2
    exit 1
fi
for p in $opt; do
    apt-get install -y -qq --no-install-recommends "$p" >&2 ||
        echo "install-deps: warning: optional package $p could not be installed; going on" \
             "without it" >&2
done
exit 0
