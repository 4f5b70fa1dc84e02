/* test-search.c: full-text search with accent folding, prefixes and ranking; RTREE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-evidence.h"
#include "dossier-incident.h"
#include "dossier-demo.h"
#include "dossier-person.h"
#include "dossier-pick.h"
#include "dossier-actor.h"
#include "dossier-search.h"
#include "dossier-testimony.h"
#include "dossier-test-util.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-incident-private.h" /* white-box */
#include "dossier-testimony-private.h" /* white-box */

static void
set (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static DossierIncident *
add_incident (DossierStore *store,
              const char   *title_fr,
              const char   *summary_fr,
              const char   *place,
              double        lat,
              double        lon)
{
  g_autoptr(GError) error = NULL;
  DossierIncident *inc = dossier_incident_new ();

  set (&inc->title_fr, title_fr);
  set (&inc->summary_fr, summary_fr);
  set (&inc->place, place);
  inc->latitude = lat;
  inc->longitude = lon;
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (inc), &error));
  g_assert_no_error (error);
  return inc;
}

static GPtrArray *
search (DossierStore *store,
        const char   *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = dossier_store_search (store, text, "fr", 20, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

static gboolean
has_code (GPtrArray  *hits,
          const char *code)
{
  for (guint i = 0; i < hits->len; i++)
    if (g_strcmp0 (((DossierSearchHit *) hits->pdata[i])->code, code) == 0)
      return TRUE;
  return FALSE;
}

static void
test_accents_and_prefixes (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("search.dossier");
  g_autoptr(DossierIncident) a = add_incident (store, "Attaque près de Ségou", "Des civils ont été tués.", "Ségou", 13.43, -6.26);
  g_autoptr(DossierIncident) b = add_incident (store, "Enlèvement à Gao", "Un témoin a décrit l’enlèvement.", "Gao", 16.27, -0.04);
  g_autoptr(DossierTestimony) t = dossier_testimony_new ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  set (&t->summary, "Témoignage d’une survivante");
  set (&t->transcript, "Je suis partie de Ségou avant l’aube. Les hommes armés sont arrivés.");
  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (t), &error));
  g_assert_no_error (error);

  hits = search (store, "segou");
  g_assert_true (has_code (hits, "INC-0001"));
  g_assert_true (has_code (hits, "TES-0001"));
  g_assert_false (has_code (hits, "INC-0002"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = search (store, "SÉGOU");
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* temoin* finds témoin and témoignage. */
  hits = search (store, "temoin*");
  g_assert_true (has_code (hits, "INC-0002"));
  g_assert_true (has_code (hits, "TES-0001"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Without the star, only the whole word. */
  hits = search (store, "temoin");
  g_assert_true (has_code (hits, "INC-0002"));
  g_assert_false (has_code (hits, "TES-0001"));
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Several words are all required. */
  hits = search (store, "enlevement gao");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = search (store, "enlevement segou");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Snippets mark the match; markup escapes the text around it. */
  hits = search (store, "gao");
  g_assert_cmpuint (hits->len, ==, 1);
  {
    DossierSearchHit *hit = hits->pdata[0];
    g_autofree char *markup = dossier_search_snippet_to_markup (hit->snippet);
    g_autofree char *plain = dossier_search_snippet_to_plain (hit->snippet, "[", "]");

    g_assert_cmpstr (hit->kind, ==, "incident");
    g_assert_cmpstr (hit->title, ==, "Enlèvement à Gao");
    g_assert_nonnull (strstr (plain, "[Gao]"));
    g_assert_nonnull (strstr (markup, "<b>Gao</b>"));
    g_assert_nonnull (strstr (markup, "l’enlèvement") == NULL ? strstr (markup, "Enlèvement") : markup);
  }
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* What users type is never an FTS syntax error. */
  {
    static const char * const odd[] = { "\"", "AND", "NEAR(", "gao OR", "*", "-x", "a:b", "((", "^", "" };
    for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
      {
        g_autoptr(GPtrArray) h = search (store, odd[i]);
        (void) h;
      }
  }

  /* Edits and deletions keep the index in sync. */
  set (&a->title_fr, "Attaque près de Bla");
  set (&a->place, "Bla");
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (a), &error));
  hits = search (store, "segou");
  g_assert_false (has_code (hits, "INC-0001"));
  g_assert_true (has_code (hits, "TES-0001"));
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_true (dossier_store_delete (store, DOSSIER_RECORD (t), &error));
  hits = search (store, "segou");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The FTS index agrees with its content tables. */
  g_assert_cmpint (sqlite3_exec (dossier_store_get_db (store),
                                 "INSERT INTO incident_fts (incident_fts, rank) VALUES ('integrity-check', 1);"
                                 "INSERT INTO testimony_fts (testimony_fts, rank) VALUES ('integrity-check', 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_ranking (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("rank.dossier");
  g_autoptr(DossierIncident) body = add_incident (store, "Incident à Kidal", "Des maisons incendiées près de Tessalit.", "Kidal", 18.44, 1.41);
  g_autoptr(DossierIncident) title = add_incident (store, "Incendie de maisons à Tessalit", "Rapport.", "Tessalit", 20.2, 1.01);
  g_autoptr(GPtrArray) hits = search (store, "tessalit");

  /* A match in the title and place outranks one in the summary. */
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpstr (((DossierSearchHit *) hits->pdata[0])->code, ==, "INC-0002");
  g_assert_cmpfloat (((DossierSearchHit *) hits->pdata[0])->rank, <, ((DossierSearchHit *) hits->pdata[1])->rank);
}

static void
test_rtree (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("rtree.dossier");
  g_autoptr(DossierIncident) gao = add_incident (store, "Gao", "", "Gao", 16.27, -0.04);
  g_autoptr(DossierIncident) mopti = add_incident (store, "Mopti", "", "Mopti", 14.49, -4.19);
  g_autoptr(DossierIncident) nowhere = dossier_incident_new ();
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = 0;

  g_assert_true (dossier_store_insert (store, DOSSIER_RECORD (nowhere), &error));
  g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store),
                                       "SELECT id FROM incident_rtree WHERE min_lat >= 15 AND max_lat <= 17 AND min_lon >= -1 AND max_lon <= 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, dossier_record_get_id (DOSSIER_RECORD (gao)));
      n++;
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (n, ==, 1);

  /* Moving and unlocating incidents updates the tree. */
  mopti->latitude = 16.0;
  mopti->longitude = 0.0;
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (mopti), &error));
  gao->latitude = NAN;
  gao->longitude = NAN;
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (gao), &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store),
                                       "SELECT group_concat (id) FROM incident_rtree", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  {
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, dossier_record_get_id (DOSSIER_RECORD (mopti)));
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expected);
  }
  sqlite3_finalize (stmt);
}

static guint
count_code (GPtrArray *hits, const char *code)
{
  guint n = 0;

  for (guint i = 0; i < hits->len; i++)
    n += g_str_equal (((DossierSearchHit *) hits->pdata[i])->code, code);
  return n;
}

static void
test_pick (void)
{
  g_autofree char *path = dossier_test_tmp_path ("pick.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);

  /* Nothing typed: the newest first. */
  hits = dossier_store_pick (store, DOSSIER_TYPE_INCIDENT, "", "en", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 5);
  g_assert_cmpstr (((DossierSearchHit *) hits->pdata[0])->code, ==, "INC-0013");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* A code's beginning, in any case. */
  hits = dossier_store_pick (store, DOSSIER_TYPE_PERSON, "tem-000", "fr", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 9);
  g_assert_cmpstr (((DossierSearchHit *) hits->pdata[0])->code, ==, "TEM-0001");
  g_assert_cmpstr (((DossierSearchHit *) hits->pdata[0])->kind, ==, "person");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Words, without accents; a record found both ways is listed once. */
  hits = dossier_store_pick (store, DOSSIER_TYPE_INCIDENT, "segou", "fr", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >, 0);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpuint (count_code (hits, ((DossierSearchHit *) hits->pdata[i])->code), ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = dossier_store_pick (store, DOSSIER_TYPE_ACTOR, "wagner", "en", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* People by community; a LIKE pattern typed is taken literally; FTS syntax is harmless. */
  hits = dossier_store_pick (store, DOSSIER_TYPE_PERSON, "%", "en", 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = dossier_store_pick (store, DOSSIER_TYPE_TESTIMONY, "\"AND OR (", "en", 50, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The limit holds across both ways of finding. */
  hits = dossier_store_pick (store, DOSSIER_TYPE_INCIDENT, "inc", "en", 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/search/accents-and-prefixes", test_accents_and_prefixes);
  g_test_add_func ("/search/ranking", test_ranking);
  g_test_add_func ("/search/rtree", test_rtree);
  g_test_add_func ("/search/pick", test_pick);

  return g_test_run ();
}
