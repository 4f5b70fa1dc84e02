/* test-import-bag.c: a BagIt package imported from the application into a new dossier,
 * which opens; a tampered package refused with a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-bagit.h"
#include "dossier-demo.h"
#include "dossier-locker.h"
#include "dossier-test-display.h"
#include "dossier-test-util.h"
#include "dossier-window.h"

/* Runs the main loop until @check holds, or fails after 30 s. */
static void
wait_until (gboolean (*check) (gpointer data),
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (30, dossier_test_set_flag, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("nothing happened within 30 s");
  g_source_remove (timeout);
}

static gboolean
has_window (gpointer app)
{
  return gtk_application_get_windows (app) != NULL;
}

static gboolean
has_message (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_import_bag (void)
{
  g_autofree char *origin = dossier_test_tmp_path ("origin.dossier");
  g_autofree char *bag = dossier_test_tmp_path ("package");
  g_autofree char *copy = dossier_test_tmp_path ("from the package");
  g_autofree char *refused = dossier_test_tmp_path ("refused.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierApplication) app = dossier_application_new ();
  DossierWindow *window;
  DossierStore *store;
  g_autoptr(GPtrArray) report = NULL;

  {
    g_autoptr(DossierStore) demo = dossier_demo_create (origin, &error);

    g_assert_no_error (error);
    g_assert_true (dossier_bagit_export (demo, bag, NULL, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  /* Imported in the background, then opened: ".dossier" added to the name given. */
  dossier_application_import_bag (app, bag, copy);
  wait_until (has_window, app);
  window = DOSSIER_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  store = dossier_window_get_store (window);
  g_assert_nonnull (store);
  g_assert_true (g_str_has_suffix (dossier_store_get_path (store), "from the package.dossier"));
  report = dossier_locker_verify (store, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->len, ==, 5);
  for (guint i = 0; i < report->len; i++)
    g_assert_cmpint (((DossierVerifyItem *) report->pdata[i])->status, ==, DOSSIER_VERIFY_INTACT);

  /* A package altered since it was made, a byte changed: a message, and no dossier. */
  {
    g_autofree char *json = g_build_filename (bag, "data", "dossier.json", NULL);
    AdwMessageDialog *message = NULL;
    FILE *f = fopen (json, "r+b");
    int c;

    g_assert_nonnull (f);
    g_assert_cmpint (fseek (f, 100, SEEK_SET), ==, 0);
    c = fgetc (f);
    g_assert_cmpint (fseek (f, 100, SEEK_SET), ==, 0);
    fputc (c ^ 1, f);
    fclose (f);
    dossier_application_import_bag (app, bag, refused);
    wait_until (has_message, &message);
    g_test_message ("%s", adw_message_dialog_get_body (message));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "data/dossier.json"));
    g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
    gtk_window_destroy (GTK_WINDOW (message));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);
  g_test_add_func ("/import-bag/open-and-refuse", test_import_bag);
  return g_test_run ();
}
