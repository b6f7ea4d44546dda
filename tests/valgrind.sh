#!/bin/sh
# Runs kcbench under valgrind's memcheck, for make valgrind's CLI tests.
#
# make valgrind copies this script beside the binary it checks (build/vg/kcbench-vg runs
# build/vg/kcbench), so that the tests that run make with BUILD set to the folder of the binary
# under test (install.t) find that binary there. Any memory error or definite leak makes the
# exit status 99, which no case expects, so the case fails and shows valgrind's report on its
# stderr. Children (gnuplot) are not traced. $KCB_VALGRIND is valgrind's absolute path (make
# valgrind sets it), as some cases run kcbench with an empty PATH; no other command is used.
exec "${KCB_VALGRIND:-valgrind}" -q --error-exitcode=99 --leak-check=full \
    --errors-for-leak-kinds=definite --show-leak-kinds=definite "${0%/*}/kcbench" "$@"
