/* dossier-mbtiles-source.h: an MBTiles file as a source of tiles for the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "dossier-mbtiles.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MBTILES_SOURCE (dossier_mbtiles_source_get_type ())
G_DECLARE_FINAL_TYPE (DossierMbtilesSource, dossier_mbtiles_source, DOSSIER, MBTILES_SOURCE, ShumateDataSource)

DossierMbtilesSource *dossier_mbtiles_source_new         (DossierMbtiles       *tiles);
ShumateMapSource     *dossier_mbtiles_source_new_renderer (DossierMbtiles      *tiles);

G_END_DECLS
