/* Scaling-law fits with GSL: a straight line in log-log, and y = E + A x^-alpha by nonlinear least squares. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_vector.h>

#include "kcb/err.h"
#include "kcb/fit.h"
#include "fit_int.h"

const char *kcb_fit_status_str(enum kcb_fit_status s)
{
    switch (s) {
    case KCB_FIT_OK:
        return "fitted";
    case KCB_FIT_TOO_FEW:
        return "too few usable points (a line needs 2, a power law 4): not fitted";
    case KCB_FIT_DEGENERATE:
        return "degenerate data (constant y, or too few distinct x): not fitted";
    case KCB_FIT_NOT_DECREASING:
        return "y does not decrease with x: no power law with A > 0 and alpha > 0, not fitted";
    case KCB_FIT_NO_CONVERGENCE:
        return "the solver did not converge from any starting point (the best fit may lie at "
               "alpha -> 0, a logarithmic decline, or alpha -> infinity, a step): not fitted";
    }
    return "unknown fit status";
}

const char *kcb_fit_ident_str(enum kcb_fit_ident i)
{
    switch (i) {
    case KCB_FIT_IDENTIFIED:
        return "identified";
    case KCB_FIT_UNFITTED:
        return "not fitted";
    case KCB_FIT_FLOOR_IMPOSSIBLE:
        return "not identified: the floor E is below the least value y can take";
    case KCB_FIT_SE_UNKNOWN:
        return "not identified: no standard errors (singular covariance)";
    case KCB_FIT_SE_LARGE:
        return "not identified: a standard error is as large as its estimate";
    case KCB_FIT_CONFOUNDED:
        return "not identified: the N-term and the D-term cannot be separated (their "
               "parameters are correlated at |r| >= 0.99)";
    }
    return "unknown identification";
}

/* Whether v is a finite estimate with a finite standard error below its magnitude. */
int kcb_fit_pinned(double v, double se)
{
    return isfinite(v) && isfinite(se) && se < fabs(v);
}

enum kcb_fit_ident kcb_fit_power_identify(struct kcb_fit_power *f, double least)
{
    if (f->status != KCB_FIT_OK)
        f->ident = KCB_FIT_UNFITTED;
    else if (f->E < least)
        f->ident = KCB_FIT_FLOOR_IMPOSSIBLE;
    else if (!isfinite(f->E_se) || !isfinite(f->A_se) || !isfinite(f->alpha_se))
        f->ident = KCB_FIT_SE_UNKNOWN;
    else if (!kcb_fit_pinned(f->E, f->E_se) || !kcb_fit_pinned(f->A, f->A_se) ||
             !kcb_fit_pinned(f->alpha, f->alpha_se))
        f->ident = KCB_FIT_SE_LARGE;
    else
        f->ident = KCB_FIT_IDENTIFIED;
    return f->ident;
}

int kcb_fit_line_identified(const struct kcb_fit_line *f)
{
    return f->status == KCB_FIT_OK && kcb_fit_pinned(f->slope, f->slope_se);
}

/* GSL's default handler prints and aborts; the library reports errors as values instead. */
static void gsl_quiet_once(void)
{
    gsl_set_error_handler_off();
}

void kcb_fit_gsl_quiet(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, gsl_quiet_once);
}

static int all_equal(const double *v, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (v[i] != v[0])
            return 0;
    return 1;
}

/* ======================= the straight line in log-log ======================= */

static void line_unfitted(struct kcb_fit_line *out, size_t n_used, enum kcb_fit_status st)
{
    out->slope = out->intercept = (double)NAN;
    out->slope_se = out->intercept_se = out->r2 = (double)NAN;
    out->n_used = n_used;
    out->status = st;
}

/* Writes log10 of the points with finite x > 0 and y > 0 to lx, ly; returns how many. */
static size_t loglog_points(const double *x, const double *y, size_t n, double *lx, double *ly)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (isfinite(x[i]) && isfinite(y[i]) && x[i] > 0 && y[i] > 0) {
            lx[m] = log10(x[i]);
            ly[m] = log10(y[i]);
            m++;
        }
    }
    return m;
}

static enum kcb_fit_status line_check(const double *lx, const double *ly, size_t m)
{
    if (m < 2)
        return KCB_FIT_TOO_FEW;
    if (all_equal(lx, m) || all_equal(ly, m))
        return KCB_FIT_DEGENERATE;
    return KCB_FIT_OK;
}

/* gsl_fit_linear scales its covariance by sumsq / (m - 2): undefined for two points. */
static void line_fit(const double *lx, const double *ly, size_t m, struct kcb_fit_line *out)
{
    double c0, c1, cov00, cov01, cov11, sumsq;
    gsl_fit_linear(lx, 1, ly, 1, m, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);
    out->slope = c1;
    out->intercept = c0;
    out->slope_se = m > 2 ? sqrt(cov11) : (double)NAN;
    out->intercept_se = m > 2 ? sqrt(cov00) : (double)NAN;
    out->r2 = 1.0 - sumsq / gsl_stats_tss(ly, 1, m);
}

int kcb_fit_loglog(const double *x, const double *y, size_t n, struct kcb_fit_line *out)
{
    if (out)
        line_unfitted(out, 0, KCB_FIT_TOO_FEW);
    if (!x || !y || !out || n == 0)
        return KCB_EINVAL;
    kcb_fit_gsl_quiet();
    double *lx = malloc(2 * n * sizeof *lx);
    if (!lx)
        return KCB_ENOMEM;
    double *ly = lx + n;
    size_t m = loglog_points(x, y, n, lx, ly);
    enum kcb_fit_status st = line_check(lx, ly, m);
    line_unfitted(out, m, st);
    if (st == KCB_FIT_OK)
        line_fit(lx, ly, m, out);
    free(lx);
    return KCB_OK;
}

/* ===================== the power law above a floor ===================== */

/*
 * The solver works on normalised data and unconstrained parameters th = (e, lb, b):
 *     y / s = e + exp(lb) * (x / x0)^-exp(b),   u = ln(x / x0),  v = y / s,
 * with x0 the geometric mean of x and s = max |y|, so that every run sees numbers near 1.
 * alpha = exp(b) > 0 and B = exp(lb) > 0 hold by construction; E = s e, A = s B x0^alpha.
 */
#define NPAR 3
#define MAX_STARTS 6
#define MAX_ITER 500
#define XTOL 1e-12
#define GTOL 1e-12
#define FTOL 0.0
#define GRID 41         /* exponents tried by the profile start, log-spaced over 1e-3 .. 10 */
#define B_MAX 20.0      /* cap on b when evaluating: alpha <= e^20, keeps exp() finite */
#define ARG_MAX 700.0   /* cap on exp()'s argument */
#define PERFECT 1e-26   /* normalised RSS per point below which nothing is left to improve */

struct points {
    double *u, *v;   /* m normalised points */
    size_t *idx;     /* idx[i]: index of point i in the caller's arrays */
    double *work;    /* m doubles of scratch */
    size_t m;
    double lnx0, s;
};

struct run {
    double th[NPAR];
    double rss;      /* normalised: sum of squared residuals of v */
    int status;      /* what gsl_multifit_nlinear_driver returned */
    size_t iter;
};

static void points_free(struct points *p)
{
    free(p->u);
    free(p->v);
    free(p->idx);
    free(p->work);
}

/* Collects the points with finite x > 0 and finite y, normalised; returns 0 or KCB_ENOMEM. */
static int points_collect(const double *x, const double *y, size_t n, struct points *p)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        m += isfinite(x[i]) && isfinite(y[i]) && x[i] > 0;
    size_t cap = m ? m : 1;
    *p = (struct points){malloc(cap * sizeof(double)), malloc(cap * sizeof(double)),
                         malloc(cap * sizeof(size_t)), malloc(cap * sizeof(double)), m, 0, 0};
    if (!p->u || !p->v || !p->idx || !p->work) {
        points_free(p);
        return KCB_ENOMEM;
    }
    for (size_t i = 0, k = 0; i < n; i++) {
        if (isfinite(x[i]) && isfinite(y[i]) && x[i] > 0) {
            p->u[k] = log(x[i]);
            p->v[k] = y[i];
            p->idx[k++] = i;
            p->lnx0 += log(x[i]) / (double)m;
            p->s = fmax(p->s, fabs(y[i]));
        }
    }
    for (size_t k = 0; k < m; k++) {
        p->u[k] -= p->lnx0;
        p->v[k] = p->s > 0 ? p->v[k] / p->s : 0.0;
    }
    return KCB_OK;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

size_t kcb_fit_distinct(const double *v, size_t m, double *work)
{
    for (size_t i = 0; i < m; i++)
        work[i] = v[i];
    qsort(work, m, sizeof *work, cmp_double);
    size_t d = m > 0;
    for (size_t i = 1; i < m; i++)
        d += work[i] != work[i - 1];
    return d;
}

static enum kcb_fit_status points_check(const struct points *p)
{
    if (p->m < 4)
        return KCB_FIT_TOO_FEW;
    if (all_equal(p->v, p->m) || kcb_fit_distinct(p->u, p->m, p->work) < 3)
        return KCB_FIT_DEGENERATE;
    return KCB_FIT_OK;
}

/* alpha = exp(b), with b capped so that it stays finite. */
static double alpha_of(const double *th)
{
    return exp(fmin(th[2], B_MAX));
}

/* exp(lb) * exp(-alpha u), with its argument capped so that it stays finite. */
static double term(const double *th, double u)
{
    return exp(fmin(th[1] - alpha_of(th) * u, ARG_MAX));
}

static int model_f(const gsl_vector *th, void *data, gsl_vector *f)
{
    const struct points *p = data;
    const double t[NPAR] = {gsl_vector_get(th, 0), gsl_vector_get(th, 1), gsl_vector_get(th, 2)};
    for (size_t i = 0; i < p->m; i++)
        gsl_vector_set(f, i, t[0] + term(t, p->u[i]) - p->v[i]);
    return GSL_SUCCESS;
}

/* Fills J (m x 3) with the derivatives of the residuals at th (a plain array). */
static void jacobian(const struct points *p, const double *th, gsl_matrix *J)
{
    double alpha = alpha_of(th);
    for (size_t i = 0; i < p->m; i++) {
        double t = term(th, p->u[i]);
        gsl_matrix_set(J, i, 0, 1.0);
        gsl_matrix_set(J, i, 1, t);
        gsl_matrix_set(J, i, 2, -t * alpha * p->u[i]);
    }
}

static int model_df(const gsl_vector *th, void *data, gsl_matrix *J)
{
    const double t[NPAR] = {gsl_vector_get(th, 0), gsl_vector_get(th, 1), gsl_vector_get(th, 2)};
    jacobian(data, t, J);
    return GSL_SUCCESS;
}

/*
 * The profile start: for each alpha of a grid the model is linear in (e, B), solved exactly
 * by gsl_fit_linear on w = (x/x0)^-alpha; keeps the best with B > 0. Returns 0 when no alpha
 * gives B > 0, i.e. y does not decrease with x.
 */
static int profile_start(const struct points *p, double *th)
{
    double best = (double)INFINITY;
    for (int k = 0; k < GRID; k++) {
        double alpha = pow(10.0, -3.0 + 4.0 * k / (GRID - 1));
        for (size_t i = 0; i < p->m; i++)
            p->work[i] = exp(fmin(-alpha * p->u[i], ARG_MAX));
        double c0, c1, cov00, cov01, cov11, sumsq;
        gsl_fit_linear(p->work, 1, p->v, 1, p->m, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);
        if (c1 > 0 && isfinite(c0) && isfinite(c1) && sumsq < best) {
            best = sumsq;
            th[0] = c0;
            th[1] = log(c1);
            th[2] = log(alpha);
        }
    }
    return best < (double)INFINITY;
}

/*
 * The log-log start for a floor guess e0 below every v: the line through ln(v - e0) against
 * u gives -alpha (slope) and lb (intercept). Returns 0 when that slope is not negative.
 */
static int loglog_start(const struct points *p, double e0, double *th)
{
    for (size_t i = 0; i < p->m; i++)
        p->work[i] = log(p->v[i] - e0);
    double c0, c1, cov00, cov01, cov11, sumsq;
    gsl_fit_linear(p->u, 1, p->work, 1, p->m, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);
    if (!(c1 < 0) || !isfinite(c1) || !isfinite(c0))
        return 0;
    th[0] = e0;
    th[1] = c0;
    th[2] = log(-c1);
    return 1;
}

/*
 * Fills starts (up to MAX_STARTS): the profile start, then log-log starts with the floor
 * slightly, moderately and far below min y, and at 0 (a pure power law) when min y > 0.
 * Returns how many; 0 means y does not decrease with x.
 */
static size_t make_starts(const struct points *p, double starts[][NPAR])
{
    if (!profile_start(p, starts[0]))
        return 0;
    double lo = p->v[0], hi = p->v[0];
    for (size_t i = 1; i < p->m; i++) {
        lo = fmin(lo, p->v[i]);
        hi = fmax(hi, p->v[i]);
    }
    static const double below[] = {0.01, 0.1, 1.0};
    size_t ns = 1;
    for (size_t k = 0; k < sizeof below / sizeof below[0]; k++)
        ns += (size_t)loglog_start(p, lo - below[k] * (hi - lo), starts[ns]);
    if (lo > 0)
        ns += (size_t)loglog_start(p, 0.0, starts[ns]);
    return ns;
}

static void run_from(gsl_multifit_nlinear_workspace *w, gsl_multifit_nlinear_fdf *fdf,
                     const double *start, struct run *r)
{
    gsl_vector_const_view x0 = gsl_vector_const_view_array(start, NPAR);
    int info;
    r->rss = (double)INFINITY;
    r->iter = 0;
    r->status = gsl_multifit_nlinear_init(&x0.vector, fdf, w);
    if (r->status != GSL_SUCCESS)
        return;
    r->status = gsl_multifit_nlinear_driver(MAX_ITER, XTOL, GTOL, FTOL, NULL, NULL, &info, w);
    const gsl_vector *th = gsl_multifit_nlinear_position(w);
    for (size_t k = 0; k < NPAR; k++)
        r->th[k] = gsl_vector_get(th, k);
    gsl_blas_ddot(gsl_multifit_nlinear_residual(w), gsl_multifit_nlinear_residual(w), &r->rss);
    r->iter = gsl_multifit_nlinear_niter(w);
    if (!isfinite(r->rss) || !isfinite(r->th[0]) || !isfinite(r->th[1]) || !isfinite(r->th[2]))
        r->rss = (double)INFINITY;
}

/* Whether the solver stopped at a minimum; a perfect fit counts even if no step was taken. */
int kcb_fit_converged(double rss, int status, size_t m)
{
    return isfinite(rss) && (status == GSL_SUCCESS || rss <= PERFECT * (double)m);
}

static int converged(const struct run *r, size_t m)
{
    return kcb_fit_converged(r->rss, r->status, m);
}

/* Whether run a is to be kept over run b: converged first, then the lower RSS. */
static int better(const struct run *a, const struct run *b, size_t m)
{
    int ca = converged(a, m), cb = converged(b, m);
    if (ca != cb)
        return ca;
    return a->rss < b->rss;
}

/* Runs the solver from every start and keeps the best run in *best. Returns 0 or KCB_ENOMEM. */
static int run_all(struct points *p, double starts[][NPAR], size_t ns, struct run *best)
{
    gsl_multifit_nlinear_fdf fdf = {.f = model_f, .df = model_df, .fvv = NULL,
                                    .n = p->m, .p = NPAR, .params = p};
    gsl_multifit_nlinear_parameters par = gsl_multifit_nlinear_default_parameters();
    gsl_multifit_nlinear_workspace *w =
        gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &par, p->m, NPAR);
    if (!w)
        return KCB_ENOMEM;
    best->rss = (double)INFINITY;
    best->status = GSL_FAILURE;
    best->iter = 0;
    for (size_t k = 0; k < ns; k++) {
        struct run r;
        run_from(w, &fdf, starts[k], &r);
        if (k == 0 || better(&r, best, p->m))
            *best = r;
    }
    gsl_multifit_nlinear_free(w);
    return KCB_OK;
}

static void power_unfitted(struct kcb_fit_power *out, size_t n_used, enum kcb_fit_status st)
{
    out->E = out->A = out->alpha = (double)NAN;
    out->E_se = out->A_se = out->alpha_se = (double)NAN;
    out->rss = out->r2 = (double)NAN;
    out->n_used = n_used;
    out->iterations = 0;
    out->status = st;
    out->ident = KCB_FIT_UNFITTED;
}

static double se_of(double var)
{
    return isfinite(var) && var >= 0 ? sqrt(var) : (double)NAN;
}

/*
 * Standard errors of E, A, alpha: C = (J^T J)^-1 at th, times chi²/dof, carried from
 * (e, lb, b) by the delta method with dE = s de, dA/A = dlb + alpha ln x0 db, dalpha = alpha db.
 * A singular C (a column GSL found dependent comes back zero) gives NaN. Returns 0 or KCB_ENOMEM.
 */
static int power_se(const struct points *p, const struct run *r, struct kcb_fit_power *out)
{
    gsl_matrix *J = gsl_matrix_alloc(p->m, NPAR), *C = gsl_matrix_alloc(NPAR, NPAR);
    int rc = J && C ? KCB_OK : KCB_ENOMEM;
    if (rc == KCB_OK) {
        jacobian(p, r->th, J);
        gsl_multifit_nlinear_covar(J, 0.0, C);
        double c00 = gsl_matrix_get(C, 0, 0), c11 = gsl_matrix_get(C, 1, 1);
        double c22 = gsl_matrix_get(C, 2, 2), c12 = gsl_matrix_get(C, 1, 2);
        double s2 = r->rss / (double)(p->m - NPAR), k = out->alpha * p->lnx0;
        int singular = !(c00 > 0 && c11 > 0 && c22 > 0);
        out->E_se = singular ? (double)NAN : se_of(p->s * p->s * c00 * s2);
        out->A_se = singular ? (double)NAN
                             : out->A * se_of((c11 + 2 * k * c12 + k * k * c22) * s2);
        out->alpha_se = singular ? (double)NAN : out->alpha * se_of(c22 * s2);
    }
    gsl_matrix_free(J);
    gsl_matrix_free(C);
    return rc;
}

/*
 * Sets the parameters, residuals (original units), RSS and R² of run r. Returns 0, or 1 when
 * E or A cannot be represented (x0^alpha overflows), in which case nothing is set.
 */
static int power_set(const struct points *p, const struct run *r, struct kcb_fit_power *out,
                     double *resid)
{
    double alpha = alpha_of(r->th);
    double E = p->s * r->th[0], A = p->s * exp(r->th[1] + alpha * p->lnx0);
    if (!isfinite(E) || !isfinite(A) || !isfinite(alpha) || alpha <= 0 || A <= 0)
        return 1;
    double rss = 0, mean = 0, tss = 0;
    for (size_t i = 0; i < p->m; i++)
        mean += p->v[i] * p->s / (double)p->m;
    for (size_t i = 0; i < p->m; i++) {
        double y = p->v[i] * p->s, e = y - p->s * (r->th[0] + term(r->th, p->u[i]));
        if (resid)
            resid[p->idx[i]] = e;
        rss += e * e;
        tss += (y - mean) * (y - mean);
    }
    *out = (struct kcb_fit_power){E, A, alpha, (double)NAN, (double)NAN, (double)NAN,
                                  rss, 1.0 - rss / tss, p->m, r->iter, KCB_FIT_OK,
                                  KCB_FIT_UNFITTED};
    return 0;
}

/* Fits checked points; sets *out (and resid) or leaves them not fitted. Returns 0 or kcb_err. */
static int power_fit(struct points *p, struct kcb_fit_power *out, double *resid)
{
    double starts[MAX_STARTS][NPAR];
    size_t ns = make_starts(p, starts);
    if (ns == 0) {
        out->status = KCB_FIT_NOT_DECREASING;
        return KCB_OK;
    }
    struct run best;
    int rc = run_all(p, starts, ns, &best);
    if (rc != KCB_OK)
        return rc;
    if (!converged(&best, p->m) || power_set(p, &best, out, resid) != 0) {
        out->status = KCB_FIT_NO_CONVERGENCE;
        return KCB_OK;
    }
    rc = power_se(p, &best, out);
    kcb_fit_power_identify(out, -(double)INFINITY);
    return rc;
}

/* Marks out not fitted and every residual NaN, as after an error. */
static void power_reset(struct kcb_fit_power *out, double *resid, size_t n)
{
    if (out)
        power_unfitted(out, 0, KCB_FIT_TOO_FEW);
    for (size_t i = 0; resid && i < n; i++)
        resid[i] = (double)NAN;
}

int kcb_fit_power_const(const double *x, const double *y, size_t n, struct kcb_fit_power *out,
                        double *resid)
{
    power_reset(out, resid, n);
    if (!x || !y || !out || n == 0)
        return KCB_EINVAL;
    kcb_fit_gsl_quiet();
    struct points p;
    int rc = points_collect(x, y, n, &p);
    if (rc != KCB_OK)
        return rc;
    enum kcb_fit_status st = points_check(&p);
    power_unfitted(out, p.m, st);
    if (st == KCB_FIT_OK)
        rc = power_fit(&p, out, resid);
    if (rc != KCB_OK)
        power_reset(out, resid, n);
    points_free(&p);
    return rc;
}
