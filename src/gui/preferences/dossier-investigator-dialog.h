/* dossier-investigator-dialog.h: who is recording, asked once before anything is recorded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_INVESTIGATOR_DIALOG (dossier_investigator_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierInvestigatorDialog, dossier_investigator_dialog, DOSSIER, INVESTIGATOR_DIALOG, AdwWindow)

GtkWidget *dossier_investigator_dialog_new      (void);
gboolean   dossier_investigator_dialog_confirm  (DossierInvestigatorDialog *self);

G_END_DECLS
