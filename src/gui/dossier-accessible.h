/* dossier-accessible.h: what a screen reader hears, where GTK 4.8 gets it wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void dossier_accessible_fix_mnemonics      (GtkWidget     *widget);
void dossier_accessible_name_drop_down     (GtkDropDown   *drop_down,
                                            const char    *name);
void dossier_accessible_name_menu_button   (GtkMenuButton *button);
void dossier_accessible_name_menu_button_inside (GtkMenuButton *button,
                                                 const char    *name);
void dossier_accessible_name_column_view   (GtkColumnView *view,
                                            const char    *name);
void dossier_accessible_name_parts_of_gtk  (GtkWidget     *window);

G_END_DECLS
