/* dossier-look.h: the colours drawing code takes from the style, and the marks of terms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-palette.h"

G_BEGIN_DECLS

/* What a drawing is drawn with: on screen, the style's (light, dark or high contrast); in a
 * figure for print, always dark on white. */
typedef struct {
  GdkRGBA  background;   /* the drawing's ground */
  GdkRGBA  band;         /* a band across it: an axis, a legend */
  GdkRGBA  foreground;   /* text and lines */
  GdkRGBA  dim;          /* text that matters less */
  GdkRGBA  grid;         /* ticks, rules */
  GdkRGBA  accent;       /* what the investigator chose: a period, a mark with the focus */
  GdkRGBA  histogram;    /* counts, drawn as bars */
  GdkRGBA  warning;      /* a note that something is left out */
  GdkRGBA  mark_edge;    /* around a mark, lifting it off what is under it */
  GdkRGBA  mark_outline; /* a hairline around that, for pale marks on a pale ground */
  gboolean print;
} DossierLook;

void dossier_look_from_widget  (GtkWidget        *widget,
                                DossierLook      *look);
void dossier_look_for_print    (DossierLook      *look);
void dossier_look_colour       (GtkWidget        *widget,
                                const char       *name,
                                GdkRGBA          *colour);

void dossier_term_colour       (const char       *scheme,
                                const char       *code,
                                GdkRGBA          *colour,
                                DossierTermStyle *style);
void dossier_mark_append       (GtkSnapshot            *snapshot,
                                const DossierTermStyle *style,
                                double                  x,
                                double                  y,
                                double                  radius,
                                const DossierLook      *look);
void dossier_mark_draw         (cairo_t                *cr,
                                const DossierTermStyle *style,
                                double                  x,
                                double                  y,
                                double                  radius,
                                const DossierLook      *look);

void dossier_mark_path         (cairo_t                *cr,
                                DossierMarkShape        shape,
                                double                  x,
                                double                  y,
                                double                  radius);

void dossier_look_watch        (GtkWidget        *widget);

G_END_DECLS
