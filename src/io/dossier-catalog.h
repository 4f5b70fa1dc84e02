/* dossier-catalog.h: the program's messages in a language chosen for a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DossierCatalog DossierCatalog;

DossierCatalog *dossier_catalog_new   (const char      *lang,
                                       GError         **error);
void            dossier_catalog_free  (DossierCatalog  *catalog);
const char     *dossier_catalog_lang  (DossierCatalog  *catalog);
const char     *dossier_catalog_get   (DossierCatalog  *catalog,
                                       const char      *msgid) G_GNUC_FORMAT (2);
const char     *dossier_catalog_nget  (DossierCatalog  *catalog,
                                       const char      *msgid,
                                       const char      *msgid_plural,
                                       gulong           n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierCatalog, dossier_catalog_free)

G_END_DECLS
