/* libFuzzer target: the model file reader (kcb_model_read), on raw files and on framed payloads. */
#include <zlib.h>
#include <zstd.h>

#include "fuzz.h"

#include "kcb/err.h"
#include "kcb/model.h"

static void put_le(unsigned char *p, uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* A version 2 file around stored[0..n) with flags, its length and CRC right; caller frees. */
static unsigned char *frame(const void *stored, size_t n, uint32_t flags, size_t *len)
{
    unsigned char *f = malloc(KCB_MODEL_HEADER + n + 4);
    if (!f)
        abort();
    memcpy(f, "KCBMODEL", 8);
    put_le(f + 8, KCB_MODEL_VERSION, 4);
    put_le(f + 12, flags, 4);
    put_le(f + 16, n, 8);
    if (n)
        memcpy(f + KCB_MODEL_HEADER, stored, n);
    put_le(f + KCB_MODEL_HEADER + n, crc32(crc32(0L, Z_NULL, 0), f, (uInt)(KCB_MODEL_HEADER + n)),
           4);
    *len = KCB_MODEL_HEADER + n + 4;
    return f;
}

/* What a model read must hold: sizes for every spec and text, labels in range. */
static void check_model(const struct kcb_model *m)
{
    const struct kcb_dataset *d = m->data;
    FUZZ_CHECK(m->specs.n > 0 && d && d->labels);
    for (size_t s = 0; s < m->specs.n; s++)
        FUZZ_CHECK(kcb_model_spec(m, &m->specs.v[s]) >= 0);
    for (size_t i = 0; i < d->n; i++) {
        FUZZ_CHECK(d->label[i] >= 0 && (size_t)d->label[i] < d->labels->n);
        FUZZ_CHECK(d->text[i].n == 0 || d->text[i].p != NULL);
    }
}

/*
 * Input: byte 0 the mode (bits 0-1), the rest R. Mode 0: R is the file. Mode 1: R is a payload
 * stored raw (flags 0), framed with a right length and CRC. Mode 2: R compressed into a zstd
 * frame, stored with flag KCB_MODEL_ZSTD. Mode 3: R stored as is with that flag. Bits 2-6, when
 * not 0, set one more flag bit (1 << them), which the reader must refuse.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned mode = data[0] & 3, extra = (data[0] >> 2) & 31;
    uint32_t flags = (mode >= 2 ? KCB_MODEL_ZSTD : 0) | (extra ? 1u << extra : 0);
    const uint8_t *r = data + 1;
    size_t n = size - 1, len = 0;
    unsigned char *file = NULL, *z = NULL;
    if (mode == 2) {
        size_t cap = ZSTD_compressBound(n);
        z = malloc(cap);
        FUZZ_CHECK(z != NULL);
        n = ZSTD_compress(z, cap, r, n, 1);
        FUZZ_CHECK(!ZSTD_isError(n));
        r = z;
    }
    if (mode)
        file = frame(r, n, flags, &len);
    const char *path = mode ? fuzz_file("model", file, len) : fuzz_file("model", r, n);
    free(file);
    free(z);
    struct kcb_model *m = NULL;
    char why[512] = "";
    int rc = kcb_model_read(path, &m, why, sizeof why);
    FUZZ_CHECK(rc <= 0 && memchr(why, '\0', sizeof why) != NULL);
    if (rc == KCB_OK) {
        FUZZ_CHECK(!(mode && extra)); /* an unknown flag is refused */
        check_model(m);
    } else {
        FUZZ_CHECK(m == NULL);
        FUZZ_CHECK(rc == KCB_ENOMEM || why[0] != '\0');
    }
    kcb_model_free(m);
    return 0;
}
