/* Unit tests that every option each command's --help and man page show is one it accepts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "kcb_test.h"
#include "man.h"

/* ---- running a command quietly ---- */

/* Runs cmd on argv with standard output sent to /dev/null; returns what run returned. */
static int run_argv(const struct kcb_cmd *cmd, int argc, char **argv)
{
    assert_int_equal(fflush(stdout), 0);
    int saved = dup(STDOUT_FILENO), null = open("/dev/null", O_WRONLY);
    assert_true(saved >= 0 && null >= 0);
    assert_true(dup2(null, STDOUT_FILENO) >= 0);
    close(null);
    int rc = cmd->run(cmd, argc, argv);
    fflush(stdout);
    assert_true(dup2(saved, STDOUT_FILENO) >= 0);
    close(saved);
    return rc;
}

/* Runs cmd quietly on copies of the n arguments of args (args[0] is the command's name), since
 * getopt may permute them. */
static int run_quiet(const struct kcb_cmd *cmd, const char *const *args, int n)
{
    char *argv[8];
    assert_true(n < 8);
    for (int i = 0; i < n; i++)
        assert_non_null(argv[i] = strdup(args[i]));
    argv[n] = NULL;
    int rc = run_argv(cmd, n, argv);
    for (int i = 0; i < n; i++)
        free(argv[i]);
    return rc;
}

/* Runs args and reports (without stopping) when the result is not KCB_DONE; returns 1 then. */
static int expect_done(const struct kcb_cmd *cmd, const char *const *args, int n)
{
    int rc = run_quiet(cmd, args, n);
    if (rc == KCB_DONE)
        return 0;
    char line[512] = "";
    for (int i = 0; i < n; i++)
        snprintf(line + strlen(line), sizeof line - strlen(line), " '%s'", args[i]);
    print_error("kcbench%s: returned %d, not KCB_DONE (%d)\n", line, rc, KCB_DONE);
    return 1;
}

/* ---- the option table ---- */

static size_t count_opts(const struct kcb_cmd *cmd)
{
    size_t n = 0;
    while (cmd->opts && cmd->opts[n].name)
        n++;
    return n;
}

/* Reports one problem of cmd's option o; returns 1. */
static int problem(const struct kcb_cmd *cmd, const struct kcb_opt *o, const char *what)
{
    print_error("kcbench %s --%s: %s\n", cmd->name, o->name, what);
    return 1;
}

/* The problems of option i of cmd alone and against the options before it. */
static int option_problems(const struct kcb_cmd *cmd, size_t i)
{
    const struct kcb_opt *o = &cmd->opts[i];
    int bad = 0;
    if (!o->help || !*o->name || strchr(o->name, '='))
        bad += problem(cmd, o, "needs a name without '=' and a help text");
    if (o->arg && !o->example)
        bad += problem(cmd, o, "takes an argument but has no example");
    if (o->key < KCB_OPT_LONG && (o->key <= 0 || o->key == 'h' || !isalnum(o->key)))
        bad += problem(cmd, o, "its short key must be a letter or digit other than 'h'");
    for (size_t j = 0; j < i; j++) {
        if (strcmp(cmd->opts[j].name, o->name) == 0)
            bad += problem(cmd, o, "the name is used twice");
        if (cmd->opts[j].key == o->key)
            bad += problem(cmd, o, "the key (short letter or KCB_OPT_LONG + n) is used twice");
    }
    return bad;
}

/* Names unique, keys unique, short letters never 'h', an example for every argument. */
static void test_option_table(void **state)
{
    const struct kcb_cmd *cmd = *state;
    size_t n = count_opts(cmd);
    int bad = 0;
    assert_true(n <= 64); /* kcb_opt_parse's limit */
    for (size_t i = 0; i < n; i++)
        bad += option_problems(cmd, i);
    assert_int_equal(bad, 0);
}

/* ---- every option accepted ---- */

/* Runs "CMD OPT [ARG] --help", which must return KCB_DONE; returns 1 if not. */
static int spelling(const struct kcb_cmd *cmd, const char *opt, const char *arg)
{
    const char *args[] = {cmd->name, opt, arg ? arg : "--help", "--help"};
    return expect_done(cmd, args, arg ? 4 : 3);
}

/* Checks one option in every spelling: "--NAME [EXAMPLE]", "--NAME=EXAMPLE" and "-X
 * [EXAMPLE]". Returns the number of spellings refused. */
static int check_option(const struct kcb_cmd *cmd, const struct kcb_opt *o)
{
    char lng[128], eq[256], shrt[3] = {'-', (char)o->key, '\0'};
    const char *ex = o->arg ? (o->example ? o->example : "") : NULL;
    snprintf(lng, sizeof lng, "--%s", o->name);
    snprintf(eq, sizeof eq, "--%s=%s", o->name, ex ? ex : "");
    int bad = spelling(cmd, lng, ex);
    if (o->arg)
        bad += spelling(cmd, eq, NULL);
    if (o->key < KCB_OPT_LONG)
        bad += spelling(cmd, shrt, ex);
    return bad;
}

/* Every option, with its example, is applied and then --help stops the command. */
static void test_options_accepted(void **state)
{
    const struct kcb_cmd *cmd = *state;
    int bad = 0;
    for (const struct kcb_opt *o = cmd->opts; o && o->name; o++)
        bad += check_option(cmd, o);
    assert_int_equal(bad, 0);
}

/* All the options at once, in table order, are accepted together. */
static void test_all_options_together(void **state)
{
    const struct kcb_cmd *cmd = *state;
    size_t n = count_opts(cmd), k = 0;
    char **argv = calloc(2 * n + 3, sizeof *argv);
    assert_non_null(argv);
    assert_non_null(argv[k++] = strdup(cmd->name));
    for (size_t i = 0; i < n; i++) {
        char buf[256];
        snprintf(buf, sizeof buf, "--%s", cmd->opts[i].name);
        assert_non_null(argv[k++] = strdup(buf));
        if (cmd->opts[i].arg)
            assert_non_null(argv[k++] = strdup(cmd->opts[i].example ? cmd->opts[i].example
                                                                     : "x"));
    }
    assert_non_null(argv[k++] = strdup("--help"));
    int rc = run_argv(cmd, (int)k, argv);
    for (size_t i = 0; i < k; i++)
        free(argv[i]);
    free(argv);
    assert_int_equal(rc, KCB_DONE);
}

/* -h and --help alone print the help and stop. */
static void test_help_flags(void **state)
{
    const struct kcb_cmd *cmd = *state;
    int bad = expect_done(cmd, (const char *[]){cmd->name, "-h"}, 2);
    bad += expect_done(cmd, (const char *[]){cmd->name, "--help"}, 2);
    assert_int_equal(bad, 0);
}

/* ---- the help text ---- */

/* Whether text holds word (such as "--codec") not followed by more of a name, so that
 * "--chunk" is not found in "--chunks". */
static int has_word(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = text; (p = strstr(p, word)) != NULL; p++)
        if (!isalnum((unsigned char)p[n]) && p[n] != '-' && p[n] != '_')
            return 1;
    return 0;
}

/* kcb_cmd_help names every option, long and short, and the command's usage. */
static void test_help_names_every_option(void **state)
{
    const struct kcb_cmd *cmd = *state;
    struct kcb_test_capture cap;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_cmd_help(cmd, cap.fp);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    char usage[64];
    snprintf(usage, sizeof usage, "usage: kcbench %s ", cmd->name);
    assert_int_equal(strncmp(cap.text, usage, strlen(usage)), 0);
    int bad = 0;
    for (const struct kcb_opt *o = cmd->opts; o && o->name; o++) {
        char word[128];
        snprintf(word, sizeof word, "--%s", o->name);
        if (!has_word(cap.text, word))
            bad += problem(cmd, o, "is not in the help text");
        snprintf(word, sizeof word, "-%c, --%s", o->key, o->name);
        if (o->key < KCB_OPT_LONG && !strstr(cap.text, word))
            bad += problem(cmd, o, "its short letter is not in the help text");
    }
    if (bad)
        print_error("%s", cap.text);
    free(cap.text);
    assert_int_equal(bad, 0);
}

/* ---- the man page ---- */

/* kcbench(1) as kcb_man_page writes it; caller frees. */
static char *man_page(void)
{
    struct kcb_test_capture cap;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_man_page(cap.fp);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    return cap.text;
}

/* A copy of the part of page about command name, from its ".SS NAME" line to the next .SS or
 * .SH (caller frees); NULL if there is none. */
static char *man_section(const char *page, const char *name)
{
    char head[64];
    snprintf(head, sizeof head, "\n.SS %s\n", name);
    const char *p = strstr(page, head);
    if (!p)
        return NULL;
    const char *ss = strstr(p + 1, "\n.SS "), *sh = strstr(p + 1, "\n.SH ");
    const char *end = ss && (!sh || ss < sh) ? ss : sh ? sh : p + strlen(p);
    return strndup(p + 1, (size_t)(end - p - 1));
}

/* name with each '-' written as roff's minus sign, "\-". */
static void minus_signs(const char *name, char *out, size_t cap)
{
    size_t k = 0;
    for (; *name && k + 3 < cap; name++) {
        if (*name == '-')
            out[k++] = '\\';
        out[k++] = *name;
    }
    out[k] = '\0';
}

/* The man page lists cmd among the commands, and its section has its usage and a tagged
 * paragraph for every option, long and short names together. */
static void test_man_names_every_option(void **state)
{
    const struct kcb_cmd *cmd = *state;
    char *page = man_page(), *sec = man_section(page, cmd->name), want[256], name[128];
    if (!sec)
        print_error("kcbench(1) has no '.SS %s' section\n", cmd->name);
    assert_non_null(sec);
    snprintf(want, sizeof want, ".TP\n.B %s\n", cmd->name);
    assert_non_null(strstr(page, want));
    snprintf(want, sizeof want, ".SY \"kcbench %s\"\n", cmd->name);
    assert_non_null(strstr(sec, want));
    int bad = 0;
    for (const struct kcb_opt *o = cmd->opts; o && o->name; o++) {
        minus_signs(o->name, name, sizeof name);
        if (o->key < KCB_OPT_LONG)
            snprintf(want, sizeof want, ".TP\n\\fB\\-%c\\fR, \\fB\\-\\-%s\\fR", o->key, name);
        else
            snprintf(want, sizeof want, ".TP\n\\fB\\-\\-%s\\fR", name);
        if (!strstr(sec, want))
            bad += problem(cmd, o, "is not in the man page (no tagged paragraph)");
    }
    if (bad)
        print_error("%s", sec);
    free(sec);
    free(page);
    assert_int_equal(bad, 0);
}

/* The requests the page may use (a prefix, or the whole line when it ends in '\n'). */
static int known_request(const char *line, size_t n)
{
    static const char *const ok[] = {
        ".\\\" ", ".TH ", ".SH ", ".SS ", ".TP\n", ".TP ", ".B ", ".BR ", ".SY ", ".YS\n",
        ".RS\n", ".RS 0\n", ".RE\n", ".PD 0\n", ".PD\n", ".PP\n", ".IP\n", ".nf\n", ".fi\n",
        ".ad l\n", ".nh\n", ".nr HY 0\n",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strncmp(line, ok[i], strlen(ok[i])) == 0 && strlen(ok[i]) <= n + 1)
            return 1;
    return 0;
}

/* What is wrong with one line of the page (n bytes, then '\n'); NULL if nothing. Counts the
 * open .nf, .RS and .SY blocks in depth[3]. */
static const char *roff_problem(const char *line, size_t n, int depth[3])
{
    if (n == 0)
        return "an empty line";
    if (line[0] == '.' || line[0] == '\'') {
        if (!known_request(line, n))
            return "an unknown request, or text read as one";
        static const char *const open[] = {".nf", ".RS", ".SY"}, *const close[] = {".fi", ".RE",
                                                                                   ".YS"};
        for (int i = 0; i < 3; i++) {
            depth[i] += strncmp(line, open[i], 3) == 0;
            depth[i] -= strncmp(line, close[i], 3) == 0;
            if (depth[i] < 0 || (i != 1 && depth[i] > 1))
                return "a block closed that is not open, or opened twice";
        }
        if (strncmp(line, ".\\\"", 3) == 0)
            return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)line[i] >= 0x80 || line[i] == '\t')
            return "a tab or a byte outside ASCII (write \\[uXXXX])";
        if (line[i] == '-' && (i == 0 || line[i - 1] != '\\'))
            return "a '-' not written as \\-";
    }
    return NULL;
}

/* Every line of kcbench(1) is a request it means to use, or text with every '-' a minus sign
 * and nothing but ASCII; its blocks close; it has the sections of a manual page. */
static void test_man_page_is_roff(void **state)
{
    (void)state;
    char *page = man_page();
    int bad = 0, depth[3] = {0, 0, 0};
    for (const char *p = page, *nl; *p; p = nl + 1) {
        nl = strchr(p, '\n');
        assert_non_null(nl); /* the page ends with a newline */
        const char *why = roff_problem(p, (size_t)(nl - p), depth);
        if (why && ++bad)
            print_error("kcbench(1): %s: %.*s\n", why, (int)(nl - p), p);
    }
    assert_int_equal(depth[0] + depth[1] + depth[2], 0);
    static const char *const want[] = {
        ".TH KCBENCH 1 ", ".SH NAME\nkcbench \\- ", ".SH SYNOPSIS\n", ".SH DESCRIPTION\n",
        ".SH COMMANDS\n", ".SH OPTIONS\n", ".SH \"EXIT STATUS\"\n", ".SH ENVIRONMENT\n",
        ".SH \"SEE ALSO\"\n", ".B KCB_DATA\n", ".B NO_COLOR\n", ".B KCB_PROGRESS_EVERY\n",
        "\\fB\\-\\-version\\fR", "\\fB\\-q\\fR, \\fB\\-\\-quiet\\fR", ".B 0\n", ".B 1\n",
        ".B 2\n", ".B 3\n", ".B 130\n",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        if (!strstr(page, want[i]) && ++bad)
            print_error("kcbench(1) lacks %s\n", want[i]);
    free(page);
    assert_int_equal(bad, 0);
}

/* A made-up command whose texts roff would misread: each comes out escaped, running text
 * filled, aligned items as a tagged list (prose after it a new paragraph), any other layout
 * kept line for line. */
static void test_man_command_escapes(void **state)
{
    (void)state;
    static const struct kcb_opt opts[] = {
        {'x', "ex-tra", "A-B",
         "first line\n.starts with a dot\n'starts with a quote\nback\\slash, R\xc2\xb2", "a"},
        {KCB_OPT_LONG, "list", NULL,
         "one of:\nfoo:   the foo\n       continued\nbarre: the bar\nAnd after it.", NULL},
        {KCB_OPT_LONG + 1, "odd", NULL, "a\n   b  c\n d", NULL},
        {0, NULL, NULL, NULL, NULL},
    };
    static const struct kcb_cmd fake = {
        "fake", "a made-up command", "[-x A-B]  FILE\n       kcbench fake --list\n    FILE...",
        "About it.\n\nSecond paragraph.\n", opts, "A note:\n  x   the x\n  y   the y\nAfter.\n",
        NULL,
    };
    static const char want[] =
        ".SS fake\n.SY \"kcbench fake\"\n[\\-x A\\-B] FILE\n.YS\n"
        ".SY \"kcbench fake\"\n\\-\\-list\nFILE...\n.YS\n"
        ".PP\nAbout it.\n.PP\nSecond paragraph.\n"
        ".TP\n\\fB\\-x\\fR, \\fB\\-\\-ex\\-tra\\fR \\fIA\\-B\\fR\nfirst line\n"
        "\\&.starts with a dot\n\\&'starts with a quote\nback\\eslash, R\\[u00B2]\n"
        ".TP\n\\fB\\-\\-list\\fR\none of:\n.RS\n.TP 7n\nfoo:\nthe foo\ncontinued\n"
        ".TP 7n\nbarre:\nthe bar\n.RE\n.IP\nAnd after it.\n"
        ".TP\n\\fB\\-\\-odd\\fR\n.nf\na\n   b  c\n d\n.fi\n"
        ".PP\nA note:\n.RS 0\n.PD 0\n.TP 4n\nx\nthe x\n.TP 4n\ny\nthe y\n.PD\n.RE\n"
        ".PP\nAfter.\n";
    struct kcb_test_capture cap;
    assert_int_equal(kcb_test_capture_begin(&cap), 0);
    kcb_man_command(cap.fp, &fake);
    assert_int_equal(kcb_test_capture_end(&cap), 0);
    assert_string_equal(cap.text, want);
    free(cap.text);
}

/* ---- the command table ---- */

/* Every command has a unique name, the texts of its help and a run function; help is last. */
static void test_command_table(void **state)
{
    (void)state;
    size_t n;
    const struct kcb_cmd *const *all = kcb_commands(&n);
    assert_true(n >= 10);
    for (size_t i = 0; i < n; i++) {
        assert_non_null(all[i]->name);
        assert_non_null(all[i]->summary);
        assert_non_null(all[i]->synopsis);
        assert_non_null(all[i]->about);
        assert_non_null(all[i]->run);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(all[i]->name, all[j]->name);
    }
    assert_string_equal(all[n - 1]->name, "help");
}

/* ---- one group of tests per command ---- */

#define PER_COMMAND 6

int main(void)
{
    size_t n;
    const struct kcb_cmd *const *all = kcb_commands(&n);
    static const struct {
        const char *what;
        CMUnitTestFunction f;
        int per_option; /* only for commands with options */
    } kinds[PER_COMMAND] = {
        {"option table", test_option_table, 1},
        {"each option accepted", test_options_accepted, 1},
        {"all options together", test_all_options_together, 1},
        {"-h and --help", test_help_flags, 0},
        {"help names every option", test_help_names_every_option, 0},
        {"man page names every option", test_man_names_every_option, 0},
    };
    struct CMUnitTest *tests = calloc(n * PER_COMMAND + 3, sizeof *tests);
    char (*names)[96] = calloc(n * PER_COMMAND + 3, sizeof *names);
    if (!tests || !names)
        return 1;
    size_t k = 0;
    tests[k++] = (struct CMUnitTest){"command table", test_command_table, NULL, NULL, NULL};
    tests[k++] = (struct CMUnitTest){"man page is roff", test_man_page_is_roff, NULL, NULL, NULL};
    tests[k++] = (struct CMUnitTest){"man page escapes", test_man_command_escapes, NULL, NULL,
                                     NULL};
    for (size_t c = 0; c < n; c++)
        for (size_t i = 0; i < PER_COMMAND; i++) {
            if (kinds[i].per_option && count_opts(all[c]) == 0)
                continue; /* nothing to check (help has no options) */
            snprintf(names[k], sizeof names[k], "%s: %s", all[c]->name, kinds[i].what);
            tests[k] = (struct CMUnitTest){names[k], kinds[i].f, NULL, NULL,
                                           (void *)(uintptr_t)all[c]};
            k++;
        }
    int rc = _cmocka_run_group_tests("options", tests, k, NULL, NULL);
    free(tests);
    free(names);
    return rc;
}
