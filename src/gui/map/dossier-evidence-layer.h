/* dossier-evidence-layer.h: evidence captured at a known place, on the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EVIDENCE_LAYER (dossier_evidence_layer_get_type ())
G_DECLARE_FINAL_TYPE (DossierEvidenceLayer, dossier_evidence_layer, DOSSIER, EVIDENCE_LAYER, ShumateLayer)

DossierEvidenceLayer *dossier_evidence_layer_new     (ShumateViewport      *viewport,
                                                      DossierStore         *store);
void                  dossier_evidence_layer_refresh (DossierEvidenceLayer *self);
gint64                dossier_evidence_layer_pick    (DossierEvidenceLayer *self,
                                                      double                x,
                                                      double                y);
gboolean              dossier_evidence_layer_locate  (DossierEvidenceLayer *self,
                                                      gint64                id,
                                                      double               *x,
                                                      double               *y);
GArray               *dossier_evidence_layer_get_points (DossierEvidenceLayer *self);

G_END_DECLS
