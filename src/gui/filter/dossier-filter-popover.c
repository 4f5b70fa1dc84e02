/* dossier-filter-popover.c: the controls of the shared filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-filter-popover.h"
#include "dossier-vocab.h"

typedef struct {
  const char *field;   /* in DossierFilter */
  const char *scheme;  /* vocabulary of its choices */
  const char *title;   /* N_() */
} Choice;

static const Choice choices[] = {
  { "admin1", "admin1", N_("Region") },
  { "violation_type", "violation-type", N_("Violation type") },
  { "verification", "verification-status", N_("Verification") },
};

struct _DossierFilterPopover
{
  GtkPopover     parent_instance;

  DossierFilter *filter;
  GtkDropDown   *dropdowns[G_N_ELEMENTS (choices)];
  GPtrArray     *codes[G_N_ELEMENTS (choices)];  /* position → code; 0 is "any" (NULL) */
  GtkSpinButton *from;
  GtkSpinButton *to;
  gboolean       syncing;
};

G_DEFINE_FINAL_TYPE (DossierFilterPopover, dossier_filter_popover, GTK_TYPE_POPOVER)

static void
on_choice (GtkDropDown          *dropdown,
           GParamSpec           *pspec,
           DossierFilterPopover *self)
{
  guint c = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "choice"));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || selected >= self->codes[c]->len)
    return;
  dossier_filter_set_text (self->filter, choices[c].field, self->codes[c]->pdata[selected]);
}

static void
on_years (DossierFilterPopover *self)
{
  if (self->syncing)
    return;
  dossier_filter_set_years (self->filter, gtk_spin_button_get_value_as_int (self->from),
                            gtk_spin_button_get_value_as_int (self->to));
}

/* The controls show the filter, whoever changed it (the Clear button of the window too). */
static void
sync_from_filter (DossierFilterPopover *self)
{
  const DossierIncidentQuery *q = dossier_filter_get_query (self->filter);
  const char *values[] = { q->admin1, q->violation_type, q->verification };

  self->syncing = TRUE;
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    {
      guint position = 0;

      for (guint i = 1; i < self->codes[c]->len; i++)
        if (g_strcmp0 (self->codes[c]->pdata[i], values[c]) == 0)
          position = i;
      gtk_drop_down_set_selected (self->dropdowns[c], position);
    }
  if (q->date_from == 0)
    gtk_spin_button_set_value (self->from, 0);
  if (q->date_to == 0)
    gtk_spin_button_set_value (self->to, 0);
  self->syncing = FALSE;
}

static void
on_clear (DossierFilterPopover *self)
{
  dossier_filter_clear (self->filter);
}

static void
dossier_filter_popover_dispose (GObject *object)
{
  DossierFilterPopover *self = DOSSIER_FILTER_POPOVER (object);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    g_clear_pointer (&self->codes[c], g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_filter_popover_parent_class)->dispose (object);
}

static void
dossier_filter_popover_class_init (DossierFilterPopoverClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_filter_popover_dispose;
}

static void
dossier_filter_popover_init (DossierFilterPopover *self)
{
}

static GtkWidget *
labelled (const char *title,
          GtkWidget  *control)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), control);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  return box;
}

static GtkSpinButton *
year_spin (DossierFilterPopover *self)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 2100, 1);

  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (on_years), self);
  return GTK_SPIN_BUTTON (spin);
}

GtkWidget *
dossier_filter_popover_new (DossierStore  *store,
                            DossierFilter *filter,
                            const char    *lang)
{
  DossierFilterPopover *self = g_object_new (DOSSIER_TYPE_FILTER_POPOVER, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *years = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear the Filter"));
  GtkWidget *hint = gtk_label_new (_("Leave a year at 0 for an open period."));

  self->filter = g_object_ref (filter);
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    {
      g_autoptr(GPtrArray) terms = dossier_store_list_vocab (store, choices[c].scheme, NULL);
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      self->codes[c] = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->codes[c], NULL);
      /* Translators: the first choice of a filter, meaning no restriction */
      gtk_string_list_append (labels, C_("filter", "Any"));
      for (guint i = 0; terms && i < terms->len; i++)
        {
          DossierVocabTerm *term = terms->pdata[i];

          g_ptr_array_add (self->codes[c], g_strdup (term->code));
          gtk_string_list_append (labels, dossier_vocab_term_get_label (term, lang));
        }
      self->dropdowns[c] = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
      gtk_drop_down_set_enable_search (self->dropdowns[c], TRUE);
      g_object_set_data (G_OBJECT (self->dropdowns[c]), "choice", GUINT_TO_POINTER (c));
      g_signal_connect (self->dropdowns[c], "notify::selected", G_CALLBACK (on_choice), self);
      gtk_box_append (GTK_BOX (box), labelled (_(choices[c].title), GTK_WIDGET (self->dropdowns[c])));
    }

  self->from = year_spin (self);
  self->to = year_spin (self);
  gtk_box_append (GTK_BOX (years), labelled (_("From the year"), GTK_WIDGET (self->from)));
  gtk_box_append (GTK_BOX (years), labelled (_("To the year"), GTK_WIDGET (self->to)));
  gtk_box_append (GTK_BOX (box), years);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), hint);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (on_clear), self);
  gtk_box_append (GTK_BOX (box), clear);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (sync_from_filter), self);
  return GTK_WIDGET (self);
}

void
dossier_filter_popover_choose (DossierFilterPopover *self,
                               const char           *field,
                               const char           *code)
{
  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    if (g_str_equal (choices[c].field, field))
      for (guint i = 0; i < self->codes[c]->len; i++)
        if (g_strcmp0 (self->codes[c]->pdata[i], code) == 0)
          gtk_drop_down_set_selected (self->dropdowns[c], i);
}
