/* Unit tests for codec spec lists: kcb_specs_parse, lzbench's syntax and kcb_spec_str. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "kcb/comp.h"
#include "kcb/err.h"

/* Parses text, which must succeed, into *s. */
static void parse_ok(const char *text, struct kcb_specs *s)
{
    char why[256] = "";
    int rc = kcb_specs_parse(text, s, why, sizeof why);
    if (rc)
        print_error("'%s': %s\n", text, why);
    assert_int_equal(rc, KCB_OK);
}

/* Asserts that entry i of s is name at level. */
static void expect(const struct kcb_specs *s, size_t i, const char *name, int level)
{
    assert_true(i < s->n);
    assert_ptr_equal(s->v[i].codec, kcb_codec_find(name));
    assert_int_equal(s->v[i].level, level);
}

/* Parses text, which must fail with KCB_EINVAL, a reason holding needle, and an empty list. */
static void parse_fails(const char *text, const char *needle)
{
    char why[256] = "";
    static struct kcb_spec junk;
    struct kcb_specs s = {&junk, 99}; /* must be reset even on failure */
    assert_int_equal(kcb_specs_parse(text, &s, why, sizeof why), KCB_EINVAL);
    assert_null(s.v);
    assert_int_equal(s.n, 0);
    if (!strstr(why, needle))
        print_error("'%s': reason '%s' lacks '%s'\n", text ? text : "(null)", why, needle);
    assert_non_null(strstr(why, needle));
}

static void test_name_alone_is_default_level(void **state)
{
    (void)state;
    struct kcb_specs s;
    parse_ok("gzip", &s);
    assert_int_equal(s.n, 1);
    expect(&s, 0, "gzip", kcb_codec_find("gzip")->level_default);
    kcb_specs_free(&s);
}

static void test_name_and_level(void **state)
{
    (void)state;
    struct kcb_specs s;
    parse_ok("gzip:1", &s);
    assert_int_equal(s.n, 1);
    expect(&s, 0, "gzip", 1);
    kcb_specs_free(&s);
    parse_ok("xz:0", &s); /* level 0 is a level, not "nothing" */
    assert_int_equal(s.n, 1);
    expect(&s, 0, "xz", 0);
    kcb_specs_free(&s);
}

static void test_bare_levels_continue_previous_codec(void **state)
{
    (void)state;
    struct kcb_specs s;
    parse_ok("zstd:1,3,19", &s);
    assert_int_equal(s.n, 3);
    expect(&s, 0, "zstd", 1);
    expect(&s, 1, "zstd", 3);
    expect(&s, 2, "zstd", 19);
    kcb_specs_free(&s);

    parse_ok("zstd:1,xz,3,gzip:9,1", &s);
    assert_int_equal(s.n, 5);
    expect(&s, 0, "zstd", 1);
    expect(&s, 1, "xz", kcb_codec_find("xz")->level_default);
    expect(&s, 2, "xz", 3);
    expect(&s, 3, "gzip", 9);
    expect(&s, 4, "gzip", 1);
    kcb_specs_free(&s);
}

static void test_all_levels(void **state)
{
    (void)state;
    const struct kcb_codec *xz = kcb_codec_find("xz");
    struct kcb_specs s;
    parse_ok("xz:all", &s);
    assert_int_equal(s.n, (size_t)(xz->level_max - xz->level_min + 1));
    for (size_t i = 0; i < s.n; i++)
        expect(&s, i, "xz", xz->level_min + (int)i);
    kcb_specs_free(&s);
}

static void test_level_range(void **state)
{
    (void)state;
    struct kcb_specs s;
    parse_ok("zstd:1-3", &s);
    assert_int_equal(s.n, 3);
    for (int l = 1; l <= 3; l++)
        expect(&s, (size_t)l - 1, "zstd", l);
    kcb_specs_free(&s);
    parse_ok("gzip:4-4", &s);
    assert_int_equal(s.n, 1);
    expect(&s, 0, "gzip", 4);
    kcb_specs_free(&s);
    parse_ok("zstd:1,5-6", &s); /* a bare range continues too */
    assert_int_equal(s.n, 3);
    expect(&s, 2, "zstd", 6);
    kcb_specs_free(&s);
}

static void test_all_codecs(void **state)
{
    (void)state;
    size_t n;
    const struct kcb_codec *const *all = kcb_codecs(&n);
    struct kcb_specs s;
    parse_ok("all", &s);
    assert_int_equal(s.n, n);
    for (size_t i = 0; i < n; i++) {
        assert_ptr_equal(s.v[i].codec, all[i]);
        assert_int_equal(s.v[i].level, all[i]->level_default);
    }
    kcb_specs_free(&s);
}

static void test_duplicates_kept_once_in_first_seen_order(void **state)
{
    (void)state;
    struct kcb_specs s;
    parse_ok("zstd:3,gzip:9,zstd:1-3,gzip,zstd", &s);
    assert_int_equal(s.n, 4);
    expect(&s, 0, "zstd", 3);
    expect(&s, 1, "gzip", 9);
    expect(&s, 2, "zstd", 1);
    expect(&s, 3, "zstd", 2);
    kcb_specs_free(&s);

    size_t n;
    kcb_codecs(&n);
    parse_ok("gzip:1,all,all", &s);
    assert_int_equal(s.n, n + 1);
    expect(&s, 0, "gzip", 1);
    kcb_specs_free(&s);
}

static void test_unknown_codec(void **state)
{
    (void)state;
    parse_fails("nope", "unknown compressor 'nope'");
    parse_fails("gzip,nope:3", "'nope'");
    parse_fails("GZIP", "'GZIP'");
    parse_fails("nope", "gzip"); /* the reason lists what this build has */
}

static void test_level_out_of_range(void **state)
{
    (void)state;
    parse_fails("gzip:10", "out of range");
    parse_fails("gzip:0", "out of range");
    parse_fails("gzip:-1", "out of range");
    parse_fails("zstd:1,23", "out of range");
    parse_fails("zstd:20-23", "out of range");
    parse_fails("gzip:10", "gzip");
}

static void test_bad_level_text(void **state)
{
    (void)state;
    parse_fails("gzip:x", "bad level 'x'");
    parse_fails("gzip:", "bad level");
    parse_fails("gzip:9x", "bad level");
    parse_fails("gzip:1-", "bad level");
    parse_fails("gzip:3-1", "bad level"); /* an empty range */
    parse_fails("gzip:1-2-3", "bad level");
    parse_fails("gzip:ALL", "bad level");
    parse_fails("gzip:9:9", "bad level");
    parse_fails("zstd:1,3x", "bad level '3x' for zstd"); /* a bad bare level */
}

static void test_empty_entries(void **state)
{
    (void)state;
    parse_fails(",", "empty entry");
    parse_fails("gzip,,xz", "empty entry");
    parse_fails("gzip,", "empty entry");
    parse_fails(",gzip", "empty entry");
    parse_fails("", "empty entry");
    parse_fails(NULL, "empty entry");
}

static void test_bare_level_first(void **state)
{
    (void)state;
    parse_fails("9", "unknown compressor '9'");
    parse_fails(":9", "unknown compressor ''");
}

static void test_reason_optional_and_truncated(void **state)
{
    (void)state;
    struct kcb_specs s;
    assert_int_equal(kcb_specs_parse("nope", &s, NULL, 0), KCB_EINVAL);
    assert_int_equal(kcb_specs_parse("nope", &s, NULL, 100), KCB_EINVAL);
    char why[8];
    memset(why, 'Z', sizeof why);
    assert_int_equal(kcb_specs_parse("gzip:99", &s, why, sizeof why), KCB_EINVAL);
    assert_int_equal(strlen(why), sizeof why - 1);
    char untouched[4] = "abc";
    assert_int_equal(kcb_specs_parse("nope", &s, untouched, 0), KCB_EINVAL);
    assert_string_equal(untouched, "abc");
}

static void test_free_empty_list(void **state)
{
    (void)state;
    struct kcb_specs s = {0};
    kcb_specs_free(&s);
    kcb_specs_free(&s);
    assert_null(s.v);
    assert_int_equal(s.n, 0);
}

static void test_spec_str(void **state)
{
    (void)state;
    char buf[32];
    struct kcb_spec gz = {kcb_codec_find("gzip"), 9, 0}, xz = {kcb_codec_find("xz"), 0, 0};
    assert_ptr_equal(kcb_spec_str(&gz, buf, sizeof buf), buf);
    assert_string_equal(buf, "gzip:9");
    assert_string_equal(kcb_spec_str(&xz, buf, sizeof buf), "xz:0");
    assert_string_equal(kcb_spec_str(&gz, buf, 4), "gzi"); /* truncated, still terminated */
}

/* Every codec:level string that kcb_spec_str writes parses back to the same spec. */
static void test_spec_str_parses_back(void **state)
{
    (void)state;
    size_t n;
    const struct kcb_codec *const *all = kcb_codecs(&n);
    for (size_t i = 0; i < n; i++) {
        for (int l = all[i]->level_min; l <= all[i]->level_max; l++) {
            struct kcb_spec in = {all[i], l, 0};
            char buf[64];
            struct kcb_specs s;
            parse_ok(kcb_spec_str(&in, buf, sizeof buf), &s);
            assert_int_equal(s.n, 1);
            assert_ptr_equal(s.v[0].codec, all[i]);
            assert_int_equal(s.v[0].level, l);
            kcb_specs_free(&s);
        }
    }
}

/* ---- lzbench's -e syntax ---- */

/* Parses text in lzbench's syntax, which must succeed, into *s. */
static void lz_ok(const char *text, struct kcb_specs *s)
{
    char why[256] = "";
    int rc = kcb_specs_parse_lzbench(text, s, why, sizeof why);
    if (rc)
        print_error("lzbench '%s': %s\n", text, why);
    assert_int_equal(rc, KCB_OK);
}

/* Parses text in lzbench's syntax, which must fail with KCB_EINVAL, a reason holding needle
 * and an empty list. */
static void lz_fails(const char *text, const char *needle)
{
    char why[256] = "";
    static struct kcb_spec junk;
    struct kcb_specs s = {&junk, 99};
    assert_int_equal(kcb_specs_parse_lzbench(text, &s, why, sizeof why), KCB_EINVAL);
    assert_null(s.v);
    assert_int_equal(s.n, 0);
    if (!strstr(why, needle))
        print_error("lzbench '%s': reason '%s' lacks '%s'\n", text ? text : "(null)", why,
                    needle);
    assert_non_null(strstr(why, needle));
}

/* Asserts that s holds exactly every level of codec name, in order, from entry at on. */
static void expect_every_level(const struct kcb_specs *s, size_t at, const char *name)
{
    const struct kcb_codec *c = kcb_codec_find(name);
    for (int l = c->level_min; l <= c->level_max; l++)
        expect(s, at + (size_t)(l - c->level_min), name, l);
}

/* Codecs separated by '/', levels after commas: the same list as -c gives. */
static void test_lzbench_levels_after_commas(void **state)
{
    (void)state;
    struct kcb_specs s, c;
    lz_ok("zstd,1,3,19/xz,6", &s);
    assert_int_equal(s.n, 4);
    expect(&s, 0, "zstd", 1);
    expect(&s, 1, "zstd", 3);
    expect(&s, 2, "zstd", 19);
    expect(&s, 3, "xz", 6);
    parse_ok("zstd:1,3,19,xz:6", &c);
    assert_int_equal(c.n, s.n);
    assert_memory_equal(c.v, s.v, s.n * sizeof *s.v);
    kcb_specs_free(&s);
    kcb_specs_free(&c);
    lz_ok("gzip,9", &s);
    assert_int_equal(s.n, 1);
    expect(&s, 0, "gzip", 9);
    kcb_specs_free(&s);
    lz_ok("xz,0/bzip2,1-3", &s); /* level 0, and a range as -c takes */
    assert_int_equal(s.n, 4);
    expect(&s, 0, "xz", 0);
    expect(&s, 3, "bzip2", 3);
    kcb_specs_free(&s);
}

/* A codec alone is every level of it, as lzbench -ezstd is. */
static void test_lzbench_name_alone_is_every_level(void **state)
{
    (void)state;
    const struct kcb_codec *gz = kcb_codec_find("gzip");
    size_t ngz = (size_t)(gz->level_max - gz->level_min + 1);
    struct kcb_specs s;
    lz_ok("gzip", &s);
    assert_int_equal(s.n, ngz);
    expect_every_level(&s, 0, "gzip");
    kcb_specs_free(&s);
    lz_ok("xz,6/gzip", &s);
    assert_int_equal(s.n, 1 + ngz);
    expect(&s, 0, "xz", 6);
    expect_every_level(&s, 1, "gzip");
    kcb_specs_free(&s);
}

/* "all" is every level of every codec of this build, in the registry's order. */
static void test_lzbench_all(void **state)
{
    (void)state;
    size_t n, at = 0;
    const struct kcb_codec *const *all = kcb_codecs(&n);
    struct kcb_specs s;
    lz_ok("all", &s);
    for (size_t i = 0; i < n; i++) {
        expect_every_level(&s, at, all[i]->name);
        at += (size_t)(all[i]->level_max - all[i]->level_min + 1);
    }
    assert_int_equal(s.n, at);
    kcb_specs_free(&s);
    lz_ok("zstd,19/all", &s); /* duplicates once, first seen first */
    assert_int_equal(s.n, at);
    expect(&s, 0, "zstd", 19);
    kcb_specs_free(&s);
}

/* memcpy is always measured first by bench: in the list it adds nothing. */
static void test_lzbench_memcpy_adds_nothing(void **state)
{
    (void)state;
    struct kcb_specs s;
    lz_ok("memcpy", &s);
    assert_int_equal(s.n, 0);
    kcb_specs_free(&s);
    lz_ok("memcpy/zstd,1/memcpy", &s);
    assert_int_equal(s.n, 1);
    expect(&s, 0, "zstd", 1);
    kcb_specs_free(&s);
}

static void test_lzbench_duplicates_once(void **state)
{
    (void)state;
    struct kcb_specs s;
    lz_ok("zstd,3/gzip,9/zstd,1,3,3", &s);
    assert_int_equal(s.n, 3);
    expect(&s, 0, "zstd", 3);
    expect(&s, 1, "gzip", 9);
    expect(&s, 2, "zstd", 1);
    kcb_specs_free(&s);
}

static void test_lzbench_errors(void **state)
{
    (void)state;
    lz_fails("", "empty entry");
    lz_fails(NULL, "empty entry");
    lz_fails("zstd//xz", "empty entry");
    lz_fails("zstd/", "empty entry");
    lz_fails("/zstd", "empty entry");
    lz_fails(",1", "empty entry");
    lz_fails("zstd,,3", "empty level in 'zstd'");
    lz_fails("zstd,", "empty level");
    lz_fails("nope,1", "unknown compressor 'nope'");
    lz_fails("nope", "gzip"); /* the reason lists what this build has */
    lz_fails("zstd:3", "levels follow commas");
    lz_fails("zstd,23", "out of range");
    lz_fails("gzip,0", "out of range");
    lz_fails("gzip,x", "bad level 'x' for gzip");
    lz_fails("gzip,9/zstd,1,3x", "bad level '3x' for zstd");
    lz_fails("all,1", "'all' takes no levels");
    lz_fails("memcpy,1", "'memcpy' takes no levels");
    lz_fails("ZSTD,1", "'ZSTD'");
    struct kcb_specs s;
    assert_int_equal(kcb_specs_parse_lzbench("nope", &s, NULL, 0), KCB_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_name_alone_is_default_level),
        cmocka_unit_test(test_name_and_level),
        cmocka_unit_test(test_bare_levels_continue_previous_codec),
        cmocka_unit_test(test_all_levels),
        cmocka_unit_test(test_level_range),
        cmocka_unit_test(test_all_codecs),
        cmocka_unit_test(test_duplicates_kept_once_in_first_seen_order),
        cmocka_unit_test(test_unknown_codec),
        cmocka_unit_test(test_level_out_of_range),
        cmocka_unit_test(test_bad_level_text),
        cmocka_unit_test(test_empty_entries),
        cmocka_unit_test(test_bare_level_first),
        cmocka_unit_test(test_reason_optional_and_truncated),
        cmocka_unit_test(test_free_empty_list),
        cmocka_unit_test(test_spec_str),
        cmocka_unit_test(test_spec_str_parses_back),
        cmocka_unit_test(test_lzbench_levels_after_commas),
        cmocka_unit_test(test_lzbench_name_alone_is_every_level),
        cmocka_unit_test(test_lzbench_all),
        cmocka_unit_test(test_lzbench_memcpy_adds_nothing),
        cmocka_unit_test(test_lzbench_duplicates_once),
        cmocka_unit_test(test_lzbench_errors),
    };
    return cmocka_run_group_tests_name("spec", tests, NULL, NULL);
}
