/* test-redaction.c: one rule, three faces: a DossierRedaction's check, its SQL condition and
 * its transform give the same answer for every profile, record and field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-actor.h"
#include "dossier-audit-entry.h"
#include "dossier-custody-event.h"
#include "dossier-evidence.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-link.h"
#include "dossier-passage.h"
#include "dossier-person.h"
#include "dossier-redaction.h"
#include "dossier-test-canaries.h"
#include "dossier-test-util.h"
#include "dossier-testimony.h"

static DossierStore *store;

/* Every record of the dossier, links included, read afresh in a stable order. */
static GPtrArray *
all_records (void)
{
  GType (*types[]) (void) = {
    dossier_actor_get_type, dossier_incident_get_type, dossier_person_get_type, dossier_identity_get_type,
    dossier_testimony_get_type, dossier_evidence_get_type, dossier_custody_event_get_type,
    dossier_passage_get_type, dossier_audit_entry_get_type,
  };
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_assert_true (dossier_store_foreach (store, types[t] (), dossier_record_collect, records, &error));
      g_assert_no_error (error);
    }
  for (guint k = 0; k < DOSSIER_N_LINK_KINDS; k++)
    {
      g_assert_true (dossier_store_foreach_link (store, k, dossier_record_collect, records, &error));
      g_assert_no_error (error);
    }
  return records;
}

/* The parts a rule may name of @record: the whole record, each field, and a person's
 * links. */
static GPtrArray *
parts_of (DossierRecord *record)
{
  GPtrArray *parts = g_ptr_array_new ();

  g_ptr_array_add (parts, (gpointer) "*");
  for (guint f = 0; f < dossier_record_get_info (record)->n_fields; f++)
    g_ptr_array_add (parts, (gpointer) dossier_record_get_info (record)->fields[f].name);
  if (DOSSIER_IS_PERSON (record))
    {
      g_ptr_array_add (parts, (gpointer) DOSSIER_REDACTION_PERSON_INCIDENTS);
      g_ptr_array_add (parts, (gpointer) DOSSIER_REDACTION_PERSON_TESTIMONIES);
    }
  return parts;
}

/* What a withheld field reads after the transform. */
static char *
cleared (DossierRecord      *copy,
         const DossierField *field)
{
  if (DOSSIER_IS_PERSON (copy) && (g_str_equal (field->name, "sex") || g_str_equal (field->name, "age_group")))
    return g_strdup ("unknown");
  dossier_record_set_string (copy, field, "");
  return dossier_record_get_string (copy, field);
}

/* For every profile, record and part: the check and the condition agree, and the
 * transform clears exactly what the check withholds, and leaves out exactly the records it
 * does not keep. */
static void
test_three_faces (void)
{
  g_autoptr(GPtrArray) records = all_records ();
  guint withheld[DOSSIER_PROFILE_INTERNAL + 1] = { 0 };

  g_assert_cmpuint (records->len, >, 100);
  for (int p = DOSSIER_PROFILE_PUBLIC; p <= DOSSIER_PROFILE_INTERNAL; p++)
    {
      g_autoptr(DossierRedaction) redaction = dossier_redaction_new (p);
      g_autoptr(GPtrArray) copies = all_records ();
      g_autoptr(GPtrArray) probes = all_records ();

      g_assert_cmpuint (copies->len, ==, records->len);
      for (guint r = 0; r < records->len; r++)
        {
          /* A redaction of its own for each record: what one left out before would leave
           * the links to it out too, which /redaction/links checks. */
          g_autoptr(DossierRedaction) applying = dossier_redaction_new (p);
          DossierRecord *record = records->pdata[r];
          DossierRecord *copy = copies->pdata[r];
          g_autoptr(GPtrArray) parts = parts_of (record);
          gboolean kept = dossier_redaction_apply (applying, copy);

          for (guint i = 0; i < parts->len; i++)
            {
              const char *part = parts->pdata[i];
              const char *table = dossier_record_get_info (record)->table;
              gboolean check = dossier_redaction_withholds (redaction, record, part);
              g_autofree char *condition = dossier_redaction_condition (redaction, table, part, "t");
              g_autofree char *sql = g_strdup_printf ("SELECT (%s) FROM %s t WHERE t.id = %" G_GINT64_FORMAT,
                                                      condition, table, dossier_record_get_id (record));
              gboolean condition_keeps = dossier_test_query_int (store, sql, NULL) != 0;
              const DossierField *field = dossier_record_find_field (dossier_record_get_info (record), part);

              if (check == condition_keeps)
                g_error ("%s, %s %s, %s: the check says %s, the condition (%s) says the opposite",
                         dossier_profile_to_string (p), table, dossier_record_get_code (record) ? dossier_record_get_code (record) : "", part,
                         check ? "withheld" : "kept", condition);
              withheld[p] += check;
              if (g_str_equal (part, "*"))
                g_assert_true (kept == !check);
              else if (field != NULL && kept)
                {
                  g_autofree char *before = dossier_record_get_string (record, field);
                  g_autofree char *after = dossier_record_get_string (copy, field);
                  g_autofree char *expected = check ? cleared (probes->pdata[r], field) : g_strdup (before);

                  g_assert_cmpstr (after, ==, expected);
                }
            }
        }
    }
  /* The test could fail: public and annex do withhold, internal nothing. */
  g_assert_cmpuint (withheld[DOSSIER_PROFILE_PUBLIC], >, withheld[DOSSIER_PROFILE_ANNEX]);
  g_assert_cmpuint (withheld[DOSSIER_PROFILE_ANNEX], >, 0);
  g_assert_cmpuint (withheld[DOSSIER_PROFILE_INTERNAL], ==, 0);
}

/* The preview's counts are the check's, counted. */
static void
test_summary (void)
{
  g_autoptr(GPtrArray) records = all_records ();

  for (int p = DOSSIER_PROFILE_PUBLIC; p <= DOSSIER_PROFILE_INTERNAL; p++)
    {
      g_autoptr(DossierRedaction) redaction = dossier_redaction_new (p);
      g_autoptr(GError) error = NULL;
      DossierExportSummary s, counted = { 0 };

      for (guint r = 0; r < records->len; r++)
        {
          DossierRecord *record = records->pdata[r];
          gboolean kept = dossier_redaction_keeps (redaction, record);

          if (DOSSIER_IS_INCIDENT (record))
            {
              counted.incidents++;
              counted.incidents_left_out += !kept;
              counted.incidents_texts_withheld += kept && dossier_redaction_withholds (redaction, record, "title_en");
            }
          else if (DOSSIER_IS_PERSON (record))
            {
              counted.people++;
              counted.people_code_only += dossier_redaction_withholds (redaction, record, "sex");
            }
          else if (DOSSIER_IS_TESTIMONY (record))
            counted.testimonies++;
          else if (DOSSIER_IS_EVIDENCE (record))
            {
              counted.evidence++;
              counted.evidence_left_out += !kept;
              counted.evidence_titles_withheld += kept && dossier_redaction_withholds (redaction, record, "title");
            }
        }
      g_assert_true (dossier_redaction_summarise (redaction, store, NULL, &s, &error));
      g_assert_no_error (error);
      g_assert_cmpmem (&s, sizeof s, &counted, sizeof counted);
    }
}

/* Links to what a profile leaves out are left out with it, once the transform has met it;
 * and the drawn incidents are the kept ones. */
static void
test_links (void)
{
  g_autoptr(DossierRedaction) redaction = dossier_redaction_new (DOSSIER_PROFILE_PUBLIC);
  g_autoptr(DossierIncident) confidential = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0001", NULL);
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (confidential);
  links = dossier_store_list_links (store, DOSSIER_LINK_INCIDENT_PERSON, dossier_record_get_id (DOSSIER_RECORD (confidential)), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, >, 0);
  g_assert_true (dossier_redaction_apply (redaction, links->pdata[0]));
  g_assert_false (dossier_redaction_apply (redaction, DOSSIER_RECORD (confidential)));
  g_assert_true (dossier_redaction_left_out (redaction, "incident", dossier_record_get_id (DOSSIER_RECORD (confidential))));
  for (guint i = 0; i < links->len; i++)
    g_assert_false (dossier_redaction_apply (redaction, links->pdata[i]));

  ids = dossier_redaction_incident_ids (redaction, store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ids->len, ==, dossier_test_query_int (store, "SELECT count (*) FROM incident", NULL) - 1);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), !=, dossier_record_get_id (DOSSIER_RECORD (confidential)));
}

/* Identities, logs and coded passages leave only in the internal profile. */
static void
test_tables (void)
{
  static const char * const internal_only[] = { "identity", "custody_event", "audit", "testimony_passage" };

  for (int p = DOSSIER_PROFILE_PUBLIC; p <= DOSSIER_PROFILE_INTERNAL; p++)
    {
      g_autoptr(DossierRedaction) redaction = dossier_redaction_new (p);

      for (guint i = 0; i < G_N_ELEMENTS (internal_only); i++)
        g_assert_true (dossier_redaction_keeps_table (redaction, internal_only[i]) == (p == DOSSIER_PROFILE_INTERNAL));
      g_assert_true (dossier_redaction_keeps_table (redaction, "incident"));
      g_assert_true (dossier_redaction_keeps_table (redaction, "person"));
    }
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();
  dossier_test_register_resources ();
  store = dossier_test_canary_dossier ("redaction.dossier");
  g_test_add_func ("/redaction/three-faces", test_three_faces);
  g_test_add_func ("/redaction/summary", test_summary);
  g_test_add_func ("/redaction/links", test_links);
  g_test_add_func ("/redaction/tables", test_tables);
  status = g_test_run ();
  g_clear_object (&store);
  return status;
}
