# --bits: NCD, eval and per-class on cm's ideal code length (-log2 P summed, in bits) instead of
# its coded bytes, so that container bytes do not weigh on short texts. Refused, with a usage
# error, for a codec without a model. Exit statuses: 0 ok, 2 usage.

=== ncd --bits of one input: sizes in bits, no container (C(empty) = 0), the compressor named cm:5:bits
run:
| printf 'the quick brown fox jumps over the lazy dog\n' > a
| $KCBENCH ncd -c cm --bits -f csv a | cut -d, -f1-3,5,7
| $KCBENCH ncd -c cm --bits a | awk '{ print ($1 > 100 && $1 < 44 * 8) ? "bits ok" : "bits " $1 }'
stdout:
| compressor,codec,level,bytes,c_empty
| cm:5:bits,cm,5,44,0
| bits ok

=== ncd --bits of two identical texts: (C(xx) - C(x)) / C(x) of the ideal lengths, as the csv sizes say
run:
| $KCBENCH gen markov -n 300 --seed 4 -o a
| cp a b
| $KCBENCH ncd -c cm --bits -f csv a b | tail -1 > r
| $KCBENCH ncd -c cm --bits --decimals 12 a b > d
| python3 -c "import sys; r = open('r').read().split(','); cx, cxy = int(r[6]), int(r[8]); d = float(open('d').read()); print('ratio of ideal lengths' if abs(d - (cxy - cx) / cx) < 1e-9 else 'differs: %s %s' % (d, r))"
stdout: ratio of ideal lengths

=== ncd --bits: the ideal length of a text is within a few bytes of its coded size less the header
run:
| $KCBENCH gen markov -n 20000 --seed 5 -o t
| coded=$($KCBENCH ncd -c cm -f csv t | tail -1 | cut -d, -f6)
| bits=$($KCBENCH ncd -c cm --bits -f csv t | tail -1 | cut -d, -f8)
| python3 -c "import sys; c, b = int(sys.argv[1]), int(sys.argv[2]); d = c - b / 8; print('close' if 0 <= d < 12 else 'far: %s %s' % (c, b / 8))" "$coded" "$bits"
stdout: close

=== eval --bits, exact and per-class: rows named cm:1:bits, the same under -j 1 and -j 2
run:
| $KCBENCH gen labelled -o d --sources 3 --docs 8 -n 20 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -c cm:1 --bits -k 1 --rules vote -j 1 -f csv > e1
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -c cm:1 --bits -k 1 --rules vote -j 2 -f csv > e2
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -c cm:1 --bits --method per-class -j 1 -f csv > p1
| $KCBENCH eval -t d/train.tsv -T d/test.tsv -c cm:1 --bits --method per-class -j 2 -f csv > p2
| cmp e1 e2 && cmp p1 p2 && cat e1 p1 | cut -d, -f2,6
stdout:
| compressor,rule
| cm:1:bits,vote
| compressor,rule
| cm:1:bits,per-class

=== --bits with a codec that has no model: exit 2, one line naming it
run: printf 'x' > a; $KCBENCH ncd -c cm,gzip:9 --bits a
exit: 2
stderr: one line
stderr contains: --bits: gzip:9 has no ideal code length

=== eval --bits without -c (gzip:9 by default): exit 2, one line
run:
| $KCBENCH gen labelled -o d --sources 3 --docs 8 -n 20 --order 1 --seed 3
| $KCBENCH eval -t d/train.tsv -T d/test.tsv --bits
exit: 2
stderr: one line
stderr contains: --bits: gzip:9 has no ideal code length
