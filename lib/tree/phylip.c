/* PHYLIP distance matrices: writing relaxed PHYLIP, and reading strict or relaxed, square or triangular. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/matrix.h"

static void phylip_name(FILE *fp, const char *s)
{
    size_t len = 0;
    for (; *s; s++, len++)
        fputc(isspace((unsigned char)*s) || strchr("()[]:;,'", *s) ? '_' : *s, fp);
    for (; len < 10; len++)
        fputc(' ', fp);
}

int kcb_matrix_write_phylip(FILE *fp, const struct kcb_matrix *m, int dec)
{
    fprintf(fp, "%zu\n", m->n);
    for (size_t i = 0; i < m->n; i++) {
        phylip_name(fp, m->labels[i]);
        for (size_t j = 0; j < m->n; j++)
            fprintf(fp, " %.*f", dec, m->d[i * m->n + j]);
        fputc('\n', fp);
    }
    return ferror(fp) ? KCB_EIO : KCB_OK;
}

struct lines {
    const char *p, *end;
    long no;
};

static int next_line(struct lines *ls, const char **s, size_t *len)
{
    while (ls->p < ls->end) {
        const char *nl = memchr(ls->p, '\n', (size_t)(ls->end - ls->p));
        const char *e = nl ? nl : ls->end;
        *s = ls->p;
        *len = (size_t)(e - ls->p);
        ls->p = nl ? nl + 1 : ls->end;
        ls->no++;
        size_t k = 0;
        while (k < *len && isspace((unsigned char)(*s)[k]))
            k++;
        if (k < *len)
            return 1;
    }
    return 0;
}

static int fail(char *why, size_t len, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(char *why, size_t len, long line, const char *fmt, ...)
{
    if (why && len) {
        int k = snprintf(why, len, "line %ld: ", line);
        if (k >= 0 && (size_t)k < len) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(why + k, len - (size_t)k, fmt, ap);
            va_end(ap);
        }
    }
    return KCB_EFORMAT;
}

/* Reads the numbers of s[k..len) into vals (up to want of them) and counts them in *got (up
 * to want + 1). Returns -1 for a token that is not a finite number, or too long to be one. */
static int parse_values(const char *s, size_t k, size_t len, double *vals, size_t want,
                        size_t *got)
{
    char buf[64];
    *got = 0;
    while (k < len && *got < want + 1) {
        while (k < len && isspace((unsigned char)s[k]))
            k++;
        if (k >= len)
            break;
        size_t b = 0;
        while (k < len && !isspace((unsigned char)s[k]) && b + 1 < sizeof buf)
            buf[b++] = s[k++];
        if (k < len && !isspace((unsigned char)s[k]))
            return -1;
        buf[b] = '\0';
        char *e;
        errno = 0;
        double v = strtod(buf, &e);
        if (*e || errno || !isfinite(v)) /* nan and inf are no distances */
            return -1;
        if (*got < want)
            vals[*got] = v;
        (*got)++;
    }
    return 0;
}

/* Reads one row: relaxed PHYLIP (the name is the first word) or, when that does not give
 * a row of one of the two shapes, strict PHYLIP (the name is the first 10 columns, which may
 * touch the first value). Sets the name (*name, *namelen: within s) and *got, the count of
 * values (square: want, lower triangle: tri). Returns -1 when neither reading fits, -2 when
 * a value of the name-first reading is not a finite number and the strict one fails too. */
static int parse_row(const char *s, size_t len, const char **name, size_t *namelen, double *vals,
                     size_t want, size_t tri, size_t *got)
{
    size_t k = 0;
    while (k < len && isspace((unsigned char)s[k]))
        k++;
    *name = s + k;
    while (k < len && !isspace((unsigned char)s[k]))
        k++;
    *namelen = (size_t)(s + k - *name);
    int bad = parse_values(s, k, len, vals, want, got) ? -2 : -1;
    if (bad == -1 && (*got == want || *got == tri))
        return 0;
    if (len <= 10 || isspace((unsigned char)s[0]))
        return bad;
    *name = s; /* strict: ten columns of name, blanks at their end not part of it */
    for (*namelen = 10; *namelen > 0 && isspace((unsigned char)s[*namelen - 1]);)
        (*namelen)--;
    if (parse_values(s, 10, len, vals, want, got) || (*got != want && *got != tri))
        return bad;
    return 0;
}

/* Reads the number at the start of line s[0..len) (after blanks) into *n: 0, or -1 when the
 * line does not start with one. Only the line is read: the text need not end in a NUL. */
static int line_count(const char *s, size_t len, long *n)
{
    char buf[32];
    size_t k = 0;
    while (k < len && isspace((unsigned char)s[k]))
        k++;
    size_t b = len - k < sizeof buf - 1 ? len - k : sizeof buf - 1;
    memcpy(buf, s + k, b);
    buf[b] = '\0';
    char *e;
    *n = strtol(buf, &e, 10);
    return e == buf ? -1 : 0;
}

/* Whether the text after the count line, ls, can hold n taxa when they are many (over 1024:
 * 8 MB of doubles): their lower triangle alone is n(n-1)/2 values of a character and a blank
 * each, so that a short text never gets n*n doubles allocated (6 bytes, "99999\n", asked for
 * 80 GB). Returns 0, or the error: as for too few rows when there are fewer than n lines,
 * else one naming the size. */
static int room_for(struct lines ls, long n, char *why, size_t whylen)
{
    size_t left = (size_t)(ls.end - ls.p), rows = 0, sl;
    if (n <= 1024 || (size_t)n - 1 <= left / (size_t)n)
        return KCB_OK;
    const char *s;
    while (rows < (size_t)n && next_line(&ls, &s, &sl))
        rows++;
    if (rows < (size_t)n)
        return fail(why, whylen, ls.no + 1, "expected %ld rows, found %zu", n, rows);
    return fail(why, whylen, ls.no, "%ld taxa need at least %ld numbers, more than the rest of "
                "the text (%zu bytes) holds", n, n * (n - 1) / 2, left);
}

/* Reads the matrix that starts at the first non-blank line of ls. */
static int read_one(struct lines ls, struct kcb_matrix **out, char *why, size_t whylen)
{
    const char *s;
    size_t sl;
    if (!next_line(&ls, &s, &sl))
        return fail(why, whylen, 1, "empty PHYLIP matrix");
    long n;
    if (line_count(s, sl, &n) || n <= 0 || n > 100000)
        return fail(why, whylen, ls.no, "expected the number of taxa");
    int rc = room_for(ls, n, why, whylen);
    if (rc)
        return rc;
    struct kcb_matrix *m;
    if (kcb_matrix_new((size_t)n, &m))
        return KCB_ENOMEM;
    int square = 1;
    for (size_t i = 0; i < (size_t)n; i++) {
        const char *name;
        size_t got, namelen;
        if (!next_line(&ls, &s, &sl)) {
            kcb_matrix_free(m);
            return fail(why, whylen, ls.no + 1, "expected %ld rows, found %zu", n, i);
        }
        /* the first row decides the shape; every other row must keep it */
        size_t want = i == 0 || square ? (size_t)n : i, tri = i == 0 ? 0 : want;
        int bad = parse_row(s, sl, &name, &namelen, m->d + i * (size_t)n, (size_t)n, tri, &got);
        if (bad || (i > 0 && got != want)) {
            kcb_matrix_free(m);
            if (bad == -2)
                return fail(why, whylen, ls.no, "row %zu: a value is not a finite number", i + 1);
            return i == 0 ? fail(why, whylen, ls.no, "row 1: expected %ld (square) or 0 "
                                 "(lower triangle) numbers", n)
                          : fail(why, whylen, ls.no, "row %zu: expected %zu numbers, as the "
                                 "first row is %s", i + 1, want, square ? "square" :
                                 "a lower triangle");
        }
        if (i == 0)
            square = got == (size_t)n;
        if (!square) /* lower triangle: mirror */
            for (size_t j = 0; j < i; j++)
                m->d[j * (size_t)n + i] = m->d[i * (size_t)n + j];
        char *label = strndup(name, namelen);
        if (!label) {
            kcb_matrix_free(m);
            return KCB_ENOMEM;
        }
        free(m->labels[i]);
        m->labels[i] = label;
    }
    *out = m;
    return KCB_OK;
}

/* Skips the index matrices before the wanted one: each is a line with its size n and then n
 * non-blank rows. Returns 0, or -1 if the text ends first or a size is not a number. */
static int skip(struct lines *ls, long index)
{
    const char *s;
    size_t sl;
    for (long m = 0; m < index; m++) {
        if (!next_line(ls, &s, &sl))
            return -1;
        long rows;
        if (line_count(s, sl, &rows) || rows <= 0)
            return -1;
        for (long r = 0; r < rows; r++)
            if (!next_line(ls, &s, &sl))
                return -1;
    }
    return 0;
}

int kcb_matrix_read_phylip(const char *text, size_t len, size_t index, struct kcb_matrix **out,
                           char *why, size_t whylen)
{
    struct lines ls = {text, text + len, 0}, peek;
    const char *s;
    size_t sl;
    if (skip(&ls, (long)index) || (peek = ls, index > 0 && !next_line(&peek, &s, &sl))) {
        snprintf(why, whylen, "--index %zu: the input holds fewer PHYLIP matrices", index);
        return KCB_ENOTFOUND;
    }
    return read_one(ls, out, why, whylen);
}
