/* test-demo.c: the demo dossier is whole, linked, verifiable and names no real person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-demo.h"
#include "dossier-identity.h"
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
  g_assert_true (strstr (identity->full_name, "fictif") != NULL ||
                 strstr (identity->full_name, "fictional") != NULL);
  g_assert_true (identity->contact[0] == '\0' || strstr (identity->contact, "fictif") != NULL ||
                 strstr (identity->contact, "fictional") != NULL);
  return TRUE;
}

static gboolean
check_testimony (DossierRecord  *record,
                 gpointer        data,
                 GError        **error)
{
  DossierTestimony *t = DOSSIER_TESTIMONY (record);
  const char *mark = g_str_equal (t->language, "fr") ? "[Exemple fictif]" : "[Fictional example]";

  g_assert_true (g_str_has_prefix (t->summary, mark));
  g_assert_true (g_str_has_prefix (t->transcript, mark));
  (*(guint *) data) += g_str_equal (t->language, "fr") ? 1 : 1000;
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
  /* Evidence is linked to what it documents. One background page (MINUSMA's justice
   * section) reports no incident and bears on no testimony, and is honestly left unlinked. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence WHERE id NOT IN (SELECT evidence_id FROM evidence_incident "
                                                  "UNION SELECT evidence_id FROM evidence_person "
                                                  "UNION SELECT evidence_id FROM evidence_testimony)", NULL), <=, 1);
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

  g_assert_true (dossier_store_foreach (store, DOSSIER_TYPE_IDENTITY, NULL, check_identity, NULL, &error));
  g_assert_true (dossier_store_foreach (store, DOSSIER_TYPE_TESTIMONY, NULL, check_testimony, &languages, &error));
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

  g_test_add_func ("/demo/whole-linked-fictional", test_demo);
  g_test_add_func ("/trust/02-aborted-test-leaves-nothing", test_aborted_test_leaves_nothing);

  return g_test_run ();
}
