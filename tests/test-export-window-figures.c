/* test-export-window-figures.c: an annex's figures and words: drawn from what its profile
 * lets out, never from the screen; sized and worded for the page (display test)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "dossier-evidence.h"
#include "dossier-export-window.h"
#include "dossier-incident.h"
#include "dossier-map-pane.h"
#include "dossier-record-list.h"
#include "dossier-test-display.h"
#include "dossier-test-input.h"
#include "dossier-test-canaries.h"
#include "dossier-test-util.h"
#include "dossier-window.h"
#include "dossier-info.h"
#include "dossier-incident-private.h" /* white-box */
#include "dossier-evidence-private.h" /* white-box */
#include "export-window-test-util.h"

/* The first button below @widget showing the icon @icon. */
static GtkWidget *
find_icon_button (GtkWidget  *widget,
                  const char *icon)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child, icon);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Exports through the dialog, as a user does: a PDF annex by @profile (0 public, 2
 * internal) holding @sections, the profile chosen after @before. Returns the map's figure
 * drawn into an image, and the annex's text; @timeline gets the timeline figure's size. */
static cairo_surface_t *
export_annex (DossierWindow         *window,
              guint                  before,
              guint                  profile,
              DossierAnnexSections   sections,
              const char            *name,
              char                 **text,
              int                   *timeline,
              DossierMapView        *view)
{
  g_autofree char *pdf = dossier_test_tmp_path (name);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(DossierExportWindow) dialog = NULL;
  AdwComboRow *format_row, *profile_row;
  DossierFigure *figure;
  cairo_surface_t *image;
  cairo_t *cr;
  int width, height;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = g_object_ref (find_export_window ());
  dossier_test_wait_for_draw (GTK_WIDGET (dialog));
  format_row = ADW_COMBO_ROW (dossier_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  profile_row = ADW_COMBO_ROW (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (GTK_WIDGET (format_row))));
  g_assert_cmpuint (adw_combo_row_get_selected (format_row), ==, 0);
  /* The profile can change after the dialog opened: the figure follows the last choice. */
  adw_combo_row_set_selected (profile_row, before);
  dossier_test_wait_for_draw (GTK_WIDGET (dialog));
  adw_combo_row_set_selected (profile_row, profile);
  collect_checks (GTK_WIDGET (dialog), checks);
  g_assert_cmpuint (checks->len, ==, DOSSIER_ANNEX_N_SECTIONS);
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (checks->pdata[i], ((1u << i) & sections) != 0);
  run_export (dialog, pdf, FALSE);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  keep_copy (pdf);
  *text = dossier_test_pdf_text (pdf);

  if (timeline != NULL)
    {
      g_assert_nonnull (dossier_export_window_get_figure (dialog, DOSSIER_ANNEX_TIMELINE));
      dossier_figure_get_size (dossier_export_window_get_figure (dialog, DOSSIER_ANNEX_TIMELINE), &timeline[0], &timeline[1]);
    }
  figure = dossier_export_window_get_figure (dialog, DOSSIER_ANNEX_MAP);
  g_assert_nonnull (figure);
  if (view != NULL)
    dossier_export_window_get_map_view (dialog, view);
  dossier_figure_get_size (figure, &width, &height);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  dossier_figure_draw (cr, width, height, figure);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *png = g_strdup_printf ("%s/%s-%s.png", g_getenv ("DOSSIER_SCREENSHOT_DIR"),
                                              g_getenv ("LANGUAGE") != NULL ? "fr" : "en", name);

      cairo_surface_write_to_png (image, png);
    }
  gtk_window_close (GTK_WINDOW (dialog));
  return image;
}

static cairo_surface_t *
export_map_annex (DossierWindow  *window,
                  guint           before,
                  guint           profile,
                  const char     *name,
                  char          **text,
                  DossierMapView *view)
{
  return export_annex (window, before, profile, DOSSIER_ANNEX_MAP, name, text, NULL, view);
}

/* How many pixels within @radius of @x, @y (or, with @ring, at that distance) are within
 * 40 of @colour. */
static guint
count_pixels (cairo_surface_t *image,
              double           x,
              double           y,
              double           radius,
              gboolean         ring,
              const GdkRGBA   *colour)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  guint n = 0;

  for (int py = (int) floor (y - radius - 1); py <= (int) ceil (y + radius + 1); py++)
    for (int px = (int) floor (x - radius - 1); px <= (int) ceil (x + radius + 1); px++)
      {
        double d = hypot (px + 0.5 - x, py + 0.5 - y);
        const guint8 *p;
        double dr, dg, db;

        if (px < 0 || py < 0 || px >= cairo_image_surface_get_width (image) || py >= cairo_image_surface_get_height (image) ||
            d > radius || (ring && d < radius - 1.5))
          continue;
        p = data + py * stride + px * 4;   /* B, G, R, A: opaque over white */
        dr = p[2] - colour->red * 255;
        dg = p[1] - colour->green * 255;
        db = p[0] - colour->blue * 255;
        n += sqrt (dr * dr + dg * dg + db * db) < 40;
      }
  return n;
}

/* Issue 12, point 1: an annex's map is drawn from what its profile lets out, never from the
 * screen: no evidence (an unlinked photograph whose file says it was taken at Gao), no
 * confidential incident in a public annex, no hint, no selection. */
static void
test_public_annex_figures (void)
{
  gboolean french = g_getenv ("LANGUAGE") != NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierEvidence) photo = NULL;
  g_autoptr(DossierIncident) secret = NULL;
  g_autoptr(DossierIncident) selected = NULL;
  g_autofree char *public_text = NULL;
  g_autofree char *internal_text = NULL;
  const GdkRGBA evidence_fill = { 0.05, 0.35, 0.35, 1 }, ring_ink = { 0.1, 0.1, 0.1, 1 };
  cairo_surface_t *public, *internal;
  DossierWindow *window;
  DossierStore *store;
  DossierMapPane *pane;
  DossierIncidentLayer *layer;
  ShumateMap *map;
  GtkWidget *pin;
  GdkRGBA secret_colour;
  const char *key = NULL;
  double ex, ey, sx, sy, rx, ry, fx, fy;
  DossierMapView drawn;
  char hint[64];

  window = dossier_test_open_demo ("trust-figures.dossier", "incidents");
  store = dossier_window_get_store (window);
  pane = DOSSIER_MAP_PANE (dossier_window_get_map (window));
  layer = dossier_map_pane_get_incident_layer (pane);
  map = dossier_map_pane_get_map (pane);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pane)));

  /* A photograph linked to nothing, whose file placed it at Gao, as ingest reads it. */
  photo = dossier_store_load_by_code (store, DOSSIER_TYPE_EVIDENCE, "EVD-0005", &error);
  g_assert_no_error (error);
  photo->latitude = 16.27;
  photo->longitude = -0.04;
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (photo), &error));
  g_assert_no_error (error);
  dossier_evidence_layer_refresh (dossier_map_pane_get_evidence_layer (pane));
  g_assert_cmpuint (dossier_evidence_layer_get_n (dossier_map_pane_get_evidence_layer (pane)), ==, 1);
  /* A confidential incident at Kidal, where no other is. */
  secret = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0010", &error);
  g_assert_no_error (error);
  g_free (secret->confidentiality);
  secret->confidentiality = g_strdup ("confidential");
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (secret), &error));
  g_assert_no_error (error);
  dossier_incident_layer_refresh (layer);
  for (guint i = 0; dossier_incident_get_violation_types (secret) && secret->violation_types[i]; i++)
    if (key == NULL || strcmp (dossier_incident_get_violation_types (secret)[i], key) < 0)
      key = dossier_incident_get_violation_types (secret)[i];
  g_assert_cmpint (dossier_incident_layer_get_colour_by (layer), ==, DOSSIER_COLOUR_BY_VIOLATION_TYPE);
  dossier_incident_layer_get_key_colour (layer, key, &secret_colour);

  /* The north, from Tombouctou to Kidal, in view above the legend; Tombouctou's incident
   * selected. */
  shumate_map_center_on (map, 15.3, -0.8);
  shumate_viewport_set_zoom_level (shumate_map_get_viewport (map), 6);
  g_assert_true (dossier_record_list_show_code (DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents")), "INC-0009"));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  selected = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0009", &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_incident_layer_get_selected (layer), ==, dossier_record_get_id (DOSSIER_RECORD (selected)));
  /* Placing an incident: the pin's hint is over the map. */
  pin = find_icon_button (dossier_window_get_editor (window, "incidents"), "mark-location-symbolic");
  g_assert_nonnull (pin);
  g_assert_true (gtk_widget_is_sensitive (pin));
  g_signal_emit_by_name (pin, "clicked");
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (dossier_map_pane_is_picking (pane));
  while (dossier_incident_layer_is_busy (layer))
    g_main_context_iteration (NULL, TRUE);
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  dossier_test_screenshot (GTK_WIDGET (window), french ? "trust-figures-window-fr.png" : "trust-figures-window-en.png");
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (map), GTK_WIDGET (map), dossier_evidence_get_latitude (photo), dossier_evidence_get_longitude (photo), &ex, &ey);
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (map), GTK_WIDGET (map), dossier_incident_get_latitude (secret), dossier_incident_get_longitude (secret), &sx, &sy);
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (map), GTK_WIDGET (map), dossier_incident_get_latitude (selected), dossier_incident_get_longitude (selected), &rx, &ry);
  g_assert_cmpfloat (MIN (MIN (ex, sx), rx), >, 20);
  g_assert_cmpfloat (MAX (MAX (ex, sx), rx), <, gtk_widget_get_width (GTK_WIDGET (map)) - 20);
  g_assert_cmpfloat (MIN (MIN (ey, sy), ry), >, 20);
  g_assert_cmpfloat (MAX (MAX (ey, sy), ry), <, gtk_widget_get_height (GTK_WIDGET (map)) / 2.0);

  /* Public, though internal was chosen first. The annex's map is drawn at the width of
   * its page, around the same middle: where the points are in it is asked of its view. */
  public = export_map_annex (window, 2, 0, "public-map.pdf", &public_text, &drawn);
  g_assert_cmpint (cairo_image_surface_get_width (public), ==, drawn.width);
  /* The legend is under the map, hiding none of it. */
  g_assert_cmpint (cairo_image_surface_get_height (public), >, drawn.height);
  dossier_map_view_location_to_point (&drawn, dossier_evidence_get_latitude (photo), dossier_evidence_get_longitude (photo), &fx, &fy);
  g_assert_cmpuint (count_pixels (public, fx, fy, 6, FALSE, &evidence_fill), ==, 0);
  dossier_map_view_location_to_point (&drawn, dossier_incident_get_latitude (secret), dossier_incident_get_longitude (secret), &fx, &fy);
  g_assert_cmpuint (count_pixels (public, fx, fy, 5, FALSE, &secret_colour), ==, 0);
  dossier_map_view_location_to_point (&drawn, dossier_incident_get_latitude (selected), dossier_incident_get_longitude (selected), &fx, &fy);
  g_assert_cmpuint (count_pixels (public, fx, fy, 11, TRUE, &ring_ink), <, 4);
  /* Nothing the screen says goes into the text either. */
  g_utf8_strncpy (hint, _("Click where the incident took place — Escape to cancel"), 11);
  g_test_message ("%s", public_text);
  g_assert_null (strstr (public_text, hint));
  g_assert_null (strstr (public_text, "EVD-0005"));
  g_assert_null (strstr (public_text, "INC-0010"));
  /* The figure's words are text (a shadow, as the hint's, would have made it a picture). */
  g_assert_nonnull (strstr (public_text, french ? "Légende" : "Legend"));
  g_assert_nonnull (strstr (public_text, "Kidal"));

  /* Internal: the confidential incident is on the map; evidence never is. */
  internal = export_map_annex (window, 0, 2, "internal-map.pdf", &internal_text, &drawn);
  dossier_map_view_location_to_point (&drawn, dossier_incident_get_latitude (secret), dossier_incident_get_longitude (secret), &fx, &fy);
  g_assert_cmpuint (count_pixels (internal, fx, fy, 5, FALSE, &secret_colour), >, 20);
  dossier_map_view_location_to_point (&drawn, dossier_evidence_get_latitude (photo), dossier_evidence_get_longitude (photo), &fx, &fy);
  g_assert_cmpuint (count_pixels (internal, fx, fy, 6, FALSE, &evidence_fill), ==, 0);
  g_assert_null (strstr (internal_text, hint));

  /* The investigator's own figure of the view (the map's Export button) shows what the
   * screen does, evidence included, but not the hint or the selection. */
  {
    g_autofree char *png = dossier_test_tmp_path ("view.png");
    g_autofree char *pdf = dossier_test_tmp_path ("view.pdf");
    g_autofree char *text = NULL;
    cairo_surface_t *view;

    g_assert_true (dossier_map_pane_export (pane, png, gtk_widget_get_width (GTK_WIDGET (map)), &error));
    g_assert_no_error (error);
    view = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (view), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpuint (count_pixels (view, ex, ey, 4, FALSE, &evidence_fill), >, 10);
    g_assert_cmpuint (count_pixels (view, rx, ry, 11, TRUE, &ring_ink), <, 4);
    cairo_surface_destroy (view);
    g_assert_true (dossier_map_pane_export (pane, pdf, 800, &error));
    g_assert_no_error (error);
    keep_copy (png);
    keep_copy (pdf);
    text = dossier_test_pdf_text (pdf);
    g_assert_nonnull (strstr (text, french ? "Légende" : "Legend"));
    g_assert_null (strstr (text, hint));
  }

  /* The screen is as it was. */
  g_assert_true (dossier_map_pane_is_picking (pane));
  g_assert_cmpint (dossier_incident_layer_get_selected (layer), ==, dossier_record_get_id (DOSSIER_RECORD (selected)));
  cairo_surface_destroy (public);
  cairo_surface_destroy (internal);

  /* With the map and timeline hidden, the annex's are framed on the incidents it shows. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *text = NULL;
    int timeline[2];

    g_settings_set_boolean (settings, "map-visible", FALSE);
    g_settings_set_boolean (settings, "timeline-visible", FALSE);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (pane)));
    public = export_annex (window, 0, 0, DOSSIER_ANNEX_MAP | DOSSIER_ANNEX_TIMELINE, "hidden-figures.pdf", &text, timeline, NULL);
    g_assert_cmpint (timeline[0], ==, 600);
    g_assert_cmpint (timeline[1], ==, 260);
    g_assert_cmpint (cairo_image_surface_get_width (public), ==, 600);
    g_assert_cmpint (cairo_image_surface_get_height (public), >, 480);
    g_assert_null (strstr (text, hint));
    cairo_surface_destroy (public);
    g_settings_set_boolean (settings, "map-visible", TRUE);
    g_settings_set_boolean (settings, "timeline-visible", TRUE);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The page of @pdf (from 1) whose text holds @needle, or 0. */
static int
page_with (const char *pdf,
           const char *needle)
{
  g_autofree char *text = dossier_test_pdf_text (pdf);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);

  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], needle) != NULL)
      return (int) i + 1;
  return 0;
}

/* Page @page of @pdf as pdftoppm draws it, at 30 pixels an inch (a sheet 248 × 351). */
static cairo_surface_t *
page_image (const char *pdf,
            int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  g_autofree char *prefix = dossier_test_tmp_path ("page");
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-f", number, "-l", number, "-r", "30", "-png", "-singlefile", pdf, prefix, NULL };
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  return image;
}

/* The box of what is not white between @top and @bottom (fractions of the page's height),
 * in fractions of the page: the page's header and footer left out. */
static void
ink_box (cairo_surface_t *image,
         double           top,
         double           bottom,
         double          *width,
         double          *height)
{
  int w, h, stride, x0 = G_MAXINT, x1 = -1, y0 = G_MAXINT, y1 = -1;
  const guint8 *data;

  cairo_surface_flush (image);
  w = cairo_image_surface_get_width (image);
  h = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image);
  data = cairo_image_surface_get_data (image);
  for (int y = (int) (top * h); y < (int) (bottom * h); y++)
    for (int x = 0; x < w; x++)
      {
        const guint8 *p = data + y * stride + 4 * x;

        if (p[0] < 235 || p[1] < 235 || p[2] < 235)
          {
            x0 = MIN (x0, x);
            x1 = MAX (x1, x);
            y0 = MIN (y0, y);
            y1 = MAX (y1, y);
          }
      }
  *width = x1 >= x0 ? (double) (x1 - x0 + 1) / w : 0;
  *height = y1 >= y0 ? (double) (y1 - y0 + 1) / h : 0;
}

/* Issue 13, point 16: the public annex as a reader gets it. The map fills the width of its
 * page in sensible proportions though the window's map is a low strip; the timeline is
 * drawn for the page, not scaled up from a small pane; the cover's period is written out;
 * a long source is whole in the incidents table; a section with nothing to show is left
 * out and the contents say so. */
static void
test_annex_craft (void)
{
  gboolean french = g_getenv ("LANGUAGE") != NULL;
  g_autofree char *pdf = dossier_test_tmp_path ("craft-annex.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierIncident) incident = NULL;
  g_autoptr(GString) source = g_string_new ("Report of the fact-finding mission, annex 4");
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(DossierExportWindow) dialog = NULL;
  AdwComboRow *format_row, *profile_row;
  cairo_surface_t *image;
  DossierWindow *window;
  DossierStore *store;
  DossierMapView view;
  int timeline[2], page;
  double width, height;

  window = dossier_test_open_demo ("craft-annex.dossier", "incidents");
  store = dossier_window_get_store (window);
  g_assert_true (dossier_store_set_info (store, "period", "2012-03/2023", &error));
  g_assert_no_error (error);
  /* A source of some 1,500 characters, with its last words to look for. */
  incident = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0003", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 40; i++)
    g_string_append_printf (source, "; testimony %d heard in Mopti and Bandiagara", i + 1);
  g_string_append (source, "; last words of the longest source");
  g_free (incident->sources);
  incident->sources = g_strdup (source->str);
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (incident), &error));
  g_assert_no_error (error);
  /* A low window: its map is a strip much wider than high. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 560);
  dossier_test_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = g_object_ref (find_export_window ());
  dossier_test_wait_for_draw (GTK_WIDGET (dialog));
  format_row = ADW_COMBO_ROW (dossier_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  profile_row = ADW_COMBO_ROW (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (GTK_WIDGET (format_row))));
  adw_combo_row_set_selected (profile_row, 0);
  collect_checks (GTK_WIDGET (dialog), checks);
  g_assert_cmpuint (checks->len, ==, DOSSIER_ANNEX_N_SECTIONS);
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (checks->pdata[i], ((1u << i) & (DOSSIER_ANNEX_INCIDENTS | DOSSIER_ANNEX_MAP |
                                                                 DOSSIER_ANNEX_TIMELINE | DOSSIER_ANNEX_EVIDENCE)) != 0);
  /* Nothing to show in the register: no evidence item is public. */
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    g_assert_true (dossier_store_foreach (store, DOSSIER_TYPE_EVIDENCE, dossier_record_collect, items, &error));
    for (guint i = 0; i < items->len; i++)
      {
        DossierEvidence *item = items->pdata[i];

        g_free (item->confidentiality);
        item->confidentiality = g_strdup ("confidential");
        g_assert_true (dossier_store_update (store, DOSSIER_RECORD (item), &error));
        g_assert_no_error (error);
      }
  }
  run_export (dialog, pdf, FALSE);
  keep_copy (pdf);
  text = dossier_test_pdf_text (pdf);
  g_test_message ("%s", text);

  /* The period as a person writes it. */
  g_assert_null (strstr (text, "2012-03/2023"));
  g_assert_nonnull (strstr (text, french ? "de mars 2012 à 2023" : "March 2012 – 2023"));
  /* The long source whole: every one of its words, none cut with an ellipsis. */
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "testimony 40 heard"));
  g_assert_nonnull (strstr (flat, "last words of the longest source"));
  /* The register was chosen but has nothing to show: left out, and said so. */
  g_assert_null (strstr (text, french ? "Rien dans ce profil" : "Nothing in this profile"));
  g_assert_cmpint (page_with (pdf, french ? "Registre des pièces" : "Register of evidence"), ==, 2);
  g_assert_nonnull (strstr (text, french ? "rien à y montrer" : "nothing to show in them"));

  /* The map: as wide as the page's text, and higher than a strip. */
  dossier_export_window_get_map_view (dialog, &view);
  g_assert_cmpint (view.width, ==, 600);
  g_assert_cmpint (view.height, >=, 450);
  page = page_with (pdf, french ? "Légende" : "Legend");
  g_assert_cmpint (page, >, 2);
  image = page_image (pdf, page);
  /* Below the page's header and the section's title, above the footer. */
  ink_box (image, 0.14, 0.92, &width, &height);
  g_test_message ("map: %.2f × %.2f of the page", width, height);
  g_assert_cmpfloat (width, >, 0.8);
  g_assert_cmpfloat (height, >, 0.5);
  cairo_surface_destroy (image);

  /* The timeline is drawn for the page, whatever the size of the window's pane: its words
   * are printed at the size they were drawn at, 499 points for 600 pixels. */
  dossier_figure_get_size (dossier_export_window_get_figure (dialog, DOSSIER_ANNEX_TIMELINE), &timeline[0], &timeline[1]);
  g_assert_cmpint (timeline[0], ==, 600);
  g_assert_cmpint (timeline[1], >=, 260);
  page = page_with (pdf, french ? "chacun à sa date" : "each at its date as known");
  g_assert_cmpint (page, >, 2);
  image = page_image (pdf, page);
  ink_box (image, 0.14, 0.92, &width, &height);
  g_test_message ("timeline: %.2f × %.2f of the page", width, height);
  g_assert_cmpfloat (width, >, 0.8);
  cairo_surface_destroy (image);
  gtk_window_close (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);
  g_test_add_func ("/trust/01-public-annex-figures", test_public_annex_figures);
  g_test_add_func ("/craft/16-annex-figures-and-words", test_annex_craft);
  return g_test_run ();
}
