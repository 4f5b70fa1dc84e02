/* test-timeline.c: the timeline's core: how dates are known, rows, ticks, items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-demo.h"
#include "dossier-edtf.h"
#include "dossier-test-util.h"
#include "dossier-query.h"
#include "dossier-timeline.h"

static guint32
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

/* Uncertain and approximate dates are read into the right flags, and their spans cover what
 * the date allows. */
static void
test_flags (void)
{
  static const struct {
    const char *edtf;
    guint32 flags;
  } cases[] = {
    { "2022-03-27", 0 },
    { "2022-03", DOSSIER_TIMELINE_IMPRECISE },
    { "2022", DOSSIER_TIMELINE_IMPRECISE },
    { "2021-10~", DOSSIER_TIMELINE_IMPRECISE | DOSSIER_TIMELINE_APPROXIMATE_START | DOSSIER_TIMELINE_APPROXIMATE_END },
    { "2022-04?", DOSSIER_TIMELINE_IMPRECISE | DOSSIER_TIMELINE_UNCERTAIN_START | DOSSIER_TIMELINE_UNCERTAIN_END },
    { "2022-03-27/2022-03-31", DOSSIER_TIMELINE_INTERVAL },
    { "2021-12/2022-03?", DOSSIER_TIMELINE_INTERVAL | DOSSIER_TIMELINE_UNCERTAIN_END },
    { "2020~/2021", DOSSIER_TIMELINE_INTERVAL | DOSSIER_TIMELINE_APPROXIMATE_START },
    { "2020-05-01/..", DOSSIER_TIMELINE_INTERVAL | DOSSIER_TIMELINE_OPEN_END },
    { "../2020-05-01", DOSSIER_TIMELINE_INTERVAL | DOSSIER_TIMELINE_OPEN_START },
    { "not a date", 0 },
    { NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].edtf ? cases[i].edtf : "(null)");
      g_assert_cmphex (dossier_timeline_flags (cases[i].edtf), ==, cases[i].flags);
    }
}

static gboolean
overlap (const DossierTimelineItem *a,
         const DossierTimelineItem *b,
         double                     min_days)
{
  double a1 = MAX (a->end + 1.0, a->start + min_days), b1 = MAX (b->end + 1.0, b->start + min_days);

  return a->lane == b->lane && a->row == b->row && a->start < b1 && b->start < a1;
}

/* Rows never overlap, whatever the scale; the layout is first-fit, stable, and a lone item
 * takes the first row. */
static void
test_layout (void)
{
  GRand *rand = g_rand_new_with_seed (11);
  const char *lanes[] = { NULL, g_intern_static_string ("gao"), g_intern_static_string ("mopti") };
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (DossierTimelineItem));

  for (guint l = 0; l < G_N_ELEMENTS (lanes); l++)
    {
      guint32 start = day (2012, 1, 1);

      for (int i = 0; i < 700; i++)
        {
          DossierTimelineItem item = { l * 1000 + i, 0, 0, 0, NULL, lanes[l], 0 };

          start += g_rand_int_range (rand, 0, 12);
          item.start = start;
          item.end = start + (g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 0, 200) : 0);
          g_array_append_val (items, item);
        }
    }
  for (double min_days = 0.01; min_days < 400; min_days *= 7)
    {
      g_autoptr(GArray) rows = NULL;
      g_autoptr(GPtrArray) codes = dossier_timeline_layout (items, min_days, &rows);
      g_autoptr(GArray) again = g_array_copy (items);
      g_autoptr(GPtrArray) codes_again = NULL;

      g_assert_cmpuint (codes->len, ==, 3);
      g_assert_cmpstr (codes->pdata[0], ==, "");
      g_assert_cmpstr (codes->pdata[1], ==, "gao");
      g_assert_cmpuint (rows->len, ==, 3);
      for (guint i = 0; i < items->len; i++)
        {
          const DossierTimelineItem *a = &g_array_index (items, DossierTimelineItem, i);
          guint lane = a->lane == NULL ? 0 : a->lane == lanes[1] ? 1 : 2;

          g_assert_cmpuint (a->row, <, g_array_index (rows, guint, lane));
          /* Items are in start order within a lane: an overlap is with a later one. */
          for (guint j = i + 1; j < items->len; j++)
            {
              const DossierTimelineItem *b = &g_array_index (items, DossierTimelineItem, j);

              if (b->lane != a->lane || b->start > MAX (a->end + 1.0, a->start + min_days) + 400)
                break;
              g_assert_false (overlap (a, b, min_days));
            }
          /* First-fit: on any lower row, something overlaps it. */
          if (a->row > 0)
            {
              gboolean blocked = FALSE;

              for (guint j = 0; j < i && !blocked; j++)
                {
                  const DossierTimelineItem *b = &g_array_index (items, DossierTimelineItem, j);

                  blocked = b->lane == a->lane && b->row == a->row - 1 &&
                            MAX (b->end + 1.0, b->start + min_days) > a->start;
                }
              g_assert_true (blocked);
            }
        }
      /* Stable: the same items, the same rows. */
      codes_again = dossier_timeline_layout (again, min_days, NULL);
      for (guint i = 0; i < items->len; i++)
        g_assert_cmpuint (g_array_index (items, DossierTimelineItem, i).row, ==,
                          g_array_index (again, DossierTimelineItem, i).row);
    }
  g_rand_free (rand);
}

static DossierTimelineTick *
find_tick (GPtrArray  *ticks,
           const char *label)
{
  for (guint i = 0; i < ticks->len; i++)
    if (g_str_equal (((DossierTimelineTick *) ticks->pdata[i])->label, label))
      return ticks->pdata[i];
  return NULL;
}

/* Ticks from decades to hours, spaced for their labels, on round dates, in both languages. */
static void
test_ticks (void)
{
  static const struct {
    double days;
    double min_spacing;  /* days between ticks, at least */
    double max_spacing;
  } scales[] = {
    { 40000, 3000, 40000 }, { 4000, 300, 4000 }, { 1000, 28, 400 }, { 90, 1, 32 }, { 10, 0.1, 2 }, { 1, 1 / 24.0, 0.5 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    {
      double first = day (2020, 2, 10) + 0.3, last = first + scales[s].days;
      g_autoptr(GPtrArray) ticks = dossier_timeline_ticks (first, last, 1000, "en");

      g_test_message ("%g days", scales[s].days);
      g_assert_cmpuint (ticks->len, >=, 2);
      g_assert_cmpuint (ticks->len, <=, 1000 / 60);
      for (guint i = 0; i < ticks->len; i++)
        {
          DossierTimelineTick *tick = ticks->pdata[i];

          g_assert_cmpfloat (tick->day, >=, first);
          g_assert_cmpfloat (tick->day, <=, last);
          g_assert_cmpstr (tick->label, !=, "");
          if (i > 0)
            {
              double gap = tick->day - ((DossierTimelineTick *) ticks->pdata[i - 1])->day;

              g_assert_cmpfloat (gap, >=, scales[s].min_spacing * 0.99);
              g_assert_cmpfloat (gap, <=, scales[s].max_spacing * 1.01);
              /* Labels have room: 60 pixels at least. */
              g_assert_cmpfloat (gap * 1000 / scales[s].days, >=, 60);
            }
        }
    }

  /* Months in the language asked for; January says its year and is major. */
  {
    g_autoptr(GPtrArray) fr = dossier_timeline_ticks (day (2021, 11, 1), day (2022, 4, 30), 1000, "fr");
    g_autoptr(GPtrArray) en = dossier_timeline_ticks (day (2021, 11, 1), day (2022, 4, 30), 1000, "en");
    DossierTimelineTick *jan;

    g_assert_nonnull (find_tick (fr, "févr."));
    g_assert_nonnull (find_tick (fr, "déc."));
    g_assert_nonnull (find_tick (en, "Feb"));
    g_assert_null (find_tick (en, "févr."));
    jan = find_tick (fr, "janv.\u00a02022");
    g_assert_nonnull (jan);
    g_assert_true (jan->major);
    g_assert_cmpfloat (jan->day, ==, day (2022, 1, 1));
  }
  /* Days: the 1st names its month; hours at midnight name their day. */
  {
    g_autoptr(GPtrArray) fr = dossier_timeline_ticks (day (2022, 2, 25), day (2022, 3, 6), 1000, "fr");
    g_autoptr(GPtrArray) hours = dossier_timeline_ticks (day (2022, 3, 26) + 0.5, day (2022, 3, 27) + 0.5, 1000, "en");

    g_assert_nonnull (find_tick (fr, "1 mars"));
    g_assert_true (find_tick (fr, "1 mars")->major);
    g_assert_nonnull (find_tick (fr, "28"));
    g_assert_nonnull (find_tick (hours, "Mar 27"));
    g_assert_nonnull (find_tick (hours, "18:00"));
  }
  {
    g_autofree char *fr = dossier_timeline_format_day (day (2022, 3, 27) + 0.7, "fr");
    g_autofree char *en = dossier_timeline_format_day (day (2022, 3, 27), "en");

    g_assert_cmpstr (fr, ==, "27 mars 2022");
    g_assert_cmpstr (en, ==, "27 March 2022");
  }
  /* Nothing to tick in an empty or reversed view. */
  {
    g_autoptr(GPtrArray) none = dossier_timeline_ticks (day (2022, 1, 1), day (2021, 1, 1), 1000, "en");

    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* The demo's items: every dated incident, spans as their EDTF allows, the filter applied. */
static void
test_items (void)
{
  g_autofree char *path = dossier_test_tmp_path ("timeline.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autoptr(GArray) items = NULL;
  g_autoptr(GArray) lanes = NULL;
  DossierIncidentQuery query = { 0 };
  gint64 dated;

  g_assert_no_error (error);
  items = dossier_store_timeline_items (store, NULL, DOSSIER_COLOUR_BY_VIOLATION_TYPE, DOSSIER_LANES_NONE, &error);
  g_assert_no_error (error);
  dated = dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE date_start IS NOT NULL", NULL);
  g_assert_cmpint (items->len, ==, dated);
  for (guint i = 0; i < items->len; i++)
    {
      DossierTimelineItem *item = &g_array_index (items, DossierTimelineItem, i);
      g_autofree char *sql = g_strdup_printf ("SELECT date_start FROM incident WHERE id = %" G_GINT64_FORMAT, item->id);

      g_assert_cmpint (item->start, ==, dossier_test_query_int (store, sql, NULL));
      g_assert_cmpuint (item->end, >=, item->start);
      if (i > 0)
        g_assert_cmpuint (g_array_index (items, DossierTimelineItem, i - 1).start, <=, item->start);
    }
  /* INC-0001: 27 to 31 March 2022, a period. */
  {
    gint64 id = dossier_test_query_int (store, "SELECT id FROM incident WHERE code = ?", "INC-0001");
    gboolean found = FALSE;

    for (guint i = 0; i < items->len; i++)
      {
        DossierTimelineItem *item = &g_array_index (items, DossierTimelineItem, i);

        if (item->id != id)
          continue;
        found = TRUE;
        g_assert_cmpuint (item->start, ==, day (2022, 3, 27));
        g_assert_cmpuint (item->end, ==, day (2022, 3, 31));
        g_assert_cmphex (item->flags, ==, DOSSIER_TIMELINE_INTERVAL);
        g_assert_nonnull (item->key);
      }
    g_assert_true (found);
  }
  /* By region: lanes in order, and only Mopti's incidents with a Mopti filter. */
  g_clear_pointer (&items, g_array_unref);
  items = dossier_store_timeline_items (store, NULL, DOSSIER_COLOUR_BY_VERIFICATION, DOSSIER_LANES_REGION, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) codes = dossier_timeline_layout (items, 1, &lanes);

    g_assert_cmpuint (codes->len, >=, 3);
    for (guint i = 1; i < codes->len; i++)
      g_assert_cmpint (strcmp (codes->pdata[i - 1], codes->pdata[i]), <, 0);
  }
  query.admin1 = (char *) "mopti";
  g_clear_pointer (&items, g_array_unref);
  items = dossier_store_timeline_items (store, &query, DOSSIER_COLOUR_BY_VERIFICATION, DOSSIER_LANES_REGION, &error);
  g_assert_no_error (error);
  g_assert_cmpint (items->len, ==, dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE admin1 = 'mopti' "
                                                                  "AND date_start IS NOT NULL", NULL));
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (g_array_index (items, DossierTimelineItem, i).lane, ==, "mopti");
}

/* An axis always says its year: at its first tick and where the year changes, in both
 * languages, at every scale from hours to months. */
static void
test_tick_years (void)
{
  static const char * const langs[] = { "en", "fr" };
  static const double spans[] = { 0.8, 10, 60, 500, 1000 };

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
      {
        double first = day (2021, 10, 20) + 0.3;
        g_autoptr(GPtrArray) ticks = dossier_timeline_ticks (first, first + spans[s], 1000, langs[l]);
        for (guint i = 0; i < ticks->len; i++)
          {
            DossierTimelineTick *tick = ticks->pdata[i];
            g_autofree char *year = NULL;
            GDate date;

            g_date_clear (&date, 1);
            g_date_set_julian (&date, (guint32) floor (tick->day + 1e-9));
            year = g_strdup_printf ("%d", g_date_get_year (&date));
            if (i == 0)
              g_test_message ("%s, %g days: %s", langs[l], spans[s], tick->label);
            if (i == 0 || (g_date_get_month (&date) == 1 && g_date_get_day (&date) == 1 && fmod (tick->day, 1) < 1e-6))
              g_assert_nonnull (strstr (tick->label, year));
          }
      }
  {
    g_autoptr(GPtrArray) en = dossier_timeline_ticks (day (2021, 11, 1), day (2022, 4, 30), 1000, "en");
    g_autoptr(GPtrArray) fr = dossier_timeline_ticks (day (2021, 11, 1), day (2022, 4, 30), 1000, "fr");
    g_autoptr(GPtrArray) days = dossier_timeline_ticks (day (2022, 2, 25), day (2022, 3, 6), 1000, "fr");

    g_assert_nonnull (find_tick (en, "Nov\u00a02021"));
    g_assert_nonnull (find_tick (en, "Jan\u00a02022"));
    g_assert_nonnull (find_tick (fr, "nov.\u00a02021"));
    g_assert_nonnull (find_tick (fr, "janv.\u00a02022"));
    g_assert_nonnull (find_tick (fr, "Feb") == NULL ? find_tick (fr, "févr.") : NULL);
    g_assert_nonnull (find_tick (days, "25 févr. 2022"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();
  g_test_add_func ("/timeline/flags", test_flags);
  g_test_add_func ("/timeline/layout", test_layout);
  g_test_add_func ("/timeline/ticks", test_ticks);
  g_test_add_func ("/craft/06-tick-years", test_tick_years);
  g_test_add_func ("/timeline/items", test_items);
  return g_test_run ();
}
