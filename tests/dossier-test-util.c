/* dossier-test-util.c: small helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "dossier-test-util.h"

static char *tmpdir;

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

const char *
dossier_test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      g_autoptr(GError) error = NULL;

      tmpdir = g_dir_make_tmp ("dossier-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (cleanup);
    }
  return tmpdir;
}

char *
dossier_test_tmp_path (const char *name)
{
  return g_build_filename (dossier_test_tmpdir (), name, NULL);
}

DossierStore *
dossier_test_new_store (const char *name)
{
  g_autofree char *path = dossier_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  DossierStore *store = dossier_store_create (path, name, &error);

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
