/* dossier-basemap-layer.h: the offline basemap: countries, Mali's regions, rivers, places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <shumate/shumate.h>

#include "dossier-map-view.h"
#include "dossier-palette.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_BASEMAP_LAYER (dossier_basemap_layer_get_type ())
G_DECLARE_FINAL_TYPE (DossierBasemapLayer, dossier_basemap_layer, DOSSIER, BASEMAP_LAYER, ShumateLayer)

typedef enum {
  DOSSIER_MAP_LABEL_PLACE,
  DOSSIER_MAP_LABEL_REGION,
  DOSSIER_MAP_LABEL_COUNTRY,
} DossierMapLabelKind;

/* A name drawn on the map. */
typedef struct {
  const char          *text;   /* owned by the layer */
  DossierMapLabelKind  kind;
  graphene_rect_t      box;    /* in the view's pixels, its halo included */
} DossierMapLabel;

DossierBasemapLayer *dossier_basemap_layer_new           (ShumateViewport     *viewport,
                                                          const char          *lang);
void                 dossier_basemap_layer_append_view   (DossierBasemapLayer  *self,
                                                          GtkSnapshot          *snapshot,
                                                          const DossierMapView *view);
void                 dossier_basemap_layer_append_labels (DossierBasemapLayer  *self,
                                                          GtkSnapshot          *snapshot,
                                                          const DossierMapView *view,
                                                          GArray               *covered,
                                                          GArray               *avoid);
GArray              *dossier_basemap_layer_get_labels    (DossierBasemapLayer  *self);

GdkRGBA              dossier_basemap_ink                 (DossierMapInk        ink);
JsonArray           *dossier_basemap_load_features       (const char          *name);
gboolean             dossier_basemap_point_feature       (JsonArray           *features,
                                                          guint                index,
                                                          JsonObject         **properties,
                                                          double              *latitude,
                                                          double              *longitude);

G_END_DECLS
