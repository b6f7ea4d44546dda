/* Unit tests for the examples: each judge on rows of our own, in every verdict, and runs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/school.h"
#include "kcb_test.h"

/* Two compressors for rows to point at. */
static struct kcb_specs specs2(void)
{
    struct kcb_specs s;
    assert_int_equal(kcb_specs_parse("gzip:9,zstd:19", &s, NULL, 0), KCB_OK);
    return s;
}

static void test_examples_table(void **state)
{
    (void)state;
    for (int i = 0; i < KCB_NEXAMPLES; i++) {
        const struct kcb_example *e = kcb_example((enum kcb_example_id)i);
        assert_non_null(e);
        assert_true(*e->name && *e->claim && *e->rule);
        assert_int_equal(kcb_example_find(e->name), i);
        assert_non_null(strstr(e->rule, "holds")); /* every rule says when it holds */
    }
    assert_int_equal(kcb_example_find("nothing"), -1);
    assert_null(kcb_example(KCB_NEXAMPLES));
    assert_string_equal(kcb_verdict_name(KCB_VERDICT_HOLDS), "holds");
    assert_string_equal(kcb_verdict_name(KCB_VERDICT_FAILS), "fails");
    assert_string_equal(kcb_verdict_name(KCB_VERDICT_HOLDS_IF), "holds only if");
    assert_int_equal(strlen(KCB_COIN_X2), 46); /* the slide's X2, as printed */
}

/* ---- coin-flips ---- */

/* One compressor: X1 and X2 of sizes c1, c2 (container 20), and a grid whose points are apart
 * from length from on (never when from is 0). */
static void coin_rows(const struct kcb_spec *s, size_t c1, size_t c2, size_t from,
                      struct kcb_coin_row *rows, struct kcb_coin_point *grid, size_t ng)
{
    rows[0] = (struct kcb_coin_row){s, "X1", 45, c1, 20, "p"};
    rows[1] = (struct kcb_coin_row){s, "X2", 46, c2, 20, "q"};
    for (size_t i = 0; i < ng; i++) {
        size_t n = 45;
        for (size_t k = 0; k < i % (ng / 2); k++)
            n *= 3;
        grid[i] = (struct kcb_coin_point){s, i >= ng / 2, n, n, 0, 0, 20, from && n >= from};
    }
}

static void test_coin_judge(void **state)
{
    (void)state;
    struct kcb_specs s = specs2();
    struct kcb_coin_row rows[4];
    struct kcb_coin_point grid[16];
    struct kcb_coin r = {rows, 4, grid, 16, {0}};
    coin_rows(&s.v[0], 25, 30, 45, rows, grid, 8); /* 40 bits above the container < 45 */
    coin_rows(&s.v[1], 24, 30, 45, rows + 2, grid + 8, 8);
    kcb_coin_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS);
    coin_rows(&s.v[0], 26, 30, 135, rows, grid, 8); /* 48 bits: not at the slide's length */
    coin_rows(&s.v[1], 24, 30, 405, rows + 2, grid + 8, 8);
    kcb_coin_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS_IF);
    assert_string_equal(r.f.condition, "the strings are at least 405 symbols long");
    assert_non_null(strstr(r.f.evidence, "zstd:19 chars 405"));
    grid[15].apart = 0; /* the longest packed point of zstd: never for good */
    kcb_coin_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_FAILS);
    assert_non_null(strstr(r.f.evidence, "zstd:19 packed never"));
    kcb_specs_free(&s);
}

/* ---- incompressible ---- */

static void test_incomp_judge(void **state)
{
    (void)state;
    struct kcb_specs s = specs2();
    struct kcb_incomp_row rows[2] = {{.spec = &s.v[0], .n = 64, .bytes = 8, .strings = 500},
                                     {.spec = &s.v[1], .n = 64, .bytes = 8, .strings = 500}};
    struct kcb_incomp r = {rows, 2, {0}};
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < KCB_INCOMP_NC; k++)
            rows[i].p[k] = kcb_binom_upper(0, 500, ldexp(1, -(int)kcb_incomp_c[k]));
    kcb_incomp_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS);
    assert_true(rows[0].held && rows[1].held);
    /* 20 of 500 shortened by 8 bits where 2^-8 allows about 2: far above the bound */
    rows[1].count[3] = 20;
    rows[1].p[3] = kcb_binom_upper(20, 500, 1.0 / 256);
    rows[1].most_shortened = 9;
    kcb_incomp_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_FAILS);
    assert_true(rows[0].held && !rows[1].held);
    assert_non_null(strstr(r.f.evidence, "9 bits (zstd:19"));
    kcb_specs_free(&s);
}

/* ---- concatenation ---- */

static struct kcb_concat_row cat(const struct kcb_spec *s, int related, size_t cx, size_t cy,
                                 size_t cxy, size_t window)
{
    struct kcb_concat_row r = {.related = related, .spec = s, .nx = 1000, .ny = 1000, .cx = cx,
                               .cy = cy, .cxy = cxy, .cempty = 20, .window = window};
    snprintf(r.pair, sizeof r.pair, "%s", related ? "same" : "other");
    r.fits = !window || r.nx + r.ny <= window;
    kcb_concat_derive(&r);
    return r;
}

static void test_concat_judge(void **state)
{
    (void)state;
    struct kcb_specs s = specs2();
    struct kcb_concat_row rows[3] = {cat(&s.v[0], 1, 420, 420, 620, 32768),
                                     cat(&s.v[1], 1, 400, 400, 600, 0),
                                     cat(&s.v[0], 0, 420, 900, 1300, 32768)};
    struct kcb_concat_ex r = {rows, 3, {0}};
    assert_true(kcb_test_near(rows[0].gain, 220, 1e-9) && rows[0].c_needed == -220);
    assert_true(kcb_test_near(rows[0].bpb_xy, 8.0 * 600 / 2000, 1e-12));
    assert_true(rows[0].subadditive && rows[0].more_compressible);
    assert_true(rows[2].subadditive && !rows[2].more_compressible); /* between 3.2 and 7 */
    kcb_concat_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS_IF);
    assert_non_null(strstr(r.f.condition, "related"));
    r.nrows = 2;
    kcb_concat_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS);
    rows[1] = cat(&s.v[1], 1, 400, 400, 830, 0); /* c = 30 > C(ε) = 20 */
    assert_false(rows[1].subadditive);
    kcb_concat_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_FAILS);
    rows[1] = cat(&s.v[1], 1, 400, 400, 600, 1500); /* beyond a 1500-byte window: not judged */
    assert_false(rows[1].fits);
    kcb_concat_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS);
    kcb_specs_free(&s);
}

/* ---- compression-is-learning ---- */

static void test_learning_judge(void **state)
{
    (void)state;
    struct kcb_specs s = specs2();
    struct kcb_learn_row rows[4] = {
        {.dataset = "a", .spec = &s.v[0], .is_ref = 1, .ntest = 50, .acc = 0.6, .lo = 0.46,
         .hi = 0.72, .baseline = 0.25},
        {.dataset = "a", .spec = &s.v[1], .ntest = 50, .acc = 0.7, .lo = 0.56, .hi = 0.81,
         .baseline = 0.25, .vs_ref = {.diff = 0.1, .lo = -0.02, .hi = 0.22, .p = 0.2}},
        {.dataset = "b", .spec = &s.v[0], .is_ref = 1, .ntest = 50, .acc = 0.3, .lo = 0.19,
         .hi = 0.44, .baseline = 0.25},
        {.dataset = "b", .spec = &s.v[1], .ntest = 50, .acc = 0.3, .lo = 0.19, .hi = 0.44,
         .baseline = 0.25},
    };
    struct kcb_learning r = {rows, 2, {0}};
    kcb_learning_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS);
    assert_non_null(strstr(r.f.evidence, "zstd:19 +0.100 [-0.020, +0.220]"));
    r.nrows = 4; /* b's interval reaches below its baseline */
    kcb_learning_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS_IF);
    assert_string_equal(r.f.condition, "the data is a");
    r.rows += 2;
    r.nrows = 2;
    kcb_learning_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_FAILS);
    kcb_specs_free(&s);
}

/* ---- compressible-is-learnable ---- */

static void test_learnable_judge(void **state)
{
    (void)state;
    struct kcb_learnable_row rows[20];
    struct kcb_learnable r = {NULL, rows, 10, {{0}}, 0, {0}};
    memset(rows, 0, sizeof rows);
    for (int i = 0; i < 20; i++) { /* built-in: gain up, error down; real: both up */
        rows[i].real = i >= 10;
        rows[i].gain = 0.01 * (i % 10);
        rows[i].rel_err = i < 10 ? 1 - 0.1 * i : 0.1 * (i - 10);
    }
    assert_int_equal(kcb_learnable_judge(&r, 1), KCB_OK);
    assert_int_equal(r.ncorr, 1);
    assert_true(kcb_test_near(r.corr[0].rho, -1, 1e-12) && r.corr[0].hi < 0);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS);
    r.nrows = 20;
    assert_int_equal(kcb_learnable_judge(&r, 1), KCB_OK);
    assert_int_equal(r.ncorr, 3); /* built-in, real, and all (shown, not judged) */
    assert_false(r.corr[2].judged);
    assert_true(kcb_test_near(r.corr[1].rho, 1, 1e-12));
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS_IF);
    assert_string_equal(r.f.condition, "the datasets are the built-in ones");
    r.rows += 10;
    r.nrows = 10;
    assert_int_equal(kcb_learnable_judge(&r, 1), KCB_OK);
    assert_int_equal(r.f.verdict, KCB_VERDICT_FAILS);
}

/* ---- no-free-lunch ---- */

static void test_nfl_judge(void **state)
{
    (void)state;
    struct kcb_specs s = specs2();
    struct kcb_nfl_random rnd[2] = {{&s.v[0], 1024, 1047, 20}, {&s.v[1], 1024, 1034, 9}};
    struct kcb_nfl_label lab[2] = {
        {.spec = &s.v[0], .perms = 1000, .mean = 0.1251, .sd = 0.03, .chance = 0.125},
        {.spec = &s.v[1], .perms = 1000, .mean = 0.1249, .sd = 0.03, .chance = 0.125}};
    struct kcb_nfl_input in[4] = {{"a", 0, &s.v[0], 100, 50, 0}, {"a", 0, &s.v[1], 100, 60, 0},
                                  {"b", 0, &s.v[0], 100, 70, 0}, {"b", 0, &s.v[1], 100, 60, 0}};
    struct kcb_nfl r = {rnd, 2, lab, 2, in, 4, {0}};
    kcb_nfl_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS);
    assert_true(in[0].wins && !in[1].wins && !in[2].wins && in[3].wins);
    in[0].cx = 61; /* zstd wins both: gzip nowhere, and then no second winner */
    kcb_nfl_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_FAILS);
    in[0].cx = 60; /* a tie: both win a */
    kcb_nfl_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS);
    lab[1].mean = 0.2; /* permuted labels far from chance */
    kcb_nfl_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_FAILS);
    assert_false(lab[1].at_chance);
    lab[1].mean = 0.125;
    rnd[1].cx = 1000; /* random data shrunk */
    kcb_nfl_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_FAILS);
    kcb_specs_free(&s);
}

/* ---- best-compressor ---- */

static void test_best_judge(void **state)
{
    (void)state;
    struct kcb_specs s = specs2();
    struct kcb_best_pair pairs[2] = {
        {"a", &s.v[1], &s.v[0], 3, 2.8, 1, 1, {.diff = 0.2, .lo = 0.1, .hi = 0.3}, 0},
        {"b", &s.v[1], &s.v[0], 3, 2.8, 1, 1, {.diff = -0.2, .lo = -0.3, .hi = -0.1}, 0}};
    struct kcb_best r = {NULL, 0, NULL, 0, pairs, 1, {0}};
    kcb_best_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS);
    assert_int_equal(pairs[0].agrees, 1);
    r.npairs = 2;
    kcb_best_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS_IF);
    assert_string_equal(r.f.condition, "the data is a");
    assert_int_equal(pairs[1].agrees, -1);
    pairs[0].cmp.lo = -0.05; /* no significant difference on a either */
    kcb_best_judge(&r);
    assert_int_equal(r.f.verdict, KCB_VERDICT_FAILS);
    kcb_specs_free(&s);
}

/* ---- runs ---- */

static kcb_school *school(const struct kcb_specs *s, size_t threads)
{
    struct kcb_school_opts o = {.specs = s->v, .nspecs = s->n, .seed = 1, .threads = threads};
    kcb_school *sc = NULL;
    assert_int_equal(kcb_school_new(&o, &sc), KCB_OK);
    return sc;
}

/* coin-flips measures what Python's gzip.compress(b"001" * 15, 9, mtime=0) gives: 26 bytes. */
static void test_coin_run(void **state)
{
    (void)state;
    struct kcb_specs s;
    assert_int_equal(kcb_specs_parse("gzip:9", &s, NULL, 0), KCB_OK);
    kcb_school *sc = school(&s, 1);
    struct kcb_coin r;
    assert_int_equal(kcb_coin_run(sc, &r), KCB_OK);
    assert_int_equal(r.nrows, 2);
    assert_int_equal(r.rows[0].cx, 26);
    assert_int_equal(r.rows[0].cempty, 20);
    assert_int_equal(r.rows[1].symbols, 46);
    assert_int_equal(r.ngrid, 14);
    assert_int_equal(r.grid[0].n, 45);
    assert_int_equal(r.grid[7].bytes, 6); /* 45 symbols packed */
    assert_int_equal(r.f.verdict, KCB_VERDICT_HOLDS_IF);
    kcb_coin_free(&r);
    kcb_school_free(sc);
    struct kcb_school_opts none = {.specs = s.v, .nspecs = 0};
    assert_int_equal(kcb_school_new(&none, &sc), KCB_EINVAL);
    kcb_specs_free(&s);
}

/* The same rows for one thread and for three. */
static void test_runs_ignore_threads(void **state)
{
    (void)state;
    struct kcb_specs s;
    assert_int_equal(kcb_specs_parse("gzip:9", &s, NULL, 0), KCB_OK);
    kcb_school *a = school(&s, 1), *b = school(&s, 3);
    struct kcb_incomp ia, ib;
    struct kcb_learning la, lb;
    assert_int_equal(kcb_incomp_run(a, &ia), KCB_OK);
    assert_int_equal(kcb_incomp_run(b, &ib), KCB_OK);
    assert_int_equal(ia.nrows, ib.nrows);
    for (size_t i = 0; i < ia.nrows; i++) {
        assert_memory_equal(ia.rows[i].count, ib.rows[i].count, sizeof ia.rows[i].count);
        assert_true(ia.rows[i].mean_excess == ib.rows[i].mean_excess);
    }
    assert_int_equal(kcb_learning_run(a, &la), KCB_OK);
    assert_int_equal(kcb_learning_run(b, &lb), KCB_OK);
    assert_int_equal(la.nrows, 1); /* built-in only: no data directory */
    assert_int_equal(la.rows[0].correct, lb.rows[0].correct);
    assert_int_equal(la.rows[0].ntest, 64);
    assert_true(la.rows[0].lo <= la.rows[0].acc && la.rows[0].acc <= la.rows[0].hi);
    assert_true(la.rows[0].vs_ref.diff == 0);
    assert_string_equal(la.f.evidence, lb.f.evidence);
    kcb_incomp_free(&ia);
    kcb_incomp_free(&ib);
    kcb_learning_free(&la);
    kcb_learning_free(&lb);
    kcb_school_free(a);
    kcb_school_free(b);
    kcb_specs_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_examples_table), cmocka_unit_test(test_coin_judge),
        cmocka_unit_test(test_incomp_judge),   cmocka_unit_test(test_concat_judge),
        cmocka_unit_test(test_learning_judge), cmocka_unit_test(test_learnable_judge),
        cmocka_unit_test(test_nfl_judge),      cmocka_unit_test(test_best_judge),
        cmocka_unit_test(test_coin_run),       cmocka_unit_test(test_runs_ignore_threads),
    };
    return cmocka_run_group_tests_name("school", tests, NULL, NULL);
}
