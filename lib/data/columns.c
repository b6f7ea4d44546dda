/* Columns of tsv and csv rows: --columns specs, header rows and names, and rows made documents. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/text.h"
#include "loader.h"

/* ---- header modes ---- */

static const char *const header_names[] = {"auto", "yes", "no"};

int kcb_header_parse(const char *name, enum kcb_header *out)
{
    int i = kcb_name_find(header_names, sizeof header_names / sizeof header_names[0], name);
    if (i < 0)
        return KCB_EINVAL;
    *out = (enum kcb_header)i;
    return KCB_OK;
}

const char *kcb_header_name(enum kcb_header h)
{
    return (unsigned)h < sizeof header_names / sizeof header_names[0] ? header_names[h] : "?";
}

/* ---- the spec: label=COL,text=COL[+COL...] ---- */

/* Reads one column, s[0..n): digits are a number from 1, anything else a name. */
static int parse_col(const char *s, size_t n, struct kcb_colref *c, char *why, size_t wl)
{
    memset(c, 0, sizeof *c);
    if (n == 0)
        return kcb_why(why, wl, KCB_EINVAL, "an empty column");
    if (strspn(s, "0123456789") >= n) {
        size_t v = 0;
        for (size_t i = 0; i < n; i++)
            v = v > 100000000 ? v : v * 10 + (size_t)(s[i] - '0');
        if (v == 0 || v > 100000000)
            return kcb_why(why, wl, KCB_EINVAL, "column %.*s: columns are numbered from 1", (int)n, s);
        c->num = v;
        return KCB_OK;
    }
    if (n >= KCB_COLNAME_MAX)
        return kcb_why(why, wl, KCB_EINVAL, "column name '%.*s...' longer than %d bytes", 20, s,
                        KCB_COLNAME_MAX - 1);
    memcpy(c->name, s, n);
    return KCB_OK;
}

static int same_col(const struct kcb_colref *a, const struct kcb_colref *b)
{
    return a->num ? a->num == b->num : strcmp(a->name, b->name) == 0;
}

/* The text's columns, s[0..n) split at '+'. */
static int parse_text(const char *s, size_t n, struct kcb_columns *out, char *why, size_t wl)
{
    for (size_t i = 0;;) {
        const char *plus = memchr(s + i, '+', n - i);
        size_t end = plus ? (size_t)(plus - s) : n;
        if (out->ntext == KCB_TEXT_COLS_MAX)
            return kcb_why(why, wl, KCB_EINVAL, "more than %d text columns", KCB_TEXT_COLS_MAX);
        int rc = parse_col(s + i, end - i, &out->text[out->ntext], why, wl);
        if (rc)
            return rc;
        out->ntext++;
        if (!plus)
            return KCB_OK;
        i = end + 1;
    }
}

/* One "key=value" part, p[0..n). */
static int parse_part(const char *p, size_t n, struct kcb_columns *out, int *have_label,
                      char *why, size_t wl)
{
    const char *eq = memchr(p, '=', n);
    size_t k = eq ? (size_t)(eq - p) : 0, vn = eq ? n - k - 1 : 0;
    if (!eq)
        return kcb_why(why, wl, KCB_EINVAL, "expected label=COLUMN or text=COLUMN[+COLUMN...], got '%.*s'",
                        (int)n, p);
    if (k == 5 && memcmp(p, "label", 5) == 0) {
        if (*have_label)
            return kcb_why(why, wl, KCB_EINVAL, "label given twice");
        if (memchr(eq + 1, '+', vn))
            return kcb_why(why, wl, KCB_EINVAL, "the label is one column");
        *have_label = 1;
        return parse_col(eq + 1, vn, &out->label, why, wl);
    }
    if (k == 4 && memcmp(p, "text", 4) == 0) {
        if (out->ntext)
            return kcb_why(why, wl, KCB_EINVAL, "text given twice (join columns with '+': text=2+3)");
        return parse_text(eq + 1, vn, out, why, wl);
    }
    return kcb_why(why, wl, KCB_EINVAL, "unknown key '%.*s' (label, text)", (int)k, p);
}

/* No column twice: the label is not text, and no text column is repeated. */
static int check_distinct(const struct kcb_columns *c, char *why, size_t wl)
{
    for (size_t i = 0; i < c->ntext; i++) {
        const struct kcb_colref *t = &c->text[i];
        int twice = same_col(t, &c->label);
        for (size_t j = 0; j < i; j++)
            twice |= same_col(t, &c->text[j]);
        if (twice && t->num)
            return kcb_why(why, wl, KCB_EINVAL, "column %zu is named twice", t->num);
        if (twice)
            return kcb_why(why, wl, KCB_EINVAL, "column '%s' is named twice", t->name);
    }
    return KCB_OK;
}

int kcb_columns_parse(const char *spec, struct kcb_columns *out, char *why, size_t wl)
{
    struct kcb_columns c;
    int have_label = 0, rc = KCB_OK;
    memset(&c, 0, sizeof c);
    for (const char *p = spec; rc == KCB_OK;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        rc = parse_part(p, n, &c, &have_label, why, wl);
        if (!comma)
            break;
        p = comma + 1;
    }
    if (rc == KCB_OK && (!have_label || !c.ntext))
        rc = kcb_why(why, wl, KCB_EINVAL, "expected both label=COLUMN and text=COLUMN[+COLUMN...]");
    if (rc == KCB_OK)
        rc = check_distinct(&c, why, wl);
    if (rc == KCB_OK)
        *out = c;
    return rc;
}

int kcb_columns_named(const struct kcb_columns *c)
{
    int named = c->ntext && !c->label.num;
    for (size_t i = 0; i < c->ntext; i++)
        named |= !c->text[i].num;
    return named;
}

/* ---- rows of fields ---- */

int kcb_row_field(struct kcb_row *r, const void *p, size_t n)
{
    if (r->n == r->ncap) {
        size_t cap = r->ncap ? 2 * r->ncap : 16;
        size_t *end = realloc(r->end, cap * sizeof *end);
        if (!end)
            return KCB_ENOMEM;
        r->end = end;
        r->ncap = cap;
    }
    if (!r->buf || r->cap - r->len < n) {
        size_t cap = r->cap ? r->cap : 4096;
        while (cap - r->len < n) {
            if (cap > SIZE_MAX / 2)
                return KCB_ENOMEM;
            cap *= 2;
        }
        unsigned char *buf = realloc(r->buf, cap);
        if (!buf)
            return KCB_ENOMEM;
        r->buf = buf;
        r->cap = cap;
    }
    if (n)
        memcpy(r->buf + r->len, p, n);
    r->len += n;
    r->end[r->n++] = r->len;
    return KCB_OK;
}

void kcb_row_clear(struct kcb_row *r)
{
    r->len = r->n = 0;
}

void kcb_row_free(struct kcb_row *r)
{
    free(r->buf);
    free(r->end);
    *r = (struct kcb_row){0};
}

static const unsigned char *field(const struct kcb_row *r, size_t i, size_t *len)
{
    size_t start = i ? r->end[i - 1] : 0;
    *len = r->end[i] - start;
    return r->buf + start;
}

/* ---- choosing the fields ---- */

int kcb_ld_by_columns(const struct loader *ld)
{
    return ld->opts->columns.ntext > 0;
}

void kcb_ld_columns(struct loader *ld)
{
    const struct kcb_columns *c = &ld->opts->columns;
    ld->header_pending = ld->opts->header == KCB_HEADER_YES || kcb_columns_named(c);
    ld->label_col = c->label.num ? c->label.num - 1 : 0;
    ld->ntext = c->ntext;
    ld->text_rest = c->ntext == 0;
    for (size_t i = 0; i < c->ntext; i++)
        ld->text_col[i] = c->text[i].num ? c->text[i].num - 1 : 0;
}

/* The header row's fields, as "a, b, c" in buf (control bytes shown as '?'). */
static void list_fields(const struct kcb_row *r, char *buf, size_t cap)
{
    size_t at = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < r->n && at + 8 < cap; i++) {
        size_t len;
        const unsigned char *f = field(r, i, &len);
        if (i)
            at += (size_t)snprintf(buf + at, cap - at, ", ");
        for (size_t j = 0; j < len && at + 5 < cap; j++)
            buf[at++] = f[j] < 0x20 || f[j] == 0x7f ? '?' : (char)f[j];
        buf[at] = '\0';
    }
}

/* Sets *col to the field of header row r named name. 0 or KCB_ENOTFOUND, reported. */
static int find_name(struct loader *ld, const struct kcb_row *r, const char *name, long line,
                     size_t *col)
{
    size_t want = strlen(name), len;
    for (size_t i = 0; i < r->n; i++) {
        const unsigned char *f = field(r, i, &len);
        if (len == want && memcmp(f, name, len) == 0) {
            *col = i;
            return KCB_OK;
        }
    }
    char names[300];
    list_fields(r, names, sizeof names);
    return kcb_ld_fail(ld, KCB_ENOTFOUND, line, "no column '%s' in the header row (its columns: "
                       "%s)", name, names);
}

/* The header row: its line is recorded and the columns it names are found. */
static int header_row(struct loader *ld, const struct kcb_row *r, long line)
{
    const struct kcb_columns *c = &ld->opts->columns;
    ld->header_pending = 0;
    ld->diag->header_line = line;
    ld->diag->fields = r->n;
    int rc = c->ntext && !c->label.num ? find_name(ld, r, c->label.name, line, &ld->label_col)
                                       : KCB_OK;
    for (size_t i = 0; rc == KCB_OK && i < c->ntext; i++)
        if (!c->text[i].num)
            rc = find_name(ld, r, c->text[i].name, line, &ld->text_col[i]);
    for (size_t i = 0; rc == KCB_OK && i < ld->ntext; i++)
        for (size_t j = 0; j <= i; j++)
            if (ld->text_col[i] == (j < i ? ld->text_col[j] : ld->label_col))
                return kcb_ld_fail(ld, KCB_EINVAL, line, "column %zu of the header row is "
                                   "named twice in the columns", ld->text_col[i] + 1);
    return rc;
}

/* ---- rows made documents ---- */

/* The fields a row needs: one past the highest chosen. */
static size_t fields_needed(const struct loader *ld)
{
    size_t need = ld->label_col + 1 + (size_t)ld->text_rest;
    for (size_t i = 0; i < ld->ntext; i++)
        need = ld->text_col[i] + 1 > need ? ld->text_col[i] + 1 : need;
    return need;
}

/* The text's field i: the i-th chosen, or with text_rest the i-th after the label's. */
static size_t text_field(const struct loader *ld, size_t i)
{
    return ld->text_rest ? ld->label_col + 1 + i : ld->text_col[i];
}

int kcb_ld_header_line(struct loader *ld, long line)
{
    if (!ld->header_pending)
        return 0;
    ld->header_pending = 0;
    ld->diag->header_line = line;
    return 1;
}

int kcb_ld_row(struct loader *ld, const struct kcb_row *r, long line)
{
    if (ld->header_pending)
        return header_row(ld, r, line);
    if (!ld->diag->fields)
        ld->diag->fields = r->n;
    size_t need = fields_needed(ld), llen, len, tlen = 0;
    if (r->n < need && ld->text_rest)
        return kcb_ld_bad_row(ld, line, "expected at least 2 fields (label, text)");
    if (r->n < need)
        return kcb_ld_bad_row(ld, line, "expected at least %zu fields, found %zu", need, r->n);
    const unsigned char *label = field(r, ld->label_col, &llen);
    if (llen == 0)
        return kcb_ld_bad_row(ld, line, "missing label");
    size_t ntext = ld->text_rest ? r->n - ld->label_col - 1 : ld->ntext, filled = 0;
    for (size_t i = 0; i < ntext; i++) {
        field(r, text_field(ld, i), &len);
        tlen += (i > 0) + len;
        filled += len > 0;
    }
    if (tlen > KCB_DOC_MAX)
        return kcb_ld_fail(ld, KCB_ERANGE, line, "document longer than %zu MiB", KCB_DOC_MAX >> 20);
    if (!filled) /* an empty training text is near every short query */
        return kcb_ld_bad_row(ld, line, "empty text");
    int id, rc = kcb_ld_intern(ld, label, llen, line, &id);
    if (rc)
        return rc;
    /* the text is no longer than the row's bytes, all read, that follow the arena's texts */
    unsigned char *w = ld->d->arena + ld->used;
    for (size_t i = 0; i < ntext; i++) {
        const unsigned char *f = field(r, text_field(ld, i), &len);
        if (i)
            *w++ = ' ';
        memcpy(w, f, len);
        w += len;
    }
    return kcb_ld_push(ld, id, tlen, line);
}
