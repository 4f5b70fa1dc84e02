/* test-query-synth.c: synthetic dossiers are deterministic, shaped as asked, and valid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <math.h>
#include <string.h>

#include "dossier-actor.h"
#include "dossier-edtf.h"
#include "dossier-evidence.h"
#include "dossier-geo.h"
#include "dossier-incident.h"
#include "dossier-json-io.h"
#include "dossier-link.h"
#include "dossier-person.h"
#include "dossier-query.h"
#include "dossier-synth.h"
#include "dossier-test-util.h"
#include "dossier-testimony.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-info.h"
#include "dossier-incident-private.h" /* white-box */
#include "dossier-person-private.h" /* white-box */
#include "dossier-actor-private.h" /* white-box */
#include "dossier-evidence-private.h" /* white-box */
#include "dossier-link-private.h" /* white-box */
#include "query-test-util.h"

static char *
table_digest (DossierStore *store,
              const char   *table)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  /* The dossier's title is its file name here, different for each. */
  g_autofree char *sql = g_str_equal (table, "dossier")
    ? g_strdup ("SELECT id, uuid, created_at, updated_at, mandate, period, default_lang FROM dossier")
    : g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", table);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, c);

        g_checksum_update (sum, (const guchar *) (text ? text : "\1NULL"), -1);
        g_checksum_update (sum, (const guchar *) "\0", 1);
      }
  sqlite3_finalize (stmt);
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_synth_deterministic (void)
{
  g_autoptr(DossierStore) a = synth ("a.dossier", 500, 200, 40, 300, 7);
  g_autoptr(DossierStore) b = synth ("b.dossier", 500, 200, 40, 300, 7);
  g_autoptr(DossierStore) c = synth ("c.dossier", 500, 200, 40, 300, 8);
  static const char * const tables[] = {
    "dossier", "code_counter", "vocabulary", "actor", "incident", "incident_violation", "casualty",
    "incident_actor", "person", "identity", "incident_person", "testimony", "testimony_tag",
    "testimony_incident", "audit",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *da = table_digest (a, tables[i]);
      g_autofree char *db = table_digest (b, tables[i]);
      g_autofree char *dc = table_digest (c, tables[i]);

      g_test_message ("%s: %s", tables[i], da);
      g_assert_cmpstr (da, ==, db);
      /* Another seed, other records. */
      if (!g_str_equal (tables[i], "code_counter") && !g_str_equal (tables[i], "audit"))
        g_assert_cmpstr (da, !=, dc);
    }
}

static void
test_synth_shape (void)
{
  g_autoptr(DossierStore) store = synth ("shape.dossier", 1000, 400, 80, 250, 11);
  g_autoptr(GError) error = NULL;
  DossierSynthOptions options = { 1, 1, 1, 10, 1 };
  DossierStoreCounts counts;
  gint64 n;

  g_assert_true (dossier_store_count (store, &counts, &error));
  g_assert_cmpint (counts.incidents, ==, 1000);
  g_assert_cmpint (counts.people, ==, 400);
  g_assert_cmpint (counts.testimonies, ==, 80);
  g_assert_cmpint (counts.actors, >=, 20);
  g_assert_cmpint (counts.actors, <=, 40);

  /* Codes as the store makes them, and counters past them. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE code = 'INC-1000'", NULL), ==, 1);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT next FROM code_counter WHERE prefix = 'INC'", NULL), ==, 1001);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT next FROM code_counter WHERE prefix = 'TEM'", NULL), ==, 401);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT next FROM code_counter WHERE prefix = 'TES'", NULL), ==, 81);

  /* Every vocabulary-controlled value is a term of its vocabulary. */
  g_assert_cmpint (dossier_test_query_int (store,
    "SELECT count(*) FROM incident i WHERE NOT EXISTS (SELECT 1 FROM vocabulary WHERE scheme = 'admin2' AND code = i.admin2 AND parent = i.admin1) "
    "OR verification NOT IN (SELECT code FROM vocabulary WHERE scheme = 'verification-status') "
    "OR standard_of_proof NOT IN (SELECT code FROM vocabulary WHERE scheme = 'standard-of-proof') "
    "OR location_precision NOT IN (SELECT code FROM vocabulary WHERE scheme = 'location-precision')", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store,
    "SELECT count(*) FROM incident_violation WHERE type NOT IN (SELECT code FROM vocabulary WHERE scheme = 'violation-type')", NULL), ==, 0);

  /* One to three violation types each; a mix of location precisions and of date shapes;
   * coordinates unless the location is unknown. */
  g_assert_cmpint (dossier_test_query_int (store,
    "SELECT count(*) FROM (SELECT count(v.type) AS n FROM incident i LEFT JOIN incident_violation v ON v.incident_id = i.id "
    "GROUP BY i.id) WHERE n < 1 OR n > 3", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(DISTINCT location_precision) FROM incident", NULL), ==, 4);
  g_assert_cmpint (dossier_test_query_int (store,
    "SELECT count(*) FROM incident WHERE (latitude IS NULL) != (location_precision = 'unknown')", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE date_edtf LIKE '%/%'", NULL), >, 50);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE date_edtf LIKE '%~'", NULL), >, 10);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE date_edtf LIKE '%?'", NULL), >, 10);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE length (date_edtf) = 7", NULL), >, 50);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT min (date_edtf) >= '2012' AND max (date_edtf) < '2025' FROM incident", NULL), ==, 1);

  /* Testimonies: transcripts of the words asked for, linked to one or two incidents. */
  g_assert_cmpint (dossier_test_query_int (store,
    "SELECT count(*) FROM (SELECT count(*) AS n FROM testimony_incident GROUP BY testimony_id) WHERE n BETWEEN 1 AND 2", NULL), ==, 80);
  g_assert_cmpint (dossier_test_query_int (store,
    "SELECT count(*) FROM testimony WHERE length (transcript) - length (replace (replace (transcript, ' ', ''), char(10), '')) != 249", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store,
    "SELECT count(*) FROM testimony t JOIN person p ON p.id = t.person_id", NULL), ==, 80);
  /* Identities are only codes. */
  g_assert_cmpint (dossier_test_query_int (store,
    "SELECT count(*) FROM identity WHERE full_name NOT LIKE 'Personne synthétique %'", NULL), ==, 0);

  /* Found by search, accents folded. */
  g_assert_cmpint (dossier_test_query_int (store,
    "SELECT count(*) FROM incident_fts WHERE incident_fts MATCH 'attaque'", NULL), >, 0);
  g_assert_cmpint (dossier_test_query_int (store,
    "SELECT count(*) FROM testimony_fts WHERE testimony_fts MATCH 'temoin'", NULL), >, 0);

  /* Only an empty dossier can be filled. */
  g_assert_false (dossier_synth_fill (store, &options, NULL, NULL, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_INVALID);
  n = dossier_test_query_int (store, "SELECT count(*) FROM incident", NULL);
  g_assert_cmpint (n, ==, 1000);
}

/* Synthetic rows bypass the store's checks: the JSON importer, which makes every check,
 * must accept them all, and give them back unchanged. */
static void
test_synth_valid (void)
{
  g_autoptr(DossierStore) store = synth ("valid.dossier", 200, 80, 20, 100, 5);
  g_autoptr(DossierStore) copy = dossier_test_new_store ("valid-copy.dossier");
  g_autofree char *first = dossier_test_tmp_path ("valid-1.json");
  g_autofree char *second = dossier_test_tmp_path ("valid-2.json");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_json_export_file (store, first, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_json_import_file (copy, first, &error));
  g_assert_no_error (error);
  g_assert_true (dossier_json_export_file (copy, second, &error));
  g_assert_no_error (error);
  a = dossier_test_read_file (first, NULL);
  b = dossier_test_read_file (second, NULL);
  g_assert_cmpstr (a, ==, b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/synth/deterministic", test_synth_deterministic);
  g_test_add_func ("/synth/shape", test_synth_shape);
  g_test_add_func ("/synth/valid", test_synth_valid);

  return g_test_run ();
}
