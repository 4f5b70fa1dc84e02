/* main.c: the GUI entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <locale.h>
#include <unistd.h>

#include "dossier-application.h"
#include "dossier-core-resources.h"
#include "dossier-io-resources.h"
#include "dossier-resources.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DossierApplication) app = NULL;
  g_auto(GStrv) restart = NULL;
  int status;

  dossier_application_setup_language ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DOSSIER_LOCALEDIR") ? g_getenv ("DOSSIER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The three libraries link as plain static libraries: their resources (the schema and
   * vocabularies, the demo dossier, the templates and style) are registered here. */
  dossier_core_register_resource ();
  dossier_io_register_resource ();
  dossier_register_resource ();

  app = dossier_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  /* Asked from the preferences, after a change of interface language. */
  restart = dossier_application_restart_argv (app);
  if (restart != NULL)
    {
      g_clear_object (&app);
      execv (restart[0], restart);
      g_printerr ("Dossier could not start again: %s\n", g_strerror (errno));
    }
  return status;
}
