# Written by kcbench; run 'gnuplot reports/figures-run/concat.gp' to redraw.
set terminal svg size 1080,1000 dynamic enhanced font 'sans,12' background 'white'
set output "reports/figures-run/concat.svg"
set palette defined (-1 '#b2182b', -0.5 '#f4a582', 0 'white', 0.5 '#92c5de', 1 '#2166ac')
set cblabel 'gain / min(C(X),C(Y)); 0 is white, the diagonal saturates'
set xtics rotate by 45 right
set size ratio -1
set style fill solid 1.0 noborder
set multiplot layout 2,2 title "Concatenation gain C(X)+C(Y)-C(XY), relative: blue a gain, red a loss (C(XY) > C(X)+C(Y))\nw: X longer than the window, C(XY) reaches only the end of X;  b: XY cut into bzip2 blocks"
set cbrange [-0.051896:0.051896]
$M << EOD
0 0 0.052222 "0.05 w"
1 0 0.051896 "0.05 w"
2 0 -0.001957 "-0.00 w"
3 0 -0.000978 "-0.00 w"
4 0 0.003357 "0.00 w"
0 1 0.050545 "0.05 w"
1 1 0.052800 "0.05 w"
2 1 -0.001113 "-0.00 w"
3 1 -0.000278 "-0.00 w"
4 1 0.003870 "0.00 w"
0 2 -0.001770 "-0.00 w"
1 2 -0.001066 "-0.00 w"
2 2 0.049018 "0.05 w"
3 2 0.050584 "0.05 w"
4 2 0.000326 "0.00 w"
0 3 -0.002283 "-0.00 w"
1 3 -0.001159 "-0.00 w"
2 3 0.049000 "0.05 w"
3 3 0.050946 "0.05 w"
4 3 0.000140 "0.00 w"
0 4 0.005501 "0.01 w"
1 4 0.007040 "0.01 w"
2 4 0.001119 "0.00 w"
3 4 0.001539 "0.00 w"
4 4 0.057392 "0.06 w"
EOD
set xtics ('markov_s0_0.txt' 0, 'markov_s0_1.txt' 1, 'markov_s1_0.txt' 2, 'markov_s1_1.txt' 3, 'markov_s2_0.txt' 4) noenhanced
set ytics ('markov_s0_0.txt' 0, 'markov_s0_1.txt' 1, 'markov_s1_0.txt' 2, 'markov_s1_1.txt' 3, 'markov_s2_0.txt' 4) noenhanced
set xlabel 'Y'
set ylabel 'X'
set yrange [4.5:-0.5]
set xrange [-0.5:4.5]
set title 'gzip:9' noenhanced
plot $M using 1:2:(0.5):(0.5):3 with boxxyerror fc palette notitle, $M using 1:2:4 with labels font ',9' notitle
set cbrange [-0.081579:0.081579]
$M << EOD
0 0 0.995991 "1.00"
1 0 0.081579 "0.08"
2 0 0.014432 "0.01"
3 0 0.013830 "0.01"
4 0 0.015742 "0.02"
0 1 0.079575 "0.08"
1 1 0.996214 "1.00"
2 1 0.013750 "0.01"
3 1 0.012754 "0.01"
4 1 0.015742 "0.02"
0 2 0.013830 "0.01"
1 2 0.013551 "0.01"
2 2 0.996125 "1.00"
3 2 0.073152 "0.07"
4 2 0.014934 "0.01"
0 3 0.010423 "0.01"
1 3 0.011957 "0.01"
2 3 0.075486 "0.08"
3 3 0.996109 "1.00"
4 3 0.012513 "0.01"
0 4 0.014329 "0.01"
1 4 0.014733 "0.01"
2 4 0.012109 "0.01"
3 4 0.014531 "0.01"
4 4 0.995964 "1.00"
EOD
set xtics ('markov_s0_0.txt' 0, 'markov_s0_1.txt' 1, 'markov_s1_0.txt' 2, 'markov_s1_1.txt' 3, 'markov_s2_0.txt' 4) noenhanced
set ytics ('markov_s0_0.txt' 0, 'markov_s0_1.txt' 1, 'markov_s1_0.txt' 2, 'markov_s1_1.txt' 3, 'markov_s2_0.txt' 4) noenhanced
set xlabel 'Y'
set ylabel 'X'
set yrange [4.5:-0.5]
set xrange [-0.5:4.5]
set title 'xz:6' noenhanced
plot $M using 1:2:(0.5):(0.5):3 with boxxyerror fc palette notitle, $M using 1:2:4 with labels font ',9' notitle
set cbrange [-0.115845:0.115845]
$M << EOD
0 0 0.555402 "0.56"
1 0 0.083028 "0.08"
2 0 -0.092447 "-0.09"
3 0 -0.090827 "-0.09"
4 0 -0.115845 "-0.12"
0 1 0.083028 "0.08"
1 1 0.548279 "0.55"
2 1 -0.093272 "-0.09"
3 1 -0.092435 "-0.09"
4 1 -0.115475 "-0.12"
0 2 -0.092447 "-0.09"
1 2 -0.093272 "-0.09"
2 2 0.577100 "0.58"
3 2 0.074087 "0.07"
4 2 -0.102075 "-0.10"
0 3 -0.090827 "-0.09"
1 3 -0.092435 "-0.09"
2 3 0.074087 "0.07"
3 3 0.572148 "0.57"
4 3 -0.106027 "-0.11"
0 4 -0.115845 "-0.12"
1 4 -0.115475 "-0.12"
2 4 -0.102075 "-0.10"
3 4 -0.106027 "-0.11"
4 4 0.580832 "0.58"
EOD
set xtics ('markov_s0_0.txt' 0, 'markov_s0_1.txt' 1, 'markov_s1_0.txt' 2, 'markov_s1_1.txt' 3, 'markov_s2_0.txt' 4) noenhanced
set ytics ('markov_s0_0.txt' 0, 'markov_s0_1.txt' 1, 'markov_s1_0.txt' 2, 'markov_s1_1.txt' 3, 'markov_s2_0.txt' 4) noenhanced
set xlabel 'Y'
set ylabel 'X'
set yrange [4.5:-0.5]
set xrange [-0.5:4.5]
set title 'bzip2:9' noenhanced
plot $M using 1:2:(0.5):(0.5):3 with boxxyerror fc palette notitle, $M using 1:2:4 with labels font ',9' notitle
unset multiplot
