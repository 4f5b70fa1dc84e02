/* dossier-timeline.c: incidents in time: their spans, rows without overlap, axis ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline draws what is known of each date and no more: an incident known only to its
 * month spans the month, an approximate or uncertain end is marked as such. Here are the
 * pieces that need no widget: reading the items (dossier-query.c), laying them out in rows
 * that never overlap, and the axis's ticks from decades to hours in French or English.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-edtf.h"
#include "dossier-timeline.h"
#include "dossier-store-private.h"

/**
 * dossier_timeline_flags:
 * @edtf: (nullable): an incident's date, as stored
 *
 * Returns: the #DossierTimelineFlags of that date; 0 for a plain day or a bad date
 */
guint32
dossier_timeline_flags (const char *edtf)
{
  DossierEdtf date;
  guint32 flags = 0;

  if (edtf == NULL || !dossier_edtf_parse (edtf, &date, NULL))
    return 0;
  if (date.is_interval)
    {
      flags |= DOSSIER_TIMELINE_INTERVAL;
      if (date.start.kind != DOSSIER_EDTF_ENDPOINT_DATE)
        flags |= DOSSIER_TIMELINE_OPEN_START;
      if (date.end.kind != DOSSIER_EDTF_ENDPOINT_DATE)
        flags |= DOSSIER_TIMELINE_OPEN_END;
      if (date.end.kind == DOSSIER_EDTF_ENDPOINT_DATE && date.end.approximate)
        flags |= DOSSIER_TIMELINE_APPROXIMATE_END;
      if (date.end.kind == DOSSIER_EDTF_ENDPOINT_DATE && date.end.uncertain)
        flags |= DOSSIER_TIMELINE_UNCERTAIN_END;
    }
  else
    {
      if (date.start.precision != DOSSIER_EDTF_PRECISION_DAY)
        flags |= DOSSIER_TIMELINE_IMPRECISE;
      /* A single date's qualifier applies to both its ends. */
      if (date.start.approximate)
        flags |= DOSSIER_TIMELINE_APPROXIMATE_END;
      if (date.start.uncertain)
        flags |= DOSSIER_TIMELINE_UNCERTAIN_END;
    }
  if (date.start.kind == DOSSIER_EDTF_ENDPOINT_DATE && date.start.approximate)
    flags |= DOSSIER_TIMELINE_APPROXIMATE_START;
  if (date.start.kind == DOSSIER_EDTF_ENDPOINT_DATE && date.start.uncertain)
    flags |= DOSSIER_TIMELINE_UNCERTAIN_START;
  return flags;
}

/* Rows are found first-fit (the lowest row free when an item starts), so that a quiet
 * period keeps its items on the top rows. A tree of each row's end finds that row in
 * O(log rows) rather than by trying every row: 100,000 items lay out in milliseconds. */
typedef struct {
  double *min;   /* 2 × capacity: the tree of minima, leaves from capacity on */
  guint   capacity;
  guint   n_rows;
} RowTree;

static void
row_tree_set (RowTree *tree,
              guint    row,
              double   end)
{
  guint i = tree->capacity + row;

  tree->min[i] = end;
  for (i /= 2; i >= 1; i /= 2)
    tree->min[i] = MIN (tree->min[2 * i], tree->min[2 * i + 1]);
}

static void
row_tree_grow (RowTree *tree)
{
  guint capacity = tree->capacity * 2;
  double *min = g_new (double, 2 * capacity);

  for (guint i = 0; i < 2 * capacity; i++)
    min[i] = G_MAXDOUBLE;
  for (guint r = 0; r < tree->n_rows; r++)
    min[capacity + r] = tree->min[tree->capacity + r];
  for (guint i = capacity - 1; i >= 1; i--)
    min[i] = MIN (min[2 * i], min[2 * i + 1]);
  g_free (tree->min);
  tree->min = min;
  tree->capacity = capacity;
}

/* The lowest row whose last item ended by @start (ends are exclusive), or a new row. */
static guint
row_tree_find (RowTree *tree,
               double   start)
{
  guint i = 1;

  if (tree->n_rows == 0 || tree->min[1] > start)
    {
      if (tree->n_rows == tree->capacity)
        row_tree_grow (tree);
      return tree->n_rows++;
    }
  while (i < tree->capacity)
    i = tree->min[2 * i] <= start ? 2 * i : 2 * i + 1;
  return i - tree->capacity;
}

/**
 * dossier_timeline_layout:
 * @items: (element-type DossierTimelineItem): ordered by lane, then start (as
 *   dossier_store_timeline_items() gives them); their rows are set
 * @min_days: the least width of an item, in days: a mark is never narrower than a few
 *   pixels, so that at a given scale two items closer than that go on different rows
 * @lane_rows: (out) (element-type guint) (optional): the number of rows of each lane
 *
 * Gives each item the first row of its lane where it overlaps nothing. The same items in
 * the same order always get the same rows.
 *
 * Returns: (transfer full) (element-type utf8): the lanes' codes in order ("" for items
 *   without a lane)
 */
GPtrArray *
dossier_timeline_layout (GArray  *items,
                         double   min_days,
                         GArray **lane_rows)
{
  GPtrArray *lanes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  RowTree tree = { NULL, 0, 0 };
  const char *lane = NULL;

  g_return_val_if_fail (items != NULL, lanes);

  for (guint i = 0; i < items->len; i++)
    {
      DossierTimelineItem *item = &g_array_index (items, DossierTimelineItem, i);
      double start = item->start, end = MAX ((double) item->end + 1, start + min_days);

      if (i == 0 || item->lane != lane)
        {
          if (i > 0)
            g_array_append_val (rows, tree.n_rows);
          lane = item->lane;
          g_ptr_array_add (lanes, g_strdup (lane ? lane : ""));
          g_free (tree.min);
          tree.capacity = 16;
          tree.n_rows = 0;
          tree.min = g_new (double, 2 * tree.capacity);
          for (guint k = 0; k < 2 * tree.capacity; k++)
            tree.min[k] = G_MAXDOUBLE;
        }
      item->row = row_tree_find (&tree, start);
      row_tree_set (&tree, item->row, end);
    }
  if (items->len > 0)
    g_array_append_val (rows, tree.n_rows);
  g_free (tree.min);
  if (lane_rows != NULL)
    *lane_rows = g_steal_pointer (&rows);
  return lanes;
}

void
dossier_timeline_tick_free (DossierTimelineTick *tick)
{
  g_free (tick->label);
  g_free (tick);
}

typedef enum {
  UNIT_HOUR,
  UNIT_DAY,
  UNIT_MONTH,
  UNIT_YEAR,
} Unit;

/* Steps tried from the finest: each is a number of units. */
static const struct {
  Unit unit;
  int  count;
  double days;  /* roughly, to choose */
} steps[] = {
  { UNIT_HOUR, 1, 1 / 24.0 }, { UNIT_HOUR, 3, 3 / 24.0 }, { UNIT_HOUR, 6, 6 / 24.0 },
  { UNIT_HOUR, 12, 12 / 24.0 }, { UNIT_DAY, 1, 1 }, { UNIT_DAY, 2, 2 }, { UNIT_DAY, 7, 7 },
  { UNIT_MONTH, 1, 30.44 }, { UNIT_MONTH, 3, 91.3 }, { UNIT_MONTH, 6, 182.6 },
  { UNIT_YEAR, 1, 365.25 }, { UNIT_YEAR, 2, 730.5 }, { UNIT_YEAR, 5, 1826 }, { UNIT_YEAR, 10, 3652 },
  { UNIT_YEAR, 20, 7305 }, { UNIT_YEAR, 50, 18262 }, { UNIT_YEAR, 100, 36525 },
};

static void
set_julian (GDate  *date,
            guint32 day)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, CLAMP (day, 1, 3652059)); /* up to 31 December 9999 */
}

/**
 * dossier_timeline_format_day:
 * @day: a GDate julian day
 * @lang: "fr" or "en"
 *
 * Returns: (transfer full): the day written out, as "27 March 2022" or "27 mars 2022"
 */
char *
dossier_timeline_format_day (double      day,
                             const char *lang)
{
  GDate date;

  set_julian (&date, (guint32) floor (day));
  return g_strdup_printf ("%d %s %d", g_date_get_day (&date),
                          dossier_edtf_month_name (g_date_get_month (&date), lang, FALSE),
                          g_date_get_year (&date));
}

/* "27 mars 2022" or "Mar 27, 2022": a day, with its year when asked. */
static char *
day_label (int         d,
           int         m,
           int         y,
           gboolean    with_year,
           const char *lang)
{
  const char *month = dossier_edtf_month_name (m, lang, TRUE);

  if (g_strcmp0 (lang, "fr") == 0)
    return with_year ? g_strdup_printf ("%d %s %d", d, month, y) : g_strdup_printf ("%d %s", d, month);
  return with_year ? g_strdup_printf ("%s %d, %d", month, d, y) : g_strdup_printf ("%s %d", month, d);
}

/* A tick's label. The year is said at the first tick and wherever it changes (January, the
 * 1st of January), so that a reader of a printed axis never has to guess it. */
static char *
tick_label (Unit        unit,
            GDate      *date,
            int         hour,
            gboolean    major,
            gboolean    first,
            const char *lang)
{
  int d = g_date_get_day (date), m = g_date_get_month (date), y = g_date_get_year (date);
  gboolean new_year = m == 1 && d == 1;

  switch (unit)
    {
    case UNIT_HOUR:
      if (hour == 0)
        return day_label (d, m, y, first || new_year, lang);
      if (first)
        {
          g_autofree char *day = day_label (d, m, y, TRUE, lang);

          return g_strdup_printf ("%s %02d:00", day, hour);
        }
      return g_strdup_printf ("%02d:00", hour);
    case UNIT_DAY:
      if (major || d == 1 || first)
        return day_label (d, m, y, first || new_year, lang);
      return g_strdup_printf ("%d", d);
    case UNIT_MONTH:
      /* "Jan 2022", "janv. 2022": the month too, for a reader who looks for it there. */
      if (m == 1 || first)
        return g_strdup_printf ("%s\u00a0%d", dossier_edtf_month_name (m, lang, TRUE), y);
      return g_strdup (dossier_edtf_month_name (m, lang, TRUE));
    case UNIT_YEAR:
    default:
      return g_strdup_printf ("%d", y);
    }
}

/**
 * dossier_timeline_ticks:
 * @first_day: the day at the left edge (GDate julian days, with a fraction)
 * @last_day: the day at the right edge
 * @width: the width between them, in pixels
 * @lang: "fr" or "en", for the names of months
 *
 * Ticks for an axis from @first_day to @last_day: the finest step among hours, days,
 * weeks, months, years and decades that leaves about 80 pixels between labels, aligned
 * on whole units (midnight, the 1st, January, years ending in 0). A tick that begins a
 * larger unit is major and says so in its label ("Jan 2022" among months); the first tick
 * says its year too, so that no axis leaves the year out.
 *
 * Returns: (transfer full) (element-type DossierTimelineTick): the ticks, left to right
 */
GPtrArray *
dossier_timeline_ticks (double      first_day,
                        double      last_day,
                        double      width,
                        const char *lang)
{
  GPtrArray *ticks = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_timeline_tick_free);
  double per_pixel;
  guint s = 0;
  GDate date;

  if (!(last_day > first_day) || !(width > 0))
    return ticks;
  per_pixel = (last_day - first_day) / width;
  while (s + 1 < G_N_ELEMENTS (steps) && steps[s].days / per_pixel < 80)
    s++;
  first_day = MAX (first_day, 1);
  last_day = MIN (last_day, 3652059);
  if (first_day > last_day)
    return ticks;

  set_julian (&date, (guint32) floor (first_day));
  switch (steps[s].unit)
    {
    case UNIT_HOUR:
      for (double day = floor (first_day); day <= last_day; day += steps[s].count / 24.0)
        {
          int hour = (int) lround ((day - floor (day)) * 24) % 24;
          DossierTimelineTick *tick;

          if (day < first_day)
            continue;
          set_julian (&date, (guint32) floor (day + 1e-9));
          tick = g_new0 (DossierTimelineTick, 1);
          tick->day = day;
          tick->major = hour == 0;
          tick->label = tick_label (UNIT_HOUR, &date, hour, tick->major, ticks->len == 0, lang);
          g_ptr_array_add (ticks, tick);
        }
      break;
    case UNIT_DAY:
      for (guint32 day = (guint32) ceil (first_day); day <= last_day; day++)
        {
          DossierTimelineTick *tick;
          int d;

          set_julian (&date, day);
          d = g_date_get_day (&date);
          /* Every n days within a month, restarting on the 1st, so that ticks stay on
           * round days (1, 8, 15, 22 for weeks). */
          if (steps[s].count > 1 && (d - 1) % steps[s].count != 0)
            continue;
          if (steps[s].count > 1 && d > 28 - steps[s].count / 2 && d != 1)
            continue;
          tick = g_new0 (DossierTimelineTick, 1);
          tick->day = day;
          tick->major = d == 1;
          tick->label = tick_label (UNIT_DAY, &date, 0, tick->major, ticks->len == 0, lang);
          g_ptr_array_add (ticks, tick);
        }
      break;
    case UNIT_MONTH:
      {
        int y = g_date_get_year (&date), m = g_date_get_month (&date);

        for (;; m++)
          {
            DossierTimelineTick *tick;

            if (m > 12)
              m = 1, y++;
            if (y > 9999)
              break;
            if ((m - 1) % steps[s].count != 0)
              continue;
            g_date_set_dmy (&date, 1, m, y);
            if (g_date_get_julian (&date) > last_day)
              break;
            if (g_date_get_julian (&date) < first_day)
              continue;
            tick = g_new0 (DossierTimelineTick, 1);
            tick->day = g_date_get_julian (&date);
            tick->major = m == 1;
            tick->label = tick_label (UNIT_MONTH, &date, 0, tick->major, ticks->len == 0, lang);
            g_ptr_array_add (ticks, tick);
          }
      }
      break;
    case UNIT_YEAR:
      for (int y = g_date_get_year (&date); y <= 9999; y++)
        {
          DossierTimelineTick *tick;

          if (y % steps[s].count != 0)
            continue;
          g_date_set_dmy (&date, 1, 1, y);
          if (g_date_get_julian (&date) > last_day)
            break;
          if (g_date_get_julian (&date) < first_day)
            continue;
          tick = g_new0 (DossierTimelineTick, 1);
          tick->day = g_date_get_julian (&date);
          tick->major = y % (steps[s].count * 10) == 0;
          tick->label = tick_label (UNIT_YEAR, &date, 0, tick->major, ticks->len == 0, lang);
          g_ptr_array_add (ticks, tick);
        }
      break;
    }
  return ticks;
}

void
dossier_timeline_label_free (DossierTimelineLabel *label)
{
  if (label == NULL)
    return;
  g_free (label->code);
  g_free (label->title);
  g_free (label);
}

/**
 * dossier_store_timeline_labels:
 * @store: a #DossierStore
 * @ids: (array length=n_ids): incidents
 * @n_ids: their number
 * @lang: "fr" or "en": the language of the titles, the other one when a title is missing
 * @error: return location for a #GError
 *
 * What the timeline writes beside its marks, read only for the marks that have room for
 * it (a few hundred at most), each by its id.
 *
 * Returns: (transfer full) (element-type DossierTimelineLabel): one label per incident
 *   found, or %NULL
 */
GPtrArray *
dossier_store_timeline_labels (DossierStore  *store,
                               const gint64  *ids,
                               guint          n_ids,
                               const char    *lang,
                               GError       **error)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_timeline_label_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  stmt = _dossier_store_prepare (store,
                                 g_strcmp0 (lang, "fr") == 0
                                 ? "SELECT code, coalesce (nullif (title_fr, ''), title_en) FROM incident WHERE id = ?"
                                 : "SELECT code, coalesce (nullif (title_en, ''), title_fr) FROM incident WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < n_ids; i++)
    {
      int rc;

      sqlite3_bind_int64 (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          DossierTimelineLabel *label = g_new0 (DossierTimelineLabel, 1);

          label->id = ids[i];
          label->code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          label->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          g_ptr_array_add (labels, label);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _dossier_store_set_error (store, error);
          return NULL;
        }
    }
  return g_steal_pointer (&labels);
}
