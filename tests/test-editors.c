/* test-editors.c: editing, linking, deleting and restoring records in the window (display test)
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

  return g_test_run ();
}
