/* editors-test-util.c: the window on a demo dossier, and the waits, clicks and scrolls of the
 * editors' display tests
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

void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) demo = NULL;
  static int n;

  f->path = dossier_test_tmp_path (g_strdup_printf ("editors-%d.dossier", n++));
  demo = dossier_demo_create (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);

  f->lang = dossier_application_ui_language ();
  f->window = dossier_window_new (NULL);
  g_assert_true (dossier_window_load (f->window, f->path, &error));
  g_assert_no_error (error);
  f->store = dossier_window_get_store (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  dossier_window_show_section (f->window, "incidents");
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_free (f->lang);
  g_free (f->path);
}

DossierEditor *
open_code (Fixture    *f,
           const char *section,
           const char *code)
{
  DossierRecordList *list;
  DossierEditor *editor;

  dossier_window_show_section (f->window, section);
  list = DOSSIER_RECORD_LIST (dossier_window_get_list (f->window, section));
  g_assert_true (dossier_record_list_show_code (list, code));
  dossier_test_wait_for_draw (GTK_WIDGET (f->window));
  editor = DOSSIER_EDITOR (dossier_window_get_editor (f->window, section));
  g_assert_nonnull (dossier_editor_get_record (editor));
  g_assert_cmpstr (dossier_record_get_code (dossier_editor_get_record (editor)), ==, code);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  return editor;
}

gpointer
stored (Fixture    *f,
        GType       type,
        const char *code)
{
  g_autoptr(GError) error = NULL;
  gpointer record = dossier_store_load_by_code (f->store, type, code, &error);

  g_assert_no_error (error);
  return record;
}


/* Runs the main loop until @done says so, failing after @seconds. */
void
wait_until (gboolean (*done) (gpointer data),
            gpointer   data,
            guint      seconds,
            const char *what)
{
  gint64 until = g_get_monotonic_time () + seconds * G_TIME_SPAN_SECOND;

  while (!done (data))
    {
      if (g_get_monotonic_time () > until)
        g_error ("Waited %u s for %s", seconds, what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* Lets the main loop run for @ms: popovers are not waited for with
 * gtk_test_widget_wait_for_draw(), which waits for a frame of the window. */
void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* The first toplevel of @type other than @except, or NULL. */
GtkWidget *
find_toplevel (GType      type,
               GtkWidget *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && window != except && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  GtkWidget **found = data;

  *found = find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  return *found != NULL && gtk_widget_get_mapped (*found);
}

GtkWidget *
wait_for_file_chooser (void)
{
  GtkWidget *chooser = NULL;

  wait_until (file_chooser_shown, &chooser, 10, "the file chooser");
  dossier_test_wait_for_draw (chooser);
  return chooser;
}

/* The first mapped widget of @type below @widget (a drop-down's hidden popover has its
 * own search entry). */
GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A click in the middle of @widget, as a person's. */
void
click (GtkWidget *widget)
{
  g_assert_true (gtk_widget_get_mapped (widget));
  dossier_test_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0, 1);
}

/* The vertical extent of @widget in @scrolled's visible area. */
void
visible_extent (GtkWidget *widget,
                GtkWidget *scrolled,
                double    *top,
                double    *bottom)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
  *top = bounds.origin.y;
  *bottom = bounds.origin.y + bounds.size.height;
}

/* Scrolls the page @widget is on so that its top is near the top, as a person scrolls
 * to it. */
void
scroll_near (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 60);
  dossier_test_wait_for_draw (widget);
}

/* Scrolls the page @widget is on so that it is in view, as a person scrolls to it. */
void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 60);
  dossier_test_wait_for_draw (widget);
  {
    double top, bottom;

    /* Whole in the page's visible part, where a click reaches it. */
    visible_extent (widget, scrolled, &top, &bottom);
    g_assert_cmpfloat (top, >=, 0);
    g_assert_cmpfloat (bottom, <=, gtk_widget_get_height (scrolled));
  }
}

DossierWindow *
open_window (const char *path,
             int         width,
             int         height)
{
  g_autoptr(GError) error = NULL;
  DossierWindow *window = dossier_window_new (NULL);

  g_assert_true (dossier_window_load (window, path, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}
