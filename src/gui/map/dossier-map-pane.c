/* dossier-map-pane.c: the map of the dossier's incidents, offline, beside the lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A ShumateMap with our own layers: the incidents, clustered (DossierIncidentLayer), and,
 * only when the investigator allows it in the preferences, OpenStreetMap's tiles under them.
 * The viewport's projection comes from that tile source whether it is shown or not, so the
 * map works the same with no network at all. Over the map (dossier-map-pane.ui): the colour
 * switch, the legend, "zoom to all" and "zoom to selection", the scale and the attributions.
 * The layers are made in constructed(), once the dossier is known.
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-file-chooser.h"
#include "dossier-incident.h"
#include "dossier-look.h"
#include "dossier-map-pane-private.h"
#include "dossier-test-hooks.h"
#include "dossier-mbtiles-source.h"
#include "dossier-online-source.h"
#include "dossier-vocab.h"

#define OSM_URL "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_LANG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

void
_dossier_map_pane_show_message (DossierMapPane *self,
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
          _dossier_map_pane_show_message (self, error->message);
          return;
        }
      self->mbtiles = dossier_mbtiles_source_new_renderer (tiles);
      self->mbtiles_layer = shumate_map_layer_new (self->mbtiles, shumate_map_get_viewport (self->map));
      shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->mbtiles_layer), SHUMATE_LAYER (self->incidents));
      shumate_license_append_map_source (self->license, self->mbtiles);
    }
}

static void
on_mbtiles_chosen (GtkFileChooser *chooser,
                   GFile          *file,
                   gpointer        user_data)
{
  DossierMapPane *self = user_data;
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    g_settings_set_string (self->settings, "mbtiles-file", path);
}

static void
choose_mbtiles (DossierMapPane *self)
{
  GtkFileChooserNative *chooser;

  chooser = dossier_file_chooser_new (GTK_WIDGET (self), _("Use a File of Map Tiles"),
                                      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Use"));
  dossier_file_chooser_add_filter (chooser, _("Map tiles (MBTiles)"), "*.mbtiles", NULL);
  dossier_file_chooser_show (chooser, on_mbtiles_chosen, self, NULL);
}

static void
forget_mbtiles (DossierMapPane *self)
{
  g_settings_set_string (self->settings, "mbtiles-file", "");
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
      lat = dossier_incident_get_latitude (incident);
      lon = dossier_incident_get_longitude (incident);
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

/* A hidden map waits for no click. */
static void
dossier_map_pane_unmap (GtkWidget *widget)
{
  dossier_map_pane_cancel_pick (DOSSIER_MAP_PANE (widget));
  GTK_WIDGET_CLASS (dossier_map_pane_parent_class)->unmap (widget);
}

static void
dossier_map_pane_constructed (GObject *object)
{
  DossierMapPane *self = DOSSIER_MAP_PANE (object);
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);

  G_OBJECT_CLASS (dossier_map_pane_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL);

  /* The projection and zoom range of standard web tiles, with or without the tiles. */
  self->osm = dossier_map_pane_new_online_source (OSM_URL);
  shumate_viewport_set_reference_map_source (viewport, self->osm);
  shumate_viewport_set_min_zoom_level (viewport, 3);
  shumate_viewport_set_max_zoom_level (viewport, 18);

  self->basemap = dossier_basemap_layer_new (viewport, self->lang);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->basemap));
  self->incidents = dossier_incident_layer_new (viewport, self->store, self->filter);
  dossier_incident_layer_set_colour_by (self->incidents, g_settings_get_enum (self->settings, "map-colour-by"));
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->incidents));
  self->evidence = dossier_evidence_layer_new (viewport, self->store);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->evidence));
  self->labels = dossier_label_layer_new (viewport, self->basemap, self->incidents, self->evidence);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->labels));
  g_signal_connect_object (self->incidents, "updated", G_CALLBACK (update_legend), self, G_CONNECT_SWAPPED);
  _dossier_map_pane_layout_init (self);

  /* The colours: the same choice as the timeline's. */
  if (g_settings_get_enum (self->settings, "map-colour-by") == DOSSIER_COLOUR_BY_VERIFICATION)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->by_verification), TRUE);
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->by_type), TRUE);
  g_signal_connect_object (self->by_verification, "notify::active", G_CALLBACK (on_colour_by_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::map-colour-by", G_CALLBACK (on_colour_setting), self, G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "online-tiles", self->online_tiles, "active", G_SETTINGS_BIND_DEFAULT);

  /* Hidden rather than slid away, so that the folded legend is no wider than its title. */
  g_object_bind_property (self->legend_toggle, "active", self->legend_rows, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->legend_toggle, "active", self->legend_arrow, "icon-name", G_BINDING_SYNC_CREATE,
                               legend_arrow, NULL, NULL, NULL);

  shumate_scale_set_viewport (SHUMATE_SCALE (self->scale), viewport);
  /* Shumate's label for the tiles' credits shows an empty strip while no tiles are used. */
  {
    GtkWidget *sources = gtk_widget_get_first_child (GTK_WIDGET (self->license));

    if (GTK_IS_LABEL (sources))
      g_object_bind_property_full (sources, "label", sources, "visible", G_BINDING_SYNC_CREATE,
                                   has_text, NULL, NULL, NULL);
  }
  g_signal_connect_object (self->settings, "changed::online-tiles", G_CALLBACK (update_tiles), self, G_CONNECT_SWAPPED);
  update_tiles (self);
  g_signal_connect_object (self->settings, "changed::mbtiles-file", G_CALLBACK (update_mbtiles), self, G_CONNECT_SWAPPED);
  update_mbtiles (self);

  _dossier_map_pane_input_init (self);
}

static void
dossier_map_pane_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierMapPane *self = DOSSIER_MAP_PANE (object);

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
dossier_map_pane_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierMapPane *self = DOSSIER_MAP_PANE (object);

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
dossier_map_pane_dispose (GObject *object)
{
  DossierMapPane *self = DOSSIER_MAP_PANE (object);

  if (self->pick_keys != NULL)
    {
      gtk_widget_remove_controller (gtk_event_controller_get_widget (self->pick_keys), self->pick_keys);
      self->pick_keys = NULL;
    }

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_MAP_PANE);
  self->overlay = NULL;
  g_clear_object (&self->osm);
  g_clear_object (&self->mbtiles);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->lang, g_free);

  G_OBJECT_CLASS (dossier_map_pane_parent_class)->dispose (object);
}

static void
dossier_map_pane_class_init (DossierMapPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_map_pane_constructed;
  object_class->set_property = dossier_map_pane_set_property;
  object_class->get_property = dossier_map_pane_get_property;
  object_class->dispose = dossier_map_pane_dispose;
  widget_class->unmap = dossier_map_pane_unmap;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, DOSSIER_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The shared filter the map follows, or none: every incident */
  properties[PROP_FILTER] = g_param_spec_object ("filter", NULL, NULL, DOSSIER_TYPE_FILTER,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "fr" or "en": the language of the basemap's names and of figures */
  properties[PROP_LANG] = g_param_spec_string ("lang", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossier-map-pane");

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (SHUMATE_TYPE_LICENSE);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/map/dossier-map-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, controls);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, map);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, colour_by);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, by_type);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, by_verification);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, online_tiles);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, pick_banner);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, legend);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, legend_toggle);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, legend_arrow);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, legend_rows);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, scale);
  gtk_widget_class_bind_template_child (widget_class, DossierMapPane, license);
  gtk_widget_class_bind_template_callback (widget_class, choose_mbtiles);
  gtk_widget_class_bind_template_callback (widget_class, forget_mbtiles);
  gtk_widget_class_bind_template_callback (widget_class, dossier_map_pane_zoom_to_all);
  gtk_widget_class_bind_template_callback (widget_class, dossier_map_pane_zoom_to_selection);
  _dossier_map_pane_layout_class_init (widget_class);
  _dossier_map_pane_input_class_init (widget_class);
  _dossier_map_pane_export_class_init (widget_class);
}

static void
dossier_map_pane_init (DossierMapPane *self)
{
  self->settings = g_settings_new (APP_ID);
  gtk_widget_init_template (GTK_WIDGET (self));
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
  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (filter == NULL || DOSSIER_IS_FILTER (filter), NULL);

  return g_object_new (DOSSIER_TYPE_MAP_PANE, "store", store, "filter", filter, "lang", lang, NULL);
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
