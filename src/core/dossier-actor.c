/* dossier-actor.c: an armed actor or institution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-actor.h"
#include "dossier-actor-private.h"
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

/**
 * dossier_actor_get_name:
 * @self: a #DossierActor
 *
 * Returns: (transfer none): its name
 */
const char *
dossier_actor_get_name (DossierActor *self)
{
  g_return_val_if_fail (DOSSIER_IS_ACTOR (self), NULL);
  return self->name;
}

/**
 * dossier_actor_get_acronym:
 * @self: a #DossierActor
 *
 * Returns: (transfer none): its acronym
 */
const char *
dossier_actor_get_acronym (DossierActor *self)
{
  g_return_val_if_fail (DOSSIER_IS_ACTOR (self), NULL);
  return self->acronym;
}

/**
 * dossier_actor_get_kind:
 * @self: a #DossierActor
 *
 * Returns: (transfer none): its kind, vocabulary “actor-kind”
 */
const char *
dossier_actor_get_kind (DossierActor *self)
{
  g_return_val_if_fail (DOSSIER_IS_ACTOR (self), NULL);
  return self->kind;
}

/**
 * dossier_actor_get_parent_id:
 * @self: a #DossierActor
 *
 * Returns: its parent_id, id of the actor, 0 when none
 */
gint64
dossier_actor_get_parent_id (DossierActor *self)
{
  g_return_val_if_fail (DOSSIER_IS_ACTOR (self), 0);
  return self->parent_id;
}

/**
 * dossier_actor_get_description:
 * @self: a #DossierActor
 *
 * Returns: (transfer none): its description
 */
const char *
dossier_actor_get_description (DossierActor *self)
{
  g_return_val_if_fail (DOSSIER_IS_ACTOR (self), NULL);
  return self->description;
}

/**
 * dossier_actor_set_parent_id:
 * @self: a #DossierActor
 * @parent_id: its new value
 *
 * Sets parent_id through dossier_record_set_field(), which notifies the change once.
 */
void
dossier_actor_set_parent_id (DossierActor *self,
                             gint64        parent_id)
{
  g_return_if_fail (DOSSIER_IS_ACTOR (self));
  dossier_record_set_int (DOSSIER_RECORD (self), dossier_record_find_field (&info, "parent_id"), parent_id);
}
