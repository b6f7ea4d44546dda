/* Parsing the values of shared options: numbers, sizes, compressors, formats, distances, k lists. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "kcb/err.h"

int kcb_arg_long(const struct kcb_cmd *cmd, int key, const char *arg, long lo, long hi,
                 long *out)
{
    char *e;
    errno = 0;
    long v = strtol(arg, &e, 10);
    if (e == arg || *e || errno || v < lo || v > hi)
        return kcb_usage_err(cmd->name, "%s: expected a whole number from %ld to %ld, got '%s'",
                             kcb_opt_name(cmd, key), lo, hi, arg);
    *out = v;
    return KCB_EXIT_OK;
}

int kcb_arg_seconds(const struct kcb_cmd *cmd, int key, const char *arg, double *out)
{
    char *e;
    errno = 0;
    double v = strtod(arg, &e);
    if (e == arg || *e || errno || !(v >= 0) || v > 3600)
        return kcb_usage_err(cmd->name, "%s %s: expected seconds from 0 to 3600",
                             kcb_opt_name(cmd, key), arg);
    *out = v;
    return KCB_EXIT_OK;
}

int kcb_arg_size(const struct kcb_cmd *cmd, int key, const char *arg, size_t *out)
{
    char *e;
    errno = 0;
    unsigned long long v = strtoull(arg, &e, 10), mul = 1;
    if (*e == 'K' || *e == 'k')
        mul = 1024, e++;
    else if (*e == 'M' || *e == 'm')
        mul = 1024 * 1024, e++;
    if (e == arg || *e || errno || v == 0 || v > (1ull << 40) / mul || arg[0] == '-')
        return kcb_usage_err(cmd->name, "%s %s: expected a size such as 65536, 64K or 1M",
                             kcb_opt_name(cmd, key), arg);
    *out = (size_t)(v * mul);
    return KCB_EXIT_OK;
}

int kcb_arg_specs(const struct kcb_cmd *cmd, int key, const char *arg, struct kcb_specs *out)
{
    char why[512];
    kcb_specs_free(out);
    int rc = kcb_specs_parse(arg, out, why, sizeof why);
    if (rc == KCB_EINVAL)
        return kcb_usage_err(cmd->name, "%s %s: %s", kcb_opt_name(cmd, key), arg, why);
    return rc ? kcb_lib_err(cmd->name, rc, NULL) : KCB_EXIT_OK;
}

int kcb_arg_shortlist(const struct kcb_cmd *cmd, int key, const char *arg, long *n,
                      struct kcb_spec *first)
{
    char *end, list[160];
    long v = strtol(arg, &end, 10);
    if (end == arg || v < 1 || v > 1024 || (*end && *end != ','))
        return kcb_usage_err(cmd->name, "%s %s: expected N (1 to 1024) or N,CODEC",
                             kcb_opt_name(cmd, key), arg);
    int rc = kcb_arg_spec(cmd, key, *end ? end + 1 : "zstd:3", first);
    if (rc)
        return rc;
    if (!kcb_codec_primable(first->codec))
        return kcb_usage_err(cmd->name, "%s: %s cannot compress with a dictionary (these can: "
                             "%s)", kcb_opt_name(cmd, key), first->codec->name,
                             kcb_codecs_primable(list, sizeof list));
    *n = v;
    return KCB_EXIT_OK;
}

int kcb_arg_bits(const struct kcb_cmd *cmd, struct kcb_specs *s)
{
    char name[64];
    for (size_t i = 0; i < s->n; i++)
        if (!kcb_spec_bits_ok(&s->v[i]))
            return kcb_usage_err(cmd->name, "--bits: %s has no ideal code length (only codecs "
                                 "with a model of their own have one: cm)",
                                 kcb_spec_str(&s->v[i], name, sizeof name));
    for (size_t i = 0; i < s->n; i++)
        s->v[i].bits = 1;
    return KCB_EXIT_OK;
}

int kcb_arg_spec(const struct kcb_cmd *cmd, int key, const char *arg, struct kcb_spec *out)
{
    struct kcb_specs s = {0};
    int rc = kcb_arg_specs(cmd, key, arg, &s);
    if (!rc && s.n != 1)
        rc = kcb_usage_err(cmd->name, "%s %s: %s takes one compressor", kcb_opt_name(cmd, key),
                           arg, cmd->name);
    if (!rc)
        *out = s.v[0];
    kcb_specs_free(&s);
    return rc;
}

int kcb_arg_format(const struct kcb_cmd *cmd, int key, const char *arg, unsigned allowed,
                   enum kcb_format *out)
{
    enum kcb_format f;
    if (kcb_format_parse(arg, &f) == 0 && (allowed & (1u << f))) {
        *out = f;
        return KCB_EXIT_OK;
    }
    char list[128] = "";
    for (unsigned i = 0; i < KCB_NFORMATS; i++)
        if (allowed & (1u << i))
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", *list ? ", " : "",
                     kcb_format_name((enum kcb_format)i));
    return kcb_usage_err(cmd->name, "%s: unknown format '%s' (%s)", kcb_opt_name(cmd, key), arg,
                         list);
}

int kcb_arg_informat(const struct kcb_cmd *cmd, int key, const char *arg,
                     enum kcb_informat *out)
{
    if (kcb_informat_parse(arg, out))
        return kcb_usage_err(cmd->name, "%s: unknown input format '%s' (tsv, csv, fasttext, dir)",
                             kcb_opt_name(cmd, key), arg);
    return KCB_EXIT_OK;
}

int kcb_arg_dist(const struct kcb_cmd *cmd, int key, const char *arg, enum kcb_dist *out)
{
    if (kcb_dist_parse(arg, out))
        return kcb_usage_err(cmd->name, "%s: unknown distance '%s' (ncd, cdm, clm)",
                             kcb_opt_name(cmd, key), arg);
    return KCB_EXIT_OK;
}

/* Inserts k into the ascending list ks[0..*nk) unless present: 0, or -1 when full. */
static int insert_k(size_t k, size_t *ks, size_t max, size_t *nk)
{
    size_t at = 0;
    while (at < *nk && ks[at] < k)
        at++;
    if (at < *nk && ks[at] == k)
        return 0;
    if (*nk == max)
        return -1;
    memmove(ks + at + 1, ks + at, (*nk - at) * sizeof *ks);
    ks[at] = k;
    (*nk)++;
    return 0;
}

int kcb_arg_klist(const struct kcb_cmd *cmd, int key, const char *arg, size_t *ks, size_t max,
                  size_t *nk)
{
    const char *p = arg;
    *nk = 0;
    for (;;) {
        char *e;
        errno = 0;
        long k = strtol(p, &e, 10);
        if (e == p || errno || k < 1 || k > 1024 || (*e && *e != ','))
            return kcb_usage_err(cmd->name, "%s %s: expected a list of whole numbers from 1 to "
                                 "1024", kcb_opt_name(cmd, key), arg);
        if (insert_k((size_t)k, ks, max, nk))
            return kcb_usage_err(cmd->name, "%s %s: at most %zu values", kcb_opt_name(cmd, key),
                                 arg, max);
        if (!*e)
            return KCB_EXIT_OK;
        p = e + 1;
    }
}

int kcb_arg_extra(const struct kcb_cmd *cmd, const char *operand)
{
    return kcb_usage_err(cmd->name, "unexpected argument '%s'", operand);
}

int kcb_arg_common(const struct kcb_cmd *cmd, int key, const char *arg, unsigned allowed,
                   struct kcb_common *c)
{
    switch (key) {
    case 'c': return kcb_arg_specs(cmd, key, arg, &c->specs);
    case 'f': return kcb_arg_format(cmd, key, arg, allowed, &c->format);
    case 'o': c->output = arg; return KCB_EXIT_OK;
    case 'j': return kcb_arg_long(cmd, key, arg, 1, 1024, &c->threads);
    }
    return KCB_ARG_OTHER;
}

int kcb_common_default(const struct kcb_cmd *cmd, struct kcb_common *c, const char *codecs)
{
    return c->specs.n ? KCB_EXIT_OK : kcb_arg_specs(cmd, 'c', codecs, &c->specs);
}

void kcb_common_free(struct kcb_common *c)
{
    kcb_specs_free(&c->specs);
}
