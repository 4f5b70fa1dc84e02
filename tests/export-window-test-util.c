/* export-window-test-util.c: the Export dialog found and run to its end, as the export
 * window tests drive it
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

DossierExportWindow *
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

void
on_finished (DossierExportWindow *dialog,
             const char          *path,
             gboolean            *done)
{
  *done = TRUE;
}

void
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

/* Keeps a copy of @path in $DOSSIER_SCREENSHOT_DIR, when it is set, to be looked at. */
void
keep_copy (const char *path)
{
  const char *dir = g_getenv ("DOSSIER_SCREENSHOT_DIR");
  g_autofree char *contents = NULL;
  g_autofree char *base = NULL;
  g_autofree char *kept = NULL;
  gsize length;

  if (dir == NULL)
    return;
  base = g_path_get_basename (path);
  kept = g_strdup_printf ("%s/%s-%s", dir, g_getenv ("LANGUAGE") != NULL ? "fr" : "en", base);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents_full (kept, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
}

void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (checks, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_checks (child, checks);
}
