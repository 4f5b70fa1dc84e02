/* dossier-label-layer.c: the basemap's names, over the incidents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The land is drawn under the incidents, but the names of towns, regions and countries
 * come over them: a cluster on Mopti used to hide "Mopti". The names still keep clear of
 * the incidents' marks where they can, and have a light halo where they cannot. The
 * basemap places and draws them (dossier_basemap_layer_append_labels()); this layer only
 * puts them at the top of the map.
 */
#include "config.h"

#include <string.h>

#include "dossier-label-layer.h"

struct _DossierLabelLayer
{
  ShumateLayer          parent_instance;

  DossierBasemapLayer  *basemap;
  DossierIncidentLayer *incidents;
  DossierEvidenceLayer *evidence;
  GArray               *covered;   /* graphene_rect_t: what the map's buttons hide */
};

G_DEFINE_FINAL_TYPE (DossierLabelLayer, dossier_label_layer, SHUMATE_TYPE_LAYER)

/**
 * dossier_label_layer_cluster_boxes:
 * @clusters: (element-type DossierGeoCluster) (nullable): the incidents' clusters
 * @view: the view they are drawn in
 *
 * Returns: (transfer full) (element-type graphene_rect_t): the squares around the marks of
 *   @clusters in @view, for the names to keep clear of
 */
GArray *
dossier_label_layer_cluster_boxes (GArray               *clusters,
                                   const DossierMapView *view)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  for (guint i = 0; clusters != NULL && i < clusters->len; i++)
    {
      const DossierGeoCluster *cluster = &g_array_index (clusters, DossierGeoCluster, i);
      double r = dossier_incident_layer_cluster_radius (cluster) + 1, x, y;
      graphene_rect_t box;

      dossier_map_view_location_to_point (view, cluster->latitude, cluster->longitude, &x, &y);
      if (x < -r || y < -r || x > view->width + r || y > view->height + r)
        continue;
      graphene_rect_init (&box, x - r, y - r, 2 * r, 2 * r);
      g_array_append_val (boxes, box);
    }
  return boxes;
}

/**
 * dossier_label_layer_avoid:
 * @self: a #DossierLabelLayer
 * @view: a view of the map
 *
 * Returns: (transfer full) (element-type graphene_rect_t): what the names should keep clear
 *   of in @view: the incidents' marks and the evidence's squares
 */
GArray *
dossier_label_layer_avoid (DossierLabelLayer    *self,
                           const DossierMapView *view)
{
  GArray *boxes, *points;

  g_return_val_if_fail (DOSSIER_IS_LABEL_LAYER (self), NULL);

  boxes = dossier_label_layer_cluster_boxes (dossier_incident_layer_get_clusters (self->incidents), view);
  points = self->evidence ? dossier_evidence_layer_get_points (self->evidence) : NULL;
  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      const DossierGeoPoint *point = &g_array_index (points, DossierGeoPoint, i);
      graphene_rect_t box;
      double x, y;

      dossier_map_view_location_to_point (view, point->latitude, point->longitude, &x, &y);
      if (x < -8 || y < -8 || x > view->width + 8 || y > view->height + 8)
        continue;
      /* The square and its frame. */
      graphene_rect_init (&box, x - 7, y - 7, 14, 14);
      g_array_append_val (boxes, box);
    }
  return boxes;
}

static void
dossier_label_layer_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  DossierLabelLayer *self = DOSSIER_LABEL_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_autoptr(GArray) avoid = NULL;
  DossierMapView view = { 0 };

  view.width = gtk_widget_get_width (widget);
  view.height = gtk_widget_get_height (widget);
  if (viewport == NULL || view.width <= 0 || view.height <= 0)
    return;
  view.latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  view.longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  view.zoom = shumate_viewport_get_zoom_level (viewport);
  avoid = dossier_label_layer_avoid (self, &view);
  dossier_basemap_layer_append_labels (self->basemap, snapshot, &view, self->covered, avoid);
}

/**
 * dossier_label_layer_set_covered:
 * @self: a #DossierLabelLayer
 * @covered: (element-type graphene_rect_t) (nullable): the parts of the map hidden by what is
 *   over it (buttons, the legend, the credits), in the layer's coordinates
 *
 * Names are then placed elsewhere, where they can be read.
 */
void
dossier_label_layer_set_covered (DossierLabelLayer *self,
                                 GArray            *covered)
{
  g_return_if_fail (DOSSIER_IS_LABEL_LAYER (self));

  if (self->covered != NULL && covered != NULL && self->covered->len == covered->len &&
      memcmp (self->covered->data, covered->data, covered->len * sizeof (graphene_rect_t)) == 0)
    return;
  g_clear_pointer (&self->covered, g_array_unref);
  if (covered != NULL)
    self->covered = g_array_ref (covered);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
dossier_label_layer_dispose (GObject *object)
{
  DossierLabelLayer *self = DOSSIER_LABEL_LAYER (object);

  g_clear_object (&self->basemap);
  g_clear_object (&self->incidents);
  g_clear_object (&self->evidence);
  g_clear_pointer (&self->covered, g_array_unref);
  G_OBJECT_CLASS (dossier_label_layer_parent_class)->dispose (object);
}

static void
dossier_label_layer_class_init (DossierLabelLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_label_layer_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = dossier_label_layer_snapshot;
}

static void
dossier_label_layer_init (DossierLabelLayer *self)
{
}

/**
 * dossier_label_layer_new:
 * @viewport: the map's viewport
 * @basemap: the basemap whose names to draw
 * @incidents: the incidents whose marks the names keep clear of
 * @evidence: (nullable): the evidence whose squares they keep clear of too
 *
 * Returns: (transfer full): the layer, to be put over @incidents
 */
DossierLabelLayer *
dossier_label_layer_new (ShumateViewport      *viewport,
                         DossierBasemapLayer  *basemap,
                         DossierIncidentLayer *incidents,
                         DossierEvidenceLayer *evidence)
{
  DossierLabelLayer *self = g_object_new (DOSSIER_TYPE_LABEL_LAYER, "viewport", viewport, NULL);

  self->basemap = g_object_ref (basemap);
  self->incidents = g_object_ref (incidents);
  self->evidence = evidence ? g_object_ref (evidence) : NULL;
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  /* The incidents read again: the names move off their new marks. */
  g_signal_connect_object (incidents, "updated", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  return self;
}
