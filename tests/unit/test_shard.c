/* Unit tests for shards and part files: the split, the JSON round trip to the bit, and merging. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/shard.h"
#include "kcb_test.h"

/* ---- the split ---- */

static void test_shard_parse(void **state)
{
    (void)state;
    struct kcb_shard s;
    char why[128];
    assert_int_equal(kcb_shard_parse("1/1", &s, why, sizeof why), KCB_OK);
    assert_true(s.i == 1 && s.n == 1);
    assert_int_equal(kcb_shard_parse("3/40", &s, why, sizeof why), KCB_OK);
    assert_true(s.i == 3 && s.n == 40);
    assert_int_equal(kcb_shard_parse("100000/100000", &s, why, sizeof why), KCB_OK);
    static const char *const bad[] = {"0/2", "3/2", "2", "a/b", "1/0", "1/2x", "/2", "1/",
                                      "1/100001", " 1/2", "-1/2", "1//2", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        why[0] = '\0';
        assert_int_equal(kcb_shard_parse(bad[i], &s, why, sizeof why), KCB_EINVAL);
        assert_true(why[0] != '\0');
    }
}

/* Every item is in exactly one shard, item mod N == I - 1, and the counts add up. */
static void test_shard_split(void **state)
{
    (void)state;
    for (size_t N = 1; N <= 9; N++) {
        for (size_t n = 0; n <= 20; n++) {
            size_t total = 0;
            for (size_t i = 1; i <= N; i++) {
                struct kcb_shard s = {i, N};
                size_t count = 0;
                for (size_t item = 0; item < n; item++)
                    count += (size_t)kcb_shard_has(s, item);
                assert_int_equal(kcb_shard_count(s, n), count);
                total += count;
            }
            assert_int_equal(total, n);
        }
    }
    assert_true(kcb_shard_has((struct kcb_shard){2, 3}, 4));
    assert_false(kcb_shard_has((struct kcb_shard){2, 3}, 5));
}

/* ---- parts ---- */

enum { NTRAIN = 10, NTEST = 7, NSPECS = 2, K = 3 };

/* Distances that only 17 significant digits give back exactly. */
static double distance(size_t s, size_t i, size_t j)
{
    static const double d[] = {1.0 / 3, 0.1 + 0.2, 1e-300, 0.7577854671280276, 2.0 / 7,
                               1.1000000000000001, 0.0};
    return nextafter(d[(s + i + j) % 7], (double)(i + j));
}

/* A part of the run with every item, or only those of shard sh (then -1 elsewhere). */
static void make_part(struct kcb_part *p, struct kcb_shard sh, const char *fingerprint)
{
    static const char *const argv[] = {"eval", "-t", "tr.tsv", "-T", "te.tsv", "--sep", "é"};
    static const char *const labels[] = {"earn", "acq", "crude \"oil\""};
    memset(p, 0, sizeof *p);
    assert_int_equal(kcb_part_init(p, NTRAIN, NTEST, NSPECS, K), KCB_OK);
    assert_int_equal(kcb_part_set_argv(p, 7, argv), KCB_OK);
    assert_int_equal(kcb_part_set_labels(p, 3, labels), KCB_OK);
    p->shard = sh;
    snprintf(p->fingerprint, sizeof p->fingerprint, "%064d", 0);
    memcpy(p->fingerprint, fingerprint, strlen(fingerprint));
    snprintf(p->train_digest, sizeof p->train_digest, "%064d", 1);
    snprintf(p->test_digest, sizeof p->test_digest, "%064d", 2);
    for (size_t r = 0; r < NTRAIN; r++) {
        p->train_label[r] = (int)(r % 3);
        p->train_line[r] = (long)r + 1;
    }
    for (size_t i = 0; i < NTEST; i++) {
        if (!kcb_shard_has(sh, i))
            continue;
        p->have[i] = 1;
        p->test_label[i] = (int)((i * 2) % 3);
        p->test_line[i] = (long)(i + 3);
        for (size_t s = 0; s < NSPECS; s++)
            for (size_t j = 0; j < K; j++)
                p->nb[(s * NTEST + i) * K + j] =
                    (struct kcb_nb){distance(s, i, j), (uint32_t)((i + 3 * j + s) % NTRAIN)};
    }
}

/* a and b hold the same items, neighbours (to the bit) and labels of the rows they name. */
static void assert_same_items(const struct kcb_part *a, const struct kcb_part *b)
{
    assert_int_equal(a->ntest, b->ntest);
    assert_memory_equal(a->have, b->have, a->ntest);
    for (size_t i = 0; i < a->ntest; i++) {
        if (!a->have[i])
            continue;
        assert_int_equal(a->test_label[i], b->test_label[i]);
        assert_int_equal(a->test_line[i], b->test_line[i]);
        for (size_t s = 0; s < a->nspecs; s++) {
            const struct kcb_nb *x = a->nb + (s * a->ntest + i) * a->k;
            const struct kcb_nb *y = b->nb + (s * b->ntest + i) * b->k;
            for (size_t j = 0; j < a->k; j++) {
                assert_int_equal(x[j].idx, y[j].idx);
                assert_memory_equal(&x[j].d, &y[j].d, sizeof x[j].d);
                assert_int_equal(a->train_label[x[j].idx], b->train_label[y[j].idx]);
                assert_int_equal(a->train_line[x[j].idx], b->train_line[y[j].idx]);
            }
        }
    }
}

/* Writes p and reads it back into *q. */
static void round_trip(const struct kcb_part *p, struct kcb_part *q)
{
    char *text, why[256];
    assert_int_equal(kcb_part_dumps(p, &text, why, sizeof why), KCB_OK);
    memset(q, 0, sizeof *q);
    int rc = kcb_part_loads(text, strlen(text), q, why, sizeof why);
    if (rc)
        fail_msg("%s", why);
    free(text);
}

static void test_part_round_trip(void **state)
{
    (void)state;
    struct kcb_part p, q;
    make_part(&p, (struct kcb_shard){2, 3}, "ab");
    round_trip(&p, &q);
    assert_true(q.shard.i == 2 && q.shard.n == 3);
    assert_string_equal(q.fingerprint, p.fingerprint);
    assert_string_equal(q.test_digest, p.test_digest);
    assert_int_equal(q.argc, 7);
    assert_string_equal(q.argv[6], "é");
    assert_int_equal(q.nlabels, 3);
    assert_string_equal(q.labels[2], "crude \"oil\"");
    assert_true(q.ntrain == NTRAIN && q.nspecs == NSPECS && q.k == K);
    assert_same_items(&p, &q);
    assert_int_equal(q.test_label[0], -1); /* item 0 is of shard 1 */
    kcb_part_free(&p);
    kcb_part_free(&q);
}

/* With fewer training rows than k, an item has as many neighbours as rows. */
static void test_part_few_rows(void **state)
{
    (void)state;
    struct kcb_part p = {0}, q;
    assert_int_equal(kcb_part_init(&p, 2, 1, 1, 5), KCB_OK);
    p.train_label[0] = p.train_label[1] = 0;
    p.have[0] = 1;
    p.test_label[0] = 0;
    p.nb[0] = (struct kcb_nb){0.5, 1};
    p.nb[1] = (struct kcb_nb){0.75, 0};
    assert_int_equal(kcb_part_set_labels(&p, 1, (const char *const[]){"x"}), KCB_OK);
    assert_int_equal(kcb_part_set_argv(&p, 1, (const char *const[]){"eval"}), KCB_OK);
    snprintf(p.fingerprint, sizeof p.fingerprint, "%064d", 3);
    snprintf(p.train_digest, sizeof p.train_digest, "%064d", 4);
    snprintf(p.test_digest, sizeof p.test_digest, "%064d", 5);
    round_trip(&p, &q);
    assert_int_equal(q.nb[1].idx, 0);
    assert_int_equal(q.nb[2].idx, UINT32_MAX);
    kcb_part_free(&p);
    kcb_part_free(&q);
}

/* Text that JSON cannot hold, and distances that are not finite, are refused. */
static void test_part_dump_refuses(void **state)
{
    (void)state;
    struct kcb_part p;
    char *text, why[128];
    make_part(&p, (struct kcb_shard){1, 1}, "");
    p.nb[4].d = INFINITY;
    assert_int_equal(kcb_part_dumps(&p, &text, why, sizeof why), KCB_EINVAL);
    assert_null(text);
    p.nb[4].d = 0.5;
    free(p.labels[1]);
    p.labels[1] = strdup("\xff\xfe");
    assert_int_equal(kcb_part_dumps(&p, &text, why, sizeof why), KCB_EINVAL);
    assert_non_null(strstr(why, "not UTF-8"));
    kcb_part_free(&p);
}

/* Replaces the first from in text by to, in place (text has room for the longer one). */
static void edit(char *text, const char *from, const char *to)
{
    char *at = strstr(text, from);
    assert_non_null(at);
    memmove(at + strlen(to), at + strlen(from), strlen(at + strlen(from)) + 1);
    memcpy(at, to, strlen(to));
}

/* Loads text edited from -> to, expecting KCB_EFORMAT with msg in the reason. */
static void assert_refused(const char *good, const char *from, const char *to, const char *msg)
{
    char *text = malloc(strlen(good) + (to ? strlen(to) : 0) + 1), why[512] = "";
    struct kcb_part q = {0};
    assert_non_null(text);
    strcpy(text, good);
    if (from)
        edit(text, from, to);
    assert_int_equal(kcb_part_loads(text, strlen(text), &q, why, sizeof why), KCB_EFORMAT);
    if (!strstr(why, msg))
        fail_msg("'%s' does not say '%s'", why, msg);
    assert_null(q.nb);
    free(text);
}

static void test_part_load_refuses(void **state)
{
    (void)state;
    struct kcb_part p;
    char *text, why[128];
    make_part(&p, (struct kcb_shard){2, 3}, "ab");
    assert_int_equal(kcb_part_dumps(&p, &text, why, sizeof why), KCB_OK);
    assert_refused("[1]", NULL, NULL, "not a JSON object");
    assert_refused("{\"a\":", NULL, NULL, "malformed JSON");
    assert_refused(text, "eval part", "eval", "not a kcbench part file");
    assert_refused(text, "\"version\":1", "\"version\":2", "version 2");
    assert_refused(text, "\"shard\":2", "\"shard\":4", "out of range");
    assert_refused(text, "\"n_test\":7", "\"n_test\":9", "holds 2 items, not 3");
    assert_refused(text, "\"fingerprint\":\"ab", "\"fingerprint\":\"AB", "64 hex digits");
    assert_refused(text, "\"test\":1,", "\"test\":2,", "item 1 of \"items\"");
    assert_refused(text, "\"test\":4,", "\"test\":1,", "item 2 of \"items\"");
    assert_refused(text, "\"truth\":2", "\"truth\":3", "item 1 of \"items\"");
    assert_refused(text, "\"n_train\":10", "\"n_train\":\"\"", "malformed header");
    assert_refused(text, "\"compressors\":2", "\"compressors\":0", "out of range");
    assert_refused(text, "\"train\":[[", "\"train\":[[99", "training row 1");
    free(text);
    kcb_part_free(&p);
}

/* ---- merging ---- */

/* Shards of the run of make_part, written and read back. */
static void shards(struct kcb_part *v, size_t n, const size_t *which, size_t N)
{
    for (size_t k = 0; k < n; k++) {
        struct kcb_part p;
        make_part(&p, (struct kcb_shard){which[k], N}, "ab");
        round_trip(&p, &v[k]);
        kcb_part_free(&p);
    }
}

static void free_parts(struct kcb_part *v, size_t n)
{
    for (size_t k = 0; k < n; k++)
        kcb_part_free(&v[k]);
}

static void test_merge_whole(void **state)
{
    (void)state;
    struct kcb_part v[3], whole = {0}, want;
    struct kcb_merge_diag d;
    shards(v, 3, (const size_t[]){3, 1, 2}, 3);
    assert_int_equal(kcb_parts_merge(v, 3, &whole, &d), KCB_OK);
    assert_int_equal(d.problem, KCB_MERGE_OK);
    make_part(&want, (struct kcb_shard){1, 1}, "ab");
    assert_same_items(&want, &whole);
    assert_true(whole.shard.i == 1 && whole.shard.n == 1);
    assert_string_equal(whole.fingerprint, want.fingerprint);
    assert_string_equal(whole.argv[2], "tr.tsv");
    free_parts(v, 3);
    kcb_part_free(&whole);
    kcb_part_free(&want);
}

/* Expects parts to be refused for problem, naming part and other (or the missing shard). */
static void assert_no_merge(struct kcb_part *v, size_t n, enum kcb_merge_problem problem,
                            size_t part, size_t other)
{
    struct kcb_part whole = {0};
    struct kcb_merge_diag d;
    assert_int_equal(kcb_parts_merge(v, n, &whole, &d), KCB_EFORMAT);
    assert_int_equal(d.problem, problem);
    if (problem == KCB_MERGE_MISSING) {
        assert_int_equal(d.shard, part);
    } else {
        assert_int_equal(d.part, part);
        assert_int_equal(d.other, other);
    }
    assert_null(whole.nb);
}

static void test_merge_refuses(void **state)
{
    (void)state;
    struct kcb_part v[4];
    shards(v, 2, (const size_t[]){1, 3}, 3);
    assert_no_merge(v, 2, KCB_MERGE_MISSING, 2, 0);
    free_parts(v, 2);
    shards(v, 4, (const size_t[]){1, 2, 2, 3}, 3);
    assert_no_merge(v, 4, KCB_MERGE_DUPLICATE, 2, 1);
    free_parts(v, 4);
    shards(v, 3, (const size_t[]){1, 2, 3}, 3);
    v[1].fingerprint[0] = 'f';
    assert_no_merge(v, 3, KCB_MERGE_FOREIGN, 1, 0);
    free_parts(v, 3);
    shards(v, 2, (const size_t[]){1, 2}, 3);
    shards(v + 2, 1, (const size_t[]){2}, 2);
    assert_no_merge(v, 3, KCB_MERGE_NSHARDS, 2, 0);
    free_parts(v, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shard_parse),
        cmocka_unit_test(test_shard_split),
        cmocka_unit_test(test_part_round_trip),
        cmocka_unit_test(test_part_few_rows),
        cmocka_unit_test(test_part_dump_refuses),
        cmocka_unit_test(test_part_load_refuses),
        cmocka_unit_test(test_merge_whole),
        cmocka_unit_test(test_merge_refuses),
    };
    return cmocka_run_group_tests_name("shard", tests, NULL, NULL);
}
