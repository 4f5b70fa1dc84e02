/* test-query-breakdown.c: the overview's aggregates and the map's points agree with plain
 * counts, and follow the filter
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

static gint64
sum_rows (GPtrArray *rows)
{
  gint64 n = 0;

  for (guint i = 0; i < rows->len; i++)
    n += ((DossierBreakdownRow *) rows->pdata[i])->count;
  return n;
}

/* The overview's aggregates agree with plain counts, and follow the filter. */
static void
test_breakdown (void)
{
  g_autoptr(DossierStore) store = synth ("breakdown.dossier", 1500, 100, 20, 50, 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) regions = dossier_store_breakdown (store, DOSSIER_BREAKDOWN_REGION, NULL, &error);
  g_autoptr(GPtrArray) years = dossier_store_breakdown (store, DOSSIER_BREAKDOWN_YEAR, NULL, &error);
  g_autoptr(GPtrArray) types = dossier_store_breakdown (store, DOSSIER_BREAKDOWN_VIOLATION_TYPE, NULL, &error);
  g_autoptr(GPtrArray) victims = dossier_store_breakdown (store, DOSSIER_BREAKDOWN_VICTIMS_GROUP, NULL, &error);
  g_autoptr(GPtrArray) kinds = dossier_store_breakdown (store, DOSSIER_BREAKDOWN_ACTOR_KIND, NULL, &error);
  DossierIncidentQuery mopti = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (sum_rows (regions), ==, dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE admin1 IS NOT NULL", NULL));
  g_assert_cmpint (sum_rows (years), ==, dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE date_start IS NOT NULL", NULL));
  g_assert_cmpint (sum_rows (types), ==, dossier_test_query_int (store, "SELECT count(*) FROM incident_violation", NULL));
  g_assert_cmpint (sum_rows (victims), ==, dossier_test_query_int (store, "SELECT coalesce (sum (count), 0) FROM casualty", NULL));
  g_assert_cmpuint (kinds->len, >, 0);
  for (guint i = 1; i < years->len; i++)
    g_assert_cmpstr (((DossierBreakdownRow *) years->pdata[i - 1])->key, <, ((DossierBreakdownRow *) years->pdata[i])->key);
  g_assert_cmpint (atoi (((DossierBreakdownRow *) years->pdata[0])->key), >=, 2012);
  for (guint i = 1; i < regions->len; i++)
    g_assert_cmpint (((DossierBreakdownRow *) regions->pdata[i - 1])->count, >=, ((DossierBreakdownRow *) regions->pdata[i])->count);

  /* Filtered on one region: one row, equal to that region's count. */
  mopti.admin1 = (char *) "mopti";
  g_clear_pointer (&regions, g_ptr_array_unref);
  regions = dossier_store_breakdown (store, DOSSIER_BREAKDOWN_REGION, &mopti, &error);
  g_assert_cmpuint (regions->len, ==, 1);
  g_assert_cmpstr (((DossierBreakdownRow *) regions->pdata[0])->key, ==, "mopti");
  g_assert_cmpint (((DossierBreakdownRow *) regions->pdata[0])->count, ==, dossier_store_count_incidents (store, &mopti, NULL));
}

/* Victims add up the casualties of the incidents counted; months partition the dated ones. */
static void
test_breakdown_victims (void)
{
  g_autoptr(DossierStore) store = synth ("breakdown-victims.dossier", 1500, 100, 20, 50, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) months = dossier_store_breakdown (store, DOSSIER_BREAKDOWN_MONTH, NULL, &error);
  g_autoptr(GPtrArray) by_month = dossier_store_breakdown_measure (store, DOSSIER_BREAKDOWN_MONTH, DOSSIER_MEASURE_VICTIMS, NULL, &error);
  g_autoptr(GPtrArray) by_region = dossier_store_breakdown_measure (store, DOSSIER_BREAKDOWN_REGION, DOSSIER_MEASURE_VICTIMS, NULL, &error);
  g_autoptr(GPtrArray) by_type = dossier_store_breakdown_measure (store, DOSSIER_BREAKDOWN_VIOLATION_TYPE, DOSSIER_MEASURE_VICTIMS, NULL, &error);
  g_autoptr(GPtrArray) by_kind = dossier_store_breakdown_measure (store, DOSSIER_BREAKDOWN_ACTOR_KIND, DOSSIER_MEASURE_VICTIMS, NULL, &error);
  g_autoptr(GPtrArray) mopti_months = NULL;
  DossierIncidentQuery mopti = { 0 };

  g_assert_no_error (error);
  g_assert_cmpint (sum_rows (months), ==, dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE date_start IS NOT NULL", NULL));
  for (guint i = 1; i < months->len; i++)
    g_assert_cmpstr (((DossierBreakdownRow *) months->pdata[i - 1])->key, <, ((DossierBreakdownRow *) months->pdata[i])->key);
  g_assert_cmpuint (strlen (((DossierBreakdownRow *) months->pdata[0])->key), ==, 7);
  g_assert_cmpint (sum_rows (by_month), ==,
                   dossier_test_query_int (store, "SELECT coalesce (sum (c.count), 0) FROM casualty c JOIN incident i ON i.id = c.incident_id WHERE i.date_start IS NOT NULL", NULL));
  g_assert_cmpint (sum_rows (by_month), >, 0);
  g_assert_cmpint (sum_rows (by_region), ==,
                   dossier_test_query_int (store, "SELECT coalesce (sum (c.count), 0) FROM casualty c JOIN incident i ON i.id = c.incident_id WHERE i.admin1 IS NOT NULL", NULL));
  g_assert_cmpint (sum_rows (by_type), ==,
                   dossier_test_query_int (store, "SELECT coalesce (sum (c.count), 0) FROM casualty c JOIN incident_violation v ON v.incident_id = c.incident_id", NULL));
  g_assert_cmpint (sum_rows (by_kind), ==,
                   dossier_test_query_int (store, "SELECT coalesce (sum (c.count), 0) FROM casualty c JOIN "
                                                  "(SELECT DISTINCT a.kind, ia.incident_id FROM incident_actor ia JOIN actor a ON a.id = ia.actor_id "
                                                  " WHERE ia.role = 'alleged-perpetrator') k ON k.incident_id = c.incident_id", NULL));

  /* And follow the filter. */
  mopti.admin1 = (char *) "mopti";
  mopti_months = dossier_store_breakdown_measure (store, DOSSIER_BREAKDOWN_MONTH, DOSSIER_MEASURE_VICTIMS, &mopti, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sum_rows (mopti_months), ==,
                   dossier_test_query_int (store, "SELECT coalesce (sum (c.count), 0) FROM casualty c JOIN incident i ON i.id = c.incident_id WHERE i.date_start IS NOT NULL AND i.admin1 = 'mopti'", NULL));
  g_assert_cmpint (sum_rows (mopti_months), <, sum_rows (by_month));
}

typedef struct {
  double s, w, n, e;
  GHashTable *ids;
} Box;

static gboolean
collect_in_box (DossierRecord  *record,
                gpointer        data,
                GError        **error)
{
  Box *box = data;
  DossierIncident *incident = DOSSIER_INCIDENT (record);

  if (!isnan (dossier_incident_get_latitude (incident)) && incident->latitude >= box->s && incident->latitude <= box->n &&
      dossier_incident_get_longitude (incident) >= box->w && incident->longitude <= box->e)
    g_hash_table_add (box->ids, g_memdup2 ((gint64[]) { dossier_record_get_id (record) }, sizeof (gint64)));
  return TRUE;
}

/* The map's points are those of the filter inside the view, as a walk over every incident
 * finds them (the spatial index rounds its boxes outwards by a hair, never inwards). */
static void
test_map_points (void)
{
  g_autoptr(DossierStore) store = synth ("map.dossier", 3000, 100, 20, 50, 5);
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (11);
  DossierIncidentQuery queries[3] = { { 0 } };
  double s, w, n, e;

  queries[1].admin1 = (char *) "mopti";
  {
    GDate d;
    g_date_clear (&d, 1);
    g_date_set_dmy (&d, 1, 1, 2020);
    queries[2].date_from = g_date_get_julian (&d);
  }

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (int round = 0; round < 12; round++)
      {
        Box box = { 0 };
        g_autoptr(GArray) points = NULL;
        g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

        box.s = g_rand_double_range (rand, 10, 24);
        box.n = box.s + g_rand_double_range (rand, 0.2, 6);
        box.w = g_rand_double_range (rand, -12, 3);
        box.e = box.w + g_rand_double_range (rand, 0.2, 6);
        box.ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
        {
          /* The reference: every incident of the filter, by the ordinary query. */
          g_autoptr(GPtrArray) all = dossier_store_query_incidents (store, &queries[q], "code", FALSE, 0, 100000, &error);
          g_assert_no_error (error);
          for (guint i = 0; i < all->len; i++)
            collect_in_box (all->pdata[i], &box, NULL);
        }
        points = dossier_store_map_points (store, &queries[q], box.s, box.w, box.n, box.e,
                                           round % 2 ? DOSSIER_COLOUR_BY_VERIFICATION : DOSSIER_COLOUR_BY_VIOLATION_TYPE,
                                           &error);
        g_assert_no_error (error);
        for (guint i = 0; i < points->len; i++)
          {
            DossierGeoPoint *p = &g_array_index (points, DossierGeoPoint, i);

            g_hash_table_add (found, g_memdup2 (&p->id, sizeof p->id));
            g_assert_cmpfloat (p->latitude, >=, box.s - 1e-3);
            g_assert_cmpfloat (p->latitude, <=, box.n + 1e-3);
            g_assert_cmpfloat (p->longitude, >=, box.w - 1e-3);
            g_assert_cmpfloat (p->longitude, <=, box.e + 1e-3);
            if (round % 2)
              g_assert_nonnull (p->key);
            if (i > 0)
              g_assert_cmpint (g_array_index (points, DossierGeoPoint, i - 1).id, <, p->id);
          }
        /* Nothing inside is missed. */
        {
          GHashTableIter iter;
          gpointer id;

          g_hash_table_iter_init (&iter, box.ids);
          while (g_hash_table_iter_next (&iter, &id, NULL))
            g_assert_true (g_hash_table_contains (found, id));
        }
        g_assert_cmpuint (g_hash_table_size (found), <=, g_hash_table_size (box.ids) + 3);
        g_hash_table_unref (box.ids);
      }
  g_rand_free (rand);

  /* The box around the filter's located incidents. */
  g_assert_true (dossier_store_map_bounds (store, &queries[1], &s, &w, &n, &e, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (s, <, n);
  g_assert_cmpfloat (w, <, e);
  g_assert_cmpfloat (s, >=, 9);
  g_assert_cmpfloat (n, <=, 26);
  {
    DossierIncidentQuery none = { 0 };

    none.admin1 = (char *) "nowhere";
    g_assert_false (dossier_store_map_bounds (store, &none, &s, &w, &n, &e, &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/query/breakdown", test_breakdown);
  g_test_add_func ("/query/breakdown-victims", test_breakdown_victims);
  g_test_add_func ("/query/map-points", test_map_points);

  return g_test_run ();
}
