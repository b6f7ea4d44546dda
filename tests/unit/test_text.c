/* Unit tests for the text helpers: UTF-8 validation, JSON and CSV escaping, JSON numbers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/text.h"
#include "kcb_test.h"

/* kcb_utf8_len of the bytes of s (a string literal, so that embedded bytes are easy to write). */
static size_t u8len(const char *s)
{
    return kcb_utf8_len((const unsigned char *)s, strlen(s));
}

static char *json(const char *s)
{
    struct kcb_test_capture cap;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_json_str(cap.fp, s);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    return cap.text;
}

static char *csv(const char *s)
{
    struct kcb_test_capture cap;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_csv_str(cap.fp, s);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    return cap.text;
}

static char *json_num(double v, int decimals)
{
    struct kcb_test_capture cap;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_json_num(cap.fp, v, decimals);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    return cap.text;
}

#define EXPECT_JSON(in, want)                  \
    do {                                       \
        char *got_ = json(in);                 \
        assert_string_equal(got_, want);       \
        free(got_);                            \
    } while (0)

#define EXPECT_CSV(in, want)                   \
    do {                                       \
        char *got_ = csv(in);                  \
        assert_string_equal(got_, want);       \
        free(got_);                            \
    } while (0)

/* ---- kcb_utf8_len ---- */

static void test_utf8_valid(void **state)
{
    (void)state;
    assert_int_equal(u8len("A"), 1);
    assert_int_equal(u8len("\x7f"), 1);             /* U+007F, last 1-byte */
    assert_int_equal(u8len("\xc2\x80"), 2);         /* U+0080, first 2-byte */
    assert_int_equal(u8len("\xc3\xa9"), 2);         /* é */
    assert_int_equal(u8len("\xdf\xbf"), 2);         /* U+07FF, last 2-byte */
    assert_int_equal(u8len("\xe0\xa0\x80"), 3);     /* U+0800, first 3-byte */
    assert_int_equal(u8len("\xe2\x82\xac"), 3);     /* € */
    assert_int_equal(u8len("\xed\x9f\xbf"), 3);     /* U+D7FF, just below the surrogates */
    assert_int_equal(u8len("\xee\x80\x80"), 3);     /* U+E000, just above them */
    assert_int_equal(u8len("\xef\xbf\xbf"), 3);     /* U+FFFF */
    assert_int_equal(u8len("\xf0\x90\x80\x80"), 4); /* U+10000, first 4-byte */
    assert_int_equal(u8len("\xf0\x9d\x84\x9e"), 4); /* 𝄞 */
    assert_int_equal(u8len("\xf4\x8f\xbf\xbf"), 4); /* U+10FFFF, the last code point */
    /* only the first sequence counts */
    assert_int_equal(u8len("\xc3\xa9tail"), 2);
    assert_int_equal(kcb_utf8_len((const unsigned char *)"", 1), 1); /* NUL is a character */
}

static void test_utf8_overlong(void **state)
{
    (void)state;
    assert_int_equal(u8len("\xc0\x80"), 0);         /* U+0000 in two bytes */
    assert_int_equal(u8len("\xc1\xbf"), 0);         /* U+007F in two bytes */
    assert_int_equal(u8len("\xe0\x80\x80"), 0);
    assert_int_equal(u8len("\xe0\x9f\xbf"), 0);     /* U+07FF in three bytes */
    assert_int_equal(u8len("\xf0\x80\x80\x80"), 0);
    assert_int_equal(u8len("\xf0\x8f\xbf\xbf"), 0); /* U+FFFF in four bytes */
}

static void test_utf8_surrogates(void **state)
{
    (void)state;
    assert_int_equal(u8len("\xed\xa0\x80"), 0); /* U+D800 */
    assert_int_equal(u8len("\xed\xb0\x80"), 0); /* U+DC00 */
    assert_int_equal(u8len("\xed\xbf\xbf"), 0); /* U+DFFF */
}

static void test_utf8_beyond_last_code_point(void **state)
{
    (void)state;
    assert_int_equal(u8len("\xf4\x90\x80\x80"), 0); /* U+110000 */
    assert_int_equal(u8len("\xf5\x80\x80\x80"), 0);
    assert_int_equal(u8len("\xf7\xbf\xbf\xbf"), 0);
    assert_int_equal(u8len("\xf8\x88\x80\x80\x80"), 0); /* old 5-byte form */
    assert_int_equal(u8len("\xfc\x84\x80\x80\x80\x80"), 0);
    assert_int_equal(u8len("\xfe"), 0);
    assert_int_equal(u8len("\xff"), 0);
}

static void test_utf8_truncated_and_broken(void **state)
{
    (void)state;
    const unsigned char *clef = (const unsigned char *)"\xf0\x9d\x84\x9e";
    for (size_t n = 0; n < 4; n++)
        assert_int_equal(kcb_utf8_len(clef, n), 0); /* cut short by n */
    assert_int_equal(kcb_utf8_len((const unsigned char *)"\xc3\xa9", 1), 0);
    assert_int_equal(u8len("\xc3"), 0);
    assert_int_equal(u8len("\xe2\x82"), 0);
    assert_int_equal(u8len("\x80"), 0);         /* a lone continuation byte */
    assert_int_equal(u8len("\xbf"), 0);
    assert_int_equal(u8len("\xc3\x41"), 0);     /* continuation replaced by ASCII */
    assert_int_equal(u8len("\xe2\x82\xc3"), 0); /* continuation replaced by a lead byte */
    assert_int_equal(u8len("\xf0\x9d\x84\x7f"), 0);
}

/* ---- kcb_json_str ---- */

static void test_json_plain_and_utf8_pass_through(void **state)
{
    (void)state;
    EXPECT_JSON("", "\"\"");
    EXPECT_JSON("hello world", "\"hello world\"");
    EXPECT_JSON("caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e",
                "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9d\x84\x9e\"");
    EXPECT_JSON("/ and \x7f", "\"/ and \x7f\""); /* neither needs escaping */
}

static void test_json_quotes_and_backslash(void **state)
{
    (void)state;
    EXPECT_JSON("\"", "\"\\\"\"");
    EXPECT_JSON("\\", "\"\\\\\"");
    EXPECT_JSON("say \"C:\\dir\"", "\"say \\\"C:\\\\dir\\\"\"");
}

static void test_json_control_characters(void **state)
{
    (void)state;
    EXPECT_JSON("\n", "\"\\u000a\"");
    EXPECT_JSON("a\tb\rc", "\"a\\u0009b\\u000dc\"");
    EXPECT_JSON("\x01\x1f", "\"\\u0001\\u001f\"");
    EXPECT_JSON("\x20", "\" \""); /* the first character that is not a control */
}

static void test_json_invalid_utf8_becomes_replacement(void **state)
{
    (void)state;
    EXPECT_JSON("\xff", "\"\\ufffd\"");
    EXPECT_JSON("a\xc3", "\"a\\ufffd\"");                /* truncated at the end */
    EXPECT_JSON("\xc3(", "\"\\ufffd(\"");                /* broken, then carries on */
    EXPECT_JSON("\xc0\xaf", "\"\\ufffd\\ufffd\"");       /* overlong: each byte replaced */
    EXPECT_JSON("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\""); /* a surrogate */
    EXPECT_JSON("\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
    EXPECT_JSON("ok\x80\xc3\xa9", "\"ok\\ufffd\xc3\xa9\""); /* the valid é after it survives */
}

/* Whatever the bytes, the output is valid UTF-8 with no raw control characters. */
static void test_json_output_is_always_valid_utf8(void **state)
{
    (void)state;
    uint64_t seed = 51;
    char in[257];
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < sizeof in - 1; i++) {
            unsigned char b = (unsigned char)(kcb_test_rand(&seed) >> 56);
            in[i] = (char)(b ? b : 'z');
        }
        in[sizeof in - 1] = '\0';
        char *out = json(in);
        const unsigned char *p = (const unsigned char *)out;
        size_t n = strlen(out);
        while (n) {
            size_t len = kcb_utf8_len(p, n);
            assert_true(len > 0);
            assert_true(*p >= 0x20);
            p += len;
            n -= len;
        }
        free(out);
    }
}

/* ---- kcb_csv_str ---- */

static void test_csv_plain_fields_unquoted(void **state)
{
    (void)state;
    EXPECT_CSV("", "");
    EXPECT_CSV("plain", "plain");
    EXPECT_CSV("with space", "with space");
    EXPECT_CSV("x (y); z", "x (y); z");
    EXPECT_CSV("caf\xc3\xa9", "caf\xc3\xa9");
}

static void test_csv_quoting(void **state)
{
    (void)state;
    EXPECT_CSV("a,b", "\"a,b\"");
    EXPECT_CSV("say \"hi\"", "\"say \"\"hi\"\"\"");
    EXPECT_CSV("\"", "\"\"\"\"");
    EXPECT_CSV("two\nlines", "\"two\nlines\"");
    EXPECT_CSV("cr\r", "\"cr\r\"");
    EXPECT_CSV(",", "\",\"");
}

/* ---- kcb_json_num ---- */

static void test_json_num(void **state)
{
    (void)state;
    static const struct {
        double v;
        int dec;
        const char *want;
    } cases[] = {
        {0.5, 3, "0.500"}, {-0.25, 2, "-0.25"}, {2.0, 0, "2"}, {1.0 / 3.0, 6, "0.333333"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = json_num(cases[i].v, cases[i].dec);
        assert_string_equal(got, cases[i].want);
        free(got);
    }
    const double non_finite[] = {NAN, INFINITY, -INFINITY};
    for (size_t i = 0; i < 3; i++) {
        char *got = json_num(non_finite[i], 3);
        assert_string_equal(got, "null");
        free(got);
    }
}

/* ---- kcb_name_find and kcb_fnv1a ---- */

static void test_name_find(void **state)
{
    (void)state;
    static const char *const names[] = {"ncd", NULL, "cdm", "clm", "cdm"};
    assert_int_equal(kcb_name_find(names, 5, "ncd"), 0);
    assert_int_equal(kcb_name_find(names, 5, "cdm"), 2); /* the first of equal names */
    assert_int_equal(kcb_name_find(names, 5, "clm"), 3);
    assert_int_equal(kcb_name_find(names, 3, "clm"), -1); /* beyond n */
    assert_int_equal(kcb_name_find(names, 5, "NCD"), -1);
    assert_int_equal(kcb_name_find(names, 5, ""), -1);
    assert_int_equal(kcb_name_find(names, 0, "ncd"), -1);
}

/* The published FNV-1a 64-bit test vectors. */
static void test_fnv1a(void **state)
{
    (void)state;
    assert_true(kcb_fnv1a("", 0) == 0xcbf29ce484222325u);
    assert_true(kcb_fnv1a("a", 1) == 0xaf63dc4c8601ec8cu);
    assert_true(kcb_fnv1a("foobar", 6) == 0x85944171f73967e8u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test(test_utf8_overlong),
        cmocka_unit_test(test_utf8_surrogates),
        cmocka_unit_test(test_utf8_beyond_last_code_point),
        cmocka_unit_test(test_utf8_truncated_and_broken),
        cmocka_unit_test(test_json_plain_and_utf8_pass_through),
        cmocka_unit_test(test_json_quotes_and_backslash),
        cmocka_unit_test(test_json_control_characters),
        cmocka_unit_test(test_json_invalid_utf8_becomes_replacement),
        cmocka_unit_test(test_json_output_is_always_valid_utf8),
        cmocka_unit_test(test_csv_plain_fields_unquoted),
        cmocka_unit_test(test_csv_quoting),
        cmocka_unit_test(test_json_num),
        cmocka_unit_test(test_name_find),
        cmocka_unit_test(test_fnv1a),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
