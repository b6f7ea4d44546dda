# Written by kcbench; run 'gnuplot reports/figures/scaling-r8-knn.gp' to redraw.
set terminal svg size 900,560 dynamic enhanced font 'sans,12' background 'white'
set output "reports/figures/scaling-r8-knn.svg"
set logscale xy
set grid
set key outside right
set title "kNN error (k=1) against training-set size: ../shared/datasets/r8/train.tsv,../shared/datasets/r8/test.tsv"
set xlabel "training texts"
set ylabel "error (1 - accuracy)"
$D0 << EOD
8 0.438889 0.089215
20 0.290000 0.011547
52 0.271111 0.016777
131 0.210000 0.011547
334 0.156667 0.005774
849 0.117778 0.006939
2158 0.097778 0.011706
5485 0.083333 0.000000
EOD
$D1 << EOD
8 0.461111 0.140409
20 0.390000 0.052387
52 0.282222 0.059286
131 0.226667 0.026458
334 0.172222 0.011706
849 0.156667 0.006667
2158 0.122222 0.006939
5485 0.090000 0.000000
EOD
plot $D0 using 1:2:3 with yerrorlines lc 1 pt 7 title "gzip:9", 0.02889221 + 0.745881962 * x**(-0.305039553) with lines dt 2 lc 1 title 'fit: 0.0289 + 0.746 n^{-0.305}', $D1 using 1:2:3 with yerrorlines lc 2 pt 7 title "zstd:3", 0.013960956 + 0.789420673 * x**(-0.265219057) with lines dt 2 lc 2 title 'fit: 0.014 + 0.789 n^{-0.265}'
