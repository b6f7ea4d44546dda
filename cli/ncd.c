/* kcbench ncd: compression distance of two inputs, or the labelled matrix of several. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb/matrix.h"
#include "kcb/dist.h"

struct ncd_opts {
    struct kcb_specs specs;
    enum kcb_format format;
    enum kcb_dist dist;
    const char *sep;
    const char *output;
    int strings;
    int decimals;
};

struct inputs {
    struct kcb_blob *x;
    char **label;
    unsigned char **owned;
    size_t n;
};

static void inputs_free(struct inputs *in)
{
    for (size_t i = 0; i < in->n; i++) {
        free(in->owned[i]);
        free(in->label[i]);
    }
    free(in->x);
    free(in->label);
    free(in->owned);
}

static int load(const struct ncd_opts *o, char **args, size_t n, struct inputs *in)
{
    in->n = 0;
    in->x = calloc(n, sizeof *in->x);
    in->label = calloc(n, sizeof *in->label);
    in->owned = calloc(n, sizeof *in->owned);
    if (!in->x || !in->label || !in->owned)
        return kcb_fail("ncd", "out of memory");
    int stdin_used = 0;
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "s%zu", i + 1);
        in->label[i] = strdup(o->strings ? name : args[i]);
        in->n = i + 1; /* counted now, so inputs_free() frees it if this input fails */
        if (!in->label[i])
            return kcb_fail("ncd", "out of memory");
        if (o->strings) {
            in->x[i] = (struct kcb_blob){(const unsigned char *)args[i], strlen(args[i])};
            continue;
        }
        if (strcmp(args[i], "-") == 0 && stdin_used++)
            return kcb_usage_err("ncd", "standard input ('-') can be given only once");
        int rc = kcb_read_file(args[i], &in->owned[i], &in->x[i].n);
        if (rc == KCB_ENOMEM)
            return kcb_fail("ncd", "%s: out of memory", args[i]);
        if (rc)
            return kcb_io_err("ncd", "%s: %s", args[i], strerror(errno));
        in->x[i].p = in->owned[i];
    }
    return KCB_EXIT_OK;
}

static void pair_header(FILE *fp, const struct ncd_opts *o)
{
    if (o->format == KCB_FMT_CSV)
        fputs("compressor,codec,level,distance,x,y,cx,cy,cxy,value\n", fp);
    else if (o->format == KCB_FMT_TABLE)
        fprintf(fp, "%-12s %10s %10s %10s  %s\n", "compressor", "C(x)", "C(y)", "C(xy)",
                kcb_dist_name(o->dist));
    else if (o->format == KCB_FMT_MD)
        fprintf(fp, "| compressor | C(x) | C(y) | C(xy) | %s |\n|---|---:|---:|---:|---:|\n",
                kcb_dist_name(o->dist));
    else if (o->format == KCB_FMT_JSON)
        fputc('[', fp);
}

static void pair_row(FILE *fp, const struct ncd_opts *o, const struct inputs *in,
                     const struct kcb_spec *s, const size_t *c, size_t k)
{
    char name[64];
    kcb_spec_str(s, name, sizeof name);
    double v = kcb_dist(o->dist, c[0], c[1], c[2]);
    int d = o->decimals;
    switch (o->format) {
    case KCB_FMT_PLAIN:
        if (o->specs.n > 1)
            fprintf(fp, "%s\t", name);
        fprintf(fp, "%.*f\n", d, v);
        break;
    case KCB_FMT_TABLE:
        fprintf(fp, "%-12s %10zu %10zu %10zu  %.*f\n", name, c[0], c[1], c[2], d, v);
        break;
    case KCB_FMT_MD:
        fprintf(fp, "| %s | %zu | %zu | %zu | %.*f |\n", name, c[0], c[1], c[2], d, v);
        break;
    case KCB_FMT_CSV:
        fprintf(fp, "%s,%s,%d,%s,", name, s->codec->name, s->level, kcb_dist_name(o->dist));
        kcb_csv_str(fp, in->label[0]);
        fputc(',', fp);
        kcb_csv_str(fp, in->label[1]);
        fprintf(fp, ",%zu,%zu,%zu,%.*f\n", c[0], c[1], c[2], d, v);
        break;
    case KCB_FMT_JSON:
        fprintf(fp, "%s{\"compressor\":\"%s\",\"codec\":\"%s\",\"level\":%d,\"distance\":\"%s\","
                    "\"x\":", k ? "," : "", name, s->codec->name, s->level,
                kcb_dist_name(o->dist));
        kcb_json_str(fp, in->label[0]);
        fputs(",\"y\":", fp);
        kcb_json_str(fp, in->label[1]);
        fprintf(fp, ",\"cx\":%zu,\"cy\":%zu,\"cxy\":%zu,\"value\":", c[0], c[1], c[2]);
        kcb_json_num(fp, v, d);
        fputc('}', fp);
        break;
    case KCB_FMT_PHYLIP:
        break;
    }
}

/* A matrix in JSON also carries the sizes it was computed from. */
static void matrix_json(FILE *fp, const struct ncd_opts *o, const struct kcb_spec *s,
                        const struct kcb_matrix *m, const size_t *single, size_t k)
{
    char name[64];
    fprintf(fp, "%s{\"compressor\":\"%s\",\"codec\":\"%s\",\"level\":%d,\"distance\":\"%s\","
                "\"sep\":", k ? "," : "", kcb_spec_str(s, name, sizeof name), s->codec->name,
            s->level, kcb_dist_name(o->dist));
    kcb_json_str(fp, o->sep);
    fputs(",\"labels\":[", fp);
    for (size_t i = 0; i < m->n; i++) {
        if (i)
            fputc(',', fp);
        kcb_json_str(fp, m->labels[i]);
    }
    fputs("],\"sizes\":[", fp);
    for (size_t i = 0; i < m->n; i++)
        fprintf(fp, "%s%zu", i ? "," : "", single[i]);
    fputs("],\"matrix\":[", fp);
    for (size_t i = 0; i < m->n; i++) {
        fputs(i ? ",[" : "[", fp);
        for (size_t j = 0; j < m->n; j++) {
            if (j)
                fputc(',', fp);
            kcb_json_num(fp, m->d[i * m->n + j], o->decimals);
        }
        fputc(']', fp);
    }
    fputs("]}", fp);
}

static int emit_matrix(FILE *fp, const struct ncd_opts *o, const struct inputs *in,
                       const struct kcb_spec *s, const size_t *single, const size_t *pair,
                       size_t k)
{
    struct kcb_matrix *m;
    size_t n = in->n;
    if (kcb_matrix_new(n, &m))
        return KCB_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (kcb_matrix_set_label(m, i, in->label[i])) {
            kcb_matrix_free(m);
            return KCB_ENOMEM;
        }
        for (size_t j = 0; j < n; j++)
            m->d[i * n + j] = kcb_dist(o->dist, single[i], single[j], pair[i * n + j]);
    }
    char title[96], name[64];
    snprintf(title, sizeof title, "%s %s", kcb_spec_str(s, name, sizeof name),
             kcb_dist_name(o->dist));
    if (o->format == KCB_FMT_JSON)
        matrix_json(fp, o, s, m, single, k);
    else {
        if (k && o->format != KCB_FMT_CSV && o->format != KCB_FMT_PHYLIP)
            fputc('\n', fp);
        /* csv: one header row for all compressors, so the whole output is one table */
        kcb_matrix_write(fp, m, o->format, o->decimals, title, k == 0);
    }
    kcb_matrix_free(m);
    return KCB_OK;
}

/* Computes and writes the result for one compressor (the k-th). */
static int one_codec(FILE *fp, const struct ncd_opts *o, const struct inputs *in, size_t k,
                     size_t *single, size_t *pair)
{
    const struct kcb_spec *s = &o->specs.v[k];
    char name[64];
    kcb_comp *c;
    int rc = kcb_comp_new(s, &c);
    if (!rc)
        rc = kcb_sizes_matrix(c, in->x, in->n, o->sep, strlen(o->sep), single, pair);
    kcb_comp_free(c);
    if (rc)
        return kcb_fail("ncd", "%s: %s", kcb_spec_str(s, name, sizeof name), kcb_strerror(rc));
    if (in->n == 2 && o->format != KCB_FMT_PHYLIP) {
        size_t sizes[3] = {single[0], single[1], pair[1]}; /* C(x), C(y), C(x·sep·y) */
        pair_row(fp, o, in, s, sizes, k);
        return KCB_EXIT_OK;
    }
    if (emit_matrix(fp, o, in, s, single, pair, k))
        return kcb_fail("ncd", "out of memory");
    return KCB_EXIT_OK;
}

static int compute_and_write(const struct ncd_opts *o, const struct inputs *in)
{
    size_t n = in->n;
    size_t *single = calloc(n, sizeof *single), *pair = calloc(n * n, sizeof *pair);
    kcb_afile *af = NULL;
    FILE *fp = NULL;
    int rc = KCB_EXIT_OK;
    if (!single || !pair)
        rc = kcb_fail("ncd", "out of memory");
    else if (kcb_afile_open(o->output, &af, &fp))
        rc = kcb_io_err("ncd", "%s: %s", o->output, strerror(errno));
    int matrix = n > 2 || o->format == KCB_FMT_PHYLIP;
    if (!rc && (!matrix || o->format == KCB_FMT_JSON))
        pair_header(fp, o);
    for (size_t k = 0; !rc && k < o->specs.n; k++)
        rc = one_codec(fp, o, in, k, single, pair);
    if (!rc && o->format == KCB_FMT_JSON)
        fputs("]\n", fp);
    if (af && rc)
        kcb_afile_abort(af);
    else if (af && kcb_afile_commit(af))
        rc = kcb_io_err("ncd", "%s: %s", o->output, strerror(errno));
    free(single);
    free(pair);
    return rc;
}

static int parse(int argc, char **argv, struct ncd_opts *o)
{
    static const struct option opts[] = {
        {"codec", required_argument, 0, 'c'},    {"strings", no_argument, 0, 's'},
        {"sep", required_argument, 0, 'S'},      {"distance", required_argument, 0, 'd'},
        {"format", required_argument, 0, 'f'},   {"output", required_argument, 0, 'o'},
        {"decimals", required_argument, 0, 'D'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *codecs = "gzip:9";
    long dec = 6;
    int c, rc = 0;
    optind = 1;
    while (!rc && (c = getopt_long(argc, argv, "c:sf:o:d:h", opts, NULL)) != -1) {
        switch (c) {
        case 'c': codecs = optarg; break;
        case 's': o->strings = 1; break;
        case 'S': o->sep = optarg; break;
        case 'o': o->output = optarg; break;
        case 'f': rc = kcb_cmd_format("ncd", optarg, &o->format); break;
        case 'D': rc = kcb_cmd_long("ncd", "--decimals", optarg, 0, 17, &dec); break;
        case 'd':
            if (kcb_dist_parse(optarg, &o->dist))
                rc = kcb_usage_err("ncd", "unknown distance '%s' (ncd, cdm, clm)", optarg);
            break;
        case 'h': kcb_cmd_help(kcb_cmd_find("ncd"), stdout); return -1;
        default: return kcb_bad_option("ncd", argc, argv);
        }
    }
    o->decimals = (int)dec;
    if (!rc)
        rc = kcb_cmd_specs("ncd", codecs, &o->specs);
    return rc;
}

static int run(int argc, char **argv)
{
    struct ncd_opts o = {.format = KCB_FMT_PLAIN, .dist = KCB_DIST_NCD, .sep = "", .output = "-"};
    int rc = parse(argc, argv, &o);
    if (rc) {
        kcb_specs_free(&o.specs);
        return rc < 0 ? KCB_EXIT_OK : rc;
    }
    size_t n = (size_t)(argc - optind);
    if (n < 2) {
        kcb_specs_free(&o.specs);
        return kcb_usage_err("ncd", "needs at least two inputs (files, '-' for stdin, or -s "
                             "strings), got %zu", n);
    }
    struct inputs in = {0};
    rc = load(&o, argv + optind, n, &in);
    if (!rc)
        rc = compute_and_write(&o, &in);
    inputs_free(&in);
    kcb_specs_free(&o.specs);
    return rc;
}

const struct kcb_cmd kcb_cmd_ncd = {
    "ncd", run, "compression distance of two inputs, or the matrix of several",
    "usage: kcbench ncd [-c CODECS] [-s] [--sep STR] [--distance ncd|cdm|clm]\n"
    "                   [--format plain|table|csv|json|phylip|md] [-o FILE] INPUT INPUT...\n\n"
    "Prints the compression distance of two inputs, or with more than two the labelled\n"
    "matrix whose entry (i,j) comes from C(x_i), C(x_j) and C(x_i.sep.x_j). The diagonal\n"
    "and any asymmetry are what the compressor gives: nothing is forced to 0 or symmetrised.\n\n"
    "  -c, --codec LIST    compressors, NAME[:LEVEL][,NAME[:LEVEL]...] (default gzip:9);\n"
    "                      'zstd:1,3,19' gives several levels, 'xz:all' every level,\n"
    "                      'all' every codec at its default; one result per compressor\n"
    "  -s, --strings       every INPUT is a literal string, not a file\n"
    "      --sep STR       inserted between x and y (default: nothing; Jiang et al. 2023\n"
    "                      used one space)\n"
    "  -d, --distance D    ncd  (C(xy) - min(C(x),C(y))) / max(C(x),C(y))   (default)\n"
    "                      cdm  C(xy) / (C(x) + C(y))\n"
    "                      clm  1 - (C(x) + C(y) - C(xy)) / C(xy)\n"
    "  -f, --format F      plain (default), table, csv, json, phylip, md; json for a pair\n"
    "                      gives C(x), C(y), C(xy) and the distance\n"
    "      --decimals N    digits after the point (default 6)\n"
    "  -o, --output FILE   write there (atomically) instead of standard output\n\n"
    "INPUT is a file, or '-' for standard input. Inputs are bytes: binary data and invalid\n"
    "UTF-8 are compressed as they are. Empty inputs are valid: C(empty) is the container\n"
    "size, so the NCD of two empty inputs is (C(e) - C(e)) / C(e) = 0.\n",
};
