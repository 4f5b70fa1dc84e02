/* test-editors-typing.c: values as a person types and reads them: errors explained where
 * typed, French dates, values as written; every screen of points 11 to 15 (display test)
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

/* ---- Issue 13, points 14 and 15 ---- */

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

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);

  g_test_add ("/craft/14-errors-explain", Fixture, NULL, fixture_set_up, test_errors_explain, fixture_tear_down);
  g_test_add ("/craft/14-date-row-french", Fixture, NULL, fixture_set_up, test_date_row_french, fixture_tear_down);
  g_test_add ("/craft/15-values-as-written", Fixture, NULL, fixture_set_up, test_values_as_written, fixture_tear_down);
  g_test_add_func ("/craft/records-screens", test_records_screens);

  return g_test_run ();
}
