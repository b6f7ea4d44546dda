/* kcbench probe: concatenation gain, window sweep and scaling curves, with gnuplot figures. */
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "dataopts.h"
#include "kcb/err.h"
#include "kcb/probe.h"
#include "output.h"
#include "columns.h"
#include "cmd_probe.h"

#define DEFAULT_CODECS "gzip:9,xz:6,zstd:19,bzip2:9"
#define ND_CODECS "cm:all" /* scaling-nd: every model size of kcbench's own model */

static const struct kcb_opt opts[] = {
    {'c', "codec", "LIST", "compressors (default " DEFAULT_CODECS ";\n"
     "scaling-nd: " ND_CODECS ", levels of one codec)", "gzip:9,zstd:3"},
    {'f', "format", "F", "table (default), md, csv, tsv, json", "json"},
    {'o', "output", "FILE", "write there (atomically)", "out.md"},
    {KCB_OPT_LONG + 1, "svg", "FIG.svg",
     "also draw the figure with gnuplot (FIG.gp is kept beside it):\n"
     "a heatmap for concat, curves on log axes for window and scaling", "fig.svg"},
    {KCB_OPT_LONG + 2, "from", "BYTES", "window, scaling: the smallest size (default 1024)",
     "2048"},
    {KCB_OPT_LONG + 3, "chunk", "BYTES", "scaling: bytes of each new chunk (default 1024)", "512"},
    {KCB_OPT_LONG + 4, "chunks", "N", "scaling: chunks averaged per point (default 4)", "2"},
    {KCB_OPT_LONG + 5, "points", "N", "scaling: points of the log grid (default 12)", "6"},
    {KCB_OPT_LONG + 9, "design", "D",
     "scaling: heldout (default: a fixed block, the last chunks, after\n"
     "the n bytes before it) or next (the chunks after the first n bytes)", "next"},
    {KCB_OPT_LONG + 10, "heldout", "BYTES",
     "scaling-nd: the held-out block, the last BYTES (default 65536)", "32768"},
    {KCB_OPT_LONG + 11, "to", "BYTES",
     "scaling-nd: the largest D (default: all the bytes before the block)", "1000000"},
    {KCB_OPT_LONG + 6, "labelled", "TRAIN,TEST",
     "scaling: the kNN learning curve of that labelled split", "train.tsv,test.tsv"},
    {'k', "k", "K", "scaling --labelled: neighbours (default 1)", "3"},
    {KCB_OPT_LONG + 7, "reps", "R", "scaling --labelled: samples per size (default 3)", "2"},
    {KCB_OPT_LONG + 8, "test-sample", "N",
     "scaling --labelled: score a stratified sample of N test texts", "10"},
    KCB_DATAOPTS_ENTRIES, /* how the --labelled files are read */
    {'j', "threads", "N", "threads (default: all cores); results do not depend on it", "2"},
    {KCB_OPT_LONG + 12, "bits", NULL, KCB_BITS_HELP, NULL},
    {0, NULL, NULL, NULL, NULL},
};

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct probe_opts *o = ctx;
    int rc = kcb_arg_common(cmd, key, arg, KCB_FMTS_TABLES, &o->com);
    if (rc != KCB_ARG_OTHER)
        return rc;
    switch (key) {
    case 'k': return kcb_arg_long(cmd, key, arg, 1, 1024, &o->k);
    case KCB_OPT_LONG + 1: o->svg = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 2: return kcb_arg_long(cmd, key, arg, 1, 1L << 40, &o->from);
    case KCB_OPT_LONG + 3: return kcb_arg_long(cmd, key, arg, 1, 1L << 30, &o->chunk);
    case KCB_OPT_LONG + 4: return kcb_arg_long(cmd, key, arg, 1, 1000, &o->chunks);
    case KCB_OPT_LONG + 5: return kcb_arg_long(cmd, key, arg, 1, PROBE_MAXPTS, &o->points);
    case KCB_OPT_LONG + 6: o->labelled = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 10: return kcb_arg_long(cmd, key, arg, 1, 1L << 40, &o->heldout);
    case KCB_OPT_LONG + 11: return kcb_arg_long(cmd, key, arg, 1, 1L << 40, &o->to);
    case KCB_OPT_LONG + 7: return kcb_arg_long(cmd, key, arg, 1, 1000, &o->reps);
    case KCB_OPT_LONG + 8: return kcb_arg_long(cmd, key, arg, 1, 1L << 40, &o->test_sample);
    case KCB_OPT_LONG + 12: o->bits = 1; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 9:
        if (strcmp(arg, "heldout") && strcmp(arg, "next"))
            return kcb_usage_err(cmd->name, "--design: '%s' is not heldout or next", arg);
        o->design = strcmp(arg, "next") ? KCB_SCALING_HELDOUT : KCB_SCALING_NEXT;
        return KCB_EXIT_OK;
    }
    return kcb_dataopts_apply(cmd, &o->data, key, arg);
}

/* ---- probe concat ---- */

/* What the row functions of concat and window read. */
struct rows {
    const struct probe_opts *o;
    const struct kcb_inputs *c;
    struct kcb_concat *const *res;             /* concat: per compressor, n*n */
    const struct kcb_concat *one;              /* concat: the matrix being written */
    struct kcb_window_point (*pts)[PROBE_MAXPTS]; /* window: per compressor */
    const size_t *cnt;
    char name[64];
};

/* Row r: compressor r / n^2, then X = corpus i, Y = corpus j for the pair of r % n^2. */
static int concat_row(void *arg, size_t r, struct kcb_cell *c)
{
    struct rows *w = arg;
    size_t n = w->c->n, s = r / (n * n), i = r % (n * n) / n, j = r % n;
    const struct kcb_concat *x = &w->res[s][i * n + j];
    c[CONCAT_COMPRESSOR] = kcb_cell_text(kcb_spec_str(&w->o->com.specs.v[s], w->name,
                                                      sizeof w->name));
    c[CONCAT_X] = kcb_cell_text(w->c->v[i].name);
    c[CONCAT_Y] = kcb_cell_text(w->c->v[j].name);
    c[CONCAT_BYTES_X] = kcb_cell_uint(w->c->v[i].n);
    c[CONCAT_BYTES_Y] = kcb_cell_uint(w->c->v[j].n);
    c[CONCAT_CX] = kcb_cell_uint(x->cx);
    c[CONCAT_CY] = kcb_cell_uint(x->cy);
    c[CONCAT_CXY] = kcb_cell_uint(x->cxy);
    c[CONCAT_CYX] = kcb_cell_uint(x->cyx);
    c[CONCAT_GAIN] = kcb_cell_real(x->gain);
    c[CONCAT_GAIN_REL] = kcb_cell_real(x->gain_rel);
    c[CONCAT_C_NEEDED] = kcb_cell_real(x->c_needed);
    c[CONCAT_C_EMPTY] = kcb_cell_uint(x->cempty);
    c[CONCAT_HELD] = kcb_cell_bool(x->held);
    c[CONCAT_BPB_X] = kcb_cell_real(x->bpb_x);
    c[CONCAT_BPB_Y] = kcb_cell_real(x->bpb_y);
    c[CONCAT_BPB_XY] = kcb_cell_real(x->bpb_xy);
    c[CONCAT_LITERAL] = kcb_cell_bool(x->literal);
    c[CONCAT_WINDOW] = kcb_cell_uint(x->window);
    c[CONCAT_ARTEFACT] = kcb_cell_text(kcb_concat_artefact_str(x->artefact));
    return KCB_OK;
}

/* Row i of one compressor's gain matrix: corpus X = i, then gain/min against each Y. */
static int gain_row(void *arg, size_t i, struct kcb_cell *c)
{
    const struct rows *w = arg;
    size_t n = w->c->n;
    c[0] = kcb_cell_text(w->c->v[i].name);
    for (size_t j = 0; j < n; j++)
        c[j + 1] = kcb_cell_real(w->one[i * n + j].gain_rel);
    return KCB_OK;
}

/* For people: the X-by-Y matrix of gain / min(C(X), C(Y)) of each compressor. */
static int gain_matrices(struct kcb_out *out, struct rows *w)
{
    size_t n = w->c->n;
    struct kcb_col *cols = calloc(n + 1, sizeof *cols);
    int rc = cols ? KCB_OK : KCB_ENOMEM;
    for (size_t j = 0; !rc && j <= n; j++)
        cols[j] = j ? (struct kcb_col){w->c->v[j - 1].name, NULL, KCB_COL_NUM, 3, 0, 0, 0}
                    : (struct kcb_col){"x", "", KCB_COL_TEXT, 0, 0, 0, 0};
    for (size_t s = 0; !rc && s < w->o->com.specs.n; s++) {
        char title[160];
        snprintf(title, sizeof title, "%s: gain / min(C(X), C(Y)), X down, Y across",
                 kcb_spec_str(&w->o->com.specs.v[s], w->name, sizeof w->name));
        w->one = w->res[s];
        rc = kcb_table_write(out, cols, n + 1, title, n, gain_row, w);
    }
    free(cols);
    return rc;
}

static int concat_write(const struct probe_opts *o, const struct kcb_inputs *c,
                        struct kcb_concat *const *res, struct kcb_out *out)
{
    struct rows w = {.o = o, .c = c, .res = res};
    int rc = kcb_table_write(out, kcb_concat_cols, CONCAT_NCOLS, NULL,
                             o->com.specs.n * c->n * c->n, concat_row, &w);
    return !rc && kcb_format_human(out->f) ? gain_matrices(out, &w) : rc;
}

static int probe_concat(const struct probe_opts *o, const struct kcb_inputs *c,
                        struct kcb_out *out)
{
    size_t ns = o->com.specs.n, n = c->n;
    struct kcb_concat **res = calloc(ns, sizeof *res);
    struct kcb_blob *x = kcb_inputs_blobs(c);
    int rc = res && x ? KCB_OK : KCB_ENOMEM, e = KCB_OK;
    size_t s = 0;
    for (; !rc && s < ns; s++) {
        res[s] = malloc(n * n * sizeof **res);
        rc = res[s] ? kcb_concat_matrix(&o->com.specs.v[s], x, n, (size_t)o->com.threads, res[s])
                    : KCB_ENOMEM;
    }
    if (rc) {
        char name[64];
        e = kcb_lib_err(o->cmd->name, rc, "%s", s ? kcb_spec_str(&o->com.specs.v[s - 1], name,
                                                                sizeof name) : "concat");
    } else if ((rc = concat_write(o, c, res, out))) {
        e = kcb_lib_err(o->cmd->name, rc, "%s", kcb_output_name(o->com.output));
    } else {
        out->whole = 1;
        if (o->svg && n < 2)
            kcb_warn(o->cmd->name, "--svg: a heatmap needs at least two corpora; no figure drawn");
        else if (o->svg)
            e = kcb_fig_concat(o, c, res);
    }
    for (size_t i = 0; res && i < ns; i++)
        free(res[i]);
    free(res);
    free(x);
    return e;
}

/* ---- probe window ---- */

/* Row r: the r-th point over all compressors' sweeps, in order. */
static int window_row(void *arg, size_t r, struct kcb_cell *c)
{
    struct rows *w = arg;
    size_t s = 0;
    while (r >= w->cnt[s])
        r -= w->cnt[s++];
    const struct kcb_spec *sp = &w->o->com.specs.v[s];
    const struct kcb_window_point *p = &w->pts[s][r];
    c[WINDOW_COMPRESSOR] = kcb_cell_text(kcb_spec_str(sp, w->name, sizeof w->name));
    c[WINDOW_WINDOW] = kcb_cell_uint(sp->codec->window(sp->level));
    c[WINDOW_BYTES] = kcb_cell_uint(p->size);
    c[WINDOW_CX] = kcb_cell_uint(p->cx);
    c[WINDOW_CXX] = kcb_cell_uint(p->cxx);
    c[WINDOW_NCD] = kcb_cell_real(p->ncd_xx);
    c[WINDOW_GAIN_REL] = kcb_cell_real(p->gain_rel);
    return KCB_OK;
}

static int window_write(const struct probe_opts *o, struct kcb_window_point (*pts)[PROBE_MAXPTS],
                        const size_t *cnt, struct kcb_out *out)
{
    struct rows w = {.o = o, .pts = pts, .cnt = cnt};
    size_t rows = 0;
    for (size_t s = 0; s < o->com.specs.n; s++)
        rows += cnt[s];
    return kcb_table_write(out, kcb_window_cols, WINDOW_NCOLS, NULL, rows, window_row, &w);
}

static int probe_window(const struct probe_opts *o, const struct kcb_input *c,
                        struct kcb_out *out)
{
    size_t ns = o->com.specs.n, *cnt = calloc(ns, sizeof *cnt);
    struct kcb_window_point (*pts)[PROBE_MAXPTS] = calloc(ns, sizeof *pts);
    const char *cmd = o->cmd->name;
    int rc = cnt && pts ? KCB_EXIT_OK : kcb_fail(cmd, "out of memory");
    if (!rc && c->n < (size_t)o->from)
        rc = kcb_io_err(cmd, "%s: %zu bytes, shorter than --from %ld", c->name, c->n, o->from);
    for (size_t s = 0; !rc && s < ns; s++) {
        int e = kcb_window_sweep(&o->com.specs.v[s], c->data, c->n, (size_t)o->from,
                                 (size_t)o->com.threads, pts[s], PROBE_MAXPTS, &cnt[s]);
        if (e)
            rc = kcb_lib_err(cmd, e, "%s", c->name);
    }
    int e = rc ? KCB_OK : window_write(o, pts, cnt, out);
    if (e)
        rc = kcb_lib_err(cmd, e, "%s", kcb_output_name(o->com.output));
    out->whole = !rc;
    if (!rc && o->svg)
        rc = kcb_fig_window(o, c, pts, cnt);
    free(cnt);
    free(pts);
    return rc;
}

/* ---- the command ---- */

static int check_count(const struct probe_opts *o, size_t n)
{
    const char *cmd = o->cmd->name;
    if (strcmp(o->what, "concat") && strcmp(o->what, "window") && strcmp(o->what, "scaling") &&
        strcmp(o->what, "scaling-nd"))
        return kcb_usage_err(cmd, "unknown probe '%s' (concat, window, scaling, scaling-nd)",
                             o->what);
    if (!strcmp(o->what, "concat") && n < 1)
        return kcb_usage_err(cmd, "concat needs at least one CORPUS");
    if (!strcmp(o->what, "window") && n != 1)
        return kcb_usage_err(cmd, "window takes one FILE");
    if (!strcmp(o->what, "scaling") && !o->labelled && n != 1)
        return kcb_usage_err(cmd, "scaling takes one CORPUS, or --labelled TRAIN,TEST");
    if (!strcmp(o->what, "scaling-nd") && n != 1)
        return kcb_usage_err(cmd, "scaling-nd takes one CORPUS");
    if (!strcmp(o->what, "scaling") && o->labelled && n)
        return kcb_usage_err(cmd, "scaling --labelled takes no CORPUS");
    return KCB_EXIT_OK;
}

static int dispatch(const struct probe_opts *o, const struct kcb_inputs *c)
{
    kcb_afile *af;
    FILE *fp;
    struct kcb_out out;
    int rc = kcb_output_open(o->cmd->name, o->com.output, &af, &fp);
    if (rc)
        return rc;
    kcb_out_init(&out, fp, o->com.format);
    rc = !strcmp(o->what, "concat") ? probe_concat(o, c, &out)
         : !strcmp(o->what, "window") ? probe_window(o, &c->v[0], &out)
         : !strcmp(o->what, "scaling-nd") ? kcb_probe_scaling_nd(o, &c->v[0], &out)
                                      : kcb_probe_scaling(o, c->n ? &c->v[0] : NULL, &out);
    return kcb_output_close_whole(o->cmd->name, o->com.output, af, rc, out.whole);
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct probe_opts o = {.cmd = cmd, .com = {.output = "-", .format = KCB_FMT_TABLE},
                           .from = 1024, .chunk = 1024, .chunks = 4, .points = 12, .k = 1,
                           .reps = 3, .heldout = 65536};
    struct kcb_inputs c = {0};
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &o);
    if (!rc && optind >= argc)
        rc = kcb_usage_err(cmd->name, "needs a probe: concat, window, scaling or scaling-nd");
    if (!rc) {
        o.what = argv[optind++];
        rc = check_count(&o, (size_t)(argc - optind));
    }
    if (!rc)
        rc = kcb_common_default(cmd, &o.com,
                                strcmp(o.what, "scaling-nd") ? DEFAULT_CODECS : ND_CODECS);
    if (!rc && o.bits)
        rc = kcb_arg_bits(cmd, &o.com.specs);
    for (int i = optind; !rc && i < argc; i++)
        rc = kcb_inputs_corpus(cmd->name, &c, argv[i]);
    if (!rc)
        rc = dispatch(&o, &c);
    kcb_inputs_free(&c);
    kcb_common_free(&o.com);
    return rc;
}

const struct kcb_cmd kcb_cmd_probe = {
    "probe", "compression-equals-learning probes: concat gain, window, scaling",
    "concat  [-c CODECS] [options] CORPUS...\n"
    "       kcbench probe window  [-c CODECS] [--from BYTES] [options] FILE\n"
    "       kcbench probe scaling [-c CODECS] [--from B] [--chunk B] [--chunks N]\n"
    "                             [--design heldout|next] CORPUS\n"
    "       kcbench probe scaling [-c CODECS] --labelled TRAIN,TEST [-k K] [--reps R]\n"
    "       kcbench probe scaling-nd [-c cm:all] [--heldout B] [--from B] [--to B]\n"
    "                                [--points N] CORPUS",
    "concat   for every pair of corpora X, Y: C(X), C(Y), C(XY), C(YX), the gain\n"
    "         C(X)+C(Y)-C(XY) in bytes and divided by min(C(X),C(Y)) (an estimate of shared\n"
    "         information), the smallest c with C(XY) <= C(X)+C(Y)+c, and whether\n"
    "         K(X,Y) <= K(X)+K(Y)+c held with c = C(empty), the codec's container size\n"
    "         (subadditivity). Apart from that: bits per byte of X, Y and XY, and 'literal',\n"
    "         whether XY is more compressible than each (bpb XY below bpb X and bpb Y).\n"
    "         'artefact' says when the gain measures the codec more than X and Y: 'window'\n"
    "         when X is longer than the codec's window (C(XY) reaches back only over the end\n"
    "         of X), 'block' when XY is longer than one bzip2 block (cut where X and Y are not).\n"
    "window   NCD(x,x) and the gain of x with itself as x grows from --from bytes (default\n"
    "         1024) to the whole file on a log grid: where each compressor stops seeing the\n"
    "         first copy while it reads the second (gzip 32 KiB, bzip2 its blocks, xz and zstd\n"
    "         their windows), the NCD pitfall of Cebrian et al. (2005). A window longer than\n"
    "         the file cannot be seen: the curve then never rises.\n"
    "scaling  the cost of new data given what was seen: for n on a log grid (--points,\n"
    "         default 12, from --from bytes), the bits per byte of each of --chunks (default\n"
    "         4) chunks of --chunk bytes (default 1024), C(prefix.chunk) - C(prefix), averaged.\n"
    "         --design heldout (default): the chunks are a fixed held-out block, the end of\n"
    "         the corpus, and the prefix is the n bytes just before it, so only the amount of\n"
    "         text changes with n; --design next: the chunks after the first n bytes, so the\n"
    "         scored text moves with n. With --labelled TRAIN,TEST: kNN error (rule vote, -k,\n"
    "         default 1) against training-set size, on stratified samples (seeds 1..--reps,\n"
    "         default 3), mean and spread; --test-sample N scores a sample of the test set.\n"
    "         Both are fitted as a straight line in log-log (slope, R²) and as a power law\n"
    "         plus a constant, y = E + A n^-alpha (least squares with standard errors), with\n"
    "         residuals; fewer than 4 points are not fitted. E is this compressor's (or this\n"
    "         learner's) floor, not the entropy of the source. A fit is 'identified' when\n"
    "         E >= 0 and every standard error is below its estimate; otherwise the note says\n"
    "         not identified. Prefixes longer than the codec's window are shown, not fitted.\n"
    "         In csv, tsv and json every point carries the fits of its curve.\n"
    "scaling-nd  loss against model size N and data D: the bits per byte of a fixed\n"
    "            held-out block, the last --heldout bytes (default 65536), coded by a\n"
    "            model primed with the first D bytes (the codec's prime, then\n"
    "            compress_primed), for each level of -c (default cm:all; levels of\n"
    "            one codec) and each D of a log grid (--points, from --from to --to\n"
    "            bytes). N is the bytes of the model's tables (cm: kcbench codecs'\n"
    "            memory), or the window for a codec without a model of its own. The\n"
    "            grid is fitted as L(N, D) = E + A N^-alpha + B D^-beta (GSL least\n"
    "            squares, standard errors); the law is 'identified' when E >= 0,\n"
    "            every standard error is below its estimate and the N-term and D-term\n"
    "            can be separated (no parameter of one correlated with one of the\n"
    "            other at |r| >= 0.99). --svg draws bits per byte against D, a curve\n"
    "            per level, and the fitted law's.\n\n"
    "A CORPUS is a file, a directory (its files concatenated in name order), or FILE:LABEL,\n"
    "the texts of one class of a labelled dataset joined by newlines.\n",
    opts, NULL, run,
};
