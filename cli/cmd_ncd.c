/* kcbench ncd: the size of one input, the distance of two, or the matrix of many or rows x cols. */
#include <stdint.h>
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

enum { OPT_SEP = KCB_OPT_LONG + 1, OPT_DECIMALS, OPT_ROWS, OPT_COLS, OPT_BITS };

static const struct kcb_opt opts[] = {
    {'c', "codec", "LIST",
     "compressors, NAME[:LEVEL][,NAME[:LEVEL]...] (default " DEFAULT_CODECS ");\n"
     "'zstd:1,3,19' gives several levels, 'xz:all' every level,\n"
     "'all' every codec at its default; one result per compressor", "gzip:9,xz:6"},
    {'s', "strings", NULL,
     "every INPUT is a literal string, not a file; one of 1 to 16\n"
     "bytes of printable text is labelled by itself, any other sN, N\n"
     "its place among the strings (s1, s2, ...)", NULL},
    {'L', "list", "FILE",
     "the inputs listed in FILE, one path per line ('-': standard\n"
     "input); blank lines and lines starting with '#' are skipped.\n"
     "Twice, without --rows/--cols: the rows, then the columns", "list.txt"},
    {OPT_ROWS, "rows", NULL,
     "the inputs after it (up to --cols) are the rows of a\n"
     "rectangular matrix", NULL},
    {OPT_COLS, "cols", NULL, "the inputs after it are the columns of that matrix", NULL},
    {OPT_SEP, "sep", "STR",
     "inserted between x and y (default: nothing; Jiang et al. 2023\nused one space)", " "},
    {'d', "distance", "D",
     "ncd  (C(xy) - min(C(x),C(y))) / max(C(x),C(y))   (default)\n"
     "cdm  C(xy) / (C(x) + C(y))\n"
     "clm  1 - (C(x) + C(y) - C(xy)) / C(xy)", "cdm"},
    {'f', "format", "F",
     "plain (default), table, md, csv, tsv, json, phylip; csv, tsv\n"
     "and json give one record per pair with C(x), C(y), C(xy)", "json"},
    {OPT_BITS, "bits", NULL, KCB_BITS_HELP, NULL},
    {OPT_DECIMALS, "decimals", "N", "digits after the point (default 6)", "3"},
    {'o', "output", "FILE", "write there (atomically) instead of standard output", "out.txt"},
    {0, NULL, NULL, NULL, NULL},
};

/* Where an input goes: the one list of inputs, or the rows or the columns of a matrix. */
enum side { SIDE_ALL, SIDE_ROW, SIDE_COL };

/* One thing on the command line that places inputs: an operand (key 0), a list (-L), or
 * --rows or --cols; pos is its index in the argv the command was given. */
struct item {
    size_t pos;
    int key;
    const char *arg;
    enum side side;
};

struct ncd_opts {
    struct kcb_specs specs;
    enum kcb_format format;
    enum kcb_dist dist;
    const char *sep, *output;
    int strings, bits;
    long decimals;
    char **argv, **orig; /* argv as getopt permutes it, and a copy of it as it was given */
    size_t argc;
    struct item *items;  /* -L, --rows and --cols in the order given, then the operands */
    size_t nitems;
};

/* The index in the original argv of the element p, or argc. */
static size_t position(const struct ncd_opts *o, const char *p)
{
    size_t i = 0;
    while (i < o->argc && o->orig[i] != p)
        i++;
    return i;
}

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct ncd_opts *o = ctx;
    switch (key) {
    case 'c': return kcb_arg_specs(cmd, key, arg, &o->specs);
    case 's': o->strings = 1; return KCB_EXIT_OK;
    case 'L':
    case OPT_ROWS:
    case OPT_COLS: /* getopt has just passed the element that holds the option or its value */
        o->items[o->nitems++] = (struct item){position(o, o->argv[optind - 1]), key, arg, 0};
        return KCB_EXIT_OK;
    case 'd': return kcb_arg_dist(cmd, key, arg, &o->dist);
    case 'f': return kcb_arg_format(cmd, key, arg, KCB_FMTS_ALL, &o->format);
    case 'o': o->output = arg; return KCB_EXIT_OK;
    case OPT_SEP: o->sep = arg; return KCB_EXIT_OK;
    case OPT_BITS: o->bits = 1; return KCB_EXIT_OK;
    case OPT_DECIMALS: return kcb_arg_long(cmd, key, arg, 0, 17, &o->decimals);
    }
    return KCB_EXIT_USAGE;
}

/* What is printed: the size of one input, the pair of two, or a matrix. */
enum mode { MODE_SIZE, MODE_PAIR, MODE_MATRIX };

/* The sizes of one compressor: C of each distinct input, C(row_i.sep.col_j), C(empty). */
struct sizes {
    size_t *single, *pair, empty;
};

/* What is written: inputs, their place, and the sizes of every compressor. */
struct job {
    const struct ncd_opts *o;
    struct kcb_inputs *in;
    unsigned char *side;  /* enum side of each input */
    enum mode mode;
    size_t *row, nr;      /* the inputs of the rows (indices into in) */
    size_t *col, nc;      /* and of the columns; for one input nc is 0 */
    size_t *id, nid;      /* id[i]: which distinct input in->v[i] is; nid of them */
    size_t *rid, *cid;    /* id of each row and column */
    struct sizes *s;      /* one per compressor */
    size_t k;             /* the compressor whose matrix is being written */
    char name[64];        /* scratch for a compressor's name */
};

/* ---- where the inputs go ---- */

static int cmp_items(const void *pa, const void *pb)
{
    const struct item *a = pa, *b = pb;
    return (a->pos > b->pos) - (a->pos < b->pos);
}

/* Adds the operands to the items and puts all in command-line order. */
static void order_items(struct ncd_opts *o, int argc)
{
    for (int k = optind; k < argc; k++)
        o->items[o->nitems++] = (struct item){position(o, o->argv[k]), 0, o->argv[k], 0};
    qsort(o->items, o->nitems, sizeof *o->items, cmp_items);
}

/* Gives each item its side and checks, before anything is read, that the inputs make sense:
 * an exit status. *rect is set when they make the rows and the columns of a matrix. */
static int place_items(const struct kcb_cmd *cmd, struct ncd_opts *o, int *rect)
{
    size_t lists = 0, inputs = 0, per[3] = {0, 0, 0};
    enum side side = SIDE_ALL;
    int sections = 0;
    for (size_t i = 0; i < o->nitems; i++) {
        struct item *it = &o->items[i];
        if (it->key == OPT_ROWS || it->key == OPT_COLS) {
            sections = 1;
            side = it->key == OPT_ROWS ? SIDE_ROW : SIDE_COL;
            continue;
        }
        lists += it->key == 'L';
        inputs++;
        it->side = side;
        per[side]++;
    }
    if (!inputs)
        return kcb_usage_err(cmd->name, "needs an input: a file, a directory, '-' for standard "
                             "input, -L FILE, or with -s a string");
    if (sections && per[SIDE_ALL])
        return kcb_usage_err(cmd->name, "an input comes before --rows and --cols: with them, "
                             "every input follows one of them");
    if (sections && (!per[SIDE_ROW] || !per[SIDE_COL]))
        return kcb_usage_err(cmd->name, "%s: no inputs after it", per[SIDE_ROW] ? "--cols"
                             : "--rows");
    if (!sections && lists > 2)
        return kcb_usage_err(cmd->name, "-L given %zu times: without --rows and --cols, one list "
                             "gives the inputs, two the rows and the columns", lists);
    if (!sections && lists == 2 && inputs > lists)
        return kcb_usage_err(cmd->name, "-L twice gives the rows and the columns of a matrix: "
                             "other inputs need --rows and --cols");
    for (size_t i = 0, l = 0; !sections && lists == 2 && i < o->nitems; i++)
        o->items[i].side = l++ ? SIDE_COL : SIDE_ROW;
    *rect = sections || lists == 2;
    return KCB_EXIT_OK;
}

/* Adds the inputs of one item, noting their side. */
static int load_item(const struct kcb_cmd *cmd, struct job *j, const struct item *it,
                     size_t *strings)
{
    size_t before = j->in->n;
    int rc;
    if (it->key == 'L') {
        rc = kcb_inputs_list(cmd->name, j->in, it->arg);
    } else if (j->o->strings) {
        char name[32];
        kcb_string_label(it->arg, ++*strings, name, sizeof name);
        rc = kcb_inputs_string(cmd->name, j->in, it->arg, name);
    } else {
        rc = kcb_inputs_arg(cmd->name, j->in, it->arg);
    }
    unsigned char *side = realloc(j->side, j->in->n ? j->in->n : 1);
    if (!side)
        return rc ? rc : kcb_fail(cmd->name, "out of memory");
    j->side = side;
    memset(side + before, it->side, j->in->n - before);
    return rc;
}

/* The inputs of side s, in order, into a new array: 0 or -1 (no memory). */
static int pick(const struct job *j, enum side s, size_t **out, size_t *n)
{
    *n = 0;
    *out = malloc((j->in->n ? j->in->n : 1) * sizeof **out);
    for (size_t i = 0; *out && i < j->in->n; i++)
        if (j->side[i] == s)
            (*out)[(*n)++] = i;
    return *out ? 0 : -1;
}

/* Decides rows, columns and the mode from what was loaded: an exit status. */
static int shape(const struct kcb_cmd *cmd, struct job *j, int rect)
{
    size_t n = j->in->n;
    int phylip = j->o->format == KCB_FMT_PHYLIP;
    if (!rect && n == 1 && phylip)
        return kcb_usage_err(cmd->name, "-f phylip needs a matrix: at least two inputs");
    j->mode = rect || n > 2 || phylip ? MODE_MATRIX : n == 2 ? MODE_PAIR : MODE_SIZE;
    if (pick(j, rect ? SIDE_ROW : SIDE_ALL, &j->row, &j->nr) ||
        pick(j, rect ? SIDE_COL : SIDE_ALL, &j->col, &j->nc))
        return kcb_fail(cmd->name, "out of memory");
    if (j->mode == MODE_PAIR)
        j->nr = j->nc = 1, j->col[0] = 1;
    else if (j->mode == MODE_SIZE)
        j->nc = 0;
    if (j->nc && j->nr > SIZE_MAX / sizeof(size_t) / j->nc)
        return kcb_fail(cmd->name, "a %zu x %zu matrix is too large", j->nr, j->nc);
    return KCB_EXIT_OK;
}

/* Numbers the distinct inputs, so that C of each is computed once. */
static int distinct(const struct kcb_cmd *cmd, struct job *j)
{
    struct kcb_blob *x = kcb_inputs_blobs(j->in);
    j->id = malloc((j->in->n ? j->in->n : 1) * sizeof *j->id);
    j->rid = malloc((j->nr ? j->nr : 1) * sizeof *j->rid);
    j->cid = malloc((j->nc ? j->nc : 1) * sizeof *j->cid);
    int rc = x && j->id && j->rid && j->cid ? kcb_blobs_distinct(x, j->in->n, j->id, &j->nid)
                                            : KCB_ENOMEM;
    free(x);
    if (rc)
        return kcb_fail(cmd->name, "out of memory");
    for (size_t i = 0; i < j->nr; i++)
        j->rid[i] = j->id[j->row[i]];
    for (size_t i = 0; i < j->nc; i++)
        j->cid[i] = j->id[j->col[i]];
    if (j->o->format == KCB_FMT_PHYLIP &&
        (j->nr != j->nc || memcmp(j->rid, j->cid, j->nr * sizeof *j->rid)))
        return kcb_usage_err(cmd->name, "-f phylip needs a square matrix whose columns are its "
                             "rows, the same inputs in the same order (here %zu rows, %zu "
                             "columns)", j->nr, j->nc);
    return KCB_EXIT_OK;
}

/* ---- computing ---- */

static int compute(const struct job *j, const struct kcb_blob *u, size_t k)
{
    struct sizes *s = &j->s[k];
    s->single = calloc(j->nid ? j->nid : 1, sizeof *s->single);
    size_t npair = j->nr * j->nc;
    s->pair = calloc(npair ? npair : 1, sizeof *s->pair);
    kcb_comp *c;
    int rc = s->single && s->pair ? kcb_comp_new(&j->o->specs.v[k], &c) : KCB_ENOMEM;
    if (rc)
        return rc;
    rc = kcb_sizes_rect(c, u, j->nid, j->rid, j->nr, j->cid, j->nc, j->o->sep,
                        strlen(j->o->sep), s->single, s->pair);
    if (!rc && j->mode == MODE_SIZE)
        rc = kcb_comp_size(c, "", 0, &s->empty);
    kcb_comp_free(c);
    return rc;
}

static int compute_all(const struct kcb_cmd *cmd, struct job *j)
{
    struct kcb_blob *u = malloc((j->nid ? j->nid : 1) * sizeof *u);
    j->s = calloc(j->o->specs.n, sizeof *j->s);
    int rc = u && j->s ? KCB_OK : KCB_ENOMEM;
    for (size_t i = 0; !rc && i < j->in->n; i++) /* each distinct input, as it came first */
        u[j->id[i]] = (struct kcb_blob){j->in->v[i].data, j->in->v[i].n};
    size_t k = 0;
    for (; !rc && k < j->o->specs.n; k++)
        rc = compute(j, u, k);
    free(u);
    if (rc) {
        char name[64];
        return kcb_lib_err(cmd->name, rc, "%s",
                           k ? kcb_spec_str(&j->o->specs.v[k - 1], name, sizeof name) : "ncd");
    }
    return KCB_EXIT_OK;
}

/* ---- writing ---- */

/* Record r: compressor r / (nr*nc), then row i against column jj of the pair r % (nr*nc). */
static int pair_row(void *arg, size_t r, struct kcb_cell *c)
{
    struct job *j = arg;
    size_t m = j->nr * j->nc, k = r / m, i = r % m / j->nc, jj = r % m % j->nc;
    const struct kcb_spec *s = &j->o->specs.v[k];
    size_t cx = j->s[k].single[j->rid[i]], cy = j->s[k].single[j->cid[jj]];
    size_t cxy = j->s[k].pair[i * j->nc + jj];
    c[PAIR_COMPRESSOR] = kcb_cell_text(kcb_spec_str(s, j->name, sizeof j->name));
    c[PAIR_CODEC] = kcb_cell_text(s->codec->name);
    c[PAIR_LEVEL] = kcb_cell_int(s->level);
    c[PAIR_DISTANCE] = kcb_cell_text(kcb_dist_name(j->o->dist));
    c[PAIR_X] = kcb_cell_text(j->in->v[j->row[i]].name);
    c[PAIR_Y] = kcb_cell_text(j->in->v[j->col[jj]].name);
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
    size_t rows = j->o->specs.n * j->nr * j->nc;
    return kcb_table_write(out, cols, PAIR_NCOLS, NULL, rows, pair_row, j);
}

/* Row i of the matrix of compressor j->k: the row's label, then one value per column. */
static int matrix_row(void *arg, size_t i, struct kcb_cell *c)
{
    const struct job *j = arg;
    const size_t *c1 = j->s[j->k].single, *c2 = j->s[j->k].pair + i * j->nc;
    c[0] = kcb_cell_text(j->in->v[j->row[i]].name);
    for (size_t jj = 0; jj < j->nc; jj++)
        c[1 + jj] = kcb_cell_real(kcb_dist(j->o->dist, c1[j->rid[i]], c1[j->cid[jj]], c2[jj]));
    return KCB_OK;
}

/* For people: each compressor's matrix as a table, a label column and one per column input. */
static int write_matrices(struct kcb_out *out, struct job *j)
{
    struct kcb_col *cols = calloc(j->nc + 1, sizeof *cols);
    int rc = cols ? KCB_OK : KCB_ENOMEM;
    if (!rc) {
        cols[0] = (struct kcb_col){"label", "", KCB_COL_TEXT, 0, 0, 0, 0};
        for (size_t i = 0; i < j->nc; i++)
            cols[1 + i] = (struct kcb_col){j->in->v[j->col[i]].name, NULL, KCB_COL_NUM,
                                           (int)j->o->decimals, 0, KCB_COL_PLAIN, 0};
    }
    out->plain_sep = " ";
    for (j->k = 0; !rc && j->k < j->o->specs.n; j->k++) {
        char title[96];
        snprintf(title, sizeof title, "%s %s",
                 kcb_spec_str(&j->o->specs.v[j->k], j->name, sizeof j->name),
                 kcb_dist_name(j->o->dist));
        rc = kcb_table_write(out, cols, j->nc + 1, title, j->nr, matrix_row, j);
    }
    free(cols);
    return rc;
}

/* PHYLIP: one square matrix after another (rows and columns are the same inputs). */
static int write_phylip(FILE *fp, const struct job *j)
{
    size_t n = j->nr;
    struct kcb_matrix *m;
    int rc = kcb_matrix_new(n, &m);
    for (size_t i = 0; !rc && i < n; i++)
        rc = kcb_matrix_set_label(m, i, j->in->v[j->row[i]].name);
    for (size_t k = 0; !rc && k < j->o->specs.n; k++) {
        const size_t *c1 = j->s[k].single, *c2 = j->s[k].pair;
        for (size_t i = 0; i < n * n; i++)
            m->d[i] = kcb_dist(j->o->dist, c1[j->rid[i / n]], c1[j->cid[i % n]], c2[i]);
        rc = kcb_matrix_write_phylip(fp, m, (int)j->o->decimals);
    }
    kcb_matrix_free(m);
    return rc;
}

/* Record k: the one input's size under compressor k. */
static int size_row(void *arg, size_t k, struct kcb_cell *c)
{
    struct job *j = arg;
    const struct kcb_spec *s = &j->o->specs.v[k];
    size_t cx = j->s[k].single[0], empty = j->s[k].empty;
    unsigned long long per = s->bits ? 1 : 8; /* --bits: the sizes are in bits already */
    c[SIZE_COMPRESSOR] = kcb_cell_text(kcb_spec_str(s, j->name, sizeof j->name));
    c[SIZE_CODEC] = kcb_cell_text(s->codec->name);
    c[SIZE_LEVEL] = kcb_cell_int(s->level);
    c[SIZE_INPUT] = kcb_cell_text(j->in->v[0].name);
    c[SIZE_BYTES] = kcb_cell_uint(j->in->v[0].n);
    c[SIZE_CX] = kcb_cell_uint(s->bits ? (cx + 4) / 8 : cx);
    c[SIZE_EMPTY] = kcb_cell_uint(s->bits ? (empty + 4) / 8 : empty);
    c[SIZE_BITS] = kcb_cell_uint(per * (unsigned long long)cx);
    c[SIZE_ABOVE] = kcb_cell_int((long long)per * ((long long)cx - (long long)empty));
    return KCB_OK;
}

static int write_sizes(struct kcb_out *out, struct job *j)
{
    struct kcb_col cols[SIZE_NCOLS];
    memcpy(cols, kcb_size_cols, sizeof cols);
    cols[SIZE_COMPRESSOR].flags |= j->o->specs.n > 1 ? KCB_COL_PLAIN : 0;
    return kcb_table_write(out, cols, SIZE_NCOLS, NULL, j->o->specs.n, size_row, j);
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
    if (j->mode == MODE_SIZE)
        rc = write_sizes(&out, j);
    else if (j->o->format == KCB_FMT_PHYLIP)
        rc = write_phylip(fp, j);
    else if (j->mode == MODE_MATRIX && kcb_format_human(j->o->format))
        rc = write_matrices(&out, j);
    else
        rc = write_records(&out, j);
    if (rc)
        rc = kcb_lib_err(cmd->name, rc, "%s", kcb_output_name(j->o->output));
    return kcb_output_close(cmd->name, j->o->output, af, rc);
}

/* ---- the command ---- */

/* Parses the options, then reads the inputs where the command line puts them. */
static int setup(const struct kcb_cmd *cmd, struct ncd_opts *o, int argc, char **argv,
                 struct job *j)
{
    o->argv = argv;
    o->argc = (size_t)argc;
    o->orig = malloc((size_t)argc * sizeof *o->orig);
    o->items = malloc((size_t)argc * sizeof *o->items);
    if (!o->orig || !o->items)
        return kcb_fail(cmd->name, "out of memory");
    memcpy(o->orig, argv, (size_t)argc * sizeof *argv);
    int rc = kcb_opt_parse(cmd, argc, argv, apply, o), rect = 0;
    if (!rc && !o->specs.n)
        rc = kcb_arg_specs(cmd, 'c', DEFAULT_CODECS, &o->specs);
    if (!rc && o->bits)
        rc = kcb_arg_bits(cmd, &o->specs);
    if (!rc) {
        order_items(o, argc);
        rc = place_items(cmd, o, &rect);
    }
    for (size_t i = 0, strings = 0; !rc && i < o->nitems; i++)
        if (o->items[i].key == 0 || o->items[i].key == 'L')
            rc = load_item(cmd, j, &o->items[i], &strings);
    if (!rc)
        rc = shape(cmd, j, rect);
    return rc ? rc : distinct(cmd, j);
}

static void job_free(struct job *j)
{
    for (size_t k = 0; j->s && k < j->o->specs.n; k++) {
        free(j->s[k].single);
        free(j->s[k].pair);
    }
    free(j->s);
    free(j->side);
    free(j->row);
    free(j->col);
    free(j->id);
    free(j->rid);
    free(j->cid);
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct ncd_opts o = {.format = KCB_FMT_PLAIN, .dist = KCB_DIST_NCD, .sep = "", .output = "-",
                         .decimals = 6};
    struct kcb_inputs in = {0};
    struct job j = {.o = &o, .in = &in};
    int rc = setup(cmd, &o, argc, argv, &j);
    if (!rc)
        rc = compute_all(cmd, &j);
    if (!rc)
        rc = write_all(cmd, &j);
    job_free(&j);
    free(o.orig);
    free(o.items);
    kcb_inputs_free(&in);
    kcb_specs_free(&o.specs);
    return rc;
}

const struct kcb_cmd kcb_cmd_ncd = {
    "ncd", "the size of one input, the distance of two, or the matrix of several",
    "[-c CODECS] [-s] [--sep STR] [-d ncd|cdm|clm] [-f FORMAT] [-o FILE]\n"
    "            INPUT... [-L FILE]...\n"
    "       kcbench ncd [OPTIONS] --rows INPUT... --cols INPUT...\n"
    "       kcbench ncd [OPTIONS] -L ROWS -L COLS",
    "With one input, prints its compressed size under each compressor: C(x) in bytes and\n"
    "bits, and the bits above the container, 8 (C(x) - C(e)) (plain: the bits, as CompLearn's\n"
    "ncd -s prints them). With two, their compression distance; with more, the labelled\n"
    "square matrix whose entry (i,j) comes from C(x_i), C(x_j) and C(x_i.sep.x_j); with\n"
    "--rows and --cols (or two lists), the rectangular matrix of rows against columns.\n"
    "The diagonal and any asymmetry are what the compressor gives: nothing is forced to 0 or\n"
    "symmetrised. C of each distinct input is computed once, even when it is a row and a\n"
    "column. With --bits (cm), C is the model's ideal code length in bits (rounded to the\n"
    "nearest bit) instead of the coded bytes: no container, C(empty) = 0; cx is it in\n"
    "bytes, rounded.\n",
    opts,
    "INPUT is a file (labelled by its path as given), '-' for standard input (once), or a\n"
    "directory: its regular files in name order, hidden ones skipped, each labelled by its\n"
    "file name. Relative paths in a list are taken from the current directory. Inputs are\n"
    "bytes: binary data and invalid UTF-8 are compressed as they are. Empty inputs are valid:\n"
    "C(empty) is the container size, so the NCD of two empty inputs is\n"
    "(C(e) - C(e)) / C(e) = 0.\n"
    "Formats: table, md and plain show each matrix, square or rectangular; csv, tsv and json\n"
    "give one record per (row, column) in row order, for each compressor; phylip needs a\n"
    "square matrix. For one input csv, tsv and json have the keys compressor, codec, level,\n"
    "input, bytes, cx, c_empty, bits, bits_above_container.\n",
    run,
};
