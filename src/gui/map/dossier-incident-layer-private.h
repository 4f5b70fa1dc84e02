/* dossier-incident-layer-private.h: what the incident layer's files share, and no one else
 *
 * dossier-incident-layer.c reads the clusters (through core's query worker), picks and
 * describes them; dossier-incident-layer-draw.c draws them, on screen and in figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-incident-layer.h"
#include "dossier-palette.h"
#include "dossier-query-worker.h"

G_BEGIN_DECLS

#define CELL_PIXELS 56
#define POINT_RADIUS 6.0
#define MAX_SHARES   16     /* colours in a cluster's ring: the palette's ten, and more */

struct _DossierIncidentLayer
{
  ShumateLayer     parent_instance;

  DossierStore    *store;
  DossierQueryWorker *worker;      /* reads the clusters aside, one job at a time */
  DossierFilter   *filter;
  DossierColourBy  colour_by;

  GArray          *clusters;       /* DossierGeoCluster, of the last job */
  GPtrArray       *sprites;        /* each cluster drawn (cairo_surface_t), or NULL until shown */
  int              sprites_scale;  /* the scale factor they were drawn for */
  double           box[4];         /* south, west, north, east the clusters were made for */
  int              zoom;           /* the whole zoom level they were made for */
  guint            made_for;       /* the worker's generation the clusters were read in */

  gint64           selected;
  double           selected_lat;
  double           selected_lon;

  GHashTable      *layouts;        /* label → PangoLayout */
  GHashTable      *styles;         /* key (interned) → its DossierTermStyle, for the colour by */
  double           focus_x;        /* the keyboard's mark, or NAN */
  double           focus_y;
};

const DossierTermStyle *_dossier_incident_layer_key_style (DossierIncidentLayer *self,
                                                           const char           *key);
void                    _dossier_incident_layer_schedule  (DossierIncidentLayer *self);
void                    _dossier_incident_layer_snapshot  (GtkWidget            *widget,
                                                           GtkSnapshot          *snapshot);

G_END_DECLS
