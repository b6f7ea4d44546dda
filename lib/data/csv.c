/* The CSV reader: libcsv in strict mode, fed one line at a time so that rows know their line. */
#include <csv.h>
#include <string.h>

#include "kcb/err.h"
#include "loader.h"

/* What the callbacks share. */
struct csv_state {
    struct loader *ld;
    long line;  /* where the row being read starts */
    int ended;  /* a row, or an empty line, ended in the chunk just parsed */
    int rc;     /* the first error of a callback */
};

/* A CR is kept inside a field, but dropped at the end of an unquoted one (before LF or at the
 * end) and around quoted ones: it is libcsv's "space", and nothing else is. */
static int is_cr(unsigned char c)
{
    return c == '\r';
}

/* Only LF ends a row, so that a CR alone stays in the text. */
static int is_lf(unsigned char c)
{
    return c == '\n';
}

static void on_field(void *p, size_t n, void *data)
{
    struct csv_state *s = data;
    if (!s->rc && kcb_row_field(&s->ld->row, p, n))
        s->rc = KCB_ENOMEM;
}

/* The end of a row (an empty line too, under CSV_REPALL_NL: a row without fields). */
static void on_row(int c, void *data)
{
    struct csv_state *s = data;
    struct kcb_row *r = &s->ld->row;
    (void)c;
    s->ended = 1;
    if (!s->rc && r->n)
        s->rc = kcb_ld_row(s->ld, r, s->line);
    kcb_row_clear(r);
}

/* A strict-mode error at byte bad, on line at: the row that started at s->line is malformed. */
static int parse_error(struct csv_state *s, struct csv_parser *p, unsigned char bad, long at)
{
    int e = csv_error(p);
    if (e == CSV_ENOMEM)
        return KCB_ENOMEM;
    if (e != CSV_EPARSE)
        return kcb_ld_fail(s->ld, KCB_ERANGE, s->line, "field too large");
    /* libcsv fails on a quote inside an unquoted field, or on another byte after a closing
     * quote (a quote there would be an escaped one) */
    const char *what = bad == '"' ? "quote inside an unquoted field"
                                  : "unexpected character after a closing quote";
    int options = csv_get_opts(p);
    csv_set_opts(p, (unsigned char)(options & ~CSV_STRICT_FINI));
    csv_fini(p, NULL, NULL, NULL); /* starts afresh at the next line */
    csv_set_opts(p, (unsigned char)options);
    kcb_row_clear(&s->ld->row);
    if (at != s->line)
        return kcb_ld_bad_row(s->ld, s->line, "%s (on line %ld)", what, at);
    return kcb_ld_bad_row(s->ld, s->line, "%s", what);
}

/* Parses every line of buf[start..n), each with its newline. */
static int parse_lines(struct csv_state *s, struct csv_parser *p, const unsigned char *buf,
                       size_t n, size_t start)
{
    int pending = 0; /* a row goes on from the line before */
    long line = 0;
    for (size_t pos = start; pos < n;) {
        const unsigned char *nl = memchr(buf + pos, '\n', n - pos);
        size_t end = nl ? (size_t)(nl - buf) + 1 : n;
        line++;
        if (!pending)
            s->line = line;
        s->ended = 0;
        size_t got = csv_parse(p, buf + pos, end - pos, on_field, on_row, s);
        if (s->rc)
            return s->rc;
        pending = !s->ended;
        if (got < end - pos) {
            int rc = parse_error(s, p, buf[pos + got], line);
            if (rc)
                return rc;
            pending = 0;
        }
        pos = end;
    }
    return KCB_OK;
}

int kcb_read_csv(struct loader *ld, const unsigned char *buf, size_t n, size_t start)
{
    struct csv_parser p;
    struct csv_state s = {ld, 1, 0, KCB_OK};
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL))
        return KCB_ENOMEM;
    csv_set_space_func(&p, is_cr);
    csv_set_term_func(&p, is_lf);
    csv_set_blk_size(&p, 1 << 16);
    int rc = parse_lines(&s, &p, buf, n, start);
    if (rc == KCB_OK && csv_fini(&p, on_field, on_row, &s))
        rc = kcb_ld_bad_row(ld, s.line, "unterminated quoted field");
    if (rc == KCB_OK)
        rc = s.rc;
    csv_free(&p);
    return rc;
}
