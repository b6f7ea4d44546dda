/* Unit tests for file input and output: whole-file reads and atomic output files. */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb_test.h"

/* When set, the next fdopen fails as if out of memory. */
static int fail_next_fdopen;

/* Interposes the C library's fdopen (the test binary's definition wins over libc's), so that
 * kcb_afile_open's failure path after mkstemp can be reached. */
FILE *fdopen(int fd, const char *mode)
{
    if (fail_next_fdopen) {
        fail_next_fdopen = 0;
        errno = ENOMEM;
        return NULL;
    }
    FILE *(*real)(int, const char *) = (FILE * (*)(int, const char *)) dlsym(RTLD_NEXT, "fdopen");
    return real ? real(fd, mode) : NULL;
}

/* Each test works in its own new directory, removed (with what it holds) afterwards. */
struct dir {
    char path[64];
};

static int dir_setup(void **state)
{
    struct dir *d = malloc(sizeof *d);
    if (!d)
        return -1;
    snprintf(d->path, sizeof d->path, "/tmp/kcb-test-io-XXXXXX");
    if (!mkdtemp(d->path)) {
        free(d);
        return -1;
    }
    *state = d;
    return 0;
}

/* Returns how many entries (other than . and ..) directory path holds. */
static size_t entries(const char *path)
{
    DIR *dp = opendir(path);
    assert_non_null(dp);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(dp));)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(dp);
    return n;
}

static int dir_teardown(void **state)
{
    struct dir *d = *state;
    DIR *dp = opendir(d->path);
    if (dp) {
        for (struct dirent *e; (e = readdir(dp));) {
            char p[sizeof d->path + sizeof e->d_name + 1];
            snprintf(p, sizeof p, "%s/%s", d->path, e->d_name);
            if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
                unlink(p);
        }
        closedir(dp);
    }
    int rc = rmdir(d->path);
    free(d);
    return rc;
}

/* Writes path/name with stdio (not with the code under test); returns the full path. */
static char *path_in(const struct dir *d, const char *name);

static char *make_file(const struct dir *d, const char *name, const void *data, size_t n)
{
    char *p = path_in(d, name);
    FILE *fp = fopen(p, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
    return p;
}

static char *path_in(const struct dir *d, const char *name)
{
    size_t n = strlen(d->path) + strlen(name) + 2;
    char *p = malloc(n);
    assert_non_null(p);
    snprintf(p, n, "%s/%s", d->path, name);
    return p;
}

static void assert_file_is(const char *path, const void *data, size_t n)
{
    unsigned char *buf;
    size_t got;
    assert_int_equal(kcb_read_file(path, &buf, &got), KCB_OK);
    assert_int_equal(got, n);
    if (n)
        assert_memory_equal(buf, data, n);
    free(buf);
}

static void assert_missing(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), -1);
    assert_int_equal(errno, ENOENT);
}

/* ---- kcb_read_file ---- */

static void test_read_small_file(void **state)
{
    char *p = make_file(*state, "a.txt", "hello\nworld", 11);
    unsigned char *buf;
    size_t n;
    assert_int_equal(kcb_read_file(p, &buf, &n), KCB_OK);
    assert_int_equal(n, 11);
    assert_memory_equal(buf, "hello\nworld", 11);
    assert_int_equal(buf[n], '\0'); /* a terminator after the data, not counted */
    free(buf);
    free(p);
}

/* Larger than the first read buffer, with NUL bytes inside: binary-safe, nothing lost. */
static void test_read_large_binary_file(void **state)
{
    const size_t n = (300 << 10) + 7;
    unsigned char *data = kcb_test_make(n, 41, kcb_test_fill_random);
    assert_non_null(data);
    memset(data + 1000, 0, 100);
    char *p = make_file(*state, "big.bin", data, n);
    unsigned char *buf;
    size_t got;
    assert_int_equal(kcb_read_file(p, &buf, &got), KCB_OK);
    assert_int_equal(got, n);
    assert_memory_equal(buf, data, n);
    assert_int_equal(buf[n], '\0');
    free(buf);
    free(p);
    free(data);
}

static void test_read_empty_file(void **state)
{
    char *p = make_file(*state, "empty", "", 0);
    unsigned char *buf = NULL;
    size_t n = 99;
    assert_int_equal(kcb_read_file(p, &buf, &n), KCB_OK);
    assert_int_equal(n, 0);
    assert_non_null(buf);
    assert_int_equal(buf[0], '\0');
    free(buf);
    free(p);
}

static void test_read_missing_file(void **state)
{
    char *p = path_in(*state, "no-such-file");
    unsigned char *buf = NULL;
    size_t n;
    errno = 0;
    assert_int_equal(kcb_read_file(p, &buf, &n), KCB_EIO);
    assert_int_equal(errno, ENOENT);
    free(p);
}

static void test_read_directory(void **state)
{
    const struct dir *d = *state;
    unsigned char *buf = NULL;
    size_t n;
    errno = 0;
    assert_int_equal(kcb_read_file(d->path, &buf, &n), KCB_EIO);
    assert_int_equal(errno, EISDIR);
}

/* "-" reads standard input. */
static void test_read_stdin(void **state)
{
    char *p = make_file(*state, "in.txt", "from stdin", 10);
    assert_non_null(freopen(p, "rb", stdin));
    unsigned char *buf;
    size_t n;
    assert_int_equal(kcb_read_file("-", &buf, &n), KCB_OK);
    assert_int_equal(n, 10);
    assert_memory_equal(buf, "from stdin", 10);
    free(buf);
    free(p);
}

/* ---- kcb_afile ---- */

static void test_afile_appears_only_on_commit(void **state)
{
    const struct dir *d = *state;
    char *p = path_in(d, "out.txt");
    kcb_afile *f;
    FILE *fp;
    assert_int_equal(kcb_afile_open(p, &f, &fp), KCB_OK);
    assert_non_null(fp);
    assert_true(fputs("line 1\nline 2\n", fp) >= 0);
    assert_int_equal(fflush(fp), 0);
    assert_missing(p);
    assert_int_equal(entries(d->path), 1); /* only the temporary file */
    assert_int_equal(kcb_afile_commit(f), KCB_OK);
    assert_file_is(p, "line 1\nline 2\n", 14);
    assert_int_equal(entries(d->path), 1); /* the temporary file became the output */
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    free(p);
}

static void test_afile_commit_replaces_existing_file(void **state)
{
    const struct dir *d = *state;
    char *p = make_file(d, "out.txt", "old contents, longer than the new", 34);
    kcb_afile *f;
    FILE *fp;
    assert_int_equal(kcb_afile_open(p, &f, &fp), KCB_OK);
    assert_true(fputs("new", fp) >= 0);
    assert_file_is(p, "old contents, longer than the new", 34); /* untouched until commit */
    assert_int_equal(kcb_afile_commit(f), KCB_OK);
    assert_file_is(p, "new", 3);
    assert_int_equal(entries(d->path), 1);
    free(p);
}

static void test_afile_abort_leaves_nothing(void **state)
{
    const struct dir *d = *state;
    char *p = path_in(d, "out.txt");
    kcb_afile *f;
    FILE *fp;
    assert_int_equal(kcb_afile_open(p, &f, &fp), KCB_OK);
    assert_true(fputs("never seen", fp) >= 0);
    kcb_afile_abort(f);
    assert_missing(p);
    assert_int_equal(entries(d->path), 0);
    kcb_afile_abort(NULL);
    free(p);
}

static void test_afile_abort_keeps_existing_file(void **state)
{
    const struct dir *d = *state;
    char *p = make_file(d, "out.txt", "keep me", 7);
    kcb_afile *f;
    FILE *fp;
    assert_int_equal(kcb_afile_open(p, &f, &fp), KCB_OK);
    assert_true(fputs("discarded", fp) >= 0);
    kcb_afile_abort(f);
    assert_file_is(p, "keep me", 7);
    assert_int_equal(entries(d->path), 1);
    free(p);
}

static void test_afile_in_missing_directory(void **state)
{
    char *p = path_in(*state, "no-such-dir/out.txt");
    kcb_afile *f;
    FILE *fp;
    errno = 0;
    assert_int_equal(kcb_afile_open(p, &f, &fp), KCB_EIO);
    assert_int_equal(errno, ENOENT);
    free(p);
}

/* A failure after the temporary file was created removes it again. */
static void test_afile_open_failure_leaves_nothing(void **state)
{
    const struct dir *d = *state;
    char *p = path_in(d, "out.txt");
    kcb_afile *f;
    FILE *fp;
    fail_next_fdopen = 1;
    errno = 0;
    assert_int_equal(kcb_afile_open(p, &f, &fp), KCB_EIO);
    assert_int_equal(errno, ENOMEM);
    assert_int_equal(fail_next_fdopen, 0); /* the failure really came from fdopen */
    assert_int_equal(entries(d->path), 0);
    free(p);
}

/* "-" means nothing to the library (the commands map it to standard output themselves): it
 * names an ordinary file "-", written atomically in the current directory like any other. */
static void test_afile_dash_is_an_ordinary_file(void **state)
{
    const struct dir *d = *state;
    char cwd[PATH_MAX];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(d->path), 0);
    kcb_afile *f;
    FILE *fp;
    assert_int_equal(kcb_afile_open("-", &f, &fp), KCB_OK);
    assert_non_null(fp);
    assert_ptr_not_equal(fp, stdout);
    assert_int_not_equal(fileno(fp), STDOUT_FILENO);
    assert_true(fputs("not standard output\n", fp) >= 0);
    assert_int_equal(fflush(fp), 0);
    assert_missing("-");
    assert_int_equal(entries(d->path), 1); /* only the temporary file, beside "-" */
    assert_int_equal(kcb_afile_commit(f), KCB_OK);
    char *p = path_in(d, "-"); /* read by its full path: kcb_read_file("-") reads stdin */
    assert_file_is(p, "not standard output\n", 20);
    struct stat st;
    assert_int_equal(stat("-", &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(st.st_mode & 0777, 0644);
    assert_int_equal(entries(d->path), 1); /* the temporary file became "-" */
    assert_int_equal(unlink("-"), 0);
    assert_int_equal(entries(d->path), 0);
    assert_int_equal(chdir(cwd), 0);
    free(p);
}

/* ---- kcb_write_file ---- */

static void test_write_file(void **state)
{
    const struct dir *d = *state;
    char *p = path_in(d, "w.bin");
    const size_t n = 100000;
    unsigned char *data = kcb_test_make(n, 42, kcb_test_fill_random);
    assert_non_null(data);
    assert_int_equal(kcb_write_file(p, data, n), KCB_OK);
    assert_file_is(p, data, n);
    assert_int_equal(kcb_write_file(p, "short", 5), KCB_OK); /* replaces, does not append */
    assert_file_is(p, "short", 5);
    assert_int_equal(entries(d->path), 1);
    free(data);
    free(p);
}

static void test_write_empty_file(void **state)
{
    const struct dir *d = *state;
    char *p = path_in(d, "empty");
    assert_int_equal(kcb_write_file(p, NULL, 0), KCB_OK);
    assert_file_is(p, "", 0);
    free(p);
}

static void test_write_file_in_missing_directory(void **state)
{
    const struct dir *d = *state;
    char *p = path_in(d, "no-such-dir/w.bin");
    assert_int_equal(kcb_write_file(p, "x", 1), KCB_EIO);
    assert_int_equal(entries(d->path), 0);
    free(p);
}

/* Commits c into the file at p through kcb_afile. */
static void commit_text(const char *p, const char *c)
{
    kcb_afile *f;
    FILE *fp;
    assert_int_equal(kcb_afile_open(p, &f, &fp), KCB_OK);
    assert_true(fputs(c, fp) >= 0);
    assert_int_equal(kcb_afile_commit(f), KCB_OK);
}

/* -o onto a symbolic link writes the file it points to; the link stays a link, also when it
 * dangles (the target is created) and through a chain of links. */
static void test_afile_through_symlinks(void **state)
{
    const struct dir *d = *state;
    char *target = make_file(d, "target.txt", "old", 3), *link = path_in(d, "link.txt");
    char *chain = path_in(d, "chain.txt"), *dangling = path_in(d, "dangling.txt");
    char *created = path_in(d, "created.txt");
    assert_int_equal(symlink("target.txt", link), 0);
    assert_int_equal(symlink(link, chain), 0); /* absolute, to a relative link */
    assert_int_equal(symlink("created.txt", dangling), 0);
    struct stat st;
    commit_text(link, "new");
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_file_is(target, "new", 3);
    commit_text(chain, "newer");
    assert_int_equal(lstat(chain, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_file_is(target, "newer", 5);
    commit_text(dangling, "made");
    assert_int_equal(lstat(dangling, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_file_is(created, "made", 4);
    assert_int_equal(entries(d->path), 5); /* no temporary file left behind */
    free(target), free(link), free(chain), free(dangling), free(created);
}

/* What is not a regular file (a FIFO here, /dev/null in use) is written in place, never
 * replaced by a regular file (which rename would do, and as root even to a device). */
static void test_afile_fifo_written_in_place(void **state)
{
    const struct dir *d = *state;
    char *p = path_in(d, "pipe");
    assert_int_equal(mkfifo(p, 0600), 0);
    int rd = open(p, O_RDONLY | O_NONBLOCK); /* a reader, so that the writer does not block */
    assert_true(rd >= 0);
    commit_text(p, "through");
    char got[16] = {0};
    assert_int_equal(read(rd, got, sizeof got), 7);
    assert_string_equal(got, "through");
    kcb_afile *f;
    FILE *fp;
    assert_int_equal(kcb_afile_open(p, &f, &fp), KCB_OK);
    kcb_afile_abort(f); /* aborting leaves the FIFO alone too */
    close(rd);
    struct stat st;
    assert_int_equal(lstat(p, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    assert_int_equal(entries(d->path), 1);
    free(p);
}

/* A name of NAME_MAX bytes works: the temporary name does not grow with it. */
static void test_afile_long_name(void **state)
{
    const struct dir *d = *state;
    char name[NAME_MAX + 1];
    memset(name, 'n', NAME_MAX);
    name[NAME_MAX] = '\0';
    char *p = path_in(d, name);
    commit_text(p, "long");
    assert_file_is(p, "long", 4);
    assert_int_equal(entries(d->path), 1);
    free(p);
}

/* A new file gets 0666 less the umask; a replaced one keeps its permissions. */
static void test_afile_modes(void **state)
{
    const struct dir *d = *state;
    char *p = path_in(d, "new.txt"), *q = make_file(d, "old.txt", "x", 1);
    mode_t old = umask(077);
    commit_text(p, "private");
    umask(old);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(chmod(q, 0640), 0);
    commit_text(q, "still 0640");
    assert_int_equal(stat(q, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    free(p), free(q);
}

static void test_afile_directory_refused(void **state)
{
    const struct dir *d = *state;
    kcb_afile *f;
    FILE *fp;
    errno = 0;
    assert_int_equal(kcb_afile_open(d->path, &f, &fp), KCB_EIO);
    assert_int_equal(errno, EISDIR);
    assert_int_equal(entries(d->path), 0);
}

#define DIR_TEST(f) cmocka_unit_test_setup_teardown(f, dir_setup, dir_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        DIR_TEST(test_read_small_file),
        DIR_TEST(test_read_large_binary_file),
        DIR_TEST(test_read_empty_file),
        DIR_TEST(test_read_missing_file),
        DIR_TEST(test_read_directory),
        DIR_TEST(test_read_stdin),
        DIR_TEST(test_afile_appears_only_on_commit),
        DIR_TEST(test_afile_commit_replaces_existing_file),
        DIR_TEST(test_afile_abort_leaves_nothing),
        DIR_TEST(test_afile_abort_keeps_existing_file),
        DIR_TEST(test_afile_in_missing_directory),
        DIR_TEST(test_afile_open_failure_leaves_nothing),
        DIR_TEST(test_afile_dash_is_an_ordinary_file),
        DIR_TEST(test_afile_through_symlinks),
        DIR_TEST(test_afile_fifo_written_in_place),
        DIR_TEST(test_afile_long_name),
        DIR_TEST(test_afile_modes),
        DIR_TEST(test_afile_directory_refused),
        DIR_TEST(test_write_file),
        DIR_TEST(test_write_empty_file),
        DIR_TEST(test_write_file_in_missing_directory),
    };
    return cmocka_run_group_tests_name("io", tests, NULL, NULL);
}
