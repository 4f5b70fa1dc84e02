/* dossier-timeline-view.c: the incidents of the filter in time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget draws every incident of the filter at its date as EDTF knows it: a point for
 * a day, a bar for a period, a pale span for a date known only to its month or year; an
 * approximate end fades out, an uncertain one is dotted, an open one trails off with an
 * arrow. The legend at the bottom says so. Items are read once per filter in a worker
 * thread (100,000 take about 150 ms), laid out in rows that never overlap (again only when
 * the zoom crosses a power of two), and a frame draws only what is in view. When the view
 * holds more than the rows can show, a histogram of incidents per period replaces them.
 *
 * Dragging pans; dragging in the axis band at the top, or with Shift, brushes a period,
 * which becomes the shared filter's period: the lists and the map narrow to it, while the
 * timeline keeps showing the rest, dimmed, so that the period can be moved.
 *
 * As in a printed chronology, a mark with room beside it on its row says what it is: its
 * code, and its title when there is room for that too (only the code in a figure: a title
 * is the dossier's text, not the document's). A mark is in its term's colour, a day in its
 * term's shape, as on the map. Colours and the font come from the style on screen; a
 * figure is drawn dark on white.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "dossier-catalog.h"
#include "dossier-edtf.h"
#include "dossier-incident.h"
#include "dossier-look.h"
#include "dossier-palette.h"
#include "dossier-query-worker.h"
#include "dossier-timeline-view.h"
#include "dossier-vocab.h"

#define AXIS_HEIGHT     28
#define LEGEND_LINE     18
#define LEGEND_HEIGHT   (self->legend_height)
#define LANE_LABELS     120
#define MIN_ROW         12      /* pixels: a row, at least; as high as a label's line */
#define ROW_HEIGHT      (self->row_height)
#define MARK_HEIGHT     8
#define MIN_MARK        8       /* pixels: the least width of a mark, and of a point */
#define MAX_MARKS       4000    /* more in view, and a histogram is drawn */
#define BIN_WIDTH       3
#define MIN_PER_DAY     (1.0 / 365.25 / 2)   /* 2 pixels a year: centuries fit */
#define MAX_PER_DAY     (24 * 60.0)          /* 60 pixels an hour */
#define FIGURE_WIDTH    600     /* a figure for no view: the annex's width, */
#define FIGURE_HEIGHT   260     /* and room for a few lanes */
#define LABEL_GAP       4       /* pixels between a mark and its label, and after it */
#define MIN_TITLE       48      /* pixels: less room than this after the code, no title */
#define MAX_LABEL       320     /* pixels: a title is cut to this, at most */

struct _DossierTimelineView
{
  GtkWidget        parent_instance;

  DossierStore    *store;
  DossierQueryWorker *worker;     /* reads the items aside, one job at a time */
  DossierFilter   *filter;
  DossierIncidentQuery *shown_query;  /* the filter the items were read for */
  char            *lang;
  GHashTable      *styles;        /* interned key → its DossierTermStyle */
  GHashTable      *labels;        /* id → DossierTimelineLabel, read as marks get room */
  DossierColourBy  colour_by;
  DossierLanes     lanes;

  GArray          *all_items;     /* every dated incident, for the colour and lanes */
                                  /* (a new colour, lanes or edit: the worker's next generation) */
  GArray          *items;         /* those of the filter: DossierTimelineItem, by lane then start */
  GHashTable      *by_id;         /* id → index + 1 */
  GArray          *order;         /* indices by start then id: for [ and ] */
  GPtrArray       *lane_codes;    /* of the last layout */
  GArray          *lane_rows;
  int              layout_level;  /* log2 of the pixels a day the rows were laid out for */

  double           first_day;     /* the view: the day at the left edge of the marks */
  double           per_day;       /* pixels a day */
  gboolean         fitted;        /* the view was set once (to all the items) */
  gint64           selected;
  char            *selected_text; /* its code and date, for screen readers */
  gboolean         histogram;     /* in the last frame */
  int              legend_height; /* one line, two when the view is narrow, or the message's */
  double           legend_width;  /* on one line */
  int              legend_words[6]; /* the width of each word of the marks' legend */
  int              message_for;   /* the width the histogram's message was measured at */
  int              message_height;
  int              code_width;    /* of a typical code: less room, and no label is read */
  int              row_height;    /* a label's line, so that labels on rows never meet */
  GArray          *label_areas;   /* DossierTimelineLabelArea, of the last frame on screen */
  GArray          *figure_keys;   /* FigureKey: in a figure, what its colours mean */

  /* A figure's, drawn offscreen: its size and the messages in its language */
  int              figure_width;
  int              figure_height;
  DossierCatalog  *catalog;

  /* Dragging */
  gboolean         brushing;
  double           drag_x;
  double           drag_first_day;
  double           brush_x1;
  double           brush_x2;
  double           pointer_x;
  double           zoom_scale;
};

enum {
  INCIDENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierTimelineView, dossier_timeline_view, GTK_TYPE_WIDGET)

static DossierTimelineItem *find_item (DossierTimelineView *self,
                                       gint64               id,
                                       guint               *index);

/* The size drawn: the widget's, or a figure's. */
static int
view_width (DossierTimelineView *self)
{
  return self->figure_width > 0 ? self->figure_width : gtk_widget_get_width (GTK_WIDGET (self));
}

static int
view_height (DossierTimelineView *self)
{
  return self->figure_height > 0 ? self->figure_height : gtk_widget_get_height (GTK_WIDGET (self));
}

/* A message in the language drawn: a figure's, or the interface's. */
static const char *tr (DossierTimelineView *self,
                       const char          *context,
                       const char          *msgid) G_GNUC_FORMAT (3);

static const char *
tr (DossierTimelineView *self,
    const char          *context,
    const char          *msgid)
{
  g_autofree char *key = NULL;
  const char *found;

  if (self->catalog == NULL)
    return context != NULL ? g_dpgettext2 (NULL, context, msgid) : gettext (msgid);
  if (context == NULL)
    return dossier_catalog_get (self->catalog, msgid);
  /* A catalogue keeps a message with a context under the context, \004, and the message. */
  key = g_strconcat (context, "\004", msgid, NULL);
  found = dossier_catalog_get (self->catalog, key);
  return found == key ? msgid : found;
}

static double
marks_left (DossierTimelineView *self)
{
  return self->lanes != DOSSIER_LANES_NONE ? LANE_LABELS : 0;
}

static double
marks_width (DossierTimelineView *self)
{
  return MAX (1, view_width (self) - marks_left (self));
}

static double
x_of_day (DossierTimelineView *self,
          double               day)
{
  return marks_left (self) + (day - self->first_day) * self->per_day;
}

/**
 * dossier_timeline_view_day_at:
 * @self: a #DossierTimelineView
 * @x: a position across the widget
 *
 * Returns: the day (GDate julian day, with a fraction) under @x
 */
double
dossier_timeline_view_day_at (DossierTimelineView *self,
                              double               x)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), 0);
  return self->first_day + (x - marks_left (self)) / self->per_day;
}

static const char *
lane_scheme (DossierLanes lanes)
{
  switch (lanes)
    {
    case DOSSIER_LANES_REGION:
      return "admin1";
    case DOSSIER_LANES_ACTOR_KIND:
      return "actor-kind";
    case DOSSIER_LANES_VIOLATION_TYPE:
      return "violation-type";
    case DOSSIER_LANES_NONE:
    default:
      return NULL;
    }
}

/* A key's colour and shape: the term's, as on the map and everywhere else; kept by the
 * interned key, as a frame asks for thousands. */
static const DossierTermStyle *
key_style (DossierTimelineView *self,
           const char          *key)
{
  DossierTermStyle *style = g_hash_table_lookup (self->styles, key);

  if (style == NULL)
    {
      style = g_new (DossierTermStyle, 1);
      dossier_palette_term_style (self->colour_by == DOSSIER_COLOUR_BY_VERIFICATION ? "verification-status" : "violation-type",
                                  key, style);
      g_hash_table_insert (self->styles, (gpointer) key, style);
    }
  return style;
}

/* Reading the items: in a worker thread with its own connection. Every dated incident is
 * read once (for a colour and lanes), through an index that holds what the timeline needs;
 * a filter then only asks SQLite for the ids it keeps, and the items are picked from those
 * read before. */
typedef struct {
  DossierIncidentQuery *query;   /* NULL: no filter */
  DossierColourBy       colour_by;
  DossierLanes          lanes;
  GArray               *all;     /* read before, or NULL to read */
} Job;

typedef struct {
  GArray *all;
  GArray *items;
} JobResult;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->query, dossier_incident_query_free);
  g_clear_pointer (&job->all, g_array_unref);
  g_free (job);
}

static void
job_result_free (JobResult *result)
{
  g_clear_pointer (&result->all, g_array_unref);
  g_clear_pointer (&result->items, g_array_unref);
  g_free (result);
}

static gpointer
run_job (DossierStore  *reader,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *job = data;
  g_autoptr(GArray) ids = NULL;
  JobResult *result = g_new0 (JobResult, 1);

  result->all = job->all ? g_array_ref (job->all)
                         : dossier_store_timeline_items (reader, NULL, job->colour_by, job->lanes, error);
  if (result->all != NULL && job->query != NULL)
    ids = dossier_store_query_ids (reader, job->query, error);
  if (result->all == NULL || (job->query != NULL && ids == NULL))
    {
      job_result_free (result);
      return NULL;
    }
  if (ids == NULL)
    result->items = g_array_ref (result->all);
  else
    {
      result->items = g_array_sized_new (FALSE, FALSE, sizeof (DossierTimelineItem), ids->len);
      for (guint i = 0; i < result->all->len; i++)
        {
          DossierTimelineItem *item = &g_array_index (result->all, DossierTimelineItem, i);

          if (bsearch (&item->id, ids->data, ids->len, sizeof (gint64), dossier_compare_ids) != NULL)
            g_array_append_val (result->items, *item);
        }
    }
  return result;
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  GArray *items = data;
  const DossierTimelineItem *p = &g_array_index (items, DossierTimelineItem, *(const guint *) a);
  const DossierTimelineItem *q = &g_array_index (items, DossierTimelineItem, *(const guint *) b);

  if (p->start != q->start)
    return p->start < q->start ? -1 : 1;
  return (p->id > q->id) - (p->id < q->id);
}

static void
job_done (gpointer      owner,
          gpointer      data,
          gpointer      result,
          guint         generation,
          const GError *error)
{
  DossierTimelineView *self = owner;
  JobResult *read = result;

  if (read == NULL)
    g_warning ("Could not read the incidents for the timeline: %s", error->message);
  else
    {
      GArray *items = g_array_ref (read->items);

      g_clear_pointer (&self->all_items, g_array_unref);
      /* Read for a colour or lanes since changed: shown until the next job ends, not kept. */
      if (generation == dossier_query_worker_get_generation (self->worker))
        self->all_items = g_array_ref (read->all);
      job_result_free (read);
      g_clear_pointer (&self->items, g_array_unref);
      self->items = items;
      g_hash_table_remove_all (self->by_id);
      g_array_set_size (self->order, items->len);
      for (guint i = 0; i < items->len; i++)
        {
          g_hash_table_insert (self->by_id, &g_array_index (items, DossierTimelineItem, i).id, GUINT_TO_POINTER (i + 1));
          g_array_index (self->order, guint, i) = i;
        }
      g_array_sort_with_data (self->order, compare_by_start, items);
      self->layout_level = G_MININT;
      if (!self->fitted && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
        self->fitted = dossier_timeline_view_fit_all (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Asked by the worker when it is free: for the filter, the colour and the lanes of now. */
static gpointer
make_job (gpointer owner)
{
  DossierTimelineView *self = owner;
  Job *job = g_new0 (Job, 1);

  job->all = self->all_items ? g_array_ref (self->all_items) : NULL;
  if (self->filter != NULL && !dossier_filter_is_empty (self->filter))
    {
      job->query = dossier_incident_query_copy (dossier_filter_get_query (self->filter));
      /* The timeline shows the filter's period but not only it: the rest is dimmed, so
       * that a period brushed here can be seen in context and moved. */
      job->query->date_from = 0;
      job->query->date_to = 0;
    }
  job->colour_by = self->colour_by;
  job->lanes = self->lanes;
  return job;
}

static const DossierQueryWorkerFuncs worker_funcs = {
  make_job, (GDestroyNotify) job_free, run_job, (GDestroyNotify) job_result_free, job_done,
};

/* Rows for the current zoom: laid out again only when it crosses a power of two, for the
 * narrowest scale of that range, so that marks never overlap within it. */
static void
ensure_layout (DossierTimelineView *self)
{
  int level = (int) floor (log2 (self->per_day));

  if (self->items == NULL || level == self->layout_level)
    return;
  self->layout_level = level;
  g_clear_pointer (&self->lane_codes, g_ptr_array_unref);
  g_clear_pointer (&self->lane_rows, g_array_unref);
  self->lane_codes = dossier_timeline_layout (self->items, MIN_MARK / pow (2, level), &self->lane_rows);
}

static gboolean
in_view (DossierTimelineView       *self,
         const DossierTimelineItem *item,
         double                     last_day)
{
  return item->start <= last_day && item->end + 1 >= self->first_day;
}

/* Each lane's band: its top and height, in the marks' area. */
typedef struct {
  double top;
  double height;
  guint  rows;      /* rows in view */
} Band;

/* The marks' legend: a sample of each kind of mark, and what it means. */
static const char * const legend_words[] = {
  NC_("timeline legend", "day"), NC_("timeline legend", "period"),
  NC_("timeline legend", "month or year only"), NC_("timeline legend", "approximate (~)"),
  NC_("timeline legend", "uncertain (?)"), NC_("timeline legend", "open"),
};

static double
sample_width (guint i)
{
  return i == 0 ? MARK_HEIGHT : 22;
}

/* A figure's legend also says what its colours mean, as the map's does: a printed page
 * has no other key. */
typedef struct {
  const char       *key;
  char             *label;
  int               width;
  DossierTermStyle  style;
} FigureKey;

#define KEY_MARK 14   /* pixels before a key's label: its mark */
#define MAX_KEYS 12   /* as the map's legend */

static void
figure_key_clear (gpointer data)
{
  g_free (((FigureKey *) data)->label);
}

static double
entry_width (DossierTimelineView *self,
             guint                k)
{
  if (k < G_N_ELEMENTS (legend_words))
    return sample_width (k) + 9 + self->legend_words[k];
  return KEY_MARK + g_array_index (self->figure_keys, FigureKey, k - G_N_ELEMENTS (legend_words)).width;
}

/* Where the legend puts each entry (the samples of marks, then a figure's keys) on a view
 * @width wide: on as many lines as it needs. Returns the number of lines; @x and @line
 * (optional) get entry @i's place. */
static guint
legend_lines (DossierTimelineView *self,
              int                  width,
              guint                i,
              double              *x,
              guint               *line)
{
  double at = 6;
  guint lines = 1;
  guint n = G_N_ELEMENTS (legend_words) + self->figure_keys->len;

  if (self->legend_width <= 0)
    {
      self->legend_width = 6;
      for (guint k = 0; k < G_N_ELEMENTS (legend_words); k++)
        {
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                         tr (self, "timeline legend", legend_words[k]));

          pango_layout_get_pixel_size (layout, &self->legend_words[k], NULL);
          self->legend_width += sample_width (k) + 9 + self->legend_words[k] + 12;
        }
    }
  for (guint k = 0; k < n; k++)
    {
      if (at > 6 && at + entry_width (self, k) > width)
        {
          at = 6;
          lines++;
        }
      if (k == i && x != NULL)
        *x = at;
      if (k == i && line != NULL)
        *line = lines - 1;
      at += entry_width (self, k) + 12;
    }
  return lines;
}

/* The keys of the items in view, the most frequent first, for a figure's legend: as many
 * as leave two thirds of its @height to the marks. */
static void
set_figure_keys (DossierTimelineView *self,
                 double               last_day,
                 int                  width,
                 int                  height)
{
  const char *scheme = self->colour_by == DOSSIER_COLOUR_BY_VERIFICATION ? "verification-status" : "violation-type";
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) keys = NULL;

  g_array_set_size (self->figure_keys, 0);
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      DossierTimelineItem *item = &g_array_index (self->items, DossierTimelineItem, i);

      if (item->key != NULL && in_view (self, item, last_day))
        g_hash_table_insert (counts, (gpointer) item->key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, item->key)) + 1));
    }
  keys = dossier_palette_most_frequent (scheme, counts);
  for (guint i = 0; i < keys->len && i < MAX_KEYS; i++)
    {
      FigureKey k = { g_ptr_array_index (keys, i) };
      g_autoptr(PangoLayout) layout = NULL;

      k.label = dossier_store_vocab_label (self->store, scheme, k.key, self->lang);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), k.label);
      pango_layout_get_pixel_size (layout, &k.width, NULL);
      k.style = *key_style (self, k.key);
      g_array_append_val (self->figure_keys, k);
      if ((int) legend_lines (self, width, 0, NULL, NULL) * LEGEND_LINE + 4 > height / 3)
        {
          g_array_set_size (self->figure_keys, self->figure_keys->len - 1);
          break;
        }
    }
}

static const char *
histogram_message (DossierTimelineView *self)
{
  return tr (self, NULL, N_("Too many incidents to draw one by one: incidents per period (zoom in to see them)"));
}

/* The legend's height: the marks' legend on as many lines as the view's width needs; over
 * a histogram, the message saying why, on as many lines as it needs too. */
static void
update_legend_height (DossierTimelineView *self,
                      gboolean             histogram)
{
  int width = view_width (self);

  if (!histogram)
    {
      self->legend_height = legend_lines (self, width, 0, NULL, NULL) * LEGEND_LINE + 4;
      return;
    }
  if (self->message_for != width)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), histogram_message (self));

      pango_layout_set_width (layout, MAX (width - 12, 40) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, NULL, &self->message_height);
      self->message_for = width;
    }
  self->legend_height = MAX (LEGEND_LINE + 4, self->message_height + 8);
}

/* Rows as high as a line of labels (in the style's font), so that the labels of two rows
 * never meet. */
static void
ensure_row_height (DossierTimelineView *self)
{
  if (self->row_height == 0)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "INC-0000 Égypte");
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      self->row_height = MAX (MIN_ROW, h);
    }
}

static GArray *
lane_bands (DossierTimelineView *self,
            gboolean            *histogram)
{
  int height;
  double last_day = dossier_timeline_view_day_at (self, view_width (self));
  guint n_lanes = self->lane_codes ? self->lane_codes->len : 0;
  GArray *bands = g_array_sized_new (FALSE, TRUE, sizeof (Band), n_lanes);
  guint lane = 0, shown = 0, total_rows = 0;
  const char *code = NULL;

  ensure_row_height (self);
  g_array_set_size (bands, n_lanes);
  for (guint i = 0; self->items && i < self->items->len; i++)
    {
      DossierTimelineItem *item = &g_array_index (self->items, DossierTimelineItem, i);

      if (i > 0 && item->lane != code)
        lane++;
      code = item->lane;
      if (lane < n_lanes && in_view (self, item, last_day))
        {
          Band *band = &g_array_index (bands, Band, lane);

          band->rows = MAX (band->rows, item->row + 1);
          shown++;
        }
    }
  for (guint l = 0; l < n_lanes; l++)
    total_rows += MAX (1, g_array_index (bands, Band, l).rows);
  /* Too many to draw one by one: a histogram. More rows than room: each lane gets its share
   * of whole rows, and the marks on the rows below are left out (and counted). */
  *histogram = shown > MAX_MARKS;
  update_legend_height (self, *histogram);
  height = view_height (self) - AXIS_HEIGHT - LEGEND_HEIGHT;
  {
    double top = AXIS_HEIGHT;
    gboolean crowded = total_rows * ROW_HEIGHT > (guint) MAX (height, 0);

    for (guint l = 0; l < n_lanes; l++)
      {
        Band *band = &g_array_index (bands, Band, l);
        guint rows = MAX (1, band->rows);

        band->top = top;
        if (*histogram)
          band->height = (double) height / n_lanes;
        else if (crowded)
          band->height = MAX (1, floor ((double) height * rows / total_rows / ROW_HEIGHT)) * ROW_HEIGHT;
        else
          band->height = rows * ROW_HEIGHT;
        top += band->height;
      }
  }
  return bands;
}

static guint
lane_of (DossierTimelineView *self,
         guint                index)
{
  /* Items are by lane: the lane of item @index is the number of lane changes before it. */
  const char *lane = g_array_index (self->items, DossierTimelineItem, index).lane;

  for (guint l = 0; self->lane_codes && l < self->lane_codes->len; l++)
    if (g_strcmp0 (lane ? lane : "", self->lane_codes->pdata[l]) == 0)
      return l;
  return 0;
}

/* Whether an item's row is within its lane's band (the rows below are left out). */
static gboolean
row_shown (DossierTimelineView       *self,
           const DossierTimelineItem *item,
           const Band                *band)
{
  return (item->row + 1) * ROW_HEIGHT <= band->height + 0.5;
}

static void
item_rect (DossierTimelineView       *self,
           const DossierTimelineItem *item,
           const Band                *band,
           graphene_rect_t           *rect)
{
  double x0 = x_of_day (self, item->start), x1 = x_of_day (self, item->end + 1.0);
  double y = band->top + item->row * ROW_HEIGHT + (ROW_HEIGHT - MARK_HEIGHT) / 2.0;

  if (x1 - x0 < MIN_MARK)
    {
      double middle = (x0 + x1) / 2;

      x0 = middle - MIN_MARK / 2.0;
      x1 = middle + MIN_MARK / 2.0;
    }
  graphene_rect_init (rect, x0, y, x1 - x0, MARK_HEIGHT);
}

/* An item's end: faded when approximate, dotted when uncertain, an arrow when open. A day
 * is its term's shape, as on the map. */
static void
draw_mark (DossierTimelineView       *self,
           cairo_t                   *cr,
           const DossierTimelineItem *item,
           const graphene_rect_t     *r,
           const DossierTermStyle    *style,
           const DossierLook         *look,
           gboolean                   dimmed,
           gboolean                   selected)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;
  double alpha = dimmed ? 0.25 : 1.0;
  const GdkRGBA colour = { style->red, style->green, style->blue, 1 };
  const GdkRGBA *c = &colour;
  gboolean point = !(item->flags & (DOSSIER_TIMELINE_INTERVAL | DOSSIER_TIMELINE_IMPRECISE)) &&
                   (item->end + 1.0 - item->start) * self->per_day < 3 * MIN_MARK;

  cairo_save (cr);
  if (point)
    {
      dossier_mark_path (cr, style->shape, x + w / 2, y + h / 2, h / 2);
      cairo_set_source_rgba (cr, c->red, c->green, c->blue, alpha);
      if (item->flags & (DOSSIER_TIMELINE_APPROXIMATE_START | DOSSIER_TIMELINE_UNCERTAIN_START))
        {
          /* An approximate or uncertain day: an outline rather than a filled mark. */
          cairo_set_line_width (cr, 1.6);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
    }
  else
    {
      cairo_pattern_t *fill = cairo_pattern_create_linear (x, 0, x + w, 0);
      double fade = MIN (0.3, 12 / MAX (w, 1));
      double body = item->flags & DOSSIER_TIMELINE_IMPRECISE ? 0.35 : 1.0;

      cairo_pattern_add_color_stop_rgba (fill, 0, c->red, c->green, c->blue,
                                         alpha * body * (item->flags & (DOSSIER_TIMELINE_APPROXIMATE_START | DOSSIER_TIMELINE_OPEN_START) ? 0.15 : 1));
      cairo_pattern_add_color_stop_rgba (fill, fade, c->red, c->green, c->blue, alpha * body);
      cairo_pattern_add_color_stop_rgba (fill, 1 - fade, c->red, c->green, c->blue, alpha * body);
      cairo_pattern_add_color_stop_rgba (fill, 1, c->red, c->green, c->blue,
                                         alpha * body * (item->flags & (DOSSIER_TIMELINE_APPROXIMATE_END | DOSSIER_TIMELINE_OPEN_END) ? 0.15 : 1));
      cairo_rectangle (cr, x, y, w, h);
      cairo_set_source (cr, fill);
      cairo_fill (cr);
      cairo_pattern_destroy (fill);
      /* A span of imprecision is outlined: it says "somewhere in here". */
      cairo_set_source_rgba (cr, c->red, c->green, c->blue, alpha);
      cairo_set_line_width (cr, 1);
      if (item->flags & DOSSIER_TIMELINE_IMPRECISE)
        {
          cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
          cairo_stroke (cr);
        }
      if (item->flags & DOSSIER_TIMELINE_UNCERTAIN_START)
        {
          cairo_set_dash (cr, (double[]) { 1.5, 1.5 }, 2, 0);
          cairo_move_to (cr, x + 0.5, y - 2);
          cairo_line_to (cr, x + 0.5, y + h + 2);
          cairo_stroke (cr);
        }
      if (item->flags & DOSSIER_TIMELINE_UNCERTAIN_END)
        {
          cairo_set_dash (cr, (double[]) { 1.5, 1.5 }, 2, 0);
          cairo_move_to (cr, x + w - 0.5, y - 2);
          cairo_line_to (cr, x + w - 0.5, y + h + 2);
          cairo_stroke (cr);
        }
      cairo_set_dash (cr, NULL, 0, 0);
      if (item->flags & DOSSIER_TIMELINE_OPEN_END)
        {
          cairo_move_to (cr, x + w, y - 1);
          cairo_line_to (cr, x + w + 5, y + h / 2);
          cairo_line_to (cr, x + w, y + h + 1);
          cairo_fill (cr);
        }
      if (item->flags & DOSSIER_TIMELINE_OPEN_START)
        {
          cairo_move_to (cr, x, y - 1);
          cairo_line_to (cr, x - 5, y + h / 2);
          cairo_line_to (cr, x, y + h + 1);
          cairo_fill (cr);
        }
    }
  if (selected)
    {
      gdk_cairo_set_source_rgba (cr, &look->foreground);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, x - 2, y - 2, w + 4, h + 4);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_text (cairo_t       *cr,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         y,
           const GdkRGBA *colour)
{
  if (text != NULL)
    pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  gdk_cairo_set_source_rgba (cr, colour);
  pango_cairo_show_layout (cr, layout);
}

/* The ticks along the top, and their labels where they do not run into the one before. */
static void
draw_axis (DossierTimelineView *self,
           cairo_t             *cr,
           PangoLayout         *layout,
           int                  width,
           int                  height,
           const DossierLook   *look)
{
  double last_day = dossier_timeline_view_day_at (self, width);
  g_autoptr(GPtrArray) ticks = dossier_timeline_ticks (self->first_day, last_day, marks_width (self), self->lang);
  double written = -G_MAXDOUBLE;

  gdk_cairo_set_source_rgba (cr, &look->band);
  cairo_rectangle (cr, 0, 0, width, AXIS_HEIGHT);
  cairo_fill (cr);
  for (guint i = 0; i < ticks->len; i++)
    {
      DossierTimelineTick *tick = ticks->pdata[i];
      double x = round (x_of_day (self, tick->day)) + 0.5;
      GdkRGBA rule = look->grid;
      int w;

      if (x < marks_left (self))
        continue;
      if (!tick->major)
        rule.alpha /= 2.5;
      gdk_cairo_set_source_rgba (cr, &rule);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x, tick->major ? 0 : AXIS_HEIGHT - 8);
      cairo_line_to (cr, x, height - LEGEND_HEIGHT);
      cairo_stroke (cr);
      pango_layout_set_attributes (layout, NULL);
      if (tick->major)
        {
          PangoAttrList *bold = pango_attr_list_new ();

          pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (layout, bold);
          pango_attr_list_unref (bold);
        }
      pango_layout_set_text (layout, tick->label, -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      /* The first tick says the year, and may be long: the next label then waits. A label
       * that the right edge would cut is left out. */
      if (x + 3 >= written + 6 && x + 3 + w <= width - 2)
        {
          draw_text (cr, layout, NULL, x + 3, 5, &look->foreground);
          written = x + 3 + w;
        }
      pango_layout_set_attributes (layout, NULL);
    }
}

/* What the marks mean, along the bottom: part of every figure. */
static void
draw_legend (DossierTimelineView *self,
             cairo_t             *cr,
             PangoLayout         *layout,
             int                  width,
             int                  height,
             const DossierLook   *look)
{
  static const DossierTimelineItem samples[] = {
    { 0, 0, 0, 0, NULL, NULL, 0 },
    { 0, 0, 9, DOSSIER_TIMELINE_INTERVAL, NULL, NULL, 0 },
    { 0, 0, 9, DOSSIER_TIMELINE_IMPRECISE, NULL, NULL, 0 },
    { 0, 0, 9, DOSSIER_TIMELINE_INTERVAL | DOSSIER_TIMELINE_APPROXIMATE_END, NULL, NULL, 0 },
    { 0, 0, 9, DOSSIER_TIMELINE_INTERVAL | DOSSIER_TIMELINE_UNCERTAIN_END, NULL, NULL, 0 },
    { 0, 0, 9, DOSSIER_TIMELINE_INTERVAL | DOSSIER_TIMELINE_OPEN_END, NULL, NULL, 0 },
  };
  /* The samples in the foreground's colour, as a circle: what they show is not a term. */
  DossierTermStyle ink = { look->dim.red, look->dim.green, look->dim.blue, DOSSIER_MARK_CIRCLE, FALSE };
  double per_day = self->per_day, x = 6, y = height - LEGEND_HEIGHT;

  gdk_cairo_set_source_rgba (cr, &look->band);
  cairo_rectangle (cr, 0, y, width, LEGEND_HEIGHT);
  cairo_fill (cr);
  if (self->histogram)
    {
      /* Wrapped, in both languages, however narrow the view. */
      pango_layout_set_width (layout, MAX (width - 12, 40) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      draw_text (cr, layout, histogram_message (self), x, y + 4, &look->dim);
      pango_layout_set_width (layout, -1);
      return;
    }
  /* Samples are drawn at a scale of their own: 3 pixels a day. */
  self->per_day = 3;
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      graphene_rect_t r;
      guint line;

      legend_lines (self, width, i, &x, &line);
      graphene_rect_init (&r, x, y + line * LEGEND_LINE + (LEGEND_LINE + 4 - MARK_HEIGHT) / 2.0, sample_width (i), MARK_HEIGHT);
      draw_mark (self, cr, &samples[i], &r, &ink, look, FALSE, FALSE);
      draw_text (cr, layout, tr (self, "timeline legend", legend_words[i]), x + r.size.width + 9, y + line * LEGEND_LINE + 4, &look->dim);
    }
  self->per_day = per_day;
  for (guint k = 0; k < self->figure_keys->len; k++)
    {
      FigureKey *key = &g_array_index (self->figure_keys, FigureKey, k);
      guint line;

      legend_lines (self, width, G_N_ELEMENTS (samples) + k, &x, &line);
      dossier_mark_draw (cr, &key->style, x + KEY_MARK / 2.0 - 1, y + line * LEGEND_LINE + (LEGEND_LINE + 4) / 2.0, 4, look);
      draw_text (cr, layout, key->label, x + KEY_MARK, y + line * LEGEND_LINE + 4, &look->foreground);
    }
}

/* A mark's label, kept for as long as the incidents are: its code and title laid out once,
 * and their widths. */
typedef struct {
  PangoLayout *code;
  PangoLayout *full;    /* the code and the title, for the screen */
  int          code_width;
  int          full_width;
  int          full_for;  /* the width the full layout is cut to, or -1 */
} Label;

static void
label_free (Label *label)
{
  g_clear_object (&label->code);
  g_clear_object (&label->full);
  g_free (label);
}

static Label *
label_new (DossierTimelineView        *self,
           const DossierTimelineLabel *read)
{
  Label *label = g_new0 (Label, 1);
  PangoAttrList *bold = pango_attr_list_new ();
  g_autofree char *text = g_strdup_printf ("%s  %s", read->code, read->title);
  PangoAttribute *weight = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  weight->end_index = strlen (read->code);
  pango_attr_list_insert (bold, weight);
  label->code = gtk_widget_create_pango_layout (GTK_WIDGET (self), read->code);
  pango_layout_set_attributes (label->code, bold);
  pango_layout_get_pixel_size (label->code, &label->code_width, NULL);
  label->full = gtk_widget_create_pango_layout (GTK_WIDGET (self), *read->title ? text : read->code);
  pango_layout_set_attributes (label->full, bold);
  pango_layout_set_ellipsize (label->full, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (label->full, TRUE);
  pango_layout_get_pixel_size (label->full, &label->full_width, NULL);
  label->full_for = -1;
  pango_attr_list_unref (bold);
  return label;
}

/* A mark drawn this frame, and where the next mark on its row begins. */
typedef struct {
  guint           index;
  guint           lane;
  graphene_rect_t rect;
  gboolean        dimmed;
  double          end;    /* after the mark (and its arrow) */
  double          next;   /* the next mark on the row (its arrow), or the edge */
} Placed;

static Label *
find_label (DossierTimelineView *self,
            gint64               id)
{
  return g_hash_table_lookup (self->labels, &id);
}

/* Labels beside the marks that have room for them on their row, up to the next mark or
 * the edge: the code, and on screen the title after it when there is room for some of it.
 * Labels are read from the dossier only for marks with room for a code, a few hundred at
 * most, and kept. */
static void
draw_labels (DossierTimelineView *self,
             cairo_t             *cr,
             GArray              *placed,
             int                  width,
             gboolean             titles,
             gboolean             backed,
             const DossierLook   *look,
             GArray              *areas)
{
  g_autoptr(GHashTable) last = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (placed->len == 0)
    return;
  if (self->code_width == 0)
    {
      g_autoptr(PangoLayout) typical = gtk_widget_create_pango_layout (GTK_WIDGET (self), "INC-0000");

      pango_layout_get_pixel_size (typical, &self->code_width, NULL);
    }
  /* Items come by lane, then by start: on each row, a mark's follower comes after it. */
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      const DossierTimelineItem *item = &g_array_index (self->items, DossierTimelineItem, p->index);
      gpointer row = GUINT_TO_POINTER (((p->lane << 20) | item->row) + 1);
      gpointer before;

      p->end = p->rect.origin.x + p->rect.size.width + (item->flags & DOSSIER_TIMELINE_OPEN_END ? 5 : 0);
      p->next = width;
      if (g_hash_table_lookup_extended (last, row, NULL, &before))
        g_array_index (placed, Placed, GPOINTER_TO_UINT (before)).next =
          p->rect.origin.x - (item->flags & DOSSIER_TIMELINE_OPEN_START ? 5 : 0);
      g_hash_table_insert (last, row, GUINT_TO_POINTER (i));
    }
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      gint64 id = g_array_index (self->items, DossierTimelineItem, p->index).id;

      if (p->next - p->end - 2 * LABEL_GAP >= self->code_width && find_label (self, id) == NULL)
        g_array_append_val (missing, id);
    }
  if (missing->len > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) read = dossier_store_timeline_labels (self->store, (gint64 *) missing->data, missing->len,
                                                                 self->lang, &error);

      if (read == NULL)
        g_warning ("Could not read the labels of the timeline: %s", error->message);
      /* Many pans later, start afresh rather than keep every label ever shown. */
      if (g_hash_table_size (self->labels) > 20000)
        g_hash_table_remove_all (self->labels);
      for (guint i = 0; read != NULL && i < read->len; i++)
        {
          DossierTimelineLabel *label = read->pdata[i];

          g_hash_table_insert (self->labels, g_memdup2 (&label->id, sizeof label->id), label_new (self, label));
        }
    }
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      Label *label = find_label (self, g_array_index (self->items, DossierTimelineItem, p->index).id);
      double room = p->next - p->end - 2 * LABEL_GAP;
      PangoLayout *layout;
      GdkRGBA ink = p->dimmed ? look->grid : look->foreground;
      int w, h;

      if (label == NULL || room < label->code_width)
        continue;
      layout = label->code;
      if (titles && room >= label->code_width + MIN_TITLE)
        {
          int cut = (int) MIN (room, MAX_LABEL);

          /* Cut only when it does not fit, and laid out again only for a new width. */
          if (label->full_width <= cut)
            cut = -1;
          if (cut != label->full_for)
            {
              pango_layout_set_width (label->full, cut < 0 ? -1 : cut * PANGO_SCALE);
              label->full_for = cut;
            }
          layout = label->full;
        }
      pango_layout_get_pixel_size (layout, &w, &h);
      if (backed)
        {
          /* Over the histogram's bars: on the ground's colour, to be read. */
          gdk_cairo_set_source_rgba (cr, &look->background);
          cairo_rectangle (cr, p->end + LABEL_GAP - 2, p->rect.origin.y + p->rect.size.height / 2 - h / 2.0 - 1, w + 4, h + 2);
          cairo_fill (cr);
        }
      draw_text (cr, layout, NULL, p->end + LABEL_GAP, p->rect.origin.y + p->rect.size.height / 2 - h / 2.0, &ink);
      if (areas != NULL)
        {
          DossierTimelineLabelArea area = {
            g_array_index (self->items, DossierTimelineItem, p->index).id,
            GRAPHENE_RECT_INIT (p->end + LABEL_GAP, p->rect.origin.y + p->rect.size.height / 2 - h / 2.0, w, h),
          };

          g_array_append_val (areas, area);
        }
    }
}

/* Where the selected incident is drawn over a histogram: at the top of its lane's band, so
 * that the investigator never loses it when zooming out. */
static gboolean
selected_over_histogram (DossierTimelineView *self,
                         GArray              *bands,
                         graphene_rect_t     *rect,
                         guint               *lane)
{
  DossierTimelineItem *item;
  Band band;
  guint index;

  item = self->selected > 0 ? find_item (self, self->selected, &index) : NULL;
  if (item == NULL || !in_view (self, item, dossier_timeline_view_day_at (self, view_width (self))))
    return FALSE;
  *lane = bands->len > 0 ? lane_of (self, index) : 0;
  band = bands->len > 0 ? g_array_index (bands, Band, *lane) : (Band) { AXIS_HEIGHT, ROW_HEIGHT, 1 };
  band.height = ROW_HEIGHT;
  band.top += 3;
  {
    DossierTimelineItem top = *item;

    top.row = 0;
    item_rect (self, &top, &band, rect);
  }
  return TRUE;
}

/* Draws the view; @screen adds what only the screen shows: the selection and the period
 * being brushed. */
static void
draw (DossierTimelineView *self,
      cairo_t             *cr,
      int                  width,
      int                  height,
      gboolean             screen,
      const DossierLook   *look)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  const DossierIncidentQuery *query = self->filter ? dossier_filter_get_query (self->filter) : NULL;
  double last_day = dossier_timeline_view_day_at (self, width);
  g_autoptr(GArray) bands = NULL;
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  guint hidden = 0;

  if (screen)
    g_array_set_size (self->label_areas, 0);
  if (look->print)
    set_figure_keys (self, last_day, width, height);
  gdk_cairo_set_source_rgba (cr, &look->background);
  cairo_paint (cr);

  ensure_layout (self);
  bands = lane_bands (self, &self->histogram);
  draw_axis (self, cr, layout, width, height, look);

  /* The filter's period, shaded; the brush being dragged, outlined. */
  if (query != NULL && (query->date_from != 0 || query->date_to != 0))
    {
      double x0 = query->date_from ? x_of_day (self, query->date_from) : marks_left (self);
      double x1 = query->date_to ? x_of_day (self, query->date_to + 1.0) : width;
      GdkRGBA shade = look->accent;

      shade.alpha *= 0.12;
      gdk_cairo_set_source_rgba (cr, &shade);
      cairo_rectangle (cr, x0, 0, x1 - x0, height - LEGEND_HEIGHT);
      cairo_fill (cr);
      shade.alpha = look->accent.alpha * 0.8;
      gdk_cairo_set_source_rgba (cr, &shade);
      cairo_rectangle (cr, x0, 0, x1 - x0, AXIS_HEIGHT);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  cairo_save (cr);
  cairo_rectangle (cr, marks_left (self), AXIS_HEIGHT, width - marks_left (self), height - AXIS_HEIGHT - LEGEND_HEIGHT);
  cairo_clip (cr);
  if (self->items != NULL && self->histogram)
    {
      /* Incidents per period, each spread over its span, per lane. */
      guint n_bins = (guint) ceil ((width - marks_left (self)) / BIN_WIDTH) + 1;
      guint n_lanes = bands->len;
      g_autofree double *bins = g_new0 (double, (gsize) n_bins * MAX (n_lanes, 1));
      double days_per_bin = BIN_WIDTH / self->per_day;
      graphene_rect_t chosen;
      guint chosen_lane;

      guint lane = 0;
      const char *code = NULL;

      for (guint i = 0; i < self->items->len; i++)
        {
          DossierTimelineItem *item = &g_array_index (self->items, DossierTimelineItem, i);
          double a, b;
          guint first, last;

          if (i > 0 && item->lane != code)
            lane++;
          code = item->lane;
          if (!in_view (self, item, last_day) || (n_lanes > 0 && lane >= n_lanes))
            continue;
          a = (item->start - self->first_day) / days_per_bin;
          b = (item->end + 1.0 - self->first_day) / days_per_bin;
          first = (guint) CLAMP (floor (a), 0, n_bins - 1);
          last = (guint) CLAMP (floor (b), 0, n_bins - 1);
          for (guint k = first; k <= last; k++)
            bins[lane * n_bins + k] += 1.0 / (last - first + 1);
        }
      for (guint l = 0; l < MAX (n_lanes, 1); l++)
        {
          Band *band = n_lanes ? &g_array_index (bands, Band, l) : NULL;
          double top = band ? band->top : AXIS_HEIGHT, h = band ? band->height : height - AXIS_HEIGHT - LEGEND_HEIGHT;
          double max = 0;

          for (guint k = 0; k < n_bins; k++)
            max = MAX (max, bins[l * n_bins + k]);
          if (max <= 0)
            continue;
          gdk_cairo_set_source_rgba (cr, &look->histogram);
          for (guint k = 0; k < n_bins; k++)
            if (bins[l * n_bins + k] > 0)
              {
                double bar = MAX (1, (h - 4) * bins[l * n_bins + k] / max);

                cairo_rectangle (cr, marks_left (self) + k * BIN_WIDTH, top + h - bar, BIN_WIDTH - 0.5, bar);
              }
          cairo_fill (cr);
        }
      /* The selected incident stays in view over the counts: its date as a rule down its
       * lane, its mark at the top, and its code. */
      if (screen && selected_over_histogram (self, bands, &chosen, &chosen_lane))
        {
          DossierTimelineItem *item = find_item (self, self->selected, NULL);
          Band *band = bands->len ? &g_array_index (bands, Band, chosen_lane) : NULL;
          double x = chosen.origin.x + chosen.size.width / 2;
          Placed p = { 0, chosen_lane, chosen, FALSE, 0, 0 };
          g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (Placed));
          guint index = 0;

          gdk_cairo_set_source_rgba (cr, &look->foreground);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, round (x) + 0.5, chosen.origin.y);
          cairo_line_to (cr, round (x) + 0.5, band ? band->top + band->height : height - LEGEND_HEIGHT);
          cairo_stroke (cr);
          gdk_cairo_set_source_rgba (cr, &look->background);
          cairo_rectangle (cr, chosen.origin.x - 4, chosen.origin.y - 4, chosen.size.width + 8, chosen.size.height + 8);
          cairo_fill (cr);
          draw_mark (self, cr, item, &chosen, key_style (self, item->key), look, FALSE, TRUE);
          find_item (self, self->selected, &index);
          p.index = index;
          g_array_append_val (one, p);
          draw_labels (self, cr, one, width, FALSE, TRUE, look, self->label_areas);
        }
    }
  else if (self->items != NULL)
    {
      guint lane = 0;
      const char *code = NULL;

      for (guint i = 0; i < self->items->len; i++)
        {
          DossierTimelineItem *item = &g_array_index (self->items, DossierTimelineItem, i);
          Placed p;

          if (i > 0 && item->lane != code)
            lane++;
          code = item->lane;
          if (!in_view (self, item, last_day) || lane >= bands->len)
            continue;
          if (!row_shown (self, item, &g_array_index (bands, Band, lane)))
            {
              hidden++;
              continue;
            }
          p.index = i;
          p.lane = lane;
          p.dimmed = query != NULL && ((query->date_from != 0 && item->end < query->date_from) ||
                                       (query->date_to != 0 && item->start > query->date_to));
          item_rect (self, item, &g_array_index (bands, Band, lane), &p.rect);
          draw_mark (self, cr, item, &p.rect, key_style (self, item->key), look, p.dimmed,
                     screen && item->id == self->selected);
          g_array_append_val (placed, p);
        }
      draw_labels (self, cr, placed, width, !look->print, FALSE, look, screen ? self->label_areas : NULL);
    }
  cairo_restore (cr);

  /* Lanes: their names and borders. */
  if (self->lanes != DOSSIER_LANES_NONE && self->lane_codes != NULL)
    for (guint l = 0; l < bands->len; l++)
      {
        Band *band = &g_array_index (bands, Band, l);
        const char *lane = self->lane_codes->pdata[l];
        g_autofree char *label = *lane ? dossier_store_vocab_label (self->store, lane_scheme (self->lanes), lane, self->lang)
                                       : g_strdup (tr (self, "timeline lane", NC_("timeline lane", "Unknown")));

        gdk_cairo_set_source_rgba (cr, &look->grid);
        cairo_rectangle (cr, 0, round (band->top) + 0.5, width, 0);
        cairo_set_line_width (cr, 1);
        cairo_stroke (cr);
        if (band->height >= 10)
          {
            pango_layout_set_width (layout, (LANE_LABELS - 8) * PANGO_SCALE);
            pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
            draw_text (cr, layout, label, 4, band->top + MAX (0, band->height / 2 - 7), &look->foreground);
            pango_layout_set_width (layout, -1);
            pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
          }
      }

  if (screen && self->brushing)
    {
      GdkRGBA brush = look->accent;

      brush.alpha *= 0.25;
      gdk_cairo_set_source_rgba (cr, &brush);
      cairo_rectangle (cr, MIN (self->brush_x1, self->brush_x2), 0, fabs (self->brush_x2 - self->brush_x1),
                       height - LEGEND_HEIGHT);
      cairo_fill (cr);
    }
  if (hidden > 0)
    {
      g_autofree char *more = NULL;
      int w, h;

      if (self->catalog != NULL)
        more = g_strdup_printf (dossier_catalog_nget (self->catalog, "%u more incident in view, on rows below: zoom in or filter",
                                                      "%u more incidents in view, on rows below: zoom in or filter", hidden), hidden);
      else
        more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more incident in view, on rows below: zoom in or filter",
                                             "%u more incidents in view, on rows below: zoom in or filter", hidden), hidden);

      /* At the bottom right, wrapped in a narrow view rather than cut at the left. */
      pango_layout_set_text (layout, more, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (w > width - 24)
        {
          pango_layout_set_width (layout, MAX (width - 24, 40) * PANGO_SCALE);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_get_pixel_size (layout, &w, &h);
        }
      gdk_cairo_set_source_rgba (cr, &look->background);
      cairo_rectangle (cr, width - w - 12, height - LEGEND_HEIGHT - h - 4, w + 12, h + 4);
      cairo_fill (cr);
      draw_text (cr, layout, NULL, width - w - 6, height - LEGEND_HEIGHT - h - 2, &look->warning);
      pango_layout_set_width (layout, -1);
    }
  if (self->items != NULL && self->items->len == 0)
    {
      const char *empty;

      /* Without a filter, nothing has a date yet: say how to give one. */
      if (self->catalog != NULL)
        empty = tr (self, NULL, N_("None of these incidents has a date"));
      else if (self->filter == NULL || dossier_filter_is_empty (self->filter))
        empty = _("No incident has a date yet. Type one in an incident’s Date, such as 2022-03-27, to see it here.");
      else
        empty = _("No dated incident matches the filter");
      pango_layout_set_width (layout, MAX (width - marks_left (self) - 24, 40) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      draw_text (cr, layout, empty, marks_left (self) + 12, AXIS_HEIGHT + 12, &look->dim);
      pango_layout_set_width (layout, -1);
    }
  draw_legend (self, cr, layout, width, height, look);
  /* The screen's legend has no keys: its colours are the map's, whose legend is beside it. */
  g_array_set_size (self->figure_keys, 0);
}

static void
dossier_timeline_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  DossierLook look;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  if (!self->fitted && self->items != NULL)
    self->fitted = dossier_timeline_view_fit_all (self);
  dossier_look_from_widget (widget, &look);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width, height, TRUE, &look);
  cairo_destroy (cr);
  if (gtk_widget_has_focus (widget))
    {
      GdkRGBA focus = look.accent;

      focus.alpha *= 0.8;
      gtk_snapshot_append_border (snapshot, &GSK_ROUNDED_RECT_INIT (1, 1, width - 2, height - 2),
                                  (float[]) { 2, 2, 2, 2 }, (GdkRGBA[]) { focus, focus, focus, focus });
    }
}

/**
 * dossier_timeline_view_render:
 * @self: a #DossierTimelineView
 *
 * Returns: (transfer full): the view drawn afresh, for the investigator's own figure:
 *   without the selection, which only the screen needs, and dark on white for print
 *   whatever the screen's style
 */
GskRenderNode *
dossier_timeline_view_render (DossierTimelineView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  DossierLook look;
  cairo_t *cr;

  dossier_look_for_print (&look);
  if (width > 0 && height > 0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      draw (self, cr, width, height, FALSE, &look);
      cairo_destroy (cr);
    }
  return gtk_snapshot_free_to_node (snapshot);
}

/**
 * dossier_timeline_view_get_frame:
 * @self: a #DossierTimelineView
 * @frame: (out caller-allocates): the period shown, the view's size, colours and lanes
 *
 * Returns: %TRUE if the timeline is shown; if not, @frame has no size
 */
gboolean
dossier_timeline_view_get_frame (DossierTimelineView  *self,
                                 DossierTimelineFrame *frame)
{
  gboolean shown;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), FALSE);

  shown = gtk_widget_get_mapped (GTK_WIDGET (self)) && gtk_widget_get_width (GTK_WIDGET (self)) > 0 &&
          gtk_widget_get_height (GTK_WIDGET (self)) > 0;
  frame->first_day = self->first_day;
  frame->last_day = dossier_timeline_view_day_at (self, gtk_widget_get_width (GTK_WIDGET (self)));
  frame->width = shown ? gtk_widget_get_width (GTK_WIDGET (self)) : 0;
  frame->height = shown ? gtk_widget_get_height (GTK_WIDGET (self)) : 0;
  frame->colour_by = self->colour_by;
  frame->lanes = self->lanes;
  return shown;
}

/**
 * dossier_timeline_view_render_figure:
 * @store: the dossier
 * @incident_ids: (nullable) (element-type gint64): the incidents to show, in order of
 *   their ids (those the export's profile lets out), or %NULL for all
 * @frame: the period and size to draw; one of no size is fitted to the incidents
 * @lang: the figure's language, "fr" or "en"
 * @drawn: (out caller-allocates) (optional): the frame drawn
 * @error: return location for a #GError
 *
 * Draws the timeline of @incident_ids for a document, and nothing else of the dossier:
 * a timeline of its own, never shown, so that the figure says what the document's profile
 * lets out rather than what the screen shows (no selection, no filter's shading).
 *
 * Returns: (transfer full): the drawing, of @drawn's size, or %NULL
 */
GskRenderNode *
dossier_timeline_view_render_figure (DossierStore               *store,
                                     GArray                     *incident_ids,
                                     const DossierTimelineFrame *frame,
                                     const char                 *lang,
                                     DossierTimelineFrame       *drawn,
                                     GError                    **error)
{
  g_autoptr(DossierCatalog) catalog = NULL;
  g_autoptr(DossierTimelineView) self = NULL;
  g_autoptr(GArray) all = NULL;
  GtkSnapshot *snapshot;
  DossierLook look;
  cairo_t *cr;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (frame != NULL, NULL);

  catalog = dossier_catalog_new (lang, error);
  if (catalog == NULL)
    return NULL;
  all = dossier_store_timeline_items (store, NULL, frame->colour_by, frame->lanes, error);
  if (all == NULL)
    return NULL;

  self = g_object_ref_sink (g_object_new (DOSSIER_TYPE_TIMELINE_VIEW, NULL));
  self->store = g_object_ref (store);
  self->lang = g_strdup (lang);
  self->catalog = g_steal_pointer (&catalog);
  self->colour_by = frame->colour_by;
  self->lanes = frame->lanes;
  self->figure_width = frame->width > 0 && frame->height > 0 ? frame->width : FIGURE_WIDTH;
  self->figure_height = frame->width > 0 && frame->height > 0 ? frame->height : FIGURE_HEIGHT;
  self->items = g_array_sized_new (FALSE, FALSE, sizeof (DossierTimelineItem), all->len);
  for (guint i = 0; i < all->len; i++)
    {
      DossierTimelineItem *item = &g_array_index (all, DossierTimelineItem, i);

      if (incident_ids == NULL ||
          bsearch (&item->id, incident_ids->data, incident_ids->len, sizeof (gint64), dossier_compare_ids) != NULL)
        g_array_append_val (self->items, *item);
    }
  if (frame->width > 0 && frame->height > 0)
    dossier_timeline_view_set_period (self, frame->first_day, frame->last_day);
  else
    dossier_timeline_view_fit_all (self);

  snapshot = gtk_snapshot_new ();
  dossier_look_for_print (&look);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->figure_width, self->figure_height));
  draw (self, cr, self->figure_width, self->figure_height, FALSE, &look);
  cairo_destroy (cr);
  if (drawn != NULL)
    {
      *drawn = *frame;
      drawn->first_day = self->first_day;
      drawn->last_day = dossier_timeline_view_day_at (self, self->figure_width);
      drawn->width = self->figure_width;
      drawn->height = self->figure_height;
    }
  return gtk_snapshot_free_to_node (snapshot);
}

/* The selected incident in words ("INC-0001, 27–31 March 2022"), read when the selection
 * changes rather than at every frame of a pan. */
static void
describe_selected (DossierTimelineView *self)
{
  g_autoptr(DossierIncident) incident = NULL;

  g_clear_pointer (&self->selected_text, g_free);
  if (self->selected > 0)
    incident = dossier_store_load (self->store, DOSSIER_TYPE_INCIDENT, self->selected, NULL);
  if (incident != NULL)
    {
      g_autofree char *date = dossier_edtf_format_string (incident->date_edtf, self->lang);

      self->selected_text = g_strdup_printf ("%s, %s", DOSSIER_RECORD (incident)->code, date ? date : "");
    }
}

static void
update_description (DossierTimelineView *self)
{
  g_autofree char *from = dossier_timeline_format_day (self->first_day, self->lang);
  g_autofree char *to = dossier_timeline_format_day (dossier_timeline_view_day_at (self, gtk_widget_get_width (GTK_WIDGET (self))),
                                                     self->lang);
  g_autofree char *description = NULL;

  if (self->selected_text != NULL)
    /* Translators: what a screen reader says of the timeline: the period shown, then the
     * incident selected (its code and date) */
    description = g_strdup_printf (_("From %s to %s; selected: %s"), from, to, self->selected_text);
  else
    /* Translators: what a screen reader says of the timeline: the period shown */
    description = g_strdup_printf (_("From %s to %s; nothing selected"), from, to);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
view_changed (DossierTimelineView *self)
{
  self->per_day = CLAMP (self->per_day, MIN_PER_DAY, MAX_PER_DAY);
  self->first_day = CLAMP (self->first_day, 1, 3652059);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_view_get_period (DossierTimelineView *self,
                                  double              *first_day,
                                  double              *last_day)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  *first_day = self->first_day;
  *last_day = dossier_timeline_view_day_at (self, gtk_widget_get_width (GTK_WIDGET (self)));
}

/**
 * dossier_timeline_view_set_period:
 * @self: a #DossierTimelineView
 * @first_day: the day to show at the left (GDate julian day)
 * @last_day: the day to show at the right
 */
void
dossier_timeline_view_set_period (DossierTimelineView *self,
                                  double               first_day,
                                  double               last_day)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  if (!(last_day > first_day))
    return;
  self->per_day = marks_width (self) / (last_day - first_day);
  self->first_day = first_day;
  self->fitted = TRUE;
  view_changed (self);
}

/* Shows days @from to @to (inclusive) with a margin. */
static void
show_span (DossierTimelineView *self,
           double               from,
           double               to)
{
  double span = MAX (to - from, 14), margin = span * 0.05;

  dossier_timeline_view_set_period (self, from - margin, from + span + margin);
}

/**
 * dossier_timeline_view_fit_all:
 * @self: a #DossierTimelineView
 *
 * Returns: %TRUE if there are items to fit
 */
gboolean
dossier_timeline_view_fit_all (DossierTimelineView *self)
{
  guint32 from = G_MAXUINT32, to = 0;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), FALSE);

  for (guint i = 0; self->items && i < self->items->len; i++)
    {
      DossierTimelineItem *item = &g_array_index (self->items, DossierTimelineItem, i);

      from = MIN (from, item->start);
      to = MAX (to, item->end + 1);
    }
  if (from > to)
    return FALSE;
  show_span (self, from, to);
  return TRUE;
}

static DossierTimelineItem *
find_item (DossierTimelineView *self,
           gint64               id,
           guint               *index)
{
  guint i = self->items ? GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, &id)) : 0;

  if (i == 0)
    return NULL;
  if (index != NULL)
    *index = i - 1;
  return &g_array_index (self->items, DossierTimelineItem, i - 1);
}

gboolean
dossier_timeline_view_fit_selection (DossierTimelineView *self)
{
  DossierTimelineItem *item;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), FALSE);
  item = find_item (self, self->selected, NULL);
  if (item == NULL)
    return FALSE;
  show_span (self, item->start, item->end + 1.0);
  return TRUE;
}

/**
 * dossier_timeline_view_zoom:
 * @self: a #DossierTimelineView
 * @factor: more than 1 to zoom in
 * @x: the position that stays put
 */
void
dossier_timeline_view_zoom (DossierTimelineView *self,
                            double               factor,
                            double               x)
{
  double day;

  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  day = dossier_timeline_view_day_at (self, x);
  self->per_day = CLAMP (self->per_day * factor, MIN_PER_DAY, MAX_PER_DAY);
  self->first_day = day - (x - marks_left (self)) / self->per_day;
  view_changed (self);
}

void
dossier_timeline_view_pan (DossierTimelineView *self,
                           double               pixels)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  self->first_day += pixels / self->per_day;
  view_changed (self);
}

gboolean
dossier_timeline_view_shows_histogram (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), FALSE);
  return self->histogram;
}

/**
 * dossier_timeline_view_item_area:
 * @self: a #DossierTimelineView
 * @id: an incident
 * @area: (out): where it is drawn
 *
 * Returns: %TRUE if it is drawn: in view and not summed in a histogram, or selected (drawn
 *   over the histogram)
 */
gboolean
dossier_timeline_view_item_area (DossierTimelineView *self,
                                 gint64               id,
                                 graphene_rect_t     *area)
{
  g_autoptr(GArray) bands = NULL;
  DossierTimelineItem *item;
  gboolean histogram;
  guint index;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), FALSE);
  item = find_item (self, id, &index);
  if (item == NULL)
    return FALSE;
  ensure_layout (self);
  bands = lane_bands (self, &histogram);
  if (histogram && id == self->selected)
    {
      guint lane;

      return selected_over_histogram (self, bands, area, &lane);
    }
  if (histogram || !in_view (self, item, dossier_timeline_view_day_at (self, gtk_widget_get_width (GTK_WIDGET (self)))))
    return FALSE;
  if (!row_shown (self, item, &g_array_index (bands, Band, lane_of (self, index))))
    return FALSE;
  item_rect (self, item, &g_array_index (bands, Band, lane_of (self, index)), area);
  return TRUE;
}

/**
 * dossier_timeline_view_pick:
 * @self: a #DossierTimelineView
 * @x: a point of the widget
 * @y:
 *
 * Returns: the incident drawn there, or 0
 */
gint64
dossier_timeline_view_pick (DossierTimelineView *self,
                            double               x,
                            double               y)
{
  g_autoptr(GArray) bands = NULL;
  double last_day;
  gboolean histogram;
  guint lane = 0;
  const char *code = NULL;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), 0);
  if (self->items == NULL || x < marks_left (self))
    return 0;
  ensure_layout (self);
  bands = lane_bands (self, &histogram);
  if (histogram)
    return 0;
  last_day = dossier_timeline_view_day_at (self, gtk_widget_get_width (GTK_WIDGET (self)));
  for (guint i = 0; i < self->items->len; i++)
    {
      DossierTimelineItem *item = &g_array_index (self->items, DossierTimelineItem, i);
      graphene_rect_t r;

      if (i > 0 && item->lane != code)
        lane++;
      code = item->lane;
      if (!in_view (self, item, last_day) || lane >= bands->len || !row_shown (self, item, &g_array_index (bands, Band, lane)))
        continue;
      item_rect (self, item, &g_array_index (bands, Band, lane), &r);
      graphene_rect_inset (&r, -2, -2);
      if (graphene_rect_contains_point (&r, &GRAPHENE_POINT_INIT (x, y)))
        return item->id;
    }
  return 0;
}

/**
 * dossier_timeline_view_set_selected:
 * @self: a #DossierTimelineView
 * @id: an incident, or 0
 *
 * Marks it, and brings it into view if it is out of it (the zoom stays).
 */
void
dossier_timeline_view_set_selected (DossierTimelineView *self,
                                    gint64               id)
{
  DossierTimelineItem *item;

  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  if (self->selected != id || self->selected_text == NULL)
    {
      self->selected = id;
      describe_selected (self);
    }
  item = find_item (self, id, NULL);
  if (item != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      double last_day = dossier_timeline_view_day_at (self, gtk_widget_get_width (GTK_WIDGET (self)));

      if (!in_view (self, item, last_day))
        self->first_day = (item->start + item->end + 1.0) / 2 - (last_day - self->first_day) / 2;
    }
  view_changed (self);
}

gint64
dossier_timeline_view_get_selected (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), 0);
  return self->selected;
}

static void
activate (DossierTimelineView *self,
          gint64               id)
{
  dossier_timeline_view_set_selected (self, id);
  g_signal_emit (self, signals[INCIDENT_ACTIVATED], 0, id);
}

/**
 * dossier_timeline_view_brush:
 * @self: a #DossierTimelineView
 * @x1: one end of the period brushed, across the widget
 * @x2: the other
 *
 * Sets the shared filter's period to the days between @x1 and @x2.
 */
void
dossier_timeline_view_brush (DossierTimelineView *self,
                             double               x1,
                             double               x2)
{
  double a, b;

  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  if (self->filter == NULL)
    return;
  a = dossier_timeline_view_day_at (self, MIN (x1, x2));
  b = dossier_timeline_view_day_at (self, MAX (x1, x2));
  dossier_filter_set_period (self->filter, (guint32) CLAMP (floor (a), 1, 3652059), (guint32) CLAMP (floor (b), 1, 3652059));
}

static void
on_drag_begin (GtkGestureDrag      *gesture,
               double               x,
               double               y,
               DossierTimelineView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_x = x;
  self->drag_first_day = self->first_day;
  self->brushing = y < AXIS_HEIGHT || (state & GDK_SHIFT_MASK);
  self->brush_x1 = self->brush_x2 = x;
}

static void
on_drag_update (GtkGestureDrag      *gesture,
                double               dx,
                double               dy,
                DossierTimelineView *self)
{
  if (self->brushing)
    self->brush_x2 = self->drag_x + dx;
  else
    self->first_day = self->drag_first_day - dx / self->per_day;
  view_changed (self);
}

static void
on_drag_end (GtkGestureDrag      *gesture,
             double               dx,
             double               dy,
             DossierTimelineView *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (fabs (dx) < 3 && fabs (dy) < 3)
    {
      gint64 id = dossier_timeline_view_pick (self, x, y);

      self->brushing = FALSE;
      if (id > 0)
        activate (self, id);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  if (self->brushing)
    {
      self->brushing = FALSE;
      dossier_timeline_view_brush (self, x, x + dx);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           DossierTimelineView      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    dossier_timeline_view_zoom (self, pow (1.25, -dy), self->pointer_x);
  else
    dossier_timeline_view_pan (self, (fabs (dx) > fabs (dy) ? dx : dy) * 40);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           DossierTimelineView      *self)
{
  self->pointer_x = x;
}

static void
on_zoom_begin (GtkGesture          *gesture,
               GdkEventSequence    *sequence,
               DossierTimelineView *self)
{
  self->zoom_scale = 1;
}

static void
on_zoom_changed (GtkGestureZoom      *gesture,
                 double               scale,
                 DossierTimelineView *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  if (self->zoom_scale > 0 && scale > 0)
    dossier_timeline_view_zoom (self, scale / self->zoom_scale, x);
  self->zoom_scale = scale;
}

/**
 * dossier_timeline_view_step:
 * @self: a #DossierTimelineView
 * @direction: -1 for the incident before the selected one in time, 1 for the one after
 *
 * What [ and ] do: the selection moves, and the lists and the map follow.
 */
void
dossier_timeline_view_step (DossierTimelineView *self,
                            int                  direction)
{
  guint index = 0, at = 0;
  gboolean found = FALSE;

  if (self->items == NULL || self->items->len == 0)
    return;
  if (find_item (self, self->selected, &index) != NULL)
    for (guint k = 0; k < self->order->len; k++)
      if (g_array_index (self->order, guint, k) == index)
        {
          at = k;
          found = TRUE;
          break;
        }
  if (!found)
    {
      /* From the view: the first incident in it. */
      for (at = 0; at + 1 < self->order->len; at++)
        if (g_array_index (self->items, DossierTimelineItem, g_array_index (self->order, guint, at)).end + 1.0 >= self->first_day)
          break;
    }
  else if (direction < 0 && at > 0)
    at--;
  else if (direction > 0 && at + 1 < self->order->len)
    at++;
  activate (self, g_array_index (self->items, DossierTimelineItem, g_array_index (self->order, guint, at)).id);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        DossierTimelineView   *self)
{
  double middle = marks_left (self) + marks_width (self) / 2;

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      dossier_timeline_view_zoom (self, 1.5, middle);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      dossier_timeline_view_zoom (self, 1 / 1.5, middle);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      dossier_timeline_view_pan (self, -marks_width (self) / 8);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dossier_timeline_view_pan (self, marks_width (self) / 8);
      return TRUE;
    case GDK_KEY_Home:
      dossier_timeline_view_fit_all (self);
      return TRUE;
    case GDK_KEY_bracketleft:
      dossier_timeline_view_step (self, -1);
      return TRUE;
    case GDK_KEY_bracketright:
      dossier_timeline_view_step (self, 1);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
on_query_tooltip (GtkWidget           *widget,
                  int                  x,
                  int                  y,
                  gboolean             keyboard,
                  GtkTooltip          *tooltip,
                  DossierTimelineView *self)
{
  gint64 id = keyboard ? self->selected : dossier_timeline_view_pick (self, x, y);
  g_autoptr(DossierIncident) incident = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;

  if (id <= 0 || (incident = dossier_store_load (self->store, DOSSIER_TYPE_INCIDENT, id, NULL)) == NULL)
    return FALSE;
  date = *incident->date_edtf ? dossier_edtf_format_string (incident->date_edtf, self->lang) : g_strdup ("");
  text = g_strdup_printf ("%s · %s\n%s", DOSSIER_RECORD (incident)->code, date ? date : "",
                          dossier_incident_get_title (incident, self->lang, NULL));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
dossier_timeline_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (widget);

  if (!self->fitted && self->items != NULL && width > 0)
    self->fitted = dossier_timeline_view_fit_all (self);
}

static void
dossier_timeline_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : AXIS_HEIGHT + 2 * LEGEND_LINE + 4 * MIN_ROW;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 240;
}

static void
dossier_timeline_view_dispose (GObject *object)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (object);

  if (self->worker != NULL)
    dossier_query_worker_stop (self->worker);
  g_clear_object (&self->worker);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (dossier_timeline_view_parent_class)->dispose (object);
}

static void
dossier_timeline_view_finalize (GObject *object)
{
  DossierTimelineView *self = DOSSIER_TIMELINE_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->all_items, g_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->lane_codes, g_ptr_array_unref);
  g_clear_pointer (&self->lane_rows, g_array_unref);
  g_clear_pointer (&self->styles, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->label_areas, g_array_unref);
  g_clear_pointer (&self->figure_keys, g_array_unref);
  g_clear_pointer (&self->shown_query, dossier_incident_query_free);
  g_clear_pointer (&self->selected_text, g_free);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->catalog, dossier_catalog_free);
  G_OBJECT_CLASS (dossier_timeline_view_parent_class)->finalize (object);
}

static void
dossier_timeline_view_class_init (DossierTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_timeline_view_dispose;
  object_class->finalize = dossier_timeline_view_finalize;
  widget_class->snapshot = dossier_timeline_view_snapshot;
  widget_class->measure = dossier_timeline_view_measure;
  widget_class->size_allocate = dossier_timeline_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "dossier-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /* An incident was chosen on the timeline (click, [ or ]): its id. */
  signals[INCIDENT_ACTIVATED] = g_signal_new ("incident-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
dossier_timeline_view_init (DossierTimelineView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->styles = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) label_free);
  self->label_areas = g_array_new (FALSE, FALSE, sizeof (DossierTimelineLabelArea));
  self->figure_keys = g_array_new (FALSE, FALSE, sizeof (FigureKey));
  g_array_set_clear_func (self->figure_keys, figure_key_clear);
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->layout_level = G_MININT;
  self->legend_height = LEGEND_LINE + 4;
  self->per_day = 1;
  self->first_day = 730000;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  dossier_look_watch (GTK_WIDGET (self));

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

static gboolean
same_but_period (const DossierIncidentQuery *a,
                 const DossierIncidentQuery *b)
{
  return g_strcmp0 (a->text, b->text) == 0 && g_strcmp0 (a->admin1, b->admin1) == 0 &&
         g_strcmp0 (a->violation_type, b->violation_type) == 0 && a->actor_id == b->actor_id &&
         g_strcmp0 (a->verification, b->verification) == 0 && g_strcmp0 (a->admin2, b->admin2) == 0 &&
         g_strcmp0 (a->protection, b->protection) == 0;
}

static void
on_filter_changed (DossierTimelineView *self)
{
  const DossierIncidentQuery *query = dossier_filter_get_query (self->filter);

  /* A new period (brushed here, most often) only moves the shading: the timeline shows
   * the items outside it too. Anything else is read again. */
  if (self->shown_query == NULL || !same_but_period (self->shown_query, query))
    {
      g_clear_pointer (&self->shown_query, dossier_incident_query_free);
      self->shown_query = dossier_incident_query_copy (query);
      dossier_query_worker_queue (self->worker);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dossier_timeline_view_new:
 * @store: the dossier
 * @filter: (nullable): the shared filter, followed
 * @lang: "fr" or "en"
 *
 * Returns: (transfer full): a new timeline
 */
GtkWidget *
dossier_timeline_view_new (DossierStore  *store,
                           DossierFilter *filter,
                           const char    *lang)
{
  DossierTimelineView *self;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  self = g_object_new (DOSSIER_TYPE_TIMELINE_VIEW, NULL);
  self->store = g_object_ref (store);
  self->worker = dossier_query_worker_new (store, &worker_funcs, self);
  self->lang = g_strdup (lang);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
  if (filter != NULL)
    {
      self->filter = g_object_ref (filter);
      self->shown_query = dossier_incident_query_copy (dossier_filter_get_query (filter));
      g_signal_connect_swapped (filter, "changed", G_CALLBACK (on_filter_changed), self);
    }
  dossier_query_worker_queue (self->worker);
  return GTK_WIDGET (self);
}

void
dossier_timeline_view_set_colour_by (DossierTimelineView *self,
                                     DossierColourBy      colour_by)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  if (self->colour_by == colour_by)
    return;
  self->colour_by = colour_by;
  g_hash_table_remove_all (self->styles);
  g_clear_pointer (&self->all_items, g_array_unref);
  dossier_query_worker_invalidate (self->worker);
}

void
dossier_timeline_view_set_lanes (DossierTimelineView *self,
                                 DossierLanes         lanes)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  if (self->lanes == lanes)
    return;
  /* The same period stays in view, though the lanes' names take room on the left. */
  {
    double first = self->first_day, last = dossier_timeline_view_day_at (self, gtk_widget_get_width (GTK_WIDGET (self)));

    self->lanes = lanes;
    if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
      dossier_timeline_view_set_period (self, first, last);
  }
  g_clear_pointer (&self->all_items, g_array_unref);
  dossier_query_worker_invalidate (self->worker);
}

/* The incidents changed (an edit): read them again. */
void
dossier_timeline_view_refresh (DossierTimelineView *self)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  g_clear_pointer (&self->all_items, g_array_unref);
  g_hash_table_remove_all (self->labels);
  describe_selected (self);
  dossier_query_worker_invalidate (self->worker);
}

gboolean
dossier_timeline_view_is_busy (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), FALSE);
  return (self->worker != NULL && dossier_query_worker_is_busy (self->worker)) || self->items == NULL;
}

/* The items read for the filter, with their rows for the current zoom. */
GArray *
dossier_timeline_view_get_items (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), NULL);
  ensure_layout (self);
  return self->items;
}

/**
 * dossier_timeline_view_get_label_areas:
 * @self: a #DossierTimelineView
 *
 * Returns: (transfer none) (element-type DossierTimelineLabelArea): the labels the last
 *   frame wrote beside their marks, and where
 */
GArray *
dossier_timeline_view_get_label_areas (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), NULL);
  return self->label_areas;
}

/* The height of the band at the bottom, with the marks' legend or the histogram's message. */
int
dossier_timeline_view_get_legend_height (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), 0);
  return self->legend_height;
}
