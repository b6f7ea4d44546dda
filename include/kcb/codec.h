/* The compressor vtable, the registry of compiled-in codecs, codec specs, and reusable compressors. */
#ifndef KCB_CODEC_H
#define KCB_CODEC_H

#include <stddef.h>

/* One compression backend. Every field is required; instances are static const. */
struct kcb_codec {
    const char *name;        /* as typed on the command line: "zstd" */
    const char *library;     /* the library behind it: "libzstd" */
    const char *format;      /* what the output is: "zstd frame", "gzip member" */
    int level_min, level_max, level_default;
    /* Bytes of history a match can reach back at this level; 0 = the whole input. */
    size_t (*window)(int level);
    /* Upper bound of the compressed size of n bytes at this level. */
    size_t (*bound)(size_t n, int level);
    /* Creates a context for one thread at this level: 0 or kcb_err, *ctx set on success. */
    int (*ctx_new)(int level, void **ctx);
    /* Frees a context; accepts NULL. */
    void (*ctx_free)(void *ctx);
    /* Compresses src into dst (cap bytes), reusing ctx: 0 or kcb_err, *out_size on success.
     * Output depends only on (src, level), never on what ctx compressed before. */
    int (*compress)(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out_size);
    /* Decompresses src into dst; cap is the exact original size: 0 or kcb_err (KCB_ECORRUPT
     * when the data does not decode to cap bytes), *out_size on success. */
    int (*decompress)(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out_size);
    /* Version string of the library actually linked (runtime, not headers). */
    const char *(*version)(void);
};

/* Returns the table of codecs compiled into this build and sets *count. Static storage. */
const struct kcb_codec *const *kcb_codecs(size_t *count);

/* Returns the codec called name (case-sensitive), or NULL. */
const struct kcb_codec *kcb_codec_find(const char *name);

/* One codec at one level. */
struct kcb_spec {
    const struct kcb_codec *codec;
    int level;
};

/* A parsed list of codec specs. Caller owns it; free with kcb_specs_free(). */
struct kcb_specs {
    struct kcb_spec *v;
    size_t n;
};

/*
 * Parses "NAME[:LEVEL][,NAME[:LEVEL]...]" into out. A bare number after a NAME adds
 * another level of that codec ("zstd:1,3,19"), "NAME:all" adds every level, "NAME:min-max"
 * a range, and "all" adds every codec at its default level. Duplicates are kept once, in
 * first-seen order. Returns 0, or KCB_EINVAL with a one-line reason in why (why may be
 * NULL; whylen bytes at most, NUL-terminated).
 */
int kcb_specs_parse(const char *text, struct kcb_specs *out, char *why, size_t whylen);

/* Frees the list's storage and zeroes it; accepts an empty list. */
void kcb_specs_free(struct kcb_specs *s);

/* Writes "name:level" into buf (at most len bytes) and returns buf. */
char *kcb_spec_str(const struct kcb_spec *s, char *buf, size_t len);

/*
 * A compressor: one codec context plus scratch buffers, for one thread. Buffers grow to
 * the largest input seen and are then reused, so the steady state allocates nothing.
 */
typedef struct kcb_comp kcb_comp;

/* Creates a compressor for spec: 0 or kcb_err; *out owned by caller (NULL on failure), free with kcb_comp_free(). */
int kcb_comp_new(const struct kcb_spec *spec, kcb_comp **out);

/* Frees c; accepts NULL. */
void kcb_comp_free(kcb_comp *c);

/* Returns the spec c was made for. */
const struct kcb_spec *kcb_comp_spec(const kcb_comp *c);

/* Sets *size to the compressed size of x (n bytes): 0 or kcb_err. */
int kcb_comp_size(kcb_comp *c, const void *x, size_t n, size_t *size);

/* Sets *size to the compressed size of x·sep·y (the three concatenated): 0 or kcb_err. */
int kcb_comp_size_cat(kcb_comp *c, const void *x, size_t nx, const void *sep, size_t nsep,
                      const void *y, size_t ny, size_t *size);

/*
 * Compresses x into c's output buffer and sets *out to it (valid until the next call on c)
 * and *size to its length: 0 or kcb_err.
 */
int kcb_comp_run(kcb_comp *c, const void *x, size_t n, const unsigned char **out, size_t *size);

#endif
