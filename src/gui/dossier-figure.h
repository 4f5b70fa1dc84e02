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

G_END_DECLS
