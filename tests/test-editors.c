/* test-editors.c: editing, linking, deleting and adding records in the window (display test)
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

typedef struct {
  char          *path;
  DossierWindow *window;
  DossierStore  *store;
  char          *lang;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) demo = NULL;
  static int n;

  f->path = dossier_test_tmp_path (g_strdup_printf ("editors-%d.dossier", n++));
  demo = dossier_demo_create (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);

  f->lang = dossier_application_ui_language ();
  f->window = dossier_window_new (NULL);
  g_assert_true (dossier_window_load (f->window, f->path, &error));
  g_assert_no_error (error);
  f->store = dossier_window_get_store (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  dossier_window_show_section (f->window, "incidents");
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_free (f->lang);
  g_free (f->path);
}

static DossierEditor *
open_code (Fixture    *f,
           const char *section,
           const char *code)
{
  DossierRecordList *list;
  DossierEditor *editor;

  dossier_window_show_section (f->window, section);
  list = DOSSIER_RECORD_LIST (dossier_window_get_list (f->window, section));
  g_assert_true (dossier_record_list_show_code (list, code));
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  editor = DOSSIER_EDITOR (dossier_window_get_editor (f->window, section));
  g_assert_nonnull (dossier_editor_get_record (editor));
  g_assert_cmpstr (dossier_record_get_code (dossier_editor_get_record (editor)), ==, code);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  return editor;
}

static gpointer
stored (Fixture    *f,
        GType       type,
        const char *code)
{
  g_autoptr(GError) error = NULL;
  gpointer record = dossier_store_load_by_code (f->store, type, code, &error);

  g_assert_no_error (error);
  return record;
}

static void
test_incident_fields (Fixture       *f,
                      gconstpointer  data)
{
  DossierEditor *editor = open_code (f, "incidents", "INC-0003");
  GtkWidget *title = dossier_editor_get_field_widget (editor, "title");
  GtkWidget *date = dossier_editor_get_field_widget (editor, "date");
  GtkWidget *latitude = dossier_editor_get_field_widget (editor, "latitude");
  GtkWidget *verification = dossier_editor_get_field_widget (editor, "verification");
  GtkWidget *types = dossier_editor_get_field_widget (editor, "violation_types");
  GtkWidget *code_label = dossier_editor_get_field_widget (editor, "code_label");
  DossierRecordList *list = DOSSIER_RECORD_LIST (dossier_window_get_list (f->window, "incidents"));
  g_autoptr(DossierIncident) before = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_autoptr(DossierIncident) after = NULL;
  g_autofree char *shot = g_strdup_printf ("editor-incident-%s.png", f->lang);
  gint64 audited;

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (code_label)), ==, "INC-0003");
  /* The title is edited in the interface's language first. */
  g_assert_cmpstr (dossier_editor_get_edit_language (editor), ==, f->lang);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==,
                   g_str_equal (f->lang, "fr") ? dossier_incident_get_title_fr (before) : dossier_incident_get_title_en (before));
  dossier_test_screenshot (GTK_WIDGET (f->window), shot);

  /* Typing is saved after a pause, with one audit row, and the list shows it. */
  dossier_editor_set_edit_language (editor, "fr");
  audited = dossier_test_query_int (f->store, "SELECT count(*) FROM audit WHERE field = 'title_fr'", NULL);
  gtk_editable_set_text (GTK_EDITABLE (title), "Attaque contre un village (titre modifié)");
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_assert_cmpstr (dossier_incident_get_title_fr (after), ==, "Attaque contre un village (titre modifié)");
  g_assert_cmpstr (dossier_incident_get_title_en (after), ==, dossier_incident_get_title_en (before));
  g_assert_cmpint (dossier_test_query_int (f->store, "SELECT count(*) FROM audit WHERE field = 'title_fr'", NULL), ==, audited + 1);
  if (g_str_equal (f->lang, "fr"))
    {
      g_autoptr(DossierRecord) row = g_list_model_get_item (G_LIST_MODEL (dossier_record_list_get_model (list)), 2);
      g_autofree char *cell = dossier_record_list_cell_text (list, row, dossier_record_list_find_column (list, "title"));

      g_assert_cmpstr (cell, ==, "Attaque contre un village (titre modifié)");
    }
  g_clear_object (&after);

  /* The other language, with its own text. */
  dossier_editor_set_edit_language (editor, "en");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, dossier_incident_get_title_en (before));

  /* A date that is not EDTF says why, and is never written. */
  gtk_editable_set_text (dossier_date_row_get_entry (DOSSIER_DATE_ROW (date)), "2022-13-01");
  g_assert_false (dossier_date_row_is_valid (DOSSIER_DATE_ROW (date)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dossier_date_row_get_entry (DOSSIER_DATE_ROW (date))), "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (date)), !=, "");
  dossier_editor_flush (editor);
  after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_assert_cmpstr (dossier_incident_get_date_edtf (after), ==, dossier_incident_get_date_edtf (before));
  g_clear_object (&after);
  gtk_editable_set_text (dossier_date_row_get_entry (DOSSIER_DATE_ROW (date)), "2022-03-05/2022-03-07");
  g_assert_true (dossier_date_row_is_valid (DOSSIER_DATE_ROW (date)));
  dossier_editor_flush (editor);
  after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_assert_cmpstr (dossier_incident_get_date_edtf (after), ==, "2022-03-05/2022-03-07");
  g_clear_object (&after);

  /* A latitude out of range is refused; a decimal comma is understood. */
  gtk_editable_set_text (GTK_EDITABLE (latitude), "200");
  g_assert_true (gtk_widget_has_css_class (latitude, "error"));
  dossier_editor_flush (editor);
  after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_assert_true (isnan (dossier_incident_get_latitude (after)) || dossier_incident_get_latitude (after) == dossier_incident_get_latitude (before));
  g_clear_object (&after);
  gtk_editable_set_text (GTK_EDITABLE (latitude), "13,25");
  g_assert_false (gtk_widget_has_css_class (latitude, "error"));
  dossier_editor_flush (editor);
  after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_assert_cmpfloat_with_epsilon (dossier_incident_get_latitude (after), 13.25, 1e-9);
  g_clear_object (&after);

  /* A cercle of another region goes when the region changes. */
  {
    GtkWidget *admin1 = dossier_editor_get_field_widget (editor, "admin1");
    GtkWidget *admin2 = dossier_editor_get_field_widget (editor, "admin2");

    dossier_vocab_row_choose (DOSSIER_VOCAB_ROW (admin1), "mopti");
    dossier_vocab_row_choose (DOSSIER_VOCAB_ROW (admin2), "djenne");
    after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
    g_assert_cmpstr (dossier_incident_get_admin2 (after), ==, "djenne");
    g_clear_object (&after);
    g_assert_false (dossier_vocab_row_offers (DOSSIER_VOCAB_ROW (admin2), "bla"));
    dossier_vocab_row_choose (DOSSIER_VOCAB_ROW (admin1), "segou");
    g_assert_false (dossier_vocab_row_offers (DOSSIER_VOCAB_ROW (admin2), "djenne"));
    after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
    g_assert_cmpstr (dossier_incident_get_admin1 (after), ==, "segou");
    g_assert_null (dossier_incident_get_admin2 (after));
    g_clear_object (&after);
  }

  /* Choices are saved at once. */
  dossier_vocab_row_choose (DOSSIER_VOCAB_ROW (verification), "verified");
  after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_assert_cmpstr (dossier_incident_get_verification (after), ==, "verified");
  g_clear_object (&after);
  {
    guint n = g_strv_length ((GStrv) dossier_incident_get_violation_types (before));
    const char *added = g_strv_contains (dossier_incident_get_violation_types (before), "torture") ? "looting-destruction-property" : "torture";

    dossier_vocab_row_choose (DOSSIER_VOCAB_ROW (types), added);
    after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
    g_assert_cmpuint (g_strv_length ((GStrv) dossier_incident_get_violation_types (after)), ==, n + 1);
    g_assert_true (g_strv_contains (dossier_incident_get_violation_types (after), added));
    g_clear_object (&after);
  }
  {
    GtkEditable *killed_women = dossier_incident_editor_get_casualty_entry (DOSSIER_INCIDENT_EDITOR (editor), 0, 0);

    gtk_editable_set_text (killed_women, "7");
    dossier_editor_flush (editor);
    after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
    g_assert_cmpint (dossier_incident_get_casualties (after, 0, 0), ==, 7);
    g_clear_object (&after);
    /* Not a number: said, and not written. */
    gtk_editable_set_text (killed_women, "7a");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (killed_women), "error"));
    dossier_editor_flush (editor);
    after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
    g_assert_cmpint (dossier_incident_get_casualties (after, 0, 0), ==, 7);
  }
}

/* 9. A text longer than its field may hold is refused where it is typed, with the reason,
 * and the dossier keeps the last text that fitted. */
static void
test_text_limits (Fixture       *f,
                  gconstpointer  data)
{
  DossierEditor *editor = open_code (f, "incidents", "INC-0003");
  GtkWidget *title = dossier_editor_get_field_widget (editor, "title");
  GtkWidget *summary = dossier_editor_get_field_widget (editor, "summary");
  g_autoptr(DossierIncident) before = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_autoptr(DossierIncident) after = NULL;
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autofree char *too_long_summary = g_strnfill (DOSSIER_TEXT_LONG + 1, 'x');

  dossier_editor_set_edit_language (editor, "fr");
  /* Characters, not bytes: 1,000 “é” fit. */
  for (guint i = 0; i < DOSSIER_TEXT_SHORT; i++)
    g_string_append (longest, "é");
  gtk_editable_set_text (GTK_EDITABLE (title), longest->str);
  g_assert_false (gtk_widget_has_css_class (title, "error"));
  dossier_editor_flush (editor);
  after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_assert_cmpstr (dossier_incident_get_title_fr (after), ==, longest->str);
  g_clear_object (&after);

  g_string_append (longest, "é");
  gtk_editable_set_text (GTK_EDITABLE (title), longest->str);
  g_assert_true (gtk_widget_has_css_class (title, "error"));
  g_assert_nonnull (strstr (dossier_editor_get_row_message (title), "1000"));
  dossier_editor_flush (editor);
  after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_assert_cmpuint (g_utf8_strlen (dossier_incident_get_title_fr (after), -1), ==, DOSSIER_TEXT_SHORT);
  g_clear_object (&after);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (summary)), too_long_summary, -1);
  g_assert_true (gtk_widget_has_css_class (summary, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (summary), "50000"));
  dossier_editor_flush (editor);
  after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_assert_cmpstr (dossier_incident_get_summary_fr (after), ==, dossier_incident_get_summary_fr (before));
  g_clear_object (&after);

  /* Another record: no reason left from this one. */
  editor = open_code (f, "incidents", "INC-0004");
  g_assert_false (gtk_widget_has_css_class (dossier_editor_get_field_widget (editor, "summary"), "error"));
  g_assert_false (gtk_widget_has_css_class (dossier_editor_get_field_widget (editor, "title"), "error"));
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  DossierEditor *editor = open_code (f, "incidents", "INC-0001");
  DossierLinkGroup *people = DOSSIER_LINK_GROUP (dossier_editor_get_field_widget (editor, "people_links"));
  DossierRecordPicker *picker = dossier_link_group_get_picker (people);
  g_autoptr(DossierPerson) person = stored (f, DOSSIER_TYPE_PERSON, "TEM-0014");
  guint n = dossier_link_group_get_n_links (people);
  DossierEditor *person_editor;
  DossierLinkGroup *incidents;
  gboolean found = FALSE;

  g_assert_cmpuint (n, >, 0);
  g_assert_true (dossier_link_group_other_type (people) == DOSSIER_TYPE_PERSON);

  /* Search as you type, then pick with a role. */
  dossier_record_picker_search (picker, "tem-0014");
  g_assert_cmpuint (dossier_record_picker_get_n_results (picker), ==, 1);
  dossier_record_picker_set_role (picker, "indirect-witness");
  dossier_record_picker_pick (picker, 0);
  g_assert_cmpuint (dossier_link_group_get_n_links (people), ==, n + 1);
  for (guint i = 0; i < dossier_link_group_get_n_links (people); i++)
    {
      DossierLink *link = dossier_link_group_get_link (people, i);

      if (dossier_link_get_right_id (link) == dossier_record_get_id (DOSSIER_RECORD (person)))
        {
          g_assert_cmpstr (dossier_link_get_role (link), ==, "indirect-witness");
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* The person shows the incident from the other side, and opens it. */
  dossier_window_open_record (f->window, DOSSIER_TYPE_PERSON, dossier_record_get_id (DOSSIER_RECORD (person)));
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpstr (dossier_window_get_section (f->window), ==, "people");
  person_editor = DOSSIER_EDITOR (dossier_window_get_editor (f->window, "people"));
  g_assert_cmpstr (dossier_record_get_code (dossier_editor_get_record (person_editor)), ==, "TEM-0014");
  incidents = DOSSIER_LINK_GROUP (dossier_editor_get_field_widget (person_editor, "incident_links"));
  found = FALSE;
  for (guint i = 0; i < dossier_link_group_get_n_links (incidents); i++)
    found |= dossier_link_get_left_id (dossier_link_group_get_link (incidents, i)) ==
             dossier_record_get_id (dossier_editor_get_record (editor));
  g_assert_true (found);

  /* Removing from the person's side removes it from the incident's. */
  for (guint i = 0; i < dossier_link_group_get_n_links (incidents); i++)
    if (dossier_link_get_left_id (dossier_link_group_get_link (incidents, i)) == dossier_record_get_id (dossier_editor_get_record (editor)))
      {
        g_assert_true (dossier_link_group_remove (incidents, i));
        break;
      }
  dossier_link_group_reload (people);
  g_assert_cmpuint (dossier_link_group_get_n_links (people), ==, n);

  /* A duplicate link is refused with a message, not a crash. */
  g_assert_true (dossier_link_group_add (people, dossier_record_get_id (DOSSIER_RECORD (person)), "victim"));
  g_assert_false (dossier_link_group_add (people, dossier_record_get_id (DOSSIER_RECORD (person)), "victim"));
  g_assert_cmpuint (dossier_link_group_get_n_links (people), ==, n + 1);
}

static void
test_identity (Fixture       *f,
               gconstpointer  data)
{
  DossierEditor *editor = open_code (f, "people", "TEM-0001");
  GtkWidget *full_name = dossier_editor_get_field_widget (editor, "full_name");
  GtkToggleButton *show = GTK_TOGGLE_BUTTON (dossier_editor_get_field_widget (editor, "show_identity"));
  DossierRecordList *list = DOSSIER_RECORD_LIST (dossier_window_get_list (f->window, "people"));
  GListModel *model = G_LIST_MODEL (dossier_record_list_get_model (list));
  g_autofree char *shot = g_strdup_printf ("editor-person-%s.png", f->lang);

  /* Hidden, and not even read, until asked for. */
  g_assert_false (gtk_widget_get_visible (full_name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (full_name)), ==, "");
  dossier_test_screenshot (GTK_WIDGET (f->window), shot);
  gtk_toggle_button_set_active (show, TRUE);
  g_assert_true (gtk_widget_get_visible (full_name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (full_name)), ==, "Témoin fictif 01 (nom fictif)");

  /* Edited there, saved in the identity. */
  gtk_editable_set_text (GTK_EDITABLE (full_name), "Témoin fictif 01 (nom corrigé)");
  gtk_toggle_button_set_active (show, FALSE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (full_name)), ==, "");
  g_assert_cmpint (dossier_test_query_int (f->store, "SELECT count(*) FROM identity WHERE full_name = ?",
                                           "Témoin fictif 01 (nom corrigé)"), ==, 1);

  /* Never in the list. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierRecord) row = g_list_model_get_item (model, i);

      for (guint c = 0; c < 6; c++)
        {
          g_autofree char *cell = dossier_record_list_cell_text (list, row, c);
          g_assert_null (strstr (cell, "fictif 01"));
        }
    }

  /* Another person: hidden again. */
  gtk_toggle_button_set_active (show, TRUE);
  open_code (f, "people", "TEM-0002");
  g_assert_false (gtk_toggle_button_get_active (show));
  g_assert_false (gtk_widget_get_visible (full_name));
}

static void
test_delete_undo_add (Fixture       *f,
                      gconstpointer  data)
{
  DossierRecordList *list = DOSSIER_RECORD_LIST (dossier_window_get_list (f->window, "incidents"));
  GtkSelectionModel *selection = gtk_column_view_get_model (dossier_record_list_get_view (list));
  GListModel *model = G_LIST_MODEL (dossier_record_list_get_model (list));
  guint n = g_list_model_get_n_items (model);
  gint64 links = dossier_test_query_int (f->store, "SELECT count(*) FROM incident_person", NULL);
  DossierRecord *added;

  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 1, FALSE);
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpuint (dossier_window_delete_selected (f->window), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n - 2);
  g_assert_cmpint (dossier_test_query_int (f->store, "SELECT count(*) FROM incident_person", NULL), <, links);

  g_assert_true (dossier_window_undo_delete (f->window));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpint (dossier_test_query_int (f->store, "SELECT count(*) FROM incident_person", NULL), ==, links);
  /* Once. */
  g_assert_false (dossier_window_undo_delete (f->window));

  /* Evidence is refused. */
  dossier_window_show_section (f->window, "evidence");
  list = DOSSIER_RECORD_LIST (dossier_window_get_list (f->window, "evidence"));
  gtk_selection_model_select_item (gtk_column_view_get_model (dossier_record_list_get_view (list)), 0, TRUE);
  g_assert_cmpuint (dossier_window_delete_selected (f->window), ==, 0);
  g_assert_cmpint (dossier_test_query_int (f->store, "SELECT count(*) FROM evidence", NULL), ==, 5);

  /* A new person, selected and open in the editor. */
  dossier_window_show_section (f->window, "people");
  added = dossier_window_add_record (f->window);
  g_assert_nonnull (added);
  g_assert_cmpstr (dossier_record_get_code (added), ==, "TEM-0015");
  g_assert_cmpstr (dossier_record_get_code (dossier_editor_get_record (DOSSIER_EDITOR (dossier_window_get_editor (f->window, "people")))), ==, "TEM-0015");
  g_assert_cmpint (dossier_test_query_int (f->store, "SELECT count(*) FROM person", NULL), ==, 15);
}

/* Every editor, whole, for the eye: the window is made tall enough to show all of it. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  static const struct { const char *section, *code; } records[] = {
    { "incidents", "INC-0001" }, { "people", "TEM-0003" }, { "testimonies", "TES-00001" },
    { "evidence", "EVD-0001" }, { "actors", "ACT-0003" },
  };

  if (g_getenv ("DOSSIER_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("no DOSSIER_SCREENSHOT_DIR");
      return;
    }
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 2400);
  for (guint i = 0; i < G_N_ELEMENTS (records); i++)
    {
      g_autofree char *shot = g_strdup_printf ("editor-tall-%s-%s.png", records[i].section, f->lang);

      DossierEditor *editor = open_code (f, records[i].section, records[i].code);

      dossier_test_wait_for_draw (GTK_WIDGET (f->window));
      dossier_test_screenshot (GTK_WIDGET (f->window), shot);
      if (i == 0)
        {
          /* The picker, as it pops up under "Add person…" with something typed. */
          DossierLinkGroup *people = DOSSIER_LINK_GROUP (dossier_editor_get_field_widget (editor, "people_links"));
          DossierRecordPicker *picker = dossier_link_group_get_picker (people);
          g_autofree char *picker_shot = g_strdup_printf ("picker-%s.png", f->lang);

          gtk_popover_popup (GTK_POPOVER (picker));
          dossier_record_picker_search (picker, "tem-00");
          dossier_test_wait_for_draw (GTK_WIDGET (picker));
          dossier_test_screenshot (GTK_WIDGET (picker), picker_shot);
          gtk_popover_popdown (GTK_POPOVER (picker));
        }
    }
}

static void
test_drop_evidence (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(DossierRecord) evidence = stored (f, DOSSIER_TYPE_EVIDENCE, "EVD-0003");
  g_autoptr(DossierRecord) incident = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0010");
  g_autoptr(DossierRecord) person = stored (f, DOSSIER_TYPE_PERSON, "TEM-0001");
  g_autoptr(DossierRecord) other = stored (f, DOSSIER_TYPE_EVIDENCE, "EVD-0005");
  g_autofree char *value = dossier_record_list_drag_value (evidence);
  g_autofree char *person_value = dossier_record_list_drag_value (person);
  g_autofree char *other_value = dossier_record_list_drag_value (other);
  const char *count = "SELECT count(*) FROM evidence_incident WHERE incident_id = (SELECT id FROM incident WHERE code = ?)";
  gint64 before = dossier_test_query_int (f->store, count, "INC-0010");
  gint64 custody = dossier_test_query_int (f->store, "SELECT count(*) FROM custody_event", NULL);
  DossierEditor *editor;
  DossierLinkGroup *group;
  guint n;

  g_assert_cmpint (dossier_record_list_parse_drag_value (value, "evidence"), ==, dossier_record_get_id (evidence));
  g_assert_cmpint (dossier_record_list_parse_drag_value (value, "person"), ==, 0);
  g_assert_cmpint (dossier_record_list_parse_drag_value ("dossier:evidence:12abc", "evidence"), ==, 0);

  /* Onto a row of the incidents list. */
  g_assert_true (dossier_window_link_dropped (f->window, incident, value));
  g_assert_cmpint (dossier_test_query_int (f->store, count, "INC-0010"), ==, before + 1);
  g_assert_cmpint (dossier_test_query_int (f->store, "SELECT count(*) FROM custody_event", NULL), ==, custody + 1);
  /* Twice is refused; a person is not evidence. */
  g_assert_false (dossier_window_link_dropped (f->window, incident, value));
  g_assert_false (dossier_window_link_dropped (f->window, incident, person_value));
  g_assert_cmpint (dossier_test_query_int (f->store, count, "INC-0010"), ==, before + 1);

  /* Onto the incident's editor. */
  editor = open_code (f, "incidents", "INC-0010");
  group = DOSSIER_LINK_GROUP (dossier_editor_get_field_widget (editor, "evidence_links"));
  n = dossier_link_group_get_n_links (group);
  g_assert_cmpuint (n, ==, before + 1);
  g_assert_true (dossier_incident_editor_drop (DOSSIER_INCIDENT_EDITOR (editor), other_value));
  g_assert_cmpuint (dossier_link_group_get_n_links (group), ==, n + 1);
  g_assert_false (dossier_incident_editor_drop (DOSSIER_INCIDENT_EDITOR (editor), person_value));
}

/* Closing and opening again comes back to the same section, record and pane size. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  DossierWindow *again;
  GtkWidget *paned;

  open_code (f, "people", "TEM-0003");
  paned = gtk_widget_get_ancestor (dossier_window_get_list (f->window, "people"), GTK_TYPE_PANED);
  gtk_paned_set_position (GTK_PANED (paned), 560);
  /* As the user closes it: the size and section are kept, and the window goes. */
  gtk_window_close (GTK_WINDOW (f->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  again = dossier_window_new (NULL);
  g_assert_true (dossier_window_load (again, f->path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (again));
  dossier_test_wait_for_draw (GTK_WIDGET (again));
  g_assert_cmpstr (dossier_window_get_section (again), ==, "people");
  g_assert_cmpstr (dossier_record_get_code (dossier_editor_get_record (DOSSIER_EDITOR (dossier_window_get_editor (again, "people")))), ==, "TEM-0003");
  paned = gtk_widget_get_ancestor (dossier_window_get_list (again, "people"), GTK_TYPE_PANED);
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (paned)), ==, 560);
  gtk_window_destroy (GTK_WINDOW (again));
  /* The fixture's window was closed already. */
  f->window = dossier_window_new (NULL);
}

/* The filter narrows every list; a list not shown catches up when it is. */
static void
test_filter_lists (Fixture       *f,
                   gconstpointer  data)
{
  DossierFilter *filter = dossier_window_get_filter (f->window);
  DossierRecordListModel *people = dossier_record_list_get_model (DOSSIER_RECORD_LIST (dossier_window_get_list (f->window, "people")));
  DossierRecordListModel *incidents = dossier_record_list_get_model (DOSSIER_RECORD_LIST (dossier_window_get_list (f->window, "incidents")));
  guint all_people = g_list_model_get_n_items (G_LIST_MODEL (people));
  gint64 linked = dossier_test_query_int (f->store, "SELECT count(DISTINCT person_id) FROM incident_person ip "
                                                    "JOIN incident i ON i.id = ip.incident_id WHERE i.admin1 = ?", "mopti");

  dossier_window_show_section (f->window, "incidents");
  dossier_filter_set_text (filter, "admin1", "mopti");
  /* Shown: at once. */
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (incidents)), ==,
                   dossier_test_query_int (f->store, "SELECT count(*) FROM incident WHERE admin1 = ?", "mopti"));
  /* Not shown: later. */
  g_assert_true (dossier_record_list_model_is_stale (people));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, all_people);
  dossier_window_show_section (f->window, "people");
  g_assert_false (dossier_record_list_model_is_stale (people));
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, linked);
  g_assert_cmpint (linked, <, all_people);

  /* Protection narrows people by their own level. */
  dossier_filter_clear (filter);
  dossier_filter_set_text (filter, "protection", "public");
  g_assert_cmpint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==,
                   dossier_test_query_int (f->store, "SELECT count(*) FROM person WHERE protection = ?", "public"));
  dossier_filter_clear (filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==, all_people);
}

/* ---- Issue 13, points 11 to 15: a new investigator's first dossier ---- */

/* Runs the main loop until @done says so, failing after @seconds. */
static void
wait_until (gboolean (*done) (gpointer data),
            gpointer   data,
            guint      seconds,
            const char *what)
{
  gint64 until = g_get_monotonic_time () + seconds * G_TIME_SPAN_SECOND;

  while (!done (data))
    {
      if (g_get_monotonic_time () > until)
        g_error ("Waited %u s for %s", seconds, what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* Lets the main loop run for @ms: popovers are not waited for with
 * gtk_test_widget_wait_for_draw(), which waits for a frame of the window. */
static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* The first toplevel of @type other than @except, or NULL. */
static GtkWidget *
find_toplevel (GType      type,
               GtkWidget *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && window != except && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  GtkWidget **found = data;

  *found = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  return *found != NULL && gtk_widget_get_mapped (*found);
}

static GtkWidget *
wait_for_file_chooser (void)
{
  GtkWidget *chooser = NULL;

  wait_until (file_chooser_shown, &chooser, 10, "the file chooser");
  dossier_test_wait_for_draw (chooser);
  return chooser;
}

/* The first mapped widget of @type below @widget (a drop-down's hidden popover has its
 * own search entry). */
static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A click in the middle of @widget, as a person's. */
static void
click (GtkWidget *widget)
{
  g_assert_true (gtk_widget_get_mapped (widget));
  dossier_test_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0, 1);
}

/* The vertical extent of @widget in @scrolled's visible area. */
static void
visible_extent (GtkWidget *widget,
                GtkWidget *scrolled,
                double    *top,
                double    *bottom)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
  *top = bounds.origin.y;
  *bottom = bounds.origin.y + bounds.size.height;
}

/* Scrolls the page @widget is on so that its top is near the top, as a person scrolls
 * to it. */
static void
scroll_near (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 60);
  dossier_test_wait_for_draw (widget);
}

/* Scrolls the page @widget is on so that it is in view, as a person scrolls to it. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 60);
  dossier_test_wait_for_draw (widget);
  {
    double top, bottom;

    /* Whole in the page's visible part, where a click reaches it. */
    visible_extent (widget, scrolled, &top, &bottom);
    g_assert_cmpfloat (top, >=, 0);
    g_assert_cmpfloat (bottom, <=, gtk_widget_get_height (scrolled));
  }
}

static DossierWindow *
open_window (const char *path,
             int         width,
             int         height)
{
  g_autoptr(GError) error = NULL;
  DossierWindow *window = dossier_window_new (NULL);

  g_assert_true (dossier_window_load (window, path, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
on_created (GtkWidget  *dialog,
            const char *path,
            char      **out)
{
  *out = g_strdup (path);
}

static gboolean
string_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* 11. File → New asks what the dossier is about (on its annexes' cover) before where it
 * goes, and names the file after its title. */
static void
test_new_dossier_asks_first (void)
{
  g_autofree char *lang = dossier_application_ui_language ();
  g_autofree char *shot = g_strdup_printf ("new-dossier-%s.png", lang);
  g_autofree char *created = NULL;
  g_autofree char *title = NULL, *mandate = NULL, *period = NULL, *language = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (dossier_test_tmpdir ());
  GtkWidget *dialog = dossier_new_dossier_dialog_new (NULL, lang);
  GtkWidget *title_row, *create, *period_entry, *mandate_view, *chooser, *accept;
  const char *other = g_str_equal (lang, "fr") ? "en" : "fr";

  g_signal_connect (dialog, "created", G_CALLBACK (on_created), &created);
  gtk_window_present (GTK_WINDOW (dialog));
  dossier_test_wait_for_draw (dialog);

  title_row = dossier_test_find_descendant (dialog, ADW_TYPE_ENTRY_ROW);
  create = dossier_test_find_button (dialog, _("C_reate…"));
  g_assert_nonnull (create);
  /* Nothing is made without a title. */
  g_assert_false (gtk_widget_get_sensitive (create));
  click (title_row);
  dossier_test_type_text (title_row, "Moura: mars/2022");
  g_assert_true (gtk_widget_get_sensitive (create));

  period_entry = GTK_WIDGET (dossier_date_row_get_entry (DOSSIER_DATE_ROW (dossier_test_find_descendant (dialog, DOSSIER_TYPE_DATE_ROW))));
  click (period_entry);
  /* A period that is not EDTF holds the dossier back, and says why. */
  dossier_test_type_text (period_entry, "2022-13");
  g_assert_false (gtk_widget_get_sensitive (create));
  gtk_editable_set_text (GTK_EDITABLE (period_entry), "");
  dossier_test_type_text (period_entry, "2022-03/2022-04");
  g_assert_true (gtk_widget_get_sensitive (create));

  mandate_view = dossier_test_find_descendant (dialog, GTK_TYPE_TEXT_VIEW);
  click (mandate_view);
  dossier_test_type_text (mandate_view, "Établir les faits.");
  /* The annexes in the other language than the interface's. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (dossier_test_find_descendant (dialog, ADW_TYPE_COMBO_ROW)),
                              g_str_equal (other, "fr") ? 0 : 1);
  dossier_test_screenshot (dialog, shot);

  /* Then where: the name comes from the title, without what a file name cannot hold. */
  click (create);
  chooser = wait_for_file_chooser ();
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (name, ==, "Moura mars 2022.dossier");
  }
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  dossier_test_wait_for_draw (chooser);
  accept = dossier_test_find_button (chooser, _("_Create"));
  g_assert_nonnull (accept);
  click (accept);
  wait_until (string_set, &created, 10, "the new dossier");

  g_assert_true (g_str_has_suffix (created, "/Moura mars 2022.dossier"));
  store = dossier_store_open (created, DOSSIER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_store_get_info (store, NULL, &title, &mandate, &period, &language, &error));
  g_assert_cmpstr (title, ==, "Moura: mars/2022");
  g_assert_cmpstr (mandate, ==, "Établir les faits.");
  g_assert_cmpstr (period, ==, "2022-03/2022-04");
  g_assert_cmpstr (language, ==, other);
  /* Owner-only, as every file the project makes. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (created, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

typedef struct {
  char          *path;
  char          *evidence;
  const char    *name;
  int            step;
  gboolean       asked_first;
  gboolean       done;
} FirstRun;

/* Drives the application from its timeouts: it runs its own main loop. */
static gboolean
first_run_step (gpointer data)
{
  FirstRun *run = data;
  GApplication *app = g_application_get_default ();
  GtkWidget *dialog = find_toplevel (DOSSIER_TYPE_INVESTIGATOR_DIALOG, NULL);
  GtkWidget *window = find_toplevel (DOSSIER_TYPE_WINDOW, NULL);

  switch (run->step)
    {
    case 0:
      /* Asked before any dossier is open. */
      if (dialog == NULL || !gtk_widget_get_mapped (dialog))
        return G_SOURCE_CONTINUE;
      run->asked_first = window == NULL;
      {
        g_autofree char *lang = dossier_application_ui_language ();
        g_autofree char *shot = g_strdup_printf ("investigator-%s.png", lang);
        GtkWidget *row = dossier_test_find_descendant (dialog, ADW_TYPE_ENTRY_ROW);
        GtkWidget *button = dossier_test_find_button (dialog, _("_Continue"));

        dossier_test_wait_for_draw (dialog);
        dossier_test_screenshot (dialog, shot);
        g_assert_false (gtk_widget_get_sensitive (button));
        click (row);
        dossier_test_type_text (row, run->name);
        g_assert_true (gtk_widget_get_sensitive (button));
        click (button);
      }
      run->step++;
      return G_SOURCE_CONTINUE;
    case 1:
      if (window == NULL || dossier_window_get_store (DOSSIER_WINDOW (window)) == NULL)
        return G_SOURCE_CONTINUE;
      {
        g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

        g_assert_cmpstr (dossier_store_get_user (dossier_window_get_store (DOSSIER_WINDOW (window))), ==, run->name);
        g_ptr_array_add (files, g_file_new_for_path (run->evidence));
        g_assert_true (dossier_window_ingest (DOSSIER_WINDOW (window), files));
      }
      run->step++;
      return G_SOURCE_CONTINUE;
    case 2:
      if (dossier_window_is_ingesting (DOSSIER_WINDOW (window)))
        return G_SOURCE_CONTINUE;
      {
        DossierStore *store = dossier_window_get_store (DOSSIER_WINDOW (window));
        gboolean shown = FALSE;

        /* The evidence says who acquired it, and its custody log who ingested it. */
        g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence WHERE original_name = 'first-run.txt' "
                                                        "AND acquired_by = ?", run->name), ==, 1);
        g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event c JOIN evidence e "
                                                        "ON e.id = c.evidence_id WHERE e.original_name = 'first-run.txt' "
                                                        "AND c.user = ?", run->name), ==, 1);
        /* The header says who is recording. */
        {
          GPtrArray *stack = g_ptr_array_new ();

          g_ptr_array_add (stack, window);
          while (stack->len > 0)
            {
              GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

              if (ADW_IS_WINDOW_TITLE (w) && gtk_widget_get_mapped (w) &&
                  g_strcmp0 (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (w)), run->name) == 0)
                shown = TRUE;
              for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
                g_ptr_array_add (stack, c);
            }
          g_ptr_array_unref (stack);
        }
        g_assert_true (shown);
      }
      run->done = TRUE;
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_REMOVE;
}

/* 12. At first run the investigator's name is asked before a dossier opens, and it is the
 * name that evidence, custody and the header carry (not the login, "root"). */
static void
first_start (gboolean with_file)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(DossierApplication) app = dossier_application_new ();
  g_autoptr(DossierStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  FirstRun run = { 0 };
  char *argv[3];

  run.path = dossier_test_tmp_path ("first-run.dossier");
  run.evidence = dossier_test_tmp_path ("first-run.txt");
  run.name = "Enquêtrice 12";
  dossier_store_remove_files (run.path);
  demo = dossier_demo_create (run.path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);
  dossier_test_write_file (run.evidence, "a note written in the field\n", -1);

  /* The first start: no name yet. Started with a file, or plainly, as from the desktop's
   * launcher (the app then opens the last dossier). */
  g_settings_set_string (settings, "investigator-name", "");
  g_settings_set_string (settings, "last-dossier", run.path);
  argv[0] = (char *) "dossier";
  argv[1] = with_file ? run.path : NULL;
  argv[2] = NULL;
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_timeout_add (200, first_run_step, &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), with_file ? 2 : 1, argv), ==, 0);
  g_assert_true (run.asked_first);
  g_assert_true (run.done);
  {
    g_autofree char *name = g_settings_get_string (settings, "investigator-name");

    g_assert_cmpstr (name, ==, "Enquêtrice 12");
  }
  /* The other tests' name back. */
  g_settings_set_string (settings, "investigator-name", "Enquêtrice 07");
  g_settings_reset (settings, "last-dossier");
  g_free (run.path);
  g_free (run.evidence);
}

/* A new testimony offers the investigator recording it as the one who took it (the tests'
 * investigator is “Enquêtrice 07”), never the login. */
static void
test_testimony_interviewer_offered (Fixture       *f,
                                    gconstpointer  data)
{
  DossierRecord *added;

  dossier_window_show_section (f->window, "testimonies");
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  added = dossier_window_add_record (f->window);
  g_assert_nonnull (added);
  g_assert_true (DOSSIER_IS_TESTIMONY (added));
  g_assert_cmpstr (dossier_testimony_get_interviewer (DOSSIER_TESTIMONY (added)), ==, "Enquêtrice 07");
  {
    g_autoptr(DossierTestimony) stored_one = stored (f, DOSSIER_TYPE_TESTIMONY, dossier_record_get_code (added));

    g_assert_cmpstr (dossier_testimony_get_interviewer (stored_one), ==, "Enquêtrice 07");
  }
}

/* Found by a new investigator: the next incident opened where the last one had been scrolled
 * to, its code and title out of view. The wheel scrolls the form down, as a person does. */
static void
test_editor_opens_at_top (Fixture       *f,
                          gconstpointer  data)
{
  DossierEditor *editor = open_code (f, "incidents", "INC-0001");
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (dossier_test_find_descendant (GTK_WIDGET (editor), GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  GtkWidget *page = GTK_WIDGET (scrolled);

  dossier_test_scroll (page, gtk_widget_get_width (page) - 8, gtk_widget_get_height (page) / 2.0, 25);
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, gtk_adjustment_get_lower (adjustment) + 100);

  editor = open_code (f, "incidents", "INC-0002");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, gtk_adjustment_get_lower (adjustment));
}

static void
test_investigator_asked_first (void)
{
  first_start (TRUE);
}

/* Started from the launcher, the first start went on to nothing once the name was given:
 * the app took the closing name dialog for a window already open, and quit. */
static void
test_investigator_asked_first_launcher (void)
{
  first_start (FALSE);
}

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

/* A label is shown whole: not cut, and given the height its lines need. */
static void
assert_label_whole (GtkLabel *label)
{
  int natural;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_VERTICAL,
                      gtk_widget_get_width (GTK_WIDGET (label)) + gtk_widget_get_margin_start (GTK_WIDGET (label)) +
                      gtk_widget_get_margin_end (GTK_WIDGET (label)),
                      NULL, &natural, NULL, NULL);
  /* Measured with its margins, allocated without. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (label)) + gtk_widget_get_margin_top (GTK_WIDGET (label)) +
                   gtk_widget_get_margin_bottom (GTK_WIDGET (label)), >=, natural);
}

static GtkLabel *
row_message_label (GtkWidget *row)
{
  GtkWidget *below = gtk_widget_get_next_sibling (row);

  g_assert_nonnull (below);
  return GTK_LABEL (dossier_test_find_descendant (below, GTK_TYPE_LABEL));
}

/* 14. A wrong value says why, in full, where it was typed: a victim count of "two", an age
 * of "thirty", coordinates that do not read as such, at 1024×700. */
static void
test_errors_explain (Fixture       *f,
                     gconstpointer  data)
{
  DossierEditor *editor;
  GtkEditable *killed_women;
  GtkWidget *coordinates, *age;
  const char *message;
  g_autoptr(GError) expected = NULL;
  g_autofree char *shot = g_strdup_printf ("errors-explained-%s.png", f->lang);
  double lat, lon;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  editor = open_code (f, "incidents", "INC-0003");
  killed_women = dossier_incident_editor_get_casualty_entry (DOSSIER_INCIDENT_EDITOR (editor), 0, 0);
  g_assert_null (dossier_incident_editor_get_casualties_message (DOSSIER_INCIDENT_EDITOR (editor)));
  scroll_to (GTK_WIDGET (killed_women));
  click (GTK_WIDGET (killed_women));
  gtk_editable_set_text (killed_women, "");
  dossier_test_type_text (GTK_WIDGET (killed_women), "two");
  message = dossier_incident_editor_get_casualties_message (DOSSIER_INCIDENT_EDITOR (editor));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "two"));
  g_assert_nonnull (strstr (message, "2"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (killed_women), "error"));
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  assert_label_whole (GTK_LABEL (dossier_editor_get_field_widget (editor, "casualties_message")));
  /* A number puts it right. */
  gtk_editable_set_text (killed_women, "");
  dossier_test_type_text (GTK_WIDGET (killed_women), "2");
  g_assert_null (dossier_incident_editor_get_casualties_message (DOSSIER_INCIDENT_EDITOR (editor)));

  coordinates = dossier_editor_get_field_widget (editor, "coordinates");
  scroll_to (coordinates);
  click (coordinates);
  dossier_test_type_text (coordinates, "north of Moura\n");
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_false (dossier_geo_parse ("north of Moura", &lat, &lon, &expected));
  g_assert_cmpstr (dossier_editor_get_row_message (coordinates), ==, expected->message);
  assert_label_whole (row_message_label (coordinates));
  dossier_test_screenshot (GTK_WIDGET (f->window), shot);

  editor = open_code (f, "people", "TEM-0003");
  age = dossier_editor_get_field_widget (editor, "age");
  scroll_to (age);
  click (age);
  gtk_editable_set_text (GTK_EDITABLE (age), "");
  dossier_test_type_text (age, "thirty");
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpstr (dossier_editor_get_row_message (age), ==, _("Type a number in digits, such as 2, or leave it empty if unknown"));
  assert_label_whole (row_message_label (age));
}

/* 14. Dates typed as a French investigator writes them: "27/03/2022 - 31/03/2022" with real
 * keys is kept as EDTF and read back in words; what is no date says what to write, whole,
 * under the field, at 1024×700. */
static GtkLabel *
row_subtitle_label (GtkWidget *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "subtitle"))
        return GTK_LABEL (child);
      if ((found = row_subtitle_label (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_date_row_french (Fixture       *f,
                      gconstpointer  data)
{
  DossierEditor *editor;
  GtkWidget *date;
  GtkEditable *entry;
  GtkLabel *subtitle;
  g_autoptr(DossierIncident) after = NULL;
  g_autofree char *reading = dossier_edtf_format_string ("2022-03-27/2022-03-31", f->lang);
  g_autofree char *shot_valid = g_strdup_printf ("date-row-valid-%s.png", f->lang);
  g_autofree char *shot_error = g_strdup_printf ("date-row-error-%s.png", f->lang);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  editor = open_code (f, "incidents", "INC-0003");
  date = dossier_editor_get_field_widget (editor, "date");
  entry = dossier_date_row_get_entry (DOSSIER_DATE_ROW (date));
  subtitle = row_subtitle_label (date);
  g_assert_nonnull (subtitle);

  scroll_to (GTK_WIDGET (entry));
  click (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, "");
  dossier_test_type_text (GTK_WIDGET (entry), "27/03/2022 - 31/03/2022");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "27/03/2022 - 31/03/2022");
  g_assert_true (dossier_date_row_is_valid (DOSSIER_DATE_ROW (date)));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  /* The reading in words, and the EDTF kept. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (date)), reading));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (date)), "2022-03-27/2022-03-31"));
  dossier_editor_flush (editor);
  after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_assert_cmpstr (dossier_incident_get_date_edtf (after), ==, "2022-03-27/2022-03-31");
  g_clear_object (&after);
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  assert_label_whole (subtitle);
  dossier_test_screenshot (GTK_WIDGET (f->window), shot_valid);

  /* The month written in the interface's language, a single day written with dots. */
  gtk_editable_set_text (entry, "");
  dossier_test_type_text (GTK_WIDGET (entry), g_str_equal (f->lang, "fr") ? "27 mars 2022" : "27 March 2022");
  dossier_editor_flush (editor);
  after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_assert_cmpstr (dossier_incident_get_date_edtf (after), ==, "2022-03-27");
  g_clear_object (&after);

  /* No date: refused, never stored, and the whole message with its examples under the field. */
  gtk_editable_set_text (entry, "");
  dossier_test_type_text (GTK_WIDGET (entry), "27/03/2022 - hier");
  g_assert_false (dossier_date_row_is_valid (DOSSIER_DATE_ROW (date)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (date)), "27/03/2022 – 31/03/2022"));
  dossier_editor_flush (editor);
  after = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0003");
  g_assert_cmpstr (dossier_incident_get_date_edtf (after), ==, "2022-03-27");
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (gtk_label_get_ellipsize (subtitle), ==, PANGO_ELLIPSIZE_NONE);
  assert_label_whole (subtitle);
  dossier_test_screenshot (GTK_WIDGET (f->window), shot_error);
}

/* 15. Values read as a person writes them, in the interface's language. */
static void
test_values_as_written (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierIncident) incident = stored (f, DOSSIER_TYPE_INCIDENT, "INC-0001");
  g_autoptr(DossierEvidence) evidence = stored (f, DOSSIER_TYPE_EVIDENCE, "EVD-0002");
  g_autoptr(DossierPerson) person = stored (f, DOSSIER_TYPE_PERSON, "TEM-0004");
  g_autoptr(DossierLink) link = NULL;
  g_autofree char *shot = g_strdup_printf ("evidence-values-%s.png", f->lang);
  gboolean fr = g_str_equal (f->lang, "fr");
  DossierEditor *editor;
  GtkWidget *row;
  g_auto(GStrv) choices = NULL;
  guint unknown = 0;
  g_autofree char *unknown_label = dossier_store_vocab_label (f->store, "sex", "unknown", f->lang);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);

  incident->latitude = 14.120000000000001;
  g_assert_true (dossier_store_update (f->store, DOSSIER_RECORD (incident), &error));
  g_free (evidence->captured_at);
  evidence->captured_at = g_strdup ("2022-03-28T10:15:00");
  evidence->latitude = 14.120000000000001;
  evidence->longitude = -4.199;
  g_assert_true (dossier_store_update (f->store, DOSSIER_RECORD (evidence), &error));
  link = dossier_store_link (f->store, DOSSIER_LINK_EVIDENCE_INCIDENT, dossier_record_get_id (DOSSIER_RECORD (evidence)),
                             dossier_record_get_id (DOSSIER_RECORD (incident)), NULL, NULL, &error);
  g_assert_no_error (error);
  g_free (person->languages);
  person->languages = g_strdup ("ff,bm,fr");
  g_free (person->sex);
  person->sex = g_strdup ("unknown");
  g_assert_true (dossier_store_update (f->store, DOSSIER_RECORD (person), &error));

  /* Latitude with the interface's decimal separator, rounded as typed. */
  editor = open_code (f, "incidents", "INC-0001");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dossier_editor_get_field_widget (editor, "latitude"))), ==,
                   fr ? "14,12" : "14.12");

  /* What the file said of itself, written out; custody with codes and dates in words. */
  editor = open_code (f, "evidence", "EVD-0002");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (dossier_editor_get_field_widget (editor, "captured_at"))), ==,
                   fr ? "28\u00a0mars\u00a02022 à 10:15" : "28\u00a0March\u00a02022, 10:15");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (dossier_editor_get_field_widget (editor, "latitude"))), ==,
                   fr ? "14,12" : "14.12");
  {
    AdwPreferencesGroup *custody = ADW_PREFERENCES_GROUP (dossier_editor_get_field_widget (editor, "custody_group"));
    GPtrArray *rows = g_ptr_array_new ();
    gboolean linked = FALSE;

    g_ptr_array_add (rows, custody);
    while (rows->len > 0)
      {
        GtkWidget *w = g_ptr_array_steal_index (rows, rows->len - 1);

        if (ADW_IS_ACTION_ROW (w))
          {
            const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (w));

            g_assert_null (strstr (subtitle, dossier_record_get_uuid (DOSSIER_RECORD (incident))));
            g_assert_null (strstr (subtitle, "Z UTC"));
            g_assert_false (g_regex_match_simple ("\\d{4}-\\d\\d-\\d\\dT", subtitle, 0, 0));
            linked |= strstr (subtitle, "INC-0001") != NULL;
          }
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (rows, c);
      }
    g_ptr_array_unref (rows);
    g_assert_true (linked);
  }
  dossier_test_screenshot (GTK_WIDGET (f->window), shot);

  /* Languages by their names, and one way to say a sex is unknown. */
  editor = open_code (f, "people", "TEM-0004");
  row = dossier_editor_get_field_widget (editor, "languages");
  g_assert_cmpstr (dossier_vocab_row_get_text (DOSSIER_VOCAB_ROW (row)), ==,
                   fr ? "Peul (fulfulde), Bambara (bamanankan), Français" : "Fula (Fulfulde), Bambara (Bamanankan), French");
  row = dossier_editor_get_field_widget (editor, "sex");
  choices = dossier_vocab_row_get_choices (DOSSIER_VOCAB_ROW (row));
  for (guint i = 0; choices[i]; i++)
    {
      g_assert_cmpstr (choices[i], !=, _("Not set"));
      unknown += g_str_equal (choices[i], unknown_label);
    }
  g_assert_cmpuint (unknown, ==, 1);
  g_assert_cmpstr (dossier_vocab_row_get_text (DOSSIER_VOCAB_ROW (row)), ==, unknown_label);
}

static void
shoot (GtkWidget  *widget,
       const char *what,
       const char *suffix)
{
  g_autofree char *name = g_strdup_printf ("screen-%s-%s", what, suffix);

  dossier_test_screenshot (widget, name);
}

/* Every screen of points 11 to 15, for the eye, at 1280×800 and 1024×700, light and dark,
 * in the test's language: written to $DOSSIER_SCREENSHOT_DIR. */
static void
test_records_screens (void)
{
  static const int sizes[][2] = { { 1280, 800 }, { 1024, 700 } };
  g_autofree char *lang = dossier_application_ui_language ();
  g_autofree char *empty_path = dossier_test_tmp_path ("screens-empty.dossier");
  g_autofree char *demo_path = dossier_test_tmp_path ("screens-demo.dossier");
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GError) error = NULL;

  if (g_getenv ("DOSSIER_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("no DOSSIER_SCREENSHOT_DIR");
      return;
    }
  dossier_store_remove_files (empty_path);
  {
    g_autoptr(DossierStore) empty = dossier_create (empty_path, "Enquête sur Moura", &error);

    g_assert_no_error (error);
  }
  dossier_store_remove_files (demo_path);
  {
    g_autoptr(DossierStore) demo = dossier_demo_create (demo_path, &error);
    g_autoptr(DossierEvidence) evidence = NULL;
    g_autoptr(DossierPerson) person = NULL;

    g_assert_no_error (error);
    evidence = dossier_store_load_by_code (demo, DOSSIER_TYPE_EVIDENCE, "EVD-0002", &error);
    g_free (evidence->captured_at);
    evidence->captured_at = g_strdup ("2022-03-28T10:15:00");
    evidence->latitude = 14.120000000000001;
    evidence->longitude = -4.199;
    g_assert_true (dossier_store_update (demo, DOSSIER_RECORD (evidence), &error));
    person = dossier_store_load_by_code (demo, DOSSIER_TYPE_PERSON, "TEM-0001", &error);
    g_free (person->languages);
    person->languages = g_strdup ("ff,bm,fr");
    g_assert_true (dossier_store_update (demo, DOSSIER_RECORD (person), &error));
  }

  for (guint dark = 0; dark < 2; dark++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        int w = sizes[z][0], h = sizes[z][1];
        g_autofree char *suffix = g_strdup_printf ("%dx%d-%s-%s.png", w, h, dark ? "dark" : "light", lang);
        DossierWindow *window;
        DossierEditor *editor;
        GtkWidget *dialog;

        adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

        /* 11, 12: the dialogs. */
        dialog = dossier_new_dossier_dialog_new (NULL, lang);
        gtk_editable_set_text (GTK_EDITABLE (dossier_test_find_descendant (dialog, ADW_TYPE_ENTRY_ROW)),
                               "Enquête sur les événements de Moura");
        gtk_editable_set_text (dossier_date_row_get_entry (DOSSIER_DATE_ROW (dossier_test_find_descendant (dialog, DOSSIER_TYPE_DATE_ROW))),
                               "2022-03-27/2022-03-31");
        gtk_window_present (GTK_WINDOW (dialog));
        shoot (dialog, "new-dossier", suffix);
        gtk_window_destroy (GTK_WINDOW (dialog));
        dialog = dossier_investigator_dialog_new ();
        gtk_window_present (GTK_WINDOW (dialog));
        shoot (dialog, "investigator", suffix);
        gtk_window_destroy (GTK_WINDOW (dialog));

        /* 13: empty sections, and an empty timeline. */
        window = open_window (empty_path, w, h);
        dossier_window_show_section (window, "incidents");
        shoot (GTK_WIDGET (window), "empty-incidents", suffix);
        dossier_window_show_section (window, "evidence");
        shoot (GTK_WIDGET (window), "empty-evidence", suffix);
        gtk_window_destroy (GTK_WINDOW (window));

        window = open_window (demo_path, w, h);
        /* 14: the reasons, in full. */
        editor = DOSSIER_EDITOR (dossier_window_get_editor (window, "incidents"));
        dossier_window_show_section (window, "incidents");
        g_assert_true (dossier_record_list_show_code (DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents")), "INC-0003"));
        dossier_test_wait_for_draw (GTK_WIDGET (window));
        gtk_editable_set_text (dossier_incident_editor_get_casualty_entry (DOSSIER_INCIDENT_EDITOR (editor), 0, 0), "two");
        {
          GtkWidget *coordinates = dossier_editor_get_field_widget (editor, "coordinates");

          gtk_editable_set_text (GTK_EDITABLE (coordinates), "north of Moura");
          g_signal_emit_by_name (coordinates, "apply");
          scroll_near (coordinates);
        }
        shoot (GTK_WIDGET (window), "errors-coordinates", suffix);
        scroll_near (GTK_WIDGET (dossier_incident_editor_get_casualty_entry (DOSSIER_INCIDENT_EDITOR (editor), 0, 0)));
        shoot (GTK_WIDGET (window), "errors-victims", suffix);
        gtk_editable_set_text (dossier_incident_editor_get_casualty_entry (DOSSIER_INCIDENT_EDITOR (editor), 0, 0), "");

        /* 13: the picker that makes a person. */
        {
          DossierLinkGroup *people = DOSSIER_LINK_GROUP (dossier_editor_get_field_widget (editor, "people_links"));
          GtkWidget *add = dossier_test_find_descendant (GTK_WIDGET (people), GTK_TYPE_MENU_BUTTON);
          DossierRecordPicker *picker = dossier_link_group_get_picker (people);

          scroll_near (add);
          gtk_popover_popup (GTK_POPOVER (picker));
          wait_ms (400);
          shoot (GTK_WIDGET (picker), "picker", suffix);
          gtk_popover_popdown (GTK_POPOVER (picker));
        }

        /* 13, 15: a person's identity in view, languages by name, one "unknown". */
        dossier_window_show_section (window, "people");
        g_assert_true (dossier_record_list_show_code (DOSSIER_RECORD_LIST (dossier_window_get_list (window, "people")), "TEM-0001"));
        dossier_test_wait_for_draw (GTK_WIDGET (window));
        editor = DOSSIER_EDITOR (dossier_window_get_editor (window, "people"));
        shoot (GTK_WIDGET (window), "person", suffix);
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dossier_editor_get_field_widget (editor, "show_identity")), TRUE);
        wait_ms (300);
        shoot (GTK_WIDGET (window), "identity", suffix);
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dossier_editor_get_field_widget (editor, "show_identity")), FALSE);

        /* 15: what a file says of itself, and its custody, written out. */
        dossier_window_show_section (window, "evidence");
        g_assert_true (dossier_record_list_show_code (DOSSIER_RECORD_LIST (dossier_window_get_list (window, "evidence")), "EVD-0002"));
        dossier_test_wait_for_draw (GTK_WIDGET (window));
        editor = DOSSIER_EDITOR (dossier_window_get_editor (window, "evidence"));
        scroll_near (dossier_editor_get_field_widget (editor, "captured_at"));
        shoot (GTK_WIDGET (window), "evidence-values", suffix);
        scroll_near (dossier_editor_get_field_widget (editor, "custody_group"));
        shoot (GTK_WIDGET (window), "evidence-custody", suffix);
        gtk_window_destroy (GTK_WINDOW (window));
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Whether an action row below @widget shows @text as its subtitle. */
static gboolean
shows_subtitle (GtkWidget  *widget,
                const char *text)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_subtitle (child, text))
      return TRUE;
  return FALSE;
}

static gint64
count_audit (DossierStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (dossier_store_get_db (store), "SELECT count(*) FROM audit", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static gboolean
details_dialog_shown (gpointer data)
{
  GtkWidget **found = data;

  *found = find_toplevel (DOSSIER_TYPE_NEW_DOSSIER_DIALOG, NULL);
  return *found != NULL && gtk_widget_get_mapped (*found);
}

static gboolean
details_dialog_gone (gpointer data)
{
  return find_toplevel (DOSSIER_TYPE_NEW_DOSSIER_DIALOG, NULL) == NULL;
}

/* The overview says what the dossier is (title, mandate, period in words, annex language),
 * and Edit… changes it in the dialog of File → New, saved with no file chooser. */
static void
test_dossier_details_editable (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *title = NULL, *mandate = NULL, *period = NULL, *language = NULL;
  g_autofree char *period_words = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *edit, *dialog = NULL, *title_row, *save;
  gint64 audits_before, audits_after;

  dossier_window_show_section (f->window, "overview");
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (dossier_store_get_info (f->store, NULL, &title, &mandate, &period, &language, &error));
  g_assert_no_error (error);
  /* The period reads as a person writes it, in the interface's language. */
  period_words = dossier_edtf_format_string (period, f->lang);
  g_assert_true (shows_subtitle (GTK_WIDGET (f->window), title));
  g_assert_true (shows_subtitle (GTK_WIDGET (f->window), mandate));
  g_assert_true (shows_subtitle (GTK_WIDGET (f->window), period_words));
  dossier_test_screenshot (GTK_WIDGET (f->window), "overview-about.png");

  edit = dossier_test_find_button (GTK_WIDGET (f->window), _("_Edit…"));
  g_assert_nonnull (edit);
  click (edit);
  wait_until (details_dialog_shown, &dialog, 10, "the dossier's details");
  dossier_test_wait_for_draw (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, _("Dossier Details"));
  dossier_test_screenshot (dialog, "dossier-details.png");

  title_row = dossier_test_find_descendant (dialog, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, title);
  click (title_row);
  dossier_test_press_key (title_row, GDK_KEY_a, GDK_CONTROL_MASK);
  dossier_test_type_text (title_row, "Kidal, 2023");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Kidal, 2023");

  audits_before = count_audit (f->store);
  save = dossier_test_find_button (dialog, _("_Save"));
  g_assert_nonnull (save);
  click (save);
  wait_until (details_dialog_gone, NULL, 10, "the dialog to close");
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));

  g_clear_pointer (&title, g_free);
  g_clear_pointer (&mandate, g_free);
  g_clear_pointer (&period, g_free);
  g_clear_pointer (&language, g_free);
  g_assert_true (dossier_store_get_info (f->store, NULL, &title, &mandate, &period, &language, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (title, ==, "Kidal, 2023");
  /* Only the title changed: one audit entry. */
  audits_after = count_audit (f->store);
  g_assert_cmpint (audits_after, ==, audits_before + 1);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Kidal, 2023");
  g_assert_true (shows_subtitle (GTK_WIDGET (f->window), "Kidal, 2023"));
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);

  g_test_add ("/editors/incident-fields", Fixture, NULL, fixture_set_up, test_incident_fields, fixture_tear_down);
  g_test_add ("/craft/09-editor-opens-at-top", Fixture, NULL, fixture_set_up, test_editor_opens_at_top, fixture_tear_down);
  g_test_add ("/craft/15-testimony-interviewer-offered", Fixture, NULL, fixture_set_up, test_testimony_interviewer_offered, fixture_tear_down);
  g_test_add ("/editors/links", Fixture, NULL, fixture_set_up, test_links, fixture_tear_down);
  g_test_add ("/editors/identity", Fixture, NULL, fixture_set_up, test_identity, fixture_tear_down);
  g_test_add ("/editors/screenshots", Fixture, NULL, fixture_set_up, test_screenshots, fixture_tear_down);
  g_test_add ("/editors/drop-evidence", Fixture, NULL, fixture_set_up, test_drop_evidence, fixture_tear_down);
  g_test_add ("/editors/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/editors/filter-lists", Fixture, NULL, fixture_set_up, test_filter_lists, fixture_tear_down);
  g_test_add ("/editors/delete-undo-add", Fixture, NULL, fixture_set_up, test_delete_undo_add, fixture_tear_down);
  g_test_add ("/trust/09-editor-text-limits", Fixture, NULL, fixture_set_up, test_text_limits, fixture_tear_down);
  g_test_add_func ("/craft/11-new-dossier-asks-first", test_new_dossier_asks_first);
  g_test_add_func ("/craft/12-investigator-asked-first", test_investigator_asked_first);
  g_test_add_func ("/craft/12-investigator-asked-first-launcher", test_investigator_asked_first_launcher);
  g_test_add ("/craft/13-picker-creates", Fixture, NULL, fixture_set_up, test_picker_creates, fixture_tear_down);
  g_test_add ("/craft/13-age-gives-group", Fixture, NULL, fixture_set_up, test_age_gives_group, fixture_tear_down);
  g_test_add ("/craft/13-evidence-linked-to-incident", Fixture, NULL, fixture_set_up, test_evidence_linked_to_incident,
              fixture_tear_down);
  g_test_add_func ("/craft/13-empty-states", test_empty_states);
  g_test_add ("/craft/13-show-identity-in-view", Fixture, NULL, fixture_set_up, test_show_identity_in_view, fixture_tear_down);
  g_test_add ("/craft/14-errors-explain", Fixture, NULL, fixture_set_up, test_errors_explain, fixture_tear_down);
  g_test_add ("/craft/14-date-row-french", Fixture, NULL, fixture_set_up, test_date_row_french, fixture_tear_down);
  g_test_add ("/craft/15-values-as-written", Fixture, NULL, fixture_set_up, test_values_as_written, fixture_tear_down);
  g_test_add ("/craft/11-dossier-details-editable", Fixture, NULL, fixture_set_up, test_dossier_details_editable,
              fixture_tear_down);
  g_test_add_func ("/craft/records-screens", test_records_screens);

  return g_test_run ();
}
