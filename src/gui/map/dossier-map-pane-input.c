/* dossier-map-pane-input.c: clicks and keys on the map pane, and placing an incident
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dossier-map-pane-private.h"

enum {
  INCIDENT_ACTIVATED,
  EVIDENCE_ACTIVATED,
  LOCATION_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * dossier_map_pane_activate_at:
 * @self: a #DossierMapPane
 * @x: in the map's coordinates
 * @y:
 *
 * Does what a click there does: a cluster is zoomed into; an incident is selected
 * (::incident-activated).
 */
void
dossier_map_pane_activate_at (DossierMapPane *self,
                              double          x,
                              double          y)
{
  DossierGeoCluster cluster;
  ShumateViewport *viewport;

  g_return_if_fail (DOSSIER_IS_MAP_PANE (self));

  /* Evidence is drawn over the incidents: it is picked first. */
  {
    gint64 evidence = dossier_evidence_layer_pick (self->evidence, x, y);

    if (evidence > 0)
      {
        g_signal_emit (self, signals[EVIDENCE_ACTIVATED], 0, evidence);
        return;
      }
  }
  if (!dossier_incident_layer_pick (self->incidents, x, y, &cluster))
    return;
  viewport = shumate_map_get_viewport (self->map);
  if (cluster.count > 1)
    shumate_map_go_to_full (self->map, cluster.latitude, cluster.longitude,
                            MIN (shumate_viewport_get_zoom_level (viewport) + 2,
                                 shumate_viewport_get_max_zoom_level (viewport)));
  else
    g_signal_emit (self, signals[INCIDENT_ACTIVATED], 0, cluster.id);
}

/* Clicks are taken on the map itself: its layers are never the target of a pointer event
 * (ShumateLayer's contains() says no, so that markers' gaps let clicks through), so a
 * gesture on a layer never hears one. A press that moves further than a click becomes the
 * map's own drag, and is not a click. */
#define CLICK_SLOP 6

static void
on_press (GtkGestureClick *gesture,
          int              n_press,
          double           x,
          double           y,
          DossierMapPane  *self)
{
  self->pressed = n_press == 1;
  self->press_x = x;
  self->press_y = y;
}

static void
on_press_stopped (GtkGestureClick *gesture,
                  DossierMapPane  *self)
{
  self->pressed = FALSE;
}

static void
on_release (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            DossierMapPane  *self)
{
  double mx, my;

  /* The map's drag put its own hand cursor back. */
  if (self->picking)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map), "crosshair");
  if (!self->pressed || hypot (x - self->press_x, y - self->press_y) > CLICK_SLOP)
    return;
  self->pressed = FALSE;
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->map), GTK_WIDGET (self->incidents), x, y, &mx, &my))
    return;
  if (self->picking)
    dossier_map_pane_pick_at (self, mx, my);
  else
    dossier_map_pane_activate_at (self, mx, my);
}

/* While picking, Escape cancels wherever the focus is: the investigator has just pressed
 * the editor's pin button, and the focus is still there. */
static gboolean
on_pick_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             DossierMapPane        *self)
{
  if (keyval != GDK_KEY_Escape || !self->picking)
    return FALSE;
  dossier_map_pane_cancel_pick (self);
  return TRUE;
}

/**
 * dossier_map_pane_begin_pick:
 * @self: a #DossierMapPane
 *
 * Waits for a click that places an incident: ::location-picked then tells where. Escape,
 * the hint's Cancel button, dossier_map_pane_cancel_pick() or the map being hidden end the
 * wait.
 */
void
dossier_map_pane_begin_pick (DossierMapPane *self)
{
  GtkRoot *root;

  g_return_if_fail (DOSSIER_IS_MAP_PANE (self));

  self->picking = TRUE;
  self->picking_for = self->selected;
  gtk_widget_set_visible (self->pick_banner, TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map), "crosshair");
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (self->pick_keys == NULL && root != NULL)
    {
      self->pick_keys = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (self->pick_keys, GTK_PHASE_CAPTURE);
      g_signal_connect (self->pick_keys, "key-pressed", G_CALLBACK (on_pick_key), self);
      gtk_widget_add_controller (GTK_WIDGET (root), self->pick_keys);
    }
}

/**
 * dossier_map_pane_cancel_pick:
 * @self: a #DossierMapPane
 *
 * Stops waiting for a click, and takes the hint away. Does nothing when not picking.
 */
void
dossier_map_pane_cancel_pick (DossierMapPane *self)
{
  g_return_if_fail (DOSSIER_IS_MAP_PANE (self));

  self->picking = FALSE;
  gtk_widget_set_visible (self->pick_banner, FALSE);
  gtk_widget_set_cursor (GTK_WIDGET (self->map), NULL);
  if (self->pick_keys != NULL)
    {
      GtkWidget *root = gtk_event_controller_get_widget (self->pick_keys);

      gtk_widget_remove_controller (root, self->pick_keys);
      self->pick_keys = NULL;
    }
}

gboolean
dossier_map_pane_is_picking (DossierMapPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_MAP_PANE (self), FALSE);
  return self->picking;
}

/**
 * dossier_map_pane_pick_at:
 * @self: a #DossierMapPane
 * @x: in the map's coordinates
 * @y:
 *
 * Does what a click does while picking: ::location-picked with the place under @x, @y.
 */
void
dossier_map_pane_pick_at (DossierMapPane *self,
                          double          x,
                          double          y)
{
  double latitude, longitude;

  g_return_if_fail (DOSSIER_IS_MAP_PANE (self));

  if (!self->picking)
    return;
  shumate_viewport_widget_coords_to_location (shumate_map_get_viewport (self->map), GTK_WIDGET (self->incidents),
                                              x, y, &latitude, &longitude);
  dossier_map_pane_cancel_pick (self);
  g_signal_emit (self, signals[LOCATION_PICKED], 0, latitude, longitude);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        DossierMapPane        *self)
{
  /* Without a mouse: [ and ] (or Page Up and Page Down) go from one cluster or incident in
   * view to the next, west to east; Enter opens it, as a click does. */
  if (keyval == GDK_KEY_bracketright || keyval == GDK_KEY_Page_Down)
    return dossier_map_pane_focus_next (self, 1);
  if (keyval == GDK_KEY_bracketleft || keyval == GDK_KEY_Page_Up)
    return dossier_map_pane_focus_next (self, -1);
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    return dossier_map_pane_activate_focus (self);
  return FALSE;
}

/**
 * dossier_map_pane_activate_focus:
 * @self: a #DossierMapPane
 *
 * Does what Enter does: opens the cluster or incident the keyboard's mark is on.
 *
 * Returns: %TRUE if there was one
 */
gboolean
dossier_map_pane_activate_focus (DossierMapPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_MAP_PANE (self), FALSE);

  if (!self->has_focus_point)
    return FALSE;
  self->has_focus_point = FALSE;
  dossier_incident_layer_set_focus_point (self->incidents, NAN, NAN);
  dossier_map_pane_activate_at (self, self->focus_x, self->focus_y);
  return TRUE;
}

typedef struct {
  double x, y;
} Point;

static int
compare_x (gconstpointer a,
           gconstpointer b)
{
  double x = ((const Point *) a)->x, y = ((const Point *) b)->x;

  return (x > y) - (x < y);
}

/**
 * dossier_map_pane_focus_next:
 * @self: a #DossierMapPane
 * @direction: 1 for the next to the east, -1 to the west
 *
 * Moves the keyboard's mark to the next cluster or incident in view, and says what it is
 * in the map's tooltip and to screen readers.
 *
 * Returns: %TRUE if there was one
 */
gboolean
dossier_map_pane_focus_next (DossierMapPane *self,
                             int             direction)
{
  GArray *clusters = dossier_incident_layer_get_clusters (self->incidents);
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  int width = gtk_widget_get_width (GTK_WIDGET (self->incidents));
  int height = gtk_widget_get_height (GTK_WIDGET (self->incidents));
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (Point));
  guint next = 0;

  g_return_val_if_fail (DOSSIER_IS_MAP_PANE (self), FALSE);

  for (guint i = 0; clusters && i < clusters->len; i++)
    {
      DossierGeoCluster *c = &g_array_index (clusters, DossierGeoCluster, i);
      Point point;

      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self->incidents), c->latitude, c->longitude,
                                                  &point.x, &point.y);
      if (point.x >= 0 && point.y >= 0 && point.x <= width && point.y <= height)
        g_array_append_val (shown, point);
    }
  if (shown->len == 0)
    return FALSE;
  g_array_sort (shown, compare_x);
  if (self->has_focus_point)
    {
      guint i;

      for (i = 0; i < shown->len && g_array_index (shown, Point, i).x <= self->focus_x + (direction > 0 ? 0.5 : -0.5); i++)
        ;
      /* i: how many lie east of nothing but the mark (going east) or strictly west of it. */
      next = direction > 0 ? (i < shown->len ? i : 0) : (i >= 1 ? i - 1 : shown->len - 1);
    }
  else
    next = direction > 0 ? 0 : shown->len - 1;
  self->focus_x = g_array_index (shown, Point, next).x;
  self->focus_y = g_array_index (shown, Point, next).y;
  self->has_focus_point = TRUE;
  dossier_incident_layer_set_focus_point (self->incidents, self->focus_x, self->focus_y);
  {
    DossierGeoCluster cluster;

    if (dossier_incident_layer_pick (self->incidents, self->focus_x, self->focus_y, &cluster))
      {
        g_autofree char *text = dossier_incident_layer_describe (self->incidents, &cluster);

        gtk_accessible_update_property (GTK_ACCESSIBLE (self->incidents), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
        gtk_widget_set_tooltip_text (GTK_WIDGET (self->incidents), text);
      }
  }
  return TRUE;
}

void
_dossier_map_pane_input_class_init (GtkWidgetClass *widget_class)
{
  GType type = G_TYPE_FROM_CLASS (widget_class);

  /* While picking, the map was clicked there: latitude and longitude. */
  signals[LOCATION_PICKED] = g_signal_new ("location-picked", type, G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /* An evidence item was clicked on the map: its id. */
  signals[EVIDENCE_ACTIVATED] = g_signal_new ("evidence-activated", type, G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* A single incident was clicked on the map: its id. */
  signals[INCIDENT_ACTIVATED] = g_signal_new ("incident-activated", type, G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_bind_template_callback (widget_class, dossier_map_pane_cancel_pick);
}

void
_dossier_map_pane_input_init (DossierMapPane *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_press), self);
  g_signal_connect (click, "stopped", G_CALLBACK (on_press_stopped), self);
  g_signal_connect (click, "released", G_CALLBACK (on_release), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));
}
