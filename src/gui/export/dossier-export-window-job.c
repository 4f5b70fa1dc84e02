/* dossier-export-window-job.c: the Export dialog's export: figures, progress, what was
 * made, printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export is io's use case, dossier_export_async(), as for the command line: a worker
 * thread on its own connection, whose progress comes back to the bar, and Cancel. The map
 * and timeline figures are drawn when it starts, here, in the thread that owns the widgets.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "dossier-annex.h"
#include "dossier-export.h"
#include "dossier-export-window-private.h"
#include "dossier-map-figure.h"
#include "dossier-redaction.h"

static void
job_free (Job *job)
{
  g_free (job->lang);
  g_clear_pointer (&job->ids, g_array_unref);
  g_free (job->out);
  g_free (job);
}

static void
on_job_progress (const DossierTaskProgress *progress,
                 gpointer                   data)
{
  DossierExportWindow *self = data;

  if (self->job == NULL || self->closed || progress->total == 0)
    return;
  self->job->measured = TRUE;
  gtk_progress_bar_set_fraction (self->progress_bar, (double) progress->done / progress->total);
}

/* The height, in the annex, of a figure as wide as its page's text. */
static double
figure_height (DossierFigure *figure)
{
  int width, height;

  if (figure == NULL)
    return 0;
  dossier_figure_get_size (figure, &width, &height);
  return width > 0 ? DOSSIER_ANNEX_FIGURE_WIDTH * height / width : 0;
}

/* Until an export says how far it has gone (the annex does, the others are quick), the
 * bar pulses. */
static gboolean
on_tick (gpointer data)
{
  DossierExportWindow *self = data;

  if (self->job != NULL && !self->job->measured)
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
show_error_titled (DossierExportWindow *self,
                   const char          *title,
                   const char          *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), title, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (DossierExportWindow *self,
            const char          *message)
{
  show_error_titled (self, _("The export failed"), message);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           PopplerDocument   *document)
{
  g_autoptr(GObject) object = G_OBJECT (poppler_document_get_page (document, page_nr));
  PopplerPage *page = POPPLER_PAGE (object);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &width, &height);
  /* A page on its side is turned to fit the paper. */
  if (width > height && gtk_print_context_get_width (context) < gtk_print_context_get_height (context))
    {
      scale = MIN (gtk_print_context_get_width (context) / height, gtk_print_context_get_height (context) / width);
      cairo_translate (cr, gtk_print_context_get_width (context), 0);
      cairo_rotate (cr, G_PI / 2);
    }
  else
    scale = MIN (gtk_print_context_get_width (context) / width, gtk_print_context_get_height (context) / height);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
}

/* Prints the annex at @pdf through GTK's print dialog (or, for tests, to a file). */
static void
print_annex (DossierExportWindow *self,
             const char          *pdf)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, &error);
  g_autoptr(GObject) object = uri ? G_OBJECT (poppler_document_new_from_file (uri, NULL, &error)) : NULL;
  PopplerDocument *document = object ? POPPLER_DOCUMENT (object) : NULL;
  g_autofree char *title = NULL;

  if (document == NULL)
    {
      show_error (self, error->message);
      return;
    }
  title = dossier_store_get_title (self->store);
  gtk_print_operation_set_job_name (operation, title ? title : "Dossier");
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), document);
  if (self->print_to != NULL)
    gtk_print_operation_set_export_filename (operation, self->print_to);
  if (gtk_print_operation_run (operation, self->print_to ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                         : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error->message);
}

/* The end of an export, said where it can be seen: what was written, where, and the ways
 * to it. The dialog stays, rather than closing on a success that nobody saw. */
static void
show_done (DossierExportWindow *self,
           guint                format)
{
  g_autofree char *name = g_filename_display_basename (self->exported);
  g_autofree char *dir = g_path_get_dirname (self->exported);
  g_autofree char *folder = g_filename_display_name (dir);
  g_autofree char *description = NULL;
  gboolean is_folder = g_file_test (self->exported, G_FILE_TEST_IS_DIR);

  if (is_folder)
    /* Translators: the first %s is a new folder's name, the second where it is */
    description = g_strdup_printf (_("The new folder “%s” is in %s."), name, folder);
  else
    /* Translators: the first %s is a file name, the second the folder it is in */
    description = g_strdup_printf (_("The file “%s” is in %s."), name, folder);
  adw_status_page_set_title (self->done_page, format == FORMAT_PDF ? _("Annex Exported") : _("Export Complete"));
  adw_status_page_set_description (self->done_page, description);
  gtk_widget_set_visible (self->print_button, FALSE);
  gtk_widget_set_visible (self->export_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_grab_focus (self->open_button);
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(DossierExportWindow) self = data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && !self->closed)
    show_error_titled (self, g_file_test (self->exported, G_FILE_TEST_IS_DIR) ? _("The Folder Could Not Be Opened")
                                                                               : _("The File Could Not Be Opened"),
                       error->message);
}

static void
on_folder_launched (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(DossierExportWindow) self = data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && !self->closed)
    show_error_titled (self, _("The Folder Could Not Be Opened"), error->message);
}

/* Opens @uri with the application the desktop chooses for it. */
static void
launch (DossierExportWindow *self,
        const char          *uri,
        GAsyncReadyCallback  done)
{
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));

  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, done, g_object_ref (self));
}

void
_dossier_export_window_open_action (GtkWidget  *widget,
                                    const char *action,
                                    GVariant   *parameter)
{
  DossierExportWindow *self = DOSSIER_EXPORT_WINDOW (widget);
  g_autofree char *uri = NULL;

  if (self->exported == NULL)
    return;
  uri = g_filename_to_uri (self->exported, NULL, NULL);
  if (uri != NULL)
    launch (self, uri, on_launched);
}

/* The folder the export went to, opened as any folder is. */
static void
open_folder (DossierExportWindow *self)
{
  g_autofree char *dir = g_path_get_dirname (self->exported);
  g_autofree char *uri = g_filename_to_uri (dir, NULL, NULL);

  if (uri != NULL)
    launch (self, uri, on_folder_launched);
}

static void
on_shown_in_folder (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(DossierExportWindow) self = data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, NULL);

  /* No file manager answers on the bus. */
  if (reply == NULL && self->exported != NULL && !self->closed)
    open_folder (self);
}

/* The file manager's own way of showing a file among its neighbours, selected
 * (org.freedesktop.FileManager1, which Files, Dolphin, Nemo and Caja answer). */
void
_dossier_export_window_show_in_folder_action (GtkWidget  *widget,
                                              const char *action,
                                              GVariant   *parameter)
{
  DossierExportWindow *self = DOSSIER_EXPORT_WINDOW (widget);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *uri = NULL;
  const char *items[2] = { NULL, NULL };

  if (self->exported == NULL || (uri = g_filename_to_uri (self->exported, NULL, NULL)) == NULL)
    return;
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    {
      open_folder (self);
      return;
    }
  items[0] = uri;
  g_dbus_connection_call (bus, "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1", "org.freedesktop.FileManager1",
                          "ShowItems", g_variant_new ("(^ass)", items, ""), NULL, G_DBUS_CALL_FLAGS_NONE, 5000, NULL,
                          on_shown_in_folder, g_object_ref (self));
}

/* Back to the choices, for another export from the same dialog. */
void
_dossier_export_window_again_action (GtkWidget  *widget,
                                     const char *action,
                                     GVariant   *parameter)
{
  DossierExportWindow *self = DOSSIER_EXPORT_WINDOW (widget);

  gtk_widget_set_visible (self->print_button, TRUE);
  gtk_widget_set_visible (self->export_button, gtk_widget_get_visible (GTK_WIDGET (self->format_row)));
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  /* The export held the window until now. */
  g_autoptr(DossierExportWindow) self = data;
  g_autoptr(GError) error = NULL;
  gboolean ok = dossier_export_finish (result, &error);
  Job *job = g_steal_pointer (&self->job);
  g_autofree char *out = g_strdup (job->out);
  gboolean print = job->print;
  guint format = job->format;

  job_free (job);
  g_clear_handle_id (&self->tick, g_source_remove);
  g_clear_object (&self->cancellable);
  if (g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());
  if (self->closed)
    {
      /* The widgets are gone; only what the job left matters. */
      if (ok && print)
        g_unlink (out);
      _dossier_export_window_finished (self, ok && !print ? out : NULL);
      return;
    }
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  _dossier_export_window_update_preview (self);
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      _dossier_export_window_finished (self, NULL);
      return;
    }
  if (print)
    {
      print_annex (self, out);
      g_unlink (out);
      _dossier_export_window_finished (self, NULL);
      return;
    }
  g_free (self->exported);
  self->exported = g_strdup (out);
  show_done (self, format);
  _dossier_export_window_finished (self, out);
}

/* Figures are drawn this many pixels wide, for the width of an annex's page: their words,
 * drawn at the size of the interface's, come out near the size of the annex's body text
 * (the timeline's 8-point labels at 8.9 points, the map's at about 9), whatever the size of
 * the window's panes. A figure drawn at the size of a narrow pane was scaled up with giant
 * words, and a wide, low map became a strip on an empty page. */
#define FIGURE_PIXELS 600

/* The window's map view, drawn at the width of an annex's figure: the same middle, the
 * same area or a little more, in proportions a page holds well (from 5:4 to square). */
static DossierMapView
map_view_for_annex (const DossierMapView *view)
{
  DossierMapView v = *view;
  double aspect;

  if (view->width <= 0 || view->height <= 0)
    return v;   /* none: the figure is fitted to its incidents */
  aspect = CLAMP ((double) view->height / view->width, 0.8, 1.0);
  v.width = FIGURE_PIXELS;
  v.height = (int) round (FIGURE_PIXELS * aspect);
  v.zoom = view->zoom + log2 (MIN ((double) v.width / view->width, (double) v.height / view->height));
  return v;
}

/* The period the window's timeline shows, at the width of an annex's figure; as high as a
 * figure the annex frames itself, or with lanes as high as the pane, within reason. The
 * height of a pane without lanes is only empty space under the marks. */
static DossierTimelineFrame
timeline_frame_for_annex (const DossierTimelineFrame *frame)
{
  DossierTimelineFrame f = *frame;

  if (frame->width <= 0 || frame->height <= 0)
    return f;
  f.width = FIGURE_PIXELS;
  f.height = frame->lanes == DOSSIER_LANES_NONE ? 260 : CLAMP (frame->height, 260, 480);
  return f;
}

/* The figures of the annex @job makes, drawn now for its profile, scope and language. */
static gboolean
make_figures (DossierExportWindow  *self,
              Job                  *job,
              GError              **error)
{
  g_autoptr(DossierRedaction) redaction = NULL;
  g_autoptr(GArray) shown = NULL;

  g_clear_pointer (&self->map, dossier_figure_free);
  g_clear_pointer (&self->timeline, dossier_figure_free);
  if (!(job->sections & (DOSSIER_ANNEX_MAP | DOSSIER_ANNEX_TIMELINE)))
    return TRUE;
  redaction = dossier_redaction_new (job->profile);
  shown = dossier_redaction_incident_ids (redaction, self->store, job->ids, error);
  if (shown == NULL)
    return FALSE;
  if (job->sections & DOSSIER_ANNEX_MAP)
    {
      DossierMapView view = map_view_for_annex (&self->map_view);
      int height;
      g_autoptr(GskRenderNode) node = dossier_map_figure_render (self->store, shown, &view, job->lang, &self->map_drawn,
                                                                 &height, error);

      if (node == NULL)
        return FALSE;
      self->map = dossier_figure_new (node, self->map_drawn.width, height);
    }
  if (job->sections & DOSSIER_ANNEX_TIMELINE)
    {
      DossierTimelineFrame frame = timeline_frame_for_annex (&self->timeline_frame);
      DossierTimelineFrame drawn;
      g_autoptr(GskRenderNode) node = dossier_timeline_view_render_figure (self->store, shown, &frame, job->lang,
                                                                           &drawn, error);

      if (node == NULL)
        return FALSE;
      self->timeline = dossier_figure_new (node, drawn.width, drawn.height);
    }
  return TRUE;
}

/**
 * dossier_export_window_start:
 * @self: a #DossierExportWindow
 * @path: where to write, or for printing where to put the annex meanwhile
 * @print: print the annex once made, instead of keeping it
 *
 * Starts the export the dialog describes. The #DossierExportWindow::finished signal tells
 * when it ends.
 */
void
dossier_export_window_start (DossierExportWindow *self,
                             const char          *path,
                             gboolean             print)
{
  g_autoptr(GError) error = NULL;
  DossierExportOptions options = { 0 };
  DossierAnnexOptions annex = { 0 };
  Job *job;

  g_return_if_fail (DOSSIER_IS_EXPORT_WINDOW (self));
  g_return_if_fail (self->job == NULL);

  job = g_new0 (Job, 1);
  job->format = print ? FORMAT_PDF : _dossier_export_window_format_of (self);
  job->table = adw_combo_row_get_selected (self->table_row);
  job->profile = _dossier_export_window_profile_of (self);
  job->lang = g_strdup (adw_combo_row_get_selected (self->lang_row) == 0 ? "fr" : "en");
  job->sections = _dossier_export_window_sections_of (self);
  job->ids = _dossier_export_window_scope_of (self) ? g_array_ref (_dossier_export_window_scope_of (self)) : NULL;
  if (job->format == FORMAT_PDF && !make_figures (self, job, &error))
    {
      show_error (self, error->message);
      job_free (job);
      _dossier_export_window_finished (self, NULL);
      return;
    }
  job->map = self->map;
  job->timeline = self->timeline;
  job->out = g_strdup (path);
  job->print = print;
  self->job = job;
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->progress_label, print ? _("Preparing the pages…") : _("Exporting…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  self->tick = g_timeout_add (100, on_tick, self);
  _dossier_export_window_update_preview (self);

  options.profile = job->profile;
  options.user = dossier_store_get_user (self->store);
  /* The window's dossier is open and was checked when it was opened. */
  options.open_elsewhere = TRUE;
  switch (job->format)
    {
    case FORMAT_PDF:
      options.kind = DOSSIER_EXPORT_ANNEX;
      annex = (DossierAnnexOptions) {
        .lang = job->lang,
        .sections = job->sections,
        .incident_ids = job->ids,
        .map_figure = job->map ? dossier_figure_draw : NULL,
        .map_data = job->map,
        .map_height = figure_height (job->map),
        .timeline_figure = job->timeline ? dossier_figure_draw : NULL,
        .timeline_data = job->timeline,
        .timeline_height = figure_height (job->timeline),
      };
      options.annex = &annex;
      break;
    case FORMAT_CSV:
      options.kind = job->table >= DOSSIER_N_TABLES ? DOSSIER_EXPORT_TABLES : DOSSIER_EXPORT_TABLE;
      options.table = job->table;
      break;
    case FORMAT_GEOJSON:
    case FORMAT_KML:
      options.kind = DOSSIER_EXPORT_INCIDENTS;
      options.format = job->format == FORMAT_KML ? DOSSIER_EXPORT_KML : DOSSIER_EXPORT_GEOJSON;
      break;
    case FORMAT_JSON:
      options.kind = DOSSIER_EXPORT_INTERCHANGE;
      break;
    case FORMAT_BAGIT:
    default:
      options.kind = DOSSIER_EXPORT_BAG;
      break;
    }

  /* The application stays until the job has ended, even if its last window closes. */
  if (g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());
  /* The figures the annex draws are the window's: it stays alive until the end. */
  dossier_export_async (dossier_store_get_path (self->store), &options, job->out, on_job_progress, self, NULL,
                        self->cancellable, on_job_done, g_object_ref (self));
}
