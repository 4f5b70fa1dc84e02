/* dossier-testimony-coder.c: reading and coding testimonies, one after another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The transcript on the left, what is known of the testimony on the right, and the
 * passages already coded, highlighted in the text and listed. Select a passage, then one
 * key: I links it to an incident, V tags a violation type, P marks a person mentioned
 * (each opens a search-as-you-type picker); Shift+I and Shift+P code it as a new incident
 * or a new coded person. Alt+Right and Alt+Left move through the queue (the testimonies
 * of a status, office and language), Ctrl+F searches the transcript. The mouse is never
 * needed.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-edtf.h"
#include "dossier-incident.h"
#include "dossier-look.h"
#include "dossier-person.h"
#include "dossier-record-picker.h"
#include "dossier-testimony.h"
#include "dossier-testimony-coder.h"
#include "dossier-vocab.h"
#include "dossier-vocab-row.h"
#include "dossier-vocab-term.h"

struct _DossierTestimonyCoder
{
  AdwWindow       parent_instance;

  DossierStore   *store;
  char           *lang;
  gint64          testimony_id;
  GArray         *queue;          /* gint64 ids */
  char           *queue_status;
  char           *queue_office;
  char           *queue_language;

  AdwWindowTitle *title;
  GtkTextView    *text;
  GtkTextBuffer  *buffer;
  GtkSearchEntry *find;
  GtkLabel       *find_count;
  GtkLabel       *summary;
  GtkLabel       *details;
  GtkDropDown    *status;
  GtkLabel       *history;      /* who moved it to its status, and when */
  GPtrArray      *status_codes;
  GtkListBox     *passages;
  GtkLabel       *position;
  guint           n_passages;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (DossierTestimonyCoder, dossier_testimony_coder, ADW_TYPE_WINDOW)

static const char * const tag_names[] = { "incident", "violation", "person" };

/* GLib 2.74 has no g_set_str. */
static void
set_str (char       **target,
         const char  *value)
{
  if (*target == value)
    return;
  g_free (*target);
  *target = g_strdup (value);
}

static void
toast (DossierTestimonyCoder *self,
       const char            *message)
{
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_window_get_content (ADW_WINDOW (self)));

  adw_toast_overlay_add_toast (overlay, adw_toast_new (message));
}

/* What a passage was coded as, in words: "INC-0003 — Moura: …", "Torture", "TEM-0004". */
static char *
describe_passage (DossierTestimonyCoder *self,
                  DossierPassage        *passage)
{
  if (passage->violation_type != NULL)
    return dossier_store_vocab_label (self->store, "violation-type", passage->violation_type, self->lang);
  {
    GType type = passage->incident_id ? DOSSIER_TYPE_INCIDENT : DOSSIER_TYPE_PERSON;
    g_autoptr(DossierRecord) record = dossier_store_load (self->store, type, passage->incident_id ? passage->incident_id
                                                                                                  : passage->person_id, NULL);

    g_autofree char *description = record ? dossier_record_describe (self->store, record, self->lang) : NULL;

    if (record == NULL)
      return g_strdup ("");
    /* Translators: a record in the list of coded passages: its code, then what it is */
    return description && *description && !g_str_has_prefix (description, record->code)
           ? g_strdup_printf (_("%s — %s"), record->code, description) : g_strdup (record->code);
  }
}

static void
select_range (DossierTestimonyCoder *self,
              int                    start,
              int                    end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, end);
  gtk_text_buffer_select_range (self->buffer, &a, &b);
  gtk_text_view_scroll_to_iter (self->text, &a, 0.1, FALSE, 0, 0);
}

static void
on_passage_activated (GtkListBox            *box,
                      GtkListBoxRow         *row,
                      DossierTestimonyCoder *self)
{
  select_range (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "start")),
                GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "end")));
  gtk_widget_grab_focus (GTK_WIDGET (self->text));
}

/* The coded passages: highlighted in the text, listed beside it. */
static void
show_passages (DossierTestimonyCoder *self)
{
  g_autoptr(GPtrArray) passages = dossier_store_list_passages (self->store, self->testimony_id, NULL);
  GtkTextIter start, end;
  GtkWidget *child;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint t = 0; t < G_N_ELEMENTS (tag_names); t++)
    gtk_text_buffer_remove_tag_by_name (self->buffer, tag_names[t], &start, &end);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->passages))) != NULL)
    gtk_list_box_remove (self->passages, child);
  self->n_passages = passages ? passages->len : 0;
  for (guint i = 0; passages && i < passages->len; i++)
    {
      DossierPassage *passage = passages->pdata[i];
      g_autofree char *what = describe_passage (self, passage);
      g_autofree char *excerpt = NULL;
      g_autofree char *line = NULL;
      GtkTextIter a, b;
      GtkWidget *row = adw_action_row_new ();
      const char *kind = g_str_equal (passage->kind, "incident") ? _("Incident")
                       : g_str_equal (passage->kind, "violation") ? _("Violation") : _("Person mentioned");

      gtk_text_buffer_get_iter_at_offset (self->buffer, &a, passage->start_offset);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &b, passage->end_offset);
      gtk_text_buffer_apply_tag_by_name (self->buffer, passage->kind, &a, &b);
      excerpt = gtk_text_buffer_get_text (self->buffer, &a, &b, FALSE);
      if (g_utf8_strlen (excerpt, -1) > 80)
        {
          g_autofree char *cut = g_utf8_substring (excerpt, 0, 80);

          g_free (excerpt);
          excerpt = g_strconcat (cut, "…", NULL);
        }
      /* Translators: a coded passage in the list: what it was coded as, then its text */
      line = g_strdup_printf (_("%s: %s"), kind, what);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), line);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), excerpt);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "start", GINT_TO_POINTER ((int) passage->start_offset));
      g_object_set_data (G_OBJECT (row), "end", GINT_TO_POINTER ((int) passage->end_offset));
      gtk_list_box_append (self->passages, row);
    }
  if (self->n_passages == 0)
    {
      GtkWidget *none = gtk_label_new (_("No passage coded yet: select one in the transcript, then press I, V or P."));

      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_list_box_append (self->passages, none);
    }
}

/* "Indexed by X, 2026-12-02 08:12 UTC": the last change of status, from the audit. */
static void
show_history (DossierTestimonyCoder *self)
{
  g_autoptr(GPtrArray) history = dossier_store_status_history (self->store, self->testimony_id, NULL);
  DossierAuditEntry *last;
  g_autofree char *status = NULL;
  g_autofree char *text = NULL;

  if (history == NULL || history->len == 0)
    {
      gtk_label_set_text (self->history, "");
      return;
    }
  last = history->pdata[history->len - 1];
  status = dossier_store_vocab_label (self->store, "testimony-status", last->new_value, self->lang);
  {
    g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (DOSSIER_RECORD (last)->created_at, NULL);
    g_autofree char *when = at ? g_date_time_format (at, "%Y-%m-%d %H:%M") : g_strdup (DOSSIER_RECORD (last)->created_at);

    /* Translators: the last change of a testimony's status: the status, who, when (UTC) */
    text = g_strdup_printf (_("%s by %s, %s UTC"), status, *last->user ? last->user : _("unnamed"), when);
  }
  gtk_label_set_text (self->history, text);
}

static void
update_position (DossierTestimonyCoder *self)
{
  guint at = 0;
  gboolean found = FALSE;
  g_autofree char *text = NULL;

  for (guint i = 0; self->queue && i < self->queue->len; i++)
    if (g_array_index (self->queue, gint64, i) == self->testimony_id)
      {
        at = i;
        found = TRUE;
      }
  if (found)
    /* Translators: the place of this testimony in the queue being indexed */
    text = g_strdup_printf (_("%u of %u in the queue"), at + 1, self->queue->len);
  else
    /* Translators: the testimony shown is not among those of the queue's filter */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "not in the queue (%u testimony)", "not in the queue (%u testimonies)",
                                         self->queue ? self->queue->len : 0), self->queue ? self->queue->len : 0);
  gtk_label_set_text (self->position, text);
}

static gboolean
show_testimony (DossierTestimonyCoder *self,
                gint64                 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierTestimony) testimony = dossier_store_load (self->store, DOSSIER_TYPE_TESTIMONY, id, &error);
  g_autoptr(GString) details = g_string_new (NULL);

  if (testimony == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  self->loading = TRUE;
  self->testimony_id = id;
  adw_window_title_set_title (self->title, DOSSIER_RECORD (testimony)->code);
  gtk_text_buffer_set_text (self->buffer, testimony->transcript, -1);
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (self->buffer, &start);
    gtk_text_buffer_place_cursor (self->buffer, &start);
  }
  gtk_label_set_text (self->summary, *testimony->summary ? testimony->summary : _("No summary"));
  if (testimony->person_id > 0)
    {
      g_autoptr(DossierRecord) witness = dossier_store_load (self->store, DOSSIER_TYPE_PERSON, testimony->person_id, NULL);

      if (witness != NULL)
        /* Translators: the person who gave the testimony, by code */
        g_string_append_printf (details, _("Given by %s"), witness->code);
    }
  if (*testimony->taken_on)
    {
      g_autofree char *date = dossier_edtf_format_string (testimony->taken_on, self->lang);

      if (details->len)
        g_string_append (details, " · ");
      g_string_append (details, date ? date : testimony->taken_on);
    }
  if (testimony->office != NULL)
    {
      g_autofree char *office = dossier_store_vocab_label (self->store, "office", testimony->office, self->lang);

      if (details->len)
        g_string_append (details, " · ");
      g_string_append (details, office);
    }
  if (testimony->language != NULL)
    {
      g_autofree char *language = dossier_store_vocab_label (self->store, "language", testimony->language, self->lang);

      if (details->len)
        g_string_append (details, " · ");
      g_string_append (details, language);
    }
  gtk_label_set_text (self->details, details->str);
  for (guint i = 0; i < self->status_codes->len; i++)
    if (g_strcmp0 (self->status_codes->pdata[i], testimony->status) == 0)
      gtk_drop_down_set_selected (self->status, i);
  show_passages (self);
  show_history (self);
  update_position (self);
  self->loading = FALSE;
  return TRUE;
}

/**
 * dossier_testimony_coder_step:
 * @self: a #DossierTestimonyCoder
 * @direction: 1 for the next testimony of the queue, -1 for the one before
 *
 * Returns: %TRUE if it moved
 */
gboolean
dossier_testimony_coder_step (DossierTestimonyCoder *self,
                              int                    direction)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY_CODER (self), FALSE);

  if (self->queue == NULL || self->queue->len == 0)
    return FALSE;
  for (guint i = 0; i < self->queue->len; i++)
    if (g_array_index (self->queue, gint64, i) == self->testimony_id)
      {
        int next = (int) i + direction;

        if (next < 0 || next >= (int) self->queue->len)
          return FALSE;
        return show_testimony (self, g_array_index (self->queue, gint64, next));
      }
  /* Not in the queue: its first. */
  return show_testimony (self, g_array_index (self->queue, gint64, direction > 0 ? 0 : self->queue->len - 1));
}

void
dossier_testimony_coder_set_queue (DossierTestimonyCoder *self,
                                   const char            *status,
                                   const char            *office,
                                   const char            *language)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_TESTIMONY_CODER (self));
  set_str (&self->queue_status, status);
  set_str (&self->queue_office, office);
  set_str (&self->queue_language, language);
  g_clear_pointer (&self->queue, g_array_unref);
  self->queue = dossier_store_testimony_queue (self->store, status, office, language, &error);
  if (self->queue == NULL)
    toast (self, error->message);
  update_position (self);
}

guint
dossier_testimony_coder_get_queue_length (DossierTestimonyCoder *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY_CODER (self), 0);
  return self->queue ? self->queue->len : 0;
}

gint64
dossier_testimony_coder_get_testimony (DossierTestimonyCoder *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY_CODER (self), 0);
  return self->testimony_id;
}

void
dossier_testimony_coder_select (DossierTestimonyCoder *self,
                                int                    start,
                                int                    end)
{
  g_return_if_fail (DOSSIER_IS_TESTIMONY_CODER (self));
  select_range (self, start, end);
}

guint
dossier_testimony_coder_get_n_passages (DossierTestimonyCoder *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY_CODER (self), 0);
  return self->n_passages;
}

static gboolean
selection (DossierTestimonyCoder *self,
           int                   *start,
           int                   *end)
{
  GtkTextIter a, b;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &a, &b))
    return FALSE;
  *start = gtk_text_iter_get_offset (&a);
  *end = gtk_text_iter_get_offset (&b);
  return *end > *start;
}

/**
 * dossier_testimony_coder_code:
 * @self: a #DossierTestimonyCoder
 * @kind: what to code the selected passage as
 * @ref_id: the incident or person
 * @violation_type: the violation type, for %DOSSIER_PASSAGE_VIOLATION
 *
 * Codes the passage selected in the transcript.
 *
 * Returns: %TRUE if coded
 */
gboolean
dossier_testimony_coder_code (DossierTestimonyCoder *self,
                              DossierPassageKind     kind,
                              gint64                 ref_id,
                              const char            *violation_type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierPassage) passage = NULL;
  int start, end;

  g_return_val_if_fail (DOSSIER_IS_TESTIMONY_CODER (self), FALSE);
  if (!selection (self, &start, &end))
    {
      toast (self, _("Select a passage of the transcript first"));
      return FALSE;
    }
  passage = dossier_store_code_passage (self->store, self->testimony_id, start, end, kind, ref_id, violation_type, &error);
  if (passage == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }
  show_passages (self);
  select_range (self, end, end);
  return TRUE;
}

/**
 * dossier_testimony_coder_code_new:
 * @self: a #DossierTestimonyCoder
 * @kind: %DOSSIER_PASSAGE_INCIDENT or %DOSSIER_PASSAGE_PERSON
 *
 * Codes the selected passage as a new incident (titled after the passage, in the language
 * of the interface) or a new coded person, to be completed later in their editors.
 *
 * Returns: the new record's id, or 0
 */
gint64
dossier_testimony_coder_code_new (DossierTestimonyCoder *self,
                                  DossierPassageKind     kind)
{
  g_autoptr(DossierRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  int start, end;

  g_return_val_if_fail (DOSSIER_IS_TESTIMONY_CODER (self), 0);
  g_return_val_if_fail (kind != DOSSIER_PASSAGE_VIOLATION, 0);
  if (!selection (self, &start, &end))
    {
      toast (self, _("Select a passage of the transcript first"));
      return 0;
    }
  if (kind == DOSSIER_PASSAGE_INCIDENT)
    {
      DossierIncident *incident = dossier_incident_new ();
      GtkTextIter a, b;
      g_autofree char *text = NULL;
      g_autofree char *title = NULL;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &a, start);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &b, MIN (end, start + 80));
      text = gtk_text_buffer_get_text (self->buffer, &a, &b, FALSE);
      title = g_strstrip (g_strdelimit (g_steal_pointer (&text), "\n\r\t", ' '));
      if (g_strcmp0 (self->lang, "fr") == 0)
        set_str (&incident->title_fr, title);
      else
        set_str (&incident->title_en, title);
      record = DOSSIER_RECORD (incident);
    }
  else
    record = DOSSIER_RECORD (dossier_person_new ());
  if (!dossier_store_insert (self->store, record, &error))
    {
      toast (self, error->message);
      return 0;
    }
  if (!dossier_testimony_coder_code (self, kind, record->id, NULL))
    return 0;
  {
    /* Translators: %s is the code of the record just made */
    g_autofree char *message = g_strdup_printf (_("%s made: complete it in its editor"), record->code);

    toast (self, message);
  }
  return record->id;
}

/**
 * dossier_testimony_coder_find:
 * @self: a #DossierTestimonyCoder
 * @text: what to look for, or "" to clear
 *
 * Highlights every match in the transcript, accents and case ignored, and shows the first.
 *
 * Returns: the number of matches
 */
guint
dossier_testimony_coder_find (DossierTestimonyCoder *self,
                              const char            *text)
{
  GtkTextIter start, end, at, match_start, match_end;
  gboolean first = TRUE;
  guint n = 0;

  g_return_val_if_fail (DOSSIER_IS_TESTIMONY_CODER (self), 0);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (self->buffer, "match", &start, &end);
  at = start;
  while (text != NULL && *text != '\0' &&
         gtk_text_iter_forward_search (&at, text, GTK_TEXT_SEARCH_CASE_INSENSITIVE | GTK_TEXT_SEARCH_TEXT_ONLY,
                                       &match_start, &match_end, NULL))
    {
      gtk_text_buffer_apply_tag_by_name (self->buffer, "match", &match_start, &match_end);
      if (first)
        gtk_text_view_scroll_to_iter (self->text, &match_start, 0.1, FALSE, 0, 0);
      first = FALSE;
      at = match_end;
      n++;
    }
  if (text != NULL && *text != '\0')
    {
      /* Translators: how many times the text searched for is in the transcript */
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n), n);

      gtk_label_set_text (self->find_count, count);
    }
  else
    gtk_label_set_text (self->find_count, "");
  return n;
}

static void
on_find_changed (DossierTestimonyCoder *self)
{
  dossier_testimony_coder_find (self, gtk_editable_get_text (GTK_EDITABLE (self->find)));
}

/**
 * dossier_testimony_coder_set_status:
 * @self: a #DossierTestimonyCoder
 * @status: a “testimony-status” code
 *
 * Moves the testimony along the workflow; the change is kept with who made it and when.
 */
void
dossier_testimony_coder_set_status (DossierTestimonyCoder *self,
                                    const char            *status)
{
  g_autoptr(DossierTestimony) testimony = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_TESTIMONY_CODER (self));
  testimony = dossier_store_load (self->store, DOSSIER_TYPE_TESTIMONY, self->testimony_id, &error);
  if (testimony == NULL || g_strcmp0 (testimony->status, status) == 0)
    return;
  set_str (&testimony->status, status);
  if (!dossier_store_update (self->store, DOSSIER_RECORD (testimony), &error))
    {
      toast (self, error->message);
      return;
    }
  self->loading = TRUE;
  for (guint i = 0; i < self->status_codes->len; i++)
    if (g_strcmp0 (self->status_codes->pdata[i], status) == 0)
      gtk_drop_down_set_selected (self->status, i);
  self->loading = FALSE;
  show_history (self);
}

static void
on_status_selected (GtkDropDown           *dropdown,
                    GParamSpec            *pspec,
                    DossierTestimonyCoder *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (!self->loading && i < self->status_codes->len)
    dossier_testimony_coder_set_status (self, self->status_codes->pdata[i]);
}

/* The pickers, opened over the selection. */
static void
point_at_selection (DossierTestimonyCoder *self,
                    GtkPopover            *popover)
{
  GtkTextIter a, b;
  GdkRectangle rect;

  gtk_text_buffer_get_selection_bounds (self->buffer, &a, &b);
  gtk_text_view_get_iter_location (self->text, &a, &rect);
  gtk_text_view_buffer_to_window_coords (self->text, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &rect.x, &rect.y);
  gtk_widget_set_parent (GTK_WIDGET (popover), GTK_WIDGET (self->text));
  gtk_popover_set_pointing_to (popover, &rect);
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (popover);
}

static void
on_record_picked (DossierRecordPicker   *picker,
                  gint64                 id,
                  const char            *role,
                  DossierTestimonyCoder *self)
{
  DossierPassageKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (picker), "kind"));

  gtk_popover_popdown (GTK_POPOVER (picker));
  dossier_testimony_coder_code (self, kind, id, NULL);
}

static void
pick_record (DossierTestimonyCoder *self,
             DossierPassageKind     kind)
{
  int start, end;
  GtkWidget *picker;

  if (!selection (self, &start, &end))
    {
      toast (self, _("Select a passage of the transcript first"));
      return;
    }
  picker = dossier_record_picker_new (self->store, kind == DOSSIER_PASSAGE_INCIDENT ? DOSSIER_TYPE_INCIDENT : DOSSIER_TYPE_PERSON,
                                      NULL, self->lang);
  g_object_set_data (G_OBJECT (picker), "kind", GINT_TO_POINTER (kind));
  g_signal_connect (picker, "picked", G_CALLBACK (on_record_picked), self);
  point_at_selection (self, GTK_POPOVER (picker));
}

static void
on_violation_activated (GtkListBox            *box,
                        GtkListBoxRow         *row,
                        DossierTestimonyCoder *self)
{
  const char *code = g_object_get_data (G_OBJECT (row), "code");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (box), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  dossier_testimony_coder_code (self, DOSSIER_PASSAGE_VIOLATION, 0, code);
}

static gboolean
filter_violation (GtkListBoxRow *row,
                  gpointer       data)
{
  GtkEditable *search = data;
  g_autofree char *typed = dossier_fold_text (gtk_editable_get_text (search));

  return *typed == '\0' || strstr (g_object_get_data (G_OBJECT (row), "folded"), typed) != NULL;
}

static void
on_violation_search (GtkSearchEntry *entry,
                     GtkListBox     *box)
{
  gtk_list_box_invalidate_filter (box);
}

static void
on_violation_enter (GtkSearchEntry *entry,
                    GtkListBox     *box)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (box)); row; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row) && GTK_IS_LIST_BOX_ROW (row))
      {
        g_signal_emit_by_name (box, "row-activated", row);
        return;
      }
}

static void
pick_violation (DossierTestimonyCoder *self)
{
  g_autoptr(GPtrArray) terms = dossier_store_list_vocab (self->store, "violation-type", NULL);
  GtkWidget *popover, *box, *search, *scrolled, *list;
  int start, end;

  if (!selection (self, &start, &end))
    {
      toast (self, _("Select a passage of the transcript first"));
      return;
    }
  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  search = gtk_search_entry_new ();
  g_object_set (search, "placeholder-text", _("Find a violation type"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find a violation type"), -1);
  list = gtk_list_box_new ();
  for (guint i = 0; terms && i < terms->len; i++)
    {
      DossierVocabTerm *term = terms->pdata[i];
      const char *label = g_strcmp0 (self->lang, "fr") == 0 ? term->label_fr : term->label_en;
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *text = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_widget_set_margin_start (text, 6);
      gtk_widget_set_margin_top (text, 3);
      gtk_widget_set_margin_bottom (text, 3);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text);
      g_object_set_data_full (G_OBJECT (row), "code", g_strdup (term->code), g_free);
      g_object_set_data_full (G_OBJECT (row), "folded", dossier_fold_text (label), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_list_box_set_filter_func (GTK_LIST_BOX (list), filter_violation, search, NULL);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_violation_activated), self);
  g_signal_connect (search, "search-changed", G_CALLBACK (on_violation_search), list);
  g_signal_connect (search, "activate", G_CALLBACK (on_violation_enter), list);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_box_append (GTK_BOX (box), search);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  point_at_selection (self, GTK_POPOVER (popover));
  gtk_widget_grab_focus (search);
}

static gboolean
on_key (GtkEventControllerKey *controller,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        DossierTestimonyCoder *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);

  /* One key each, in the transcript; Shift for a new record. */
  if (mods == 0 || mods == GDK_SHIFT_MASK)
    switch (gdk_keyval_to_lower (keyval))
      {
      case GDK_KEY_i:
        if (mods == GDK_SHIFT_MASK)
          dossier_testimony_coder_code_new (self, DOSSIER_PASSAGE_INCIDENT);
        else
          pick_record (self, DOSSIER_PASSAGE_INCIDENT);
        return TRUE;
      case GDK_KEY_p:
        if (mods == GDK_SHIFT_MASK)
          dossier_testimony_coder_code_new (self, DOSSIER_PASSAGE_PERSON);
        else
          pick_record (self, DOSSIER_PASSAGE_PERSON);
        return TRUE;
      case GDK_KEY_v:
        /* Shift makes a new record; there is no new violation type to make. */
        if (mods == GDK_SHIFT_MASK)
          break;
        pick_violation (self);
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

static void
next_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  DossierTestimonyCoder *self = DOSSIER_TESTIMONY_CODER (widget);

  if (!dossier_testimony_coder_step (self, g_str_equal (action, "coder.next") ? 1 : -1))
    toast (self, g_str_equal (action, "coder.next") ? _("This is the last testimony of the queue")
                                                    : _("This is the first testimony of the queue"));
}

static void
find_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (DOSSIER_TESTIMONY_CODER (widget)->find));
}

static void
dossier_testimony_coder_finalize (GObject *object)
{
  DossierTestimonyCoder *self = DOSSIER_TESTIMONY_CODER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->queue, g_array_unref);
  g_clear_pointer (&self->queue_status, g_free);
  g_clear_pointer (&self->queue_office, g_free);
  g_clear_pointer (&self->queue_language, g_free);
  g_clear_pointer (&self->status_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (dossier_testimony_coder_parent_class)->finalize (object);
}

static void
dossier_testimony_coder_class_init (DossierTestimonyCoderClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dossier_testimony_coder_finalize;
  gtk_widget_class_install_action (widget_class, "coder.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "coder.previous", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "coder.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "coder.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "coder.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "coder.find", NULL);
}

/* The coded passages' highlights, from the style (style.css): see-through, so that the
 * text reads on a light and a dark background alike; set again when the style changes. */
static void
update_tag_colours (DossierTestimonyCoder *self)
{
  static const char * const tags[][2] = {
    { "incident", "dossier_passage_incident_color" }, { "violation", "dossier_passage_violation_color" },
    { "person", "dossier_passage_person_color" }, { "match", "dossier_passage_match_color" },
  };
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      GdkRGBA colour;

      dossier_look_colour (GTK_WIDGET (self->text), tags[i][1], &colour);
      g_object_set (gtk_text_tag_table_lookup (table, tags[i][0]), "background-rgba", &colour, NULL);
    }
}

static void
dossier_testimony_coder_init (DossierTestimonyCoder *self)
{
}

/* A vocabulary as a drop-down, "Any" first when @any; its codes in order in @codes. */
static GtkWidget *
vocab_dropdown (DossierTestimonyCoder *self,
                const char            *scheme,
                gboolean               any,
                GPtrArray             *codes)
{
  g_autoptr(GPtrArray) terms = dossier_store_list_vocab (self->store, scheme, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (any)
    {
      /* Translators: in a filter, any value */
      gtk_string_list_append (labels, C_("filter", "Any"));
      g_ptr_array_add (codes, NULL);
    }
  for (guint i = 0; terms && i < terms->len; i++)
    {
      DossierVocabTerm *term = terms->pdata[i];

      gtk_string_list_append (labels, g_strcmp0 (self->lang, "fr") == 0 ? term->label_fr : term->label_en);
      g_ptr_array_add (codes, g_strdup (term->code));
    }
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
}

static void
on_queue_filter (GtkDropDown           *dropdown,
                 GParamSpec            *pspec,
                 DossierTestimonyCoder *self)
{
  GtkDropDown *dropdowns[3];
  const char *values[3];

  for (guint i = 0; i < 3; i++)
    {
      GPtrArray *codes;

      dropdowns[i] = g_object_get_data (G_OBJECT (self), i == 0 ? "queue-status" : i == 1 ? "queue-office" : "queue-language");
      codes = g_object_get_data (G_OBJECT (dropdowns[i]), "codes");
      values[i] = gtk_drop_down_get_selected (dropdowns[i]) < codes->len ? codes->pdata[gtk_drop_down_get_selected (dropdowns[i])]
                                                                        : NULL;
    }
  dossier_testimony_coder_set_queue (self, values[0], values[1], values[2]);
}

static GtkWidget *
labelled (const char *mnemonic,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  if (GTK_IS_DROP_DOWN (widget))
    dossier_accessible_name_drop_down (GTK_DROP_DOWN (widget), gtk_label_get_text (GTK_LABEL (label)));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

/**
 * dossier_testimony_coder_new:
 * @store: the dossier
 * @lang: "fr" or "en"
 * @testimony_id: the testimony to show first
 *
 * Returns: (transfer full): a new window, its queue every testimony of the dossier
 */
DossierTestimonyCoder *
dossier_testimony_coder_new (DossierStore *store,
                             const char   *lang,
                             gint64        testimony_id)
{
  DossierTestimonyCoder *self = g_object_new (DOSSIER_TYPE_TESTIMONY_CODER, NULL);
  GtkWidget *overlay, *content, *header, *paned, *left, *right, *scrolled, *side_scrolled, *group, *filters;
  GtkWidget *previous, *next, *help;
  GtkEventController *keys;

  self->store = g_object_ref (store);
  self->lang = g_strdup (lang);
  self->status_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 800);
  /* Translators: the title of the window where testimonies are read and coded */
  gtk_window_set_title (GTK_WINDOW (self), _("Indexing Testimonies"));

  header = adw_header_bar_new ();
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Indexing Testimonies"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  previous = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (previous, _("Previous testimony of the queue (Alt+Left)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (previous), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Previous testimony of the queue (Alt+Left)"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (previous), "coder.previous");
  next = gtk_button_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_tooltip_text (next, _("Next testimony of the queue (Alt+Right)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (next), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Next testimony of the queue (Alt+Right)"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (next), "coder.next");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), previous);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), next);
  self->position = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->position), "dim-label");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->position));

  /* The queue: which testimonies Alt+Left and Alt+Right go through. */
  filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (filters, 12);
  gtk_widget_set_margin_end (filters, 12);
  gtk_widget_set_margin_top (filters, 6);
  gtk_widget_set_margin_bottom (filters, 6);
  {
    const struct { const char *scheme, *key, *mnemonic; } queue[] = {
      { "testimony-status", "queue-status", N_("_Status") }, { "office", "queue-office", N_("_Office") },
      { "language", "queue-language", N_("_Language") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (queue); i++)
      {
        GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
        GtkWidget *dropdown = vocab_dropdown (self, queue[i].scheme, TRUE, codes);

        g_object_set_data_full (G_OBJECT (dropdown), "codes", codes, (GDestroyNotify) g_ptr_array_unref);
        g_object_set_data (G_OBJECT (self), queue[i].key, dropdown);
        g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_queue_filter), self);
        gtk_box_append (GTK_BOX (filters), labelled (_(queue[i].mnemonic), dropdown));
      }
  }
  help = gtk_label_new (_("Select a passage, then: I incident · V violation type · P person mentioned · Shift+I or Shift+P new"));
  gtk_widget_add_css_class (help, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (help), TRUE);
  gtk_widget_set_hexpand (help, TRUE);
  gtk_label_set_xalign (GTK_LABEL (help), 1);
  gtk_box_append (GTK_BOX (filters), help);

  /* Left: the transcript, and searching in it. */
  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->find = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->find, "placeholder-text", _("Search the transcript (Ctrl+F)"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->find), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search the transcript (Ctrl+F)"), -1);
  g_signal_connect_swapped (self->find, "search-changed", G_CALLBACK (on_find_changed), self);
  self->find_count = GTK_LABEL (gtk_label_new (NULL));
  {
    GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_widget_set_hexpand (GTK_WIDGET (self->find), TRUE);
    gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->find));
    gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->find_count));
    gtk_widget_set_margin_start (bar, 12);
    gtk_widget_set_margin_end (bar, 12);
    gtk_box_append (GTK_BOX (left), bar);
  }
  self->text = GTK_TEXT_VIEW (gtk_text_view_new ());
  self->buffer = gtk_text_view_get_buffer (self->text);
  gtk_text_view_set_editable (self->text, FALSE);
  gtk_text_view_set_cursor_visible (self->text, TRUE);
  gtk_text_view_set_wrap_mode (self->text, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text, 12);
  gtk_text_view_set_right_margin (self->text, 12);
  gtk_text_view_set_top_margin (self->text, 8);
  gtk_text_view_set_pixels_below_lines (self->text, 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Transcript"), -1);
  gtk_text_buffer_create_tag (self->buffer, "incident", NULL);
  gtk_text_buffer_create_tag (self->buffer, "violation", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (self->buffer, "person", NULL);
  gtk_text_buffer_create_tag (self->buffer, "match", "weight", PANGO_WEIGHT_BOLD, NULL);
  update_tag_colours (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (update_tag_colours), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast", G_CALLBACK (update_tag_colours),
                           self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text), keys);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->text));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (left), scrolled);

  /* Right: the testimony, its status, its coded passages. */
  right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (right, 12);
  gtk_widget_set_margin_end (right, 12);
  gtk_widget_set_margin_top (right, 12);
  gtk_widget_set_margin_bottom (right, 12);
  self->details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->details, TRUE);
  gtk_label_set_xalign (self->details, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->details), "dim-label");
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_selectable (self->summary, TRUE);
  self->status = GTK_DROP_DOWN (vocab_dropdown (self, "testimony-status", FALSE, self->status_codes));
  g_signal_connect (self->status, "notify::selected", G_CALLBACK (on_status_selected), self);
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->details));
  gtk_box_append (GTK_BOX (right), labelled (_("S_tatus"), GTK_WIDGET (self->status)));
  self->history = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->history, 0);
  gtk_label_set_wrap (self->history, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->history), "dim-label");
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->history));
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->summary));
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Coded passages"));
  self->passages = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->passages), "boxed-list");
  gtk_list_box_set_selection_mode (self->passages, GTK_SELECTION_NONE);
  g_signal_connect (self->passages, "row-activated", G_CALLBACK (on_passage_activated), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->passages));
  gtk_box_append (GTK_BOX (right), group);
  side_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side_scrolled), right);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_start_child (GTK_PANED (paned), left);
  gtk_paned_set_end_child (GTK_PANED (paned), side_scrolled);
  gtk_paned_set_position (GTK_PANED (paned), 720);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), filters);
  gtk_box_append (GTK_BOX (content), paned);
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), content);
  adw_window_set_content (ADW_WINDOW (self), overlay);

  dossier_testimony_coder_set_queue (self, NULL, NULL, NULL);
  show_testimony (self, testimony_id);
  gtk_widget_grab_focus (GTK_WIDGET (self->text));
  return self;
}
