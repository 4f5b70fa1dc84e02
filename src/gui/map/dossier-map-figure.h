/* dossier-map-figure.h: the map as a figure for a document, drawn from chosen incidents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-catalog.h"
#include "dossier-incident-layer.h"
#include "dossier-map-view.h"
#include "dossier-store.h"

G_BEGIN_DECLS

GskRenderNode *dossier_map_figure_render     (DossierStore         *store,
                                              GArray               *incident_ids,
                                              const DossierMapView *view,
                                              const char           *lang,
                                              DossierMapView       *drawn,
                                              int                  *height,
                                              GError              **error);
double         dossier_map_figure_append_key (GtkSnapshot          *snapshot,
                                              DossierIncidentLayer *layer,
                                              DossierStore         *store,
                                              GStrv                 keys,
                                              const DossierMapView *view,
                                              const char           *lang,
                                              DossierCatalog       *catalog,
                                              const char           *credits);

G_END_DECLS
