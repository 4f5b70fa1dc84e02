/* dossier-store-schema.c: the schema's migrations, and whether a file's tables are ours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-store-private.h"

#define SCHEMA_RESOURCE "/org/dossier/Dossier/core/schema/"

/* Ordered migrations: entry N brings user_version from N to N + 1. */
static const char * const migrations[] = {
  "001-initial.sql",
  "002-list-indexes.sql",
  "003-timeline-index.sql",
  "004-passages.sql",
  "005-evidence-metadata.sql",
  "006-thumbnails.sql",
  "007-evidence-duration.sql",
  "008-code-numbers.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == DOSSIER_SCHEMA_VERSION);

/* Every step in one transaction: a migration that fails half-way leaves the file as it was,
 * at its old version, rather than half upgraded. */
gboolean
_dossier_store_run_migrations (DossierStore  *self,
                               int            from,
                               GError       **error)
{
  if (!_dossier_store_exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;
  for (int v = from; v < DOSSIER_SCHEMA_VERSION; v++)
    {
      g_autofree char *resource = g_strconcat (SCHEMA_RESOURCE, migrations[v], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;

      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      set_version = g_strdup_printf ("PRAGMA user_version = %d;", v + 1);
      if (!_dossier_store_exec (self, sql, error) || !_dossier_store_exec (self, set_version, error))
        goto fail;
    }
  if (!_dossier_store_schema_is_ours (self->db, DOSSIER_SCHEMA_VERSION))
    {
      g_autofree char *display = g_filename_display_name (self->path);
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
                   _("“%s” has the mark of a dossier but not its tables: it was made by another program"), display);
      goto fail;
    }
  if (_dossier_store_exec (self, "COMMIT;", error))
    return TRUE;

fail:
  sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  return FALSE;
}

/* The tables and columns of a schema, as "table.column" strings. */
static GHashTable *
schema_columns (sqlite3 *db)
{
  GHashTable *columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *tables = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT s.name, c.name FROM sqlite_schema s, pragma_table_info (s.name) c "
                              "WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite!_%' ESCAPE '!'",
                          -1, &tables, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (tables);
      return columns;
    }
  while (sqlite3_step (tables) == SQLITE_ROW)
    g_hash_table_add (columns, g_strdup_printf ("%s.%s", sqlite3_column_text (tables, 0), sqlite3_column_text (tables, 1)));
  sqlite3_finalize (tables);
  return columns;
}

/* What our own migrations make at @version, built once in memory. A file that claims to
 * be a dossier of that version but lacks one of these tables or columns was made by
 * something else, and is refused before anything (a migration) is written into it. */
static GHashTable *
expected_columns (int version)
{
  static GHashTable *cache[DOSSIER_SCHEMA_VERSION + 1];
  static GMutex lock;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  sqlite3 *db = NULL;

  g_assert (version >= 1 && version <= DOSSIER_SCHEMA_VERSION);
  if (cache[version] != NULL)
    return cache[version];
  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    g_error ("SQLite cannot open a database in memory");
  for (int v = 0; v < version; v++)
    {
      g_autofree char *resource = g_strconcat (SCHEMA_RESOURCE, migrations[v], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
      g_autofree char *sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        g_error ("Migration %s fails: %s", migrations[v], sqlite3_errmsg (db));
    }
  cache[version] = schema_columns (db);
  sqlite3_close (db);
  return cache[version];
}

/* Whether @db has every table and column our migrations give @version. */
gboolean
_dossier_store_schema_is_ours (sqlite3 *db,
                               int      version)
{
  GHashTable *expected = expected_columns (version);
  g_autoptr(GHashTable) actual = schema_columns (db);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (actual, key))
      return FALSE;
  return TRUE;
}
