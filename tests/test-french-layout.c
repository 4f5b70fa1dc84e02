/* test-french-layout.c: French words kept whole and French dialogs kept on the screen
 * (display test, run in English and in French)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * French labels run longer than English ones. Where a row is short of room,
 * libadwaita's rows break their titles anywhere in a word ("Violation-" over "s décrites");
 * the checks here read the lines Pango laid out, as a reader sees them.
 *
 * Without a desktop portal (as here) GtkFileChooserNative opens GTK's own chooser, sized
 * from its contents the first time: every chooser the app opens is opened here through
 * the app, in the interface's language, and must fit a 1024×700 screen with its buttons.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-actor-editor.h"
#include "dossier-application.h"
#include "dossier-demo.h"
#include "dossier-editor.h"
#include "dossier-evidence-editor.h"
#include "dossier-export-window.h"
#include "dossier-incident-editor.h"
#include "dossier-person-editor.h"
#include "dossier-testimony-editor.h"
#include "dossier-record-list.h"
#include "dossier-test-display.h"
#include "dossier-test-util.h"
#include "dossier-vocab-row.h"
#include "dossier-window.h"

/* The sizes the issue was looked at: a 1280×800 laptop and a 1024×700 small screen. */
static const struct { int width, height; } screens[] = { { 1280, 800 }, { 1024, 700 } };

/* The record of each section whose rows hold the most: the longest lists of terms. */
static const struct {
  const char  *section;
  const char  *sql;
  GtkWidget *(*editor_new) (void);
} fullest[] = {
  { "incidents", "SELECT code, id FROM incident JOIN incident_violation ON incident_id = id "
                 "GROUP BY id ORDER BY count (*) DESC, code LIMIT 1", dossier_incident_editor_new },
  { "people", "SELECT code, id FROM person ORDER BY length (languages) DESC, code LIMIT 1", dossier_person_editor_new },
  { "testimonies", "SELECT code, id FROM testimony JOIN testimony_tag ON testimony_id = id "
                   "GROUP BY id ORDER BY count (*) DESC, code LIMIT 1", dossier_testimony_editor_new },
  { "evidence", "SELECT code, id FROM evidence ORDER BY code LIMIT 1", dossier_evidence_editor_new },
  { "actors", "SELECT code, id FROM actor ORDER BY code LIMIT 1", dossier_actor_editor_new },
};

/* /craft/20-vocab-row-title-whole ----------------------------------------------------- */

/* The label showing a row's title: the one with the "title" style saying it. */
static GtkLabel *
find_title_label (GtkWidget  *widget,
                  const char *title)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "title") &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), title) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_title_label (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Where @label's text was broken inside a word (not after a space or a hyphen, where a
 * line may end): the character offset of the first such line, or -1. */
static int
break_inside_word (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  int n_attrs;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      int offset = g_utf8_pointer_to_offset (text, text + line->start_index);

      if (offset > 0 && offset < n_attrs && !attrs[offset].is_line_break)
        return offset;
    }
  return -1;
}

/* The width of @label's widest word, in its font. */
static int
widest_word (GtkLabel *label)
{
  g_auto(GStrv) words = g_strsplit_set (gtk_label_get_text (label), " \n", -1);
  int widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), words[i]);
      int width;

      pango_layout_set_attributes (layout, gtk_label_get_attributes (label));
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  return widest;
}

typedef struct {
  const char *where;
  int         n_rows;
  GString    *broken;
} Check;

/* Every titled row shown below @widget keeps its title's words whole and stays inside
 * @bounds (no row runs off the side of its editor). */
static void
check_rows (GtkWidget *widget,
            GtkWidget *bounds,
            Check     *check)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (ADW_IS_PREFERENCES_ROW (widget) && !ADW_IS_ENTRY_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      GtkLabel *label = title && *title ? find_title_label (widget, title) : NULL;

      if (label != NULL)
        {
          int offset = break_inside_word (label);
          int widest = widest_word (label);
          graphene_rect_t row;

          check->n_rows++;
          g_assert_true (gtk_widget_compute_bounds (widget, bounds, &row));
          if (offset >= 0 || gtk_widget_get_width (GTK_WIDGET (label)) < widest)
            g_string_append_printf (check->broken, "%s: “%s” broken at character %d (%d px for a word of %d px)\n",
                                    check->where, title, offset, gtk_widget_get_width (GTK_WIDGET (label)), widest);
          /* Several terms chosen are read whole, under the title. */
          if (DOSSIER_IS_VOCAB_ROW (widget) && dossier_vocab_row_get_values (DOSSIER_VOCAB_ROW (widget))[0] != NULL)
            {
              gboolean multiple;

              g_object_get (widget, "multiple", &multiple, NULL);
              if (multiple &&
                  g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), dossier_vocab_row_get_text (DOSSIER_VOCAB_ROW (widget))) != 0)
                g_string_append_printf (check->broken, "%s: “%s” does not show “%s” under its title\n",
                                        check->where, title, dossier_vocab_row_get_text (DOSSIER_VOCAB_ROW (widget)));
            }
          if (row.origin.x < -0.5 || row.origin.x + row.size.width > gtk_widget_get_width (bounds) + 0.5)
            g_string_append_printf (check->broken, "%s: “%s” runs from %.0f to %.0f px, out of %d px\n",
                                    check->where, title, row.origin.x, row.origin.x + row.size.width,
                                    gtk_widget_get_width (bounds));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_rows (child, bounds, check);
}

/* Every row of every editor, at each screen size, with the editor as wide as the window
 * gives it and then as narrow as its divider lets it be. */
static void
test_vocab_row_title_whole (void)
{
  g_autofree char *lang = dossier_application_ui_language ();
  DossierWindow *window = dossier_test_open_demo ("french-layout-rows.dossier", "incidents");
  DossierStore *store = dossier_window_get_store (window);
  g_autoptr(GString) broken = g_string_new (NULL);
  int n_rows = 0;

  for (guint s = 0; s < G_N_ELEMENTS (screens); s++)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), screens[s].width, screens[s].height);
      for (guint i = 0; i < G_N_ELEMENTS (fullest); i++)
        {
          g_autofree char *code = dossier_test_query_text (store, fullest[i].sql);
          DossierRecordList *list;
          GtkWidget *editor;
          GtkPaned *paned;
          int position;

          dossier_window_show_section (window, fullest[i].section);
          list = DOSSIER_RECORD_LIST (dossier_window_get_list (window, fullest[i].section));
          g_assert_nonnull (code);
          g_assert_true (dossier_record_list_show_code (list, code));
          dossier_test_wait_for_draw (GTK_WIDGET (window));
          editor = dossier_window_get_editor (window, fullest[i].section);
          paned = GTK_PANED (gtk_widget_get_ancestor (editor, GTK_TYPE_PANED));
          g_assert_nonnull (paned);
          position = gtk_paned_get_position (paned);

          for (int narrowest = 0; narrowest <= 1; narrowest++)
            {
              g_autofree char *where = NULL;
              g_autofree char *shot = NULL;
              Check check = { NULL, 0, broken };

              if (narrowest)
                {
                  /* As a person drags the divider to the right: the editor as narrow as it goes. */
                  gtk_paned_set_position (paned, screens[s].width);
                  dossier_test_wait_for_draw (GTK_WIDGET (window));
                }
              where = g_strdup_printf ("%s %s at %d×%d%s, editor %d px", lang, code, screens[s].width,
                                       screens[s].height, narrowest ? " (narrowest)" : "", gtk_widget_get_width (editor));
              check.where = where;
              shot = g_strdup_printf ("rows-%s-%s-%d%s.png", lang, fullest[i].section, screens[s].width,
                                      narrowest ? "-narrowest" : "");
              dossier_test_screenshot (GTK_WIDGET (window), shot);
              check_rows (editor, editor, &check);
              g_test_message ("%s: %d titled rows", where, check.n_rows);
              n_rows += check.n_rows;
            }
          gtk_paned_set_position (paned, position);
        }
    }
  /* Each editor alone, as narrow as it lets itself be: the window's layout may change, the
   * rows must not depend on it. */
  for (guint i = 0; i < G_N_ELEMENTS (fullest); i++)
    {
      g_autofree char *code = dossier_test_query_text (store, fullest[i].sql);
      g_autofree char *id_sql = g_strdup_printf ("SELECT id FROM (%s)", fullest[i].sql);
      gint64 id = dossier_test_query_int (store, id_sql, NULL);
      GtkWidget *alone = gtk_window_new ();
      GtkWidget *editor = fullest[i].editor_new ();
      g_autofree char *where = NULL;
      g_autofree char *shot = NULL;
      Check check = { NULL, 0, broken };
      int narrowest;

      gtk_window_set_child (GTK_WINDOW (alone), editor);
      dossier_editor_set_store (DOSSIER_EDITOR (editor), store, lang);
      g_assert_true (dossier_editor_set_record (DOSSIER_EDITOR (editor), id));
      gtk_widget_measure (editor, GTK_ORIENTATION_HORIZONTAL, -1, &narrowest, NULL, NULL, NULL);
      gtk_window_set_default_size (GTK_WINDOW (alone), narrowest, 1000);
      gtk_window_present (GTK_WINDOW (alone));
      dossier_test_wait_for_draw (alone);
      where = g_strdup_printf ("%s %s alone, editor %d px", lang, code, gtk_widget_get_width (editor));
      check.where = where;
      shot = g_strdup_printf ("rows-%s-%s-alone.png", lang, fullest[i].section);
      dossier_test_screenshot (alone, shot);
      check_rows (editor, editor, &check);
      /* The dark style changes no width, but is looked at too. */
      if (g_getenv ("DOSSIER_SCREENSHOT_DIR") != NULL)
        {
          g_autofree char *dark = g_strdup_printf ("rows-%s-%s-alone-dark.png", lang, fullest[i].section);

          adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
          dossier_test_wait_for_draw (alone);
          dossier_test_screenshot (alone, dark);
          adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
        }
      g_test_message ("%s: %d titled rows", where, check.n_rows);
      n_rows += check.n_rows;
      gtk_window_destroy (GTK_WINDOW (alone));
    }

  g_assert_cmpint (n_rows, >, 50);
  if (broken->len > 0)
    g_test_message ("%s", broken->str);
  g_assert_cmpstr (broken->str, ==, "");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* /craft/20-file-chooser-fits --------------------------------------------------------- */

static GtkWidget *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_mapped (window))
        return window;
    }
  return NULL;
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (window))
        return window;
    }
  return NULL;
}

/* The button below @widget, shown or inside a closed popover, with this label or tooltip. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label,
             const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) &&
      ((label != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0) ||
       (tooltip != NULL && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
wait_for_file_chooser (const char *what)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, dossier_test_set_flag, &timed_out);
  GtkWidget *chooser;

  while ((chooser = find_file_chooser ()) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (chooser == NULL)
    g_error ("No file chooser opened for %s", what);
  g_source_remove (timeout);
  dossier_test_wait_for_draw (chooser);
  return chooser;
}

/* GTK sizes its chooser from the size the last one was left at, by any GTK 4 application:
 * none yet, as on a first use. */
static void
forget_chooser_size (int width,
                     int height)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.gtk.gtk4.Settings.FileChooser");

  g_settings_set (settings, "window-size", "(ii)", width, height);
}

/* The chooser open for @what fits @width × @height with its buttons, then is cancelled. */
static void
check_chooser (const char *what,
               int         width,
               int         height)
{
  GtkWidget *chooser = wait_for_file_chooser (what);
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gtk_widget_get_display (chooser),
                                                            gtk_native_get_surface (GTK_NATIVE (chooser)));
  const int responses[] = { GTK_RESPONSE_ACCEPT, GTK_RESPONSE_CANCEL };
  g_autofree char *shot = NULL;
  GdkRectangle screen;
  int min_width, min_height;

  gdk_monitor_get_geometry (monitor, &screen);
  gtk_widget_measure (chooser, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (chooser, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (chooser), &min_height, NULL, NULL, NULL);
  g_test_message ("%s: “%s” %d×%d (at least %d×%d)", what, gtk_window_get_title (GTK_WINDOW (chooser)),
                  gtk_widget_get_width (chooser), gtk_widget_get_height (chooser), min_width, min_height);
  shot = g_strdup_printf ("chooser-%s-%s.png", what, g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "en");
  dossier_test_screenshot (chooser, shot);

  g_assert_cmpint (min_width, <=, 1024);
  g_assert_cmpint (min_height, <=, 700);
  g_assert_cmpint (gtk_widget_get_width (chooser), <=, MIN (width, screen.width));
  g_assert_cmpint (gtk_widget_get_height (chooser), <=, MIN (height, screen.height));
  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    {
      GtkWidget *button = gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), responses[i]);
      graphene_rect_t bounds;

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_true (gtk_widget_compute_bounds (button, chooser, &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (chooser));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (chooser));
    }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_file_chooser ());
}

static void
click_button (GtkWidget  *widget,
              const char *label,
              const char *tooltip)
{
  GtkWidget *button = find_button (widget, label, tooltip);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* Every file chooser the app opens, from a window of a 1024×700 screen. */
static void
test_file_chooser_fits (void)
{
  g_autofree char *path = dossier_test_tmp_path ("french-layout-choosers.dossier");
  g_autoptr(DossierApplication) app = dossier_application_new ();
  g_autoptr(DossierStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *window;
  GtkWidget *dialog;

  demo = dossier_demo_create (path, &error);
  g_assert_no_error (error);
  g_clear_object (&demo);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = dossier_window_new (GTK_APPLICATION (app));
  g_assert_true (dossier_window_load (window, path, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  dossier_window_show_section (window, "incidents");
  g_assert_true (dossier_record_list_show_code (DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents")), "INC-0003"));
  dossier_test_wait_for_draw (GTK_WIDGET (window));

  forget_chooser_size (-1, -1);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open", NULL);
  check_chooser ("open", 1024, 700);

  forget_chooser_size (-1, -1);
  g_action_group_activate_action (G_ACTION_GROUP (app), "import-bag", NULL);
  check_chooser ("import-bag", 1024, 700);

  /* Add Evidence, with its collection method and the incident to link to. */
  forget_chooser_size (-1, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-evidence", NULL));
  check_chooser ("add-evidence", 1024, 700);

  /* The map's and the timeline's figures, with their widths. */
  forget_chooser_size (-1, -1);
  click_button (GTK_WIDGET (window), NULL, _("Export the map as an image (PNG, SVG or PDF)"));
  check_chooser ("map-figure", 1024, 700);
  forget_chooser_size (-1, -1);
  click_button (GTK_WIDGET (window), NULL, _("Export the timeline as an image (PNG, SVG or PDF)"));
  check_chooser ("timeline-figure", 1024, 700);
  forget_chooser_size (-1, -1);
  click_button (GTK_WIDGET (window), _("Use a _Tile File (MBTiles)…"), NULL);
  check_chooser ("map-tiles", 1024, 700);

  /* An original of evidence, written out. */
  forget_chooser_size (-1, -1);
  dossier_window_show_section (window, "evidence");
  g_assert_true (dossier_record_list_show_code (DOSSIER_RECORD_LIST (dossier_window_get_list (window, "evidence")), "EVD-0001"));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  click_button (dossier_window_get_editor (window, "evidence"), _("E_xport Original…"), NULL);
  check_chooser ("export-original", 1024, 700);

  /* The Export dialog's destination. */
  forget_chooser_size (-1, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dossier_test_wait_for_draw (GTK_WIDGET (window));
  dialog = find_toplevel (DOSSIER_TYPE_EXPORT_WINDOW);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "export.export", NULL));
  check_chooser ("export", 1024, 700);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A new dossier: where to save it, once it has a title. */
  forget_chooser_size (-1, -1);
  dialog = dossier_application_new_dossier (app);
  dossier_test_wait_for_draw (dialog);
  gtk_editable_set_text (GTK_EDITABLE (dossier_test_find_descendant (dialog, ADW_TYPE_ENTRY_ROW)),
                         "Enquête sur les exécutions sommaires de Moura");
  click_button (dialog, _("C_reate…"), NULL);
  check_chooser ("new-dossier", 1024, 700);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Left bigger than the screen by another application: GTK brings it back on it. */
  forget_chooser_size (4000, 3000);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open", NULL);
  check_chooser ("open-after-a-bigger-screen", G_MAXINT, G_MAXINT);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);

  g_test_add_func ("/craft/20-vocab-row-title-whole", test_vocab_row_title_whole);
  g_test_add_func ("/craft/20-file-chooser-fits", test_file_chooser_fits);
  return g_test_run ();
}
