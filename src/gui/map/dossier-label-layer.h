/* dossier-label-layer.h: the basemap's names, over the incidents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "dossier-basemap-layer.h"
#include "dossier-evidence-layer.h"
#include "dossier-incident-layer.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LABEL_LAYER (dossier_label_layer_get_type ())
G_DECLARE_FINAL_TYPE (DossierLabelLayer, dossier_label_layer, DOSSIER, LABEL_LAYER, ShumateLayer)

DossierLabelLayer *dossier_label_layer_new           (ShumateViewport      *viewport,
                                                      DossierBasemapLayer  *basemap,
                                                      DossierIncidentLayer *incidents,
                                                      DossierEvidenceLayer *evidence);
GArray            *dossier_label_layer_avoid         (DossierLabelLayer    *self,
                                                      const DossierMapView *view);
GArray            *dossier_label_layer_cluster_boxes (GArray               *clusters,
                                                      const DossierMapView *view);
void               dossier_label_layer_set_covered   (DossierLabelLayer    *self,
                                                      GArray               *covered);

G_END_DECLS
