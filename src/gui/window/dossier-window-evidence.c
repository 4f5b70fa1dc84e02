/* dossier-window-evidence.c: bringing evidence into the dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files chosen with "Add Evidence…" or dropped on the window (folders are walked) are
 * ingested by io's dossier_ingest_async(), file by file: an item already in the dossier
 * (the same SHA-256) is reported, not added again; a file that cannot be read is reported
 * and the others go on. Verify Evidence runs dossier_verify_async(). A bar under the
 * header follows their progress, with a Cancel button; a toast or a report tells the end.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-evidence.h"
#include "dossier-editor.h"
#include "dossier-file-chooser.h"
#include "dossier-incident.h"
#include "dossier-ingest.h"
#include "dossier-test-hooks.h"
#include "dossier-locker.h"
#include "dossier-vocab.h"
#include "dossier-vocab-term.h"
#include "dossier-map-pane.h"
#include "dossier-record-list.h"
#include "dossier-verify.h"
#include "dossier-window-private.h"

/* What the window remembers of the ingest or verification under way, shown in the bar. */
struct _DossierIngest {
  gboolean  verify;
  gint64    incident_id;  /* that every item is linked to, or 0 */
};
typedef struct _DossierIngest Ingest;

static void
toast (DossierWindow *self,
       const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The bar follows the use case's progress, delivered here on the main thread. */
static void
on_ingest_progress (const DossierTaskProgress *progress,
                    gpointer                   data)
{
  DossierWindow *self = data;
  g_autofree char *text = NULL;
  double fraction;

  /* After the window is disposed, its bar is gone. */
  if (self->ingest == NULL || self->store == NULL || self->ingest_revealer == NULL)
    return;
  fraction = progress->n_steps == 0 ? 0
           : (progress->step + (progress->total ? (double) progress->done / progress->total : 0)) / progress->n_steps;
  if (progress->name != NULL)
    /* Translators: while adding evidence: the number of the file, how many there are, its name */
    text = g_strdup_printf (_("Adding %u of %u: %s"), progress->step + 1, progress->n_steps, progress->name);
  else
    text = g_strdup (_("Looking for the files…"));
  gtk_progress_bar_set_fraction (self->ingest_progress, CLAMP (fraction, 0, 1));
  gtk_label_set_text (self->ingest_label, text);
}

static void
ingest_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(DossierWindow) self = data;
  g_autofree Ingest *ingest = g_steal_pointer (&self->ingest);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierIngestReport) report = dossier_ingest_finish (result, &error);
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GPtrArray) duplicates = g_ptr_array_new_with_free_func (g_free);  /* "EVD-0002 (name)" */
  g_autoptr(GPtrArray) failures = g_ptr_array_new_with_free_func (g_free);    /* "name: why" */

  g_clear_object (&self->ingest_cancellable);
  /* Closed while adding: what was added stays, nothing is shown. */
  if (self->store == NULL || self->ingest_revealer == NULL)
    return;
  gtk_revealer_set_reveal_child (self->ingest_revealer, FALSE);
  if (report == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < report->items->len; i++)
    {
      DossierIngestItem *item = report->items->pdata[i];
      g_autofree char *name = g_file_get_parse_name (item->file);
      g_autofree char *base = g_path_get_basename (name);

      if (item->outcome == DOSSIER_INGEST_DUPLICATE)
        /* Translators: an item already in the dossier, then the name of the file dropped */
        g_ptr_array_add (duplicates, g_strdup_printf (_("%s (%s)"), item->code, base));
      for (guint j = 0; j < item->problems->len; j++)
        /* Translators: a file that could not be added, then why */
        g_ptr_array_add (failures, g_strdup_printf (_("%s: %s"), base, (const char *) item->problems->pdata[j]));
    }
  /* Translators: how many evidence items were added */
  g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE, "%u item added", "%u items added", report->added),
                          report->added);
  if (ingest->incident_id > 0)
    {
      g_autoptr(DossierRecord) incident = dossier_store_load (self->store, DOSSIER_TYPE_INCIDENT, ingest->incident_id, NULL);

      if (incident != NULL)
        {
          g_string_append (message, C_("message parts", "; "));
          /* Translators: after “2 items added; ”: the incident they were linked to */
          g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE, "linked to %s", "linked to %s", report->added),
                                  dossier_record_get_code (incident));
        }
    }
  if (duplicates->len > 0)
    {
      g_ptr_array_add (duplicates, NULL);
      /* Translators: between the parts of a message, as in “2 items added; already in the dossier: …” */
      g_string_append (message, C_("message parts", "; "));
      /* Translators: files whose bytes were already in the dossier, then their codes */
      g_autofree char *list = g_strjoinv (", ", (char **) duplicates->pdata);

      g_string_append_printf (message, _("already in the dossier: %s"), list);
    }
  if (failures->len > 0)
    {
      g_ptr_array_add (failures, NULL);
      g_string_append (message, C_("message parts", "; "));
      /* Translators: files that could not be added, with why */
      g_autofree char *list = g_strjoinv (C_("message parts", "; "), (char **) failures->pdata);

      g_string_append_printf (message, _("not added: %s"), list);
    }
  toast (self, message->str);

  /* The new items show in the list, and are counted. */
  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->pages[i].list != NULL &&
        g_list_model_get_item_type (G_LIST_MODEL (dossier_record_list_get_model (DOSSIER_RECORD_LIST (self->pages[i].list))))
          == DOSSIER_TYPE_EVIDENCE)
      dossier_record_list_model_reload (dossier_record_list_get_model (DOSSIER_RECORD_LIST (self->pages[i].list)));
  _dossier_window_update_counts (self);
  /* An incident that files were dropped on shows its new links. */
  if (ingest->incident_id > 0)
    for (guint i = 0; i < N_SECTIONS; i++)
      if (self->pages[i].editor != NULL)
        {
          DossierRecord *shown = dossier_editor_get_record (DOSSIER_EDITOR (self->pages[i].editor));

          if (shown != NULL && DOSSIER_IS_INCIDENT (shown) && dossier_record_get_id (shown) == ingest->incident_id)
            {
              dossier_editor_flush (DOSSIER_EDITOR (self->pages[i].editor));
              dossier_editor_set_record (DOSSIER_EDITOR (self->pages[i].editor), 0);
              dossier_editor_set_record (DOSSIER_EDITOR (self->pages[i].editor), ingest->incident_id);
            }
        }
  /* Photos with a position show on the map. */
  if (self->map_pane != NULL)
    dossier_evidence_layer_refresh (dossier_map_pane_get_evidence_layer (DOSSIER_MAP_PANE (self->map_pane)));
}

static void
cancel_ingest (DossierWindow *self)
{
  if (self->ingest_cancellable != NULL)
    g_cancellable_cancel (self->ingest_cancellable);
}

/**
 * dossier_window_ingest:
 * @self: a #DossierWindow with a dossier open
 * @files: (element-type GFile): files or folders
 *
 * Adds them to the dossier as evidence, in the background, as "Add Evidence…" does.
 *
 * Returns: %FALSE if nothing could start (no dossier, read-only, or adding already)
 */
gboolean
dossier_window_ingest (DossierWindow *self,
                       GPtrArray     *files)
{
  return dossier_window_ingest_into (self, files, 0);
}

/**
 * dossier_window_ingest_into:
 * @self: a #DossierWindow with a dossier open
 * @files: (element-type GFile): files or folders
 * @incident_id: an incident to link every item to, or 0
 *
 * As dossier_window_ingest(), and links each item (new or already there) to the incident,
 * as dropping files on an incident's row does.
 *
 * Returns: %FALSE if nothing could start
 */
gboolean
dossier_window_ingest_into (DossierWindow *self,
                            GPtrArray     *files,
                            gint64         incident_id)
{
  return dossier_window_ingest_collected (self, files, incident_id, NULL);
}

/**
 * dossier_window_ingest_collected:
 * @self: a #DossierWindow with a dossier open
 * @files: (element-type GFile): files or folders
 * @incident_id: an incident to link every item to, or 0
 * @collection_method: (nullable): how they were collected (vocabulary “collection-method”)
 *
 * As dossier_window_ingest_into(), recording how the items were collected.
 *
 * Returns: %FALSE if nothing could start
 */
gboolean
dossier_window_ingest_collected (DossierWindow *self,
                                 GPtrArray     *files,
                                 gint64         incident_id,
                                 const char    *collection_method)
{
  g_autofree char *user = NULL;
  DossierIngestOptions options = {
    /* An investigator expects what could be added to be added, and to be told of the rest. */
    .policy = DOSSIER_INGEST_EACH_FILE,
    .incident_id = incident_id,
    .collection_method = collection_method,
  };
  static const DossierTaskProgress looking = { 0 };

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);

  if (self->store == NULL || files->len == 0)
    return FALSE;
  if (dossier_store_is_read_only (self->store))
    {
      toast (self, _("This dossier is open read-only: evidence cannot be added"));
      return FALSE;
    }
  if (self->ingest_cancellable != NULL)
    {
      toast (self, _("Evidence is being added or verified already: wait for it to finish, or cancel it"));
      return FALSE;
    }
  user = g_settings_get_string (self->settings, "investigator-name");
  options.user = user;
  self->ingest = g_new0 (Ingest, 1);
  self->ingest->incident_id = incident_id;
  self->ingest_cancellable = g_cancellable_new ();
  gtk_revealer_set_reveal_child (self->ingest_revealer, TRUE);
  on_ingest_progress (&looking, self);
  /* The window is held for the end, and progress is always told before the end. */
  dossier_ingest_async (dossier_store_get_path (self->store), files, &options, on_ingest_progress, self, NULL,
                        self->ingest_cancellable, ingest_done, g_object_ref (self));
  return TRUE;
}

gboolean
dossier_window_is_ingesting (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  return self->ingest != NULL && !self->ingest->verify;
}

static void
on_files_chosen (GtkFileChooser *chooser,
                 GFile          *file,
                 gpointer        user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (chooser);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  const char *method = gtk_file_chooser_get_choice (chooser, "collection-method");
  const char *link = gtk_file_chooser_get_choice (chooser, "link-incident");
  gint64 incident_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "incident-id"));

  for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
    g_ptr_array_add (files, g_list_model_get_item (chosen, i));
  dossier_window_ingest_collected (self, files, g_strcmp0 (link, "true") == 0 ? incident_id : 0,
                                   method && *method ? method : NULL);
}

static void
add_evidence_action (GtkWidget  *widget,
                     const char *action,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;
  chooser = dossier_file_chooser_new (GTK_WIDGET (self), _("Add Evidence"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  /* How they were collected, recorded with each item (Berkeley Protocol). */
  {
    g_autoptr(GPtrArray) terms = dossier_store_list_vocab (self->store, "collection-method", NULL);
    g_autoptr(GPtrArray) codes = g_ptr_array_new ();
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    g_ptr_array_add (codes, (gpointer) "");
    /* Translators: in the Add Evidence dialog, the collection method left unsaid */
    g_ptr_array_add (labels, (gpointer) _("Not said"));
    for (guint i = 0; terms && i < terms->len; i++)
      {
        DossierVocabTerm *term = terms->pdata[i];

        g_ptr_array_add (codes, (gpointer) dossier_vocab_term_get_code (term));
        g_ptr_array_add (labels, (gpointer) (g_strcmp0 (self->lang, "fr") == 0 ? dossier_vocab_term_get_label_fr (term)
                                                                               : dossier_vocab_term_get_label_en (term)));
      }
    g_ptr_array_add (codes, NULL);
    g_ptr_array_add (labels, NULL);
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "collection-method", _("Collection method"),
                                 (const char **) codes->pdata, (const char **) labels->pdata);
    gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "collection-method", "");
  }
  /* Evidence is most often added for the incident being worked on: offered, and ticked. */
  {
    DossierRecord *incident = NULL;

    for (guint i = 1; i < N_SECTIONS && incident == NULL; i++)
      if (self->pages[i].editor != NULL && dossier_window_sections[i].get_type () == DOSSIER_TYPE_INCIDENT)
        incident = dossier_editor_get_record (DOSSIER_EDITOR (self->pages[i].editor));
    if (incident != NULL)
      {
        /* Translators: a check box in the Add Evidence dialog; %s is an incident's code */
        g_autofree char *label = g_strdup_printf (_("Link to %s"), dossier_record_get_code (incident));

        gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "link-incident", label, NULL, NULL);
        gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "link-incident", "true");
        g_object_set_data (G_OBJECT (chooser), "incident-id", GSIZE_TO_POINTER ((gsize) dossier_record_get_id (incident)));
      }
  }
  dossier_file_chooser_show (chooser, on_files_chosen, self, NULL);
}

/* Verifying every item: the same bar shows how many are done. */
static void
on_verify_progress (const DossierTaskProgress *progress,
                    gpointer                   data)
{
  DossierWindow *self = data;
  g_autofree char *text = NULL;

  /* After the window is disposed, its bar is gone. */
  if (self->ingest == NULL || self->store == NULL || self->ingest_revealer == NULL)
    return;
  gtk_progress_bar_set_fraction (self->ingest_progress, progress->total ? (double) progress->done / progress->total : 0);
  /* Translators: while verifying evidence: how many items are done, of how many */
  text = g_strdup_printf (_("Verifying the evidence: %u of %u items"), (guint) progress->done, (guint) progress->total);
  gtk_label_set_text (self->ingest_label, text);
}

static const char *
status_label (DossierVerifyStatus status)
{
  switch (status)
    {
    case DOSSIER_VERIFY_INTACT:
      return _("Intact");
    case DOSSIER_VERIFY_ALTERED:
      return _("Altered");
    case DOSSIER_VERIFY_MISSING:
      return _("Bytes missing");
    case DOSSIER_VERIFY_LOG_BROKEN:
    default:
      return _("Custody log broken");
    }
}

/**
 * dossier_window_show_verify_report:
 * @self: a #DossierWindow
 * @report: (element-type DossierVerifyItem): what dossier_locker_verify() found
 *
 * Returns: (transfer none): the window listing each item as intact, altered or with its
 *   log broken, the problems first
 */
GtkWidget *
dossier_window_show_verify_report (DossierWindow *self,
                                   GPtrArray     *report)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *problems = adw_preferences_group_new ();
  GtkWidget *intact = adw_preferences_group_new ();
  guint n_bad = 0, n_good = 0;
  g_autofree char *title = NULL;

  for (guint i = 0; i < report->len; i++)
    {
      DossierVerifyItem *item = report->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (item->status == DOSSIER_VERIFY_INTACT ? "emblem-ok-symbolic"
                                                                                             : "dialog-warning-symbolic");
      g_autofree char *heading = g_strdup_printf ("%s — %s", item->code, status_label (item->status));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), heading);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->detail ? item->detail : "");
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (item->status == DOSSIER_VERIFY_INTACT)
        {
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (intact), row);
          n_good++;
        }
      else
        {
          gtk_widget_add_css_class (icon, "error");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (problems), row);
          n_bad++;
        }
    }
  /* Translators: the verification report's headings */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (problems), _("Problems found"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (intact), _("Intact"));
  if (n_bad > 0)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (problems));
  if (n_good > 0)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (intact));
  /* Translators: the title of the verification report: items with a problem, items intact */
  title = g_strdup_printf (_("Verification: %u with a problem, %u intact"), n_bad, n_good);
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 560);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
verify_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(DossierWindow) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = dossier_verify_finish (result, &error);

  g_clear_pointer (&self->ingest, g_free);
  g_clear_object (&self->ingest_cancellable);
  if (self->store == NULL || self->ingest_revealer == NULL)
    return;
  gtk_revealer_set_reveal_child (self->ingest_revealer, FALSE);
  if (report == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  dossier_window_show_verify_report (self, report);
}

/**
 * dossier_window_verify_evidence:
 * @self: a #DossierWindow with a dossier open
 *
 * Verifies every evidence item in the background, then shows the report.
 *
 * Returns: %FALSE if it could not start
 */
gboolean
dossier_window_verify_evidence (DossierWindow *self)
{
  g_autofree char *user = NULL;
  DossierVerifyOptions options = { 0 };
  static const DossierTaskProgress none = { 0 };

  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  if (self->store == NULL)
    return FALSE;
  if (self->ingest_cancellable != NULL)
    {
      toast (self, _("Evidence is being added or verified already: wait for it to finish, or cancel it"));
      return FALSE;
    }
  if (dossier_store_is_read_only (self->store))
    {
      toast (self, _("This dossier is open read-only: its evidence is verified without recording it"));
    }
  user = g_settings_get_string (self->settings, "investigator-name");
  /* Verified without recording it in the custody chains when read-only. */
  options.record = !dossier_store_is_read_only (self->store);
  options.user = user;
  self->ingest = g_new0 (Ingest, 1);
  self->ingest->verify = TRUE;
  self->ingest_cancellable = g_cancellable_new ();
  gtk_revealer_set_reveal_child (self->ingest_revealer, TRUE);
  on_verify_progress (&none, self);
  dossier_verify_async (dossier_store_get_path (self->store), &options, on_verify_progress, self, NULL,
                        self->ingest_cancellable, verify_done, g_object_ref (self));
  return TRUE;
}

gboolean
dossier_window_is_verifying (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  return self->ingest != NULL && self->ingest->verify;
}

static void
verify_action (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  dossier_window_verify_evidence (DOSSIER_WINDOW (widget));
}

void
_dossier_window_evidence_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.verify-evidence", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "win.add-evidence", NULL, add_evidence_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.add-evidence", NULL);
}

/* The bar under the header: what is being added, how far, and Cancel. */
void
_dossier_window_evidence_init (DossierWindow *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->ingest_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->ingest_label, 0);
  gtk_label_set_ellipsize (self->ingest_label, PANGO_ELLIPSIZE_MIDDLE);
  self->ingest_progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ingest_progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Adding evidence"), -1);
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->ingest_label));
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->ingest_progress));
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_ingest), self);
  gtk_box_append (GTK_BOX (bar), texts);
  gtk_box_append (GTK_BOX (bar), cancel);
  gtk_revealer_set_child (self->ingest_revealer, bar);
}
