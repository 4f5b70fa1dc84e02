/* fuzz-util.c: what the fuzz targets share, under libFuzzer and in the replay program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "dossier-core-resources.h"
#include "dossier-io-resources.h"
#include "fuzz-util.h"

static char *tmpdir;

/* Removes @path and, when it is a folder, what it holds; a link is removed, never followed. */
void
fuzz_remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          fuzz_remove_tree (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
cleanup (void)
{
  if (tmpdir != NULL)
    fuzz_remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

/* A broken rule: said, then abort(), which libFuzzer catches and saves the input of. */
void
fuzz_fail (const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

/* GLib ends a fatal message with SIGTRAP, which libFuzzer does not watch: turn it into an
 * abort so that the input is saved as a crasher. */
static void
trap_to_abort (int sig)
{
  abort ();
}

/* Once per process. A critical is a broken precondition and a warning a state the code
 * did not expect: whatever the input, both are bugs, so they abort the run as a crash. */
void
fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  signal (SIGTRAP, trap_to_abort);
  dossier_core_register_resource ();
  dossier_io_register_resource ();
}

/* A private folder (0700) for this process, removed at exit. A run that crashes leaves it:
 * build-aux/fuzz.sh points TMPDIR at a folder of its own and removes that. */
const char *
fuzz_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      g_autoptr(GError) error = NULL;

      tmpdir = g_dir_make_tmp ("dossier-fuzz-XXXXXX", &error);
      if (tmpdir == NULL)
        g_error ("no temporary folder: %s", error->message);
      atexit (cleanup);
    }
  return tmpdir;
}

char *
fuzz_tmp_path (const char *name)
{
  return g_build_filename (fuzz_tmpdir (), name, NULL);
}

/* Writes @data to @path, owner-only; the harness cannot go on without it. */
void
fuzz_write_file (const char *path,
                 const void *data,
                 size_t      size)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_NONE, 0600, &error))
    g_error ("cannot write %s: %s", path, error->message);
}

/* The input as a C string: what comes after a NUL never reaches a parser of text. */
char *
fuzz_text (const uint8_t *data,
           size_t         size)
{
  return size > 0 ? g_strndup ((const char *) data, size) : g_strdup ("");
}
