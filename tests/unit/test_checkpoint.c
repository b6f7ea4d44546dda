/* Unit tests for eval's checkpoint file: records back to the bit, a torn end dropped, foreign and damaged files refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "kcb/checkpoint.h"
#include "kcb/err.h"
#include "kcb/io.h"
#include "kcb_test.h"

#define NTRAIN 7
#define NTEST 5
#define NSPECS 2
#define K 3

static const char *ident = "{\"run\":\"test\"}";

/* A part of NTEST items, every one held (or those of shard sh). */
static void part(struct kcb_part *p, struct kcb_shard sh)
{
    memset(p, 0, sizeof *p);
    assert_int_equal(kcb_part_init(p, NTRAIN, NTEST, NSPECS, K), KCB_OK);
    p->shard = sh;
    for (size_t i = 0; i < NTEST; i++)
        p->have[i] = (unsigned char)kcb_shard_has(sh, i);
}

/* Neighbours of item i under compressor s: distances no decimal text shortens, a gap. */
static void neighbours(size_t s, size_t i, struct kcb_nb *nb)
{
    nb[0] = (struct kcb_nb){1.0 / 3.0 + (double)i * 1e-17, (uint32_t)((i + s) % NTRAIN)};
    nb[1] = (struct kcb_nb){nextafter(0.7, 1.0) - (double)s, (uint32_t)((i + 2) % NTRAIN)};
    nb[2] = (struct kcb_nb){INFINITY, UINT32_MAX};
}

struct fixture {
    char dir[64], path[96];
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    memcpy(f->dir, "/tmp/kcb-ckpt-XXXXXX", sizeof "/tmp/kcb-ckpt-XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    snprintf(f->path, sizeof f->path, "%s/c", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    unlink(f->path);
    rmdir(f->dir);
    free(f);
    return 0;
}

/* Opens f's checkpoint for a part of shard sh: the lib's return code; *c, p, done set. */
static int open_ck(struct fixture *f, struct kcb_shard sh, const char *id, struct kcb_part *p,
                   unsigned char *done, kcb_ckpt **c, struct kcb_ckpt_found *found)
{
    char why[256] = "";
    part(p, sh);
    memset(done, 0, NSPECS * NTEST);
    int rc = kcb_ckpt_open(f->path, id, p, done, c, found, why, sizeof why);
    if (rc)
        assert_true(why[0] != '\0' || rc == KCB_EIO);
    return rc;
}

/* Writes the records of items[0..n) under compressor 0 and 1, synced. */
static void write_records(struct fixture *f, const size_t *items, size_t n)
{
    struct kcb_part p;
    unsigned char done[NSPECS * NTEST];
    kcb_ckpt *c;
    struct kcb_ckpt_found found;
    assert_int_equal(open_ck(f, (struct kcb_shard){1, 1}, ident, &p, done, &c, &found), KCB_OK);
    for (size_t s = 0; s < NSPECS; s++) {
        for (size_t j = 0; j < n; j++) {
            struct kcb_nb nb[K];
            neighbours(s, items[j], nb);
            assert_int_equal(kcb_ckpt_add(c, s, items[j], nb), KCB_OK);
        }
        assert_int_equal(kcb_ckpt_sync(c), KCB_OK);
    }
    free(found.ident);
    assert_int_equal(kcb_ckpt_close(c, 0), KCB_OK);
    kcb_part_free(&p);
}

/* The records come back bit for bit, marked done; nothing else is. */
static void test_round_trip(void **state)
{
    struct fixture *f = *state;
    size_t items[] = {3, 0, 4};
    write_records(f, items, 3);
    struct kcb_part p;
    unsigned char done[NSPECS * NTEST];
    kcb_ckpt *c;
    struct kcb_ckpt_found found;
    assert_int_equal(open_ck(f, (struct kcb_shard){1, 1}, ident, &p, done, &c, &found), KCB_OK);
    assert_int_equal(found.records, 6);
    assert_false(found.created);
    assert_int_equal(found.torn, 0);
    for (size_t s = 0; s < NSPECS; s++) {
        for (size_t i = 0; i < NTEST; i++) {
            int want = i == 0 || i == 3 || i == 4;
            assert_int_equal(done[s * NTEST + i], want);
            if (!want)
                continue;
            struct kcb_nb nb[K];
            neighbours(s, i, nb);
            for (size_t j = 0; j < K; j++) { /* to the bit; the padding is no part of it */
                const struct kcb_nb *got = p.nb + (s * NTEST + i) * K + j;
                assert_memory_equal(&got->d, &nb[j].d, sizeof nb[j].d);
                assert_int_equal(got->idx, nb[j].idx);
            }
        }
    }
    assert_int_equal(kcb_ckpt_close(c, 1), KCB_OK);
    assert_int_equal(access(f->path, F_OK), -1);
    kcb_part_free(&p);
}

/* Appends text to f's file. */
static void append(struct fixture *f, const char *text, size_t n)
{
    FILE *fp = fopen(f->path, "ab");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
}

/* A last line cut short, or a line failing its checksum, is dropped with what follows, and
 * cut off the file; the records before it stay. */
static void test_torn_end(void **state)
{
    struct fixture *f = *state;
    size_t items[] = {1, 2};
    write_records(f, items, 2);
    unsigned char *text;
    size_t n;
    assert_int_equal(kcb_read_file(f->path, &text, &n), KCB_OK);
    append(f, "0 4 1 0.5 2 0.25 4294967295 inf\tdeadbeef\n1 4 1 0.5", 48);
    struct kcb_part p;
    unsigned char done[NSPECS * NTEST];
    kcb_ckpt *c;
    struct kcb_ckpt_found found;
    assert_int_equal(open_ck(f, (struct kcb_shard){1, 1}, ident, &p, done, &c, &found), KCB_OK);
    assert_int_equal(found.records, 4);
    assert_int_equal(found.torn, 2);
    assert_false(done[4] || done[NTEST + 4]);
    struct kcb_nb nb[K];
    neighbours(1, 2, nb);
    assert_int_equal(kcb_ckpt_add(c, 1, 2, nb), KCB_OK); /* appended after the cut */
    assert_int_equal(kcb_ckpt_sync(c), KCB_OK);
    assert_int_equal(kcb_ckpt_close(c, 0), KCB_OK);
    kcb_part_free(&p);
    unsigned char *after;
    size_t m;
    assert_int_equal(kcb_read_file(f->path, &after, &m), KCB_OK);
    assert_true(m > n && memcmp(after, text, n) == 0 && after[m - 1] == '\n');
    free(text);
    free(after);
    assert_int_equal(open_ck(f, (struct kcb_shard){1, 1}, ident, &p, done, &c, &found), KCB_OK);
    assert_int_equal(found.records, 5);
    assert_int_equal(found.torn, 0);
    kcb_ckpt_close(c, 0);
    kcb_part_free(&p);
}

/* Another identity, other sizes, another shard's items, another file, a second opener: refused. */
static void test_refused(void **state)
{
    struct fixture *f = *state;
    size_t items[] = {0, 1, 2};
    write_records(f, items, 3);
    struct kcb_part p;
    unsigned char done[NSPECS * NTEST];
    kcb_ckpt *c, *c2;
    struct kcb_ckpt_found found;
    assert_int_equal(open_ck(f, (struct kcb_shard){1, 1}, "{\"run\":\"other\"}", &p, done, &c,
                             &found), KCB_EFORMAT);
    assert_string_equal(found.ident, ident);
    free(found.ident);
    kcb_part_free(&p);
    /* the records of items 0 and 2 are not of shard 2/3 (item 1 only) */
    assert_int_equal(open_ck(f, (struct kcb_shard){2, 3}, ident, &p, done, &c, &found),
                     KCB_EFORMAT);
    assert_null(found.ident);
    kcb_part_free(&p);
    assert_int_equal(open_ck(f, (struct kcb_shard){1, 1}, "a\tb", &p, done, &c, &found),
                     KCB_EINVAL);
    kcb_part_free(&p);
    /* a second run while the first holds it */
    assert_int_equal(open_ck(f, (struct kcb_shard){1, 1}, ident, &p, done, &c, &found), KCB_OK);
    struct kcb_part p2;
    assert_int_equal(open_ck(f, (struct kcb_shard){1, 1}, ident, &p2, done, &c2, &found),
                     KCB_EINVAL);
    kcb_part_free(&p2);
    kcb_ckpt_close(c, 0);
    kcb_part_free(&p);
    /* a file that is not a checkpoint is left alone */
    assert_int_equal(kcb_write_file(f->path, "label\ttext\n", 11), KCB_OK);
    assert_int_equal(open_ck(f, (struct kcb_shard){1, 1}, ident, &p, done, &c, &found),
                     KCB_EFORMAT);
    kcb_part_free(&p);
    unsigned char *text;
    size_t n;
    assert_int_equal(kcb_read_file(f->path, &text, &n), KCB_OK);
    assert_true(n == 11 && memcmp(text, "label\ttext\n", 11) == 0);
    free(text);
}

/* Records out of range are not added; a whole line (its checksum right) that is not a
 * record of this run is an error, not dropped. */
static void test_bad_record(void **state)
{
    struct fixture *f = *state;
    write_records(f, NULL, 0);
    struct kcb_nb nb[K] = {{0.5, 6}, {0.5, 1}, {0.5, 2}};
    struct kcb_part p;
    unsigned char done[NSPECS * NTEST];
    kcb_ckpt *c;
    struct kcb_ckpt_found found;
    assert_int_equal(open_ck(f, (struct kcb_shard){1, 1}, ident, &p, done, &c, &found), KCB_OK);
    assert_int_equal(kcb_ckpt_add(c, NSPECS, 0, nb), KCB_EINVAL);
    assert_int_equal(kcb_ckpt_add(c, 0, NTEST, nb), KCB_EINVAL);
    assert_int_equal(kcb_ckpt_sync(c), KCB_OK);
    kcb_ckpt_close(c, 0);
    kcb_part_free(&p);
    static const char *const bad[] = {
        "0 1 9 0.5 1 0.5 2 0.5", /* training row 9 of 7 */
        "0 1 6 0.5 1 0.5",       /* two neighbours of 3 */
        "0 1 6 0.5 1 0.5 2 x",   /* not a number */
        "0 7 6 0.5 1 0.5 2 0.5", /* item 7 of 5 */
    };
    for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
        char line[128];
        size_t n = strlen(bad[b]);
        snprintf(line, sizeof line, "%s\t%08lx\n", bad[b],
                 (unsigned long)crc32(crc32(0L, Z_NULL, 0), (const Bytef *)bad[b], (uInt)n));
        write_records(f, NULL, 0);
        append(f, line, strlen(line));
        append(f, line, strlen(line)); /* not the last line either */
        assert_int_equal(open_ck(f, (struct kcb_shard){1, 1}, ident, &p, done, &c, &found),
                         KCB_EFORMAT);
        assert_null(found.ident);
        kcb_part_free(&p);
        unlink(f->path);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_torn_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_record, setup, teardown),
    };
    return cmocka_run_group_tests_name("checkpoint", tests, NULL, NULL);
}
