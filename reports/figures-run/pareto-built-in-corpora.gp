set terminal svg size 720,420 dynamic font 'sans,11' background 'white'
set output 'reports/figures-run/pareto-built-in-corpora.svg'
set title 'built-in corpora, all files together' noenhanced
set logscale x
set xlabel 'compression speed, MB/s (best of the timed calls)'
set ylabel 'ratio (original / compressed)'
set grid
set key off
set offsets graph 0.05, graph 0.15, graph 0.1, graph 0.05
$P << EOD
22.535 2.01704 gzip:9
29.984 2.01527 zlib:6
33.534 2.01536 deflate:6
3.963 2.08307 xz:6
278.96 2.00694 zstd:3
9.31 2.14162 bzip2:9
1.503 2.09366 brotli:11
1636.61 1.55361 lz4:1
74.393 2.05273 libdeflate:6
1.289 2.19055 cm:5
EOD
$F << EOD
1636.61 1.55361
278.96 2.00694
74.393 2.05273
9.31 2.14162
1.289 2.19055
EOD
plot $F using 1:2 with lines lw 2 lc rgb '#1f4e79', $P using 1:2 with points pt 7 ps 0.8 lc rgb '#1f4e79', $P using 1:2:3 with labels offset 0.6,0.6 left font ',9' noenhanced
