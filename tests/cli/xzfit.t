# xz's size-only stream (issue 12): where only sizes matter (ncd, eval, classify, probes,
# examples) xz at levels 4-9 runs the preset's LZMA2 options with a dictionary fitted to the
# input, which spares liblzma clearing the hash table of the preset's dictionary on every
# call. The rule for adopting it: every size equals Python's lzma.compress(data, preset=L),
# the canonical stream, on every corpus. check_xzfit.py checks that and counts how many sizes
# a dictionary fitted at every level would change: levels 0-3 (hash-chain match finders)
# would change some, which is why they keep the preset.

=== built-in corpora (kcbench gen): xz:0-9 sizes, single and joined by ' ', equal lzma.compress
run: python3 "$TESTS/cli/check_xzfit.py" builtin
timeout: 60
stdout re: builtin: \d+ sizes at xz:0,1,2,3,4,5,6,7,8,9 equal lzma\.compress\(data, preset=L\); .*

=== Canterbury and Calgary, every file: xz:0,1,4,6,9 sizes equal lzma.compress
needs: $KCB_DATA/canterbury $KCB_DATA/calgary
run: python3 "$TESTS/cli/check_xzfit.py" files --levels 0,1,4,6,9
timeout: 90
stdout re: files: \d+ sizes at xz:0,1,4,6,9 equal lzma\.compress\(data, preset=L\); .*

=== rows of every $KCB_DATA/*/train.tsv and pairs of them joined by ' ': xz:0-9 sizes equal lzma.compress
needs: $KCB_DATA/r8/train.tsv
run: python3 "$TESTS/cli/check_xzfit.py" rows --rows 8
timeout: 90
stdout re: rows: \d+ sizes at xz:0,1,2,3,4,5,6,7,8,9 equal lzma\.compress\(data, preset=L\); .*

=== bench keeps the canonical stream (not observable here but for its size, lzma.compress's, as ncd's is), and it verifies
run:
| $KCBENCH gen markov -n 3000 -o text.txt
| $KCBENCH bench -q -c xz:6 --min-time 0 -f csv text.txt | python3 -c '
| import csv, sys
| [r] = [r for r in csv.DictReader(sys.stdin) if r["codec"] == "xz" and r["file"] == "text.txt"]
| assert r["verified"] == "true", r
| print(r["compressed"])' > bench
| $KCBENCH ncd -c xz:6 -f csv text.txt | cut -d, -f6 | tail -1 > ncd
| python3 "$TESTS/oracle.py" size xz 6 text.txt | diff - bench && diff bench ncd && echo same
stdout: same
