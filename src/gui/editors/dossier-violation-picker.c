/* dossier-violation-picker.c: a popover to find a violation type as you type, and pick it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The coder's V key opens it over the selected passage: typing "deplac" keeps "Déplacement
 * forcé", Enter picks the first term still shown.
 */
#include "config.h"

#include <string.h>

#include "dossier-text.h"
#include "dossier-violation-picker.h"
#include "dossier-vocab-term.h"
#include "dossier-vocab.h"

struct _DossierViolationPicker
{
  GtkPopover      parent_instance;

  DossierStore   *store;
  char           *lang;
  GPtrArray      *codes;    /* the terms' codes, in the order of the rows */
  GPtrArray      *folded;   /* their labels without accents or case, in the same order */
  char           *typed;    /* what the search entry holds, folded the same way */

  GtkSearchEntry *search;
  GtkListBox     *list;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_LANG,
  N_PROPS
};

enum {
  PICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DossierViolationPicker, dossier_violation_picker, GTK_TYPE_POPOVER)

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  DossierViolationPicker *self = data;
  int index = gtk_list_box_row_get_index (row);

  return self->typed == NULL || *self->typed == '\0'
         || strstr (g_ptr_array_index (self->folded, index), self->typed) != NULL;
}

static void
on_search_changed (DossierViolationPicker *self)
{
  g_free (self->typed);
  self->typed = dossier_fold_text (gtk_editable_get_text (GTK_EDITABLE (self->search)));
  gtk_list_box_invalidate_filter (self->list);
}

static void
on_row_activated (GtkListBox             *box,
                  GtkListBoxRow          *row,
                  DossierViolationPicker *self)
{
  const char *code = g_ptr_array_index (self->codes, gtk_list_box_row_get_index (row));

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PICKED], 0, code);
}

/* Enter picks the first term the search keeps. */
static void
on_search_activate (DossierViolationPicker *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row) && GTK_IS_LIST_BOX_ROW (row))
      {
        g_signal_emit_by_name (self->list, "row-activated", row);
        return;
      }
}

static void
on_show (DossierViolationPicker *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

static void
dossier_violation_picker_constructed (GObject *object)
{
  DossierViolationPicker *self = DOSSIER_VIOLATION_PICKER (object);
  g_autoptr(GPtrArray) terms = NULL;

  G_OBJECT_CLASS (dossier_violation_picker_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL);
  terms = dossier_store_list_vocab (self->store, "violation-type", NULL);
  for (guint i = 0; terms && i < terms->len; i++)
    {
      DossierVocabTerm *term = terms->pdata[i];
      const char *label = g_strcmp0 (self->lang, "fr") == 0 ? dossier_vocab_term_get_label_fr (term) : dossier_vocab_term_get_label_en (term);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *text = gtk_label_new (label);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_widget_set_margin_start (text, 6);
      gtk_widget_set_margin_top (text, 3);
      gtk_widget_set_margin_bottom (text, 3);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), text);
      g_ptr_array_add (self->codes, g_strdup (dossier_vocab_term_get_code (term)));
      g_ptr_array_add (self->folded, dossier_fold_text (label));
      gtk_list_box_append (self->list, row);
    }
}

static void
dossier_violation_picker_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  DossierViolationPicker *self = DOSSIER_VIOLATION_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_LANG:
      g_value_set_string (value, self->lang);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_violation_picker_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  DossierViolationPicker *self = DOSSIER_VIOLATION_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_LANG:
      self->lang = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_violation_picker_finalize (GObject *object)
{
  DossierViolationPicker *self = DOSSIER_VIOLATION_PICKER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->codes, g_ptr_array_unref);
  g_clear_pointer (&self->folded, g_ptr_array_unref);
  g_clear_pointer (&self->typed, g_free);
  G_OBJECT_CLASS (dossier_violation_picker_parent_class)->finalize (object);
}

static void
dossier_violation_picker_class_init (DossierViolationPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dossier_violation_picker_constructed;
  object_class->get_property = dossier_violation_picker_get_property;
  object_class->set_property = dossier_violation_picker_set_property;
  object_class->finalize = dossier_violation_picker_finalize;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, DOSSIER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANG] =
    g_param_spec_string ("lang", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierViolationPicker::picked:
   * @code: the violation type's code
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/dossier/Dossier/editors/dossier-violation-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierViolationPicker, search);
  gtk_widget_class_bind_template_child (widget_class, DossierViolationPicker, list);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_show);
}

static void
dossier_violation_picker_init (DossierViolationPicker *self)
{
  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->folded = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
}

/**
 * dossier_violation_picker_new:
 * @store: the dossier, whose violation types it offers
 * @lang: "fr" or "en"
 *
 * Returns: (transfer full): a new popover
 */
GtkWidget *
dossier_violation_picker_new (DossierStore *store,
                              const char   *lang)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  return g_object_new (DOSSIER_TYPE_VIOLATION_PICKER, "store", store, "lang", lang, NULL);
}
