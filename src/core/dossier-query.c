/* dossier-query.c: the shared filter over incidents, answered by SQLite page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists, map and timeline read the same filter. Each condition is written so that SQLite
 * can use an index: (admin1, date_start) for a region and period, (date_start, date_end)
 * for a period, incident_violation (type, incident_id) and incident_actor (actor_id) for
 * the linked criteria, the FTS index for text.
 */
#include "config.h"

#include "dossier-incident.h"
#include "dossier-query.h"
#include "dossier-record.h"
#include "dossier-search.h"

/* Builds " WHERE …" for @query and binds nothing: the values go in order into @values. */
static char *
where_clause (const DossierIncidentQuery *query,
              GPtrArray                  *values)
{
  GString *sql = g_string_new (NULL);
  const char *sep = " WHERE ";

#define AND(...) G_STMT_START { g_string_append (sql, sep); g_string_append_printf (sql, __VA_ARGS__); sep = " AND "; } G_STMT_END
  if (query == NULL)
    return g_string_free (sql, FALSE);
  if (query->admin1 && *query->admin1)
    {
      AND ("admin1 = ?");
      g_ptr_array_add (values, g_strdup (query->admin1));
    }
  if (query->date_from > 0)
    {
      AND ("(date_end IS NULL OR date_end >= %u)", query->date_from);
    }
  if (query->date_to > 0)
    {
      AND ("(date_start IS NULL OR date_start <= %u)", query->date_to);
    }
  if (query->verification && *query->verification)
    {
      AND ("verification = ?");
      g_ptr_array_add (values, g_strdup (query->verification));
    }
  if (query->violation_type && *query->violation_type)
    {
      AND ("id IN (SELECT incident_id FROM incident_violation WHERE type = ?)");
      g_ptr_array_add (values, g_strdup (query->violation_type));
    }
  if (query->actor_id > 0)
    {
      AND ("id IN (SELECT incident_id FROM incident_actor WHERE actor_id = %" G_GINT64_FORMAT ")", query->actor_id);
    }
  if (query->text && *query->text)
    {
      g_autofree char *match = dossier_search_build_query (query->text);

      if (match != NULL)
        {
          AND ("id IN (SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?)");
          g_ptr_array_add (values, g_steal_pointer (&match));
        }
    }
#undef AND
  return g_string_free (sql, FALSE);
}

static void
bind_values (sqlite3_stmt *stmt,
             GPtrArray    *values)
{
  for (guint i = 0; i < values->len; i++)
    sqlite3_bind_text (stmt, i + 1, values->pdata[i], -1, SQLITE_TRANSIENT);
}

/**
 * dossier_store_query_incidents:
 * @store: a #DossierStore
 * @query: (nullable): the filter
 * @sort_column: (nullable): a field of incidents ("date_edtf" sorts by date), "code", or
 *   %NULL for the date
 * @descending: sort order
 * @offset: rows to skip
 * @limit: at most this many rows
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DossierIncident): one page of incidents
 */
GPtrArray *
dossier_store_query_incidents (DossierStore               *store,
                               const DossierIncidentQuery *query,
                               const char                 *sort_column,
                               gboolean                    descending,
                               guint                       offset,
                               guint                       limit,
                               GError                    **error)
{
  g_autoptr(DossierIncident) probe = dossier_incident_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *select = _dossier_record_select_sql (DOSSIER_RECORD (probe)->info);
  g_autofree char *where = where_clause (query, values);
  g_autofree char *sql = NULL;
  const char *dir = descending ? "DESC" : "ASC";
  const char *column;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  if (sort_column == NULL || g_str_equal (sort_column, "date_edtf"))
    column = "date_start";
  else if (g_str_equal (sort_column, "code") ||
           dossier_record_find_field (DOSSIER_RECORD (probe)->info, sort_column) != NULL)
    column = sort_column;
  else
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID, "no column %s", sort_column);
      return NULL;
    }

  sql = g_strdup_printf ("%s%s ORDER BY %s %s, id %s LIMIT %u OFFSET %u",
                         select, where, column, dir, dir, limit, offset);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_values (stmt, values);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierRecord *record = DOSSIER_RECORD (dossier_incident_new ());

      _dossier_record_read_row (record, stmt);
      g_ptr_array_add (page, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return NULL;
    }
  for (guint i = 0; i < page->len; i++)
    {
      DossierRecord *record = page->pdata[i];
      if (!record->info->load_extra (store, record, error))
        return NULL;
    }
  return g_steal_pointer (&page);
}

gint64
dossier_store_count_incidents (DossierStore               *store,
                               const DossierIncidentQuery *query,
                               GError                    **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *where = where_clause (query, values);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM incident%s", where);
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), -1);

  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return -1;
  bind_values (stmt, values);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _dossier_store_set_error (store, error);
  sqlite3_reset (stmt);
  return n;
}
