/* dossier-incident-layer.h: the filter's incidents on the map, gathered in clusters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "dossier-filter.h"
#include "dossier-geo.h"
#include "dossier-map-view.h"
#include "dossier-palette.h"
#include "dossier-query.h"
#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_INCIDENT_LAYER (dossier_incident_layer_get_type ())
G_DECLARE_FINAL_TYPE (DossierIncidentLayer, dossier_incident_layer, DOSSIER, INCIDENT_LAYER, ShumateLayer)

DossierIncidentLayer *dossier_incident_layer_new           (ShumateViewport      *viewport,
                                                            DossierStore         *store,
                                                            DossierFilter        *filter);
void                  dossier_incident_layer_set_colour_by (DossierIncidentLayer *self,
                                                            DossierColourBy       colour_by);
DossierColourBy       dossier_incident_layer_get_colour_by (DossierIncidentLayer *self);
void                  dossier_incident_layer_set_selected  (DossierIncidentLayer *self,
                                                            gint64                id,
                                                            double                latitude,
                                                            double                longitude);
GArray               *dossier_incident_layer_get_clusters  (DossierIncidentLayer *self);
gboolean              dossier_incident_layer_pick          (DossierIncidentLayer *self,
                                                            double                x,
                                                            double                y,
                                                            DossierGeoCluster    *cluster);
void                  dossier_incident_layer_get_key_colour (DossierIncidentLayer *self,
                                                             const char           *key,
                                                             GdkRGBA              *colour);
void                  dossier_incident_layer_get_key_style (DossierIncidentLayer *self,
                                                            const char           *key,
                                                            GdkRGBA              *colour,
                                                            DossierTermStyle     *style);
GStrv                 dossier_incident_layer_get_keys      (DossierIncidentLayer *self);
void                  dossier_incident_layer_refresh       (DossierIncidentLayer *self);
GStrv                 dossier_incident_layer_keys_of       (GArray               *clusters,
                                                            const DossierMapView *view);
GArray               *dossier_incident_layer_read_view     (DossierStore         *store,
                                                            GArray               *incident_ids,
                                                            const DossierMapView *view,
                                                            GError              **error);
void                  dossier_incident_layer_append_clusters (DossierIncidentLayer *self,
                                                              GtkSnapshot          *snapshot,
                                                              GArray               *clusters,
                                                              const DossierMapView *view);

char                 *dossier_incident_layer_describe      (DossierIncidentLayer    *self,
                                                            const DossierGeoCluster *cluster);
double                dossier_incident_layer_cluster_radius (const DossierGeoCluster *cluster);
void                  dossier_incident_layer_set_focus_point (DossierIncidentLayer *self,
                                                              double                x,
                                                              double                y);

G_END_DECLS
