/* dossier-violation-picker.h: a popover to find a violation type as you type, and pick it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_VIOLATION_PICKER (dossier_violation_picker_get_type ())
G_DECLARE_FINAL_TYPE (DossierViolationPicker, dossier_violation_picker, DOSSIER, VIOLATION_PICKER, GtkPopover)

GtkWidget *dossier_violation_picker_new (DossierStore *store,
                                         const char   *lang);

G_END_DECLS
