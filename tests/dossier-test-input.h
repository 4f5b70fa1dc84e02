/* dossier-test-input.h: real pointer and key events for display tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void dossier_test_click     (GtkWidget       *widget,
                             double           x,
                             double           y,
                             guint            button);
void dossier_test_move      (GtkWidget       *widget,
                             double           x,
                             double           y);
void dossier_test_scroll    (GtkWidget       *widget,
                             double           x,
                             double           y,
                             int              steps);
void dossier_test_press_key (GtkWidget       *widget,
                             guint            keyval,
                             GdkModifierType  mods);
void dossier_test_type_text (GtkWidget       *widget,
                             const char      *utf8);

G_END_DECLS
