/* lib/measure: codec specs ("gzip:9,zstd:1,3" or lzbench's "gzip,9/zstd,1,3") parsed into lists. */
#ifndef KCB_SPEC_H
#define KCB_SPEC_H

#include <stddef.h>

#include "kcb/codec.h"

/* One codec at one level. */
struct kcb_spec {
    const struct kcb_codec *codec;
    int level;
    /* 0: sizes are coded bytes. 1 (--bits): sizes are the codec's ideal code length
     * (kcb_codec's ideal_bits) in bits, rounded to the nearest bit, with no coder or container
     * bytes; only for codecs that have one (kcb_spec_bits_ok). NCD and the per-class ranking
     * are ratios or comparisons, so the unit does not change them. */
    int bits;
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

/*
 * Parses lzbench's -e syntax into out: codecs separated by '/', each NAME or NAME,LEVEL,...
 * ("zstd,1,3,19/xz,6"). A NAME alone adds every level of that codec, as lzbench -ezstd
 * does; a LEVEL may also be a range A-B or "all", as in kcb_specs_parse. "all" adds every
 * level of every codec; "memcpy" adds nothing (kcbench bench always measures memcpy, its
 * speed reference). Duplicates are kept once, in first-seen order. Returns 0, or KCB_EINVAL
 * with a one-line reason in why, as kcb_specs_parse does; out is then empty.
 */
int kcb_specs_parse_lzbench(const char *text, struct kcb_specs *out, char *why, size_t whylen);

/* Frees the list's storage and zeroes it; accepts an empty list. */
void kcb_specs_free(struct kcb_specs *s);

/* 1 when spec's codec reports an ideal code length (can be measured with bits set), else 0. */
int kcb_spec_bits_ok(const struct kcb_spec *s);

/* Writes "name:level" (":bits" appended when s->bits is set) into buf (at most len bytes)
 * and returns buf. */
char *kcb_spec_str(const struct kcb_spec *s, char *buf, size_t len);

#endif
