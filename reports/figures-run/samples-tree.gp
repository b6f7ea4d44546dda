# Written by kcbench; run 'gnuplot reports/figures-run/samples-tree.gp' to redraw.
set terminal svg size 873,360 dynamic enhanced font 'sans,12' background 'white'
set output "reports/figures-run/samples-tree.svg"
set title 'built-in samples, xz:6' noenhanced
unset key
unset ytics
set border 1
set xtics nomirror out
set xlabel "distance from the root (midpoint-rooted neighbour joining)"
set xrange [-0.0098654489:0.619056918]
set yrange [11.75:-0.75]
set label 1 'random_45.bin' at 0.490717032,0 left offset character 0.6,0 noenhanced
set label 2 'repeat_001.txt' at 0.482141703,1 left offset character 0.6,0 noenhanced
set label 3 'x1_001x15.txt' at 0.491362203,2 left offset character 0.6,0 noenhanced
set label 4 'repeat_hello.txt' at 0.476201203,3 left offset character 0.6,0 noenhanced
set label 5 'random_text.txt' at 0.492373051,4 left offset character 0.6,0 noenhanced
set label 6 'markov_gadeze_1.txt' at 0.493272445,5 left offset character 0.6,0 noenhanced
set label 7 'markov_gadeze_2.txt' at 0.492560882,6 left offset character 0.6,0 noenhanced
set label 8 'markov_zurela_1.txt' at 0.489335004,7 left offset character 0.6,0 noenhanced
set label 9 'markov_zurela_2.txt' at 0.488762879,8 left offset character 0.6,0 noenhanced
set label 10 'markov_pivera_1.txt' at 0.488379064,9 left offset character 0.6,0 noenhanced
set label 11 'markov_pivera_2.txt' at 0.492493564,10 left offset character 0.6,0 noenhanced
set label 12 'random.bin' at 0.493272445,11 left offset character 0.6,0 noenhanced
$BRANCHES << EOD
0.245712305 0 0.490717032 0
0.379609203 1 0.482141703 1
0.379609203 2 0.491362203 2
0.379609203 1 0.379609203 2
0.330434953 1.5 0.379609203 1.5
0.330434953 3 0.476201203 3
0.330434953 1.5 0.330434953 3
0.245712305 2.25 0.330434953 2.25
0.245712305 0 0.245712305 2.25
0.0151348636 1.125 0.245712305 1.125
0.0315428454 4 0.492373051 4
0.140766164 5 0.493272445 5
0.140766164 6 0.492560882 6
0.140766164 5 0.140766164 6
0.0704278649 5.5 0.140766164 5.5
0.131521941 7 0.489335004 7
0.131521941 8 0.488762879 8
0.131521941 7 0.131521941 8
0.0704278649 7.5 0.131521941 7.5
0.0704278649 5.5 0.0704278649 7.5
0.0671413395 6.5 0.0704278649 6.5
0.131393814 9 0.488379064 9
0.131393814 10 0.492493564 10
0.131393814 9 0.131393814 10
0.0671413395 9.5 0.131393814 9.5
0.0671413395 6.5 0.0671413395 9.5
0.0315428454 8 0.0671413395 8
0.0315428454 4 0.0315428454 8
0.0151348636 6 0.0315428454 6
0.0151348636 1.125 0.0151348636 6
0 3.5625 0.0151348636 3.5625
0 11 0.493272445 11
0 3.5625 0 11
EOD
$TIPS << EOD
0.490717032 0
0.482141703 1
0.491362203 2
0.476201203 3
0.492373051 4
0.493272445 5
0.492560882 6
0.489335004 7
0.488762879 8
0.488379064 9
0.492493564 10
0.493272445 11
EOD
plot $BRANCHES using 1:2:($3-$1):($4-$2) with vectors nohead lw 1.5 lc rgb '#1f4e79', \
     $TIPS using 1:2 with points pt 7 ps 0.5 lc rgb '#1f4e79'
