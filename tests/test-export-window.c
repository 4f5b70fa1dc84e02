/* test-export-window.c: the Export dialog on the demo dossier: the preview follows the
 * profile, the annex carries the map and timeline figures, tables and printing work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "dossier-export-window.h"
#include "dossier-incident.h"
#include "dossier-test-display.h"
#include "dossier-test-canaries.h"
#include "dossier-test-util.h"
#include "dossier-window.h"

static DossierExportWindow *
find_export_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (DOSSIER_IS_EXPORT_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return DOSSIER_EXPORT_WINDOW (window);
    }
  return NULL;
}

static void
on_finished (DossierExportWindow *dialog,
             const char          *path,
             gboolean            *done)
{
  *done = TRUE;
}

static void
run_export (DossierExportWindow *dialog,
            const char          *path,
            gboolean             print)
{
  gboolean done = FALSE, timed_out = FALSE;
  g_autoptr(DossierExportWindow) alive = g_object_ref (dialog);   /* a finished export closes it */
  gulong handler = g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &done);
  guint timeout = g_timeout_add_seconds (60, dossier_test_set_flag, &timed_out);

  dossier_export_window_start (dialog, path, print);
  while (!done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The export did not end within 60 s");
  g_source_remove (timeout);
  g_signal_handler_disconnect (dialog, handler);
}

static int
pdf_pages (const char *pdf)
{
  g_autofree char *text = dossier_test_pdf_text (pdf);
  int pages = 0;

  for (const char *p = text; *p; p++)
    pages += *p == '\f';
  return pages;
}

static void
test_export_window (void)
{
  gboolean french = g_getenv ("LANGUAGE") != NULL;
  g_autofree char *shot = g_strdup_printf ("export-%s.png", french ? "fr" : "en");
  g_autofree char *pdf = dossier_test_tmp_path ("dialog-annex.pdf");
  g_autofree char *csv = dossier_test_tmp_path ("dialog-incidents.csv");
  g_autofree char *printed = dossier_test_tmp_path ("printed.pdf");
  g_autoptr(GError) error = NULL;
  DossierWindow *window;
  DossierExportWindow *dialog;
  DossierStore *store;
  AdwComboRow *format_row, *table_row, *profile_row;
  g_autofree char *text = NULL;

  window = dossier_test_open_demo ("export.dossier", "incidents");
  store = dossier_window_get_store (window);
  /* One confidential incident, for the preview to speak of. */
  {
    g_autoptr(DossierIncident) incident = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0003", &error);

    g_assert_no_error (error);
    g_free (incident->confidentiality);
    incident->confidentiality = g_strdup ("confidential");
    g_assert_true (dossier_store_update (store, DOSSIER_RECORD (incident), &error));
    g_assert_no_error (error);
  }
  g_assert_true (gtk_widget_get_mapped (dossier_window_get_map (window)));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_window ();
  g_assert_nonnull (dialog);
  dossier_test_wait_for_draw (GTK_WIDGET (dialog));

  format_row = ADW_COMBO_ROW (dossier_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (format_row);
  table_row = ADW_COMBO_ROW (gtk_widget_get_next_sibling (GTK_WIDGET (format_row)));
  profile_row = ADW_COMBO_ROW (gtk_widget_get_next_sibling (GTK_WIDGET (table_row)));
  g_assert_true (ADW_IS_COMBO_ROW (profile_row));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (table_row)));

  /* The preview follows the profile: public leaves the confidential incident out. */
  adw_combo_row_set_selected (profile_row, 0);
  g_test_message ("%s", dossier_export_window_get_preview (dialog));
  g_assert_nonnull (strstr (dossier_export_window_get_preview (dialog), french ? "11 incidents" : "11 incidents"));
  g_assert_nonnull (strstr (dossier_export_window_get_preview (dialog), french ? "1 incident confidentiel écarté" : "1 confidential incident left out"));
  adw_combo_row_set_selected (profile_row, 2);
  g_assert_nonnull (strstr (dossier_export_window_get_preview (dialog), "12 incidents"));
  g_assert_null (strstr (dossier_export_window_get_preview (dialog), french ? "écarté" : "left out"));
  adw_combo_row_set_selected (profile_row, 1);
  dossier_test_wait_for_draw (GTK_WIDGET (dialog));
  dossier_test_screenshot (GTK_WIDGET (dialog), shot);

  /* The annex, in the interface's language, with the figures as the window shows them. */
  run_export (dialog, pdf, FALSE);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  text = dossier_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, french ? "Registre des pièces" : "Register of evidence"));
  g_assert_nonnull (strstr (text, french ? "Chronologie" : "Timeline"));
  g_assert_nonnull (strstr (text, "INC-0012"));
  /* The map figure is drawn as vectors, its place names as text. */
  g_assert_nonnull (strstr (text, "Mopti"));
  g_assert_nonnull (strstr (text, "OpenStreetMap"));
  /* A successful export closes the dialog. */
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (find_export_window ());

  /* A table, by the chosen profile. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_window ();
  format_row = ADW_COMBO_ROW (dossier_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  table_row = ADW_COMBO_ROW (gtk_widget_get_next_sibling (GTK_WIDGET (format_row)));
  profile_row = ADW_COMBO_ROW (gtk_widget_get_next_sibling (GTK_WIDGET (table_row)));
  adw_combo_row_set_selected (format_row, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (table_row)));
  adw_combo_row_set_selected (profile_row, 0);
  run_export (dialog, csv, FALSE);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "code,"));
    g_assert_nonnull (strstr (contents, "INC-0001"));
    g_assert_null (strstr (contents, "INC-0003"));
  }

  /* Every table, as files of a new folder. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_window ();
  format_row = ADW_COMBO_ROW (dossier_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  table_row = ADW_COMBO_ROW (gtk_widget_get_next_sibling (GTK_WIDGET (format_row)));
  adw_combo_row_set_selected (format_row, 1);
  adw_combo_row_set_selected (table_row, 5);
  g_assert_nonnull (strstr (dossier_export_window_get_preview (dialog), french ? "10 témoignages" : "10 testimonies"));
  {
    g_autofree char *folder = dossier_test_tmp_path ("dialog-tables");
    g_autofree char *people = g_build_filename (folder, "people.csv", NULL);
    g_autofree char *evidence = g_build_filename (folder, "evidence.csv", NULL);

    run_export (dialog, folder, FALSE);
    g_assert_true (g_file_test (people, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (evidence, G_FILE_TEST_IS_REGULAR));
  }

  /* Printing: the annex's pages, through GTK's printing, here to a file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_window ();
  dossier_export_window_set_print_to (dialog, printed);
  g_clear_pointer (&pdf, g_free);
  pdf = dossier_test_tmp_path ("for-printing.pdf");
  run_export (dialog, pdf, TRUE);
  g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));   /* the pages printed, the annex made for them is gone */
  g_assert_cmpint (pdf_pages (printed), >=, 8);
  gtk_window_close (GTK_WINDOW (dialog));

  /* Closed while it runs: the export is cancelled or ends, and nothing breaks. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_window ();
  {
    g_autoptr(DossierExportWindow) alive = g_object_ref (dialog);
    g_autofree char *late = dossier_test_tmp_path ("closed-early.pdf");
    gboolean done = FALSE;

    g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &done);
    dossier_export_window_start (dialog, late, FALSE);
    gtk_window_close (GTK_WINDOW (dialog));
    while (!done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (find_export_window ());
  }
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);
  g_test_add_func ("/export-window/annex-table-print", test_export_window);
  return g_test_run ();
}
