/* dossier-identity.c: who a coded person really is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-identity.h"

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
