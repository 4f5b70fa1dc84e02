/* dossier-map-pane-layout.c: what goes where over the map pane, and where the map looks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons, the legend, the scale and the credits take room over the map: a view is
 * fitted into the part they leave free, the legend folds where it would take too much,
 * and names of places move away from under them.
 */
#include "config.h"

#include <math.h>

#include "dossier-geo.h"
#include "dossier-incident.h"
#include "dossier-map-pane-private.h"

#define MARGIN 6

/* Mali, whole: the view the map opens on. */
#define MALI_SOUTH 10.1
#define MALI_WEST  -12.3
#define MALI_NORTH 25.0
#define MALI_EAST  4.3

/* An incident alone is shown with this much around it (about 50 km), not in a street. */
#define MIN_EXTENT_DEGREES 0.45

/**
 * dossier_map_pane_get_view:
 * @self: a #DossierMapPane
 * @view: (out caller-allocates): what the map shows: its centre, zoom, size and colours
 *
 * Returns: %TRUE if the map is shown; if not, @view has no size
 */
gboolean
dossier_map_pane_get_view (DossierMapPane *self,
                           DossierMapView *view)
{
  ShumateViewport *viewport;

  g_return_val_if_fail (DOSSIER_IS_MAP_PANE (self), FALSE);

  viewport = shumate_map_get_viewport (self->map);
  view->latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  view->longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  view->zoom = shumate_viewport_get_zoom_level (viewport);
  view->colour_by = dossier_incident_layer_get_colour_by (self->incidents);
  view->width = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_width (self->overlay) : 0;
  view->height = gtk_widget_get_mapped (GTK_WIDGET (self)) ? gtk_widget_get_height (self->overlay) : 0;
  return view->width > 0 && view->height > 0;
}

/* The part of the map that the buttons, the legend, the scale and the credits leave
 * free, as the one or two rectangles (x, y, width, height) worth fitting a view into:
 * beside the legend, and above it. Returns how many. */
static guint
free_areas (DossierMapPane  *self,
            graphene_rect_t  areas[2])
{
  int width = gtk_widget_get_width (self->overlay), height = gtk_widget_get_height (self->overlay);
  graphene_rect_t legend, buttons;
  double top = MARGIN;
  guint n = 0;

  /* Below the buttons. */
  if (gtk_widget_compute_bounds (self->controls, self->overlay, &buttons))
    top = MAX (top, buttons.origin.y + buttons.size.height + MARGIN);

  if (!gtk_widget_get_visible (self->legend) ||
      !gtk_widget_compute_bounds (self->legend, self->overlay, &legend))
    {
      graphene_rect_init (&areas[0], 0, top, width, MAX (height - top - self->bottom_height, 1));
      return 1;
    }
  /* Beside the legend, down to the scale and credits. */
  graphene_rect_init (&areas[n++], legend.origin.x + legend.size.width + MARGIN, top,
                      MAX (width - legend.origin.x - legend.size.width - MARGIN, 1),
                      MAX (height - top - self->bottom_height, 1));
  /* Above it, the whole width. */
  graphene_rect_init (&areas[n++], 0, top, width, MAX (legend.origin.y - MARGIN - top, 1));
  return n;
}

/* The centre and zoom that show the box (south, west, north, east) in the free part of
 * the map, as large as it goes within 90 % of that part and @max_zoom. */
static void
fit_view (DossierMapPane *self,
          double          south,
          double          west,
          double          north,
          double          east,
          double          max_zoom,
          double         *latitude,
          double         *longitude,
          double         *zoom)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  int width = gtk_widget_get_width (self->overlay), height = gtk_widget_get_height (self->overlay);
  graphene_rect_t areas[2], *best = NULL;
  double x1, y1, x2, y2, scale, cx, cy;
  guint n;

  if (width <= 0 || height <= 0)
    {
      /* Not shown yet: a guess, set right once it is. */
      *latitude = (north + south) / 2;
      *longitude = (west + east) / 2;
      *zoom = 5;
      return;
    }
  dossier_geo_project (north, west, &x1, &y1);
  dossier_geo_project (south, east, &x2, &y2);
  n = free_areas (self, areas);
  *zoom = -1;
  for (guint i = 0; i < n; i++)
    {
      double z = log2 (MIN (0.9 * areas[i].size.width / MAX ((x2 - x1) * 256, 1e-9),
                            0.9 * areas[i].size.height / MAX ((y2 - y1) * 256, 1e-9)));

      if (z > *zoom)
        {
          *zoom = z;
          best = &areas[i];
        }
    }
  *zoom = CLAMP (*zoom, shumate_viewport_get_min_zoom_level (viewport), max_zoom);
  /* No free area (a map not laid out yet, or every area too small): the box's middle. */
  if (best == NULL)
    {
      dossier_geo_unproject ((x1 + x2) / 2, (y1 + y2) / 2, latitude, longitude);
      return;
    }
  /* The box's middle goes to the middle of the free area: the view's centre is off it by
   * as much. */
  scale = 256 * pow (2, *zoom);
  cx = (x1 + x2) / 2 - (best->origin.x + best->size.width / 2 - width / 2.0) / scale;
  cy = (y1 + y2) / 2 - (best->origin.y + best->size.height / 2 - height / 2.0) / scale;
  dossier_geo_unproject (cx, cy, latitude, longitude);
}

/* Flies to the box, leaving a margin; a box smaller than a town's surroundings is shown
 * with them. */
static void
fit (DossierMapPane *self,
     double          south,
     double          west,
     double          north,
     double          east)
{
  double latitude, longitude, zoom, grow;

  grow = MAX (0, MIN_EXTENT_DEGREES - (north - south)) / 2;
  south -= grow;
  north += grow;
  grow = MAX (0, MIN_EXTENT_DEGREES / cos (((north + south) / 2) * G_PI / 180) - (east - west)) / 2;
  west -= grow;
  east += grow;
  fit_view (self, south, west, north, east, 14, &latitude, &longitude, &zoom);
  self->at_home = FALSE;
  shumate_map_go_to_full (self->map, latitude, longitude, zoom);
}

/* Mali whole, clear of the buttons and the legend, at once. */
static void
go_home (DossierMapPane *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double latitude, longitude, zoom;

  fit_view (self, MALI_SOUTH, MALI_WEST, MALI_NORTH, MALI_EAST, 7, &latitude, &longitude, &zoom);
  self->moving_home = TRUE;
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_map_center_on (self->map, latitude, longitude);
  self->moving_home = FALSE;
  self->at_home = TRUE;
}

/* Moved by the investigator (or by a fit): the map no longer follows its size with Mali. */
static void
on_viewport_moved (DossierMapPane *self)
{
  if (!self->moving_home)
    self->at_home = FALSE;
}

/* The legend opens by itself only where it leaves most of the map free (a small map shows
 * its title, which opens it), until the investigator opens or closes it. */
static void
fold_legend (DossierMapPane *self)
{
  int width = gtk_widget_get_width (self->overlay), height = gtk_widget_get_height (self->overlay);
  int rows_width, rows_height, title_height;
  gboolean room;

  if (self->legend_chosen)
    return;
  /* Row by row: the rows' box measures nothing while it is hidden. */
  rows_width = rows_height = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (self->legend_rows); row; row = gtk_widget_get_next_sibling (row))
    {
      int w, h;

      gtk_widget_measure (row, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, -1, NULL, &h, NULL, NULL);
      rows_width = MAX (rows_width, w);
      rows_height += h + gtk_box_get_spacing (GTK_BOX (self->legend_rows));
    }
  gtk_widget_measure (self->legend_toggle, GTK_ORIENTATION_VERTICAL, -1, NULL, &title_height, NULL, NULL);
  room = rows_height + title_height <= 0.4 * (height - self->bottom_height) && rows_width <= 0.35 * width;
  if (room == gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->legend_toggle)))
    return;
  self->folding = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->legend_toggle), room);
  self->folding = FALSE;
}

static void
on_legend_toggled (DossierMapPane *self)
{
  if (!self->folding)
    self->legend_chosen = TRUE;
}

/* After the map changed size, or the legend did: the legend folds or opens to the room
 * there is, and a map still on its first view shows Mali whole again. */
static gboolean
relayout (gpointer data)
{
  DossierMapPane *self = data;

  self->relayout_id = 0;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  fold_legend (self);
  /* A name under the buttons, the legend or the credits would not be read: it goes
   * elsewhere. */
  {
    g_autoptr(GArray) covered = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
    GtkWidget *over[] = { self->controls, self->pick_banner, self->legend, self->scale, GTK_WIDGET (self->license) };

    for (guint i = 0; i < G_N_ELEMENTS (over); i++)
      {
        graphene_rect_t bounds;

        if (gtk_widget_get_mapped (over[i]) && gtk_widget_compute_bounds (over[i], GTK_WIDGET (self->labels), &bounds))
          g_array_append_val (covered, bounds);
      }
    dossier_label_layer_set_covered (self->labels, covered);
  }
  /* The free part of the map changes with its size, the legend's and where the colour
   * switch went; never with the zoom (see place_overlay_child()), or this would go round
   * in circles. */
  if (self->at_home)
    {
      graphene_rect_t areas[2] = { GRAPHENE_RECT_INIT (0, 0, 0, 0), GRAPHENE_RECT_INIT (0, 0, 0, 0) };

      free_areas (self, areas);
      if (!graphene_rect_equal (&areas[0], &self->home_areas[0]) || !graphene_rect_equal (&areas[1], &self->home_areas[1]))
        {
          self->home_areas[0] = areas[0];
          self->home_areas[1] = areas[1];
          go_home (self);
        }
    }
  return G_SOURCE_REMOVE;
}

static void
queue_relayout (DossierMapPane *self)
{
  if (self->relayout_id == 0)
    self->relayout_id = g_idle_add (relayout, self);
}

/* The scale at the bottom left and the credits at the bottom right, on one line where the
 * map is wide enough; on a narrow map, the credits across the whole bottom (two short
 * lines rather than four in a corner) and the scale over them. The legend above both.
 * Nothing here depends on the zoom (the scale's width does): a fit to the room left would
 * otherwise change the room, and go round in circles. */
static gboolean
place_overlay_child (GtkOverlay     *overlay,
                     GtkWidget      *child,
                     GdkRectangle   *allocation,
                     DossierMapPane *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (overlay)), height = gtk_widget_get_height (GTK_WIDGET (overlay));
  int scale_room, scale_width, scale_height, credits_min, credits_width, credits_height, w, h;
  gboolean beside;

  if (child != self->scale && child != GTK_WIDGET (self->license) && child != self->legend)
    return FALSE;
  /* Once allocated, the legend may fold and the view follow (not now: what they change
   * would be allocated again in this very allocation). */
  queue_relayout (self);
  /* The scale's widest, its label and Shumate's margins included. */
  scale_room = shumate_scale_get_max_width (SHUMATE_SCALE (self->scale)) + 24;
  gtk_widget_measure (self->scale, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &scale_width, NULL, NULL);
  gtk_widget_measure (self->scale, GTK_ORIENTATION_VERTICAL, -1, NULL, &scale_height, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->license), GTK_ORIENTATION_HORIZONTAL, -1, &credits_min, &credits_width, NULL, NULL);
  beside = credits_width + scale_room <= width;
  credits_width = MAX (beside ? credits_width : width, credits_min);
  gtk_widget_measure (GTK_WIDGET (self->license), GTK_ORIENTATION_VERTICAL, credits_width, NULL, &credits_height, NULL, NULL);
  self->bottom_height = beside ? MAX (scale_height, credits_height) : scale_height + credits_height;

  if (child == self->scale)
    *allocation = (GdkRectangle) { 0, height - scale_height - (beside ? 0 : credits_height), scale_width, scale_height };
  else if (child == GTK_WIDGET (self->license))
    *allocation = (GdkRectangle) { width - credits_width, height - credits_height, credits_width, credits_height };
  else
    {
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      w = MIN (w, width - 2 * MARGIN);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      *allocation = (GdkRectangle) { MARGIN, height - self->bottom_height - h, w, h };
    }
  return TRUE;
}

/**
 * dossier_map_pane_zoom_to_all:
 * @self: a #DossierMapPane
 *
 * Shows every located incident of the filter.
 *
 * Returns: %TRUE if there was one
 */
gboolean
dossier_map_pane_zoom_to_all (DossierMapPane *self)
{
  g_autoptr(GError) error = NULL;
  double s, w, n, e;
  DossierFilter *filter;

  g_return_val_if_fail (DOSSIER_IS_MAP_PANE (self), FALSE);

  filter = self->filter;
  if (!dossier_store_map_bounds (self->store, filter ? dossier_filter_get_query (filter) : NULL,
                                 &s, &w, &n, &e, &error))
    {
      if (error != NULL)
        g_warning ("Could not read where the incidents are: %s", error->message);
      return FALSE;
    }
  fit (self, s, w, n, e);
  return TRUE;
}

/**
 * dossier_map_pane_zoom_to_selection:
 * @self: a #DossierMapPane
 *
 * Centres the map on the selected incident, closer.
 *
 * Returns: %TRUE if it has a location
 */
gboolean
dossier_map_pane_zoom_to_selection (DossierMapPane *self)
{
  g_autoptr(DossierIncident) incident = NULL;

  g_return_val_if_fail (DOSSIER_IS_MAP_PANE (self), FALSE);

  if (self->selected <= 0)
    return FALSE;
  incident = dossier_store_load (self->store, DOSSIER_TYPE_INCIDENT, self->selected, NULL);
  if (incident == NULL || isnan (dossier_incident_get_latitude (incident)) || isnan (dossier_incident_get_longitude (incident)))
    return FALSE;
  shumate_map_go_to_full (self->map, dossier_incident_get_latitude (incident), dossier_incident_get_longitude (incident),
                          MAX (shumate_viewport_get_zoom_level (shumate_map_get_viewport (self->map)), 9));
  return TRUE;
}

void
_dossier_map_pane_layout_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, place_overlay_child);
  gtk_widget_class_bind_template_callback (widget_class, on_legend_toggled);
}

/* Mali, whole, then again once the map has its size. */
void
_dossier_map_pane_layout_init (DossierMapPane *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);

  self->at_home = TRUE;
  shumate_viewport_set_zoom_level (viewport, 5);
  shumate_map_center_on (self->map, (MALI_NORTH + MALI_SOUTH) / 2, (MALI_WEST + MALI_EAST) / 2);
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (on_viewport_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (on_viewport_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_moved), self, G_CONNECT_SWAPPED);
}
