/* dossier-timeline-pane.c: the timeline with its controls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Above the timeline: what colours mean (as on the map), how rows are grouped in lanes,
 * fit all, fit the selection, clear the period brushed, and export as a figure. The bar is
 * in dossier-timeline-pane.ui; the timeline under it is made once the dossier is known.
 */
#include "config.h"

#include <stdlib.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-figure.h"
#include "dossier-file-chooser.h"
#include "dossier-timeline-pane.h"

struct _DossierTimelinePane
{
  GtkWidget            parent_instance;

  DossierStore        *store;
  DossierFilter       *filter;
  char                *lang;
  DossierTimelineView *view;
  GtkWidget           *box;
  GtkWidget           *colour_label;
  GtkWidget           *colour_by;
  GtkWidget           *lanes_label;
  GtkWidget           *lanes_by;
  GtkWidget           *clear_period;
  GSettings           *settings;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_LANG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
on_export_chosen (GtkFileChooser *chooser,
                  GFile          *file,
                  gpointer        user_data)
{
  DossierTimelinePane *self = user_data;
  g_autofree char *path = g_file_get_path (file);
  const char *size = gtk_file_chooser_get_choice (chooser, "width");
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

static void
export_view (DossierTimelinePane *self)
{
  GtkFileChooserNative *chooser;
  const char *widths[] = { "1200", "2400", "4800", NULL };
  const char *width_labels[] = { N_("1,200 pixels or points"), N_("2,400 pixels or points"), N_("4,800 pixels or points"), NULL };
  const char *translated[G_N_ELEMENTS (width_labels)] = { NULL };

  chooser = dossier_file_chooser_new (GTK_WIDGET (self), _("Export the Timeline"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                      _("_Export"));
  /* Translators: the file name offered for an exported timeline */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("timeline.pdf"));
  dossier_file_chooser_add_figure_filters (chooser);
  for (guint i = 0; width_labels[i] != NULL; i++)
    translated[i] = _(width_labels[i]);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "width", _("Width"), widths, translated);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "width", "2400");
  dossier_file_chooser_show (chooser, on_export_chosen, self, NULL);
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

static void
fit_all (DossierTimelinePane *self)
{
  dossier_timeline_view_fit_all (self->view);
}

static void
fit_selection (DossierTimelinePane *self)
{
  dossier_timeline_view_fit_selection (self->view);
}

static void
dossier_timeline_pane_constructed (GObject *object)
{
  DossierTimelinePane *self = DOSSIER_TIMELINE_PANE (object);

  G_OBJECT_CLASS (dossier_timeline_pane_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL && self->filter != NULL);

  self->view = DOSSIER_TIMELINE_VIEW (dossier_timeline_view_new (self->store, self->filter, self->lang));
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->view), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->view));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->colour_by), g_settings_get_enum (self->settings, "map-colour-by"));
  on_colour_by (GTK_DROP_DOWN (self->colour_by), NULL, self);
  g_signal_connect (self->colour_by, "notify::selected", G_CALLBACK (on_colour_by), self);
  g_signal_connect_object (self->settings, "changed::map-colour-by", G_CALLBACK (on_colour_setting), self->colour_by, 0);
  dossier_accessible_name_drop_down (GTK_DROP_DOWN (self->colour_by), gtk_label_get_text (GTK_LABEL (self->colour_label)));
  dossier_accessible_name_drop_down (GTK_DROP_DOWN (self->lanes_by), gtk_label_get_text (GTK_LABEL (self->lanes_label)));

  g_signal_connect_swapped (self->filter, "changed", G_CALLBACK (update_period), self);
  update_period (self);
}

static void
dossier_timeline_pane_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DossierTimelinePane *self = DOSSIER_TIMELINE_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILTER:
      self->filter = g_value_dup_object (value);
      break;
    case PROP_LANG:
      self->lang = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_pane_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DossierTimelinePane *self = DOSSIER_TIMELINE_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    case PROP_LANG:
      g_value_set_string (value, self->lang);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_pane_dispose (GObject *object)
{
  DossierTimelinePane *self = DOSSIER_TIMELINE_PANE (object);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_TIMELINE_PANE);
  self->box = NULL;
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->lang, g_free);
  G_OBJECT_CLASS (dossier_timeline_pane_parent_class)->dispose (object);
}

static void
dossier_timeline_pane_class_init (DossierTimelinePaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_timeline_pane_constructed;
  object_class->set_property = dossier_timeline_pane_set_property;
  object_class->get_property = dossier_timeline_pane_get_property;
  object_class->dispose = dossier_timeline_pane_dispose;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, DOSSIER_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] = g_param_spec_object ("filter", NULL, NULL, DOSSIER_TYPE_FILTER,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "fr" or "en": the language of the timeline's words and of its figures */
  properties[PROP_LANG] = g_param_spec_string ("lang", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossier-timeline-pane");
  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/timeline/dossier-timeline-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTimelinePane, box);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelinePane, colour_label);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelinePane, colour_by);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelinePane, lanes_label);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelinePane, lanes_by);
  gtk_widget_class_bind_template_child (widget_class, DossierTimelinePane, clear_period);
  gtk_widget_class_bind_template_callback (widget_class, on_lanes);
  gtk_widget_class_bind_template_callback (widget_class, clear_period);
  gtk_widget_class_bind_template_callback (widget_class, fit_all);
  gtk_widget_class_bind_template_callback (widget_class, fit_selection);
  gtk_widget_class_bind_template_callback (widget_class, export_view);
}

static void
dossier_timeline_pane_init (DossierTimelinePane *self)
{
  self->settings = g_settings_new (APP_ID);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * dossier_timeline_pane_new:
 * @store: the dossier
 * @filter: the shared filter, followed
 * @lang: "fr" or "en"
 *
 * Returns: (transfer floating): the timeline with its controls
 */
GtkWidget *
dossier_timeline_pane_new (DossierStore  *store,
                           DossierFilter *filter,
                           const char    *lang)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (DOSSIER_IS_FILTER (filter), NULL);

  return g_object_new (DOSSIER_TYPE_TIMELINE_PANE, "store", store, "filter", filter, "lang", lang, NULL);
}

DossierTimelineView *
dossier_timeline_pane_get_view (DossierTimelinePane *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_PANE (self), NULL);
  return self->view;
}
