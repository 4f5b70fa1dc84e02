/* test-export-window.c: the Export dialog on the demo dossier: the preview follows the
 * profile, tables and printing work, it says why a record is withheld and where the export
 * went (display test)
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
  g_assert_nonnull (strstr (dossier_export_window_get_preview (dialog), french ? "12\u00a0incidents" : "12 incidents"));
  g_assert_nonnull (strstr (dossier_export_window_get_preview (dialog), french ? "1\u00a0incident confidentiel écarté" : "1 confidential incident left out"));
  adw_combo_row_set_selected (profile_row, 2);
  g_assert_nonnull (strstr (dossier_export_window_get_preview (dialog), french ? "13\u00a0incidents" : "13 incidents"));
  g_assert_null (strstr (dossier_export_window_get_preview (dialog), french ? "écarté" : "left out"));
  adw_combo_row_set_selected (profile_row, 1);
  dossier_test_wait_for_draw (GTK_WIDGET (dialog));
  dossier_test_screenshot (GTK_WIDGET (dialog), shot);

  /* The annex, in the interface's language, with the figures as the window shows them. */
  run_export (dialog, pdf, FALSE);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  keep_copy (pdf);
  text = dossier_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, french ? "Registre des pièces" : "Register of evidence"));
  g_assert_nonnull (strstr (text, french ? "Chronologie" : "Timeline"));
  g_assert_nonnull (strstr (text, "INC-0012"));
  /* The map figure is drawn as vectors, its place names as text. */
  g_assert_nonnull (strstr (text, "Mopti"));
  g_assert_nonnull (strstr (text, "OpenStreetMap"));
  /* A successful export says where the file went (see /craft/17); closed, the dialog goes. */
  gtk_window_close (GTK_WINDOW (dialog));
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
  gtk_window_close (GTK_WINDOW (dialog));

  /* Every table, as files of a new folder. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = find_export_window ();
  format_row = ADW_COMBO_ROW (dossier_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW));
  table_row = ADW_COMBO_ROW (gtk_widget_get_next_sibling (GTK_WIDGET (format_row)));
  adw_combo_row_set_selected (format_row, 1);
  adw_combo_row_set_selected (table_row, 5);
  g_assert_nonnull (strstr (dossier_export_window_get_preview (dialog), french ? "10\u00a0témoignages" : "10 testimonies"));
  {
    g_autofree char *folder = dossier_test_tmp_path ("dialog-tables");
    g_autofree char *people = g_build_filename (folder, "people.csv", NULL);
    g_autofree char *evidence = g_build_filename (folder, "evidence.csv", NULL);

    run_export (dialog, folder, FALSE);
    g_assert_true (g_file_test (people, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (evidence, G_FILE_TEST_IS_REGULAR));
  }
  gtk_window_close (GTK_WINDOW (dialog));

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

/* A file manager on the test's own session bus, that only writes down what it is asked to
 * show. */
static const char file_manager_xml[] =
  "<node><interface name='org.freedesktop.FileManager1'>"
  "<method name='ShowItems'><arg type='as' name='uris' direction='in'/><arg type='s' name='startup_id' direction='in'/></method>"
  "</interface></node>";

static void
on_file_manager_call (GDBusConnection       *connection,
                      const char            *sender,
                      const char            *path,
                      const char            *interface,
                      const char            *method,
                      GVariant              *parameters,
                      GDBusMethodInvocation *invocation,
                      gpointer               data)
{
  g_autofree const char **uris = NULL;
  const char *startup_id;

  g_variant_get (parameters, "(^a&s&s)", &uris, &startup_id);
  g_free (*(char **) data);
  *(char **) data = g_strdup (uris[0] ? uris[0] : "");
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         data)
{
  *(gboolean *) data = TRUE;
}

/* Whether @widget's model holds an item for @action, in its sections and submenus. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) && g_strcmp0 (name, action) == 0)
        return TRUE;
      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          gboolean found = menu_has_action (link, action);

          g_object_unref (link);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Issue 13, point 17: an export ends on a page that says where the file went, with Open and
 * Show in Folder (which asks the file manager over D-Bus, as a person's click does); while
 * it runs, its words sit above the progress bar, not under it; Print… is in the main menu.
 * Looked at in the dark style. */
static void
test_export_says_where (void)
{
  gboolean french = g_getenv ("LANGUAGE") != NULL;
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (file_manager_xml, NULL);
  const GDBusInterfaceVTable vtable = { on_file_manager_call, NULL, NULL, { 0 } };
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autofree char *pdf = dossier_test_tmp_path (french ? "annexe-dite.pdf" : "annex-told.pdf");
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autofree char *dir = g_path_get_dirname (pdf);
  g_autofree char *shown = NULL;
  g_autoptr(DossierExportWindow) dialog = NULL;
  gboolean owned = FALSE, timed_out = FALSE, done = FALSE;
  GtkWidget *label, *bar, *status, *show, *open, *revealer;
  graphene_rect_t label_box, bar_box;
  const char *description;
  DossierWindow *window;
  guint registration, owner, timeout;

  g_assert_nonnull (bus);
  registration = g_dbus_connection_register_object (bus, "/org/freedesktop/FileManager1", node->interfaces[0], &vtable,
                                                    &shown, NULL, NULL);
  g_assert_cmpuint (registration, >, 0);
  owner = g_bus_own_name_on_connection (bus, "org.freedesktop.FileManager1", G_BUS_NAME_OWNER_FLAGS_NONE,
                                        on_name_acquired, NULL, &owned, NULL);
  while (!owned)
    g_main_context_iteration (NULL, TRUE);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  window = dossier_test_open_demo ("craft-told.dossier", "incidents");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = g_object_ref (find_export_window ());
  dossier_test_wait_for_draw (GTK_WIDGET (dialog));
  dossier_test_screenshot (GTK_WIDGET (dialog), french ? "craft17-form-fr.png" : "craft17-form-en.png");

  /* While it runs: what it does, above the bar (shown at once, for the test to see it
   * before the export ends). */
  revealer = dossier_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_REVEALER);
  gtk_revealer_set_transition_duration (GTK_REVEALER (revealer), 0);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &done);
  dossier_export_window_start (dialog, pdf, FALSE);
  label = find_label (GTK_WIDGET (dialog), _("Exporting…"));
  bar = dossier_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR);
  g_assert_nonnull (label);
  g_assert_nonnull (bar);
  while (!done && !(gtk_revealer_get_child_revealed (GTK_REVEALER (revealer)) && gtk_widget_get_height (bar) > 0))
    g_main_context_iteration (NULL, TRUE);
  if (done)
    g_test_message ("The export ended before its progress could be measured");
  else
    {
      g_assert_true (gtk_widget_compute_bounds (label, GTK_WIDGET (dialog), &label_box));
      g_assert_true (gtk_widget_compute_bounds (bar, GTK_WIDGET (dialog), &bar_box));
      g_test_message ("label %g–%g, bar %g–%g", label_box.origin.y, label_box.origin.y + label_box.size.height,
                      bar_box.origin.y, bar_box.origin.y + bar_box.size.height);
      g_assert_cmpfloat (label_box.size.height, >, 0);
      g_assert_cmpfloat (label_box.origin.y + label_box.size.height, <=, bar_box.origin.y);
    }
  timeout = g_timeout_add_seconds (60, dossier_test_set_flag, &timed_out);
  while (!done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* The dialog stays, and says where the annex is. */
  dossier_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  status = dossier_test_find_descendant (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, french ? "Annexe exportée" : "Annex Exported");
  description = adw_status_page_get_description (ADW_STATUS_PAGE (status));
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, french ? "annexe-dite.pdf" : "annex-told.pdf"));
  g_assert_nonnull (strstr (description, dir));
  open = dossier_test_find_button (GTK_WIDGET (dialog), _("_Open"));
  show = dossier_test_find_button (GTK_WIDGET (dialog), _("Show in _Folder"));
  g_assert_nonnull (open);
  g_assert_nonnull (show);
  g_assert_true (gtk_widget_has_focus (open));
  dossier_test_screenshot (GTK_WIDGET (dialog), french ? "craft17-done-fr.png" : "craft17-done-en.png");

  /* Show in Folder, clicked: the file manager is asked to show the annex. Windows of the
   * tests before may still be on the screen: the dialog comes above them. */
  gtk_window_present (GTK_WINDOW (dialog));
  dossier_test_wait_for_draw (GTK_WIDGET (dialog));
  dossier_test_click (show, gtk_widget_get_width (show) / 2.0, gtk_widget_get_height (show) / 2.0, 1);
  timed_out = FALSE;
  timeout = g_timeout_add_seconds (10, dossier_test_set_flag, &timed_out);
  while (shown == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  g_assert_cmpstr (shown, ==, uri);
  gtk_window_close (GTK_WINDOW (dialog));

  /* Print… in the main menu (the menu that has Export…), opening the dialog as one that
   * prints. */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();
    gboolean found = FALSE;

    g_ptr_array_add (stack, window);
    while (stack->len > 0 && !found)
      {
        GtkWidget *top = g_ptr_array_steal_index (stack, stack->len - 1);
        GMenuModel *model = GTK_IS_MENU_BUTTON (top) ? gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (top)) : NULL;

        if (model != NULL && menu_has_action (model, "win.export"))
          found = menu_has_action (model, "win.print");
        for (GtkWidget *child = gtk_widget_get_first_child (top); child; child = gtk_widget_get_next_sibling (child))
          g_ptr_array_add (stack, child);
      }
    g_assert_true (found);
  }
  g_clear_object (&dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  dialog = g_object_ref (find_export_window ());
  dossier_test_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, french ? "Imprimer l’annexe" : "Print the Annex");
  g_assert_nonnull (dossier_test_find_button (GTK_WIDGET (dialog), _("_Print…")));
  g_assert_null (dossier_test_find_button (GTK_WIDGET (dialog), _("_Export…")));
  dossier_test_screenshot (GTK_WIDGET (dialog), french ? "craft17-print-fr.png" : "craft17-print-en.png");
  gtk_window_close (GTK_WINDOW (dialog));

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (bus, registration);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_label_containing (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Issue 13, point 16, as a French tester found it: the dialog says why an incident's texts
 * are withheld from a public annex and how to include them, and the incident sheets (where
 * titles and summaries are read) are ticked for a small dossier. */
static void
test_why_withheld (void)
{
  gboolean french = g_getenv ("LANGUAGE") != NULL;
  g_autoptr(DossierExportWindow) dialog = NULL;
  g_autoptr(DossierIncident) incident = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  DossierWindow *window;
  DossierStore *store;

  window = dossier_test_open_demo ("craft-why.dossier", "incidents");
  store = dossier_window_get_store (window);
  incident = dossier_store_load_by_code (store, DOSSIER_TYPE_INCIDENT, "INC-0001", &error);
  g_assert_no_error (error);
  g_free (incident->confidentiality);
  incident->confidentiality = g_strdup ("restricted");
  g_assert_true (dossier_store_update (store, DOSSIER_RECORD (incident), &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = g_object_ref (find_export_window ());
  dossier_test_wait_for_draw (GTK_WIDGET (dialog));
  dossier_test_screenshot (GTK_WIDGET (dialog), french ? "craft16-why-fr.png" : "craft16-why-en.png");
  g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), french ? "marqué" : "marked Restricted"));
  g_assert_nonnull (find_label_containing (GTK_WIDGET (dialog), french ? "à «\u00a0Public\u00a0» pour les inclure"
                                                                       : "Confidentiality to Public to include them"));
  collect_checks (GTK_WIDGET (dialog), checks);
  g_assert_cmpuint (checks->len, ==, DOSSIER_ANNEX_N_SECTIONS);
  for (guint i = 0; i < checks->len; i++)
    if ((1u << i) == DOSSIER_ANNEX_SHEETS)
      g_assert_true (gtk_check_button_get_active (checks->pdata[i]));
  gtk_window_close (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);
  g_test_add_func ("/export-window/annex-table-print", test_export_window);
  g_test_add_func ("/craft/16-why-withheld", test_why_withheld);
  g_test_add_func ("/craft/17-export-says-where", test_export_says_where);
  return g_test_run ();
}
