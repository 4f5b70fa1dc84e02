/* dossier-map-pane-export.c: the map pane's figures, as shown, for a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "dossier-figure.h"
#include "dossier-file-chooser.h"
#include "dossier-map-figure.h"
#include "dossier-map-pane-private.h"

/* The map as it is shown, for the investigator's own figure, but without what only the
 * screen needs: the buttons, the hint while placing an incident, the selection and the
 * keyboard's mark. The basemap is drawn as lines, and the legend whole under the map, with
 * a scale and the credits of every layer shown. */
static GskRenderNode *
view_figure (DossierMapPane  *self,
             DossierMapView  *view,
             int             *height,
             GError         **error)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GString) credits = NULL;
  g_auto(GStrv) keys = NULL;
  graphene_rect_t bounds;

  if (!dossier_map_pane_get_view (self, view) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->map), self->overlay, &bounds))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The map is not shown: there is nothing to export"));
      return NULL;
    }
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, view->width, view->height));
  gtk_snapshot_translate (snapshot, &bounds.origin);
  for (GtkWidget *layer = gtk_widget_get_first_child (GTK_WIDGET (self->map)); layer != NULL;
       layer = gtk_widget_get_next_sibling (layer))
    if (layer == GTK_WIDGET (self->basemap))
      dossier_basemap_layer_append_view (self->basemap, snapshot, view);
    else if (layer == GTK_WIDGET (self->incidents))
      dossier_incident_layer_append_clusters (self->incidents, snapshot, dossier_incident_layer_get_clusters (self->incidents), view);
    else if (layer == GTK_WIDGET (self->labels))
      {
        g_autoptr(GArray) avoid = dossier_label_layer_avoid (self->labels, view);

        dossier_basemap_layer_append_labels (self->basemap, snapshot, view, NULL, avoid);
      }
    else
      gtk_widget_snapshot_child (GTK_WIDGET (self->map), layer, snapshot);
  gtk_snapshot_pop (snapshot);

  credits = g_string_new (shumate_license_get_extra_text (self->license));
  if (self->tiles != NULL)
    g_string_append_printf (credits, " · %s", shumate_map_source_get_license (self->osm));
  if (self->mbtiles_layer != NULL && shumate_map_source_get_license (self->mbtiles) != NULL)
    g_string_append_printf (credits, " · %s", shumate_map_source_get_license (self->mbtiles));
  keys = dossier_incident_layer_keys_of (dossier_incident_layer_get_clusters (self->incidents), view);
  *height = view->height + (int) ceil (dossier_map_figure_append_key (snapshot, self->incidents, self->store, keys, view,
                                                                      self->lang, NULL, credits->str));
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/**
 * dossier_map_pane_export:
 * @self: a #DossierMapPane
 * @path: the file to write: .png, .svg or .pdf
 * @width: its width in pixels (PNG) or points (SVG, PDF); the height follows the view's
 * @error: return location for a #GError
 *
 * Writes the map as it is shown, with its legend, scale and attributions under it, as a
 * figure for a report: without the buttons, the selection or a hint, which only the screen
 * needs. The file is written under a temporary name and renamed when complete.
 *
 * Returns: %TRUE if written
 */
gboolean
dossier_map_pane_export (DossierMapPane  *self,
                         const char      *path,
                         int              width,
                         GError         **error)
{
  g_autoptr(GskRenderNode) node = NULL;
  DossierMapView view;
  int height;

  g_return_val_if_fail (DOSSIER_IS_MAP_PANE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  node = view_figure (self, &view, &height, error);
  if (node == NULL)
    return FALSE;
  return dossier_figure_write (node, view.width, height, path, width, error);
}

static void
on_export_chosen (GtkFileChooser *chooser,
                  GFile          *file,
                  gpointer        user_data)
{
  DossierMapPane *self = user_data;
  g_autofree char *path = g_file_get_path (file);
  const char *size = gtk_file_chooser_get_choice (chooser, "width");
  g_autoptr(GError) error = NULL;

  if (path != NULL && !dossier_map_pane_export (self, path, size ? atoi (size) : 2400, &error))
    _dossier_map_pane_show_message (self, error->message);
}

static void
export_view (DossierMapPane *self)
{
  GtkFileChooserNative *chooser;

  chooser = dossier_file_chooser_new (GTK_WIDGET (self), _("Export the Map"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  dossier_file_chooser_add_figure_filters (chooser);
  /* Translators: the file name offered for an exported map */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("map.png"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "width", _("Width"),
                               (const char *[]) { "1200", "2400", "3600", NULL },
                               (const char *[]) { _("1200 (screen)"), _("2400 (print, half page)"), _("3600 (print, full page)"), NULL });
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "width", "2400");
  dossier_file_chooser_show (chooser, on_export_chosen, self, NULL);
}

void
_dossier_map_pane_export_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, export_view);
}
