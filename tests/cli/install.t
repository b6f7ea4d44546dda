# make install and make uninstall into a staging root (DESTDIR), and scripts/install-deps.sh.
# Format of these files: see the top of tests/cli/run.py.
#
# make runs in the source tree with BUILD set to the folder of the binary under test and that
# binary taken as up to date (-o), so nothing is compiled: only the manual page is written
# (BUILD/kcbench.1) and the two files copied. MAKEFLAGS is dropped, so that the variables of
# the make running these tests (BUILD=build/asan ...) do not reach this one.

=== make install: bin/kcbench and share/man/man1/kcbench.1 under DESTDIR/PREFIX, both working
timeout: 60
run:
| inst() {
|     env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$TESTS/.." -o "$KCBENCH" \
|         BUILD="$(dirname "$KCBENCH")" DESTDIR="$PWD/stage" PREFIX=/usr/local "$@" > make.out
| }
| inst install
| s=stage/usr/local
| (cd stage && find . -type f -printf '%m %p\n' | sort)
| "$s/bin/kcbench" --version | head -n 1
| LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$s/share/man/man1/kcbench.1" 2>&1 > page.txt
| head -n 1 page.txt | tr -s ' '
| grep -c '^   [a-z]*$' page.txt
| "$KCBENCH" help --man | cmp - "$s/share/man/man1/kcbench.1" && echo "the page kcbench writes"
| inst uninstall
| find stage -type f | wc -l
stdout re:
| 644 \./usr/local/share/man/man1/kcbench\.1
| 755 \./usr/local/bin/kcbench
| kcbench \d+\.\d+\.\d+\S*
| KCBENCH\(1\) User Commands KCBENCH\(1\)
| 12
| the page kcbench writes
| 0

=== the version make install put in is the one in the file VERSION
timeout: 60
run:
| env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$TESTS/.." -o "$KCBENCH" \
|     BUILD="$(dirname "$KCBENCH")" DESTDIR="$PWD/stage" install > /dev/null
| v=$(cat "$TESTS/../VERSION")
| [ "$(stage/usr/local/bin/kcbench --version | head -n 1)" = "kcbench $v" ] &&
|     echo "PREFIX defaults to /usr/local; version $v"
stdout re: PREFIX defaults to /usr/local; version \S+

=== PREFIX alone (no DESTDIR): installed under PREFIX, and uninstall leaves its folders
timeout: 60
run:
| inst() {
|     env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$TESTS/.." -o "$KCBENCH" \
|         BUILD="$(dirname "$KCBENCH")" PREFIX="$PWD/opt" "$@" > /dev/null
| }
| inst install && find opt -type f | sort
| inst uninstall && find opt | sort
stdout:
| opt/bin/kcbench
| opt/share/man/man1/kcbench.1
| opt
| opt/bin
| opt/share
| opt/share/man
| opt/share/man/man1

=== make uninstall of what is not installed succeeds and says what it removes
timeout: 60
run:
| env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$TESTS/.." -o "$KCBENCH" \
|     BUILD="$(dirname "$KCBENCH")" DESTDIR="$PWD/none" uninstall
stdout re: \s*RM\s+/.*/none/usr/local/bin/kcbench /.*/none/usr/local/share/man/man1/kcbench\.1

# ---- scripts/install-deps.sh, with stand-ins for id, dpkg-query and apt-get ----
# dpkg-query says every package is installed but those in $MISSING; apt-get logs its
# arguments and fails for the packages in $BROKEN; id -u prints $UID_IS.

=== install-deps, not root, an optional package missing: a warning with its command, exit 0
file id: echo "$UID_IS"
file dpkg-query:
| for p; do :; done
| case " $MISSING " in *" $p "*) exit 1 ;; esac
| printf 'install ok installed'
file apt-get: echo "apt-get $*" >> apt.log
run:
| chmod +x id dpkg-query apt-get
| PATH=$PWD:$PATH UID_IS=1000 MISSING=liblz4-dev sh "$TESTS/../scripts/install-deps.sh"
| echo "exit $?"; [ -e apt.log ] || echo "apt-get not run"
stdout:
| exit 0
| apt-get not run
stderr:
| install-deps: warning: optional packages missing (kcbench builds without them); run as root:
|   apt-get update && apt-get install -y --no-install-recommends liblz4-dev

=== install-deps, not root, required and optional packages missing: exit 1 with both commands
file id: echo "$UID_IS"
file dpkg-query:
| for p; do :; done
| case " $MISSING " in *" $p "*) exit 1 ;; esac
| printf 'install ok installed'
run:
| chmod +x id dpkg-query
| export PATH=$PWD:$PATH UID_IS=1000 MISSING='libcsv-dev man-db libdeflate-dev'
| sh "$TESTS/../scripts/install-deps.sh"
exit: 1
stderr:
| install-deps: warning: optional packages missing (kcbench builds without them); run as root:
|   apt-get update && apt-get install -y --no-install-recommends libdeflate-dev
| install-deps: missing Debian packages; run as root:
|   apt-get update && apt-get install -y --no-install-recommends libcsv-dev man-db

=== install-deps with nothing missing says nothing and runs no apt-get, as root or not
file id: echo "$UID_IS"
file dpkg-query: printf 'install ok installed'
file apt-get: echo "apt-get $*" >> apt.log
run:
| chmod +x id dpkg-query apt-get
| PATH=$PWD:$PATH UID_IS=1000 sh "$TESTS/../scripts/install-deps.sh" && echo ok
| PATH=$PWD:$PATH UID_IS=0 sh "$TESTS/../scripts/install-deps.sh" && echo ok
| [ -e apt.log ] || echo "apt-get not run"
stdout:
| ok
| ok
| apt-get not run

=== install-deps as root: required packages first, an optional one that fails is a warning
file id: echo "$UID_IS"
file dpkg-query:
| for p; do :; done
| case " $MISSING " in *" $p "*) exit 1 ;; esac
| printf 'install ok installed'
file apt-get:
| echo "apt-get $*" >> apt.log
| for p in $BROKEN; do case " $* " in *" $p "*) exit 100 ;; esac; done
run:
| chmod +x id dpkg-query apt-get
| export PATH=$PWD:$PATH UID_IS=0 MISSING='groff-base liblz4-dev libdeflate-dev' BROKEN=liblz4-dev
| sh "$TESTS/../scripts/install-deps.sh"
| echo "exit $?"; cat apt.log
stdout:
| exit 0
| apt-get update -qq
| apt-get install -y -qq --no-install-recommends groff-base
| apt-get install -y -qq --no-install-recommends liblz4-dev
| apt-get install -y -qq --no-install-recommends libdeflate-dev
stderr:
| install-deps: installing: groff-base liblz4-dev libdeflate-dev
| install-deps: warning: optional package liblz4-dev could not be installed; going on without it

=== install-deps as root: a required package apt-get cannot install fails, exit 1
file id: echo "$UID_IS"
file dpkg-query:
| for p; do :; done
| case " $MISSING " in *" $p "*) exit 1 ;; esac
| printf 'install ok installed'
file apt-get:
| echo "apt-get $*" >> apt.log
| for p in $BROKEN; do case " $* " in *" $p "*) exit 100 ;; esac; done
run:
| chmod +x id dpkg-query apt-get
| export PATH=$PWD:$PATH UID_IS=0 MISSING='libcsv-dev liblz4-dev' BROKEN=libcsv-dev
| sh "$TESTS/../scripts/install-deps.sh"
| echo "exit $?"; cat apt.log
stdout:
| exit 1
| apt-get update -qq
| apt-get install -y -qq --no-install-recommends libcsv-dev
stderr:
| install-deps: installing: libcsv-dev liblz4-dev
| install-deps: apt-get could not install: libcsv-dev
