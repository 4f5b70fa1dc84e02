/* dossier-search-page.c: search results across the whole dossier, grouped by kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A common term takes 50 to 170 ms to search in 100,000 incidents, and the window searches
 * at every keystroke: searches run in a worker thread, one at a time, on a read-only
 * connection of their own that each search hands on to the next. A keystroke cancels the
 * running search (SQLite is interrupted at once) and the newest text is searched when it
 * has stopped; hits are shown only for the newest text, and replace the old ones in one go.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-search.h"
#include "dossier-search-page.h"
#include "dossier-test-hooks.h"
#include "dossier-search-task.h"

#define MAX_HITS 60

struct _DossierSearchPage
{
  GtkWidget     parent_instance;

  GtkWidget    *overlay;
  GtkWidget    *stack;
  GtkWidget    *results;
  GtkListBox   *list;
  GtkWidget    *empty;
  GtkWidget    *spinner;
  DossierStore *store;
  char         *lang;

  DossierStore *reader;       /* the searches' connection; NULL before the first search
                               * opens it, and while a search holds it */
  GCancellable *cancellable;  /* the running search's; NULL when none runs */
  char         *text;         /* the newest text asked for */
  guint         serial;       /* searches asked for: hits are shown only for the newest */
  guint         searched;     /* the serial of the running search */
  gboolean      pending;      /* the newest text waits for the running search to stop */
  gboolean      activate_when_done;
  GPtrArray    *shown;        /* DossierSearchHit: those of the rows of @list, in order */
};

G_DEFINE_FINAL_TYPE (DossierSearchPage, dossier_search_page, GTK_TYPE_WIDGET)

enum { HIT_ACTIVATED, FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static DossierSearchHit *
hit_of (DossierSearchPage *self,
        GtkListBoxRow     *row)
{
  int index = gtk_list_box_row_get_index (row);

  g_return_val_if_fail (self->shown != NULL && index >= 0 && (guint) index < self->shown->len, NULL);
  return g_ptr_array_index (self->shown, index);
}

static void
on_row_activated (GtkListBox        *list,
                  GtkListBoxRow     *row,
                  DossierSearchPage *self)
{
  DossierSearchHit *hit = hit_of (self, row);

  g_signal_emit (self, signals[HIT_ACTIVATED], 0, hit->kind, hit->code);
}

/**
 * dossier_search_page_activate_first:
 * @self: a #DossierSearchPage
 *
 * Opens the first hit, as pressing Enter on it would. While a search runs, that is the
 * first hit of the text being searched, once found: Enter pressed right after typing must
 * not open a hit of the text before.
 */
void
dossier_search_page_activate_first (DossierSearchPage *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (DOSSIER_IS_SEARCH_PAGE (self));

  if (dossier_search_page_is_busy (self))
    {
      self->activate_when_done = TRUE;
      return;
    }
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
  DossierSearchPage *self = data;
  const char *kind = hit_of (self, row)->kind;
  GtkWidget *label;

  if (before != NULL && g_strcmp0 (kind, hit_of (self, before)->kind) == 0)
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
  return row;
}

static void search_done (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data);

/* The page lends its connection to io's search, which gives it back at the end. */
static void
start_search (DossierSearchPage *self)
{
  g_assert (self->cancellable == NULL);

  self->searched = self->serial;
  self->pending = FALSE;
  self->cancellable = g_cancellable_new ();
  dossier_search_async (dossier_store_get_path (self->store), g_steal_pointer (&self->reader), self->text, self->lang,
                        MAX_HITS, self->cancellable, search_done, g_object_ref (self));
}

static void
set_busy (DossierSearchPage *self,
          gboolean           busy)
{
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_STATE_BUSY, busy, -1);
}

static void
show_hits (DossierSearchPage *self,
           GPtrArray         *hits)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  self->shown = g_ptr_array_ref (hits);
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->list, make_row (hits->pdata[i]));
  gtk_label_set_text (GTK_LABEL (self->empty), _("Nothing in this dossier matches"));
  gtk_stack_set_visible_child (GTK_STACK (self->stack), hits->len > 0 ? self->results : self->empty);
}

static void
show_error (DossierSearchPage *self,
            const GError      *error)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  gtk_label_set_text (GTK_LABEL (self->empty), error->message);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->empty);
}

/* Back on the main thread. */
static void
search_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DossierSearchPage) self = user_data;
  g_autoptr(DossierStore) reader = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint n_hits = 0;

  hits = dossier_search_finish (result, &reader, &error);
  g_clear_object (&self->cancellable);
  /* Disposed while searching: the connection closes with the search. */
  if (self->stack == NULL)
    return;
  self->reader = g_steal_pointer (&reader);
  if (hits != NULL)
    g_ptr_array_sort (hits, by_kind_then_rank);

  if (self->pending)
    {
      start_search (self);
      return;
    }
  set_busy (self, FALSE);
  /* Stopped because the page left its window (see unroot): nobody waits for these hits. */
  if (self->searched != self->serial ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (hits != NULL)
    {
      show_hits (self, hits);
      n_hits = hits->len;
    }
  else
    show_error (self, error);
  g_signal_emit (self, signals[FINISHED], 0, self->text, n_hits);

  if (self->activate_when_done)
    {
      self->activate_when_done = FALSE;
      dossier_search_page_activate_first (self);
    }
}

/**
 * dossier_search_page_search:
 * @self: a #DossierSearchPage
 * @text: what the user typed
 *
 * Starts searching for @text, in a worker thread, stopping the search of a text typed
 * before. The best hits, grouped by kind, replace those shown when the search is done, and
 * #DossierSearchPage::finished is emitted; a spinner turns meanwhile.
 *
 * Returns: 0, the hits being not yet known; the number of hits comes with
 *   #DossierSearchPage::finished
 */
guint
dossier_search_page_search (DossierSearchPage *self,
                            const char        *text)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PAGE (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  g_free (self->text);
  self->text = g_strdup (text);
  self->serial++;
  /* Enter pressed for an older text is not meant for this one. */
  self->activate_when_done = FALSE;
  set_busy (self, TRUE);
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      self->pending = TRUE;
    }
  else
    start_search (self);
  return 0;
}

/**
 * dossier_search_page_is_busy:
 * @self: a #DossierSearchPage
 *
 * Returns: whether a search runs, or waits for the one before to stop
 */
gboolean
dossier_search_page_is_busy (DossierSearchPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

guint
dossier_search_page_count_kind (DossierSearchPage *self,
                                const char        *kind)
{
  guint n = 0;

  g_return_val_if_fail (DOSSIER_IS_SEARCH_PAGE (self), 0);

  for (guint i = 0; self->shown != NULL && i < self->shown->len; i++)
    n += g_strcmp0 (((DossierSearchHit *) self->shown->pdata[i])->kind, kind) == 0;
  return n;
}

static void
dossier_search_page_unroot (GtkWidget *widget)
{
  DossierSearchPage *self = DOSSIER_SEARCH_PAGE (widget);

  /* Closed, or replaced by the page of another dossier: stop searching now rather than
   * when the running search ends (the task holds the page until then). */
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      self->serial++;
      self->pending = FALSE;
      self->activate_when_done = FALSE;
    }

  GTK_WIDGET_CLASS (dossier_search_page_parent_class)->unroot (widget);
}

static void
dossier_search_page_dispose (GObject *object)
{
  DossierSearchPage *self = DOSSIER_SEARCH_PAGE (object);

  /* A running search holds a reference on the page until it has stopped. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->pending = FALSE;
  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  self->stack = NULL;
  g_clear_object (&self->reader);
  g_clear_object (&self->store);
  g_clear_pointer (&self->lang, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_search_page_parent_class)->dispose (object);
}

static void
dossier_search_page_class_init (DossierSearchPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_search_page_dispose;
  GTK_WIDGET_CLASS (klass)->unroot = dossier_search_page_unroot;

  /* The user chose a hit: its kind ("incident" …) and its code. */
  signals[HIT_ACTIVATED] = g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         G_TYPE_STRING, G_TYPE_STRING);
  /* The hits of the newest text are shown: that text, and their number (0 also when the
   * search failed, its error then shown). Not emitted for a text superseded while it was
   * searched, nor when the page left its window during the search. */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    G_TYPE_STRING, G_TYPE_UINT);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
dossier_search_page_init (DossierSearchPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->overlay = gtk_overlay_new ();
  self->stack = gtk_stack_new ();
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_header_func (self->list, set_header, self, NULL);
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
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), self->stack);

  /* Over the results, which stay until the new ones replace them: clearing them at each
   * keystroke would make the page flicker. */
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_halign (self->spinner, GTK_ALIGN_END);
  gtk_widget_set_valign (self->spinner, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->spinner, 18);
  gtk_widget_set_margin_end (self->spinner, 18);
  gtk_widget_set_size_request (self->spinner, 24, 24);
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_tooltip_text (self->spinner, _("Searching…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Searching…"), -1);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->spinner);
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));
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
