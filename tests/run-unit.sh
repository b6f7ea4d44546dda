#!/bin/sh
# Runs every cmocka unit-test binary given as an argument; fails if any fails.
status=0
for t in "$@"; do
    "$t" || status=1
done
exit $status
