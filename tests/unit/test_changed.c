/* Unit tests for reading a file that changes while it is read: refused, never taken as whole. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kcb/err.h"
#include "kcb/io.h"

/* The rule itself, on made-up fstat results. */
static void test_changed_rule(void **state)
{
    (void)state;
    struct stat a = {0}, b;
    a.st_size = 100;
    a.st_mtim.tv_sec = 1700000000;
    a.st_mtim.tv_nsec = 5;
    b = a;
    assert_false(kcb_file_changed(&a, &b, 100));
    assert_true(kcb_file_changed(&a, &b, 99));   /* fewer bytes than the size: cut short */
    assert_true(kcb_file_changed(&a, &b, 101));  /* more: it grew and shrank back */
    b.st_size = 120;
    assert_true(kcb_file_changed(&a, &b, 100));  /* it grew after the read */
    b = a;
    b.st_mtim.tv_nsec = 6;
    assert_true(kcb_file_changed(&a, &b, 100));  /* written in place, same size */
    b = a;
    b.st_mtim.tv_sec++;
    assert_true(kcb_file_changed(&a, &b, 100));
    a.st_size = b.st_size = 0;                   /* /proc: size 0, bytes come anyway */
    b.st_mtim = a.st_mtim;
    assert_false(kcb_file_changed(&a, &b, 4096));
}

/* A file of /proc reads whole: its size of 0 is no change. */
static void test_proc_file_reads(void **state)
{
    (void)state;
    unsigned char *buf;
    size_t n;
    assert_int_equal(kcb_read_file("/proc/self/status", &buf, &n), KCB_OK);
    assert_true(n > 0);
    assert_non_null(strstr((const char *)buf, "Name:"));
    free(buf);
}

struct writer {
    const char *path;
    atomic_int stop;
};

/* Appends a line every 20 µs until told to stop: the file changes during any read of it. */
static void *append_loop(void *arg)
{
    struct writer *w = arg;
    FILE *fp = fopen(w->path, "ab");
    struct timespec pause = {0, 20000};
    while (fp && !atomic_load(&w->stop)) {
        fputs("grown\tmore text\n", fp);
        fflush(fp);
        nanosleep(&pause, NULL);
    }
    if (fp)
        fclose(fp);
    return NULL;
}

/* A file appended to while kcb_read_file reads it: KCB_ECHANGED and no buffer, every time. */
static void test_read_while_appended(void **state)
{
    (void)state;
    char path[] = "/tmp/kcb-test-changed-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const size_t n = 24u << 20; /* long enough that many appends fall inside one read */
    char *data = malloc(n);
    assert_non_null(data);
    for (size_t i = 0; i < n; i++)
        data[i] = i % 64 == 63 ? '\n' : (char)('a' + i % 26);
    assert_int_equal(write(fd, data, n), (ssize_t)n);
    close(fd);
    free(data);
    struct writer w = {path, 0};
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, append_loop, &w), 0);
    int refused = 0;
    for (int i = 0; i < 3; i++) {
        unsigned char *buf = (unsigned char *)"not set";
        size_t got;
        int rc = kcb_read_file(path, &buf, &got);
        refused += rc == KCB_ECHANGED;
        if (rc == KCB_ECHANGED)
            assert_null(buf);
        else
            free(buf);
    }
    atomic_store(&w.stop, 1);
    pthread_join(t, NULL);
    unlink(path);
    assert_int_equal(refused, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_changed_rule),
        cmocka_unit_test(test_proc_file_reads),
        cmocka_unit_test(test_read_while_appended),
    };
    return cmocka_run_group_tests_name("changed", tests, NULL, NULL);
}
