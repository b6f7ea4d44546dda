# The test build (make broken-check) adds a codec "broken" that corrupts its own output.
# kcbench bench must catch it by round-trip verification: an error naming the codec and the
# file, no numbers for it, and exit status 1 — while the honest codecs still get their rows.

=== a corrupting codec is a verification error and a non-zero exit, never a number
run:
| printf 'the quick brown fox jumps over the lazy dog\n%.0s' $(seq 50) > text.txt
| $KCBENCH bench -c gzip:6,broken --min-time 0 --min-runs 1 -f csv text.txt > out.csv
| status=$?
| echo "exit $status"
| cut -d, -f1,16-18 out.csv | grep -c '^gzip:6,true,[0-9]*,[0-9]*$'
| grep '^broken:1' out.csv | cut -d, -f5,6,7,16
exit: 0
stdout:
| exit 1
| 2
| text.txt,2200,,false
| (total),2200,,false
stderr re:
| kcbench bench: text\.txt: broken:1: round trip failed: the decompressed data differ from the input \(no numbers reported for it\)
| kcbench bench: 1 round trip failed

=== the table shows the failure: no numbers, and "no" under verified
run: printf 'abcabcabc' > t; $KCBENCH bench -c broken --min-time 0 --min-runs 1 t
exit: 1
stdout re:
| # kcbench .*
| compressor\s+version\s+file\s+original\s+compressed\s+ratio.*verified
| memcpy\s+\S+\s+t\s+9\s+9\s+1\.000\s+8\.000\s.*\syes
| broken:1\s+test\s+t\s+9\s+-\s+-\s+-\s+-\s+-\s+-\s+-\s+no
|
| memcpy\s+\S+\s+\(total\)\s+9\s+9\s+1\.000\s+8\.000\s.*\syes
| broken:1\s+test\s+\(total\)\s+9\s+-\s+-\s+-\s+-\s+-\s+-\s+-\s+no
stderr contains: round trip failed
