/* Facts about the machine kcbench runs on, for the headers of benchmarks: its CPU and cores. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kcb/host.h"

void kcb_cpu_model(char *buf, size_t len)
{
    static const char *const keys[] = {"model name", "Hardware", "cpu model", "Processor",
                                       "uarch", "cpu"};
    size_t best = sizeof keys / sizeof *keys;
    char line[512];
    FILE *fp = fopen("/proc/cpuinfo", "r");
    snprintf(buf, len, "unknown");
    while (fp && fgets(line, sizeof line, fp)) {
        char *colon = strchr(line, ':'), *end, *v;
        if (!colon)
            continue;
        for (end = colon; end > line && (end[-1] == ' ' || end[-1] == '\t'); end--)
            ;
        *end = '\0';
        for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
            ;
        v[strcspn(v, "\r\n")] = '\0';
        for (size_t k = 0; k < best; k++)
            if (strcmp(line, keys[k]) == 0 && *v) {
                snprintf(buf, len, "%s", v);
                best = k;
            }
    }
    if (fp)
        fclose(fp);
}

long kcb_cpu_cores(void)
{
    return sysconf(_SC_NPROCESSORS_ONLN);
}
