/* kcbench: the command table and dispatch, nothing else. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "man.h"

static int run_help(const struct kcb_cmd *cmd, int argc, char **argv);

static const struct kcb_opt help_opts[] = {
    {KCB_OPT_LONG, "man", NULL,
     "print the manual page kcbench(1) in roff, made from the same tables as every\n"
     "command's help (make install installs it)", NULL},
    {0, NULL, NULL, NULL, NULL},
};

static const struct kcb_cmd help_cmd = {
    "help", "show the commands, or one command's options",
    "[COMMAND]\n       kcbench help --man",
    "With no COMMAND, lists the commands; with one, prints its options.\n", help_opts, NULL,
    run_help,
};

static const struct kcb_cmd *const commands[] = {
    &kcb_cmd_codecs, &kcb_cmd_ncd,   &kcb_cmd_eval, &kcb_cmd_merge, &kcb_cmd_classify,
    &kcb_cmd_index,  &kcb_cmd_bench, &kcb_cmd_probe, &kcb_cmd_tree, &kcb_cmd_gen,
    &kcb_cmd_examples, &help_cmd,
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

const struct kcb_cmd *const *kcb_commands(size_t *n)
{
    *n = NCOMMANDS;
    return commands;
}

static const struct kcb_cmd *find(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

static void overview(FILE *fp)
{
    fputs("kcbench: " KCB_TAGLINE "\n\n"
          "usage: kcbench COMMAND [OPTIONS] [ARGS]\n\ncommands:\n", fp);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(fp, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
    fputs("\n'kcbench help COMMAND' or 'kcbench COMMAND --help' shows a command's options;\n"
          "'kcbench --version' the versions of kcbench and of the libraries it runs on.\n"
          "Exit status: 0 ok, 1 failure, 2 usage error, 3 input/output error.\n", fp);
}

static int apply_help(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    (void)cmd;
    (void)key;
    (void)arg;
    *(int *)ctx = 1; /* --man, its only option */
    return KCB_EXIT_OK;
}

static int run_help(const struct kcb_cmd *cmd, int argc, char **argv)
{
    int man = 0;
    int rc = kcb_opt_parse(cmd, argc, argv, apply_help, &man);
    if (rc)
        return rc;
    if (optind + (man ? 0 : 1) < argc)
        return kcb_usage_err("help", "unexpected argument '%s' (see 'kcbench help --help')",
                             argv[optind + (man ? 0 : 1)]);
    if (man) {
        kcb_man_page(stdout);
        return KCB_EXIT_OK;
    }
    if (optind == argc) {
        overview(stdout);
        return KCB_EXIT_OK;
    }
    const struct kcb_cmd *c = find(argv[optind]);
    if (!c)
        return kcb_usage_err("help", "unknown command '%s' (see 'kcbench help')", argv[optind]);
    kcb_cmd_help(c, stdout);
    return KCB_EXIT_OK;
}

/* kcbench --version: the first argument only, alone. */
static int run_version(int argc, char **argv)
{
    if (argc > 2) {
        fprintf(stderr, "kcbench: --version takes no argument ('%s')\n", argv[2]);
        return KCB_EXIT_USAGE;
    }
    kcb_version_report(stdout);
    return KCB_EXIT_OK;
}

int main(int argc, char **argv);

int main(int argc, char **argv)
{
    int rc;
    const char *name = "";
    if (argc < 2) {
        overview(stderr);
        return KCB_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        rc = run_help(&help_cmd, 1, argv + 1);
    } else if (strcmp(argv[1], "--version") == 0) {
        rc = run_version(argc, argv);
    } else {
        const struct kcb_cmd *c = find(argv[1]);
        if (!c) {
            fprintf(stderr, "kcbench: unknown command '%s' (see 'kcbench help')\n", argv[1]);
            return KCB_EXIT_USAGE;
        }
        name = c->name;
        rc = c->run(c, argc - 1, argv + 1);
    }
    /* what a command printed to standard output without kcb_output_close must not pass as
     * written either: one line, as the commands say it */
    if ((rc == KCB_EXIT_OK || rc == KCB_DONE) && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "kcbench%s%s: standard output: %s\n", *name ? " " : "", name,
                errno ? strerror(errno) : "write error");
        return KCB_EXIT_IO;
    }
    return rc == KCB_DONE ? KCB_EXIT_OK : rc;
}
