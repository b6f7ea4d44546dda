/* libFuzzer target: codec specs, "gzip:9,zstd:1-3" (kcb_specs_parse) and lzbench's "zstd,1/xz". */
#include "fuzz.h"

#include "kcb/codec.h"
#include "kcb/err.h"
#include "kcb/spec.h"

/* A parsed list holds codecs of this build at levels in their ranges, each pair once, and
 * each entry's "name:level" parses back to itself alone. */
static void check_specs(const struct kcb_specs *s)
{
    for (size_t i = 0; i < s->n; i++) {
        const struct kcb_codec *c = s->v[i].codec;
        FUZZ_CHECK(c != NULL && kcb_codec_find(c->name) == c);
        FUZZ_CHECK(s->v[i].level >= c->level_min && s->v[i].level <= c->level_max);
        for (size_t j = 0; j < i; j++)
            FUZZ_CHECK(s->v[j].codec != c || s->v[j].level != s->v[i].level);
        char buf[96], why[256];
        struct kcb_specs one;
        FUZZ_CHECK(kcb_specs_parse(kcb_spec_str(&s->v[i], buf, sizeof buf), &one, why,
                                   sizeof why) == KCB_OK);
        FUZZ_CHECK(one.n == 1 && one.v[0].codec == c && one.v[0].level == s->v[i].level);
        kcb_specs_free(&one);
    }
}

static void parse_with(int (*parse)(const char *, struct kcb_specs *, char *, size_t),
                       const char *text, size_t whylen)
{
    char why[512];
    struct kcb_specs s;
    memset(why, 'x', sizeof why);
    int rc = parse(text, &s, whylen ? why : NULL, whylen);
    FUZZ_CHECK(rc == KCB_OK || rc == KCB_EINVAL || rc == KCB_ENOMEM);
    if (rc == KCB_OK)
        check_specs(&s);
    else
        FUZZ_CHECK(s.n == 0 && s.v == NULL);
    if (rc == KCB_EINVAL && whylen)
        FUZZ_CHECK(memchr(why, '\0', whylen) != NULL && (whylen == 1 || why[0]));
    if (whylen < sizeof why)
        FUZZ_CHECK(why[whylen] == 'x'); /* nothing written past whylen */
    kcb_specs_free(&s);
}

/* Input: byte 0 the size of the reason buffer (0-255; 0 passes NULL), then the spec text, cut
 * at its first NUL byte. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char *text = fuzz_copy(data + 1, size - 1, 1);
    parse_with(kcb_specs_parse, text, data[0]);
    parse_with(kcb_specs_parse_lzbench, text, data[0]);
    free(text);
    return 0;
}
