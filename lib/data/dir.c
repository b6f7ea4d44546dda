/* The directory reader: <path>/<label>/<document>, labels and documents in name order. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kcb/err.h"
#include "kcb/io.h"
#include "loader.h"

/* Reads fd to its end after the texts; sets *len. KCB_ERANGE past KCB_DOC_MAX. */
static int read_fd(struct loader *ld, int fd, size_t hint, size_t *len)
{
    size_t got = 0;
    for (;;) {
        int rc = kcb_ld_reserve(ld, got + (hint > got ? hint - got : 0) + 4096);
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

/* Reads one document file into the arena. */
static int read_doc(struct loader *ld, const char *path, int id)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return KCB_EIO;
    struct stat st;
    size_t len = 0;
    int rc = fstat(fd, &st) ? KCB_EIO : KCB_OK;
    if (rc == KCB_OK && st.st_size > (off_t)KCB_DOC_MAX)
        rc = KCB_ERANGE;
    if (rc == KCB_OK)
        rc = read_fd(ld, fd, (size_t)st.st_size, &len);
    struct stat end;
    if (rc == KCB_OK && S_ISREG(st.st_mode) && fstat(fd, &end) == 0 &&
        kcb_file_changed(&st, &end, len))
        rc = KCB_ECHANGED;
    int e = errno;
    close(fd);
    errno = e;
    if (!rc && !len) /* an empty training text is near every short query */
        return kcb_ld_bad_row(ld, 0, "%s: empty text", path);
    return rc ? rc : kcb_ld_push(ld, id, len, 0);
}

/* Gives a directory reader's error its place: the path that failed. */
static int dir_fail(struct loader *ld, int rc, const char *path)
{
    if (rc == KCB_EIO)
        return kcb_ld_fail(ld, rc, 0, "cannot read %s", path);
    if (rc == KCB_ECHANGED)
        return kcb_ld_fail(ld, rc, 0, "%s", path);
    if (rc == KCB_ERANGE)
        return kcb_ld_fail(ld, rc, 0, "%s: document longer than %zu MiB", path,
                           KCB_DOC_MAX >> 20);
    return rc;
}

/* Lists dir, turning an error into the loader's, naming what failed. */
static int list(struct loader *ld, const char *dir, enum kcb_list_what what, char ***v, size_t *n)
{
    char *bad;
    int rc = kcb_list_dir(dir, what, v, n, &bad);
    if (rc)
        rc = dir_fail(ld, rc, bad ? bad : dir);
    free(bad);
    return rc;
}

static int load_label_dir(struct loader *ld, const char *dir)
{
    char **files = NULL;
    size_t n = 0;
    int id = -1, rc = list(ld, dir, KCB_LIST_FILES, &files, &n);
    if (rc)
        return rc;
    const char *label = strrchr(dir, '/') + 1;
    if (n)
        rc = kcb_ld_intern(ld, label, strlen(label), 0, &id);
    for (size_t i = 0; rc == KCB_OK && i < n; i++)
        if ((rc = read_doc(ld, files[i], id)))
            rc = dir_fail(ld, rc, files[i]);
    kcb_list_free(files, n);
    return rc;
}

int kcb_read_dir(struct loader *ld, const char *path)
{
    char **labels = NULL;
    size_t n = 0;
    int rc = list(ld, path, KCB_LIST_DIRS, &labels, &n);
    for (size_t i = 0; rc == KCB_OK && i < n; i++)
        rc = load_label_dir(ld, labels[i]);
    int e = errno;
    kcb_list_free(labels, n);
    errno = e;
    return rc;
}
