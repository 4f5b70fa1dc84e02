/* dossier-test-util.c: small helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* nftw() and FTW_DEPTH */
#define _GNU_SOURCE
#include "config.h"

#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "dossier-core-resources.h"
#include "dossier-io-resources.h"
#include "dossier-test-util.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-info.h"

static char *tmpdir;

/* The libraries link as plain static libraries: a test program registers their resources
 * (the schema, the vocabularies, the demo dossier) at start-up, as the app and the CLI do. */
void
dossier_test_register_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      dossier_core_register_resource ();
      dossier_io_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);

  if (children != NULL)
    {
      GFileInfo *info;
      while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
          remove_tree (child);
          g_object_unref (info);
        }
    }
  g_file_delete (file, NULL, NULL);
}

static void
cleanup (void)
{
  g_autoptr(GFile) dir = NULL;

  if (tmpdir == NULL)
    return;
  dir = g_file_new_for_path (tmpdir);
  remove_tree (dir);
  g_clear_pointer (&tmpdir, g_free);
}

static int
remove_entry (const char        *path,
              const struct stat *st,
              int                flag,
              struct FTW        *ftw)
{
  remove (path);
  return 0;
}

/* A test that fails aborts, and atexit() handlers do not run then: the folder, which may
 * hold a demo dossier with identities, is removed on the way out all the same. nftw() and
 * remove() are not async-signal-safe, but the process is ending and nothing else runs. */
static void
on_fatal_signal (int sig)
{
  static volatile sig_atomic_t once;

  if (!once && tmpdir != NULL)
    {
      once = 1;
      nftw (tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

const char *
dossier_test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      static const int fatal[] = { SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTERM, SIGINT, SIGTRAP };
      g_autoptr(GError) error = NULL;

      tmpdir = g_dir_make_tmp ("dossier-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (cleanup);
      for (guint i = 0; i < G_N_ELEMENTS (fatal); i++)
        signal (fatal[i], on_fatal_signal);
    }
  return tmpdir;
}

char *
dossier_test_tmp_path (const char *name)
{
  return g_build_filename (dossier_test_tmpdir (), name, NULL);
}

/* Whether a temporary of @path (core's atomic writer names it ".NAME.XXXXXX") is left in
 * its folder. */
gboolean
dossier_test_temporary_left (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (".", base, ".", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return TRUE;
  return FALSE;
}

DossierStore *
dossier_test_new_store (const char *name)
{
  g_autofree char *path = dossier_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  DossierStore *store = dossier_create (path, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

void
dossier_test_write_file (const char *path,
                         const char *contents,
                         gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

char *
dossier_test_read_file (const char *path,
                        gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

gint64
dossier_test_query_int (DossierStore *store,
                        const char   *sql,
                        const char   *text)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* The text in the first column of the first row of @sql. */
char *
dossier_test_query_text (DossierStore *store,
                         const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

int
dossier_test_run (const char  *program,
                  char       **out,
                  char       **err,
                  const char  *first,
                  ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *o = NULL, *e = NULL;
  int status = 0;
  va_list ap;

  g_ptr_array_add (argv, (char *) program);
  va_start (ap, first);
  for (const char *a = first; a; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &o, &e, &status, &error));
  g_assert_no_error (error);
  if (out)
    *out = g_steal_pointer (&o);
  if (err)
    *err = g_steal_pointer (&e);
  /* A crash is never taken for success: 128 + the signal, as a shell says it. */
  if (WIFSIGNALED (status))
    return 128 + WTERMSIG (status);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}
