/* dossier-timeline-pane.h: the timeline with its controls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-filter.h"
#include "dossier-store.h"
#include "dossier-timeline-view.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE_PANE (dossier_timeline_pane_get_type ())
G_DECLARE_FINAL_TYPE (DossierTimelinePane, dossier_timeline_pane, DOSSIER, TIMELINE_PANE, GtkWidget)

GtkWidget           *dossier_timeline_pane_new      (DossierStore        *store,
                                                     DossierFilter       *filter,
                                                     const char          *lang);
DossierTimelineView *dossier_timeline_pane_get_view (DossierTimelinePane *self);
gboolean             dossier_timeline_pane_export   (DossierTimelinePane *self,
                                                     const char          *path,
                                                     int                  width,
                                                     GError             **error);

G_END_DECLS
