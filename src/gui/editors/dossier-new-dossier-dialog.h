/* dossier-new-dossier-dialog.h: what a new dossier is about, asked before where it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_NEW_DOSSIER_DIALOG (dossier_new_dossier_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DossierNewDossierDialog, dossier_new_dossier_dialog, DOSSIER, NEW_DOSSIER_DIALOG, AdwWindow)

GtkWidget  *dossier_new_dossier_dialog_new            (GtkWindow               *parent,
                                                       const char              *lang);
GtkWidget  *dossier_new_dossier_dialog_new_for_store  (GtkWindow               *parent,
                                                       DossierStore            *store,
                                                       const char              *lang);
gboolean    dossier_new_dossier_dialog_save           (DossierNewDossierDialog *self,
                                                       GError                 **error);
char       *dossier_new_dossier_dialog_get_title      (DossierNewDossierDialog *self);
char       *dossier_new_dossier_dialog_get_mandate    (DossierNewDossierDialog *self);
const char *dossier_new_dossier_dialog_get_period     (DossierNewDossierDialog *self);
const char *dossier_new_dossier_dialog_get_language   (DossierNewDossierDialog *self);
char       *dossier_new_dossier_dialog_suggest_name   (DossierNewDossierDialog *self);
gboolean    dossier_new_dossier_dialog_is_complete    (DossierNewDossierDialog *self);
gboolean    dossier_new_dossier_dialog_create         (DossierNewDossierDialog *self,
                                                       const char              *path,
                                                       GError                 **error);

G_END_DECLS
