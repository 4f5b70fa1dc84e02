/* test-release.c: however the application lets go of a dossier — Quit, closing its window,
 * opening another in it, the language restart — the .dossier file alone holds every change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-demo.h"
#include "dossier-test-display.h"
#include "dossier-test-util.h"
#include "dossier-window.h"
#include "dossier-info.h"

typedef enum {
  BY_QUIT,
  BY_CLOSING,
  BY_OPENING_ANOTHER,
  BY_RESTART,
} Path;

typedef struct {
  Path          path;
  char         *dossier;
  char         *other;
  char         *canary;
  DossierStore *reader;   /* a worker's connection, still open when the window lets go */
  gboolean      acted;
  gboolean      other_whole;
} Case;

static char *
make_demo (const char *name)
{
  g_autofree char *path = dossier_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;

  dossier_store_remove_files (path);
  store = dossier_demo_create (path, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The mandate of a copy of @path alone, as a user copies NAME.dossier to a USB key. */
static char *
mandate_of_copy_alone (const char *path)
{
  g_autofree char *copy = g_strconcat (path, "-copy.dossier", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  char *mandate = NULL;
  gsize len;

  dossier_store_remove_files (copy);
  contents = dossier_test_read_file (path, &len);
  dossier_test_write_file (copy, contents, len);
  store = dossier_store_open (copy, DOSSIER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_store_get_info (store, NULL, NULL, &mandate, NULL, NULL, &error));
  return mandate;
}

/* Once the window shows the dossier: a change, as an edit makes it, then the way out. */
static gboolean
act (gpointer data)
{
  Case *c = data;
  GApplication *app = g_application_get_default ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  DossierStore *store = window ? dossier_window_get_store (DOSSIER_WINDOW (window)) : NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return G_SOURCE_CONTINUE;
  c->acted = TRUE;
  c->reader = dossier_store_open_reader (store, &error);
  g_assert_no_error (error);
  g_assert_true (dossier_store_set_info (store, "mandate", c->canary, &error));
  g_assert_no_error (error);

  switch (c->path)
    {
    case BY_QUIT:
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
      break;
    case BY_CLOSING:
      gtk_window_close (window);
      break;
    case BY_OPENING_ANOTHER:
      g_assert_true (dossier_window_load (DOSSIER_WINDOW (window), c->other, &error));
      g_assert_no_error (error);
      {
        g_autofree char *mandate = mandate_of_copy_alone (c->dossier);
        c->other_whole = g_strcmp0 (mandate, c->canary) == 0;
      }
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
      break;
    case BY_RESTART:
      g_action_group_activate_action (G_ACTION_GROUP (app), "restart", NULL);
      break;
    }
  return G_SOURCE_REMOVE;
}

static void
run_case (gconstpointer data)
{
  Case c = { GPOINTER_TO_INT (data) };
  g_autoptr(DossierApplication) app = dossier_application_new ();
  g_autofree char *mandate = NULL;
  char *argv[3];
  guint source;

  c.dossier = make_demo ("release.dossier");
  c.other = make_demo ("release-other.dossier");
  c.canary = g_strdup_printf ("CANARY-RELEASE-%d", c.path);
  argv[0] = (char *) "dossier";
  argv[1] = c.dossier;
  argv[2] = NULL;

  /* Not unique on the bus: display tests run side by side. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  source = g_timeout_add (300, act, &c);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_assert_true (c.acted);
  if (!c.acted)
    g_source_remove (source);

  /* The worker's connection is still open, as it may be when a process ends. */
  g_assert_nonnull (c.reader);
  mandate = mandate_of_copy_alone (c.dossier);
  g_assert_cmpstr (mandate, ==, c.canary);
  if (c.path == BY_OPENING_ANOTHER)
    g_assert_true (c.other_whole);
  if (c.path == BY_RESTART)
    {
      g_auto(GStrv) restart = dossier_application_restart_argv (app);

      g_assert_nonnull (restart);
    }

  g_clear_object (&c.reader);
  g_free (c.dossier);
  g_free (c.other);
  g_free (c.canary);
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);

  g_test_add_data_func ("/trust/04-quit", GINT_TO_POINTER (BY_QUIT), run_case);
  g_test_add_data_func ("/trust/04-closing-the-window", GINT_TO_POINTER (BY_CLOSING), run_case);
  g_test_add_data_func ("/trust/04-opening-another", GINT_TO_POINTER (BY_OPENING_ANOTHER), run_case);
  g_test_add_data_func ("/trust/04-language-restart", GINT_TO_POINTER (BY_RESTART), run_case);
  return g_test_run ();
}
