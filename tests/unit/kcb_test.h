/* Helpers shared by the unit tests: a fixed-seed PRNG, test inputs, and capturing stream output. */
#ifndef KCB_TEST_H
#define KCB_TEST_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* splitmix64: a tiny generator whose sequence depends only on the seed. */
static inline uint64_t kcb_test_rand(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* Fills p with n bytes that no compressor can shrink. */
static inline void kcb_test_fill_random(unsigned char *p, size_t n, uint64_t seed)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(kcb_test_rand(&seed) >> 56);
}

/* Fills p with n bytes of English-like text: words from a small vocabulary, spaces, lines. */
static inline void kcb_test_fill_text(unsigned char *p, size_t n, uint64_t seed)
{
    static const char *const words[] = {
        "the", "of", "and", "a", "to", "in", "is", "you", "that", "it", "he", "was", "for",
        "on", "are", "as", "with", "his", "they", "at", "be", "this", "have", "from", "or",
        "one", "had", "by", "word", "but", "not", "what", "all", "were", "we", "when", "your",
        "can", "said", "there", "use", "an", "each", "which", "she", "do", "how", "their",
        "compression", "distance", "information", "kolmogorov", "complexity", "string",
    };
    size_t nw = sizeof words / sizeof words[0], i = 0, col = 0;
    while (i < n) {
        const char *w = words[kcb_test_rand(&seed) % nw];
        for (; *w && i < n; w++, col++)
            p[i++] = (unsigned char)*w;
        if (i < n) {
            p[i++] = col > 70 ? '\n' : ' ';
            col = col > 70 ? 0 : col + 1;
        }
    }
}

/* Returns a new buffer of n bytes (at least 1 allocated) filled by fill, or NULL. */
static inline unsigned char *kcb_test_make(size_t n, uint64_t seed,
                                           void (*fill)(unsigned char *, size_t, uint64_t))
{
    unsigned char *p = malloc(n ? n : 1);
    if (p)
        fill(p, n, seed);
    return p;
}

/* A stream whose output is collected in memory; read it with kcb_test_capture_end. */
struct kcb_test_capture {
    FILE *fp;
    char *text;
    size_t len;
};

static inline int kcb_test_capture_begin(struct kcb_test_capture *c)
{
    c->text = NULL;
    c->len = 0;
    c->fp = open_memstream(&c->text, &c->len);
    return c->fp ? 0 : -1;
}

/* Closes the stream; c->text (caller frees) holds everything written, NUL-terminated. */
static inline int kcb_test_capture_end(struct kcb_test_capture *c)
{
    int rc = fclose(c->fp);
    c->fp = NULL;
    return rc;
}

/* Whether a and b differ by at most eps. */
static inline int kcb_test_near(double a, double b, double eps)
{
    return fabs(a - b) <= eps;
}

#if defined(_XOPEN_SOURCE) && _XOPEN_SOURCE >= 500 /* a test that defines it gets temp dirs */
#include <ftw.h>

/* Makes a fresh directory /tmp/PREFIX-XXXXXX into root (at least 64 bytes): 0 or -1. */
static inline int kcb_test_tmpdir(char *root, size_t len, const char *prefix)
{
    snprintf(root, len, "/tmp/%s-XXXXXX", prefix);
    return mkdtemp(root) ? 0 : -1;
}

static inline int kcb_test_remove_entry(const char *path, const struct stat *st, int flag,
                                        struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* Removes root and everything below it: 0 or -1. */
static inline int kcb_test_rmtree(const char *root)
{
    return nftw(root, kcb_test_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}
#endif

#endif
