set terminal svg size 720,420 dynamic font 'sans,11' background 'white'
set output 'reports/figures-run/pareto-canterbury.svg'
set title 'Canterbury, all files together' noenhanced
set logscale x
set xlabel 'compression speed, MB/s (best of the timed calls)'
set ylabel 'ratio (original / compressed)'
set grid
set key off
set offsets graph 0.05, graph 0.15, graph 0.1, graph 0.05
$P << EOD
5.317 3.85733 gzip:9
28.281 3.84158 zlib:6
28.457 3.84195 deflate:6
4.234 5.69838 xz:6
305.449 4.42188 zstd:3
23.48 5.17054 bzip2:9
0.749 5.72037 brotli:11
762.197 2.28496 lz4:1
77.825 3.88907 libdeflate:6
EOD
$F << EOD
762.197 2.28496
305.449 4.42188
23.48 5.17054
4.234 5.69838
0.749 5.72037
EOD
plot $F using 1:2 with lines lw 2 lc rgb '#1f4e79', $P using 1:2 with points pt 7 ps 0.8 lc rgb '#1f4e79', $P using 1:2:3 with labels offset 0.6,0.6 left font ',9' noenhanced
