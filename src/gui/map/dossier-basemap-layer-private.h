/* dossier-basemap-layer-private.h: what the basemap's files share, and no one else
 *
 * dossier-basemap-layer.c draws the land (tiles on screen, lines in a figure),
 * dossier-basemap-data.c loads the shapes and places from the GeoJSON resources, and
 * dossier-basemap-labels.c places the names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-basemap-layer.h"

G_BEGIN_DECLS

#define GEO_PREFIX "/org/dossier/Dossier/geo/"
#define VOCAB_PREFIX "/org/dossier/Dossier/core/vocab/"

typedef enum {
  SHAPE_COUNTRY,
  SHAPE_MALI,       /* Mali itself, drawn lighter */
  SHAPE_REGION,     /* Mali's regions: their borders */
  SHAPE_RIVER,
  SHAPE_LAKE,
} ShapeKind;

typedef struct {
  ShapeKind  kind;
  GArray    *rings;    /* of GArray of double x, y pairs (projected, 0..1) */
  double     bbox[4];  /* min x, min y, max x, max y */
  char      *label;    /* countries and regions: their name */
  double     label_x;
  double     label_y;
  double     label_width;  /* of the part named */
  double     label_room;   /* from the name's point to the nearest edge */
} Shape;

/* Where a name may go: the view's pixels it covers. */
typedef struct {
  PangoLayout     *layout;
  GdkRGBA          ink;  /* a copy: the placing functions' inks are their own locals */
  graphene_rect_t  box;
} Placed;

/* A place's dot, which names of places as important or less keep clear of. */
typedef struct {
  graphene_rect_t  box;
  int              rank;
  gboolean         unnamed;   /* covered by a more important name: it gets none */
} Dot;

typedef struct {
  char   *name;
  double  x;
  double  y;
  int     rank;        /* 1: capitals, 2: towns, 3: the rest */
  gint64  population;
  int     order;       /* within rank 1: Bamako, then the regions' chefs-lieux, oldest first */
} Place;

/* A square of the basemap at one zoom level, drawn once. */
typedef struct {
  cairo_surface_t *surface;
  guint64          used;      /* the last frame that showed it */
} Tile;

#define TILE_SIZE       256
#define MAX_TILES       128      /* 32 MB at most */
#define TILE_BUDGET_US  8000

struct _DossierBasemapLayer
{
  ShumateLayer  parent_instance;

  GHashTable   *tiles;    /* guint64 * → Tile */
  guint64       frame;
  guint         refill_id;

  char         *lang;
  GPtrArray    *shapes;   /* Shape */
  GArray       *places;   /* Place, by rank then population */
  guint         n_labels; /* drawn in the last frame */
  GArray       *labels;   /* DossierMapLabel: those of the last frame */
  GHashTable   *layouts;  /* name → PangoLayout */
};

static inline int
place_min_zoom (const Place *place)
{
  return place->rank == 1 ? 4 : place->rank == 2 ? 6 : 8;
}

static inline double
place_radius (const Place *place)
{
  return place->rank == 1 ? 3 : 2;
}


void         _dossier_basemap_set_ink     (cairo_t             *cr,
                                           DossierMapInk        ink);
void         _dossier_basemap_shape_free  (Shape               *shape);
void         _dossier_basemap_tile_free   (Tile                *tile);
void         _dossier_basemap_place_clear (gpointer             data);
void         _dossier_basemap_load_shapes (DossierBasemapLayer *self,
                                           const char          *name,
                                           ShapeKind            kind);
void         _dossier_basemap_load_places (DossierBasemapLayer *self);

G_END_DECLS
