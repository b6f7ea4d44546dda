/* lib/base: text helpers: UTF-8 validation, JSON and CSV escaping, and lookup in name tables. */
#ifndef KCB_TEXT_H
#define KCB_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Writes s as a JSON string literal (quotes included); invalid UTF-8 becomes U+FFFD. */
void kcb_json_str(FILE *fp, const char *s);

/* Writes s as one CSV field, quoted when it holds a comma, quote, CR or LF (RFC 4180). */
void kcb_csv_str(FILE *fp, const char *s);

/* Returns the length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
size_t kcb_utf8_len(const unsigned char *s, size_t n);

/* Writes a double for JSON: %.6f style for finite values, null for NaN and infinities. */
void kcb_json_num(FILE *fp, double v, int decimals);

/* Returns the 64-bit FNV-1a hash of p[0..n). */
uint64_t kcb_fnv1a(const void *p, size_t n);

/* Returns the index of name in names[0..n) (entries may be NULL), or -1: the lookup behind
 * every enum's parse function. */
int kcb_name_find(const char *const *names, size_t n, const char *name);

#endif
