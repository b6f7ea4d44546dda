/* eval's checkpoint file: a checksummed header and records, read back with a torn last line dropped, appended and synced. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "kcb/checkpoint.h"
#include "kcb/err.h"
#include "kcb/io.h"

#define MAGIC "kcbench eval checkpoint "
#define CRC_LEN 10 /* tab, 8 hex digits, newline */

struct kcb_ckpt {
    int fd;
    char *path;
    off_t size;               /* bytes synced: the records read or written whole */
    size_t ntrain, ntest, nspecs, k;
    const unsigned char *have; /* the part's items: records of others are refused */
    char *buf;                /* lines added since the last sync */
    size_t n, cap;
};

/* CRC-32 of p[0..n), in pieces, as zlib's crc32 takes uInt lengths. */
static uint32_t crc_of(const char *p, size_t n)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    for (size_t off = 0; off < n;) {
        size_t chunk = n - off < (1u << 30) ? n - off : (1u << 30);
        crc = crc32(crc, (const Bytef *)p + off, (uInt)chunk);
        off += chunk;
    }
    return (uint32_t)crc;
}

/* ---- writing lines ---- */

/* Appends printf text to c->buf: 0 or KCB_ENOMEM. */
__attribute__((format(printf, 2, 3))) static int put(kcb_ckpt *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0)
        return KCB_ENOMEM;
    if (c->n + (size_t)need + 1 > c->cap) {
        size_t cap = (c->n + (size_t)need + 1) * 2;
        char *b = realloc(c->buf, cap);
        if (!b)
            return KCB_ENOMEM;
        c->buf = b;
        c->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(c->buf + c->n, (size_t)need + 1, fmt, ap);
    va_end(ap);
    c->n += (size_t)need;
    return KCB_OK;
}

/* Ends the line that starts at c->buf + start: a tab, its checksum and a newline. */
static int end_line(kcb_ckpt *c, size_t start)
{
    return put(c, "\t%08lx\n", (unsigned long)crc_of(c->buf + start, c->n - start));
}

int kcb_ckpt_add(kcb_ckpt *c, size_t s, size_t i, const struct kcb_nb *nb)
{
    if (s >= c->nspecs || i >= c->ntest)
        return KCB_EINVAL;
    size_t start = c->n;
    int rc = put(c, "%zu %zu", s, i);
    for (size_t j = 0; !rc && j < c->k; j++)
        rc = put(c, " %lu %.17g", (unsigned long)nb[j].idx, nb[j].d);
    if (!rc)
        rc = end_line(c, start);
    if (rc)
        c->n = start;
    return rc;
}

/* Writes what c->buf holds at offset at of the file, whole: 0 or -1 (errno set). */
static int write_at(kcb_ckpt *c, off_t at)
{
    for (size_t off = 0; off < c->n;) {
        ssize_t w = pwrite(c->fd, c->buf + off, c->n - off, at + (off_t)off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = ENOSPC;
            return -1;
        }
        off += (size_t)w;
    }
    return 0;
}

int kcb_ckpt_sync(kcb_ckpt *c)
{
    if (!c->n)
        return KCB_OK;
    if (write_at(c, c->size) || fdatasync(c->fd)) {
        int e = errno;
        if (ftruncate(c->fd, c->size) == 0) /* no torn line before the next records */
            fdatasync(c->fd);
        c->n = 0;
        errno = e;
        return KCB_EIO;
    }
    c->size += (off_t)c->n;
    c->n = 0;
    return KCB_OK;
}

int kcb_ckpt_close(kcb_ckpt *c, int remove)
{
    if (!c)
        return KCB_OK;
    int rc = remove && unlink(c->path) ? KCB_EIO : KCB_OK, e = errno;
    if (c->fd >= 0)
        close(c->fd); /* and the lock with it */
    free(c->path);
    free(c->buf);
    free(c);
    errno = e;
    return rc;
}

/* ---- creating ---- */

/* Syncs the directory that holds path, so that a new name in it survives a crash (as far as
 * the file system allows: failures are ignored). */
static void sync_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
    int fd = dir ? open(dir, O_RDONLY | O_CLOEXEC) : -1;
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

/* Writes a new checkpoint holding the header alone (atomically: synced, then renamed). */
static int create(kcb_ckpt *c, const char *ident)
{
    int rc = put(c, MAGIC "%d %zu %zu %zu %zu %s", KCB_CKPT_VERSION, c->ntrain, c->ntest,
                 c->nspecs, c->k, ident);
    if (!rc)
        rc = end_line(c, 0);
    if (!rc)
        rc = kcb_write_file(c->path, c->buf, c->n);
    if (!rc)
        sync_dir(c->path);
    c->n = 0;
    return rc;
}

/* ---- reading ---- */

/* Whether line[0..n) (its newline left out) ends in a tab and the checksum of what precedes
 * the tab; *payload is then that length. */
static int line_ok(const char *line, size_t n, size_t *payload)
{
    if (n < CRC_LEN - 1 || line[n - 9] != '\t')
        return 0;
    unsigned long v = 0;
    for (size_t i = n - 8; i < n; i++) {
        char ch = line[i];
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')))
            return 0;
        v = v * 16 + (unsigned long)(ch <= '9' ? ch - '0' : ch - 'a' + 10);
    }
    *payload = n - 9;
    return v == crc_of(line, n - 9);
}

/* After a token that ended at q: one space (skipped) or the end. 0 or -1. */
static int token_end(const char **p, const char *q, const char *end)
{
    if (q < end && *q != ' ')
        return -1;
    *p = q < end ? q + 1 : q;
    return 0;
}

/* Reads a whole number (digits only) at *p: 0 or -1. */
static int next_num(const char **p, const char *end, unsigned long long *v)
{
    const char *q = *p;
    unsigned long long x = 0;
    if (q >= end || *q < '0' || *q > '9')
        return -1;
    for (; q < end && *q >= '0' && *q <= '9'; q++) {
        if (x > (UINT64_MAX - 9) / 10)
            return -1;
        x = x * 10 + (unsigned long long)(*q - '0');
    }
    *v = x;
    return token_end(p, q, end);
}

/* Reads a distance at *p (the text is NUL-terminated after end): 0 or -1. */
static int next_real(const char **p, const char *end, double *d)
{
    char *e;
    if (*p >= end || **p == ' ')
        return -1;
    *d = strtod(*p, &e);
    return e == *p || e > end ? -1 : token_end(p, e, end);
}

/* Checks the header, the first line of t[0..n): 0 with *used its length, or KCB_EFORMAT. */
static int read_header(const kcb_ckpt *c, const char *t, size_t n, const char *ident,
                       size_t *used, struct kcb_ckpt_found *f, char *why, size_t len)
{
    size_t ml = strlen(MAGIC), pl;
    const char *nl = memchr(t, '\n', n);
    if (n < ml || memcmp(t, MAGIC, ml))
        return kcb_why(why, len, KCB_EFORMAT, "not a kcbench eval checkpoint");
    if (!nl || !line_ok(t, (size_t)(nl - t), &pl))
        return kcb_why(why, len, KCB_EFORMAT, "its header is damaged (checksum)");
    const char *p = t + ml, *end = t + pl;
    unsigned long long v[5];
    if (next_num(&p, end, &v[0]) || v[0] != KCB_CKPT_VERSION)
        return kcb_why(why, len, KCB_EFORMAT, "another version of the format (this kcbench "
                       "reads version %d)", KCB_CKPT_VERSION);
    for (int i = 1; i < 5; i++)
        if (next_num(&p, end, &v[i]))
            return kcb_why(why, len, KCB_EFORMAT, "its header is malformed");
    size_t il = (size_t)(end - p);
    if (il != strlen(ident) || memcmp(p, ident, il)) {
        if (!(f->ident = strndup(p, il)))
            return KCB_ENOMEM;
        return kcb_why(why, len, KCB_EFORMAT, "it is of another run");
    }
    if (v[1] != c->ntrain || v[2] != c->ntest || v[3] != c->nspecs || v[4] != c->k)
        return kcb_why(why, len, KCB_EFORMAT, "it is of another run: %llu training and %llu "
                       "test texts, %llu compressors, k %llu", v[1], v[2], v[3], v[4]);
    *used = (size_t)(nl - t) + 1;
    return KCB_OK;
}

/* Reads the record line[0..n) (its payload) into p and done: 0 or -1. */
static int read_record(const kcb_ckpt *c, const char *line, size_t n, struct kcb_part *p,
                       unsigned char *done)
{
    const char *q = line, *end = line + n;
    unsigned long long s, i, idx;
    if (next_num(&q, end, &s) || next_num(&q, end, &i) || s >= c->nspecs || i >= c->ntest ||
        !c->have[i])
        return -1;
    struct kcb_nb *nb = p->nb + (s * c->ntest + i) * c->k;
    for (size_t j = 0; j < c->k; j++) {
        if (next_num(&q, end, &idx) || (idx >= c->ntrain && idx != UINT32_MAX) ||
            next_real(&q, end, &nb[j].d))
            return -1;
        nb[j].idx = (uint32_t)idx;
    }
    if (q != end)
        return -1;
    done[s * c->ntest + i] = 1;
    return 0;
}

/* Reads the records of t[at..n): the first line cut short or failing its checksum ends them
 * (it and what follows are dropped: f->torn counts the lines); a record that is whole but
 * not one of this run's is KCB_EFORMAT. Sets c->size to the bytes kept. */
static int read_records(kcb_ckpt *c, const char *t, size_t n, size_t at, struct kcb_part *p,
                        unsigned char *done, struct kcb_ckpt_found *f, char *why, size_t len)
{
    size_t line = 2, pl;
    while (at < n) {
        const char *nl = memchr(t + at, '\n', n - at);
        size_t ll = nl ? (size_t)(nl - (t + at)) : n - at;
        if (!nl || !line_ok(t + at, ll, &pl)) {
            for (size_t i = at; i < n; i++)
                f->torn += t[i] == '\n' || i + 1 == n;
            break;
        }
        if (read_record(c, t + at, pl, p, done))
            return kcb_why(why, len, KCB_EFORMAT, "line %zu is not a record of this run", line);
        f->records++;
        at += ll + 1;
        line++;
    }
    c->size = (off_t)at;
    return KCB_OK;
}

/* Reads the whole file of fd into a new NUL-terminated buffer: 0, KCB_EIO or KCB_ENOMEM. */
static int read_fd(int fd, char **out, size_t *n)
{
    size_t cap = 1 << 16, have = 0;
    char *b = malloc(cap);
    while (b) {
        if (cap - have < 2) {
            char *nb = realloc(b, cap * 2);
            if (!nb)
                break;
            b = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, b + have, cap - have - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            free(b);
            return KCB_EIO;
        }
        if (r == 0) {
            b[have] = '\0';
            *out = b;
            *n = have;
            return KCB_OK;
        }
        have += (size_t)r;
    }
    free(b);
    return KCB_ENOMEM;
}

/* Locks c's file, reads it and cuts off what was dropped. */
static int load(kcb_ckpt *c, const char *ident, struct kcb_part *p, unsigned char *done,
                struct kcb_ckpt_found *f, char *why, size_t len)
{
    char *t = NULL;
    size_t n = 0, at = 0;
    if (flock(c->fd, LOCK_EX | LOCK_NB))
        return errno == EWOULDBLOCK
                   ? kcb_why(why, len, KCB_EINVAL, "in use by another run (it is locked)")
                   : KCB_EIO;
    int rc = read_fd(c->fd, &t, &n);
    if (!rc)
        rc = read_header(c, t, n, ident, &at, f, why, len);
    if (!rc)
        rc = read_records(c, t, n, at, p, done, f, why, len);
    free(t);
    if (!rc && (size_t)c->size < n && (ftruncate(c->fd, c->size) || fdatasync(c->fd)))
        rc = KCB_EIO;
    return rc;
}

int kcb_ckpt_open(const char *path, const char *ident, struct kcb_part *p, unsigned char *done,
                  kcb_ckpt **out, struct kcb_ckpt_found *found, char *why, size_t len)
{
    struct stat st;
    *out = NULL;
    memset(found, 0, sizeof *found);
    if (strpbrk(ident, "\t\n"))
        return kcb_why(why, len, KCB_EINVAL, "the run's identity holds a tab or a newline");
    int exists = stat(path, &st) == 0;
    if (!exists && errno != ENOENT)
        return KCB_EIO;
    if (exists && !S_ISREG(st.st_mode))
        return kcb_why(why, len, KCB_EINVAL, "not a regular file");
    kcb_ckpt *c = calloc(1, sizeof *c);
    char *copy = strdup(path);
    if (!c || !copy) {
        free(c);
        free(copy);
        return KCB_ENOMEM;
    }
    *c = (struct kcb_ckpt){.fd = -1, .path = copy, .ntrain = p->ntrain, .ntest = p->ntest,
                           .nspecs = p->nspecs, .k = p->k, .have = p->have};
    int rc = KCB_OK;
    if (!exists || st.st_size == 0) {
        found->created = 1;
        rc = create(c, ident);
    }
    if (!rc && (c->fd = open(path, O_RDWR | O_CLOEXEC)) < 0)
        rc = KCB_EIO;
    if (!rc && c->fd <= 2) { /* never in the place of a closed standard stream */
        int fd = fcntl(c->fd, F_DUPFD_CLOEXEC, 3), e = errno;
        close(c->fd);
        errno = e;
        if ((c->fd = fd) < 0)
            rc = KCB_EIO;
    }
    if (!rc)
        rc = load(c, ident, p, done, found, why, len);
    if (rc) {
        int e = errno;
        kcb_ckpt_close(c, 0);
        errno = e;
        return rc;
    }
    *out = c;
    return KCB_OK;
}
