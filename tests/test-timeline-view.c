/* test-timeline-view.c: the timeline pane on the demo dossier, in the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-demo.h"
#include "dossier-filter.h"
#include "dossier-look.h"
#include "dossier-record-list.h"
#include "dossier-synth.h"
#include "dossier-test-display.h"
#include "dossier-test-util.h"
#include "dossier-timeline-pane.h"
#include "dossier-window.h"

static void
wait_for_view (DossierTimelineView *view)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, dossier_test_set_flag, &timed_out);

  while (dossier_timeline_view_is_busy (view) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The timeline did not read its incidents within 10 s");
  g_source_remove (timeout);
  dossier_test_wait_for_draw (GTK_WIDGET (view));
}

static char *
selected_code (DossierRecordList *list)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (dossier_record_list_get_view (list));
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  g_autoptr(DossierRecord) record = NULL;

  if (gtk_bitset_get_size (selected) != 1)
    return NULL;
  record = dossier_record_list_get_record (list, gtk_bitset_get_nth (selected, 0));
  return g_strdup (dossier_record_get_code (record));
}

static void
test_timeline (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = g_strdup (g_getenv ("LANGUAGE") ? "fr" : "en");
  g_autofree char *shot = g_strdup_printf ("timeline-%s.png", lang);
  DossierWindow *window;
  DossierTimelinePane *pane;
  DossierTimelineView *view;
  DossierRecordList *list;
  DossierStore *store;
  DossierFilter *filter;
  GArray *items;
  gint64 inc5, inc1;

  window = dossier_test_open_demo ("timeline.dossier", "incidents");
  store = dossier_window_get_store (window);
  filter = dossier_window_get_filter (window);

  pane = DOSSIER_TIMELINE_PANE (dossier_window_get_timeline (window));
  g_assert_nonnull (pane);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pane)));
  view = dossier_timeline_pane_get_view (pane);
  wait_for_view (view);
  list = DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents"));

  /* Every dated incident is on it, and all are in view at first, drawn one by one. */
  items = dossier_timeline_view_get_items (view);
  g_assert_cmpint (items->len, ==, dossier_test_query_int (store, "SELECT count(*) FROM incident WHERE date_start IS NOT NULL", NULL));
  g_assert_false (dossier_timeline_view_shows_histogram (view));
  inc1 = dossier_test_query_int (store, "SELECT id FROM incident WHERE code = ?", "INC-0001");
  inc5 = dossier_test_query_int (store, "SELECT id FROM incident WHERE code = ?", "INC-0005");
  for (guint i = 0; i < items->len; i++)
    {
      graphene_rect_t area;

      g_assert_true (dossier_timeline_view_item_area (view, g_array_index (items, DossierTimelineItem, i).id, &area));
      g_assert_cmpfloat (area.size.width, >=, 7.9);
    }
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_GROUP);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  /* Clicking an incident on the timeline selects it in the list (and the editor). */
  {
    graphene_rect_t area;
    g_autofree char *code = NULL;

    g_assert_true (dossier_timeline_view_item_area (view, inc5, &area));
    g_assert_cmpint (dossier_timeline_view_pick (view, area.origin.x + area.size.width / 2,
                                                 area.origin.y + area.size.height / 2), ==, inc5);
    g_assert_cmpint (dossier_timeline_view_pick (view, 5, 5), ==, 0);
    g_signal_emit_by_name (view, "incident-activated", inc5);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    code = selected_code (list);
    g_assert_cmpstr (code, ==, "INC-0005");
  }
  /* Selecting in the list marks it on the timeline, and ] moves to the next in time. */
  g_assert_true (dossier_record_list_show_code (list, "INC-0001"));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (dossier_timeline_view_get_selected (view), ==, inc1);
  {
    g_autofree char *code = NULL;
    guint32 start = 0;

    for (guint i = 0; i < items->len; i++)
      if (g_array_index (items, DossierTimelineItem, i).id == inc1)
        start = g_array_index (items, DossierTimelineItem, i).start;
    dossier_timeline_view_step (view, 1);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    code = selected_code (list);
    g_assert_nonnull (code);
    g_assert_cmpstr (code, !=, "INC-0001");
    for (guint i = 0; i < items->len; i++)
      if (g_array_index (items, DossierTimelineItem, i).id == dossier_timeline_view_get_selected (view))
        g_assert_cmpuint (g_array_index (items, DossierTimelineItem, i).start, >=, start);
  }
  dossier_test_screenshot (GTK_WIDGET (window), shot);

  /* Brushing a period sets the filter's period: the list narrows to the incidents whose
   * dates meet it; the timeline keeps all of them; one click clears it. */
  {
    graphene_rect_t area;
    GListModel *model = G_LIST_MODEL (dossier_record_list_get_model (list));
    const DossierIncidentQuery *query;
    double x1, x2;
    g_autofree char *sql = NULL;

    g_assert_true (dossier_timeline_view_item_area (view, inc1, &area));
    x1 = area.origin.x - 20;
    x2 = area.origin.x + area.size.width + 20;
    dossier_timeline_view_brush (view, x2, x1);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    query = dossier_filter_get_query (filter);
    g_assert_cmpuint (query->date_from, ==, (guint32) floor (dossier_timeline_view_day_at (view, x1)));
    g_assert_cmpuint (query->date_to, ==, (guint32) floor (dossier_timeline_view_day_at (view, x2)));
    /* As the store's period filter: a NULL start is an open or unknown start (the demo's
     * "/2021"), a NULL end an open or unknown end. */
    sql = g_strdup_printf ("SELECT count(*) FROM incident WHERE (date_start <= %u OR (date_start IS NULL AND date_end IS NOT NULL)) "
                           "AND (date_end >= %u OR (date_end IS NULL AND date_start IS NOT NULL))",
                           query->date_to, query->date_from);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, dossier_test_query_int (store, sql, NULL));
    g_assert_cmpuint (g_list_model_get_n_items (model), <, items->len);
    g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
    wait_for_view (view);
    g_assert_cmpuint (dossier_timeline_view_get_items (view)->len, ==, items->len);
    {
      g_autofree char *brushed = g_strdup_printf ("timeline-period-%s.png", lang);

      dossier_test_screenshot (GTK_WIDGET (window), brushed);
    }
    dossier_filter_set_period (filter, 0, 0);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_true (dossier_filter_is_empty (filter));
  }

  /* Zooming: in around a point that stays put, out again; panning moves by pixels. */
  {
    double first, last, first2, last2, day;

    dossier_timeline_view_get_period (view, &first, &last);
    day = dossier_timeline_view_day_at (view, 400);
    dossier_timeline_view_zoom (view, 8, 400);
    dossier_timeline_view_get_period (view, &first2, &last2);
    g_assert_cmpfloat (fabs (dossier_timeline_view_day_at (view, 400) - day), <, 1e-6);
    g_assert_cmpfloat (fabs ((last2 - first2) * 8 - (last - first)), <, 1e-6 * (last - first));
    day = dossier_timeline_view_day_at (view, 400);
    dossier_timeline_view_pan (view, 100);
    g_assert_cmpfloat (fabs (dossier_timeline_view_day_at (view, 300) - day), <, 1e-6);
    g_assert_true (dossier_timeline_view_fit_selection (view));
    g_assert_true (dossier_timeline_view_fit_all (view));
  }

  /* Lanes by region: every item still drawn, in its lane's band. */
  dossier_timeline_view_set_lanes (view, DOSSIER_LANES_REGION);
  wait_for_view (view);
  items = dossier_timeline_view_get_items (view);
  for (guint i = 0; i < items->len; i++)
    {
      graphene_rect_t area;

      g_assert_true (dossier_timeline_view_item_area (view, g_array_index (items, DossierTimelineItem, i).id, &area));
      g_assert_cmpfloat (area.origin.x, >=, 100);
    }
  {
    g_autofree char *lanes = g_strdup_printf ("timeline-lanes-%s.png", lang);

    dossier_test_screenshot (GTK_WIDGET (window), lanes);
  }

  /* The view as a figure: PNG, SVG and PDF, with lines and text as such. */
  {
    static const struct { const char *name, *magic; } figures[] = {
      { "timeline.png", "\x89PNG" }, { "timeline.svg", "<?xml" }, { "timeline.pdf", "%PDF" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
      {
        g_autofree char *figure = dossier_test_tmp_path (figures[i].name);
        g_autofree char *contents = NULL;
        gsize length;

        g_assert_true (dossier_timeline_pane_export (pane, figure, 1600, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (figure, &contents, &length, NULL));
        g_assert_true (g_str_has_prefix (contents, figures[i].magic));
        if (i == 1)
          {
            g_assert_null (strstr (contents, "<image"));
            g_assert_nonnull (strstr (contents, "<path"));
          }
        if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
          {
            g_autofree char *kept = g_build_filename (g_getenv ("DOSSIER_SCREENSHOT_DIR"), figures[i].name, NULL);

            g_assert_true (g_file_set_contents (kept, contents, length, NULL));
          }
      }
    g_assert_false (dossier_timeline_pane_export (pane, "/nonexistent/dir/timeline.png", 800, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the view drew last, as an image of its size. */
static cairo_surface_t *
render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int w, h;

  dossier_test_wait_for_draw (widget);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  return *(guint32 *) (cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
}

static gboolean
overlap (const graphene_rect_t *a,
         const graphene_rect_t *b)
{
  return a->origin.x < b->origin.x + b->size.width - 0.5 && b->origin.x < a->origin.x + a->size.width - 0.5 &&
         a->origin.y < b->origin.y + b->size.height - 0.5 && b->origin.y < a->origin.y + a->size.height - 0.5;
}

/* As a printed chronology: a mark with room beside it on its row says its code (and on
 * screen its title); labels never overlap one another or a mark; a mark without room has
 * none. */
static void
test_mark_labels (void)
{
  g_autofree char *shot = g_strdup_printf ("timeline-labels-%s.png", g_getenv ("LANGUAGE") ? "fr" : "en");
  DossierWindow *window = dossier_test_open_demo ("timeline-labels.dossier", "incidents");
  DossierStore *store = dossier_window_get_store (window);
  DossierTimelineView *view = dossier_timeline_pane_get_view (DOSSIER_TIMELINE_PANE (dossier_window_get_timeline (window)));
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (DossierTimelineLabelArea));
  GArray *labels, *items;
  GDate from, to;
  guint labelled = 0;

  wait_for_view (view);
  /* Most of the demo's incidents, from the middle of 2021 to the end of 2022. */
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, 6, 2021);
  g_date_set_dmy (&to, 31, 12, 2022);
  dossier_timeline_view_set_period (view, g_date_get_julian (&from), g_date_get_julian (&to));
  dossier_test_wait_for_draw (GTK_WIDGET (view));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  dossier_test_screenshot (GTK_WIDGET (window), shot);

  items = dossier_timeline_view_get_items (view);
  for (guint i = 0; i < items->len; i++)
    {
      DossierTimelineLabelArea mark = { g_array_index (items, DossierTimelineItem, i).id };

      if (dossier_timeline_view_item_area (view, mark.id, &mark.area))
        g_array_append_val (marks, mark);
    }
  labels = dossier_timeline_view_get_label_areas (view);
  g_assert_cmpuint (labels->len, >=, 3);
  for (guint i = 0; i < labels->len; i++)
    {
      DossierTimelineLabelArea *label = &g_array_index (labels, DossierTimelineLabelArea, i);

      /* Whole in the view, beside its own mark. */
      g_assert_cmpfloat (label->area.origin.x + label->area.size.width, <=, gtk_widget_get_width (GTK_WIDGET (view)) + 0.5);
      for (guint k = 0; k < marks->len; k++)
        {
          DossierTimelineLabelArea *mark = &g_array_index (marks, DossierTimelineLabelArea, k);

          if (mark->id == label->id)
            g_assert_cmpfloat (label->area.origin.x, >=, mark->area.origin.x + mark->area.size.width);
          g_assert_false (overlap (&label->area, &mark->area));
        }
      for (guint k = i + 1; k < labels->len; k++)
        g_assert_false (overlap (&label->area, &g_array_index (labels, DossierTimelineLabelArea, k).area));
    }
  /* Every mark with room for its code after it on its row has its label. */
  for (guint k = 0; k < marks->len; k++)
    {
      DossierTimelineLabelArea *mark = &g_array_index (marks, DossierTimelineLabelArea, k);
      double right = mark->area.origin.x + mark->area.size.width, next = gtk_widget_get_width (GTK_WIDGET (view));
      g_autofree char *sql = g_strdup_printf ("SELECT code FROM incident WHERE id = %" G_GINT64_FORMAT, mark->id);
      g_autofree char *code = dossier_test_query_text (store, sql);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), NULL);
      gboolean has_label = FALSE;
      int width;

      pango_layout_set_markup (layout, g_markup_printf_escaped ("<b>%s</b>", code), -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      for (guint o = 0; o < marks->len; o++)
        {
          graphene_rect_t *other = &g_array_index (marks, DossierTimelineLabelArea, o).area;

          if (o != k && fabs (other->origin.y - mark->area.origin.y) < 1 && other->origin.x >= right)
            next = MIN (next, other->origin.x);
        }
      for (guint i = 0; i < labels->len; i++)
        has_label |= g_array_index (labels, DossierTimelineLabelArea, i).id == mark->id;
      if (next - right >= width + 20)
        g_assert_true (has_label);
      labelled += has_label;
    }
  g_assert_cmpuint (labelled, ==, labels->len);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A view of the timeline alone on @store, @width pixels wide, in the interface's language. */
static DossierTimelineView *
open_view (DossierStore *store,
           int           width,
           GtkWidget   **window)
{
  DossierTimelineView *view = DOSSIER_TIMELINE_VIEW (dossier_timeline_view_new (store, NULL, g_getenv ("LANGUAGE") ? "fr" : "en"));

  *window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (*window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (*window), width, 240);
  /* Without the keyboard's focus, and its ring along the edges. */
  gtk_widget_set_focusable (GTK_WIDGET (view), FALSE);
  gtk_window_present (GTK_WINDOW (*window));
  gtk_window_set_focus (GTK_WINDOW (*window), NULL);
  wait_for_view (view);
  g_assert_true (dossier_timeline_view_fit_all (view));
  dossier_test_wait_for_draw (GTK_WIDGET (view));
  return view;
}

/* Over 4,000 incidents in view a histogram replaces the marks: the selected one stays drawn
 * over it, with its code; and the message saying why fits, wrapped, at the widths the
 * timeline has in a window of 1024×700 (beside the map) and of 1280×800, in both languages. */
static void
test_histogram (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("timeline-histogram.dossier");
  DossierSynthOptions synth = { 6000, 20, 10, 20, 5 };
  g_autoptr(GError) error = NULL;
  static const int widths[] = { 260, 470, 1024 };

  g_assert_true (dossier_synth_fill (store, &synth, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      GtkWidget *window;
      DossierTimelineView *view = open_view (store, widths[w], &window);
      int width = gtk_widget_get_width (GTK_WIDGET (view)), height = gtk_widget_get_height (GTK_WIDGET (view));
      int legend = dossier_timeline_view_get_legend_height (view);
      GArray *items = dossier_timeline_view_get_items (view);
      gint64 chosen = g_array_index (items, DossierTimelineItem, items->len / 2).id;
      graphene_rect_t area;
      cairo_surface_t *drawn;
      guint32 band;
      int lines = 0;
      gboolean ink_in_row;

      g_assert_true (dossier_timeline_view_shows_histogram (view));
      g_assert_cmpint (width, ==, widths[w]);

      /* The message: on as many lines as it needs, nothing at the right edge or under the
       * bottom. */
      drawn = render (GTK_WIDGET (view));
      if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("timeline-message-%d-%s.png", widths[w], g_getenv ("LANGUAGE") ? "fr" : "en");
          g_autofree char *path = g_build_filename (g_getenv ("DOSSIER_SCREENSHOT_DIR"), name, NULL);

          cairo_surface_write_to_png (drawn, path);
        }
      band = pixel (drawn, 1, height - legend + 1);
      for (int y = height - legend; y < height; y++)
        {
          ink_in_row = FALSE;
          for (int x = 0; x < width; x++)
            if (pixel (drawn, x, y) != band)
              {
                ink_in_row = TRUE;
                g_assert_cmpint (x, <, width - 4);
              }
          if (y >= height - 2)
            g_assert_false (ink_in_row);
        }
      /* Lines of text: runs of rows with ink, separated by rows without. */
      {
        gboolean before = FALSE;

        for (int y = height - legend; y < height; y++)
          {
            gboolean ink = FALSE;

            for (int x = 0; x < width && !ink; x++)
              ink = pixel (drawn, x, y) != band;
            lines += ink && !before;
            before = ink;
          }
      }
      g_test_message ("%d pixels: the message on %d line(s), the legend %d pixels high", width, lines, legend);
      g_assert_cmpint (lines, >=, 1);
      if (widths[w] < 300)
        g_assert_cmpint (lines, >=, 2);
      cairo_surface_destroy (drawn);

      /* The selected incident, drawn over the histogram with its code. */
      g_assert_false (dossier_timeline_view_item_area (view, chosen, &area));
      dossier_timeline_view_set_selected (view, chosen);
      dossier_test_wait_for_draw (GTK_WIDGET (view));
      g_assert_true (dossier_timeline_view_shows_histogram (view));
      g_assert_true (dossier_timeline_view_item_area (view, chosen, &area));
      g_assert_cmpuint (dossier_timeline_view_get_label_areas (view)->len, ==, 1);
      g_assert_cmpint (g_array_index (dossier_timeline_view_get_label_areas (view), DossierTimelineLabelArea, 0).id, ==, chosen);
      drawn = render (GTK_WIDGET (view));
      {
        GdkRGBA fg, bg;
        guint32 outline = pixel (drawn, (int) (area.origin.x - 2), (int) (area.origin.y + area.size.height / 2));
        double red, green, blue;

        /* The selection's outline: the text's colour (see-through in libadwaita) over the
         * ground. */
        dossier_look_colour (GTK_WIDGET (view), "dossier_plot_fg_color", &fg);
        dossier_look_colour (GTK_WIDGET (view), "dossier_plot_bg_color", &bg);
        red = fg.red * fg.alpha + bg.red * (1 - fg.alpha);
        green = fg.green * fg.alpha + bg.green * (1 - fg.alpha);
        blue = fg.blue * fg.alpha + bg.blue * (1 - fg.alpha);
        g_assert_cmpfloat (fabs (((outline >> 16) & 0xff) / 255.0 - red), <, 0.02);
        g_assert_cmpfloat (fabs (((outline >> 8) & 0xff) / 255.0 - green), <, 0.02);
        g_assert_cmpfloat (fabs ((outline & 0xff) / 255.0 - blue), <, 0.02);
      }
      cairo_surface_destroy (drawn);
      {
        g_autofree char *shot = g_strdup_printf ("timeline-histogram-%d-%s.png", widths[w], g_getenv ("LANGUAGE") ? "fr" : "en");

        dossier_test_screenshot (window, shot);
      }
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);
  g_test_add_func ("/craft/06-mark-labels", test_mark_labels);
  g_test_add_func ("/craft/06-histogram", test_histogram);
  g_test_add_func ("/timeline/demo", test_timeline);
  return g_test_run ();
}
