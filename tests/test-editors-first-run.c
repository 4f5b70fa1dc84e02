/* test-editors-first-run.c: a new investigator's first dossier: what it is about and who
 * investigates are asked first, and its details stay editable (display test)
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

/* ---- Issue 13, points 11 and 12: a new investigator's first dossier ---- */

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

  g_test_add_func ("/craft/11-new-dossier-asks-first", test_new_dossier_asks_first);
  g_test_add_func ("/craft/12-investigator-asked-first", test_investigator_asked_first);
  g_test_add_func ("/craft/12-investigator-asked-first-launcher", test_investigator_asked_first_launcher);
  g_test_add ("/craft/11-dossier-details-editable", Fixture, NULL, fixture_set_up, test_dossier_details_editable,
              fixture_tear_down);

  return g_test_run ();
}
