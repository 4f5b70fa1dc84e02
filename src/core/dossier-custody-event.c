/* dossier-custody-event.c: one entry of an evidence item's hash-chained custody log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-custody-event.h"
#include "dossier-custody-event-private.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

G_DEFINE_FINAL_TYPE (DossierCustodyEvent, dossier_custody_event, DOSSIER_TYPE_RECORD)

#define F(name, type, vocab, ref) { #name, DOSSIER_FIELD_##type, G_STRUCT_OFFSET (DossierCustodyEvent, name), vocab, ref }

static const DossierField fields[] = {
  F (evidence_id, REF, NULL, "evidence"),
  F (at, TEXT, NULL, NULL),
  F (user, TEXT, NULL, NULL),
  F (action, TEXT, NULL, NULL),
  F (details, TEXT, NULL, NULL),
  F (prev_hash, TEXT, NULL, NULL),
  F (hash, TEXT, NULL, NULL),
};

static const DossierRecordInfo info = {
  .table = "custody_event",
  .code_prefix = NULL,
  .code_digits = 0,
  .not_audited = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
dossier_custody_event_class_init (DossierCustodyEventClass *klass)
{
  _dossier_record_class_install_fields (DOSSIER_RECORD_CLASS (klass), &info, 1);
}

static void
dossier_custody_event_init (DossierCustodyEvent *self)
{
  _dossier_record_set_info (DOSSIER_RECORD (self), &info);
}

/**
 * dossier_custody_event_new:
 *
 * Returns: (transfer full): a new, unsaved record with default values
 */
DossierCustodyEvent *
dossier_custody_event_new (void)
{
  return g_object_new (DOSSIER_TYPE_CUSTODY_EVENT, NULL);
}

/**
 * dossier_store_list_custody:
 * @store: a #DossierStore
 * @evidence_id: an evidence item's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DossierCustodyEvent): the item's custody log,
 *   oldest first, as the chain runs, or %NULL on error
 */
GPtrArray *
dossier_store_list_custody (DossierStore  *store,
                            gint64         evidence_id,
                            GError       **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *where = g_strdup_printf ("evidence_id = %" G_GINT64_FORMAT, evidence_id);

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  if (!_dossier_store_foreach_where (store, DOSSIER_TYPE_CUSTODY_EVENT, where, dossier_record_collect, events, error))
    return NULL;
  return g_steal_pointer (&events);
}

/**
 * dossier_custody_event_get_evidence_id:
 * @self: a #DossierCustodyEvent
 *
 * Returns: its evidence_id, id of the evidence, 0 when none
 */
gint64
dossier_custody_event_get_evidence_id (DossierCustodyEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_CUSTODY_EVENT (self), 0);
  return self->evidence_id;
}

/**
 * dossier_custody_event_get_at:
 * @self: a #DossierCustodyEvent
 *
 * Returns: (transfer none): its at
 */
const char *
dossier_custody_event_get_at (DossierCustodyEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_CUSTODY_EVENT (self), NULL);
  return self->at;
}

/**
 * dossier_custody_event_get_user:
 * @self: a #DossierCustodyEvent
 *
 * Returns: (transfer none): its user
 */
const char *
dossier_custody_event_get_user (DossierCustodyEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_CUSTODY_EVENT (self), NULL);
  return self->user;
}

/**
 * dossier_custody_event_get_action:
 * @self: a #DossierCustodyEvent
 *
 * Returns: (transfer none): its action
 */
const char *
dossier_custody_event_get_action (DossierCustodyEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_CUSTODY_EVENT (self), NULL);
  return self->action;
}

/**
 * dossier_custody_event_get_details:
 * @self: a #DossierCustodyEvent
 *
 * Returns: (transfer none): its details
 */
const char *
dossier_custody_event_get_details (DossierCustodyEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_CUSTODY_EVENT (self), NULL);
  return self->details;
}

/**
 * dossier_custody_event_get_prev_hash:
 * @self: a #DossierCustodyEvent
 *
 * Returns: (transfer none): its prev_hash
 */
const char *
dossier_custody_event_get_prev_hash (DossierCustodyEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_CUSTODY_EVENT (self), NULL);
  return self->prev_hash;
}

/**
 * dossier_custody_event_get_hash:
 * @self: a #DossierCustodyEvent
 *
 * Returns: (transfer none): its hash
 */
const char *
dossier_custody_event_get_hash (DossierCustodyEvent *self)
{
  g_return_val_if_fail (DOSSIER_IS_CUSTODY_EVENT (self), NULL);
  return self->hash;
}
