/* cli: what kcbench says about itself: the manual page kcbench(1) and the version report. */
#ifndef KCB_CLI_MAN_H
#define KCB_CLI_MAN_H

#include <stdio.h>

#include "cli.h"

/* The one line that says what kcbench is: the overview's first line and the man page's NAME. */
#define KCB_TAGLINE "compressors as computable stand-ins for Kolmogorov complexity"

/*
 * Writes the manual page kcbench(1), in roff (man macros), to fp: every command of the
 * command table with its synopsis, description, options (from its kcb_opt table) and notes,
 * the options every command takes, exit statuses, environment. Nothing in it is written by
 * hand twice, so it cannot drift from --help.
 */
void kcb_man_page(FILE *fp);

/* Writes one command's part of the COMMANDS section: its usage lines (.SY), its description,
 * its options (.TP) and its notes. Running text is filled; a text of aligned items ("TERM  text"
 * lines) becomes a tagged list; any other layout is kept line for line (.nf). */
void kcb_man_command(FILE *fp, const struct kcb_cmd *cmd);

/* Returns kcbench's version, as the file VERSION gave it to the build (static storage). */
const char *kcb_version(void);

/* Returns the compiler that built kcbench, e.g. "gcc 12.2.0" (static storage). */
const char *kcb_compiler(void);

/* Writes what `kcbench --version` prints to fp: kcbench's version, the compiler, and the
 * runtime version of each library linked (every codec's, jansson's and GSL's). */
void kcb_version_report(FILE *fp);

#endif
