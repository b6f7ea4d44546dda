/* Part files as JSON: a header line, the training rows named, one line per test item; read back checked. */
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/err.h"
#include "kcb/shard.h"

#define PART_FORMAT "kcbench eval part"
#define PART_VERSION 1
#define DUMP_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER) /* reals: 17 digits, jansson's default */

/* ---- writing ---- */

/* A growing string. */
struct sbuf {
    char *p;
    size_t n, cap;
    int err;
};

static void put(struct sbuf *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (!s && !b->err)
        b->err = KCB_ENOMEM;
    if (b->err)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->err = KCB_ENOMEM;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n + 1);
    b->n += n;
}

/* Appends json's compact text and drops json; a NULL json is an error. */
static void put_json(struct sbuf *b, json_t *json)
{
    char *s = json ? json_dumps(json, DUMP_FLAGS) : NULL;
    put(b, s);
    free(s);
    json_decref(json);
}

/* A JSON array of n strings, or NULL: *rc is then KCB_EINVAL (with why) when one is not
 * UTF-8, else KCB_ENOMEM. */
static json_t *strings(char *const *v, size_t n, const char *what, int *rc, char *why,
                       size_t len)
{
    json_t *a = json_array();
    *rc = a ? KCB_OK : KCB_ENOMEM;
    for (size_t i = 0; a && i < n; i++) {
        json_t *s = json_string(v[i]);
        if (!s) {
            *rc = kcb_why(why, len, KCB_EINVAL, "%s '%s' is not UTF-8", what, v[i]);
            json_decref(a);
            return NULL;
        }
        json_array_append_new(a, s);
    }
    return a;
}

static json_t *header(const struct kcb_part *p, int *rc, char *why, size_t len)
{
    json_t *cmd = strings(p->argv, p->argc, "the argument", rc, why, len);
    json_t *labels = cmd ? strings(p->labels, p->nlabels, "the label", rc, why, len) : NULL;
    if (!cmd || !labels) {
        json_decref(cmd);
        return NULL;
    }
    return json_pack("{s:s,s:i,s:s,s:I,s:I,s:o,s:s,s:s,s:I,s:I,s:I,s:I,s:o}", "format",
                     PART_FORMAT, "version", PART_VERSION, "fingerprint", p->fingerprint,
                     "shard", (json_int_t)p->shard.i, "shards", (json_int_t)p->shard.n,
                     "command", cmd, "train_sha256", p->train_digest, "test_sha256",
                     p->test_digest, "n_train", (json_int_t)p->ntrain, "n_test",
                     (json_int_t)p->ntest, "compressors", (json_int_t)p->nspecs, "k",
                     (json_int_t)p->k, "labels", labels);
}

/* The neighbours of item i under compressor s: [[row, d], ...]; NULL for a non-finite d. */
static json_t *neighbours(const struct kcb_part *p, size_t s, size_t i)
{
    const struct kcb_nb *nb = p->nb + (s * p->ntest + i) * p->k;
    json_t *a = json_array();
    for (size_t j = 0; a && j < p->k && nb[j].idx != UINT32_MAX; j++) {
        if (!isfinite(nb[j].d)) {
            json_decref(a);
            return NULL;
        }
        json_array_append_new(a, json_pack("[I,f]", (json_int_t)nb[j].idx, nb[j].d));
    }
    return a;
}

static json_t *item(const struct kcb_part *p, size_t i)
{
    json_t *all = json_array();
    for (size_t s = 0; all && s < p->nspecs; s++) {
        json_t *nb = neighbours(p, s, i);
        if (!nb) {
            json_decref(all);
            return NULL;
        }
        json_array_append_new(all, nb);
    }
    return all ? json_pack("{s:I,s:I,s:i,s:o}", "test", (json_int_t)i, "line",
                           (json_int_t)p->test_line[i], "truth", p->test_label[i], "neighbours",
                           all)
               : NULL;
}

/* The training rows that the held items' neighbours name: [[row, line, label], ...]. */
static json_t *train_rows(const struct kcb_part *p)
{
    unsigned char *used = calloc(p->ntrain ? p->ntrain : 1, 1);
    json_t *a = used ? json_array() : NULL;
    for (size_t s = 0; a && s < p->nspecs; s++)
        for (size_t i = 0; i < p->ntest; i++)
            for (size_t j = 0; p->have[i] && j < p->k; j++) {
                uint32_t idx = p->nb[(s * p->ntest + i) * p->k + j].idx;
                if (idx != UINT32_MAX)
                    used[idx] = 1;
            }
    for (size_t r = 0; a && r < p->ntrain; r++)
        if (used[r])
            json_array_append_new(a, json_pack("[I,I,i]", (json_int_t)r,
                                               (json_int_t)p->train_line[r], p->train_label[r]));
    free(used);
    return a;
}

int kcb_part_dumps(const struct kcb_part *p, char **text, char *why, size_t len)
{
    struct sbuf b = {0};
    int rc;
    json_t *h = header(p, &rc, why, len);
    *text = NULL;
    if (!h)
        return rc ? rc : KCB_ENOMEM;
    char *head = json_dumps(h, DUMP_FLAGS);
    json_decref(h);
    if (head)
        head[strlen(head) - 1] = '\0'; /* the object goes on with the rows and items */
    put(&b, head);
    free(head);
    put(&b, ",\n\"train\":");
    put_json(&b, train_rows(p));
    put(&b, ",\n\"items\":[");
    for (size_t i = 0, first = 1; !b.err && i < p->ntest; i++) {
        if (!p->have[i])
            continue;
        json_t *it = item(p, i);
        if (!it)
            b.err = kcb_why(why, len, KCB_EINVAL, "test item %zu: a distance is not finite", i);
        put(&b, first ? "\n" : ",\n");
        put_json(&b, it);
        first = 0;
    }
    put(&b, "\n]}\n");
    if (b.err) {
        free(b.p);
        b.p = NULL;
    }
    *text = b.p;
    return b.err;
}

/* ---- reading ---- */

/* Whether s is 64 lower-case hex digits; copies it to out then. */
static int hex_digest(const char *s, char out[KCB_SHA256_HEX])
{
    if (strlen(s) != KCB_SHA256_HEX - 1 || strspn(s, "0123456789abcdef") != KCB_SHA256_HEX - 1)
        return 0;
    memcpy(out, s, KCB_SHA256_HEX);
    return 1;
}

/* Reads an array of strings into a new string array *out of *n: 0, KCB_EFORMAT (not an array
 * of strings) or KCB_ENOMEM. */
static int read_strings(json_t *a, char ***out, size_t *n)
{
    if (!json_is_array(a))
        return KCB_EFORMAT;
    size_t m = json_array_size(a);
    char **v = calloc(m ? m : 1, sizeof *v);
    int rc = v ? KCB_OK : KCB_ENOMEM;
    for (size_t i = 0; !rc && i < m; i++) {
        const char *s = json_string_value(json_array_get(a, i));
        rc = !s ? KCB_EFORMAT : !(v[i] = strdup(s)) ? KCB_ENOMEM : KCB_OK;
    }
    if (rc) {
        for (size_t i = 0; v && i < m; i++)
            free(v[i]);
        free(v);
        return rc;
    }
    *out = v;
    *n = m;
    return KCB_OK;
}

/* The header's sizes and shard, checked, then the part's arrays allocated. */
static int read_header(json_t *root, struct kcb_part *p, char *why, size_t len)
{
    const char *format = NULL, *fp, *trd, *ted;
    int version = 0;
    json_int_t si, sn, ntr, nte, nsp, k;
    json_t *cmd, *labels;
    json_error_t e;
    if (json_unpack_ex(root, &e, 0, "{s:s,s:i}", "format", &format, "version", &version) ||
        strcmp(format, PART_FORMAT))
        return kcb_why(why, len, KCB_EFORMAT, "not a kcbench part file (no \"format\": \"%s\")",
                       PART_FORMAT);
    if (version != PART_VERSION)
        return kcb_why(why, len, KCB_EFORMAT, "part file version %d; this kcbench reads "
                       "version %d", version, PART_VERSION);
    if (json_unpack_ex(root, &e, 0, "{s:s,s:I,s:I,s:o,s:s,s:s,s:I,s:I,s:I,s:I,s:o}",
                       "fingerprint", &fp, "shard", &si, "shards", &sn, "command", &cmd,
                       "train_sha256", &trd, "test_sha256", &ted, "n_train", &ntr, "n_test",
                       &nte, "compressors", &nsp, "k", &k, "labels", &labels))
        return kcb_why(why, len, KCB_EFORMAT, "malformed header: %s", e.text);
    if (!hex_digest(fp, p->fingerprint) || !hex_digest(trd, p->train_digest) ||
        !hex_digest(ted, p->test_digest))
        return kcb_why(why, len, KCB_EFORMAT, "a fingerprint or digest is not 64 hex digits");
    if (sn < 1 || sn > KCB_SHARD_MAX || si < 1 || si > sn || ntr < 1 || nte < 0 ||
        nsp < 1 || nsp > 4096 || k < 1 || k > KCB_KNN_MAXK || ntr >= UINT32_MAX)
        return kcb_why(why, len, KCB_EFORMAT, "a shard or size out of range");
    struct kcb_shard sh = {(size_t)si, (size_t)sn};
    if (json_array_size(json_object_get(root, "items")) != kcb_shard_count(sh, (size_t)nte))
        return kcb_why(why, len, KCB_EFORMAT, "shard %zu/%zu of %zu test items holds %zu "
                       "items, not %zu", sh.i, sh.n, (size_t)nte,
                       json_array_size(json_object_get(root, "items")),
                       kcb_shard_count(sh, (size_t)nte));
    int rc = kcb_part_init(p, (size_t)ntr, (size_t)nte, (size_t)nsp, (size_t)k);
    p->shard = sh;
    if (!rc && (rc = read_strings(cmd, &p->argv, &p->argc)) == KCB_OK && !p->argc)
        rc = KCB_EFORMAT;
    if (!rc)
        rc = read_strings(labels, &p->labels, &p->nlabels);
    return rc == KCB_EFORMAT ? kcb_why(why, len, rc, "\"command\" and \"labels\" must be "
                                       "arrays of strings") : rc;
}

/* The training rows: [[row, line, label], ...]. */
static int read_train(json_t *rows, struct kcb_part *p, char *why, size_t len)
{
    size_t r;
    json_t *row;
    if (!json_is_array(rows))
        return kcb_why(why, len, KCB_EFORMAT, "no \"train\" array");
    json_array_foreach(rows, r, row) {
        json_int_t idx, line;
        int label;
        if (json_unpack(row, "[I,I,i]", &idx, &line, &label) || idx < 0 ||
            (size_t)idx >= p->ntrain || line < 0 || label < 0 || (size_t)label >= p->nlabels)
            return kcb_why(why, len, KCB_EFORMAT, "training row %zu of \"train\": not [row, "
                           "line, label] within the sizes of the header", r + 1);
        p->train_label[idx] = label;
        p->train_line[idx] = (long)line;
    }
    return KCB_OK;
}

/* The neighbours of item i under compressor s: min(k, n_train) pairs [row, distance], each
 * row one of "train". */
static int read_neighbours(json_t *a, struct kcb_part *p, size_t s, size_t i)
{
    struct kcb_nb *nb = p->nb + (s * p->ntest + i) * p->k;
    size_t want = p->k < p->ntrain ? p->k : p->ntrain, j;
    json_t *pair;
    if (!json_is_array(a) || json_array_size(a) != want)
        return KCB_EFORMAT;
    json_array_foreach(a, j, pair) {
        json_int_t idx;
        double d;
        if (json_unpack(pair, "[I,F]", &idx, &d) || idx < 0 || (size_t)idx >= p->ntrain ||
            p->train_label[idx] < 0)
            return KCB_EFORMAT;
        nb[j] = (struct kcb_nb){d, (uint32_t)idx};
    }
    return KCB_OK;
}

/* One item: {"test", "line", "truth", "neighbours": [per compressor]}. */
static int read_item(json_t *it, struct kcb_part *p)
{
    json_int_t i, line;
    int truth;
    json_t *all;
    if (json_unpack(it, "{s:I,s:I,s:i,s:o}", "test", &i, "line", &line, "truth", &truth,
                    "neighbours", &all) || i < 0 || (size_t)i >= p->ntest ||
        !kcb_shard_has(p->shard, (size_t)i) || p->have[i] || line < 0 || truth < 0 ||
        (size_t)truth >= p->nlabels || json_array_size(all) != p->nspecs)
        return KCB_EFORMAT;
    for (size_t s = 0; s < p->nspecs; s++)
        if (read_neighbours(json_array_get(all, s), p, s, (size_t)i))
            return KCB_EFORMAT;
    p->have[i] = 1;
    p->test_label[i] = truth;
    p->test_line[i] = (long)line;
    return KCB_OK;
}

int kcb_part_loads(const char *text, size_t n, struct kcb_part *out, char *why, size_t len)
{
    json_error_t e;
    json_t *root = json_loadb(text, n, 0, &e), *item;
    size_t i;
    int rc = root ? KCB_OK
                  : kcb_why(why, len, KCB_EFORMAT, "malformed JSON: line %d: %s", e.line, e.text);
    if (!rc && !json_is_object(root))
        rc = kcb_why(why, len, KCB_EFORMAT, "not a kcbench part file (not a JSON object)");
    if (!rc)
        rc = read_header(root, out, why, len);
    if (!rc)
        rc = read_train(json_object_get(root, "train"), out, why, len);
    json_array_foreach(rc ? NULL : json_object_get(root, "items"), i, item) {
        if (read_item(item, out)) {
            rc = kcb_why(why, len, KCB_EFORMAT, "item %zu of \"items\": not an item of shard "
                         "%zu/%zu with %zu compressors of at most %zu neighbours each, rows "
                         "named in \"train\"", i + 1, out->shard.i, out->shard.n,
                         out->nspecs, out->k);
            break;
        }
    }
    json_decref(root);
    if (rc)
        kcb_part_free(out);
    return rc;
}
