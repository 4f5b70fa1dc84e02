/* dossier-incident.c: an incident under inquiry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-incident.h"
#include "dossier-incident-private.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

const char * const dossier_casualty_categories[DOSSIER_N_CASUALTY_CATEGORIES] = {
  "killed", "injured", "disappeared", "abducted", "sexual-violence",
};
const char * const dossier_casualty_groups[DOSSIER_N_CASUALTY_GROUPS] = {
  "women", "men", "girls", "boys", "unknown",
};

G_DEFINE_FINAL_TYPE (DossierIncident, dossier_incident, DOSSIER_TYPE_RECORD)

#define F(name, type, vocab) { #name, DOSSIER_FIELD_##type, G_STRUCT_OFFSET (DossierIncident, name), vocab, NULL }

static const DossierField fields[] = {
  F (title_fr, TEXT, NULL),
  F (title_en, TEXT, NULL),
  F (summary_fr, TEXT, NULL),
  F (summary_en, TEXT, NULL),
  F (date_edtf, EDTF, NULL),
  F (place, TEXT, NULL),
  F (admin1, NTEXT, "admin1"),
  F (admin2, NTEXT, "admin2"),
  F (admin3, TEXT, NULL),
  F (latitude, REAL, NULL),
  F (longitude, REAL, NULL),
  F (location_precision, TEXT, "location-precision"),
  F (verification, TEXT, "verification-status"),
  F (standard_of_proof, TEXT, "standard-of-proof"),
  F (confidentiality, TEXT, "confidentiality"),
  F (sources, TEXT, NULL),
};

static gboolean
load_extra (DossierStore   *store,
            DossierRecord  *record,
            GError        **error)
{
  DossierIncident *self = DOSSIER_INCIDENT (record);
  sqlite3_stmt *stmt;
  int rc;

  if (!_dossier_store_load_set (store, "incident_violation", "incident_id", "type",
                                dossier_record_get_id (record), &self->violation_types, error))
    return FALSE;

  memset (self->casualties, 0, sizeof self->casualties);
  stmt = _dossier_store_prepare (store, "SELECT category, grp, count FROM casualty WHERE incident_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dossier_record_get_id (record));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int c = dossier_casualty_category_index ((const char *) sqlite3_column_text (stmt, 0));
      int g = dossier_casualty_group_index ((const char *) sqlite3_column_text (stmt, 1));

      if (c >= 0 && g >= 0)
        self->casualties[c][g] = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _dossier_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

static char *
casualties_text (gint64 casualties[DOSSIER_N_CASUALTY_CATEGORIES][DOSSIER_N_CASUALTY_GROUPS])
{
  GString *s = g_string_new (NULL);

  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
      if (casualties[c][g] > 0)
        g_string_append_printf (s, "%s%s/%s=%" G_GINT64_FORMAT, s->len ? "," : "",
                                dossier_casualty_categories[c], dossier_casualty_groups[g],
                                casualties[c][g]);
  return g_string_free (s, FALSE);
}

/* Rewrites violation types and casualties when they differ from the stored ones, with one
 * audit entry for each of the two. */
static gboolean
save_extra (DossierStore   *store,
            DossierRecord  *record,
            gboolean        is_new,
            GError        **error)
{
  DossierIncident *self = DOSSIER_INCIDENT (record);
  g_autoptr(DossierIncident) old = dossier_incident_new ();
  g_autofree char *old_cas = NULL;
  g_autofree char *new_cas = NULL;
  sqlite3_stmt *stmt;

  if (!_dossier_store_save_set (store, record, "incident_violation", "incident_id", "type",
                                "violation-type", (const char * const *) self->violation_types,
                                is_new, error))
    return FALSE;

  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
      if (self->casualties[c][g] < 0)
        self->casualties[c][g] = 0;

  if (!is_new)
    {
      _dossier_record_set_id (DOSSIER_RECORD (old), dossier_record_get_id (record));
      if (!load_extra (store, DOSSIER_RECORD (old), error))
        return FALSE;
    }
  old_cas = casualties_text (old->casualties);
  new_cas = casualties_text (self->casualties);
  if (g_str_equal (old_cas, new_cas))
    return TRUE;

  stmt = _dossier_store_prepare (store, "DELETE FROM casualty WHERE incident_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dossier_record_get_id (record));
  if (!_dossier_store_step_done (store, stmt, error))
    return FALSE;
  stmt = _dossier_store_prepare (store, "INSERT INTO casualty (incident_id, category, grp, count) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  for (int c = 0; c < DOSSIER_N_CASUALTY_CATEGORIES; c++)
    for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
      if (self->casualties[c][g] > 0)
        {
          sqlite3_bind_int64 (stmt, 1, dossier_record_get_id (record));
          sqlite3_bind_text (stmt, 2, dossier_casualty_categories[c], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, dossier_casualty_groups[g], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 4, self->casualties[c][g]);
          if (!_dossier_store_step_done (store, stmt, error))
            return FALSE;
        }
  if (is_new)
    return TRUE;
  return _dossier_store_audit (store, "update", "incident", dossier_record_get_uuid (record), "casualties",
                               old_cas, new_cas, error);
}

static const DossierRecordInfo info = {
  .table = "incident",
  .code_prefix = "INC",
  .code_digits = 4,
  .derives_dates = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .load_extra = load_extra,
  .save_extra = save_extra,
};

static void
dossier_incident_finalize (GObject *object)
{
  DossierIncident *self = DOSSIER_INCIDENT (object);

  g_clear_pointer (&self->violation_types, g_strfreev);

  G_OBJECT_CLASS (dossier_incident_parent_class)->finalize (object);
}

static void
dossier_incident_class_init (DossierIncidentClass *klass)
{
  _dossier_record_class_install_fields (DOSSIER_RECORD_CLASS (klass), &info, 1);

  G_OBJECT_CLASS (klass)->finalize = dossier_incident_finalize;
}

static void
dossier_incident_init (DossierIncident *self)
{
  _dossier_record_set_info (DOSSIER_RECORD (self), &info);
  g_free (self->location_precision);
  self->location_precision = g_strdup ("unknown");
  g_free (self->verification);
  self->verification = g_strdup ("alleged");
  g_free (self->standard_of_proof);
  self->standard_of_proof = g_strdup ("not-assessed");
  g_free (self->confidentiality);
  self->confidentiality = g_strdup ("restricted");
  self->violation_types = g_new0 (char *, 1);
}

/**
 * dossier_incident_new:
 *
 * Returns: (transfer full): a new, unsaved incident
 */
DossierIncident *
dossier_incident_new (void)
{
  return g_object_new (DOSSIER_TYPE_INCIDENT, NULL);
}

static const char *
pick (const char *fr,
      const char *en,
      const char *lang,
      gboolean   *fell_back)
{
  gboolean want_fr = g_strcmp0 (lang, "fr") == 0;
  const char *wanted = want_fr ? fr : en;
  const char *other = want_fr ? en : fr;
  gboolean fb = (wanted == NULL || *wanted == '\0') && other != NULL && *other != '\0';

  if (fell_back)
    *fell_back = fb;
  return fb ? other : (wanted ? wanted : "");
}

/**
 * dossier_incident_get_title:
 * @self: a #DossierIncident
 * @lang: "fr" or "en"
 * @fell_back: (out) (optional): set when the title was missing in @lang and the other
 *   language's is returned
 *
 * Returns: (transfer none): the title in @lang, or in the other language
 */
const char *
dossier_incident_get_title (DossierIncident *self,
                            const char      *lang,
                            gboolean        *fell_back)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return pick (self->title_fr, self->title_en, lang, fell_back);
}

const char *
dossier_incident_get_summary (DossierIncident *self,
                              const char      *lang,
                              gboolean        *fell_back)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return pick (self->summary_fr, self->summary_en, lang, fell_back);
}

/**
 * dossier_incident_set_violation_types:
 * @self: a #DossierIncident
 * @types: (array zero-terminated=1) (nullable): codes of the vocabulary “violation-type”
 *
 * Sets the violation types in memory; dossier_store_update() writes them with the
 * incident, audited as one field.
 */
void
dossier_incident_set_violation_types (DossierIncident    *self,
                                      const char * const *types)
{
  g_return_if_fail (DOSSIER_IS_INCIDENT (self));

  g_strfreev (self->violation_types);
  self->violation_types = types ? g_strdupv ((char **) types) : g_new0 (char *, 1);
}

gint64
dossier_incident_total_casualties (DossierIncident *self,
                                   int              category)
{
  gint64 total = 0;

  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), 0);
  g_return_val_if_fail (category >= 0 && category < DOSSIER_N_CASUALTY_CATEGORIES, 0);

  for (int g = 0; g < DOSSIER_N_CASUALTY_GROUPS; g++)
    total += self->casualties[category][g];
  return total;
}

int
dossier_casualty_category_index (const char *code)
{
  for (int i = 0; i < DOSSIER_N_CASUALTY_CATEGORIES; i++)
    if (g_strcmp0 (code, dossier_casualty_categories[i]) == 0)
      return i;
  return -1;
}

int
dossier_casualty_group_index (const char *code)
{
  for (int i = 0; i < DOSSIER_N_CASUALTY_GROUPS; i++)
    if (g_strcmp0 (code, dossier_casualty_groups[i]) == 0)
      return i;
  return -1;
}

/**
 * dossier_incident_get_title_fr:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none): its title_fr
 */
const char *
dossier_incident_get_title_fr (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->title_fr;
}

/**
 * dossier_incident_get_title_en:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none): its title_en
 */
const char *
dossier_incident_get_title_en (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->title_en;
}

/**
 * dossier_incident_get_summary_fr:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none): its summary_fr
 */
const char *
dossier_incident_get_summary_fr (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->summary_fr;
}

/**
 * dossier_incident_get_summary_en:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none): its summary_en
 */
const char *
dossier_incident_get_summary_en (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->summary_en;
}

/**
 * dossier_incident_get_date_edtf:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none): its date_edtf, e.g. 2022-03-27/2022-03-31, 2022-03, 2021-10~
 */
const char *
dossier_incident_get_date_edtf (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->date_edtf;
}

/**
 * dossier_incident_get_place:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none): its place
 */
const char *
dossier_incident_get_place (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->place;
}

/**
 * dossier_incident_get_admin1:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none) (nullable): its admin1, vocabulary “admin1”, NULL when unknown
 */
const char *
dossier_incident_get_admin1 (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->admin1;
}

/**
 * dossier_incident_get_admin2:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none) (nullable): its admin2, vocabulary “admin2”, NULL when unknown
 */
const char *
dossier_incident_get_admin2 (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->admin2;
}

/**
 * dossier_incident_get_admin3:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none): its admin3, commune, free text
 */
const char *
dossier_incident_get_admin3 (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->admin3;
}

/**
 * dossier_incident_get_latitude:
 * @self: a #DossierIncident
 *
 * Returns: its latitude, NAN when unknown
 */
double
dossier_incident_get_latitude (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NAN);
  return self->latitude;
}

/**
 * dossier_incident_get_longitude:
 * @self: a #DossierIncident
 *
 * Returns: its longitude
 */
double
dossier_incident_get_longitude (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NAN);
  return self->longitude;
}

/**
 * dossier_incident_get_location_precision:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none): its location_precision, vocabulary “location-precision”
 */
const char *
dossier_incident_get_location_precision (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->location_precision;
}

/**
 * dossier_incident_get_verification:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none): its verification, vocabulary “verification-status”
 */
const char *
dossier_incident_get_verification (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->verification;
}

/**
 * dossier_incident_get_standard_of_proof:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none): its standard_of_proof, vocabulary “standard-of-proof”
 */
const char *
dossier_incident_get_standard_of_proof (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->standard_of_proof;
}

/**
 * dossier_incident_get_confidentiality:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none): its confidentiality, vocabulary “confidentiality”
 */
const char *
dossier_incident_get_confidentiality (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->confidentiality;
}

/**
 * dossier_incident_get_sources:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none): its sources
 */
const char *
dossier_incident_get_sources (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return self->sources;
}

/**
 * dossier_incident_get_violation_types:
 * @self: a #DossierIncident
 *
 * Returns: (transfer none) (array zero-terminated=1): its violation_types, vocabulary “violation-type”; never NULL
 */
const char * const *
dossier_incident_get_violation_types (DossierIncident *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), NULL);
  return (const char * const *) self->violation_types;
}

/**
 * dossier_incident_get_casualties:
 * @self: a #DossierIncident
 * @category: an index in dossier_casualty_categories
 * @group: an index in dossier_casualty_groups
 *
 * Returns: how many people of @group were counted under @category (0 when none)
 */
gint64
dossier_incident_get_casualties (DossierIncident *self,
                                 int              category,
                                 int              group)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT (self), 0);
  g_return_val_if_fail (category >= 0 && category < DOSSIER_N_CASUALTY_CATEGORIES, 0);
  g_return_val_if_fail (group >= 0 && group < DOSSIER_N_CASUALTY_GROUPS, 0);
  return self->casualties[category][group];
}

/**
 * dossier_incident_set_casualties:
 * @self: a #DossierIncident
 * @category: an index in dossier_casualty_categories
 * @group: an index in dossier_casualty_groups
 * @count: how many people, 0 when none
 *
 * Sets a count in memory; as the violation types, the casualties are held outside the
 * incident's row and dossier_store_update() writes them with it, audited as one field.
 */
void
dossier_incident_set_casualties (DossierIncident *self,
                                 int              category,
                                 int              group,
                                 gint64           count)
{
  g_return_if_fail (DOSSIER_IS_INCIDENT (self));
  g_return_if_fail (category >= 0 && category < DOSSIER_N_CASUALTY_CATEGORIES);
  g_return_if_fail (group >= 0 && group < DOSSIER_N_CASUALTY_GROUPS);
  self->casualties[category][group] = count;
}
