/* dossier-incident-layer.c: the filter's incidents on the map, gathered in clusters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget draws every incident: a marker widget per incident (ShumateMarkerLayer) takes
 * seconds to add 20,000 and half a second a frame to pan them. The incidents inside the
 * view (and half a view around it) are read through the spatial index and gathered into
 * clusters on a screen grid, in a worker thread with its own read-only connection; frames
 * only place the clusters already made. A new query runs when the view leaves the area read,
 * when the zoom crosses a whole level, or when the filter changes.
 *
 * An incident is drawn in its term's colour and shape (dossier-palette.c), the same on the
 * timeline, in the charts and in figures. A cluster shows its mix: a ring of its terms'
 * colours in their shares around its count, its shares counted while the cluster was made.
 * A cluster is drawn once into a small image when it is first shown, and frames only copy
 * those images: drawing the rings afresh made a frame of the layer four times slower with
 * GTK's cairo renderer (2.5 → 11 ms median over bench-map's flight; as conic gradients or
 * as arcs alike). The drawing is in dossier-incident-layer-draw.c.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-edtf.h"
#include "dossier-incident.h"
#include "dossier-incident-layer-private.h"
#include "dossier-test-hooks.h"
#include "dossier-look.h"
#include "dossier-query-worker.h"
#include "dossier-vocab.h"

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierIncidentLayer, dossier_incident_layer, SHUMATE_TYPE_LAYER)

typedef struct {
  DossierIncidentQuery *query;
  double                box[4];
  int                   zoom;
  DossierColourBy       colour_by;
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->query, dossier_incident_query_free);
  g_free (job);
}

static const char *
scheme_of (DossierColourBy colour_by)
{
  return colour_by == DOSSIER_COLOUR_BY_VERIFICATION ? "verification-status" : "violation-type";
}

/* A key's colour and shape, as everywhere else (dossier_palette_term_style()); asked for
 * by the hundred each frame, so kept by the interned key. */
const DossierTermStyle *
_dossier_incident_layer_key_style (DossierIncidentLayer *self,
                                   const char           *key)
{
  DossierTermStyle *style;

  key = g_intern_string (key);
  style = g_hash_table_lookup (self->styles, key);
  if (style == NULL)
    {
      style = g_new (DossierTermStyle, 1);
      dossier_palette_term_style (scheme_of (self->colour_by), key, style);
      g_hash_table_insert (self->styles, (gpointer) key, style);
    }
  return style;
}

/**
 * dossier_incident_layer_get_key_style:
 * @self: a #DossierIncidentLayer
 * @key: (nullable): a key of its clusters: a violation type or a verification status
 * @colour: (out) (optional): the colour it is drawn in
 * @style: (out caller-allocates) (optional): its colour and shape
 */
void
dossier_incident_layer_get_key_style (DossierIncidentLayer *self,
                                      const char           *key,
                                      GdkRGBA              *colour,
                                      DossierTermStyle     *style)
{
  const DossierTermStyle *s;

  g_return_if_fail (DOSSIER_IS_INCIDENT_LAYER (self));

  s = _dossier_incident_layer_key_style (self, key);
  if (colour != NULL)
    *colour = (GdkRGBA) { s->red, s->green, s->blue, 1 };
  if (style != NULL)
    *style = *s;
}

/**
 * dossier_incident_layer_get_key_colour:
 * @self: a #DossierIncidentLayer
 * @key: a key of its clusters
 * @colour: (out): the colour it is drawn in
 */
void
dossier_incident_layer_get_key_colour (DossierIncidentLayer *self,
                                       const char           *key,
                                       GdkRGBA              *colour)
{
  dossier_incident_layer_get_key_style (self, key, colour, NULL);
}

static gpointer
run_job (DossierStore  *reader,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Job *job = data;
  g_autoptr(GArray) points = dossier_store_map_points (reader, job->query, job->box[0], job->box[1],
                                                       job->box[2], job->box[3], job->colour_by, error);

  if (points == NULL)
    return NULL;
  return dossier_geo_cluster ((DossierGeoPoint *) points->data, points->len, job->zoom, CELL_PIXELS);
}

static void
job_done (gpointer      owner,
          gpointer      data,
          gpointer      result,
          guint         generation,
          const GError *error)
{
  DossierIncidentLayer *self = owner;
  Job *job = data;
  GArray *clusters = result;

  if (clusters == NULL)
    g_warning ("Could not read the incidents of the map: %s", error->message);
  else
    {
      g_clear_pointer (&self->clusters, g_array_unref);
      self->clusters = clusters;
      g_ptr_array_set_size (self->sprites, 0);
      memcpy (self->box, job->box, sizeof self->box);
      self->zoom = job->zoom;
      self->made_for = generation;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_signal_emit (self, signals[UPDATED], 0);
    }
}

/* The box the view shows now, in degrees. */
static gboolean
view_box (DossierIncidentLayer *self,
          double                box[4])
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double lat1, lon1, lat2, lon2;

  if (viewport == NULL || width <= 0 || height <= 0)
    return FALSE;
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), 0, 0, &lat1, &lon1);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), width, height, &lat2, &lon2);
  box[0] = MIN (lat1, lat2);
  box[1] = MIN (lon1, lon2);
  box[2] = MAX (lat1, lat2);
  box[3] = MAX (lon1, lon2);
  return TRUE;
}

/* Whether the view needs reading: into @box, what it shows, and into @zoom its level. */
static gboolean
needs_reading (DossierIncidentLayer *self,
               double                box[4],
               int                  *zoom)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  if (self->worker == NULL || viewport == NULL || !view_box (self, box))
    return FALSE;
  *zoom = (int) floor (shumate_viewport_get_zoom_level (viewport));
  /* What is drawn still covers the view: nothing to read. */
  return !(self->clusters != NULL && self->made_for == dossier_query_worker_get_generation (self->worker) &&
           self->zoom == *zoom && box[0] >= self->box[0] && box[1] >= self->box[1] && box[2] <= self->box[2] &&
           box[3] <= self->box[3]);
}

/* Asked by the worker when it is free: the view may have moved on since it was asked. */
static gpointer
make_job (gpointer owner)
{
  DossierIncidentLayer *self = owner;
  double box[4];
  double pad_lat, pad_lon;
  int zoom;
  Job *job;

  if (!needs_reading (self, box, &zoom))
    return NULL;
  job = g_new0 (Job, 1);
  job->query = dossier_incident_query_copy (self->filter ? dossier_filter_get_query (self->filter) : NULL);
  /* Half a view more on each side, so that panning reads nothing for a while. */
  pad_lat = (box[2] - box[0]) / 2;
  pad_lon = (box[3] - box[1]) / 2;
  job->box[0] = MAX (box[0] - pad_lat, -90);
  job->box[1] = MAX (box[1] - pad_lon, -180);
  job->box[2] = MIN (box[2] + pad_lat, 90);
  job->box[3] = MIN (box[3] + pad_lon, 180);
  job->zoom = zoom;
  job->colour_by = self->colour_by;
  return job;
}

static const DossierQueryWorkerFuncs worker_funcs = {
  make_job, (GDestroyNotify) job_free, run_job, (GDestroyNotify) g_array_unref, job_done,
};

/* Reads again if the view left what was read (the frames ask, from the drawing). */
void
_dossier_incident_layer_schedule (DossierIncidentLayer *self)
{
  double box[4];
  int zoom;

  if (needs_reading (self, box, &zoom))
    dossier_query_worker_queue (self->worker);
}

/**
 * dossier_incident_layer_refresh:
 * @self: a #DossierIncidentLayer
 *
 * Reads the incidents again, after the dossier or the filter changed.
 */
void
dossier_incident_layer_refresh (DossierIncidentLayer *self)
{
  g_return_if_fail (DOSSIER_IS_INCIDENT_LAYER (self));

  if (self->worker != NULL)
    dossier_query_worker_invalidate (self->worker);
}

/**
 * dossier_incident_layer_read_view:
 * @store: the dossier
 * @incident_ids: (nullable) (element-type gint64): the incidents to show, in order of
 *   their ids, or %NULL for all
 * @view: the view
 * @error: return location for a #GError
 *
 * Reads the incidents in and around @view and gathers them in clusters as the layer does,
 * at once, for a figure.
 *
 * Returns: (transfer full) (element-type DossierGeoCluster): the clusters, or %NULL
 */
GArray *
dossier_incident_layer_read_view (DossierStore         *store,
                                  GArray               *incident_ids,
                                  const DossierMapView *view,
                                  GError              **error)
{
  g_autoptr(GArray) points = NULL;
  double south, west, north, east;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  /* Half a view around it, as on screen: what lies just outside may reach inside. */
  dossier_map_view_get_box (view, MAX (view->width, view->height) / 2.0, &south, &west, &north, &east);
  points = dossier_store_map_points (store, NULL, south, west, north, east, view->colour_by, error);
  if (points == NULL)
    return NULL;
  if (incident_ids != NULL)
    {
      guint kept = 0;

      for (guint i = 0; i < points->len; i++)
        if (bsearch (&g_array_index (points, DossierGeoPoint, i).id, incident_ids->data, incident_ids->len,
                     sizeof (gint64), dossier_compare_ids) != NULL)
          g_array_index (points, DossierGeoPoint, kept++) = g_array_index (points, DossierGeoPoint, i);
      g_array_set_size (points, kept);
    }
  return dossier_geo_cluster ((DossierGeoPoint *) points->data, points->len, floor (view->zoom), CELL_PIXELS);
}

static void
dossier_incident_layer_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  GTK_WIDGET_CLASS (dossier_incident_layer_parent_class)->size_allocate (widget, width, height, baseline);
  _dossier_incident_layer_schedule (DOSSIER_INCIDENT_LAYER (widget));
}

/**
 * dossier_incident_layer_pick:
 * @self: a #DossierIncidentLayer
 * @x: in the layer's coordinates
 * @y:
 * @cluster: (out caller-allocates): the cluster there
 *
 * Returns: %TRUE if a cluster (or a single incident) is drawn at @x, @y; the topmost
 */
gboolean
dossier_incident_layer_pick (DossierIncidentLayer *self,
                             double                x,
                             double                y,
                             DossierGeoCluster    *cluster)
{
  ShumateViewport *viewport;
  gboolean found = FALSE;

  g_return_val_if_fail (DOSSIER_IS_INCIDENT_LAYER (self), FALSE);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  if (self->clusters == NULL || viewport == NULL)
    return FALSE;
  /* Drawn last, on top: searched first. */
  for (guint i = self->clusters->len; i > 0 && !found; i--)
    {
      DossierGeoCluster *c = &g_array_index (self->clusters, DossierGeoCluster, i - 1);
      double cx, cy, r = dossier_incident_layer_cluster_radius (c) + 2;

      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), c->latitude, c->longitude, &cx, &cy);
      if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r)
        {
          *cluster = *c;
          found = TRUE;
        }
    }
  return found;
}

/**
 * dossier_incident_layer_describe:
 * @self: a #DossierIncidentLayer
 * @cluster: one of its clusters
 *
 * Returns: (transfer full): what it is, in words: an incident's code, date and title, or
 *   how many incidents a cluster holds
 */
char *
dossier_incident_layer_describe (DossierIncidentLayer    *self,
                                 const DossierGeoCluster *cluster)
{
  g_autoptr(DossierIncident) incident = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (DOSSIER_IS_INCIDENT_LAYER (self), NULL);

  if (cluster->count > 1)
    /* Translators: a cluster of incidents on the map; click to zoom in */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident — click to zoom in",
                                         "%u incidents — click to zoom in", cluster->count), cluster->count);
  incident = dossier_store_load (self->store, DOSSIER_TYPE_INCIDENT, cluster->id, NULL);
  if (incident == NULL)
    return g_strdup ("");
  lang = g_strdup (C_("language code", "en"));
  date = *dossier_incident_get_date_edtf (incident) ? dossier_edtf_format_string (dossier_incident_get_date_edtf (incident), lang) : g_strdup ("");
  return g_strdup_printf ("%s · %s\n%s", dossier_record_get_code (DOSSIER_RECORD (incident)), date,
                          dossier_incident_get_title (incident, lang, NULL));
}

void
dossier_incident_layer_set_focus_point (DossierIncidentLayer *self,
                                        double                x,
                                        double                y)
{
  g_return_if_fail (DOSSIER_IS_INCIDENT_LAYER (self));

  self->focus_x = x;
  self->focus_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
dossier_incident_layer_query_tooltip (GtkWidget  *widget,
                                      int         x,
                                      int         y,
                                      gboolean    keyboard,
                                      GtkTooltip *tooltip)
{
  DossierIncidentLayer *self = DOSSIER_INCIDENT_LAYER (widget);
  DossierGeoCluster cluster;
  g_autofree char *text = NULL;

  if (!dossier_incident_layer_pick (self, x, y, &cluster))
    return FALSE;
  text = dossier_incident_layer_describe (self, &cluster);
  if (*text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
dossier_incident_layer_dispose (GObject *object)
{
  DossierIncidentLayer *self = DOSSIER_INCIDENT_LAYER (object);

  if (self->worker != NULL)
    dossier_query_worker_stop (self->worker);
  g_clear_object (&self->worker);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dossier_incident_layer_parent_class)->dispose (object);
}

static void
dossier_incident_layer_finalize (GObject *object)
{
  DossierIncidentLayer *self = DOSSIER_INCIDENT_LAYER (object);

  g_clear_pointer (&self->clusters, g_array_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->styles, g_hash_table_unref);
  g_clear_pointer (&self->sprites, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_incident_layer_parent_class)->finalize (object);
}

static void
dossier_incident_layer_class_init (DossierIncidentLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_incident_layer_dispose;
  object_class->finalize = dossier_incident_layer_finalize;
  widget_class->snapshot = _dossier_incident_layer_snapshot;
  widget_class->size_allocate = dossier_incident_layer_size_allocate;
  widget_class->query_tooltip = dossier_incident_layer_query_tooltip;

  /* New clusters were made, for a new view or a new filter. */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
forget_sprites (DossierIncidentLayer *self)
{
  g_ptr_array_set_size (self->sprites, 0);
}

static void
dossier_incident_layer_init (DossierIncidentLayer *self)
{
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->styles = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->sprites = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  self->selected_lat = NAN;
  self->focus_x = NAN;
  self->selected_lon = NAN;
  self->zoom = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  dossier_look_watch (GTK_WIDGET (self));
  /* The clusters' images hold the style's colours: drawn again in the new ones. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (forget_sprites), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast", G_CALLBACK (forget_sprites), self,
                           G_CONNECT_SWAPPED);
}

static void
on_viewport_changed (DossierIncidentLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dossier_incident_layer_new:
 * @viewport: the map's viewport
 * @store: the dossier
 * @filter: (nullable): the shared filter the layer follows
 *
 * Returns: (transfer full): a new layer
 */
DossierIncidentLayer *
dossier_incident_layer_new (ShumateViewport *viewport,
                            DossierStore    *store,
                            DossierFilter   *filter)
{
  DossierIncidentLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  self = g_object_new (DOSSIER_TYPE_INCIDENT_LAYER, "viewport", viewport, NULL);
  self->store = g_object_ref (store);
  self->worker = dossier_query_worker_new (store, &worker_funcs, self);
  if (filter != NULL)
    {
      self->filter = g_object_ref (filter);
      g_signal_connect_swapped (filter, "changed", G_CALLBACK (dossier_incident_layer_refresh), self);
    }
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  return self;
}

void
dossier_incident_layer_set_colour_by (DossierIncidentLayer *self,
                                      DossierColourBy       colour_by)
{
  g_return_if_fail (DOSSIER_IS_INCIDENT_LAYER (self));

  if (self->colour_by == colour_by)
    return;
  self->colour_by = colour_by;
  g_hash_table_remove_all (self->styles);
  g_ptr_array_set_size (self->sprites, 0);
  dossier_incident_layer_refresh (self);
}

DossierColourBy
dossier_incident_layer_get_colour_by (DossierIncidentLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT_LAYER (self), DOSSIER_COLOUR_BY_VIOLATION_TYPE);
  return self->colour_by;
}

/**
 * dossier_incident_layer_set_selected:
 * @self: a #DossierIncidentLayer
 * @id: the incident selected, or 0
 * @latitude: where it is, or NAN
 * @longitude:
 */
void
dossier_incident_layer_set_selected (DossierIncidentLayer *self,
                                     gint64                id,
                                     double                latitude,
                                     double                longitude)
{
  g_return_if_fail (DOSSIER_IS_INCIDENT_LAYER (self));

  self->selected = id;
  self->selected_lat = latitude;
  self->selected_lon = longitude;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gint64
dossier_incident_layer_get_selected (DossierIncidentLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT_LAYER (self), 0);
  return self->selected;
}

/* TRUE while incidents are being read for the view. */
gboolean
dossier_incident_layer_is_busy (DossierIncidentLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT_LAYER (self), FALSE);
  return self->worker != NULL && dossier_query_worker_is_busy (self->worker);
}

/**
 * dossier_incident_layer_get_clusters:
 * @self: a #DossierIncidentLayer
 *
 * Returns: (transfer none) (nullable) (element-type DossierGeoCluster): what is drawn
 */
GArray *
dossier_incident_layer_get_clusters (DossierIncidentLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT_LAYER (self), NULL);
  return self->clusters;
}

/**
 * dossier_incident_layer_keys_of:
 * @clusters: (element-type DossierGeoCluster) (nullable): clusters
 * @view: (nullable): a view, or %NULL for all the clusters
 *
 * Returns: (transfer full): the keys of the points of @clusters (those drawn inside @view
 *   when it is given), each once, for a legend: the most frequent first, so that a legend
 *   cut short keeps those that colour most of the map
 */
GStrv
dossier_incident_layer_keys_of (GArray               *clusters,
                                const DossierMapView *view)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) sorted = NULL;

  for (guint i = 0; clusters && i < clusters->len; i++)
    {
      const DossierGeoCluster *cluster = &g_array_index (clusters, DossierGeoCluster, i);

      if (view != NULL)
        {
          double x, y, r = dossier_incident_layer_cluster_radius (cluster);

          dossier_map_view_location_to_point (view, cluster->latitude, cluster->longitude, &x, &y);
          if (x < -r || y < -r || x > view->width + r || y > view->height + r)
            continue;
        }
      for (guint k = 0; k < cluster->n_shares; k++)
        g_hash_table_insert (counts, (gpointer) cluster->shares[k].key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, cluster->shares[k].key)) +
                                               cluster->shares[k].count));
    }
  /* Both colourings' keys are ordered by the vocabulary they are from: a key is in one. */
  sorted = dossier_palette_most_frequent (NULL, counts);
  for (guint i = 0; i < sorted->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (sorted, i));
  return g_strv_builder_end (builder);
}

/**
 * dossier_incident_layer_get_keys:
 * @self: a #DossierIncidentLayer
 *
 * Returns: (transfer full): the keys the clusters drawn are coloured by, for a legend
 */
GStrv
dossier_incident_layer_get_keys (DossierIncidentLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_INCIDENT_LAYER (self), NULL);
  return dossier_incident_layer_keys_of (self->clusters, NULL);
}
