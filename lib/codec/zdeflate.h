/* Shared zlib deflate/inflate plumbing for the gzip, zlib and deflate codecs (internal). */
#ifndef KCB_CODEC_ZDEFLATE_H
#define KCB_CODEC_ZDEFLATE_H

#include <stddef.h>

/* Creates a deflate+inflate context with zlib windowBits wbits (31 gzip, 15 zlib, -15 raw). */
int kcb_zd_ctx_new(int level, int wbits, void **ctx);
void kcb_zd_ctx_free(void *ctx);
int kcb_zd_compress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out);
int kcb_zd_decompress(void *ctx, const void *src, size_t n, void *dst, size_t cap, size_t *out);
/* Largest match distance of zlib deflate: 32 KiB less MIN_LOOKAHEAD (262 bytes). */
size_t kcb_zd_window(int level);
/* deflateBound-style bound plus room for the largest wrapper (gzip, 18 bytes). */
size_t kcb_zd_bound(size_t n, int level);
const char *kcb_zd_version(void);
/* Priming (kcb/codec.h): the state holds the last 32 KiB of the dictionary, which each call
 * sets on a reset stream (deflateSetDictionary; zlib's header then carries its Adler-32). */
int kcb_zd_prime(void *ctx, const void *dict, size_t n, void **state);
void kcb_zd_prime_free(void *state);
int kcb_zd_compress_primed(void *ctx, const void *state, const void *src, size_t n, void *dst,
                           size_t cap, size_t *out);
int kcb_zd_decompress_primed(void *ctx, const void *state, const void *src, size_t n,
                             void *dst, size_t cap, size_t *out);

#endif
