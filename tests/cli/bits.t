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

=== classify --bits: the labels eval --bits predicts; with a model only for per-class
run:
| $KCBENCH gen labelled -o d --sources 3 --docs 8 -n 20 --order 1 --seed 3
| cut -f2 d/test.tsv > q
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -c cm:1 --bits -k 1 --rules vote --predictions p.jsonl > /dev/null
| python3 -c 'import json; print("\n".join(json.loads(l)["vote"]["1"] for l in open("p.jsonl")))' > want
| $KCBENCH classify -t d/train.tsv -c cm:1 --bits < q | cmp - want && echo kNN same
| $KCBENCH eval -q -t d/train.tsv -T d/test.tsv -c cm:1 --bits --method per-class --predictions p.jsonl > /dev/null
| python3 -c 'import json; print("\n".join(json.loads(l)["vote"]["1"] for l in open("p.jsonl")))' > want
| $KCBENCH index -q -t d/train.tsv -c cm:1 -o m.kcb 2> /dev/null
| $KCBENCH classify -m m.kcb -c cm:1 --bits --method per-class < q | cmp - want && echo per-class from the model same
| $KCBENCH classify -m m.kcb --bits x 2>&1; echo "exit $?"
| $KCBENCH classify -t d/train.tsv -c zstd --bits x 2>&1; echo "exit $?"
stdout:
| kNN same
| per-class from the model same
| kcbench classify: --bits with -m: the model's sizes are coded bytes (use -t, or --method per-class)
| exit 2
| kcbench classify: --bits: zstd:3 has no ideal code length (only codecs with a model of their own have one: cm)
| exit 2

=== probe --bits: bits per byte from the ideal code length, a little below the coded size's; refused without a model
run:
| $KCBENCH gen markov -n 3000 --seed 4 -o m1
| $KCBENCH gen markov -n 3000 --seed 5 -o m2
| $KCBENCH probe concat -c cm:1 --bits -f csv m1 m2 | awk -F, 'NR == 3 { d = $15 - $6 / 3000; print $1, (d * d < 1e-10 ? "bpb = bits / bytes" : "bpb " $15) }'
| $KCBENCH probe concat -c cm:1 --bits -f csv m1 m2 | tail -1 | cut -d, -f15 > b
| $KCBENCH probe concat -c cm:1 -f csv m1 m2 | tail -1 | cut -d, -f15 > c
| python3 -c 'b, c = float(open("b").read()), float(open("c").read()); print("below" if 0 < c - b < 0.05 else "%s %s" % (b, c))'
| $KCBENCH probe scaling -c cm:1 --bits --from 256 --chunk 256 --chunks 2 --points 3 -f csv m1 | awk -F, 'NR > 1 { print $1, ($3 > 1 && $3 < 5 ? "bpb ok" : $3) }'
| $KCBENCH probe window -c gzip --bits m1 2>&1; echo "exit $?"
stdout:
| cm:1:bits bpb = bits / bytes
| below
| cm:1:bits bpb ok
| cm:1:bits bpb ok
| cm:1:bits bpb ok
| kcbench probe: --bits: gzip:9 has no ideal code length (only codecs with a model of their own have one: cm)
| exit 2
