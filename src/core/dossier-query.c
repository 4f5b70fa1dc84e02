/* dossier-query.c: the shared filter over incidents, answered by SQLite page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists, map and timeline read the same filter, and never hold more than a page of it.
 * Each condition is written so that SQLite answers from an index:
 *
 * - a region and a period, sorted by date: incident (admin1, date_start, date_end), walked
 *   in order; date_end is in the index, so the rows outside the period are skipped without
 *   reading them, and the walk stops after one page;
 * - a period alone: incident (date_start, date_end), the same way;
 * - a violation type, an actor, text: their incidents are listed once from
 *   incident_violation (type, incident_id), incident_actor (actor_id) or the FTS index, and
 *   the walk above checks each row against that list. The unary “+” in “+id IN (…)” keeps
 *   SQLite from doing it the other way round (fetching every listed incident, then sorting
 *   them all for one page): measured on 100,000 incidents, a page of a common violation
 *   type over a year took 31 ms that way and 7 ms this way; a rare one, 16 ms and 5 ms.
 *
 * - a protection level: the incidents of the people of that level, listed the same way
 *   (person has no index on protection: reading its rows costs ~4 ms for 50,000 people).
 *
 * The other lists (people, testimonies, evidence, actors) follow the same filter through
 * their links: a record is kept when it is linked to one of the incidents above. SQLite
 * lists those incidents once, reads their links from the link table's index on incident_id
 * and fetches the records by id, so a page costs about what the count does: on 100,000
 * incidents, 4–10 ms for a region over a year, 20–40 ms for a whole region or an actor.
 *
 * Every value is bound, never printed into the SQL, so that the statement cache holds one
 * statement per shape of filter, not one per period brushed on the timeline.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "dossier-actor.h"
#include "dossier-evidence.h"
#include "dossier-geo.h"
#include "dossier-incident.h"
#include "dossier-person.h"
#include "dossier-query.h"
#include "dossier-record.h"
#include "dossier-search.h"
#include "dossier-testimony.h"
#include "dossier-timeline.h"
#include "dossier-store-private.h"
#include "dossier-info.h"
#include "dossier-record-private.h"

typedef struct {
  const char *text;  /* or NULL for an integer */
  gint64      number;
} Value;

static gboolean
is_set (const char *s)
{
  return s != NULL && *s != '\0';
}

/* Builds " WHERE …" for @query; the values to bind go, in order, into @values, and
 * @match holds the FTS query they may point to. */
static char *
where_clause (const DossierIncidentQuery  *query,
              GArray                      *values,
              char                       **match)
{
  GString *sql = g_string_new (NULL);
  const char *sep = " WHERE ";

#define AND(condition) G_STMT_START { g_string_append (sql, sep); g_string_append (sql, condition); sep = " AND "; } G_STMT_END
#define TEXT(s) G_STMT_START { Value v = { (s), 0 }; g_array_append_val (values, v); } G_STMT_END
#define NUMBER(n) G_STMT_START { Value v = { NULL, (n) }; g_array_append_val (values, v); } G_STMT_END
  *match = NULL;
  if (query == NULL)
    return g_string_free (sql, FALSE);

  if (is_set (query->admin1))
    {
      AND ("admin1 = ?");
      TEXT (query->admin1);
    }
  if (is_set (query->admin2))
    {
      AND ("admin2 = ?");
      TEXT (query->admin2);
    }
  /* Overlap with [from, to]. A NULL end is an open end (“2021-03/..”) and a NULL start an
   * open start (“../2015”); both NULL is no date at all, which no period contains. */
  if (query->date_from > 0)
    {
      AND ("(date_end >= ? OR (date_end IS NULL AND date_start IS NOT NULL))");
      NUMBER (query->date_from);
    }
  if (query->date_to > 0)
    {
      AND ("(date_start <= ? OR (date_start IS NULL AND date_end IS NOT NULL))");
      NUMBER (query->date_to);
    }
  if (is_set (query->verification))
    {
      AND ("verification = ?");
      TEXT (query->verification);
    }
  if (is_set (query->violation_type))
    {
      AND ("+id IN (SELECT incident_id FROM incident_violation WHERE type = ?)");
      TEXT (query->violation_type);
    }
  if (query->actor_id > 0)
    {
      AND ("+id IN (SELECT incident_id FROM incident_actor WHERE actor_id = ?)");
      NUMBER (query->actor_id);
    }
  if (is_set (query->protection))
    {
      AND ("+id IN (SELECT ip.incident_id FROM incident_person ip JOIN person p ON p.id = ip.person_id "
           "WHERE p.protection = ?)");
      TEXT (query->protection);
    }
  if (is_set (query->text))
    {
      *match = dossier_search_build_query (query->text);
      if (*match != NULL)
        {
          AND ("+id IN (SELECT rowid FROM incident_fts WHERE incident_fts MATCH ?)");
          TEXT (*match);
        }
    }
#undef NUMBER
#undef TEXT
#undef AND
  return g_string_free (sql, FALSE);
}

static void
bind_values (sqlite3_stmt *stmt,
             GArray       *values)
{
  for (guint i = 0; i < values->len; i++)
    {
      const Value *v = &g_array_index (values, Value, i);

      if (v->text != NULL)
        sqlite3_bind_text (stmt, i + 1, v->text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i + 1, v->number);
    }
}

/* Runs @sql, which ends in "LIMIT ? OFFSET ?" after the placeholders of @values. */
static GPtrArray *
read_page (DossierStore  *store,
           const char    *sql,
           GArray        *values,
           guint          offset,
           guint          limit,
           GType          type,
           GError       **error)
{
  sqlite3_stmt *stmt = _dossier_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  bind_values (stmt, values);
  sqlite3_bind_int64 (stmt, values->len + 1, limit);
  sqlite3_bind_int64 (stmt, values->len + 2, offset);
  return _dossier_record_read_page (store, stmt, type, error);
}

/**
 * dossier_store_query_incidents:
 * @store: a #DossierStore
 * @query: (nullable): the filter; %NULL for all incidents
 * @sort_column: (nullable): a field of incidents, or "code" (by the code's number); %NULL, "date" or "date_edtf"
 *   sort by date (earliest day, then latest day), the order an index gives
 * @descending: sort order
 * @offset: rows to skip
 * @limit: at most this many rows
 * @error: return location for a #GError
 *
 * Reads one page of the incidents that match @query, ties broken by id so that pages never
 * overlap. Violation types and casualties are loaded with each incident.
 *
 * Returns: (transfer full) (element-type DossierIncident): the page, or %NULL with @error set
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
  g_autoptr(DossierIncident) probe = NULL;
  g_autoptr(GArray) values = NULL;
  g_autofree char *select = NULL;
  g_autofree char *where = NULL;
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *order = NULL;
  const char *dir = descending ? "DESC" : "ASC";

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  probe = dossier_incident_new ();
  if (sort_column == NULL || g_str_equal (sort_column, "date") || g_str_equal (sort_column, "date_edtf"))
    order = g_strdup_printf ("date_start %s, date_end %s, id %s", dir, dir, dir);
  else if (g_str_equal (sort_column, "code"))
    order = g_strdup_printf (DOSSIER_CODE_NUMBER_SQL ("code") " %s, id %s", dir, dir);
  else if (dossier_record_find_field (dossier_record_get_info (DOSSIER_RECORD (probe)), sort_column) != NULL)
    order = g_strdup_printf ("%s %s, id %s", sort_column, dir, dir);
  else
    {
      /* Translators: %s is a column name given by a program, not by the user */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("Incidents cannot be sorted by “%s”"), sort_column);
      return NULL;
    }

  values = g_array_new (FALSE, FALSE, sizeof (Value));
  select = _dossier_record_select_sql (dossier_record_get_info (DOSSIER_RECORD (probe)));
  where = where_clause (query, values, &match);
  sql = g_strdup_printf ("%s%s ORDER BY %s LIMIT ? OFFSET ?", select, where, order);

  return read_page (store, sql, values, offset, limit, DOSSIER_TYPE_INCIDENT, error);
}

/**
 * dossier_store_count_incidents:
 * @store: a #DossierStore
 * @query: (nullable): the filter; %NULL for all incidents
 * @error: return location for a #GError
 *
 * Returns: how many incidents match @query, or -1 with @error set
 */
gint64
dossier_store_count_incidents (DossierStore               *store,
                               const DossierIncidentQuery *query,
                               GError                    **error)
{
  g_autoptr(GArray) values = NULL;
  g_autofree char *where = NULL;
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  values = g_array_new (FALSE, FALSE, sizeof (Value));
  where = where_clause (query, values, &match);
  sql = g_strdup_printf ("SELECT count(*) FROM incident%s", where);
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

/* How records of a kind other than incidents reach the incidents of a filter. */
typedef struct {
  GType       (*get_type) (void);
  const char   *link_table;
  const char   *column;      /* in link_table, the record's id */
} Reach;

static const Reach reaches[] = {
  { dossier_person_get_type, "incident_person", "person_id" },
  { dossier_testimony_get_type, "testimony_incident", "testimony_id" },
  { dossier_evidence_get_type, "evidence_incident", "evidence_id" },
  { dossier_actor_get_type, "incident_actor", "actor_id" },
};

static const Reach *
find_reach (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (reaches); i++)
    if (reaches[i].get_type () == type)
      return &reaches[i];
  return NULL;
}

/* Builds " WHERE …" over the table of @reach's records for @query, or "" when @query keeps
 * them all; the values to bind go, in order, into @values. */
static char *
records_where_clause (const Reach                 *reach,
                      const DossierIncidentQuery  *query,
                      GArray                      *values,
                      char                       **match)
{
  DossierIncidentQuery incidents = { 0 };
  g_autofree char *where = NULL;
  GString *sql = g_string_new (NULL);
  gboolean protection;

  if (query != NULL)
    incidents = *query;
  /* A person's own protection level says it, rather than that of the other people of their
   * incidents; with nothing else set, that is all people of that level, linked or not. */
  protection = reach->get_type () == DOSSIER_TYPE_PERSON && is_set (incidents.protection);
  if (protection)
    incidents.protection = NULL;

  where = where_clause (&incidents, values, match);
  if (*where != '\0')
    g_string_append_printf (sql, " WHERE id IN (SELECT %s FROM %s WHERE incident_id IN (SELECT id FROM incident%s))",
                            reach->column, reach->link_table, where);
  if (protection)
    {
      Value v = { query->protection, 0 };

      g_string_append (sql, sql->len > 0 ? " AND protection = ?" : " WHERE protection = ?");
      g_array_append_val (values, v);
    }
  return g_string_free (sql, FALSE);
}

/**
 * dossier_store_query_records:
 * @store: a #DossierStore
 * @type: %DOSSIER_TYPE_INCIDENT, %DOSSIER_TYPE_PERSON, %DOSSIER_TYPE_TESTIMONY,
 *   %DOSSIER_TYPE_EVIDENCE or %DOSSIER_TYPE_ACTOR
 * @query: (nullable): the filter; %NULL for all records
 * @sort_column: (nullable): a field of @type, or "code", "created_at"; %NULL for id order
 *   (for incidents, see dossier_store_query_incidents())
 * @descending: sort order
 * @offset: rows to skip
 * @limit: at most this many rows
 * @error: return location for a #GError
 *
 * Reads one page of the records of @type that the filter of the incidents keeps: the
 * people, testimonies, evidence items or actors linked to at least one incident of @query.
 * People are kept by their own protection level, not by that of the other people of their
 * incidents. An empty @query keeps every record, linked or not, as
 * dossier_store_load_page() does. Ties are broken by id so that pages never overlap.
 *
 * Returns: (transfer full) (element-type DossierRecord): the page, or %NULL with @error set
 */
GPtrArray *
dossier_store_query_records (DossierStore               *store,
                             GType                       type,
                             const DossierIncidentQuery *query,
                             const char                 *sort_column,
                             gboolean                    descending,
                             guint                       offset,
                             guint                       limit,
                             GError                    **error)
{
  g_autoptr(DossierRecord) probe = NULL;
  g_autoptr(GArray) values = NULL;
  g_autofree char *select = NULL;
  g_autofree char *where = NULL;
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  const char *dir = descending ? "DESC" : "ASC";
  const Reach *reach;

  if (type == DOSSIER_TYPE_INCIDENT)
    return dossier_store_query_incidents (store, query, sort_column, descending, offset, limit, error);

  reach = find_reach (type);
  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (reach != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  values = g_array_new (FALSE, FALSE, sizeof (Value));
  where = records_where_clause (reach, query, values, &match);
  if (*where == '\0')
    return dossier_store_load_page (store, type, sort_column, descending, offset, limit, error);

  /* The columns dossier_store_load_page() accepts, and those only: the name is printed
   * into the SQL. */
  probe = g_object_new (type, NULL);
  if (sort_column != NULL && !g_str_equal (sort_column, "code") && !g_str_equal (sort_column, "created_at") &&
      dossier_record_find_field (dossier_record_get_info (probe), sort_column) == NULL)
    {
      /* Translators: %s is a column name given by a program, not by the user */
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID,
                   _("This list cannot be sorted by “%s”"), sort_column);
      return NULL;
    }

  select = _dossier_record_select_sql (dossier_record_get_info (probe));
  if (g_strcmp0 (sort_column, "code") == 0)
    sort_column = DOSSIER_CODE_NUMBER_SQL ("code");
  if (sort_column != NULL)
    sql = g_strdup_printf ("%s%s ORDER BY %s %s, id %s LIMIT ? OFFSET ?", select, where, sort_column, dir, dir);
  else
    sql = g_strdup_printf ("%s%s ORDER BY id %s LIMIT ? OFFSET ?", select, where, dir);

  return read_page (store, sql, values, offset, limit, type, error);
}

/**
 * dossier_store_count_records_query:
 * @store: a #DossierStore
 * @type: a type that dossier_store_query_records() takes
 * @query: (nullable): the filter; %NULL for all records
 * @error: return location for a #GError
 *
 * Returns: how many records of @type dossier_store_query_records() lists for @query, or -1
 *   with @error set
 */
gint64
dossier_store_count_records_query (DossierStore               *store,
                                   GType                       type,
                                   const DossierIncidentQuery *query,
                                   GError                    **error)
{
  g_autoptr(DossierRecord) probe = NULL;
  g_autoptr(GArray) values = NULL;
  g_autofree char *where = NULL;
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  const Reach *reach;
  gint64 n = -1;

  if (type == DOSSIER_TYPE_INCIDENT)
    return dossier_store_count_incidents (store, query, error);

  reach = find_reach (type);
  g_return_val_if_fail (DOSSIER_IS_STORE (store), -1);
  g_return_val_if_fail (reach != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  values = g_array_new (FALSE, FALSE, sizeof (Value));
  where = records_where_clause (reach, query, values, &match);
  if (*where == '\0')
    return dossier_store_count_records (store, type, error);

  probe = g_object_new (type, NULL);
  sql = g_strdup_printf ("SELECT count(*) FROM %s%s", dossier_record_get_info (probe)->table, where);
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

/**
 * dossier_store_count_query:
 * @store: a #DossierStore
 * @query: (nullable): the filter
 * @counts: (out): how many incidents it keeps, and how many records of each kind are
 *   linked to them (see dossier_store_count_records_query())
 * @cancellable: (nullable): stops between the kinds of records
 * @error: return location for a #GError
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
dossier_store_count_query (DossierStore               *store,
                           const DossierIncidentQuery *query,
                           DossierStoreCounts         *counts,
                           GCancellable               *cancellable,
                           GError                    **error)
{
  GType types[] = { DOSSIER_TYPE_PERSON, DOSSIER_TYPE_TESTIMONY, DOSSIER_TYPE_EVIDENCE, DOSSIER_TYPE_ACTOR };
  gint64 *slots[] = { &counts->people, &counts->testimonies, &counts->evidence, &counts->actors };

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  if ((counts->incidents = dossier_store_count_incidents (store, query, error)) < 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if ((*slots[i] = dossier_store_count_records_query (store, types[i], query, error)) < 0)
        return FALSE;
    }
  return TRUE;
}

/* In a worker thread, on a connection of its own: the people, testimonies and actors
 * linked to a region's incidents take a quarter of a second to count on 100,000. */
static void
count_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  g_autoptr(DossierStore) reader = NULL;
  g_autofree DossierStoreCounts *counts = g_new0 (DossierStoreCounts, 1);
  GError *error = NULL;

  reader = dossier_store_open_reader (source, &error);
  if (reader == NULL || !dossier_store_count_query (reader, data, counts, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&counts), g_free);
}

/**
 * dossier_store_count_query_async:
 * @store: a #DossierStore
 * @query: (nullable): the filter, copied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called in this thread when the counts are known
 * @user_data: for @callback
 *
 * Counts as dossier_store_count_query() does, in a worker thread.
 */
void
dossier_store_count_query_async (DossierStore               *store,
                                 const DossierIncidentQuery *query,
                                 GCancellable               *cancellable,
                                 GAsyncReadyCallback         callback,
                                 gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_store_count_query_async);
  g_task_set_task_data (task, dossier_incident_query_copy (query), (GDestroyNotify) dossier_incident_query_free);
  g_task_run_in_thread (task, count_in_thread);
}

gboolean
dossier_store_count_query_finish (DossierStore        *store,
                                  GAsyncResult        *result,
                                  DossierStoreCounts  *counts,
                                  GError             **error)
{
  g_autofree DossierStoreCounts *found = NULL;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_store_count_query_async, FALSE);

  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return FALSE;
  *counts = *found;
  return TRUE;
}

void
dossier_breakdown_row_free (DossierBreakdownRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row);
}

/**
 * dossier_store_breakdown:
 * @store: a #DossierStore
 * @breakdown: what to count incidents (or victims) by
 * @query: (nullable): the incidents to count
 * @error: return location for a #GError
 *
 * Same as dossier_store_breakdown_measure() counting incidents.
 *
 * Returns: (transfer full) (element-type DossierBreakdownRow): the rows, or %NULL on error
 */
GPtrArray *
dossier_store_breakdown (DossierStore               *store,
                         DossierBreakdown            breakdown,
                         const DossierIncidentQuery *query,
                         GError                    **error)
{
  return dossier_store_breakdown_measure (store, breakdown, DOSSIER_MEASURE_INCIDENTS, query, error);
}

/**
 * dossier_store_breakdown_measure:
 * @store: a #DossierStore
 * @breakdown: what to count by
 * @measure: count incidents, or add up their victims
 * @query: (nullable): the incidents to count
 * @error: return location for a #GError
 *
 * Counts the incidents of @query, or adds up their victims (all categories and groups),
 * by year, month, region, violation type (an incident counts once for each of its types)
 * or kind of alleged perpetrator (once for each kind). Victims by group are victims
 * whatever @measure. Years and months come in time order, the others largest first; a
 * month or year with nothing is not listed.
 *
 * Returns: (transfer full) (element-type DossierBreakdownRow): the rows, or %NULL on error
 */
GPtrArray *
dossier_store_breakdown_measure (DossierStore               *store,
                                 DossierBreakdown            breakdown,
                                 DossierMeasure              measure,
                                 const DossierIncidentQuery *query,
                                 GError                    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_breakdown_row_free);
  g_autoptr(GArray) values = NULL;
  g_autofree char *where = NULL;
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *body = NULL;
  const char *m;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  m = measure == DOSSIER_MEASURE_VICTIMS ? "sum (f.victims)" : "count (*)";
  switch (breakdown)
    {
    case DOSSIER_BREAKDOWN_YEAR:
    case DOSSIER_BREAKDOWN_MONTH:
      /* GDate's day 1 is 1 January of year 1, Julian day 1721425.5. */
      body = g_strdup_printf ("SELECT strftime ('%s', 1721424.5 + date_start) AS k, %s FROM f "
                              "WHERE date_start IS NOT NULL GROUP BY k ORDER BY k",
                              breakdown == DOSSIER_BREAKDOWN_YEAR ? "%Y" : "%Y-%m", m);
      break;
    case DOSSIER_BREAKDOWN_REGION:
      body = g_strdup_printf ("SELECT admin1, %s AS n FROM f WHERE admin1 IS NOT NULL "
                              "GROUP BY admin1 ORDER BY n DESC, admin1", m);
      break;
    case DOSSIER_BREAKDOWN_VIOLATION_TYPE:
      body = g_strdup_printf ("SELECT t.type, %s AS n FROM incident_violation t JOIN f ON f.id = t.incident_id "
                              "GROUP BY t.type ORDER BY n DESC, t.type", m);
      break;
    case DOSSIER_BREAKDOWN_ACTOR_KIND:
      /* Each incident once per kind, however many actors of that kind it names. */
      body = g_strdup_printf ("SELECT k.kind, %s AS n FROM "
                              "(SELECT DISTINCT a.kind, ia.incident_id FROM incident_actor ia "
                              " JOIN actor a ON a.id = ia.actor_id WHERE ia.role = 'alleged-perpetrator') k "
                              "JOIN f ON f.id = k.incident_id GROUP BY k.kind ORDER BY n DESC, k.kind", m);
      break;
    case DOSSIER_BREAKDOWN_VICTIMS_GROUP:
      body = g_strdup ("SELECT c.grp, sum (c.count) AS n FROM casualty c JOIN f ON f.id = c.incident_id "
                       "GROUP BY c.grp ORDER BY n DESC, c.grp");
      break;
    case DOSSIER_BREAKDOWN_TESTIMONY_STATUS:
      body = g_strdup ("SELECT status, count (*) AS n FROM t GROUP BY status ORDER BY n DESC, status");
      break;
    case DOSSIER_BREAKDOWN_TESTIMONY_OFFICE:
      body = g_strdup ("SELECT office, count (*) AS n FROM t WHERE office IS NOT NULL GROUP BY office ORDER BY n DESC, office");
      break;
    case DOSSIER_BREAKDOWN_TESTIMONY_MONTH:
      body = g_strdup ("SELECT substr (taken_on, 1, 7) AS k, count (*) FROM t "
                       "WHERE taken_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' GROUP BY k ORDER BY k");
      break;
    case DOSSIER_BREAKDOWN_WITNESS_SEX:
    case DOSSIER_BREAKDOWN_WITNESS_AGE_GROUP:
      body = g_strdup_printf ("SELECT p.%s AS k, count (*) AS n FROM person p "
                              "WHERE p.id IN (SELECT person_id FROM t) AND p.%s IS NOT NULL GROUP BY k ORDER BY n DESC, k",
                              breakdown == DOSSIER_BREAKDOWN_WITNESS_SEX ? "sex" : "age_group",
                              breakdown == DOSSIER_BREAKDOWN_WITNESS_SEX ? "sex" : "age_group");
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  values = g_array_new (FALSE, FALSE, sizeof (Value));
  where = where_clause (query, values, &match);
  if (breakdown >= DOSSIER_BREAKDOWN_TESTIMONY_STATUS)
    /* The testimonies of the filter's incidents, or every testimony when nothing is filtered. */
    sql = *where ? g_strdup_printf ("WITH t AS (SELECT id, status, office, taken_on, person_id FROM testimony WHERE id IN "
                                    "(SELECT testimony_id FROM testimony_incident WHERE incident_id IN "
                                    "(SELECT id FROM incident%s))) %s", where, body)
                 : g_strdup_printf ("WITH t AS (SELECT id, status, office, taken_on, person_id FROM testimony) %s", body);
  else if (measure == DOSSIER_MEASURE_VICTIMS)
    sql = g_strdup_printf ("WITH vic AS (SELECT incident_id, sum (count) AS n FROM casualty GROUP BY incident_id), "
                           "f AS (SELECT id, date_start, admin1, "
                           "coalesce ((SELECT n FROM vic WHERE vic.incident_id = incident.id), 0) AS victims "
                           "FROM incident%s) %s", where, body);
  else
    sql = g_strdup_printf ("WITH f AS (SELECT id, date_start, admin1 FROM incident%s) %s", where, body);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_values (stmt, values);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierBreakdownRow *row = g_new0 (DossierBreakdownRow, 1);

      row->key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      row->count = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* " WHERE <filter> AND <more>", or " WHERE <more>" when the filter is empty. */
static char *
where_and (const char *where,
           const char *more)
{
  return *where ? g_strdup_printf ("%s AND %s", where, more) : g_strdup_printf (" WHERE %s", more);
}

/**
 * dossier_store_map_points:
 * @store: a #DossierStore
 * @query: (nullable): the incidents shown
 * @south: the box's edges, in degrees
 * @west:
 * @north:
 * @east:
 * @colour_by: what each point's key is
 * @error: return location for a #GError
 *
 * The located incidents of @query inside the box, found through the spatial index: only
 * what the map's view holds is read.
 *
 * Returns: (transfer full) (element-type DossierGeoPoint): the points, by id, or %NULL
 */
GArray *
dossier_store_map_points (DossierStore               *store,
                          const DossierIncidentQuery *query,
                          double                      south,
                          double                      west,
                          double                      north,
                          double                      east,
                          DossierColourBy             colour_by,
                          GError                    **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (DossierGeoPoint));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (Value));
  g_autofree char *match = NULL;
  g_autofree char *where = NULL;
  g_autofree char *full = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  where = where_clause (query, values, &match);
  /* A small view is found through the spatial index; a large one (a whole country) holds
   * most incidents, and reading the table straight is then three times faster than
   * fetching each of them by the ids the index lists (measured: 33 ms against 112 ms for
   * 90,000 incidents). */
  if ((north - south) * (east - west) < 16)
    full = where_and (where, "+id IN (SELECT id FROM incident_rtree WHERE max_lat >= ? AND min_lat <= ? "
                             "AND max_lon >= ? AND min_lon <= ?)");
  else
    full = where_and (where, "latitude >= ? AND latitude <= ? AND longitude >= ? AND longitude <= ?");
  /* The smallest type code: incident_violation's key (incident_id, type) answers it. */
  sql = g_strdup_printf ("SELECT id, latitude, longitude, location_precision, %s FROM incident%s ORDER BY id",
                         colour_by == DOSSIER_COLOUR_BY_VERIFICATION
                         ? "verification"
                         : "(SELECT min (type) FROM incident_violation v WHERE v.incident_id = incident.id)",
                         full);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_values (stmt, values);
  sqlite3_bind_double (stmt, values->len + 1, south);
  sqlite3_bind_double (stmt, values->len + 2, north);
  sqlite3_bind_double (stmt, values->len + 3, west);
  sqlite3_bind_double (stmt, values->len + 4, east);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierGeoPoint point = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_double (stmt, 1),
        sqlite3_column_double (stmt, 2),
        g_intern_string ((const char *) sqlite3_column_text (stmt, 4)),
        g_intern_string ((const char *) sqlite3_column_text (stmt, 3)),
      };

      g_array_append_val (points, point);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&points);
}

/**
 * dossier_store_map_bounds:
 * @store: a #DossierStore
 * @query: (nullable): the incidents shown
 * @south: (out): the edges of the box holding every located incident of @query
 * @west: (out):
 * @north: (out):
 * @east: (out):
 * @error: return location for a #GError
 *
 * Returns: %TRUE if @query has located incidents; %FALSE with @error unset if none
 */
gboolean
dossier_store_map_bounds (DossierStore               *store,
                          const DossierIncidentQuery *query,
                          double                     *south,
                          double                     *west,
                          double                     *north,
                          double                     *east,
                          GError                    **error)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (Value));
  g_autofree char *match = NULL;
  g_autofree char *where = NULL;
  g_autofree char *full = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);

  where = where_clause (query, values, &match);
  full = where_and (where, "latitude IS NOT NULL AND longitude IS NOT NULL");
  sql = g_strdup_printf ("SELECT min (latitude), min (longitude), max (latitude), max (longitude), count (*) "
                         "FROM incident%s", full);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_values (stmt, values);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 4) > 0)
    {
      *south = sqlite3_column_double (stmt, 0);
      *west = sqlite3_column_double (stmt, 1);
      *north = sqlite3_column_double (stmt, 2);
      *east = sqlite3_column_double (stmt, 3);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _dossier_store_set_error (store, error);
      return FALSE;
    }
  return found;
}

/**
 * dossier_incident_query_copy:
 * @query: (nullable): a query
 *
 * Returns: (transfer full): a copy that owns its strings, for another thread
 */
DossierIncidentQuery *
dossier_incident_query_copy (const DossierIncidentQuery *query)
{
  DossierIncidentQuery *copy = g_new0 (DossierIncidentQuery, 1);

  if (query == NULL)
    return copy;
  *copy = *query;
  copy->text = g_strdup (query->text);
  copy->admin1 = g_strdup (query->admin1);
  copy->admin2 = g_strdup (query->admin2);
  copy->violation_type = g_strdup (query->violation_type);
  copy->verification = g_strdup (query->verification);
  copy->protection = g_strdup (query->protection);
  return copy;
}

void
dossier_incident_query_free (DossierIncidentQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_free (query->admin1);
  g_free (query->admin2);
  g_free (query->violation_type);
  g_free (query->verification);
  g_free (query->protection);
  g_free (query);
}

/* By lane (none first), then start, then id: the order dossier_timeline_layout() wants. */
static int
compare_timeline_items (gconstpointer a,
                        gconstpointer b)
{
  const DossierTimelineItem *p = a, *q = b;
  int lane = p->lane == q->lane ? 0 : p->lane == NULL ? -1 : q->lane == NULL ? 1 : strcmp (p->lane, q->lane);

  if (lane != 0)
    return lane;
  if (p->start != q->start)
    return p->start < q->start ? -1 : 1;
  return (p->id > q->id) - (p->id < q->id);
}

/**
 * dossier_store_timeline_items:
 * @store: a #DossierStore
 * @query: (nullable): the incidents shown
 * @colour_by: what each item's key is
 * @lanes: what each item's lane is
 * @error: return location for a #GError
 *
 * The dated incidents of @query, with their spans and how their dates are known, ordered
 * by lane, then by start, then by id (the order dossier_timeline_layout() wants).
 *
 * Returns: (transfer full) (element-type DossierTimelineItem): the items, or %NULL
 */
GArray *
dossier_store_timeline_items (DossierStore               *store,
                              const DossierIncidentQuery *query,
                              DossierColourBy             colour_by,
                              DossierLanes                lanes,
                              GError                    **error)
{
  static const char * const lane_columns[] = {
    [DOSSIER_LANES_NONE] = "NULL",
    [DOSSIER_LANES_REGION] = "admin1",
    [DOSSIER_LANES_ACTOR_KIND] = "(SELECT min (a.kind) FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id "
                                 "WHERE ia.incident_id = incident.id AND ia.role = 'alleged-perpetrator')",
    [DOSSIER_LANES_VIOLATION_TYPE] = "(SELECT min (type) FROM incident_violation v WHERE v.incident_id = incident.id)",
  };
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (DossierTimelineItem));
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (Value));
  g_autofree char *match = NULL;
  g_autofree char *where = NULL;
  g_autofree char *full = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (lanes <= DOSSIER_LANES_VIOLATION_TYPE, NULL);

  where = where_clause (query, values, &match);
  full = where_and (where, "date_start IS NOT NULL");
  /* Read in index order, sorted here: SQLite would sort through a temporary tree. */
  sql = g_strdup_printf ("SELECT id, date_start, coalesce (date_end, date_start), date_edtf, %s, %s AS lane "
                         "FROM incident INDEXED BY incident_timeline%s",
                         colour_by == DOSSIER_COLOUR_BY_VERIFICATION
                         ? "verification"
                         : "(SELECT min (type) FROM incident_violation v WHERE v.incident_id = incident.id)",
                         lane_columns[lanes], full);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_values (stmt, values);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierTimelineItem item = {
        sqlite3_column_int64 (stmt, 0),
        (guint32) sqlite3_column_int64 (stmt, 1),
        (guint32) sqlite3_column_int64 (stmt, 2),
        dossier_timeline_flags ((const char *) sqlite3_column_text (stmt, 3)),
        g_intern_string ((const char *) sqlite3_column_text (stmt, 4)),
        g_intern_string ((const char *) sqlite3_column_text (stmt, 5)),
        0,
      };

      if (item.end < item.start)
        item.end = item.start;
      g_array_append_val (items, item);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return NULL;
    }
  g_array_sort (items, compare_timeline_items);
  return g_steal_pointer (&items);
}

/**
 * dossier_store_query_ids:
 * @store: a #DossierStore
 * @query: (nullable): a filter
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint64): the ids of the incidents of @query, in
 *   order, or %NULL
 */
GArray *
dossier_store_query_ids (DossierStore               *store,
                         const DossierIncidentQuery *query,
                         GError                    **error)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (Value));
  g_autofree char *match = NULL;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  where = where_clause (query, values, &match);
  sql = g_strdup_printf ("SELECT id FROM incident%s ORDER BY id", where);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_values (stmt, values);
  return _dossier_store_collect_ids (store, stmt, error);
}

/**
 * dossier_store_evidence_points:
 * @store: a #DossierStore
 * @error: return location for a #GError
 *
 * The evidence items whose files say where they were captured.
 *
 * Returns: (transfer full) (element-type DossierGeoPoint): their positions, by id (the key
 *   is the item's code), or %NULL
 */
GArray *
dossier_store_evidence_points (DossierStore  *store,
                               GError       **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (DossierGeoPoint));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  stmt = _dossier_store_prepare (store, "SELECT id, latitude, longitude, code FROM evidence "
                                 "WHERE latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierGeoPoint point = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_double (stmt, 1), sqlite3_column_double (stmt, 2),
        g_intern_string ((const char *) sqlite3_column_text (stmt, 3)), NULL,
      };

      g_array_append_val (points, point);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&points);
}
