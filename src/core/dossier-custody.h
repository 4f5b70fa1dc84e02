/* dossier-custody.h: the hash-chained custody log of evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

gboolean  dossier_custody_append       (DossierStore  *store,
                                        gint64         evidence_id,
                                        const char    *action,
                                        const char    *details,
                                        GError       **error);
char     *dossier_custody_event_hash   (const char    *prev_hash,
                                        const char    *uuid,
                                        const char    *evidence_sha256,
                                        const char    *at,
                                        const char    *user,
                                        const char    *action,
                                        const char    *details);
/* Recomputes @evidence_id's chain. Returns FALSE with @error set only when the dossier
 * cannot be read; a broken chain sets *@intact to FALSE and *@reason to why. */
gboolean  dossier_custody_check_chain  (DossierStore  *store,
                                        gint64         evidence_id,
                                        gboolean      *intact,
                                        char         **reason,
                                        GError       **error);

G_END_DECLS
