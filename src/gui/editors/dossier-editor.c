/* dossier-editor.c: the base of the record editors, which save every field as it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * There is no Save button: a dossier must never lose an edit. Each editor is a composite
 * template whose field widgets are named after a table of (template id, record field,
 * kind); this class fills them from the record and writes them back. A choice in a list is
 * saved at once; typing is saved after a short pause (so that one word is one audited
 * change, not one per letter), and at once when the editor loses focus, moves to another
 * record or goes away. A value the dossier cannot hold (a date that is not EDTF, a
 * latitude of 200) is never written: its widget says why, and the dossier keeps the last
 * good value.
 */
#include "config.h"


#include <glib/gi18n.h>

#include "dossier-date-row.h"
#include "dossier-editor.h"
#include "dossier-editor-private.h"
#include "dossier-test-hooks.h"
#include "dossier-format.h"
#include "dossier-link-group.h"
#include "dossier-ref-row.h"
#include "dossier-vocab-row.h"

#define SAVE_DELAY_MS 600

typedef struct
{
  DossierStore  *store;
  DossierRecord *record;
  char          *lang;        /* of the interface */
  char          *edit_lang;   /* of the bilingual fields shown */
  guint64        dirty;       /* fields typed into and not saved yet, by index */
  guint          save_source;
  gboolean       loading;
  GtkLabel      *code_label;
  GtkToggleButton *language_fr;
  GtkToggleButton *language_en;
} DossierEditorPrivate;

enum {
  SAVED,
  OPEN_RECORD,
  LINKS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DossierEditor, dossier_editor, GTK_TYPE_WIDGET)

static GtkWidget *
field_widget (DossierEditor *self,
              guint          index)
{
  DossierEditorClass *klass = DOSSIER_EDITOR_GET_CLASS (self);

  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self),
                                                     klass->fields[index].id));
}

GtkWidget *
dossier_editor_get_field_widget (DossierEditor *self,
                                 const char    *id)
{
  g_return_val_if_fail (DOSSIER_IS_EDITOR (self), NULL);
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), G_OBJECT_TYPE (self), id));
}

/* The record's field a table entry stands for now (bilingual fields follow the switch). */
static const DossierField *
record_field (DossierEditor            *self,
              const DossierEditorField *spec)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);
  g_autofree char *name = NULL;

  if (priv->record == NULL)
    return NULL;
  if (spec->kind == DOSSIER_EDITOR_BILINGUAL)
    name = g_strdup_printf ("%s_%s", spec->field, priv->edit_lang);
  else
    name = g_strdup (spec->field);
  return dossier_record_find_field (dossier_record_get_info (priv->record), name);
}

static gboolean
is_text (const DossierEditorField *spec)
{
  return spec->kind == DOSSIER_EDITOR_TEXT || spec->kind == DOSSIER_EDITOR_LONG_TEXT ||
         spec->kind == DOSSIER_EDITOR_BILINGUAL;
}

/* A text longer than its field may hold (dossier_record_text_limit()) is not saved, as the
 * store would refuse it: returns FALSE and sets @message. */
static gboolean
check_length (DossierEditor       *self,
              const DossierField  *field,
              GtkWidget           *widget,
              char               **message)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);
  guint limit;
  glong chars;

  if (priv->record == NULL || field == NULL)
    return TRUE;
  limit = dossier_record_text_limit (dossier_record_get_info (priv->record)->table, field->name);
  /* A buffer knows its length: a transcript is not copied at each key. */
  if (GTK_IS_TEXT_VIEW (widget))
    chars = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)));
  else
    chars = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (widget)), -1);
  if (chars <= (glong) limit)
    return TRUE;
  /* Translators: %u is the most characters a field may hold, %ld how many were typed */
  *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Too long to be saved: at most %u character, not %ld",
                                           "Too long to be saved: at most %u characters, not %ld", limit),
                              limit, chars);
  return FALSE;
}

static void
show_invalid (GtkWidget  *widget,
              const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
  /* The reason is read, not only coloured: in full under the row while it is wrong. */
  if (ADW_IS_PREFERENCES_ROW (widget))
    dossier_editor_show_row_message (widget, message);
}

void
dossier_editor_open_record (DossierEditor *self,
                            GType          type,
                            gint64         id)
{
  g_return_if_fail (DOSSIER_IS_EDITOR (self));
  g_signal_emit (self, signals[OPEN_RECORD], 0, type, id);
}

void
dossier_editor_show_error (DossierEditor *self,
                           const char    *message)
{
  GtkWidget *overlay;

  g_return_if_fail (DOSSIER_IS_EDITOR (self));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static void load_fields (DossierEditor *self);

/**
 * dossier_editor_save:
 * @self: a #DossierEditor
 *
 * Writes the record as it is now, for subclasses that changed it. On failure the reason
 * is shown and the editor shows the record as stored.
 *
 * Returns: %TRUE if saved
 */
gboolean
dossier_editor_save (DossierEditor *self)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (DOSSIER_IS_EDITOR (self), FALSE);

  if (priv->record == NULL || priv->loading)
    return FALSE;
  if (!dossier_store_update (priv->store, priv->record, &error))
    {
      g_autoptr(GError) reload_error = NULL;

      dossier_editor_show_error (self, error->message);
      if (!dossier_store_reload (priv->store, priv->record, &reload_error))
        g_warning ("Could not read the record again: %s", reload_error->message);
      load_fields (self);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, priv->record);
  return TRUE;
}

/**
 * dossier_editor_flush:
 * @self: a #DossierEditor
 *
 * Saves at once what was typed and is waiting for the pause.
 */
void
dossier_editor_flush (DossierEditor *self)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);
  DossierEditorClass *klass = DOSSIER_EDITOR_GET_CLASS (self);
  gboolean any = FALSE;

  g_return_if_fail (DOSSIER_IS_EDITOR (self));

  if (klass->flush != NULL)
    klass->flush (self);
  g_clear_handle_id (&priv->save_source, g_source_remove);
  if (priv->dirty == 0 || priv->record == NULL)
    {
      priv->dirty = 0;
      return;
    }
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const DossierEditorField *spec = &klass->fields[i];
      const DossierField *field;
      GtkWidget *widget;
      g_autofree char *text = NULL;
      g_autofree char *value = NULL;
      g_autofree char *message = NULL;

      if (!(priv->dirty & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      widget = field_widget (self, i);
      field = record_field (self, spec);
      g_return_if_fail (field != NULL);
      text = _dossier_editor_widget_text (widget);
      if (spec->kind == DOSSIER_EDITOR_DATE && !dossier_date_row_is_valid (DOSSIER_DATE_ROW (widget)))
        continue;
      if (spec->kind == DOSSIER_EDITOR_NUMBER || spec->kind == DOSSIER_EDITOR_COORDINATE)
        {
          if (!_dossier_editor_check_number (spec, text, &value, &message))
            continue;
        }
      else if (is_text (spec) && !check_length (self, field, widget, &message))
        continue;
      else
        value = g_steal_pointer (&text);
      dossier_record_set_string (priv->record, field, value);
      any = TRUE;
    }
  priv->dirty = 0;
  if (any)
    dossier_editor_save (self);
}

static gboolean
save_after_pause (gpointer data)
{
  DossierEditor *self = data;
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);

  priv->save_source = 0;
  dossier_editor_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_field_changed (DossierEditor *self,
                  GtkWidget     *widget)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);
  DossierEditorClass *klass = DOSSIER_EDITOR_GET_CLASS (self);
  guint index = 0;
  const DossierEditorField *spec;

  /* Which of the class's fields @widget edits. */
  while (index < klass->n_fields && field_widget (self, index) != widget)
    index++;
  g_return_if_fail (index < klass->n_fields);
  spec = &klass->fields[index];

  if (priv->loading || priv->record == NULL)
    return;

  if (spec->kind == DOSSIER_EDITOR_NUMBER || spec->kind == DOSSIER_EDITOR_COORDINATE)
    {
      g_autofree char *text = _dossier_editor_widget_text (widget);
      g_autofree char *value = NULL;
      g_autofree char *message = NULL;

      _dossier_editor_check_number (spec, text, &value, &message);
      show_invalid (widget, message);
    }
  if (is_text (spec))
    {
      g_autofree char *message = NULL;

      check_length (self, record_field (self, spec), widget, &message);
      show_invalid (widget, message);
    }

  if (spec->kind == DOSSIER_EDITOR_VOCAB)
    {
      const DossierField *field = record_field (self, spec);

      dossier_record_set_string (priv->record, field, dossier_vocab_row_get_value (DOSSIER_VOCAB_ROW (widget)));
      dossier_editor_save (self);
      return;
    }
  if (spec->kind == DOSSIER_EDITOR_VOCAB_LIST)
    {
      const DossierField *field = record_field (self, spec);
      g_autofree char *joined = g_strjoinv (",", (char **) dossier_vocab_row_get_values (DOSSIER_VOCAB_ROW (widget)));

      dossier_record_set_string (priv->record, field, joined);
      dossier_editor_save (self);
      return;
    }
  if (spec->kind == DOSSIER_EDITOR_REFERENCE)
    {
      const DossierField *field = record_field (self, spec);
      gint64 id = dossier_ref_row_get_id (DOSSIER_REF_ROW (widget));
      g_autofree char *value = id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;

      dossier_record_set_string (priv->record, field, value);
      dossier_editor_save (self);
      return;
    }
  priv->dirty |= G_GUINT64_CONSTANT (1) << index;
  g_clear_handle_id (&priv->save_source, g_source_remove);
  priv->save_source = g_timeout_add (SAVE_DELAY_MS, save_after_pause, self);
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   GtkWidget     *view)
{
  DossierEditor *self = DOSSIER_EDITOR (gtk_widget_get_ancestor (view, DOSSIER_TYPE_EDITOR));

  if (self != NULL)
    on_field_changed (self, view);
}

/* A list of codes is stored as "ff,bm,fr". */
static GStrv
split_codes (const char *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (value ? value : "", ",", -1);

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
load_fields (DossierEditor *self)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);
  DossierEditorClass *klass = DOSSIER_EDITOR_GET_CLASS (self);

  priv->loading = TRUE;
  gtk_label_set_text (priv->code_label, priv->record ? dossier_record_get_code (priv->record) : "");
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const DossierEditorField *spec = &klass->fields[i];
      const DossierField *field = record_field (self, spec);
      GtkWidget *widget = field_widget (self, i);
      g_autofree char *value = NULL;

      if (field == NULL)
        continue;
      value = dossier_record_get_string (priv->record, field);
      switch (spec->kind)
        {
        case DOSSIER_EDITOR_VOCAB:
          dossier_vocab_row_set_value (DOSSIER_VOCAB_ROW (widget), value);
          break;
        case DOSSIER_EDITOR_REFERENCE:
          dossier_ref_row_set_id (DOSSIER_REF_ROW (widget), value ? g_ascii_strtoll (value, NULL, 10) : 0);
          break;
        case DOSSIER_EDITOR_READ_ONLY:
          {
            g_autofree char *shown = value && *value && klass->format ? klass->format (self, spec->field, value) : NULL;
            g_autofree char *escaped = g_markup_escape_text (shown ? shown : value ? value : "", -1);

            adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), escaped);
            /* What the file did not say (no pages in a photograph) is not a row. */
            gtk_widget_set_visible (widget, value != NULL && *value != '\0');
          }
          break;
        case DOSSIER_EDITOR_VOCAB_LIST:
          {
            g_auto(GStrv) codes = split_codes (value);

            dossier_vocab_row_set_values (DOSSIER_VOCAB_ROW (widget), (const char * const *) codes);
          }
          break;
        case DOSSIER_EDITOR_COORDINATE:
          /* As a person writes it, not as a double prints in full (14.120000000000001), with
           * the interface's decimal separator: six decimals are a tenth of a metre. */
          if (value != NULL)
            {
              double x = g_ascii_strtod (value, NULL);

              g_free (value);
              value = dossier_format_decimal (x, 6, priv->lang);
            }
          G_GNUC_FALLTHROUGH;
        case DOSSIER_EDITOR_NUMBER:
        case DOSSIER_EDITOR_TEXT:
        case DOSSIER_EDITOR_LONG_TEXT:
        case DOSSIER_EDITOR_BILINGUAL:
          show_invalid (widget, NULL);
          G_GNUC_FALLTHROUGH;
        default:
          _dossier_editor_set_widget_text (widget, value);
        }
    }
  if (klass->load != NULL && priv->record != NULL)
    klass->load (self, priv->record);
  priv->loading = FALSE;
}

static void
on_link_group_open (DossierEditor *self,
                    GType          type,
                    gint64         id)
{
  g_signal_emit (self, signals[OPEN_RECORD], 0, type, id);
}

static void
on_link_group_changed (DossierEditor *self)
{
  g_signal_emit (self, signals[LINKS_CHANGED], 0);
}

static void
on_language_toggled (DossierEditor   *self,
                     GtkToggleButton *button)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);
  const char *lang = button == priv->language_fr ? "fr" : "en";

  if (!gtk_toggle_button_get_active (button) || g_strcmp0 (lang, priv->edit_lang) == 0)
    return;
  dossier_editor_set_edit_language (self, lang);
}

/* Leaving the editor saves what was typed. */
static void
on_focus_leave (DossierEditor *self)
{
  dossier_editor_flush (self);
}

static void
dossier_editor_constructed (GObject *object)
{
  DossierEditor *self = DOSSIER_EDITOR (object);
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);
  DossierEditorClass *klass = DOSSIER_EDITOR_GET_CLASS (self);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  G_OBJECT_CLASS (dossier_editor_parent_class)->constructed (object);

  /* The subclass's init has made its template by now. */
  priv->code_label = GTK_LABEL (dossier_editor_get_field_widget (self, "code_label"));
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GtkWidget *widget = field_widget (self, i);

      g_assert (widget != NULL);
      switch (klass->fields[i].kind)
        {
        case DOSSIER_EDITOR_READ_ONLY:
          break;
        case DOSSIER_EDITOR_REFERENCE:
          g_signal_connect_swapped (widget, "open-record", G_CALLBACK (on_link_group_open), self);
          G_GNUC_FALLTHROUGH;
        case DOSSIER_EDITOR_VOCAB:
        case DOSSIER_EDITOR_VOCAB_LIST:
        case DOSSIER_EDITOR_DATE:
          g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_field_changed), self);
          break;
        default:
          if (GTK_IS_TEXT_VIEW (widget))
            g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                              G_CALLBACK (on_buffer_changed), widget);
          else
            g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_field_changed), self);
        }
    }
  for (guint i = 0; klass->link_groups && klass->link_groups[i]; i++)
    {
      GtkWidget *group = dossier_editor_get_field_widget (self, klass->link_groups[i]);

      g_signal_connect_object (group, "open-record", G_CALLBACK (on_link_group_open), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (group, "changed", G_CALLBACK (on_link_group_changed), self, G_CONNECT_SWAPPED);
    }
  if (klass->bilingual)
    {
      priv->language_fr = GTK_TOGGLE_BUTTON (dossier_editor_get_field_widget (self, "language_fr"));
      priv->language_en = GTK_TOGGLE_BUTTON (dossier_editor_get_field_widget (self, "language_en"));
      g_signal_connect_swapped (priv->language_fr, "toggled", G_CALLBACK (on_language_toggled), self);
      g_signal_connect_swapped (priv->language_en, "toggled", G_CALLBACK (on_language_toggled), self);
    }
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

static void
dossier_editor_dispose (GObject *object)
{
  DossierEditor *self = DOSSIER_EDITOR (object);
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);
  GtkWidget *child;

  /* What was typed last is kept. */
  if (priv->store != NULL)
    dossier_editor_flush (self);
  g_clear_handle_id (&priv->save_source, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->record);
  g_clear_object (&priv->store);

  G_OBJECT_CLASS (dossier_editor_parent_class)->dispose (object);
}

static void
dossier_editor_finalize (GObject *object)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (DOSSIER_EDITOR (object));

  g_free (priv->lang);
  g_free (priv->edit_lang);

  G_OBJECT_CLASS (dossier_editor_parent_class)->finalize (object);
}

static void
dossier_editor_class_init (DossierEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_editor_constructed;
  object_class->dispose = dossier_editor_dispose;
  object_class->finalize = dossier_editor_finalize;

  /* The record was written to the dossier. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_RECORD);
  /* The user asked to open another record: its type and id. */
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_INT64);
  /* A link of the record was made or removed. */
  signals[LINKS_CHANGED] = g_signal_new ("links-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  g_type_ensure (DOSSIER_TYPE_DATE_ROW);
  g_type_ensure (DOSSIER_TYPE_VOCAB_ROW);
  g_type_ensure (DOSSIER_TYPE_LINK_GROUP);
  g_type_ensure (DOSSIER_TYPE_REF_ROW);
}

static void
dossier_editor_init (DossierEditor *self)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);

  priv->lang = g_strdup ("en");
  priv->edit_lang = g_strdup ("en");
}

/**
 * dossier_editor_class_setup:
 * @klass: a subclass
 * @resource: its template
 * @record_type: the records it edits
 * @fields: (array length=n_fields): its fields (static data, at most 64)
 * @n_fields: their number
 * @link_groups: (nullable) (array zero-terminated=1): ids of its #DossierLinkGroup children
 *
 * To be called from the subclass's class_init. The template must have a GtkLabel
 * "code_label" and, if a field is bilingual, toggle buttons "language_fr" and "language_en".
 */
void
dossier_editor_class_setup (DossierEditorClass       *klass,
                            const char               *resource,
                            GType                     record_type,
                            const DossierEditorField *fields,
                            guint                     n_fields,
                            const char * const       *link_groups)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_return_if_fail (n_fields <= 64);

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  klass->record_type = record_type;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->link_groups = link_groups;
  gtk_widget_class_bind_template_child_full (widget_class, "code_label", FALSE, 0);
  for (guint i = 0; i < n_fields; i++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, fields[i].id, FALSE, 0);
      klass->bilingual |= fields[i].kind == DOSSIER_EDITOR_BILINGUAL;
    }
  for (guint i = 0; link_groups && link_groups[i]; i++)
    gtk_widget_class_bind_template_child_full (widget_class, link_groups[i], FALSE, 0);
  if (klass->bilingual)
    {
      gtk_widget_class_bind_template_child_full (widget_class, "language_fr", FALSE, 0);
      gtk_widget_class_bind_template_child_full (widget_class, "language_en", FALSE, 0);
    }
}

/* Every vocabulary and date row of the template, fields or not (an incident's violation
 * types are held apart from its row), reads the dossier's terms in the interface's language. */
static void
set_store_below (GtkWidget    *widget,
                 DossierStore *store,
                 const char   *lang)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (DOSSIER_IS_VOCAB_ROW (child))
        dossier_vocab_row_set_vocabulary (DOSSIER_VOCAB_ROW (child), store, lang);
      else if (DOSSIER_IS_DATE_ROW (child))
        dossier_date_row_set_lang (DOSSIER_DATE_ROW (child), lang);
      else
        set_store_below (child, store, lang);
    }
}

/**
 * dossier_editor_set_store:
 * @self: a #DossierEditor
 * @store: the dossier
 * @lang: "fr" or "en": the interface's language, and the one edited first
 */
void
dossier_editor_set_store (DossierEditor *self,
                          DossierStore  *store,
                          const char    *lang)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);
  DossierEditorClass *klass = DOSSIER_EDITOR_GET_CLASS (self);

  g_return_if_fail (DOSSIER_IS_EDITOR (self));
  g_return_if_fail (DOSSIER_IS_STORE (store));

  dossier_editor_flush (self);
  g_clear_object (&priv->record);
  g_set_object (&priv->store, store);
  g_free (priv->lang);
  priv->lang = g_strdup (lang);
  set_store_below (GTK_WIDGET (self), store, lang);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      GtkWidget *widget = field_widget (self, i);

      if (DOSSIER_IS_REF_ROW (widget))
        {
          g_autoptr(DossierRecord) prototype = g_object_new (klass->record_type, NULL);
          const DossierField *field = dossier_record_find_field (dossier_record_get_info (prototype), klass->fields[i].field);

          dossier_ref_row_set_store (DOSSIER_REF_ROW (widget), store, dossier_type_for_table (field->ref_table), lang);
        }
    }
  if (klass->bilingual)
    dossier_editor_set_edit_language (self, lang);
}

DossierStore *
dossier_editor_get_store (DossierEditor *self)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);

  g_return_val_if_fail (DOSSIER_IS_EDITOR (self), NULL);
  return priv->store;
}

const char *
dossier_editor_get_lang (DossierEditor *self)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);

  g_return_val_if_fail (DOSSIER_IS_EDITOR (self), NULL);
  return priv->lang;
}

/**
 * dossier_editor_set_record:
 * @self: a #DossierEditor
 * @id: the record to edit, or 0 for none
 *
 * Saves what was typed in the previous record, then shows this one as stored.
 *
 * Returns: %TRUE if the record could be read
 */
/* The first scrolled window of the editor's page. */
static GtkScrolledWindow *
find_scrolled (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
dossier_editor_set_record (DossierEditor *self,
                           gint64         id)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);
  DossierEditorClass *klass = DOSSIER_EDITOR_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierRecord) record = NULL;

  g_return_val_if_fail (DOSSIER_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (priv->store != NULL, FALSE);

  dossier_editor_flush (self);
  if (id > 0)
    {
      record = dossier_store_load (priv->store, klass->record_type, id, &error);
      if (record == NULL)
        dossier_editor_show_error (self, error->message);
    }
  /* Another record opens at its top, its code and title in view, not where the last one
   * was left scrolled to; the same record read again stays where the reader is. */
  if (record != NULL && (priv->record == NULL || dossier_record_get_id (priv->record) != dossier_record_get_id (record)))
    {
      GtkScrolledWindow *scrolled = find_scrolled (GTK_WIDGET (self));

      if (scrolled != NULL)
        {
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
        }
    }
  g_set_object (&priv->record, record);
  gtk_widget_set_sensitive (GTK_WIDGET (self), record != NULL && !dossier_store_is_read_only (priv->store));
  load_fields (self);
  for (guint i = 0; klass->link_groups && klass->link_groups[i]; i++)
    dossier_link_group_set_record (DOSSIER_LINK_GROUP (dossier_editor_get_field_widget (self, klass->link_groups[i])),
                                   priv->store, record ? dossier_record_get_id (record) : 0, priv->lang);
  return record != NULL;
}

DossierRecord *
dossier_editor_get_record (DossierEditor *self)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);

  g_return_val_if_fail (DOSSIER_IS_EDITOR (self), NULL);
  return priv->record;
}

/* TRUE while the widgets are being filled from the record: their changes are not edits. */
gboolean
dossier_editor_is_loading (DossierEditor *self)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);

  g_return_val_if_fail (DOSSIER_IS_EDITOR (self), FALSE);
  return priv->loading;
}

/**
 * dossier_editor_set_edit_language:
 * @self: a #DossierEditor
 * @lang: "fr" or "en"
 *
 * Shows the title and summary in @lang, saving first what was typed in the other.
 */
void
dossier_editor_set_edit_language (DossierEditor *self,
                                  const char    *lang)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);

  g_return_if_fail (DOSSIER_IS_EDITOR (self));
  g_return_if_fail (g_strcmp0 (lang, "fr") == 0 || g_strcmp0 (lang, "en") == 0);

  dossier_editor_flush (self);
  g_free (priv->edit_lang);
  priv->edit_lang = g_strdup (lang);
  if (priv->language_fr != NULL)
    {
      gtk_toggle_button_set_active (g_str_equal (lang, "fr") ? priv->language_fr : priv->language_en, TRUE);
    }
  load_fields (self);
}

const char *
dossier_editor_get_edit_language (DossierEditor *self)
{
  DossierEditorPrivate *priv = dossier_editor_get_instance_private (self);

  g_return_val_if_fail (DOSSIER_IS_EDITOR (self), NULL);
  return priv->edit_lang;
}
