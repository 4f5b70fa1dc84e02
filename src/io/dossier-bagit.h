/* dossier-bagit.h: a dossier and its evidence as a BagIt package (RFC 8493)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

gboolean dossier_bagit_export   (DossierStore  *store,
                                 const char    *dir,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean dossier_bagit_validate (const char    *dir,
                                 GPtrArray    **problems,
                                 GError       **error);

gboolean dossier_bagit_import   (const char    *bag,
                                 const char    *path,
                                 const char    *user,
                                 guint         *restored,
                                 guint         *without_bytes,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
