/* test-map.c: the map pane on the demo dossier: clusters, labels, zoom, legend, figures
 * (display test)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <math.h>

#include <sys/stat.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "dossier-basemap-layer.h"
#include "dossier-demo.h"
#include "dossier-incident-layer.h"
#include "dossier-map-figure.h"
#include "dossier-figure.h"
#include "dossier-filter.h"
#include "dossier-incident.h"
#include "dossier-gazetteer.h"
#include "dossier-geo.h"
#include "dossier-incident-editor.h"
#include "dossier-label-layer.h"
#include "dossier-map-pane.h"
#include "dossier-record-list.h"
#include "dossier-test-display.h"
#include "dossier-test-input.h"
#include "dossier-test-util.h"
#include "dossier-vocab.h"
#include "dossier-window.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-incident-private.h" /* white-box */

static void
wait_for_layer (DossierIncidentLayer *layer)
{
  gboolean timed_out = FALSE;

  /* Let a flight to a new view end first. */
  dossier_test_wait_for_draw (GTK_WIDGET (layer));
  guint timeout = g_timeout_add_seconds (10, dossier_test_set_flag, &timed_out);

  while ((dossier_incident_layer_is_busy (layer) || dossier_incident_layer_get_clusters (layer) == NULL) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The map did not read its incidents within 10 s");
  g_source_remove (timeout);
}

static guint
sum_clusters (DossierIncidentLayer *layer)
{
  GArray *clusters = dossier_incident_layer_get_clusters (layer);
  guint n = 0;

  for (guint i = 0; i < clusters->len; i++)
    n += g_array_index (clusters, DossierGeoCluster, i).count;
  return n;
}

static guint
count_tile_layers (ShumateMap *map)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child; child = gtk_widget_get_next_sibling (child))
    n += SHUMATE_IS_MAP_LAYER (child);
  return n;
}

static void
test_map (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = g_strdup (g_getenv ("LANGUAGE") ? "fr" : "en");
  g_autofree char *shot = g_strdup_printf ("map-%s.png", lang);
  DossierWindow *window;
  DossierMapPane *pane;
  DossierIncidentLayer *layer;
  DossierStore *store;
  DossierRecordList *list;
  gint64 located;

  window = dossier_test_open_demo ("map.dossier", "incidents");
  store = dossier_window_get_store (window);

  pane = DOSSIER_MAP_PANE (dossier_window_get_map (window));
  g_assert_nonnull (pane);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pane)));
  layer = dossier_map_pane_get_incident_layer (pane);

  /* Every located incident is in a cluster: the counts add up. */
  g_assert_true (dossier_map_pane_zoom_to_all (pane));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  wait_for_layer (layer);
  located = dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE latitude IS NOT NULL", NULL);
  g_assert_cmpint (located, >, 5);
  g_assert_cmpuint (sum_clusters (layer), ==, located);

  /* The legend's colours are the clusters' colours. */
  {
    GArray *clusters = dossier_incident_layer_get_clusters (layer);
    g_auto(GStrv) keys = dossier_incident_layer_get_keys (layer);

    g_assert_nonnull (keys[0]);
    for (guint i = 0; i < clusters->len; i++)
      {
        DossierGeoCluster *c = &g_array_index (clusters, DossierGeoCluster, i);
        g_autofree char *copy = g_strdup (c->key);
        GdkRGBA drawn, legend;

        if (c->key == NULL)
          continue;
        dossier_incident_layer_get_key_colour (layer, c->key, &drawn);
        dossier_incident_layer_get_key_colour (layer, copy, &legend);
        g_assert_true (gdk_rgba_equal (&drawn, &legend));
      }
  }

  /* The offline basemap: countries and places, some of them named, none over another. */
  {
    DossierBasemapLayer *basemap = dossier_map_pane_get_basemap (pane);

    g_autofree char *whole = g_strdup_printf ("map-mali-%s.png", lang);

    /* 31 countries, Mali's 9 regions of Natural Earth, and the water areas around the Niger. */
    g_assert_cmpuint (dossier_basemap_layer_get_n_shapes (basemap), >=, 1000);
    g_assert_cmpuint (dossier_basemap_layer_get_n_places (basemap), >=, 500);
    g_assert_cmpuint (dossier_basemap_layer_get_n_labels (basemap), >, 0);
    dossier_test_screenshot (GTK_WIDGET (window), whole);
  }

  /* Selecting in the list marks the incident on the map. */
  list = DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents"));
  g_assert_true (dossier_record_list_show_code (list, "INC-0001"));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (dossier_incident_layer_get_selected (layer), ==,
                   dossier_test_query_int (store, "SELECT id FROM incident WHERE code = ?", "INC-0001"));
  g_assert_true (dossier_map_pane_zoom_to_selection (pane));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  wait_for_layer (layer);
  dossier_test_screenshot (GTK_WIDGET (window), shot);

  /* Clicking an incident on the map selects it in the list. */
  {
    GArray *clusters = dossier_incident_layer_get_clusters (layer);
    ShumateViewport *viewport = shumate_map_get_viewport (dossier_map_pane_get_map (pane));
    DossierGeoCluster *single = NULL;
    g_autoptr(DossierRecord) expected = NULL;
    double x, y;

    for (guint i = 0; i < clusters->len && single == NULL; i++)
      if (g_array_index (clusters, DossierGeoCluster, i).count == 1)
        {
          DossierGeoCluster *c = &g_array_index (clusters, DossierGeoCluster, i);

          shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (layer), c->latitude, c->longitude, &x, &y);
          if (x > 0 && y > 0 && x < gtk_widget_get_width (GTK_WIDGET (layer)) && y < gtk_widget_get_height (GTK_WIDGET (layer)))
            single = c;
        }
    g_assert_nonnull (single);
    expected = dossier_store_load (store, DOSSIER_TYPE_INCIDENT, single->id, &error);
    g_assert_no_error (error);
    dossier_map_pane_activate_at (pane, x, y);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    {
      GtkSelectionModel *selection = gtk_column_view_get_model (dossier_record_list_get_view (list));
      g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
      g_autoptr(DossierRecord) chosen = NULL;

      g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
      chosen = dossier_record_list_get_record (list, gtk_bitset_get_nth (selected, 0));
      g_assert_cmpstr (dossier_record_get_code (chosen), ==, dossier_record_get_code (expected));
    }
    g_assert_cmpint (dossier_incident_layer_get_selected (layer), ==, dossier_record_get_id (expected));
  }

  /* Without a mouse: from mark to mark with [ and ], and Enter opens what is marked: an
   * incident is selected, a cluster zoomed into. */
  {
    ShumateViewport *viewport = shumate_map_get_viewport (dossier_map_pane_get_map (pane));
    double zoom = shumate_viewport_get_zoom_level (viewport);

    gtk_selection_model_unselect_all (gtk_column_view_get_model (dossier_record_list_get_view (list)));
    dossier_incident_layer_set_selected (layer, 0, NAN, NAN);
    g_assert_true (dossier_map_pane_focus_next (pane, 1));
    g_assert_true (dossier_map_pane_focus_next (pane, 1));
    g_assert_true (dossier_map_pane_focus_next (pane, -1));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (layer)), !=, NULL);
    g_assert_true (dossier_map_pane_activate_focus (pane));
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_true (dossier_incident_layer_get_selected (layer) > 0 || shumate_viewport_get_zoom_level (viewport) > zoom);
    /* Nothing marked any more: Enter does nothing. */
    g_assert_false (dossier_map_pane_activate_focus (pane));
  }

  /* Placing an incident: by a click on the map, by coordinates typed, by a place's name. */
  {
    DossierIncidentEditor *editor = DOSSIER_INCIDENT_EDITOR (dossier_window_get_editor (window, "incidents"));
    ShumateViewport *viewport = shumate_map_get_viewport (dossier_map_pane_get_map (pane));
    GtkWidget *coordinates = dossier_editor_get_field_widget (DOSSIER_EDITOR (editor), "coordinates");
    g_autoptr(DossierIncident) moved = NULL;
    double lat, lon;

    g_assert_true (dossier_record_list_show_code (list, "INC-0003"));
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    g_signal_emit_by_name (editor, "pick-location");
    g_assert_true (dossier_map_pane_is_picking (pane));
    shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (layer), 100, 80, &lat, &lon);
    dossier_map_pane_pick_at (pane, 100, 80);
    g_assert_false (dossier_map_pane_is_picking (pane));
    moved = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0003", &error);
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (dossier_incident_get_latitude (moved), lat, 1e-6);
    g_assert_cmpfloat_with_epsilon (dossier_incident_get_longitude (moved), lon, 1e-6);
    g_clear_object (&moved);

    gtk_editable_set_text (GTK_EDITABLE (coordinates), "14°29′37″ N 4°11′56″ O");
    g_signal_emit_by_name (coordinates, "apply");
    moved = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0003", &error);
    g_assert_cmpfloat_with_epsilon (dossier_incident_get_latitude (moved), 14 + 29 / 60.0 + 37 / 3600.0, 1e-6);
    g_assert_cmpfloat_with_epsilon (dossier_incident_get_longitude (moved), -(4 + 11 / 60.0 + 56 / 3600.0), 1e-6);
    g_clear_object (&moved);
    /* Nonsense is refused, in place. */
    gtk_editable_set_text (GTK_EDITABLE (coordinates), "Mopti");
    g_signal_emit_by_name (coordinates, "apply");
    g_assert_true (gtk_widget_has_css_class (coordinates, "error"));
    moved = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0003", &error);
    g_assert_cmpfloat_with_epsilon (dossier_incident_get_latitude (moved), 14 + 29 / 60.0 + 37 / 3600.0, 1e-6);
    g_clear_object (&moved);

    /* Djenné, typed without its accent. */
    g_assert_cmpuint (dossier_incident_editor_search_place (editor, "djenne"), >=, 1);
    dossier_incident_editor_choose_place (editor, 0);
    moved = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0003", &error);
    g_assert_cmpfloat_with_epsilon (dossier_incident_get_latitude (moved), 13.91, 0.05);
    g_assert_cmpfloat_with_epsilon (dossier_incident_get_longitude (moved), -4.55, 0.05);
    g_assert_cmpuint (dossier_incident_editor_search_place (editor, "zzqx"), ==, 0);
  }

  /* A tile file chosen by the user is shown under the incidents; a bad one is refused. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *tiles = dossier_test_tmp_path ("mopti.mbtiles");
    g_autofree char *junk = dossier_test_tmp_path ("junk.mbtiles");
    ShumateMap *map = dossier_map_pane_get_map (pane);
    sqlite3 *db;

    g_assert_cmpint (sqlite3_open (tiles, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE metadata (name TEXT, value TEXT);"
                                       "INSERT INTO metadata VALUES ('attribution', 'Test tiles');"
                                       "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    dossier_test_write_file (junk, "text", -1);

    g_assert_cmpuint (count_tile_layers (map), ==, 0);
    g_settings_set_string (settings, "mbtiles-file", tiles);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpuint (count_tile_layers (map), ==, 1);
    g_settings_set_string (settings, "mbtiles-file", junk);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpuint (count_tile_layers (map), ==, 0);
    g_settings_set_string (settings, "mbtiles-file", "");
  }

  /* The view as a figure: PNG at the width asked, SVG and PDF; nothing half-written. */
  {
    static const struct { const char *name, *magic; } figures[] = {
      { "figure.png", "\x89PNG" }, { "figure.svg", "<?xml" }, { "figure.pdf", "%PDF" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
      {
        g_autofree char *figure = dossier_test_tmp_path (figures[i].name);
        g_autofree char *contents = NULL;
        gsize length;

        g_assert_true (dossier_map_pane_export (pane, figure, 1600, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (figure, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 1000);
        g_assert_true (g_str_has_prefix (contents, figures[i].magic));
        if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
          {
            g_autofree char *kept = g_build_filename (g_getenv ("DOSSIER_SCREENSHOT_DIR"), figures[i].name, NULL);

            g_assert_true (g_file_set_contents (kept, contents, length, NULL));
          }
        if (i == 1)
          {
            /* The basemap as lines, not as images of tiles. */
            g_assert_null (strstr (contents, "width=\"256\" height=\"256\""));
            g_assert_nonnull (strstr (contents, "<path"));
          }
        if (i == 0)
          {
            g_autoptr(GdkTexture) png = gdk_texture_new_from_filename (figure, &error);

            g_assert_no_error (error);
            g_assert_cmpint (gdk_texture_get_width (png), ==, 1600);
          }
      }
    g_assert_false (dossier_map_pane_export (pane, "/nonexistent/dir/figure.png", 800, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (g_file_test ("/nonexistent/dir/figure.png.partial", G_FILE_TEST_EXISTS));
    {
      g_autofree char *gif = dossier_test_tmp_path ("figure.gif");

      g_assert_false (dossier_map_pane_export (pane, gif, 800, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }
  }

  /* The filter narrows the map. */
  dossier_filter_set_text (dossier_window_get_filter (window), "admin1", "mopti");
  dossier_map_pane_zoom_to_all (pane);
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  wait_for_layer (layer);
  g_assert_cmpint (sum_clusters (layer), ==,
                   dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE latitude IS NOT NULL AND admin1 = ?", "mopti"));
  g_assert_cmpint (sum_clusters (layer), <, located);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first widget under @widget with the style class @name. */
static GtkWidget *
find_css_class (GtkWidget  *widget,
                const char *name)
{
  if (gtk_widget_has_css_class (widget, name))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_css_class (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The names the map drew last, from the basemap. */
static const DossierMapLabel *
find_map_label (DossierMapPane *pane,
                const char     *text)
{
  GArray *labels = dossier_basemap_layer_get_labels (dossier_map_pane_get_basemap (pane));

  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (g_array_index (labels, DossierMapLabel, i).text, text))
      return &g_array_index (labels, DossierMapLabel, i);
  return NULL;
}

/* Moves the map at once and lets it draw its names. */
static void
show_at (DossierWindow  *window,
         DossierMapPane *pane,
         double          latitude,
         double          longitude,
         double          zoom)
{
  ShumateMap *map = dossier_map_pane_get_map (pane);

  shumate_viewport_set_zoom_level (shumate_map_get_viewport (map), zoom);
  shumate_map_center_on (map, latitude, longitude);
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  wait_for_layer (dossier_map_pane_get_incident_layer (pane));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
}

static void
assert_labels_apart (DossierMapPane *pane)
{
  GArray *labels = dossier_basemap_layer_get_labels (dossier_map_pane_get_basemap (pane));

  g_assert_cmpuint (labels->len, >, 3);
  for (guint i = 0; i < labels->len; i++)
    for (guint j = i + 1; j < labels->len; j++)
      {
        const DossierMapLabel *a = &g_array_index (labels, DossierMapLabel, i);
        const DossierMapLabel *b = &g_array_index (labels, DossierMapLabel, j);

        if (graphene_rect_intersection (&a->box, &b->box, NULL))
          g_error ("“%s” and “%s” are drawn over one another", a->text, b->text);
      }
}

/* Issue 13, point 4: the names of the towns come over the incidents, keep apart from one
 * another (Bankass and Koro), and the regions are named in the interface's language. */
static void
test_map_labels (void)
{
  DossierWindow *window = dossier_test_open_demo ("labels.dossier", "incidents");
  DossierMapPane *pane = DOSSIER_MAP_PANE (dossier_window_get_map (window));
  ShumateMap *map = dossier_map_pane_get_map (pane);
  DossierStore *store = dossier_window_get_store (window);
  const char *lang = g_getenv ("LANGUAGE") ? "fr" : "en";
  g_autofree char *centre_shot = g_strdup_printf ("labels-centre-%s.png", lang);
  g_autofree char *bankass_shot = g_strdup_printf ("labels-bankass-%s.png", lang);
  int incidents = -1, names = -1, i = 0;
  const DossierMapLabel *bankass, *koro;
  double x, y;

  wait_for_layer (dossier_map_pane_get_incident_layer (pane));
  /* Drawn after (over) the incidents and the evidence. */
  for (GtkWidget *layer = gtk_widget_get_first_child (GTK_WIDGET (map)); layer; layer = gtk_widget_get_next_sibling (layer), i++)
    {
      if (layer == GTK_WIDGET (dossier_map_pane_get_incident_layer (pane)))
        incidents = i;
      if (DOSSIER_IS_LABEL_LAYER (layer))
        names = i;
    }
  g_assert_cmpint (incidents, >=, 0);
  g_assert_cmpint (names, >, incidents);

  /* The centre, where the demo's clusters are: Mopti, Ségou and Bamako named. */
  show_at (window, pane, 13.6, -5.8, 6);
  dossier_test_screenshot (GTK_WIDGET (window), centre_shot);
  g_assert_nonnull (find_map_label (pane, "Mopti"));
  g_assert_nonnull (find_map_label (pane, "Ségou"));
  g_assert_nonnull (find_map_label (pane, "Bamako"));
  assert_labels_apart (pane);
  /* The regions, in the interface's language. */
  {
    g_autofree char *segou = dossier_store_vocab_label (store, "admin1", "segou", lang);
    g_autofree char *upper = g_utf8_strup (segou, -1);
    const DossierMapLabel *region = find_map_label (pane, upper);

    g_assert_nonnull (region);
    g_assert_cmpint (region->kind, ==, DOSSIER_MAP_LABEL_REGION);
  }
  show_at (window, pane, 19.5, -2.5, 5);
  {
    g_autofree char *tombouctou = dossier_store_vocab_label (store, "admin1", "tombouctou", lang);
    g_autofree char *upper = g_utf8_strup (tombouctou, -1);

    g_assert_cmpstr (upper, ==, g_str_equal (lang, "fr") ? "TOMBOUCTOU" : "TIMBUKTU");
    g_assert_nonnull (find_map_label (pane, upper));
  }
  assert_labels_apart (pane);

  /* Bankass and Koro, 48 km apart: each named, neither name over the other's dot. */
  show_at (window, pane, 14.1, -3.3, 7);
  dossier_test_screenshot (GTK_WIDGET (window), bankass_shot);
  bankass = find_map_label (pane, "Bankass");
  koro = find_map_label (pane, "Koro");
  g_assert_nonnull (bankass);
  g_assert_nonnull (koro);
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (map), GTK_WIDGET (map), 14.064, -3.0754, &x, &y);
  g_assert_false (graphene_rect_contains_point (&bankass->box, &GRAPHENE_POINT_INIT (x, y)));
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (map), GTK_WIDGET (map), 14.0775, -3.5159, &x, &y);
  g_assert_false (graphene_rect_contains_point (&koro->box, &GRAPHENE_POINT_INIT (x, y)));
  assert_labels_apart (pane);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 13, point 4: "Zoom to all" with a single incident shows its surroundings (tens of
 * kilometres), not an empty street. */
static void
test_zoom_to_one (void)
{
  DossierWindow *window = dossier_test_open_demo ("zoom-one.dossier", "incidents");
  DossierMapPane *pane = DOSSIER_MAP_PANE (dossier_window_get_map (window));
  ShumateMap *map = dossier_map_pane_get_map (pane);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  DossierStore *store = dossier_window_get_store (window);
  double south, west, north, east, x, y, across;
  DossierMapView view;

  dossier_filter_set_text (dossier_window_get_filter (window), "admin1", "kidal");
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE latitude IS NOT NULL AND admin1 = ?", "kidal"), ==, 1);
  g_assert_true (dossier_map_pane_zoom_to_all (pane));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  wait_for_layer (dossier_map_pane_get_incident_layer (pane));
  g_assert_true (dossier_map_pane_get_view (pane, &view));
  dossier_map_view_get_box (&view, 0, &south, &west, &north, &east);
  /* Kilometres across the narrower side. */
  across = MIN ((north - south) * 111.2, (east - west) * 111.2 * cos ((north + south) / 2 * G_PI / 180));
  g_test_message ("zoom %.2f, %.0f km across", view.zoom, across);
  g_assert_cmpfloat (across, >=, 40);
  g_assert_cmpfloat (across, <=, 400);
  /* The incident (Kidal) is in view, clear of the edges. */
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (map), 18.4435, 1.4092, &x, &y);
  g_assert_cmpfloat (x, >, 40);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (map)) - 40);
  g_assert_cmpfloat (y, >, 40);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (map)) - 40);
  g_assert_cmpint (sum_clusters (dossier_map_pane_get_incident_layer (pane)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 13, point 4: at the window's default sizes, the map opens on Mali whole, the legend
 * covers none of its south-west (Kayes, Bamako, Sikasso), and the credits keep off the
 * scale. */
static void
test_legend_placement (void)
{
  static const struct { int width, height; } sizes[] = { { 1280, 800 }, { 1024, 700 } };
  static const struct { const char *name; double latitude, longitude; } south_west[] = {
    { "Kayes", 14.45, -11.44 }, { "Kéniéba", 12.84, -11.24 }, { "Kita", 13.04, -9.49 }, { "Bamako", 12.64, -8.0 },
    { "Bougouni", 11.42, -7.48 }, { "Sikasso", 11.32, -5.67 }, { "Kadiolo", 10.55, -5.76 }, { "Ségou", 13.44, -6.26 },
  };
  const char *lang = g_getenv ("LANGUAGE") ? "fr" : "en";

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("legend-%d.dossier", sizes[s].width);
      g_autofree char *shot = g_strdup_printf ("map-default-%dx%d-%s.png", sizes[s].width, sizes[s].height, lang);
      DossierWindow *window = dossier_test_open_demo (name, "incidents");
      DossierMapPane *pane = DOSSIER_MAP_PANE (dossier_window_get_map (window));
      ShumateMap *map = dossier_map_pane_get_map (pane);
      ShumateViewport *viewport = shumate_map_get_viewport (map);
      GtkWidget *legend = find_css_class (GTK_WIDGET (pane), "map-legend");
      GtkWidget *scale = dossier_test_find_descendant (GTK_WIDGET (pane), SHUMATE_TYPE_SCALE);
      GtkWidget *credits = dossier_test_find_descendant (GTK_WIDGET (pane), SHUMATE_TYPE_LICENSE);
      graphene_rect_t legend_box, scale_box, credits_box;
      int width, height;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[s].width, sizes[s].height);
      dossier_test_wait_for_draw (GTK_WIDGET (window));
      wait_for_layer (dossier_map_pane_get_incident_layer (pane));
      dossier_test_wait_for_draw (GTK_WIDGET (window));
      /* (Within the screen of the tests, 1280 wide, with the window's frame.) */
      g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - sizes[s].width), <=, 16);
      g_assert_cmpint (ABS (gtk_widget_get_height (GTK_WIDGET (window)) - sizes[s].height), <=, 16);
      width = gtk_widget_get_width (GTK_WIDGET (map));
      height = gtk_widget_get_height (GTK_WIDGET (map));
      g_test_message ("%d×%d: map %d×%d, zoom %.2f", sizes[s].width, sizes[s].height, width, height,
                      shumate_viewport_get_zoom_level (viewport));

      g_assert_nonnull (legend);
      g_assert_true (gtk_widget_get_mapped (legend));
      g_assert_true (gtk_widget_compute_bounds (legend, GTK_WIDGET (map), &legend_box));
      for (guint i = 0; i < G_N_ELEMENTS (south_west); i++)
        {
          double x, y;

          shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (map), south_west[i].latitude, south_west[i].longitude, &x, &y);
          if (x < 0 || y < 0 || x > width || y > height)
            g_error ("%s is out of the first view (%.0f, %.0f)", south_west[i].name, x, y);
          if (graphene_rect_contains_point (&legend_box, &GRAPHENE_POINT_INIT (x, y)))
            g_error ("The legend covers %s", south_west[i].name);
        }
      /* Mali's corners are in view. */
      {
        double x1, y1, x2, y2;

        shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (map), 25.0, -12.2, &x1, &y1);
        shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (map), 10.2, 4.2, &x2, &y2);
        g_assert_cmpfloat (x1, >=, 0);
        g_assert_cmpfloat (y1, >=, 0);
        g_assert_cmpfloat (x2, <=, width);
        g_assert_cmpfloat (y2, <=, height);
      }
      g_assert_true (gtk_widget_compute_bounds (scale, GTK_WIDGET (map), &scale_box));
      g_assert_true (gtk_widget_compute_bounds (credits, GTK_WIDGET (map), &credits_box));
      g_assert_false (graphene_rect_intersection (&scale_box, &credits_box, NULL));
      g_assert_false (graphene_rect_intersection (&legend_box, &credits_box, NULL));
      g_assert_cmpfloat (credits_box.origin.y + credits_box.size.height, <=, height + 0.5);
      dossier_test_screenshot (GTK_WIDGET (pane), shot);

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* Issue 13, point 4: the annex's map figure names places as the screen does, with room
 * between names: none touches another, halo included (Bankass and Koro, Koutiala and
 * Yorosso did), and the figure is written for the eye. */
static void
test_figure_labels (void)
{
  const char *lang = g_getenv ("LANGUAGE") ? "fr" : "en";
  g_autofree char *path = dossier_test_tmp_path ("figure-labels.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(ShumateViewport) viewport = shumate_viewport_new ();
  g_autoptr(DossierBasemapLayer) basemap = NULL;
  g_autoptr(GArray) clusters = NULL;
  g_autoptr(GArray) avoid = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) drawn_labels = NULL;
  DossierMapView view = { 0 }, drawn;
  GArray *labels;
  int height;

  store = dossier_demo_create (path, &error);
  g_assert_no_error (error);
  node = dossier_map_figure_render (store, NULL, &view, lang, &drawn, &height, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_strdup_printf ("%s/figure-%s.png", g_getenv ("DOSSIER_SCREENSHOT_DIR"), lang);

      g_assert_true (dossier_figure_write (node, drawn.width, height, png, 1500, &error));
      g_assert_no_error (error);
    }

  /* The same names, placed as the figure places them. */
  basemap = g_object_ref_sink (dossier_basemap_layer_new (viewport, lang));
  clusters = dossier_incident_layer_read_view (store, NULL, &drawn, &error);
  g_assert_no_error (error);
  avoid = dossier_label_layer_cluster_boxes (clusters, &drawn);
  dossier_basemap_layer_append_labels (basemap, snapshot, &drawn, NULL, avoid);
  drawn_labels = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  labels = dossier_basemap_layer_get_labels (basemap);
  g_assert_cmpuint (labels->len, >, 10);
  for (guint i = 0; i < labels->len; i++)
    for (guint j = i + 1; j < labels->len; j++)
      {
        DossierMapLabel *a = &g_array_index (labels, DossierMapLabel, i);
        DossierMapLabel *b = &g_array_index (labels, DossierMapLabel, j);
        graphene_rect_t grown = a->box;

        /* Two pixels apart at least, beyond their halos. */
        graphene_rect_inset (&grown, -2, -1);
        if (graphene_rect_intersection (&grown, &b->box, NULL))
          g_error ("“%s” and “%s” touch", a->text, b->text);
      }
}

/* Issue 12, point 2: a figure is its owner's alone, whatever the umask, even over a file
 * that was readable by all, and no temporary is left beside it. */
static void
test_figure_file_modes (void)
{
  static const char * const names[] = { "modes.png", "modes.svg", "modes.pdf" };
  g_autoptr(GskRenderNode) node = gsk_color_node_new (&(GdkRGBA) { 0.8, 0.1, 0.1, 1 }, &GRAPHENE_RECT_INIT (0, 0, 100, 50));
  mode_t mask = umask (022);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = dossier_test_tmp_path (names[i]);
      g_autoptr(GError) error = NULL;
      GStatBuf st;

      g_assert_true (g_file_set_contents_full (path, "old", -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
      g_assert_true (dossier_figure_write (node, 100, 50, path, 400, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_cmpint (st.st_size, >, 100);
      g_assert_false (dossier_test_temporary_left (path));
    }
  umask (mask);
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);

  g_test_add_func ("/map/demo", test_map);
  g_test_add_func ("/trust/02-figure-file-modes", test_figure_file_modes);
  g_test_add_func ("/craft/04-labels", test_map_labels);
  g_test_add_func ("/craft/04-zoom-to-one", test_zoom_to_one);
  g_test_add_func ("/craft/04-legend-placement", test_legend_placement);
  g_test_add_func ("/craft/04-figure-labels", test_figure_labels);

  return g_test_run ();
}
