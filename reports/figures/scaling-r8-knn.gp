# Written by kcbench; run 'gnuplot reports/figures/scaling-r8-knn.gp' to redraw.
set terminal svg size 900,600 dynamic enhanced font 'sans,12' background 'white'
set output "reports/figures/scaling-r8-knn.svg"
set logscale xy
set grid
set key inside bottom left opaque box samplen 2 font ',9'
set samples 400
set autoscale xfix
set offsets graph 0.03, graph 0.03, graph 0.05, graph 0.45
set format x '10^{%L}'
set autoscale yfix
set ytics (0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 10)
set mytics 1
set title 'kNN error (k=1) against training-set size: ../shared/datasets/r8/train.tsv,../shared/datasets/r8/test.tsv' noenhanced
set xlabel 'training texts' noenhanced
set ylabel 'error (1 - accuracy)' noenhanced
$D0 << EOD
8 0.442222 0.085136 1
20 0.291111 0.033389 1
52 0.266667 0.010000 1
131 0.221111 0.021688 1
334 0.154444 0.011706 1
849 0.162222 0.008389 1
2158 0.124444 0.011706 1
5485 0.106667 0.000000 1
EOD
$D1 << EOD
8 0.458889 0.116635 1
20 0.376667 0.063333 1
52 0.294444 0.061131 1
131 0.270000 0.043333 1
334 0.182222 0.005092 1
849 0.191111 0.012620 1
2158 0.153333 0.015275 1
5485 0.116667 0.000000 1
EOD
plot $D0 using 1:2 with lines lc 1 notitle, $D0 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 1 pt 7 title 'gzip:9' noenhanced, (x >= 8 && x <= 5485 ? 0.0898486577 + 0.762270286 * x**(-0.390366322) : 1/0) with lines dt 2 lw 1.5 lc 1 title 'fit: 0.0898 + 0.762 n^{-0.390}', $D1 using 1:2 with lines lc 2 notitle, $D1 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 2 pt 7 title 'zstd:3' noenhanced, (x >= 8 && x <= 5485 ? 10**(-0.166847204) * x**(-0.20108087) : 1/0) with lines dt 3 lw 1.5 lc 2 title 'log-log slope -0.201 (power law not identified)'
