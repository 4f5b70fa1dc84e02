/* dossier-evidence-editor.c: the editor of the description of an evidence item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-custody.h"
#include "dossier-custody-event.h"
#include "dossier-evidence.h"
#include "dossier-evidence-editor.h"
#include "dossier-file-chooser.h"
#include "dossier-format.h"
#include "dossier-locker.h"
#include "dossier-record-picker.h"
#include "dossier-metadata.h"

struct _DossierEvidenceEditor
{
  DossierEditor        parent_instance;

  AdwPreferencesGroup *custody_group;
  GtkPicture          *preview;
  GPtrArray           *custody_rows;  /* GtkWidget, in the group */
  GHashTable          *viewed;        /* "dossier path\nid" of items whose view is logged */
};

G_DEFINE_FINAL_TYPE (DossierEvidenceEditor, dossier_evidence_editor, DOSSIER_TYPE_EDITOR)

static const DossierEditorField fields[] = {
  { "title", "title", DOSSIER_EDITOR_TEXT },
  { "description", "description", DOSSIER_EDITOR_TEXT },
  { "acquired_on", "acquired_on", DOSSIER_EDITOR_DATE },
  { "acquired_by", "acquired_by", DOSSIER_EDITOR_TEXT },
  { "source", "source", DOSSIER_EDITOR_TEXT },
  { "collection_method", "collection_method", DOSSIER_EDITOR_VOCAB },
  { "confidentiality", "confidentiality", DOSSIER_EDITOR_VOCAB },
  { "original_name", "original_name", DOSSIER_EDITOR_READ_ONLY },
  { "media_type", "media_type", DOSSIER_EDITOR_READ_ONLY },
  { "size", "size", DOSSIER_EDITOR_READ_ONLY },
  { "sha256", "sha256", DOSSIER_EDITOR_READ_ONLY },
  { "captured_at", "captured_at", DOSSIER_EDITOR_READ_ONLY },
  { "latitude", "latitude", DOSSIER_EDITOR_READ_ONLY },
  { "longitude", "longitude", DOSSIER_EDITOR_READ_ONLY },
  { "pages", "pages", DOSSIER_EDITOR_READ_ONLY },
  { "width", "width", DOSSIER_EDITOR_READ_ONLY },
  { "height", "height", DOSSIER_EDITOR_READ_ONLY },
  { "duration", "duration", DOSSIER_EDITOR_READ_ONLY },
};

static const char * const link_groups[] = { "incident_links", "person_links", "testimony_links", NULL };

/* The custody log's actions, as people say them. */
static const char *
action_label (const char *action)
{
  static const struct { const char *code, *label; } actions[] = {
    { "ingested", N_("Ingested") }, { "viewed", N_("Viewed") }, { "exported", N_("Exported") },
    { "verified", N_("Verified") }, { "linked", N_("Linked") }, { "unlinked", N_("Unlinked") },
    { "restored", N_("Bytes restored") },
    { "working-copy", N_("Working copy made") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (action, actions[i].code) == 0)
      return _(actions[i].label);
  return action;
}

/* A link's entry names the record by its uuid ("incident 3f91…", stable across copies
 * of the dossier); a reader knows it by its code. A record deleted since keeps its uuid. */
static char *
describe_details (DossierStore *store,
                  const char   *action,
                  const char   *details)
{
  static const char * const tables[] = { "incident", "person", "testimony" };

  if (details == NULL)
    return g_strdup ("");
  if (g_strcmp0 (action, "linked") != 0 && g_strcmp0 (action, "unlinked") != 0)
    return g_strdup (details);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      gsize len = strlen (tables[i]);
      const char *uuid = details + len + 1;
      g_autoptr(DossierRecord) record = NULL;
      const char *code;

      if (strncmp (details, tables[i], len) != 0 || details[len] != ' ')
        continue;
      record = dossier_store_load_by_uuid (store, dossier_type_for_table (tables[i]), uuid, NULL);
      code = record ? dossier_record_get_code (record) : uuid;
      if (i == 0)
        /* Translators: a custody log entry: the item was linked to, or unlinked from, this incident (its code) */
        return g_strdup_printf (_("incident %s"), code);
      if (i == 1)
        /* Translators: a custody log entry: the item was linked to, or unlinked from, this person (their code) */
        return g_strdup_printf (_("person %s"), code);
      /* Translators: a custody log entry: the item was linked to, or unlinked from, this testimony (its code) */
      return g_strdup_printf (_("testimony %s"), code);
    }
  return g_strdup (details);
}

/* The log, oldest first, as the chain runs. */
static void
show_custody (DossierEvidenceEditor *self,
              DossierRecord         *record)
{
  DossierStore *store = dossier_editor_get_store (DOSSIER_EDITOR (self));
  g_autoptr(GPtrArray) events = NULL;

  if (self->custody_rows == NULL || self->custody_group == NULL)
    return;
  /* The rows are held, so that a row already taken down with the editor is never touched. */
  for (guint i = 0; i < self->custody_rows->len; i++)
    if (gtk_widget_get_parent (self->custody_rows->pdata[i]) != NULL)
      adw_preferences_group_remove (self->custody_group, self->custody_rows->pdata[i]);
  g_ptr_array_set_size (self->custody_rows, 0);
  if (record == NULL || store == NULL)
    return;
  if ((events = dossier_store_list_custody (store, dossier_record_get_id (record), NULL)) == NULL)
    return;
  for (guint i = 0; i < events->len; i++)
    {
      DossierCustodyEvent *event = events->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      const char *lang = dossier_editor_get_lang (DOSSIER_EDITOR (self));
      g_autofree char *when = dossier_format_timestamp (dossier_custody_event_get_at (event), lang, TRUE);
      g_autofree char *what = describe_details (store, dossier_custody_event_get_action (event), dossier_custody_event_get_details (event));
      /* Translators: a custody log entry: when (with its time zone), who, and what was done */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s · %s"), when, *dossier_custody_event_get_user (event) ? dossier_custody_event_get_user (event) : _("unnamed"), what);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), action_label (dossier_custody_event_get_action (event)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      adw_preferences_group_add (self->custody_group, row);
      g_ptr_array_add (self->custody_rows, g_object_ref (row));
    }
}

/* Showing an item's content is a view, and a view is custody: logged once for each item
 * each time the editor is made (not at every return to it, which would bury the log). */
static void
log_view (DossierEvidenceEditor *self,
          DossierEvidence       *evidence)
{
  DossierStore *store = dossier_editor_get_store (DOSSIER_EDITOR (self));
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || dossier_store_is_read_only (store))
    return;
  key = g_strdup_printf ("%s\n%" G_GINT64_FORMAT, dossier_store_get_path (store), dossier_record_get_id (DOSSIER_RECORD (evidence)));
  if (g_hash_table_contains (self->viewed, key))
    return;
  g_hash_table_add (self->viewed, g_steal_pointer (&key));
  /* Translators: custody log details: the item's content was shown on screen */
  if (!dossier_custody_append (store, dossier_record_get_id (DOSSIER_RECORD (evidence)), "viewed", _("content shown in Dossier’s preview"), &error))
    dossier_editor_show_error (DOSSIER_EDITOR (self), error->message);
}

/* Read and drawn on selection, in the main loop: kept to items that take a moment. */
#define PREVIEW_MAX_SIZE (16 * 1024 * 1024)
#define PREVIEW_WIDTH    480

/* A picture of images and of PDFs' first pages, for items small enough to read at once;
 * other items show their icon and what is known of them. */
static void
show_preview (DossierEvidenceEditor *self,
              DossierEvidence       *evidence)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (evidence != NULL && (g_str_has_prefix (dossier_evidence_get_media_type (evidence), "image/") || g_str_equal (dossier_evidence_get_media_type (evidence), "application/pdf")))
    bytes = dossier_locker_read (dossier_editor_get_store (DOSSIER_EDITOR (self)), dossier_record_get_id (DOSSIER_RECORD (evidence)),
                                 PREVIEW_MAX_SIZE, NULL);
  if (bytes != NULL && g_str_has_prefix (dossier_evidence_get_media_type (evidence), "image/"))
    texture = gdk_texture_new_from_bytes (bytes, NULL);
  else if (bytes != NULL)
    {
      cairo_surface_t *page = dossier_metadata_render_pdf_page (bytes, PREVIEW_WIDTH);

      if (page != NULL)
        {
          g_autoptr(GBytes) pixels = NULL;

          cairo_surface_flush (page);
          pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (page),
                                               (gsize) cairo_image_surface_get_stride (page) * cairo_image_surface_get_height (page),
                                               (GDestroyNotify) cairo_surface_destroy, page);
          texture = gdk_memory_texture_new (cairo_image_surface_get_width (page), cairo_image_surface_get_height (page),
                                            GDK_MEMORY_DEFAULT, pixels, cairo_image_surface_get_stride (page));
        }
    }
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->preview), texture != NULL);
  if (texture != NULL)
    log_view (self, evidence);
}

/* What the file said of itself, as a person reads it. */
static char *
format (DossierEditor *editor,
        const char    *field,
        const char    *value)
{
  const char *lang = dossier_editor_get_lang (editor);

  if (g_str_equal (field, "size"))
    return dossier_format_size (g_ascii_strtoull (value, NULL, 10), TRUE);
  if (g_str_equal (field, "captured_at"))
    return dossier_format_timestamp (value, lang, FALSE);
  if (g_str_equal (field, "latitude") || g_str_equal (field, "longitude"))
    return dossier_format_decimal (g_ascii_strtod (value, NULL), 6, lang);
  if (g_str_equal (field, "duration"))
    return dossier_format_duration (g_ascii_strtod (value, NULL));
  return NULL;
}

static void
load (DossierEditor *editor,
      DossierRecord *record)
{
  show_preview (DOSSIER_EVIDENCE_EDITOR (editor), record ? DOSSIER_EVIDENCE (record) : NULL);
  show_custody (DOSSIER_EVIDENCE_EDITOR (editor), record);
}

/* A result, in the window's toasts. */
static void
tell (DossierEvidenceEditor *self,
      const char            *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    dossier_editor_show_error (DOSSIER_EDITOR (self), message);
}

static void
on_verify (DossierEvidenceEditor *self)
{
  DossierRecord *record = dossier_editor_get_record (DOSSIER_EDITOR (self));
  g_autoptr(GError) error = NULL;
  DossierVerifyItem *item;

  if (record == NULL)
    return;
  item = dossier_locker_verify_item (dossier_editor_get_store (DOSSIER_EDITOR (self)), dossier_record_get_id (record), TRUE, NULL, &error);
  if (item == NULL)
    {
      tell (self, error->message);
      return;
    }
  if (item->status == DOSSIER_VERIFY_INTACT)
    /* Translators: %s is an evidence code */
    {
      g_autofree char *message = g_strdup_printf (_("%s is intact: its bytes match their SHA-256 and its custody log is whole"),
                                                  item->code);
      tell (self, message);
    }
  else
    {
      /* Translators: an evidence code, then what is wrong with it */
      g_autofree char *message = g_strdup_printf (_("%s failed verification: %s"), item->code, item->detail);
      tell (self, message);
    }
  dossier_verify_item_free (item);
  show_custody (self, record);
}

static void
on_working_copy (DossierEvidenceEditor *self)
{
  DossierRecord *record = dossier_editor_get_record (DOSSIER_EDITOR (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;

  if (record == NULL)
    return;
  copy = dossier_locker_working_copy (dossier_editor_get_store (DOSSIER_EDITOR (self)), dossier_record_get_id (record), NULL, &error);
  if (copy == NULL)
    {
      tell (self, error->message);
      return;
    }
  show_custody (self, record);
  /* Opened by the desktop's application for its type; the copy stays for the session. */
  {
    g_autofree char *uri = g_file_get_uri (copy);

    gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
  }
}

static void
on_export_chosen (GtkFileChooser *chooser,
                  GFile          *file,
                  gpointer        user_data)
{
  DossierEvidenceEditor *self = user_data;
  DossierRecord *record = dossier_editor_get_record (DOSSIER_EDITOR (self));

  if (record != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!dossier_locker_export_original (dossier_editor_get_store (DOSSIER_EDITOR (self)), dossier_record_get_id (record), file, NULL, &error))
        tell (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: %s is the name of the file written */
          g_autofree char *message = g_strdup_printf (_("Written: %s, and %s.sha256 beside it"), name, name);

          tell (self, message);
        }
      show_custody (self, record);
    }
}

static void
on_export_original (DossierEvidenceEditor *self)
{
  DossierEvidence *evidence = DOSSIER_EVIDENCE (dossier_editor_get_record (DOSSIER_EDITOR (self)));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (evidence == NULL)
    return;
  chooser = dossier_file_chooser_new (GTK_WIDGET (self), _("Export the Original"), GTK_FILE_CHOOSER_ACTION_SAVE,
                                      _("_Export"));
  name = g_path_get_basename (dossier_evidence_get_original_name (evidence) && *dossier_evidence_get_original_name (evidence) ? dossier_evidence_get_original_name (evidence)
                                                                                  : dossier_record_get_code (DOSSIER_RECORD (evidence)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  dossier_file_chooser_show (chooser, on_export_chosen, self, NULL);
}

static void
dossier_evidence_editor_dispose (GObject *object)
{
  g_clear_pointer (&DOSSIER_EVIDENCE_EDITOR (object)->custody_rows, g_ptr_array_unref);
  g_clear_pointer (&DOSSIER_EVIDENCE_EDITOR (object)->viewed, g_hash_table_unref);
  G_OBJECT_CLASS (dossier_evidence_editor_parent_class)->dispose (object);
}

static void
dossier_evidence_editor_class_init (DossierEvidenceEditorClass *klass)
{
  DossierEditorClass *editor_class = DOSSIER_EDITOR_CLASS (klass);

  dossier_editor_class_setup (editor_class, "/org/dossier/Dossier/editors/dossier-evidence-editor.ui",
                              DOSSIER_TYPE_EVIDENCE, fields, G_N_ELEMENTS (fields), link_groups);
  editor_class->load = load;
  editor_class->format = format;
  G_OBJECT_CLASS (klass)->dispose = dossier_evidence_editor_dispose;
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), DossierEvidenceEditor, custody_group);
  gtk_widget_class_bind_template_child (GTK_WIDGET_CLASS (klass), DossierEvidenceEditor, preview);
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), on_verify);
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), on_working_copy);
  gtk_widget_class_bind_template_callback (GTK_WIDGET_CLASS (klass), on_export_original);

}

static void
dossier_evidence_editor_init (DossierEvidenceEditor *self)
{
  self->custody_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->viewed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_evidence_editor_new (void)
{
  return g_object_new (DOSSIER_TYPE_EVIDENCE_EDITOR, NULL);
}
