/* Labelled datasets: the shared label table, the TSV, CSV, fastText and directory readers, and duplicate detection. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kcb/dataset.h"
#include "kcb/err.h"
#include "kcb/io.h"

#define KCB_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* FNV-1a, 64 bits: the hash of the label index and of the duplicate set. */
static uint64_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211u;
    }
    return h;
}

/* ---- the label table: names in order of first appearance, indexed by an open-addressed hash ---- */

int kcb_labels_new(struct kcb_labels **out)
{
    struct kcb_labels *l = calloc(1, sizeof *l);
    if (!l)
        return KCB_ENOMEM;
    *out = l;
    return KCB_OK;
}

void kcb_labels_free(struct kcb_labels *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        free(l->name[i]);
    free(l->name);
    free(l->slot);
    free(l);
}

/* Returns the slot holding name[0..len), or the empty slot where it would go (nslot > 0). */
static size_t label_slot(const struct kcb_labels *l, const char *name, size_t len)
{
    size_t mask = l->nslot - 1, i = (size_t)hash_bytes(name, len) & mask;
    while (l->slot[i] >= 0) {
        const char *s = l->name[l->slot[i]];
        if (strlen(s) == len && memcmp(s, name, len) == 0)
            break;
        i = (i + 1) & mask;
    }
    return i;
}

/* Rebuilds the index from the names, in the slot array as allocated. */
static void labels_index(struct kcb_labels *l)
{
    for (size_t i = 0; i < l->nslot; i++)
        l->slot[i] = -1;
    for (size_t id = 0; id < l->n; id++)
        l->slot[label_slot(l, l->name[id], strlen(l->name[id]))] = (int)id;
}

/* Makes room for one more label: 0 or KCB_ENOMEM. */
static int labels_reserve(struct kcb_labels *l)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **name = realloc(l->name, cap * sizeof *name);
        if (!name)
            return KCB_ENOMEM;
        l->name = name;
        l->cap = cap;
    }
    if (2 * (l->n + 1) < l->nslot)
        return KCB_OK;
    size_t nslot = l->nslot ? l->nslot * 2 : 32;
    int *slot = malloc(nslot * sizeof *slot);
    if (!slot)
        return KCB_ENOMEM;
    free(l->slot);
    l->slot = slot;
    l->nslot = nslot;
    labels_index(l);
    return KCB_OK;
}

int kcb_labels_find(const struct kcb_labels *l, const char *name, size_t len)
{
    if (l->nslot == 0 || memchr(name, '\0', len))
        return -1;
    return l->slot[label_slot(l, name, len)];
}

int kcb_labels_intern(struct kcb_labels *l, const char *name, size_t len, int *id)
{
    if (memchr(name, '\0', len))
        return KCB_EINVAL;
    int found = kcb_labels_find(l, name, len);
    if (found >= 0) {
        *id = found;
        return KCB_OK;
    }
    if (l->n >= INT_MAX)
        return KCB_ERANGE;
    char *copy = malloc(len + 1);
    if (!copy || labels_reserve(l)) {
        free(copy);
        return KCB_ENOMEM;
    }
    memcpy(copy, name, len);
    copy[len] = '\0';
    l->slot[label_slot(l, name, len)] = (int)l->n;
    l->name[l->n] = copy;
    *id = (int)l->n++;
    return KCB_OK;
}

/* Forgets the labels from id n on (undoing a failed load on a shared table). */
static void labels_truncate(struct kcb_labels *l, size_t n)
{
    if (l->n <= n)
        return;
    while (l->n > n)
        free(l->name[--l->n]);
    labels_index(l);
}

/* ---- input format names ---- */

static const char *const informat_names[] = {"auto", "tsv", "csv", "fasttext", "dir"};

int kcb_informat_parse(const char *name, enum kcb_informat *out)
{
    for (size_t i = 0; i < sizeof informat_names / sizeof informat_names[0]; i++) {
        if (strcmp(name, informat_names[i]) == 0) {
            *out = (enum kcb_informat)i;
            return KCB_OK;
        }
    }
    return KCB_EINVAL;
}

const char *kcb_informat_name(enum kcb_informat f)
{
    return (unsigned)f < sizeof informat_names / sizeof informat_names[0] ? informat_names[f]
                                                                           : "?";
}

/* ---- loading: documents are appended to d->arena in order; pointers are set at the end ---- */

struct loader {
    struct kcb_dataset *d;
    struct kcb_diag *diag;
    int skip_bad;
    size_t cap;       /* documents allocated in d->text, d->label and d->line */
    size_t used;      /* bytes of d->arena holding texts; text i follows text i-1 */
    size_t arena_cap; /* bytes allocated in d->arena */
};

/* Sets diag->msg from fmt. */
KCB_PRINTF(2, 0) static void set_msg(struct kcb_diag *diag, const char *fmt, va_list ap)
{
    vsnprintf(diag->msg, sizeof diag->msg, fmt, ap);
}

/* Records an error at line (0: none) and returns code; errno is preserved. */
KCB_PRINTF(4, 5) static int fail(struct loader *ld, int code, long line, const char *fmt, ...)
{
    int e = errno;
    va_list ap;
    va_start(ap, fmt);
    set_msg(ld->diag, fmt, ap);
    va_end(ap);
    ld->diag->line = line;
    errno = e;
    return code;
}

/* A malformed row: KCB_EFORMAT, or under skip_bad 0 after counting it (the first one described). */
KCB_PRINTF(3, 4) static int bad_row(struct loader *ld, long line, const char *fmt, ...)
{
    struct kcb_diag *diag = ld->diag;
    if (ld->skip_bad && diag->skipped++ > 0)
        return KCB_OK;
    va_list ap;
    va_start(ap, fmt);
    set_msg(diag, fmt, ap);
    va_end(ap);
    if (ld->skip_bad) {
        diag->first_skipped_line = line;
        return KCB_OK;
    }
    diag->line = line;
    return KCB_EFORMAT;
}

/* Makes room for one more document: 0 or KCB_ENOMEM. */
static int grow_docs(struct loader *ld)
{
    struct kcb_dataset *d = ld->d;
    size_t cap = ld->cap ? ld->cap * 2 : 256;
    if (cap > SIZE_MAX / sizeof *d->text)
        return KCB_ENOMEM;
    struct kcb_blob *text = realloc(d->text, cap * sizeof *text);
    if (!text)
        return KCB_ENOMEM;
    d->text = text;
    int *label = realloc(d->label, cap * sizeof *label);
    if (!label)
        return KCB_ENOMEM;
    d->label = label;
    long *line = realloc(d->line, cap * sizeof *line);
    if (!line)
        return KCB_ENOMEM;
    d->line = line;
    ld->cap = cap;
    return KCB_OK;
}

/* Appends a document whose len bytes already sit at d->arena + ld->used. */
static int push_doc(struct loader *ld, int id, size_t len, long line)
{
    struct kcb_dataset *d = ld->d;
    if (d->n == ld->cap) {
        int rc = grow_docs(ld);
        if (rc)
            return rc;
    }
    d->text[d->n] = (struct kcb_blob){NULL, len};
    d->label[d->n] = id;
    d->line[d->n] = line;
    d->n++;
    ld->used += len;
    return KCB_OK;
}

/* Interns label[0..llen), giving the error its place; 0 or a kcb_err. */
static int intern(struct loader *ld, const void *label, size_t llen, long line, int *id)
{
    int rc = kcb_labels_intern(ld->d->labels, label, llen, id);
    if (rc == KCB_ERANGE)
        return fail(ld, rc, line, "more than %d labels", INT_MAX);
    return rc;
}

/* Adds a document read from a file buffer: text moves down to the end of the arena's texts. */
static int add_doc(struct loader *ld, const unsigned char *label, size_t llen,
                   const unsigned char *text, size_t tlen, long line)
{
    if (tlen > KCB_DOC_MAX)
        return fail(ld, KCB_ERANGE, line, "document longer than %zu MiB", KCB_DOC_MAX >> 20);
    int id, rc = intern(ld, label, llen, line, &id);
    if (rc)
        return rc;
    memmove(ld->d->arena + ld->used, text, tlen);
    return push_doc(ld, id, tlen, line);
}

/* ---- TSV and fastText: one document per line ---- */

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

static int tsv_row(struct loader *ld, const unsigned char *buf, size_t b, size_t e, long line)
{
    const unsigned char *tab = memchr(buf + b, '\t', e - b);
    if (!tab)
        return bad_row(ld, line, "missing tab between label and text");
    if (tab == buf + b)
        return bad_row(ld, line, "missing label");
    size_t t = (size_t)(tab - buf) + 1;
    return add_doc(ld, buf + b, t - 1 - b, buf + t, e - t, line);
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
    while (i < e && !is_blank(buf[i]))
        i++;
    if (!has_ft_prefix(buf + tok, i - tok))
        return bad_row(ld, line, "missing %s prefix", ft_prefix);
    if (i - tok == FT_PREFIX_LEN)
        return bad_row(ld, line, "missing label");
    size_t t = skip_blanks(buf, i, e);
    if (has_ft_prefix(buf + t, e - t))
        return bad_row(ld, line, "multiple labels not supported");
    return add_doc(ld, buf + tok + FT_PREFIX_LEN, i - tok - FT_PREFIX_LEN, buf + t, e - t, line);
}

/* ---- CSV (RFC 4180): values are unquoted in place, behind the read position ---- */

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
        return bad_row(ld, at, "%s", csv_errors[rc]);
    }
    csv_skip_eol(c);
    if (nfields < 2)
        return bad_row(ld, first, "expected at least 2 fields (label, text)");
    if (llen == 0)
        return bad_row(ld, first, "missing label");
    return add_doc(ld, out, llen, out + llen, (size_t)(c->w - out) - llen, first);
}

static int load_csv(struct loader *ld, const unsigned char *buf, size_t n, size_t start)
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

/* ---- directories: <path>/<label>/<document>, both sorted by name ---- */

/* The names in one directory, sorted, in one buffer. */
struct names {
    char *buf;
    size_t len, cap; /* bytes of buf: names, each NUL-terminated */
    char **v;
    size_t n;
    char bad[NAME_MAX + 1]; /* the entry that could not be examined */
};

static void names_free(struct names *nm)
{
    free(nm->buf);
    free(nm->v);
}

static int names_add(struct names *nm, const char *name)
{
    size_t len = strlen(name) + 1;
    if (nm->cap - nm->len < len) {
        size_t cap = nm->cap ? nm->cap : 4096;
        while (cap - nm->len < len)
            cap *= 2;
        char *buf = realloc(nm->buf, cap);
        if (!buf)
            return KCB_ENOMEM;
        nm->buf = buf;
        nm->cap = cap;
    }
    memcpy(nm->buf + nm->len, name, len);
    nm->len += len;
    nm->n++;
    return KCB_OK;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int names_sort(struct names *nm)
{
    nm->v = malloc((nm->n ? nm->n : 1) * sizeof *nm->v);
    if (!nm->v)
        return KCB_ENOMEM;
    size_t off = 0;
    for (size_t i = 0; i < nm->n; i++) {
        nm->v[i] = nm->buf + off;
        off += strlen(nm->v[i]) + 1;
    }
    qsort(nm->v, nm->n, sizeof *nm->v, cmp_names);
    return KCB_OK;
}

/* Adds name if it is a directory (want_dir) or a regular file (!want_dir), not hidden. */
static int consider(DIR *dir, const char *name, int want_dir, struct names *nm)
{
    struct stat st;
    if (name[0] == '.')
        return KCB_OK;
    if (fstatat(dirfd(dir), name, &st, 0)) {
        snprintf(nm->bad, sizeof nm->bad, "%s", name);
        return KCB_EIO;
    }
    if (want_dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode))
        return names_add(nm, name);
    return KCB_OK;
}

/* Lists the subdirectories (want_dir) or regular files of dir, sorted by name. */
static int list_names(DIR *dir, int want_dir, struct names *nm)
{
    int rc = KCB_OK;
    for (;;) {
        errno = 0;
        struct dirent *de = readdir(dir);
        if (!de) {
            rc = errno ? KCB_EIO : KCB_OK;
            break;
        }
        rc = consider(dir, de->d_name, want_dir, nm);
        if (rc)
            return rc;
    }
    return rc ? rc : names_sort(nm);
}

/* Makes room for extra more bytes after the texts: 0 or KCB_ENOMEM. */
static int arena_reserve(struct loader *ld, size_t extra)
{
    if (ld->arena_cap - ld->used >= extra)
        return KCB_OK;
    size_t cap = ld->arena_cap ? ld->arena_cap : 1 << 16;
    while (cap - ld->used < extra) {
        if (cap > SIZE_MAX / 2)
            return KCB_ENOMEM;
        cap *= 2;
    }
    unsigned char *p = realloc(ld->d->arena, cap);
    if (!p)
        return KCB_ENOMEM;
    ld->d->arena = p;
    ld->arena_cap = cap;
    return KCB_OK;
}

/* Reads fd to its end after the texts; sets *len. KCB_ERANGE past KCB_DOC_MAX. */
static int read_fd(struct loader *ld, int fd, size_t hint, size_t *len)
{
    size_t got = 0;
    for (;;) {
        int rc = arena_reserve(ld, got + (hint > got ? hint - got : 0) + 4096);
        if (rc)
            return rc;
        ssize_t k = read(fd, ld->d->arena + ld->used + got, ld->arena_cap - ld->used - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return KCB_EIO;
        if (k == 0)
            break;
        got += (size_t)k;
        if (got > KCB_DOC_MAX)
            return KCB_ERANGE;
    }
    *len = got;
    return KCB_OK;
}

/* Reads one document file of a label directory. */
static int read_doc(struct loader *ld, DIR *dir, const char *name, int id)
{
    int fd = openat(dirfd(dir), name, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return KCB_EIO;
    struct stat st;
    size_t len = 0;
    int rc = fstat(fd, &st) ? KCB_EIO : KCB_OK;
    if (rc == KCB_OK && st.st_size > (off_t)KCB_DOC_MAX)
        rc = KCB_ERANGE;
    if (rc == KCB_OK)
        rc = read_fd(ld, fd, (size_t)st.st_size, &len);
    int e = errno;
    close(fd);
    errno = e;
    return rc ? rc : push_doc(ld, id, len, 0);
}

/* Gives a directory reader's error its place: path/label/name, empty parts left out. */
static int dir_fail(struct loader *ld, int rc, const char *path, const char *label,
                    const char *name)
{
    const char *s1 = *label ? "/" : "", *s2 = *name ? "/" : "";
    if (rc == KCB_EIO)
        return fail(ld, rc, 0, "cannot read %s%s%s%s%s", path, s1, label, s2, name);
    if (rc == KCB_ERANGE)
        return fail(ld, rc, 0, "%s%s%s%s%s: document longer than %zu MiB", path, s1, label, s2,
                    name, KCB_DOC_MAX >> 20);
    return rc;
}

static int load_label_files(struct loader *ld, DIR *dir, const char *path, const char *label)
{
    struct names files = {0};
    int id = -1, rc = list_names(dir, 0, &files);
    if (rc)
        rc = dir_fail(ld, rc, path, label, files.bad);
    if (rc == KCB_OK && files.n)
        rc = intern(ld, label, strlen(label), 0, &id);
    for (size_t i = 0; rc == KCB_OK && i < files.n; i++) {
        rc = read_doc(ld, dir, files.v[i], id);
        if (rc)
            rc = dir_fail(ld, rc, path, label, files.v[i]);
    }
    names_free(&files);
    return rc;
}

static int load_label_dir(struct loader *ld, DIR *root, const char *path, const char *label)
{
    int fd = openat(dirfd(root), label, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
    if (!dir) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        errno = e;
        return dir_fail(ld, KCB_EIO, path, label, "");
    }
    int rc = load_label_files(ld, dir, path, label);
    int e = errno;
    closedir(dir);
    errno = e;
    return rc;
}

static int load_dir(struct loader *ld, const char *path)
{
    DIR *root = opendir(path);
    if (!root)
        return fail(ld, KCB_EIO, 0, "cannot read %s", path);
    struct names labels = {0};
    int rc = list_names(root, 1, &labels);
    if (rc)
        rc = dir_fail(ld, rc, path, labels.bad, "");
    for (size_t i = 0; rc == KCB_OK && i < labels.n; i++)
        rc = load_label_dir(ld, root, path, labels.v[i]);
    names_free(&labels);
    int e = errno;
    closedir(root);
    errno = e;
    return rc;
}

/* ---- choosing the format and finishing ---- */

static size_t bom_len(const unsigned char *buf, size_t n)
{
    return n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF ? 3 : 0;
}

static int is_dir(const char *path)
{
    struct stat st;
    return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static enum kcb_informat by_extension(const char *path)
{
    const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash))
        return KCB_IN_AUTO;
    dot++;
    if (strcasecmp(dot, "tsv") == 0)
        return KCB_IN_TSV;
    if (strcasecmp(dot, "csv") == 0)
        return KCB_IN_CSV;
    if (strcasecmp(dot, "ft") == 0 || strcasecmp(dot, "fasttext") == 0)
        return KCB_IN_FASTTEXT;
    return KCB_IN_AUTO;
}

/* Guesses the format from the first non-empty line. */
static enum kcb_informat sniff(const unsigned char *buf, size_t n)
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

/* A NUL byte makes the file binary: KCB_EFORMAT naming its line. */
static int check_nul(struct loader *ld, const unsigned char *buf, size_t n)
{
    const unsigned char *z = memchr(buf, '\0', n);
    if (!z)
        return KCB_OK;
    long line = 1;
    for (const unsigned char *p = buf; (p = memchr(p, '\n', (size_t)(z - p))) != NULL; p++)
        line++;
    return fail(ld, KCB_EFORMAT, line, "binary data (NUL byte)");
}

static int load_file(struct loader *ld, const char *path, enum kcb_informat fmt)
{
    unsigned char *buf;
    size_t n;
    int rc = kcb_read_file(path, &buf, &n);
    if (rc == KCB_EIO)
        return fail(ld, rc, 0, "cannot read %s", path);
    if (rc)
        return rc;
    ld->d->arena = buf;
    ld->arena_cap = n + 1;
    size_t start = bom_len(buf, n);
    if (fmt == KCB_IN_AUTO)
        fmt = by_extension(path);
    if (fmt == KCB_IN_AUTO)
        fmt = sniff(buf + start, n - start);
    ld->d->format = fmt;
    rc = check_nul(ld, buf, n);
    if (rc)
        return rc;
    if (fmt == KCB_IN_CSV)
        return load_csv(ld, buf, n, start);
    return load_lines(ld, buf, n, start, fmt == KCB_IN_TSV ? tsv_row : ft_row);
}

/* Checks that there is a document, trims the arena and points every text into it. */
static int finish(struct loader *ld)
{
    struct kcb_dataset *d = ld->d;
    struct kcb_diag *diag = ld->diag;
    if (d->n == 0 && diag->skipped) {
        char first[sizeof diag->msg];
        memcpy(first, diag->msg, sizeof first);
        return fail(ld, KCB_EFORMAT, 0, "no documents (%zu malformed rows skipped; the first, "
                    "line %ld: %.400s)", diag->skipped, diag->first_skipped_line, first);
    }
    if (d->n == 0)
        return fail(ld, KCB_EFORMAT, 0, "no documents");
    unsigned char *arena = realloc(d->arena, ld->used ? ld->used : 1);
    if (arena)
        d->arena = arena;
    size_t off = 0;
    for (size_t i = 0; i < d->n; i++) {
        d->text[i].p = d->arena + off;
        off += d->text[i].n;
    }
    return KCB_OK;
}

static int load_any(struct loader *ld, const char *path, enum kcb_informat fmt)
{
    if (fmt == KCB_IN_AUTO && is_dir(path))
        fmt = KCB_IN_DIR;
    if (fmt != KCB_IN_DIR)
        return load_file(ld, path, fmt);
    ld->d->format = KCB_IN_DIR;
    return load_dir(ld, path);
}

int kcb_dataset_load(const char *path, enum kcb_informat fmt, int skip_bad,
                     struct kcb_labels *labels, struct kcb_dataset **out, struct kcb_diag *diag)
{
    struct kcb_diag scratch;
    if (!diag)
        diag = &scratch;
    memset(diag, 0, sizeof *diag);
    if ((unsigned)fmt > KCB_IN_DIR)
        return KCB_EINVAL;
    struct kcb_dataset *d = calloc(1, sizeof *d);
    if (!d)
        return KCB_ENOMEM;
    d->labels = labels;
    d->owns_labels = !labels;
    int rc = labels ? KCB_OK : kcb_labels_new(&d->labels);
    size_t had = d->labels ? d->labels->n : 0;
    struct loader ld = {d, diag, skip_bad, 0, 0, 0};
    if (rc == KCB_OK)
        rc = load_any(&ld, path, fmt);
    if (rc == KCB_OK)
        rc = finish(&ld);
    if (rc) {
        int e = errno;
        if (labels)
            labels_truncate(labels, had);
        kcb_dataset_free(d);
        errno = e;
        return rc;
    }
    *out = d;
    return KCB_OK;
}

void kcb_dataset_free(struct kcb_dataset *d)
{
    if (!d)
        return;
    if (d->owns_labels)
        kcb_labels_free(d->labels);
    free(d->text);
    free(d->label);
    free(d->line);
    free(d->arena);
    free(d);
}

/* ---- duplicates and filtering ---- */

struct dup_slot {
    uint64_t h;
    size_t idx; /* 1 + index of a train text; 0 when the slot is empty */
};

static int blob_eq(const struct kcb_blob *a, const struct kcb_blob *b)
{
    return a->n == b->n && (a->n == 0 || memcmp(a->p, b->p, a->n) == 0);
}

/* Returns the slot holding a text equal to t, or the empty slot where it would go. */
static size_t dup_probe(const struct dup_slot *s, size_t mask, const struct kcb_dataset *train,
                        uint64_t h, const struct kcb_blob *t)
{
    size_t i = (size_t)h & mask;
    while (s[i].idx && !(s[i].h == h && blob_eq(&train->text[s[i].idx - 1], t)))
        i = (i + 1) & mask;
    return i;
}

int kcb_dataset_find_dups(const struct kcb_dataset *train, const struct kcb_dataset *test,
                          unsigned char *dup, size_t *count)
{
    size_t nslot = 16;
    while (nslot / 2 < train->n) {
        if (nslot > SIZE_MAX / 2 / sizeof(struct dup_slot))
            return KCB_ENOMEM;
        nslot *= 2;
    }
    struct dup_slot *s = calloc(nslot, sizeof *s);
    if (!s)
        return KCB_ENOMEM;
    for (size_t i = 0; i < train->n; i++) {
        uint64_t h = hash_bytes(train->text[i].p, train->text[i].n);
        size_t at = dup_probe(s, nslot - 1, train, h, &train->text[i]);
        if (!s[at].idx)
            s[at] = (struct dup_slot){h, i + 1};
    }
    size_t found = 0;
    for (size_t j = 0; j < test->n; j++) {
        uint64_t h = hash_bytes(test->text[j].p, test->text[j].n);
        dup[j] = s[dup_probe(s, nslot - 1, train, h, &test->text[j])].idx != 0;
        found += dup[j];
    }
    free(s);
    *count = found;
    return KCB_OK;
}

void kcb_dataset_filter(struct kcb_dataset *d, const unsigned char *keep)
{
    size_t j = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (!keep[i])
            continue;
        d->text[j] = d->text[i];
        d->label[j] = d->label[i];
        d->line[j] = d->line[i];
        j++;
    }
    d->n = j;
}
