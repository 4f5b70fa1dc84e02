/* dossier-palette.h: one colour and one shape per vocabulary term, everywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The shape of a term's mark: with ten colours, four shapes tell 40 terms apart. */
typedef enum {
  DOSSIER_MARK_CIRCLE,
  DOSSIER_MARK_SQUARE,
  DOSSIER_MARK_DIAMOND,
  DOSSIER_MARK_TRIANGLE,
} DossierMarkShape;

typedef struct {
  double           red;     /* sRGB, 0 to 1 */
  double           green;
  double           blue;
  DossierMarkShape shape;
  gboolean         hollow;  /* a term the bundled vocabulary does not know: an outline */
} DossierTermStyle;

#define DOSSIER_PALETTE_N_COLOURS 10

/* The inks of the basemap and of map figures: a map is drawn light in every style, as a
 * paper map is, so that a figure and the screen agree and the marks' colours read the same. */
typedef enum {
  DOSSIER_MAP_INK_SEA,            /* and what lies beyond the countries drawn */
  DOSSIER_MAP_INK_MALI,           /* Mali's land, lighter than its neighbours' */
  DOSSIER_MAP_INK_LAND,
  DOSSIER_MAP_INK_BORDER,
  DOSSIER_MAP_INK_REGION_BORDER,
  DOSSIER_MAP_INK_WATER,
  DOSSIER_MAP_INK_PLACE,          /* a town's dot */
  DOSSIER_MAP_INK_TEXT,           /* towns' names, and a figure's legend and scale */
  DOSSIER_MAP_INK_REGION_NAME,
  DOSSIER_MAP_INK_COUNTRY_NAME,
  DOSSIER_MAP_INK_HALO,           /* around names, to read over lines */
  DOSSIER_MAP_INK_PAPER,          /* under a figure's legend */
  DOSSIER_MAP_INK_LABEL_GROUND,   /* under a figure's names of incidents */
  DOSSIER_MAP_INK_RULE,           /* between a figure's map and its legend */
} DossierMapInk;

typedef struct {
  double red;     /* sRGB, 0 to 1 */
  double green;
  double blue;
  double alpha;
} DossierInk;

void        dossier_palette_term_style  (const char       *scheme,
                                         const char       *code,
                                         DossierTermStyle *style);
const char *dossier_palette_colour      (guint             index);
int         dossier_palette_position    (const char       *scheme,
                                         const char       *code);
int         dossier_palette_compare     (const char       *scheme,
                                         const char       *a,
                                         const char       *b);
void        dossier_palette_evidence_style (DossierTermStyle *style);
GPtrArray  *dossier_palette_most_frequent  (const char       *scheme,
                                            GHashTable       *counts);
void        dossier_palette_map_ink     (DossierMapInk     ink,
                                         DossierInk       *colour);

G_END_DECLS
