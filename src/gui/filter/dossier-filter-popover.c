/* dossier-filter-popover.c: the controls of the shared filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-accessible.h"
#include "dossier-actor.h"
#include "dossier-date-row.h"
#include "dossier-edtf.h"
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
  { "protection", "protection-level", N_("Protection level") },
};

struct _DossierFilterPopover
{
  GtkPopover     parent_instance;

  DossierStore  *store;
  DossierFilter *filter;
  GtkDropDown   *dropdowns[G_N_ELEMENTS (choices)];
  GPtrArray     *codes[G_N_ELEMENTS (choices)];  /* position → code; 0 is "any" (NULL) */
  GtkDropDown   *actor;
  GPtrArray     *actors;  /* position − 1 → DossierActor; position 0 is "any" */
  DossierDateRow *period;   /* EDTF: "2012", "2012-03/2013-06", "2021/.." */
  gboolean       syncing;
};

G_DEFINE_FINAL_TYPE (DossierFilterPopover, dossier_filter_popover, GTK_TYPE_POPOVER)

static void
on_choice (GtkDropDown          *dropdown,
           GParamSpec           *pspec,
           DossierFilterPopover *self)
{
  guint c = 0;
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* Which of the choices @dropdown is. */
  while (c < G_N_ELEMENTS (self->dropdowns) && self->dropdowns[c] != dropdown)
    c++;
  g_return_if_fail (c < G_N_ELEMENTS (self->dropdowns));
  if (self->syncing || selected >= self->codes[c]->len)
    return;
  dossier_filter_set_text (self->filter, choices[c].field, self->codes[c]->pdata[selected]);
}

static void
on_actor (DossierFilterPopover *self)
{
  guint selected = gtk_drop_down_get_selected (self->actor);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION || selected > self->actors->len)
    return;
  dossier_filter_set_actor (self->filter, selected == 0 ? 0 : dossier_record_get_id (DOSSIER_RECORD (self->actors->pdata[selected - 1])));
}

/* A period typed as EDTF narrows as soon as it reads as one; the row says why it does
 * not while it does not ("the month 13 does not exist"). */
static void
on_period (DossierFilterPopover *self)
{
  if (self->syncing || !dossier_date_row_is_valid (self->period))
    return;
  dossier_filter_set_period_edtf (self->filter, dossier_date_row_get_text (self->period), NULL);
}

/* The controls show the filter, whoever changed it (the Clear button of the window too). */
static void
sync_from_filter (DossierFilterPopover *self)
{
  const DossierIncidentQuery *q = dossier_filter_get_query (self->filter);
  const char *values[] = { q->admin1, q->violation_type, q->verification, q->protection };
  guint actor = 0;

  self->syncing = TRUE;
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    {
      guint position = 0;

      for (guint i = 1; i < self->codes[c]->len; i++)
        if (g_strcmp0 (self->codes[c]->pdata[i], values[c]) == 0)
          position = i;
      gtk_drop_down_set_selected (self->dropdowns[c], position);
    }
  for (guint i = 0; i < self->actors->len; i++)
    if (dossier_record_get_id (DOSSIER_RECORD (self->actors->pdata[i])) == q->actor_id)
      actor = i + 1;
  gtk_drop_down_set_selected (self->actor, actor);
  /* The period as typed stays while it means the same days (the timeline may have set it,
   * or "2012/2012" may have been typed for 2012). */
  {
    g_autofree char *period = dossier_filter_get_period_edtf (self->filter);
    const char *typed = dossier_date_row_get_text (self->period);
    guint32 from = 0, to = 0;

    if (!dossier_date_row_is_valid (self->period) || *typed == '\0' ||
        !dossier_edtf_bounds (typed, &from, &to, NULL) || from != q->date_from || to != q->date_to)
      dossier_date_row_set_text (self->period, period != NULL ? period : "");
  }
  self->syncing = FALSE;
}

static char *
actor_label (DossierActor *actor)
{
  const char *name = dossier_actor_get_name (actor);
  const char *acronym = dossier_actor_get_acronym (actor);

  if (*acronym == '\0')
    return g_strdup (*name ? name : dossier_record_get_code (DOSSIER_RECORD (actor)));
  if (*name == '\0')
    return g_strdup (acronym);
  return g_strdup_printf ("%s (%s)", name, acronym);
}

static int
by_label (gconstpointer a,
          gconstpointer b)
{
  g_autofree char *x = actor_label (*(DossierActor **) a);
  g_autofree char *y = actor_label (*(DossierActor **) b);

  return g_utf8_collate (x, y);
}

/* Actors are few (hundreds at most) and may have been added or renamed since the last time:
 * they are read again each time the popover opens. */
static void
load_actors (DossierFilterPopover *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  actors = dossier_store_load_page (self->store, DOSSIER_TYPE_ACTOR, NULL, FALSE, 0, G_MAXUINT, &error);
  if (actors == NULL)
    {
      g_warning ("Could not read the actors: %s", error->message);
      actors = g_ptr_array_new_with_free_func (g_object_unref);
    }
  g_ptr_array_sort (actors, by_label);
  /* Translators: the first choice of the actor filter, meaning no restriction */
  gtk_string_list_append (labels, _("Any actor"));
  for (guint i = 0; i < actors->len; i++)
    {
      g_autofree char *label = actor_label (actors->pdata[i]);

      gtk_string_list_append (labels, label);
    }

  g_clear_pointer (&self->actors, g_ptr_array_unref);
  self->actors = g_steal_pointer (&actors);
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->actor, G_LIST_MODEL (labels));
  self->syncing = FALSE;
  sync_from_filter (self);
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
  g_clear_object (&self->store);
  g_clear_pointer (&self->actors, g_ptr_array_unref);
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
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
on_choices_shown (GtkWidget *popup)
{
  GtkWidget *entry = find_search_entry (popup);

  if (entry != NULL)
    gtk_widget_grab_focus (entry);
}

/* Enter in the search field takes the first choice it leaves, as the list would. */
static void
on_search_activate (GtkDropDown *dropdown,
                    GtkEntry    *entry)
{
  GtkWidget *popup = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);
  GtkWidget *view = popup != NULL ? find_list_view (popup) : NULL;
  GListModel *shown = view != NULL ? G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view))) : NULL;
  GListModel *all = gtk_drop_down_get_model (dropdown);
  g_autoptr(GObject) first = NULL;

  if (shown == NULL || g_list_model_get_n_items (shown) == 0)
    return;
  first = g_list_model_get_item (shown, 0);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (all, i);

      if (item == first)
        {
          gtk_drop_down_set_selected (dropdown, i);
          break;
        }
    }
  gtk_popover_popdown (GTK_POPOVER (popup));
}

/* GTK 4.8 opens a dropdown's list with the focus on its first choice, and letters typed
 * there search nothing: the focus goes to the search field, so that "Mop" typed as the list
 * opens narrows it to Mopti, and Enter takes it. */
static void
search_as_typed (GtkDropDown *dropdown)
{
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      {
        GtkWidget *entry = find_search_entry (child);

        g_signal_connect_after (child, "show", G_CALLBACK (on_choices_shown), NULL);
        if (entry != NULL)
          g_signal_connect_swapped (entry, "activate", G_CALLBACK (on_search_activate), dropdown);
      }
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
  if (GTK_IS_DROP_DOWN (control))
    dossier_accessible_name_drop_down (GTK_DROP_DOWN (control), gtk_label_get_text (GTK_LABEL (label)));
  return box;
}


GtkWidget *
dossier_filter_popover_new (DossierStore  *store,
                            DossierFilter *filter,
                            const char    *lang)
{
  DossierFilterPopover *self = g_object_new (DOSSIER_TYPE_FILTER_POPOVER, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *period_list = gtk_list_box_new ();
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_Clear the Filter"));
  GtkWidget *hint = gtk_label_new (_("A year (2012), a month (March 2022), a period (2012 – 2013, 01/03/2022 – 30/06/2022) or all that follows a date (after June 2021)."));

  self->store = g_object_ref (store);
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

          g_ptr_array_add (self->codes[c], g_strdup (dossier_vocab_term_get_code (term)));
          gtk_string_list_append (labels, dossier_vocab_term_get_label (term, lang));
        }
      /* The expression is what the dropdown's search looks in: without it, typing "Mop"
       * in the region's search left every region in the list. */
      self->dropdowns[c] = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)),
                                                             gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
      search_as_typed (self->dropdowns[c]);
      g_signal_connect (self->dropdowns[c], "notify::selected", G_CALLBACK (on_choice), self);
      gtk_box_append (GTK_BOX (box), labelled (_(choices[c].title), GTK_WIDGET (self->dropdowns[c])));
    }

  self->actor = GTK_DROP_DOWN (gtk_drop_down_new (NULL, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  search_as_typed (self->actor);
  g_signal_connect_swapped (self->actor, "notify::selected", G_CALLBACK (on_actor), self);
  gtk_box_append (GTK_BOX (box), labelled (_("Actor"), GTK_WIDGET (self->actor)));

  self->period = g_object_new (DOSSIER_TYPE_DATE_ROW, "title", _("Period"), NULL);
  dossier_date_row_set_lang (self->period, lang);
  /* Translators: the filter's period while none is typed */
  dossier_date_row_set_empty_text (self->period, _("Any time"));
  g_signal_connect_swapped (self->period, "changed", G_CALLBACK (on_period), self);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (period_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (period_list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (period_list), GTK_WIDGET (self->period));
  gtk_box_append (GTK_BOX (box), period_list);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 36);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), hint);
  /* When, first: the period is what an inquiry's mandate is about. */
  gtk_box_reorder_child_after (GTK_BOX (box), period_list, NULL);
  gtk_box_reorder_child_after (GTK_BOX (box), hint, period_list);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (on_clear), self);
  gtk_box_append (GTK_BOX (box), clear);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_popover_set_child (GTK_POPOVER (self), box);
  load_actors (self);
  g_signal_connect (self, "show", G_CALLBACK (load_actors), NULL);
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (sync_from_filter), self);
  return GTK_WIDGET (self);
}

/**
 * dossier_filter_popover_choose:
 * @self: a #DossierFilterPopover
 * @field: "admin1", "violation_type", "verification", "protection" or "actor"
 * @code: (nullable): a vocabulary code, or an actor's code; %NULL for any
 *
 * Chooses @code in the row for @field, as a user would.
 */
void
dossier_filter_popover_choose (DossierFilterPopover *self,
                               const char           *field,
                               const char           *code)
{
  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  if (g_str_equal (field, "actor"))
    {
      guint position = 0;

      for (guint i = 0; i < self->actors->len; i++)
        if (g_strcmp0 (dossier_record_get_code (DOSSIER_RECORD (self->actors->pdata[i])), code) == 0)
          position = i + 1;
      gtk_drop_down_set_selected (self->actor, position);
      return;
    }
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    if (g_str_equal (choices[c].field, field))
      for (guint i = 0; i < self->codes[c]->len; i++)
        if (g_strcmp0 (self->codes[c]->pdata[i], code) == 0)
          gtk_drop_down_set_selected (self->dropdowns[c], i);
}
