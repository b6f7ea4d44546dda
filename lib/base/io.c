/* Whole-file reading, atomic (write, sync, rename) output files, and sorted directory listings. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kcb/err.h"
#include "kcb/io.h"

static int slurp(FILE *fp, unsigned char **buf, size_t *n)
{
    size_t cap = 1 << 16, len = 0;
    unsigned char *b = malloc(cap);
    if (!b)
        return KCB_ENOMEM;
    for (;;) {
        if (cap - len < 2) {
            unsigned char *nb = cap * 2 > cap ? realloc(b, cap * 2) : NULL;
            if (!nb) {
                free(b);
                return KCB_ENOMEM;
            }
            b = nb;
            cap *= 2;
        }
        size_t got = fread(b + len, 1, cap - len - 1, fp);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        int e = errno ? errno : EIO;
        free(b);
        errno = e;
        return KCB_EIO;
    }
    b[len] = '\0';
    *buf = b;
    *n = len;
    return KCB_OK;
}

int kcb_file_changed(const struct stat *before, const struct stat *after, size_t n)
{
    return before->st_size != after->st_size ||
           before->st_mtim.tv_sec != after->st_mtim.tv_sec ||
           before->st_mtim.tv_nsec != after->st_mtim.tv_nsec ||
           (before->st_size != 0 && (size_t)before->st_size != n);
}

int kcb_read_file(const char *path, unsigned char **buf, size_t *n)
{
    if (strcmp(path, "-") == 0)
        return slurp(stdin, buf, n);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return KCB_EIO;
    struct stat st, end;
    int known = fstat(fileno(fp), &st) == 0;
    if (known && S_ISDIR(st.st_mode)) {
        fclose(fp);
        errno = EISDIR;
        return KCB_EIO;
    }
    int rc = slurp(fp, buf, n);
    int e = errno;
    if (!rc && known && S_ISREG(st.st_mode) && fstat(fileno(fp), &end) == 0 &&
        kcb_file_changed(&st, &end, *n)) {
        free(*buf);
        *buf = NULL;
        rc = KCB_ECHANGED;
    }
    fclose(fp);
    errno = e;
    return rc;
}

struct kcb_afile {
    FILE *fp;
    char *path, *tmp; /* tmp is NULL when writing in place (a device or a pipe) */
};

/* The file a path finally names: path itself, or the end of its chain of symbolic links
 * (which need not exist yet), so that the link stays a link. Caller frees; NULL and errno set
 * on failure (ELOOP after 40 links). */
static char *final_target(const char *path)
{
    char *cur = strdup(path);
    for (int hops = 0; cur; hops++) {
        struct stat st;
        if (lstat(cur, &st) || !S_ISLNK(st.st_mode))
            return cur;
        if (hops == 40) {
            free(cur);
            errno = ELOOP;
            return NULL;
        }
        char link[PATH_MAX];
        ssize_t n = readlink(cur, link, sizeof link - 1);
        if (n < 0) {
            free(cur);
            return NULL;
        }
        link[n] = '\0';
        const char *slash = strrchr(cur, '/');
        size_t dirlen = link[0] == '/' || !slash ? 0 : (size_t)(slash - cur) + 1;
        char *next = malloc(dirlen + (size_t)n + 1);
        if (next) {
            memcpy(next, cur, dirlen);
            memcpy(next + dirlen, link, (size_t)n + 1);
        }
        free(cur);
        cur = next;
    }
    return NULL;
}

/* The temporary name "DIR/.kcb-XXXXXX" beside target: short, whatever target's length. */
static char *temp_beside(const char *target)
{
    const char *slash = strrchr(target, '/');
    size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
    char *t = malloc(dirlen + sizeof ".kcb-XXXXXX");
    if (t) {
        memcpy(t, target, dirlen);
        memcpy(t + dirlen, ".kcb-XXXXXX", sizeof ".kcb-XXXXXX");
    }
    return t;
}

/* The mode a new file gets from open(2) with 0666: the process's umask applies. */
static mode_t new_file_mode(void)
{
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

/* Writing in place: what exists and is not a regular file (/dev/null, a FIFO, a terminal)
 * is written to, never replaced. */
static int open_in_place(kcb_afile *a)
{
    if (!(a->fp = fopen(a->path, "wb"))) {
        int e = errno;
        kcb_afile_abort(a);
        errno = e;
        return KCB_EIO;
    }
    return KCB_OK;
}

static int open_temp(kcb_afile *a, const struct stat *old)
{
    int fd = mkstemp(a->tmp);
    if (fd < 0 || !(a->fp = fdopen(fd, "wb"))) {
        int e = errno;
        if (fd >= 0) {
            close(fd);
            unlink(a->tmp); /* mkstemp created it */
        }
        free(a->tmp);
        a->tmp = NULL;
        kcb_afile_abort(a);
        errno = e;
        return KCB_EIO;
    }
    fchmod(fd, old ? old->st_mode & 07777 : new_file_mode());
    return KCB_OK;
}

int kcb_afile_open(const char *path, kcb_afile **f, FILE **fp)
{
    kcb_afile *a = calloc(1, sizeof *a);
    if (!a)
        return KCB_ENOMEM;
    if (!(a->path = final_target(path))) {
        int e = errno;
        kcb_afile_abort(a);
        errno = e;
        return e == ENOMEM ? KCB_ENOMEM : KCB_EIO;
    }
    struct stat st;
    int exists = stat(a->path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        kcb_afile_abort(a);
        errno = EISDIR;
        return KCB_EIO;
    }
    int rc;
    if (exists && !S_ISREG(st.st_mode))
        rc = open_in_place(a);
    else if (!(a->tmp = temp_beside(a->path))) {
        kcb_afile_abort(a);
        return KCB_ENOMEM;
    } else
        rc = open_temp(a, exists ? &st : NULL);
    if (rc)
        return rc;
    *f = a;
    *fp = a->fp;
    return KCB_OK;
}

int kcb_afile_commit(kcb_afile *f)
{
    int rc = KCB_OK;
    /* a device or a pipe written in place need not (and often cannot) be synced */
    if (fflush(f->fp) || ferror(f->fp) || (f->tmp && fsync(fileno(f->fp))))
        rc = KCB_EIO;
    if (fclose(f->fp))
        rc = KCB_EIO;
    f->fp = NULL;
    if (rc == KCB_OK && f->tmp && rename(f->tmp, f->path))
        rc = KCB_EIO;
    int e = errno;
    if (rc && f->tmp)
        unlink(f->tmp);
    free(f->tmp);
    free(f->path);
    free(f);
    errno = e;
    return rc;
}

void kcb_afile_abort(kcb_afile *f)
{
    if (!f)
        return;
    if (f->fp)
        fclose(f->fp);
    if (f->tmp)
        unlink(f->tmp);
    free(f->tmp);
    free(f->path);
    free(f);
}

int kcb_write_file(const char *path, const void *data, size_t len)
{
    kcb_afile *f;
    FILE *fp;
    int rc = kcb_afile_open(path, &f, &fp);
    if (rc)
        return rc;
    if (len && fwrite(data, 1, len, fp) != len) {
        kcb_afile_abort(f);
        return KCB_EIO;
    }
    return kcb_afile_commit(f);
}

int kcb_is_dir(const char *path)
{
    struct stat st;
    return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds dir/name to *v when it is of the kind wanted; an entry stat() fails on is an error. */
static int list_add(const char *dir, const char *name, enum kcb_list_what what, char ***v,
                    size_t *len, char **bad)
{
    size_t need = strlen(dir) + strlen(name) + 2;
    char *path = malloc(need);
    if (!path)
        return KCB_ENOMEM;
    snprintf(path, need, "%s/%s", dir, name);
    struct stat st;
    if (stat(path, &st) != 0) {
        int e = errno;
        if (bad)
            *bad = path;
        else
            free(path);
        errno = e;
        return KCB_EIO;
    }
    if (what == KCB_LIST_DIRS ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) {
        free(path);
        return KCB_OK;
    }
    char **nv = realloc(*v, (*len + 1) * sizeof **v);
    if (!nv) {
        free(path);
        return KCB_ENOMEM;
    }
    *v = nv;
    (*v)[(*len)++] = path;
    return KCB_OK;
}

int kcb_list_dir(const char *dir, enum kcb_list_what what, char ***paths, size_t *n, char **bad)
{
    if (bad)
        *bad = NULL;
    DIR *d = opendir(dir);
    if (!d)
        return KCB_EIO;
    char **v = NULL;
    size_t len = 0;
    int rc = KCB_OK;
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            rc = errno ? KCB_EIO : KCB_OK;
            break;
        }
        if (e->d_name[0] != '.' && (rc = list_add(dir, e->d_name, what, &v, &len, bad)))
            break;
    }
    int e = errno;
    closedir(d);
    errno = e;
    if (rc) {
        kcb_list_free(v, len);
        return rc;
    }
    if (len) /* qsort wants a non-null array even for 0 items */
        qsort(v, len, sizeof *v, by_name);
    *paths = v;
    *n = len;
    return KCB_OK;
}

void kcb_list_free(char **paths, size_t n)
{
    for (size_t i = 0; paths && i < n; i++)
        free(paths[i]);
    free(paths);
}
