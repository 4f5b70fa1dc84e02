/* dossier-identity.h: who a coded person really is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_IDENTITY (dossier_identity_get_type ())
G_DECLARE_FINAL_TYPE (DossierIdentity, dossier_identity, DOSSIER, IDENTITY, DossierRecord)

/* Who a coded person really is, kept apart so that it can be encrypted and left out of exports. */

DossierIdentity *dossier_identity_new (void);
/* The identities recorded for a person (one, or none yet), as DossierIdentity. */
GPtrArray       *dossier_store_list_identities (DossierStore  *store,
                                                gint64         person_id,
                                                GError       **error);

/* Typed getters, plain and fast: each returns its field as stored in memory. Writes go
 * through dossier_record_set_field () (dossier_record_set_text () …, or g_object_set ()). */
gint64      dossier_identity_get_person_id   (DossierIdentity *self);
const char *dossier_identity_get_full_name   (DossierIdentity *self);
const char *dossier_identity_get_other_names (DossierIdentity *self);
const char *dossier_identity_get_contact     (DossierIdentity *self);
const char *dossier_identity_get_address     (DossierIdentity *self);
void        dossier_identity_set_person_id   (DossierIdentity *self,
                                              gint64           person_id);

G_END_DECLS
