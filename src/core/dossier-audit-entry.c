/* dossier-audit-entry.c: one entry of the audit log: who changed what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-audit-entry.h"
#include "dossier-audit-entry-private.h"
#include "dossier-store-private.h"
#include "dossier-record-private.h"

G_DEFINE_FINAL_TYPE (DossierAuditEntry, dossier_audit_entry, DOSSIER_TYPE_RECORD)

#define F(name, type, vocab, ref) { #name, DOSSIER_FIELD_##type, G_STRUCT_OFFSET (DossierAuditEntry, name), vocab, ref }

static const DossierField fields[] = {
  F (user, TEXT, NULL, NULL),
  F (action, TEXT, NULL, NULL),
  F (entity, TEXT, NULL, NULL),
  F (entity_uuid, TEXT, NULL, NULL),
  F (field, NTEXT, NULL, NULL),
  F (old_value, NTEXT, NULL, NULL),
  F (new_value, NTEXT, NULL, NULL),
};

static const DossierRecordInfo info = {
  .table = "audit",
  .code_prefix = NULL,
  .code_digits = 0,
  .not_audited = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
dossier_audit_entry_class_init (DossierAuditEntryClass *klass)
{
  _dossier_record_class_install_fields (DOSSIER_RECORD_CLASS (klass), &info, 1);
}

static void
dossier_audit_entry_init (DossierAuditEntry *self)
{
  _dossier_record_set_info (DOSSIER_RECORD (self), &info);
}

/**
 * dossier_audit_entry_new:
 *
 * Returns: (transfer full): a new, unsaved record with default values
 */
DossierAuditEntry *
dossier_audit_entry_new (void)
{
  return g_object_new (DOSSIER_TYPE_AUDIT_ENTRY, NULL);
}

/**
 * dossier_audit_entry_get_user:
 * @self: a #DossierAuditEntry
 *
 * Returns: (transfer none): its user
 */
const char *
dossier_audit_entry_get_user (DossierAuditEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUDIT_ENTRY (self), NULL);
  return self->user;
}

/**
 * dossier_audit_entry_get_action:
 * @self: a #DossierAuditEntry
 *
 * Returns: (transfer none): its action
 */
const char *
dossier_audit_entry_get_action (DossierAuditEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUDIT_ENTRY (self), NULL);
  return self->action;
}

/**
 * dossier_audit_entry_get_entity:
 * @self: a #DossierAuditEntry
 *
 * Returns: (transfer none): its entity
 */
const char *
dossier_audit_entry_get_entity (DossierAuditEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUDIT_ENTRY (self), NULL);
  return self->entity;
}

/**
 * dossier_audit_entry_get_entity_uuid:
 * @self: a #DossierAuditEntry
 *
 * Returns: (transfer none): its entity_uuid
 */
const char *
dossier_audit_entry_get_entity_uuid (DossierAuditEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUDIT_ENTRY (self), NULL);
  return self->entity_uuid;
}

/**
 * dossier_audit_entry_get_field:
 * @self: a #DossierAuditEntry
 *
 * Returns: (transfer none) (nullable): its field, %NULL when unset
 */
const char *
dossier_audit_entry_get_field (DossierAuditEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUDIT_ENTRY (self), NULL);
  return self->field;
}

/**
 * dossier_audit_entry_get_old_value:
 * @self: a #DossierAuditEntry
 *
 * Returns: (transfer none) (nullable): its old_value, %NULL when unset
 */
const char *
dossier_audit_entry_get_old_value (DossierAuditEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUDIT_ENTRY (self), NULL);
  return self->old_value;
}

/**
 * dossier_audit_entry_get_new_value:
 * @self: a #DossierAuditEntry
 *
 * Returns: (transfer none) (nullable): its new_value, %NULL when unset
 */
const char *
dossier_audit_entry_get_new_value (DossierAuditEntry *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUDIT_ENTRY (self), NULL);
  return self->new_value;
}
