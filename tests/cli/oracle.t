# The acceptance check: kcbench's sizes and distances equal those of Python's own
# compressors (tests/oracle.py), for many strings and files. The work is done by
# check_oracle.py, which prints one line when every pair agrees, and each mismatch on
# stderr otherwise. Strings go through argv, so they stay under Linux's 128 KiB per
# argument (MAX_ARG_STRLEN); larger inputs are tested as files.
#
# Not checked: that kcbench's gzip output is byte-identical to Python's
# gzip.compress(data, 9, mtime=0). No command prints compressed bytes yet; when one does,
# compare it with `oracle.py compress gzip 9 FILE`.

=== gzip:9 with --sep ' ': the oracle's NCD for 250+ pairs of strings (ASCII, UTF-8, invalid UTF-8, random, repetitive, empty, 120 KB)
run: python3 "$TESTS/cli/check_oracle.py" strings gzip:9
timeout: 30
stdout re: \d+ pairs of strings: kcbench ncd -c gzip:9 --sep ' ' -s equals the oracle

=== zlib:9: the oracle's NCD for every pair of strings
run: python3 "$TESTS/cli/check_oracle.py" strings zlib:9
timeout: 30
stdout re: \d+ pairs of strings: .* equals the oracle

=== deflate:6 (raw deflate, the default level): the oracle's NCD for every pair of strings
run: python3 "$TESTS/cli/check_oracle.py" strings deflate:6
timeout: 30
stdout re: \d+ pairs of strings: .* equals the oracle

=== deflate:9: the oracle's NCD for every pair of strings
run: python3 "$TESTS/cli/check_oracle.py" strings deflate:9
timeout: 30
stdout re: \d+ pairs of strings: .* equals the oracle

=== xz:6 (lzma preset 6, CRC64): the oracle's NCD for a selection of pairs
run: python3 "$TESTS/cli/check_oracle.py" strings xz:6
timeout: 40
stdout re: \d+ pairs of strings: .* equals the oracle

=== xz:9 (lzma preset 9): the oracle's NCD for a selection of pairs
run: python3 "$TESTS/cli/check_oracle.py" strings xz:9
timeout: 90
stdout re: \d+ pairs of strings: .* equals the oracle

=== bzip2:9: the oracle's NCD for a selection of pairs
run: python3 "$TESTS/cli/check_oracle.py" strings bzip2:9
timeout: 40
stdout re: \d+ pairs of strings: .* equals the oracle

=== -f json: cx, cy, cxy and value equal the oracle's, for every codec the oracle knows
run: python3 "$TESTS/cli/check_oracle.py" json
timeout: 60
stdout re: \d+ pairs x codecs: -f json's cx, cy, cxy and value equal the oracle's

=== files of 100-150 KB (text, edited text, random bytes with NULs, repetitive), also on stdin
run: python3 "$TESTS/cli/check_oracle.py" files
timeout: 90
stdout re: \d+ runs on files of 100-150 KB equal the oracle

=== the oracle itself: its sizes are what the formats' definitions give
# gzip: a 10-byte header with mtime 0, and an 8-byte trailer (CRC32, length) around raw
# deflate; zlib: a 2-byte header and a 4-byte Adler-32 around it; all five round-trip.
run:
| python3 - <<'PY'
| import bz2, gzip, lzma, os, sys, zlib
| sys.path.insert(0, os.environ["TESTS"])
| import oracle
| for data in [b"", b"hello world", "Grüße, 世界 🙂".encode(), bytes(range(256)) * 50]:
|     for level in (1, 6, 9):
|         raw = oracle.compress("deflate", level, data)
|         assert oracle.size("gzip", level, data) == len(raw) + 18, level
|         assert oracle.size("zlib", level, data) == len(raw) + 6, level
|         assert oracle.compress("gzip", level, data)[4:8] == b"\0\0\0\0"  # mtime 0
|         assert gzip.decompress(oracle.compress("gzip", level, data)) == data
|         assert zlib.decompress(oracle.compress("zlib", level, data)) == data
|         assert zlib.decompress(raw, -15) == data
|         assert bz2.decompress(oracle.compress("bzip2", level, data)) == data
|         xz = oracle.compress("xz", level, data)
|         assert xz[:6] == b"\xfd7zXZ\0" and xz[7] == lzma.CHECK_CRC64, xz[:8]
|         assert lzma.decompress(xz) == data
| print("oracle consistent")
| PY
stdout: oracle consistent

=== the oracle's command line: size, ncd --sizes and compress agree with each other
run:
| printf 'hello world' > x; printf 'hello there' > y; printf 'hello worldhello there' > xy
| o="$TESTS/oracle.py"
| python3 "$o" ncd --sizes gzip 9 '' x y > sizes
| echo "$(python3 "$o" size gzip 9 x y xy | paste -sd' ') $(python3 "$o" ncd gzip 9 '' x y)" | diff - sizes
| python3 "$o" compress gzip 9 xy | wc -c | diff - <(python3 "$o" size gzip 9 xy)
| python3 "$o" compress gzip 9 xy | gzip -dc | cmp - xy
| python3 "$o" size -s gzip default 'hello world' | diff - <(python3 "$o" size gzip 9 x)
| echo agree
stdout: agree
