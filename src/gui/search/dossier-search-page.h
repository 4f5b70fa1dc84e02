/* dossier-search-page.h: search results across the whole dossier, grouped by kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SEARCH_PAGE (dossier_search_page_get_type ())
G_DECLARE_FINAL_TYPE (DossierSearchPage, dossier_search_page, DOSSIER, SEARCH_PAGE, GtkWidget)

GtkWidget *dossier_search_page_new         (DossierStore      *store,
                                            const char        *lang);
guint      dossier_search_page_search      (DossierSearchPage *self,
                                            const char        *text);
void       dossier_search_page_activate_first (DossierSearchPage *self);
gboolean   dossier_search_page_is_busy     (DossierSearchPage *self);

G_END_DECLS
