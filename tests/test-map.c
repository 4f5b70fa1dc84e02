/* test-map.c: the map pane on the demo dossier (display test)
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

#include "dossier-demo.h"
#include "dossier-figure.h"
#include "dossier-filter.h"
#include "dossier-incident.h"
#include "dossier-incident-editor.h"
#include "dossier-map-pane.h"
#include "dossier-record-list.h"
#include "dossier-test-display.h"
#include "dossier-test-input.h"
#include "dossier-test-util.h"
#include "dossier-window.h"

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
      g_assert_cmpstr (chosen->code, ==, expected->code);
    }
    g_assert_cmpint (dossier_incident_layer_get_selected (layer), ==, expected->id);
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
    g_assert_cmpfloat_with_epsilon (moved->latitude, lat, 1e-6);
    g_assert_cmpfloat_with_epsilon (moved->longitude, lon, 1e-6);
    g_clear_object (&moved);

    gtk_editable_set_text (GTK_EDITABLE (coordinates), "14°29′37″ N 4°11′56″ O");
    g_signal_emit_by_name (coordinates, "apply");
    moved = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0003", &error);
    g_assert_cmpfloat_with_epsilon (moved->latitude, 14 + 29 / 60.0 + 37 / 3600.0, 1e-6);
    g_assert_cmpfloat_with_epsilon (moved->longitude, -(4 + 11 / 60.0 + 56 / 3600.0), 1e-6);
    g_clear_object (&moved);
    /* Nonsense is refused, in place. */
    gtk_editable_set_text (GTK_EDITABLE (coordinates), "Mopti");
    g_signal_emit_by_name (coordinates, "apply");
    g_assert_true (gtk_widget_has_css_class (coordinates, "error"));
    moved = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0003", &error);
    g_assert_cmpfloat_with_epsilon (moved->latitude, 14 + 29 / 60.0 + 37 / 3600.0, 1e-6);
    g_clear_object (&moved);

    /* Djenné, typed without its accent. */
    g_assert_cmpuint (dossier_incident_editor_search_place (editor, "djenne"), >=, 1);
    dossier_incident_editor_choose_place (editor, 0);
    moved = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0003", &error);
    g_assert_cmpfloat_with_epsilon (moved->latitude, 13.91, 0.05);
    g_assert_cmpfloat_with_epsilon (moved->longitude, -4.55, 0.05);
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

/* The first mapped button under @widget showing the icon @icon. */
static GtkWidget *
find_icon_button (GtkWidget  *widget,
                  const char *icon)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first label under @widget whose text is @text, shown or not. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget under @widget whose tooltip is @tooltip. */
static GtkWidget *
find_tooltip (GtkWidget  *widget,
              const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click_middle (GtkWidget *widget)
{
  dossier_test_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0, 1);
}

/* A latitude or longitude as the editor shows it, with a point or a decimal comma. */
static double
shown_degrees (GtkWidget *field)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));

  g_strdelimit (text, ",", '.');
  return g_ascii_strtod (text, NULL);
}

/* Under load, GTK handles a click's or a key's events a frame or more after they come:
 * runs the main loop until @cond holds, for 5 s at most. */
#define WAIT_UNTIL(cond) \
  G_STMT_START { \
    gint64 until_ = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND; \
    while (!(cond) && g_get_monotonic_time () < until_) \
      g_main_context_iteration (NULL, FALSE); \
  } G_STMT_END

/* Waits until the map waits for a click, or no longer does. */
static void
wait_picking (DossierMapPane *pane,
              gboolean        picking)
{
  WAIT_UNTIL (dossier_map_pane_is_picking (pane) == picking);
  g_assert_cmpint (dossier_map_pane_is_picking (pane), ==, picking);
}

/* The pane's hint while placing: shown, and clear of the map's buttons. */
static gboolean
hint_shown (DossierMapPane *pane)
{
  GtkWidget *hint = find_label (GTK_WIDGET (pane), _("Click where the incident took place"));
  GtkWidget *controls = find_tooltip (GTK_WIDGET (pane), _("Zoom to all the incidents shown"));
  graphene_rect_t a, b;

  g_assert_nonnull (hint);
  g_assert_nonnull (controls);
  if (!gtk_widget_get_mapped (hint))
    return FALSE;
  controls = gtk_widget_get_parent (controls);
  g_assert_true (gtk_widget_compute_bounds (gtk_widget_get_parent (hint), GTK_WIDGET (pane), &a));
  g_assert_true (gtk_widget_compute_bounds (controls, GTK_WIDGET (pane), &b));
  g_assert_false (graphene_rect_intersection (&a, &b, NULL));
  return TRUE;
}

/* The incident selected in the editor, as the dossier has it now. */
static DossierIncident *
reload (DossierStore *store,
        const char   *code)
{
  g_autoptr(GError) error = NULL;
  DossierIncident *incident = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, code, &error);

  g_assert_no_error (error);
  return incident;
}

/* Issue 13, point 1: a person presses the pin and clicks on the map: the incident is
 * there, the editor shows where, and the coordinates field takes the focus when clicked. */
static void
test_place_by_click (void)
{
  DossierWindow *window = dossier_test_open_demo ("place-click.dossier", "incidents");
  DossierStore *store = dossier_window_get_store (window);
  DossierMapPane *pane = DOSSIER_MAP_PANE (dossier_window_get_map (window));
  ShumateMap *map = dossier_map_pane_get_map (pane);
  DossierEditor *editor = DOSSIER_EDITOR (dossier_window_get_editor (window, "incidents"));
  GtkWidget *pin, *coordinates;
  g_autoptr(DossierIncident) before = NULL;
  g_autoptr(DossierIncident) after = NULL;
  double x, y, lat, lon, lat2, lon2;

  g_assert_true (dossier_record_list_show_code (DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents")), "INC-0003"));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  before = reload (store, "INC-0003");
  pin = find_icon_button (GTK_WIDGET (editor), "mark-location-symbolic");
  g_assert_nonnull (pin);
  /* Scrolled into view, as a person scrolls to it. */
  gtk_widget_grab_focus (pin);
  dossier_test_wait_for_draw (GTK_WIDGET (window));

  click_middle (pin);
  wait_picking (pane, TRUE);
  g_assert_true (hint_shown (pane));
  dossier_test_screenshot (GTK_WIDGET (window), g_getenv ("LANGUAGE") ? "place-hint-fr.png" : "place-hint-en.png");

  /* A third of the way across the map, halfway down: clear of the buttons and the legend. */
  x = gtk_widget_get_width (GTK_WIDGET (map)) * 0.62;
  y = gtk_widget_get_height (GTK_WIDGET (map)) * 0.45;
  shumate_viewport_widget_coords_to_location (shumate_map_get_viewport (map), GTK_WIDGET (map), x, y, &lat, &lon);
  shumate_viewport_widget_coords_to_location (shumate_map_get_viewport (map), GTK_WIDGET (map), x + 3, y + 3, &lat2, &lon2);
  g_assert_cmpfloat (fabs (lat - before->latitude) + fabs (lon - before->longitude), >, 1);
  dossier_test_click (GTK_WIDGET (map), x, y, 1);
  wait_picking (pane, FALSE);
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (hint_shown (pane));
  after = reload (store, "INC-0003");
  /* Within the three pixels a hand may slip. */
  g_assert_cmpfloat (fabs (after->latitude - lat), <=, fabs (lat2 - lat) + 1e-6);
  g_assert_cmpfloat (fabs (after->longitude - lon), <=, fabs (lon2 - lon) + 1e-6);
  /* The editor shows where it now is. */
  g_assert_cmpfloat_with_epsilon (shown_degrees (dossier_editor_get_field_widget (editor, "latitude")), after->latitude, 0.01);
  g_assert_cmpfloat_with_epsilon (shown_degrees (dossier_editor_get_field_widget (editor, "longitude")), after->longitude, 0.01);

  /* The coordinates field takes the focus and the typing. */
  coordinates = dossier_editor_get_field_widget (editor, "coordinates");
  gtk_widget_grab_focus (pin);
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  dossier_test_click (coordinates, 40, gtk_widget_get_height (coordinates) / 2.0, 1);
  WAIT_UNTIL (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), coordinates));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), coordinates));
  dossier_test_type_text (coordinates, "14.33");
  WAIT_UNTIL (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (coordinates)), "14.33"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (coordinates)), ==, "14.33");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 13, point 1: Escape (the focus still on the pin), the pin pressed again, the
 * hint's Cancel button and another section each stop the wait and take the hint away; a
 * click then places nothing. */
static void
test_place_cancel (void)
{
  DossierWindow *window = dossier_test_open_demo ("place-cancel.dossier", "incidents");
  DossierStore *store = dossier_window_get_store (window);
  DossierMapPane *pane = DOSSIER_MAP_PANE (dossier_window_get_map (window));
  ShumateMap *map = dossier_map_pane_get_map (pane);
  GtkWidget *editor = dossier_window_get_editor (window, "incidents");
  GtkWidget *pin, *cancel;
  g_autoptr(DossierIncident) before = NULL;
  g_autoptr(DossierIncident) after = NULL;

  g_assert_true (dossier_record_list_show_code (DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents")), "INC-0003"));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  before = reload (store, "INC-0003");
  pin = find_icon_button (editor, "mark-location-symbolic");
  g_assert_nonnull (pin);
  gtk_widget_grab_focus (pin);
  dossier_test_wait_for_draw (GTK_WIDGET (window));

  /* Escape, with the focus where the pin left it. */
  click_middle (pin);
  wait_picking (pane, TRUE);
  g_assert_true (hint_shown (pane));
  dossier_test_press_key (GTK_WIDGET (window), GDK_KEY_Escape, 0);
  wait_picking (pane, FALSE);
  g_assert_false (hint_shown (pane));

  /* The pin, twice. */
  click_middle (pin);
  wait_picking (pane, TRUE);
  g_assert_true (hint_shown (pane));
  click_middle (pin);
  wait_picking (pane, FALSE);
  g_assert_false (hint_shown (pane));

  /* The hint's own button. */
  click_middle (pin);
  wait_picking (pane, TRUE);
  g_assert_true (hint_shown (pane));
  cancel = dossier_test_find_button (GTK_WIDGET (pane), _("_Cancel"));
  g_assert_nonnull (cancel);
  click_middle (cancel);
  wait_picking (pane, FALSE);
  g_assert_false (hint_shown (pane));

  /* Nothing waits for the click any more. */
  dossier_test_click (GTK_WIDGET (map), gtk_widget_get_width (GTK_WIDGET (map)) * 0.62,
                      gtk_widget_get_height (GTK_WIDGET (map)) * 0.45, 1);
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  after = reload (store, "INC-0003");
  g_assert_cmpfloat (after->latitude, ==, before->latitude);
  g_assert_cmpfloat (after->longitude, ==, before->longitude);

  /* Another section. */
  click_middle (pin);
  wait_picking (pane, TRUE);
  g_assert_true (hint_shown (pane));
  dossier_window_show_section (window, "people");
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (dossier_map_pane_is_picking (pane));
  g_assert_false (hint_shown (pane));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 12, point 2: a figure is its owner's alone, whatever the umask, even over a file
 * that was readable by all, and a temporary left by a crash does not stand in the way. */
static void
test_figure_file_modes (void)
{
  static const char * const names[] = { "modes.png", "modes.svg", "modes.pdf" };
  g_autoptr(GskRenderNode) node = gsk_color_node_new (&(GdkRGBA) { 0.8, 0.1, 0.1, 1 }, &GRAPHENE_RECT_INIT (0, 0, 100, 50));
  mode_t mask = umask (022);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = dossier_test_tmp_path (names[i]);
      g_autofree char *partial = g_strconcat (path, ".partial", NULL);
      g_autoptr(GError) error = NULL;
      GStatBuf st;

      g_assert_true (g_file_set_contents_full (path, "old", -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
      g_assert_true (g_file_set_contents_full (partial, "left by a crash", -1, G_FILE_SET_CONTENTS_NONE, 0644, NULL));
      g_assert_true (dossier_figure_write (node, 100, 50, path, 400, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_cmpint (st.st_size, >, 100);
      g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
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
  g_test_add_func ("/craft/01-place-by-click", test_place_by_click);
  g_test_add_func ("/craft/01-place-cancel", test_place_cancel);

  return g_test_run ();
}
