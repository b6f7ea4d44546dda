#!/bin/sh
# Installs the Debian packages that kcbench's build, tests and reports need, when missing.
# As root it runs apt-get; otherwise it prints the exact command to run. Safe to re-run.
set -eu

# required: compilers, the four required codec libraries, GSL (least-squares fits), jansson
# (JSON matrices for kcbench tree), cmocka,
# python3 for the size oracle and the tests, gnuplot for the figures of the reports
REQUIRED="build-essential pkg-config zlib1g-dev liblzma-dev libzstd-dev libbz2-dev libgsl-dev libjansson-dev libcmocka-dev python3 gnuplot-nox"
# optional codec backends, detected by pkg-config at build time
OPTIONAL="libbrotli-dev liblz4-dev libdeflate-dev"

missing=""
for p in $REQUIRED $OPTIONAL; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: not a Debian system; install the equivalents of:$missing" >&2
    exit 0
fi
cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: missing Debian packages; run as root:" >&2
    echo "  apt-get update && $cmd" >&2
    exit 1
fi
echo "install-deps: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
# optional packages may be unavailable on some mirrors: install the required ones first
req_missing=""
for p in $missing; do
    case " $REQUIRED " in *" $p "*) req_missing="$req_missing $p" ;; esac
done
[ -n "$req_missing" ] && apt-get install -y -qq --no-install-recommends $req_missing >&2
for p in $missing; do
    case " $REQUIRED " in *" $p "*) continue ;; esac
    apt-get install -y -qq --no-install-recommends "$p" >&2 ||
        echo "install-deps: optional package $p could not be installed; going on without it" >&2
done
exit 0
