/* dossier-filter-bar.h: what the filter keeps, and its criteria as chips to remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-filter.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_FILTER_BAR (dossier_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (DossierFilterBar, dossier_filter_bar, DOSSIER, FILTER_BAR, GtkWidget)

GtkWidget  *dossier_filter_bar_new         (DossierStore     *store,
                                            DossierFilter    *filter,
                                            const char       *lang);
void        dossier_filter_bar_set_summary (DossierFilterBar *self,
                                            const char       *summary);
GtkWidget  *dossier_filter_bar_find_chip   (DossierFilterBar *self,
                                            const char       *field);

G_END_DECLS
