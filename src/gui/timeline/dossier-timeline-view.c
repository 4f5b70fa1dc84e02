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
 *
 * The view is written in five files, by concern: the widget, what it reads and the period
 * it shows (this file), drawing (-draw.c), the legend (-legend.c), the marks' labels
 * (-labels.c), and the pointer and the keyboard (-input.c).
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "dossier-edtf.h"
#include "dossier-incident.h"
#include "dossier-test-hooks.h"
#include "dossier-timeline-view-private.h"
#include "dossier-vocab.h"

G_DEFINE_FINAL_TYPE (DossierTimelineView, dossier_timeline_view, GTK_TYPE_WIDGET)

/* The size drawn: the widget's, or a figure's. */
int
_dossier_timeline_view_view_width (DossierTimelineView *self)
{
  return self->figure_width > 0 ? self->figure_width : gtk_widget_get_width (GTK_WIDGET (self));
}

int
_dossier_timeline_view_view_height (DossierTimelineView *self)
{
  return self->figure_height > 0 ? self->figure_height : gtk_widget_get_height (GTK_WIDGET (self));
}

const char *
_dossier_timeline_view_tr (DossierTimelineView *self,
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

double
_dossier_timeline_view_marks_left (DossierTimelineView *self)
{
  return self->lanes != DOSSIER_LANES_NONE ? LANE_LABELS : 0;
}

double
_dossier_timeline_view_marks_width (DossierTimelineView *self)
{
  return MAX (1, _dossier_timeline_view_view_width (self) - _dossier_timeline_view_marks_left (self));
}

double
_dossier_timeline_view_x_of_day (DossierTimelineView *self,
          double               day)
{
  return _dossier_timeline_view_marks_left (self) + (day - self->first_day) * self->per_day;
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
  return self->first_day + (x - _dossier_timeline_view_marks_left (self)) / self->per_day;
}


/* A key's colour and shape: the term's, as on the map and everywhere else; kept by the
 * interned key, as a frame asks for thousands. */
const DossierTermStyle *
_dossier_timeline_view_key_style (DossierTimelineView *self,
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
void
_dossier_timeline_view_ensure_layout (DossierTimelineView *self)
{
  int level = (int) floor (log2 (self->per_day));

  if (self->items == NULL || level == self->layout_level)
    return;
  self->layout_level = level;
  g_clear_pointer (&self->lane_codes, g_ptr_array_unref);
  g_clear_pointer (&self->lane_rows, g_array_unref);
  self->lane_codes = dossier_timeline_layout (self->items, MIN_MARK / pow (2, level), &self->lane_rows);
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
      g_autofree char *date = dossier_edtf_format_string (dossier_incident_get_date_edtf (incident), self->lang);

      self->selected_text = g_strdup_printf ("%s, %s", dossier_record_get_code (DOSSIER_RECORD (incident)), date ? date : "");
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

void
_dossier_timeline_view_view_changed (DossierTimelineView *self)
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
  self->per_day = _dossier_timeline_view_marks_width (self) / (last_day - first_day);
  self->first_day = first_day;
  self->fitted = TRUE;
  _dossier_timeline_view_view_changed (self);
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

DossierTimelineItem *
_dossier_timeline_view_find_item (DossierTimelineView *self,
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
  item = _dossier_timeline_view_find_item (self, self->selected, NULL);
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
  self->first_day = day - (x - _dossier_timeline_view_marks_left (self)) / self->per_day;
  _dossier_timeline_view_view_changed (self);
}

void
dossier_timeline_view_pan (DossierTimelineView *self,
                           double               pixels)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_VIEW (self));
  self->first_day += pixels / self->per_day;
  _dossier_timeline_view_view_changed (self);
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
  item = _dossier_timeline_view_find_item (self, id, NULL);
  if (item != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      double last_day = dossier_timeline_view_day_at (self, gtk_widget_get_width (GTK_WIDGET (self)));

      if (!_dossier_timeline_view_in_view (self, item, last_day))
        self->first_day = (item->start + item->end + 1.0) / 2 - (last_day - self->first_day) / 2;
    }
  _dossier_timeline_view_view_changed (self);
}

gint64
dossier_timeline_view_get_selected (DossierTimelineView *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_VIEW (self), 0);
  return self->selected;
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
  widget_class->snapshot = _dossier_timeline_view_snapshot;
  widget_class->measure = dossier_timeline_view_measure;
  widget_class->size_allocate = dossier_timeline_view_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "dossier-timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  _dossier_timeline_view_input_class_init (widget_class);
}

static void
dossier_timeline_view_init (DossierTimelineView *self)
{
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->styles = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) _dossier_timeline_view_label_free);
  self->label_areas = g_array_new (FALSE, FALSE, sizeof (DossierTimelineLabelArea));
  self->figure_keys = g_array_new (FALSE, FALSE, sizeof (FigureKey));
  g_array_set_clear_func (self->figure_keys, _dossier_timeline_view_figure_key_clear);
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->layout_level = G_MININT;
  self->legend_height = LEGEND_LINE + 4;
  self->per_day = 1;
  self->first_day = 730000;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  dossier_look_watch (GTK_WIDGET (self));
  _dossier_timeline_view_input_init (self);

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
  _dossier_timeline_view_ensure_layout (self);
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
