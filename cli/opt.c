/* Option tables: getopt_long's strings, --help and the man page, all made from one table per command. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "progress.h"

#define MAX_OPTS 64
#define HELP_COL_MAX 24

static size_t count_opts(const struct kcb_opt *o)
{
    size_t n = 0;
    while (o && o[n].name)
        n++;
    return n;
}

/* Builds the short-option string (":" first, so a missing value is told apart) and the long
 * options, --help included. */
static void getopt_tables(const struct kcb_opt *o, size_t n, char *shorts, struct option *longs)
{
    size_t k = 0;
    shorts[k++] = ':';
    for (size_t i = 0; i < n; i++) {
        if (o[i].key < KCB_OPT_LONG) {
            shorts[k++] = (char)o[i].key;
            if (o[i].arg)
                shorts[k++] = ':';
        }
        longs[i] = (struct option){o[i].name, o[i].arg ? required_argument : no_argument, NULL,
                                   o[i].key};
    }
    memcpy(shorts + k, "hq", 3);
    longs[n] = (struct option){"help", no_argument, NULL, 'h'};
    longs[n + 1] = (struct option){"quiet", no_argument, NULL, 'q'};
    longs[n + 2] = (struct option){NULL, 0, NULL, 0};
}

const char *kcb_opt_name(const struct kcb_cmd *cmd, int key)
{
    static char buf[80];
    for (const struct kcb_opt *o = cmd->opts; o && o->name; o++) {
        if (o->key != key)
            continue;
        if (key < KCB_OPT_LONG)
            snprintf(buf, sizeof buf, "-%c", key);
        else
            snprintf(buf, sizeof buf, "--%s", o->name);
        return buf;
    }
    snprintf(buf, sizeof buf, "-%c", key > 32 && key < 127 ? key : '?');
    return buf;
}

/* The one-line error for what getopt_long refused at argv[optind - 1]. */
static int refused(const struct kcb_cmd *cmd, int c, int argc, char **argv)
{
    const char *arg = optind >= 1 && optind - 1 < argc ? argv[optind - 1] : "?";
    if (c == ':' && optopt)
        return kcb_usage_err(cmd->name, "option %s: missing its value (see 'kcbench %s --help')",
                             kcb_opt_name(cmd, optopt), cmd->name);
    if (c == ':')
        return kcb_usage_err(cmd->name, "option %s: missing its value (see 'kcbench %s --help')",
                             arg, cmd->name);
    if (optopt > 0 && optopt < KCB_OPT_LONG)
        return kcb_usage_err(cmd->name, "option -%c: unknown (see 'kcbench %s --help')", optopt,
                             cmd->name);
    return kcb_usage_err(cmd->name, "option %s: unknown (see 'kcbench %s --help')", arg,
                         cmd->name);
}

int kcb_opt_parse(const struct kcb_cmd *cmd, int argc, char **argv, kcb_opt_fn apply, void *ctx)
{
    size_t n = count_opts(cmd->opts);
    char shorts[3 * MAX_OPTS + 4];
    struct option longs[MAX_OPTS + 3];
    if (n > MAX_OPTS)
        return kcb_fail(cmd->name, "internal error: more than %d options", MAX_OPTS);
    getopt_tables(cmd->opts, n, shorts, longs);
    optind = 0; /* glibc: full re-initialisation, so each parse starts afresh */
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        if (c == 'h') {
            kcb_cmd_help(cmd, stdout);
            return KCB_DONE;
        }
        if (c == 'q') {
            kcb_progress_quiet();
            continue;
        }
        if (c == '?' || c == ':')
            return refused(cmd, c, argc, argv);
        int rc = apply(cmd, ctx, c, optarg);
        if (rc)
            return rc;
    }
    return KCB_EXIT_OK;
}

/* ---- --help ---- */

/* Writes "-c, --codec LIST" (or "    --sep STR") into buf; returns its length. */
static int left_part(const struct kcb_opt *o, char *buf, size_t len)
{
    char shortname[8] = "    ";
    if (o->key < KCB_OPT_LONG)
        snprintf(shortname, sizeof shortname, "-%c, ", o->key);
    return snprintf(buf, len, "%s--%s%s%s", shortname, o->name, o->arg ? " " : "",
                    o->arg ? o->arg : "");
}

/* The column where help texts start: past the widest left part that fits. */
static int help_column(const struct kcb_opt *o)
{
    int col = (int)strlen("  -q, --quiet") + 2; /* the options every command takes */
    for (; o && o->name; o++) {
        char buf[160];
        int w = left_part(o, buf, sizeof buf) + 4;
        if (w > col && w <= HELP_COL_MAX)
            col = w;
    }
    return col ? col : HELP_COL_MAX;
}

/* Writes text, its continuation lines ('\n') indented to col. */
static void indented(FILE *fp, const char *text, int col)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        fprintf(fp, "%.*s\n", (int)len, p);
        if (!nl)
            break;
        p = nl + 1;
        fprintf(fp, "%*s", col, "");
    }
}

static void option_line(FILE *fp, const struct kcb_opt *o, int col)
{
    char buf[160];
    int w = left_part(o, buf, sizeof buf);
    fprintf(fp, "  %s", buf);
    if (w + 4 > col)
        fprintf(fp, "\n%*s", col, "");
    else
        fprintf(fp, "%*s", col - w - 2, "");
    indented(fp, o->help, col);
}

void kcb_cmd_help(const struct kcb_cmd *cmd, FILE *fp)
{
    fprintf(fp, "usage: kcbench %s ", cmd->name);
    indented(fp, cmd->synopsis, 0);
    fprintf(fp, "\n%s", cmd->about);
    if (cmd->opts && cmd->opts->name) {
        int col = help_column(cmd->opts);
        fputc('\n', fp);
        for (const struct kcb_opt *o = cmd->opts; o->name; o++)
            option_line(fp, o, col);
        struct kcb_opt quiet = {'q', "quiet", NULL, "no progress on standard error", NULL};
        struct kcb_opt help = {'h', "help", NULL, "show this help", NULL};
        option_line(fp, &quiet, col);
        option_line(fp, &help, col);
    }
    if (cmd->notes)
        fprintf(fp, "\n%s", cmd->notes);
}
