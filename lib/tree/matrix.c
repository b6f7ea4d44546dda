/* Labelled square matrices: emitters for every output format and a PHYLIP reader. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/matrix.h"

int kcb_matrix_new(size_t n, struct kcb_matrix **out)
{
    struct kcb_matrix *m = calloc(1, sizeof *m);
    if (!m)
        return KCB_ENOMEM;
    m->n = n;
    m->labels = calloc(n ? n : 1, sizeof *m->labels);
    if (n && n > SIZE_MAX / sizeof(double) / n) {
        kcb_matrix_free(m);
        return KCB_ERANGE;
    }
    m->d = calloc(n ? n * n : 1, sizeof(double));
    if (!m->labels || !m->d) {
        kcb_matrix_free(m);
        return KCB_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "%zu", i + 1);
        if (kcb_matrix_set_label(m, i, buf)) {
            kcb_matrix_free(m);
            return KCB_ENOMEM;
        }
    }
    *out = m;
    return KCB_OK;
}

int kcb_matrix_set_label(struct kcb_matrix *m, size_t i, const char *s)
{
    char *copy = strdup(s);
    if (!copy)
        return KCB_ENOMEM;
    free(m->labels[i]);
    m->labels[i] = copy;
    return KCB_OK;
}

void kcb_matrix_free(struct kcb_matrix *m)
{
    if (!m)
        return;
    for (size_t i = 0; m->labels && i < m->n; i++)
        free(m->labels[i]);
    free(m->labels);
    free(m->d);
    free(m);
}

static int label_width(const struct kcb_matrix *m, int min)
{
    size_t w = (size_t)min;
    for (size_t i = 0; i < m->n; i++)
        if (strlen(m->labels[i]) > w)
            w = strlen(m->labels[i]);
    return (int)w;
}

static void write_plain(FILE *fp, const struct kcb_matrix *m, int dec)
{
    for (size_t i = 0; i < m->n; i++) {
        for (size_t j = 0; j < m->n; j++)
            fprintf(fp, "%s%.*f", j ? " " : "", dec, m->d[i * m->n + j]);
        fputc('\n', fp);
    }
}

static void write_table(FILE *fp, const struct kcb_matrix *m, int dec, const char *title)
{
    int lw = label_width(m, 1), cw = dec + 3;
    for (size_t j = 0; j < m->n; j++)
        if ((int)strlen(m->labels[j]) > cw)
            cw = (int)strlen(m->labels[j]);
    if (title)
        fprintf(fp, "# %s\n", title);
    fprintf(fp, "%-*s", lw, "");
    for (size_t j = 0; j < m->n; j++)
        fprintf(fp, "  %*s", cw, m->labels[j]);
    fputc('\n', fp);
    for (size_t i = 0; i < m->n; i++) {
        fprintf(fp, "%-*s", lw, m->labels[i]);
        for (size_t j = 0; j < m->n; j++)
            fprintf(fp, "  %*.*f", cw, dec, m->d[i * m->n + j]);
        fputc('\n', fp);
    }
}

static void md_cell(FILE *fp, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputc('\\', fp);
        fputc(*s == '\n' ? ' ' : *s, fp);
    }
}

static void write_md(FILE *fp, const struct kcb_matrix *m, int dec, const char *title)
{
    if (title)
        fprintf(fp, "**%s**\n\n", title);
    fputs("| |", fp);
    for (size_t j = 0; j < m->n; j++) {
        fputc(' ', fp);
        md_cell(fp, m->labels[j]);
        fputs(" |", fp);
    }
    fputs("\n|---|", fp);
    for (size_t j = 0; j < m->n; j++)
        fputs("---:|", fp);
    fputc('\n', fp);
    for (size_t i = 0; i < m->n; i++) {
        fputs("| ", fp);
        md_cell(fp, m->labels[i]);
        fputs(" |", fp);
        for (size_t j = 0; j < m->n; j++)
            fprintf(fp, " %.*f |", dec, m->d[i * m->n + j]);
        fputc('\n', fp);
    }
}

static void write_csv(FILE *fp, const struct kcb_matrix *m, int dec, const char *title,
                      int header)
{
    if (header) {
        fputs("matrix,label", fp);
        for (size_t j = 0; j < m->n; j++) {
            fputc(',', fp);
            kcb_csv_str(fp, m->labels[j]);
        }
        fputc('\n', fp);
    }
    for (size_t i = 0; i < m->n; i++) {
        kcb_csv_str(fp, title ? title : "");
        fputc(',', fp);
        kcb_csv_str(fp, m->labels[i]);
        for (size_t j = 0; j < m->n; j++)
            fprintf(fp, ",%.*f", dec, m->d[i * m->n + j]);
        fputc('\n', fp);
    }
}

static void write_json(FILE *fp, const struct kcb_matrix *m, int dec, const char *title)
{
    fputs("{\"title\":", fp);
    kcb_json_str(fp, title ? title : "");
    fputs(",\"labels\":[", fp);
    for (size_t j = 0; j < m->n; j++) {
        if (j)
            fputc(',', fp);
        kcb_json_str(fp, m->labels[j]);
    }
    fputs("],\"matrix\":[", fp);
    for (size_t i = 0; i < m->n; i++) {
        fputs(i ? ",[" : "[", fp);
        for (size_t j = 0; j < m->n; j++) {
            if (j)
                fputc(',', fp);
            kcb_json_num(fp, m->d[i * m->n + j], dec);
        }
        fputc(']', fp);
    }
    fputs("]}", fp);
}

static void phylip_name(FILE *fp, const char *s)
{
    size_t len = 0;
    for (; *s; s++, len++)
        fputc(isspace((unsigned char)*s) || strchr("()[]:;,'", *s) ? '_' : *s, fp);
    for (; len < 10; len++)
        fputc(' ', fp);
}

static void write_phylip(FILE *fp, const struct kcb_matrix *m, int dec)
{
    fprintf(fp, "%zu\n", m->n);
    for (size_t i = 0; i < m->n; i++) {
        phylip_name(fp, m->labels[i]);
        for (size_t j = 0; j < m->n; j++)
            fprintf(fp, " %.*f", dec, m->d[i * m->n + j]);
        fputc('\n', fp);
    }
}

int kcb_matrix_write(FILE *fp, const struct kcb_matrix *m, enum kcb_format f, int dec,
                     const char *title, int header)
{
    switch (f) {
    case KCB_FMT_PLAIN: write_plain(fp, m, dec); return KCB_OK;
    case KCB_FMT_TABLE: write_table(fp, m, dec, title); return KCB_OK;
    case KCB_FMT_MD: write_md(fp, m, dec, title); return KCB_OK;
    case KCB_FMT_CSV: write_csv(fp, m, dec, title, header); return KCB_OK;
    case KCB_FMT_JSON: write_json(fp, m, dec, title); return KCB_OK;
    case KCB_FMT_PHYLIP: write_phylip(fp, m, dec); return KCB_OK;
    }
    return KCB_EINVAL;
}

/* ---- PHYLIP reader ---- */

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

/* Finds the name (*name, *namelen: within s) and reads up to want values of one row; sets *got.
 * Returns -1 for a token that is not a number, or too long to be one. */
static int parse_row(const char *s, size_t len, const char **name, size_t *namelen, double *vals,
                     size_t want, size_t *got)
{
    size_t k = 0;
    while (k < len && isspace((unsigned char)s[k]))
        k++;
    *name = s + k;
    while (k < len && !isspace((unsigned char)s[k]))
        k++;
    *namelen = (size_t)(s + k - *name);
    *got = 0;
    char buf[64];
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
        if (*e || errno)
            return -1;
        if (*got < want)
            vals[*got] = v;
        (*got)++;
    }
    return 0;
}

int kcb_matrix_read_phylip(const char *text, size_t len, struct kcb_matrix **out, char *why,
                           size_t whylen)
{
    struct lines ls = {text, text + len, 0};
    const char *s;
    size_t sl;
    if (!next_line(&ls, &s, &sl))
        return fail(why, whylen, 1, "empty PHYLIP matrix");
    char *e;
    long n = strtol(s, &e, 10);
    if (e == s || n <= 0 || n > 100000)
        return fail(why, whylen, ls.no, "expected the number of taxa");
    struct kcb_matrix *m;
    if (kcb_matrix_new((size_t)n, &m))
        return KCB_ENOMEM;
    for (size_t i = 0; i < (size_t)n; i++) {
        const char *name;
        size_t got, namelen;
        if (!next_line(&ls, &s, &sl)) {
            kcb_matrix_free(m);
            return fail(why, whylen, ls.no + 1, "expected %ld rows, found %zu", n, i);
        }
        if (parse_row(s, sl, &name, &namelen, m->d + i * (size_t)n, (size_t)n, &got) ||
            (got != (size_t)n && got != i)) {
            kcb_matrix_free(m);
            return fail(why, whylen, ls.no, "row %zu: expected %ld (square) or %zu (lower "
                        "triangle) numbers", i + 1, n, i);
        }
        if (got == i) /* lower triangle: mirror */
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
