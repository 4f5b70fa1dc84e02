/* dossier-export-window.c: the Export dialog: format, profile, language, sections, and a
 * preview of what will leave the dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview counts what the chosen profile lets out by asking its DossierRedaction. The
 * export itself is dossier-export-window-job.c's: io's use case, dossier_export_async(),
 * as for the command line. The map and timeline figures are drawn when it starts, for the
 * profile then chosen: from the incidents that profile lets out, where the window's map
 * and timeline are looking, and never from what the screen shows (evidence on the map, a
 * selection, a hint). Printing makes the same PDF annex and prints its pages through GTK's
 * print dialog, so that paper and file are the same document.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-annex.h"
#include "dossier-catalog.h"
#include "dossier-export-tables.h"
#include "dossier-file-chooser.h"
#include "dossier-export-window.h"
#include "dossier-test-hooks.h"
#include "dossier-redaction.h"
#include "dossier-export-window-private.h"
#include "dossier-info.h"

G_DEFINE_FINAL_TYPE (DossierExportWindow, dossier_export_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The dialog's export is over: @path is what it wrote, or %NULL. */
void
_dossier_export_window_finished (DossierExportWindow *self,
                                 const char          *path)
{
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, path);
}


guint
_dossier_export_window_format_of (DossierExportWindow *self)
{
  return adw_combo_row_get_selected (self->format_row);
}

DossierProfile
_dossier_export_window_profile_of (DossierExportWindow *self)
{
  guint format = _dossier_export_window_format_of (self);

  /* The bag holds everything, identities included: it is the archive. */
  if (format == FORMAT_BAGIT)
    return DOSSIER_PROFILE_INTERNAL;
  return (DossierProfile) adw_combo_row_get_selected (self->profile_row);
}

DossierAnnexSections
_dossier_export_window_sections_of (DossierExportWindow *self)
{
  DossierAnnexSections sections = 0;

  for (guint i = 0; i < DOSSIER_ANNEX_N_SECTIONS; i++)
    if (gtk_widget_get_sensitive (self->section_rows[i]) && gtk_check_button_get_active (self->section_checks[i]))
      sections |= 1u << i;
  return sections;
}

GArray *
_dossier_export_window_scope_of (DossierExportWindow *self)
{
  return gtk_switch_get_active (self->scope_switch) ? self->filter_ids : NULL;
}

/* The preview: what the chosen export will hold, by the profile's rules, counted. */
void
_dossier_export_window_update_preview (DossierExportWindow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierRedaction) redaction = NULL;
  DossierExportSummary s;
  guint format = _dossier_export_window_format_of (self);
  DossierProfile profile = _dossier_export_window_profile_of (self);
  gboolean pdf = format == FORMAT_PDF;
  DossierAnnexSections sections = 0;

  gtk_widget_set_visible (self->annex_group, pdf);
  gtk_widget_set_visible (GTK_WIDGET (self->table_row), format == FORMAT_CSV);
  gtk_widget_set_visible (self->sections_group, pdf);
  gtk_widget_set_sensitive (GTK_WIDGET (self->profile_row), format != FORMAT_BAGIT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.print", pdf && self->job == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", self->job == NULL && (!pdf || _dossier_export_window_sections_of (self) != 0));
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
  redaction = dossier_redaction_new (profile);
  if (!dossier_redaction_summarise (redaction, self->store, pdf ? _dossier_export_window_scope_of (self) : NULL, &s, &error))
    {
      gtk_label_set_text (self->preview_label, error->message);
      return;
    }
  /* What each part of the export holds: the annex's sections, or the chosen tables. */
  if (pdf)
    sections = _dossier_export_window_sections_of (self);
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
  _dossier_export_window_update_preview (self);
}

/* An annex's file: the dossier's title and the profile, in the annex's language, as an
 * investigator would name it ("Enquête Moura 2022 – annexe publique.pdf"). */
static char *
annex_name (DossierExportWindow *self)
{
  const char *lang = adw_combo_row_get_selected (self->lang_row) == 0 ? "fr" : "en";
  g_autoptr(DossierCatalog) catalog = dossier_catalog_new (lang, NULL);
  g_autofree char *title = dossier_store_get_title (self->store);
  DossierProfile profile = _dossier_export_window_profile_of (self);
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
  switch (_dossier_export_window_format_of (self))
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
on_file_chosen (GtkFileChooser *chooser,
                GFile          *file,
                gpointer        user_data)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    dossier_export_window_start (user_data, path, FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  DossierExportWindow *self = DOSSIER_EXPORT_WINDOW (widget);
  gboolean folder = _dossier_export_window_format_of (self) == FORMAT_BAGIT ||
                    (_dossier_export_window_format_of (self) == FORMAT_CSV && adw_combo_row_get_selected (self->table_row) >= DOSSIER_N_TABLES);
  GtkFileChooserNative *chooser;

  chooser = dossier_file_chooser_new (GTK_WIDGET (self), folder ? _("Export as a New Folder") : _("Export"),
                                      GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  /* Beside the dossier, rather than wherever the application was started. */
  {
    g_autofree char *folder = g_path_get_dirname (dossier_store_get_path (self->store));

    dossier_file_chooser_set_folder (chooser, folder);
  }
  if (_dossier_export_window_format_of (self) == FORMAT_PDF)
    {
      g_autofree char *name = annex_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name (self));
  dossier_file_chooser_show (chooser, on_file_chosen, self, NULL);
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
  gtk_widget_class_install_action (widget_class, "export.open", NULL, _dossier_export_window_open_action);
  gtk_widget_class_install_action (widget_class, "export.show-in-folder", NULL, _dossier_export_window_show_in_folder_action);
  gtk_widget_class_install_action (widget_class, "export.again", NULL, _dossier_export_window_again_action);
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
  _dossier_export_window_update_preview (self);
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
