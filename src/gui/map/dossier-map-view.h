/* dossier-map-view.h: what part of the world a map shows, and how large
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dossier-query.h"

G_BEGIN_DECLS

/* A view of the map, in Web Mercator as the map's tiles: kept apart from any widget, so
 * that a figure can be drawn for a view that no window shows. */
typedef struct {
  double          latitude;    /* the centre */
  double          longitude;
  double          zoom;        /* tiles of 256 pixels, 2^zoom across the world */
  int             width;       /* pixels */
  int             height;
  DossierColourBy colour_by;
} DossierMapView;

void dossier_map_view_transform         (const DossierMapView *view,
                                         double               *scale,
                                         double               *dx,
                                         double               *dy);
void dossier_map_view_location_to_point (const DossierMapView *view,
                                         double                latitude,
                                         double                longitude,
                                         double               *x,
                                         double               *y);
void dossier_map_view_get_box           (const DossierMapView *view,
                                         double                margin,
                                         double               *south,
                                         double               *west,
                                         double               *north,
                                         double               *east);
void dossier_map_view_fit               (DossierMapView       *view,
                                         double                south,
                                         double                west,
                                         double                north,
                                         double                east,
                                         double                min_zoom,
                                         double                max_zoom);

G_END_DECLS
