/* dossier-export-window.c: the Export dialog: format, profile, language, sections, and a
 * preview of what will leave the dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export runs in a worker thread on its own connection, with progress and Cancel. The
 * map and timeline figures are drawn when it starts, in the thread that owns the widgets,
 * for the profile then chosen: from the incidents that profile lets out, where the window's
 * map and timeline are looking, and never from what the screen shows (evidence on the map,
 * a selection, a hint). Printing makes the same PDF annex and prints its pages through
 * GTK's print dialog, so that paper and file are the same document.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "dossier-accessible.h"
#include "dossier-annex.h"
#include "dossier-bagit.h"
#include "dossier-catalog.h"
#include "dossier-export-incidents.h"
#include "dossier-export-tables.h"
#include "dossier-export-window.h"
#include "dossier-json-io.h"
#include "dossier-map-figure.h"
#include "dossier-redaction.h"
#include "dossier-info.h"

enum {
  FORMAT_PDF,
  FORMAT_CSV,
  FORMAT_GEOJSON,
  FORMAT_KML,
  FORMAT_JSON,
  FORMAT_BAGIT,
};

typedef struct {
  char                 *dossier_path;
  char                 *user;
  guint                 format;
  guint                 table;      /* CSV: a DossierTable, or DOSSIER_N_TABLES for all */
  DossierProfile        profile;
  char                 *lang;
  DossierAnnexSections  sections;
  GArray               *ids;
  DossierFigure        *map;        /* the dialog's, alive while the job runs */
  DossierFigure        *timeline;
  char                 *out;
  gboolean              print;
  gint                  permille;   /* progress, from the worker */
} Job;

struct _DossierExportWindow
{
  AdwWindow           parent_instance;

  AdwComboRow        *format_row;
  AdwComboRow        *profile_row;
  AdwComboRow        *table_row;
  AdwComboRow        *lang_row;
  GtkWidget          *annex_group;
  GtkWidget          *sections_group;
  GtkWidget          *scope_row;
  GtkSwitch          *scope_switch;
  GtkLabel           *preview_label;
  GtkRevealer        *progress_revealer;
  GtkProgressBar     *progress_bar;
  GtkLabel           *progress_label;
  GtkStack           *stack;
  AdwStatusPage      *done_page;
  GtkWidget          *print_button;
  GtkWidget          *open_button;
  GtkWidget          *export_button;
  GtkWidget          *section_rows[DOSSIER_ANNEX_N_SECTIONS];
  GtkCheckButton     *section_checks[DOSSIER_ANNEX_N_SECTIONS];

  DossierStore       *store;
  GArray             *filter_ids;
  DossierMapView      map_view;        /* where the window's map looks; no size if hidden */
  DossierTimelineFrame timeline_frame;
  DossierFigure      *map;             /* drawn for the last export */
  DossierMapView      map_drawn;       /* its view */
  DossierFigure      *timeline;
  GCancellable       *cancellable;
  Job                *job;
  guint               tick;
  char               *exported;
  char               *print_to;     /* tests: print to this file without a dialog */
  gboolean            closed;       /* closed while an export ran: its end only cleans up */
};

G_DEFINE_FINAL_TYPE (DossierExportWindow, dossier_export_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
job_free (Job *job)
{
  g_free (job->dossier_path);
  g_free (job->user);
  g_free (job->lang);
  g_clear_pointer (&job->ids, g_array_unref);
  g_free (job->out);
  g_free (job);
}

static guint
format_of (DossierExportWindow *self)
{
  return adw_combo_row_get_selected (self->format_row);
}

static DossierProfile
profile_of (DossierExportWindow *self)
{
  guint format = format_of (self);

  /* The bag holds everything, identities included: it is the archive. */
  if (format == FORMAT_BAGIT)
    return DOSSIER_PROFILE_INTERNAL;
  return (DossierProfile) adw_combo_row_get_selected (self->profile_row);
}

static DossierAnnexSections
sections_of (DossierExportWindow *self)
{
  DossierAnnexSections sections = 0;

  for (guint i = 0; i < DOSSIER_ANNEX_N_SECTIONS; i++)
    if (gtk_widget_get_sensitive (self->section_rows[i]) && gtk_check_button_get_active (self->section_checks[i]))
      sections |= 1u << i;
  return sections;
}

static GArray *
scope_of (DossierExportWindow *self)
{
  return gtk_switch_get_active (self->scope_switch) ? self->filter_ids : NULL;
}

/* The preview: what the chosen export will hold, by the profile's rules, counted. */
static void
update_preview (DossierExportWindow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  DossierExportSummary s;
  guint format = format_of (self);
  DossierProfile profile = profile_of (self);
  gboolean pdf = format == FORMAT_PDF;
  DossierAnnexSections sections = 0;

  gtk_widget_set_visible (self->annex_group, pdf);
  gtk_widget_set_visible (GTK_WIDGET (self->table_row), format == FORMAT_CSV);
  gtk_widget_set_visible (self->sections_group, pdf);
  gtk_widget_set_sensitive (GTK_WIDGET (self->profile_row), format != FORMAT_BAGIT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.print", pdf && self->job == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", self->job == NULL && (!pdf || sections_of (self) != 0));
  /* What the profile means, first. */
  if (format != FORMAT_BAGIT)
    {
      switch (profile)
        {
        case DOSSIER_PROFILE_PUBLIC:
          g_string_append (text, _("For publication: no identities, nothing about protected persons beyond their code, no confidential items"));
          break;
        case DOSSIER_PROFILE_ANNEX:
          g_string_append (text, _("For a report’s annexes: persons by code only, confidential texts withheld"));
          break;
        case DOSSIER_PROFILE_INTERNAL:
        default:
          g_string_append (text, _("Everything, each page marked internal"));
          break;
        }
      g_string_append (text, ".\n\n");
    }
  if ((format == FORMAT_JSON && profile == DOSSIER_PROFILE_INTERNAL) || format == FORMAT_BAGIT)
    {
      g_string_append (text, format == FORMAT_JSON
                       ? _("The whole dossier in the interchange format, identities of persons included: for the commission’s own archives and for moving a dossier between computers, never for outsiders.")
                       : _("The whole dossier in the interchange format, identities of persons included, with the exact bytes of every evidence item and their SHA-256, as a BagIt package any archive can check. Each item’s export is recorded in its custody log."));
      gtk_label_set_text (self->preview_label, text->str);
      return;
    }
  if (!dossier_export_summarise (self->store, profile, pdf ? scope_of (self) : NULL, &s, &error))
    {
      gtk_label_set_text (self->preview_label, error->message);
      return;
    }
  /* What each part of the export holds: the annex's sections, or the chosen tables. */
  if (pdf)
    sections = sections_of (self);
  else if (format == FORMAT_CSV)
    {
      static const DossierAnnexSections of_table[DOSSIER_N_TABLES] = {
        [DOSSIER_TABLE_INCIDENTS] = DOSSIER_ANNEX_INCIDENTS, [DOSSIER_TABLE_PEOPLE] = DOSSIER_ANNEX_PEOPLE,
        [DOSSIER_TABLE_TESTIMONIES] = DOSSIER_ANNEX_TESTIMONIES, [DOSSIER_TABLE_ACTORS] = DOSSIER_ANNEX_ACTORS,
        [DOSSIER_TABLE_EVIDENCE] = DOSSIER_ANNEX_EVIDENCE,
      };
      guint table = adw_combo_row_get_selected (self->table_row);

      sections = table < DOSSIER_N_TABLES ? of_table[table] : DOSSIER_ANNEX_TABLES;
    }
  else if (format == FORMAT_JSON)
    {
      /* The interchange by a profile: every kind of record, as the annex would show it. */
      sections = DOSSIER_ANNEX_TABLES;
      g_string_append_printf (text, "%s\n", _("The interchange format without identities, logs, transcripts, summaries of testimonies or staff notes; it can be imported into a new dossier."));
    }
  else
    sections = DOSSIER_ANNEX_INCIDENTS;

  if (sections & (DOSSIER_ANNEX_INCIDENTS | DOSSIER_ANNEX_SHEETS))
    {
      /* Translators: %lld is a number of incidents */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%lld incident", "%lld incidents", s.incidents - s.incidents_left_out),
                              (long long) (s.incidents - s.incidents_left_out));
      if (s.incidents_left_out > 0)
        /* Translators: %lld is a number of incidents */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; %lld confidential incident left out",
                                                   "; %lld confidential incidents left out", s.incidents_left_out),
                                (long long) s.incidents_left_out);
      /* Why, and what to do about it: new incidents are Restricted, and an investigator who
       * finds their titles missing from a public annex looks here. */
      if (s.incidents_texts_withheld > 0 && profile == DOSSIER_PROFILE_PUBLIC)
        /* Translators: %lld is a number of incidents; Restricted, Confidentiality and Public
         * as in the incident's editor */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; titles, summaries, exact places and sources withheld for %lld incident marked Restricted; set its Confidentiality to Public to include them",
                                                   "; titles, summaries, exact places and sources withheld for %lld incidents marked Restricted; set an incident’s Confidentiality to Public to include them",
                                                   s.incidents_texts_withheld),
                                (long long) s.incidents_texts_withheld);
      else if (s.incidents_texts_withheld > 0)
        /* Translators: %lld is a number of incidents; Confidential, Confidentiality and
         * Restricted as in the incident's editor */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; titles, summaries, exact places and sources withheld for %lld incident marked Confidential; set its Confidentiality to Restricted to include them",
                                                   "; titles, summaries, exact places and sources withheld for %lld incidents marked Confidential; set an incident’s Confidentiality to Restricted to include them",
                                                   s.incidents_texts_withheld),
                                (long long) s.incidents_texts_withheld);
      g_string_append (text, ".\n");
      if (format == FORMAT_GEOJSON || format == FORMAT_KML)
        g_string_append_printf (text, "%s\n", _("Only incidents with coordinates are placed on the map."));
    }
  if (sections & DOSSIER_ANNEX_PEOPLE)
    {
      /* Translators: %lld is a number of persons */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%lld person, by code", "%lld persons, by code", s.people), (long long) s.people);
      if (s.people_code_only > 0)
        /* Translators: %lld is a number of persons */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; nothing but the code for %lld protected or confidential person",
                                                   "; nothing but the code for %lld protected or confidential persons",
                                                   s.people_code_only), (long long) s.people_code_only);
      g_string_append (text, ".\n");
    }
  if (sections & DOSSIER_ANNEX_TESTIMONIES)
    {
      /* Translators: %lld is a number of testimonies */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%lld testimony, by code, date, office and status; no transcript.",
                                                 "%lld testimonies, by code, date, office and status; no transcript.", s.testimonies),
                              (long long) s.testimonies);
      g_string_append_c (text, '\n');
    }
  if (sections & DOSSIER_ANNEX_ACTORS)
    g_string_append_printf (text, "%s\n", _("The actors, by name."));
  if (sections & DOSSIER_ANNEX_EVIDENCE)
    {
      /* Translators: %lld is a number of evidence items */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%lld evidence item with its SHA-256", "%lld evidence items with their SHA-256",
                                                 s.evidence - s.evidence_left_out), (long long) (s.evidence - s.evidence_left_out));
      if (s.evidence_left_out > 0)
        /* Translators: %lld is a number of evidence items */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; %lld confidential item left out", "; %lld confidential items left out",
                                                   s.evidence_left_out), (long long) s.evidence_left_out);
      if (s.evidence_titles_withheld > 0)
        /* Translators: %lld is a number of evidence items */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; the title withheld for %lld confidential item",
                                                   "; the title withheld for %lld confidential items", s.evidence_titles_withheld),
                                (long long) s.evidence_titles_withheld);
      g_string_append (text, ".\n");
    }
  g_string_append (text, _("No identity of any person leaves the dossier in this format."));
  gtk_label_set_text (self->preview_label, text->str);
}

static void
on_choice_changed (DossierExportWindow *self)
{
  update_preview (self);
}

/* ---- The job ---- */

static void
on_job_progress (guint64  done,
                 guint64  total,
                 gpointer data)
{
  Job *job = data;

  g_atomic_int_set (&job->permille, total > 0 ? (int) (1000 * done / total) : 0);
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

static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  gboolean ok = FALSE;

  /* The bag logs each item's export in its custody chain: it needs to write. */
  store = dossier_store_open (job->dossier_path, DOSSIER_STORE_OPEN_NO_CHECK |
                              (job->format == FORMAT_BAGIT ? 0 : DOSSIER_STORE_OPEN_READ_ONLY), &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  dossier_store_set_user (store, job->user);
  switch (job->format)
    {
    case FORMAT_PDF:
      {
        DossierAnnexOptions options = {
          .profile = job->profile,
          .lang = job->lang,
          .sections = job->sections,
          .incident_ids = job->ids,
          .map_figure = job->map ? dossier_figure_draw : NULL,
          .map_data = job->map,
          .map_height = figure_height (job->map),
          .timeline_figure = job->timeline ? dossier_figure_draw : NULL,
          .timeline_data = job->timeline,
          .timeline_height = figure_height (job->timeline),
          .progress = on_job_progress,
          .progress_data = job,
          .cancellable = cancellable,
        };

        ok = dossier_annex_write_pdf (store, &options, job->out, &error);
      }
      break;
    case FORMAT_CSV:
      ok = job->table >= DOSSIER_N_TABLES ? dossier_export_tables_csv (store, job->profile, job->out, &error)
                                          : dossier_export_table_csv (store, job->table, job->profile, job->out, &error);
      break;
    case FORMAT_GEOJSON:
    case FORMAT_KML:
      ok = dossier_export_incidents (store, job->format == FORMAT_CSV ? DOSSIER_EXPORT_CSV
                                            : job->format == FORMAT_KML ? DOSSIER_EXPORT_KML : DOSSIER_EXPORT_GEOJSON,
                                     job->profile, job->out, &error);
      break;
    case FORMAT_JSON:
      ok = dossier_json_export_file_profile (store, job->profile, job->out, &error);
      break;
    case FORMAT_BAGIT:
      ok = dossier_bagit_export (store, job->out, cancellable, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
on_tick (gpointer data)
{
  DossierExportWindow *self = data;

  if (self->job != NULL)
    {
      int permille = g_atomic_int_get (&self->job->permille);

      if (permille > 0)
        gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
      else
        gtk_progress_bar_pulse (self->progress_bar);
    }
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

static void
open_action (GtkWidget  *widget,
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
static void
show_in_folder_action (GtkWidget  *widget,
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
static void
again_action (GtkWidget  *widget,
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
  DossierExportWindow *self = DOSSIER_EXPORT_WINDOW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);
  g_autofree char *out = g_strdup (job->out);
  gboolean print = job->print;

  g_clear_handle_id (&self->tick, g_source_remove);
  self->job = NULL;
  g_clear_object (&self->cancellable);
  if (g_application_get_default () != NULL)
    g_application_release (g_application_get_default ());
  if (self->closed)
    {
      /* The widgets are gone; only what the job left matters. */
      if (ok && print)
        g_unlink (out);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, ok && !print ? out : NULL);
      return;
    }
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  update_preview (self);
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, NULL);
      return;
    }
  if (print)
    {
      print_annex (self, out);
      g_unlink (out);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, NULL);
      return;
    }
  g_free (self->exported);
  self->exported = g_strdup (out);
  show_done (self, job->format);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, out);
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
  g_autoptr(GArray) shown = NULL;

  g_clear_pointer (&self->map, dossier_figure_free);
  g_clear_pointer (&self->timeline, dossier_figure_free);
  if (!(job->sections & (DOSSIER_ANNEX_MAP | DOSSIER_ANNEX_TIMELINE)))
    return TRUE;
  shown = dossier_redaction_incident_ids (self->store, job->profile, job->ids, error);
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
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (DOSSIER_IS_EXPORT_WINDOW (self));
  g_return_if_fail (self->job == NULL);

  job = g_new0 (Job, 1);
  job->dossier_path = g_strdup (dossier_store_get_path (self->store));
  job->user = g_strdup (dossier_store_get_user (self->store));
  job->format = print ? FORMAT_PDF : format_of (self);
  job->table = adw_combo_row_get_selected (self->table_row);
  job->profile = profile_of (self);
  job->lang = g_strdup (adw_combo_row_get_selected (self->lang_row) == 0 ? "fr" : "en");
  job->sections = sections_of (self);
  job->ids = scope_of (self) ? g_array_ref (scope_of (self)) : NULL;
  if (job->format == FORMAT_PDF && !make_figures (self, job, &error))
    {
      show_error (self, error->message);
      job_free (job);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0, NULL);
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
  update_preview (self);

  /* The application stays until the job has ended, even if its last window closes. */
  if (g_application_get_default () != NULL)
    g_application_hold (g_application_get_default ());
  task = g_task_new (self, self->cancellable, on_job_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_in_thread);
}

/* An annex's file: the dossier's title and the profile, in the annex's language, as an
 * investigator would name it ("Enquête Moura 2022 – annexe publique.pdf"). */
static char *
annex_name (DossierExportWindow *self)
{
  const char *lang = adw_combo_row_get_selected (self->lang_row) == 0 ? "fr" : "en";
  g_autoptr(DossierCatalog) catalog = dossier_catalog_new (lang, NULL);
  g_autofree char *title = dossier_store_get_title (self->store);
  DossierProfile profile = profile_of (self);
  /* Translators: the name of a file of an annex, after the dossier's title */
  const char *kind = profile == DOSSIER_PROFILE_PUBLIC ? N_("public annex")
                     : profile == DOSSIER_PROFILE_ANNEX ? N_("annex by codes")
                     : N_("internal document");
  g_autofree char *name = NULL;

  if (catalog != NULL)
    kind = dossier_catalog_get (catalog, kind);
  name = title && *title ? g_strdup_printf ("%s – %s.pdf", title, kind) : g_strdup_printf ("%s.pdf", kind);
  /* A title may hold what a file's name cannot. */
  g_strdelimit (name, "/\\:", '-');
  return g_steal_pointer (&name);
}

static const char *
suggested_name (DossierExportWindow *self)
{
  switch (format_of (self))
    {
    case FORMAT_PDF:
      return "annex.pdf";
    case FORMAT_CSV:
      {
        guint table = adw_combo_row_get_selected (self->table_row);

        if (table >= DOSSIER_N_TABLES)
          return "tables";
        return table == DOSSIER_TABLE_INCIDENTS ? "incidents.csv" : table == DOSSIER_TABLE_PEOPLE ? "people.csv"
               : table == DOSSIER_TABLE_TESTIMONIES ? "testimonies.csv" : table == DOSSIER_TABLE_ACTORS ? "actors.csv"
               : "evidence.csv";
      }
    case FORMAT_GEOJSON:
      return "incidents.geojson";
    case FORMAT_KML:
      return "incidents.kml";
    case FORMAT_JSON:
      return "dossier.json";
    case FORMAT_BAGIT:
    default:
      return "dossier-bag";
    }
}

static void
on_chooser_response (GtkNativeDialog     *dialog,
                     int                  response,
                     DossierExportWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        dossier_export_window_start (self, path, FALSE);
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  DossierExportWindow *self = DOSSIER_EXPORT_WINDOW (widget);
  gboolean folder = format_of (self) == FORMAT_BAGIT ||
                    (format_of (self) == FORMAT_CSV && adw_combo_row_get_selected (self->table_row) >= DOSSIER_N_TABLES);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Export as a New Folder") : _("Export"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Beside the dossier, rather than wherever the application was started. */
  {
    g_autofree char *folder = g_path_get_dirname (dossier_store_get_path (self->store));
    g_autoptr(GFile) file = g_file_new_for_path (folder);

    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), file, NULL);
  }
  if (format_of (self) == FORMAT_PDF)
    {
      g_autofree char *name = annex_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name (self));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  DossierExportWindow *self = DOSSIER_EXPORT_WINDOW (widget);
  g_autofree char *name = g_strdup_printf ("dossier-print-%08x.pdf", g_random_int ());
  g_autofree char *path = g_build_filename (g_get_user_runtime_dir (), name, NULL);

  dossier_export_window_start (self, path, TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  DossierExportWindow *self = DOSSIER_EXPORT_WINDOW (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static gboolean
on_close_request (GtkWindow *window)
{
  DossierExportWindow *self = DOSSIER_EXPORT_WINDOW (window);

  /* A running export is stopped; the task keeps the window alive until it has. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->closed = TRUE;
  return FALSE;
}

static void
dossier_export_window_dispose (GObject *object)
{
  DossierExportWindow *self = DOSSIER_EXPORT_WINDOW (object);

  /* However the window goes, a running job stops and its end touches no widget. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->closed = TRUE;
  g_clear_handle_id (&self->tick, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_EXPORT_WINDOW);
  G_OBJECT_CLASS (dossier_export_window_parent_class)->dispose (object);
}

static void
dossier_export_window_finalize (GObject *object)
{
  DossierExportWindow *self = DOSSIER_EXPORT_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->filter_ids, g_array_unref);
  g_clear_pointer (&self->map, dossier_figure_free);
  g_clear_pointer (&self->timeline, dossier_figure_free);
  g_clear_object (&self->cancellable);
  g_free (self->exported);
  g_free (self->print_to);
  G_OBJECT_CLASS (dossier_export_window_parent_class)->finalize (object);
}

static void
dossier_export_window_class_init (DossierExportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dossier_export_window_dispose;
  object_class->finalize = dossier_export_window_finalize;
  window_class->close_request = on_close_request;

  /**
   * DossierExportWindow::finished:
   * @path: (nullable): what was written, or %NULL if nothing was (failed, cancelled, printed)
   */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/export/dossier-export-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, table_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, lang_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, annex_group);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, sections_group);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, scope_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, scope_switch);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, preview_label);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, done_page);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, DossierExportWindow, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "export.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "export.show-in-folder", NULL, show_in_folder_action);
  gtk_widget_class_install_action (widget_class, "export.again", NULL, again_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "export.print", NULL);
}

static void
dossier_export_window_init (DossierExportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dossier_accessible_fix_mnemonics (GTK_WIDGET (self));

  for (guint i = 0; i < DOSSIER_ANNEX_N_SECTIONS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dossier_annex_section_title (1u << i));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* The sheets, a few to a page, are ticked when the dossier is known (below). */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), (1u << i) != DOSSIER_ANNEX_SHEETS);
      g_signal_connect_swapped (check, "notify::active", G_CALLBACK (on_choice_changed), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->sections_group), row);
      self->section_rows[i] = row;
      self->section_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

/**
 * dossier_export_window_new:
 * @parent: the dossier's window
 * @store: the dossier
 * @lang: the interface's language, which the annex's starts as
 * @filter_ids: (nullable): the incidents of the active filter, or %NULL when none is active
 * @map_view: (nullable): where the window's map looks, of no size when it is hidden; the
 *   annex's map is framed the same
 * @timeline_frame: (nullable): the period the window's timeline shows, of no size when it
 *   is hidden
 *
 * The annex's figures are drawn for the profile chosen when the export starts: from the
 * incidents that profile lets out, framed as the window's map and timeline are, or to show
 * them all when those are hidden.
 *
 * Returns: (transfer full): the dialog
 */
GtkWidget *
dossier_export_window_new (GtkWindow                  *parent,
                           DossierStore               *store,
                           const char                 *lang,
                           GArray                     *filter_ids,
                           const DossierMapView       *map_view,
                           const DossierTimelineFrame *timeline_frame)
{
  DossierExportWindow *self = g_object_new (DOSSIER_TYPE_EXPORT_WINDOW, "transient-for", parent, NULL);
  gboolean map_shown, timeline_shown;

  self->store = g_object_ref (store);
  self->filter_ids = filter_ids ? g_array_ref (filter_ids) : NULL;
  if (map_view != NULL)
    self->map_view = *map_view;
  if (timeline_frame != NULL)
    self->timeline_frame = *timeline_frame;
  /* The incident sheets are where an incident's title, summary and sources are read in
   * full: given for a dossier of up to 200 incidents (some 70 pages of sheets at most), asked
   * for beyond, where they would make the annex a book. */
  {
    DossierStoreCounts counts = { 0 };
    gint64 incidents = filter_ids ? (gint64) filter_ids->len
                       : dossier_store_count (store, &counts, NULL) ? counts.incidents : G_MAXINT64;

    gtk_check_button_set_active (self->section_checks[g_bit_nth_lsf (DOSSIER_ANNEX_SHEETS, -1)], incidents <= 200);
  }
  map_shown = self->map_view.width > 0 && self->map_view.height > 0;
  timeline_shown = self->timeline_frame.width > 0 && self->timeline_frame.height > 0;
  /* The annex's language starts as the interface's. */
  adw_combo_row_set_selected (self->lang_row, g_strcmp0 (lang, "fr") == 0 ? 0 : 1);
  gtk_widget_set_sensitive (self->scope_row, filter_ids != NULL);
  gtk_switch_set_active (self->scope_switch, filter_ids != NULL);
  if (filter_ids != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident", "%u incidents", filter_ids->len), filter_ids->len);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scope_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scope_row), _("No filter is active: every incident"));
  for (guint i = 0; i < DOSSIER_ANNEX_N_SECTIONS; i++)
    if ((1u << i) == DOSSIER_ANNEX_MAP)
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->section_rows[i]),
                                   map_shown ? _("The incidents this profile lets out, in the map’s current view")
                                             : _("The incidents this profile lets out, all in view"));
    else if ((1u << i) == DOSSIER_ANNEX_TIMELINE)
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->section_rows[i]),
                                   timeline_shown ? _("The incidents this profile lets out, over the period the timeline shows")
                                                  : _("The incidents this profile lets out, over their whole period"));
  update_preview (self);
  return GTK_WIDGET (self);
}

/**
 * dossier_export_window_set_for_printing:
 * @self: a #DossierExportWindow
 *
 * Makes the dialog one that prints the annex (the main menu's Print…): the same choices of
 * profile, language and sections, and Print as its main button.
 */
void
dossier_export_window_set_for_printing (DossierExportWindow *self)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_WINDOW (self));

  gtk_window_set_title (GTK_WINDOW (self), _("Print the Annex"));
  adw_combo_row_set_selected (self->format_row, FORMAT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->format_row), FALSE);
  gtk_widget_set_visible (self->export_button, FALSE);
  /* The main action at the end of the header bar, where Export… is otherwise. */
  {
    GtkWidget *header = gtk_widget_get_ancestor (self->print_button, ADW_TYPE_HEADER_BAR);
    g_autoptr(GtkWidget) button = g_object_ref (self->print_button);

    adw_header_bar_remove (ADW_HEADER_BAR (header), button);
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  }
  gtk_widget_add_css_class (self->print_button, "suggested-action");
}

/* For tests. */
const char *
dossier_export_window_get_preview (DossierExportWindow *self)
{
  return gtk_label_get_text (self->preview_label);
}

/* For tests: what the last export drew as its map (DOSSIER_ANNEX_MAP) or timeline. */
DossierFigure *
dossier_export_window_get_figure (DossierExportWindow  *self,
                                  DossierAnnexSections  section)
{
  g_return_val_if_fail (DOSSIER_IS_EXPORT_WINDOW (self), NULL);
  return section == DOSSIER_ANNEX_MAP ? self->map : section == DOSSIER_ANNEX_TIMELINE ? self->timeline : NULL;
}

/* For tests: the view the last export's map was drawn for. */
void
dossier_export_window_get_map_view (DossierExportWindow *self,
                                    DossierMapView      *view)
{
  g_return_if_fail (DOSSIER_IS_EXPORT_WINDOW (self));
  *view = self->map_drawn;
}

void
dossier_export_window_set_print_to (DossierExportWindow *self,
                                    const char          *path)
{
  g_free (self->print_to);
  self->print_to = g_strdup (path);
}
