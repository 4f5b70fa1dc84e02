/* dossier-incident-layer-draw.c: the incidents' clusters drawn, each once into a small
 * image of its count and the ring of its terms' shares, which frames then only place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-geo.h"
#include "dossier-incident-layer-private.h"
#include "dossier-look.h"
#include "dossier-vocab.h"

static double
cluster_radius (const DossierGeoCluster *cluster)
{
  if (cluster->count <= 1)
    return POINT_RADIUS;
  return MIN (9 + 3 * log2 (cluster->count), 30);
}

/* How large a cluster's mark is drawn, in pixels from its point: for the names that keep
 * clear of it (DossierLabelLayer). */
double
dossier_incident_layer_cluster_radius (const DossierGeoCluster *cluster)
{
  return cluster_radius (cluster);
}

/* How far from its point an incident may be, by the precision of its location. */
static double
precision_metres (const char *precision)
{
  if (g_strcmp0 (precision, "near-town") == 0)
    return 5000;
  if (g_strcmp0 (precision, "region") == 0)
    return 50000;
  return 0;
}

static PangoLayout *
label_layout (DossierIncidentLayer *self,
              guint                 count)
{
  g_autofree char *text = count >= 10000 ? g_strdup_printf ("%uk", count / 1000)
                                         : g_strdup_printf ("%u", count);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, text);

  if (layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      g_hash_table_insert (self->layouts, g_steal_pointer (&text), layout);
    }
  return layout;
}

static void
circle (GtkSnapshot   *snapshot,
        double         x,
        double         y,
        double         r,
        const GdkRGBA *fill,
        const GdkRGBA *edge,
        double         width)
{
  GskRoundedRect rect;

  gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (x - r, y - r, 2 * r, 2 * r), r);
  if (fill != NULL)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &rect);
      gtk_snapshot_append_color (snapshot, fill, &rect.bounds);
      gtk_snapshot_pop (snapshot);
    }
  if (edge != NULL)
    gtk_snapshot_append_border (snapshot, &rect, (float[4]) { width, width, width, width },
                                (GdkRGBA[4]) { *edge, *edge, *edge, *edge });
}

/* A cluster's ring: its points' colours in their shares, the largest first clockwise from
 * the top. Terms of one colour (they differ by shape) make one share; points without a
 * term, the rest. Returns the number of shares, at most @n_max. */
typedef struct {
  GdkRGBA colour;
  guint   count;
} Share;

static int
compare_by_count (gconstpointer a,
                  gconstpointer b)
{
  const Share *x = a, *y = b;

  return (x->count < y->count) - (x->count > y->count);
}

static guint
cluster_ring (DossierIncidentLayer    *self,
              const DossierGeoCluster *cluster,
              Share                   *shares,
              guint                    n_max)
{
  guint n = 0, counted = 0;

  for (guint i = 0; i <= cluster->n_shares; i++)
    {
      const char *key = i < cluster->n_shares ? cluster->shares[i].key : NULL;
      guint count = i < cluster->n_shares ? cluster->shares[i].count : cluster->count - counted;
      const DossierTermStyle *style = _dossier_incident_layer_key_style (self, key);
      GdkRGBA colour = { style->red, style->green, style->blue, 1 };
      guint k;

      counted += count;
      if (count == 0)
        continue;
      for (k = 0; k < n && !gdk_rgba_equal (&shares[k].colour, &colour); k++)
        ;
      if (k == n)
        {
          if (n == n_max)
            continue;
          shares[n++] = (Share) { colour, 0 };
        }
      shares[k].count += count;
    }
  qsort (shares, n, sizeof (Share), compare_by_count);
  return n;
}

/* The ring as a pie, clockwise from the top, the largest share first; under the count's
 * disc, which leaves only its rim. */
static void
draw_ring (cairo_t     *cr,
           double       x,
           double       y,
           double       r,
           const Share *shares,
           guint        n,
           guint        total)
{
  double from = 0;

  for (guint i = 0; i < n; i++)
    {
      double to = i + 1 == n ? 1 : from + (double) shares[i].count / total;

      cairo_move_to (cr, x, y);
      cairo_arc (cr, x, y, r, (from - 0.25) * 2 * G_PI, (to - 0.25) * 2 * G_PI);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, &shares[i].colour);
      cairo_fill (cr);
      from = to;
    }
}

/* A cluster with cairo: a hairline and a ring of the ground's colour around it, its ring
 * of shares, and its count on a disc of the ground's colour. */
static void
draw_cluster_cairo (DossierIncidentLayer    *self,
                    cairo_t                 *cr,
                    const DossierGeoCluster *cluster,
                    double                   x,
                    double                   y,
                    const DossierLook       *look)
{
  Share shares[MAX_SHARES];
  guint n = cluster_ring (self, cluster, shares, MAX_SHARES);
  PangoLayout *layout = label_layout (self, cluster->count);
  double r = cluster_radius (cluster), hole = r - MAX (3.5, 0.32 * r);
  int w, h;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r + 2.25, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &look->mark_outline);
  cairo_fill (cr);
  cairo_arc (cr, x, y, r + 1.5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &look->mark_edge);
  cairo_fill (cr);
  draw_ring (cr, x, y, r, shares, n, cluster->count);
  cairo_arc (cr, x, y, hole, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &look->mark_edge);
  cairo_fill (cr);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
  gdk_cairo_set_source_rgba (cr, &look->foreground);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The image a cluster is drawn from on screen, made when it is first shown. */
static cairo_surface_t *
cluster_sprite (DossierIncidentLayer    *self,
                guint                    index,
                const DossierGeoCluster *cluster,
                const DossierLook       *look)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double half = cluster_radius (cluster) + 3;
  cairo_surface_t *sprite;
  cairo_t *cr;

  if (scale != self->sprites_scale)
    {
      g_ptr_array_set_size (self->sprites, 0);
      self->sprites_scale = scale;
    }
  if (self->sprites->len < self->clusters->len)
    g_ptr_array_set_size (self->sprites, self->clusters->len);
  sprite = self->sprites->pdata[index];
  if (sprite != NULL)
    return sprite;
  sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (2 * half * scale), (int) ceil (2 * half * scale));
  cairo_surface_set_device_scale (sprite, scale, scale);
  cr = cairo_create (sprite);
  draw_cluster_cairo (self, cr, cluster, half, half, look);
  cairo_destroy (cr);
  cairo_surface_flush (sprite);
  self->sprites->pdata[index] = sprite;
  return sprite;
}

/* One cluster (or incident) drawn at @x, @y, on a map @world pixels across. */
static void
draw_cluster (DossierIncidentLayer    *self,
              GtkSnapshot             *snapshot,
              const DossierGeoCluster *cluster,
              double                   x,
              double                   y,
              double                   world,
              const DossierLook       *look)
{
  double r = cluster_radius (cluster);

  if (cluster->count == 1)
    {
      const DossierTermStyle *style = _dossier_incident_layer_key_style (self, cluster->key);
      GdkRGBA colour = { style->red, style->green, style->blue, 1 };
      /* The area the incident may be in, when its place is known only roughly. */
      double metres = precision_metres (cluster->precision);
      double metres_per_pixel = 40075016.686 * cos (cluster->latitude * G_PI / 180) / world;
      double spread = metres_per_pixel > 0 ? metres / metres_per_pixel : 0;

      if (spread > r + 2)
        {
          GdkRGBA halo = colour, edge = colour;

          halo.alpha = 0.12;
          edge.alpha = 0.5;
          circle (snapshot, x, y, spread, &halo, &edge, 1);
        }
      dossier_mark_append (snapshot, style, x, y, r, look);
    }
  else
    {
      /* In a figure: as lines and text, which PDF and SVG keep as such. */
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x - r - 3, y - r - 3, 2 * r + 6, 2 * r + 6));

      draw_cluster_cairo (self, cr, cluster, x, y, look);
      cairo_destroy (cr);
    }
}

void
_dossier_incident_layer_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  DossierIncidentLayer *self = DOSSIER_INCIDENT_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double world;
  DossierLook look;

  /* The view may have moved out of what was read. */
  _dossier_incident_layer_schedule (self);
  if (self->clusters == NULL || viewport == NULL)
    return;
  world = 256 * pow (2, shumate_viewport_get_zoom_level (viewport));
  dossier_look_from_widget (widget, &look);

  /* Clusters first, copied from their images in one drawing; incidents alone over them. */
  {
    cairo_t *cr = NULL;

    for (guint i = 0; i < self->clusters->len; i++)
      {
        DossierGeoCluster *cluster = &g_array_index (self->clusters, DossierGeoCluster, i);
        double half = cluster_radius (cluster) + 3;
        double x, y;

        if (cluster->count < 2)
          continue;
        shumate_viewport_location_to_widget_coords (viewport, widget, cluster->latitude, cluster->longitude, &x, &y);
        if (x < -half || y < -half || x > width + half || y > height + half)
          continue;
        if (cr == NULL)
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
        /* On whole pixels: the image is copied, never resampled. */
        cairo_set_source_surface (cr, cluster_sprite (self, i, cluster, &look), round (x - half), round (y - half));
        cairo_paint (cr);
      }
    g_clear_pointer (&cr, cairo_destroy);
  }
  for (guint i = 0; i < self->clusters->len; i++)
    {
      DossierGeoCluster *cluster = &g_array_index (self->clusters, DossierGeoCluster, i);
      double x, y;

      if (cluster->count != 1)
        continue;
      shumate_viewport_location_to_widget_coords (viewport, widget, cluster->latitude, cluster->longitude, &x, &y);
      /* A halo of imprecision may reach far into the view. */
      if (x < -200 || y < -200 || x > width + 200 || y > height + 200)
        continue;
      draw_cluster (self, snapshot, cluster, x, y, world, &look);
    }

  /* What the screen alone shows: the keyboard's mark and the selection. */
  if (!isnan (self->focus_x))
    circle (snapshot, self->focus_x, self->focus_y, 16, NULL, &look.accent, 2.5);
  if (self->selected > 0 && !isnan (self->selected_lat))
    {
      double x, y;

      shumate_viewport_location_to_widget_coords (viewport, widget, self->selected_lat, self->selected_lon, &x, &y);
      circle (snapshot, x, y, POINT_RADIUS + 5, NULL, &look.mark_edge, 4);
      circle (snapshot, x, y, POINT_RADIUS + 5, NULL, &look.foreground, 2);
    }
}

/**
 * dossier_incident_layer_append_clusters:
 * @self: a #DossierIncidentLayer, for its colours
 * @snapshot: where to draw
 * @clusters: (element-type DossierGeoCluster): what to draw
 * @view: where they are drawn
 *
 * Draws @clusters as the layer draws its own, but for a figure: in @view, whatever the
 * layer's viewport shows, in the print look (a figure goes on white paper, whatever the
 * screen's style), and without what belongs to the screen (the selection, the keyboard's
 * mark).
 */
void
dossier_incident_layer_append_clusters (DossierIncidentLayer *self,
                                        GtkSnapshot          *snapshot,
                                        GArray               *clusters,
                                        const DossierMapView *view)
{
  double scale, dx, dy;
  DossierLook look;

  g_return_if_fail (DOSSIER_IS_INCIDENT_LAYER (self));

  if (clusters == NULL)
    return;
  dossier_look_for_print (&look);
  dossier_map_view_transform (view, &scale, &dx, &dy);
  for (guint i = 0; i < clusters->len; i++)
    {
      DossierGeoCluster *cluster = &g_array_index (clusters, DossierGeoCluster, i);
      double x, y;

      dossier_geo_project (cluster->latitude, cluster->longitude, &x, &y);
      draw_cluster (self, snapshot, cluster, x * scale + dx, y * scale + dy, scale, &look);
    }
}

