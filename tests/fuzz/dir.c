/* libFuzzer target: the directory loader (one folder per label), on a tree the input describes. */
#include "fuzz_data.h"

static const char *const label_names[4] = {"a", "b", "c d", ".h"};
static const char *const file_names[4] = {"1", "2", "10", ".x"};

/* Makes a folder; one that cannot be made (a file or a link is there) is left out. */
static void make_dir(const char *path)
{
    mkdir(path, 0755);
}

static void write_at(const char *path, const uint8_t *p, size_t n, int append)
{
    FILE *fp = fopen(path, append ? "ab" : "wb");
    if (!fp)
        return; /* a directory or a link to one is there already */
    if (n)
        fwrite(p, 1, n, fp);
    fclose(fp);
}

/*
 * One record: header h, then content p[0..n). h bits 0-1 choose the label folder, 2-3 the
 * file name, 4-5 what is made: 0 a file in the label folder, 1 a file at the top, 2 a file in
 * a folder "sub" inside the label folder, 3 a symbolic link in the label folder to another
 * file (content byte 0 bit 4 set) or label folder (clear) named by content byte 0; bit 6
 * appends to a file already there; bit 7 makes only the label folder.
 */
static void make_entry(const char *top, uint8_t h, const uint8_t *p, size_t n)
{
    char dir[256], path[512], target[64];
    snprintf(dir, sizeof dir, "%s/%s", top, label_names[h & 3]);
    make_dir(dir);
    if (h & 0x80)
        return;
    const char *name = file_names[(h >> 2) & 3];
    switch ((h >> 4) & 3) {
    case 0:
        snprintf(path, sizeof path, "%s/%s", dir, name);
        break;
    case 1:
        snprintf(path, sizeof path, "%s/%s", top, name);
        break;
    case 2:
        snprintf(path, sizeof path, "%s/sub", dir);
        make_dir(path);
        snprintf(path, sizeof path, "%s/sub/%s", dir, name);
        break;
    default: {
        uint8_t c = n ? p[0] : 0;
        if (c & 0x10)
            snprintf(target, sizeof target, "../%s/%s", label_names[c & 3],
                     file_names[(c >> 2) & 3]);
        else
            snprintf(target, sizeof target, "../%s", label_names[c & 3]);
        snprintf(path, sizeof path, "%s/%s", dir, name);
        symlink(target, path); /* may fail: a name taken, or a file where the folder would be */
        return;
    }
    }
    write_at(path, p, n, (h >> 6) & 1);
}

/* Input: byte 0 the load options (fuzz_load_opts; columns and a header row are refused for a
 * directory), then records of a header byte, a length byte L and L bytes of content. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    struct kcb_load_opts o;
    fuzz_load_opts(data[0], KCB_IN_DIR, &o);
    fuzz_dir_clean();
    char top[128];
    snprintf(top, sizeof top, "%s/data", fuzz_dir());
    make_dir(top);
    size_t at = 1;
    for (int k = 0; k < 16 && size - at >= 2; k++) {
        uint8_t h = data[at];
        size_t n = data[at + 1];
        at += 2;
        if (n > size - at)
            n = size - at;
        make_entry(top, h, data + at, n);
        at += n;
    }
    fuzz_dataset_load(top, &o);
    return 0;
}
