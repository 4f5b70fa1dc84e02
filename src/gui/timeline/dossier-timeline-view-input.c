/* dossier-timeline-view-input.c: the timeline under the pointer and the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "dossier-edtf.h"
#include "dossier-incident.h"
#include "dossier-timeline-view-private.h"

enum {
  INCIDENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  item = _dossier_timeline_view_find_item (self, id, &index);
  if (item == NULL)
    return FALSE;
  _dossier_timeline_view_ensure_layout (self);
  bands = _dossier_timeline_view_lane_bands (self, &histogram);
  if (histogram && id == self->selected)
    {
      guint lane;

      return _dossier_timeline_view_selected_over_histogram (self, bands, area, &lane);
    }
  if (histogram || !_dossier_timeline_view_in_view (self, item, dossier_timeline_view_day_at (self, gtk_widget_get_width (GTK_WIDGET (self)))))
    return FALSE;
  if (!_dossier_timeline_view_row_shown (self, item, &g_array_index (bands, Band, _dossier_timeline_view_lane_of (self, index))))
    return FALSE;
  _dossier_timeline_view_item_rect (self, item, &g_array_index (bands, Band, _dossier_timeline_view_lane_of (self, index)), area);
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
  if (self->items == NULL || x < _dossier_timeline_view_marks_left (self))
    return 0;
  _dossier_timeline_view_ensure_layout (self);
  bands = _dossier_timeline_view_lane_bands (self, &histogram);
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
      if (!_dossier_timeline_view_in_view (self, item, last_day) || lane >= bands->len || !_dossier_timeline_view_row_shown (self, item, &g_array_index (bands, Band, lane)))
        continue;
      _dossier_timeline_view_item_rect (self, item, &g_array_index (bands, Band, lane), &r);
      graphene_rect_inset (&r, -2, -2);
      if (graphene_rect_contains_point (&r, &GRAPHENE_POINT_INIT (x, y)))
        return item->id;
    }
  return 0;
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
  _dossier_timeline_view_view_changed (self);
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
  if (_dossier_timeline_view_find_item (self, self->selected, &index) != NULL)
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
  double middle = _dossier_timeline_view_marks_left (self) + _dossier_timeline_view_marks_width (self) / 2;

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
      dossier_timeline_view_pan (self, -_dossier_timeline_view_marks_width (self) / 8);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dossier_timeline_view_pan (self, _dossier_timeline_view_marks_width (self) / 8);
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
  date = *dossier_incident_get_date_edtf (incident) ? dossier_edtf_format_string (dossier_incident_get_date_edtf (incident), self->lang) : g_strdup ("");
  text = g_strdup_printf ("%s · %s\n%s", dossier_record_get_code (DOSSIER_RECORD (incident)), date ? date : "",
                          dossier_incident_get_title (incident, self->lang, NULL));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
_dossier_timeline_view_input_class_init (GtkWidgetClass *widget_class)
{
  /* An incident was chosen on the timeline (click, [ or ]): its id. */
  signals[INCIDENT_ACTIVATED] = g_signal_new ("incident-activated", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

void
_dossier_timeline_view_input_init (DossierTimelineView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
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
