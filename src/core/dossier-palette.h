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

G_END_DECLS
