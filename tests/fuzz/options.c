/* libFuzzer target: each command's option parsing (kcb_opt_parse and its apply), never its work. */
#include "fuzz.h"

#include "cli.h"
#include "commands.h"
#include "eval.h"

#define MAX_ARGS 32

int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Help goes to /dev/null, errors nowhere (kept silently), and getopt permutes as on a terminal:
 * with POSIXLY_CORRECT it would stop at the first operand, before the closing --help. */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    unsetenv("POSIXLY_CORRECT");
    if (!freopen("/dev/null", "w", stdout))
        abort();
    kcb_msg_silence();
    return 0;
}

/* Splits s[0..n) at NUL bytes into argv[first..], each argument its own allocation of its
 * exact size; "--" (the end of the options, after which --help would be an operand) is left
 * out. Returns the new argc. */
static int split(const uint8_t *s, size_t n, char **argv, int first)
{
    int argc = first;
    for (size_t at = 0; at <= n && argc < MAX_ARGS;) {
        const uint8_t *nul = memchr(s + at, '\0', n - at);
        size_t len = nul ? (size_t)(nul - (s + at)) : n - at;
        if (!(len == 2 && s[at] == '-' && s[at + 1] == '-'))
            argv[argc++] = fuzz_copy(s + at, len, 1);
        at += len + 1;
    }
    return argc;
}

static void free_args(char **orig, int argc)
{
    for (int i = 0; i < argc; i++)
        free(orig[i]);
}

/*
 * Runs "CMD ARGS... --help --help": kcb_opt_parse applies every option in order and stops at
 * the first --help (the second one, when an option before takes the first as its value) with
 * KCB_DONE, or at the first bad option with its error, so the command's work never starts.
 */
static void run_with_help(const struct kcb_cmd *cmd, const uint8_t *s, size_t n)
{
    char *argv[MAX_ARGS + 3], *orig[MAX_ARGS + 3];
    argv[0] = fuzz_copy((const uint8_t *)cmd->name, strlen(cmd->name), 1);
    int argc = split(s, n, argv, 1);
    argv[argc++] = fuzz_copy((const uint8_t *)"--help", 6, 1);
    argv[argc++] = fuzz_copy((const uint8_t *)"--help", 6, 1);
    argv[argc] = NULL;
    memcpy(orig, argv, sizeof argv); /* getopt permutes argv */
    int rc = cmd->run(cmd, argc, argv);
    if (rc == KCB_EXIT_OK) {
        fprintf(stderr, "kcbench %s: the options parsed without reaching --help\n", cmd->name);
        abort();
    }
    free_args(orig, argc);
}

/* eval's whole parse, kcb_eval_parse (options, then the checks of them together), as merge
 * uses it on a part's command line. */
static void eval_parse(const uint8_t *s, size_t n)
{
    char *argv[MAX_ARGS + 1], *orig[MAX_ARGS + 1];
    argv[0] = fuzz_copy((const uint8_t *)"eval", 4, 1);
    int argc = split(s, n, argv, 1);
    argv[argc] = NULL;
    memcpy(orig, argv, sizeof argv);
    struct kcb_eval_opts o;
    kcb_eval_parse(argc, argv, &o);
    kcb_eval_opts_free(&o);
    free_args(orig, argc);
}

/* Input: byte 0 picks the command (modulo the number of commands), then its arguments,
 * separated by NUL bytes. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t ncmd;
    const struct kcb_cmd *const *cmds = kcb_commands(&ncmd);
    const struct kcb_cmd *cmd = cmds[data[0] % ncmd];
    run_with_help(cmd, data + 1, size - 1);
    if (strcmp(cmd->name, "eval") == 0)
        eval_parse(data + 1, size - 1);
    return 0;
}
