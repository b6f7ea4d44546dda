/* kcbench examples: the summer-school slides' claims, each measured, with its table and verdict. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "cmd_examples.h"
#include "columns.h"
#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb/text.h"
#include "output.h"
#include "progress.h"

#define DEFAULT_CODECS "gzip:9,xz:6,zstd:19,bzip2:9"
/* best-compressor's default: the same and kcbench's own context-mixing model, the one of them
 * closest to K(x) */
#define BEST_CODECS DEFAULT_CODECS ",cm:5"

static const struct kcb_opt opts[] = {
    {'c', "codec", "LIST",
     "compressors (default " DEFAULT_CODECS ";\n"
     "best-compressor: " BEST_CODECS ");\n"
     "the first is the reference of the learning examples", "gzip:9,zstd:3"},
    {'f', "format", "F", "table (default), md, csv, tsv, json", "json"},
    {'o', "output", "FILE", "write there (atomically)", "out.md"},
    {KCB_OPT_LONG + 1, "seed", "N", "seed of every generated input and sample (default 1)", "2"},
    {KCB_OPT_LONG + 2, "data", "DIR",
     "the real datasets (default: $KCB_DATA; none when it is unset)", "datasets"},
    {KCB_OPT_LONG + 3, "builtin", NULL, "built-in data only, even when $KCB_DATA is set", NULL},
    {'j', "threads", "N", "threads (default: all cores); results do not depend on it", "2"},
    {0, NULL, NULL, NULL, NULL},
};

struct ex_opts {
    const struct kcb_cmd *cmd;
    const char *data;
    struct kcb_common com; /* -c, -f, -o, -j */
    long seed;
    int builtin;
    int want[KCB_NEXAMPLES]; /* the order asked for: ids, then -1 */
};

static int apply(const struct kcb_cmd *cmd, void *ctx, int key, const char *arg)
{
    struct ex_opts *o = ctx;
    int rc = kcb_arg_common(cmd, key, arg, KCB_FMTS_TABLES, &o->com);
    if (rc != KCB_ARG_OTHER)
        return rc;
    switch (key) {
    case KCB_OPT_LONG + 1: return kcb_arg_long(cmd, key, arg, 0, 1L << 62, &o->seed);
    case KCB_OPT_LONG + 2: o->data = arg; return KCB_EXIT_OK;
    case KCB_OPT_LONG + 3: o->builtin = 1; return KCB_EXIT_OK;
    }
    return KCB_EXIT_USAGE;
}

/* The examples named by the operands, in their order, each once; all of them when none is. */
static int choose(const struct kcb_cmd *cmd, int argc, char **argv, struct ex_opts *o)
{
    size_t n = 0;
    for (int i = optind; i < argc; i++) {
        int id = kcb_example_find(argv[i]);
        if (id < 0) {
            char names[256] = "";
            for (int k = 0; k < KCB_NEXAMPLES; k++)
                snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
                         k ? ", " : "", kcb_example(k)->name);
            return kcb_usage_err(cmd->name, "unknown example '%s' (%s)", argv[i], names);
        }
        int seen = 0;
        for (size_t k = 0; k < n; k++)
            seen |= o->want[k] == id;
        if (!seen)
            o->want[n++] = id;
    }
    for (int k = 0; !n && k < KCB_NEXAMPLES; k++)
        o->want[k] = k;
    if (!n)
        n = KCB_NEXAMPLES;
    for (size_t k = n; k < KCB_NEXAMPLES; k++)
        o->want[k] = -1;
    return KCB_EXIT_OK;
}

/* Where the real datasets are: --data, else $KCB_DATA; NULL with --builtin or neither. */
static int data_dir(const struct ex_opts *o, const char **dir)
{
    *dir = NULL;
    if (o->builtin)
        return KCB_EXIT_OK;
    if (o->data && !kcb_is_dir(o->data))
        return kcb_io_err(o->cmd->name, "--data %s: not a directory", o->data);
    const char *env = getenv("KCB_DATA");
    *dir = o->data ? o->data : env && *env ? env : NULL;
    if (*dir && !kcb_is_dir(*dir)) {
        kcb_warn(o->cmd->name, "KCB_DATA=%s: not a directory; built-in data only", *dir);
        *dir = NULL;
    }
    return KCB_EXIT_OK;
}

/* ---- output ---- */

/* Writes table t of r in o's format to fp. */
static int write_table(FILE *fp, enum kcb_format f, struct ex_result *r, const struct ex_table *t,
                       int titled)
{
    struct kcb_out out;
    kcb_out_init(&out, fp, f);
    return kcb_table_write(&out, t->cols, t->ncols, titled ? t->title : NULL, t->nrows, t->row,
                           r);
}

/* The verdict and its condition in words: "holds only if the strings are ...". */
static void verdict_words(const struct kcb_finding *f, char *buf, size_t len)
{
    snprintf(buf, len, "%s%s%s", kcb_verdict_name(f->verdict),
             f->verdict == KCB_VERDICT_HOLDS_IF ? " " : "", f->condition);
}

/* An example for people: its claim, data, tables, rule and verdict. */
static int write_human(FILE *fp, enum kcb_format f, struct ex_result *r, int first)
{
    const struct kcb_example *ex = kcb_example(r->id);
    char verdict[2 * KCB_FINDING_TEXT];
    int md = f == KCB_FMT_MD, rc = KCB_OK;
    verdict_words(r->f, verdict, sizeof verdict);
    fprintf(fp, md ? "%s## %s\n\n**Claim.** %s\n\n**Data.** %s\n\n"
                   : "%s== %s ==\nclaim: %s\ndata: %s\n\n",
            first ? "" : "\n", ex->name, ex->claim, r->f->data);
    for (size_t i = 0; !rc && i < r->nt; i++) {
        if (i)
            fputc('\n', fp);
        rc = write_table(fp, f, r, &r->t[i], 1);
    }
    if (!rc)
        fprintf(fp, md ? "\n**Rule.** %s\n\n**Verdict: %s.** %s\n" :
                         "\nrule: %s\nverdict: %s\nevidence: %s\n",
                ex->rule, verdict, r->f->evidence);
    return rc;
}

/* A table of r as JSON text, without its final newline (caller frees). */
static char *table_json(struct ex_result *r, const struct ex_table *t)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    if (!fp)
        return NULL;
    int rc = write_table(fp, KCB_FMT_JSON, r, t, 0);
    if (fclose(fp) || rc) {
        free(text);
        return NULL;
    }
    if (len && text[len - 1] == '\n')
        text[len - 1] = '\0';
    return text;
}

/* The further tables of r as a JSON array of {"title", "rows"} (caller frees). */
static char *tables_json(struct ex_result *r)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    int rc = fp ? KCB_OK : KCB_ENOMEM;
    if (!rc)
        fputc('[', fp);
    for (size_t i = 1; !rc && i < r->nt; i++) {
        char *rows = table_json(r, &r->t[i]);
        if (!rows) {
            rc = KCB_ENOMEM;
            break;
        }
        fputs(i > 1 ? ",{\"title\":" : "{\"title\":", fp);
        kcb_json_str(fp, r->t[i].title);
        fprintf(fp, ",\"rows\":%s}", rows);
        free(rows);
    }
    if (fp) {
        fputc(']', fp);
        rc = fclose(fp) && !rc ? KCB_ENOMEM : rc;
    }
    if (rc) {
        free(text);
        return NULL;
    }
    return text;
}

/* One record of csv, tsv and json: the example's texts, and in json its tables. */
static int add_record(kcb_table *t, struct ex_result *r, int json)
{
    const struct kcb_example *ex = kcb_example(r->id);
    char *rows = json ? table_json(r, &r->t[0]) : NULL, *more = json ? tables_json(r) : NULL;
    struct kcb_cell c[EX_NCOLS] = {{0}};
    int rc = json && (!rows || !more) ? KCB_ENOMEM : KCB_OK;
    c[EX_NAME] = kcb_cell_text(ex->name);
    c[EX_CLAIM] = kcb_cell_text(ex->claim);
    c[EX_DATA] = kcb_cell_text(r->f->data);
    c[EX_RULE] = kcb_cell_text(ex->rule);
    c[EX_VERDICT] = kcb_cell_text(kcb_verdict_name(r->f->verdict));
    c[EX_CONDITION] = *r->f->condition ? kcb_cell_text(r->f->condition) : kcb_cell_null();
    c[EX_EVIDENCE] = kcb_cell_text(r->f->evidence);
    c[EX_ROWS] = kcb_cell_json(rows);
    c[EX_TABLES] = kcb_cell_json(more);
    if (!rc)
        rc = kcb_table_row(t, c);
    free(rows);
    free(more);
    return rc;
}

/* ---- the command ---- */

/* Progress of the neighbour searches: one report per search, restarted by each stage. */
struct ex_progress {
    const char *cmd;
    struct kcb_progress pg;
    char what[128];
    int started;
};

static void stage(void *arg, const char *what, double scale)
{
    struct ex_progress *p = arg;
    if (p->started)
        kcb_progress_end(&p->pg);
    snprintf(p->what, sizeof p->what, "%s", what);
    kcb_progress_start(&p->pg, p->cmd, p->what, "pairs", scale);
    p->started = 1;
}

static void progress(void *arg, size_t done, size_t total)
{
    struct ex_progress *p = arg;
    if (p->started)
        kcb_progress_show(&p->pg, done, total);
}

/* Measures the examples asked for and writes each as it is done; best-compressor runs on
 * `best` when it is not NULL (its default compressors), every other example on s. */
static int run_all(const struct ex_opts *o, kcb_school *s, kcb_school *best, FILE *fp,
                   struct ex_progress *pg)
{
    int human = kcb_format_human(o->com.format), rc = KCB_OK, e = KCB_EXIT_OK;
    struct kcb_out out;
    kcb_table *t = NULL;
    kcb_out_init(&out, fp, o->com.format);
    if (!human)
        rc = kcb_table_begin(&out, kcb_example_cols, EX_NCOLS, NULL, 0, &t);
    for (size_t k = 0; !rc && k < KCB_NEXAMPLES && o->want[k] >= 0; k++) {
        struct ex_result r;
        enum kcb_example_id id = (enum kcb_example_id)o->want[k];
        rc = kcb_ex_measure(best && id == KCB_EX_BEST ? best : s, id, &r);
        if (pg->started)
            kcb_progress_end(&pg->pg);
        pg->started = 0;
        if (rc) {
            e = rc == KCB_ECANCELED ? KCB_EXIT_INTERRUPTED
                : kcb_lib_err(o->cmd->name, rc, "%s", kcb_example(o->want[k])->name);
            if (rc == KCB_ECANCELED)
                kcb_note(o->cmd->name, "interrupted during %s; the examples finished before it "
                         "are written", kcb_example(o->want[k])->name);
            break;
        }
        rc = human ? write_human(fp, o->com.format, &r, k == 0)
                   : add_record(t, &r, o->com.format == KCB_FMT_JSON);
        kcb_ex_free(&r);
        if (rc)
            e = kcb_lib_err(o->cmd->name, rc, "%s", kcb_output_name(o->com.output));
    }
    int end = t ? kcb_table_end(t) : KCB_OK;
    if (end && !e)
        e = kcb_lib_err(o->cmd->name, end, "%s", kcb_output_name(o->com.output));
    return e;
}

/* Without -c, best-compressor compares BEST_CODECS, on a state of its own: 0 or an exit status;
 * *best and *specs stay empty when -c was given. */
static int best_state(const struct ex_opts *o, const struct kcb_school_opts *so,
                      struct kcb_specs *specs, kcb_school **best)
{
    char why[256];
    struct kcb_school_opts bo = *so;
    *best = NULL;
    if (kcb_specs_parse(BEST_CODECS, specs, why, sizeof why))
        return kcb_fail(o->cmd->name, "%s", why);
    bo.specs = specs->v;
    bo.nspecs = specs->n;
    return kcb_school_new(&bo, best) ? kcb_fail(o->cmd->name, "out of memory") : KCB_EXIT_OK;
}

static int run(const struct kcb_cmd *cmd, int argc, char **argv)
{
    struct ex_opts o = {.cmd = cmd, .com = {.output = "-", .format = KCB_FMT_TABLE}, .seed = 1};
    struct ex_progress pg = {.cmd = cmd->name};
    struct kcb_specs best_specs = {0};
    kcb_school *s = NULL, *best = NULL;
    kcb_afile *af = NULL;
    FILE *fp = NULL;
    const char *dir = NULL;
    int rc = kcb_opt_parse(cmd, argc, argv, apply, &o);
    if (!rc)
        rc = choose(cmd, argc, argv, &o);
    int defaulted = o.com.specs.n == 0;
    if (!rc)
        rc = kcb_common_default(cmd, &o.com, DEFAULT_CODECS);
    if (!rc)
        rc = data_dir(&o, &dir);
    struct kcb_school_opts so = {o.com.specs.v, o.com.specs.n, (uint64_t)o.seed,
                                 (size_t)o.com.threads, dir, stage, progress, &pg,
                                 &kcb_interrupted};
    if (!rc && kcb_school_new(&so, &s))
        rc = kcb_fail(cmd->name, "out of memory");
    if (!rc && defaulted)
        rc = best_state(&o, &so, &best_specs, &best);
    if (!rc)
        rc = kcb_output_open(cmd->name, o.com.output, &af, &fp);
    if (!rc) {
        kcb_interrupt_catch();
        rc = kcb_output_close(cmd->name, o.com.output, af, run_all(&o, s, best, fp, &pg));
    }
    kcb_school_free(best);
    kcb_school_free(s);
    kcb_specs_free(&best_specs);
    kcb_common_free(&o.com);
    return rc;
}

const struct kcb_cmd kcb_cmd_examples = {
    "examples", "the summer-school claims about compression, each measured with a verdict",
    "[-c CODECS] [--seed N] [--data DIR | --builtin] [options] [NAME...]",
    "Runs the examples NAME... (all of them by default), each a claim of the summer-school\n"
    "slides on compression (Part II): the claim in one line, what was measured (a table, or\n"
    "a few), and a verdict that a stated rule computes from the numbers: holds, fails, or\n"
    "holds only if a named condition is met.\n\n"
    "  coin-flips                 X1 = \"001\" x 15 and the slide's X2 against 45 bits and\n"
    "                             the programs that print them; then a grid of lengths\n"
    "  incompressible             how many random strings each compressor shortens by c\n"
    "                             bits, against the counting bound 2^-c\n"
    "  concatenation              K(X,Y) <= K(X) + K(Y) + c read two ways, related and\n"
    "                             unrelated inputs, below and beyond each window\n"
    "  compression-is-learning    1-NN on NCD (Jiang et al.'s gzip) against the majority\n"
    "                             baseline; every compressor paired on the same test texts\n"
    "  compressible-is-learnable  label gain against relative 1-NN error over datasets,\n"
    "                             Spearman's rho with a bootstrap interval\n"
    "  no-free-lunch              random data, random labels, and who wins each input\n"
    "  best-compressor            ratios beside published figures (cmix, nncp), and\n"
    "                             whether a better ratio goes with better 1-NN accuracy\n\n"
    "Everything is seeded (--seed) and built in; with real datasets (--data, or $KCB_DATA:\n"
    "r8, canterbury, calgary, ...) the examples add rows on them, samples whose sizes the\n"
    "data line states. Built-in data takes well under a minute, real data a few.\n",
    opts,
    "With -f json: one array of objects, one per example, with the keys name, claim, data,\n"
    "rule, verdict, condition (null unless the verdict is 'holds only if'), evidence, rows\n"
    "(the example's table) and tables (the others, each {\"title\", \"rows\"}). csv and tsv\n"
    "give the same records without the tables.\n",
    run,
};
