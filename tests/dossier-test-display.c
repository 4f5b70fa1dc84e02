/* dossier-test-display.c: what display tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "dossier-application.h"
#include "dossier-demo.h"
#include "dossier-resources.h"
#include "dossier-test-display.h"
#include "dossier-test-util.h"
#include "dossier-window.h"

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
dossier_test_wait_for_draw (GtkWidget *widget)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  /* Let layout, drawing, the lazily filled list rows and the stack's transition happen. */
  g_timeout_add (400, quit_loop, loop);
  g_main_loop_run (loop);
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Saves what @widget shows as a PNG in $DOSSIER_SCREENSHOT_DIR, when it is set. */
void
dossier_test_screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("DOSSIER_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int w, h;

  if (dir == NULL)
    return;
  /* The paintable shows the last frame drawn: let pending changes be drawn first. */
  dossier_test_wait_for_draw (widget);
  paintable = gtk_widget_paintable_new (widget);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

GtkWidget *
dossier_test_find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dossier_test_find_descendant (child, type);
      if (found)
        return found;
    }
  return NULL;
}


/* The interface's language as the app sets it up, then GTK and libadwaita. */
void
dossier_test_display_init (int    *argc,
                           char ***argv)
{
  dossier_application_setup_language ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("DOSSIER_LOCALEDIR") ? g_getenv ("DOSSIER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  dossier_test_register_resources ();
  dossier_register_resource ();
  /* The application's style, as AdwApplication loads it for the app: the colours the map,
   * the timeline and the charts are drawn with. */
  {
    g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (style, "/org/dossier/Dossier/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (style),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  /* The application asks who is recording before it opens anything (settings are in
   * memory for tests, so empty at each start): named here, so that no test waits on the
   * question; /craft/12-investigator-asked-first empties it again to see it asked. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "investigator-name", "Enquêtrice 07");
  }
}

/* A GSourceFunc that sets the gboolean it is given, for timeouts that end a wait. */
gboolean
dossier_test_set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Searches run in a worker thread: runs the main loop until the page shows its hits,
 * failing after 10 s. */
void
dossier_test_wait_for_search (DossierSearchPage *page)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, dossier_test_set_flag, &timed_out);

  while (dossier_search_page_is_busy (page) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The search did not finish within 10 s");
  g_source_remove (timeout);
}

/* The first mapped button below @widget whose label (with its mnemonic) is @label. */
GtkWidget *
dossier_test_find_button (GtkWidget  *widget,
                          const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dossier_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * dossier_test_open_demo:
 * @name: the file name of a new copy of the demo dossier, in the test's folder
 * @section: the section to show
 *
 * Returns: (transfer none): a 1280×900 window on that copy, shown and drawn
 */
DossierWindow *
dossier_test_open_demo (const char *name,
                        const char *section)
{
  g_autofree char *path = dossier_test_tmp_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) demo = dossier_demo_create (path, &error);
  DossierWindow *window;

  g_assert_no_error (error);
  g_clear_object (&demo);
  window = dossier_window_new (NULL);
  g_assert_true (dossier_window_load (window, path, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  dossier_window_show_section (window, section);
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}
