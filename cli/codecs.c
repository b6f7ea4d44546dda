/* kcbench codecs: the compressors of this build with their levels, versions, windows and overhead. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "kcb/err.h"

static int empty_size(const struct kcb_codec *c, size_t *size)
{
    struct kcb_spec s = {c, c->level_default};
    kcb_comp *comp;
    int rc = kcb_comp_new(&s, &comp);
    if (rc)
        return rc;
    rc = kcb_comp_size(comp, "", 0, size);
    kcb_comp_free(comp);
    return rc;
}

static void human(size_t w, char *buf, size_t len)
{
    if (w == 0)
        snprintf(buf, len, "unbounded");
    else if (w % (1024 * 1024) == 0)
        snprintf(buf, len, "%zu MiB", w >> 20);
    else if (w % 1024 == 0)
        snprintf(buf, len, "%zu KiB", w >> 10);
    else
        snprintf(buf, len, "%zu B", w);
}

static void row(FILE *fp, enum kcb_format f, const struct kcb_codec *c, size_t empty, int first)
{
    size_t w = c->window(c->level_default);
    char wh[32];
    human(w, wh, sizeof wh);
    switch (f) {
    case KCB_FMT_JSON:
        fprintf(fp, "%s{\"name\":\"%s\",\"library\":\"%s\",\"version\":", first ? "" : ",",
                c->name, c->library);
        kcb_json_str(fp, c->version());
        fprintf(fp, ",\"level_min\":%d,\"level_max\":%d,\"level_default\":%d,"
                    "\"window\":%zu,\"empty_size\":%zu,\"format\":",
                c->level_min, c->level_max, c->level_default, w, empty);
        kcb_json_str(fp, c->format);
        fputc('}', fp);
        break;
    case KCB_FMT_CSV:
        fprintf(fp, "%s,%s,%s,%d,%d,%d,%zu,%zu,", c->name, c->library, c->version(),
                c->level_min, c->level_max, c->level_default, w, empty);
        kcb_csv_str(fp, c->format);
        fputc('\n', fp);
        break;
    case KCB_FMT_MD:
        fprintf(fp, "| %s | %s %s | %d..%d | %d | %s | %zu | %s |\n", c->name, c->library,
                c->version(), c->level_min, c->level_max, c->level_default, wh, empty,
                c->format);
        break;
    default:
        fprintf(fp, "%-10s %-10s %-7s %2d..%-3d %7d  %-10s %5zu  %s\n", c->name, c->library,
                c->version(), c->level_min, c->level_max, c->level_default, wh, empty,
                c->format);
    }
}

static void header(FILE *fp, enum kcb_format f)
{
    if (f == KCB_FMT_JSON)
        fputc('[', fp);
    else if (f == KCB_FMT_CSV)
        fputs("name,library,version,level_min,level_max,level_default,window,empty_size,"
              "format\n", fp);
    else if (f == KCB_FMT_MD)
        fputs("| codec | library | levels | default | window | C(empty) | output |\n"
              "|---|---|---|---:|---|---:|---|\n", fp);
    else
        fprintf(fp, "%-10s %-10s %-7s %-7s %7s  %-10s %5s  %s\n", "codec", "library", "version",
                "levels", "default", "window", "empty", "output");
}

static int run(int argc, char **argv)
{
    static const struct option opts[] = {
        {"format", required_argument, 0, 'f'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    enum kcb_format f = KCB_FMT_TABLE;
    int o, rc;
    optind = 1;
    opterr = 0; /* kcb_bad_option() prints the one error line, not getopt */
    while ((o = getopt_long(argc, argv, "f:h", opts, NULL)) != -1) {
        if (o == 'f' && (rc = kcb_cmd_format("codecs", optarg, &f)))
            return rc;
        else if (o == 'h') {
            kcb_cmd_help(kcb_cmd_find("codecs"), stdout);
            return KCB_EXIT_OK;
        } else if (o == '?')
            return kcb_bad_option("codecs", argc, argv);
    }
    if (optind < argc)
        return kcb_usage_err("codecs", "unexpected argument '%s'", argv[optind]);
    if (f == KCB_FMT_PHYLIP || f == KCB_FMT_PLAIN)
        f = KCB_FMT_TABLE;
    size_t n;
    const struct kcb_codec *const *all = kcb_codecs(&n);
    header(stdout, f);
    for (size_t i = 0; i < n; i++) {
        size_t empty;
        if ((rc = empty_size(all[i], &empty)))
            return kcb_fail("codecs", "%s: %s", all[i]->name, kcb_strerror(rc));
        row(stdout, f, all[i], empty, i == 0);
    }
    if (f == KCB_FMT_JSON)
        fputs("]\n", stdout);
    return KCB_EXIT_OK;
}

const struct kcb_cmd kcb_cmd_codecs = {
    "codecs", run, "list the compressors of this build",
    "usage: kcbench codecs [--format table|csv|json|md]\n\n"
    "Lists each compressor compiled into this build: its name (as given to -c), the library\n"
    "and the version actually linked, its level range and default level, its window at the\n"
    "default level (how far back a match can reach: past it, C(xy) cannot use x to code y,\n"
    "which bounds NCD on long inputs), the size of its output for an empty input (container\n"
    "overhead, which weighs on short texts), and its output format.\n",
};
