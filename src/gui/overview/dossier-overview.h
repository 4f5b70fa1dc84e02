/* dossier-overview.h: what the dossier is about, and what it holds, at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dossier-filter.h"
#include "dossier-query.h"
#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_OVERVIEW (dossier_overview_get_type ())
G_DECLARE_FINAL_TYPE (DossierOverview, dossier_overview, DOSSIER, OVERVIEW, AdwPreferencesPage)

GtkWidget *dossier_overview_new           (DossierStore    *store,
                                           DossierFilter   *filter,
                                           const char      *lang);
void       dossier_overview_set_count     (DossierOverview *self,
                                           GType            type,
                                           const char      *text);
void       dossier_overview_update_charts (DossierOverview *self);
void       dossier_overview_set_measure   (DossierOverview *self,
                                           DossierMeasure   measure);

G_END_DECLS
