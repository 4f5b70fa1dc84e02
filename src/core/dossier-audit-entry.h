/* dossier-audit-entry.h: one entry of the audit log: who changed what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_AUDIT_ENTRY (dossier_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (DossierAuditEntry, dossier_audit_entry, DOSSIER, AUDIT_ENTRY, DossierRecord)

/* One entry of the audit log: who changed what, when. */

DossierAuditEntry *dossier_audit_entry_new (void);

/* Typed getters, plain and fast: each returns its field as stored in memory. Writes go
 * through dossier_record_set_field () (dossier_record_set_text () …, or g_object_set ()). */
const char *dossier_audit_entry_get_user        (DossierAuditEntry *self);
const char *dossier_audit_entry_get_action      (DossierAuditEntry *self);
const char *dossier_audit_entry_get_entity      (DossierAuditEntry *self);
const char *dossier_audit_entry_get_entity_uuid (DossierAuditEntry *self);
const char *dossier_audit_entry_get_field       (DossierAuditEntry *self);
const char *dossier_audit_entry_get_old_value   (DossierAuditEntry *self);
const char *dossier_audit_entry_get_new_value   (DossierAuditEntry *self);

G_END_DECLS
