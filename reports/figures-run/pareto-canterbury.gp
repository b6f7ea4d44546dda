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
5.202 3.85733 gzip:9
25.879 3.84158 zlib:6
27.349 3.84195 deflate:6
3.741 5.69838 xz:6
260.909 4.42188 zstd:3
22.811 5.17054 bzip2:9
0.694 5.72037 brotli:11
755.585 2.28496 lz4:1
71.722 3.88907 libdeflate:6
1.492 7.12093 cm:5
EOD
$F << EOD
755.585 2.28496
260.909 4.42188
22.811 5.17054
3.741 5.69838
1.492 7.12093
EOD
plot $F using 1:2 with lines lw 2 lc rgb '#1f4e79', $P using 1:2 with points pt 7 ps 0.8 lc rgb '#1f4e79', $P using 1:2:3 with labels offset 0.6,0.6 left font ',9' noenhanced
