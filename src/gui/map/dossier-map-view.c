/* dossier-map-view.c: what part of the world a map shows, and how large
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same projection as the map's tiles (and libshumate's viewport): a point's pixel is
 * its projected position times 256 × 2^zoom, shifted so that the centre falls in the
 * middle of the view.
 */
#include "config.h"

#include <math.h>

#include "dossier-geo.h"
#include "dossier-map-view.h"

/**
 * dossier_map_view_transform:
 * @view: a view
 * @scale: (out): pixels per projected unit (the world is 1 across)
 * @dx: (out): where the projection's origin falls, in the view's pixels
 * @dy: (out):
 */
void
dossier_map_view_transform (const DossierMapView *view,
                            double               *scale,
                            double               *dx,
                            double               *dy)
{
  double cx, cy;

  *scale = 256 * pow (2, view->zoom);
  dossier_geo_project (view->latitude, view->longitude, &cx, &cy);
  *dx = view->width / 2.0 - cx * *scale;
  *dy = view->height / 2.0 - cy * *scale;
}

/* Where a place falls in the view, in pixels from its top left corner. */
void
dossier_map_view_location_to_point (const DossierMapView *view,
                                    double                latitude,
                                    double                longitude,
                                    double               *x,
                                    double               *y)
{
  double scale, dx, dy, px, py;

  dossier_map_view_transform (view, &scale, &dx, &dy);
  dossier_geo_project (latitude, longitude, &px, &py);
  *x = px * scale + dx;
  *y = py * scale + dy;
}

/**
 * dossier_map_view_get_box:
 * @view: a view
 * @margin: pixels added on every side
 * @south: (out): the edges of what the view shows, in degrees
 * @west: (out):
 * @north: (out):
 * @east: (out):
 */
void
dossier_map_view_get_box (const DossierMapView *view,
                          double                margin,
                          double               *south,
                          double               *west,
                          double               *north,
                          double               *east)
{
  double scale, dx, dy;

  dossier_map_view_transform (view, &scale, &dx, &dy);
  dossier_geo_unproject ((-margin - dx) / scale, (-margin - dy) / scale, north, west);
  dossier_geo_unproject ((view->width + margin - dx) / scale, (view->height + margin - dy) / scale, south, east);
  *north = MIN (*north, 90);
  *south = MAX (*south, -90);
  *west = MAX (*west, -180);
  *east = MIN (*east, 180);
}

/**
 * dossier_map_view_fit:
 * @view: a view, whose size is kept
 * @south: the box to show, in degrees
 * @west:
 * @north:
 * @east:
 * @min_zoom: the zoom levels allowed
 * @max_zoom:
 *
 * Centres @view on the box, at the zoom at which it takes 80 % of the view.
 */
void
dossier_map_view_fit (DossierMapView *view,
                      double          south,
                      double          west,
                      double          north,
                      double          east,
                      double          min_zoom,
                      double          max_zoom)
{
  double x1, y1, x2, y2, zoom;

  dossier_geo_project (north, west, &x1, &y1);
  dossier_geo_project (south, east, &x2, &y2);
  zoom = log2 (MIN (0.8 * view->width / MAX ((x2 - x1) * 256, 1e-9), 0.8 * view->height / MAX ((y2 - y1) * 256, 1e-9)));
  view->zoom = CLAMP (zoom, min_zoom, max_zoom);
  view->latitude = (north + south) / 2;
  view->longitude = (west + east) / 2;
}
