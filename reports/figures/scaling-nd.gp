# Written by kcbench; run 'gnuplot reports/figures/scaling-nd.gp' to redraw.
set terminal svg size 1000,640 dynamic enhanced font 'sans,12' background 'white'
set output "reports/figures/scaling-nd.svg"
set logscale xy
set grid
set key outside below font ',9' maxrows 4
set format x '10^{%L}'
set autoscale xfix
set autoscale yfix
set offsets graph 0.02, graph 0.02, graph 0.04, graph 0.04
set xlabel 'D, training bytes (the first D bytes of the corpus)'
set ylabel 'bits per byte of the held-out block'
set samples 200
set ytics (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3.0, 3.5, 4, 5, 6, 8)
set title 'train.tsv: bits per byte of the last 65536 bytes after the first D bytes; dashed: the fitted L(N, D) at each level''s N (not fitted)' noenhanced font ',10'
$L0 << EOD
4096 2.773682
8192 2.741577
16384 2.699219
32768 2.648682
65536 2.608765
131072 2.551270
262144 2.500732
524288 2.500366
1048576 2.455078
2097152 2.493164
4194304 2.513184
EOD
$L1 << EOD
4096 2.717163
8192 2.680298
16384 2.632446
32768 2.573120
65536 2.523193
131072 2.447510
262144 2.385376
524288 2.369385
1048576 2.261719
2097152 2.295410
4194304 2.342285
EOD
$L2 << EOD
4096 2.682007
8192 2.642334
16384 2.589111
32768 2.525391
65536 2.468994
131072 2.381958
262144 2.310181
524288 2.265869
1048576 2.129883
2097152 2.088867
4194304 2.149902
EOD
$L3 << EOD
4096 2.667358
8192 2.626343
16384 2.570312
32768 2.501465
65536 2.437012
131072 2.341919
262144 2.259399
524288 2.202026
1048576 2.049316
2097152 1.961060
4194304 1.963257
EOD
$L4 << EOD
4096 2.664673
8192 2.622314
16384 2.564331
32768 2.494019
65536 2.424194
131072 2.318481
262144 2.225952
524288 2.158203
1048576 1.998291
2097152 1.884521
4194304 1.828613
EOD
$L5 << EOD
4096 2.664062
8192 2.621216
16384 2.563354
32768 2.492920
65536 2.421997
131072 2.312256
262144 2.212036
524288 2.134766
1048576 1.965576
2097152 1.842041
4194304 1.767334
EOD
$L6 << EOD
4096 2.663940
8192 2.620972
16384 2.562988
32768 2.492432
65536 2.421265
131072 2.311279
262144 2.209351
524288 2.127075
1048576 1.948486
2097152 1.815063
4194304 1.725464
EOD
$L7 << EOD
4096 2.663574
8192 2.620728
16384 2.562622
32768 2.492065
65536 2.420898
131072 2.311035
262144 2.209351
524288 2.125732
1048576 1.944214
2097152 1.804810
4194304 1.702759
EOD
$L8 << EOD
4096 2.663696
8192 2.620605
16384 2.562622
32768 2.492065
65536 2.420776
131072 2.311035
262144 2.209351
524288 2.125610
1048576 1.943604
2097152 1.802490
4194304 1.692139
EOD
plot $L0 using 1:2 with linespoints pt 7 ps 0.6 lc 1 title 'cm:1, N = 0.898 MB' noenhanced, $L1 using 1:2 with linespoints pt 7 ps 0.6 lc 2 title 'cm:2, N = 1.57 MB' noenhanced, $L2 using 1:2 with linespoints pt 7 ps 0.6 lc 3 title 'cm:3, N = 2.93 MB' noenhanced, $L3 using 1:2 with linespoints pt 7 ps 0.6 lc 4 title 'cm:4, N = 5.63 MB' noenhanced, $L4 using 1:2 with linespoints pt 7 ps 0.6 lc 5 title 'cm:5, N = 11 MB' noenhanced, $L5 using 1:2 with linespoints pt 7 ps 0.6 lc 6 title 'cm:6, N = 21.8 MB' noenhanced, $L6 using 1:2 with linespoints pt 7 ps 0.6 lc 7 title 'cm:7, N = 43.5 MB' noenhanced, $L7 using 1:2 with linespoints pt 7 ps 0.6 lc 8 title 'cm:8, N = 86.7 MB' noenhanced, $L8 using 1:2 with linespoints pt 5 ps 0.6 lc 9 title 'cm:9, N = 173 MB' noenhanced
