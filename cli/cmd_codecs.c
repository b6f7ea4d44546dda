/* kcbench codecs: the compressors of this build with their levels, versions, windows and overhead. */
#include <stdio.h>
#include <stdlib.h>

#include "args.h"
#include "kcb/codec.h"
#include "kcb/err.h"
#include "kcb/sizes.h"
#include "columns.h"

static const struct kcb_opt opts[] = {
    {'f', "format", "F", "table (default), md, csv, tsv, json", "json"},
    {0, NULL, NULL, NULL, NULL},
};

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    (void)key;
    return kcb_arg_format(cmd, 'f', arg, KCB_FMTS_ALL, ctx);
}

/* "unbounded", "8 MiB", "32 KiB" or "32506 B". */
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

struct listing {
    const struct kcb_codec *const *all;
    size_t *empty;
    char levels[32], window[32], memory[32];
};

/* "10.3 MiB": memory of a model, one decimal. */
static void mebibytes(size_t b, char *buf, size_t len)
{
    snprintf(buf, len, "%zu.%zu MiB", b >> 20, ((b & ((1u << 20) - 1)) * 10) >> 20);
}

static int row(void *arg, size_t i, struct kcb_cell *c)
{
    struct listing *l = arg;
    const struct kcb_codec *k = l->all[i];
    size_t w = k->window(k->level_default);
    snprintf(l->levels, sizeof l->levels, "%d..%d", k->level_min, k->level_max);
    human(w, l->window, sizeof l->window);
    c[CODECS_NAME] = kcb_cell_text(k->name);
    c[CODECS_LIBRARY] = kcb_cell_text(k->library);
    c[CODECS_VERSION] = kcb_cell_text(k->version());
    c[CODECS_LEVELS] = kcb_cell_text(l->levels);
    c[CODECS_LEVEL_MIN] = kcb_cell_int(k->level_min);
    c[CODECS_LEVEL_MAX] = kcb_cell_int(k->level_max);
    c[CODECS_DEFAULT] = kcb_cell_int(k->level_default);
    c[CODECS_WINDOW_TEXT] = kcb_cell_text(l->window);
    c[CODECS_WINDOW] = kcb_cell_uint(w);
    c[CODECS_EMPTY] = kcb_cell_uint(l->empty[i]);
    size_t mem, weights;
    if (k->model_size && k->model_size(k->level_default, &mem, &weights) == KCB_OK) {
        mebibytes(mem, l->memory, sizeof l->memory);
        c[CODECS_MEMORY_TEXT] = kcb_cell_text(l->memory);
        c[CODECS_MEMORY] = kcb_cell_uint(mem);
        c[CODECS_WEIGHTS] = kcb_cell_uint(weights);
    } else {
        c[CODECS_MEMORY_TEXT] = c[CODECS_MEMORY] = c[CODECS_WEIGHTS] = kcb_cell_null();
    }
    c[CODECS_FORMAT] = kcb_cell_text(k->format);
    return KCB_OK;
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    enum kcb_format f = KCB_FMT_TABLE;
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &f);
    if (rc)
        return rc;
    if (optind < argc)
        return kcb_arg_extra(cmd, argv[optind]);
    if (f == KCB_FMT_PHYLIP || f == KCB_FMT_PLAIN)
        f = KCB_FMT_TABLE;
    size_t n;
    struct listing l = {kcb_codecs(&n), NULL, "", "", ""};
    if (!(l.empty = calloc(n, sizeof *l.empty)))
        return kcb_fail(cmd->name, "out of memory");
    for (size_t i = 0; !rc && i < n; i++) {
        struct kcb_spec s = {l.all[i], l.all[i]->level_default, 0};
        if ((rc = kcb_empty_size(&s, &l.empty[i])))
            rc = kcb_lib_err(cmd->name, rc, "%s", l.all[i]->name);
    }
    struct kcb_out out;
    kcb_out_init(&out, stdout, f);
    if (!rc && (rc = kcb_table_write(&out, kcb_codecs_cols, CODECS_NCOLS, NULL, n, row, &l)))
        rc = kcb_lib_err(cmd->name, rc, "standard output");
    free(l.empty);
    return rc;
}

const struct kcb_cmd kcb_cmd_codecs = {
    "codecs", "list the compressors of this build", "[--format F]",
    "Lists each compressor compiled into this build: its name (as given to -c), the library\n"
    "and the version actually linked, its level range and default level, its window at the\n"
    "default level (how far back a match can reach: past it, C(xy) cannot use x to code y,\n"
    "which bounds NCD on long inputs), the size of its output for an empty input (container\n"
    "overhead, which weighs on short texts), for a codec with a model of its own the memory\n"
    "of its tables and the number of its mixer weights at the default level (\"-\" for the\n"
    "others), and its output format. cm's memory at level L is 2^(18+L) bytes of context\n"
    "slots plus 2^(16+L) of match index, a 2-byte stamp per 64 bytes of both, and about\n"
    "217 KiB of small tables (L=1: 0.9 MiB, L=5: 10.5 MiB, L=9: 165 MiB); its mixer weights\n"
    "are the same at every level.\n",
    opts, NULL, run,
};
