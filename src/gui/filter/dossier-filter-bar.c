/* dossier-filter-bar.c: what the filter keeps, and its criteria as chips to remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Above the lists while the filter keeps less than everything: how many records are left
 * of how many ("12 of 100,000 incidents"), then one chip per criterion ("Region: Mopti"),
 * each with its own button to drop it, so that a list that looks short never hides why.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-actor.h"
#include "dossier-edtf.h"
#include "dossier-filter-bar.h"
#include "dossier-test-hooks.h"
#include "dossier-vocab.h"

#define N_CRITERIA 6

struct _DossierFilterBar
{
  GtkWidget      parent_instance;

  DossierStore  *store;
  DossierFilter *filter;
  char          *lang;
  GtkWidget     *box;
  GtkWidget     *summary;
  GtkWidget     *chips;   /* a GtkFlowBox: they wrap in a narrow window */
  GtkWidget     *chip_of[N_CRITERIA];  /* each criterion's chip, while it is set */
};

G_DEFINE_FINAL_TYPE (DossierFilterBar, dossier_filter_bar, GTK_TYPE_WIDGET)

/* The criteria, in the order of the filter's popover. */
static const struct {
  const char *field;
  const char *scheme;   /* vocabulary of its values, or NULL */
  const char *title;    /* N_() */
} criteria[] = {
  { "period", NULL, N_("Period") },
  { "admin1", "admin1", N_("Region") },
  { "violation_type", "violation-type", N_("Violation type") },
  { "verification", "verification-status", N_("Verification") },
  { "protection", "protection-level", N_("Protection level") },
  { "actor", NULL, N_("Actor") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (criteria) == N_CRITERIA);

static void
on_remove (GtkButton        *button,
           DossierFilterBar *self)
{
  GtkWidget *chip = gtk_widget_get_parent (GTK_WIDGET (button));
  const char *field = NULL;

  for (guint c = 0; c < N_CRITERIA; c++)
    if (self->chip_of[c] == chip)
      field = criteria[c].field;
  g_return_if_fail (field != NULL);
  if (g_str_equal (field, "period"))
    dossier_filter_set_period (self->filter, 0, 0);
  else if (g_str_equal (field, "actor"))
    dossier_filter_set_actor (self->filter, 0);
  else
    dossier_filter_set_text (self->filter, field, NULL);
}

/* What a criterion is set to, in words; NULL when it is not set. */
static char *
criterion_value (DossierFilterBar *self,
                 guint             c)
{
  const DossierIncidentQuery *q = dossier_filter_get_query (self->filter);
  const char *field = criteria[c].field;
  const char *code = NULL;

  if (g_str_equal (field, "period"))
    {
      g_autofree char *period = dossier_filter_get_period_edtf (self->filter);

      return period != NULL ? dossier_edtf_format_string (period, self->lang) : NULL;
    }
  if (g_str_equal (field, "actor"))
    {
      g_autoptr(DossierActor) actor = NULL;

      if (q->actor_id == 0)
        return NULL;
      actor = dossier_store_load (self->store, DOSSIER_TYPE_ACTOR, q->actor_id, NULL);
      if (actor == NULL)
        return g_strdup ("?");
      if (*dossier_actor_get_acronym (actor) != '\0')
        return g_strdup (dossier_actor_get_acronym (actor));
      if (*dossier_actor_get_name (actor) != '\0')
        return g_strdup (dossier_actor_get_name (actor));
      return g_strdup (dossier_record_get_code (DOSSIER_RECORD (actor)));
    }
  if (g_str_equal (field, "admin1"))
    code = q->admin1;
  else if (g_str_equal (field, "violation_type"))
    code = q->violation_type;
  else if (g_str_equal (field, "verification"))
    code = q->verification;
  else if (g_str_equal (field, "protection"))
    code = q->protection;
  return code != NULL ? g_strdup (dossier_store_vocab_label (self->store, criteria[c].scheme, code, self->lang)) : NULL;
}

static GtkWidget *
make_chip (DossierFilterBar *self,
           guint             c,
           const char       *value)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  /* Translators: a criterion of the filter and its value, shown as a chip: “Region: Mopti” */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), _(criteria[c].title), value);
  /* Translators: the tooltip of the button that drops a criterion from the filter; %s is
   * the criterion, such as “Region: Mopti” */
  g_autofree char *tooltip = g_strdup_printf (_("Remove “%s” from the filter"), text);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (chip, "filter-chip");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove), self);
  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), remove);
  return chip;
}

static void
update_chips (DossierFilterBar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->chips)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->chips), child);
  for (guint c = 0; c < G_N_ELEMENTS (criteria); c++)
    {
      g_autofree char *value = criterion_value (self, c);

      self->chip_of[c] = value != NULL ? make_chip (self, c, value) : NULL;
      if (value != NULL)
        gtk_flow_box_append (GTK_FLOW_BOX (self->chips), self->chip_of[c]);
    }
}

static void
dossier_filter_bar_dispose (GObject *object)
{
  DossierFilterBar *self = DOSSIER_FILTER_BAR (object);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (dossier_filter_bar_parent_class)->dispose (object);
}

static void
dossier_filter_bar_finalize (GObject *object)
{
  g_free (DOSSIER_FILTER_BAR (object)->lang);

  G_OBJECT_CLASS (dossier_filter_bar_parent_class)->finalize (object);
}

static void
dossier_filter_bar_class_init (DossierFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_filter_bar_dispose;
  object_class->finalize = dossier_filter_bar_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossier-filter-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_filter_bar_init (DossierFilterBar *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->summary = gtk_label_new (NULL);
  self->chips = gtk_flow_box_new ();

  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_widget_set_margin_top (self->box, 6);
  gtk_widget_set_margin_bottom (self->box, 6);
  gtk_widget_add_css_class (self->summary, "heading");
  gtk_widget_add_css_class (self->summary, "numeric");
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_widget_set_valign (self->summary, GTK_ALIGN_CENTER);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->chips), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->chips), 8);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->chips), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->chips), 4);
  gtk_widget_set_hexpand (self->chips, TRUE);
  gtk_widget_set_valign (self->chips, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), self->summary);
  gtk_box_append (GTK_BOX (self->box), self->chips);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

/**
 * dossier_filter_bar_new:
 * @store: the dossier, for the names of the values
 * @filter: the filter it shows
 * @lang: "fr" or "en"
 *
 * Returns: (transfer floating): a new bar
 */
GtkWidget *
dossier_filter_bar_new (DossierStore  *store,
                        DossierFilter *filter,
                        const char    *lang)
{
  DossierFilterBar *self;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (DOSSIER_IS_FILTER (filter), NULL);

  self = g_object_new (DOSSIER_TYPE_FILTER_BAR, NULL);
  self->store = g_object_ref (store);
  self->filter = g_object_ref (filter);
  self->lang = g_strdup (lang);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Active filter"), -1);
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (update_chips), self);
  update_chips (self);
  return GTK_WIDGET (self);
}

/**
 * dossier_filter_bar_set_summary:
 * @self: a #DossierFilterBar
 * @summary: what the filter keeps of the list shown, such as “12 of 100,000 incidents”
 */
void
dossier_filter_bar_set_summary (DossierFilterBar *self,
                                const char       *summary)
{
  g_return_if_fail (DOSSIER_IS_FILTER_BAR (self));
  gtk_label_set_text (GTK_LABEL (self->summary), summary);
}

const char *
dossier_filter_bar_get_summary (DossierFilterBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_FILTER_BAR (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->summary));
}

/**
 * dossier_filter_bar_find_chip:
 * @self: a #DossierFilterBar
 * @field: "period", "admin1", "violation_type", "verification", "protection" or "actor"
 *
 * Returns: (transfer none) (nullable): the chip of that criterion, if it is set
 */
GtkWidget *
dossier_filter_bar_find_chip (DossierFilterBar *self,
                              const char       *field)
{
  g_return_val_if_fail (DOSSIER_IS_FILTER_BAR (self), NULL);

  for (guint c = 0; c < N_CRITERIA; c++)
    if (g_strcmp0 (criteria[c].field, field) == 0)
      return self->chip_of[c];
  return NULL;
}
