/* best-compressor: ratios on text corpora beside published figures; does ratio go with accuracy? */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/gen.h"
#include "kcb/io.h"
#include "kcb/rng.h"
#include "kcb/school.h"
#include "school_int.h"

/* Published figures, each as its source prints it; none is measured here. */
static const struct kcb_published published[] = {
    {"nncp v3.2", "enwik8", 100000000ull, 14915298ull,
     "Large Text Compression Benchmark, https://www.mattmahoney.net/dc/text.html",
     "Sept 19, 2024"},
    {"nncp v3.2", "enwik9", 1000000000ull, 106632363ull,
     "Large Text Compression Benchmark, https://www.mattmahoney.net/dc/text.html",
     "Sept 19, 2024"},
    {"cmix v21 -t", "enwik8", 100000000ull, 14623723ull,
     "Large Text Compression Benchmark, https://www.mattmahoney.net/dc/text.html",
     "Sept 19, 2024"},
    {"cmix v21 -t", "enwik9", 1000000000ull, 107963380ull,
     "Large Text Compression Benchmark, https://www.mattmahoney.net/dc/text.html",
     "Sept 19, 2024"},
    {"cmix v21", "calgary.tar", 3152896ull, 534512ull,
     "cmix's benchmarks, https://byronknoll.com/cmix.html", "cmix v21, Sept 10, 2024"},
    {"zip", "enwik8", 100000000ull, 36445475ull,
     "About the Test Data (enwik8.zip), http://mattmahoney.net/dc/textdata.html",
     "Sept. 1, 2011"},
    {"bzip2", "enwik8", 100000000ull, 29008758ull,
     "About the Test Data (enwik8.bz2), http://cs.fit.edu/~mmahoney/compression/textdata.html",
     "Dec. 17, 2006"},
};
#define NPUB (sizeof published / sizeof published[0])

#define TEXT_BYTES 262144
static const char *const calgary[] = {"bib", "book1", "book2", "geo", "news", "obj1", "obj2",
                                      "paper1", "paper2", "pic", "progc", "progl", "progp",
                                      "trans"};
#define NCALGARY (sizeof calgary / sizeof calgary[0])
#define NCORPORA 6

/* The 14 files of the Calgary corpus joined, in the order of its tar file. */
static int read_calgary(const char *dir, unsigned char **buf, size_t *n)
{
    size_t cap = 4u << 20;
    *n = 0;
    *buf = malloc(cap);
    int rc = *buf ? KCB_OK : KCB_ENOMEM;
    for (size_t k = 0; !rc && k < NCALGARY; k++) {
        char path[4096];
        unsigned char *f = NULL;
        size_t m = 0;
        snprintf(path, sizeof path, "%s/calgary/%s", dir, calgary[k]);
        rc = kcb_read_file(path, &f, &m);
        if (!rc && *n + m > cap)
            rc = KCB_ERANGE;
        if (!rc)
            memcpy(*buf + *n, f, m);
        *n += rc ? 0 : m;
        free(f);
    }
    return rc;
}

/* Corpus k into name and *buf (NULL when it is not there): 0 or kcb_err. */
static int corpus(const kcb_school *s, int k, char *name, size_t len, unsigned char **buf,
                  size_t *n)
{
    static const char *const names[NCORPORA] = {"text, order 3, 256 KiB", "text, order 4, 256 KiB",
                                                "alice29.txt", "book1", "calgary, 14 files",
                                                "plrabn12.txt"};
    static const char *const paths[NCORPORA] = {NULL, NULL, "canterbury/alice29.txt",
                                                 "calgary/book1", "calgary/trans",
                                                 "canterbury/plrabn12.txt"};
    char path[4096];
    const char *dir = paths[k] ? kcb_school_data(s, paths[k]) : NULL;
    snprintf(name, len, "%s", names[k]);
    *buf = NULL;
    if (!paths[k]) {
        *n = TEXT_BYTES;
        *buf = malloc(*n);
        return *buf ? kcb_gen_markov(s->o.seed, 5, k ? 4 : 3, 0, *buf, *n) : KCB_ENOMEM;
    }
    if (!dir)
        return KCB_OK;
    if (k == 4)
        return read_calgary(dir, buf, n);
    snprintf(path, sizeof path, "%s/%s", dir, paths[k]);
    return kcb_read_file(path, buf, n);
}

static int corpus_rows(const kcb_school *s, struct kcb_best *out)
{
    const struct kcb_school_opts *o = &s->o;
    int rc = KCB_OK;
    for (int k = 0; !rc && k < NCORPORA; k++) {
        char name[48];
        unsigned char *buf = NULL;
        size_t n = 0, first = out->nrows;
        rc = corpus(s, k, name, sizeof name, &buf, &n);
        for (size_t j = 0; !rc && buf && j < o->nspecs; j++) {
            struct kcb_best_row *r = &out->rows[out->nrows++];
            *r = (struct kcb_best_row){.real = k >= 2, .spec = &o->specs[j], .bytes = n};
            snprintf(r->corpus, sizeof r->corpus, "%s", name);
            rc = kcb_size_of(r->spec, buf, n, &r->cx);
        }
        for (size_t j = first; !rc && j < out->nrows; j++) {
            size_t best = out->rows[first].cx;
            for (size_t i = first; i < out->nrows; i++)
                best = out->rows[i].cx < best ? out->rows[i].cx : best;
            out->rows[j].best = out->rows[j].cx == best;
        }
        free(buf);
    }
    return rc;
}

/* Every pair of compressors on every learning set, the better ratio first. */
static int pair_rows(kcb_school *s, struct kcb_best *out)
{
    const struct kcb_school_opts *o = &s->o;
    const struct kcb_learnset *sets;
    size_t n;
    int rc = kcb_school_learnsets(s, &sets, &n);
    out->pairs = rc ? NULL : calloc(n * o->nspecs * o->nspecs + 1, sizeof *out->pairs);
    if (!rc && !out->pairs)
        rc = KCB_ENOMEM;
    for (size_t i = 0; !rc && i < n; i++) {
        const struct kcb_learnset *ls = &sets[i];
        uint64_t boot = kcb_rng_stream_seed(o->seed, TAG_BOOT, 50 + i, 0);
        for (size_t a = 0; !rc && a < o->nspecs; a++)
            for (size_t b = a + 1; !rc && b < o->nspecs; b++) {
                size_t hi = ls->c_corpus[b] < ls->c_corpus[a] ? b : a, lo = hi == a ? b : a;
                size_t st[2] = {0, 0};
                for (size_t t = 0; t < ls->d.train->n; t++) {
                    st[0] += ls->nn[hi].ctrain[t];
                    st[1] += ls->nn[lo].ctrain[t];
                }
                struct kcb_best_pair *p = &out->pairs[out->npairs++];
                *p = (struct kcb_best_pair){ls->d.name, &o->specs[hi], &o->specs[lo],
                    (double)ls->corpus_bytes / (double)ls->c_corpus[hi],
                    (double)ls->corpus_bytes / (double)ls->c_corpus[lo],
                    (double)ls->text_bytes / (double)st[0], (double)ls->text_bytes / (double)st[1],
                    {0}, 0};
                rc = kcb_paired_compare(ls->nn[lo].correct, ls->nn[hi].correct, ls->d.test->n,
                                        KCB_SCHOOL_REPS, boot, KCB_SCHOOL_LEVEL, &p->cmp);
            }
    }
    return rc;
}

int kcb_best_run(kcb_school *s, struct kcb_best *out)
{
    const struct kcb_school_opts *o = kcb_school_opts(s);
    memset(out, 0, sizeof *out);
    out->pub = published;
    out->npub = NPUB;
    out->rows = calloc(NCORPORA * o->nspecs, sizeof *out->rows);
    int rc = out->rows ? corpus_rows(s, out) : KCB_ENOMEM;
    if (!rc)
        rc = pair_rows(s, out);
    if (rc) {
        kcb_best_free(out);
        return rc;
    }
    kcb_finding_add(out->f.data, "corpora: two built-in texts of %d bytes (synthetic sources of "
                    "order 3 and 4)%s; ratio against accuracy: the learning sets of "
                    "compression-is-learning", TEXT_BYTES,
                    out->nrows > 2 * o->nspecs ? ", and alice29.txt, book1, plrabn12.txt and "
                    "the 14 files of the Calgary corpus joined" : "");
    kcb_best_judge(out);
    return KCB_OK;
}

void kcb_best_free(struct kcb_best *r)
{
    free(r->rows);
    free(r->pairs);
    r->rows = NULL;
    r->pairs = NULL;
    r->nrows = r->npairs = 0;
}

/* ---- the verdict ---- */

/* Adds, for each compressor, the fewest bits per byte it reaches on the corpora. */
static void best_bpb(struct kcb_best *r)
{
    size_t ns = 0;
    char name[48];
    while (ns < r->nrows && strcmp(r->rows[ns].corpus, r->rows[0].corpus) == 0)
        ns++;
    kcb_finding_add(r->f.evidence, " The fewest bits per byte each compressor reaches on the "
                    "corpora:");
    for (size_t k = 0; k < ns; k++) {
        const struct kcb_best_row *b = &r->rows[k];
        for (size_t i = k; i < r->nrows; i += ns)
            if ((double)r->rows[i].cx / (double)r->rows[i].bytes <
                (double)b->cx / (double)b->bytes)
                b = &r->rows[i];
        kcb_finding_add(r->f.evidence, "%s %s %.3f (%s)", k ? "," : "",
                        kcb_spec_str(b->spec, name, sizeof name),
                        8.0 * (double)b->cx / (double)b->bytes, b->corpus);
    }
    for (size_t i = 0; i < r->npub; i++)
        if (strcmp(r->pub[i].data, "enwik8") == 0 && strstr(r->pub[i].program, "cmix")) {
            kcb_finding_add(r->f.evidence, "; published, for context: %s %.3f on %s.",
                            r->pub[i].program,
                            8.0 * (double)r->pub[i].compressed / (double)r->pub[i].bytes,
                            r->pub[i].data);
            return;
        }
    kcb_finding_add(r->f.evidence, ".");
}

void kcb_best_judge(struct kcb_best *r)
{
    size_t sets = 0, agreeing = 0;
    char where[KCB_FINDING_TEXT] = "";
    r->f.evidence[0] = '\0';
    for (size_t i = 0; i < r->npairs;) {
        size_t j = i, n[3] = {0, 0, 0}; /* contradicts, no difference, agrees */
        for (; j < r->npairs && strcmp(r->pairs[j].dataset, r->pairs[i].dataset) == 0; j++) {
            struct kcb_best_pair *p = &r->pairs[j];
            p->agrees = p->cmp.lo > 0 ? 1 : p->cmp.hi < 0 ? -1 : 0;
            n[p->agrees + 1]++;
        }
        sets++;
        kcb_finding_add(r->f.evidence, "%s%s: of %zu pairs, %zu differ significantly in favour "
                        "of the better compressor, %zu of the worse, %zu not significantly.",
                        sets > 1 ? " " : "", r->pairs[i].dataset, j - i, n[2], n[0], n[1]);
        if (n[2] && !n[0]) {
            kcb_finding_add(where, "%s%s", agreeing ? " and " : "", r->pairs[i].dataset);
            agreeing++;
        }
        i = j;
    }
    if (!r->npairs)
        kcb_finding_add(r->f.evidence, "There is no pair of compressors to compare (-c names "
                        "one).");
    if (r->nrows)
        best_bpb(r);
    kcb_finding_by_count(&r->f, agreeing, sets, "the data is %s", where);
}
