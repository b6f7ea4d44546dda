/* make bench: runs a command as its own child and writes that child's peak resident set (wait4's ru_maxrss, KiB) to a file. */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * usage: maxrss OUT CMD [ARG...]
 *
 * Why not os.wait4 in Python alone: Linux carries the memory peak of the process image that
 * exec replaces into ru_maxrss, and a child that Python spawns (vfork or fork) starts with
 * Python's image, so its ru_maxrss is at least Python's own peak. This parent is a few hundred
 * KiB, so the command's own peak is what wait4 reports here. The exit status is the
 * command's (128 + signal when it was killed; 127 when it could not be run).
 */
int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: maxrss OUT CMD [ARG...]\n", stderr);
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("maxrss: fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("maxrss: wait4");
        return 2;
    }
    FILE *f = fopen(argv[1], "w");
    if (!f || fprintf(f, "%ld\n", ru.ru_maxrss) < 0 || fclose(f)) {
        perror(argv[1]);
        return 2;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
