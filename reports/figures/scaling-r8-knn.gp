# Written by kcbench; run 'gnuplot reports/figures/scaling-r8-knn.gp' to redraw.
set terminal svg size 900,600 dynamic enhanced font 'sans,12' background 'white'
set output "reports/figures/scaling-r8-knn.svg"
set logscale xy
set grid
set key inside bottom left opaque box samplen 2 font ',9'
set samples 400
set autoscale fix
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.45
set format x '10^{%L}'
set ytics (0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 10)
set mytics 1
set title "kNN error (k=1) against training-set size: /work/shared/datasets/r8/train.tsv,/work/shared/datasets/r8/test.tsv"
set xlabel "training texts"
set ylabel "error (1 - accuracy)"
$D0 << EOD
8 0.438889 0.089215 1
20 0.290000 0.011547 1
52 0.271111 0.016777 1
131 0.210000 0.011547 1
334 0.156667 0.005774 1
849 0.117778 0.006939 1
2158 0.097778 0.011706 1
5485 0.083333 0.000000 1
EOD
$D1 << EOD
8 0.461111 0.140409 1
20 0.390000 0.052387 1
52 0.282222 0.059286 1
131 0.226667 0.026458 1
334 0.172222 0.011706 1
849 0.156667 0.006667 1
2158 0.122222 0.006939 1
5485 0.090000 0.000000 1
EOD
plot $D0 using 1:2 with lines lc 1 notitle, $D0 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 1 pt 7 title "gzip:9", (x >= 8 && x <= 5485 ? 10**(-0.157935877) * x**(-0.253150074) : 1/0) with lines dt 3 lw 1.5 lc 1 title 'log-log slope -0.253 (power law not identified)', $D1 using 1:2 with lines lc 2 notitle, $D1 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 2 pt 7 title "zstd:3", (x >= 8 && x <= 5485 ? 10**(-0.112914712) * x**(-0.245828083) : 1/0) with lines dt 3 lw 1.5 lc 2 title 'log-log slope -0.246 (power law not identified)'
