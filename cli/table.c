/* The one table writer: typed rows out as an aligned table, Markdown, CSV, TSV, JSON or plain values. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/text.h"
#include "table.h"

static const char *const format_names[KCB_NFORMATS] = {"plain", "table", "csv", "tsv",
                                                       "json", "phylip", "md"};

int kcb_format_parse(const char *name, enum kcb_format *out)
{
    int i = kcb_name_find(format_names, KCB_NFORMATS, strcmp(name, "markdown") ? name : "md");
    if (i < 0)
        return -1;
    *out = (enum kcb_format)i;
    return 0;
}

const char *kcb_format_name(enum kcb_format f)
{
    return (unsigned)f < KCB_NFORMATS ? format_names[f] : "?";
}

int kcb_format_human(enum kcb_format f)
{
    return f == KCB_FMT_TABLE || f == KCB_FMT_MD || f == KCB_FMT_PLAIN;
}

void kcb_out_init(struct kcb_out *o, FILE *fp, enum kcb_format f)
{
    *o = (struct kcb_out){fp, f, 0, "\t", 0};
}

struct kcb_table {
    struct kcb_out *o;
    const struct kcb_col *cols;
    size_t *vis, nvis;  /* the columns this format shows, in order */
    const char *title, *psep;
    unsigned flags;
    size_t rows;        /* rows written or buffered */
    char **cell;        /* table format, buffered: rows × nvis rendered cells */
    unsigned char *gap; /* table format, buffered: a blank line after row i */
    size_t cap;         /* rows allocated in cell and gap */
    int *width;         /* table format: each shown column's width */
    char **text;        /* table format: one line's texts, nvis of them */
    char *buf;          /* table format: nvis rendering buffers of CELL_BUF bytes */
    int err;
};

static int shows(const struct kcb_col *c, enum kcb_format f)
{
    if (c->flags & KCB_COL_HIDE)
        return 0;
    if (c->type == KCB_COL_JSON)
        return f == KCB_FMT_JSON;
    if (f == KCB_FMT_PLAIN)
        return (c->flags & KCB_COL_PLAIN) != 0;
    if (kcb_format_human(f))
        return !(c->flags & KCB_COL_MACHINE);
    return !(c->flags & KCB_COL_HUMAN);
}

/* Display width of UTF-8 text: its code points. */
static int text_width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static const char *head_of(const struct kcb_col *c)
{
    return c->head ? c->head : c->name;
}

/* ---- rendering one cell to text (before any escaping) ---- */

static const char *null_text(enum kcb_format f)
{
    return f == KCB_FMT_JSON ? "null" : kcb_format_human(f) ? "-" : "";
}

static const char *render(const struct kcb_col *c, const struct kcb_cell *v, enum kcb_format f,
                          char *buf, size_t len)
{
    int human = kcb_format_human(f), prec = human || !c->mprec ? c->prec : c->mprec;
    switch (v->kind) {
    case KCB_CELL_TEXT: return v->v.s ? v->v.s : "";
    case KCB_CELL_JSON: return v->v.s;
    case KCB_CELL_INT: snprintf(buf, len, "%lld", v->v.i); return buf;
    case KCB_CELL_UINT: snprintf(buf, len, "%llu", v->v.u); return buf;
    case KCB_CELL_BOOL: return v->v.b ? (human ? "yes" : "true") : (human ? "no" : "false");
    case KCB_CELL_REAL:
        if (!isfinite(v->v.r))
            return null_text(f);
        if (prec < 0)
            snprintf(buf, len, "%g", v->v.r);
        else
            snprintf(buf, len, "%.*f", prec, v->v.r);
        return buf;
    case KCB_CELL_NULL: break;
    }
    return null_text(f);
}

/* ---- escaping per format ---- */

static void put_md(FILE *fp, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputc('\\', fp);
        fputc(*s == '\n' || *s == '\r' ? ' ' : *s, fp);
    }
}

static void put_tsv(FILE *fp, const char *s)
{
    for (; *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
}

static void put_cell(kcb_table *t, size_t k, const char *text, int is_text)
{
    FILE *fp = t->o->fp;
    const struct kcb_col *c = &t->cols[t->vis[k]];
    switch (t->o->f) {
    case KCB_FMT_CSV: kcb_csv_str(fp, text); break;
    case KCB_FMT_TSV: put_tsv(fp, text); break;
    case KCB_FMT_MD: put_md(fp, text); break;
    case KCB_FMT_JSON:
        kcb_json_str(fp, c->name);
        fputc(':', fp);
        if (is_text)
            kcb_json_str(fp, text);
        else
            fputs(text, fp);
        break;
    default: put_tsv(fp, text);
    }
}

#define CELL_BUF 512 /* room for any double in %f */

/* ---- the aligned table ---- */

/* Writes one aligned line; it ends at its last non-empty cell, so no line ends in blanks. */
static void table_line(kcb_table *t, char *const *cells)
{
    FILE *fp = t->o->fp;
    size_t end = t->nvis;
    while (end > 0 && !*cells[end - 1])
        end--;
    for (size_t k = 0; k < end; k++) {
        const struct kcb_col *c = &t->cols[t->vis[k]];
        int pad = t->width[k] - text_width(cells[k]), left = c->type == KCB_COL_TEXT;
        if (k)
            fputs("  ", fp);
        if (!left && pad > 0)
            fprintf(fp, "%*s", pad, "");
        put_tsv(fp, cells[k]);
        if (left && pad > 0 && k + 1 < end)
            fprintf(fp, "%*s", pad, "");
    }
    fputc('\n', fp);
}

static void table_header(kcb_table *t)
{
    for (size_t k = 0; k < t->nvis; k++)
        t->text[k] = (char *)head_of(&t->cols[t->vis[k]]);
    if (t->title)
        fprintf(t->o->fp, "# %s\n", t->title);
    table_line(t, t->text);
}

static void table_widths(kcb_table *t)
{
    for (size_t k = 0; k < t->nvis; k++) {
        const struct kcb_col *c = &t->cols[t->vis[k]];
        int w = text_width(head_of(c));
        t->width[k] = c->width > w ? c->width : w;
        for (size_t r = 0; !(t->flags & KCB_TABLE_STREAM) && r < t->rows; r++) {
            int cw = text_width(t->cell[r * t->nvis + k]);
            if (cw > t->width[k])
                t->width[k] = cw;
        }
    }
}

static int buffer_row(kcb_table *t, const struct kcb_cell *cells)
{
    if (t->rows == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 64;
        char **cell = realloc(t->cell, cap * (t->nvis ? t->nvis : 1) * sizeof *cell);
        unsigned char *gap = cell ? realloc(t->gap, cap) : NULL;
        if (cell)
            t->cell = cell;
        if (!gap)
            return KCB_ENOMEM;
        t->gap = gap;
        t->cap = cap;
    }
    for (size_t k = 0; k < t->nvis; k++) {
        const char *s = render(&t->cols[t->vis[k]], &cells[t->vis[k]], t->o->f, t->buf, CELL_BUF);
        if (!(t->cell[t->rows * t->nvis + k] = strdup(s))) {
            while (k-- > 0)
                free(t->cell[t->rows * t->nvis + k]);
            return KCB_ENOMEM;
        }
    }
    t->gap[t->rows++] = 0;
    return KCB_OK;
}

/* ---- the other formats, streamed ---- */

static void stream_header(kcb_table *t)
{
    FILE *fp = t->o->fp;
    enum kcb_format f = t->o->f;
    if (f == KCB_FMT_JSON) {
        fputc('[', fp);
        return;
    }
    if (f == KCB_FMT_PLAIN)
        return;
    if (f == KCB_FMT_MD && t->title)
        fprintf(fp, "**%s**\n\n", t->title);
    if (f == KCB_FMT_MD)
        fputs("| ", fp);
    for (size_t k = 0; k < t->nvis; k++) {
        const struct kcb_col *c = &t->cols[t->vis[k]];
        if (k)
            fputs(f == KCB_FMT_MD ? " | " : f == KCB_FMT_CSV ? "," : "\t", fp);
        put_cell(t, k, f == KCB_FMT_MD ? head_of(c) : c->name, 1);
    }
    fputs(f == KCB_FMT_MD ? " |\n|" : "\n", fp);
    for (size_t k = 0; f == KCB_FMT_MD && k < t->nvis; k++)
        fputs(t->cols[t->vis[k]].type == KCB_COL_TEXT ? "---|" : "---:|", fp);
    if (f == KCB_FMT_MD)
        fputc('\n', fp);
}

static void stream_row(kcb_table *t, const struct kcb_cell *cells)
{
    FILE *fp = t->o->fp;
    enum kcb_format f = t->o->f;
    const char *sep = f == KCB_FMT_JSON ? "," : f == KCB_FMT_MD ? " | " : f == KCB_FMT_CSV ? ","
                      : f == KCB_FMT_PLAIN ? t->psep : "\t";
    if (f == KCB_FMT_JSON)
        fputs(t->rows ? ",\n{" : "{", fp);
    if (f == KCB_FMT_MD)
        fputs("| ", fp);
    for (size_t k = 0; k < t->nvis; k++) {
        const struct kcb_cell *v = &cells[t->vis[k]];
        char buf[CELL_BUF];
        const char *s = render(&t->cols[t->vis[k]], v, f, buf, sizeof buf);
        if (k)
            fputs(sep, fp);
        put_cell(t, k, s, v->kind == KCB_CELL_TEXT);
    }
    fputs(f == KCB_FMT_JSON ? "}" : f == KCB_FMT_MD ? " |\n" : "\n", fp);
    t->rows++;
}

/* ---- the interface ---- */

int kcb_table_begin(struct kcb_out *o, const struct kcb_col *cols, size_t ncols,
                    const char *title, unsigned flags, kcb_table **out)
{
    size_t n = ncols ? ncols : 1;
    kcb_table *t = calloc(1, sizeof *t);
    if (!t)
        return KCB_ENOMEM;
    *t = (struct kcb_table){.o = o, .cols = cols, .title = title, .psep = o->plain_sep, .flags = flags,
                            .vis = malloc(n * sizeof *t->vis), .width = malloc(n * sizeof(int)),
                            .text = malloc(n * sizeof(char *)), .buf = malloc(n * CELL_BUF)};
    if (!t->vis || !t->width || !t->text || !t->buf) {
        t->o = NULL;
        kcb_table_end(t);
        return KCB_ENOMEM;
    }
    for (size_t i = 0; i < ncols; i++)
        if (shows(&cols[i], o->f))
            t->vis[t->nvis++] = i;
    if (o->tables++ && kcb_format_human(o->f))
        fputc('\n', o->fp);
    if (o->f == KCB_FMT_TABLE && (flags & KCB_TABLE_STREAM)) {
        table_widths(t);
        table_header(t);
    } else if (o->f != KCB_FMT_TABLE) {
        stream_header(t);
    }
    *out = t;
    return KCB_OK;
}

void kcb_table_plain_sep(kcb_table *t, const char *sep)
{
    t->psep = sep;
}

int kcb_table_row(kcb_table *t, const struct kcb_cell *cells)
{
    if (t->o->f != KCB_FMT_TABLE) {
        stream_row(t, cells);
        return KCB_OK;
    }
    if (!(t->flags & KCB_TABLE_STREAM)) {
        int rc = buffer_row(t, cells);
        t->err = t->err ? t->err : rc;
        return rc;
    }
    for (size_t k = 0; k < t->nvis; k++)
        t->text[k] = (char *)render(&t->cols[t->vis[k]], &cells[t->vis[k]], t->o->f,
                                    t->buf + k * CELL_BUF, CELL_BUF);
    table_line(t, t->text);
    t->rows++;
    return KCB_OK;
}

void kcb_table_gap(kcb_table *t)
{
    if (t->o->f != KCB_FMT_TABLE || !t->rows)
        return;
    if (t->flags & KCB_TABLE_STREAM)
        fputc('\n', t->o->fp);
    else
        t->gap[t->rows - 1] = 1;
}

static void flush_buffered(kcb_table *t)
{
    table_widths(t);
    table_header(t);
    for (size_t r = 0; r < t->rows; r++) {
        table_line(t, t->cell + r * t->nvis);
        if (t->gap[r] && r + 1 < t->rows)
            fputc('\n', t->o->fp);
    }
}

int kcb_table_end(kcb_table *t)
{
    int rc = t->err;
    if (t->o && t->o->f == KCB_FMT_TABLE && !(t->flags & KCB_TABLE_STREAM) && !rc)
        flush_buffered(t);
    if (t->o && t->o->f == KCB_FMT_JSON)
        fputs("]\n", t->o->fp);
    if (t->o && !rc && ferror(t->o->fp))
        rc = KCB_EIO;
    for (size_t i = 0; t->cell && i < t->rows * t->nvis; i++)
        free(t->cell[i]);
    free(t->cell);
    free(t->gap);
    free(t->vis);
    free(t->width);
    free(t->text);
    free(t->buf);
    free(t);
    return rc;
}

int kcb_table_write(struct kcb_out *o, const struct kcb_col *cols, size_t ncols,
                    const char *title, size_t nrows, kcb_row_fn row, void *arg)
{
    struct kcb_cell *cells = malloc((ncols ? ncols : 1) * sizeof *cells);
    kcb_table *t = NULL;
    int rc = cells ? kcb_table_begin(o, cols, ncols, title, 0, &t) : KCB_ENOMEM;
    for (size_t i = 0; !rc && i < nrows; i++) {
        memset(cells, 0, ncols * sizeof *cells);
        int r = row(arg, i, cells);
        if (r < 0)
            rc = r;
        else if (!(rc = kcb_table_row(t, cells)) && r == KCB_ROW_GAP)
            kcb_table_gap(t);
    }
    int end = t ? kcb_table_end(t) : KCB_OK;
    free(cells);
    return rc ? rc : end;
}
