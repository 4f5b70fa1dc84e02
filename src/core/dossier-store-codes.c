/* dossier-store-codes.c: the human codes of records (INC-0042): one counter per prefix, never
 * going back, so that a code is never given twice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-store-private.h"

char *
_dossier_store_next_code (DossierStore  *self,
                          const char    *prefix,
                          int            digits,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 next = 1;

  stmt = _dossier_store_prepare (self, "SELECT next FROM code_counter WHERE prefix = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  stmt = _dossier_store_prepare (self,
                                 "INSERT INTO code_counter (prefix, next) VALUES (?1, ?2) "
                                 "ON CONFLICT (prefix) DO UPDATE SET next = excluded.next", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, next + 1);
  if (!_dossier_store_step_done (self, stmt, error))
    return NULL;

  return g_strdup_printf ("%s-%0*" G_GINT64_FORMAT, prefix, digits, next);
}

/**
 * dossier_store_list_code_counters:
 * @self: a #DossierStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8 gint64): code prefix → next number, as
 *   pointers to gint64
 */
GHashTable *
dossier_store_list_code_counters (DossierStore  *self,
                                  GError       **error)
{
  g_autoptr(GHashTable) counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _dossier_store_prepare (self, "SELECT prefix, next FROM code_counter ORDER BY prefix", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (counters, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&counters);
}

/* Sets the next number of a code prefix; it never goes back, so codes are never reused. */
gboolean
_dossier_store_set_code_counter (DossierStore  *self,
                                 const char    *prefix,
                                 gint64         next,
                                 GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _dossier_store_prepare (self,
                                 "INSERT INTO code_counter (prefix, next) VALUES (?1, ?2) "
                                 "ON CONFLICT (prefix) DO UPDATE SET next = max (next, excluded.next)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, next);
  return _dossier_store_step_done (self, stmt, error);
}
