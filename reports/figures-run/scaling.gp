# Written by kcbench; run 'gnuplot reports/figures-run/scaling.gp' to redraw.
set terminal svg size 900,600 dynamic enhanced font 'sans,12' background 'white'
set output "reports/figures-run/scaling.svg"
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
set title 'cost of a fixed held-out block (the last 4 x 1024 bytes) given n bytes: markov_long.txt' noenhanced
set xlabel 'n, bytes of text seen' noenhanced
set ylabel 'bits per byte of the scored text' noenhanced
$D0 << EOD
1024 3.361328 0.059967 1
2736 3.164062 0.071318 1
7311 2.960938 0.043731 1
19536 2.847656 0.024290 1
52201 2.730469 0.018597 0
139485 2.707031 0.032837 0
372711 2.705078 0.028793 0
995904 2.701172 0.028793 0
EOD
$D1 << EOD
1024 3.367188 0.069292 1
2736 3.023438 0.069292 1
7311 2.773438 0.029920 1
19536 2.632812 0.029920 1
52201 2.484375 0.031250 1
139485 2.406250 0.044194 1
372711 2.343750 0.057054 1
995904 2.273438 0.039322 1
EOD
$D2 << EOD
1024 3.009766 0.045274 1
2736 2.697266 0.075577 1
7311 2.431641 0.057895 1
19536 2.583984 0.216917 1
52201 1.941406 0.301533 1
139485 2.039062 0.073288 1
372711 2.048828 0.162176 1
995904 2.099609 0.065481 0
EOD
plot $D0 using 1:2 with lines lc 1 notitle, $D0 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 1 pt 7 title 'gzip:9' noenhanced, $D0 using 1:($4 > 0 ? 1/0 : $2):3 with yerrorbars lc 1 pt 6 title 'past its window (32506 B): not fitted', (x >= 1024 && x <= 19536 ? 2.30913494 + 5.29710179 * x**(-0.232616266) : 1/0) with lines dt 2 lw 1.5 lc 1 title 'fit: 2.31 + 5.3 n^{-0.233}', $D1 using 1:2 with lines lc 2 notitle, $D1 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 2 pt 7 title 'xz:6' noenhanced, (x >= 1024 && x <= 995904 ? 2.16547773 + 11.964399 * x**(-0.33216855) : 1/0) with lines dt 2 lw 1.5 lc 2 title 'fit: 2.17 + 12 n^{-0.332}', $D2 using 1:2 with lines lc 3 notitle, $D2 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 3 pt 7 title 'bzip2:9' noenhanced, $D2 using 1:($4 > 0 ? 1/0 : $2):3 with yerrorbars lc 3 pt 6 title 'past its window (900000 B): not fitted', (x >= 1024 && x <= 372711 ? 10**(0.676048931) * x**(-0.0704374068) : 1/0) with lines dt 3 lw 1.5 lc 3 title 'log-log slope -0.070 (power law not identified)'
