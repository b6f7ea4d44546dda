/* Whole-file reading, atomic (write, sync, rename) output files, and sorted directory listings. */
#include <dirent.h>
#include <errno.h>
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

int kcb_read_file(const char *path, unsigned char **buf, size_t *n)
{
    if (strcmp(path, "-") == 0)
        return slurp(stdin, buf, n);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return KCB_EIO;
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        errno = EISDIR;
        return KCB_EIO;
    }
    int rc = slurp(fp, buf, n);
    int e = errno;
    fclose(fp);
    errno = e;
    return rc;
}

struct kcb_afile {
    FILE *fp;
    char *path, *tmp;
};

int kcb_afile_open(const char *path, kcb_afile **f, FILE **fp)
{
    kcb_afile *a = calloc(1, sizeof *a);
    if (!a)
        return KCB_ENOMEM;
    size_t len = strlen(path) + 16;
    a->path = strdup(path);
    a->tmp = malloc(len);
    if (!a->path || !a->tmp) {
        kcb_afile_abort(a);
        return KCB_ENOMEM;
    }
    snprintf(a->tmp, len, "%s.tmp.XXXXXX", path);
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
    fchmod(fd, 0644);
    *f = a;
    *fp = a->fp;
    return KCB_OK;
}

int kcb_afile_commit(kcb_afile *f)
{
    int rc = KCB_OK;
    if (fflush(f->fp) || ferror(f->fp) || fsync(fileno(f->fp)))
        rc = KCB_EIO;
    if (fclose(f->fp))
        rc = KCB_EIO;
    f->fp = NULL;
    if (rc == KCB_OK && rename(f->tmp, f->path))
        rc = KCB_EIO;
    int e = errno;
    if (rc)
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
    if (f->tmp) {
        if (f->fp)
            fclose(f->fp);
        unlink(f->tmp);
    }
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
