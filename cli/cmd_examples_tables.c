/* kcbench examples: each example's result as rows of cells, for the one table writer. */
#include <stdlib.h>
#include <string.h>

#include "cmd_examples.h"
#include "columns.h"
#include "kcb/err.h"

static const char *spec_name(struct ex_result *r, const struct kcb_spec *s)
{
    return kcb_spec_str(s, r->name, sizeof r->name);
}

static long long above(size_t c, size_t e)
{
    return 8 * ((long long)c - (long long)e);
}

/* ---- coin-flips ---- */

static int coin_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct ex_result *r = arg;
    const struct kcb_coin_row *w = &r->u.coin.rows[i];
    c[COIN_COMPRESSOR] = kcb_cell_text(spec_name(r, w->spec));
    c[COIN_INPUT] = kcb_cell_text(w->input);
    c[COIN_SYMBOLS] = kcb_cell_uint(w->symbols);
    c[COIN_CX] = kcb_cell_uint(w->cx);
    c[COIN_EMPTY] = kcb_cell_uint(w->cempty);
    c[COIN_BITS] = kcb_cell_uint(8 * w->cx);
    c[COIN_ABOVE] = kcb_cell_int(above(w->cx, w->cempty));
    c[COIN_COIN_BITS] = kcb_cell_uint(w->symbols);
    c[COIN_PROGRAM] = kcb_cell_text(w->program);
    c[COIN_PROGRAM_BITS] = kcb_cell_uint(8 * strlen(w->program));
    return i % 2 ? KCB_ROW_GAP : KCB_OK;
}

static int grid_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct ex_result *r = arg;
    const struct kcb_coin_point *p = &r->u.coin.grid[i];
    c[GRID_COMPRESSOR] = kcb_cell_text(spec_name(r, p->spec));
    c[GRID_CODING] = kcb_cell_text(p->packed ? "packed" : "chars");
    c[GRID_N] = kcb_cell_uint(p->n);
    c[GRID_BYTES] = kcb_cell_uint(p->bytes);
    c[GRID_CX1] = kcb_cell_uint(p->c_x1);
    c[GRID_CRAND] = kcb_cell_uint(p->c_rand);
    c[GRID_EMPTY] = kcb_cell_uint(p->cempty);
    c[GRID_BITS_X1] = kcb_cell_int(above(p->c_x1, p->cempty));
    c[GRID_BITS_RAND] = kcb_cell_int(above(p->c_rand, p->cempty));
    c[GRID_APART] = kcb_cell_bool(p->apart);
    int last = i + 1 == r->u.coin.ngrid || r->u.coin.grid[i + 1].packed != p->packed;
    return last ? KCB_ROW_GAP : KCB_OK;
}

/* ---- incompressible ---- */

static int incomp_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct ex_result *r = arg;
    const struct kcb_incomp_row *w = &r->u.inc.rows[i];
    c[INC_COMPRESSOR] = kcb_cell_text(spec_name(r, w->spec));
    c[INC_CODING] = kcb_cell_text(w->bits ? "bits as '0'/'1'" : "bytes");
    c[INC_N] = kcb_cell_uint(w->n);
    c[INC_BYTES] = kcb_cell_uint(w->bytes);
    c[INC_STRINGS] = kcb_cell_uint(w->strings);
    c[INC_EMPTY] = kcb_cell_uint(w->cempty);
    c[INC_EXCESS] = kcb_cell_real(w->mean_excess);
    c[INC_MOST] = kcb_cell_int(w->most_shortened);
    for (size_t k = 0; k < KCB_INCOMP_NC; k++) {
        c[INC_S1 + k] = kcb_cell_uint(w->count[k]);
        c[INC_P1 + k] = kcb_cell_real(w->p[k]);
    }
    c[INC_HELD] = kcb_cell_bool(w->held);
    int last = i + 1 == r->u.inc.nrows || r->u.inc.rows[i + 1].spec != w->spec;
    return last ? KCB_ROW_GAP : KCB_OK;
}

/* ---- concatenation ---- */

static int cat_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct ex_result *r = arg;
    const struct kcb_concat_row *w = &r->u.cat.rows[i];
    c[CAT_PAIR] = kcb_cell_text(w->pair);
    c[CAT_COMPRESSOR] = kcb_cell_text(spec_name(r, w->spec));
    c[CAT_X] = kcb_cell_text(w->x);
    c[CAT_Y] = kcb_cell_text(w->y);
    c[CAT_NX] = kcb_cell_uint(w->nx);
    c[CAT_NY] = kcb_cell_uint(w->ny);
    c[CAT_CX] = kcb_cell_uint(w->cx);
    c[CAT_CY] = kcb_cell_uint(w->cy);
    c[CAT_CXY] = kcb_cell_uint(w->cxy);
    c[CAT_EMPTY] = kcb_cell_uint(w->cempty);
    c[CAT_GAIN] = kcb_cell_int((long long)w->gain);
    c[CAT_GAIN_REL] = kcb_cell_real(w->gain_rel);
    c[CAT_C] = kcb_cell_int((long long)w->c_needed);
    c[CAT_SUB] = kcb_cell_bool(w->subadditive);
    c[CAT_BPB_X] = kcb_cell_real(w->bpb_x);
    c[CAT_BPB_Y] = kcb_cell_real(w->bpb_y);
    c[CAT_BPB_XY] = kcb_cell_real(w->bpb_xy);
    c[CAT_MORE] = kcb_cell_bool(w->more_compressible);
    c[CAT_RELATED] = kcb_cell_bool(w->related);
    c[CAT_WINDOW] = kcb_cell_uint(w->window);
    c[CAT_FITS] = kcb_cell_bool(w->fits);
    int last = i + 1 == r->u.cat.nrows || strcmp(r->u.cat.rows[i + 1].pair, w->pair) != 0;
    return last ? KCB_ROW_GAP : KCB_OK;
}

/* ---- compression-is-learning ---- */

static int learn_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct ex_result *r = arg;
    const struct kcb_learn_row *w = &r->u.lrn.rows[i];
    c[LRN_DATASET] = kcb_cell_text(w->dataset);
    c[LRN_COMPRESSOR] = kcb_cell_text(spec_name(r, w->spec));
    c[LRN_TRAIN] = kcb_cell_uint(w->ntrain);
    c[LRN_TEST] = kcb_cell_uint(w->ntest);
    c[LRN_LABELS] = kcb_cell_uint(w->nlabels);
    c[LRN_CORRECT] = kcb_cell_uint(w->correct);
    c[LRN_ACC] = kcb_cell_real(w->acc);
    c[LRN_LO] = kcb_cell_real(w->lo);
    c[LRN_HI] = kcb_cell_real(w->hi);
    c[LRN_BASE] = kcb_cell_real(w->baseline);
    c[LRN_DIFF] = kcb_cell_real(w->vs_ref.diff);
    c[LRN_DIFF_LO] = w->is_ref ? kcb_cell_null() : kcb_cell_real(w->vs_ref.lo);
    c[LRN_DIFF_HI] = w->is_ref ? kcb_cell_null() : kcb_cell_real(w->vs_ref.hi);
    c[LRN_ONLY_REF] = kcb_cell_uint(w->vs_ref.b);
    c[LRN_ONLY_THIS] = kcb_cell_uint(w->vs_ref.c);
    c[LRN_P] = w->is_ref ? kcb_cell_null() : kcb_cell_real(w->vs_ref.p);
    int last = i + 1 == r->u.lrn.nrows || r->u.lrn.rows[i + 1].is_ref;
    return last ? KCB_ROW_GAP : KCB_OK;
}

/* ---- compressible-is-learnable ---- */

static int learnable_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct ex_result *r = arg;
    const struct kcb_learnable_row *w = &r->u.lbl.rows[i];
    c[LBL_DATASET] = kcb_cell_text(w->dataset);
    c[LBL_GROUP] = kcb_cell_text(w->real ? "real" : "built-in");
    c[LBL_LABELS] = kcb_cell_uint(w->nlabels);
    c[LBL_TRAIN] = kcb_cell_uint(w->ntrain);
    c[LBL_TEST] = kcb_cell_uint(w->ntest);
    c[LBL_BYTES] = kcb_cell_uint(w->bytes);
    c[LBL_C_ALL] = kcb_cell_uint(w->c_all);
    c[LBL_C_CLASSES] = kcb_cell_uint(w->c_classes);
    c[LBL_EMPTY] = kcb_cell_uint(w->cempty);
    c[LBL_GAIN] = kcb_cell_real(w->gain);
    c[LBL_ERR] = kcb_cell_real(w->err);
    c[LBL_BASE_ERR] = kcb_cell_real(w->base_err);
    c[LBL_REL_ERR] = kcb_cell_real(w->rel_err);
    return KCB_OK;
}

static int corr_row(void *arg, size_t i, struct kcb_cell *c)
{
    const struct ex_result *r = arg;
    const struct kcb_learnable_corr *w = &r->u.lbl.corr[i];
    c[CORR_GROUP] = kcb_cell_text(w->group);
    c[CORR_N] = kcb_cell_uint(w->n);
    c[CORR_RHO] = kcb_cell_real(w->rho);
    c[CORR_LO] = kcb_cell_real(w->lo);
    c[CORR_HI] = kcb_cell_real(w->hi);
    c[CORR_USED] = kcb_cell_uint(w->used);
    c[CORR_JUDGED] = kcb_cell_bool(w->judged);
    return KCB_OK;
}

/* ---- no-free-lunch ---- */

static int nflrand_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct ex_result *r = arg;
    const struct kcb_nfl_random *w = &r->u.nfl.rnd[i];
    c[NFR_COMPRESSOR] = kcb_cell_text(spec_name(r, w->spec));
    c[NFR_BYTES] = kcb_cell_uint(w->bytes);
    c[NFR_CX] = kcb_cell_uint(w->cx);
    c[NFR_EMPTY] = kcb_cell_uint(w->cempty);
    c[NFR_EXTRA] = kcb_cell_int((long long)w->cx - (long long)w->bytes);
    c[NFR_EXTRA_ABOVE] = kcb_cell_int((long long)w->cx - (long long)w->cempty -
                                      (long long)w->bytes);
    int last = i + 1 == r->u.nfl.nrnd || r->u.nfl.rnd[i + 1].bytes != w->bytes;
    return last ? KCB_ROW_GAP : KCB_OK;
}

static int nfllab_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct ex_result *r = arg;
    const struct kcb_nfl_label *w = &r->u.nfl.lab[i];
    c[NFL_DATASET] = kcb_cell_text(w->dataset);
    c[NFL_COMPRESSOR] = kcb_cell_text(spec_name(r, w->spec));
    c[NFL_TEST] = kcb_cell_uint(w->ntest);
    c[NFL_PERMS] = kcb_cell_uint(w->perms);
    c[NFL_MEAN] = kcb_cell_real(w->mean);
    c[NFL_SD] = kcb_cell_real(w->sd);
    c[NFL_LO] = kcb_cell_real(w->lo);
    c[NFL_HI] = kcb_cell_real(w->hi);
    c[NFL_CHANCE] = kcb_cell_real(w->chance);
    c[NFL_AT_CHANCE] = kcb_cell_bool(w->at_chance);
    c[NFL_ACC_TRUE] = kcb_cell_real(w->acc_true);
    c[NFL_P_TRUE] = kcb_cell_real(w->p_true);
    return KCB_OK;
}

static int nflin_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct ex_result *r = arg;
    const struct kcb_nfl_input *w = &r->u.nfl.in[i];
    c[NFI_INPUT] = kcb_cell_text(w->input);
    c[NFI_COMPRESSOR] = kcb_cell_text(spec_name(r, w->spec));
    c[NFI_BYTES] = kcb_cell_uint(w->bytes);
    c[NFI_CX] = kcb_cell_uint(w->cx);
    c[NFI_RATIO] = kcb_cell_real((double)w->bytes / (double)w->cx);
    c[NFI_WINS] = kcb_cell_bool(w->wins);
    int last = i + 1 == r->u.nfl.nin || strcmp(r->u.nfl.in[i + 1].input, w->input) != 0;
    return last ? KCB_ROW_GAP : KCB_OK;
}

/* ---- best-compressor ---- */

static int bestrow_row(void *arg, size_t i, struct kcb_cell *c)
{
    struct ex_result *r = arg;
    const struct kcb_best_row *w = &r->u.best.rows[i];
    c[BST_CORPUS] = kcb_cell_text(w->corpus);
    c[BST_COMPRESSOR] = kcb_cell_text(spec_name(r, w->spec));
    c[BST_BYTES] = kcb_cell_uint(w->bytes);
    c[BST_CX] = kcb_cell_uint(w->cx);
    c[BST_RATIO] = kcb_cell_real((double)w->bytes / (double)w->cx);
    c[BST_BPB] = kcb_cell_real(8.0 * (double)w->cx / (double)w->bytes);
    c[BST_BEST] = kcb_cell_bool(w->best);
    int last = i + 1 == r->u.best.nrows || strcmp(r->u.best.rows[i + 1].corpus, w->corpus);
    return last ? KCB_ROW_GAP : KCB_OK;
}

static int pub_row(void *arg, size_t i, struct kcb_cell *c)
{
    const struct ex_result *r = arg;
    const struct kcb_published *w = &r->u.best.pub[i];
    c[PUB_PROGRAM] = kcb_cell_text(w->program);
    c[PUB_DATA] = kcb_cell_text(w->data);
    c[PUB_BYTES] = kcb_cell_uint(w->bytes);
    c[PUB_COMPRESSED] = kcb_cell_uint(w->compressed);
    c[PUB_BPB] = kcb_cell_real(8.0 * (double)w->compressed / (double)w->bytes);
    c[PUB_SOURCE] = kcb_cell_text(w->source);
    c[PUB_AS_OF] = kcb_cell_text(w->as_of);
    return KCB_OK;
}

static int bestpair_row(void *arg, size_t i, struct kcb_cell *c)
{
    static const char *const agrees[] = {"contradicts", "no difference", "agrees"};
    struct ex_result *r = arg;
    const struct kcb_best_pair *w = &r->u.best.pairs[i];
    c[BP_DATASET] = kcb_cell_text(w->dataset);
    c[BP_BETTER] = kcb_cell_text(kcb_spec_str(w->better, r->name, sizeof r->name));
    c[BP_WORSE] = kcb_cell_text(kcb_spec_str(w->worse, r->name2, sizeof r->name2));
    c[BP_RATIO_B] = kcb_cell_real(w->ratio_better);
    c[BP_RATIO_W] = kcb_cell_real(w->ratio_worse);
    c[BP_TRATIO_B] = kcb_cell_real(w->text_ratio_better);
    c[BP_TRATIO_W] = kcb_cell_real(w->text_ratio_worse);
    c[BP_ACC_B] = kcb_cell_real(w->cmp.acc_b);
    c[BP_ACC_W] = kcb_cell_real(w->cmp.acc_a);
    c[BP_DIFF] = kcb_cell_real(w->cmp.diff);
    c[BP_LO] = kcb_cell_real(w->cmp.lo);
    c[BP_HI] = kcb_cell_real(w->cmp.hi);
    c[BP_P] = kcb_cell_real(w->cmp.p);
    c[BP_AGREES] = kcb_cell_text(agrees[w->agrees + 1]);
    int last = i + 1 == r->u.best.npairs || strcmp(r->u.best.pairs[i + 1].dataset, w->dataset);
    return last ? KCB_ROW_GAP : KCB_OK;
}

/* ---- measuring ---- */

static void table(struct ex_result *r, const char *title, const struct kcb_col *cols,
                  size_t ncols, size_t nrows, kcb_row_fn row)
{
    r->t[r->nt++] = (struct ex_table){title, cols, ncols, nrows, row};
}

#define table(r, title, cols, n, rows, fn) table(r, title, cols, n, rows, fn)

static void coin_tables(struct ex_result *r)
{
    r->f = &r->u.coin.f;
    table(r, "X1 and X2: C(x) beside a fair coin's bits and the programs that print them",
          kcb_coin_cols, COIN_NCOLS, r->u.coin.nrows, coin_row);
    table(r, "the grid: X1 = \"001\" x n/3 against n random bits (apart: X1 below n bits and "
          "below the random string)", kcb_grid_cols, GRID_NCOLS, r->u.coin.ngrid, grid_row);
}

static void nfl_tables(struct ex_result *r)
{
    r->f = &r->u.nfl.f;
    table(r, "random bytes: every compressor expands them", kcb_nflrand_cols, NFR_NCOLS,
          r->u.nfl.nrnd, nflrand_row);
    table(r, "random labels: 1-NN with the training labels permuted (p: the share of "
          "permutations as accurate as the true labels)", kcb_nfllab_cols, NFL_NCOLS,
          r->u.nfl.nlab, nfllab_row);
    table(r, "structured data: which compressor wins each input", kcb_nflin_cols, NFI_NCOLS,
          r->u.nfl.nin, nflin_row);
}

static void best_tables(struct ex_result *r)
{
    r->f = &r->u.best.f;
    table(r, "text corpora: the ratio each compressor reaches", kcb_bestrow_cols, BST_NCOLS,
          r->u.best.nrows, bestrow_row);
    table(r, "published figures, not measured here (context only)", kcb_pub_cols, PUB_NCOLS,
          r->u.best.npub, pub_row);
    table(r, "ratio against 1-NN accuracy on the same test texts, the better ratio first",
          kcb_bestpair_cols, BP_NCOLS, r->u.best.npairs, bestpair_row);
}

int kcb_ex_measure(kcb_school *s, enum kcb_example_id id, struct ex_result *r)
{
    memset(r, 0, sizeof *r);
    r->id = id;
    int rc = KCB_EINVAL;
    switch (id) {
    case KCB_EX_COIN:
        if (!(rc = kcb_coin_run(s, &r->u.coin)))
            coin_tables(r);
        break;
    case KCB_EX_INCOMPRESSIBLE:
        if (!(rc = kcb_incomp_run(s, &r->u.inc))) {
            r->f = &r->u.inc.f;
            table(r, "random strings shortened by at least c bits (8 (C(x) - C(ε)) <= n - c)",
                  kcb_incomp_cols, INC_NCOLS, r->u.inc.nrows, incomp_row);
        }
        break;
    case KCB_EX_CONCAT:
        if (!(rc = kcb_concat_run(s, &r->u.cat))) {
            r->f = &r->u.cat.f;
            table(r, "pairs: the gain C(X) + C(Y) - C(XY), and bits per byte above C(ε)",
                  kcb_catex_cols, CAT_NCOLS, r->u.cat.nrows, cat_row);
        }
        break;
    case KCB_EX_LEARNING:
        if (!(rc = kcb_learning_run(s, &r->u.lrn))) {
            r->f = &r->u.lrn.f;
            table(r, "1-NN on NCD: accuracy, and each compressor against the reference (the "
                  "first) on the same test texts", kcb_learn_cols, LRN_NCOLS, r->u.lrn.nrows,
                  learn_row);
        }
        break;
    case KCB_EX_LEARNABLE:
        if (!(rc = kcb_learnable_run(s, &r->u.lbl))) {
            r->f = &r->u.lbl.f;
            table(r, "datasets: the label gain against the relative 1-NN error",
                  kcb_learnable_cols, LBL_NCOLS, r->u.lbl.nrows, learnable_row);
            table(r, "Spearman's rho of label gain and relative error", kcb_corr_cols,
                  CORR_NCOLS, r->u.lbl.ncorr, corr_row);
        }
        break;
    case KCB_EX_NFL:
        if (!(rc = kcb_nfl_run(s, &r->u.nfl)))
            nfl_tables(r);
        break;
    case KCB_EX_BEST:
        if (!(rc = kcb_best_run(s, &r->u.best)))
            best_tables(r);
        break;
    case KCB_NEXAMPLES: break;
    }
    return rc;
}

void kcb_ex_free(struct ex_result *r)
{
    switch (r->id) {
    case KCB_EX_COIN: kcb_coin_free(&r->u.coin); break;
    case KCB_EX_INCOMPRESSIBLE: kcb_incomp_free(&r->u.inc); break;
    case KCB_EX_CONCAT: kcb_concat_free(&r->u.cat); break;
    case KCB_EX_LEARNING: kcb_learning_free(&r->u.lrn); break;
    case KCB_EX_LEARNABLE: kcb_learnable_free(&r->u.lbl); break;
    case KCB_EX_NFL: kcb_nfl_free(&r->u.nfl); break;
    case KCB_EX_BEST: kcb_best_free(&r->u.best); break;
    case KCB_NEXAMPLES: break;
    }
}
