/* libFuzzer target: every codec of the registry decompressing arbitrary bytes into a bounded buffer. */
#include "fuzz.h"

#include "kcb/codec.h"
#include "kcb/err.h"

#define MAX_CODECS 32

/* The dictionary of the primed streams: what the codecs' priming tests use, in small. */
static const char dict_text[] =
    "the quick brown fox jumps over the lazy dog; kolmogorov complexity of a string is the "
    "length of its shortest description. compression distance, information, the quick fox";

struct slot {
    void *ctx, *state; /* state: a prime of dict_text, for a primable codec */
    int ready;
};

static struct slot slots[MAX_CODECS];

/* The context (and prime state) of codec i, made at its default level on first use. */
static struct slot *slot_of(size_t i, const struct kcb_codec *c)
{
    struct slot *s = &slots[i];
    if (s->ready)
        return s;
    FUZZ_CHECK(c->ctx_new(c->level_default, 0, &s->ctx) == KCB_OK);
    if (kcb_codec_primable(c))
        FUZZ_CHECK(c->prime(s->ctx, dict_text, sizeof dict_text - 1, &s->state) == KCB_OK);
    s->ready = 1;
    return s;
}

/* Decompresses src[0..n) into a buffer of exactly cap bytes, plainly or primed: success
 * must mean exactly cap bytes, failure one of the codec errors. */
static void decompress_one(size_t i, const struct kcb_codec *c, int primed, const uint8_t *src,
                           size_t n, size_t cap)
{
    struct slot *s = slot_of(i, c);
    if (primed && !s->state)
        return;
    unsigned char *dst = malloc(cap ? cap : 1);
    FUZZ_CHECK(dst != NULL);
    size_t out = (size_t)-1;
    int rc = primed ? c->decompress_primed(s->ctx, s->state, src, n, dst, cap, &out)
                    : c->decompress(s->ctx, src, n, dst, cap, &out);
    if (rc == KCB_OK && out != cap) {
        fprintf(stderr, "%s%s: decompress returned 0 with %zu bytes, not the %zu asked\n",
                c->name, primed ? " (primed)" : "", out, cap);
        abort();
    }
    FUZZ_CHECK(rc == KCB_OK || rc == KCB_ECORRUPT || rc == KCB_ECODEC || rc == KCB_ENOMEM ||
               rc == KCB_ERANGE);
    free(dst);
}

/*
 * Input: a codec name and a NUL byte (a name not in the build, or no NUL at all, means every
 * codec), then a mode byte (bit 0: the primed decoder too), the output size cap (2 bytes,
 * little endian, at most 65535), then the compressed bytes.
 */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, '\0', size < 64 ? size : 64);
    const struct kcb_codec *want = NULL;
    if (nul) {
        char name[64];
        memcpy(name, data, (size_t)(nul - data) + 1);
        want = kcb_codec_find(name);
        size -= (size_t)(nul - data) + 1;
        data = nul + 1;
    }
    if (size < 3)
        return 0;
    int primed = data[0] & 1;
    size_t cap = (size_t)data[1] | (size_t)data[2] << 8;
    const uint8_t *src = data + 3;
    size_t n = size - 3;
    uint8_t *copy = (uint8_t *)fuzz_copy(src, n, 0); /* exactly n bytes: overreads show */
    size_t count;
    const struct kcb_codec *const *all = kcb_codecs(&count);
    FUZZ_CHECK(count <= MAX_CODECS);
    for (size_t i = 0; i < count; i++) {
        if (want && all[i] != want)
            continue;
        decompress_one(i, all[i], 0, copy, n, cap);
        if (primed)
            decompress_one(i, all[i], 1, copy, n, cap);
    }
    free(copy);
    return 0;
}
