/* test-query.c: the shared incident filter against a brute-force reference; synthetic
 * dossiers are deterministic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dossier-edtf.h"
#include "dossier-incident.h"
#include "dossier-query.h"
#include "dossier-synth.h"
#include "dossier-test-util.h"

static DossierStore *
synth (const char *name,
       guint32     seed)
{
  DossierStore *store = dossier_test_new_store (name);
  DossierSynthOptions options = { 2000, 300, 60, 200, seed };
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_synth_fill (store, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  return store;
}

typedef struct {
  const DossierIncidentQuery *query;
  DossierStore               *store;
  GPtrArray                  *matches;
} Brute;

static gboolean
has_violation (DossierIncident *incident,
               const char      *type)
{
  return g_strv_contains ((const char * const *) incident->violation_types, type);
}

static gboolean
brute_match (DossierRecord  *record,
             gpointer        data,
             GError        **error)
{
  Brute *b = data;
  DossierIncident *incident = DOSSIER_INCIDENT (record);
  guint32 start = 0, end = 0;

  dossier_edtf_bounds (incident->date_edtf, &start, &end, NULL);
  if (b->query->admin1 && g_strcmp0 (incident->admin1, b->query->admin1) != 0)
    return TRUE;
  if (b->query->date_from && end && end < b->query->date_from)
    return TRUE;
  if (b->query->date_to && (start == 0 || start > b->query->date_to))
    return TRUE;
  if (b->query->violation_type && !has_violation (incident, b->query->violation_type))
    return TRUE;
  if (b->query->verification && g_strcmp0 (incident->verification, b->query->verification) != 0)
    return TRUE;
  g_ptr_array_add (b->matches, g_object_ref (record));
  return TRUE;
}

static int
by_date_then_id (gconstpointer a,
                 gconstpointer b)
{
  DossierIncident *x = *(DossierIncident **) a, *y = *(DossierIncident **) b;
  guint32 xs = 0, xe = 0, ys = 0, ye = 0;

  dossier_edtf_bounds (x->date_edtf, &xs, &xe, NULL);
  dossier_edtf_bounds (y->date_edtf, &ys, &ye, NULL);
  if (xs != ys)
    return xs < ys ? -1 : 1;
  return DOSSIER_RECORD (x)->id < DOSSIER_RECORD (y)->id ? -1 : 1;
}

static void
test_against_brute_force (void)
{
  g_autoptr(DossierStore) store = synth ("query.dossier", 1);
  g_autoptr(GError) error = NULL;
  GDate d;
  guint32 y2015, y2017;
  DossierIncidentQuery queries[6] = { { 0 } };

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, 1, 2015);
  y2015 = g_date_get_julian (&d);
  g_date_set_dmy (&d, 31, 12, 2017);
  y2017 = g_date_get_julian (&d);

  queries[1].admin1 = (char *) "mopti";
  queries[2].date_from = y2015;
  queries[2].date_to = y2017;
  queries[3].admin1 = (char *) "gao";
  queries[3].date_from = y2015;
  queries[3].date_to = y2017;
  queries[4].violation_type = (char *) "rape";
  queries[4].verification = (char *) "alleged";
  queries[5].admin1 = (char *) "kidal";
  queries[5].violation_type = (char *) "abduction";
  queries[5].date_to = y2017;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      Brute b = { &queries[q], store, g_ptr_array_new_with_free_func (g_object_unref) };
      g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
      gint64 count;

      g_assert_true (dossier_store_foreach (store, DOSSIER_TYPE_INCIDENT, NULL, brute_match, &b, &error));
      g_ptr_array_sort (b.matches, by_date_then_id);
      count = dossier_store_count_incidents (store, &queries[q], &error);
      g_assert_no_error (error);
      g_assert_cmpint (count, ==, b.matches->len);
      g_test_message ("query %u: %u incidents", q, b.matches->len);
      if (q > 0)
        g_assert_cmpuint (b.matches->len, <, 2000);

      /* Page through, 97 at a time, and compare in order. */
      for (guint offset = 0; offset < b.matches->len + 97; offset += 97)
        {
          g_autoptr(GPtrArray) page = dossier_store_query_incidents (store, &queries[q], NULL, FALSE, offset, 97, &error);
          g_assert_no_error (error);
          for (guint i = 0; i < page->len; i++)
            g_ptr_array_add (all, g_object_ref (page->pdata[i]));
        }
      g_assert_cmpuint (all->len, ==, b.matches->len);
      for (guint i = 0; i < all->len; i++)
        g_assert_cmpint (DOSSIER_RECORD (all->pdata[i])->id, ==, DOSSIER_RECORD (b.matches->pdata[i])->id);
      g_ptr_array_unref (b.matches);
    }
}

static char *
table_digest (DossierStore *store,
              const char   *sql)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (stmt); c++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, c);
        g_checksum_update (sum, (const guchar *) (text ? text : "\1"), -1);
        g_checksum_update (sum, (const guchar *) "\0", 1);
      }
  sqlite3_finalize (stmt);
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_synth_deterministic (void)
{
  g_autoptr(DossierStore) a = synth ("a.dossier", 7);
  g_autoptr(DossierStore) b = synth ("b.dossier", 7);
  g_autoptr(DossierStore) c = synth ("c.dossier", 8);
  const char *tables[] = {
    "SELECT * FROM incident ORDER BY id", "SELECT * FROM testimony ORDER BY id",
    "SELECT * FROM person ORDER BY id", "SELECT * FROM incident_violation ORDER BY 1, 2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *da = table_digest (a, tables[i]);
      g_autofree char *db = table_digest (b, tables[i]);
      g_autofree char *dc = table_digest (c, tables[i]);
      g_assert_cmpstr (da, ==, db);
      g_assert_cmpstr (da, !=, dc);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/query/against-brute-force", test_against_brute_force);
  g_test_add_func ("/synth/deterministic", test_synth_deterministic);

  return g_test_run ();
}
