/* dossier-import.h: bringing a JSON interchange file or a bag into a dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  DOSSIER_IMPORT_JSON,   /* the JSON interchange, into a new dossier or an existing one */
  DOSSIER_IMPORT_BAGIT,  /* a BagIt package written by Dossier, into a new dossier */
} DossierImportFormat;

typedef struct {
  guint  restored;       /* a bag's evidence items brought in, each SHA-256 checked */
  guint  without_bytes;  /* a bag's items that had no bytes in it */
} DossierImportReport;

void     dossier_import_async  (DossierImportFormat    format,
                                const char            *source,
                                const char            *dossier_path,
                                const char            *user,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data);
gboolean dossier_import_finish (GAsyncResult          *result,
                                DossierImportReport   *report,
                                GError               **error);

G_END_DECLS
