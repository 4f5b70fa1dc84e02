/* test-editors-adding.c: adding records from where one is: pickers that create, ages that
 * give groups, evidence linked to the open incident, empty sections (display test)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "dossier-application.h"
#include "dossier-date-row.h"
#include "dossier-demo.h"
#include "dossier-editor.h"
#include "dossier-edtf.h"
#include "dossier-incident.h"
#include "dossier-incident-editor.h"
#include "dossier-link-group.h"
#include "dossier-person.h"
#include "dossier-record.h"
#include "dossier-evidence.h"
#include "dossier-filter.h"
#include "dossier-geo.h"
#include "dossier-investigator-dialog.h"
#include "dossier-link.h"
#include "dossier-new-dossier-dialog.h"
#include "dossier-record-list.h"
#include "dossier-test-display.h"
#include "dossier-testimony.h"
#include "dossier-test-input.h"
#include "dossier-test-util.h"
#include "dossier-vocab.h"
#include "dossier-vocab-row.h"
#include "dossier-window.h"
#include "dossier-store-private.h" /* tests look at the file underneath */
#include "dossier-info.h"
#include "dossier-incident-private.h" /* white-box */
#include "dossier-person-private.h" /* white-box */
#include "dossier-evidence-private.h" /* white-box */
#include "editors-test-util.h"

/* ---- Issue 13, point 13 ---- */

/* The window made as large as a laptop's screen (Xvfb's is 1280×1024: what lies beyond
 * cannot be clicked), then a record opened. */
static DossierEditor *
resize_and_open (Fixture    *f,
                 int         width,
                 int         height,
                 const char *section,
                 const char *code)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  return open_code (f, section, code);
}

/* 13. "Add Person…" makes a new coded person right there, linked with the role chosen; an
 * actor picker makes the actor typed. */
static void
test_picker_creates (Fixture       *f,
                     gconstpointer  data)
{
  DossierEditor *editor = resize_and_open (f, 1280, 800, "incidents", "INC-0001");
  DossierLinkGroup *people = DOSSIER_LINK_GROUP (dossier_editor_get_field_widget (editor, "people_links"));
  DossierLinkGroup *actors = DOSSIER_LINK_GROUP (dossier_editor_get_field_widget (editor, "actor_links"));
  DossierRecordPicker *picker = dossier_link_group_get_picker (actors);
  GtkWidget *add = dossier_test_find_descendant (GTK_WIDGET (actors), GTK_TYPE_MENU_BUTTON);
  g_autofree char *shot = g_strdup_printf ("picker-new-person-%s.png", f->lang);
  gint64 persons = dossier_test_query_int (f->store, "SELECT count(*) FROM person", NULL);
  guint n = dossier_link_group_get_n_links (people);
  g_autoptr(DossierPerson) made = NULL;
  GtkWidget *create, *search;
  DossierLink *link = NULL;

  /* An actor is made with the name typed (first: the toast that follows a new record
   * would lie over the lower buttons of the page). */
  scroll_to (add);
  click (add);
  wait_ms (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  create = dossier_record_picker_get_create_button (picker);
  g_assert_false (gtk_widget_get_sensitive (create));
  search = find_mapped (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);
  click (search);
  dossier_test_type_text (search, "Milice de Kobou");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "Milice de Kobou");
  /* A search entry says it changed after a pause; the popover takes its new size. */
  wait_ms (400);
  g_assert_true (gtk_widget_get_sensitive (create));
  click (create);
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (dossier_test_query_int (f->store, "SELECT count(*) FROM actor a JOIN incident_actor ia ON ia.actor_id = a.id "
                                                     "JOIN incident i ON i.id = ia.incident_id "
                                                     "WHERE a.name = ? AND i.code = 'INC-0001'", "Milice de Kobou"), ==, 1);

  /* "Add Person…" offers a new coded person, made and linked with the role chosen. */
  picker = dossier_link_group_get_picker (people);
  add = dossier_test_find_descendant (GTK_WIDGET (people), GTK_TYPE_MENU_BUTTON);
  scroll_to (add);
  click (add);
  wait_ms (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  create = dossier_record_picker_get_create_button (picker);
  g_assert_nonnull (create);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (create)), ==, _("_New Coded Person"));
  dossier_record_picker_set_role (picker, "direct-witness");
  dossier_test_screenshot (GTK_WIDGET (picker), shot);
  click (create);
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_cmpint (dossier_test_query_int (f->store, "SELECT count(*) FROM person", NULL), ==, persons + 1);
  made = stored (f, DOSSIER_TYPE_PERSON, "TEM-0015");
  g_assert_nonnull (made);
  g_assert_cmpuint (dossier_link_group_get_n_links (people), ==, n + 1);
  for (guint i = 0; i < dossier_link_group_get_n_links (people); i++)
    if (dossier_link_get_right_id (dossier_link_group_get_link (people, i)) == dossier_record_get_id (DOSSIER_RECORD (made)))
      link = dossier_link_group_get_link (people, i);
  g_assert_nonnull (link);
  g_assert_cmpstr (dossier_link_get_role (link), ==, "direct-witness");
  /* The people's list shows it when it is next shown. */
  dossier_window_show_section (f->window, "people");
  g_assert_true (dossier_record_list_show_code (DOSSIER_RECORD_LIST (dossier_window_get_list (f->window, "people")), "TEM-0015"));
}

static gboolean
editor_saved (gpointer data)
{
  DossierEditor *editor = data;

  return !dossier_editor_is_loading (editor);
}

/* 13. An age typed gives the age group: 34 is an adult. */
static void
test_age_gives_group (Fixture       *f,
                      gconstpointer  data)
{
  DossierEditor *editor = resize_and_open (f, 1280, 800, "people", "TEM-0002");
  GtkWidget *age = dossier_editor_get_field_widget (editor, "age");
  DossierVocabRow *group = DOSSIER_VOCAB_ROW (dossier_editor_get_field_widget (editor, "age_group"));
  g_autoptr(DossierPerson) after = NULL;
  g_autofree char *adult = dossier_store_vocab_label (f->store, "age-group", "adult", f->lang);

  scroll_to (age);
  click (age);
  gtk_editable_set_text (GTK_EDITABLE (age), "");
  dossier_test_type_text (age, "34");
  /* Typing is saved after a pause. */
  g_usleep (800 * G_TIME_SPAN_MILLISECOND);
  wait_until (editor_saved, editor, 5, "the person to be saved");
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  after = stored (f, DOSSIER_TYPE_PERSON, "TEM-0002");
  g_assert_cmpint (dossier_person_get_age (after), ==, 34);
  g_assert_cmpstr (dossier_person_get_age_group (after), ==, "adult");
  g_assert_cmpstr (dossier_vocab_row_get_text (group), ==, adult);
}

static gboolean
not_ingesting (gpointer data)
{
  return !dossier_window_is_ingesting (data);
}

/* The first check button below @widget whose label is @label. */
static GtkWidget *
find_check (GtkWidget  *widget,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* 13. Evidence added while an incident is open is linked to it, as the dialog offers. */
static void
test_evidence_linked_to_incident (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *file = dossier_test_tmp_path ("photo-du-marche.txt");
  g_autoptr(GFile) gfile = NULL;
  g_autofree char *label = g_strdup_printf (_("Link to %s"), "INC-0007");
  g_autoptr(GError) error = NULL;
  GtkWidget *chooser, *check, *accept;

  dossier_test_write_file (file, "photo of the market after the attack\n", -1);
  gfile = g_file_new_for_path (file);
  resize_and_open (f, 1280, 800, "incidents", "INC-0007");
  /* Ctrl+Shift+E, as the menu says. */
  dossier_test_press_key (GTK_WIDGET (f->window), GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  chooser = wait_for_file_chooser ();
  check = find_check (chooser, label);
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), gfile, &error));
  g_assert_no_error (error);
  g_usleep (500 * G_TIME_SPAN_MILLISECOND);
  dossier_test_wait_for_draw (chooser);
  accept = dossier_test_find_button (chooser, _("_Add"));
  g_assert_nonnull (accept);
  click (accept);
  wait_until (not_ingesting, f->window, 20, "the evidence to be added");
  g_assert_cmpint (dossier_test_query_int (f->store, "SELECT count(*) FROM evidence e JOIN evidence_incident ei ON ei.evidence_id = e.id "
                                                     "JOIN incident i ON i.id = ei.incident_id "
                                                     "WHERE e.original_name = ? AND i.code = 'INC-0007'", "photo-du-marche.txt"), ==, 1);
}

/* The status page shown in place of @section's editor. */
static AdwStatusPage *
find_status (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget))
    return ADW_STATUS_PAGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
status_button (DossierWindow *window,
               const char    *section)
{
  AdwStatusPage *status;

  g_assert_cmpstr (dossier_window_get_section (window), ==, section);
  status = find_status (GTK_WIDGET (window));

  g_assert_nonnull (status);
  return adw_status_page_get_child (status);
}

static const char *
status_title (DossierWindow *window,
              const char    *section)
{
  GtkWidget *button = status_button (window, section);

  return adw_status_page_get_title (ADW_STATUS_PAGE (gtk_widget_get_ancestor (button, ADW_TYPE_STATUS_PAGE)));
}

/* 13. An empty section says what to do next, with the button to do it: no warning sign, no
 * "select a row" where there is no row. */
static void
test_empty_states (void)
{
  g_autofree char *lang = dossier_application_ui_language ();
  g_autofree char *path = dossier_test_tmp_path ("empty-states.dossier");
  g_autofree char *shot = g_strdup_printf ("empty-incidents-%s.png", lang);
  g_autofree char *filtered_shot = g_strdup_printf ("filter-hides-all-%s.png", lang);
  g_autoptr(DossierStore) empty = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *window;
  GtkWidget *button;
  DossierFilter *filter;

  dossier_store_remove_files (path);
  empty = dossier_create (path, "Vide", &error);
  g_assert_no_error (error);
  g_clear_object (&empty);
  window = open_window (path, 1024, 700);
  dossier_window_show_section (window, "incidents");
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (status_title (window, "incidents"), ==, _("No Incidents Yet"));
  button = status_button (window, "incidents");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, _("_New Incident"));
  dossier_test_screenshot (GTK_WIDGET (window), shot);
  click (button);
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (dossier_test_query_int (dossier_window_get_store (window), "SELECT count(*) FROM incident", NULL), ==, 1);
  g_assert_cmpstr (dossier_record_get_code (dossier_editor_get_record (DOSSIER_EDITOR (dossier_window_get_editor (window, "incidents")))), ==, "INC-0001");

  dossier_window_show_section (window, "evidence");
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (status_title (window, "evidence"), ==, _("No Evidence Yet"));
  button = status_button (window, "evidence");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, _("_Add Evidence…"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.add-evidence");

  /* With rows, it says to select one, with no button. */
  dossier_window_show_section (window, "incidents");
  gtk_selection_model_unselect_all (gtk_column_view_get_model (
    dossier_record_list_get_view (DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents")))));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (status_title (window, "incidents"), ==, _("Select an Incident"));
  g_assert_false (gtk_widget_get_visible (status_button (window, "incidents")));

  /* A filter that hides everything offers to clear it. */
  filter = dossier_window_get_filter (window);
  dossier_filter_set_text (filter, "admin1", "kidal");
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (status_title (window, "incidents"), ==, _("Nothing Matches the Filter"));
  dossier_test_screenshot (GTK_WIDGET (window), filtered_shot);
  click (status_button (window, "incidents"));
  g_assert_true (dossier_filter_is_empty (filter));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (status_title (window, "incidents"), ==, _("Select an Incident"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* 13. "Show Identity" brings the identity into view (it is below the fold of a window
 * 700 pixels high) and becomes "Hide Identity". */
static void
test_show_identity_in_view (Fixture       *f,
                            gconstpointer  data)
{
  DossierEditor *editor;
  GtkWidget *show, *group, *full_name, *scrolled;
  g_autofree char *shot = g_strdup_printf ("identity-shown-%s.png", f->lang);
  double top, bottom;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  editor = open_code (f, "people", "TEM-0001");
  show = dossier_editor_get_field_widget (editor, "show_identity");
  full_name = dossier_editor_get_field_widget (editor, "full_name");
  group = gtk_widget_get_ancestor (full_name, ADW_TYPE_PREFERENCES_GROUP);
  scrolled = gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW);
  visible_extent (group, scrolled, &top, &bottom);
  g_assert_cmpfloat (top, >, gtk_widget_get_height (scrolled));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (show)), ==, _("Show _Identity"));

  click (show);
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (show)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (show)), ==, _("Hide _Identity"));
  /* The name is in view, and takes what is typed. */
  visible_extent (full_name, scrolled, &top, &bottom);
  g_assert_cmpfloat (top, >=, 0);
  g_assert_cmpfloat (bottom, <=, gtk_widget_get_height (scrolled));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), full_name));
  dossier_test_screenshot (GTK_WIDGET (f->window), shot);

  click (show);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (show)), ==, _("Show _Identity"));
  g_assert_false (gtk_widget_get_visible (full_name));
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);

  g_test_add ("/craft/13-picker-creates", Fixture, NULL, fixture_set_up, test_picker_creates, fixture_tear_down);
  g_test_add ("/craft/13-age-gives-group", Fixture, NULL, fixture_set_up, test_age_gives_group, fixture_tear_down);
  g_test_add ("/craft/13-evidence-linked-to-incident", Fixture, NULL, fixture_set_up, test_evidence_linked_to_incident,
              fixture_tear_down);
  g_test_add_func ("/craft/13-empty-states", test_empty_states);
  g_test_add ("/craft/13-show-identity-in-view", Fixture, NULL, fixture_set_up, test_show_identity_in_view, fixture_tear_down);

  return g_test_run ();
}
