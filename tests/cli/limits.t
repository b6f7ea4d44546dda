# Limits (issue 13): each works, or fails with one clear line and a non-zero exit; never a
# crash or a hang. Format of these files: see the top of tests/cli/run.py.

=== a training set of one row, and k larger than the training set: both work
run:
| printf 'a\tone two three\n' > one.tsv
| printf 'a\tone two\nb\tthree four\na\tone three\n' > t.tsv
| $KCBENCH eval -q -t one.tsv -T t.tsv -k 1 --rules vote -f csv --name x
| $KCBENCH eval -q -t t.tsv -T one.tsv -k 5 --rules vote -f csv --name x
stdout:
| dataset,compressor,codec,level,k,rule,n_test,accuracy,macro_f1,distance,method
| x,gzip:9,gzip,9,1,vote,3,0.666667,0.400000,ncd,exact
| dataset,compressor,codec,level,k,rule,n_test,accuracy,macro_f1,distance,method
| x,gzip:9,gzip,9,5,vote,1,1.000000,1.000000,ncd,exact

=== a test set of no rows is an error naming the file
run:
| printf 'a\tone two\nb\tthree four\n' > t.tsv
| : > empty.tsv
| $KCBENCH eval -q -t t.tsv -T empty.tsv; echo "exit $?"
stdout: exit 3
stderr: kcbench eval: empty.tsv: no documents

=== a label of 10 KB works, and is written whole
run:
| python3 -c "print('x' * 10240 + '\tsome text'); print('y\tother text')" > big.tsv
| printf 'y\tother text here\n' > q.tsv
| $KCBENCH eval -q -t big.tsv -T q.tsv -k 1 --rules vote -f csv --name x | tail -1
| $KCBENCH classify -t big.tsv 'some text' | wc -c
stdout:
| x,gzip:9,gzip,9,1,vote,1,1.000000,1.000000,ncd,exact
| 10241

=== NUL bytes, UTF-16 and a line of 1 GiB are refused in one line each; CRLF and a BOM are read
timeout: 60
run:
| printf 'a\tone\0two\nb\tthree four\n' > nul.tsv
| printf 'a\tone two\nb\tthree four\n' | iconv -t UTF-16 > u16.tsv
| { printf 'a\t'; head -c 1073741824 /dev/zero | tr '\0' x; printf '\n'; } > huge.tsv
| printf 'a\tone two\r\nb\tthree four\r\n' > crlf.tsv
| printf '\357\273\277a\tone two one\nb\tthree four three\n' > bom.tsv
| for f in nul u16 huge; do $KCBENCH eval -q -t $f.tsv -T crlf.tsv; echo "exit $?"; done
| rm -f huge.tsv
| $KCBENCH eval -q -t crlf.tsv -T bom.tsv -k 1 --rules vote -f csv --name x | tail -1
stdout:
| exit 3
| exit 3
| exit 3
| x,gzip:9,gzip,9,1,vote,2,1.000000,1.000000,ncd,exact
stderr:
| kcbench eval: nul.tsv:1: binary data (NUL byte)
| kcbench eval: u16.tsv:1: UTF-16 text (byte-order mark FF FE): convert it to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8
| kcbench eval: huge.tsv:1: document longer than 64 MiB

=== 10^5 classes: scored from per-label sums (no 10^5 x 10^5 matrix); --confusion is refused
run:
| python3 -c "
| with open('many.tsv', 'w') as f:
|     for i in range(100000): f.write('c%d\tdoc %d words %d\n' % (i, i, i * 7))
| " && printf 'c5\tdoc 5 words 35 again\nc99999\tdoc 99999 words 699993 again\n' > few.tsv
| $KCBENCH eval -q -t many.tsv -T few.tsv -c zstd:1 -k 1 --rules vote --allow-unique-labels -f csv --name x | tail -1
| $KCBENCH eval -q -t many.tsv -T few.tsv -c zstd:1 --allow-unique-labels --confusion; echo "exit $?"
stdout:
| x,zstd:1,zstd,1,1,vote,2,1.000000,1.000000,ncd,exact
| exit 2
stderr: kcbench eval: --confusion: 100000 labels, more than the 1024 a confusion matrix is shown for

=== -j far above the core count: up to 1024 threads give the same bytes; more is refused
run:
| $KCBENCH gen labelled -o d --sources 2 --docs 10 -n 30 --order 1 --seed 3
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -j 1 -f csv > a.csv
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -j 1024 -f csv > b.csv
| cmp a.csv b.csv && echo same
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -j 100000; echo "exit $?"
stdout:
| same
| exit 2
stderr: kcbench eval: -j: expected a whole number from 1 to 1024, got '100000'

=== a file that changes while it is read is refused in one line, never taken as whole
timeout: 60
run:
| python3 -c 'import sys; sys.stdout.write("".join("%s\tline %d of a file that keeps growing\n" % ("ab"[i % 2], i) for i in range(600000)))' > grow.tsv
| printf 'a\tline 3 of a file\n' > t.tsv
| python3 - <<'PY' &
| import os, time
| with open("grow.tsv", "a") as f:
|     while not os.path.exists("stop"):
|         f.write("b\tone more line\n")
|         f.flush()
|         open("started", "a").close()
|         time.sleep(0.00002)
| PY
| while [ ! -e started ]; do sleep 0.05; done
| $KCBENCH eval -q -t grow.tsv -T t.tsv -c lz4:1 -k 1 --rules vote; echo "exit $?"
| touch stop; wait
stdout: exit 3
stderr: kcbench eval: grow.tsv: the file changed while it was being read; read it again once it is complete
