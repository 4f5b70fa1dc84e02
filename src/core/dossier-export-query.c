/* dossier-export-query.c: what an export lists of a record's links, by its redaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex and the tables show, beside a record, the codes of the records linked to it.
 * Which of those may appear is the redaction's to say: each query below takes its
 * condition from the DossierRedaction of the export, so that the rule is written once and
 * no exporter writes SQL.
 */
#include "config.h"

#include "dossier-export-query.h"
#include "dossier-store-private.h"

void
dossier_export_linked_free (DossierExportLinked *linked)
{
  if (linked == NULL)
    return;
  g_free (linked->code);
  g_free (linked->role);
  g_free (linked);
}

/* Each query's columns: the code, a role or NULL, whether it is withheld. @KEPT stands
 * for the redaction's condition on the table and part given beside it. */
static const struct {
  const char *sql;
  const char *table;   /* of the condition, or NULL for none */
  const char *part;
  const char *alias;
} relations[] = {
  [DOSSIER_EXPORT_INCIDENT_ACTORS] = {
    "SELECT coalesce (nullif (a.acronym, ''), a.name, a.code) || ' ' || a.code, ia.role, 0 "
    "FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id WHERE ia.incident_id = ?1 ORDER BY ia.id" },
  /* A person of whom nothing but the code may be said appears without a role. */
  [DOSSIER_EXPORT_INCIDENT_PEOPLE] = {
    "SELECT p.code, CASE WHEN @KEPT THEN ip.role ELSE '' END, 0 "
    "FROM incident_person ip JOIN person p ON p.id = ip.person_id WHERE ip.incident_id = ?1 ORDER BY p.code",
    "person", DOSSIER_REDACTION_PERSON_INCIDENTS, "p" },
  [DOSSIER_EXPORT_INCIDENT_TESTIMONIES] = {
    "SELECT t.code, NULL, 0 FROM testimony_incident ti JOIN testimony t ON t.id = ti.testimony_id "
    "WHERE ti.incident_id = ?1 ORDER BY t.code" },
  [DOSSIER_EXPORT_INCIDENT_EVIDENCE] = {
    "SELECT e.code, NULL, 0 FROM evidence_incident ei JOIN evidence e ON e.id = ei.evidence_id "
    "WHERE ei.incident_id = ?1 AND @KEPT ORDER BY e.code",
    "evidence", "*", "e" },
  [DOSSIER_EXPORT_TESTIMONY_INCIDENTS] = {
    "SELECT i.code, NULL, 0 FROM testimony_incident ti JOIN incident i ON i.id = ti.incident_id "
    "WHERE ti.testimony_id = ?1 AND @KEPT ORDER BY i.code",
    "incident", "*", "i" },
  /* Who gave a testimony is more than a code: said only of those the profile allows. */
  [DOSSIER_EXPORT_TESTIMONY_WITNESS] = {
    "SELECT p.code, NULL, NOT (@KEPT) FROM testimony t JOIN person p ON p.id = t.person_id WHERE t.id = ?1",
    "person", DOSSIER_REDACTION_PERSON_TESTIMONIES, "p" },
  [DOSSIER_EXPORT_PERSON_INCIDENTS] = {
    "SELECT i.code, ip.role, 0 FROM incident_person ip JOIN incident i ON i.id = ip.incident_id "
    "WHERE ip.person_id = ?1 AND @KEPT ORDER BY i.code",
    "incident", "*", "i" },
  [DOSSIER_EXPORT_PERSON_TESTIMONIES] = {
    "SELECT code, NULL, 0 FROM testimony WHERE person_id = ?1 ORDER BY code" },
  [DOSSIER_EXPORT_EVIDENCE_INCIDENTS] = {
    "SELECT i.code, NULL, 0 FROM evidence_incident ei JOIN incident i ON i.id = ei.incident_id "
    "WHERE ei.evidence_id = ?1 AND @KEPT ORDER BY i.code",
    "incident", "*", "i" },
  [DOSSIER_EXPORT_ACTOR_PARENT] = {
    "SELECT p.code, NULL, 0 FROM actor a JOIN actor p ON p.id = a.parent_id WHERE a.id = ?1" },
};

/* Resets @stmt after its last step @rc: a failed step is an error, not the end. */
static gboolean
step_done (DossierStore  *store,
           sqlite3_stmt  *stmt,
           int            rc,
           GError       **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  _dossier_store_set_error (store, error);
  return FALSE;
}

/**
 * dossier_export_query_linked:
 * @store: the dossier
 * @redaction: the export's
 * @relation: which records
 * @id: the record they are linked to (an actor, for %DOSSIER_EXPORT_ACTOR_PARENT)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DossierExportLinked): the linked records an
 *   export by @redaction may list, in the order it lists them, or %NULL
 */
GPtrArray *
dossier_export_query_linked (DossierStore           *store,
                             DossierRedaction       *redaction,
                             DossierExportRelation   relation,
                             gint64                  id,
                             GError                **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *condition = NULL;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (DOSSIER_IS_REDACTION (redaction), NULL);
  g_return_val_if_fail (relation < G_N_ELEMENTS (relations), NULL);

  sql = g_string_new (relations[relation].sql);
  if (relations[relation].table != NULL)
    {
      condition = dossier_redaction_condition (redaction, relations[relation].table,
                                               relations[relation].part, relations[relation].alias);
      g_string_replace (sql, "@KEPT", condition, 0);
    }
  stmt = _dossier_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_export_linked_free);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierExportLinked *linked = g_new0 (DossierExportLinked, 1);

      linked->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      linked->role = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      linked->withheld = sqlite3_column_int (stmt, 2) != 0;
      g_ptr_array_add (rows, linked);
    }
  if (!step_done (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/**
 * dossier_export_query_alleged:
 * @store: the dossier
 * @redaction: the export's
 * @actor_id: an actor
 * @error: return location for a #GError
 *
 * Returns: how many incidents an export by @redaction shows the actor as alleged to have
 *   committed, or -1
 */
gint64
dossier_export_query_alleged (DossierStore      *store,
                              DossierRedaction  *redaction,
                              gint64             actor_id,
                              GError           **error)
{
  g_autofree char *condition = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), -1);
  g_return_val_if_fail (DOSSIER_IS_REDACTION (redaction), -1);

  condition = dossier_redaction_condition (redaction, "incident", "*", "i");
  sql = g_strdup_printf ("SELECT count (DISTINCT ia.incident_id) FROM incident_actor ia JOIN incident i ON i.id = ia.incident_id "
                         "WHERE ia.actor_id = ?1 AND ia.role = 'alleged-perpetrator' AND %s", condition);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, actor_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    _dossier_store_set_error (store, error);
  sqlite3_reset (stmt);
  return n;
}

/**
 * dossier_export_query_custody:
 * @store: the dossier
 * @evidence_id: an evidence item
 * @events: (out): the number of events in its custody log
 * @last_action: (out) (optional) (transfer full): the last one's action, or %NULL if none
 * @last_at: (out) (optional) (transfer full): when it was logged (UTC, ISO 8601), or %NULL
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_export_query_custody (DossierStore  *store,
                              gint64         evidence_id,
                              gint64        *events,
                              char         **last_action,
                              char         **last_at,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (events != NULL, FALSE);

  *events = 0;
  if (last_action != NULL)
    *last_action = NULL;
  if (last_at != NULL)
    *last_at = NULL;
  stmt = _dossier_store_prepare (store, "SELECT (SELECT count (*) FROM custody_event WHERE evidence_id = ?1), action, at "
                                        "FROM custody_event WHERE evidence_id = ?1 ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, evidence_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *events = sqlite3_column_int64 (stmt, 0);
      if (last_action != NULL)
        *last_action = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (last_at != NULL)
        *last_at = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      rc = SQLITE_DONE;
    }
  return step_done (store, stmt, rc, error);
}
