/* Unit tests for the model file: a round trip, and every damaged or foreign file refused. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "kcb/err.h"
#include "kcb/model.h"
#include "kcb_test.h"

/* The documented layout: "KCBMODEL", u32 version, u32 flags, u64 payload length. */
#define HEADER 24
#define TRAILER 4

static char root[64];

static void path_of(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "%s/%s", root, name);
}

/* ---- a model with awkward contents: binary text, an empty text, sizes above 2^32 ---- */

static const char *const label_names[] = {"sport", "", "économie"};
static const unsigned char text0[] = "the first document";
static const unsigned char text1[] = {'a', 0, 'b', 0xFF, '\n', '\t', 'c'};
static const unsigned char text2[] = "";
static const unsigned char text3[] = "the fourth, \"quoted\" document\r\n";

struct sample {
    struct kcb_specs specs;
    struct kcb_labels *labels;
    struct kcb_dataset d;
    struct kcb_blob text[4];
    int label[4];
    long line[4];
    size_t sizes[8];
};

static void make_sample(struct sample *s, const char *specs)
{
    memset(s, 0, sizeof *s);
    char why[128];
    assert_int_equal(kcb_specs_parse(specs, &s->specs, why, sizeof why), KCB_OK);
    assert_true(s->specs.n <= 2);
    assert_int_equal(kcb_labels_new(&s->labels), KCB_OK);
    for (size_t l = 0; l < 3; l++) {
        int id;
        assert_int_equal(kcb_labels_intern(s->labels, label_names[l], strlen(label_names[l]),
                                           &id), KCB_OK);
        assert_int_equal(id, l);
    }
    s->text[0] = (struct kcb_blob){text0, sizeof text0 - 1};
    s->text[1] = (struct kcb_blob){text1, sizeof text1};
    s->text[2] = (struct kcb_blob){text2, 0};
    s->text[3] = (struct kcb_blob){text3, sizeof text3 - 1};
    static const int lab[4] = {2, 0, 1, 2};
    memcpy(s->label, lab, sizeof lab);
    for (size_t i = 0; i < 4; i++) /* source lines: not stored, read back as 0 */
        s->line[i] = 10 + (long)i;
    for (size_t i = 0; i < 8; i++) /* arbitrary values: the file stores, it does not check */
        s->sizes[i] = i == 5 ? ((size_t)1 << 40) + 7 : 20 + 3 * i;
    s->d = (struct kcb_dataset){.n = 4, .text = s->text, .label = s->label, .line = s->line,
                                .labels = s->labels};
}

static void free_sample(struct sample *s)
{
    kcb_specs_free(&s->specs);
    kcb_labels_free(s->labels);
}

static void assert_models_equal(const struct kcb_model *got, const struct kcb_specs *specs,
                                const struct kcb_dataset *want, const size_t *sizes)
{
    assert_int_equal(got->specs.n, specs->n);
    for (size_t i = 0; i < specs->n; i++) {
        assert_ptr_equal(got->specs.v[i].codec, specs->v[i].codec);
        assert_int_equal(got->specs.v[i].level, specs->v[i].level);
    }
    const struct kcb_dataset *d = got->data;
    assert_non_null(d);
    assert_non_null(d->labels);
    assert_int_equal(d->labels->n, want->labels->n);
    for (size_t l = 0; l < want->labels->n; l++)
        assert_string_equal(d->labels->name[l], want->labels->name[l]);
    assert_int_equal(d->n, want->n);
    assert_non_null(d->line);
    for (size_t i = 0; i < want->n; i++) {
        assert_int_equal(d->label[i], want->label[i]);
        assert_int_equal(d->line[i], 0);
        assert_int_equal(d->text[i].n, want->text[i].n);
        if (want->text[i].n)
            assert_memory_equal(d->text[i].p, want->text[i].p, want->text[i].n);
    }
    for (size_t k = 0; k < specs->n * want->n; k++)
        assert_int_equal(got->sizes[k], sizes[k]);
    assert_non_null(d->arena); /* the file's bytes, which the texts point into */
}

/* ---- file helpers ---- */

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    assert_int_equal(fseek(fp, 0, SEEK_END), 0);
    long len = ftell(fp);
    assert_true(len >= 0);
    rewind(fp);
    unsigned char *p = malloc((size_t)len + 1);
    assert_non_null(p);
    assert_int_equal(fread(p, 1, (size_t)len, fp), (size_t)len);
    fclose(fp);
    *n = (size_t)len;
    return p;
}

static void spit(const char *path, const void *p, size_t n)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(p, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
}

/* Writes the sample model to NAME and returns its bytes (caller frees). */
static unsigned char *written(const char *name, const char *specs, size_t *n)
{
    struct sample s;
    char path[128];
    make_sample(&s, specs);
    path_of(path, sizeof path, name);
    assert_int_equal(kcb_model_write(path, &s.specs, &s.d, s.sizes), KCB_OK);
    free_sample(&s);
    return slurp(path, n);
}

static uint32_t get_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_le32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* Recomputes the trailing CRC-32 (zlib's) over the payload, so only other checks can fail. */
static void fix_crc(unsigned char *p, size_t n)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    crc = crc32(crc, p + HEADER, (uInt)(n - HEADER - TRAILER));
    put_le32(p + n - TRAILER, (uint32_t)crc);
}

/* Reads name expecting failure code; copies the reason into why (must be non-empty). */
static void expect_error(const char *name, int code, char *why, size_t len)
{
    char path[128];
    struct kcb_model *m = NULL;
    path_of(path, sizeof path, name);
    memset(why, 0, len);
    int rc = kcb_model_read(path, &m, why, len);
    if (rc != code)
        print_error("%s: got %d (%s), want %d\n", name, rc, why, code);
    assert_int_equal(rc, code);
    assert_null(m);
    assert_true(why[0] != '\0');
    assert_non_null(memchr(why, '\0', len));
}

/* ---- the tests ---- */

static void test_round_trip(void **state)
{
    (void)state;
    struct sample s;
    char path[128], why[256] = "";
    make_sample(&s, "gzip:9,xz:6");
    path_of(path, sizeof path, "round.kcb");
    assert_int_equal(kcb_model_write(path, &s.specs, &s.d, s.sizes), KCB_OK);
    struct kcb_model *m = NULL;
    assert_int_equal(kcb_model_read(path, &m, why, sizeof why), KCB_OK);
    assert_models_equal(m, &s.specs, &s.d, s.sizes);
    /* the sizes are per spec: sizes[s * n + i] */
    assert_int_equal(m->sizes[1 * 4 + 1], ((size_t)1 << 40) + 7);
    /* the labels come back as a label table that finds names (the empty one included) */
    for (size_t l = 0; l < 3; l++)
        assert_int_equal(kcb_labels_find(m->data->labels, label_names[l],
                                         strlen(label_names[l])), l);
    assert_int_equal(kcb_labels_find(m->data->labels, "sports", 6), -1);
    struct kcb_spec xz = {kcb_codec_find("xz"), 6}, gz = {kcb_codec_find("gzip"), 9};
    struct kcb_spec gz1 = {kcb_codec_find("gzip"), 1};
    assert_int_equal(kcb_model_spec(m, &gz), 0);
    assert_int_equal(kcb_model_spec(m, &xz), 1);
    assert_int_equal(kcb_model_spec(m, &gz1), -1);
    kcb_model_free(m);
    kcb_model_free(NULL);
    free_sample(&s);
}

/* The header tells the truth: magic, version 1, flags 0, the payload length, then the CRC. */
static void test_layout(void **state)
{
    (void)state;
    size_t n;
    unsigned char *p = written("layout.kcb", "gzip:9", &n);
    assert_true(n > HEADER + TRAILER);
    assert_memory_equal(p, "KCBMODEL", 8);
    assert_int_equal(get_le32(p + 8), KCB_MODEL_VERSION);
    assert_int_equal(get_le32(p + 12), 0);
    assert_int_equal(get_le32(p + 16), n - HEADER - TRAILER);
    assert_int_equal(get_le32(p + 20), 0);
    uLong crc = crc32(crc32(0L, Z_NULL, 0), p + HEADER, (uInt)(n - HEADER - TRAILER));
    assert_int_equal(get_le32(p + n - TRAILER), (uint32_t)crc);
    /* payload: one spec, "gzip" (u16 4), level 9 */
    assert_int_equal(get_le32(p + HEADER), 1);
    assert_int_equal(p[HEADER + 4] | p[HEADER + 5] << 8, 4);
    assert_memory_equal(p + HEADER + 6, "gzip", 4);
    assert_int_equal(get_le32(p + HEADER + 10), 9);
    free(p);
}

static void test_empty_model_round_trip(void **state)
{
    (void)state;
    struct kcb_specs specs = {0};
    struct kcb_labels none = {0};
    struct kcb_dataset w = {.labels = &none};
    struct kcb_model *m = NULL;
    char path[128], why[256];
    assert_int_equal(kcb_specs_parse("zstd:3", &specs, why, sizeof why), KCB_OK);
    path_of(path, sizeof path, "empty.kcb");
    assert_int_equal(kcb_model_write(path, &specs, &w, NULL), KCB_OK);
    assert_int_equal(kcb_model_read(path, &m, why, sizeof why), KCB_OK);
    assert_models_equal(m, &specs, &w, NULL);
    kcb_model_free(m);
    kcb_specs_free(&specs);
}

static void test_missing_file(void **state)
{
    (void)state;
    char path[128], why[64] = "";
    struct kcb_model *m = NULL;
    path_of(path, sizeof path, "no-such-model.kcb");
    errno = 0;
    assert_int_equal(kcb_model_read(path, &m, why, sizeof why), KCB_EIO);
    assert_int_equal(errno, ENOENT);
    assert_null(m);
}

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
    const uint32_t versions[] = {0, KCB_MODEL_VERSION + 1, 0xFFFFFFFFu};
    for (size_t i = 0; i < 3; i++) {
        put_le32(p + 8, versions[i]);
        spit(path, p, n);
        expect_error("v.kcb", KCB_ECORRUPT, why, sizeof why);
        assert_non_null(strstr(why, "version"));
        char num[16];
        snprintf(num, sizeof num, "%lu", (unsigned long)versions[i]);
        assert_non_null(strstr(why, num));
    }
    free(p);
}

/* "gzip" renamed "gzzz" with the CRC recomputed: only the codec lookup can fail. */
static void test_codec_not_in_build(void **state)
{
    (void)state;
    size_t n;
    unsigned char *p = written("codec.kcb", "gzip:9", &n);
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
}

/* Damage behind a valid CRC is still caught: a bad level, a label id out of range. */
static void test_damage_behind_valid_crc(void **state)
{
    (void)state;
    size_t n;
    unsigned char *p = written("deep.kcb", "gzip:9", &n);
    char path[128], why[256];
    path_of(path, sizeof path, "deep.kcb");
    put_le32(p + HEADER + 10, 99); /* gzip level 99 */
    fix_crc(p, n);
    spit(path, p, n);
    expect_error("deep.kcb", KCB_ECORRUPT, why, sizeof why);
    assert_non_null(strstr(why, "level"));
    put_le32(p + HEADER + 10, 9);
    /* first document's label: after specs (4 + 2 + 4 + 4), labels (u32 count, then each u32
     * length and bytes), and the u64 document count */
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
    free(p);
}

/* Each kind of failure says something different. */
static void test_reasons_distinct(void **state)
{
    (void)state;
    enum { NCASE = 6 };
    char why[NCASE][256];
    size_t n;
    unsigned char *p = written("r.kcb", "gzip:9", &n);
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
    /* 5: unknown codec */
    memcpy(q, p, n);
    memcpy(q + HEADER + 6, "nope", 4);
    fix_crc(q, n);
    spit(path, q, n);
    expect_error("r.kcb", KCB_ENOTFOUND, why[5], sizeof why[5]);
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
    free(p);
}

static int make_root(void **state)
{
    (void)state;
    return kcb_test_tmpdir(root, sizeof root, "kcb-model");
}

static int remove_root(void **state)
{
    (void)state;
    return kcb_test_rmtree(root);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_empty_model_round_trip),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_flipped_byte),
        cmocka_unit_test(test_foreign_files),
        cmocka_unit_test(test_wrong_version),
        cmocka_unit_test(test_codec_not_in_build),
        cmocka_unit_test(test_damage_behind_valid_crc),
        cmocka_unit_test(test_reasons_distinct),
    };
    return cmocka_run_group_tests_name("model", tests, make_root, remove_root);
}
