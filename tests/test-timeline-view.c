/* test-timeline-view.c: the timeline pane on the demo dossier, in the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-demo.h"
#include "dossier-filter.h"
#include "dossier-record-list.h"
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
  return g_strdup (record->code);
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
    sql = g_strdup_printf ("SELECT count(*) FROM incident WHERE date_start <= %u AND date_end >= %u",
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

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);
  g_test_add_func ("/timeline/demo", test_timeline);
  return g_test_run ();
}
