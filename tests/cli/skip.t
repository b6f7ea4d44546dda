# The test runners themselves: run.py's 'needs:' (a case whose data is absent is skipped,
# counted and named, never failed) and the summary line of tests/run-unit.sh.
# Format of these files: see the top of tests/cli/run.py.

=== needs: a case whose path is missing is skipped and named in the summary; exit 0
file a.t:
| === present
| needs: $HAVE "$HAVE/x y"
| run: echo hi
| stdout: hi
|
| === absent
| needs: $HAVE $HAVE/none
| run: exit 1
run:
| mkdir -p have/'x y'
| HAVE=$PWD/have "$PYTHON" "$TESTS/cli/run.py" a.t
stdout: 1 passed, 0 failed, 1 skipped (no $HAVE/none: a.t:6 absent)

=== needs: an unset or empty variable makes its path missing; skips are grouped by path
file a.t:
| === one
| needs: $KCB_TEST_UNSET/r8
| run: exit 1
|
| === two
| needs: ${KCB_TEST_EMPTY}/r8
| run: exit 1
|
| === three, whose title is long enough to be cut in the summary line
| needs: $KCB_TEST_UNSET/r8
| run: exit 1
run:
| unset KCB_TEST_UNSET
| KCB_TEST_EMPTY= "$PYTHON" "$TESTS/cli/run.py" a.t
stdout: 0 passed, 0 failed, 3 skipped (no $KCB_TEST_UNSET/r8: a.t:1 one, a.t:9 three, whose title is long enough to ...; no ${KCB_TEST_EMPTY}/r8: a.t:5 two)

=== needs: a relative path is taken from the repository, and -v lists skips in file order
file a.t:
| === first
| needs: tests/cli/run.py
| run: true
|
| === second
| needs: tests/no-such-file
| run: true
|
| === third
| run: true
run: "$PYTHON" "$TESTS/cli/run.py" -v a.t | sed 's/[0-9.]*s a\.t/Ns a.t/; s/^(.*)$/(time)/'
stdout:
| ok    Ns a.t:1: first
| skip        a.t:5: second (no tests/no-such-file)
| ok    Ns a.t:9: third
| (time)
| 2 passed, 0 failed, 1 skipped (no tests/no-such-file: a.t:5 second)

=== needs: a failure still fails the run when other cases are skipped
file a.t:
| === fails
| run: exit 3
|
| === skipped
| needs: /nonexistent/kcb
| run: true
run:
| "$PYTHON" "$TESTS/cli/run.py" a.t > out
| echo "exit $?"; tail -n 1 out
stdout:
| exit 1
| 0 passed, 1 failed, 1 skipped (no /nonexistent/kcb: a.t:4 skipped)

=== needs: an empty path, or needs: given twice, is a bad case file
file a.t:
| === empty
| needs: ''
| run: true
file b.t:
| === twice
| needs: /
| needs: /
| run: true
run: "$PYTHON" "$TESTS/cli/run.py" a.t b.t
exit: 1
stdout:
| a.t:2: bad case file: 'needs:' needs paths, not an empty one
| b.t:3: bad case file: 'needs:' given twice in one case
| 0 passed, 2 failed, 0 skipped

# ---- tests/run-unit.sh: cmocka's result lines summed up on the last line ----
# The "programs" are scripts that print what cmocka prints, and exit as cmocka would.

=== run-unit.sh counts passed, failed and skipped tests and names the skipped and failed ones
file ok.sh:
| echo '[==========] Running 3 test(s).'
| echo '[  SKIPPED ] test_real_r8'
| echo '[  PASSED  ] 2 test(s).'
| echo '[  SKIPPED ] 1 test(s), listed below:' >&2
| echo '[  SKIPPED ] test_real_r8' >&2
file bad.sh:
| echo '[ RUN      ] test_b'
| echo '[  FAILED  ] test_b'
| echo '[  SKIPPED ] test_c'
| echo '[  PASSED  ] 5 test(s).'
| echo '[  FAILED  ] 1 test(s), listed below:'
| echo '[  FAILED  ] test_b'
| exit 1
file crash.sh: kill -SEGV $$
run:
| chmod +x ok.sh bad.sh crash.sh
| sh "$TESTS/run-unit.sh" ./ok.sh ./bad.sh ./crash.sh > out
| echo "exit $?"; tail -n 1 out; grep -c 'SKIPPED \] test_real_r8' out
stdout:
| exit 1
| unit: 3 programs, 7 passed, 2 failed (bad.sh: test_b; crash.sh: exit status 139), 2 skipped (ok.sh: test_real_r8; bad.sh: test_c)
| 2

=== run-unit.sh with every test passing: exit 0, and the summary says so
file ok.sh:
| echo '[  PASSED  ] 4 test(s).'
run:
| chmod +x ok.sh
| sh "$TESTS/run-unit.sh" ./ok.sh ./ok.sh
stdout:
| [  PASSED  ] 4 test(s).
| [  PASSED  ] 4 test(s).
| unit: 2 programs, 8 passed, 0 failed, 0 skipped
