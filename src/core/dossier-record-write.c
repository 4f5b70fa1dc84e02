/* dossier-record-write.c: the store's generic writes of records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Insert, update with one audit entry per changed field, delete, and the sets of codes kept
 * beside a record's row, written once for every kind from its field table.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dossier-record-private.h"
#include "dossier-vocab.h"
#include "dossier-store-private.h"

#define FIELD_STR(rec, f) DOSSIER_FIELD_STR (rec, f)
#define FIELD_INT(rec, f) DOSSIER_FIELD_INT (rec, f)
#define FIELD_REAL(rec, f) DOSSIER_FIELD_REAL (rec, f)
#define field_is_text dossier_field_is_text
#define P(record) _dossier_record_get_private (record)

static void
bind_field (sqlite3_stmt       *stmt,
            int                 param,
            DossierRecord      *self,
            const DossierField *f)
{
  switch (f->type)
    {
    case DOSSIER_FIELD_TEXT:
    case DOSSIER_FIELD_EDTF:
      sqlite3_bind_text (stmt, param, FIELD_STR (self, f) ? FIELD_STR (self, f) : "", -1, SQLITE_STATIC);
      break;
    case DOSSIER_FIELD_NTEXT:
      if (FIELD_STR (self, f) && (*FIELD_STR (self, f) || f->vocab == NULL))
        sqlite3_bind_text (stmt, param, FIELD_STR (self, f), -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, param);
      break;
    case DOSSIER_FIELD_INT:
      if (FIELD_INT (self, f) >= 0)
        sqlite3_bind_int64 (stmt, param, FIELD_INT (self, f));
      else
        sqlite3_bind_null (stmt, param);
      break;
    case DOSSIER_FIELD_REF:
      if (FIELD_INT (self, f) > 0)
        sqlite3_bind_int64 (stmt, param, FIELD_INT (self, f));
      else
        sqlite3_bind_null (stmt, param);
      break;
    case DOSSIER_FIELD_REAL:
      if (!isnan (FIELD_REAL (self, f)))
        sqlite3_bind_double (stmt, param, FIELD_REAL (self, f));
      else
        sqlite3_bind_null (stmt, param);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
bind_dates (sqlite3_stmt *stmt,
            int           param,
            guint32       start,
            guint32       end)
{
  if (start > 0)
    sqlite3_bind_int64 (stmt, param, start);
  else
    sqlite3_bind_null (stmt, param);
  if (end > 0)
    sqlite3_bind_int64 (stmt, param + 1, end);
  else
    sqlite3_bind_null (stmt, param + 1);
}

/**
 * dossier_store_insert:
 * @store: a #DossierStore
 * @record: a new record (id 0)
 * @error: return location for a #GError
 *
 * Inserts @record in one transaction with its extra parts and an audit entry. A record
 * without uuid, code or timestamps gets new ones; given ones (from an import) are kept.
 *
 * Returns: %TRUE on success; @record's id is then set
 */
gboolean
dossier_store_insert (DossierStore   *store,
                      DossierRecord  *record,
                      GError        **error)
{
  const DossierRecordInfo *info;
  g_autoptr(GString) sql = NULL;
  g_autofree char *now = dossier_now_iso8601 ();
  gboolean had_uuid, had_code, had_created, had_updated;
  guint32 date_start, date_end;
  sqlite3_stmt *stmt;
  int param;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (DOSSIER_IS_RECORD (record), FALSE);
  g_return_val_if_fail (P (record)->id == 0, FALSE);

  info = P (record)->info;
  had_uuid = P (record)->uuid != NULL;
  had_code = P (record)->code != NULL;
  had_created = P (record)->created_at != NULL;
  had_updated = P (record)->updated_at != NULL;

  if (!_dossier_record_validate (store, record, &date_start, &date_end, error) || !_dossier_record_check_texts (record, NULL, error))
    return FALSE;
  if (had_code && info->code_prefix != NULL && !dossier_record_check_code (info, P (record)->code, error))
    return FALSE;
  if (!dossier_store_begin (store, error))
    return FALSE;

  if (!had_uuid)
    P (record)->uuid = dossier_new_uuid ();
  if (!had_created)
    P (record)->created_at = g_strdup (now);
  if (!had_updated)
    P (record)->updated_at = g_strdup (P (record)->created_at);
  if (!had_code && info->code_prefix != NULL)
    {
      P (record)->code = _dossier_store_next_code (store, info->code_prefix, info->code_digits, error);
      if (P (record)->code == NULL)
        goto fail;
    }

  sql = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s (uuid, created_at, updated_at", info->table);
  if (info->code_prefix)
    g_string_append (sql, ", code");
  if (info->derives_dates)
    g_string_append (sql, ", date_start, date_end");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (sql, ", %s", info->fields[i].name);
  g_string_append (sql, ") VALUES (?, ?, ?");
  if (info->code_prefix)
    g_string_append (sql, ", ?");
  if (info->derives_dates)
    g_string_append (sql, ", ?, ?");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append (sql, ", ?");
  g_string_append (sql, ")");

  stmt = _dossier_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, P (record)->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, P (record)->created_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, P (record)->updated_at, -1, SQLITE_STATIC);
  param = 4;
  if (info->code_prefix)
    sqlite3_bind_text (stmt, param++, P (record)->code, -1, SQLITE_STATIC);
  if (info->derives_dates)
    {
      bind_dates (stmt, param, date_start, date_end);
      param += 2;
    }
  for (guint i = 0; i < info->n_fields; i++)
    bind_field (stmt, param++, record, &info->fields[i]);

  if (!_dossier_store_step_done (store, stmt, error))
    goto fail;
  P (record)->id = sqlite3_last_insert_rowid (dossier_store_get_db (store));

  if (info->save_extra && !info->save_extra (store, record, TRUE, error))
    goto fail;
  if (!info->not_audited &&
      !_dossier_store_audit (store, "create", info->table, P (record)->uuid, NULL, NULL,
                             P (record)->code, error))
    goto fail;
  if (!dossier_store_commit (store, error))
    goto undo;
  _dossier_record_notify_stored (record, TRUE, !had_uuid, !had_code && info->code_prefix != NULL,
                                 !had_created, !had_updated);
  return TRUE;

fail:
  dossier_store_rollback (store);
undo:
  P (record)->id = 0;
  if (!had_uuid)
    g_clear_pointer (&P (record)->uuid, g_free);
  if (!had_code)
    g_clear_pointer (&P (record)->code, g_free);
  if (!had_created)
    g_clear_pointer (&P (record)->created_at, g_free);
  if (!had_updated)
    g_clear_pointer (&P (record)->updated_at, g_free);
  return FALSE;
}

static DossierRecord *
new_like (DossierRecord *record)
{
  DossierRecord *copy = g_object_new (G_OBJECT_TYPE (record), NULL);

  /* Links share one type for several tables: the description tells which. */
  P (copy)->info = P (record)->info;
  return copy;
}

/**
 * dossier_store_update:
 * @store: a #DossierStore
 * @record: a record, changed in memory
 * @error: return location for a #GError
 *
 * Writes the fields of @record that differ from the dossier, with one audit entry per
 * changed field, and its extra parts, in one transaction. Nothing changed: nothing written.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_store_update (DossierStore   *store,
                      DossierRecord  *record,
                      GError        **error)
{
  const DossierRecordInfo *info;
  g_autoptr(DossierRecord) old = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autofree char *now = NULL;
  guint32 date_start, date_end;
  gboolean dates_changed = FALSE;
  sqlite3_stmt *stmt;
  int param = 1;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (DOSSIER_IS_RECORD (record), FALSE);
  g_return_val_if_fail (P (record)->id > 0, FALSE);

  info = P (record)->info;
  if (!_dossier_record_validate (store, record, &date_start, &date_end, error))
    return FALSE;
  if (!dossier_store_begin (store, error))
    return FALSE;

  old = new_like (record);
  P (old)->id = P (record)->id;
  if (!dossier_store_reload (store, old, error))
    goto fail;

  changed = g_ptr_array_new ();
  for (guint i = 0; i < info->n_fields; i++)
    if (!dossier_record_field_equal (record, old, &info->fields[i]))
      {
        g_ptr_array_add (changed, (gpointer) &info->fields[i]);
        dates_changed |= info->fields[i].type == DOSSIER_FIELD_EDTF;
      }

  /* Only what changes: a value written before the limits stays editable around. */
  if (!_dossier_record_check_texts (record, old, error))
    goto fail;

  now = dossier_now_iso8601 ();
  if (changed->len > 0)
    {
      sql = g_string_new (NULL);
      g_string_append_printf (sql, "UPDATE %s SET updated_at = ?", info->table);
      for (guint i = 0; i < changed->len; i++)
        g_string_append_printf (sql, ", %s = ?", ((DossierField *) changed->pdata[i])->name);
      if (info->derives_dates && dates_changed)
        g_string_append (sql, ", date_start = ?, date_end = ?");
      g_string_append (sql, " WHERE id = ?");

      stmt = _dossier_store_prepare (store, sql->str, error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, param++, now, -1, SQLITE_STATIC);
      for (guint i = 0; i < changed->len; i++)
        bind_field (stmt, param++, record, changed->pdata[i]);
      if (info->derives_dates && dates_changed)
        {
          bind_dates (stmt, param, date_start, date_end);
          param += 2;
        }
      sqlite3_bind_int64 (stmt, param, P (record)->id);
      if (!_dossier_store_step_done (store, stmt, error))
        goto fail;

      for (guint i = 0; i < changed->len; i++)
        {
          const DossierField *f = changed->pdata[i];
          g_autofree char *before = dossier_record_get_string (old, f);
          g_autofree char *after = dossier_record_get_string (record, f);

          if (!info->not_audited &&
              !_dossier_store_audit (store, "update", info->table, P (record)->uuid, f->name,
                                     before, after, error))
            goto fail;
        }
    }

  if (info->save_extra && !info->save_extra (store, record, FALSE, error))
    goto fail;
  if (!dossier_store_commit (store, error))
    return FALSE;

  if (changed->len > 0)
    {
      g_free (P (record)->updated_at);
      P (record)->updated_at = g_steal_pointer (&now);
      _dossier_record_notify_stored (record, FALSE, FALSE, FALSE, FALSE, TRUE);
    }
  return TRUE;

fail:
  dossier_store_rollback (store);
  return FALSE;
}

/**
 * dossier_store_delete:
 * @store: a #DossierStore
 * @record: a stored record
 * @error: return location for a #GError
 *
 * Deletes @record; its links and extra parts go with it (foreign keys cascade).
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_store_delete (DossierStore   *store,
                      DossierRecord  *record,
                      GError        **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (DOSSIER_IS_RECORD (record), FALSE);
  g_return_val_if_fail (P (record)->id > 0, FALSE);

  if (!dossier_store_begin (store, error))
    return FALSE;
  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", P (record)->info->table);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, P (record)->id);
  if (!_dossier_store_step_done (store, stmt, error))
    goto fail;
  if (sqlite3_changes (dossier_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                           _("The record is not in this dossier: it may have been deleted"));
      goto fail;
    }
  if (!P (record)->info->not_audited &&
      !_dossier_store_audit (store, "delete", P (record)->info->table, P (record)->uuid, NULL,
                             P (record)->code, NULL, error))
    goto fail;
  if (!dossier_store_commit (store, error))
    return FALSE;
  P (record)->id = 0;
  _dossier_record_notify_stored (record, TRUE, FALSE, FALSE, FALSE, FALSE);
  return TRUE;

fail:
  dossier_store_rollback (store);
  return FALSE;
}

static char *
joined_sorted (const char * const *values)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; values && values[i]; i++)
    g_ptr_array_add (sorted, (gpointer) values[i]);
  g_ptr_array_sort (sorted, dossier_compare_strings);
  g_ptr_array_add (sorted, NULL);
  return g_strjoinv (",", (char **) sorted->pdata);
}

gboolean
_dossier_store_save_set (DossierStore        *store,
                         DossierRecord       *owner,
                         const char          *table,
                         const char          *owner_column,
                         const char          *value_column,
                         const char          *vocab,
                         const char * const  *values,
                         gboolean             is_new,
                         GError             **error)
{
  g_auto(GStrv) old = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *delete_sql = NULL;
  g_autofree char *insert_sql = NULL;
  sqlite3_stmt *stmt;

  for (guint i = 0; values && values[i]; i++)
    if (!dossier_store_check_term (store, vocab, values[i], error))
      return FALSE;

  if (!is_new && !_dossier_store_load_set (store, table, owner_column, value_column,
                                           P (owner)->id, &old, error))
    return FALSE;
  old_text = joined_sorted ((const char * const *) old);
  new_text = joined_sorted (values);
  if (g_str_equal (old_text, new_text))
    return TRUE;

  delete_sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?1", table, owner_column);
  stmt = _dossier_store_prepare (store, delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, P (owner)->id);
  if (!_dossier_store_step_done (store, stmt, error))
    return FALSE;

  insert_sql = g_strdup_printf ("INSERT OR IGNORE INTO %s (%s, %s) VALUES (?1, ?2)",
                                table, owner_column, value_column);
  stmt = _dossier_store_prepare (store, insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; values && values[i]; i++)
    {
      sqlite3_bind_int64 (stmt, 1, P (owner)->id);
      sqlite3_bind_text (stmt, 2, values[i], -1, SQLITE_STATIC);
      if (!_dossier_store_step_done (store, stmt, error))
        return FALSE;
    }

  if (is_new)
    return TRUE;
  return _dossier_store_audit (store, "update", P (owner)->info->table, P (owner)->uuid, table,
                               old_text, new_text, error);
}
