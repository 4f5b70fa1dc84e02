/* dossier-record-read.c: the store's generic reads of records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SELECT made from the field table for every kind, read into the record's fields by
 * one function: loading by id, code or uuid, reloading, iterating and paging.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dossier-record-private.h"
#include "dossier-store-private.h"

#define FIELD_STR(rec, f) DOSSIER_FIELD_STR (rec, f)
#define FIELD_INT(rec, f) DOSSIER_FIELD_INT (rec, f)
#define FIELD_REAL(rec, f) DOSSIER_FIELD_REAL (rec, f)
#define field_is_text dossier_field_is_text
#define P(record) _dossier_record_get_private (record)

char *
_dossier_record_select_sql (const DossierRecordInfo *info)
{
  GString *sql = g_string_new ("SELECT id, uuid, ");

  g_string_append (sql, info->code_prefix ? "code" : "NULL");
  g_string_append (sql, ", created_at, updated_at");
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (sql, ", %s", info->fields[i].name);
  g_string_append_printf (sql, " FROM %s", info->table);
  return g_string_free (sql, FALSE);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

void
_dossier_record_read_row (DossierRecord *self,
                          sqlite3_stmt  *stmt)
{
  const DossierRecordInfo *info = P (self)->info;

  P (self)->id = sqlite3_column_int64 (stmt, 0);
  g_free (P (self)->uuid);
  P (self)->uuid = column_dup (stmt, 1);
  g_free (P (self)->code);
  P (self)->code = column_dup (stmt, 2);
  g_free (P (self)->created_at);
  P (self)->created_at = column_dup (stmt, 3);
  g_free (P (self)->updated_at);
  P (self)->updated_at = column_dup (stmt, 4);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const DossierField *f = &info->fields[i];
      int col = 5 + i;
      gboolean null = sqlite3_column_type (stmt, col) == SQLITE_NULL;

      switch (f->type)
        {
        case DOSSIER_FIELD_TEXT:
        case DOSSIER_FIELD_EDTF:
          g_free (FIELD_STR (self, f));
          FIELD_STR (self, f) = g_strdup (null ? "" : (const char *) sqlite3_column_text (stmt, col));
          break;
        case DOSSIER_FIELD_NTEXT:
          g_free (FIELD_STR (self, f));
          FIELD_STR (self, f) = null ? NULL : column_dup (stmt, col);
          break;
        case DOSSIER_FIELD_INT:
          FIELD_INT (self, f) = null ? -1 : sqlite3_column_int64 (stmt, col);
          break;
        case DOSSIER_FIELD_REF:
          FIELD_INT (self, f) = null ? 0 : sqlite3_column_int64 (stmt, col);
          break;
        case DOSSIER_FIELD_REAL:
          FIELD_REAL (self, f) = null ? NAN : sqlite3_column_double (stmt, col);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * dossier_store_reload:
 * @store: a #DossierStore
 * @record: a record with its id set
 * @error: return location for a #GError
 *
 * Reads @record's fields again from the dossier.
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_store_reload (DossierStore   *store,
                      DossierRecord  *record,
                      GError        **error)
{
  g_autofree char *select = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (DOSSIER_IS_RECORD (record), FALSE);

  select = _dossier_record_select_sql (P (record)->info);
  sql = g_strconcat (select, " WHERE id = ?1", NULL);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, P (record)->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    _dossier_record_read_row (record, stmt);
  else if (rc != SQLITE_DONE)
    _dossier_store_set_error (store, error);
  else
    g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                         _("The record is not in this dossier: it may have been deleted"));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return FALSE;

  if (P (record)->info->load_extra)
    return P (record)->info->load_extra (store, record, error);
  return TRUE;
}

static gpointer
load_where (DossierStore  *store,
            GType          type,
            const char    *column,
            sqlite3_stmt *(*bind) (sqlite3_stmt *, gconstpointer),
            gconstpointer  key,
            const char    *shown_key,
            GError       **error)
{
  g_autoptr(DossierRecord) record = NULL;
  g_autofree char *select = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, DOSSIER_TYPE_RECORD), NULL);

  record = g_object_new (type, NULL);
  g_assert (P (record)->info != NULL);
  select = _dossier_record_select_sql (P (record)->info);
  sql = g_strdup_printf ("%s WHERE %s = ?1", select, column);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind (stmt, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    _dossier_record_read_row (record, stmt);
  else if (rc != SQLITE_DONE)
    _dossier_store_set_error (store, error);
  else
    /* Translators: %s is a code such as INC-0001, or a number */
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                 _("“%s” is not in this dossier"), shown_key);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return NULL;
  if (P (record)->info->load_extra && !P (record)->info->load_extra (store, record, error))
    return NULL;
  return g_steal_pointer (&record);
}

static sqlite3_stmt *
bind_id (sqlite3_stmt  *stmt,
         gconstpointer  key)
{
  sqlite3_bind_int64 (stmt, 1, *(const gint64 *) key);
  return stmt;
}

static sqlite3_stmt *
bind_text (sqlite3_stmt  *stmt,
           gconstpointer  key)
{
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  return stmt;
}

/**
 * dossier_store_load:
 * @store: a #DossierStore
 * @type: a #DossierRecord subtype
 * @id: its id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (type DossierRecord): the record, or %NULL
 */
gpointer
dossier_store_load (DossierStore  *store,
                    GType          type,
                    gint64         id,
                    GError       **error)
{
  g_autofree char *shown = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return load_where (store, type, "id", bind_id, &id, shown, error);
}

gpointer
dossier_store_load_by_code (DossierStore  *store,
                            GType          type,
                            const char    *code,
                            GError       **error)
{
  g_return_val_if_fail (code != NULL, NULL);
  return load_where (store, type, "code", bind_text, code, code, error);
}

gpointer
dossier_store_load_by_uuid (DossierStore  *store,
                            GType          type,
                            const char    *uuid,
                            GError       **error)
{
  g_return_val_if_fail (uuid != NULL, NULL);
  return load_where (store, type, "uuid", bind_text, uuid, uuid, error);
}

static DossierRecord *
new_of_type (gpointer data)
{
  return g_object_new ((GType) GPOINTER_TO_SIZE (data), NULL);
}

/**
 * dossier_store_foreach:
 * @store: a #DossierStore
 * @type: a #DossierRecord subtype
 * @func: called with each record, in id order
 * @user_data: for @func
 * @error: return location for a #GError
 *
 * Visits every record of @type. A narrower question (a person's testimonies, an item's
 * custody log) is asked of core by its name, not by a condition.
 *
 * Returns: %TRUE if every record was visited
 */
gboolean
dossier_store_foreach (DossierStore       *store,
                       GType               type,
                       DossierRecordFunc   func,
                       gpointer            user_data,
                       GError            **error)
{
  return _dossier_store_foreach_with (store, new_of_type, GSIZE_TO_POINTER (type), NULL, func, user_data, error);
}

gboolean
_dossier_store_foreach_where (DossierStore       *store,
                              GType               type,
                              const char         *where,
                              DossierRecordFunc   func,
                              gpointer            user_data,
                              GError            **error)
{
  return _dossier_store_foreach_with (store, new_of_type, GSIZE_TO_POINTER (type), where, func, user_data, error);
}

gboolean
_dossier_store_foreach_with (DossierStore       *store,
                             DossierRecord    *(*new_func) (gpointer new_data),
                             gpointer            new_data,
                             const char         *where,
                             DossierRecordFunc   func,
                             gpointer            user_data,
                             GError            **error)
{
  g_autoptr(DossierRecord) probe = new_func (new_data);
  g_autofree char *select = _dossier_record_select_sql (P (probe)->info);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);

  sql = g_strdup_printf ("%s%s%s ORDER BY id", select, where ? " WHERE " : "", where ? where : "");
  /* Not the cached statement: @func may well use the store, even this same query. */
  if (sqlite3_prepare_v2 (dossier_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_set_error (store, error);
      return FALSE;
    }
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DossierRecord) record = new_func (new_data);

      _dossier_record_read_row (record, stmt);
      if (P (record)->info->load_extra && !P (record)->info->load_extra (store, record, error))
        ok = FALSE;
      else
        ok = func (record, user_data, error);
    }
  if (ok && rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gint64
id_for (DossierStore *store,
        const char   *table,
        const char   *column,
        const char   *value)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), 0);
  if (value == NULL)
    return 0;

  sql = g_strdup_printf ("SELECT id FROM %s WHERE %s = ?1", table, column);
  stmt = _dossier_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gint64
dossier_store_id_for_uuid (DossierStore *store,
                           const char   *table,
                           const char   *uuid)
{
  return id_for (store, table, "uuid", uuid);
}

gint64
dossier_store_id_for_code (DossierStore *store,
                           const char   *table,
                           const char   *code)
{
  return id_for (store, table, "code", code);
}

char *
dossier_store_uuid_for_id (DossierStore *store,
                           const char   *table,
                           gint64        id)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  char *uuid = NULL;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  if (id <= 0)
    return NULL;

  sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?1", table);
  stmt = _dossier_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return uuid;
}

/* Sets of vocabulary codes held in a side table (an incident's violation types, a
 * testimony's tags): loaded sorted, and rewritten only when they changed, audited as one
 * field. @table has the columns @owner_column and @value_column. */
gboolean
_dossier_store_load_set (DossierStore  *store,
                         const char    *table,
                         const char    *owner_column,
                         const char    *value_column,
                         gint64         owner_id,
                         GStrv         *out,
                         GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s = ?1 ORDER BY 1",
                                          value_column, table, owner_column);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return FALSE;
    }
  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/**
 * dossier_store_count_records:
 * @store: a #DossierStore
 * @type: a #DossierRecord subtype
 * @error: return location for a #GError
 *
 * Returns: the number of records of @type, or -1 on error
 */
gint64
dossier_store_count_records (DossierStore  *store,
                             GType          type,
                             GError       **error)
{
  g_autoptr(DossierRecord) probe = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), -1);
  g_return_val_if_fail (g_type_is_a (type, DOSSIER_TYPE_RECORD), -1);

  probe = g_object_new (type, NULL);
  sql = g_strdup_printf ("SELECT count(*) FROM %s", P (probe)->info->table);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _dossier_store_set_error (store, error);
  sqlite3_reset (stmt);
  return n;
}

/**
 * dossier_store_load_page:
 * @store: a #DossierStore
 * @type: a #DossierRecord subtype
 * @order_by: (nullable): a field of @type, or "code" (by the code's number), "created_at";
 *   %NULL for id order
 * @descending: sort order
 * @offset: rows to skip
 * @limit: at most this many rows
 * @error: return location for a #GError
 *
 * One page of records in a stable order (ties broken by id), for lists that never hold a
 * whole table.
 *
 * Returns: (transfer full) (element-type DossierRecord): the records, or %NULL
 */
GPtrArray *
dossier_store_load_page (DossierStore  *store,
                         GType          type,
                         const char    *order_by,
                         gboolean       descending,
                         guint          offset,
                         guint          limit,
                         GError       **error)
{
  g_autoptr(DossierRecord) probe = NULL;
  g_autofree char *select = NULL;
  g_autofree char *sql = NULL;
  const char *dir = descending ? "DESC" : "ASC";
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, DOSSIER_TYPE_RECORD), NULL);

  probe = g_object_new (type, NULL);
  if (order_by != NULL && !g_str_equal (order_by, "code") && !g_str_equal (order_by, "created_at") &&
      dossier_record_find_field (P (probe)->info, order_by) == NULL)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   "no column %s in %s", order_by, P (probe)->info->table);
      return NULL;
    }
  /* Incidents sort by their derived day, not by the EDTF text; codes by their number. */
  if (g_strcmp0 (order_by, "date_edtf") == 0)
    order_by = "date_start";
  else if (g_strcmp0 (order_by, "code") == 0)
    order_by = DOSSIER_CODE_NUMBER_SQL ("code");

  select = _dossier_record_select_sql (P (probe)->info);
  if (order_by != NULL)
    sql = g_strdup_printf ("%s ORDER BY %s %s, id %s LIMIT ?1 OFFSET ?2", select, order_by, dir, dir);
  else
    sql = g_strdup_printf ("%s ORDER BY id %s LIMIT ?1 OFFSET ?2", select, dir);

  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, offset);
  return _dossier_record_read_page (store, stmt, type, error);
}

/* Steps @stmt (bound, selecting _dossier_record_select_sql()'s columns) to the end, making
 * a record of @type per row, then loads their extra parts. */
GPtrArray *
_dossier_record_read_page (DossierStore  *store,
                           sqlite3_stmt  *stmt,
                           GType          type,
                           GError       **error)
{
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierRecord *record = g_object_new (type, NULL);

      _dossier_record_read_row (record, stmt);
      g_ptr_array_add (page, record);
    }
  /* Before the extras are loaded: they use statements of their own, and a finished
   * statement should not keep its read transaction open meanwhile. */
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return NULL;
    }
  for (guint i = 0; i < page->len; i++)
    {
      DossierRecord *record = page->pdata[i];
      if (P (record)->info->load_extra && !P (record)->info->load_extra (store, record, error))
        return NULL;
    }
  return g_steal_pointer (&page);
}

/**
 * dossier_store_position_by_code:
 * @store: a #DossierStore
 * @type: a #DossierRecord subtype with codes
 * @code: a code of that kind
 * @error: return location for a #GError
 *
 * Returns: the position of the record in the list of @type sorted by code, or -1 (with
 *   @error set) when there is no such record
 */
gint64
dossier_store_position_by_code (DossierStore  *store,
                                GType          type,
                                const char    *code,
                                GError       **error)
{
  g_autoptr(DossierRecord) probe = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 position = -1;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), -1);
  g_return_val_if_fail (code != NULL, -1);

  probe = g_object_new (type, NULL);
  g_return_val_if_fail (P (probe)->info->code_prefix != NULL, -1);
  if (dossier_store_id_for_code (store, P (probe)->info->table, code) == 0)
    {
      /* Translators: %s is a code such as INC-0001, or a number */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not in this dossier"), code);
      return -1;
    }
  /* In the lists' order: by the code's number, then by id (see DOSSIER_CODE_NUMBER_SQL);
   * the index on the number answers both counts without reading the rows. */
  sql = g_strdup_printf ("SELECT (SELECT count(*) FROM %1$s WHERE " DOSSIER_CODE_NUMBER_SQL ("code") " < n.number) "
                         "+ (SELECT count(*) FROM %1$s WHERE " DOSSIER_CODE_NUMBER_SQL ("code") " = n.number AND id < n.id) "
                         "FROM (SELECT id, " DOSSIER_CODE_NUMBER_SQL ("code") " AS number FROM %1$s WHERE code = ?1) n",
                         P (probe)->info->table);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int64 (stmt, 0);
  else
    _dossier_store_set_error (store, error);
  sqlite3_reset (stmt);
  return position;
}
