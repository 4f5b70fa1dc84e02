/* dossier-redaction.c: what leaves the dossier, by profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that decides what an export may hold; every exporter asks it. Identities
 * never leave but in the internal profile (no exporter here writes them at all). For
 * incidents, by their confidentiality:
 *
 *   profile    public incident    restricted incident        confidential incident
 *   public     all                code, date, place, figures  left out
 *   annex      all                all                         code, date, place, figures
 *   internal   all                all                         all
 *
 * "Texts" are the titles, summaries and sources: where a witness's words or a name may be.
 *
 * For the other records:
 *   - a person's details (sex, age, residence, roles, testimonies given) are shown except,
 *     in public, for a person whose protection level is not "public": a code and a level;
 *   - confidential evidence is left out in public, and its title and description withheld
 *     in annex; who collected an item is not said in public;
 *   - free texts written by staff (notes, summaries and transcripts of testimonies,
 *     interviewers, excerpts) and what could lead to a witness (the place of an interview,
 *     where and when a photograph was taken, an item's file name) are internal only;
 *   - links to what a profile leaves out are left out with it.
 * The SQL conditions below say the same for the exporters that list links in SQL, and
 * dossier_export_summarise() counts by the same rules.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier-redaction.h"
#include "dossier-store-private.h" /* FIXME(issue 14): internal use to remove */

static const char * const names[] = { "public", "annex", "internal" };

/**
 * dossier_profile_from_string:
 * @name: "public", "annex" or "internal"
 * @profile: (out): the profile
 *
 * Returns: %TRUE if @name is a profile
 */
gboolean
dossier_profile_from_string (const char     *name,
                             DossierProfile *profile)
{
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *profile = (DossierProfile) i;
        return TRUE;
      }
  return FALSE;
}

const char *
dossier_profile_to_string (DossierProfile profile)
{
  g_return_val_if_fail (profile <= DOSSIER_PROFILE_INTERNAL, "public");
  return names[profile];
}

static gboolean
is (DossierIncident *incident,
    const char      *confidentiality)
{
  return g_strcmp0 (incident->confidentiality, confidentiality) == 0;
}

/**
 * dossier_redaction_keeps:
 * @profile: the export's profile
 * @incident: an incident
 *
 * Returns: whether the incident appears at all
 */
gboolean
dossier_redaction_keeps (DossierProfile   profile,
                         DossierIncident *incident)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (incident), FALSE);
  return profile != DOSSIER_PROFILE_PUBLIC || !is (incident, "confidential");
}

/**
 * dossier_redaction_keeps_texts:
 * @profile: the export's profile
 * @incident: an incident that appears
 *
 * Returns: whether its titles, summaries and sources appear, or only its code, dates,
 *   places and figures
 */
gboolean
dossier_redaction_keeps_texts (DossierProfile   profile,
                               DossierIncident *incident)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (incident), FALSE);
  switch (profile)
    {
    case DOSSIER_PROFILE_INTERNAL:
      return TRUE;
    case DOSSIER_PROFILE_ANNEX:
      return !is (incident, "confidential");
    case DOSSIER_PROFILE_PUBLIC:
    default:
      return is (incident, "public");
    }
}

/**
 * dossier_redaction_keeps_person_details:
 * @profile: the export's profile
 * @person: a person
 *
 * Returns: whether more than the person's code and protection level appears
 */
gboolean
dossier_redaction_keeps_person_details (DossierProfile  profile,
                                        DossierPerson  *person)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON (person), FALSE);
  return profile != DOSSIER_PROFILE_PUBLIC || g_strcmp0 (person->protection, "public") == 0;
}

/**
 * dossier_redaction_keeps_evidence:
 * @profile: the export's profile
 * @evidence: an evidence item
 *
 * Returns: whether the item appears at all
 */
gboolean
dossier_redaction_keeps_evidence (DossierProfile   profile,
                                  DossierEvidence *evidence)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (evidence), FALSE);
  return profile != DOSSIER_PROFILE_PUBLIC || g_strcmp0 (evidence->confidentiality, "confidential") != 0;
}

/**
 * dossier_redaction_keeps_evidence_title:
 * @profile: the export's profile
 * @evidence: an evidence item that appears
 *
 * Returns: whether its title and description appear
 */
gboolean
dossier_redaction_keeps_evidence_title (DossierProfile   profile,
                                        DossierEvidence *evidence)
{
  g_return_val_if_fail (DOSSIER_IS_EVIDENCE (evidence), FALSE);
  return profile == DOSSIER_PROFILE_INTERNAL || g_strcmp0 (evidence->confidentiality, "confidential") != 0;
}

/* Returns: whether who collected an item is said */
gboolean
dossier_redaction_keeps_collector (DossierProfile profile)
{
  return profile != DOSSIER_PROFILE_PUBLIC;
}

/* Returns: whether staff's free texts, and what could lead to a witness, appear */
gboolean
dossier_redaction_keeps_staff_texts (DossierProfile profile)
{
  return profile == DOSSIER_PROFILE_INTERNAL;
}

/* Returns: whether identities appear (only the internal interchange and bags carry them) */
gboolean
dossier_redaction_keeps_identities (DossierProfile profile)
{
  return profile == DOSSIER_PROFILE_INTERNAL;
}

/**
 * dossier_redaction_incident_condition:
 * @profile: the export's profile
 *
 * Returns: an SQL condition on an incident table aliased `i`, true for the incidents the
 *   profile keeps, for exporters that list links in SQL
 */
const char *
dossier_redaction_incident_condition (DossierProfile profile)
{
  return profile == DOSSIER_PROFILE_PUBLIC ? "i.confidentiality IS NOT 'confidential'" : "1";
}

/* The same, on a person table aliased `p`: true for the persons of whom more than a code
 * may be said (their roles, the testimonies they gave). */
const char *
dossier_redaction_person_condition (DossierProfile profile)
{
  return profile == DOSSIER_PROFILE_PUBLIC ? "p.protection = 'public'" : "1";
}

/* The same, on an evidence table aliased `e`. */
const char *
dossier_redaction_evidence_condition (DossierProfile profile)
{
  return profile == DOSSIER_PROFILE_PUBLIC ? "e.confidentiality IS NOT 'confidential'" : "1";
}

/**
 * dossier_redaction_incident_ids:
 * @store: the dossier
 * @profile: the export's profile
 * @scope: (nullable) (element-type gint64): the incidents the export is about, or %NULL
 *   for all
 * @error: return location for a #GError
 *
 * The incidents an export by @profile shows, for what draws them rather than lists them:
 * the map and the timeline of an annex.
 *
 * Returns: (transfer full) (element-type gint64): their ids, in order, or %NULL
 */
GArray *
dossier_redaction_incident_ids (DossierStore  *store,
                                DossierProfile profile,
                                GArray        *scope,
                                GError       **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GArray) wanted = NULL;
  GArray *ids;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  sql = g_strdup_printf ("SELECT i.id FROM incident i WHERE %s ORDER BY i.id", dossier_redaction_incident_condition (profile));
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  kept = _dossier_store_collect_ids (store, stmt, error);
  if (kept == NULL || scope == NULL)
    return g_steal_pointer (&kept);
  wanted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), scope->len);
  g_array_append_vals (wanted, scope->data, scope->len);
  g_array_sort (wanted, dossier_compare_ids);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < kept->len; i++)
    if (bsearch (&g_array_index (kept, gint64, i), wanted->data, wanted->len, sizeof (gint64), dossier_compare_ids) != NULL)
      g_array_append_val (ids, g_array_index (kept, gint64, i));
  return ids;
}

/* The number @sql counts, or -1; after a first failure, -1 without asking again, so that
 * a run of counts sets @error once. */
static gint64
count (DossierStore  *store,
       const char    *sql,
       GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  if (error != NULL && *error != NULL)
    return -1;
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/**
 * dossier_export_summarise:
 * @store: the dossier
 * @profile: the profile of the export
 * @incident_ids: (nullable): the incidents in scope, or %NULL for all
 * @summary: (out): what the export will hold, by the rules of the annex and the tables
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_export_summarise (DossierStore          *store,
                          DossierProfile         profile,
                          GArray                *incident_ids,
                          DossierExportSummary  *summary,
                          GError               **error)
{
  gint64 confidential = 0, not_public = 0;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  memset (summary, 0, sizeof *summary);

  if (incident_ids == NULL)
    {
      summary->incidents = count (store, "SELECT count (*) FROM incident", error);
      confidential = count (store, "SELECT count (*) FROM incident WHERE confidentiality = 'confidential'", error);
      not_public = count (store, "SELECT count (*) FROM incident WHERE confidentiality IS NOT 'public'", error);
      if (summary->incidents < 0 || confidential < 0 || not_public < 0)
        return FALSE;
    }
  else
    {
      sqlite3_stmt *stmt = _dossier_store_prepare (store, "SELECT confidentiality FROM incident WHERE id = ?1", error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < incident_ids->len; i++)
        {
          sqlite3_bind_int64 (stmt, 1, g_array_index (incident_ids, gint64, i));
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              const char *level = (const char *) sqlite3_column_text (stmt, 0);

              summary->incidents++;
              confidential += g_strcmp0 (level, "confidential") == 0;
              not_public += g_strcmp0 (level, "public") != 0;
            }
          sqlite3_reset (stmt);
        }
    }
  summary->people = count (store, "SELECT count (*) FROM person", error);
  summary->testimonies = count (store, "SELECT count (*) FROM testimony", error);
  summary->evidence = count (store, "SELECT count (*) FROM evidence", error);
  if (summary->people < 0 || summary->testimonies < 0 || summary->evidence < 0)
    return FALSE;
  switch (profile)
    {
    case DOSSIER_PROFILE_PUBLIC:
      summary->incidents_left_out = confidential;
      summary->incidents_texts_withheld = not_public - confidential;
      summary->people_code_only = count (store, "SELECT count (*) FROM person WHERE protection IS NOT 'public'", error);
      summary->evidence_left_out = count (store, "SELECT count (*) FROM evidence WHERE confidentiality = 'confidential'", error);
      break;
    case DOSSIER_PROFILE_ANNEX:
      summary->incidents_texts_withheld = confidential;
      summary->evidence_titles_withheld = count (store, "SELECT count (*) FROM evidence WHERE confidentiality = 'confidential'", error);
      break;
    case DOSSIER_PROFILE_INTERNAL:
    default:
      break;
    }
  return summary->people_code_only >= 0 && summary->evidence_left_out >= 0 && summary->evidence_titles_withheld >= 0;
}
