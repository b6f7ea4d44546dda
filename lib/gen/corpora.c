/* Built-in corpora from sources: labelled TSV datasets and the sample set of an NCD matrix. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "gen_int.h"

/* ---- labelled datasets ---- */

struct doc {
    size_t cls, index;
};

static size_t doc_length(uint64_t seed, size_t cls, size_t index, size_t mean)
{
    struct kcb_rng r;
    kcb_rng_stream(&r, seed, TAG_LENGTH, cls, index);
    size_t q = mean / 4;
    return mean - q + (size_t)kcb_rng_below(&r, 2 * (uint64_t)q + 1);
}

/* Makes t (n bytes) one TSV field: blanks for newlines and tabs; returns the length without
 * a trailing blank (a text never starts with one). */
static size_t tsv_field(unsigned char *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (t[i] == '\n' || t[i] == '\t')
            t[i] = ' ';
    while (n && t[n - 1] == ' ')
        n--;
    return n;
}

/* Writes "label<TAB>text\n" for d at out; returns the bytes written. */
static size_t write_line(const struct kcb_gen_labelled *p, kcb_source *const *src,
                         const struct doc *d, char *out, int *rc)
{
    const char *name = kcb_source_name(src[d->cls]);
    size_t k = strlen(name), len = doc_length(p->seed, d->cls, d->index, p->length);
    memcpy(out, name, k);
    out[k++] = '\t';
    unsigned char *text = (unsigned char *)out + k;
    *rc = kcb_source_text(src[d->cls], d->index, text, len);
    k += tsv_field(text, len);
    out[k++] = '\n';
    return k;
}

static void shuffle_docs(uint64_t seed, uint64_t which, struct doc *d, size_t n)
{
    struct kcb_rng r;
    kcb_rng_stream(&r, seed, TAG_SHUFFLE, which, 0);
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)kcb_rng_below(&r, i);
        struct doc t = d[i - 1];
        d[i - 1] = d[j];
        d[j] = t;
    }
}

/* Writes documents [from, to) of every class, shuffled by stream which, into *buf. */
static int write_split(const struct kcb_gen_labelled *p, kcb_source *const *src, size_t from,
                       size_t to, uint64_t which, char **buf, size_t *len)
{
    size_t per = to - from, line = p->length + p->length / 4 + 16; /* name, tab, newline */
    if (line < p->length || per > SIZE_MAX / p->sources)
        return KCB_ERANGE;
    size_t count = per * p->sources; /* line >= sizeof(struct doc), so d's size fits too */
    if (count > SIZE_MAX / line)
        return KCB_ERANGE;
    struct doc *d = malloc(count * sizeof *d);
    *buf = malloc(count * line);
    if (!d || !*buf) {
        free(d);
        return KCB_ENOMEM;
    }
    for (size_t i = 0; i < count; i++)
        d[i] = (struct doc){i / per, from + i % per};
    shuffle_docs(p->seed, which, d, count);
    int rc = KCB_OK;
    *len = 0;
    for (size_t i = 0; !rc && i < count; i++)
        *len += write_line(p, src, &d[i], *buf + *len, &rc);
    free(d);
    return rc;
}

static int labelled_valid(const struct kcb_gen_labelled *p)
{
    return p->sources >= 1 && p->sources <= UINT32_MAX && p->docs >= 2 && p->length >= 1 &&
           p->order >= KCB_GEN_ORDER_MIN && p->order <= KCB_GEN_ORDER_MAX;
}

int kcb_gen_labelled(const struct kcb_gen_labelled *p, struct kcb_gen_tsv *out)
{
    memset(out, 0, sizeof *out);
    if (!labelled_valid(p))
        return KCB_EINVAL;
    kcb_source **src = calloc(p->sources, sizeof *src);
    if (!src)
        return KCB_ENOMEM;
    int rc = KCB_OK;
    for (size_t i = 0; !rc && i < p->sources; i++)
        rc = kcb_source_new(p->seed, (uint32_t)i, p->order, &src[i]);
    size_t ntest = p->docs / 5 ? p->docs / 5 : 1, ntrain = p->docs - ntest;
    if (!rc)
        rc = write_split(p, src, 0, ntrain, 0, &out->train, &out->ntrain);
    if (!rc)
        rc = write_split(p, src, ntrain, p->docs, 1, &out->test, &out->ntest);
    for (size_t i = 0; i < p->sources; i++)
        kcb_source_free(src[i]);
    free(src);
    if (rc)
        kcb_gen_tsv_free(out);
    return rc;
}

void kcb_gen_tsv_free(struct kcb_gen_tsv *out)
{
    free(out->train);
    free(out->test);
    memset(out, 0, sizeof *out);
}

/* ---- the sample set ---- */

#define SAMPLE_SOURCES 3
#define NSAMPLES (6 + 2 * SAMPLE_SOURCES)

/* Appends a file called name with room for n bytes; returns its data or NULL (no memory). */
static unsigned char *add_file(struct kcb_gen_files *f, const char *name, size_t n)
{
    struct kcb_gen_file *e = &f->v[f->n];
    e->data = malloc(n ? n : 1);
    if (!e->data)
        return NULL;
    snprintf(e->name, sizeof e->name, "%s", name);
    e->n = n;
    f->n++;
    return e->data;
}

static int add_repeat(struct kcb_gen_files *f, const char *name, const char *pat, size_t n)
{
    unsigned char *d = add_file(f, name, n);
    return d ? kcb_gen_repeat(pat, strlen(pat), d, n) : KCB_ENOMEM;
}

static int add_random(struct kcb_gen_files *f, const char *name, uint64_t seed, size_t n,
                      void (*gen)(uint64_t, unsigned char *, size_t))
{
    unsigned char *d = add_file(f, name, n);
    if (!d)
        return KCB_ENOMEM;
    gen(seed, d, n);
    return KCB_OK;
}

/* Adds texts 0 and 1 of source id as markov_NAME_1.txt and markov_NAME_2.txt. */
static int add_markov(struct kcb_gen_files *f, uint64_t seed, uint32_t id, int order, size_t n)
{
    kcb_source *s = NULL;
    int rc = kcb_source_new(seed, id, order, &s);
    for (uint64_t k = 0; !rc && k < 2; k++) {
        char name[32];
        snprintf(name, sizeof name, "markov_%s_%u.txt", kcb_source_name(s), (unsigned)k + 1);
        unsigned char *d = add_file(f, name, n);
        rc = d ? kcb_source_text(s, k, d, n) : KCB_ENOMEM;
    }
    kcb_source_free(s);
    return rc;
}

int kcb_gen_samples(uint64_t seed, size_t size, int order, struct kcb_gen_files *out)
{
    out->v = NULL;
    out->n = 0;
    if (order < KCB_GEN_ORDER_MIN || order > KCB_GEN_ORDER_MAX)
        return KCB_EINVAL;
    out->v = calloc(NSAMPLES, sizeof *out->v);
    if (!out->v)
        return KCB_ENOMEM;
    int rc = add_repeat(out, "x1_001x15.txt", "001", 45);
    if (!rc)
        rc = add_random(out, "random_45.bin", kcb_rng_stream_seed(seed, TAG_SAMPLE, 45, 0), 45,
                        kcb_gen_random);
    if (!rc)
        rc = add_random(out, "random.bin", seed, size, kcb_gen_random);
    if (!rc)
        rc = add_random(out, "random_text.txt", seed, size, kcb_gen_random_text);
    if (!rc)
        rc = add_repeat(out, "repeat_001.txt", "001", size);
    if (!rc)
        rc = add_repeat(out, "repeat_hello.txt", "hello world ", size);
    for (uint32_t i = 0; !rc && i < SAMPLE_SOURCES; i++)
        rc = add_markov(out, seed, i, order, size);
    if (rc)
        kcb_gen_files_free(out);
    return rc;
}

void kcb_gen_files_free(struct kcb_gen_files *f)
{
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].data);
    free(f->v);
    f->v = NULL;
    f->n = 0;
}
