/* dossier-record-list-model.c: a GListModel over one kind of record, read page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists show tens of thousands of rows, so the model never loads a table: it knows the row
 * count, and a list view asks only for the rows it shows; those are read from SQLite a page
 * at a time, sorted by SQLite, and only a few pages are kept.
 */
#include "config.h"

#include "dossier-record-list-model.h"

#define PAGE_SIZE 100
#define MAX_PAGES 8

struct _DossierRecordListModel
{
  GObject       parent_instance;

  DossierStore *store;
  GType         record_type;
  char         *order_by;
  gboolean      descending;
  guint         n_items;
  GHashTable   *pages;   /* page number → GPtrArray of records */
  DossierFilter *filter; /* the shared filter they follow, or NULL */
  gboolean      dormant; /* not shown: a filter change is only noted */
  gboolean      stale;   /* the filter changed while dormant */
  GQueue        recent;  /* page numbers, most recently used first */
};

static void list_model_iface_init (GListModelInterface *iface);

enum {
  RELOADING,
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierRecordListModel, dossier_record_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return DOSSIER_RECORD_LIST_MODEL (model)->record_type;
}

static guint
get_n_items (GListModel *model)
{
  return DOSSIER_RECORD_LIST_MODEL (model)->n_items;
}

static GPtrArray *
get_page (DossierRecordListModel *self,
          guint                   page_number)
{
  GPtrArray *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_number));
  g_autoptr(GError) error = NULL;

  if (page != NULL)
    {
      g_queue_remove (&self->recent, GUINT_TO_POINTER (page_number));
      g_queue_push_head (&self->recent, GUINT_TO_POINTER (page_number));
      return page;
    }

  if (self->filter != NULL && !dossier_filter_is_empty (self->filter))
    page = dossier_store_query_records (self->store, self->record_type, dossier_filter_get_query (self->filter),
                                        self->order_by, self->descending,
                                        page_number * PAGE_SIZE, PAGE_SIZE, &error);
  else
    page = dossier_store_load_page (self->store, self->record_type, self->order_by, self->descending,
                                    page_number * PAGE_SIZE, PAGE_SIZE, &error);
  if (page == NULL)
    {
      g_warning ("Could not read the list: %s", error->message);
      return NULL;
    }

  if (g_queue_get_length (&self->recent) >= MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page_number), page);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (page_number));
  return page;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DossierRecordListModel *self = DOSSIER_RECORD_LIST_MODEL (model);
  GPtrArray *page;
  guint index = position % PAGE_SIZE;

  if (position >= self->n_items)
    return NULL;
  page = get_page (self, position / PAGE_SIZE);
  if (page == NULL || index >= page->len)
    return NULL;
  return g_object_ref (page->pdata[index]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
dossier_record_list_model_finalize (GObject *object)
{
  DossierRecordListModel *self = DOSSIER_RECORD_LIST_MODEL (object);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->order_by, g_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->recent);

  G_OBJECT_CLASS (dossier_record_list_model_parent_class)->finalize (object);
}

static void
dossier_record_list_model_class_init (DossierRecordListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_record_list_model_finalize;

  /* Every row is about to be replaced (a new order, a new filter). A selection should be
   * dropped now: GTK's multi-selection would otherwise look for the selected row among all
   * the new ones, reading the whole table to find it. */
  signals[RELOADING] = g_signal_new ("reloading", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The rows have been replaced. */
  signals[RELOADED] = g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_record_list_model_init (DossierRecordListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
}

/**
 * dossier_record_list_model_new:
 * @store: the dossier
 * @record_type: a #DossierRecord subtype
 *
 * Returns: (transfer full): a model of every record of @record_type, by code
 */
DossierRecordListModel *
dossier_record_list_model_new (DossierStore *store,
                               GType         record_type)
{
  DossierRecordListModel *self;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, DOSSIER_TYPE_RECORD), NULL);

  self = g_object_new (DOSSIER_TYPE_RECORD_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  self->record_type = record_type;
  self->order_by = g_strdup ("code");
  dossier_record_list_model_reload (self);
  return self;
}

DossierStore *
dossier_record_list_model_get_store (DossierRecordListModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD_LIST_MODEL (self), NULL);
  return self->store;
}

/**
 * dossier_record_list_model_reload:
 * @self: a #DossierRecordListModel
 *
 * Forgets the cached pages and counts the rows again, after the dossier changed.
 */
void
dossier_record_list_model_reload (DossierRecordListModel *self)
{
  g_autoptr(GError) error = NULL;
  guint old = self->n_items;
  gint64 n;

  g_return_if_fail (DOSSIER_IS_RECORD_LIST_MODEL (self));

  g_signal_emit (self, signals[RELOADING], 0);
  self->stale = FALSE;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);
  if (self->filter != NULL && !dossier_filter_is_empty (self->filter))
    n = dossier_store_count_records_query (self->store, self->record_type, dossier_filter_get_query (self->filter),
                                           &error);
  else
    n = dossier_store_count_records (self->store, self->record_type, &error);
  if (n < 0)
    {
      g_warning ("Could not count the records: %s", error->message);
      n = 0;
    }
  /* Removed, then added, in two steps: told of both at once, GTK's list views look for
   * each row they showed among all the new ones, reading every page of the table. */
  self->n_items = 0;
  if (old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
  self->n_items = (guint) n;
  if (self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->n_items);
  g_signal_emit (self, signals[RELOADED], 0);
}

void
dossier_record_list_model_set_sort (DossierRecordListModel *self,
                                    const char             *order_by,
                                    gboolean                descending)
{
  g_return_if_fail (DOSSIER_IS_RECORD_LIST_MODEL (self));

  if (g_strcmp0 (order_by, self->order_by) == 0 && descending == self->descending)
    return;
  g_free (self->order_by);
  self->order_by = g_strdup (order_by);
  self->descending = descending;
  dossier_record_list_model_reload (self);
}

/* Counting what a filter keeps can take a tenth of a second on a large dossier: the lists
 * that are not shown wait until they are. */
static void
on_filter_changed (DossierRecordListModel *self)
{
  if (self->dormant)
    self->stale = TRUE;
  else
    dossier_record_list_model_reload (self);
}

/**
 * dossier_record_list_model_set_dormant:
 * @self: a #DossierRecordListModel
 * @dormant: %TRUE while no view shows the model
 *
 * A dormant model follows the filter only when it wakes up.
 */
void
dossier_record_list_model_set_dormant (DossierRecordListModel *self,
                                       gboolean                dormant)
{
  g_return_if_fail (DOSSIER_IS_RECORD_LIST_MODEL (self));

  self->dormant = dormant;
  if (!dormant && self->stale)
    {
      self->stale = FALSE;
      dossier_record_list_model_reload (self);
    }
}

/**
 * dossier_record_list_model_invalidate:
 * @self: a #DossierRecordListModel
 *
 * Something its rows show changed elsewhere: reads them again now, or when next shown.
 */
void
dossier_record_list_model_invalidate (DossierRecordListModel *self)
{
  g_return_if_fail (DOSSIER_IS_RECORD_LIST_MODEL (self));
  on_filter_changed (self);
}

gboolean
dossier_record_list_model_is_stale (DossierRecordListModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_RECORD_LIST_MODEL (self), FALSE);
  return self->stale;
}

/**
 * dossier_record_list_model_set_filter:
 * @self: a #DossierRecordListModel
 * @filter: (nullable): the shared filter to follow
 *
 * Incidents are those of the filter; other records those linked to them (see
 * dossier_store_query_records()).
 */
void
dossier_record_list_model_set_filter (DossierRecordListModel *self,
                                      DossierFilter          *filter)
{
  g_return_if_fail (DOSSIER_IS_RECORD_LIST_MODEL (self));
  g_return_if_fail (filter == NULL || DOSSIER_IS_FILTER (filter));

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_swapped (filter, "changed", G_CALLBACK (on_filter_changed), self);
  dossier_record_list_model_reload (self);
}

/**
 * dossier_record_list_model_refresh:
 * @self: a #DossierRecordListModel
 * @record: a record that was changed
 *
 * Reads @record's row again if it is in a page held, and tells the views.
 *
 * Returns: its position, or -1 if it is not held
 */
gint64
dossier_record_list_model_refresh (DossierRecordListModel *self,
                                   DossierRecord          *record)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (DOSSIER_IS_RECORD_LIST_MODEL (self), -1);
  g_return_val_if_fail (DOSSIER_IS_RECORD (record), -1);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *page = value;

      for (guint i = 0; i < page->len; i++)
        if (dossier_record_get_id (DOSSIER_RECORD (page->pdata[i])) == dossier_record_get_id (record))
          {
            g_autoptr(GError) error = NULL;
            guint position = GPOINTER_TO_UINT (key) * PAGE_SIZE + i;

            if (!dossier_store_reload (self->store, page->pdata[i], &error))
              {
                g_warning ("Could not read the record again: %s", error->message);
                return -1;
              }
            g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
            return position;
          }
    }
  return -1;
}
