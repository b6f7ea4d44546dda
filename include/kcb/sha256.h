/* lib/base: SHA-256 (FIPS 180-4, computed by nettle), the digest that fingerprints datasets and runs. */
#ifndef KCB_SHA256_H
#define KCB_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include <nettle/sha2.h>

/* Bytes of a digest, and of its lower-case hex text with the NUL. */
#define KCB_SHA256_LEN 32
#define KCB_SHA256_HEX (2 * KCB_SHA256_LEN + 1)

/* A digest in progress. Start with kcb_sha256_init(). */
struct kcb_sha256 {
    struct sha256_ctx ctx;
};

/* Starts a new digest. */
void kcb_sha256_init(struct kcb_sha256 *s);

/* Feeds n bytes at p (p may be NULL when n is 0). */
void kcb_sha256_update(struct kcb_sha256 *s, const void *p, size_t n);

/* Ends the digest and writes its KCB_SHA256_LEN bytes to out; s must be started again
 * before it is reused. */
void kcb_sha256_final(struct kcb_sha256 *s, unsigned char out[KCB_SHA256_LEN]);

/* Writes the lower-case hex of a digest, NUL-terminated, to hex (KCB_SHA256_HEX bytes). */
void kcb_sha256_hex(const unsigned char d[KCB_SHA256_LEN], char hex[KCB_SHA256_HEX]);

/* The hex digest of n bytes at p, in one call. */
void kcb_sha256_text(const void *p, size_t n, char hex[KCB_SHA256_HEX]);

#endif
