/* dossier-test-display.h: what display tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-search-page.h"
#include "dossier-test-hooks.h"
#include "dossier-window.h"

G_BEGIN_DECLS

void       dossier_test_wait_for_draw   (GtkWidget  *widget);
void       dossier_test_screenshot      (GtkWidget  *widget,
                                         const char *name);
GtkWidget *dossier_test_find_descendant (GtkWidget  *widget,
                                         GType       type);
GtkWidget *dossier_test_find_button     (GtkWidget  *widget,
                                         const char *label);

void       dossier_test_display_init    (int                *argc,
                                         char             ***argv);
gboolean   dossier_test_set_flag        (gpointer            data);
void       dossier_test_wait_for_search (DossierSearchPage  *page);
DossierWindow *dossier_test_open_demo   (const char         *name,
                                         const char         *section);

G_END_DECLS
