/* SHA-256 through nettle (Debian's nettle-dev): the digest that fingerprints datasets and runs. */
#include "kcb/sha256.h"

void kcb_sha256_init(struct kcb_sha256 *s)
{
    sha256_init(&s->ctx);
}

void kcb_sha256_update(struct kcb_sha256 *s, const void *p, size_t n)
{
    if (n)
        sha256_update(&s->ctx, n, p);
}

void kcb_sha256_final(struct kcb_sha256 *s, unsigned char out[KCB_SHA256_LEN])
{
    sha256_digest(&s->ctx, KCB_SHA256_LEN, out);
}

void kcb_sha256_hex(const unsigned char d[KCB_SHA256_LEN], char hex[KCB_SHA256_HEX])
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < KCB_SHA256_LEN; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[2 * KCB_SHA256_LEN] = '\0';
}

void kcb_sha256_text(const void *p, size_t n, char hex[KCB_SHA256_HEX])
{
    struct kcb_sha256 s;
    unsigned char d[KCB_SHA256_LEN];
    kcb_sha256_init(&s);
    kcb_sha256_update(&s, p, n);
    kcb_sha256_final(&s, d);
    kcb_sha256_hex(d, hex);
}
