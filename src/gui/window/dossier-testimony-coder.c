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
#include "dossier-test-hooks.h"
#include "dossier-testimony-coder-private.h"
#include "dossier-vocab.h"
#include "dossier-vocab-term.h"

/* Where a coded passage is in the transcript. */
typedef struct {
  int start;
  int end;
} Range;

enum {
  PROP_0,
  PROP_STORE,
  PROP_LANG,
  PROP_TESTIMONY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DossierTestimonyCoder, dossier_testimony_coder, ADW_TYPE_WINDOW)

/* The queue's filters, in the order of their drop-downs. */
static const char * const queue_schemes[N_QUEUE_FILTERS] = { "testimony-status", "office", "language" };

static const char * const tag_names[] = { "incident", "violation", "person" };

/* GLib 2.74 has no g_set_str. */
void
_dossier_testimony_coder_set_str (char       **target,
                                  const char  *value)
{
  if (*target == value)
    return;
  g_free (*target);
  *target = g_strdup (value);
}

void
_dossier_testimony_coder_toast (DossierTestimonyCoder *self,
                                const char            *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* What a passage was coded as, in words: "INC-0003 — Moura: …", "Torture", "TEM-0004". */
static char *
describe_passage (DossierTestimonyCoder *self,
                  DossierPassage        *passage)
{
  if (dossier_passage_get_violation_type (passage) != NULL)
    return dossier_store_vocab_label (self->store, "violation-type", dossier_passage_get_violation_type (passage), self->lang);
  {
    gint64 incident_id = dossier_passage_get_incident_id (passage);
    GType type = incident_id ? DOSSIER_TYPE_INCIDENT : DOSSIER_TYPE_PERSON;
    g_autoptr(DossierRecord) record = dossier_store_load (self->store, type,
                                                          incident_id ? incident_id : dossier_passage_get_person_id (passage),
                                                          NULL);

    g_autofree char *description = record ? dossier_record_describe (self->store, record, self->lang) : NULL;

    if (record == NULL)
      return g_strdup ("");
    /* Translators: a record in the list of coded passages: its code, then what it is */
    return description && *description && !g_str_has_prefix (description, dossier_record_get_code (record))
           ? g_strdup_printf (_("%s — %s"), dossier_record_get_code (record), description) : g_strdup (dossier_record_get_code (record));
  }
}

void
_dossier_testimony_coder_select_range (DossierTestimonyCoder *self,
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
  int index = gtk_list_box_row_get_index (row);
  Range *range;

  /* The row saying that nothing is coded yet has no passage. */
  if (index < 0 || (guint) index >= self->passage_ranges->len)
    return;
  range = &g_array_index (self->passage_ranges, Range, index);
  _dossier_testimony_coder_select_range (self, range->start, range->end);
  gtk_widget_grab_focus (GTK_WIDGET (self->text));
}

/* The coded passages: highlighted in the text, listed beside it. */
void
_dossier_testimony_coder_show_passages (DossierTestimonyCoder *self)
{
  g_autoptr(GPtrArray) passages = dossier_store_list_passages (self->store, self->testimony_id, NULL);
  GtkTextIter start, end;
  GtkWidget *child;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  for (guint t = 0; t < G_N_ELEMENTS (tag_names); t++)
    gtk_text_buffer_remove_tag_by_name (self->buffer, tag_names[t], &start, &end);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->passages))) != NULL)
    gtk_list_box_remove (self->passages, child);
  g_array_set_size (self->passage_ranges, 0);
  self->n_passages = passages ? passages->len : 0;
  for (guint i = 0; passages && i < passages->len; i++)
    {
      DossierPassage *passage = passages->pdata[i];
      g_autofree char *what = describe_passage (self, passage);
      g_autofree char *excerpt = NULL;
      g_autofree char *line = NULL;
      GtkTextIter a, b;
      GtkWidget *row = adw_action_row_new ();
      Range range = { (int) dossier_passage_get_start_offset (passage), (int) dossier_passage_get_end_offset (passage) };
      const char *kind = g_str_equal (dossier_passage_get_kind (passage), "incident") ? _("Incident")
                       : g_str_equal (dossier_passage_get_kind (passage), "violation") ? _("Violation") : _("Person mentioned");

      gtk_text_buffer_get_iter_at_offset (self->buffer, &a, dossier_passage_get_start_offset (passage));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &b, dossier_passage_get_end_offset (passage));
      gtk_text_buffer_apply_tag_by_name (self->buffer, dossier_passage_get_kind (passage), &a, &b);
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
      g_array_append_val (self->passage_ranges, range);
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
  status = dossier_store_vocab_label (self->store, "testimony-status", dossier_audit_entry_get_new_value (last), self->lang);
  {
    g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (dossier_record_get_created_at (DOSSIER_RECORD (last)), NULL);
    g_autofree char *when = at ? g_date_time_format (at, "%Y-%m-%d %H:%M") : g_strdup (dossier_record_get_created_at (DOSSIER_RECORD (last)));

    /* Translators: the last change of a testimony's status: the status, who, when (UTC) */
    text = g_strdup_printf (_("%s by %s, %s UTC"), status, *dossier_audit_entry_get_user (last) ? dossier_audit_entry_get_user (last) : _("unnamed"), when);
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
      _dossier_testimony_coder_toast (self, error->message);
      return FALSE;
    }
  self->loading = TRUE;
  self->testimony_id = id;
  adw_window_title_set_title (self->title, dossier_record_get_code (DOSSIER_RECORD (testimony)));
  gtk_text_buffer_set_text (self->buffer, dossier_testimony_get_transcript (testimony), -1);
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (self->buffer, &start);
    gtk_text_buffer_place_cursor (self->buffer, &start);
  }
  gtk_label_set_text (self->summary, *dossier_testimony_get_summary (testimony) ? dossier_testimony_get_summary (testimony) : _("No summary"));
  if (dossier_testimony_get_person_id (testimony) > 0)
    {
      g_autoptr(DossierRecord) witness = dossier_store_load (self->store, DOSSIER_TYPE_PERSON, dossier_testimony_get_person_id (testimony), NULL);

      if (witness != NULL)
        /* Translators: the person who gave the testimony, by code */
        g_string_append_printf (details, _("Given by %s"), dossier_record_get_code (witness));
    }
  if (*dossier_testimony_get_taken_on (testimony))
    {
      g_autofree char *date = dossier_edtf_format_string (dossier_testimony_get_taken_on (testimony), self->lang);

      if (details->len)
        g_string_append (details, " · ");
      g_string_append (details, date ? date : dossier_testimony_get_taken_on (testimony));
    }
  if (dossier_testimony_get_office (testimony) != NULL)
    {
      g_autofree char *office = dossier_store_vocab_label (self->store, "office", dossier_testimony_get_office (testimony), self->lang);

      if (details->len)
        g_string_append (details, " · ");
      g_string_append (details, office);
    }
  if (dossier_testimony_get_language (testimony) != NULL)
    {
      g_autofree char *language = dossier_store_vocab_label (self->store, "language", dossier_testimony_get_language (testimony), self->lang);

      if (details->len)
        g_string_append (details, " · ");
      g_string_append (details, language);
    }
  gtk_label_set_text (self->details, details->str);
  for (guint i = 0; i < self->status_codes->len; i++)
    if (g_strcmp0 (self->status_codes->pdata[i], dossier_testimony_get_status (testimony)) == 0)
      gtk_drop_down_set_selected (self->status, i);
  _dossier_testimony_coder_show_passages (self);
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
  _dossier_testimony_coder_set_str (&self->queue_status, status);
  _dossier_testimony_coder_set_str (&self->queue_office, office);
  _dossier_testimony_coder_set_str (&self->queue_language, language);
  g_clear_pointer (&self->queue, g_array_unref);
  self->queue = dossier_store_testimony_queue (self->store, status, office, language, &error);
  if (self->queue == NULL)
    _dossier_testimony_coder_toast (self, error->message);
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
  _dossier_testimony_coder_select_range (self, start, end);
}

guint
dossier_testimony_coder_get_n_passages (DossierTestimonyCoder *self)
{
  g_return_val_if_fail (DOSSIER_IS_TESTIMONY_CODER (self), 0);
  return self->n_passages;
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
  if (testimony == NULL || g_strcmp0 (dossier_testimony_get_status (testimony), status) == 0)
    return;
  dossier_testimony_set_status (testimony, status);
  if (!dossier_store_update (self->store, DOSSIER_RECORD (testimony), &error))
    {
      _dossier_testimony_coder_toast (self, error->message);
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

static void
next_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  DossierTestimonyCoder *self = DOSSIER_TESTIMONY_CODER (widget);

  if (!dossier_testimony_coder_step (self, g_str_equal (action, "coder.next") ? 1 : -1))
    _dossier_testimony_coder_toast (self, g_str_equal (action, "coder.next") ? _("This is the last testimony of the queue")
                                                    : _("This is the first testimony of the queue"));
}

static void
find_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (DOSSIER_TESTIMONY_CODER (widget)->find));
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

/* A vocabulary's labels for a drop-down, "Any" first when @any; its codes in order in @codes. */
static GListModel *
vocab_labels (DossierTestimonyCoder *self,
              const char            *scheme,
              gboolean               any,
              GPtrArray             *codes)
{
  g_autoptr(GPtrArray) terms = dossier_store_list_vocab (self->store, scheme, NULL);
  GtkStringList *labels = gtk_string_list_new (NULL);

  if (any)
    {
      /* Translators: in a filter, any value */
      gtk_string_list_append (labels, C_("filter", "Any"));
      g_ptr_array_add (codes, NULL);
    }
  for (guint i = 0; terms && i < terms->len; i++)
    {
      DossierVocabTerm *term = terms->pdata[i];

      gtk_string_list_append (labels, g_strcmp0 (self->lang, "fr") == 0 ? dossier_vocab_term_get_label_fr (term) : dossier_vocab_term_get_label_en (term));
      g_ptr_array_add (codes, g_strdup (dossier_vocab_term_get_code (term)));
    }
  return G_LIST_MODEL (labels);
}

static void
on_queue_filter (DossierTestimonyCoder *self)
{
  const char *values[N_QUEUE_FILTERS];

  for (guint i = 0; i < N_QUEUE_FILTERS; i++)
    {
      guint selected = gtk_drop_down_get_selected (self->queue_dropdowns[i]);

      values[i] = selected < self->queue_codes[i]->len ? self->queue_codes[i]->pdata[selected] : NULL;
    }
  dossier_testimony_coder_set_queue (self, values[0], values[1], values[2]);
}

static void
name_drop_down (GtkDropDown *dropdown)
{
  GtkWidget *label = gtk_widget_get_prev_sibling (GTK_WIDGET (dropdown));

  dossier_accessible_name_drop_down (dropdown, gtk_label_get_text (GTK_LABEL (label)));
}

static void
dossier_testimony_coder_constructed (GObject *object)
{
  DossierTestimonyCoder *self = DOSSIER_TESTIMONY_CODER (object);

  G_OBJECT_CLASS (dossier_testimony_coder_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL);
  for (guint i = 0; i < N_QUEUE_FILTERS; i++)
    {
      g_autoptr(GListModel) labels = vocab_labels (self, queue_schemes[i], TRUE, self->queue_codes[i]);

      gtk_drop_down_set_model (self->queue_dropdowns[i], labels);
      name_drop_down (self->queue_dropdowns[i]);
      g_signal_connect_swapped (self->queue_dropdowns[i], "notify::selected", G_CALLBACK (on_queue_filter), self);
    }
  {
    g_autoptr(GListModel) labels = vocab_labels (self, "testimony-status", FALSE, self->status_codes);

    self->loading = TRUE;
    gtk_drop_down_set_model (self->status, labels);
    self->loading = FALSE;
    name_drop_down (self->status);
  }
  dossier_testimony_coder_set_queue (self, NULL, NULL, NULL);
  if (self->testimony_id == 0 && self->queue != NULL && self->queue->len > 0)
    self->testimony_id = g_array_index (self->queue, gint64, 0);
  show_testimony (self, self->testimony_id);
  gtk_widget_grab_focus (GTK_WIDGET (self->text));
}

static void
dossier_testimony_coder_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  DossierTestimonyCoder *self = DOSSIER_TESTIMONY_CODER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LANG:
      g_value_set_string (value, self->lang);
      break;
    case PROP_TESTIMONY:
      g_value_set_int64 (value, self->testimony_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_testimony_coder_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  DossierTestimonyCoder *self = DOSSIER_TESTIMONY_CODER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_LANG:
      self->lang = g_value_dup_string (value);
      break;
    case PROP_TESTIMONY:
      self->testimony_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
  for (guint i = 0; i < N_QUEUE_FILTERS; i++)
    g_clear_pointer (&self->queue_codes[i], g_ptr_array_unref);
  g_clear_pointer (&self->status_codes, g_ptr_array_unref);
  g_clear_pointer (&self->passage_ranges, g_array_unref);
  G_OBJECT_CLASS (dossier_testimony_coder_parent_class)->finalize (object);
}

static void
dossier_testimony_coder_class_init (DossierTestimonyCoderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_testimony_coder_constructed;
  object_class->get_property = dossier_testimony_coder_get_property;
  object_class->set_property = dossier_testimony_coder_set_property;
  object_class->finalize = dossier_testimony_coder_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DOSSIER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The testimony shown first; 0 for the queue's first. */
  properties[PROP_TESTIMONY] =
    g_param_spec_int64 ("testimony", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "coder.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "coder.previous", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "coder.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "coder.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "coder.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "coder.find", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/window/dossier-testimony-coder.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierTestimonyCoder, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierTestimonyCoder, title);
  gtk_widget_class_bind_template_child (widget_class, DossierTestimonyCoder, position);
  gtk_widget_class_bind_template_child_full (widget_class, "queue_status", FALSE,
                                             G_STRUCT_OFFSET (DossierTestimonyCoder, queue_dropdowns[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "queue_office", FALSE,
                                             G_STRUCT_OFFSET (DossierTestimonyCoder, queue_dropdowns[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "queue_language", FALSE,
                                             G_STRUCT_OFFSET (DossierTestimonyCoder, queue_dropdowns[2]));
  gtk_widget_class_bind_template_child (widget_class, DossierTestimonyCoder, find);
  gtk_widget_class_bind_template_child (widget_class, DossierTestimonyCoder, find_count);
  gtk_widget_class_bind_template_child (widget_class, DossierTestimonyCoder, text);
  gtk_widget_class_bind_template_child (widget_class, DossierTestimonyCoder, details);
  gtk_widget_class_bind_template_child (widget_class, DossierTestimonyCoder, status);
  gtk_widget_class_bind_template_child (widget_class, DossierTestimonyCoder, history);
  gtk_widget_class_bind_template_child (widget_class, DossierTestimonyCoder, summary);
  gtk_widget_class_bind_template_child (widget_class, DossierTestimonyCoder, passages);
  gtk_widget_class_bind_template_callback (widget_class, on_find_changed);
  _dossier_testimony_coder_coding_class_init (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_passage_activated);
}

static void
dossier_testimony_coder_init (DossierTestimonyCoder *self)
{
  for (guint i = 0; i < N_QUEUE_FILTERS; i++)
    self->queue_codes[i] = g_ptr_array_new_with_free_func (g_free);
  self->status_codes = g_ptr_array_new_with_free_func (g_free);
  self->passage_ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = gtk_text_view_get_buffer (self->text);
  gtk_text_buffer_create_tag (self->buffer, "incident", NULL);
  gtk_text_buffer_create_tag (self->buffer, "violation", "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_buffer_create_tag (self->buffer, "person", NULL);
  gtk_text_buffer_create_tag (self->buffer, "match", "weight", PANGO_WEIGHT_BOLD, NULL);
  update_tag_colours (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (update_tag_colours), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast", G_CALLBACK (update_tag_colours),
                           self, G_CONNECT_SWAPPED);
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
  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  return g_object_new (DOSSIER_TYPE_TESTIMONY_CODER, "store", store, "lang", lang, "testimony", testimony_id, NULL);
}
