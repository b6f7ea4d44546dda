/* Helpers of the model file unit tests: a sample model, file helpers, the layout's fields. */
#ifndef KCB_MODEL_TEST_H
#define KCB_MODEL_TEST_H

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
#include <zstd.h>

#include "kcb/err.h"
#include "kcb/model.h"
#include "kcb_test.h"

/* The documented layout: "KCBMODEL", u32 version, u32 flags, u64 stored length; the stored
 * payload; a CRC-32 of all that. */
#define HEADER 24
#define TRAILER 4

static char root[64];

static inline void path_of(char *buf, size_t len, const char *name)
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

static inline void make_sample(struct sample *s, const char *specs)
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

static inline void free_sample(struct sample *s)
{
    kcb_specs_free(&s->specs);
    kcb_labels_free(s->labels);
}

static inline void assert_models_equal(const struct kcb_model *got, const struct kcb_specs *specs,
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

static inline unsigned char *slurp(const char *path, size_t *n)
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

static inline void spit(const char *path, const void *p, size_t n)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(p, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
}

/* Writes the sample model to NAME and returns its bytes (caller frees). */
static inline unsigned char *written(const char *name, const char *specs, size_t *n)
{
    struct sample s;
    char path[128];
    make_sample(&s, specs);
    path_of(path, sizeof path, name);
    assert_int_equal(kcb_model_write(path, &s.specs, &s.d, s.sizes), KCB_OK);
    free_sample(&s);
    return slurp(path, n);
}

static inline uint32_t get_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline void put_le32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static inline uint64_t get_le64(const unsigned char *p)
{
    return get_le32(p) | (uint64_t)get_le32(p + 4) << 32;
}

/* Recomputes the trailing CRC-32 (zlib's) over header and stored payload, so only other
 * checks can fail. */
static inline void fix_crc(unsigned char *p, size_t n)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    crc = crc32(crc, p, (uInt)(n - TRAILER));
    put_le32(p + n - TRAILER, (uint32_t)crc);
}

/* The model p (n bytes, zstd) rewritten with its payload stored as it is (flags 0), its CRC
 * right: the payload's bytes can then be edited in place. Returns it (caller frees). */
static inline unsigned char *stored_raw(const unsigned char *p, size_t n, size_t *rn)
{
    assert_int_equal(get_le32(p + 12), KCB_MODEL_ZSTD);
    unsigned long long size = ZSTD_getFrameContentSize(p + HEADER, n - HEADER - TRAILER);
    assert_true(size != ZSTD_CONTENTSIZE_ERROR && size != ZSTD_CONTENTSIZE_UNKNOWN);
    unsigned char *q = malloc(HEADER + size + TRAILER);
    assert_non_null(q);
    memcpy(q, p, HEADER);
    assert_int_equal(ZSTD_decompress(q + HEADER, size, p + HEADER, n - HEADER - TRAILER), size);
    put_le32(q + 12, 0);
    for (int i = 0; i < 8; i++)
        q[16 + i] = (unsigned char)(size >> (8 * i));
    *rn = HEADER + size + TRAILER;
    fix_crc(q, *rn);
    return q;
}

/* Reads name expecting failure code; copies the reason into why (must be non-empty). */
static inline void expect_error(const char *name, int code, char *why, size_t len)
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

#endif
