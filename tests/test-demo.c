/* test-demo.c: the demo dossier is whole, linked, verifiable and names no real person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-demo.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-locker.h"
#include "dossier-testimony.h"
#include "dossier-test-util.h"

static gboolean
check_identity (DossierRecord  *record,
                gpointer        data,
                GError        **error)
{
  DossierIdentity *identity = DOSSIER_IDENTITY (record);

  /* Demo people are fictional, and say so in their names. */
  g_assert_true (strstr (dossier_identity_get_full_name (identity), "fictif") != NULL ||
                 strstr (dossier_identity_get_full_name (identity), "fictional") != NULL);
  g_assert_true (dossier_identity_get_contact (identity)[0] == '\0' || strstr (dossier_identity_get_contact (identity), "fictif") != NULL ||
                 strstr (dossier_identity_get_contact (identity), "fictional") != NULL);
  return TRUE;
}

static gboolean
check_testimony (DossierRecord  *record,
                 gpointer        data,
                 GError        **error)
{
  DossierTestimony *t = DOSSIER_TESTIMONY (record);
  const char *mark = g_str_equal (dossier_testimony_get_language (t), "fr") ? "[Exemple fictif]" : "[Fictional example]";

  g_assert_true (g_str_has_prefix (dossier_testimony_get_summary (t), mark));
  g_assert_true (g_str_has_prefix (dossier_testimony_get_transcript (t), mark));
  (*(guint *) data) += g_str_equal (dossier_testimony_get_language (t), "fr") ? 1 : 1000;
  return TRUE;
}

static void
test_demo (void)
{
  g_autofree char *path = dossier_test_tmp_path ("demo.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autoptr(GPtrArray) report = NULL;
  guint languages = 0;

  g_assert_no_error (error);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident", NULL), >=, 8);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM actor", NULL), >=, 6);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM person", NULL), >=, 10);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM testimony", NULL), >=, 6);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL), >=, 5);

  /* Everything is linked. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM testimony WHERE id NOT IN (SELECT testimony_id FROM testimony_incident)", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM person WHERE id NOT IN (SELECT person_id FROM incident_person)", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE id NOT IN (SELECT incident_id FROM evidence_incident)", NULL), ==, 0);
  /* Evidence is linked to what it documents. Two background pages (UN Human Rights' page on
   * MINUSMA's division, MINUSMA's justice section) report no incident and, being real, must
   * not seem to support the fictional testimonies: they are honestly left unlinked. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence WHERE id NOT IN (SELECT evidence_id FROM evidence_incident "
                                                  "UNION SELECT evidence_id FROM evidence_person "
                                                  "UNION SELECT evidence_id FROM evidence_testimony)", NULL), <=, 2);
  /* Actors are linked with their role and involvement, as the sources say. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_actor", NULL), >=, 8);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_actor WHERE role IS NULL OR role = ''", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_actor WHERE involvement <> 'unknown'", NULL), >=, 1);
  /* Testimonies' links carry their excerpts; the demo's own user made everything. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM testimony_incident WHERE detail IS NOT NULL AND detail <> ''", NULL), >=, 1);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE user <> ?1", "Démo"), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE sources = ''", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM actor WHERE id NOT IN (SELECT actor_id FROM incident_actor)", NULL), <=, 4);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM identity", NULL), ==, dossier_test_query_int (store, "SELECT count(*) FROM person", NULL));
  /* Every incident is placed and dated. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE latitude IS NULL OR (date_start IS NULL AND date_end IS NULL)", NULL), ==, 0);

  g_assert_true (dossier_store_foreach (store, DOSSIER_TYPE_IDENTITY, check_identity, NULL, &error));
  g_assert_true (dossier_store_foreach (store, DOSSIER_TYPE_TESTIMONY, check_testimony, &languages, &error));
  /* Some in French, some in English. */
  g_assert_cmpuint (languages % 1000, >=, 2);
  g_assert_cmpuint (languages / 1000, >=, 2);

  /* The evidence is the shipped reports, intact. */
  report = dossier_locker_verify (store, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->len, >=, 5);
  for (guint i = 0; i < report->len; i++)
    g_assert_cmpint (((DossierVerifyItem *) report->pdata[i])->status, ==, DOSSIER_VERIFY_INTACT);

  /* New records continue after the demo's codes. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT next FROM code_counter WHERE prefix = 'INC'", NULL), ==,
                   dossier_test_query_int (store, "SELECT count(*) FROM incident", NULL) + 1);

  /* A second demo at the same place is refused; nothing is left after a failure. */
  g_assert_null (dossier_demo_create (path, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_EXISTS);
}

/* Great-circle distance in kilometres, enough to tell a town from its neighbour. */
static double
distance_km (double lat1,
             double lon1,
             double lat2,
             double lon2)
{
  double p1 = lat1 * G_PI / 180, p2 = lat2 * G_PI / 180;
  double dp = p2 - p1, dl = (lon2 - lon1) * G_PI / 180;
  double a = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);

  return 6371.0 * 2 * atan2 (sqrt (a), sqrt (1 - a));
}

static gint64
julian (int year,
        int month,
        int day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

static gboolean
has_string (const char * const *strv,
            const char         *s)
{
  return strv != NULL && g_strv_contains (strv, s);
}

/* The demo's facts say what the public reports it cites say (data/demo/files, the seeds
 * it was made from), and its invented testimonies never lean on a real document. */
static void
test_demo_facts (void)
{
  g_autofree char *path = dossier_test_tmp_path ("facts.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autoptr(DossierIncident) moura = NULL;
  g_autoptr(DossierIncident) hombori = NULL;
  g_autoptr(DossierIncident) gossi = NULL;
  g_autoptr(DossierIncident) mopti_2021 = NULL;
  g_autoptr(DossierIncident) fulani = NULL;
  g_autoptr(DossierIncident) forsat = NULL;
  g_autofree char *gossi_code = NULL;
  g_autoptr(GBytes) note = NULL;
  g_autofree char *in_2012 = NULL;
  g_autofree char *sql = NULL;
  gint64 timbuktu_2012;

  g_assert_no_error (error);

  /* Moura is at 14.33 N, 4.60 W, not 35 km away. */
  moura = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_incident_get_place (moura), ==, "Moura");
  g_assert_cmpfloat (distance_km (dossier_incident_get_latitude (moura), dossier_incident_get_longitude (moura), 14.33, -4.60), <, 5.0);

  /* The fictional testimonies lean only on the project's own note, which says they are
   * fictional; no real report is linked to them. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence_testimony et JOIN evidence e ON e.id = et.evidence_id "
                                                  "WHERE e.original_name <> 'demo-presentation-note.txt' OR e.source <> 'Projet Dossier'", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM testimony WHERE id NOT IN (SELECT testimony_id FROM evidence_testimony)", NULL), ==, 0);
  note = g_resources_lookup_data ("/org/dossier/Dossier/io/demo/files/demo-presentation-note.txt", 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (note, NULL), "Les témoignages sont des exemples fictifs"));
  g_assert_nonnull (strstr (g_bytes_get_data (note, NULL), "Testimonies are fictional examples"));

  /* Every excerpt that links a fictional testimony to an incident says so too. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM testimony_incident ti JOIN testimony t ON t.id = ti.testimony_id "
                                                  "WHERE ti.detail <> '' AND NOT (t.language = 'fr' AND substr (ti.detail, 1, 16) = '[Exemple fictif]') "
                                                  "AND NOT (t.language <> 'fr' AND substr (ti.detail, 1, 19) = '[Fictional example]')", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM testimony_incident WHERE detail <> ''", NULL), >=, 10);

  /* Gossi, April 2022: the staging of evidence of French atrocities, with the French forces
   * it was meant to accuse, and Wagner, whom the French military's imagery points at. */
  gossi_code = dossier_test_query_text (store, "SELECT code FROM incident WHERE place LIKE '%Gossi%'");
  gossi = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, gossi_code, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (distance_km (dossier_incident_get_latitude (gossi), dossier_incident_get_longitude (gossi), 15.82, -1.30), <, 5.0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT date_start FROM incident WHERE code = ?1", gossi_code), ==, julian (2022, 4, 1));
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id "
                                                  "JOIN incident i ON i.id = ia.incident_id WHERE i.code = ?1 AND ia.role = 'target' "
                                                  "AND a.kind = 'foreign-forces' AND a.name LIKE '%Barkhane%'", gossi_code), ==, 1);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id "
                                                  "JOIN incident i ON i.id = ia.incident_id WHERE i.code = ?1 AND ia.role = 'alleged-perpetrator' "
                                                  "AND a.name = 'Groupe Wagner'", gossi_code), ==, 1);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence_incident ei JOIN incident i ON i.id = ei.incident_id "
                                                  "WHERE i.code = ?1", gossi_code), ==, 1);

  /* Timbuktu, 2012: Ansar Dine, AQIM and MUJAO are the suspects; JNIM was formed later. */
  in_2012 = g_strdup_printf ("i.date_start BETWEEN %" G_GINT64_FORMAT " AND %" G_GINT64_FORMAT,
                             julian (2012, 1, 1), julian (2012, 12, 31));
  sql = g_strdup_printf ("SELECT count(*) FROM incident i WHERE i.admin1 = 'tombouctou' AND %s", in_2012);
  timbuktu_2012 = dossier_test_query_int (store, sql, NULL);
  g_assert_cmpint (timbuktu_2012, >=, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id "
                         "JOIN incident i ON i.id = ia.incident_id WHERE i.admin1 = 'tombouctou' AND %s "
                         "AND ia.role = 'alleged-perpetrator' AND (a.name = 'Ansar Dine' OR a.acronym IN ('AQMI', 'MUJAO'))", in_2012);
  g_assert_cmpint (dossier_test_query_int (store, sql, NULL), ==, 3 * timbuktu_2012);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id "
                         "JOIN incident i ON i.id = ia.incident_id WHERE i.admin1 = 'tombouctou' AND %s "
                         "AND NOT (a.name = 'Ansar Dine' OR a.acronym IN ('AQMI', 'MUJAO'))", in_2012);
  g_assert_cmpint (dossier_test_query_int (store, sql, NULL), ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id "
                         "JOIN incident i ON i.id = ia.incident_id WHERE a.acronym = 'JNIM' AND i.date_start <= %" G_GINT64_FORMAT,
                         julian (2012, 12, 31));
  g_assert_cmpint (dossier_test_query_int (store, sql, NULL), ==, 0);
  g_clear_pointer (&sql, g_free);

  /* Hombori: soldiers opened fire on the market; the report gives no death. */
  hombori = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_incident_get_place (hombori), ==, "Hombori");
  g_assert_false (has_string (dossier_incident_get_violation_types (hombori), "killing"));
  g_assert_false (has_string (dossier_incident_get_violation_types (hombori), "killing-civilians-attacks"));
  g_assert_false (has_string (dossier_incident_get_violation_types (hombori), "summary-execution"));
  g_assert_cmpint (dossier_incident_total_casualties (hombori, 0), ==, 0);

  /* The 34 killed and 16 disappeared of a 2021 report are not the separate sentence on
   * the investigations into Libé and Kobou. */
  mopti_2021 = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0007", &error);
  g_assert_no_error (error);
  g_assert_null (strstr (dossier_incident_get_place (mopti_2021), "Libé"));
  g_assert_null (strstr (dossier_incident_get_title_en (mopti_2021), "Libé"));
  g_assert_cmpstr (dossier_incident_get_date_edtf (mopti_2021), !=, "2020-10/2021-03");

  /* An act the report calls alleged, accused or claimed is a suspected involvement;
   * FAMa was not the target of the executions at Tounu. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_actor ia JOIN incident i ON i.id = ia.incident_id "
                                                  "WHERE i.code IN ('INC-0003', 'INC-0004', 'INC-0007', 'INC-0011') "
                                                  "AND ia.role = 'alleged-perpetrator' AND ia.involvement <> 'suspected'", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident_actor ia JOIN incident i ON i.id = ia.incident_id "
                                                  "WHERE i.code = 'INC-0005' AND ia.role = 'target'", NULL), ==, 0);

  /* "Reportedly" survives translation; Amnesty's source is of 2021. */
  fulani = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0008", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dossier_incident_get_summary_en (fulani), "reportedly"));
  g_assert_true (strstr (dossier_incident_get_summary_fr (fulani), "auraient") != NULL || strstr (dossier_incident_get_summary_fr (fulani), "selon certaines informations") != NULL);
  forsat = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0011", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dossier_incident_get_summary_en (forsat), "2021 (Amnesty International)"));
  g_assert_nonnull (strstr (dossier_incident_get_summary_fr (forsat), "2021 (Amnesty International)"));
  g_assert_cmpint (dossier_test_query_int (store, "SELECT date_end FROM incident WHERE code = 'INC-0011'", NULL), >=, julian (2021, 1, 1));
}

/* A test that fails aborts: the demo dossier it made, with its identities, does not stay
 * in the temporary folder. */
static void
test_aborted_test_leaves_nothing (void)
{
  g_autofree char *marker = dossier_test_tmp_path ("aborted-path");
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierStore) store = NULL;

      path = dossier_test_tmp_path ("aborted.dossier");
      store = dossier_demo_create (path, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (g_getenv ("DOSSIER_TEST_MARKER"), path, -1, NULL));
      /* What a failing assertion does in a test run (in a g_test subprocess it would
       * _exit() instead, which no test run does). */
      g_abort ();
    }
  g_setenv ("DOSSIER_TEST_MARKER", marker, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_assert_true (g_file_get_contents (marker, &path, NULL, NULL));
  g_assert_true (g_str_has_suffix (path, "aborted.dossier"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dir = g_path_get_dirname (path);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/demo/whole-linked-fictional", test_demo);
  g_test_add_func ("/craft/21-demo-facts", test_demo_facts);
  g_test_add_func ("/trust/02-aborted-test-leaves-nothing", test_aborted_test_leaves_nothing);

  return g_test_run ();
}
