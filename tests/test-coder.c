/* test-coder.c: the window where testimonies are read and coded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-coding.h"
#include "dossier-demo.h"
#include "dossier-test-display.h"
#include "dossier-test-util.h"
#include "dossier-testimony.h"
#include "dossier-testimony-coder.h"
#include "dossier-audit-entry-private.h" /* white-box */

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  g_autofree char *lower = g_utf8_strdown (haystack, -1);
  guint n = 0;

  for (const char *p = strstr (lower, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

static void
test_coder (void)
{
  g_autofree char *path = dossier_test_tmp_path ("coder.dossier");
  g_autofree char *lang = g_strdup (g_getenv ("LANGUAGE") ? "fr" : "en");
  g_autofree char *shot = g_strdup_printf ("coder-%s.png", lang);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autoptr(DossierTestimony) testimony = NULL;
  DossierTestimonyCoder *coder;
  gint64 first, incident, person_before;
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  dossier_store_set_user (store, "Secrétariat 2");
  first = dossier_test_query_int (store, "SELECT id FROM testimony ORDER BY code LIMIT 1", NULL);
  incident = dossier_test_query_int (store, "SELECT id FROM incident WHERE code = ?", "INC-0003");
  testimony = dossier_store_load (store, DOSSIER_TYPE_TESTIMONY, first, &error);
  g_assert_no_error (error);

  coder = dossier_testimony_coder_new (store, lang, first);
  gtk_window_present (GTK_WINDOW (coder));
  dossier_test_wait_for_draw (GTK_WIDGET (coder));
  g_assert_cmpint (dossier_testimony_coder_get_testimony (coder), ==, first);
  g_assert_cmpuint (dossier_testimony_coder_get_queue_length (coder), ==,
                    dossier_test_query_int (store, "SELECT count(*) FROM testimony", NULL));

  /* Nothing selected: nothing coded. */
  g_assert_false (dossier_testimony_coder_code (coder, DOSSIER_PASSAGE_INCIDENT, incident, NULL));
  /* A passage linked to an incident, another tagged, a third a new coded person. */
  dossier_testimony_coder_select (coder, 0, 24);
  g_assert_true (dossier_testimony_coder_code (coder, DOSSIER_PASSAGE_INCIDENT, incident, NULL));
  dossier_testimony_coder_select (coder, 30, 60);
  g_assert_true (dossier_testimony_coder_code (coder, DOSSIER_PASSAGE_VIOLATION, 0, "forced-displacement"));
  person_before = dossier_test_query_int (store, "SELECT count(*) FROM person", NULL);
  dossier_testimony_coder_select (coder, 62, 70);
  g_assert_cmpint (dossier_testimony_coder_code_new (coder, DOSSIER_PASSAGE_PERSON), >, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM person", NULL), ==, person_before + 1);
  g_assert_cmpuint (dossier_testimony_coder_get_n_passages (coder), ==, 3);
  sql = g_strdup_printf ("SELECT count(*) FROM testimony_incident WHERE testimony_id = %" G_GINT64_FORMAT
                         " AND incident_id = %" G_GINT64_FORMAT, first, incident);
  g_assert_cmpint (dossier_test_query_int (store, sql, NULL), ==, 1);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM testimony_tag WHERE tag = 'forced-displacement'", NULL), >=, 1);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM testimony_passage WHERE coded_by = 'Secrétariat 2'", NULL), ==, 3);

  /* Searching the transcript highlights every match. */
  g_assert_cmpuint (dossier_testimony_coder_find (coder, "the"), ==, count_occurrences (dossier_testimony_get_transcript (testimony), "the"));
  g_assert_cmpuint (dossier_testimony_coder_find (coder, "zzzzqq"), ==, 0);
  dossier_testimony_coder_find (coder, "");

  /* The workflow, then the queue of one status, moved through without the mouse. */
  dossier_testimony_coder_set_status (coder, "reviewed");
  {
    g_autoptr(GPtrArray) history = dossier_store_status_history (store, first, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (history->len, >=, 1);
    g_assert_cmpstr (((DossierAuditEntry *) history->pdata[history->len - 1])->user, ==, "Secrétariat 2");
  }
  dossier_test_screenshot (GTK_WIDGET (coder), shot);
  dossier_testimony_coder_set_queue (coder, NULL, NULL, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (coder), "coder.next", NULL));
  g_assert_cmpint (dossier_testimony_coder_get_testimony (coder), !=, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (coder), "coder.previous", NULL));
  g_assert_cmpint (dossier_testimony_coder_get_testimony (coder), ==, first);
  g_assert_false (dossier_testimony_coder_step (coder, -1));
  dossier_testimony_coder_set_queue (coder, "reviewed", NULL, NULL);
  for (guint i = 0; i < dossier_testimony_coder_get_queue_length (coder); i++)
    {
      g_autofree char *status = NULL;
      g_autofree char *q = NULL;

      if (i == 0)
        g_assert_true (dossier_testimony_coder_step (coder, 1));
      else
        dossier_testimony_coder_step (coder, 1);
      q = g_strdup_printf ("SELECT status FROM testimony WHERE id = %" G_GINT64_FORMAT, dossier_testimony_coder_get_testimony (coder));
      status = dossier_test_query_text (store, q);
      g_assert_cmpstr (status, ==, "reviewed");
    }
  gtk_window_destroy (GTK_WINDOW (coder));
}

/* Built as GtkBuilder or g_object_new() build it, from its properties alone: a working
 * window, on the queue's first testimony when none is named. */
static void
test_coder_from_properties (void)
{
  g_autofree char *path = dossier_test_tmp_path ("coder-properties.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  DossierTestimonyCoder *coder;

  g_assert_no_error (error);
  coder = g_object_new (DOSSIER_TYPE_TESTIMONY_CODER, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (coder));
  dossier_test_wait_for_draw (GTK_WIDGET (coder));
  g_assert_cmpuint (dossier_testimony_coder_get_queue_length (coder), ==,
                    dossier_test_query_int (store, "SELECT count(*) FROM testimony", NULL));
  g_assert_cmpint (dossier_testimony_coder_get_testimony (coder), >, 0);
  g_assert_true (dossier_testimony_coder_step (coder, 1));
  dossier_testimony_coder_select (coder, 0, 12);
  g_assert_true (dossier_testimony_coder_code (coder, DOSSIER_PASSAGE_VIOLATION, 0, "forced-displacement"));
  g_assert_cmpuint (dossier_testimony_coder_get_n_passages (coder), >=, 1);
  gtk_window_destroy (GTK_WINDOW (coder));
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);
  g_test_add_func ("/coder/demo", test_coder);
  g_test_add_func ("/coder/from-properties", test_coder_from_properties);
  return g_test_run ();
}
