/* Error printing and option parsing helpers shared by the subcommands. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "kcb/err.h"

void kcb_cmd_help(const struct kcb_cmd *cmd, FILE *fp)
{
    fputs(cmd->usage, fp);
}

static void vsay(const char *cmd, const char *prefix, const char *fmt, va_list ap)
{
    fflush(stdout);
    fprintf(stderr, "kcbench %s: %s", cmd, prefix);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

int kcb_usage_err(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(cmd, "", fmt, ap);
    va_end(ap);
    return KCB_EXIT_USAGE;
}

int kcb_io_err(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(cmd, "", fmt, ap);
    va_end(ap);
    return KCB_EXIT_IO;
}

int kcb_fail(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(cmd, "", fmt, ap);
    va_end(ap);
    return KCB_EXIT_FAIL;
}

void kcb_warn(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsay(cmd, "warning: ", fmt, ap);
    va_end(ap);
}

int kcb_cmd_specs(const char *cmd, const char *text, struct kcb_specs *out)
{
    char why[512];
    int rc = kcb_specs_parse(text, out, why, sizeof why);
    if (rc == KCB_ENOMEM)
        return kcb_fail(cmd, "out of memory");
    if (rc)
        return kcb_usage_err(cmd, "-c %s: %s", text, why);
    return KCB_EXIT_OK;
}

int kcb_cmd_format(const char *cmd, const char *text, enum kcb_format *out)
{
    if (kcb_format_parse(text, out))
        return kcb_usage_err(cmd, "unknown format '%s' (plain, table, csv, json, phylip, md)",
                             text);
    return KCB_EXIT_OK;
}

int kcb_cmd_long(const char *cmd, const char *opt, const char *text, long lo, long hi, long *out)
{
    char *e;
    errno = 0;
    long v = strtol(text, &e, 10);
    if (e == text || *e || errno || v < lo || v > hi)
        return kcb_usage_err(cmd, "%s: expected a whole number from %ld to %ld, got '%s'", opt,
                             lo, hi, text);
    *out = v;
    return KCB_EXIT_OK;
}

int kcb_bad_option(const char *cmd, int argc, char **argv)
{
    const char *arg = optind - 1 < argc && optind >= 1 ? argv[optind - 1] : "?";
    if (optopt && optopt != '?')
        return kcb_usage_err(cmd, "option -%c: unknown or missing its value (see 'kcbench %s "
                             "--help')", optopt, cmd);
    return kcb_usage_err(cmd, "option %s: unknown or missing its value (see 'kcbench %s "
                         "--help')", arg, cmd);
}
