/* The SHA-256 of a dataset as read: labels, lines and texts, the fingerprint of what eval used. */
#include <string.h>

#include "kcb/dataset.h"

/* Feeds v as 8 bytes, little endian. */
static void put64(struct kcb_sha256 *s, unsigned long long v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    kcb_sha256_update(s, b, sizeof b);
}

void kcb_dataset_digest(const struct kcb_dataset *d, char hex[KCB_SHA256_HEX])
{
    struct kcb_sha256 s;
    unsigned char out[KCB_SHA256_LEN];
    kcb_sha256_init(&s);
    for (size_t i = 0; i < d->n; i++) {
        const char *name = d->labels->name[d->label[i]];
        kcb_sha256_update(&s, name, strlen(name) + 1);
        put64(&s, (unsigned long long)d->line[i]);
        put64(&s, (unsigned long long)d->text[i].n);
        kcb_sha256_update(&s, d->text[i].p, d->text[i].n);
    }
    kcb_sha256_final(&s, out);
    kcb_sha256_hex(out, hex);
}
