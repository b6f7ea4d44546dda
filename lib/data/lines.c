/* The line readers: TSV (label<TAB>text, or chosen columns) and fastText, one document per line. */
#include <string.h>

#include "kcb/err.h"
#include "loader.h"

typedef int (*row_fn)(struct loader *ld, const unsigned char *buf, size_t b, size_t e, long line);

/* Sets [*b, *e) to the line at *pos without its "\n" or "\r\n" and moves *pos past it. */
static void next_line(const unsigned char *buf, size_t n, size_t *pos, size_t *b, size_t *e)
{
    const unsigned char *nl = memchr(buf + *pos, '\n', n - *pos);
    size_t end = nl ? (size_t)(nl - buf) : n;
    *b = *pos;
    *pos = nl ? end + 1 : n;
    if (end > *b && buf[end - 1] == '\r')
        end--;
    *e = end;
}

/* Calls row for every non-empty line of buf from start on. */
static int load_lines(struct loader *ld, const unsigned char *buf, size_t n, size_t start,
                      row_fn row)
{
    size_t pos = start, b, e;
    long line = 0;
    /* classic Mac line ends: read as lines, the whole file would be one document */
    if (n > start + 1 && !memchr(buf + start, '\n', n - start) &&
        memchr(buf + start, '\r', n - start - 1))
        return kcb_ld_fail(ld, KCB_EFORMAT, 1, "lines end in CR alone (classic Mac OS), not LF "
                           "or CRLF: convert them, e.g. with tr '\\r' '\\n'");
    while (pos < n) {
        next_line(buf, n, &pos, &b, &e);
        line++;
        if (b == e)
            continue;
        int rc = row(ld, buf, b, e, line);
        if (rc)
            return rc;
    }
    return KCB_OK;
}

/* The number of tab-separated fields of buf[b..e). */
static size_t tsv_fields(const unsigned char *buf, size_t b, size_t e)
{
    size_t n = 1;
    for (const unsigned char *p = buf + b; (p = memchr(p, '\t', (size_t)(buf + e - p))); p++)
        n++;
    return n;
}

static int tsv_row(struct loader *ld, const unsigned char *buf, size_t b, size_t e, long line)
{
    if (kcb_ld_header_line(ld, line))
        return KCB_OK;
    if (!ld->diag->fields)
        ld->diag->fields = tsv_fields(buf, b, e);
    const unsigned char *tab = memchr(buf + b, '\t', e - b);
    if (!tab)
        return kcb_ld_bad_row(ld, line, "missing tab between label and text");
    if (tab == buf + b)
        return kcb_ld_bad_row(ld, line, "missing label");
    size_t t = (size_t)(tab - buf) + 1;
    return kcb_ld_add(ld, buf + b, t - 1 - b, buf + t, e - t, line);
}

/* A row of chosen columns: every tab separates two fields. */
static int tsv_columns_row(struct loader *ld, const unsigned char *buf, size_t b, size_t e,
                           long line)
{
    struct kcb_row *r = &ld->row;
    kcb_row_clear(r);
    for (size_t i = b;;) {
        const unsigned char *tab = memchr(buf + i, '\t', e - i);
        size_t end = tab ? (size_t)(tab - buf) : e;
        if (kcb_row_field(r, buf + i, end - i))
            return KCB_ENOMEM;
        if (!tab)
            break;
        i = end + 1;
    }
    return kcb_ld_row(ld, r, line);
}

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

static size_t skip_blanks(const unsigned char *buf, size_t i, size_t e)
{
    while (i < e && is_blank(buf[i]))
        i++;
    return i;
}

static const char ft_prefix[] = "__label__";
#define FT_PREFIX_LEN (sizeof ft_prefix - 1)

static int has_ft_prefix(const unsigned char *s, size_t len)
{
    return len >= FT_PREFIX_LEN && memcmp(s, ft_prefix, FT_PREFIX_LEN) == 0;
}

static int ft_row(struct loader *ld, const unsigned char *buf, size_t b, size_t e, long line)
{
    size_t tok = skip_blanks(buf, b, e), i = tok;
    if (tok == e)
        return KCB_OK; /* only blanks: an empty line */
    if (kcb_ld_header_line(ld, line))
        return KCB_OK;
    while (i < e && !is_blank(buf[i]))
        i++;
    if (!has_ft_prefix(buf + tok, i - tok))
        return kcb_ld_bad_row(ld, line, "missing %s prefix", ft_prefix);
    if (i - tok == FT_PREFIX_LEN)
        return kcb_ld_bad_row(ld, line, "missing label");
    size_t t = skip_blanks(buf, i, e);
    if (has_ft_prefix(buf + t, e - t))
        return kcb_ld_bad_row(ld, line, "multiple labels not supported");
    return kcb_ld_add(ld, buf + tok + FT_PREFIX_LEN, i - tok - FT_PREFIX_LEN, buf + t, e - t, line);
}

int kcb_read_tsv(struct loader *ld, const unsigned char *buf, size_t n, size_t start)
{
    return load_lines(ld, buf, n, start, kcb_ld_by_columns(ld) ? tsv_columns_row : tsv_row);
}

int kcb_read_fasttext(struct loader *ld, const unsigned char *buf, size_t n, size_t start)
{
    return load_lines(ld, buf, n, start, ft_row);
}

/* Guesses the format from the first non-empty line. */
enum kcb_informat kcb_sniff_format(const unsigned char *buf, size_t n)
{
    size_t i = 0;
    while (i < n && (buf[i] == '\n' || buf[i] == '\r'))
        i++;
    const unsigned char *nl = memchr(buf + i, '\n', n - i);
    size_t len = (nl ? (size_t)(nl - buf) : n) - i, lead = skip_blanks(buf + i, 0, len);
    if (has_ft_prefix(buf + i + lead, len - lead))
        return KCB_IN_FASTTEXT;
    if (len && buf[i] == '"')
        return KCB_IN_CSV;
    if (memchr(buf + i, '\t', len))
        return KCB_IN_TSV;
    return memchr(buf + i, ',', len) ? KCB_IN_CSV : KCB_IN_TSV;
}

