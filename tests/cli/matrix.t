# kcbench ncd over 50 files, every format, against the oracle. check_matrix.py writes the
# files (text-like, random, repetitive, UTF-8, near-copies, one empty, one named
# "f49 notes, v2 (final).txt"), parses all seven formats and compares all 2500 entries of
# each matrix with '%.6f' of the formula on the oracle's C(x_i), C(x_j), C(x_i x_j).
# Exactness means the diagonal is not forced to 0 and the matrix is not symmetrised.
# With --rect the same files make a rectangle: 20 rows from a directory against 35 columns
# from a list, five inputs being both.

=== 50 files with gzip:9: all seven formats give the oracle's 2500 values
run: python3 "$TESTS/cli/check_matrix.py" gzip:9
timeout: 30
stdout: gzip:9: 7 formats x 1 matrices x 2500 values equal the oracle

=== 50 files with gzip:9,xz:6: two matrices, in all seven formats, equal the oracle
run: python3 "$TESTS/cli/check_matrix.py" gzip:9,xz:6
timeout: 120
stdout: gzip:9,xz:6: 7 formats x 2 matrices x 2500 values equal the oracle

=== 50 files as a 20 x 35 rectangle (--rows DIR --cols -L LIST), gzip:9 and xz:6: the oracle's values, phylip refused
run: python3 "$TESTS/cli/check_matrix.py" --rect gzip:9,xz:6
timeout: 60
stdout: gzip:9,xz:6: 6 formats x 2 matrices x 20x35 values equal the oracle, phylip refused

=== the diagonal is not forced to 0: ncd(x, x) is (C(xx) - C(x)) / C(x), as the oracle says
run:
| python3 -c 'import sys; sys.stdout.write("kolmogorov " * 50)' > x
| printf 'something else entirely' > y
| $KCBENCH ncd -f json x y x | python3 -c '
| import json, os, sys
| sys.path.insert(0, os.environ["TESTS"])
| import oracle
| recs = json.load(sys.stdin)
| m = [[r["value"] for r in recs[i * 3:i * 3 + 3]] for i in range(3)]
| x = open("x", "rb").read()
| want = float(oracle.fmt(oracle.dist("ncd", oracle.size("gzip", 9, x), oracle.size("gzip", 9, x), oracle.size("gzip", 9, x + x))))
| print("diagonal", "as the formula" if m[0][0] == want and m[2][2] == want and m[0][2] == want and want != 0 else "%r, formula %r" % (m[0][0], want))'
stdout: diagonal as the formula

=== the matrix is not symmetrised: (x, y) and (y, x) are C(xy) and C(yx)
run:
| python3 -c 'import sys; sys.stdout.write("ab" * 300 + "the end")' > x
| printf 'the end of the line' > y
| $KCBENCH ncd -f table x y y | sed -n '3,4p' | awk '{print $2 "," $3}' > got
| python3 -c '
| import os, sys
| sys.path.insert(0, os.environ["TESTS"])
| import oracle
| x, y = open("x", "rb").read(), open("y", "rb").read()
| xy, yx = oracle.ncd("gzip", 9, b"", x, y), oracle.ncd("gzip", 9, b"", y, x)
| assert oracle.fmt(xy) != oracle.fmt(yx), "pick inputs whose NCD is asymmetric"
| print("%s,%s" % (oracle.fmt(oracle.ncd("gzip", 9, b"", x, x)), oracle.fmt(xy)))
| print("%s,%s" % (oracle.fmt(yx), oracle.fmt(oracle.ncd("gzip", 9, b"", y, y))))' | diff - got && echo as the formula
stdout: as the formula
