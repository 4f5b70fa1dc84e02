/* test-registration.c: the file manager knows .dossier files and opens them with the app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The MIME type and the desktop file are installed into a data directory of the test's
 * own, the way a distribution installs them (with its update-mime-database and
 * update-desktop-database triggers), and asked about through GIO, the way a file manager
 * asks.
 */
#include "config.h"

#include <gio/gio.h>

#include "dossier-store.h"
#include "dossier-test-util.h"
#include "dossier-info.h"

static const char *mime_xml;
static const char *desktop_file;

static void
copy_to (const char *source,
         const char *dir,
         const char *name)
{
  g_autofree char *contents = NULL;
  g_autofree char *target = g_build_filename (dir, name, NULL);
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (target, contents, length, &error));
  g_assert_no_error (error);
}

static void
test_registration (void)
{
  g_autofree char *path = dossier_test_tmp_path ("renamed-without-extension");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *by_name = NULL;
  g_autofree char *by_content = NULL;
  g_autofree char *by_sqlite = NULL;
  g_autoptr(GAppInfo) app = NULL;
  gboolean uncertain;
  gsize length;

  by_name = g_content_type_guess ("Mopti 2022.dossier", NULL, 0, &uncertain);
  g_assert_cmpstr (by_name, ==, "application/x-dossier");

  /* A dossier renamed without its extension is still known by its header. */
  store = dossier_create (path, "Test", &error);
  g_assert_no_error (error);
  dossier_store_close (store);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  by_content = g_content_type_guess (NULL, (const guchar *) contents, MIN (length, 4096), &uncertain);
  g_assert_cmpstr (by_content, ==, "application/x-dossier");
  /* Another application's SQLite file is not a dossier. */
  contents[68] = 'X';
  by_sqlite = g_content_type_guess (NULL, (const guchar *) contents, MIN (length, 4096), &uncertain);
  g_assert_cmpstr (by_sqlite, !=, "application/x-dossier");

  app = g_app_info_get_default_for_type ("application/x-dossier", FALSE);
  g_assert_nonnull (app);
  g_assert_cmpstr (g_app_info_get_id (app), ==, "org.dossier.Dossier.desktop");
  g_assert_true (g_app_info_supports_files (app));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *share = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *packages = NULL;
  g_autofree char *applications = NULL;
  g_autofree char *data_dirs = NULL;
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();
  g_assert_cmpint (argc, ==, 4);
  mime_xml = argv[1];
  desktop_file = argv[2];
  {
    /* GIO offers only applications whose program it finds. */
    g_autofree char *bin = g_path_get_dirname (argv[3]);
    g_autofree char *path = g_strdup_printf ("%s:%s", bin, g_getenv ("PATH"));

    g_setenv ("PATH", path, TRUE);
  }

  /* Installed as a distribution would, before GIO reads any MIME data. */
  share = dossier_test_tmp_path ("share");
  mime = g_build_filename (share, "mime", NULL);
  packages = g_build_filename (mime, "packages", NULL);
  applications = g_build_filename (share, "applications", NULL);
  copy_to (mime_xml, packages, "org.dossier.Dossier.xml");
  copy_to (desktop_file, applications, "org.dossier.Dossier.desktop");
  g_assert_true (g_spawn_sync (NULL, (char *[]) { "update-mime-database", mime, NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_spawn_sync (NULL, (char *[]) { "update-desktop-database", applications, NULL }, NULL,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  home = dossier_test_tmp_path ("home");
  data_dirs = g_strdup_printf ("%s:/usr/share", share);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);

  g_test_add_func ("/registration/mime-and-desktop", test_registration);
  return g_test_run ();
}
