# kcbench's help: the overview, each command's help, and unknown commands.
# Format of these files: see the top of tests/cli/run.py.

=== no command: the overview goes to stderr, exit 2 (usage), stdout stays empty
run: $KCBENCH
exit: 2
stderr contains: usage: kcbench COMMAND
stderr contains: 'kcbench help COMMAND'

=== kcbench help: the overview on stdout, listing every command
run: $KCBENCH help
stdout contains: usage: kcbench COMMAND [OPTIONS] [ARGS]
stdout contains:   codecs 
stdout contains:   ncd 
stdout contains:   help 
stdout contains: Exit status: 0 ok, 1 failure, 2 usage error, 3 input/output error.

=== kcbench --help and -h print the same overview as kcbench help
run:
| $KCBENCH help > help.txt
| $KCBENCH --help > dash.txt
| $KCBENCH -h > h.txt
| test -s help.txt && cmp help.txt dash.txt && cmp help.txt h.txt && echo same

stdout: same

=== kcbench help ncd: the usage of ncd and its options
run: $KCBENCH help ncd
stdout contains: usage: kcbench ncd
stdout contains: --codec
stdout contains: -f, --format F
stdout contains: plain (default), table, md, csv, tsv, json, phylip
stdout contains: --distance

=== kcbench ncd --help: exit 0, the help on stdout
run: $KCBENCH ncd --help
stdout contains: usage: kcbench ncd

=== kcbench codecs --help: exit 0, the help on stdout
run: $KCBENCH codecs --help
stdout contains: usage: kcbench codecs

=== help ncd, ncd --help and ncd -h are identical
run:
| $KCBENCH help ncd > a
| $KCBENCH ncd --help > b
| $KCBENCH ncd -h > c
| test -s a && cmp a b && cmp a c && echo identical
stdout: identical

=== help codecs, codecs --help and codecs -h are identical
run:
| $KCBENCH help codecs > a
| $KCBENCH codecs --help > b
| $KCBENCH codecs -h > c
| test -s a && cmp a b && cmp a c && echo identical
stdout: identical

=== every command in the overview has help, identical by both routes
# Reads the command names from `kcbench help`, so a new command is covered without edits.
run:
| $KCBENCH help | sed -n '/^commands:/,/^$/p' | awk 'NF > 1 {print $1}' > commands
| test "$(wc -l < commands)" -ge 3
| while read -r c; do
|   $KCBENCH help "$c" > a && $KCBENCH "$c" --help > b && test -s a && cmp a b ||
|     { echo "$c differs"; exit 1; }
|   grep -q "^usage: kcbench $c" a || { echo "$c: no usage line"; exit 1; }
| done < commands
| echo "all commands have help"
stdout: all commands have help

=== unknown command: exit 2, one line on stderr naming it, nothing on stdout
run: $KCBENCH frobnicate
exit: 2
stderr: one line
stderr contains: 'frobnicate'

=== kcbench help of an unknown command: exit 2, one line naming it
run: $KCBENCH help frobnicate
exit: 2
stderr: one line
stderr contains: 'frobnicate'

=== an option given as the command is an unknown command
run: $KCBENCH --frobnicate
exit: 2
stderr: one line
stderr contains: --frobnicate

=== unknown option to ncd: exit 2, exactly one line on stderr
run: $KCBENCH ncd --frobnicate a b
exit: 2
stderr: one line
stderr contains: --frobnicate

=== unknown short option to ncd: exit 2, exactly one line on stderr
run: $KCBENCH ncd -Q a b
exit: 2
stderr: one line
stderr contains: -Q

=== unknown option to codecs: exit 2, exactly one line on stderr
run: $KCBENCH codecs --frobnicate
exit: 2
stderr: one line
stderr contains: --frobnicate

=== codecs takes no arguments: exit 2, one line naming the argument
run: $KCBENCH codecs gzip
exit: 2
stderr: one line
stderr contains: 'gzip'

=== help written to a full disk: exit 3 (input/output), one line on stderr
run: $KCBENCH help > /dev/full
exit: 3
stderr: one line
stderr contains: standard output

=== help written to a closed stdout: exit 3, one line on stderr
run: $KCBENCH help >&-
exit: 3
stderr: one line

# ---- kcbench --version ----

=== kcbench --version: kcbench's version, the compiler, each library with its linked version
run:
| $KCBENCH --version > v
| sed -n '1s/ [0-9][0-9.]*$/ VERSION/p; 2s/ .*//p' v
| grep -c '^compiler  *\(gcc\|clang\) [0-9]' v
| grep '^jansson \|^gsl ' v | awk '{print $1, ($2 ~ /^[0-9]+\.[0-9]+/)}'
stdout:
| kcbench VERSION
| compiler
| 1
| jansson 1
| gsl 1

=== kcbench --version names every codec of the build with its library and version
# codecs -f tsv gives name, library and version; --version a line per library naming them
run:
| $KCBENCH --version > v
| $KCBENCH codecs -f tsv | tail -n +2 | cut -f 1-3 | while IFS="$(printf '\t')" read -r c l ver; do
|   grep -q "^$l  *$ver  *codecs: \(.*, \)*$c\(,\|$\)" v || echo "missing: $c ($l $ver)"
| done
| echo checked
stdout: checked

=== kcbench --version with an argument: exit 2, one line naming it
run: $KCBENCH --version now
exit: 2
stderr: kcbench: --version takes no argument ('now')

=== kcbench version is not a command: --version is the one spelling
run: $KCBENCH version
exit: 2
stderr: kcbench: unknown command 'version' (see 'kcbench help')

# ---- kcbench help --man: the manual page (its contents: tests/unit/test_options.c) ----

=== help --man writes roff that man renders at 80 columns without a warning
run:
| $KCBENCH help --man > kcbench.1
| LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l kcbench.1 2>&1 > page.txt
| head -n 1 page.txt | tr -s ' '
| awk 'length > 80' page.txt | wc -l
| grep '^[A-Z][A-Z ]*$' page.txt | tr '\n' ','; echo
stdout:
| KCBENCH(1) User Commands KCBENCH(1)
| 0
| NAME,SYNOPSIS,DESCRIPTION,COMMANDS,OPTIONS,EXIT STATUS,ENVIRONMENT,SEE ALSO,

=== every command of the overview has a section in the rendered man page
run:
| $KCBENCH help | sed -n '/^commands:/,/^$/p' | awk 'NF > 1 {print $1}' > commands
| $KCBENCH help --man > kcbench.1 && LC_ALL=C.UTF-8 MANWIDTH=80 man -l kcbench.1 > page.txt
| while read -r c; do grep -q "^   $c\$" page.txt || echo "no section for $c"; done < commands
| echo "$(wc -l < commands) commands"
stdout re: \d+ commands

=== help --man takes no COMMAND: exit 2, one line
run: $KCBENCH help --man ncd
exit: 2
stderr: kcbench help: unexpected argument 'ncd' (see 'kcbench help --help')

=== help takes one COMMAND at most: exit 2, one line naming the second
run: $KCBENCH help ncd eval
exit: 2
stderr: kcbench help: unexpected argument 'eval' (see 'kcbench help --help')

=== help --man to a full disk: exit 3, one line
run: $KCBENCH help --man > /dev/full
exit: 3
stderr: one line
stderr contains: standard output
