/* dossier-restore.c: what only the making of a whole dossier from a description may do
 * (see dossier-restore.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-restore.h"
#include "dossier-store-private.h"

/**
 * dossier_restore_set_info:
 *
 * Gives a new dossier the identity, dates and description its source records, in place of
 * the ones it was made with.
 */
gboolean
dossier_restore_set_info (DossierStore  *store,
                          const char    *uuid,
                          const char    *created_at,
                          const char    *updated_at,
                          const char    *title,
                          const char    *mandate,
                          const char    *period,
                          const char    *default_lang,
                          GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);

  return _dossier_store_replace_info (store, uuid, created_at, updated_at, title, mandate, period, default_lang,
                                      error);
}

/**
 * dossier_restore_clear_vocabulary:
 *
 * Empties a new dossier's vocabulary, before its source's own goes in: the records' codes
 * are the source's, and so must the terms' uuids be.
 */
gboolean
dossier_restore_clear_vocabulary (DossierStore  *store,
                                  GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);

  return _dossier_store_clear_vocabulary (store, error);
}

/**
 * dossier_restore_set_code_counter:
 * @prefix: a code prefix such as “INC”
 * @next: the number the next record's code takes
 *
 * Sets where a kind of record's codes go on from: above every code the source gave.
 */
gboolean
dossier_restore_set_code_counter (DossierStore  *store,
                                  const char    *prefix,
                                  gint64         next,
                                  GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (prefix != NULL && next > 0, FALSE);

  return _dossier_store_set_code_counter (store, prefix, next, error);
}

/**
 * dossier_restore_set_self_reference:
 * @field: a reference field from a record to another of its own kind (an actor's parent)
 * @id: the referring record
 * @ref_id: the record it refers to, which may have come after it
 *
 * Sets a reference once both records are in.
 */
gboolean
dossier_restore_set_self_reference (DossierStore        *store,
                                    const DossierField  *field,
                                    gint64               id,
                                    gint64               ref_id,
                                    GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (field != NULL && field->type == DOSSIER_FIELD_REF && field->ref_table != NULL, FALSE);

  return _dossier_store_set_reference (store, field->ref_table, field->name, id, ref_id, error);
}

/**
 * dossier_restore_set_auditing:
 *
 * Whether writes add rows to the audit log. A restore turns it off while the source's own
 * log, which is the record of what happened, goes in; it is on again before the dossier is
 * given to anyone.
 */
void
dossier_restore_set_auditing (DossierStore *store,
                              gboolean      auditing)
{
  g_return_if_fail (DOSSIER_IS_STORE (store));

  _dossier_store_set_auditing (store, auditing);
}

/**
 * dossier_restore_set_bulk:
 * @bulk: %TRUE before a new dossier is filled, %FALSE once it is
 *
 * A new file filled in one transaction writes it best through a rollback journal kept in
 * memory until the commit; after, the dossier goes back to write-ahead logging, as
 * dossier_create() leaves it.
 */
gboolean
dossier_restore_set_bulk (DossierStore  *store,
                          gboolean       bulk,
                          GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (store), FALSE);

  return _dossier_store_exec (store, bulk ? "PRAGMA journal_mode = DELETE; PRAGMA cache_spill = OFF;"
                                          : "PRAGMA journal_mode = WAL;", error);
}
