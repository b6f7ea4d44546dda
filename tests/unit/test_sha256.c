/* Unit tests for SHA-256: the FIPS 180-4 examples, and the same digest however the input is fed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "kcb/sha256.h"
#include "kcb_test.h"

static void assert_digest(const char *text, size_t n, const char *want)
{
    char hex[KCB_SHA256_HEX];
    kcb_sha256_text(text, n, hex);
    assert_string_equal(hex, want);
}

/* The examples of FIPS 180-4 (and NIST's), lengths around the 55/56/64-byte padding edges. */
static void test_known_digests(void **state)
{
    (void)state;
    assert_digest("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_digest("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    assert_digest(two, strlen(two),
                  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const char *four = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                       "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    assert_digest(four, strlen(four),
                  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_million_a(void **state)
{
    (void)state;
    char *a = malloc(1000000);
    assert_non_null(a);
    memset(a, 'a', 1000000);
    assert_digest(a, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}

/* Fed in pieces of every size from 1 to 130 bytes, 1000 bytes give the one-call digest. */
static void test_pieces(void **state)
{
    (void)state;
    unsigned char data[1000], d[KCB_SHA256_LEN];
    char whole[KCB_SHA256_HEX], hex[KCB_SHA256_HEX];
    kcb_test_fill_random(data, sizeof data, 5);
    kcb_sha256_text(data, sizeof data, whole);
    for (size_t piece = 1; piece <= 130; piece++) {
        struct kcb_sha256 s;
        kcb_sha256_init(&s);
        for (size_t at = 0; at < sizeof data; at += piece)
            kcb_sha256_update(&s, data + at, at + piece <= sizeof data ? piece : sizeof data - at);
        kcb_sha256_update(&s, NULL, 0);
        kcb_sha256_final(&s, d);
        kcb_sha256_hex(d, hex);
        assert_string_equal(hex, whole);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_digests),
        cmocka_unit_test(test_million_a),
        cmocka_unit_test(test_pieces),
    };
    return cmocka_run_group_tests_name("sha256", tests, NULL, NULL);
}
