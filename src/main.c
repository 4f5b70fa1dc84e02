/* main.c: the GUI entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dossier-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DossierApplication) app = NULL;

  dossier_application_setup_language ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DOSSIER_LOCALEDIR") ? g_getenv ("DOSSIER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = dossier_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
