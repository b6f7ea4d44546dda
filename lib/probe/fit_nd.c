/* The two-dimensional scaling law L(N, D) = E + A N^-alpha + B D^-beta by nonlinear least squares (GSL). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_multifit_nlinear.h>
#include <gsl/gsl_vector.h>

#include "kcb/err.h"
#include "kcb/fit.h"
#include "fit_int.h"

/*
 * As in the one-dimensional fit (fit.c), the solver works on normalised data and
 * unconstrained parameters th = (e, la, a, lb, b):
 *     y / s = e + exp(la - exp(a) u) + exp(lb - exp(b) w),  u = ln(N / N0),  w = ln(D / D0),
 * with N0 and D0 the geometric means and s = max |y|. alpha = exp(a), beta = exp(b), and the
 * amplitudes are positive by construction; E = s e, A = s exp(la + alpha ln N0), B likewise.
 */
#define NP 5
#define GRID 25         /* exponents per axis tried by the profile start, 1e-3 .. 10 */
#define MAX_STARTS 5    /* the best grid point, and the best of each quarter of the grid */
#define MAX_ITER 1000
#define XTOL 1e-12
#define GTOL 1e-12
#define EXP_MAX 20.0    /* cap on a and b when evaluating: exponents <= e^20 */
#define ARG_MAX 700.0   /* cap on exp()'s argument */

struct pts {
    double *u, *w, *v, *work; /* m normalised points, and m doubles of scratch */
    size_t *idx;              /* idx[i]: index of point i in the caller's arrays */
    size_t m;
    double ln0[2], s;         /* ln N0, ln D0, the scale of y */
};

struct run {
    double th[NP];
    double rss;
    int status;
    size_t iter;
};

static void pts_free(struct pts *p)
{
    free(p->u);
    free(p->w);
    free(p->v);
    free(p->work);
    free(p->idx);
}

static int usable(double N, double D, double y)
{
    return isfinite(N) && isfinite(D) && isfinite(y) && N > 0 && D > 0;
}

/* Collects the usable points, normalised: 0 or KCB_ENOMEM. */
static int pts_collect(const double *N, const double *D, const double *y, size_t n,
                       struct pts *p)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        m += (size_t)usable(N[i], D[i], y[i]);
    size_t cap = m ? m : 1;
    *p = (struct pts){malloc(cap * sizeof(double)), malloc(cap * sizeof(double)),
                      malloc(cap * sizeof(double)), malloc(cap * sizeof(double)),
                      malloc(cap * sizeof(size_t)), m, {0, 0}, 0};
    if (!p->u || !p->w || !p->v || !p->work || !p->idx) {
        pts_free(p);
        return KCB_ENOMEM;
    }
    for (size_t i = 0, k = 0; i < n; i++) {
        if (!usable(N[i], D[i], y[i]))
            continue;
        p->u[k] = log(N[i]);
        p->w[k] = log(D[i]);
        p->v[k] = y[i];
        p->idx[k++] = i;
        p->ln0[0] += log(N[i]) / (double)m;
        p->ln0[1] += log(D[i]) / (double)m;
        p->s = fmax(p->s, fabs(y[i]));
    }
    for (size_t k = 0; k < m; k++) {
        p->u[k] -= p->ln0[0];
        p->w[k] -= p->ln0[1];
        p->v[k] = p->s > 0 ? p->v[k] / p->s : 0.0;
    }
    return KCB_OK;
}

static enum kcb_fit_status pts_check(const struct pts *p)
{
    if (p->m < NP + 1)
        return KCB_FIT_TOO_FEW;
    if (kcb_fit_distinct(p->v, p->m, p->work) < 2 ||
        kcb_fit_distinct(p->u, p->m, p->work) < 3 || kcb_fit_distinct(p->w, p->m, p->work) < 3)
        return KCB_FIT_DEGENERATE;
    return KCB_FIT_OK;
}

/* The N-term (k = 0) or the D-term (k = 1) at a point: exp(l - exp(x) t), capped. */
static double term(const double *th, int k, double t)
{
    double expo = exp(fmin(th[2 + 2 * k], EXP_MAX));
    return exp(fmin(th[1 + 2 * k] - expo * t, ARG_MAX));
}

static void get_th(const gsl_vector *v, double *th)
{
    for (size_t k = 0; k < NP; k++)
        th[k] = gsl_vector_get(v, k);
}

static int model_f(const gsl_vector *x, void *data, gsl_vector *f)
{
    const struct pts *p = data;
    double th[NP];
    get_th(x, th);
    for (size_t i = 0; i < p->m; i++)
        gsl_vector_set(f, i, th[0] + term(th, 0, p->u[i]) + term(th, 1, p->w[i]) - p->v[i]);
    return GSL_SUCCESS;
}

/* Fills J (m x 5) with the derivatives of the residuals at th. */
static void jacobian(const struct pts *p, const double *th, gsl_matrix *J)
{
    double alpha = exp(fmin(th[2], EXP_MAX)), beta = exp(fmin(th[4], EXP_MAX));
    for (size_t i = 0; i < p->m; i++) {
        double ta = term(th, 0, p->u[i]), tb = term(th, 1, p->w[i]);
        gsl_matrix_set(J, i, 0, 1.0);
        gsl_matrix_set(J, i, 1, ta);
        gsl_matrix_set(J, i, 2, -ta * alpha * p->u[i]);
        gsl_matrix_set(J, i, 3, tb);
        gsl_matrix_set(J, i, 4, -tb * beta * p->w[i]);
    }
}

static int model_df(const gsl_vector *x, void *data, gsl_matrix *J)
{
    double th[NP];
    get_th(x, th);
    jacobian(data, th, J);
    return GSL_SUCCESS;
}

/* The exponent of grid step k: log-spaced over 1e-3 .. 10. */
static double grid_exp(int k)
{
    return pow(10.0, -3.0 + 4.0 * k / (GRID - 1));
}

/* Solves (e, A', B') for the exponents of grid cell (i, j) by linear least squares; returns
 * its RSS and sets th, or INFINITY when A' or B' is not positive. */
static double profile_cell(const struct pts *p, int i, int j, gsl_matrix *X, gsl_vector *c,
                           gsl_matrix *cov, gsl_multifit_linear_workspace *lw, double *th)
{
    double alpha = grid_exp(i), beta = grid_exp(j), chisq;
    for (size_t r = 0; r < p->m; r++) {
        gsl_matrix_set(X, r, 0, 1.0);
        gsl_matrix_set(X, r, 1, exp(fmin(-alpha * p->u[r], ARG_MAX)));
        gsl_matrix_set(X, r, 2, exp(fmin(-beta * p->w[r], ARG_MAX)));
    }
    gsl_vector_const_view v = gsl_vector_const_view_array(p->v, p->m);
    if (gsl_multifit_linear(X, &v.vector, c, cov, &chisq, lw) != GSL_SUCCESS)
        return (double)INFINITY;
    double e = gsl_vector_get(c, 0), a = gsl_vector_get(c, 1), b = gsl_vector_get(c, 2);
    if (!(a > 0) || !(b > 0) || !isfinite(e) || !isfinite(a) || !isfinite(b) ||
        !isfinite(chisq))
        return (double)INFINITY;
    th[0] = e;
    th[1] = log(a);
    th[2] = log(alpha);
    th[3] = log(b);
    th[4] = log(beta);
    return chisq;
}

/*
 * Fills starts: the best cell of the (alpha, beta) grid, then the best of each quarter of
 * it (alpha and beta each below or above the grid's middle) when that differs. Returns how
 * many (0: no cell has A' > 0 and B' > 0), or -1 when out of memory.
 */
static int make_starts(const struct pts *p, double starts[][NP])
{
    gsl_matrix *X = gsl_matrix_alloc(p->m, 3), *cov = gsl_matrix_alloc(3, 3);
    gsl_vector *c = gsl_vector_alloc(3);
    gsl_multifit_linear_workspace *lw = gsl_multifit_linear_alloc(p->m, 3);
    double best[MAX_STARTS], th[NP], cand[MAX_STARTS][NP];
    int ns = -1;
    for (int q = 0; q < MAX_STARTS; q++)
        best[q] = (double)INFINITY;
    for (int i = 0; X && cov && c && lw && i < GRID; i++)
        for (int j = 0; j < GRID; j++) {
            double rss = profile_cell(p, i, j, X, c, cov, lw, th);
            int slots[2] = {0, 1 + (i >= GRID / 2) + 2 * (j >= GRID / 2)};
            for (int k = 0; k < 2; k++)
                if (rss < best[slots[k]]) {
                    best[slots[k]] = rss;
                    memcpy(cand[slots[k]], th, sizeof th);
                }
        }
    if (X && cov && c && lw) {
        ns = 0;
        for (int q = 0; q < MAX_STARTS; q++)
            if (best[q] < (double)INFINITY && (q == 0 || best[q] > best[0]))
                memcpy(starts[ns++], cand[q], sizeof cand[q]);
    }
    gsl_matrix_free(X);
    gsl_matrix_free(cov);
    gsl_vector_free(c);
    gsl_multifit_linear_free(lw);
    return ns;
}

static void run_from(gsl_multifit_nlinear_workspace *w, gsl_multifit_nlinear_fdf *fdf,
                     const double *start, struct run *r)
{
    gsl_vector_const_view x0 = gsl_vector_const_view_array(start, NP);
    int info;
    r->rss = (double)INFINITY;
    r->iter = 0;
    r->status = gsl_multifit_nlinear_init(&x0.vector, fdf, w);
    if (r->status != GSL_SUCCESS)
        return;
    r->status = gsl_multifit_nlinear_driver(MAX_ITER, XTOL, GTOL, 0.0, NULL, NULL, &info, w);
    get_th(gsl_multifit_nlinear_position(w), r->th);
    gsl_blas_ddot(gsl_multifit_nlinear_residual(w), gsl_multifit_nlinear_residual(w), &r->rss);
    r->iter = gsl_multifit_nlinear_niter(w);
    for (size_t k = 0; k < NP; k++)
        if (!isfinite(r->th[k]))
            r->rss = (double)INFINITY;
    if (!isfinite(r->rss))
        r->rss = (double)INFINITY;
}

static int converged(const struct run *r, size_t m)
{
    return kcb_fit_converged(r->rss, r->status, m);
}

/* Runs the solver from every start; keeps the converged run of least RSS. 0 or KCB_ENOMEM. */
static int run_all(struct pts *p, double starts[][NP], int ns, struct run *best)
{
    gsl_multifit_nlinear_fdf fdf = {.f = model_f, .df = model_df, .fvv = NULL,
                                    .n = p->m, .p = NP, .params = p};
    gsl_multifit_nlinear_parameters par = gsl_multifit_nlinear_default_parameters();
    gsl_multifit_nlinear_workspace *w =
        gsl_multifit_nlinear_alloc(gsl_multifit_nlinear_trust, &par, p->m, NP);
    if (!w)
        return KCB_ENOMEM;
    for (int k = 0; k < ns; k++) {
        struct run r;
        run_from(w, &fdf, starts[k], &r);
        int cr = converged(&r, p->m), cb = k ? converged(best, p->m) : 0;
        if (k == 0 || (cr && !cb) || (cr == cb && r.rss < best->rss))
            *best = r;
    }
    gsl_multifit_nlinear_free(w);
    return KCB_OK;
}

static void nd_unfitted(struct kcb_fit_nd *out, size_t n_used, enum kcb_fit_status st)
{
    double nan = (double)NAN;
    *out = (struct kcb_fit_nd){nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan,
                               n_used, 0, st, KCB_FIT_UNFITTED, 0, 0};
}

/* Sets the parameters, residuals, RSS and R² of r: 0, or 1 when they cannot be represented. */
static int nd_set(const struct pts *p, const struct run *r, struct kcb_fit_nd *out,
                  double *resid)
{
    double alpha = exp(fmin(r->th[2], EXP_MAX)), beta = exp(fmin(r->th[4], EXP_MAX));
    double A = p->s * exp(r->th[1] + alpha * p->ln0[0]);
    double B = p->s * exp(r->th[3] + beta * p->ln0[1]), E = p->s * r->th[0];
    if (!isfinite(E) || !isfinite(A) || !isfinite(B) || !(A > 0) || !(B > 0))
        return 1;
    double rss = 0, mean = 0, tss = 0;
    for (size_t i = 0; i < p->m; i++)
        mean += p->v[i] * p->s / (double)p->m;
    for (size_t i = 0; i < p->m; i++) {
        double y = p->v[i] * p->s;
        double e = y - p->s * (r->th[0] + term(r->th, 0, p->u[i]) + term(r->th, 1, p->w[i]));
        if (resid)
            resid[p->idx[i]] = e;
        rss += e * e;
        tss += (y - mean) * (y - mean);
    }
    nd_unfitted(out, p->m, KCB_FIT_OK);
    out->E = E;
    out->A = A;
    out->alpha = alpha;
    out->B = B;
    out->beta = beta;
    out->rss = rss;
    out->r2 = tss > 0 ? 1.0 - rss / tss : (double)NAN;
    out->iterations = r->iter;
    return 0;
}

/*
 * Standard errors and the correlation of the terms: C = (J^T J)^-1 at th times chi²/dof,
 * carried to (E, A, alpha, B, beta) by the delta method, S = G C G^T with G the Jacobian of
 * the map from th (dE = s de; dA = A (dla + alpha ln N0 da); dalpha = alpha da; B, beta
 * likewise). A singular C (a zero on its diagonal) leaves them NaN. 0 or KCB_ENOMEM.
 */
static int nd_se(const struct pts *p, const struct run *r, struct kcb_fit_nd *out)
{
    gsl_matrix *J = gsl_matrix_alloc(p->m, NP), *C = gsl_matrix_alloc(NP, NP);
    int rc = J && C ? KCB_OK : KCB_ENOMEM;
    if (rc == KCB_OK) {
        jacobian(p, r->th, J);
        gsl_multifit_nlinear_covar(J, 0.0, C);
        double G[NP][NP] = {{p->s}}, S[NP][NP], s2 = r->rss / (double)(p->m - NP);
        G[1][1] = out->A, G[1][2] = out->A * out->alpha * p->ln0[0], G[2][2] = out->alpha;
        G[3][3] = out->B, G[3][4] = out->B * out->beta * p->ln0[1], G[4][4] = out->beta;
        int singular = 0;
        for (size_t k = 0; k < NP; k++)
            singular |= !(gsl_matrix_get(C, k, k) > 0);
        for (size_t i = 0; i < NP; i++)
            for (size_t j = 0; j < NP; j++) {
                double sum = 0;
                for (size_t k = 0; k < NP; k++)
                    for (size_t l = 0; l < NP; l++)
                        sum += G[i][k] * gsl_matrix_get(C, k, l) * G[j][l];
                S[i][j] = sum * s2;
            }
        double *se[NP] = {&out->E_se, &out->A_se, &out->alpha_se, &out->B_se, &out->beta_se};
        for (size_t k = 0; k < NP; k++)
            *se[k] = !singular && S[k][k] >= 0 && isfinite(S[k][k]) ? sqrt(S[k][k])
                                                                    : (double)NAN;
        out->r_terms = singular ? (double)NAN : 0.0;
        for (size_t i = 1; !singular && i <= 2; i++)
            for (size_t j = 3; j <= 4; j++)
                out->r_terms = fmax(out->r_terms, fabs(S[i][j]) / sqrt(S[i][i] * S[j][j]));
    }
    gsl_matrix_free(J);
    gsl_matrix_free(C);
    return rc;
}

static int nd_fit(struct pts *p, struct kcb_fit_nd *out, double *resid)
{
    double starts[MAX_STARTS][NP];
    int ns = make_starts(p, starts);
    if (ns < 0)
        return KCB_ENOMEM;
    if (ns == 0) {
        out->status = KCB_FIT_NOT_DECREASING;
        return KCB_OK;
    }
    struct run best;
    int rc = run_all(p, starts, ns, &best);
    if (rc != KCB_OK)
        return rc;
    if (!converged(&best, p->m) || nd_set(p, &best, out, resid) != 0) {
        out->status = KCB_FIT_NO_CONVERGENCE;
        return KCB_OK;
    }
    rc = nd_se(p, &best, out);
    kcb_fit_nd_identify(out, -(double)INFINITY);
    return rc;
}

static void nd_reset(struct kcb_fit_nd *out, double *resid, size_t n)
{
    if (out)
        nd_unfitted(out, 0, KCB_FIT_TOO_FEW);
    for (size_t i = 0; resid && i < n; i++)
        resid[i] = (double)NAN;
}

int kcb_fit_nd(const double *N, const double *D, const double *y, size_t n,
               struct kcb_fit_nd *out, double *resid)
{
    nd_reset(out, resid, n);
    if (!N || !D || !y || !out || n == 0)
        return KCB_EINVAL;
    kcb_fit_gsl_quiet();
    struct pts p;
    int rc = pts_collect(N, D, y, n, &p);
    if (rc != KCB_OK)
        return rc;
    enum kcb_fit_status st = pts_check(&p);
    nd_unfitted(out, p.m, st);
    if (st == KCB_FIT_OK)
        rc = nd_fit(&p, out, resid);
    if (rc != KCB_OK)
        nd_reset(out, resid, n);
    pts_free(&p);
    return rc;
}

enum kcb_fit_ident kcb_fit_nd_identify(struct kcb_fit_nd *f, double least)
{
    f->n_pinned = f->status == KCB_FIT_OK && kcb_fit_pinned(f->A, f->A_se) &&
                  kcb_fit_pinned(f->alpha, f->alpha_se);
    f->d_pinned = f->status == KCB_FIT_OK && kcb_fit_pinned(f->B, f->B_se) &&
                  kcb_fit_pinned(f->beta, f->beta_se);
    if (f->status != KCB_FIT_OK)
        f->ident = KCB_FIT_UNFITTED;
    else if (f->E < least)
        f->ident = KCB_FIT_FLOOR_IMPOSSIBLE;
    else if (!isfinite(f->E_se) || !isfinite(f->A_se) || !isfinite(f->alpha_se) ||
             !isfinite(f->B_se) || !isfinite(f->beta_se) || !isfinite(f->r_terms))
        f->ident = KCB_FIT_SE_UNKNOWN;
    else if (f->r_terms >= KCB_FIT_CONFOUNDED_R)
        f->ident = KCB_FIT_CONFOUNDED;
    else if (!kcb_fit_pinned(f->E, f->E_se) || !f->n_pinned || !f->d_pinned)
        f->ident = KCB_FIT_SE_LARGE;
    else
        f->ident = KCB_FIT_IDENTIFIED;
    return f->ident;
}
