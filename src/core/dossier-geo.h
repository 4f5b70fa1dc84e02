/* dossier-geo.h: coordinates as people type them, the map's projection, and clusters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DOSSIER_GEO_ERROR (dossier_geo_error_quark ())
GQuark    dossier_geo_error_quark (void);

gboolean  dossier_geo_parse       (const char  *text,
                                   double      *latitude,
                                   double      *longitude,
                                   GError     **error);
char     *dossier_geo_format_dms  (double       latitude,
                                   double       longitude);

/* Web Mercator, as the map's tiles: x and y from 0 to 1, y growing southwards. */
void      dossier_geo_project     (double       latitude,
                                   double       longitude,
                                   double      *x,
                                   double      *y);
void      dossier_geo_unproject   (double       x,
                                   double       y,
                                   double      *latitude,
                                   double      *longitude);

typedef struct {
  gint64      id;
  double      latitude;
  double      longitude;
  const char *key;        /* interned: what the point is coloured by */
  const char *precision;  /* interned “location-precision” code, or NULL */
} DossierGeoPoint;

/* How many of a cluster's points have one key. */
typedef struct {
  const char *key;        /* interned */
  guint       count;
} DossierGeoShare;

typedef struct {
  double           latitude;   /* the mean of its points */
  double           longitude;
  guint            count;
  gint64           id;         /* its only point's, or the smallest */
  const char      *key;        /* the most frequent key of its points (interned) */
  const char      *precision;  /* the location precision of its smallest id's point */
  guint            n_shares;
  DossierGeoShare *shares;     /* every key of its points, the most frequent first (points
                                * without a key are left out): owned by the array of
                                * clusters, and valid as long as it is */
} DossierGeoCluster;

GArray   *dossier_geo_cluster     (const DossierGeoPoint *points,
                                   guint                  n_points,
                                   double                 zoom,
                                   double                 cell_pixels);

G_END_DECLS
