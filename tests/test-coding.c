/* test-coding.c: indexing testimonies: coded passages, their effects, queue and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-coding.h"
#include "dossier-demo.h"
#include "dossier-json-io.h"
#include "dossier-link.h"
#include "dossier-query.h"
#include "dossier-test-util.h"
#include "dossier-testimony.h"
#include "dossier-info.h"
#include "dossier-testimony-private.h" /* white-box */
#include "dossier-audit-entry-private.h" /* white-box */
#include "dossier-link-private.h" /* white-box */
#include "dossier-passage-private.h" /* white-box */

static void
test_coding (void)
{
  g_autofree char *path = dossier_test_tmp_path ("coding.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autoptr(DossierTestimony) testimony = NULL;
  g_autoptr(DossierPassage) a = NULL;
  g_autoptr(DossierPassage) b = NULL;
  g_autoptr(DossierPassage) c = NULL;
  g_autoptr(DossierPassage) again = NULL;
  g_autoptr(GPtrArray) passages = NULL;
  gint64 tid, incident, person, links_before;
  gboolean already;
  const char *target;
  glong length;

  g_assert_no_error (error);
  dossier_store_set_user (store, "Enquêtrice 7");
  /* A testimony not yet linked to INC-0012. */
  tid = dossier_test_query_int (store, "SELECT min (id) FROM testimony", NULL);
  incident = dossier_test_query_int (store, "SELECT id FROM incident WHERE code = ?", "INC-0012");
  person = dossier_test_query_int (store, "SELECT min (id) FROM person", NULL);
  testimony = dossier_store_load (store, DOSSIER_TYPE_TESTIMONY, tid, &error);
  g_assert_no_error (error);
  length = g_utf8_strlen (dossier_testimony_get_transcript (testimony), -1);
  g_assert_cmpint (length, >, 40);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM testimony_incident WHERE testimony_id = %" G_GINT64_FORMAT
                                            " AND incident_id = %" G_GINT64_FORMAT, tid, incident);
    g_autofree char *all = g_strdup_printf ("SELECT count(*) FROM testimony_incident WHERE testimony_id = %" G_GINT64_FORMAT, tid);

    already = dossier_test_query_int (store, sql, NULL) > 0;
    links_before = dossier_test_query_int (store, all, NULL);

    /* An incident: linked once, with the first passage as its excerpt. */
    a = dossier_store_code_passage (store, tid, 10, 30, DOSSIER_PASSAGE_INCIDENT, incident, NULL, &error);
    g_assert_no_error (error);
    again = dossier_store_code_passage (store, tid, 32, 40, DOSSIER_PASSAGE_INCIDENT, incident, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (dossier_test_query_int (store, sql, NULL), ==, 1);
    g_assert_cmpint (dossier_test_query_int (store, all, NULL), <=, links_before + 1);
  }
  {
    g_autoptr(GPtrArray) links = dossier_store_list_links (store, DOSSIER_LINK_TESTIMONY_INCIDENT, tid, incident, &error);
    g_autofree char *excerpt = g_utf8_substring (dossier_testimony_get_transcript (testimony), 10, 30);

    g_assert_no_error (error);
    g_assert_cmpuint (links->len, ==, 1);
    /* A link made by the coding holds the passage as its excerpt. */
    if (!already)
      g_assert_cmpstr (((DossierLink *) links->pdata[0])->detail, ==, excerpt);
  }

  /* A violation type: the testimony is tagged with it. */
  b = dossier_store_code_passage (store, tid, 0, 5, DOSSIER_PASSAGE_VIOLATION, 0, "torture", &error);
  g_assert_no_error (error);
  g_clear_object (&testimony);
  testimony = dossier_store_load (store, DOSSIER_TYPE_TESTIMONY, tid, &error);
  g_assert_true (g_strv_contains (dossier_testimony_get_tags (testimony), "torture"));
  /* An unknown type is refused, and nothing is left of the attempt. */
  g_assert_null (dossier_store_code_passage (store, tid, 0, 5, DOSSIER_PASSAGE_VIOLATION, 0, "not-a-violation", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A person mentioned. */
  c = dossier_store_code_passage (store, tid, length - 10, length, DOSSIER_PASSAGE_PERSON, person, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_passage_get_coded_by (c), ==, "Enquêtrice 7");

  /* Outside the transcript, empty, or without what it names: refused. */
  g_assert_null (dossier_store_code_passage (store, tid, length - 2, length + 5, DOSSIER_PASSAGE_PERSON, person, NULL, &error));
  g_clear_error (&error);
  g_assert_null (dossier_store_code_passage (store, tid, 8, 8, DOSSIER_PASSAGE_PERSON, person, NULL, &error));
  g_clear_error (&error);
  g_assert_null (dossier_store_code_passage (store, tid, 1, 8, DOSSIER_PASSAGE_INCIDENT, 0, NULL, &error));
  g_clear_error (&error);

  passages = dossier_store_list_passages (store, tid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (passages->len, ==, 4);
  for (guint i = 1; i < passages->len; i++)
    g_assert_cmpint (((DossierPassage *) passages->pdata[i - 1])->start_offset, <=,
                     ((DossierPassage *) passages->pdata[i])->start_offset);
  g_assert_cmpstr (((DossierPassage *) passages->pdata[0])->kind, ==, "violation");

  /* The workflow: status changes kept with who made them. */
  target = g_strcmp0 (dossier_testimony_get_status (testimony), "reviewed") == 0 ? "indexed" : "reviewed";
  g_free (testimony->status);
  testimony->status = g_strdup (target);
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (testimony), &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) history = dossier_store_status_history (store, tid, &error);
    g_autoptr(GArray) queue = dossier_store_testimony_queue (store, target, NULL, NULL, &error);
    g_autoptr(GArray) any = dossier_store_testimony_queue (store, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpstr (((DossierAuditEntry *) history->pdata[0])->new_value, ==, target);
    g_assert_cmpstr (((DossierAuditEntry *) history->pdata[0])->user, ==, "Enquêtrice 7");
    g_assert_cmpuint (queue->len, >=, 1);
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM testimony", NULL), ==, any->len);
    for (guint i = 0; i < queue->len; i++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT status = '%s' FROM testimony WHERE id = %" G_GINT64_FORMAT,
                                                target, g_array_index (queue, gint64, i));

        g_assert_cmpint (dossier_test_query_int (store, sql, NULL), ==, 1);
      }
  }

  /* Passages go through the interchange format. */
  {
    g_autofree char *json = dossier_test_tmp_path ("coding.json");
    g_autofree char *copy_path = dossier_test_tmp_path ("coding-copy.dossier");
    g_autoptr(DossierStore) copy = NULL;

    g_assert_true (dossier_json_export_file (store, json, &error));
    g_assert_no_error (error);
    copy = dossier_create (copy_path, "copy", &error);
    g_assert_no_error (error);
    g_assert_true (dossier_json_import_file (copy, json, &error));
    g_assert_no_error (error);
    g_assert_cmpint (dossier_test_query_int (copy, "SELECT count(*) FROM testimony_passage", NULL), ==, 4);
  }
}

static gint64
sum_rows (GPtrArray *rows)
{
  gint64 n = 0;

  for (guint i = 0; i < rows->len; i++)
    n += ((DossierBreakdownRow *) rows->pdata[i])->count;
  return n;
}

/* The secretariat's figures: testimonies by status, office and month; witnesses by sex and
 * age group, each person once; narrowed to the filter's incidents. */
static void
test_progress (void)
{
  g_autofree char *path = dossier_test_tmp_path ("progress.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  DossierIncidentQuery mopti = { .admin1 = (char *) "mopti" };
  gint64 all, linked;

  g_assert_no_error (error);
  all = dossier_test_query_int (store, "SELECT count(*) FROM testimony", NULL);
  linked = dossier_test_query_int (store, "SELECT count(DISTINCT ti.testimony_id) FROM testimony_incident ti "
                                          "JOIN incident i ON i.id = ti.incident_id WHERE i.admin1 = 'mopti'", NULL);
  {
    g_autoptr(GPtrArray) rows = dossier_store_breakdown_measure (store, DOSSIER_BREAKDOWN_TESTIMONY_STATUS,
                                                                 DOSSIER_MEASURE_INCIDENTS, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sum_rows (rows), ==, all);
  }
  {
    g_autoptr(GPtrArray) rows = dossier_store_breakdown_measure (store, DOSSIER_BREAKDOWN_TESTIMONY_STATUS,
                                                                 DOSSIER_MEASURE_INCIDENTS, &mopti, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sum_rows (rows), ==, linked);
    g_assert_cmpint (linked, <, all);
  }
  {
    g_autoptr(GPtrArray) rows = dossier_store_breakdown_measure (store, DOSSIER_BREAKDOWN_TESTIMONY_OFFICE,
                                                                 DOSSIER_MEASURE_INCIDENTS, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sum_rows (rows), ==, dossier_test_query_int (store, "SELECT count(*) FROM testimony WHERE office IS NOT NULL", NULL));
  }
  {
    g_autoptr(GPtrArray) rows = dossier_store_breakdown_measure (store, DOSSIER_BREAKDOWN_TESTIMONY_MONTH,
                                                                 DOSSIER_MEASURE_INCIDENTS, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, >=, 1);
    for (guint i = 0; i < rows->len; i++)
      g_assert_cmpint (strlen (((DossierBreakdownRow *) rows->pdata[i])->key), ==, 7);
  }
  for (int k = 0; k < 2; k++)
    {
      g_autoptr(GPtrArray) rows = dossier_store_breakdown_measure (store, k ? DOSSIER_BREAKDOWN_WITNESS_AGE_GROUP
                                                                           : DOSSIER_BREAKDOWN_WITNESS_SEX,
                                                                   DOSSIER_MEASURE_INCIDENTS, NULL, &error);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM person WHERE %s IS NOT NULL AND id IN "
                                              "(SELECT person_id FROM testimony)", k ? "age_group" : "sex");

      g_assert_no_error (error);
      g_assert_cmpint (sum_rows (rows), ==, dossier_test_query_int (store, sql, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();
  g_test_add_func ("/coding/passages", test_coding);
  g_test_add_func ("/coding/progress", test_progress);
  return g_test_run ();
}
