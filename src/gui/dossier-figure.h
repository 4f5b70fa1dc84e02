/* dossier-figure.h: a view written as a figure for a report (PNG, SVG, PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean dossier_figure_write (GskRenderNode  *node,
                               int             view_width,
                               int             view_height,
                               const char     *path,
                               int             width,
                               GError        **error);

typedef struct _DossierFigure DossierFigure;

DossierFigure *dossier_figure_new  (GskRenderNode *node,
                                    int            view_width,
                                    int            view_height);
void           dossier_figure_free (DossierFigure *figure);
void           dossier_figure_get_size (DossierFigure *figure,
                                        int           *view_width,
                                        int           *view_height);
void           dossier_figure_draw (cairo_t       *cr,
                                    double         width,
                                    double         height,
                                    gpointer       figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierFigure, dossier_figure_free)

G_END_DECLS
