/* dossier-mbtiles.h: map tiles from an MBTiles file, offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_MBTILES (dossier_mbtiles_get_type ())
G_DECLARE_FINAL_TYPE (DossierMbtiles, dossier_mbtiles, DOSSIER, MBTILES, GObject)

DossierMbtiles *dossier_mbtiles_open            (const char      *path,
                                                 GError         **error);
GBytes         *dossier_mbtiles_get_tile        (DossierMbtiles  *self,
                                                 int              zoom,
                                                 int              x,
                                                 int              y,
                                                 GError         **error);
const char     *dossier_mbtiles_get_name        (DossierMbtiles  *self);
const char     *dossier_mbtiles_get_attribution (DossierMbtiles  *self);
int             dossier_mbtiles_get_min_zoom    (DossierMbtiles  *self);
int             dossier_mbtiles_get_max_zoom    (DossierMbtiles  *self);

G_END_DECLS
