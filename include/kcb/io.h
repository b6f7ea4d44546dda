/* lib/base: whole-file reading, atomic output files, and sorted directory listings. */
#ifndef KCB_IO_H
#define KCB_IO_H

#include <stddef.h>
#include <stdio.h>

/*
 * Reads the whole of path ("-" is standard input) into a new buffer with a NUL byte after
 * the data (not counted in *n). Returns 0, KCB_EIO (errno says why; EISDIR for a directory),
 * KCB_ECHANGED (a regular file whose size or modification time moved while it was read, or
 * whose bytes read differ from its size: a half-written file is never taken as whole) or
 * KCB_ENOMEM. Caller owns *buf; free with free().
 */
int kcb_read_file(const char *path, unsigned char **buf, size_t *n);

struct stat;

/* Returns whether a regular file changed while n bytes of it were read: its size or
 * modification time moved between the fstat before (*before) and the one after (*after), or
 * the bytes read are not the size it had (files of /proc say 0 and stay so: they pass). */
int kcb_file_changed(const struct stat *before, const struct stat *after, size_t n);

/* An output file that appears under its name only when committed. */
typedef struct kcb_afile kcb_afile;

/*
 * Opens a temporary file ("DIR/.kcb-XXXXXX", short whatever path's length) beside the file
 * path names and sets *f to it and *fp to its stream; it takes that name when committed.
 * When path is a symbolic link, the file at the end of the link is written and the link
 * stays. An existing file keeps its permissions; a new one gets 0666 less the umask. What
 * exists and is neither a regular file nor a directory (/dev/null, a FIFO) is written in
 * place, never replaced. Returns 0, KCB_EIO (errno set; EISDIR for a directory) or
 * KCB_ENOMEM.
 */
int kcb_afile_open(const char *path, kcb_afile **f, FILE **fp);

/* Flushes, syncs and renames the file into place (flushes only, when written in place);
 * frees f. Returns 0 or KCB_EIO. */
int kcb_afile_commit(kcb_afile *f);

/* Removes the temporary file and frees f; accepts NULL. */
void kcb_afile_abort(kcb_afile *f);

/* Writes len bytes to path atomically: 0 or KCB_EIO. */
int kcb_write_file(const char *path, const void *data, size_t len);

/* Returns 1 if path names a directory (following links; "-" never does), else 0. */
int kcb_is_dir(const char *path);

/* What kcb_list_dir lists. */
enum kcb_list_what { KCB_LIST_FILES, KCB_LIST_DIRS };

/*
 * Lists the regular files (KCB_LIST_FILES) or the subdirectories (KCB_LIST_DIRS) of dir,
 * following links and skipping names that start with '.', as paths "dir/name" sorted by name
 * in byte order. An entry that cannot be examined (a dangling link, say) is an error, never
 * skipped: KCB_EIO with errno set and, if bad is not NULL, *bad set to its path (the caller
 * frees it; NULL when the directory itself failed). Returns 0, KCB_EIO or KCB_ENOMEM. Caller
 * owns *paths and each string; free with kcb_list_free().
 */
int kcb_list_dir(const char *dir, enum kcb_list_what what, char ***paths, size_t *n, char **bad);

/* Frees a list from kcb_list_dir; accepts NULL. */
void kcb_list_free(char **paths, size_t n);

#endif
