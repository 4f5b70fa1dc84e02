/* dossier-list-row.c: one row of a list, whichever record it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row stands for a place in the list, not for a record: when the list is sorted or
 * filtered again, the rows on screen stay and are told of the record now at their place
 * ("notify::record"), so that GTK keeps their widgets (see DossierRowModel).
 */
#include "config.h"

#include "dossier-list-row.h"

struct _DossierListRow
{
  GObject        parent_instance;

  guint          position;
  DossierRecord *record;
};

G_DEFINE_FINAL_TYPE (DossierListRow, dossier_list_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_list_row_finalize (GObject *object)
{
  g_clear_object (&DOSSIER_LIST_ROW (object)->record);

  G_OBJECT_CLASS (dossier_list_row_parent_class)->finalize (object);
}

static void
dossier_list_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierListRow *self = DOSSIER_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_list_row_class_init (DossierListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_list_row_finalize;
  object_class->get_property = dossier_list_row_get_property;

  /* Notified also when the same record was read again: what it shows may have changed. */
  properties[PROP_RECORD] = g_param_spec_object ("record", NULL, NULL, DOSSIER_TYPE_RECORD,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_list_row_init (DossierListRow *self)
{
}

DossierListRow *
dossier_list_row_new (guint position)
{
  DossierListRow *self = g_object_new (DOSSIER_TYPE_LIST_ROW, NULL);

  self->position = position;
  return self;
}

/**
 * dossier_list_row_get_record:
 * @self: a #DossierListRow
 *
 * Returns: (transfer none) (nullable): the record shown in this row, %NULL if it could not
 *   be read
 */
DossierRecord *
dossier_list_row_get_record (DossierListRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIST_ROW (self), NULL);
  return self->record;
}

/**
 * dossier_list_row_set_record:
 * @self: a #DossierListRow
 * @record: (nullable): the record now at the row's place
 *
 * Notifies "record", even if @record is the one shown: it may have been read again.
 */
void
dossier_list_row_set_record (DossierListRow *self,
                             DossierRecord  *record)
{
  g_return_if_fail (DOSSIER_IS_LIST_ROW (self));
  g_return_if_fail (record == NULL || DOSSIER_IS_RECORD (record));

  g_set_object (&self->record, record);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

guint
dossier_list_row_get_position (DossierListRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_LIST_ROW (self), 0);
  return self->position;
}
