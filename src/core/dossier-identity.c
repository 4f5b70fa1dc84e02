/* dossier-identity.c: who a coded person really is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-identity.h"
#include "dossier-identity-private.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

G_DEFINE_FINAL_TYPE (DossierIdentity, dossier_identity, DOSSIER_TYPE_RECORD)

#define F(name, type, vocab, ref) { #name, DOSSIER_FIELD_##type, G_STRUCT_OFFSET (DossierIdentity, name), vocab, ref }

static const DossierField fields[] = {
  F (person_id, REF, NULL, "person"),
  F (full_name, TEXT, NULL, NULL),
  F (other_names, TEXT, NULL, NULL),
  F (contact, TEXT, NULL, NULL),
  F (address, TEXT, NULL, NULL),
};

static const DossierRecordInfo info = {
  .table = "identity",
  .code_prefix = NULL,
  .code_digits = 0,
  .not_audited = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
dossier_identity_class_init (DossierIdentityClass *klass)
{
  _dossier_record_class_install_fields (DOSSIER_RECORD_CLASS (klass), &info, 1);
}

static void
dossier_identity_init (DossierIdentity *self)
{
  _dossier_record_set_info (DOSSIER_RECORD (self), &info);
}

/**
 * dossier_identity_new:
 *
 * Returns: (transfer full): a new, unsaved record with default values
 */
DossierIdentity *
dossier_identity_new (void)
{
  return g_object_new (DOSSIER_TYPE_IDENTITY, NULL);
}

/**
 * dossier_store_list_identities:
 * @store: a #DossierStore
 * @person_id: a person's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DossierIdentity): who the person really is, as
 *   recorded (one identity, or none yet), or %NULL on error
 */
GPtrArray *
dossier_store_list_identities (DossierStore  *store,
                               gint64         person_id,
                               GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *where = g_strdup_printf ("person_id = %" G_GINT64_FORMAT, person_id);

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);

  if (!_dossier_store_foreach_where (store, DOSSIER_TYPE_IDENTITY, where, dossier_record_collect, found, error))
    return NULL;
  return g_steal_pointer (&found);
}

/**
 * dossier_identity_get_person_id:
 * @self: a #DossierIdentity
 *
 * Returns: its person_id, id of the person, 0 when none
 */
gint64
dossier_identity_get_person_id (DossierIdentity *self)
{
  g_return_val_if_fail (DOSSIER_IS_IDENTITY (self), 0);
  return self->person_id;
}

/**
 * dossier_identity_get_full_name:
 * @self: a #DossierIdentity
 *
 * Returns: (transfer none): its full_name
 */
const char *
dossier_identity_get_full_name (DossierIdentity *self)
{
  g_return_val_if_fail (DOSSIER_IS_IDENTITY (self), NULL);
  return self->full_name;
}

/**
 * dossier_identity_get_other_names:
 * @self: a #DossierIdentity
 *
 * Returns: (transfer none): its other_names
 */
const char *
dossier_identity_get_other_names (DossierIdentity *self)
{
  g_return_val_if_fail (DOSSIER_IS_IDENTITY (self), NULL);
  return self->other_names;
}

/**
 * dossier_identity_get_contact:
 * @self: a #DossierIdentity
 *
 * Returns: (transfer none): its contact
 */
const char *
dossier_identity_get_contact (DossierIdentity *self)
{
  g_return_val_if_fail (DOSSIER_IS_IDENTITY (self), NULL);
  return self->contact;
}

/**
 * dossier_identity_get_address:
 * @self: a #DossierIdentity
 *
 * Returns: (transfer none): its address
 */
const char *
dossier_identity_get_address (DossierIdentity *self)
{
  g_return_val_if_fail (DOSSIER_IS_IDENTITY (self), NULL);
  return self->address;
}

/**
 * dossier_identity_set_person_id:
 * @self: a #DossierIdentity
 * @person_id: its new value
 *
 * Sets person_id through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_identity_set_person_id (DossierIdentity *self,
                                gint64           person_id)
{
  g_return_if_fail (DOSSIER_IS_IDENTITY (self));
  dossier_record_set_int (DOSSIER_RECORD (self), dossier_record_find_field (&info, "person_id"), person_id);
}
