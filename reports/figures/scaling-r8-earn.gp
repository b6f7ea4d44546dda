# Written by kcbench; run 'gnuplot reports/figures/scaling-r8-earn.gp' to redraw.
set terminal svg size 900,600 dynamic enhanced font 'sans,12' background 'white'
set output "reports/figures/scaling-r8-earn.svg"
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
set title 'cost of a fixed held-out block (the last 8 x 4096 bytes) given n bytes: r8:earn' noenhanced
set xlabel 'n, bytes of text seen' noenhanced
set ylabel 'bits per byte of the scored text' noenhanced
$D0 << EOD
1024 2.896973 0.225880 1
1746 2.812256 0.229185 1
2977 2.730957 0.248069 1
5077 2.634277 0.239027 1
8656 2.522949 0.245947 1
14760 2.444580 0.236647 1
25167 2.314941 0.217433 1
42914 2.250732 0.206340 0
73173 2.235352 0.206480 0
124769 2.217285 0.210067 0
212747 2.217773 0.209676 0
362760 2.218506 0.208836 0
618552 2.218018 0.207780 0
1054709 2.217041 0.209801 0
EOD
$D1 << EOD
1024 2.875000 0.221168 1
1746 2.761719 0.224416 1
2977 2.640625 0.243391 1
5077 2.495117 0.231264 1
8656 2.362305 0.235745 1
14760 2.257812 0.221444 1
25167 2.135742 0.208670 1
42914 2.047852 0.196423 1
73173 1.958984 0.205504 1
124769 1.851562 0.203982 1
212747 1.767578 0.218021 1
362760 1.707031 0.209090 1
618552 1.644531 0.203297 1
1054709 1.590820 0.201571 1
EOD
$D2 << EOD
1024 2.779541 0.218769 1
1746 2.683105 0.224287 1
2977 2.595703 0.241329 1
5077 2.482422 0.229390 1
8656 2.342041 0.234390 1
14760 2.265137 0.221542 1
25167 2.141113 0.212258 1
42914 2.046387 0.203376 1
73173 1.943604 0.203761 1
124769 1.833984 0.207323 1
212747 1.771729 0.218482 1
362760 1.705322 0.209010 1
618552 1.646240 0.200238 1
1054709 1.616455 0.189334 1
EOD
$D3 << EOD
1024 2.751953 0.175011 1
1746 2.641113 0.187917 1
2977 2.533936 0.208727 1
5077 2.352539 0.199159 1
8656 2.243164 0.217115 1
14760 2.062500 0.189820 1
25167 1.957275 0.172462 1
42914 1.907227 0.170413 1
73173 1.787109 0.211330 1
124769 1.677490 0.265047 1
212747 1.707275 0.223002 1
362760 1.527832 0.279970 1
618552 1.431152 0.191673 1
1054709 1.612061 0.158641 0
EOD
plot $D0 using 1:2 with lines lc 1 notitle, $D0 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 1 pt 7 title 'gzip:9' noenhanced, $D0 using 1:($4 > 0 ? 1/0 : $2):3 with yerrorbars lc 1 pt 6 title 'past its window (32506 B): not fitted', (x >= 1024 && x <= 25167 ? 10**(0.673524694) * x**(-0.069086969) : 1/0) with lines dt 3 lw 1.5 lc 1 title 'log-log slope -0.069 (power law not identified)', $D1 using 1:2 with lines lc 2 notitle, $D1 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 2 pt 7 title 'xz:6' noenhanced, (x >= 1024 && x <= 1054709 ? 0.601733606 + 5.43766871 * x**(-0.124211202) : 1/0) with lines dt 2 lw 1.5 lc 2 title 'fit: 0.602 + 5.44 n^{-0.124}', $D2 using 1:2 with lines lc 3 notitle, $D2 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 3 pt 7 title 'zstd:19' noenhanced, (x >= 1024 && x <= 1054709 ? 10**(0.699227867) * x**(-0.0835605449) : 1/0) with lines dt 3 lw 1.5 lc 3 title 'log-log slope -0.084 (power law not identified)', $D3 using 1:2 with lines lc 4 notitle, $D3 using 1:($4 > 0 ? $2 : 1/0):3 with yerrorbars lc 4 pt 7 title 'bzip2:9' noenhanced, $D3 using 1:($4 > 0 ? 1/0 : $2):3 with yerrorbars lc 4 pt 6 title 'past its window (900000 B): not fitted', (x >= 1024 && x <= 618552 ? 10**(0.745221347) * x**(-0.10076635) : 1/0) with lines dt 3 lw 1.5 lc 4 title 'log-log slope -0.101 (power law not identified)'
