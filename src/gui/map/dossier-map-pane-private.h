/* dossier-map-pane-private.h: what the map pane's files share, and no one else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pane is written in four files, by concern: the widget and its layers
 * (dossier-map-pane.c), where things go over the map and where the map looks
 * (-layout.c), clicks, keys and placing an incident (-input.c), and figures (-export.c).
 */
#pragma once

#include "dossier-label-layer.h"
#include "dossier-map-pane.h"

G_BEGIN_DECLS

struct _DossierMapPane
{
  GtkWidget             parent_instance;

  /* Construct properties */
  DossierStore         *store;
  DossierFilter        *filter;      /* nullable */
  char                 *lang;

  /* The template's */
  GtkWidget            *overlay;
  GtkWidget            *controls;    /* the buttons over the map, left out of figures */
  ShumateMap           *map;
  GtkWidget            *colour_by;   /* the colour switch: a menu of two choices */
  GtkWidget            *by_type;
  GtkWidget            *by_verification;
  GtkWidget            *online_tiles;
  GtkWidget            *pick_banner;
  GtkWidget            *legend;
  GtkWidget            *legend_toggle;
  GtkWidget            *legend_arrow;
  GtkWidget            *legend_rows; /* under the legend's own button, which hides them */
  GtkWidget            *scale;       /* replaced by a drawn one in figures */
  ShumateLicense       *license;

  /* The map's layers and sources, made once the dossier is known */
  DossierEvidenceLayer *evidence;
  ShumateMapSource     *osm;
  ShumateMapLayer      *tiles;       /* OpenStreetMap, when allowed */
  DossierBasemapLayer  *basemap;
  ShumateMapSource     *mbtiles;     /* the user's tile file, when chosen */
  ShumateMapLayer      *mbtiles_layer;
  DossierIncidentLayer *incidents;
  DossierLabelLayer    *labels;      /* the basemap's names, over the incidents */
  GSettings            *settings;

  gint64                selected;
  gboolean              picking;     /* the next click places an incident */
  gint64                picking_for; /* the incident selected then */
  gboolean              has_focus_point;   /* the keyboard's mark */
  double                focus_x;
  double                focus_y;
  GtkEventController   *pick_keys;   /* on the window while picking: Escape from anywhere */
  gboolean              legend_chosen;  /* opened or closed by the investigator */
  gboolean              folding;
  int                   bottom_height;  /* of the scale and credits, with their margin */
  guint                 relayout_id;
  gboolean              at_home;        /* Mali whole, not moved since */
  gboolean              moving_home;
  graphene_rect_t       home_areas[2];  /* the free parts of the map it was fitted to */
  gboolean              pressed;     /* a click began on the map and has not moved away */
  double                press_x;
  double                press_y;
};

void _dossier_map_pane_show_message      (DossierMapPane *self,
                                          const char     *message);

/* dossier-map-pane-layout.c */
void _dossier_map_pane_layout_class_init (GtkWidgetClass *widget_class);
void _dossier_map_pane_layout_init       (DossierMapPane *self);

/* dossier-map-pane-input.c */
void _dossier_map_pane_input_class_init  (GtkWidgetClass *widget_class);
void _dossier_map_pane_input_init        (DossierMapPane *self);

/* dossier-map-pane-export.c */
void _dossier_map_pane_export_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
