/* Helpers the libFuzzer targets share: a per-process scratch directory, files in it, checks. */
#ifndef KCB_FUZZ_H
#define KCB_FUZZ_H

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops the run with a message: libFuzzer then saves the input as a crash. */
#define FUZZ_CHECK(cond)                                                                    \
    do {                                                                                    \
        if (!(cond)) {                                                                      \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);        \
            abort();                                                                        \
        }                                                                                   \
    } while (0)

static char fuzz_dir_path[64];

/* Removes what dir holds, folders and all, without following links. */
static void fuzz_rm_in(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[512];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            fuzz_rm_in(path);
            rmdir(path);
        } else {
            unlink(path);
        }
    }
    if (d)
        closedir(d);
}

/* Empties the scratch directory (it stays). */
static inline void fuzz_dir_clean(void)
{
    if (fuzz_dir_path[0])
        fuzz_rm_in(fuzz_dir_path);
}

static void fuzz_dir_remove(void)
{
    fuzz_dir_clean();
    rmdir(fuzz_dir_path);
}

/* The scratch directory of this process, made once under $TMPDIR, else /dev/shm (memory: no
 * disk writes for each input), else /tmp; removed at exit. */
static inline const char *fuzz_dir(void)
{
    if (!fuzz_dir_path[0]) {
        const char *tmp = getenv("TMPDIR");
        if (!tmp || !*tmp || strlen(tmp) >= 40)
            tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        snprintf(fuzz_dir_path, sizeof fuzz_dir_path, "%s/kcb-fuzz.XXXXXX", tmp);
        if (!mkdtemp(fuzz_dir_path)) {
            perror("fuzz: mkdtemp");
            abort();
        }
        atexit(fuzz_dir_remove);
    }
    return fuzz_dir_path;
}

/* Writes data[0..n) to the file name in the scratch directory; returns its path (static). */
static inline const char *fuzz_file(const char *name, const void *data, size_t n)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
    unlink(path); /* a new file, not one truncated: ext4 flushes those to disk */
    FILE *fp = fopen(path, "wb");
    if (!fp || (n && fwrite(data, 1, n, fp) != n) || fclose(fp)) {
        perror("fuzz: writing the input file");
        abort();
    }
    return path;
}

/* A copy of data[0..n) in a buffer of exactly n bytes (so that ASan sees any overread);
 * with nul, one more byte holding a NUL. Caller frees. */
static inline char *fuzz_copy(const uint8_t *data, size_t n, int nul)
{
    char *p = malloc(n + (nul ? 1 : 0) + (n == 0 && !nul));
    if (!p)
        abort();
    if (n)
        memcpy(p, data, n);
    if (nul)
        p[n] = '\0';
    return p;
}

#endif
