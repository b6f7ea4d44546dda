/* kcbench probe scaling: the cost of new data and kNN learning curves, each fitted two ways. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "kcb/curve.h"
#include "kcb/err.h"
#include "columns.h"
#include "cmd_probe.h"
#include "output.h"

/* Fits the first n_fit points; the others keep a NaN residual. Loss and error are >= 0. */
static void fit_curve(struct curve *c)
{
    for (size_t i = c->n_fit; i < c->n; i++)
        c->resid[i] = (double)NAN;
    if (c->n_fit == 0) {
        kcb_fit_loglog(c->x, c->y, 0, &c->line); /* marks both not fitted */
        kcb_fit_power_const(c->x, c->y, 0, &c->pow, NULL);
        return;
    }
    kcb_fit_loglog(c->x, c->y, c->n_fit, &c->line);
    kcb_fit_power_const(c->x, c->y, c->n_fit, &c->pow, c->resid);
    kcb_fit_power_identify(&c->pow, 0.0);
}

static int bytes_curves(const struct probe_opts *o, const struct kcb_input *c, struct curve *cv)
{
    const char *cmd = o->cmd->name;
    struct kcb_scaling_setup setup = {o->design, (size_t)o->from, (size_t)o->chunk,
                                      (size_t)o->chunks, (size_t)o->points, (size_t)o->com.threads};
    for (size_t s = 0; s < o->com.specs.n; s++) {
        const struct kcb_spec *sp = &o->com.specs.v[s];
        struct kcb_scaling_point pt[PROBE_MAXPTS];
        size_t cnt;
        kcb_spec_str(sp, cv[s].name, sizeof cv[s].name);
        int e = kcb_scaling_bytes(sp, c->data, c->n, &setup, pt, PROBE_MAXPTS, &cnt);
        if (e == KCB_EINVAL)
            return kcb_io_err(cmd, "%s: %zu bytes is too short for --from %ld and %ld chunks of "
                              "%ld bytes", c->name, c->n, o->from, o->chunks, o->chunk);
        if (e)
            return kcb_lib_err(cmd, e, "%s", cv[s].name);
        cv[s].n = cnt;
        cv[s].window = sp->codec->window(sp->level);
        for (size_t i = 0; i < cnt; i++) {
            cv[s].x[i] = (double)pt[i].seen;
            cv[s].y[i] = pt[i].bpb;
            cv[s].sd[i] = pt[i].bpb_sd;
            cv[s].n_fit += pt[i].in_window; /* in the window: a first run of the grid */
        }
        fit_curve(&cv[s]);
    }
    return KCB_EXIT_OK;
}

static int knn_curve(const struct probe_opts *o, const struct kcb_dataset *tr,
                     const struct kcb_dataset *te, const size_t *sizes, size_t m,
                     struct curve *c, const struct kcb_spec *spec)
{
    struct kcb_learning_point lp[PROBE_MAXPTS];
    struct kcb_knn_setup setup = {spec, KCB_DIST_NCD, " ", 1, (size_t)o->k, KCB_RULE_VOTE,
                                  (size_t)o->com.threads, KCB_METHOD_EXACT, 1};
    kcb_spec_str(spec, c->name, sizeof c->name);
    int e = kcb_learning_curve(&setup, tr, te, sizes, m, (size_t)o->reps, 1, lp);
    if (e)
        return kcb_lib_err(o->cmd->name, e, "%s", c->name);
    c->n = c->n_fit = m;
    for (size_t i = 0; i < m; i++) {
        c->x[i] = (double)lp[i].ntrain;
        c->y[i] = lp[i].err_mean;
        c->sd[i] = lp[i].err_sd;
    }
    fit_curve(c);
    return KCB_EXIT_OK;
}

static int knn_curves(const struct probe_opts *o, struct curve *cv)
{
    struct kcb_labels *labels = NULL;
    struct kcb_dataset *tr = NULL, *te = NULL;
    size_t sizes[PROBE_MAXPTS], m = 0;
    int rc = kcb_load_split(o->cmd->name, "--labelled", o->labelled, &o->data,
                            (size_t)o->test_sample, &labels, &tr, &te);
    if (!rc && tr->n <= (labels->n > 8 ? labels->n : 8))
        rc = kcb_io_err(o->cmd->name, "%s: too few training texts for a curve", o->labelled);
    if (!rc)
        m = kcb_learning_grid(tr->n, labels->n, (size_t)o->points, sizes);
    for (size_t s = 0; !rc && s < o->com.specs.n; s++)
        rc = knn_curve(o, tr, te, sizes, m, &cv[s], &o->com.specs.v[s]);
    kcb_dataset_free(tr);
    kcb_dataset_free(te);
    kcb_labels_free(labels);
    return rc;
}

/* ---- the points, each with the fits of its curve ---- */

struct curves {
    const struct curve *cv;
    size_t n;
    const char *design; /* "heldout" or "next"; NULL for kNN curves */
    char slope[64], e[64], a[64], alpha[64], used[64]; /* the texts of the fit row */
};

static double fitted(const struct kcb_fit_power *p, double x)
{
    return p->status == KCB_FIT_OK ? p->E + p->A * pow(x, -p->alpha) : (double)NAN;
}

/* Row r: the r-th point over all curves, in order, with its curve's fits. */
static int point_row(void *arg, size_t r, struct kcb_cell *c)
{
    const struct curves *w = arg;
    const struct curve *cv = w->cv;
    while (r >= cv->n)
        r -= cv++->n;
    const struct kcb_fit_line *l = &cv->line;
    const struct kcb_fit_power *p = &cv->pow;
    c[POINT_COMPRESSOR] = kcb_cell_text(cv->name);
    c[POINT_X] = kcb_cell_real(cv->x[r]);
    c[POINT_Y] = kcb_cell_real(cv->y[r]);
    c[POINT_SD] = kcb_cell_real(cv->sd[r]);
    c[POINT_FITTED] = kcb_cell_real(r < cv->n_fit ? fitted(p, cv->x[r]) : (double)NAN);
    c[POINT_RESIDUAL] = kcb_cell_real(cv->resid[r]);
    c[POINT_LINE_STATUS] = kcb_cell_text(kcb_fit_status_str(l->status));
    c[POINT_SLOPE] = kcb_cell_real(l->slope);
    c[POINT_SLOPE_SE] = kcb_cell_real(l->slope_se);
    c[POINT_LINE_R2] = kcb_cell_real(l->r2);
    c[POINT_POWER_STATUS] = kcb_cell_text(kcb_fit_status_str(p->status));
    c[POINT_E] = kcb_cell_real(p->E);
    c[POINT_E_SE] = kcb_cell_real(p->E_se);
    c[POINT_A] = kcb_cell_real(p->A);
    c[POINT_A_SE] = kcb_cell_real(p->A_se);
    c[POINT_ALPHA] = kcb_cell_real(p->alpha);
    c[POINT_ALPHA_SE] = kcb_cell_real(p->alpha_se);
    c[POINT_POWER_R2] = kcb_cell_real(p->r2);
    c[POINT_IN_FIT] = kcb_cell_bool(r < cv->n_fit);
    c[POINT_DESIGN] = w->design ? kcb_cell_text(w->design) : kcb_cell_null();
    c[POINT_WINDOW] = w->design ? kcb_cell_uint(cv->window) : kcb_cell_null();
    c[POINT_LINE_IDENTIFIED] = kcb_cell_bool(kcb_fit_line_identified(l));
    c[POINT_POWER_IDENTIFIED] = kcb_cell_bool(p->ident == KCB_FIT_IDENTIFIED);
    c[POINT_POWER_IDENT] = kcb_cell_text(kcb_fit_ident_str(p->ident));
    return KCB_OK;
}

/* ---- the fits, for people: a table of their own ---- */

/* The fits of curve i, as "value ± standard error" texts. */
static int fit_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct curves *w = arg;
    char *slope = w->slope, *e = w->e, *a = w->a, *alpha = w->alpha;
    const struct kcb_fit_line *l = &w->cv[i].line;
    const struct kcb_fit_power *p = &w->cv[i].pow;
    int lok = l->status == KCB_FIT_OK, pok = p->status == KCB_FIT_OK;
    snprintf(slope, sizeof w->slope, !lok ? "-" : isfinite(l->slope_se) ? "%.4f ± %.4f"
                                                                     : "%.4f (2 points)",
             l->slope, l->slope_se); /* two points: a line through them, no error */
    snprintf(e, sizeof w->e, pok ? "%.4f ± %.4f" : "-", p->E, p->E_se);
    snprintf(a, sizeof w->a, pok ? "%.4g ± %.2g" : "-", p->A, p->A_se);
    snprintf(alpha, sizeof w->alpha, pok ? "%.4f ± %.4f" : "-", p->alpha, p->alpha_se);
    c[FIT_COMPRESSOR] = kcb_cell_text(w->cv[i].name);
    c[FIT_SLOPE] = kcb_cell_text(slope);
    c[FIT_LINE_R2] = lok ? kcb_cell_real(l->r2) : kcb_cell_null();
    c[FIT_E] = kcb_cell_text(e);
    c[FIT_A] = kcb_cell_text(a);
    c[FIT_ALPHA] = kcb_cell_text(alpha);
    c[FIT_POWER_R2] = pok ? kcb_cell_real(p->r2) : kcb_cell_null();
    snprintf(w->used, sizeof w->used, "%zu of %zu", w->cv[i].n_fit, w->cv[i].n);
    c[FIT_POINTS] = kcb_cell_text(w->used);
    c[FIT_NOTE] = kcb_cell_text(!lok ? kcb_fit_status_str(l->status)
                                : !pok ? kcb_fit_status_str(p->status)
                                : p->ident != KCB_FIT_IDENTIFIED ? kcb_fit_ident_str(p->ident)
                                                                 : "");
    return KCB_OK;
}

/* The title of the points table, for people: what was scored after what. */
static void points_title(const struct probe_opts *o, int bytes, char *t, size_t size)
{
    if (!bytes)
        snprintf(t, size, "kNN error (k=%ld, vote) of the test set against training texts",
                 o->k);
    else if (o->design == KCB_SCALING_HELDOUT)
        snprintf(t, size, "bits per byte of a held-out block (the last %ld x %ld bytes) after "
                 "the n bytes just before it; fit no: n past the codec's window, not fitted",
                 o->chunks, o->chunk);
    else
        snprintf(t, size, "bits per byte of the %ld chunks of %ld bytes after the first n "
                 "bytes; fit no: n past the codec's window, not fitted", o->chunks, o->chunk);
}

/* Writes the points and, for people, the fits: 0 or kcb_err. */
static int write_curves(const struct probe_opts *o, struct kcb_out *out, const struct curve *cv,
                        int bytes)
{
    struct kcb_col cols[POINT_NCOLS];
    size_t n = o->com.specs.n;
    struct curves w = {.cv = cv, .n = n,
                       .design = bytes ? kcb_scaling_design_str(o->design) : NULL};
    size_t rows = 0;
    char title[256];
    for (size_t s = 0; s < n; s++)
        rows += cv[s].n;
    memcpy(cols, kcb_point_cols, sizeof cols);
    cols[POINT_X].name = bytes ? "bytes_seen" : "n_train";
    cols[POINT_Y].name = bytes ? "bits_per_byte" : "knn_error";
    points_title(o, bytes, title, sizeof title);
    int rc = kcb_table_write(out, cols, POINT_NCOLS, title, rows, point_row, &w);
    if (!rc && kcb_format_human(out->f))
        rc = kcb_table_write(out, kcb_fit_cols, FIT_NCOLS,
                             "fits: log10 y = slope log10 x + b, and y = E + A x^-alpha "
                             "(± standard errors; identified: E >= 0 and every standard error "
                             "below its estimate)", n, fit_row, &w);
    return rc;
}

int kcb_probe_scaling(const struct probe_opts *o, const struct kcb_input *c, struct kcb_out *out)
{
    int bytes = !o->labelled;
    struct curve *cv = calloc(o->com.specs.n, sizeof *cv);
    int rc = !cv ? kcb_fail(o->cmd->name, "out of memory")
             : bytes ? bytes_curves(o, c, cv) : knn_curves(o, cv);
    int e = rc ? KCB_OK : write_curves(o, out, cv, bytes);
    if (e)
        rc = kcb_lib_err(o->cmd->name, e, "%s", kcb_output_name(o->com.output));
    out->whole = !rc;
    if (!rc && o->svg) {
        char title[256];
        if (!bytes)
            snprintf(title, sizeof title, "kNN error (k=%ld) against training-set size: %s",
                     o->k, o->labelled);
        else
            snprintf(title, sizeof title, o->design == KCB_SCALING_HELDOUT
                     ? "cost of a fixed held-out block (the last %ld x %ld bytes) given n bytes: %s"
                     : "cost of the %ld chunks of %ld bytes after the first n bytes: %s",
                     o->chunks, o->chunk, c->name);
        rc = kcb_fig_curves(o, cv, title, bytes ? "n, bytes of text seen" : "training texts",
                            bytes ? "bits per byte of the scored text" : "error (1 - accuracy)");
    }
    free(cv);
    return rc;
}
