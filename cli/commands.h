/* cli: the commands, each defined in its own file, and the table main.c keeps them in. */
#ifndef KCB_CLI_COMMANDS_H
#define KCB_CLI_COMMANDS_H

#include <stddef.h>

#include "cli.h"

extern const struct kcb_cmd kcb_cmd_codecs, kcb_cmd_ncd, kcb_cmd_eval, kcb_cmd_classify,
    kcb_cmd_index, kcb_cmd_bench, kcb_cmd_probe, kcb_cmd_gen, kcb_cmd_tree, kcb_cmd_examples,
    kcb_cmd_merge;

/* Returns the command table (help last) and sets *n. Static storage. */
const struct kcb_cmd *const *kcb_commands(size_t *n);

/* The program's entry point; unit tests link main.c with it renamed kcb_cli_main. */
int kcb_cli_main(int argc, char **argv);

#endif
