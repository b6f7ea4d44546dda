/* Parsing of codec specs, "gzip:9,zstd:1,3,19,xz:all" or lzbench's "zstd,1,3/xz", into lists. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcb/comp.h"
#include "kcb/err.h"

static int push(struct kcb_specs *s, const struct kcb_codec *c, int level)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].codec == c && s->v[i].level == level)
            return KCB_OK;
    struct kcb_spec *v = realloc(s->v, (s->n + 1) * sizeof *v);
    if (!v)
        return KCB_ENOMEM;
    s->v = v;
    s->v[s->n++] = (struct kcb_spec){c, level, 0};
    return KCB_OK;
}

/* Parses a whole-token integer (digits, after at most a '-': no blank, no '+'); returns 0
 * and sets *v, or -1. */
static int parse_int(const char *t, const char **end, int *v)
{
    char *e;
    if (!isdigit((unsigned char)t[t[0] == '-']))
        return -1;
    errno = 0;
    long x = strtol(t, &e, 10);
    if (e == t || errno || x < -1000000 || x > 1000000)
        return -1;
    *v = (int)x;
    *end = e;
    return 0;
}

/* Adds the levels named by t ("6", "1-9", "all") of codec c. */
static int push_levels(struct kcb_specs *s, const struct kcb_codec *c, const char *t, char *why,
                       size_t len)
{
    int lo, hi;
    const char *e;
    if (strcmp(t, "all") == 0) {
        lo = c->level_min;
        hi = c->level_max;
    } else if (parse_int(t, &e, &lo) == 0 && *e == '\0') {
        hi = lo;
    } else if (parse_int(t, &e, &lo) == 0 && *e == '-' && parse_int(e + 1, &e, &hi) == 0 &&
               *e == '\0' && lo <= hi) {
    } else {
        return kcb_why(why, len, KCB_EINVAL, "bad level '%s' for %s (a number, a range A-B, or 'all')", t,
                   c->name);
    }
    if (lo < c->level_min || hi > c->level_max)
        return kcb_why(why, len, KCB_EINVAL, "level %s out of range for %s (%d..%d)", t, c->name, c->level_min,
                   c->level_max);
    for (int l = lo; l <= hi; l++)
        if (push(s, c, l))
            return KCB_ENOMEM;
    return KCB_OK;
}

/* Adds every codec of this build at its default level, or with every_level at each level. */
static int push_all_codecs(struct kcb_specs *s, int every_level)
{
    size_t n;
    const struct kcb_codec *const *all = kcb_codecs(&n);
    for (size_t i = 0; i < n; i++) {
        int lo = every_level ? all[i]->level_min : all[i]->level_default;
        int hi = every_level ? all[i]->level_max : all[i]->level_default;
        for (int l = lo; l <= hi; l++)
            if (push(s, all[i], l))
                return KCB_ENOMEM;
    }
    return KCB_OK;
}

static int unknown(const char *name, char *why, size_t len)
{
    char known[256] = "";
    size_t n;
    const struct kcb_codec *const *all = kcb_codecs(&n);
    for (size_t i = 0; i < n; i++) {
        strncat(known, all[i]->name, sizeof known - strlen(known) - 1);
        if (i + 1 < n)
            strncat(known, ", ", sizeof known - strlen(known) - 1);
    }
    return kcb_why(why, len, KCB_EINVAL, "unknown compressor '%s' (this build has: %s)", name, known);
}

static int parse_token(struct kcb_specs *s, char *tok, const struct kcb_codec **cur, char *why,
                       size_t len)
{
    if (*tok == '\0')
        return kcb_why(why, len, KCB_EINVAL, "empty entry in compressor list");
    if (strcmp(tok, "all") == 0) {
        *cur = NULL;
        return push_all_codecs(s, 0);
    }
    char *colon = strchr(tok, ':');
    if (colon)
        *colon = '\0';
    const struct kcb_codec *c = kcb_codec_find(tok);
    int levelish = strcmp(tok, "all") == 0 || (*tok >= '0' && *tok <= '9') || *tok == '-';
    if (!c && !colon && *cur && levelish) /* a bare level continues the previous codec */
        return push_levels(s, *cur, tok, why, len);
    if (!c)
        return unknown(tok, why, len);
    *cur = c;
    if (!colon)
        return push(s, c, c->level_default);
    return push_levels(s, c, colon + 1, why, len);
}

int kcb_specs_parse(const char *text, struct kcb_specs *out, char *why, size_t whylen)
{
    *out = (struct kcb_specs){0};
    char *copy = strdup(text ? text : "");
    if (!copy)
        return KCB_ENOMEM;
    const struct kcb_codec *cur = NULL;
    int rc = KCB_OK;
    char *p = copy;
    for (;;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        rc = parse_token(out, p, &cur, why, whylen);
        if (rc || !comma)
            break;
        p = comma + 1;
    }
    free(copy);
    if (rc)
        kcb_specs_free(out);
    return rc;
}

/* One '/'-separated group of lzbench's syntax: NAME[,LEVEL...], "all" or "memcpy". */
static int parse_group(struct kcb_specs *s, char *group, char *why, size_t len)
{
    char *comma = strchr(group, ',');
    if (comma)
        *comma = '\0';
    if (*group == '\0')
        return kcb_why(why, len, KCB_EINVAL, "empty entry in compressor list");
    if (strcmp(group, "all") == 0 || strcmp(group, "memcpy") == 0) {
        if (comma)
            return kcb_why(why, len, KCB_EINVAL, "'%s' takes no levels", group);
        return strcmp(group, "all") == 0 ? push_all_codecs(s, 1) : KCB_OK;
    }
    const struct kcb_codec *c = kcb_codec_find(group);
    if (!c && strchr(group, ':'))
        return kcb_why(why, len, KCB_EINVAL, "unknown compressor '%s' (in this syntax levels follow commas: "
                   "zstd,1,3)", group);
    if (!c)
        return unknown(group, why, len);
    if (!comma) /* a name alone: every level, as lzbench -ezstd */
        return push_levels(s, c, "all", why, len);
    for (char *p = comma + 1;;) {
        char *next = strchr(p, ',');
        if (next)
            *next = '\0';
        if (*p == '\0')
            return kcb_why(why, len, KCB_EINVAL, "empty level in '%s' entry", c->name);
        int rc = push_levels(s, c, p, why, len);
        if (rc || !next)
            return rc;
        p = next + 1;
    }
}

int kcb_specs_parse_lzbench(const char *text, struct kcb_specs *out, char *why, size_t whylen)
{
    *out = (struct kcb_specs){0};
    char *copy = strdup(text ? text : "");
    if (!copy)
        return KCB_ENOMEM;
    int rc = KCB_OK;
    for (char *p = copy;;) {
        char *slash = strchr(p, '/');
        if (slash)
            *slash = '\0';
        rc = parse_group(out, p, why, whylen);
        if (rc || !slash)
            break;
        p = slash + 1;
    }
    free(copy);
    if (rc)
        kcb_specs_free(out);
    return rc;
}

void kcb_specs_free(struct kcb_specs *s)
{
    free(s->v);
    s->v = NULL;
    s->n = 0;
}

int kcb_spec_bits_ok(const struct kcb_spec *s)
{
    return s->codec && s->codec->ideal_bits != NULL;
}

char *kcb_spec_str(const struct kcb_spec *s, char *buf, size_t len)
{
    snprintf(buf, len, "%s:%d%s", s->codec->name, s->level, s->bits ? ":bits" : "");
    return buf;
}
