/* dossier-map-pane.c: the map of the dossier's incidents, offline, beside the lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ShumateMap with our own layers: the incidents, clustered (DossierIncidentLayer), and,
 * only when the investigator allows it in the preferences, OpenStreetMap's tiles under them.
 * The viewport's projection comes from that tile source whether it is shown or not, so the
 * map works the same with no network at all. Over the map: the colour switch, the legend,
 * "zoom to all" and "zoom to selection", the scale and the attributions.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-basemap-layer.h"
#include "dossier-incident.h"
#include "dossier-evidence-layer.h"
#include "dossier-figure.h"
#include "dossier-label-layer.h"
#include "dossier-look.h"
#include "dossier-map-figure.h"
#include "dossier-map-pane.h"
#include "dossier-mbtiles-source.h"
#include "dossier-online-source.h"
#include <adwaita.h>
#include "dossier-vocab.h"

#define OSM_URL "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

struct _DossierMapPane
{
  GtkWidget             parent_instance;

  GtkWidget            *overlay;
  GtkWidget            *controls;  /* the buttons over the map, left out of figures */
  DossierEvidenceLayer *evidence;
  GtkWidget            *scale;     /* replaced by a drawn one in figures */
  ShumateMap           *map;
  ShumateMapSource     *osm;
  ShumateMapLayer      *tiles;       /* OpenStreetMap, when allowed */
  DossierBasemapLayer  *basemap;
  ShumateMapSource     *mbtiles;     /* the user's tile file, when chosen */
  ShumateMapLayer      *mbtiles_layer;
  ShumateLicense       *license;
  DossierIncidentLayer *incidents;
  DossierLabelLayer    *labels;      /* the basemap's names, over the incidents */
  GtkWidget            *colour_by;     /* the colour switch: a menu of two choices */
  GtkWidget            *by_type;
  GtkWidget            *by_verification;
  GtkWidget            *legend;
  GtkWidget            *legend_rows;      /* under the legend's own button, which hides them */
  GSettings            *settings;
  DossierStore         *store;
  char                 *lang;
  gint64                selected;
  gboolean              picking;     /* the next click places an incident */
  gint64                picking_for; /* the incident selected then */
  gboolean              has_focus_point;   /* the keyboard's mark */
  double                focus_x;
  double                focus_y;
  GtkWidget            *pick_banner;
  GtkEventController   *pick_keys;   /* on the window while picking: Escape from anywhere */
  GtkWidget            *legend_toggle;
  gboolean              legend_chosen;  /* opened or closed by the investigator */
  gboolean              folding;
  int                   bottom_height;  /* of the scale and credits, with their margin */
  guint                 relayout_id;
  gboolean              at_home;        /* Mali whole, not moved since */
  gboolean              moving_home;
  graphene_rect_t       home_areas[2];  /* the free parts of the map it was fitted to */
  gboolean              pressed;     /* a click began on the map and has not moved away */
  double                press_x;
  double                press_y;
};

enum {
  INCIDENT_ACTIVATED,
  EVIDENCE_ACTIVATED,
  LOCATION_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierMapPane, dossier_map_pane, GTK_TYPE_WIDGET)

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  DossierTermStyle *style = g_object_get_data (G_OBJECT (area), "style");
  DossierLook look;

  /* The mark as on the map: the term's colour and shape. */
  dossier_look_from_widget (GTK_WIDGET (area), &look);
  dossier_mark_draw (cr, style, width / 2.0, height / 2.0, 4.2, &look);
}

static gboolean
has_text (GBinding     *binding,
          const GValue *from,
          GValue       *to,
          gpointer      data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && *text != '\0');
  return TRUE;
}

static gboolean
legend_arrow (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      data)
{
  g_value_set_string (to, g_value_get_boolean (from) ? "pan-down-symbolic" : "pan-up-symbolic");
  return TRUE;
}

static void
update_legend (DossierMapPane *self)
{
  g_auto(GStrv) keys = dossier_incident_layer_get_keys (self->incidents);
  const char *scheme = dossier_incident_layer_get_colour_by (self->incidents) == DOSSIER_COLOUR_BY_VERIFICATION
                       ? "verification-status" : "violation-type";
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->legend_rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->legend_rows), child);
  for (guint i = 0; keys[i] && i < 12; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();
      g_autofree char *label = dossier_store_vocab_label (self->store, scheme, keys[i], self->lang);
      DossierTermStyle style;

      dossier_incident_layer_get_key_style (self->incidents, keys[i], NULL, &style);
      gtk_widget_set_size_request (swatch, 18, 16);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (swatch), "style", g_memdup2 (&style, sizeof style), g_free);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, NULL, NULL);
      gtk_widget_set_margin_start (row, 8);
      gtk_widget_set_margin_end (row, 8);
      gtk_widget_set_margin_bottom (row, keys[i + 1] == NULL || i == 11 ? 6 : 0);
      gtk_box_append (GTK_BOX (row), swatch);
      gtk_box_append (GTK_BOX (row), gtk_label_new (label));
      gtk_box_append (GTK_BOX (self->legend_rows), row);
    }
  gtk_widget_set_visible (self->legend, keys[0] != NULL);
}

static void
on_colour_by_changed (DossierMapPane *self)
{
  DossierColourBy by = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->by_verification))
                       ? DOSSIER_COLOUR_BY_VERIFICATION : DOSSIER_COLOUR_BY_VIOLATION_TYPE;

  dossier_incident_layer_set_colour_by (self->incidents, by);
  g_settings_set_enum (self->settings, "map-colour-by", by);
}

/* Chosen on the timeline: the map follows, so that an incident has the same colour on both. */
static void
on_colour_setting (DossierMapPane *self)
{
  gboolean verification = g_settings_get_enum (self->settings, "map-colour-by") == DOSSIER_COLOUR_BY_VERIFICATION;

  gtk_check_button_set_active (GTK_CHECK_BUTTON (verification ? self->by_verification : self->by_type), TRUE);
}

/* What the colours tell, chosen in a small menu: a drop-down with its words took half of a
 * narrow map's width, and pushed the buttons off its edge. */
static GtkWidget *
make_colour_button (DossierMapPane *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->by_type = gtk_check_button_new_with_label (_("Colour by violation type"));
  self->by_verification = gtk_check_button_new_with_label (_("Colour by verification"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->by_verification), GTK_CHECK_BUTTON (self->by_type));
  if (g_settings_get_enum (self->settings, "map-colour-by") == DOSSIER_COLOUR_BY_VERIFICATION)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->by_verification), TRUE);
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->by_type), TRUE);
  g_signal_connect_object (self->by_verification, "notify::active", G_CALLBACK (on_colour_by_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::map-colour-by", G_CALLBACK (on_colour_setting), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->by_type);
  gtk_box_append (GTK_BOX (box), self->by_verification);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "color-select-symbolic");
  gtk_widget_set_tooltip_text (button, _("Colours"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colours"), -1);
  gtk_widget_add_css_class (button, "osd");
  gtk_widget_add_css_class (button, "circular");
  return button;
}

/* OpenStreetMap's tiles only when the investigator has allowed the network for them. */
static void
update_tiles (DossierMapPane *self)
{
  gboolean online = g_settings_get_boolean (self->settings, "online-tiles");

  if (online && self->tiles == NULL)
    {
      self->tiles = shumate_map_layer_new (self->osm, shumate_map_get_viewport (self->map));
      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->tiles), SHUMATE_LAYER (self->incidents));
      shumate_license_append_map_source (self->license, self->osm);
    }
  else if (!online && self->tiles != NULL)
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->tiles));
      shumate_license_remove_map_source (self->license, self->osm);
      self->tiles = NULL;
    }
}

/**
 * dossier_map_pane_new_online_source:
 * @url_template: where tiles are, with {z}, {x} and {y}
 *
 * The online tiles: downloaded only as the view needs them (no bulk or prefetch), by a
 * client that names itself, kept in Shumate's cache.
 *
 * Returns: (transfer full): the source, credited to OpenStreetMap's contributors
 */
ShumateMapSource *
dossier_map_pane_new_online_source (const char *url_template)
{
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "dossier", "tiles", NULL);
  g_autoptr(DossierOnlineSource) source = dossier_online_source_new (url_template, cache);

  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (
    "osm-mapnik", "OpenStreetMap", "© OpenStreetMap contributors", "https://www.openstreetmap.org/copyright",
    0, 19, 256, SHUMATE_MAP_PROJECTION_MERCATOR, SHUMATE_DATA_SOURCE (source)));
}

static void
show_message (DossierMapPane *self,
              const char     *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

/* The investigator's own tiles (an MBTiles file), under the incidents. */
static void
update_mbtiles (DossierMapPane *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "mbtiles-file");

  if (self->mbtiles_layer != NULL)
    {
      shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->mbtiles_layer));
      shumate_license_remove_map_source (self->license, self->mbtiles);
      self->mbtiles_layer = NULL;
      g_clear_object (&self->mbtiles);
    }
  if (*path != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierMbtiles) tiles = dossier_mbtiles_open (path, &error);

      if (tiles == NULL)
        {
          show_message (self, error->message);
          return;
        }
      self->mbtiles = dossier_mbtiles_source_new_renderer (tiles);
      self->mbtiles_layer = shumate_map_layer_new (self->mbtiles, shumate_map_get_viewport (self->map));
      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->mbtiles_layer), SHUMATE_LAYER (self->incidents));
      shumate_license_append_map_source (self->license, self->mbtiles);
    }
}

static void
on_mbtiles_chosen (GtkNativeDialog *dialog,
                   int              response,
                   DossierMapPane  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_settings_set_string (self->settings, "mbtiles-file", path);
    }
  g_object_unref (dialog);
}

static void
choose_mbtiles (DossierMapPane *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Use a File of Map Tiles"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Use"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Map tiles (MBTiles)"));
  gtk_file_filter_add_pattern (filter, "*.mbtiles");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_mbtiles_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
forget_mbtiles (DossierMapPane *self)
{
  g_settings_set_string (self->settings, "mbtiles-file", "");
}

/* What is under the incidents: the offline basemap always, and the optional tiles. */
static GtkWidget *
make_layers_button (DossierMapPane *self)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *online = gtk_check_button_new_with_label (_("OpenStreetMap tiles (online)"));
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("Use a _Tile File (MBTiles)…"));
  GtkWidget *forget = gtk_button_new_with_mnemonic (_("_Stop Using the Tile File"));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-paged-symbolic");
  gtk_widget_set_tooltip_text (button, _("Map layers"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map layers"), -1);
  gtk_widget_add_css_class (button, "osd");
  gtk_widget_add_css_class (button, "circular");
  g_settings_bind (self->settings, "online-tiles", online, "active", G_SETTINGS_BIND_DEFAULT);
  gtk_widget_set_tooltip_text (online, _("Only when you allow the network: tiles come from openstreetmap.org"));
  gtk_widget_add_css_class (choose, "flat");
  gtk_widget_add_css_class (forget, "flat");
  g_signal_connect_object (choose, "clicked", G_CALLBACK (choose_mbtiles), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (forget, "clicked", G_CALLBACK (forget_mbtiles), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), online);
  gtk_box_append (GTK_BOX (box), choose);
  gtk_box_append (GTK_BOX (box), forget);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  return button;
}

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
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    DossierMapPane  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      const char *size = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "width");
      g_autoptr(GError) error = NULL;

      if (path != NULL && !dossier_map_pane_export (self, path, size ? atoi (size) : 2400, &error))
        show_message (self, error->message);
    }
  g_object_unref (dialog);
}

static void
export_view (DossierMapPane *self)
{
  GtkFileChooserNative *chooser;
  const char *formats[][2] = { { N_("PNG image"), "*.png" }, { N_("SVG drawing"), "*.svg" }, { N_("PDF document"), "*.pdf" } };

  chooser = gtk_file_chooser_native_new (_("Export the Map"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i][0]));
      gtk_file_filter_add_pattern (filter, formats[i][1]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  /* Translators: the file name offered for an exported map */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("map.png"));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "width", _("Width"),
                               (const char *[]) { "1200", "2400", "3600", NULL },
                               (const char *[]) { _("1200 (screen)"), _("2400 (print, half page)"), _("3600 (print, full page)"), NULL });
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "width", "2400");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

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

#define MARGIN 6

/* Mali, whole: the view the map opens on. */
#define MALI_SOUTH 10.1
#define MALI_WEST  -12.3
#define MALI_NORTH 25.0
#define MALI_EAST  4.3

/* An incident alone is shown with this much around it (about 50 km), not in a street. */
#define MIN_EXTENT_DEGREES 0.45

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

  filter = g_object_get_data (G_OBJECT (self), "filter");
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
  if (incident == NULL || isnan (incident->latitude) || isnan (incident->longitude))
    return FALSE;
  shumate_map_go_to_full (self->map, incident->latitude, incident->longitude,
                          MAX (shumate_viewport_get_zoom_level (shumate_map_get_viewport (self->map)), 9));
  return TRUE;
}

/**
 * dossier_map_pane_set_selected:
 * @self: a #DossierMapPane
 * @incident_id: the incident selected elsewhere, or 0
 *
 * Marks it on the map; the view moves to it only if it is outside.
 */
void
dossier_map_pane_set_selected (DossierMapPane *self,
                               gint64          incident_id)
{
  g_autoptr(DossierIncident) incident = NULL;
  double lat = NAN, lon = NAN;

  g_return_if_fail (DOSSIER_IS_MAP_PANE (self));

  /* A click waited for places the incident that asked for it, and no other (a list being
   * read again selects nothing for a moment: that is not another incident). */
  if (self->picking && incident_id > 0 && self->picking_for > 0 && incident_id != self->picking_for)
    dossier_map_pane_cancel_pick (self);
  self->selected = incident_id;
  if (incident_id > 0)
    incident = dossier_store_load (self->store, DOSSIER_TYPE_INCIDENT, incident_id, NULL);
  if (incident != NULL)
    {
      lat = incident->latitude;
      lon = incident->longitude;
    }
  dossier_incident_layer_set_selected (self->incidents, incident_id, lat, lon);
  if (!isnan (lat) && !isnan (lon) && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      ShumateViewport *viewport = shumate_map_get_viewport (self->map);
      int width = gtk_widget_get_width (GTK_WIDGET (self->map));
      int height = gtk_widget_get_height (GTK_WIDGET (self->map));
      double x, y;

      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self->map), lat, lon, &x, &y);
      if (x < 0 || y < 0 || x > width || y > height)
        shumate_map_center_on (self->map, lat, lon);
    }
}

static GtkWidget *
osd_button (const char *icon,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  /* Without it, a screen reader calls an icon button "GtkImage". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "osd");
  gtk_widget_add_css_class (button, "circular");
  return button;
}

/* A hidden map waits for no click. */
static void
dossier_map_pane_unmap (GtkWidget *widget)
{
  dossier_map_pane_cancel_pick (DOSSIER_MAP_PANE (widget));
  GTK_WIDGET_CLASS (dossier_map_pane_parent_class)->unmap (widget);
}

static void
dossier_map_pane_dispose (GObject *object)
{
  DossierMapPane *self = DOSSIER_MAP_PANE (object);

  if (self->pick_keys != NULL)
    {
      gtk_widget_remove_controller (gtk_event_controller_get_widget (self->pick_keys), self->pick_keys);
      self->pick_keys = NULL;
    }

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  g_clear_object (&self->osm);
  g_clear_object (&self->mbtiles);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->lang, g_free);

  G_OBJECT_CLASS (dossier_map_pane_parent_class)->dispose (object);
}

static void
dossier_map_pane_class_init (DossierMapPaneClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_map_pane_dispose;
  widget_class->unmap = dossier_map_pane_unmap;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossier-map-pane");

  /* While picking, the map was clicked there: latitude and longitude. */
  signals[LOCATION_PICKED] = g_signal_new ("location-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
  /* A single incident was clicked on the map: its id. */
  /* An evidence item was clicked on the map: its id. */
  signals[EVIDENCE_ACTIVATED] = g_signal_new ("evidence-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[INCIDENT_ACTIVATED] = g_signal_new ("incident-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
dossier_map_pane_init (DossierMapPane *self)
{
  static GtkCssProvider *provider;

  self->settings = g_settings_new (APP_ID);
  /* The pane's own style, loaded once for the display, whatever application shows it. */
  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (provider, "/org/dossier/Dossier/map/dossier-map-pane.css");
      gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
}

/**
 * dossier_map_pane_new:
 * @store: the dossier
 * @filter: (nullable): the shared filter
 * @lang: "fr" or "en"
 *
 * Returns: (transfer floating): a map of the dossier's incidents, over Mali
 */
GtkWidget *
dossier_map_pane_new (DossierStore  *store,
                      DossierFilter *filter,
                      const char    *lang)
{
  DossierMapPane *self = g_object_new (DOSSIER_TYPE_MAP_PANE, NULL);
  ShumateViewport *viewport;
  GtkWidget *top, *buttons, *all, *selection;
  GtkGesture *click;

  self->store = g_object_ref (store);
  self->lang = g_strdup (lang);
  g_object_set_data_full (G_OBJECT (self), "filter", filter ? g_object_ref (filter) : NULL, g_object_unref);

  /* The projection and zoom range of standard web tiles, with or without the tiles. */
  self->osm = dossier_map_pane_new_online_source (OSM_URL);
  self->map = shumate_map_new ();
  viewport = shumate_map_get_viewport (self->map);
  shumate_viewport_set_reference_map_source (viewport, self->osm);
  shumate_viewport_set_min_zoom_level (viewport, 3);
  shumate_viewport_set_max_zoom_level (viewport, 18);
  shumate_map_set_animate_zoom (self->map, FALSE);
  /* Short flights: the view arrives before the eye looks for it. */
  shumate_map_set_go_to_duration (self->map, 250);
  gtk_widget_set_hexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);

  self->basemap = dossier_basemap_layer_new (viewport, lang);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->basemap));
  self->incidents = dossier_incident_layer_new (viewport, store, filter);
  dossier_incident_layer_set_colour_by (self->incidents, g_settings_get_enum (self->settings, "map-colour-by"));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->incidents));
  self->evidence = dossier_evidence_layer_new (viewport, store);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->evidence));
  self->labels = dossier_label_layer_new (viewport, self->basemap, self->incidents, self->evidence);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->labels));
  g_signal_connect_object (self->incidents, "updated", G_CALLBACK (update_legend), self, G_CONNECT_SWAPPED);

  self->overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->map));
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));
  /* Mali, whole, then again once the map has its size. */
  self->at_home = TRUE;
  shumate_viewport_set_zoom_level (viewport, 5);
  shumate_map_center_on (self->map, (MALI_NORTH + MALI_SOUTH) / 2, (MALI_WEST + MALI_EAST) / 2);
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (on_viewport_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (on_viewport_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_moved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overlay, "get-child-position", G_CALLBACK (place_overlay_child), self, 0);

  /* Top right: what the colours mean, and where to look; the hint while picking comes
   * under them, in the same column. */
  top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_halign (top, GTK_ALIGN_END);
  gtk_widget_set_valign (top, GTK_ALIGN_START);
  gtk_widget_set_margin_top (top, 6);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), top);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_end (buttons, 6);
  self->colour_by = make_colour_button (self);
  all = osd_button ("zoom-fit-best-symbolic", _("Zoom to all the incidents shown"));
  g_signal_connect_object (all, "clicked", G_CALLBACK (dossier_map_pane_zoom_to_all), self, G_CONNECT_SWAPPED);
  selection = osd_button ("find-location-symbolic", _("Zoom to the selected incident"));
  g_signal_connect_object (selection, "clicked", G_CALLBACK (dossier_map_pane_zoom_to_selection), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), self->colour_by);
  gtk_box_append (GTK_BOX (buttons), make_layers_button (self));
  {
    GtkWidget *export = osd_button ("document-save-as-symbolic", _("Export the map as an image (PNG, SVG or PDF)"));

    g_signal_connect_object (export, "clicked", G_CALLBACK (export_view), self, G_CONNECT_SWAPPED);
    gtk_box_append (GTK_BOX (buttons), export);
  }
  gtk_box_append (GTK_BOX (buttons), all);
  gtk_box_append (GTK_BOX (buttons), selection);
  gtk_box_append (GTK_BOX (top), buttons);
  self->controls = buttons;

  /* Bottom left: the legend over the scale (placed by place_overlay_child()). */
  self->legend = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_halign (self->legend, GTK_ALIGN_START);
  gtk_widget_add_css_class (self->legend, "map-legend");
  gtk_widget_set_visible (self->legend, FALSE);
  /* The legend folds away to its title, for a small map (or a figure) to show Mali whole. */
  {
    GtkWidget *toggle = gtk_toggle_button_new ();
    GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
    GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");

    gtk_box_append (GTK_BOX (title), gtk_label_new (_("Legend")));
    gtk_box_append (GTK_BOX (title), arrow);
    gtk_button_set_child (GTK_BUTTON (toggle), title);
    gtk_widget_add_css_class (toggle, "flat");
    gtk_widget_add_css_class (toggle, "map-legend-title");
    gtk_widget_set_halign (toggle, GTK_ALIGN_START);
    gtk_widget_set_tooltip_text (toggle, _("Show or hide the legend"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
    self->legend_rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
    /* Hidden rather than slid away, so that the folded legend is no wider than its title. */
    g_object_bind_property (toggle, "active", self->legend_rows, "visible", G_BINDING_SYNC_CREATE);
    g_object_bind_property_full (toggle, "active", arrow, "icon-name", G_BINDING_SYNC_CREATE,
                                 legend_arrow, NULL, NULL, NULL);
    gtk_box_append (GTK_BOX (self->legend), toggle);
    gtk_box_append (GTK_BOX (self->legend), self->legend_rows);
    self->legend_toggle = toggle;
    g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_legend_toggled), self, G_CONNECT_SWAPPED);
  }
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->legend);
  self->scale = GTK_WIDGET (shumate_scale_new (viewport));
  /* Kilometres, as Mali measures. */
  shumate_scale_set_unit (SHUMATE_SCALE (self->scale), SHUMATE_UNIT_METRIC);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->scale);

  /* Bottom right: who made what is shown. */
  self->license = shumate_license_new ();
  /* Translators: the credits of the offline basemap, shown on the map */
  shumate_license_set_extra_text (self->license, _("Basemap: Natural Earth · geoBoundaries and GeoNames (CC BY 4.0) · © OpenStreetMap contributors"));
  gtk_widget_add_css_class (GTK_WIDGET (self->license), "map-credits");
  /* Shumate's label for the tiles' credits shows an empty strip while no tiles are used. */
  {
    GtkWidget *sources = gtk_widget_get_first_child (GTK_WIDGET (self->license));

    if (GTK_IS_LABEL (sources))
      g_object_bind_property_full (sources, "label", sources, "visible", G_BINDING_SYNC_CREATE,
                                   has_text, NULL, NULL, NULL);
  }
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->license));
  g_signal_connect_object (self->settings, "changed::online-tiles", G_CALLBACK (update_tiles), self, G_CONNECT_SWAPPED);
  update_tiles (self);
  g_signal_connect_object (self->settings, "changed::mbtiles-file", G_CALLBACK (update_mbtiles), self, G_CONNECT_SWAPPED);
  update_mbtiles (self);

  /* While picking, under the buttons (never over them): what the next click does, and a
   * way out for who does not know Escape. */
  {
    GtkWidget *label = gtk_label_new (_("Click where the incident took place"));
    GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

    self->pick_banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    gtk_widget_add_css_class (self->pick_banner, "map-pick-hint");
    gtk_widget_add_css_class (self->pick_banner, "osd");
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    gtk_widget_set_tooltip_text (cancel, _("Stop placing the incident (Escape)"));
    g_signal_connect_object (cancel, "clicked", G_CALLBACK (dossier_map_pane_cancel_pick), self, G_CONNECT_SWAPPED);
    gtk_box_append (GTK_BOX (self->pick_banner), label);
    gtk_box_append (GTK_BOX (self->pick_banner), cancel);
    gtk_widget_set_halign (self->pick_banner, GTK_ALIGN_END);
    gtk_widget_set_margin_start (self->pick_banner, 6);
    gtk_widget_set_margin_end (self->pick_banner, 6);
    gtk_widget_set_visible (self->pick_banner, FALSE);
    gtk_box_append (GTK_BOX (top), self->pick_banner);
  }
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_press), self);
  g_signal_connect (click, "stopped", G_CALLBACK (on_press_stopped), self);
  g_signal_connect (click, "released", G_CALLBACK (on_release), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map of the incidents"), -1);
  /* Reached with Tab; [ and ] then go from incident to incident. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  return GTK_WIDGET (self);
}

DossierIncidentLayer *
dossier_map_pane_get_incident_layer (DossierMapPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_MAP_PANE (self), NULL);
  return self->incidents;
}

DossierEvidenceLayer *
dossier_map_pane_get_evidence_layer (DossierMapPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_MAP_PANE (self), NULL);
  return self->evidence;
}

DossierBasemapLayer *
dossier_map_pane_get_basemap (DossierMapPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_MAP_PANE (self), NULL);
  return self->basemap;
}

ShumateMap *
dossier_map_pane_get_map (DossierMapPane *self)
{
  g_return_val_if_fail (DOSSIER_IS_MAP_PANE (self), NULL);
  return self->map;
}
