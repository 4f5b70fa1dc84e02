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
struct _DossierIdentity
{
  DossierRecord parent_instance;

  gint64    person_id;                    /* id of the person, 0 when none */
  char     *full_name;
  char     *other_names;
  char     *contact;
  char     *address;
};

DossierIdentity *dossier_identity_new (void);
/* The identities recorded for a person (one, or none yet), as DossierIdentity. */
GPtrArray       *dossier_store_list_identities (DossierStore  *store,
                                                gint64         person_id,
                                                GError       **error);

G_END_DECLS
