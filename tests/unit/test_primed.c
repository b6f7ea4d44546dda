/* Unit tests for the per-class and conditional methods on hand-made class texts: parts, scores, ranks, distances, threads. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/comp.h"
#include "kcb/err.h"
#include "kcb/primed.h"
#include "kcb/sizes.h"
#include "kcb_test.h"

/* Three labels; label 2 has no training text (a label only the test set has). */
#define NTRAIN 9
#define NTEST 6
#define NLABELS 3

static const char *const train_text[NTRAIN] = {
    "the cat sat on the mat and the cat ate the rat",
    "stocks fell as the market closed lower on oil prices",
    "a cat and a kitten sat by the fire with the dog",
    "the dog chased the cat around the garden all day",
    "shares rose after the bank raised its profit forecast",
    "the kitten purred while the old cat slept on the mat",
    "oil prices rose and the market rallied on strong earnings",
    "the central bank cut interest rates to lift the economy",
    "my cat likes fish and the dog likes bones",
};
static const int train_label[NTRAIN] = {0, 1, 0, 0, 1, 0, 1, 1, 0};

static const char *const test_text[NTEST] = {
    "the cat and the kitten sat on the mat by the dog",
    "the market fell as oil prices and interest rates rose",
    "bank shares rallied on the profit forecast",
    "a dog and a cat",
    "",
    "zzzz qqqq xxxx",
};

static void blobs(const char *const *text, size_t n, struct kcb_blob *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (struct kcb_blob){(const unsigned char *)text[i], strlen(text[i])};
}

static kcb_perclass *model(const struct kcb_spec *spec, const struct kcb_blob *tr,
                           const int *label, size_t n, size_t parts, size_t threads)
{
    struct kcb_perclass_spec ps = {spec, tr, label, n, NLABELS, " | ", 3, parts, threads};
    kcb_perclass *m;
    assert_int_equal(kcb_perclass_new(&ps, &m), KCB_OK);
    return m;
}

/* ---- per-class ---- */

/* One part: the class text is the class's training texts in order, joined by the separator. */
static void test_class_text_joined_in_order(void **state)
{
    (void)state;
    struct kcb_spec spec = {kcb_codec_find("gzip"), 9, 0};
    struct kcb_blob tr[NTRAIN];
    blobs(train_text, NTRAIN, tr);
    kcb_perclass *m = model(&spec, tr, train_label, NTRAIN, 1, 1);
    size_t parts;
    assert_int_equal(kcb_perclass_labels(m, 0, &parts), NLABELS);
    assert_int_equal(parts, 1);
    kcb_perclass_labels(m, 2, &parts);
    assert_int_equal(parts, 0);
    char want[1024] = "";
    for (size_t t = 0; t < NTRAIN; t++)
        if (train_label[t] == 1)
            snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s",
                     *want ? " | " : "", train_text[t]);
    struct kcb_blob b = kcb_perclass_part(m, 1, 0);
    assert_int_equal(b.n, strlen(want));
    assert_memory_equal(b.p, want, b.n);
    assert_null(kcb_perclass_part(m, 1, 1).p);
    kcb_perclass_free(m);
}

/* P parts are runs of whole texts, text j of a class going to part floor(P * o_j / T) (o_j its
 * offset in the class text, T that text's length), each run joined by the separator. */
static void test_parts_are_runs_of_whole_texts(void **state)
{
    (void)state;
    struct kcb_spec spec = {kcb_codec_find("zstd"), 3, 0};
    struct kcb_blob tr[NTRAIN];
    blobs(train_text, NTRAIN, tr);
    for (size_t P = 1; P <= 6; P++) {
        kcb_perclass *m = model(&spec, tr, train_label, NTRAIN, P, 2);
        for (int l = 0; l < 2; l++) {
            size_t T = 0, o = 0, nparts, got = 0;
            for (size_t t = 0; t < NTRAIN; t++)
                if (train_label[t] == l)
                    T += (T ? 3 : 0) + tr[t].n;
            char want[8][1024] = {{0}};
            size_t lastq = SIZE_MAX;
            for (size_t t = 0; t < NTRAIN; t++) {
                if (train_label[t] != l)
                    continue;
                size_t q = (size_t)((double)P * (double)o / (double)T);
                if (q != lastq)
                    got++;
                char *w = want[got - 1];
                snprintf(w + strlen(w), 1024 - strlen(w), "%s%s", q == lastq ? " | " : "",
                         train_text[t]);
                lastq = q;
                o += tr[t].n + 3;
            }
            assert_int_equal(kcb_perclass_labels(m, (size_t)l, &nparts), NLABELS);
            assert_int_equal(nparts, got);
            assert_true(nparts <= P);
            for (size_t p = 0; p < nparts; p++) {
                struct kcb_blob b = kcb_perclass_part(m, (size_t)l, p);
                assert_int_equal(b.n, strlen(want[p]));
                assert_memory_equal(b.p, want[p], b.n);
            }
        }
        kcb_perclass_free(m);
    }
}

/* The score of a class is C(x|class text), and with P parts the mean of the P scores
 * that each part alone, as a one-part class, gives. */
static void check_parts_mean(const char *codec, int level, size_t P)
{
    struct kcb_spec spec = {kcb_codec_find(codec), level, 0};
    if (!spec.codec)
        return; /* lz4 is optional */
    struct kcb_blob tr[NTRAIN], te[NTEST];
    blobs(train_text, NTRAIN, tr);
    blobs(test_text, NTEST, te);
    kcb_perclass *m = model(&spec, tr, train_label, NTRAIN, P, 2);
    kcb_comp *c;
    assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
    for (size_t i = 0; i < NTEST; i++) {
        double score[NLABELS];
        assert_int_equal(kcb_perclass_score(m, c, te[i].p, te[i].n, score), KCB_OK);
        assert_true(isinf(score[2]));
        for (size_t l = 0; l < 2; l++) {
            size_t parts, sum = 0;
            kcb_perclass_labels(m, l, &parts);
            for (size_t p = 0; p < parts; p++) {
                struct kcb_blob part = kcb_perclass_part(m, l, p);
                int lab = (int)l;
                kcb_perclass *single = model(&spec, &part, &lab, 1, 1, 1);
                double s[NLABELS];
                size_t direct;
                kcb_primed *pr;
                assert_int_equal(kcb_perclass_score(single, c, te[i].p, te[i].n, s), KCB_OK);
                assert_int_equal(kcb_comp_prime(c, part.p, part.n, &pr), KCB_OK);
                assert_int_equal(kcb_comp_size_primed(c, pr, te[i].p, te[i].n, &direct), KCB_OK);
                assert_true(s[l] == (double)direct);
                sum += direct;
                kcb_primed_free(pr);
                kcb_perclass_free(single);
            }
            assert_true(parts > 0 && score[l] == (double)sum / (double)parts);
        }
    }
    kcb_comp_free(c);
    kcb_perclass_free(m);
}

static void test_parts_score_is_mean_of_single_parts(void **state)
{
    (void)state;
    check_parts_mean("gzip", 9, 1);
    check_parts_mean("gzip", 9, 3);
    check_parts_mean("zstd", 3, 3);
    check_parts_mean("zstd", 9, 2);
    check_parts_mean("lz4", 1, 3);
    check_parts_mean("deflate", 6, 4);
}

/* A class text longer than the window keeps its last window bytes (32 KiB for gzip). */
static void test_long_class_keeps_its_end(void **state)
{
    (void)state;
    size_t n = 100000;
    unsigned char *big = kcb_test_make(n, 5, kcb_test_fill_text);
    assert_non_null(big);
    struct kcb_blob whole = {big, n}, tail = {big + n - 32768, 32768};
    struct kcb_blob head = {big, 4000};
    int lab = 0;
    static const char *const codecs[] = {"gzip", "lz4"};
    for (size_t k = 0; k < 2; k++) {
        struct kcb_spec spec = {kcb_codec_find(codecs[k]), k ? 1 : 9, 0};
        if (!spec.codec)
            continue;
        kcb_perclass *a = model(&spec, &whole, &lab, 1, 1, 1);
        kcb_perclass *b = model(&spec, &tail, &lab, 1, 1, 1);
        kcb_comp *c;
        double sa[NLABELS], sb[NLABELS];
        assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
        assert_int_equal(kcb_perclass_score(a, c, head.p, head.n, sa), KCB_OK);
        assert_int_equal(kcb_perclass_score(b, c, head.p, head.n, sb), KCB_OK);
        if (k == 0) /* gzip: the dictionary is the last 32 KiB, the same bytes */
            assert_true(sa[0] == sb[0]);
        else /* lz4 keeps 64 KiB, more than the tail: the start of the text is still far */
            assert_true(sa[0] <= sb[0]);
        kcb_comp_free(c);
        kcb_perclass_free(a);
        kcb_perclass_free(b);
    }
    free(big);
}

static void test_rank_ties_to_smaller_label(void **state)
{
    (void)state;
    double score[5] = {40, 30, INFINITY, 30, 20};
    struct kcb_nb best[6];
    kcb_perclass_rank(score, 5, best, 6);
    static const uint32_t want[6] = {4, 1, 3, 0, UINT32_MAX, UINT32_MAX};
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(best[i].idx, want[i]);
    assert_true(best[0].d == 20.0 && best[1].d == 30.0 && isinf(best[4].d));
    kcb_perclass_rank(score, 5, best, 1);
    assert_int_equal(best[0].idx, 4);
}

/* The search ranks as score and rank do, for every thread count. */
static void test_search_same_for_any_threads(void **state)
{
    (void)state;
    struct kcb_spec spec = {kcb_codec_find("zstd"), 9, 0};
    struct kcb_blob tr[NTRAIN], te[NTEST];
    blobs(train_text, NTRAIN, tr);
    blobs(test_text, NTEST, te);
    kcb_perclass *m = model(&spec, tr, train_label, NTRAIN, 2, 3);
    struct kcb_nb want[NTEST * NLABELS], got[NTEST * NLABELS];
    kcb_comp *c;
    assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
    for (size_t i = 0; i < NTEST; i++) {
        double score[NLABELS];
        assert_int_equal(kcb_perclass_score(m, c, te[i].p, te[i].n, score), KCB_OK);
        kcb_perclass_rank(score, NLABELS, want + i * NLABELS, NLABELS);
    }
    assert_int_equal(want[0].idx, 0); /* the cat text goes to the cat class */
    assert_int_equal(want[NLABELS].idx, 1);
    for (size_t threads = 1; threads <= 3; threads++) {
        struct kcb_perclass_job job = {m,    &spec, te,   NTEST, NLABELS, threads,
                                       NULL, NULL,  NULL, NULL,  0};
        memset(got, 0xA5, sizeof got);
        assert_int_equal(kcb_perclass_search(&job, got), KCB_OK);
        for (size_t i = 0; i < NTEST * NLABELS; i++) {
            assert_int_equal(got[i].idx, want[i].idx);
            assert_true(got[i].d == want[i].d || (isinf(got[i].d) && isinf(want[i].d)));
        }
        /* a shortlist of label 1 alone (and a skipped entry): label 1 with its own score
         * first, the rest as labels without texts */
        struct kcb_nb only[NTEST * 2];
        for (size_t i = 0; i < NTEST; i++) {
            only[2 * i] = (struct kcb_nb){0, UINT32_MAX};
            only[2 * i + 1] = (struct kcb_nb){0, 1};
        }
        job.only = only;
        job.nonly = 2;
        assert_int_equal(kcb_perclass_search(&job, got), KCB_OK);
        for (size_t i = 0; i < NTEST; i++) {
            const struct kcb_nb *w = want + i * NLABELS, *g = got + i * NLABELS;
            size_t at = 0;
            while (w[at].idx != 1)
                at++;
            assert_int_equal(g[0].idx, 1);
            assert_true(g[0].d == w[at].d);
            for (size_t r = 1; r < NLABELS; r++)
                assert_int_equal(g[r].idx, UINT32_MAX);
        }
    }
    kcb_comp_free(c);
    kcb_perclass_free(m);
}

static void test_perclass_refusals(void **state)
{
    (void)state;
    struct kcb_spec gz = {kcb_codec_find("gzip"), 9, 0}, bz = {kcb_codec_find("bzip2"), 9, 0};
    struct kcb_blob tr[NTRAIN];
    blobs(train_text, NTRAIN, tr);
    int bad[NTRAIN];
    memcpy(bad, train_label, sizeof bad);
    bad[4] = NLABELS;
    kcb_perclass *m = (kcb_perclass *)&gz;
    struct kcb_perclass_spec ps[] = {
        {&bz, tr, train_label, NTRAIN, NLABELS, "", 0, 1, 1}, /* cannot prime */
        {&gz, tr, train_label, NTRAIN, NLABELS, "", 0, 0, 1}, /* no parts */
        {&gz, tr, train_label, NTRAIN, NLABELS, "", 0, KCB_PARTS_MAX + 1, 1},
        {&gz, tr, bad, NTRAIN, NLABELS, "", 0, 1, 1},         /* label out of range */
        {&gz, tr, train_label, 0, NLABELS, "", 0, 1, 1},      /* no training text */
    };
    for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++) {
        assert_int_equal(kcb_perclass_new(&ps[i], &m), KCB_EINVAL);
        assert_null(m);
    }
    kcb_primed *pr[NTRAIN];
    assert_int_equal(kcb_cond_prime(&bz, tr, NTRAIN, 1, pr), KCB_EINVAL);
}

/* ---- conditional ---- */

static void test_cond_dist_arithmetic(void **state)
{
    (void)state;
    /* C(x) = 100, C(y) = 80, C(x|y) = 30: (80 + 30 - 80) / 100 */
    assert_true(fabs(kcb_cond_dist(KCB_DIST_NCD, 100, 80, 30) - 0.30) < 1e-12);
    /* C(x) = 50, C(y) = 120, C(x|y) = 20: (120 + 20 - 50) / 120 */
    assert_true(fabs(kcb_cond_dist(KCB_DIST_NCD, 50, 120, 20) - 0.75) < 1e-12);
    assert_true(fabs(kcb_cond_dist(KCB_DIST_CDM, 50, 120, 20) - 140.0 / 170.0) < 1e-12);
}

/* The neighbours are those of the distances from C(x), C(y) and C(x|y) computed one by one,
 * for every thread count. */
static void check_cond_search(const char *codec, int level)
{
    struct kcb_spec spec = {kcb_codec_find(codec), level, 0};
    if (!spec.codec)
        return;
    struct kcb_blob tr[NTRAIN], te[NTEST];
    size_t ctr[NTRAIN], cte[NTEST], k = 4;
    blobs(train_text, NTRAIN, tr);
    blobs(test_text, NTEST, te);
    assert_int_equal(kcb_sizes(&spec, tr, NTRAIN, 1, ctr), KCB_OK);
    assert_int_equal(kcb_sizes(&spec, te, NTEST, 1, cte), KCB_OK);
    struct kcb_nb want[NTEST * 4], got[NTEST * 4];
    kcb_comp *c;
    assert_int_equal(kcb_comp_new(&spec, &c), KCB_OK);
    for (size_t i = 0; i < NTEST; i++) {
        size_t have = 0;
        for (size_t t = 0; t < NTRAIN; t++) {
            kcb_primed *p;
            size_t cxy;
            assert_int_equal(kcb_comp_prime(c, tr[t].p, tr[t].n, &p), KCB_OK);
            assert_int_equal(kcb_comp_size_primed(c, p, te[i].p, te[i].n, &cxy), KCB_OK);
            double d = (double)(ctr[t] + cxy - (cte[i] < ctr[t] ? cte[i] : ctr[t])) /
                       (double)(cte[i] > ctr[t] ? cte[i] : ctr[t]);
            assert_true(d == kcb_cond_dist(KCB_DIST_NCD, cte[i], ctr[t], cxy));
            kcb_nb_insert(want + i * k, &have, k, d, (uint32_t)t);
            kcb_primed_free(p);
        }
    }
    for (size_t threads = 1; threads <= 3; threads++) {
        struct kcb_knn_job job = {&spec, KCB_DIST_NCD, tr, ctr, NTRAIN, te, cte, NTEST, "#", 1,
                                  k, threads, NULL, NULL, NULL};
        memset(got, 0xA5, sizeof got);
        assert_int_equal(kcb_cond_search(&job, got), KCB_OK);
        for (size_t i = 0; i < NTEST * k; i++) {
            assert_int_equal(got[i].idx, want[i].idx);
            assert_true(got[i].d == want[i].d);
        }
    }
    kcb_comp_free(c);
}

static void test_cond_search(void **state)
{
    (void)state;
    check_cond_search("gzip", 9);
    check_cond_search("zstd", 3);
    check_cond_search("lz4", 1);
    check_cond_search("xz", 6);
}

static void test_method_names(void **state)
{
    (void)state;
    enum kcb_method m;
    static const char *const names[] = {"exact", "per-class", "conditional"};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(kcb_method_parse(names[i], &m), KCB_OK);
        assert_int_equal(m, i);
        assert_string_equal(kcb_method_name(m), names[i]);
    }
    assert_int_equal(kcb_method_parse("perclass", &m), KCB_EINVAL);
    assert_int_equal(kcb_method_parse("", &m), KCB_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_class_text_joined_in_order),
        cmocka_unit_test(test_parts_are_runs_of_whole_texts),
        cmocka_unit_test(test_parts_score_is_mean_of_single_parts),
        cmocka_unit_test(test_long_class_keeps_its_end),
        cmocka_unit_test(test_rank_ties_to_smaller_label),
        cmocka_unit_test(test_search_same_for_any_threads),
        cmocka_unit_test(test_perclass_refusals),
        cmocka_unit_test(test_cond_dist_arithmetic),
        cmocka_unit_test(test_cond_search),
        cmocka_unit_test(test_method_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
