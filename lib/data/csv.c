/* The CSV reader (RFC 4180, AG News layout "class","title","description"): values unquoted in place. */
#include <string.h>

#include "kcb/err.h"
#include "loader.h"

struct csv {
    const unsigned char *b;
    size_t n, r;      /* input and read position */
    unsigned char *w; /* where the next value byte goes; never past b + r */
    long line;        /* physical line at r */
};

enum { CSV_OK, CSV_UNTERMINATED, CSV_STRAY_QUOTE, CSV_AFTER_QUOTE };

static const char *const csv_errors[] = {
    "", "unterminated quoted field", "quote inside an unquoted field",
    "unexpected character after a closing quote",
};

/* At the end of a line ("\n", "\r\n", a final "\r") or of the input. */
static int csv_eol(const struct csv *c)
{
    if (c->r >= c->n)
        return 1;
    unsigned char ch = c->b[c->r];
    return ch == '\n' || (ch == '\r' && (c->r + 1 == c->n || c->b[c->r + 1] == '\n'));
}

static void csv_skip_eol(struct csv *c)
{
    if (c->r < c->n && c->b[c->r] == '\r')
        c->r++;
    if (c->r < c->n && c->b[c->r] == '\n') {
        c->r++;
        c->line++;
    }
}

/* After an error: resume at the next physical line. */
static void csv_resync(struct csv *c)
{
    const unsigned char *nl = memchr(c->b + c->r, '\n', c->n - c->r);
    c->r = nl ? (size_t)(nl - c->b) + 1 : c->n;
    c->line += nl != NULL;
}

static int csv_quoted(struct csv *c)
{
    for (c->r++;; c->r++) {
        if (c->r >= c->n)
            return CSV_UNTERMINATED;
        unsigned char ch = c->b[c->r];
        if (ch == '"') {
            if (c->r + 1 >= c->n || c->b[c->r + 1] != '"')
                break;
            c->r++;
        }
        c->line += ch == '\n';
        *c->w++ = ch;
    }
    c->r++;
    return csv_eol(c) || c->b[c->r] == ',' ? CSV_OK : CSV_AFTER_QUOTE;
}

/* Appends the value of the field at c->r; stops at its ',' or line end. */
static int csv_field(struct csv *c)
{
    if (c->r < c->n && c->b[c->r] == '"')
        return csv_quoted(c);
    for (; !csv_eol(c) && c->b[c->r] != ','; c->r++) {
        if (c->b[c->r] == '"')
            return CSV_STRAY_QUOTE;
        *c->w++ = c->b[c->r];
    }
    return CSV_OK;
}

/* Writes the label, then fields 2.. joined by spaces; counts the fields. */
static int csv_record(struct csv *c, size_t *label_len, size_t *nfields)
{
    unsigned char *start = c->w;
    int rc = csv_field(c);
    *label_len = (size_t)(c->w - start);
    *nfields = 1;
    while (rc == CSV_OK && c->r < c->n && c->b[c->r] == ',') {
        c->r++;
        if (++*nfields > 2)
            *c->w++ = ' ';
        rc = csv_field(c);
    }
    return rc;
}

static int csv_row(struct loader *ld, struct csv *c)
{
    long first = c->line;
    unsigned char *out = ld->d->arena + ld->used;
    size_t llen, nfields;
    c->w = out;
    int rc = csv_record(c, &llen, &nfields);
    if (rc) {
        long at = rc == CSV_UNTERMINATED ? first : c->line;
        csv_resync(c);
        return kcb_ld_bad_row(ld, at, "%s", csv_errors[rc]);
    }
    csv_skip_eol(c);
    if (nfields < 2)
        return kcb_ld_bad_row(ld, first, "expected at least 2 fields (label, text)");
    if (llen == 0)
        return kcb_ld_bad_row(ld, first, "missing label");
    return kcb_ld_add(ld, out, llen, out + llen, (size_t)(c->w - out) - llen, first);
}

int kcb_read_csv(struct loader *ld, const unsigned char *buf, size_t n, size_t start)
{
    struct csv c = {buf, n, start, NULL, 1};
    while (c.r < c.n) {
        if (csv_eol(&c)) {
            csv_skip_eol(&c);
            continue;
        }
        int rc = csv_row(ld, &c);
        if (rc)
            return rc;
    }
    return KCB_OK;
}

