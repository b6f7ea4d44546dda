# Written by kcbench; run 'gnuplot reports/figures/scaling-plrabn12.gp' to redraw.
set terminal svg size 900,600 dynamic enhanced font 'sans,12' background 'white'
set output "reports/figures/scaling-plrabn12.svg"
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
set title 'cost of a fixed held-out block (the last 8 x 4096 bytes) given n bytes: plrabn12.txt' noenhanced
set xlabel 'n, bytes of text seen' noenhanced
set ylabel 'bits per byte of the scored text' noenhanced
$D0 << EOD
1024 3.727295 0.113026 1
1635 3.658203 0.158473 1
2611 3.596436 0.151439 1
4169 3.526367 0.149549 1
6656 3.473633 0.144731 1
10628 3.389648 0.137625 1
16971 3.332031 0.136300 1
27098 3.226318 0.121388 1
43268 3.139648 0.123606 0
69088 3.112793 0.124084 0
110315 3.103027 0.121627 0
176145 3.108398 0.119854 0
281257 3.105957 0.121690 0
449093 3.105469 0.121941 0
EOD
$D1 << EOD
1024 3.634766 0.112577 1
1635 3.521484 0.153307 1
2611 3.439453 0.146084 1
4169 3.355469 0.137680 1
6656 3.258789 0.138906 1
10628 3.170898 0.132480 1
16971 3.098633 0.130924 1
27098 2.972656 0.121821 1
43268 2.870117 0.122316 1
69088 2.808594 0.105479 1
110315 2.735352 0.095632 1
176145 2.665039 0.088727 1
281257 2.593750 0.086896 1
449093 2.538086 0.080914 1
EOD
$D2 << EOD
1024 3.588135 0.107020 1
1635 3.498779 0.153644 1
2611 3.421143 0.146939 1
4169 3.354980 0.135669 1
6656 3.280762 0.140810 1
10628 3.213867 0.132693 1
16971 3.128174 0.129117 1
27098 3.048828 0.120891 1
43268 2.943115 0.116209 1
69088 2.832764 0.102656 1
110315 2.755859 0.091359 1
176145 2.698975 0.085221 1
281257 2.633057 0.096027 1
449093 2.553467 0.078493 1
EOD
$D3 << EOD
1024 3.349121 0.101276 1
1635 3.243408 0.101905 1
2611 3.162354 0.094020 1
4169 3.039551 0.093958 1
6656 2.957764 0.092944 1
10628 2.904297 0.074563 1
16971 2.761230 0.079547 1
27098 2.674561 0.067883 1
43268 2.553711 0.094796 1
69088 2.632568 0.128807 1
110315 2.728516 0.085390 1
176145 2.199463 0.175249 1
281257 2.295410 0.151060 1
449093 2.203857 0.063623 1
EOD
plot $D0 using 1:2 with lines lc 1 notitle, $D0 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 1 pt 7 title 'gzip:9' noenhanced, $D0 using 1:($4 > 0 ? 1/0 : $2):3 with yerrorbars lc 1 pt 6 title 'past its window (32506 B): not fitted', (x >= 1024 && x <= 27098 ? 10**(0.700642801) * x**(-0.0424857292) : 1/0) with lines dt 3 lw 1.5 lc 1 title 'log-log slope -0.042 (power law not identified)', $D1 using 1:2 with lines lc 2 notitle, $D1 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 2 pt 7 title 'xz:6' noenhanced, (x >= 1024 && x <= 449093 ? 10**(0.742351429) * x**(-0.0603145416) : 1/0) with lines dt 3 lw 1.5 lc 2 title 'log-log slope -0.060 (power law not identified)', $D2 using 1:2 with lines lc 3 notitle, $D2 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 3 pt 7 title 'zstd:19' noenhanced, (x >= 1024 && x <= 449093 ? 10**(0.730184057) * x**(-0.0567534018) : 1/0) with lines dt 3 lw 1.5 lc 3 title 'log-log slope -0.057 (power law not identified)', $D3 using 1:2 with lines lc 4 notitle, $D3 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 4 pt 7 title 'bzip2:9' noenhanced, (x >= 1024 && x <= 449093 ? 10**(0.728147565) * x**(-0.0670055679) : 1/0) with lines dt 3 lw 1.5 lc 4 title 'log-log slope -0.067 (power law not identified)'
