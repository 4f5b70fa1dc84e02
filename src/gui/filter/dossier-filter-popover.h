/* dossier-filter-popover.h: the controls of the shared filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-filter.h"
#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_FILTER_POPOVER (dossier_filter_popover_get_type ())
G_DECLARE_FINAL_TYPE (DossierFilterPopover, dossier_filter_popover, DOSSIER, FILTER_POPOVER, GtkPopover)

GtkWidget *dossier_filter_popover_new    (DossierStore         *store,
                                          DossierFilter        *filter,
                                          const char           *lang);
/* Chooses @code in the row for @field ("admin1", "violation_type", "verification"), as a
 * user would. */
void       dossier_filter_popover_choose (DossierFilterPopover *self,
                                          const char           *field,
                                          const char           *code);

G_END_DECLS
