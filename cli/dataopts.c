/* The options of labelled input that several commands share: --input-format, --columns and more. */
#include "dataopts.h"

#include "args.h"
#include "kcb/err.h"

int kcb_dataopts_has(int key)
{
    return key >= KCB_OPT_DATA && key < KCB_OPT_DATA_END;
}

int kcb_dataopts_apply(const struct kcb_cmd *cmd, struct kcb_dataopts *o, int key,
                       const char *arg)
{
    char why[256];
    switch (key) {
    case KCB_OPT_INFORMAT: return kcb_arg_informat(cmd, key, arg, &o->load.format);
    case KCB_OPT_SKIP_BAD: o->load.skip_bad = 1; return KCB_EXIT_OK;
    case KCB_OPT_ALLOW_UNIQUE: o->load.allow_unique_labels = 1; return KCB_EXIT_OK;
    case KCB_OPT_HEADER:
        if (kcb_header_parse(arg, &o->load.header))
            return kcb_usage_err(cmd->name, "%s %s: expected auto, yes or no",
                                 kcb_opt_name(cmd, key), arg);
        return KCB_EXIT_OK;
    case KCB_OPT_COLUMNS:
        if (kcb_columns_parse(arg, &o->load.columns, why, sizeof why))
            return kcb_usage_err(cmd->name, "%s %s: %s", kcb_opt_name(cmd, key), arg, why);
        return KCB_EXIT_OK;
    }
    return KCB_EXIT_USAGE;
}
