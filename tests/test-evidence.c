/* test-evidence.c: adding evidence by dropping files on the window, and its custody log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gexiv2/gexiv2.h>
#include <glib/gstdio.h>

#include "dossier-demo.h"
#include "dossier-evidence-editor.h"
#include "dossier-incident.h"
#include "dossier-map-pane.h"
#include "dossier-record-list.h"
#include "dossier-test-display.h"
#include "dossier-test-util.h"
#include "dossier-window.h"

static GtkDropTarget *
file_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          gsize n;
          const GType *types = gtk_drop_target_get_gtypes (GTK_DROP_TARGET (controller), &n);

          for (gsize k = 0; k < n; k++)
            if (types[k] == GDK_TYPE_FILE_LIST)
              return GTK_DROP_TARGET (controller);
        }
    }
  return NULL;
}

static guint
count_rows (GtkWidget *widget,
            GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, type);
  return n;
}

static void
test_drop (void)
{
  g_autofree char *folder = dossier_test_tmp_path ("dropped folder");
  g_autofree char *inside = g_build_filename (folder, "photo-001.jpg", NULL);
  g_autofree char *alone = dossier_test_tmp_path ("note d’entretien.txt");
  g_autofree char *again = dossier_test_tmp_path ("the same note.txt");
  g_autofree char *lang = g_strdup (g_getenv ("LANGUAGE") ? "fr" : "en");
  g_autofree char *shot = g_strdup_printf ("evidence-%s.png", lang);
  g_autoptr(GError) error = NULL;
  GSList *files = NULL;
  GValue value = G_VALUE_INIT;
  DossierWindow *window;
  DossierStore *store;
  GtkDropTarget *target;
  gint64 before;
  gboolean accepted = FALSE;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  dossier_test_write_file (inside, "\xff\xd8\xff\xe0 not really a photo", 24);
  {
    /* A real image too, for its preview. */
    g_autofree char *png = g_build_filename (folder, "plan du village.png", NULL);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 48);
    cairo_t *cr = cairo_create (surface);

    cairo_set_source_rgb (cr, 0.8, 0.3, 0.2);
    cairo_paint (cr);
    cairo_destroy (cr);
    g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
    /* Taken near Mopti, its EXIF says. */
    {
      g_autoptr(GExiv2Metadata) exif = gexiv2_metadata_new ();

      g_assert_true (gexiv2_initialize ());
      g_assert_true (gexiv2_metadata_open_path (exif, png, NULL));
      g_assert_true (gexiv2_metadata_try_set_gps_info (exif, -4.1968, 14.4914, 270, NULL));
      g_assert_true (gexiv2_metadata_save_file (exif, png, NULL));
    }
  }
  dossier_test_write_file (alone, "Entretien du 3 mars, notes.\n", -1);
  dossier_test_write_file (again, "Entretien du 3 mars, notes.\n", -1);

  window = dossier_test_open_demo ("evidence.dossier", "evidence");
  store = dossier_window_get_store (window);
  before = dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL);

  /* A folder and two files with the same bytes, dropped as a file manager drops them. */
  target = file_drop_target (GTK_WIDGET (window));
  g_assert_nonnull (target);
  files = g_slist_append (files, g_file_new_for_path (folder));
  files = g_slist_append (files, g_file_new_for_path (alone));
  files = g_slist_append (files, g_file_new_for_path (again));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_true (dossier_window_is_ingesting (window));
  {
    gboolean timed_out = FALSE;
    guint timeout = g_timeout_add_seconds (20, dossier_test_set_flag, &timed_out);

    while (dossier_window_is_ingesting (window) && !timed_out)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (timed_out);
    g_source_remove (timeout);
  }
  dossier_test_wait_for_draw (GTK_WIDGET (window));

  /* Three new items (the second note was the first's bytes), with who and how; the image's
   * size read from it. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL), ==, before + 3);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT width FROM evidence WHERE original_name = 'plan du village.png'", NULL), ==, 64);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence WHERE original_name = 'photo-001.jpg'", NULL), ==, 1);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event c JOIN evidence e ON e.id = c.evidence_id "
                                                  "WHERE e.original_name = 'note d’entretien.txt' AND c.action = 'ingested'", NULL), ==, 1);
  {
    DossierRecordList *list = DOSSIER_RECORD_LIST (dossier_window_get_list (window, "evidence"));
    g_autofree char *code = NULL;
    GtkWidget *editor_root;
    GtkWidget *verify;
    guint rows_before, rows_after;
    gint64 id = dossier_test_query_int (store, "SELECT id FROM evidence WHERE original_name = 'note d’entretien.txt'", NULL);
    g_autofree char *sql = g_strdup_printf ("SELECT code FROM evidence WHERE id = %" G_GINT64_FORMAT, id);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (dossier_record_list_get_model (list))), ==, before + 3);
    code = dossier_test_query_text (store, sql);
    g_assert_true (dossier_record_list_show_code (list, code));
    dossier_test_wait_for_draw (GTK_WIDGET (window));

    /* The editor shows the custody log; Verify adds to it. */
    editor_root = GTK_WIDGET (window);
    rows_before = count_rows (editor_root, ADW_TYPE_ACTION_ROW);
    verify = dossier_test_find_button (editor_root, g_getenv ("LANGUAGE") ? "_Vérifier" : "_Verify");
    g_assert_nonnull (verify);
    g_signal_emit_by_name (verify, "clicked");
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    rows_after = count_rows (editor_root, ADW_TYPE_ACTION_ROW);
    g_assert_cmpuint (rows_after, ==, rows_before + 1);
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'verified'", NULL), ==, 1);
    /* A text has no picture; the image has one. */
    editor_root = dossier_test_find_descendant (GTK_WIDGET (window), DOSSIER_TYPE_EVIDENCE_EDITOR);
    g_assert_nonnull (editor_root);
    g_assert_false (gtk_widget_get_visible (dossier_test_find_descendant (editor_root, GTK_TYPE_PICTURE)));
    {
      g_autofree char *image = dossier_test_query_text (store, "SELECT code FROM evidence WHERE original_name = 'plan du village.png'");
      GtkWidget *picture;

      g_assert_true (dossier_record_list_show_code (list, image));
      dossier_test_wait_for_draw (GTK_WIDGET (window));
      picture = dossier_test_find_descendant (editor_root, GTK_TYPE_PICTURE);
      g_assert_true (gtk_widget_get_visible (picture));
      g_assert_nonnull (gtk_picture_get_paintable (GTK_PICTURE (picture)));
      g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (GTK_PICTURE (picture))), ==, 64);
      /* Its content shown is a view, logged once: back to it, no second entry. */
      g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'viewed'", NULL), ==, 1);
      g_assert_true (dossier_record_list_show_code (list, code));
      dossier_test_wait_for_draw (GTK_WIDGET (window));
      g_assert_true (dossier_record_list_show_code (list, image));
      dossier_test_wait_for_draw (GTK_WIDGET (window));
      g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'viewed'", NULL), ==, 1);
      picture = dossier_test_find_descendant (editor_root, GTK_TYPE_PICTURE);
      /* Scrolled to it, for the screenshot. */
      {
        GtkWidget *scrolled = gtk_widget_get_ancestor (picture, GTK_TYPE_SCROLLED_WINDOW);
        double x, y;

        if (scrolled != NULL &&
            gtk_widget_translate_coordinates (picture, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)), 0, 0, &x, &y))
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), y - 60);
      }
    }
    dossier_test_screenshot (GTK_WIDGET (window), shot);
  }

  /* The photo with a position is on the map, as a square of its own; clicking it opens it. */
  {
    DossierMapPane *pane = DOSSIER_MAP_PANE (dossier_window_get_map (window));
    DossierEvidenceLayer *layer = dossier_map_pane_get_evidence_layer (pane);
    gint64 photo = dossier_test_query_int (store, "SELECT id FROM evidence WHERE original_name = 'plan du village.png'", NULL);
    double x, y;

    g_assert_cmpuint (dossier_evidence_layer_get_n (layer), ==, 1);
    g_assert_true (dossier_evidence_layer_locate (layer, photo, &x, &y));
    g_assert_cmpint (dossier_evidence_layer_pick (layer, x + 2, y - 2), ==, photo);
    g_assert_cmpint (dossier_evidence_layer_pick (layer, x + 40, y + 40), ==, 0);
    dossier_window_show_section (window, "incidents");
    g_signal_emit_by_name (pane, "evidence-activated", photo);
    dossier_test_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpstr (dossier_window_get_section (window), ==, "evidence");
  }

  /* A file dropped on an incident's row: added, and linked to that incident. */
  {
    DossierRecordList *incidents = DOSSIER_RECORD_LIST (dossier_window_get_list (window, "incidents"));
    g_autofree char *report = dossier_test_tmp_path ("rapport de terrain.txt");
    g_autoptr(DossierRecord) incident = NULL;
    GSList *dropped = NULL;
    gboolean handled = FALSE;
    gint64 inc = dossier_test_query_int (store, "SELECT id FROM incident WHERE code = ?", "INC-0002");

    dossier_test_write_file (report, "Rapport de terrain, Hombori.\n", -1);
    incident = dossier_store_load (store, DOSSIER_TYPE_INCIDENT, inc, &error);
    g_assert_no_error (error);
    dropped = g_slist_append (dropped, g_file_new_for_path (report));
    g_signal_emit_by_name (incidents, "files-dropped", incident, dropped, &handled);
    g_slist_free_full (dropped, g_object_unref);
    g_assert_true (handled);
    while (dossier_window_is_ingesting (window))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence_incident l JOIN evidence e ON e.id = l.evidence_id "
                                                    "WHERE e.original_name = 'rapport de terrain.txt'", NULL), ==, 1);
  }

  /* Unreadable input: reported, the rest added, nothing half-written. */
  {
    g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_object_unref);
    gint64 count = dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL);
    g_autofree char *empty = dossier_test_tmp_path ("vide.bin");

    dossier_test_write_file (empty, "", 0);
    g_ptr_array_add (more, g_file_new_for_path ("/nonexistent/témoignage.wav"));
    g_ptr_array_add (more, g_file_new_for_path (empty));
    g_assert_true (dossier_window_ingest_collected (window, more, 0, "open-source"));
    while (dossier_window_is_ingesting (window))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL), ==, count + 1);
    /* How it was collected, recorded with it. */
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence WHERE original_name = 'vide.bin' "
                                                    "AND collection_method = 'open-source'", NULL), ==, 1);
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence_chunk c LEFT JOIN evidence e "
                                                    "ON e.id = c.evidence_id WHERE e.id IS NULL", NULL), ==, 0);
  }
  /* Verifying the whole dossier: every item, with a report; each verification logged. */
  {
    gint64 items = dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL);
    gint64 logged = dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'verified'", NULL);
    GListModel *toplevels;
    gboolean found = FALSE;

    g_assert_true (dossier_window_verify_evidence (window));
    g_assert_true (dossier_window_is_verifying (window));
    while (dossier_window_is_verifying (window))
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'verified'", NULL), ==,
                     logged + items);
    toplevels = gtk_window_get_toplevels ();
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) report = g_list_model_get_item (toplevels, i);

        if (report != GTK_WINDOW (window) && gtk_window_get_transient_for (report) == GTK_WINDOW (window))
          {
            g_autofree char *report_shot = g_strdup_printf ("verify-%s.png", g_getenv ("LANGUAGE") ? "fr" : "en");

            found = TRUE;
            dossier_test_screenshot (GTK_WIDGET (report), report_shot);
            gtk_window_destroy (report);
            break;
          }
      }
    g_assert_true (found);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  dossier_test_display_init (&argc, &argv);
  g_test_add_func ("/evidence/drop", test_drop);
  return g_test_run ();
}
