/* dossier-audit-entry-private.h: the instance struct of DossierAuditEntry
 *
 * Only src/core's .c files include this header (as dossier-store-private.h); tests may,
 * to look inside a record (white-box). Everything else reads the record through the
 * typed getters of dossier-audit-entry.h and writes it through dossier_record_set_field()'s
 * setters, so that every change is notified once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-audit-entry.h"

G_BEGIN_DECLS

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

G_END_DECLS
