/* dossier-store-audit.c: the audit log, written by every change in the transaction that makes it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-store-private.h"

gboolean
_dossier_store_audit (DossierStore  *self,
                      const char    *action,
                      const char    *entity,
                      const char    *entity_uuid,
                      const char    *field,
                      const char    *old_value,
                      const char    *new_value,
                      GError       **error)
{
  g_autofree char *now = dossier_now_iso8601 ();
  g_autofree char *uuid = dossier_new_uuid ();
  sqlite3_stmt *stmt;

  if (self->not_auditing)
    return TRUE;

  stmt = _dossier_store_prepare (self,
                                 "INSERT INTO audit (uuid, created_at, updated_at, user, action, entity, "
                                 "entity_uuid, field, old_value, new_value) "
                                 "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->user, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, entity_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, new_value, -1, SQLITE_STATIC);
  return _dossier_store_step_done (self, stmt, error);
}

/* Importers copy an existing audit log: their own inserts must not add to it. */
void
_dossier_store_set_auditing (DossierStore *self,
                             gboolean      auditing)
{
  g_return_if_fail (DOSSIER_IS_STORE (self));
  self->not_auditing = !auditing;
}
