# -o FILE: output files are written atomically, through symbolic links, onto FIFOs in place,
# with the umask, and for names as long as the system allows.
# Format of these files: see the top of tests/cli/run.py.

=== -o onto a symbolic link writes the file it points to and keeps the link
run:
| echo old > target.txt
| ln -s target.txt link.txt
| ln -s made.txt dangling.txt
| $KCBENCH ncd -c gzip:9 -s abc abd -o link.txt
| $KCBENCH ncd -c gzip:9 -s abc abd -o dangling.txt
| test -L link.txt && echo link kept
| test -L dangling.txt && echo dangling link kept
| cmp target.txt made.txt && echo both written
| ls -A | sort | tr '\n' ' '; echo
stdout:
| link kept
| dangling link kept
| both written
| dangling.txt link.txt made.txt target.txt 

=== -o onto a FIFO (or a device such as /dev/null) writes into it and leaves it as it was
run:
| mkfifo pipe
| timeout 20 cat pipe > got & reader=$!
| $KCBENCH ncd -c gzip:9 -s abc abd -o pipe && echo ok
| wait $reader
| test -p pipe && echo still a FIFO
| $KCBENCH ncd -c gzip:9 -s abc abd | cmp - got && echo the output went through it
stdout:
| ok
| still a FIFO
| the output went through it

=== a new output file gets 0666 less the umask; a replaced one keeps its mode
run:
| (umask 077; $KCBENCH ncd -c gzip:9 -s abc abd -o private.txt)
| echo x > shared.txt && chmod 640 shared.txt
| $KCBENCH ncd -c gzip:9 -s abc abd -o shared.txt
| stat -c '%a %n' private.txt shared.txt
stdout:
| 600 private.txt
| 640 shared.txt

=== an output name of 255 bytes works (the temporary name does not grow with it)
run:
| name=$(printf 'n%.0s' $(seq 255))
| $KCBENCH ncd -c gzip:9 -s abc abd -o "$name" && test -s "$name" && echo written
| ls -A | wc -l
stdout:
| written
| 1

=== -o onto a directory is refused with one line naming it, and nothing is written
run:
| mkdir d
| $KCBENCH ncd -c gzip:9 -s abc abd -o d; echo "exit $?"
| ls -A d | wc -l
stdout:
| exit 3
| 0
stderr re:
| kcbench ncd: d: .*

=== a full standard output is one line per command, naming it, and exit 3 (/dev/full)
run:
| $KCBENCH gen random-text -n 4096 -o a.txt
| for c in codecs help "ncd -s abc abd" "bench -q -c gzip:1 --min-time 0 --min-runs 1 a.txt" \
|          "gen random-text -n 100" "probe window -q -c gzip:1 --from 64 a.txt"; do
|   $KCBENCH $c > /dev/full; echo "exit $?"
| done
| $KCBENCH --version > /dev/full; echo "exit $?"
stdout:
| exit 3
| exit 3
| exit 3
| exit 3
| exit 3
| exit 3
| exit 3
stderr:
| kcbench codecs: standard output: No space left on device
| kcbench help: standard output: No space left on device
| kcbench ncd: standard output: No space left on device
| kcbench bench: standard output: No space left on device
| kcbench gen: standard output: No space left on device
| kcbench probe: standard output: No space left on device
| kcbench: standard output: No space left on device
