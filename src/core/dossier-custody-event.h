/* dossier-custody-event.h: one entry of an evidence item's hash-chained custody log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_CUSTODY_EVENT (dossier_custody_event_get_type ())
G_DECLARE_FINAL_TYPE (DossierCustodyEvent, dossier_custody_event, DOSSIER, CUSTODY_EVENT, DossierRecord)

/* One entry of an evidence item's hash-chained custody log. */
struct _DossierCustodyEvent
{
  DossierRecord parent_instance;

  gint64    evidence_id;                  /* id of the evidence, 0 when none */
  char     *at;
  char     *user;
  char     *action;
  char     *details;
  char     *prev_hash;
  char     *hash;
};

DossierCustodyEvent *dossier_custody_event_new (void);
/* An evidence item's custody log, oldest first, as DossierCustodyEvent. */
GPtrArray           *dossier_store_list_custody (DossierStore  *store,
                                                 gint64         evidence_id,
                                                 GError       **error);

G_END_DECLS
