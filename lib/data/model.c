/* The model file of `kcbench index`: a dataset and its sizes, zstd-compressed, CRC-checked. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb/model.h"

static const char magic[8] = {'K', 'C', 'B', 'M', 'O', 'D', 'E', 'L'};
#define HEADER KCB_MODEL_HEADER
#define ZLEVEL 12 /* zstd level of the payload: 1/4 of the texts, 0.2 s for R8 */

/* ---- a growable byte buffer for writing ---- */
struct wbuf {
    unsigned char *p;
    size_t n, cap;
    int err;
};

static void put(struct wbuf *b, const void *data, size_t len)
{
    if (b->err)
        return;
    if (b->cap - b->n < len) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap - b->n < len)
            cap *= 2;
        unsigned char *p = realloc(b->p, cap);
        if (!p) {
            b->err = KCB_ENOMEM;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, data, len);
    b->n += len;
}

static void put_u(struct wbuf *b, uint64_t v, int bytes)
{
    unsigned char le[8];
    for (int i = 0; i < bytes; i++)
        le[i] = (unsigned char)(v >> (8 * i));
    put(b, le, (size_t)bytes);
}

static void put_payload(struct wbuf *b, const struct kcb_specs *specs,
                        const struct kcb_dataset *d, const size_t *sizes)
{
    put_u(b, specs->n, 4);
    for (size_t s = 0; s < specs->n; s++) {
        const char *name = specs->v[s].codec->name;
        put_u(b, strlen(name), 2);
        put(b, name, strlen(name));
        put_u(b, (uint32_t)(int32_t)specs->v[s].level, 4);
    }
    put_u(b, d->labels->n, 4);
    for (size_t l = 0; l < d->labels->n; l++) {
        put_u(b, strlen(d->labels->name[l]), 4);
        put(b, d->labels->name[l], strlen(d->labels->name[l]));
    }
    put_u(b, d->n, 8); /* column by column: like values side by side compress better */
    for (size_t i = 0; i < d->n; i++)
        put_u(b, (uint32_t)d->label[i], 4);
    for (size_t i = 0; i < d->n; i++)
        put_u(b, d->text[i].n, 8);
    for (size_t k = 0; k < specs->n * d->n; k++)
        put_u(b, sizes[k], 8);
    for (size_t i = 0; i < d->n; i++)
        put(b, d->text[i].p, d->text[i].n);
}

/* CRC-32 of p[0..n) in pieces, as crc32 takes uInt lengths. */
static uint32_t crc_of(const unsigned char *p, size_t n)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    for (size_t off = 0; off < n;) {
        size_t chunk = n - off > (1u << 30) ? (1u << 30) : n - off;
        crc = crc32(crc, p + off, (uInt)chunk);
        off += chunk;
    }
    return (uint32_t)crc;
}

/* Compresses the payload raw into one zstd frame with its content size and checksum, after
 * the header already in b. */
static int put_zstd(struct wbuf *b, const struct wbuf *raw)
{
    size_t bound = ZSTD_compressBound(raw->n);
    ZSTD_CCtx *z = ZSTD_createCCtx();
    if (!z || b->err || ZSTD_isError(bound) || bound > SIZE_MAX - b->n - 4) {
        ZSTD_freeCCtx(z);
        return b->err ? b->err : z ? KCB_ERANGE : KCB_ENOMEM;
    }
    unsigned char *p = realloc(b->p, b->n + bound + 4);
    size_t n = 0;
    if (p) {
        b->p = p;
        b->cap = b->n + bound + 4;
        ZSTD_CCtx_setParameter(z, ZSTD_c_compressionLevel, ZLEVEL);
        ZSTD_CCtx_setParameter(z, ZSTD_c_checksumFlag, 1);
        n = ZSTD_compress2(z, b->p + b->n, bound, raw->p ? raw->p : (const void *)"", raw->n);
    }
    ZSTD_freeCCtx(z);
    if (!p)
        return KCB_ENOMEM;
    if (ZSTD_isError(n))
        return KCB_ECODEC;
    b->n += n;
    return KCB_OK;
}

int kcb_model_write(const char *path, const struct kcb_specs *specs, const struct kcb_dataset *d,
                    const size_t *sizes)
{
    struct wbuf b = {0}, raw = {0};
    put_payload(&raw, specs, d, sizes);
    put(&b, magic, sizeof magic);
    put_u(&b, KCB_MODEL_VERSION, 4);
    put_u(&b, KCB_MODEL_ZSTD, 4);
    put_u(&b, 0, 8); /* stored length, patched below */
    int rc = raw.err ? raw.err : b.err ? b.err : put_zstd(&b, &raw);
    free(raw.p);
    if (!rc) {
        uint64_t len = b.n - HEADER;
        for (int i = 0; i < 8; i++)
            b.p[16 + i] = (unsigned char)(len >> (8 * i));
        put_u(&b, crc_of(b.p, b.n), 4); /* header and stored payload */
        rc = b.err ? b.err : kcb_write_file(path, b.p, b.n);
    }
    free(b.p);
    return rc;
}

/* ---- reading, with every length checked against what is left ---- */
struct rbuf {
    const unsigned char *p;
    size_t n, off;
    int bad;
};

static uint64_t get_u(struct rbuf *r, int bytes)
{
    if (r->bad || r->n - r->off < (size_t)bytes) {
        r->bad = 1;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)r->p[r->off + (size_t)i] << (8 * i);
    r->off += (size_t)bytes;
    return v;
}

static const unsigned char *get_bytes(struct rbuf *r, uint64_t len)
{
    if (r->bad || r->n - r->off < len) {
        r->bad = 1;
        return NULL;
    }
    const unsigned char *p = r->p + r->off;
    r->off += (size_t)len;
    return p;
}

/* Checks the frame: magic, header, version, length, CRC and flags; sets *flags, *len. */
static int check_frame(const unsigned char *p, size_t n, uint32_t *flags, size_t *len,
                       char *why, size_t wl)
{
    if (n < sizeof magic || memcmp(p, magic, sizeof magic) != 0)
        return kcb_why(why, wl, KCB_ECORRUPT, "not a kcbench model file (bad magic)");
    struct rbuf r = {p, n, 8, 0};
    uint64_t version = get_u(&r, 4);
    *flags = (uint32_t)get_u(&r, 4);
    uint64_t stored = get_u(&r, 8);
    if (r.bad)
        return kcb_why(why, wl, KCB_ECORRUPT, "model file truncated (header)");
    if (version < KCB_MODEL_VERSION)
        return kcb_why(why, wl, KCB_ECORRUPT, "model file version %llu, this build reads %d: "
                   "index the training set again", (unsigned long long)version,
                   KCB_MODEL_VERSION);
    if (version != KCB_MODEL_VERSION)
        return kcb_why(why, wl, KCB_ECORRUPT, "model file version %llu, this build reads %d "
                   "(a newer kcbench wrote it)", (unsigned long long)version,
                   KCB_MODEL_VERSION);
    if (stored > n || n - HEADER - 4 != stored)
        return kcb_why(why, wl, KCB_ECORRUPT, "model file truncated or padded (%zu bytes, header "
                   "says %llu)", n, (unsigned long long)(stored + HEADER + 4));
    struct rbuf t = {p, n, HEADER + stored, 0};
    if (get_u(&t, 4) != crc_of(p, HEADER + stored))
        return kcb_why(why, wl, KCB_ECORRUPT, "model file corrupt (checksum mismatch)");
    if (*flags & ~KCB_MODEL_ZSTD)
        return kcb_why(why, wl, KCB_ECORRUPT, "model file flags 0x%lx unknown to this build "
                   "(a newer kcbench wrote it)", (unsigned long)*flags);
    *len = (size_t)stored;
    return KCB_OK;
}

/* The payload of a checked frame p (taken over): p itself when stored raw, else its zstd
 * frame decompressed into a new buffer; *off and *len say where the payload is in *out. */
static int unpack(unsigned char *p, uint32_t flags, size_t stored, unsigned char **out,
                  size_t *off, size_t *len, char *why, size_t wl)
{
    if (!(flags & KCB_MODEL_ZSTD)) {
        *out = p;
        *off = HEADER;
        *len = stored;
        return KCB_OK;
    }
    const unsigned char *z = p + HEADER;
    unsigned long long size = ZSTD_getFrameContentSize(z, stored);
    size_t frame = ZSTD_findFrameCompressedSize(z, stored);
    int rc = KCB_OK;
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
        ZSTD_isError(frame) || frame != stored || size > SIZE_MAX / 2)
        rc = kcb_why(why, wl, KCB_ECORRUPT, "model file damaged (not one zstd frame)");
    else if (!(*out = malloc(size ? (size_t)size : 1)))
        rc = KCB_ENOMEM;
    else if ((*len = ZSTD_decompress(*out, (size_t)size, z, stored)) != size) {
        const char *e = ZSTD_isError(*len) ? ZSTD_getErrorName(*len) : "wrong size";
        rc = kcb_why(why, wl, KCB_ECORRUPT, "model file damaged (payload: %s)", e);
        free(*out);
    }
    *off = 0;
    free(p);
    return rc;
}

static int read_specs(struct rbuf *r, struct kcb_model *m, char *why, size_t wl)
{
    uint64_t ns = get_u(r, 4);
    if (r->bad || ns == 0 || ns > 4096)
        return kcb_why(why, wl, KCB_ECORRUPT, "model file damaged (compressor count)");
    m->specs.v = calloc(ns, sizeof *m->specs.v);
    if (!m->specs.v)
        return KCB_ENOMEM;
    for (size_t s = 0; s < ns; s++) {
        uint64_t len = get_u(r, 2);
        const unsigned char *name = get_bytes(r, len);
        int32_t level = (int32_t)(uint32_t)get_u(r, 4);
        if (r->bad || len >= 64)
            return kcb_why(why, wl, KCB_ECORRUPT, "model file damaged (compressor name)");
        char buf[64];
        memcpy(buf, name, len);
        buf[len] = '\0';
        const struct kcb_codec *c = kcb_codec_find(buf);
        if (!c)
            return kcb_why(why, wl, KCB_ENOTFOUND, "model uses compressor '%s', not in this build",
                       buf);
        if (level < c->level_min || level > c->level_max)
            return kcb_why(why, wl, KCB_ECORRUPT, "model file damaged (level %d for %s)", level,
                       buf);
        m->specs.v[m->specs.n++] = (struct kcb_spec){c, level, 0};
    }
    return KCB_OK;
}

static int read_labels(struct rbuf *r, struct kcb_model *m, char *why, size_t wl)
{
    uint64_t nl = get_u(r, 4);
    if (r->bad || nl > r->n)
        return kcb_why(why, wl, KCB_ECORRUPT, "model file damaged (label count)");
    for (size_t l = 0; l < nl; l++) {
        uint64_t len = get_u(r, 4);
        const unsigned char *s = get_bytes(r, len);
        int id, rc = r->bad ? KCB_ECORRUPT
                            : kcb_labels_intern(m->data->labels, (const char *)s, len, &id);
        if (rc == KCB_ENOMEM)
            return rc;
        if (rc || (size_t)id != l)
            return kcb_why(why, wl, KCB_ECORRUPT, "model file damaged (labels)");
    }
    return KCB_OK;
}

/* The documents: label ids, text lengths, sizes, then the texts to the end of the payload. */
static int read_docs(struct rbuf *r, struct kcb_model *m, char *why, size_t wl)
{
    struct kcb_dataset *d = m->data;
    uint64_t n = get_u(r, 8), ns = m->specs.n;
    if (r->bad || n > (r->n - r->off) / (12 + 8 * ns))
        return kcb_why(why, wl, KCB_ECORRUPT, "model file damaged (document count)");
    d->text = calloc(n ? n : 1, sizeof *d->text);
    d->label = calloc(n ? n : 1, sizeof *d->label);
    d->line = calloc(n ? n : 1, sizeof *d->line);
    m->sizes = calloc(n ? n * ns : 1, sizeof *m->sizes);
    if (!d->text || !d->label || !d->line || !m->sizes)
        return KCB_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        uint64_t lab = get_u(r, 4);
        if (lab >= d->labels->n)
            return kcb_why(why, wl, KCB_ECORRUPT, "model file damaged (label of document %zu)",
                       i + 1);
        d->label[i] = (int)lab;
    }
    for (size_t i = 0; i < n; i++)
        d->text[i].n = (size_t)get_u(r, 8);
    for (size_t k = 0; k < ns * n; k++)
        m->sizes[k] = (size_t)get_u(r, 8);
    for (size_t i = 0; i < n; i++) {
        d->text[i].p = get_bytes(r, d->text[i].n);
        if (r->bad)
            return kcb_why(why, wl, KCB_ECORRUPT, "model file damaged (text of document %zu)",
                       i + 1);
    }
    d->n = (size_t)n;
    if (r->off != r->n)
        return kcb_why(why, wl, KCB_ECORRUPT, "model file damaged (%zu bytes after the texts)",
                   r->n - r->off);
    return KCB_OK;
}

/* A model whose dataset will hold the payload p (taking ownership) as its arena. */
static int model_new(unsigned char *p, struct kcb_model **out)
{
    struct kcb_model *m = calloc(1, sizeof *m);
    struct kcb_dataset *d = calloc(1, sizeof *d);
    int rc = m && d ? kcb_labels_new(&d->labels) : KCB_ENOMEM;
    if (rc) {
        free(m);
        free(d);
        free(p);
        return rc;
    }
    d->owns_labels = 1;
    d->arena = p;
    d->format = KCB_IN_AUTO;
    m->data = d;
    *out = m;
    return KCB_OK;
}

int kcb_model_read(const char *path, struct kcb_model **out, char *why, size_t wl)
{
    unsigned char *p, *payload = NULL;
    size_t n, stored = 0, off = 0, len = 0;
    uint32_t flags = 0;
    int rc = kcb_read_file(path, &p, &n);
    if (rc)
        return rc;
    rc = check_frame(p, n, &flags, &stored, why, wl);
    if (rc) {
        free(p);
        return rc;
    }
    struct kcb_model *m = NULL;
    if ((rc = unpack(p, flags, stored, &payload, &off, &len, why, wl)) ||
        (rc = model_new(payload, &m)))
        return rc;
    struct rbuf r = {payload, off + len, off, 0}; /* the texts point into the payload */
    rc = read_specs(&r, m, why, wl);
    if (!rc)
        rc = read_labels(&r, m, why, wl);
    if (!rc)
        rc = read_docs(&r, m, why, wl);
    if (rc) {
        kcb_model_free(m);
        return rc;
    }
    *out = m;
    return KCB_OK;
}

void kcb_model_free(struct kcb_model *m)
{
    if (!m)
        return;
    kcb_specs_free(&m->specs);
    kcb_dataset_free(m->data);
    free(m->sizes);
    free(m);
}

int kcb_model_spec(const struct kcb_model *m, const struct kcb_spec *spec)
{
    for (size_t s = 0; s < m->specs.n; s++)
        if (m->specs.v[s].codec == spec->codec && m->specs.v[s].level == spec->level)
            return (int)s;
    return -1;
}
