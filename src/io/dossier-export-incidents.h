/* dossier-export-incidents.h: the incidents as CSV or GeoJSON, by profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-redaction.h"
#include "dossier-store.h"

G_BEGIN_DECLS

typedef enum {
  DOSSIER_EXPORT_CSV,
  DOSSIER_EXPORT_GEOJSON,
  DOSSIER_EXPORT_KML,
} DossierExportFormat;

gboolean dossier_export_incidents (DossierStore         *store,
                                   DossierExportFormat   format,
                                   DossierProfile        profile,
                                   const char           *path,
                                   GError              **error);

G_END_DECLS
