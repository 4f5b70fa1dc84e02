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
struct _DossierAuditEntry
{
  DossierRecord parent_instance;

  char     *user;
  char     *action;
  char     *entity;
  char     *entity_uuid;
  char     *field;
  char     *old_value;
  char     *new_value;
};

DossierAuditEntry *dossier_audit_entry_new (void);

G_END_DECLS
