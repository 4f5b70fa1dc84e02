/* dossier-vocab-row.c: a row to choose one or several terms of a vocabulary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Vocabularies run from three terms to a hundred (the cercles of Mali), so the choice is a
 * popover with a search entry over a list box: typing "tomb" or "Tombouctou" or "timbuktu"
 * finds the region, whatever the accents and whichever language the label is in.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-editor.h"
#include "dossier-text.h"
#include "dossier-vocab.h"
#include "dossier-vocab-row.h"

struct _DossierVocabRow
{
  AdwActionRow  parent_instance;

  GtkMenuButton *button;
  GtkLabel      *button_label;
  GtkWidget     *arrow;
  GtkSearchEntry *search;
  GtkListBox    *list;

  char          *scheme;
  char          *parent;        /* only terms under this one, or all */
  char          *lang;
  gboolean       multiple;
  gboolean       allow_none;
  GStrv          values;
  GPtrArray     *terms;         /* DossierVocabTerm */
  char          *folded_search;
  GHashTable    *notes;         /* code → what choosing it means, or NULL */
  GPtrArray     *choices;       /* Choice: the rows of @list, in order */
};

/* A row of the list: its term's code (NULL for "Not set"), its labels folded for the
 * search, and its check mark. */
typedef struct {
  char      *code;
  char      *folded;
  GtkWidget *check;
} Choice;

static void
choice_free (Choice *choice)
{
  g_free (choice->code);
  g_free (choice->folded);
  g_free (choice);
}

static Choice *
choice_of (DossierVocabRow *self,
           GtkListBoxRow   *row)
{
  int index = gtk_list_box_row_get_index (row);

  g_return_val_if_fail (index >= 0 && (guint) index < self->choices->len, NULL);
  return g_ptr_array_index (self->choices, index);
}

enum {
  PROP_0,
  PROP_SCHEME,
  PROP_MULTIPLE,
  PROP_ALLOW_NONE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierVocabRow, dossier_vocab_row, ADW_TYPE_ACTION_ROW)

static gboolean
has_value (DossierVocabRow *self,
           const char      *code)
{
  return self->values != NULL && g_strv_contains ((const char * const *) self->values, code);
}

/* A vocabulary with its own "unknown" term (sex, age group) offers it as the one way to say
 * nothing is known: a "Not set" beside it would be a second "unknown". Returns that term
 * of a row of one choice where none is allowed, or NULL. */
static DossierVocabTerm *
unknown_term (DossierVocabRow *self)
{
  if (self->multiple || !self->allow_none)
    return NULL;
  for (guint t = 0; self->terms && t < self->terms->len; t++)
    {
      DossierVocabTerm *term = self->terms->pdata[t];

      if (g_str_equal (dossier_vocab_term_get_code (term), "unknown") && (self->parent == NULL || g_strcmp0 (dossier_vocab_term_get_parent (term), self->parent) == 0))
        return term;
    }
  return NULL;
}

static void
update_label (DossierVocabRow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  DossierVocabTerm *unknown = unknown_term (self);

  for (guint i = 0; self->values && self->values[i]; i++)
    {
      const char *label = self->values[i];

      for (guint t = 0; self->terms && t < self->terms->len; t++)
        if (g_str_equal (dossier_vocab_term_get_code (self->terms->pdata[t]), self->values[i]))
          label = dossier_vocab_term_get_label (self->terms->pdata[t], self->lang);
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, label);
    }
  if (text->len == 0 && unknown != NULL)
    g_string_append (text, dossier_vocab_term_get_label (unknown, self->lang));
  gtk_label_set_text (self->button_label, text->len ? text->str : _("Not set"));
  /* Several terms are read whole under the title, where they wrap, rather than cut short
   * beside it ("Arrestation et détention arbitr…"). They cannot wrap on the right: GTK 4.8's
   * GtkMenuButton measures its child's height without the width it is given, and a label
   * of three lines there ran over the edges of its row. */
  {
    gboolean under = self->multiple && text->len > 0;

    const char *note = self->notes && self->values && self->values[0] && !self->values[1]
                       ? g_hash_table_lookup (self->notes, self->values[0]) : NULL;

    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), under ? text->str : note ? note : "");
    gtk_widget_set_visible (GTK_WIDGET (self->button_label), !under);
    gtk_widget_set_visible (self->arrow, self->multiple);
  }
  if (text->len)
    gtk_widget_remove_css_class (GTK_WIDGET (self->button_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->button_label), "dim-label");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), text->len ? text->str : NULL);
  /* What a screen reader says on the button: the field, then its value. */
  {
    g_autofree char *name = g_strdup_printf (_("%s: %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)),
                                             text->len ? text->str : _("Not set"));

    dossier_accessible_name_menu_button_inside (self->button, name);
  }
}

/* The check marks follow the values. */
static void
update_checks (DossierVocabRow *self)
{
  gboolean none = self->values == NULL || self->values[0] == NULL;
  gboolean unknown = unknown_term (self) != NULL;

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);
      const char *code = choice->code;
      gboolean on = code ? has_value (self, code) || (none && unknown && g_str_equal (code, "unknown")) : none;

      gtk_widget_set_opacity (choice->check, on ? 1.0 : 0.0);
    }
}

static GtkWidget *
make_row (DossierVocabRow *self,
          const char      *code,
          const char      *label,
          const char      *folded)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");
  GtkWidget *text = gtk_label_new (label);
  Choice *choice = g_new0 (Choice, 1);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  gtk_box_append (GTK_BOX (box), check);
  if (code != NULL && self->notes != NULL && g_hash_table_contains (self->notes, code))
    {
      /* The term, and under it what choosing it means. */
      GtkWidget *both = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *note = gtk_label_new (g_hash_table_lookup (self->notes, code));

      gtk_label_set_xalign (GTK_LABEL (note), 0);
      gtk_label_set_wrap (GTK_LABEL (note), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (note), 40);
      gtk_widget_add_css_class (note, "dim-label");
      gtk_widget_add_css_class (note, "caption");
      gtk_box_append (GTK_BOX (both), text);
      gtk_box_append (GTK_BOX (both), note);
      gtk_box_append (GTK_BOX (box), both);
    }
  else
    gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  choice->code = g_strdup (code);
  choice->folded = g_strdup (folded);
  choice->check = check;
  g_ptr_array_add (self->choices, choice);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

static void
rebuild (DossierVocabRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->choices, 0);
  if (self->allow_none && !self->multiple && unknown_term (self) == NULL)
    gtk_list_box_append (self->list, make_row (self, NULL, _("Not set"), ""));
  for (guint i = 0; self->terms && i < self->terms->len; i++)
    {
      DossierVocabTerm *term = self->terms->pdata[i];
      g_autofree char *both = NULL;
      g_autofree char *folded = NULL;

      if (self->parent != NULL && g_strcmp0 (dossier_vocab_term_get_parent (term), self->parent) != 0)
        continue;
      both = g_strjoin ("\n", dossier_vocab_term_get_code (term), dossier_vocab_term_get_label_fr (term), dossier_vocab_term_get_label_en (term), NULL);
      folded = dossier_fold_text (both);
      gtk_list_box_append (self->list, make_row (self, dossier_vocab_term_get_code (term),
                                                 dossier_vocab_term_get_label (term, self->lang), folded));
    }
  update_checks (self);
  update_label (self);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  DossierVocabRow *self = user_data;
  const char *folded = choice_of (self, row)->folded;

  if (self->folded_search == NULL || *self->folded_search == '\0')
    return TRUE;
  return folded != NULL && strstr (folded, self->folded_search) != NULL;
}

static void
on_search_changed (DossierVocabRow *self)
{
  g_free (self->folded_search);
  self->folded_search = dossier_fold_text (gtk_editable_get_text (GTK_EDITABLE (self->search)));
  gtk_list_box_invalidate_filter (self->list);
}

/* Enter in the search entry takes the first term shown. */
static void
on_search_activate (DossierVocabRow *self)
{
  GtkWidget *row;

  for (int i = 0; (row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, i))) != NULL; i++)
    if (gtk_widget_get_child_visible (row) && filter_row (GTK_LIST_BOX_ROW (row), self))
      {
        g_signal_emit_by_name (self->list, "row-activated", row);
        return;
      }
}

/**
 * dossier_vocab_row_choose:
 * @self: a #DossierVocabRow
 * @code: (nullable): a term's code, or %NULL for none
 *
 * Does what clicking the term in the popover does: sets it (or, in a row of several
 * terms, adds or removes it) and emits ::changed.
 */
void
dossier_vocab_row_choose (DossierVocabRow *self,
                          const char      *code)
{
  g_return_if_fail (DOSSIER_IS_VOCAB_ROW (self));

  if (!self->multiple)
    {
      const char *codes[] = { code, NULL };

      if (g_strcmp0 (code, dossier_vocab_row_get_value (self)) == 0)
        return;
      dossier_vocab_row_set_values (self, code ? codes : NULL);
    }
  else if (code != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) values = NULL;
      gboolean had = has_value (self, code);

      for (guint i = 0; self->values && self->values[i]; i++)
        if (!g_str_equal (self->values[i], code))
          g_strv_builder_add (builder, self->values[i]);
      if (!had)
        g_strv_builder_add (builder, code);
      values = g_strv_builder_end (builder);
      dossier_vocab_row_set_values (self, (const char * const *) values);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_row_activated (DossierVocabRow *self,
                  GtkListBoxRow   *row)
{
  dossier_vocab_row_choose (self, choice_of (self, row)->code);
  if (!self->multiple)
    gtk_menu_button_popdown (self->button);
}

static void
on_popover_shown (DossierVocabRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
dossier_vocab_row_finalize (GObject *object)
{
  DossierVocabRow *self = DOSSIER_VOCAB_ROW (object);

  g_clear_pointer (&self->scheme, g_free);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  g_clear_pointer (&self->parent, g_free);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->values, g_strfreev);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->folded_search, g_free);

  G_OBJECT_CLASS (dossier_vocab_row_parent_class)->finalize (object);
}

static void
dossier_vocab_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierVocabRow *self = DOSSIER_VOCAB_ROW (object);

  switch (prop_id)
    {
    case PROP_SCHEME:
      g_value_set_string (value, self->scheme);
      break;
    case PROP_MULTIPLE:
      g_value_set_boolean (value, self->multiple);
      break;
    case PROP_ALLOW_NONE:
      g_value_set_boolean (value, self->allow_none);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_vocab_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DossierVocabRow *self = DOSSIER_VOCAB_ROW (object);

  switch (prop_id)
    {
    case PROP_SCHEME:
      g_free (self->scheme);
      self->scheme = g_value_dup_string (value);
      break;
    case PROP_MULTIPLE:
      self->multiple = g_value_get_boolean (value);
      break;
    case PROP_ALLOW_NONE:
      self->allow_none = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_vocab_row_class_init (DossierVocabRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_vocab_row_finalize;
  object_class->get_property = dossier_vocab_row_get_property;
  object_class->set_property = dossier_vocab_row_set_property;

  properties[PROP_SCHEME] =
    g_param_spec_string ("scheme", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_MULTIPLE] =
    g_param_spec_boolean ("multiple", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_NONE] =
    g_param_spec_boolean ("allow-none", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_vocab_row_init (DossierVocabRow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->lang = g_strdup ("en");
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  self->button_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->button_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->button_label, 28);
  gtk_label_set_xalign (self->button_label, 1);
  /* A row of several terms shows them under its title and keeps the arrow on the right. */
  self->arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");
  gtk_widget_set_visible (self->arrow, FALSE);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->button_label));
    gtk_box_append (GTK_BOX (box), self->arrow);
    self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
    gtk_menu_button_set_child (self->button, box);
  }
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Type to filter"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Type to filter"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (on_search_activate), self);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_popover_shown), self);
  dossier_editor_pin_page_under (GTK_POPOVER (popover));
  gtk_menu_button_set_popover (self->button, popover);
  gtk_search_entry_set_key_capture_widget (self->search, box);

  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  dossier_editor_keep_title_words (GTK_WIDGET (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (update_label), NULL);
  update_label (self);
}

/**
 * dossier_vocab_row_set_vocabulary:
 * @self: a #DossierVocabRow
 * @store: the dossier whose vocabulary of the row's scheme is offered
 * @lang: "fr" or "en", for the labels
 */
void
dossier_vocab_row_set_vocabulary (DossierVocabRow *self,
                                  DossierStore    *store,
                                  const char      *lang)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (DOSSIER_IS_VOCAB_ROW (self));
  g_return_if_fail (DOSSIER_IS_STORE (store));
  g_return_if_fail (self->scheme != NULL);

  g_free (self->lang);
  self->lang = g_strdup (lang);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  self->terms = dossier_store_list_vocab (store, self->scheme, &error);
  if (self->terms == NULL)
    g_warning ("Could not read the vocabulary %s: %s", self->scheme, error->message);
  rebuild (self);
}

const char *
dossier_vocab_row_get_scheme (DossierVocabRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_ROW (self), NULL);
  return self->scheme;
}

/**
 * dossier_vocab_row_set_parent:
 * @self: a #DossierVocabRow
 * @parent: (nullable): offer only the terms under this code (the cercles of a region)
 */
void
dossier_vocab_row_set_parent (DossierVocabRow *self,
                              const char      *parent)
{
  g_return_if_fail (DOSSIER_IS_VOCAB_ROW (self));

  if (g_strcmp0 (parent, self->parent) == 0)
    return;
  g_free (self->parent);
  self->parent = g_strdup (parent);
  rebuild (self);
}

/**
 * dossier_vocab_row_offers:
 * @self: a #DossierVocabRow
 * @code: a term's code
 *
 * Returns: whether @code is among the terms offered (under the parent set, if any)
 */
gboolean
dossier_vocab_row_offers (DossierVocabRow *self,
                          const char      *code)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_ROW (self), FALSE);

  for (guint i = 0; self->terms && i < self->terms->len; i++)
    {
      DossierVocabTerm *term = self->terms->pdata[i];

      if (g_strcmp0 (dossier_vocab_term_get_code (term), code) == 0)
        return self->parent == NULL || g_strcmp0 (dossier_vocab_term_get_parent (term), self->parent) == 0;
    }
  return FALSE;
}

const char *
dossier_vocab_row_get_value (DossierVocabRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_ROW (self), NULL);
  return self->values ? self->values[0] : NULL;
}

void
dossier_vocab_row_set_value (DossierVocabRow *self,
                             const char      *code)
{
  const char *codes[] = { code, NULL };

  dossier_vocab_row_set_values (self, code && *code ? codes : NULL);
}

const char * const *
dossier_vocab_row_get_values (DossierVocabRow *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (DOSSIER_IS_VOCAB_ROW (self), NULL);
  return self->values ? (const char * const *) self->values : none;
}

/* Sets without emitting ::changed: this is how a record is shown. */
void
dossier_vocab_row_set_values (DossierVocabRow    *self,
                              const char * const *codes)
{
  g_return_if_fail (DOSSIER_IS_VOCAB_ROW (self));

  g_clear_pointer (&self->values, g_strfreev);
  if (codes != NULL && codes[0] != NULL)
    self->values = g_strdupv ((char **) codes);
  update_checks (self);
  update_label (self);
}

/**
 * dossier_vocab_row_get_text:
 * @self: a #DossierVocabRow
 *
 * Returns: what the row shows of its value: the terms' labels, "Not set", or the
 *   vocabulary's "unknown" term
 */
const char *
dossier_vocab_row_get_text (DossierVocabRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_VOCAB_ROW (self), NULL);
  return gtk_label_get_text (self->button_label);
}

/**
 * dossier_vocab_row_get_choices:
 * @self: a #DossierVocabRow
 *
 * Returns: (transfer full): the labels of the choices its popover offers, in order
 */
GStrv
dossier_vocab_row_get_choices (DossierVocabRow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkListBoxRow *row;

  g_return_val_if_fail (DOSSIER_IS_VOCAB_ROW (self), NULL);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      GtkWidget *box = gtk_list_box_row_get_child (row);
      GtkWidget *label = gtk_widget_get_last_child (box);

      g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_strv_builder_end (builder);
}

/**
 * dossier_vocab_row_set_note:
 * @self: a #DossierVocabRow
 * @code: a term's code
 * @note: what choosing it means, in the interface's language
 *
 * Says @note under the term in the list, and as the row's subtitle while it is chosen.
 */
void
dossier_vocab_row_set_note (DossierVocabRow *self,
                            const char      *code,
                            const char      *note)
{
  g_return_if_fail (DOSSIER_IS_VOCAB_ROW (self));

  if (self->notes == NULL)
    self->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (self->notes, g_strdup (code), g_strdup (note));
  rebuild (self);
}
