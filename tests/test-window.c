/* test-window.c: the window opens the demo dossier and lists its incidents (display test)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "dossier-application.h"
#include "dossier-bar-chart.h"
#include "dossier-demo.h"
#include "dossier-edtf.h"
#include "dossier-editor.h"
#include "dossier-date-row.h"
#include "dossier-filter-bar.h"
#include "dossier-filter-popover.h"
#include "dossier-query.h"
#include "dossier-incident.h"
#include "dossier-preferences-window.h"
#include "dossier-record-list.h"
#include "dossier-search-page.h"
#include "dossier-map-pane.h"
#include "dossier-overview.h"
#include "dossier-test-display.h"
#include "dossier-test-input.h"
#include "dossier-test-util.h"
#include "dossier-timeline-pane.h"
#include "dossier-window.h"
#include "dossier-info.h"

static char *demo_path;


/* Charts below @widget that show something. */
static guint
count_filled_charts (GtkWidget *widget)
{
  guint n = DOSSIER_IS_BAR_CHART (widget) && dossier_bar_chart_get_n (DOSSIER_BAR_CHART (widget)) > 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_filled_charts (child);
  return n;
}

static void
test_demo_incidents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  DossierStoreCounts counts;
  DossierWindow *window;
  DossierRecordList *list;
  GListModel *model;
  g_autoptr(DossierIncident) first = NULL;
  g_autofree char *lang = dossier_application_ui_language ();
  g_autofree char *shot = NULL;

  store = dossier_store_open (demo_path, DOSSIER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_store_count (store, &counts, &error));
  g_assert_cmpint (counts.incidents, >=, 8);

  window = dossier_window_new (NULL);
  g_assert_true (dossier_window_load (window, demo_path, &error));
  g_assert_no_error (error);
  dossier_window_show_section (window, "incidents");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpstr (dossier_window_get_section (window), ==, "incidents");
  {
    /* The window is titled after the dossier. */
    g_autofree char *title = dossier_store_get_title (store);
    g_assert_cmpstr (title, !=, "");
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  }

  /* The list holds every incident of the dossier, in code order, with their cells. */
  list = DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents"));
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  model = G_LIST_MODEL (dossier_record_list_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, counts.incidents);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (first)), ==, "INC-0001");
  {
    g_autofree char *code = dossier_record_list_cell_text (list, DOSSIER_RECORD (first), 0);
    g_autofree char *date = dossier_record_list_cell_text (list, DOSSIER_RECORD (first), dossier_record_list_find_column (list, "date_edtf"));
    g_autofree char *place = dossier_record_list_cell_text (list, DOSSIER_RECORD (first), dossier_record_list_find_column (list, "place"));
    g_autofree char *title = dossier_record_list_cell_text (list, DOSSIER_RECORD (first), dossier_record_list_find_column (list, "title"));
    g_assert_cmpstr (code, ==, "INC-0001");
    g_assert_cmpstr (place, ==, dossier_incident_get_place (first));
    g_assert_cmpstr (title, !=, "");
    g_assert_cmpstr (date, !=, "");
    /* Dates are written out, not shown as EDTF. */
    g_assert_cmpstr (date, !=, dossier_incident_get_date_edtf (first));
  }

  /* Rows are really on screen: the column view made row widgets showing the code. */
  {
    GtkWidget *view = GTK_WIDGET (dossier_record_list_get_view (list));
    GtkWidget *inscription = dossier_test_find_descendant (view, GTK_TYPE_INSCRIPTION);
    g_assert_nonnull (inscription);
    g_assert_true (gtk_widget_get_mapped (inscription));
  }

  /* Clicking a header sorts in SQLite: newest first by date, then back by code. */
  {
    g_autoptr(DossierIncident) top = NULL;
    g_autoptr(DossierIncident) next = NULL;
    guint32 s1, e1, s2, e2;

    dossier_record_list_sort_by (list, dossier_record_list_find_column (list, "date_edtf"), TRUE);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, counts.incidents);
    top = g_list_model_get_item (model, 0);
    next = g_list_model_get_item (model, counts.incidents - 1);
    dossier_edtf_bounds (dossier_incident_get_date_edtf (top), &s1, &e1, NULL);
    dossier_edtf_bounds (dossier_incident_get_date_edtf (next), &s2, &e2, NULL);
    g_assert_cmpuint (s1, >=, s2);
    g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (top)), !=, "INC-0001");

    dossier_record_list_sort_by (list, 0, FALSE);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    g_clear_object (&top);
    top = g_list_model_get_item (model, 0);
    g_assert_cmpstr (dossier_record_get_code (DOSSIER_RECORD (top)), ==, "INC-0001");
  }

  /* The filter narrows the incidents list, as chosen in its popover, and clears in one go. */
  {
    DossierFilter *filter = dossier_window_get_filter (window);
    GtkWidget *popover = dossier_window_get_filter_popover (window);
    DossierIncidentQuery mopti = { 0 };
    g_autofree char *filtered_shot = g_strdup_printf ("window-filtered-%s.png", lang);
    gint64 expected;

    mopti.admin1 = (char *) "mopti";
    expected = dossier_store_count_incidents (store, &mopti, &error);
    g_assert_no_error (error);
    g_assert_cmpint (expected, >, 0);
    g_assert_cmpint (expected, <, counts.incidents);

    dossier_filter_popover_choose (DOSSIER_FILTER_POPOVER (popover), "admin1", "mopti");
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_false (dossier_filter_is_empty (filter));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);
    for (guint i = 0; i < expected; i++)
      {
        g_autoptr(DossierIncident) incident = g_list_model_get_item (model, i);
        g_assert_cmpstr (dossier_incident_get_admin1 (incident), ==, "mopti");
      }
    dossier_test_screenshot (GTK_WIDGET (window), filtered_shot);

    /* A period on top: fewer or as many. */
    dossier_filter_set_years (filter, 2022, 2022);
    g_assert_cmpuint (g_list_model_get_n_items (model), <=, expected);

    dossier_filter_clear (filter);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_true (dossier_filter_is_empty (filter));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, counts.incidents);
  }

  /* The overview draws its charts from the dossier. */
  dossier_window_show_section (window, "overview");
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  {
    GtkWidget *overview = dossier_window_get_list (window, "overview");
    GtkWidget *chart = dossier_test_find_descendant (overview, DOSSIER_TYPE_BAR_CHART);
    g_autofree char *overview_shot = g_strdup_printf ("window-overview-%s.png", lang);
    guint n = 0;

    g_assert_nonnull (chart);
    for (GtkWidget *w = chart; w; w = gtk_widget_get_next_sibling (w))
      if (DOSSIER_IS_BAR_CHART (w))
        {
          g_assert_cmpuint (dossier_bar_chart_get_n (DOSSIER_BAR_CHART (w)), >, 0);
          n++;
        }
    g_assert_cmpuint (n, ==, 5);
    dossier_test_screenshot (GTK_WIDGET (window), overview_shot);

    /* Below them, the secretariat's: testimonies and witnesses, all filled. */
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (chart, GTK_TYPE_SCROLLED_WINDOW);
      g_autofree char *testimonies_shot = g_strdup_printf ("window-overview-testimonies-%s.png", lang);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      g_assert_cmpuint (count_filled_charts (scrolled), ==, 10);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      dossier_test_screenshot (GTK_WIDGET (window), testimonies_shot);
    }

    /* Victims instead of incidents: the charts are titled and filled again. */
    {
      g_autofree char *victims_shot = g_strdup_printf ("window-overview-victims-%s.png", lang);
      gint64 incidents_month = dossier_bar_chart_get_n (DOSSIER_BAR_CHART (chart));

      dossier_window_set_measure (window, DOSSIER_MEASURE_VICTIMS);
      dossier_test_wait_for_draw (GTK_WIDGET (window));
      /* Every month from the first to the last, whatever is counted. */
      g_assert_cmpint (dossier_bar_chart_get_n (DOSSIER_BAR_CHART (chart)), ==, incidents_month);
      g_assert_cmpint (incidents_month, >, 12);
      dossier_test_screenshot (GTK_WIDGET (window), victims_shot);
      dossier_window_set_measure (window, DOSSIER_MEASURE_INCIDENTS);
    }

    /* Shown, the charts follow the filter at once: one region, one bar. */
    {
      GtkWidget *regions = gtk_widget_get_next_sibling (chart);
      DossierFilter *shared = dossier_window_get_filter (window);

      g_assert_true (DOSSIER_IS_BAR_CHART (regions));
      g_assert_cmpuint (dossier_bar_chart_get_n (DOSSIER_BAR_CHART (regions)), >, 1);
      dossier_filter_set_text (shared, "admin1", "mopti");
      g_assert_cmpuint (dossier_bar_chart_get_n (DOSSIER_BAR_CHART (regions)), ==, 1);
      dossier_filter_clear (shared);
      g_assert_cmpuint (dossier_bar_chart_get_n (DOSSIER_BAR_CHART (regions)), >, 1);
    }
  }

  /* The window can change section. */
  dossier_window_show_section (window, "people");
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (dossier_window_get_section (window), ==, "people");
  dossier_window_show_section (window, "incidents");
  dossier_test_wait_for_draw (GTK_WIDGET (window));

  shot = g_strdup_printf ("window-incidents-%s.png", lang);
  dossier_test_screenshot (GTK_WIDGET (window), shot);

  /* Searching the whole dossier: accents folded, results grouped by kind, and clearing
   * the search brings the list back. */
  dossier_window_search (window, "segou");
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (dossier_window_get_section (window), ==, "search");
  {
    DossierSearchPage *page = DOSSIER_SEARCH_PAGE (dossier_window_get_list (window, "search"));
    g_autofree char *search_shot = g_strdup_printf ("window-search-%s.png", lang);

    dossier_test_wait_for_search (page);
    g_assert_cmpuint (dossier_search_page_count_kind (page, "incident"), >=, 1);
    g_assert_cmpuint (dossier_search_page_count_kind (page, "testimony"), >=, 1);
    dossier_test_screenshot (GTK_WIDGET (window), search_shot);
    dossier_search_page_search (page, "zzzzqqq");
    dossier_test_wait_for_search (page);
    g_assert_cmpuint (dossier_search_page_count_kind (page, "incident"), ==, 0);
    g_assert_cmpuint (dossier_search_page_count_kind (page, "testimony"), ==, 0);

    /* Opening a hit shows it selected in its list. */
    dossier_search_page_search (page, "tounu");
    dossier_test_wait_for_search (page);
    g_assert_cmpuint (dossier_search_page_count_kind (page, "incident"), >=, 1);
    dossier_search_page_activate_first (page);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpstr (dossier_window_get_section (window), ==, "incidents");
    {
      GtkSelectionModel *selection = gtk_column_view_get_model (dossier_record_list_get_view (list));
      g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
      g_autoptr(DossierIncident) chosen = NULL;

      g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
      chosen = g_list_model_get_item (model, gtk_bitset_get_nth (selected, 0));
      g_assert_cmpstr (dossier_incident_get_place (chosen), ==, "Tounu");
    }
  }
  dossier_window_search (window, "");
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (dossier_window_get_section (window), ==, "incidents");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_file_shows_error (void)
{
  g_autofree char *path = dossier_test_tmp_path ("not-a-dossier.dossier");
  g_autoptr(GError) error = NULL;
  DossierWindow *window;

  dossier_test_write_file (path, "hello", -1);
  window = dossier_window_new (NULL);
  g_assert_false (dossier_window_load (window, path, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER);
  dossier_window_show_error (window, error->message);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (dossier_window_get_section (window), ==, "error");
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_by_type_and_title (GtkWidget  *widget,
                        GType       type,
                        const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type_and_title (child, type, title);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *lang = dossier_application_ui_language ();
  g_autofree char *shot = g_strdup_printf ("preferences-%s.png", lang);
  g_autofree char *name = NULL;
  g_autofree char *language = NULL;
  DossierWindow *window = dossier_window_new (NULL);
  GtkWidget *prefs;
  GtkWidget *name_row, *language_row;

  g_assert_true (dossier_window_load (window, demo_path, &error));
  gtk_window_present (GTK_WINDOW (window));
  prefs = dossier_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  dossier_test_wait_for_draw (prefs);

  /* Rows are found by their translated titles, as a user sees them. */
  name_row = find_by_type_and_title (prefs, ADW_TYPE_ENTRY_ROW, _("Name"));
  language_row = find_by_type_and_title (prefs, ADW_TYPE_COMBO_ROW, _("Language"));
  g_assert_nonnull (name_row);
  g_assert_nonnull (language_row);

  gtk_editable_set_text (GTK_EDITABLE (name_row), "  Enquêtrice 07  ");
  name = g_settings_get_string (settings, "investigator-name");
  g_assert_cmpstr (name, ==, "Enquêtrice 07");
  /* The open dossier records the new name. */
  g_assert_cmpstr (dossier_store_get_user (dossier_window_get_store (window)), ==, "Enquêtrice 07");

  adw_combo_row_set_selected (ADW_COMBO_ROW (language_row), 1);
  language = g_settings_get_string (settings, "interface-language");
  g_assert_cmpstr (language, ==, "fr");
  adw_combo_row_set_selected (ADW_COMBO_ROW (language_row), 0);
  g_clear_pointer (&language, g_free);
  language = g_settings_get_string (settings, "interface-language");
  g_assert_cmpstr (language, ==, "");

  dossier_test_wait_for_draw (prefs);
  dossier_test_screenshot (prefs, shot);
  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The demo in a new window of @width × @height, on its incidents. */
static DossierWindow *
open_demo (int width,
           int height)
{
  g_autoptr(GError) error = NULL;
  DossierWindow *window = dossier_window_new (NULL);

  g_assert_true (dossier_window_load (window, demo_path, &error));
  g_assert_no_error (error);
  dossier_window_show_section (window, "incidents");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static gboolean
searching (DossierWindow *window)
{
  GtkWidget *bar = dossier_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR);

  return gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)) ||
         g_strcmp0 (dossier_window_get_section (window), "search") == 0;
}

/* The entry searches once typing pauses (GtkSearchEntry's delay): waits for the results'
 * page to be shown, as a person waits, then for its search to end. */
static void
wait_for_search_page (DossierWindow *window)
{
  gint64 until = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  while (g_strcmp0 (dossier_window_get_section (window), "search") != 0 && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  dossier_test_wait_for_search (DOSSIER_SEARCH_PAGE (dossier_window_get_list (window, "search")));
}

/* The button under @widget whose tooltip is @tooltip. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip)
{
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
timeline_span (DossierTimelineView *view)
{
  DossierTimelineFrame frame;

  dossier_timeline_view_get_frame (view, &frame);
  return frame.last_day - frame.first_day;
}

/* Keys pressed on the timeline or the map, after a click on them, reach them: + zooms the
 * timeline in and types nothing into the search, as it did when every key went there. */
static void
test_keys_reach_pane (void)
{
  DossierWindow *window = open_demo (1280, 800);
  DossierRecordList *list = DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents"));
  DossierTimelineView *timeline = dossier_timeline_pane_get_view (DOSSIER_TIMELINE_PANE (dossier_window_get_timeline (window)));
  GtkWidget *map = dossier_window_get_map (window);
  double span;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timeline)));
  g_assert_true (gtk_widget_get_mapped (map));
  /* The list had the keyboard, as after reading an incident. */
  gtk_widget_grab_focus (GTK_WIDGET (dossier_record_list_get_view (list)));

  dossier_test_click (GTK_WIDGET (timeline), gtk_widget_get_width (GTK_WIDGET (timeline)) / 2.0,
                      gtk_widget_get_height (GTK_WIDGET (timeline)) - 8, 1);
  span = timeline_span (timeline);
  dossier_test_press_key (GTK_WIDGET (timeline), GDK_KEY_plus, 0);
  dossier_test_press_key (GTK_WIDGET (timeline), GDK_KEY_plus, 0);
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (searching (window));
  g_assert_cmpfloat (timeline_span (timeline), <, span * 0.9);
  span = timeline_span (timeline);
  dossier_test_press_key (GTK_WIDGET (timeline), GDK_KEY_minus, 0);
  g_assert_cmpfloat (timeline_span (timeline), >, span * 1.1);
  dossier_test_press_key (GTK_WIDGET (timeline), GDK_KEY_bracketright, 0);
  dossier_test_press_key (GTK_WIDGET (timeline), GDK_KEY_bracketleft, 0);
  g_assert_false (searching (window));

  /* After a click on one of the timeline's buttons too. */
  {
    GtkWidget *fit = find_button (dossier_window_get_timeline (window), _("Show every incident (Home)"));

    g_assert_nonnull (fit);
    dossier_test_click (fit, gtk_widget_get_width (fit) / 2.0, gtk_widget_get_height (fit) / 2.0, 1);
    span = timeline_span (timeline);
    dossier_test_press_key (fit, GDK_KEY_plus, 0);
    g_assert_false (searching (window));
    g_assert_cmpfloat (timeline_span (timeline), <, span * 0.9);
  }

  /* The map takes the keyboard when clicked, away from its incidents' marks. */
  dossier_test_click (map, 12, gtk_widget_get_height (map) / 2.0, 1);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (focus == map || gtk_widget_is_ancestor (focus, map));
  }
  dossier_test_press_key (map, GDK_KEY_bracketright, 0);
  dossier_test_press_key (map, GDK_KEY_bracketleft, 0);
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (searching (window));
  g_assert_cmpstr (dossier_window_get_section (window), ==, "incidents");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Typing in a list searches the dossier; typing in an editor, or on one of its buttons,
 * does not. */
static void
test_type_to_search_from_list (void)
{
  DossierWindow *window = open_demo (1280, 800);
  DossierRecordList *list = DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents"));
  GtkWidget *view = GTK_WIDGET (dossier_record_list_get_view (list));
  GtkWidget *editor = dossier_window_get_editor (window, "incidents");
  GtkWidget *bar = dossier_test_find_descendant (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR);
  GtkWidget *entry = dossier_test_find_descendant (bar, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *button;
  GtkWidget *field;

  /* Opened, the list has the keyboard. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (focus == view || gtk_widget_is_ancestor (focus, view));
  }
  /* A row clicked, then letters typed: a search for them. */
  dossier_test_click (view, 40, 48, 1);
  g_assert_false (searching (window));
  dossier_test_type_text (view, "mopti");
  wait_for_search_page (window);
  g_assert_true (searching (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "mopti");
  g_assert_cmpstr (dossier_window_get_section (window), ==, "search");
  dossier_test_press_key (entry, GDK_KEY_Escape, 0);
  g_assert_false (searching (window));
  g_assert_cmpstr (dossier_window_get_section (window), ==, "incidents");

  /* In the editor of the incident selected: what is typed goes into its fields. */
  dossier_record_list_show_code (list, "INC-0001");
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  field = dossier_test_find_descendant (editor, GTK_TYPE_TEXT);
  g_assert_nonnull (field);
  dossier_test_click (field, 4, gtk_widget_get_height (field) / 2.0, 1);
  dossier_test_press_key (field, GDK_KEY_End, 0);
  dossier_test_type_text (field, "z");
  g_assert_false (searching (window));
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (field)), "z"));
  dossier_test_press_key (field, GDK_KEY_BackSpace, 0);
  /* A button of the editor focused: a letter does nothing. */
  button = dossier_test_find_descendant (editor, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  gtk_widget_grab_focus (button);
  dossier_test_type_text (button, "q");
  g_assert_false (searching (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The label of a widget's first GtkLabel, or of the widget itself. */
static const char *
label_text (GtkWidget *widget)
{
  GtkWidget *label = GTK_IS_LABEL (widget) ? widget : dossier_test_find_descendant (widget, GTK_TYPE_LABEL);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The caption under the name of the sidebar's row @row ("12 of 13"): its second label,
 * after the name and before the count. */
static GtkWidget *
sidebar_caption (DossierWindow *window,
                 int            row)
{
  GtkWidget *sidebar = find_with_class (GTK_WIDGET (window), "navigation-sidebar");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), row)), labels);
  g_assert_cmpuint (labels->len, ==, 3);
  return labels->pdata[1];
}

static void
wait_until_counted (GtkWidget *caption)
{
  gint64 until = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (g_strstr_len (gtk_label_get_text (GTK_LABEL (caption)), -1, "…") != NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (g_strstr_len (gtk_label_get_text (GTK_LABEL (caption)), -1, "…"));
}

static guint32
julian (int day,
        int month,
        int year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* The filter says what it does: the region's search narrows its list, the Filter button
 * counts its criteria, a bar over the list says "3 of 13 incidents" and shows each
 * criterion as a chip that removes it, the sections say what is kept of them, and periods
 * are typed as EDTF. */
static void
test_filter_feedback (void)
{
  DossierWindow *window = open_demo (1280, 800);
  DossierRecordList *list = DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents"));
  GListModel *model = G_LIST_MODEL (dossier_record_list_get_model (list));
  DossierFilter *filter = dossier_window_get_filter (window);
  GtkWidget *button = find_button (GTK_WIDGET (window), _("Narrow the incidents by period, region, violation type and verification"));
  GtkWidget *popover = dossier_window_get_filter_popover (window);
  GtkWidget *bar = dossier_test_find_descendant (GTK_WIDGET (window), DOSSIER_TYPE_FILTER_BAR);
  GtkWidget *revealer = gtk_widget_get_ancestor (bar, GTK_TYPE_REVEALER);
  GtkWidget *region;
  GtkWidget *period;
  GtkWidget *chip;
  g_autofree char *expected = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *kept_text = NULL;
  g_autofree char *all_text = NULL;
  g_autofree char *lang = dossier_application_ui_language ();
  guint n_all = g_list_model_get_n_items (model);
  guint n_mopti, n_mopti_2022;

  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (revealer));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, _("Filter"));

  /* The Filter button, clicked; the region's list, searched for "Mop": Mopti alone. */
  dossier_test_click (button, gtk_widget_get_width (button) / 2.0, gtk_widget_get_height (button) / 2.0, 1);
  g_assert_true (gtk_widget_get_visible (popover));
  /* The first choice: the region. */
  region = dossier_test_find_descendant (popover, GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (region);
  dossier_test_click (region, gtk_widget_get_width (region) / 2.0, gtk_widget_get_height (region) / 2.0, 1);
  dossier_test_type_text (region, "Mop");
  {
    GtkWidget *choices = dossier_test_find_descendant (region, GTK_TYPE_LIST_VIEW);
    GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (choices)));
    g_autoptr(GtkStringObject) only = NULL;

    /* GtkSearchEntry searches after a pause in typing. */
    gint64 until = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

    while (g_list_model_get_n_items (shown) != 1 && g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
    only = g_list_model_get_item (shown, 0);
    g_assert_cmpstr (gtk_string_object_get_string (only), ==, "Mopti");
  }
  dossier_test_press_key (region, GDK_KEY_Return, 0);
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (dossier_filter_get_query (filter)->admin1, ==, "mopti");
  n_mopti = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_mopti, <, n_all);

  /* A period typed as EDTF, on top. */
  period = GTK_WIDGET (dossier_date_row_get_entry (DOSSIER_DATE_ROW (dossier_test_find_descendant (popover, DOSSIER_TYPE_DATE_ROW))));
  dossier_test_click (period, 8, gtk_widget_get_height (period) / 2.0, 1);
  dossier_test_type_text (period, "2022");
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpuint (dossier_filter_get_query (filter)->date_from, !=, 0);
  n_mopti_2022 = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_mopti_2022, <, n_mopti);
  g_assert_cmpuint (n_mopti_2022, >, 0);
  dossier_test_press_key (period, GDK_KEY_Escape, 0);
  dossier_test_wait_for_draw (GTK_WIDGET (window));

  /* What it keeps, said over the list, on the button and beside the sections. */
  g_assert_true (gtk_widget_get_visible (revealer));
  g_assert_true (gtk_widget_get_mapped (bar));
  kept_text = g_strdup_printf ("%u", n_mopti_2022);
  all_text = g_strdup_printf ("%u", n_all);
  expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s incident", "%s of %s incidents", n_all),
                              kept_text, all_text);
  g_assert_cmpstr (dossier_filter_bar_get_summary (DOSSIER_FILTER_BAR (bar)), ==, expected);
  {
    g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Filter (%u)", "Filter (%u)", 2), 2);

    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), ==, label);
  }
  {
    GtkWidget *caption = sidebar_caption (window, 1);
    g_autofree char *kept = g_strdup_printf (_("%s of %s"), kept_text, all_text);

    wait_until_counted (caption);
    g_assert_true (gtk_widget_get_mapped (caption));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (caption)), ==, kept);
  }
  chip = dossier_filter_bar_find_chip (DOSSIER_FILTER_BAR (bar), "admin1");
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_get_mapped (chip));
  {
    g_autofree char *text = g_strdup_printf (_("%s: %s"), _("Region"), "Mopti");

    g_assert_cmpstr (label_text (chip), ==, text);
  }
  g_assert_nonnull (dossier_filter_bar_find_chip (DOSSIER_FILTER_BAR (bar), "period"));
  shot = g_strdup_printf ("window-filter-bar-%s.png", lang);
  dossier_test_screenshot (GTK_WIDGET (window), shot);

  /* Its chip's button drops the region, and the period stays. */
  {
    /* Held: the click takes the chip, and its button, away. */
    g_autoptr(GtkWidget) remove = g_object_ref (dossier_test_find_descendant (chip, GTK_TYPE_BUTTON));

    dossier_test_click (remove, gtk_widget_get_width (remove) / 2.0, gtk_widget_get_height (remove) / 2.0, 1);
  }
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (dossier_filter_get_query (filter)->admin1);
  g_assert_null (dossier_filter_bar_find_chip (DOSSIER_FILTER_BAR (bar), "admin1"));
  g_assert_nonnull (dossier_filter_bar_find_chip (DOSSIER_FILTER_BAR (bar), "period"));
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, n_mopti_2022);

  /* A period brushed on the timeline reads as EDTF too. */
  dossier_filter_set_period (filter, julian (1, 1, 2022), julian (31, 12, 2022));
  {
    g_autofree char *edtf = dossier_filter_get_period_edtf (filter);

    g_assert_cmpstr (edtf, ==, "2022");
  }

  dossier_filter_clear (filter);
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_visible (revealer));
  g_assert_false (gtk_widget_get_visible (sidebar_caption (window, 1)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_all);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether the column of @list showing @field is wholly within what the list shows. */
static gboolean
column_in_view (DossierRecordList *list,
                const char        *field)
{
  GtkColumnView *view = dossier_record_list_get_view (list);
  GListModel *columns = gtk_column_view_get_columns (view);
  int index = dossier_record_list_find_column (list, field);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
  int left = 0, width = 0;

  g_assert_cmpint (index, >=, 0);
  for (int i = 0; i <= index; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      width = gtk_column_view_column_get_fixed_width (column);
      if (i < index)
        left += width;
    }
  return left - gtk_adjustment_get_value (h) >= 0 &&
         left + width - gtk_adjustment_get_value (h) <= gtk_widget_get_width (scrolled);
}

/* At 1280×800 and at 1024×700 the title of an incident is in view beside its code, the
 * editor has the height of the window, and the wheel over a summary not being typed in
 * scrolls the editor, as over any other field. */
static void
test_layout_gives_editor_room (void)
{
  static const int sizes[][2] = { { 1280, 800 }, { 1024, 700 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      DossierWindow *window = open_demo (sizes[s][0], sizes[s][1]);
      DossierRecordList *list = DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents"));
      GtkWidget *editor = dossier_window_get_editor (window, "incidents");
      GtkWidget *form, *summary, *inner;
      GtkAdjustment *outer_adjustment, *inner_adjustment;
      double outer_before, inner_before;
      graphene_rect_t bounds;
      g_autofree char *lang = dossier_application_ui_language ();
      g_autofree char *shot = g_strdup_printf ("window-layout-%dx%d-%s.png", sizes[s][0], sizes[s][1], lang);

      g_assert_true (dossier_record_list_show_code (list, "INC-0001"));
      dossier_test_wait_for_draw (GTK_WIDGET (window));
      dossier_test_screenshot (GTK_WIDGET (window), shot);

      /* The code and the title first, both in view. */
      g_assert_cmpint (dossier_record_list_find_column (list, "title"), ==, 1);
      g_assert_true (column_in_view (list, "code"));
      g_assert_true (column_in_view (list, "title"));
      /* The editor goes from under the header bar to the bottom of the window. */
      g_assert_true (gtk_widget_get_mapped (editor));
      g_assert_true (gtk_widget_compute_bounds (editor, GTK_WIDGET (window), &bounds));
      g_assert_cmpfloat (bounds.size.height, >, sizes[s][1] - 80);
      g_assert_cmpfloat (bounds.size.width, >=, 380);

      /* The wheel over the summary, not clicked: the form moves, the summary does not. */
      summary = dossier_editor_get_field_widget (DOSSIER_EDITOR (editor), "summary");
      if (!GTK_IS_TEXT_VIEW (summary))
        summary = dossier_test_find_descendant (summary, GTK_TYPE_TEXT_VIEW);
      g_assert_nonnull (summary);
      inner = gtk_widget_get_ancestor (summary, GTK_TYPE_SCROLLED_WINDOW);
      form = gtk_widget_get_ancestor (gtk_widget_get_parent (inner), GTK_TYPE_SCROLLED_WINDOW);
      g_assert_nonnull (form);
      inner_adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (inner));
      outer_adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (form));
      /* A long summary, taller than its box. */
      g_assert_cmpfloat (gtk_adjustment_get_upper (inner_adjustment), >, gtk_adjustment_get_page_size (inner_adjustment));
      gtk_adjustment_set_value (outer_adjustment, 0);
      gtk_adjustment_set_value (inner_adjustment, 0);
      dossier_test_wait_for_draw (GTK_WIDGET (window));
      outer_before = gtk_adjustment_get_value (outer_adjustment);
      inner_before = gtk_adjustment_get_value (inner_adjustment);
      dossier_test_scroll (summary, gtk_widget_get_width (summary) / 2.0, gtk_widget_get_height (summary) / 2.0, 2);
      dossier_test_wait_for_draw (GTK_WIDGET (window));
      g_assert_cmpfloat (gtk_adjustment_get_value (outer_adjustment), >, outer_before);
      g_assert_cmpfloat (gtk_adjustment_get_value (inner_adjustment), ==, inner_before);

      /* Clicked, it is the summary that scrolls (clicked below the editor's heading, which
       * stays over the top of the form as it scrolls). */
      dossier_test_click (summary, 10, gtk_widget_get_height (summary) - 10, 1);
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == summary);
      outer_before = gtk_adjustment_get_value (outer_adjustment);
      dossier_test_scroll (summary, 10, gtk_widget_get_height (summary) - 10, 2);
      dossier_test_wait_for_draw (GTK_WIDGET (window));
      g_assert_cmpfloat (gtk_adjustment_get_value (inner_adjustment), >, inner_before);
      g_assert_cmpfloat (gtk_adjustment_get_value (outer_adjustment), ==, outer_before);

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* The overview, built from its properties alone as GtkBuilder would: what the dossier is
 * about, its counts as the window gives them, and its charts drawn from the filter. */
static void
test_overview_from_properties (void)
{
  g_autofree char *path = dossier_test_tmp_path ("overview.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_demo_create (path, &error);
  g_autoptr(DossierFilter) filter = dossier_filter_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overview;
  GtkWidget *chart;

  g_assert_no_error (error);
  overview = g_object_new (DOSSIER_TYPE_OVERVIEW, "store", store, "filter", filter, "lang", "en", NULL);
  gtk_window_set_child (GTK_WINDOW (window), overview);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  dossier_overview_set_count (DOSSIER_OVERVIEW (overview), DOSSIER_TYPE_INCIDENT, "13");
  dossier_overview_update_charts (DOSSIER_OVERVIEW (overview));
  dossier_test_wait_for_draw (window);
  chart = dossier_test_find_descendant (overview, DOSSIER_TYPE_BAR_CHART);
  g_assert_nonnull (chart);
  g_assert_cmpuint (dossier_bar_chart_get_n (DOSSIER_BAR_CHART (chart)), >, 0);
  g_assert_cmpuint (count_filled_charts (overview), ==, 10);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) demo = NULL;

  dossier_test_display_init (&argc, &argv);

  demo_path = dossier_test_tmp_path ("demo.dossier");
  demo = dossier_demo_create (demo_path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);

  g_test_add_func ("/window/demo-incidents", test_demo_incidents);
  g_test_add_func ("/window/bad-file", test_bad_file_shows_error);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/overview-from-properties", test_overview_from_properties);
  g_test_add_func ("/craft/02-keys-reach-pane", test_keys_reach_pane);
  g_test_add_func ("/craft/02-type-to-search-from-list", test_type_to_search_from_list);
  g_test_add_func ("/craft/07-filter-feedback", test_filter_feedback);
  g_test_add_func ("/craft/09-layout-gives-editor-room", test_layout_gives_editor_room);

  return g_test_run ();
}
