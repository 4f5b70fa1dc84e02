/* dossier-redaction.c: what leaves the dossier, by profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that decides what an export may hold; every exporter, the Export dialog's
 * preview and the annex's figures ask a DossierRedaction. Each rule below is written once,
 * as data, and read three ways: as a check on a record in memory
 * (dossier_redaction_withholds()), as an SQL condition for core's queries
 * (dossier_redaction_condition(), which the counts of dossier_redaction_summarise() and the
 * lists of dossier-export-query use), and as the transform of a record into what may leave
 * (dossier_redaction_apply()). A test (/redaction/…) asks the three the same questions for
 * every profile and field.
 *
 * Identities never leave but in the internal profile. For incidents, by their
 * confidentiality:
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
 *     where and when a photograph was taken, an item's file name) are internal only, as
 *     are the logs (custody, audit) and the coded passages, which quote transcripts;
 *   - links to what a profile leaves out are left out with it.
 *
 * Protection (encrypted fields) plugs in here and only here: a field that is encrypted is
 * one more part a profile withholds, so its rule goes in rules[] below (for every profile
 * that must not carry it in clear), and the check, the condition and the transform follow.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dossier-link.h"
#include "dossier-redaction.h"
#include "dossier-store-private.h"
#include "dossier-link-private.h"

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

/* ---- The rules ---- */

/* The part a rule names for the whole record: left out. */
#define RECORD "*"

#define PUBLIC (1 << DOSSIER_PROFILE_PUBLIC)
#define ANNEX  (1 << DOSSIER_PROFILE_ANNEX)

typedef enum {
  ALWAYS,       /* in the rule's profiles, whatever the record */
  WHEN_IS,      /* when the column holds the value */
  WHEN_IS_NOT,  /* when it holds anything else, or nothing */
} Test;

typedef struct {
  const char *table;
  guint       profiles;   /* those the rule applies in; internal keeps everything */
  Test        test;
  const char *column;
  const char *value;
  const char *parts[12];  /* withheld: RECORD, fields, or DOSSIER_REDACTION_PERSON_* */
} Rule;

#define INCIDENT_TEXTS "title_fr", "title_en", "summary_fr", "summary_en", "sources", "place", "admin3"
#define LINK_DETAIL(table) { table, PUBLIC | ANNEX, ALWAYS, NULL, NULL, { "detail" } }

static const Rule rules[] = {
  { "incident", PUBLIC, WHEN_IS, "confidentiality", "confidential", { RECORD } },
  { "incident", PUBLIC, WHEN_IS_NOT, "confidentiality", "public", { INCIDENT_TEXTS } },
  { "incident", ANNEX, WHEN_IS, "confidentiality", "confidential", { INCIDENT_TEXTS } },
  { "person", PUBLIC, WHEN_IS_NOT, "protection", "public",
    { "sex", "age_group", "age", "residence_admin1", "residence_admin2",
      DOSSIER_REDACTION_PERSON_INCIDENTS, DOSSIER_REDACTION_PERSON_TESTIMONIES } },
  { "person", PUBLIC | ANNEX, ALWAYS, NULL, NULL, { "notes", "community", "languages" } },
  { "identity", PUBLIC | ANNEX, ALWAYS, NULL, NULL, { RECORD } },
  { "testimony", PUBLIC | ANNEX, ALWAYS, NULL, NULL, { "summary", "transcript", "place", "interviewer", "interpreter" } },
  { "testimony_passage", PUBLIC | ANNEX, ALWAYS, NULL, NULL, { RECORD } },
  { "evidence", PUBLIC, WHEN_IS, "confidentiality", "confidential", { RECORD } },
  { "evidence", PUBLIC | ANNEX, WHEN_IS, "confidentiality", "confidential", { "title", "description" } },
  { "evidence", PUBLIC, ALWAYS, NULL, NULL, { "acquired_by" } },
  { "evidence", PUBLIC | ANNEX, ALWAYS, NULL, NULL, { "original_name", "captured_at", "latitude", "longitude" } },
  { "custody_event", PUBLIC | ANNEX, ALWAYS, NULL, NULL, { RECORD } },
  { "audit", PUBLIC | ANNEX, ALWAYS, NULL, NULL, { RECORD } },
  LINK_DETAIL ("incident_actor"),
  LINK_DETAIL ("incident_person"),
  LINK_DETAIL ("testimony_incident"),
  LINK_DETAIL ("evidence_incident"),
  LINK_DETAIL ("evidence_person"),
  LINK_DETAIL ("evidence_testimony"),
};

/* What a withheld field becomes where the interchange needs a value of its vocabulary;
 * any other is emptied (a text ""; an optional code, number or position: none). */
static const struct {
  const char *table, *field, *value;
} replacements[] = {
  { "person", "sex", "unknown" },
  { "person", "age_group", "unknown" },
};

struct _DossierRedaction
{
  GObject                  parent_instance;

  DossierProfile           profile;
  GHashTable              *left_out;   /* "table\037id" of the records apply() left out */
  /* Each rule's column, as found last in a kind of record's fields: an export asks the
   * same rules of thousands of records of one kind. */
  const DossierRecordInfo *info_seen[G_N_ELEMENTS (rules)];
  const DossierField      *column[G_N_ELEMENTS (rules)];
};

G_DEFINE_FINAL_TYPE (DossierRedaction, dossier_redaction, G_TYPE_OBJECT)

static void
dossier_redaction_finalize (GObject *object)
{
  DossierRedaction *self = DOSSIER_REDACTION (object);

  g_clear_pointer (&self->left_out, g_hash_table_unref);
  G_OBJECT_CLASS (dossier_redaction_parent_class)->finalize (object);
}

static void
dossier_redaction_class_init (DossierRedactionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_redaction_finalize;
}

static void
dossier_redaction_init (DossierRedaction *self)
{
  self->left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * dossier_redaction_new:
 * @profile: what the export is for
 *
 * Returns: (transfer full): the rules of @profile
 */
DossierRedaction *
dossier_redaction_new (DossierProfile profile)
{
  DossierRedaction *self;

  g_return_val_if_fail (profile <= DOSSIER_PROFILE_INTERNAL, NULL);

  self = g_object_new (DOSSIER_TYPE_REDACTION, NULL);
  self->profile = profile;
  return self;
}

DossierProfile
dossier_redaction_get_profile (DossierRedaction *self)
{
  g_return_val_if_fail (DOSSIER_IS_REDACTION (self), DOSSIER_PROFILE_PUBLIC);
  return self->profile;
}

/* Whether @rule applies in this profile to @table. */
static gboolean
applies_to (DossierRedaction *self,
            const Rule       *rule,
            const char       *table)
{
  return (rule->profiles & (1u << self->profile)) != 0 && g_str_equal (rule->table, table);
}

/* Whether @rule, applying in this profile to @table, names @part. */
static gboolean
names_part (DossierRedaction *self,
            const Rule       *rule,
            const char       *table,
            const char       *part)
{
  if (!applies_to (self, rule, table))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rule->parts) && rule->parts[i] != NULL; i++)
    if (g_str_equal (rule->parts[i], part))
      return TRUE;
  return FALSE;
}

/* The test of rules[@i], on a record in memory. */
static gboolean
holds (DossierRedaction *self,
       guint             i,
       DossierRecord    *record)
{
  const Rule *rule = &rules[i];
  const DossierRecordInfo *info = dossier_record_get_info (record);

  if (rule->test == ALWAYS)
    return TRUE;
  if (self->info_seen[i] != info)
    {
      self->column[i] = dossier_record_find_field (info, rule->column);
      self->info_seen[i] = info;
    }
  /* The columns tested are vocabulary codes, texts. */
  g_assert (self->column[i] != NULL);
  return (g_strcmp0 (dossier_record_get_text (record, self->column[i]), rule->value) == 0) == (rule->test == WHEN_IS);
}

/**
 * dossier_redaction_withholds:
 * @self: a #DossierRedaction
 * @record: a record
 * @part: one of its fields, DOSSIER_REDACTION_PERSON_INCIDENTS or _TESTIMONIES, or "*"
 *   for the whole record
 *
 * The check: whether an export by this profile withholds @part of @record.
 *
 * Returns: %TRUE if @part may not leave
 */
gboolean
dossier_redaction_withholds (DossierRedaction *self,
                             DossierRecord    *record,
                             const char       *part)
{
  g_return_val_if_fail (DOSSIER_IS_REDACTION (self), TRUE);
  g_return_val_if_fail (DOSSIER_IS_RECORD (record), TRUE);
  g_return_val_if_fail (part != NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (names_part (self, &rules[i], dossier_record_get_info (record)->table, part) && holds (self, i, record))
      return TRUE;
  return FALSE;
}

/**
 * dossier_redaction_keeps:
 * @self: a #DossierRedaction
 * @record: a record
 *
 * Returns: whether @record appears at all
 */
gboolean
dossier_redaction_keeps (DossierRedaction *self,
                         DossierRecord    *record)
{
  return !dossier_redaction_withholds (self, record, RECORD);
}

/**
 * dossier_redaction_keeps_table:
 * @self: a #DossierRedaction
 * @table: a kind of record, by its table ("identity", "custody_event" …)
 *
 * Returns: whether any record of @table may appear: %FALSE for those this profile leaves
 *   out whatever they hold, such as identities outside the internal profile
 */
gboolean
dossier_redaction_keeps_table (DossierRedaction *self,
                               const char       *table)
{
  g_return_val_if_fail (DOSSIER_IS_REDACTION (self), FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (rules[i].test == ALWAYS && names_part (self, &rules[i], table, RECORD))
      return FALSE;
  return TRUE;
}

static char *
left_out_key (const char *table,
              gint64      id)
{
  return g_strdup_printf ("%s\037%" G_GINT64_FORMAT, table, id);
}

/**
 * dossier_redaction_left_out:
 * @self: a #DossierRedaction
 * @table: a kind of record
 * @id: a record's id
 *
 * Returns: whether dossier_redaction_apply() left that record out
 */
gboolean
dossier_redaction_left_out (DossierRedaction *self,
                            const char       *table,
                            gint64            id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (DOSSIER_IS_REDACTION (self), FALSE);

  key = left_out_key (table, id);
  return g_hash_table_contains (self->left_out, key);
}

/**
 * dossier_redaction_apply:
 * @self: a #DossierRedaction
 * @record: a record of the caller's own, just read for the export
 *
 * The transform: makes @record what may leave. Its withheld fields are emptied (or set to
 * "unknown" where the interchange needs a value). A record left out is remembered, so
 * that the links to it applied after it are left out with it: apply a walk's records in
 * the order in which what a link refers to comes first.
 *
 * Returns: %FALSE if @record is left out altogether
 */
gboolean
dossier_redaction_apply (DossierRedaction *self,
                         DossierRecord    *record)
{
  const DossierRecordInfo *info;
  gboolean applies[G_N_ELEMENTS (rules)];

  g_return_val_if_fail (DOSSIER_IS_REDACTION (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_RECORD (record), FALSE);

  info = dossier_record_get_info (record);
  /* Every test is read before any field is emptied, so that no rule sees another's work. */
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      applies[i] = applies_to (self, &rules[i], info->table) && holds (self, i, record);
      if (applies[i] && names_part (self, &rules[i], info->table, RECORD))
        {
          g_hash_table_add (self->left_out, left_out_key (info->table, dossier_record_get_id (record)));
          return FALSE;
        }
    }
  if (DOSSIER_IS_LINK (record))
    {
      DossierLink *link = DOSSIER_LINK (record);

      if (dossier_redaction_left_out (self, dossier_link_kind_left (link->kind), link->left_id) ||
          dossier_redaction_left_out (self, dossier_link_kind_right (link->kind), link->right_id))
        return FALSE;
    }
  /* Rule by rule rather than field by field: an export of the internal profile, which no
   * rule touches, costs nothing more per record. */
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const Rule *rule = &rules[i];

      if (!applies[i])
        continue;
      for (guint p = 0; p < G_N_ELEMENTS (rule->parts) && rule->parts[p] != NULL; p++)
        {
          const DossierField *field = dossier_record_find_field (info, rule->parts[p]);
          const char *value = "";

          if (field == NULL)
            continue;   /* the whole record, or links it lists: not a field to empty */
          for (guint r = 0; r < G_N_ELEMENTS (replacements); r++)
            if (g_str_equal (replacements[r].table, info->table) && g_str_equal (replacements[r].field, field->name))
              value = replacements[r].value;
          dossier_record_set_string (record, field, value);
        }
    }
  return TRUE;
}

/**
 * dossier_redaction_condition:
 * @self: a #DossierRedaction
 * @table: a kind of record
 * @part: as for dossier_redaction_withholds()
 * @alias: the name the query gives @table's rows
 *
 * The condition, for core's queries only (no SQL is written outside core): true for the
 * rows of which this profile lets @part out. It says exactly what
 * dossier_redaction_withholds() says, negated.
 *
 * Returns: (transfer full): an SQL expression
 */
char *
dossier_redaction_condition (DossierRedaction *self,
                             const char       *table,
                             const char       *part,
                             const char       *alias)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  g_return_val_if_fail (DOSSIER_IS_REDACTION (self), NULL);
  g_return_val_if_fail (table != NULL && part != NULL && alias != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const Rule *rule = &rules[i];

      if (!names_part (self, rule, table, part))
        continue;
      if (sql->len > 0)
        g_string_append (sql, " AND ");
      /* The values are the constants above, never a text from outside. */
      g_assert (rule->value == NULL || strchr (rule->value, '\'') == NULL);
      if (rule->test == ALWAYS)
        g_string_append (sql, "0");
      else
        g_string_append_printf (sql, "%s.%s %s '%s'", alias, rule->column,
                                rule->test == WHEN_IS ? "IS NOT" : "IS", rule->value);
    }
  if (sql->len == 0)
    g_string_append (sql, "1");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/**
 * dossier_redaction_incident_ids:
 * @self: a #DossierRedaction
 * @store: the dossier
 * @scope: (nullable) (element-type gint64): the incidents the export is about, or %NULL
 *   for all
 * @error: return location for a #GError
 *
 * The incidents an export by this profile shows, for what draws them rather than lists
 * them: the map and the timeline of an annex.
 *
 * Returns: (transfer full) (element-type gint64): their ids, in order, or %NULL
 */
GArray *
dossier_redaction_incident_ids (DossierRedaction *self,
                                DossierStore     *store,
                                GArray           *scope,
                                GError          **error)
{
  g_autofree char *condition = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GArray) wanted = NULL;
  GArray *ids;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_REDACTION (self), NULL);
  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  condition = dossier_redaction_condition (self, "incident", RECORD, "i");
  sql = g_strdup_printf ("SELECT i.id FROM incident i WHERE %s ORDER BY i.id", condition);
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

/* The number of rows of @table (aliased t) where @where holds, or -1; after a first
 * failure, -1 without asking again, so that a run of counts sets @error once. */
static gint64
count (DossierStore  *store,
       const char    *table,
       const char    *where,
       GError       **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n = -1;

  if (error != NULL && *error != NULL)
    return -1;
  sql = g_strdup_printf ("SELECT count (*) FROM %s t WHERE %s", table, where);
  stmt = _dossier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Of @table's rows, those left out, and those kept with @part withheld. */
static void
count_withheld (DossierRedaction *self,
                DossierStore     *store,
                const char       *table,
                const char       *part,
                gint64           *left_out,
                gint64           *withheld,
                GError          **error)
{
  g_autofree char *kept = dossier_redaction_condition (self, table, RECORD, "t");
  g_autofree char *shown = dossier_redaction_condition (self, table, part, "t");
  g_autofree char *not_kept = g_strdup_printf ("NOT (%s)", kept);
  g_autofree char *hidden = g_strdup_printf ("(%s) AND NOT (%s)", kept, shown);

  if (left_out != NULL)
    *left_out = count (store, table, not_kept, error);
  *withheld = count (store, table, hidden, error);
}

/**
 * dossier_redaction_summarise:
 * @self: a #DossierRedaction
 * @store: the dossier
 * @incident_ids: (nullable): the incidents in scope, or %NULL for all
 * @summary: (out): what the export will hold, by the rules of the annex and the tables
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
dossier_redaction_summarise (DossierRedaction      *self,
                             DossierStore          *store,
                             GArray                *incident_ids,
                             DossierExportSummary  *summary,
                             GError               **error)
{
  g_return_val_if_fail (DOSSIER_IS_REDACTION (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  memset (summary, 0, sizeof *summary);

  if (incident_ids == NULL)
    {
      summary->incidents = count (store, "incident", "1", error);
      count_withheld (self, store, "incident", "title_en", &summary->incidents_left_out,
                      &summary->incidents_texts_withheld, error);
    }
  else
    {
      g_autofree char *kept = dossier_redaction_condition (self, "incident", RECORD, "i");
      g_autofree char *texts = dossier_redaction_condition (self, "incident", "title_en", "i");
      g_autofree char *sql = g_strdup_printf ("SELECT %s, %s FROM incident i WHERE i.id = ?1", kept, texts);
      sqlite3_stmt *stmt = _dossier_store_prepare (store, sql, error);

      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < incident_ids->len; i++)
        {
          sqlite3_bind_int64 (stmt, 1, g_array_index (incident_ids, gint64, i));
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              gboolean is_kept = sqlite3_column_int (stmt, 0) != 0;

              summary->incidents++;
              summary->incidents_left_out += !is_kept;
              summary->incidents_texts_withheld += is_kept && sqlite3_column_int (stmt, 1) == 0;
            }
          sqlite3_reset (stmt);
        }
    }
  summary->people = count (store, "person", "1", error);
  summary->testimonies = count (store, "testimony", "1", error);
  summary->evidence = count (store, "evidence", "1", error);
  count_withheld (self, store, "person", "sex", NULL, &summary->people_code_only, error);
  count_withheld (self, store, "evidence", "title", &summary->evidence_left_out,
                  &summary->evidence_titles_withheld, error);
  return summary->incidents >= 0 && summary->incidents_left_out >= 0 && summary->incidents_texts_withheld >= 0 &&
         summary->people >= 0 && summary->testimonies >= 0 && summary->evidence >= 0 &&
         summary->people_code_only >= 0 && summary->evidence_left_out >= 0 && summary->evidence_titles_withheld >= 0;
}
