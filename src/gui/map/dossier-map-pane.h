/* dossier-map-pane.h: the map of the dossier's incidents, offline, beside the lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "dossier-basemap-layer.h"
#include "dossier-evidence-layer.h"
#include "dossier-filter.h"
#include "dossier-incident-layer.h"
#include "dossier-map-view.h"
#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_MAP_PANE (dossier_map_pane_get_type ())
G_DECLARE_FINAL_TYPE (DossierMapPane, dossier_map_pane, DOSSIER, MAP_PANE, GtkWidget)

GtkWidget            *dossier_map_pane_new               (DossierStore   *store,
                                                          DossierFilter  *filter,
                                                          const char     *lang);
DossierIncidentLayer *dossier_map_pane_get_incident_layer (DossierMapPane *self);
void                  dossier_map_pane_set_selected      (DossierMapPane *self,
                                                          gint64          incident_id);
gboolean              dossier_map_pane_get_view          (DossierMapPane *self,
                                                          DossierMapView *view);
gboolean              dossier_map_pane_zoom_to_all       (DossierMapPane *self);
gboolean              dossier_map_pane_zoom_to_selection (DossierMapPane *self);
void                  dossier_map_pane_activate_at       (DossierMapPane *self,
                                                          double          x,
                                                          double          y);

void                  dossier_map_pane_begin_pick        (DossierMapPane *self);
void                  dossier_map_pane_cancel_pick       (DossierMapPane *self);
gboolean              dossier_map_pane_is_picking        (DossierMapPane *self);
void                  dossier_map_pane_pick_at           (DossierMapPane *self,
                                                          double          x,
                                                          double          y);

ShumateMapSource     *dossier_map_pane_new_online_source (const char     *url_template);

gboolean              dossier_map_pane_export            (DossierMapPane *self,
                                                          const char     *path,
                                                          int             width,
                                                          GError        **error);

gboolean              dossier_map_pane_activate_focus    (DossierMapPane *self);
gboolean              dossier_map_pane_focus_next        (DossierMapPane *self,
                                                          int             direction);

DossierEvidenceLayer *dossier_map_pane_get_evidence_layer (DossierMapPane *self);

G_END_DECLS
