/* Unit tests for the model file (version 2): round trips and the documented layout. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "model_test.h"

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
    struct kcb_spec xz = {kcb_codec_find("xz"), 6, 0}, gz = {kcb_codec_find("gzip"), 9, 0};
    struct kcb_spec gz1 = {kcb_codec_find("gzip"), 1, 0};
    assert_int_equal(kcb_model_spec(m, &gz), 0);
    assert_int_equal(kcb_model_spec(m, &xz), 1);
    assert_int_equal(kcb_model_spec(m, &gz1), -1);
    kcb_model_free(m);
    kcb_model_free(NULL);
    free_sample(&s);
}

/* The header tells the truth: magic, version 2, the zstd flag, the stored length, the CRC of
 * everything before it; the frame holds the payload in the documented columns. */
static void test_layout(void **state)
{
    (void)state;
    size_t n, rn;
    unsigned char *p = written("layout.kcb", "gzip:9,xz:6", &n);
    assert_true(n > HEADER + TRAILER);
    assert_memory_equal(p, "KCBMODEL", 8);
    assert_int_equal(get_le32(p + 8), KCB_MODEL_VERSION);
    assert_int_equal(KCB_MODEL_VERSION, 2);
    assert_int_equal(get_le32(p + 12), KCB_MODEL_ZSTD);
    assert_int_equal(get_le64(p + 16), n - HEADER - TRAILER);
    uLong crc = crc32(crc32(0L, Z_NULL, 0), p, (uInt)(n - TRAILER));
    assert_int_equal(get_le32(p + n - TRAILER), (uint32_t)crc);
    assert_int_equal(get_le32(p + HEADER), 0xFD2FB528u); /* a zstd frame... */
    assert_int_equal(ZSTD_findFrameCompressedSize(p + HEADER, n - HEADER - TRAILER),
                     n - HEADER - TRAILER); /* ...exactly one */
    unsigned char *q = stored_raw(p, n, &rn), *at = q + HEADER;
    struct sample s;
    make_sample(&s, "gzip:9,xz:6");
    /* specs: u32 2, then u16 4 "gzip" i32 9, u16 2 "xz" i32 6 */
    assert_int_equal(get_le32(at), 2);
    assert_memory_equal(at + 4, "\4\0gzip\x09\0\0\0\2\0xz\x06\0\0\0", 18);
    at += 22;
    assert_int_equal(get_le32(at), 3); /* labels, each u32 length and bytes */
    at += 4;
    for (size_t l = 0; l < 3; l++) {
        assert_int_equal(get_le32(at), strlen(label_names[l]));
        assert_memory_equal(at + 4, label_names[l], strlen(label_names[l]));
        at += 4 + strlen(label_names[l]);
    }
    assert_int_equal(get_le64(at), 4); /* then column by column */
    at += 8;
    for (size_t i = 0; i < 4; i++, at += 4)
        assert_int_equal(get_le32(at), s.label[i]);
    for (size_t i = 0; i < 4; i++, at += 8)
        assert_int_equal(get_le64(at), s.text[i].n);
    for (size_t k = 0; k < 8; k++, at += 8)
        assert_int_equal(get_le64(at), s.sizes[k]);
    for (size_t i = 0; i < 4; i++) {
        if (s.text[i].n)
            assert_memory_equal(at, s.text[i].p, s.text[i].n);
        at += s.text[i].n;
    }
    assert_ptr_equal(at, q + rn - TRAILER); /* nothing after the texts */
    /* the stored form (flags 0) reads back the same model */
    char path[128], why[256] = "";
    struct kcb_model *m = NULL;
    path_of(path, sizeof path, "stored.kcb");
    spit(path, q, rn);
    assert_int_equal(kcb_model_read(path, &m, why, sizeof why), KCB_OK);
    assert_models_equal(m, &s.specs, &s.d, s.sizes);
    kcb_model_free(m);
    free_sample(&s);
    free(q);
    free(p);
}

/* Text that compresses: the file is smaller than the texts it holds. */
static void test_smaller_than_texts(void **state)
{
    (void)state;
    enum { N = 200, LEN = 600 };
    struct kcb_specs specs = {0};
    struct kcb_labels *labels;
    unsigned char *buf = malloc((size_t)N * LEN);
    struct kcb_blob text[N];
    int label[N];
    size_t sizes[N], n;
    char path[128], why[64];
    assert_non_null(buf);
    assert_int_equal(kcb_specs_parse("gzip:9", &specs, why, sizeof why), KCB_OK);
    assert_int_equal(kcb_labels_new(&labels), KCB_OK);
    int id;
    assert_int_equal(kcb_labels_intern(labels, "a", 1, &id), KCB_OK);
    assert_int_equal(kcb_labels_intern(labels, "b", 1, &id), KCB_OK);
    for (size_t i = 0; i < N; i++) {
        kcb_test_fill_text(buf + i * LEN, LEN, i + 1);
        text[i] = (struct kcb_blob){buf + i * LEN, LEN};
        label[i] = (int)(i % 2);
        sizes[i] = 300 + i;
    }
    struct kcb_dataset d = {.n = N, .text = text, .label = label, .labels = labels};
    path_of(path, sizeof path, "small.kcb");
    assert_int_equal(kcb_model_write(path, &specs, &d, sizes), KCB_OK);
    free(slurp(path, &n));
    assert_true(n < (size_t)N * LEN / 2);
    kcb_labels_free(labels);
    kcb_specs_free(&specs);
    free(buf);
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
        cmocka_unit_test(test_smaller_than_texts),
        cmocka_unit_test(test_empty_model_round_trip),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests_name("model", tests, make_root, remove_root);
}
