/* dossier-test-canaries.c: a demo dossier with canaries planted, and a PDF's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-demo.h"
#include "dossier-evidence.h"
#include "dossier-identity.h"
#include "dossier-incident.h"
#include "dossier-person.h"
#include "dossier-test-canaries.h"
#include "dossier-test-util.h"
#include "dossier-testimony.h"
#include "dossier-incident-private.h" /* white-box */
#include "dossier-person-private.h" /* white-box */
#include "dossier-testimony-private.h" /* white-box */
#include "dossier-evidence-private.h" /* white-box */
#include "dossier-identity-private.h" /* white-box */

static void
set_incident (DossierStore *store,
              const char   *code,
              const char   *confidentiality,
              const char   *canary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierIncident) incident = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, code, &error);

  g_assert_no_error (error);
  g_free (incident->confidentiality);
  incident->confidentiality = g_strdup (confidentiality);
  g_free (incident->summary_en);
  incident->summary_en = g_strdup_printf ("Witness account, \"quoted\", with %s in it", canary);
  g_free (incident->summary_fr);
  incident->summary_fr = g_strdup_printf ("Un récit avec %s dedans", canary);
  g_free (incident->title_fr);
  incident->title_fr = g_strdup (canary);
  g_free (incident->sources);
  incident->sources = g_strdup_printf ("%sSOURCE", canary);
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (incident), &error));
  g_assert_no_error (error);
}

/**
 * dossier_test_canary_dossier:
 * @name: a file name in the test's temporary directory
 *
 * Returns: (transfer full): the demo dossier, with the canaries of
 *   dossier-test-canaries.h planted
 */
DossierStore *
dossier_test_canary_dossier (const char *name)
{
  g_autofree char *path = dossier_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) identities = g_ptr_array_new_with_free_func (g_object_unref);
  DossierStore *store = dossier_demo_create (path, &error);
  DossierIdentity *identity;

  g_assert_no_error (error);
  set_incident (store, "INC-0001", "confidential", CANARY_CONFIDENTIAL);
  set_incident (store, "INC-0002", "restricted", CANARY_RESTRICTED);
  set_incident (store, "INC-0003", "public", CANARY_PUBLIC);
  g_assert_true (dossier_store_foreach (store, DOSSIER_TYPE_IDENTITY, dossier_record_collect, identities, &error));
  g_assert_cmpuint (identities->len, >, 0);
  identity = identities->pdata[0];
  g_free (identity->full_name);
  identity->full_name = g_strdup (CANARY_IDENTITY);
  g_free (identity->contact);
  identity->contact = g_strdup ("+223 70 00 00 00 " CANARY_CONTACT);
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (identity), &error));
  {
    g_autoptr(DossierPerson) person = dossier_store_load_by_code (store, DOSSIER_TYPE_PERSON, "TEM-0001", &error);
    g_autoptr(DossierTestimony) testimony = dossier_store_load_by_code (store, DOSSIER_TYPE_TESTIMONY, "TES-00001", &error);
    g_autoptr(DossierEvidence) item = dossier_store_load_by_code (store, DOSSIER_TYPE_EVIDENCE, "EVD-0002", &error);

    g_assert_no_error (error);
    g_free (person->notes);
    person->notes = g_strdup (CANARY_NOTES);
    g_free (person->protection);
    person->protection = g_strdup ("protected");
    g_free (person->sex);
    person->sex = g_strdup ("female");
    g_assert_true (dossier_store_update (store, DOSSIER_RECORD (person), &error));
    g_free (testimony->summary);
    testimony->summary = g_strdup (CANARY_SUMMARY);
    g_free (testimony->interviewer);
    testimony->interviewer = g_strdup (CANARY_INTERVIEWER);
    g_assert_true (dossier_store_update (store, DOSSIER_RECORD (testimony), &error));
    g_free (item->title);
    item->title = g_strdup (CANARY_EVIDENCE);
    g_free (item->confidentiality);
    item->confidentiality = g_strdup ("confidential");
    g_assert_true (dossier_store_update (store, DOSSIER_RECORD (item), &error));
    g_assert_no_error (error);
  }
  return store;
}

/**
 * dossier_test_pdf_text:
 * @pdf: a PDF file
 *
 * Returns: (transfer full): its text as pdftotext reads it, pages ending in form feeds
 */
char *
dossier_test_pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}
