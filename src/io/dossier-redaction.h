/* dossier-redaction.h: what leaves the dossier, by profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-incident.h"

G_BEGIN_DECLS

typedef enum {
  DOSSIER_PROFILE_PUBLIC,    /* nothing confidential, no identity, nothing restricted but codes */
  DOSSIER_PROFILE_ANNEX,     /* codes only for people; confidential incidents without their texts */
  DOSSIER_PROFILE_INTERNAL,  /* everything, marked internal */
} DossierProfile;

gboolean    dossier_profile_from_string (const char      *name,
                                         DossierProfile  *profile);
const char *dossier_profile_to_string   (DossierProfile   profile);
gboolean    dossier_redaction_keeps     (DossierProfile   profile,
                                         DossierIncident *incident);
gboolean    dossier_redaction_keeps_texts (DossierProfile   profile,
                                           DossierIncident *incident);

G_END_DECLS
