# Written by kcbench; run 'gnuplot reports/figures-run/window.gp' to redraw.
set terminal svg size 900,560 dynamic enhanced font 'sans,12' background 'white'
set output "reports/figures-run/window.svg"
set logscale x 2
set format x '2^{%L}'
set xlabel 'bytes of x'
set ylabel 'NCD(x,x) = (C(xx) - C(x)) / C(x)'
set key outside right
set grid
set yrange [-0.05:*]
set arrow from 1000000, graph 0 to 1000000, graph 1 nohead dt 2 lc rgb 'gray40'
set title 'markov_long.txt: 1000000 bytes (dashed: the whole input; a window longer than that cannot show, the curve never rises)' noenhanced
$S0 << EOD
4096 0.029379
8192 0.029931
16384 0.031761
32768 0.927502
65536 0.950560
131072 0.971959
262144 0.986739
524288 0.993229
1000000 0.996475
EOD
$S1 << EOD
4096 0.012903
8192 0.012034
16384 0.009204
32768 0.005984
65536 0.003715
131072 0.002213
262144 0.001388
524288 0.000966
1000000 0.000735
EOD
$S2 << EOD
4096 0.004405
8192 -0.000289
16384 -0.030253
32768 0.000799
65536 0.000698
131072 0.036473
262144 -0.041399
524288 0.000356
1000000 0.000341
EOD
$S3 << EOD
4096 0.278331
8192 0.315387
16384 0.348025
32768 0.392649
65536 0.420365
131072 0.446789
262144 0.458842
524288 0.655910
1000000 0.993841
EOD
plot $S0 using 1:2 with linespoints lw 2 title 'gzip:9' noenhanced, $S1 using 1:2 with linespoints lw 2 title 'xz:6' noenhanced, $S2 using 1:2 with linespoints lw 2 title 'zstd:3' noenhanced, $S3 using 1:2 with linespoints lw 2 title 'bzip2:9' noenhanced
