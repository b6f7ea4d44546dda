/* Unit tests for file input and output: whole-file reads and atomic output files. */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
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
static char *make_file(const struct dir *d, const char *name, const void *data, size_t n)
{
    char *p = malloc(128);
    assert_non_null(p);
    snprintf(p, 128, "%s/%s", d->path, name);
    FILE *fp = fopen(p, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
    return p;
}

static char *path_in(const struct dir *d, const char *name)
{
    char *p = malloc(128);
    assert_non_null(p);
    snprintf(p, 128, "%s/%s", d->path, name);
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
        DIR_TEST(test_write_file),
        DIR_TEST(test_write_empty_file),
        DIR_TEST(test_write_file_in_missing_directory),
    };
    return cmocka_run_group_tests_name("io", tests, NULL, NULL);
}
