/* Unit tests for the model file: every truncated, damaged, foreign or other-version file refused. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "model_test.h"

/* Cut points: inside the magic, inside the header, in the payload, inside the CRC. */
static void test_truncated(void **state)
{
    (void)state;
    size_t n;
    unsigned char *p = written("whole.kcb", "gzip:9", &n);
    const size_t cuts[] = {0, 3, 8, 12, 23, HEADER, HEADER + 1, HEADER + 10, n / 2,
                           n - TRAILER - 1, n - TRAILER, n - 1};
    for (size_t c = 0; c < sizeof cuts / sizeof *cuts; c++) {
        char why[256];
        char path[128];
        path_of(path, sizeof path, "cut.kcb");
        spit(path, p, cuts[c]);
        expect_error("cut.kcb", KCB_ECORRUPT, why, sizeof why);
        if (cuts[c] < 8)
            assert_non_null(strstr(why, "magic"));
        else
            assert_non_null(strstr(why, "truncated"));
    }
    /* one byte too many is refused as well */
    unsigned char *q = malloc(n + 1);
    assert_non_null(q);
    memcpy(q, p, n);
    q[n] = 0;
    char path[128], why[256];
    path_of(path, sizeof path, "padded.kcb");
    spit(path, q, n + 1);
    expect_error("padded.kcb", KCB_ECORRUPT, why, sizeof why);
    assert_non_null(strstr(why, "padded"));
    free(q);
    free(p);
}

static void test_flipped_byte(void **state)
{
    (void)state;
    size_t n;
    unsigned char *p = written("flip.kcb", "gzip:9,zstd:3", &n);
    const size_t at[] = {HEADER, HEADER + 7, (HEADER + n) / 2, n - TRAILER - 1, n - 1};
    char path[128];
    path_of(path, sizeof path, "flipped.kcb");
    for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
        for (unsigned bit = 1; bit < 256; bit <<= 3) {
            char why[256];
            p[at[i]] ^= (unsigned char)bit;
            spit(path, p, n);
            p[at[i]] ^= (unsigned char)bit;
            expect_error("flipped.kcb", KCB_ECORRUPT, why, sizeof why);
            assert_non_null(strstr(why, "checksum"));
        }
    }
    free(p);
}

static void test_foreign_files(void **state)
{
    (void)state;
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0,
                                        13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
                                        0, 0, 0, 0x90, 0x77, 0x53, 0xDE};
    static const char text[] = "label\tsome training text\nother\tmore text\n";
    char path[128], why[256];
    path_of(path, sizeof path, "image.png");
    spit(path, png, sizeof png);
    expect_error("image.png", KCB_ECORRUPT, why, sizeof why);
    assert_non_null(strstr(why, "magic"));
    path_of(path, sizeof path, "train.tsv");
    spit(path, text, sizeof text - 1);
    expect_error("train.tsv", KCB_ECORRUPT, why, sizeof why);
    assert_non_null(strstr(why, "magic"));
    /* a model's bytes with a one-letter change in the magic */
    size_t n;
    unsigned char *p = written("magic.kcb", "gzip:9", &n);
    p[7] = 'X';
    path_of(path, sizeof path, "magic.kcb");
    spit(path, p, n);
    expect_error("magic.kcb", KCB_ECORRUPT, why, sizeof why);
    assert_non_null(strstr(why, "magic"));
    free(p);
}

static void test_wrong_version(void **state)
{
    (void)state;
    size_t n;
    unsigned char *p = written("v.kcb", "gzip:9", &n);
    char path[128], why[256];
    path_of(path, sizeof path, "v.kcb");
    const uint32_t versions[] = {0, 1, KCB_MODEL_VERSION + 1, 0xFFFFFFFFu};
    for (size_t i = 0; i < 4; i++) {
        put_le32(p + 8, versions[i]);
        fix_crc(p, n); /* the version is checked first, CRC or not */
        spit(path, p, n);
        expect_error("v.kcb", KCB_ECORRUPT, why, sizeof why);
        assert_non_null(strstr(why, "version"));
        char num[16];
        snprintf(num, sizeof num, "%lu", (unsigned long)versions[i]);
        assert_non_null(strstr(why, num));
        /* older: index again; newer: a newer kcbench */
        assert_non_null(strstr(why, versions[i] < KCB_MODEL_VERSION ? "index" : "newer"));
    }
    free(p);
}

/* The flags: covered by the CRC, and a bit this build does not know is refused. */
static void test_flags(void **state)
{
    (void)state;
    size_t n;
    unsigned char *p = written("fl.kcb", "gzip:9", &n);
    char path[128], why[256];
    path_of(path, sizeof path, "fl.kcb");
    const uint32_t flags[] = {KCB_MODEL_ZSTD | 2, 1u << 8, 0x80000001u, 0};
    for (size_t i = 0; i < 4; i++) {
        put_le32(p + 12, flags[i]); /* without a new CRC: the checksum fails */
        spit(path, p, n);
        expect_error("fl.kcb", KCB_ECORRUPT, why, sizeof why);
        assert_non_null(strstr(why, "checksum"));
        fix_crc(p, n);
        spit(path, p, n);
        expect_error("fl.kcb", KCB_ECORRUPT, why, sizeof why);
        if (flags[i] == 0) { /* a zstd frame read as a stored payload is damage */
            assert_non_null(strstr(why, "damaged"));
        } else {
            char num[16];
            snprintf(num, sizeof num, "0x%lx", (unsigned long)flags[i]);
            assert_non_null(strstr(why, "flags"));
            assert_non_null(strstr(why, num));
        }
    }
    free(p);
}

/* A zstd frame that the CRC passes but that does not decompress as it should. */
static void test_bad_frame(void **state)
{
    (void)state;
    size_t n;
    unsigned char *p = written("fr.kcb", "gzip:9,zstd:3", &n);
    char path[128], why[256];
    path_of(path, sizeof path, "fr.kcb");
    for (size_t at = HEADER + 4; at < n - TRAILER; at += 5) { /* every 5th byte of the frame */
        p[at] ^= 0x5A;
        fix_crc(p, n);
        spit(path, p, n);
        p[at] ^= 0x5A;
        struct kcb_model *m = NULL;
        int rc = kcb_model_read(path, &m, why, sizeof why);
        if (rc == KCB_OK) { /* a change the frame cannot see must leave the same model */
            kcb_model_free(m);
            continue;
        }
        assert_int_equal(rc, KCB_ECORRUPT);
        assert_non_null(strstr(why, "damaged"));
    }
    /* junk after the frame, counted in the stored length */
    unsigned char *q = malloc(n + 3);
    assert_non_null(q);
    memcpy(q, p, n - TRAILER);
    memcpy(q + n - TRAILER, "abc", 3);
    uint64_t len = n + 3 - HEADER - TRAILER;
    for (int i = 0; i < 8; i++)
        q[16 + i] = (unsigned char)(len >> (8 * i));
    fix_crc(q, n + 3);
    spit(path, q, n + 3);
    expect_error("fr.kcb", KCB_ECORRUPT, why, sizeof why);
    assert_non_null(strstr(why, "zstd frame"));
    free(q);
    free(p);
}

/* "gzip" renamed "gzzz" in the stored payload, the CRC recomputed: only the codec lookup can
 * fail. */
static void test_codec_not_in_build(void **state)
{
    (void)state;
    size_t zn, n;
    unsigned char *z = written("codec.kcb", "gzip:9", &zn), *p = stored_raw(z, zn, &n);
    assert_memory_equal(p + HEADER + 6, "gzip", 4);
    assert_null(kcb_codec_find("gzzz"));
    memcpy(p + HEADER + 6, "gzzz", 4);
    fix_crc(p, n);
    char path[128], why[256];
    path_of(path, sizeof path, "codec.kcb");
    spit(path, p, n);
    expect_error("codec.kcb", KCB_ENOTFOUND, why, sizeof why);
    assert_non_null(strstr(why, "gzzz"));
    /* the same edit naming a codec that is in the build reads fine: the CRC fix is right */
    memcpy(p + HEADER + 6, "zlib", 4);
    fix_crc(p, n);
    spit(path, p, n);
    struct kcb_model *m = NULL;
    assert_int_equal(kcb_model_read(path, &m, why, sizeof why), KCB_OK);
    assert_ptr_equal(m->specs.v[0].codec, kcb_codec_find("zlib"));
    assert_int_equal(m->specs.v[0].level, 9);
    kcb_model_free(m);
    free(p);
    free(z);
}

/* Damage behind a valid CRC is still caught: a bad level, a label id out of range, a text
 * length past the end, bytes left over. */
static void test_damage_behind_valid_crc(void **state)
{
    (void)state;
    size_t zn, n;
    unsigned char *z = written("deep.kcb", "gzip:9", &zn), *p = stored_raw(z, zn, &n);
    char path[128], why[256];
    path_of(path, sizeof path, "deep.kcb");
    put_le32(p + HEADER + 10, 99); /* gzip level 99 */
    fix_crc(p, n);
    spit(path, p, n);
    expect_error("deep.kcb", KCB_ECORRUPT, why, sizeof why);
    assert_non_null(strstr(why, "level"));
    put_le32(p + HEADER + 10, 9);
    /* the label column: after specs (4 + 2 + 4 + 4), labels (u32 count, then each u32 length
     * and bytes), and the u64 document count */
    size_t off = HEADER + 14;
    size_t nl = get_le32(p + off);
    off += 4;
    for (size_t l = 0; l < nl; l++)
        off += 4 + get_le32(p + off);
    off += 8;
    assert_int_equal(get_le32(p + off), 2); /* the sample's first label id */
    put_le32(p + off, 3);                   /* only 3 labels: 0..2 */
    fix_crc(p, n);
    spit(path, p, n);
    expect_error("deep.kcb", KCB_ECORRUPT, why, sizeof why);
    assert_non_null(strstr(why, "document 1"));
    put_le32(p + off, 2);
    /* the length column: document 2's text one byte longer than what is left */
    size_t len_at = off + 4 * 4 + 8;
    p[len_at] = (unsigned char)(p[len_at] + 1);
    fix_crc(p, n);
    spit(path, p, n);
    expect_error("deep.kcb", KCB_ECORRUPT, why, sizeof why);
    assert_non_null(strstr(why, "document 4"));
    /* one byte shorter: a byte is left after the texts */
    p[len_at] = (unsigned char)(p[len_at] - 2);
    fix_crc(p, n);
    spit(path, p, n);
    expect_error("deep.kcb", KCB_ECORRUPT, why, sizeof why);
    assert_non_null(strstr(why, "after the texts"));
    free(p);
    free(z);
}

/* Each kind of failure says something different. */
static void test_reasons_distinct(void **state)
{
    (void)state;
    enum { NCASE = 8 };
    char why[NCASE][256];
    size_t n, rn;
    unsigned char *p = written("r.kcb", "gzip:9", &n), *raw = stored_raw(p, n, &rn);
    char path[128];
    path_of(path, sizeof path, "r.kcb");
    unsigned char *q = malloc(n);
    assert_non_null(q);
    /* 0: foreign */
    spit(path, "hello, world\n", 13);
    expect_error("r.kcb", KCB_ECORRUPT, why[0], sizeof why[0]);
    /* 1: header cut short */
    spit(path, p, 12);
    expect_error("r.kcb", KCB_ECORRUPT, why[1], sizeof why[1]);
    /* 2: payload cut short */
    spit(path, p, n - 9);
    expect_error("r.kcb", KCB_ECORRUPT, why[2], sizeof why[2]);
    /* 3: flipped byte */
    memcpy(q, p, n);
    q[HEADER + 20] ^= 0x40;
    spit(path, q, n);
    expect_error("r.kcb", KCB_ECORRUPT, why[3], sizeof why[3]);
    /* 4: version */
    memcpy(q, p, n);
    put_le32(q + 8, 7);
    spit(path, q, n);
    expect_error("r.kcb", KCB_ECORRUPT, why[4], sizeof why[4]);
    /* 5: flags */
    memcpy(q, p, n);
    put_le32(q + 12, 5);
    fix_crc(q, n);
    spit(path, q, n);
    expect_error("r.kcb", KCB_ECORRUPT, why[5], sizeof why[5]);
    /* 6: a frame that does not decompress */
    memcpy(q, p, n);
    put_le32(q + HEADER, 0x12345678);
    fix_crc(q, n);
    spit(path, q, n);
    expect_error("r.kcb", KCB_ECORRUPT, why[6], sizeof why[6]);
    /* 7: unknown codec */
    memcpy(raw + HEADER + 6, "nope", 4);
    fix_crc(raw, rn);
    spit(path, raw, rn);
    expect_error("r.kcb", KCB_ENOTFOUND, why[7], sizeof why[7]);
    for (int i = 0; i < NCASE; i++)
        for (int j = 0; j < i; j++) {
            if (strcmp(why[i], why[j]) == 0)
                print_error("cases %d and %d both say '%s'\n", j, i, why[i]);
            assert_string_not_equal(why[i], why[j]);
        }
    /* a short why buffer is cut, never overrun */
    char tiny[8];
    memset(tiny, 'x', sizeof tiny);
    struct kcb_model *m = NULL;
    assert_int_equal(kcb_model_read(path, &m, tiny, 5), KCB_ENOTFOUND);
    assert_int_equal(strlen(tiny), 4);
    assert_int_equal(tiny[5], 'x');
    free(q);
    free(raw);
    free(p);
}

static int make_root(void **state)
{
    (void)state;
    return kcb_test_tmpdir(root, sizeof root, "kcb-model-bad");
}

static int remove_root(void **state)
{
    (void)state;
    return kcb_test_rmtree(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_flipped_byte),
        cmocka_unit_test(test_foreign_files),
        cmocka_unit_test(test_wrong_version),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_bad_frame),
        cmocka_unit_test(test_codec_not_in_build),
        cmocka_unit_test(test_damage_behind_valid_crc),
        cmocka_unit_test(test_reasons_distinct),
    };
    return cmocka_run_group_tests_name("model_bad", tests, make_root, remove_root);
}
