/* Unit tests that every option each command's --help shows is one the command accepts. */
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

#define PER_COMMAND 5

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
    };
    struct CMUnitTest *tests = calloc(n * PER_COMMAND + 1, sizeof *tests);
    char (*names)[96] = calloc(n * PER_COMMAND + 1, sizeof *names);
    if (!tests || !names)
        return 1;
    size_t k = 0;
    tests[k++] = (struct CMUnitTest){"command table", test_command_table, NULL, NULL, NULL};
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
