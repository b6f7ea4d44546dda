# kcbench tree: neighbour joining from PHYLIP (and JSON when built with libjansson), Newick
# output, the gnuplot figure, and errors. The expected trees are derived by hand in
# tests/unit/test_tree.c (Wikipedia's five-taxon example: a and b join first, then c).
# Exit statuses: 0 ok, 2 usage (bad option or format), 3 input/output (missing or malformed
# matrix, fewer than 2 taxa, non-finite distance, gnuplot missing or failing).

# ---- Newick from PHYLIP ------------------------------------------------------------

=== the Wikipedia example gives its textbook tree, unrooted at the last join
file w.phy:
| 5
| a 0 5 9 9 8
| b 5 0 10 10 9
| c 9 10 0 8 7
| d 9 10 8 0 3
| e 8 9 7 3 0
run: $KCBENCH tree w.phy
stdout: (((a:2.000000,b:3.000000):3.000000,c:4.000000):2.000000,d:2.000000,e:1.000000);

=== a lower-triangular PHYLIP matrix, read from standard input, gives the same tree
stdin:
| 5
| a
| b 5
| c 9 10
| d 9 10 8
| e 8 9 7 3
run: $KCBENCH tree -
stdout: (((a:2.000000,b:3.000000):3.000000,c:4.000000):2.000000,d:2.000000,e:1.000000);

=== an asymmetric matrix with a non-zero diagonal is read as (d_ij + d_ji) / 2
file w.phy:
| 5
| a 0.9 6 10 8 9
| b 4 0.9 11 9 10
| c 8 9 0.9 9 6
| d 10 11 7 0.9 4
| e 7 8 8 2 0.9
run: $KCBENCH tree w.phy
stdout: (((a:2.000000,b:3.000000):3.000000,c:4.000000):2.000000,d:2.000000,e:1.000000);

=== two taxa: one edge, halved by the top node
file two.phy:
| 2
| x 0 0.7
| y 0.7 0
run: $KCBENCH tree two.phy
stdout: (x:0.350000,y:0.350000);

=== labels with Newick-special characters (and _, which Newick reads as a blank) are quoted, ' doubled
file q.phy:
| 3
| it's 0 1 2
| a,b 1 0 2
| plain_name 2 2 0
run: $KCBENCH tree q.phy
stdout: ('it''s':0.500000,'a,b':0.500000,'plain_name':1.500000);

=== kcbench's own ncd -f phylip over the samples: every label, and same-source texts paired
run:
| $KCBENCH gen samples -o s > /dev/null
| $KCBENCH ncd -f phylip s/* | $KCBENCH tree - > t.nwk
| test "$(wc -l < t.nwk)" -eq 1
| for f in s/*; do grep -qF -e "'$f':" -e "($f:" -e ",$f:" t.nwk || { echo "missing $f"; exit 1; }; done
| for src in $(ls s | sed -n 's/^markov_\(.*\)_1\.txt$/\1/p'); do
|   grep -qE "\('s/markov_${src}_1\.txt':[0-9.]+,'s/markov_${src}_2\.txt':[0-9.]+\)" t.nwk ||
|     { echo "markov $src texts not siblings"; exit 1; }
| done
| grep -q ');$' t.nwk && echo "$(ls s | wc -l) labels, markov pairs joined"
stdout: 12 labels, markov pairs joined

=== -o writes the Newick to a file (atomically) and nothing to standard output
file w.phy:
| 3
| a 0 3 4
| b 3 0 5
| c 4 5 0
run: $KCBENCH tree -o out.nwk w.phy && cat out.nwk && ls
stdout:
| (a:1.000000,b:2.000000,c:3.000000);
| out.nwk
| w.phy

=== --index picks one of several matrices, as ncd -c with two codecs writes
run:
| printf 'the quick brown fox' > x; printf 'jumps over the lazy dog' > y; printf 'the lazy fox' > z
| $KCBENCH ncd -f phylip -c gzip:9,xz:6 x y z > both.phy
| $KCBENCH ncd -f phylip -c xz:6 x y z | $KCBENCH tree - > want
| $KCBENCH tree --index 1 both.phy | diff want - && echo second matrix
stdout: second matrix

=== --index past the last matrix: exit 3, one line
file w.phy:
| 2
| x 0 1
| y 1 0
run: $KCBENCH tree --index 1 w.phy
exit: 3
stderr: one line
stderr contains: --index 1

=== JSON from ncd -f json gives the PHYLIP tree, or a clear error in a build without jansson
run:
| $KCBENCH gen samples -o s > /dev/null
| $KCBENCH ncd -f phylip s/* | $KCBENCH tree - > phylip.nwk
| $KCBENCH ncd -f json s/* > m.json
| if $KCBENCH tree m.json > json.nwk 2> err; then
|   diff phylip.nwk json.nwk && echo "json: the same tree"
| else
|   test ! -s json.nwk && grep -q 'JSON input needs kcbench built with libjansson' err &&
|     test "$(wc -l < err)" -eq 1 && echo "json: not built in, one line says so"
| fi
stdout re: json: (the same tree|not built in, one line says so)

# ---- the figure ----------------------------------------------------------------------

=== --svg draws an SVG with gnuplot, keeps the script, and still prints the Newick
run:
| $KCBENCH gen samples -o s > /dev/null
| $KCBENCH ncd -f phylip s/* | $KCBENCH tree --svg fig.svg --title 'samples, gzip:9' - > t.nwk
| head -c 5 fig.svg; echo
| grep -q '<svg' fig.svg && grep -q 'samples, gzip:9' fig.svg && echo svg element and title
| grep -q '^set terminal svg' fig.gp && grep -q '^plot ' fig.gp && echo script kept
| for f in s/*; do grep -qF "$f" fig.svg || echo "no label $f"; done
| test "$(wc -l < t.nwk)" -eq 1 && echo newick too
timeout: 30
stdout:
| <?xml
| svg element and title
| script kept
| newick too

=== labels with & < > and quotes stay well-formed XML in the SVG
file q.phy:
| 3
| A&B<1> 0 1 2
| it's 1 0 2
| "c" 2 2 0
run:
| $KCBENCH tree --svg q.svg --title 'x & <y>' q.phy > /dev/null
| python3 -c '
| import xml.dom.minidom as m
| d = m.parse("q.svg")
| t = sorted(x.firstChild.data for x in d.getElementsByTagName("text") if x.firstChild and x.firstChild.nodeType == 3 and x.firstChild.data.strip())
| print([s for s in t if s in ("A&B<1>", "it'"'"'s", "\"c\"", "x & <y>")])'
timeout: 30
stdout: ['"c"', 'A&B<1>', "it's", 'x & <y>']

=== gnuplot missing: exit 3, one line naming gnuplot, no SVG and no Newick
file w.phy:
| 2
| x 0 1
| y 1 0
run: PATH=/nonexistent "$KCBENCH" tree --svg f.svg w.phy; rc=$?; test ! -e f.svg && exit $rc
exit: 3
stderr: one line
stderr contains: gnuplot

=== gnuplot failing: exit 3, kcbench's line naming the script, no Newick
file w.phy:
| 2
| x 0 1
| y 1 0
file gnuplot:
| #!/bin/sh
| echo 'gnuplot: something went wrong' >&2
| exit 1
run: mkdir bin && mv gnuplot bin && chmod +x bin/gnuplot && PATH="$PWD/bin:$PATH" $KCBENCH tree --svg f.svg w.phy
exit: 3
stderr contains: kcbench tree: gnuplot failed on f.gp

# ---- errors --------------------------------------------------------------------------

=== a missing file: exit 3, one line naming it
run: $KCBENCH tree no/such.phy
exit: 3
stderr: one line
stderr contains: no/such.phy

=== malformed PHYLIP: exit 3, one line naming the line
file bad.phy:
| 3
| a 0 1 2
| b 1 0
| c 2 2 0
run: $KCBENCH tree bad.phy
exit: 3
stderr: one line
stderr contains: line 3

=== empty input: exit 3, one line
run: $KCBENCH tree - < /dev/null
exit: 3
stderr: one line
stderr contains: empty PHYLIP matrix

=== one taxon is too few for a tree: exit 3, one line
file one.phy:
| 1
| only 0
run: $KCBENCH tree one.phy
exit: 3
stderr: one line
stderr contains: at least 2 taxa

=== a NaN or infinite distance: exit 3, one line naming the file, line and row
file nan.phy:
| 3
| a 0 1 nan
| b 1 0 2
| c 2 2 0
file inf.phy:
| 3
| a
| b inf
| c 2 2
run: $KCBENCH tree nan.phy; echo "exit $?"; $KCBENCH tree inf.phy; echo "exit $?"
stdout:
| exit 3
| exit 3
stderr:
| kcbench tree: nan.phy: malformed PHYLIP matrix: line 2: row 1: a value is not a finite number
| kcbench tree: inf.phy: malformed PHYLIP matrix: line 3: row 2: a value is not a finite number

=== no MATRIX, or two: exit 2
run: $KCBENCH tree; rc1=$?; $KCBENCH tree a b; echo "$rc1 $?"
stdout: 2 2
stderr re:
| kcbench tree: needs one MATRIX .*got 0
| kcbench tree: needs one MATRIX .*got 2

=== an unknown output format, or an unknown input format: exit 2
run: $KCBENCH tree -f yaml x; rc1=$?; $KCBENCH tree -i xml x; echo "$rc1 $?"
stdout: 2 2
stderr re:
| kcbench tree: -f: unknown format 'yaml'.*
| kcbench tree: -i: unknown input format 'xml'.*

=== -f json lists the nodes: leaves first with their labels, the top node last with no parent
run:
| printf '3\na 0 0.3 0.5\nb 0.3 0 0.6\nc 0.5 0.6 0\n' > m.phy
| $KCBENCH tree -f json m.phy | python3 -c '
| import json, sys
| nodes = json.load(sys.stdin)
| print([n["label"] for n in nodes], nodes[-1]["parent"], [n["parent"] for n in nodes[:3]])
| print("lengths", round(sum(n["length"] for n in nodes), 6))'
| $KCBENCH tree -f csv m.phy | head -1
stdout:
| ['a', 'b', 'c', None] None [3, 3, 3]
| lengths 0.7
| node,parent,length,label
