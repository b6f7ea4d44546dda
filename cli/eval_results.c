/* eval's results: scored from a part's neighbours by lib/learn, written as tables and predictions. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "eval.h"
#include "kcb/err.h"
#include "man.h"
#include "output.h"

/* ---- the fingerprint ---- */

/* The settled options that shape the output, as a JSON object. */
static json_t *options_json(const struct kcb_eval_opts *o)
{
    const struct kcb_load_opts *l = &o->data.load;
    json_t *codecs = json_array(), *ks = json_array(), *rules = json_array();
    json_t *text = json_array();
    char name[64], *sep = malloc(2 * strlen(o->sep) + 1);
    if (!sep)
        return NULL;
    sep[0] = '\0';
    for (size_t i = 0; i < o->specs.n; i++)
        json_array_append_new(codecs, json_pack("[s,s,s]",
                                                kcb_spec_str(&o->specs.v[i], name, sizeof name),
                                                o->specs.v[i].codec->library,
                                                o->specs.v[i].codec->version()));
    for (size_t i = 0; i < o->nk; i++)
        json_array_append_new(ks, json_integer((json_int_t)o->ks[i]));
    for (int r = 0; r < KCB_NRULES; r++)
        if (o->rules[r])
            json_array_append_new(rules, json_string(kcb_rule_name((enum kcb_rule)r)));
    for (size_t i = 0; i < l->columns.ntext; i++)
        json_array_append_new(text, json_pack("[I,s]", (json_int_t)l->columns.text[i].num,
                                              l->columns.text[i].name));
    for (size_t i = 0; o->sep[i]; i++) /* hex: the separator may be any bytes */
        snprintf(sep + 2 * i, 3, "%02x", (unsigned char)o->sep[i]);
    json_t *all = json_pack("{s:s,s:o,s:o,s:o,s:s,s:s,s:b,s:b,s:I,s:I,s:I,s:s,s:b,s:s,s:[I,s],s:o,"
                     "s:b,s:s,s:b}",
                     "name", o->name, "codecs", codecs, "k", ks, "rules", rules, "sep", sep,
                     "distance", kcb_dist_name(o->dist), "paper", o->paper, "dedup", o->dedup,
                     "test_sample", (json_int_t)o->test_sample, "seed", (json_int_t)o->seed,
                     "train_per_class", (json_int_t)o->train_per_class, "input_format",
                     kcb_informat_name(l->format), "skip_bad", l->skip_bad, "header",
                     kcb_header_name(l->header), "label_column",
                     (json_int_t)l->columns.label.num, l->columns.label.name, "text_columns",
                     text, "allow_unique_labels", l->allow_unique_labels, "format",
                     kcb_format_name(o->format), "confusion", o->confusion);
    free(sep);
    if (all && o->method != KCB_METHOD_EXACT) /* exact runs keep the fingerprint they had */
        json_object_set_new(all, "method", json_pack("{s:s,s:I}", "name",
                                                     kcb_method_name(o->method), "parts",
                                                     (json_int_t)o->parts));
    if (all && o->shortlist) { /* runs without one keep the fingerprint they had */
        char first[64];
        json_object_set_new(json_object_get(all, "method"), "shortlist",
                            json_pack("{s:I,s:s}", "n", (json_int_t)o->shortlist, "first",
                                      kcb_spec_str(&o->first, first, sizeof first)));
    }
    return all;
}

char *kcb_eval_options_text(const struct kcb_eval_opts *o)
{
    json_t *all = options_json(o);
    char *text = all ? json_dumps(all, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(all);
    return text;
}

int kcb_eval_fingerprint(const struct kcb_eval_opts *o, const char *train_digest,
                         const char *test_digest, char hex[KCB_SHA256_HEX])
{
    json_t *all = json_pack("{s:s,s:o,s:s,s:s}", "kcbench", kcb_version(), "options",
                            options_json(o), "train_sha256", train_digest, "test_sha256",
                            test_digest);
    char *text = all ? json_dumps(all, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
    json_decref(all);
    if (!text)
        return KCB_ENOMEM;
    kcb_sha256_text(text, strlen(text), hex);
    free(text);
    return KCB_OK;
}

/* ---- scoring ---- */

int kcb_eval_res_init(struct kcb_eval_res *r, const char *cmd, const struct kcb_eval_opts *o,
                      const struct kcb_part *p, FILE *pred)
{
    *r = (struct kcb_eval_res){.cmd = cmd, .o = o, .p = p, .pred = pred};
    r->rows = calloc(o->specs.n * o->nk * KCB_NRULES, sizeof *r->rows);
    return r->rows ? KCB_OK : KCB_ENOMEM;
}

void kcb_eval_res_free(struct kcb_eval_res *r)
{
    for (size_t i = 0; i < r->nrows; i++)
        kcb_score_free(&r->rows[i].score);
    free(r->rows);
    free(r->json[0]);
    free(r->json[1]);
    memset(r, 0, sizeof *r);
}

static int add_rows(struct kcb_eval_res *r, size_t spec, const struct kcb_nb *nb)
{
    const struct kcb_part *p = r->p;
    for (size_t ki = 0; ki < r->o->nk; ki++) {
        for (int rule = 0; rule < KCB_NRULES; rule++) {
            if (!r->o->rules[rule])
                continue;
            struct kcb_eval_row *row = &r->rows[r->nrows];
            *row = (struct kcb_eval_row){spec, r->o->ks[ki], (enum kcb_rule)rule, {0}};
            if (kcb_score_init(&row->score, p->nlabels))
                return KCB_ENOMEM;
            r->nrows++;
            size_t k = row->k < p->ntrain ? row->k : p->ntrain;
            kcb_knn_score(row->rule, nb, p->k, k, p->train_label, p->test_label, p->ntest,
                          &row->score);
        }
    }
    return KCB_OK;
}

/* One JSON line: the item, its truth, its vote at each k, and its neighbours. */
static int write_prediction(struct kcb_eval_res *r, size_t spec, size_t i,
                            const struct kcb_nb *nb)
{
    const struct kcb_part *p = r->p;
    char name[64];
    json_t *vote = json_object(), *nbs = json_array();
    for (size_t ki = 0; ki < r->o->nk; ki++) {
        struct kcb_vote v;
        char key[16];
        size_t k = r->o->ks[ki] < p->ntrain ? r->o->ks[ki] : p->ntrain;
        kcb_knn_decide(KCB_RULE_VOTE, nb, k, p->train_label, p->test_label[i], &v);
        snprintf(key, sizeof key, "%zu", r->o->ks[ki]);
        json_object_set_new(vote, key, json_string(p->labels[v.label]));
    }
    for (size_t j = 0; j < p->k && nb[j].idx != UINT32_MAX; j++)
        json_array_append_new(nbs, json_pack("{s:I,s:I,s:s,s:f}", "train", (json_int_t)nb[j].idx,
                                             "line", (json_int_t)p->train_line[nb[j].idx],
                                             "label", p->labels[p->train_label[nb[j].idx]], "d",
                                             nb[j].d));
    json_t *item = json_pack("{s:s,s:s,s:I,s:I,s:s,s:o,s:o}", "dataset", r->o->name,
                             "compressor", kcb_spec_str(&r->o->specs.v[spec], name, sizeof name),
                             "test", (json_int_t)i, "line", (json_int_t)p->test_line[i], "truth",
                             p->labels[p->test_label[i]], "vote", vote, "neighbours", nbs);
    int rc = !item || json_dumpf(item, r->pred, JSON_COMPACT | JSON_PRESERVE_ORDER |
                                                    JSON_REAL_PRECISION(9)) ||
                     fputc('\n', r->pred) == EOF
                 ? KCB_EIO
                 : KCB_OK;
    json_decref(item);
    return rc;
}

int kcb_eval_res_score(struct kcb_eval_res *r, size_t s)
{
    const struct kcb_part *p = r->p;
    const struct kcb_nb *nb = p->nb + s * p->ntest * p->k;
    int rc = add_rows(r, s, nb);
    for (size_t i = 0; !rc && r->pred && i < p->ntest; i++)
        rc = write_prediction(r, s, i, nb + i * p->k);
    return rc;
}

/* ---- output ---- */

void kcb_eval_warn_paper(const char *cmd, const struct kcb_eval_opts *o)
{
    char spec[64] = "several compressors";
    if (o->specs.n == 1) /* the compressor actually used, -c or gzip:9 */
        kcb_spec_str(&o->specs.v[0], spec, sizeof spec);
    kcb_warn(cmd, "paper mode: %s, sep '%s', test text first; rule 'optimistic' is "
             "Jiang et al.'s scoring (a k=2 tie counts as right if either label is)", spec,
             o->sep);
}

/* The label names and a row's confusion matrix as JSON texts (caller frees both). */
static int confusion_json(const struct kcb_eval_res *r, const struct kcb_eval_row *row,
                          char **labels, char **conf)
{
    size_t L = r->p->nlabels;
    json_t *names = json_array(), *rows = json_array();
    for (size_t i = 0; i < L; i++) {
        json_t *line = json_array();
        json_array_append_new(names, json_string(r->p->labels[i]));
        for (size_t j = 0; j < L; j++)
            json_array_append_new(line, json_real(row->score.conf[i * L + j]));
        json_array_append_new(rows, line);
    }
    *labels = json_dumps(names, JSON_COMPACT);
    *conf = json_dumps(rows, JSON_COMPACT | JSON_REAL_PRECISION(6));
    json_decref(names);
    json_decref(rows);
    return *labels && *conf ? KCB_OK : KCB_ENOMEM;
}

static int result_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct kcb_eval_res *r = arg;
    const struct kcb_eval_row *row = &r->rows[i];
    const struct kcb_spec *s = &r->o->specs.v[row->spec];
    free(r->json[0]);
    free(r->json[1]);
    r->json[0] = r->json[1] = NULL;
    if (r->o->confusion && confusion_json(r, row, &r->json[0], &r->json[1]))
        return KCB_ENOMEM;
    c[EVAL_DATASET] = kcb_cell_text(r->o->name);
    c[EVAL_COMPRESSOR] = kcb_cell_text(kcb_spec_str(s, r->spec_name, sizeof r->spec_name));
    c[EVAL_CODEC] = kcb_cell_text(s->codec->name);
    c[EVAL_LEVEL] = kcb_cell_int(s->level);
    c[EVAL_K] = kcb_cell_uint(row->k);
    c[EVAL_RULE] = kcb_cell_text(r->o->method == KCB_METHOD_PER_CLASS
                                     ? "per-class" : kcb_rule_name(row->rule));
    c[EVAL_N] = kcb_cell_uint((size_t)row->score.n);
    c[EVAL_ACCURACY] = kcb_cell_real(kcb_score_accuracy(&row->score));
    c[EVAL_F1] = kcb_cell_real(kcb_score_macro_f1(&row->score));
    c[EVAL_DISTANCE] = kcb_cell_text(kcb_dist_name(r->o->dist));
    c[EVAL_METHOD] = kcb_cell_text(kcb_eval_method_str(r->o, r->method_name,
                                                         sizeof r->method_name));
    c[EVAL_LABELS] = kcb_cell_json(r->json[0]);
    c[EVAL_CONFUSION] = kcb_cell_json(r->json[1]);
    return KCB_OK;
}

/* Row i of the confusion matrix of r->shown: the truth, then the counts of each prediction. */
static int confusion_row(void *arg, size_t i, struct kcb_cell *c)
{
    const struct kcb_eval_res *r = arg;
    size_t L = r->p->nlabels;
    c[0] = kcb_cell_text(r->p->labels[i]);
    for (size_t j = 0; j < L; j++)
        c[j + 1] = kcb_cell_real(r->shown->score.conf[i * L + j]);
    return KCB_OK;
}

/* A confusion matrix as a table of its own: rows are truths, columns predictions. */
static int confusion_table(struct kcb_out *out, struct kcb_eval_res *r,
                           const struct kcb_eval_row *row)
{
    size_t L = r->p->nlabels;
    struct kcb_col *cols = calloc(L + 1, sizeof *cols);
    char title[256];
    if (!cols)
        return KCB_ENOMEM;
    snprintf(title, sizeof title, "confusion, %s %s k=%zu %s (rows: truth, columns: predicted)",
             r->o->name, kcb_spec_str(&r->o->specs.v[row->spec], r->spec_name,
                                      sizeof r->spec_name),
             row->k, kcb_rule_name(row->rule));
    cols[0] = (struct kcb_col){"truth", "truth\\predicted", KCB_COL_TEXT, 0, 0, 0, 0};
    for (size_t j = 0; j < L; j++)
        cols[j + 1] = (struct kcb_col){r->p->labels[j], NULL, KCB_COL_NUM, -1, 0, 0, 0};
    r->shown = row;
    int rc = kcb_table_write(out, cols, L + 1, title, L, confusion_row, r);
    free(cols);
    return rc;
}

int kcb_eval_res_write(struct kcb_eval_res *r, FILE *fp)
{
    const struct kcb_eval_opts *o = r->o;
    struct kcb_col cols[EVAL_NCOLS];
    struct kcb_out out;
    memcpy(cols, kcb_eval_cols, sizeof cols);
    cols[EVAL_LABELS].flags |= o->confusion ? 0 : KCB_COL_HIDE;
    cols[EVAL_CONFUSION].flags |= o->confusion ? 0 : KCB_COL_HIDE;
    if (o->dist != KCB_DIST_NCD) /* a distance other than NCD is shown in every format */
        cols[EVAL_DISTANCE].flags &= ~(unsigned)KCB_COL_MACHINE;
    if (o->method != KCB_METHOD_EXACT) /* so is a method other than exact */
        cols[EVAL_METHOD].flags &= ~(unsigned)KCB_COL_MACHINE;
    kcb_out_init(&out, fp, o->format);
    int rc = kcb_table_write(&out, cols, EVAL_NCOLS, NULL, r->nrows, result_row, r);
    /* the confusion of rule vote, or of the first rule asked for when vote was not */
    enum kcb_rule shown = KCB_RULE_VOTE;
    while (!o->rules[shown] && shown + 1 < KCB_NRULES)
        shown++;
    for (size_t i = 0; !rc && o->confusion && kcb_format_human(o->format) && i < r->nrows; i++)
        if (r->rows[i].rule == shown)
            rc = confusion_table(&out, r, &r->rows[i]);
    return rc ? kcb_lib_err(r->cmd, rc, "%s", kcb_output_name(o->output)) : KCB_EXIT_OK;
}

int kcb_eval_finish(const char *cmd, const struct kcb_eval_opts *o, const struct kcb_part *p)
{
    kcb_afile *pf = NULL, *of = NULL;
    FILE *out, *pred = NULL;
    struct kcb_eval_res r = {0};
    int rc = kcb_output_open(cmd, o->output, &of, &out);
    if (!rc && o->predictions)
        rc = kcb_output_open(cmd, o->predictions, &pf, &pred);
    if (!rc && kcb_eval_res_init(&r, cmd, o, p, pred))
        rc = kcb_fail(cmd, "out of memory");
    for (size_t s = 0; !rc && s < o->specs.n; s++) {
        int e = kcb_eval_res_score(&r, s);
        if (e)
            rc = kcb_lib_err(cmd, e, "%s", e == KCB_EIO ? o->predictions : "scoring");
    }
    if (o->predictions)
        rc = kcb_output_close(cmd, o->predictions, pf, rc);
    if (!rc)
        rc = kcb_eval_res_write(&r, out);
    kcb_eval_res_free(&r);
    return kcb_output_close(cmd, o->output, of, rc);
}
