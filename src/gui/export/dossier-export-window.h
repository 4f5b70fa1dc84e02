/* dossier-export-window.h: the Export dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dossier-annex.h"
#include "dossier-figure.h"
#include "dossier-map-view.h"
#include "dossier-store.h"
#include "dossier-timeline-view.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EXPORT_WINDOW (dossier_export_window_get_type ())
G_DECLARE_FINAL_TYPE (DossierExportWindow, dossier_export_window, DOSSIER, EXPORT_WINDOW, AdwWindow)

GtkWidget  *dossier_export_window_new          (GtkWindow                  *parent,
                                                DossierStore               *store,
                                                const char                 *lang,
                                                GArray                     *filter_ids,
                                                const DossierMapView       *map_view,
                                                const DossierTimelineFrame *timeline_frame);
void        dossier_export_window_start        (DossierExportWindow *self,
                                                const char          *path,
                                                gboolean             print);
void        dossier_export_window_set_for_printing (DossierExportWindow *self);

G_END_DECLS
