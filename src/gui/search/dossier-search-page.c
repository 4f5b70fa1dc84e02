/* dossier-search-page.c: search results across the whole dossier, grouped by kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-search.h"
#include "dossier-search-page.h"

#define MAX_HITS 60

struct _DossierSearchPage
{
  GtkWidget     parent_instance;

  GtkWidget    *stack;
  GtkWidget    *results;
  GtkListBox   *list;
  GtkWidget    *empty;
  DossierStore *store;
  char         *lang;
};

G_DEFINE_FINAL_TYPE (DossierSearchPage, dossier_search_page, GTK_TYPE_WIDGET)

enum { HIT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_row_activated (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  DossierSearchPage *self)
{
  g_signal_emit (self, signals[HIT_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (row), "kind"),
                 g_object_get_data (G_OBJECT (row), "code"));
}

/**
 * dossier_search_page_activate_first:
 * @self: a #DossierSearchPage
 *
 * Opens the first hit, as pressing Enter on it would.
 */
void
dossier_search_page_activate_first (DossierSearchPage *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (DOSSIER_IS_SEARCH_PAGE (self));

  row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row != NULL)
    on_row_activated (self->list, row, self);
}

/* Kinds in the order their groups are shown, with their headings. */
static const struct {
  const char *kind;
  const char *heading;
} kinds[] = {
  { "incident", N_("Incidents") },
  { "testimony", N_("Testimonies") },
  { "evidence", N_("Evidence") },
  { "actor", N_("Actors") },
};

static int
kind_index (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].kind, kind) == 0)
      return i;
  return G_N_ELEMENTS (kinds);
}

static int
by_kind_then_rank (gconstpointer a,
                   gconstpointer b)
{
  const DossierSearchHit *x = *(DossierSearchHit **) a, *y = *(DossierSearchHit **) b;
  int kx = kind_index (x->kind), ky = kind_index (y->kind);

  if (kx != ky)
    return kx - ky;
  return (x->rank > y->rank) - (x->rank < y->rank);
}

static void
set_header (GtkListBoxRow *row,
            GtkListBoxRow *before,
            gpointer       data)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  GtkWidget *label;

  if (before != NULL && g_strcmp0 (kind, g_object_get_data (G_OBJECT (before), "kind")) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (_(kinds[MIN (kind_index (kind), (int) G_N_ELEMENTS (kinds) - 1)].heading));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_list_box_row_set_header (row, label);
}

static GtkWidget *
make_row (DossierSearchHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *code = gtk_label_new (hit->code);
  GtkWidget *title = gtk_label_new (hit->title);
  g_autofree char *markup = dossier_search_snippet_to_markup (hit->snippet ? hit->snippet : "");
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_widget_add_css_class (code, "monospace");
  gtk_widget_add_css_class (code, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (top), code);
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "kind", g_strdup (hit->kind), g_free);
  g_object_set_data_full (G_OBJECT (row), "code", g_strdup (hit->code), g_free);
  return row;
}

/**
 * dossier_search_page_search:
 * @self: a #DossierSearchPage
 * @text: what the user typed
 *
 * Shows the best hits for @text, grouped by kind.
 *
 * Returns: the number of hits shown
 */
guint
dossier_search_page_search (DossierSearchPage *self,
                            const char        *text)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_val_if_fail (DOSSIER_IS_SEARCH_PAGE (self), 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  hits = dossier_store_search (self->store, text, self->lang, MAX_HITS, &error);
  if (hits == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->empty), error->message);
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->empty);
      return 0;
    }
  g_ptr_array_sort (hits, by_kind_then_rank);
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->list, make_row (hits->pdata[i]));
  gtk_label_set_text (GTK_LABEL (self->empty), _("Nothing in this dossier matches"));
  gtk_stack_set_visible_child (GTK_STACK (self->stack), hits->len > 0 ? self->results : self->empty);
  return hits->len;
}

guint
dossier_search_page_count_kind (DossierSearchPage *self,
                                const char        *kind)
{
  guint n = 0;

  g_return_val_if_fail (DOSSIER_IS_SEARCH_PAGE (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
    n += g_strcmp0 (g_object_get_data (G_OBJECT (row), "kind"), kind) == 0;
  return n;
}

static void
dossier_search_page_dispose (GObject *object)
{
  DossierSearchPage *self = DOSSIER_SEARCH_PAGE (object);

  g_clear_pointer (&self->stack, gtk_widget_unparent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->lang, g_free);

  G_OBJECT_CLASS (dossier_search_page_parent_class)->dispose (object);
}

static void
dossier_search_page_class_init (DossierSearchPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_search_page_dispose;

  /* The user chose a hit: its kind ("incident" …) and its code. */
  signals[HIT_ACTIVATED] = g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         G_TYPE_STRING, G_TYPE_STRING);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
dossier_search_page_init (DossierSearchPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->stack = gtk_stack_new ();
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_header_func (self->list, set_header, NULL, NULL);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search results"), -1);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  self->empty = gtk_label_new (_("Nothing in this dossier matches"));
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_stack_add_child (GTK_STACK (self->stack), scrolled);
  self->results = scrolled;
  gtk_stack_add_child (GTK_STACK (self->stack), self->empty);
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
}

GtkWidget *
dossier_search_page_new (DossierStore *store,
                         const char   *lang)
{
  DossierSearchPage *self = g_object_new (DOSSIER_TYPE_SEARCH_PAGE, NULL);

  self->store = g_object_ref (store);
  self->lang = g_strdup (lang);
  return GTK_WIDGET (self);
}
