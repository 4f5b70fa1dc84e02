/* dossier-actor.c: an armed actor or institution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-actor.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

G_DEFINE_FINAL_TYPE (DossierActor, dossier_actor, DOSSIER_TYPE_RECORD)

#define F(name, type, vocab, ref) { #name, DOSSIER_FIELD_##type, G_STRUCT_OFFSET (DossierActor, name), vocab, ref }

static const DossierField fields[] = {
  F (name, TEXT, NULL, NULL),
  F (acronym, TEXT, NULL, NULL),
  F (kind, TEXT, "actor-kind", NULL),
  F (parent_id, REF, NULL, "actor"),
  F (description, TEXT, NULL, NULL),
};

static const DossierRecordInfo info = {
  .table = "actor",
  .code_prefix = "ACT",
  .code_digits = 4,
  .not_audited = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
dossier_actor_class_init (DossierActorClass *klass)
{
  _dossier_record_class_install_fields (DOSSIER_RECORD_CLASS (klass), &info, 1);
}

static void
dossier_actor_init (DossierActor *self)
{
  _dossier_record_set_info (DOSSIER_RECORD (self), &info);
  g_free (self->kind);
  self->kind = g_strdup ("other");
}

/**
 * dossier_actor_new:
 *
 * Returns: (transfer full): a new, unsaved record with default values
 */
DossierActor *
dossier_actor_new (void)
{
  return g_object_new (DOSSIER_TYPE_ACTOR, NULL);
}
