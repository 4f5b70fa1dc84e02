/* dossier-row-model.c: the rows a list view shows, kept across sorting and filtering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list views keep a widget per row near the one in view (200 rows of 9 cells in
 * the incidents' list) and, when the rows they show are removed from the model, drop those
 * widgets and build new ones: 85 ms to make them and 50 ms to drop them, most of the
 * 171–212 ms a sort or a filter took on 100,000 incidents, where SQLite answers in 1 ms.
 *
 * This model stands between a DossierRecordListModel and the view. Its items are rows
 * (DossierListRow), one per place in the list, that stay when the records are read again:
 * the rows the view holds are told of the record now at their place, and the view hears
 * only of the places added or removed at the end when the count changes. The widgets stay,
 * and the cells only change their text.
 */
#include "config.h"

#include "dossier-row-model.h"

struct _DossierRowModel
{
  GObject                 parent_instance;

  DossierRecordListModel *records;
  GHashTable             *rows;      /* position → DossierListRow, not a reference: rows
                                      * leave it when the view lets them go */
  guint                   n_items;
  gboolean                reloading;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DossierRowModel, dossier_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
row_gone (gpointer  data,
          GObject  *where_it_was)
{
  DossierRowModel *self = data;
  guint position = dossier_list_row_get_position ((DossierListRow *) where_it_was);

  /* The pointer only, never dereferenced: the row is being finalized. */
  if (g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position)) == where_it_was)
    g_hash_table_remove (self->rows, GUINT_TO_POINTER (position));
}

/* The rows from @position on no longer stand for their places: new ones are made when
 * asked for. */
static void
forget_rows_from (DossierRowModel *self,
                  guint            position)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (key) >= position)
      {
        g_object_weak_unref (value, row_gone, self);
        g_hash_table_iter_remove (&iter);
      }
}

static GType
get_item_type (GListModel *model)
{
  return DOSSIER_TYPE_LIST_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return DOSSIER_ROW_MODEL (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DossierRowModel *self = DOSSIER_ROW_MODEL (model);
  DossierListRow *row;
  g_autoptr(DossierRecord) record = NULL;

  if (position >= self->n_items)
    return NULL;
  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);
  row = dossier_list_row_new (position);
  record = g_list_model_get_item (G_LIST_MODEL (self->records), position);
  dossier_list_row_set_record (row, record);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
  g_object_weak_ref (G_OBJECT (row), row_gone, self);
  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
on_reloading (DossierRowModel *self)
{
  self->reloading = TRUE;
}

/* Every record was read again (a new order, a new filter, an edit elsewhere): each row
 * the view holds shows the record now at its place, and only the tail changes. */
static void
on_reloaded (DossierRowModel *self)
{
  guint old = self->n_items;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->records));
  GHashTableIter iter;
  gpointer key, value;

  self->reloading = FALSE;
  forget_rows_from (self, n);
  /* Telling a row runs no code that could change the table: GTK's cells only redraw. */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(DossierRecord) record = g_list_model_get_item (G_LIST_MODEL (self->records), GPOINTER_TO_UINT (key));

      dossier_list_row_set_record (value, record);
    }
  self->n_items = n;
  if (n < old)
    g_list_model_items_changed (G_LIST_MODEL (self), n, old - n, 0);
  else if (n > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, n - old);
}

/* Outside a reload: one record read again in place (an edit), or rows really added or
 * removed. */
static void
on_records_changed (DossierRowModel *self,
                    guint            position,
                    guint            removed,
                    guint            added)
{
  if (self->reloading)
    return;
  if (removed == added)
    {
      for (guint i = position; i < position + added; i++)
        {
          DossierListRow *row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (i));
          g_autoptr(DossierRecord) record = NULL;

          if (row == NULL)
            continue;
          record = g_list_model_get_item (G_LIST_MODEL (self->records), i);
          dossier_list_row_set_record (row, record);
        }
      return;
    }
  forget_rows_from (self, position);
  self->n_items = self->n_items - removed + added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
dossier_row_model_dispose (GObject *object)
{
  DossierRowModel *self = DOSSIER_ROW_MODEL (object);

  if (self->records != NULL)
    g_signal_handlers_disconnect_by_data (self->records, self);
  g_clear_object (&self->records);
  if (self->rows != NULL)
    forget_rows_from (self, 0);

  G_OBJECT_CLASS (dossier_row_model_parent_class)->dispose (object);
}

static void
dossier_row_model_finalize (GObject *object)
{
  g_clear_pointer (&DOSSIER_ROW_MODEL (object)->rows, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_row_model_parent_class)->finalize (object);
}

static void
dossier_row_model_class_init (DossierRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_row_model_dispose;
  object_class->finalize = dossier_row_model_finalize;
}

static void
dossier_row_model_init (DossierRowModel *self)
{
  self->rows = g_hash_table_new (NULL, NULL);
}

/**
 * dossier_row_model_new:
 * @records: the records to show
 *
 * Returns: (transfer full): a model of rows (#DossierListRow) over @records
 */
DossierRowModel *
dossier_row_model_new (DossierRecordListModel *records)
{
  DossierRowModel *self;

  g_return_val_if_fail (DOSSIER_IS_RECORD_LIST_MODEL (records), NULL);

  self = g_object_new (DOSSIER_TYPE_ROW_MODEL, NULL);
  self->records = g_object_ref (records);
  self->n_items = g_list_model_get_n_items (G_LIST_MODEL (records));
  g_signal_connect_swapped (records, "reloading", G_CALLBACK (on_reloading), self);
  g_signal_connect_swapped (records, "reloaded", G_CALLBACK (on_reloaded), self);
  g_signal_connect_swapped (records, "items-changed", G_CALLBACK (on_records_changed), self);
  return self;
}
