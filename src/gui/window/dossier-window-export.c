/* dossier-window-export.c: exporting and printing what the window shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export window starts from the window's state: the incidents the filter keeps, the
 * map's view and the timeline's frame, so that an annex shows what the investigator sees.
 */
#include "config.h"

#include "dossier-export-window.h"
#include "dossier-map-pane.h"
#include "dossier-timeline-pane.h"
#include "dossier-window-private.h"

static GtkWidget *
new_export_window (DossierWindow *self)
{
  g_autoptr(GArray) ids = NULL;
  DossierMapView map_view = { 0 };
  DossierTimelineFrame timeline_frame = { 0 };

  if (self->store == NULL)
    return NULL;
  if (!dossier_filter_is_empty (self->filter))
    {
      g_autoptr(GError) error = NULL;

      ids = dossier_store_query_ids (self->store, dossier_filter_get_query (self->filter), &error);
      if (ids == NULL)
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          return NULL;
        }
    }
  if (self->map_pane != NULL)
    dossier_map_pane_get_view (DOSSIER_MAP_PANE (self->map_pane), &map_view);
  if (self->timeline_pane != NULL)
    dossier_timeline_view_get_frame (dossier_timeline_pane_get_view (DOSSIER_TIMELINE_PANE (self->timeline_pane)), &timeline_frame);
  return dossier_export_window_new (GTK_WINDOW (self), self->store, self->lang, ids, &map_view, &timeline_frame);
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  GtkWidget *dialog = new_export_window (DOSSIER_WINDOW (widget));

  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

/* The main menu's Print…: the Export dialog's annex, printed. */
static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  GtkWidget *dialog = new_export_window (DOSSIER_WINDOW (widget));

  if (dialog == NULL)
    return;
  dossier_export_window_set_for_printing (DOSSIER_EXPORT_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_dossier_window_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
}
