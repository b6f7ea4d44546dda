/* kcbench ncd: compression distance of two inputs, or the labelled matrix of several. */
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "kcb/dist.h"
#include "kcb/err.h"
#include "kcb/matrix.h"
#include "load.h"
#include "output.h"
#include "columns.h"

#define DEFAULT_CODECS "gzip:9"

static const struct kcb_opt opts[] = {
    {'c', "codec", "LIST",
     "compressors, NAME[:LEVEL][,NAME[:LEVEL]...] (default " DEFAULT_CODECS ");\n"
     "'zstd:1,3,19' gives several levels, 'xz:all' every level,\n"
     "'all' every codec at its default; one result per compressor", "gzip:9,xz:6"},
    {'s', "strings", NULL, "every INPUT is a literal string, not a file", NULL},
    {KCB_OPT_LONG + 1, "sep", "STR",
     "inserted between x and y (default: nothing; Jiang et al. 2023\nused one space)", " "},
    {'d', "distance", "D",
     "ncd  (C(xy) - min(C(x),C(y))) / max(C(x),C(y))   (default)\n"
     "cdm  C(xy) / (C(x) + C(y))\n"
     "clm  1 - (C(x) + C(y) - C(xy)) / C(xy)", "cdm"},
    {'f', "format", "F",
     "plain (default), table, md, csv, tsv, json, phylip; csv, tsv\n"
     "and json give one record per pair with C(x), C(y), C(xy)", "json"},
    {KCB_OPT_LONG + 2, "decimals", "N", "digits after the point (default 6)", "3"},
    {'o', "output", "FILE", "write there (atomically) instead of standard output", "out.txt"},
    {0, NULL, NULL, NULL, NULL},
};

struct ncd_opts {
    struct kcb_specs specs;
    enum kcb_format format;
    enum kcb_dist dist;
    const char *sep, *output;
    int strings;
    long decimals;
};

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct ncd_opts *o = ctx;
    switch (key) {
    case 'c': return kcb_arg_specs(cmd, key, arg, &o->specs);
    case 's': o->strings = 1; return KCB_EXIT_OK;
    case 'd': return kcb_arg_dist(cmd, key, arg, &o->dist);
    case 'f': return kcb_arg_format(cmd, key, arg, KCB_FMTS_ALL, &o->format);
    case 'o': o->output = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 1: o->sep = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 2: return kcb_arg_long(cmd, key, arg, 0, 17, &o->decimals);
    }
    return KCB_EXIT_USAGE;
}

/* The sizes of one compressor: C(x_i), and C(x_i.sep.x_j) (only (0,1) for a pair). */
struct sizes {
    size_t *single, *pair;
};

/* What is written: inputs, options, and the sizes of every compressor. */
struct job {
    const struct ncd_opts *o;
    const struct kcb_inputs *in;
    struct sizes *s; /* one per compressor */
    int matrix;      /* a matrix, not a single pair */
    size_t k;        /* the compressor whose square matrix is being written */
    char name[64];   /* scratch for a compressor's name */
};

static int compute(const struct job *j, const struct kcb_blob *x, size_t k)
{
    size_t n = j->in->n, nsep = strlen(j->o->sep);
    struct sizes *s = &j->s[k];
    s->single = calloc(n, sizeof *s->single);
    s->pair = calloc(j->matrix ? n * n : 2, sizeof *s->pair);
    kcb_comp *c;
    int rc = s->single && s->pair ? kcb_comp_new(&j->o->specs.v[k], &c) : KCB_ENOMEM;
    if (rc)
        return rc;
    if (j->matrix)
        rc = kcb_sizes_matrix(c, x, n, j->o->sep, nsep, s->single, s->pair);
    else if (!(rc = kcb_comp_size(c, x[0].p, x[0].n, &s->single[0])) &&
             !(rc = kcb_comp_size(c, x[1].p, x[1].n, &s->single[1])))
        rc = kcb_comp_size_cat(c, x[0].p, x[0].n, j->o->sep, nsep, x[1].p, x[1].n, &s->pair[1]);
    kcb_comp_free(c);
    return rc;
}

/* ---- writing ---- */

/* Record r: compressor r / m2, then x_i against x_j for the pair (i, j) of r % m2. */
static int pair_row(void *arg, size_t r, struct kcb_cell *c)
{
    struct job *j = arg;
    size_t n = j->in->n, m2 = j->matrix ? n * n : 1, k = r / m2;
    size_t i = j->matrix ? r % m2 / n : 0, jj = j->matrix ? r % m2 % n : 1;
    const struct kcb_spec *s = &j->o->specs.v[k];
    size_t cx = j->s[k].single[i], cy = j->s[k].single[jj];
    size_t cxy = j->matrix ? j->s[k].pair[i * n + jj] : j->s[k].pair[1];
    c[PAIR_COMPRESSOR] = kcb_cell_text(kcb_spec_str(s, j->name, sizeof j->name));
    c[PAIR_CODEC] = kcb_cell_text(s->codec->name);
    c[PAIR_LEVEL] = kcb_cell_int(s->level);
    c[PAIR_DISTANCE] = kcb_cell_text(kcb_dist_name(j->o->dist));
    c[PAIR_X] = kcb_cell_text(j->in->v[i].name);
    c[PAIR_Y] = kcb_cell_text(j->in->v[jj].name);
    c[PAIR_CX] = kcb_cell_uint(cx);
    c[PAIR_CY] = kcb_cell_uint(cy);
    c[PAIR_CXY] = kcb_cell_uint(cxy);
    c[PAIR_VALUE] = kcb_cell_real(kcb_dist(j->o->dist, cx, cy, cxy));
    return KCB_OK;
}

/* Every record in one table: the pair of each compressor, or every (i, j) of each matrix. */
static int write_records(struct kcb_out *out, struct job *j)
{
    struct kcb_col cols[PAIR_NCOLS];
    memcpy(cols, kcb_pair_cols, sizeof cols);
    cols[PAIR_COMPRESSOR].flags |= j->o->specs.n > 1 ? KCB_COL_PLAIN : 0;
    cols[PAIR_VALUE].head = kcb_dist_name(j->o->dist);
    cols[PAIR_VALUE].prec = (int)j->o->decimals;
    size_t rows = j->o->specs.n * (j->matrix ? j->in->n * j->in->n : 1);
    return kcb_table_write(out, cols, PAIR_NCOLS, NULL, rows, pair_row, j);
}

/* Row i of the square matrix of compressor j->k: the label, then one value per input. */
static int square_row(void *arg, size_t i, struct kcb_cell *c)
{
    const struct job *j = arg;
    size_t n = j->in->n;
    const size_t *c1 = j->s[j->k].single, *c2 = j->s[j->k].pair;
    c[0] = kcb_cell_text(j->in->v[i].name);
    for (size_t jj = 0; jj < n; jj++)
        c[1 + jj] = kcb_cell_real(kcb_dist(j->o->dist, c1[i], c1[jj], c2[i * n + jj]));
    return KCB_OK;
}

/* For people: each compressor's matrix as a table, a label column and one per input. */
static int write_squares(struct kcb_out *out, struct job *j)
{
    size_t n = j->in->n;
    struct kcb_col *cols = calloc(n + 1, sizeof *cols);
    int rc = cols ? KCB_OK : KCB_ENOMEM;
    if (!rc) {
        cols[0] = (struct kcb_col){"label", "", KCB_COL_TEXT, 0, 0, 0, 0};
        for (size_t i = 0; i < n; i++)
            cols[1 + i] = (struct kcb_col){j->in->v[i].name, NULL, KCB_COL_NUM,
                                           (int)j->o->decimals, 0, KCB_COL_PLAIN, 0};
    }
    out->plain_sep = " ";
    for (j->k = 0; !rc && j->k < j->o->specs.n; j->k++) {
        char title[96];
        snprintf(title, sizeof title, "%s %s",
                 kcb_spec_str(&j->o->specs.v[j->k], j->name, sizeof j->name),
                 kcb_dist_name(j->o->dist));
        rc = kcb_table_write(out, cols, n + 1, title, n, square_row, j);
    }
    free(cols);
    return rc;
}

/* PHYLIP: one matrix after another, for tree tools. */
static int write_phylip(FILE *fp, const struct job *j)
{
    size_t n = j->in->n;
    struct kcb_matrix *m;
    int rc = kcb_matrix_new(n, &m);
    for (size_t i = 0; !rc && i < n; i++)
        rc = kcb_matrix_set_label(m, i, j->in->v[i].name);
    for (size_t k = 0; !rc && k < j->o->specs.n; k++) {
        const size_t *c1 = j->s[k].single, *c2 = j->s[k].pair;
        for (size_t i = 0; i < n * n; i++)
            m->d[i] = kcb_dist(j->o->dist, c1[i / n], c1[i % n], c2[i]);
        rc = kcb_matrix_write_phylip(fp, m, (int)j->o->decimals);
    }
    kcb_matrix_free(m);
    return rc;
}

static int write_all(const struct kcb_cmd *cmd, struct job *j)
{
    kcb_afile *af;
    FILE *fp;
    struct kcb_out out;
    int rc = kcb_output_open(cmd->name, j->o->output, &af, &fp);
    if (rc)
        return rc;
    kcb_out_init(&out, fp, j->o->format);
    if (j->o->format == KCB_FMT_PHYLIP)
        rc = write_phylip(fp, j);
    else if (j->matrix && kcb_format_human(j->o->format))
        rc = write_squares(&out, j);
    else
        rc = write_records(&out, j);
    if (rc)
        rc = kcb_lib_err(cmd->name, rc, "%s", j->o->output);
    return kcb_output_close(cmd->name, j->o->output, af, rc);
}

/* ---- the command ---- */

static int load(const struct kcb_cmd *cmd, const struct ncd_opts *o, char **args, size_t n,
                struct kcb_inputs *in)
{
    int rc = KCB_EXIT_OK;
    for (size_t i = 0; !rc && i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "s%zu", i + 1);
        rc = o->strings ? kcb_inputs_string(cmd->name, in, args[i], name)
                        : kcb_inputs_file(cmd->name, in, args[i], NULL);
    }
    return rc;
}

static int compute_all(const struct kcb_cmd *cmd, struct job *j)
{
    struct kcb_blob *x = kcb_inputs_blobs(j->in);
    int rc = x ? KCB_OK : KCB_ENOMEM;
    size_t k = 0;
    for (; !rc && k < j->o->specs.n; k++)
        rc = compute(j, x, k);
    free(x);
    if (rc) {
        char name[64];
        return kcb_lib_err(cmd->name, rc, "%s",
                           k ? kcb_spec_str(&j->o->specs.v[k - 1], name, sizeof name) : "ncd");
    }
    return KCB_EXIT_OK;
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct ncd_opts o = {.format = KCB_FMT_PLAIN, .dist = KCB_DIST_NCD, .sep = "", .output = "-",
                         .decimals = 6};
    struct kcb_inputs in = {0};
    struct job j = {&o, &in, NULL, 0, 0, ""};
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &o);
    if (!rc && !o.specs.n)
        rc = kcb_arg_specs(cmd, 'c', DEFAULT_CODECS, &o.specs);
    size_t n = (size_t)(argc - optind);
    if (!rc && n < 2)
        rc = kcb_usage_err(cmd->name, "needs at least two inputs (files, '-' for stdin, or -s "
                           "strings), got %zu", n);
    if (!rc)
        rc = load(cmd, &o, argv + optind, n, &in);
    j.matrix = n > 2 || o.format == KCB_FMT_PHYLIP;
    if (!rc && !(j.s = calloc(o.specs.n, sizeof *j.s)))
        rc = kcb_fail(cmd->name, "out of memory");
    if (!rc)
        rc = compute_all(cmd, &j);
    if (!rc)
        rc = write_all(cmd, &j);
    for (size_t k = 0; j.s && k < o.specs.n; k++) {
        free(j.s[k].single);
        free(j.s[k].pair);
    }
    free(j.s);
    kcb_inputs_free(&in);
    kcb_specs_free(&o.specs);
    return rc;
}

const struct kcb_cmd kcb_cmd_ncd = {
    "ncd", "compression distance of two inputs, or the matrix of several",
    "[-c CODECS] [-s] [--sep STR] [-d ncd|cdm|clm] [-f FORMAT] [-o FILE]\n"
    "            INPUT INPUT...",
    "Prints the compression distance of two inputs, or with more than two the labelled\n"
    "matrix whose entry (i,j) comes from C(x_i), C(x_j) and C(x_i.sep.x_j). The diagonal\n"
    "and any asymmetry are what the compressor gives: nothing is forced to 0 or symmetrised.\n",
    opts,
    "INPUT is a file, or '-' for standard input. Inputs are bytes: binary data and invalid\n"
    "UTF-8 are compressed as they are. Empty inputs are valid: C(empty) is the container\n"
    "size, so the NCD of two empty inputs is (C(e) - C(e)) / C(e) = 0.\n",
    run,
};
