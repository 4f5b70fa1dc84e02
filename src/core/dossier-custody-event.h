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

DossierCustodyEvent *dossier_custody_event_new (void);
/* An evidence item's custody log, oldest first, as DossierCustodyEvent. */
GPtrArray           *dossier_store_list_custody (DossierStore  *store,
                                                 gint64         evidence_id,
                                                 GError       **error);

/* Typed getters, plain and fast: each returns its field as stored in memory. Writes go
 * through dossier_record_set_field () (dossier_record_set_text () …, or g_object_set ()). */
gint64      dossier_custody_event_get_evidence_id (DossierCustodyEvent *self);
const char *dossier_custody_event_get_at          (DossierCustodyEvent *self);
const char *dossier_custody_event_get_user        (DossierCustodyEvent *self);
const char *dossier_custody_event_get_action      (DossierCustodyEvent *self);
const char *dossier_custody_event_get_details     (DossierCustodyEvent *self);
const char *dossier_custody_event_get_prev_hash   (DossierCustodyEvent *self);
const char *dossier_custody_event_get_hash        (DossierCustodyEvent *self);

G_END_DECLS
