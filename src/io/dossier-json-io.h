/* dossier-json-io.h: the JSON interchange of a whole dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-redaction.h"
#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_JSON_FORMAT "org.dossier.Dossier"
#define DOSSIER_JSON_SCHEMA_VERSION 1

gboolean dossier_json_export      (DossierStore   *store,
                                   GOutputStream  *out,
                                   GCancellable   *cancellable,
                                   GError        **error);
gboolean dossier_json_export_file (DossierStore   *store,
                                   const char     *path,
                                   GError        **error);
gboolean dossier_json_export_profile      (DossierStore    *store,
                                           DossierProfile   profile,
                                           GOutputStream   *out,
                                           GCancellable    *cancellable,
                                           GError         **error);
gboolean dossier_json_export_file_profile (DossierStore    *store,
                                           DossierProfile   profile,
                                           const char      *path,
                                           GError         **error);
gboolean dossier_json_import      (DossierStore   *store,
                                   GInputStream   *in,
                                   GCancellable   *cancellable,
                                   GError        **error);
gboolean dossier_json_import_file (DossierStore   *store,
                                   const char     *path,
                                   GError        **error);
gboolean dossier_json_import_new_file (const char  *path,
                                      const char  *json_path,
                                      const char  *user,
                                      GError     **error);

G_END_DECLS
