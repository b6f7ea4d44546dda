/* eval's methods: --method and --parts checked, and the neighbours of each method (exact, per-class, conditional) found by lib/learn. */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "cli.h"
#include "eval.h"
#include "kcb/err.h"
#include "kcb/primed.h"

int kcb_eval_method_opt(const struct kcb_cmd *cmd, int key, const char *arg,
                        struct kcb_eval_opts *o, int which)
{
    if (which == 2)
        return kcb_arg_shortlist(cmd, key, arg, &o->shortlist, &o->first);
    if (which == 1) {
        o->parts_given = 1;
        return kcb_arg_long(cmd, key, arg, 1, KCB_PARTS_MAX, &o->parts);
    }
    if (kcb_method_parse(arg, &o->method))
        return kcb_usage_err(cmd->name, "%s %s: unknown method (exact, per-class, conditional)",
                             kcb_opt_name(cmd, key), arg);
    return KCB_EXIT_OK;
}

/* The first compressor of o that cannot prime, or NULL. */
static const struct kcb_spec *unprimable(const struct kcb_eval_opts *o)
{
    for (size_t i = 0; i < o->specs.n; i++)
        if (!kcb_codec_primable(o->specs.v[i].codec))
            return &o->specs.v[i];
    return NULL;
}

int kcb_eval_method_settle(const struct kcb_cmd *cmd, struct kcb_eval_opts *o)
{
    const char *m = kcb_method_name(o->method);
    if (!o->parts)
        o->parts = 1;
    if (o->parts_given && o->method != KCB_METHOD_PER_CLASS)
        return kcb_usage_err(cmd->name, "--parts goes with --method per-class");
    if (o->shortlist && o->method != KCB_METHOD_PER_CLASS)
        return kcb_usage_err(cmd->name, "--shortlist goes with --method per-class");
    if (o->method == KCB_METHOD_EXACT)
        return KCB_EXIT_OK;
    const struct kcb_spec *bad = unprimable(o);
    char list[160];
    if (bad)
        return kcb_usage_err(cmd->name, "--method %s: %s cannot compress with a dictionary "
                             "(these can: %s)", m, bad->codec->name,
                             kcb_codecs_primable(list, sizeof list));
    if (o->paper)
        return kcb_usage_err(cmd->name, "--paper is exact kNN; it does not go with --method %s",
                             m);
    if (o->method == KCB_METHOD_CONDITIONAL) {
        if (o->sep_given)
            kcb_warn(cmd->name, "--method conditional: --sep plays no part (the training text "
                     "is the dictionary of the test text)");
        return KCB_EXIT_OK;
    }
    if (o->nk)
        return kcb_usage_err(cmd->name, "-k does not go with --method per-class, which picks "
                             "the class that compresses the text best (its rows say k=1)");
    if (!o->rules[KCB_RULE_VOTE] || !o->rules[KCB_RULE_RANDOM] || !o->rules[KCB_RULE_OPTIMISTIC])
        return kcb_usage_err(cmd->name, "--rules does not go with --method per-class, which "
                             "has no neighbours to vote (its rows say rule per-class)");
    if (o->dist != KCB_DIST_NCD)
        return kcb_usage_err(cmd->name, "--distance does not go with --method per-class, which "
                             "compares compressed sizes");
    o->rules[KCB_RULE_RANDOM] = o->rules[KCB_RULE_OPTIMISTIC] = 0;
    return kcb_arg_klist(cmd, 'k', "1", o->ks, KCB_EVAL_KS, &o->nk);
}

int kcb_eval_search(const struct kcb_eval_opts *o, const struct kcb_knn_job *job,
                    const int *label, size_t nlabels, struct kcb_nb *nb)
{
    struct kcb_method_opts mo = {o->method, (size_t)o->parts, (size_t)o->shortlist, &o->first};
    return kcb_method_search(&mo, job, label, nlabels, nb);
}

const char *kcb_eval_method_str(const struct kcb_eval_opts *o, char *buf, size_t len)
{
    char first[64];
    if (o->shortlist)
        snprintf(buf, len, "%s, shortlist %ld by %s", kcb_method_name(o->method), o->shortlist,
                 kcb_spec_str(&o->first, first, sizeof first));
    else
        snprintf(buf, len, "%s", kcb_method_name(o->method));
    return buf;
}

void kcb_eval_note_timings(const char *cmd, const struct kcb_eval_opts *o, const char *what,
                           const double t[4], size_t ntr, size_t n, int rank, int ranks)
{
    double search = t[3] - t[2];
    char pairs[96] = "", where[48] = "";
    if (o->method != KCB_METHOD_PER_CLASS && ntr)
        snprintf(pairs, sizeof pairs, ", %zu pairs, %.0f pairs/s", n * ntr,
                 search > 0 ? (double)(n * ntr) / search : 0.0);
    if (ranks > 1)
        snprintf(where, sizeof where, " (rank %d of %d)", rank, ranks);
    kcb_note(cmd, "timings: %s%s: C(y) of %zu training texts %.3f s, C(x) of %zu test texts "
             "%.3f s, search %.3f s (%.3f ms per test text%s)", what, where, ntr, t[1] - t[0],
             n, t[2] - t[1], search, n ? 1000.0 * search / (double)n : 0.0, pairs);
}
