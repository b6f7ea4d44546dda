/* lib/base: facts about the machine kcbench runs on (its CPU model and cores). */
#ifndef KCB_HOST_H
#define KCB_HOST_H

#include <stddef.h>

/* Writes the CPU's model, as /proc/cpuinfo names it (the first key found of "model name",
 * "Hardware", "cpu model", "Processor", "uarch", "cpu", by preference), into buf[0..len), or
 * "unknown". */
void kcb_cpu_model(char *buf, size_t len);

/* Returns the number of online cores (sysconf), or -1 when it is not known. */
long kcb_cpu_cores(void);

#endif
