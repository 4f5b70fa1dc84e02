/* dossier-timeline-pane.c: the timeline with its controls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Above the timeline: what colours mean (as on the map), how rows are grouped in lanes,
 * fit all, fit the selection, clear the period brushed, and export as a figure.
 */
#include "config.h"

#include <stdlib.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-figure.h"
#include "dossier-timeline-pane.h"

struct _DossierTimelinePane
{
  GtkWidget            parent_instance;

  DossierFilter       *filter;
  DossierTimelineView *view;
  GtkWidget           *box;
  GtkWidget           *clear_period;
  GSettings           *settings;
};

G_DEFINE_FINAL_TYPE (DossierTimelinePane, dossier_timeline_pane, GTK_TYPE_WIDGET)

/**
 * dossier_timeline_pane_export:
 * @self: a #DossierTimelinePane
 * @path: the file to write: .png, .svg or .pdf
 * @width: its width in pixels (PNG) or points (SVG, PDF); the height follows the view's
 * @error: return location for a #GError
 *
 * Writes the timeline as shown, with its axis and legend, as a figure for a report; the
 * selection, which only the screen needs, is left out.
 *
 * Returns: %TRUE if written
 */
gboolean
dossier_timeline_pane_export (DossierTimelinePane  *self,
                              const char           *path,
                              int                   width,
                              GError              **error)
{
  g_autoptr(GskRenderNode) node = NULL;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_PANE (self), FALSE);
  node = dossier_timeline_view_render (self->view);
  return dossier_figure_write (node, gtk_widget_get_width (GTK_WIDGET (self->view)),
                               gtk_widget_get_height (GTK_WIDGET (self->view)), path, width, error);
}

static void
on_export_response (GtkNativeDialog     *dialog,
                    int                  response,
                    DossierTimelinePane *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      const char *size = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "width");
      g_autoptr(GError) error = NULL;

      if (path != NULL && !dossier_timeline_pane_export (self, path, size ? atoi (size) : 2400, &error))
        {
          GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

          if (overlay != NULL)
            adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
          else
            g_warning ("%s", error->message);
        }
    }
  g_object_unref (dialog);
}

static void
export_view (DossierTimelinePane *self)
{
  GtkNativeDialog *chooser;
  const char *formats[][2] = { { N_("PNG image"), "*.png" }, { N_("SVG drawing"), "*.svg" }, { N_("PDF document"), "*.pdf" } };
  const char *widths[] = { "1200", "2400", "4800", NULL };
  const char *width_labels[] = { N_("1,200 pixels or points"), N_("2,400 pixels or points"), N_("4,800 pixels or points"), NULL };
  const char *translated[G_N_ELEMENTS (width_labels)] = { NULL };

  chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export the Timeline"),
                                                            GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel")));
  gtk_native_dialog_set_modal (chooser, TRUE);
  /* Translators: the file name offered for an exported timeline */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("timeline.pdf"));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i][0]));
      gtk_file_filter_add_pattern (filter, formats[i][1]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  for (guint i = 0; width_labels[i] != NULL; i++)
    translated[i] = _(width_labels[i]);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "width", _("Width"), widths, translated);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "width", "2400");
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (chooser);
}

static void
on_colour_by (GtkDropDown         *dropdown,
              GParamSpec          *pspec,
              DossierTimelinePane *self)
{
  DossierColourBy by = gtk_drop_down_get_selected (dropdown) == 1 ? DOSSIER_COLOUR_BY_VERIFICATION
                                                                  : DOSSIER_COLOUR_BY_VIOLATION_TYPE;

  dossier_timeline_view_set_colour_by (self->view, by);
  /* One choice for the map and the timeline: an incident has the same colour on both. */
  if (pspec != NULL && g_settings_get_enum (self->settings, "map-colour-by") != (int) by)
    g_settings_set_enum (self->settings, "map-colour-by", by);
}

/* Chosen on the map (or here, in another window): the timeline follows. */
static void
on_colour_setting (GSettings   *settings,
                   const char  *key,
                   GtkDropDown *dropdown)
{
  gtk_drop_down_set_selected (dropdown, g_settings_get_enum (settings, key) == DOSSIER_COLOUR_BY_VERIFICATION ? 1 : 0);
}

static void
on_lanes (GtkDropDown         *dropdown,
          GParamSpec          *pspec,
          DossierTimelinePane *self)
{
  dossier_timeline_view_set_lanes (self->view, (DossierLanes) gtk_drop_down_get_selected (dropdown));
}

static void
update_period (DossierTimelinePane *self)
{
  const DossierIncidentQuery *query = dossier_filter_get_query (self->filter);

  gtk_widget_set_visible (self->clear_period, query->date_from != 0 || query->date_to != 0);
}

static void
clear_period (DossierTimelinePane *self)
{
  dossier_filter_set_period (self->filter, 0, 0);
}

static GtkWidget *
tool_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  /* Without it, a screen reader calls an icon button "GtkImage". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
dossier_timeline_pane_dispose (GObject *object)
{
  DossierTimelinePane *self = DOSSIER_TIMELINE_PANE (object);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (dossier_timeline_pane_parent_class)->dispose (object);
}

static void
dossier_timeline_pane_class_init (DossierTimelinePaneClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_timeline_pane_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "dossier-timeline-pane");
}

static void
dossier_timeline_pane_init (DossierTimelinePane *self)
{
  self->settings = g_settings_new (APP_ID);
}

GtkWidget *
dossier_timeline_pane_new (DossierStore  *store,
                           DossierFilter *filter,
                           const char    *lang)
{
  DossierTimelinePane *self = g_object_new (DOSSIER_TYPE_TIMELINE_PANE, NULL);
  g_autoptr(GtkStringList) colours = NULL;
  g_autoptr(GtkStringList) lanes = NULL;
  GtkWidget *bar, *colour_by, *lanes_by, *button;

  self->filter = g_object_ref (filter);
  self->view = DOSSIER_TIMELINE_VIEW (dossier_timeline_view_new (store, filter, lang));
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->view), TRUE);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_margin_start (bar, 4);
  gtk_widget_set_margin_end (bar, 4);
  gtk_widget_set_margin_top (bar, 2);
  gtk_widget_set_margin_bottom (bar, 2);
  /* Colours and lanes in a popover: their labels are long, and the bar must stay narrow
   * enough for the map beside it. */
  {
    GtkWidget *options = gtk_menu_button_new ();
    GtkWidget *popover = gtk_popover_new ();
    GtkWidget *grid = gtk_grid_new ();
    GtkWidget *label;

    gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
    gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
    colours = gtk_string_list_new ((const char *[]) { _("Violation type"), _("Verification"), NULL });
    colour_by = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&colours)), NULL);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (colour_by), g_settings_get_enum (self->settings, "map-colour-by"));
    on_colour_by (GTK_DROP_DOWN (colour_by), NULL, self);
    g_signal_connect (colour_by, "notify::selected", G_CALLBACK (on_colour_by), self);
    g_signal_connect_object (self->settings, "changed::map-colour-by", G_CALLBACK (on_colour_setting), colour_by, 0);
    label = gtk_label_new_with_mnemonic (_("_Colour by"));
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), colour_by);
    gtk_widget_set_halign (label, GTK_ALIGN_END);
    gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), colour_by, 1, 0, 1, 1);
    gtk_accessible_update_relation (GTK_ACCESSIBLE (colour_by), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
    dossier_accessible_name_drop_down (GTK_DROP_DOWN (colour_by), gtk_label_get_text (GTK_LABEL (label)));
    lanes = gtk_string_list_new ((const char *[]) { _("No lanes"), _("Region"), _("Kind of alleged perpetrator"),
                                                    _("Violation type"), NULL });
    lanes_by = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&lanes)), NULL);
    g_signal_connect (lanes_by, "notify::selected", G_CALLBACK (on_lanes), self);
    label = gtk_label_new_with_mnemonic (_("_Lanes by"));
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), lanes_by);
    gtk_widget_set_halign (label, GTK_ALIGN_END);
    gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
    gtk_grid_attach (GTK_GRID (grid), lanes_by, 1, 1, 1, 1);
    gtk_accessible_update_relation (GTK_ACCESSIBLE (lanes_by), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
    dossier_accessible_name_drop_down (GTK_DROP_DOWN (lanes_by), gtk_label_get_text (GTK_LABEL (label)));
    gtk_popover_set_child (GTK_POPOVER (popover), grid);
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (options), popover);
    gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (options), "view-more-symbolic");
    gtk_widget_set_tooltip_text (options, _("Colours and lanes"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (options), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colours and lanes"), -1);
    gtk_widget_add_css_class (options, "flat");
    gtk_box_append (GTK_BOX (bar), options);
  }

  self->clear_period = gtk_button_new_with_label (_("Clear the period"));
  gtk_widget_set_tooltip_text (self->clear_period, _("Show every date again in the lists and on the map"));
  gtk_widget_add_css_class (self->clear_period, "suggested-action");
  g_signal_connect_swapped (self->clear_period, "clicked", G_CALLBACK (clear_period), self);
  gtk_widget_set_hexpand (self->clear_period, TRUE);
  gtk_widget_set_halign (self->clear_period, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (bar), self->clear_period);
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (update_period), self);
  update_period (self);

  button = tool_button ("zoom-fit-best-symbolic", _("Show every incident (Home)"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (dossier_timeline_view_fit_all), self->view);
  gtk_box_append (GTK_BOX (bar), button);
  button = tool_button ("find-location-symbolic", _("Show the selected incident"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (dossier_timeline_view_fit_selection), self->view);
  gtk_box_append (GTK_BOX (bar), button);
  button = tool_button ("document-save-as-symbolic", _("Export the timeline as an image (PNG, SVG or PDF)"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (export_view), self);
  gtk_box_append (GTK_BOX (bar), button);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (self->box), bar);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->view));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

DossierTimelineView *
dossier_timeline_pane_get_view (DossierTimelinePane *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_PANE (self), NULL);
  return self->view;
}
