/* dossier-application.h: the application: opens dossiers in windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_APPLICATION (dossier_application_get_type ())
G_DECLARE_FINAL_TYPE (DossierApplication, dossier_application, DOSSIER, APPLICATION, AdwApplication)

DossierApplication *dossier_application_new            (void);
void                dossier_application_setup_language (void);
char               *dossier_application_ui_language    (void);
char               *dossier_application_demo_path      (void);
GStrv               dossier_application_restart_argv   (DossierApplication *self);
void                dossier_application_import_bag     (DossierApplication *self,
                                                        const char         *bag,
                                                        const char         *path);
GtkWidget          *dossier_application_new_dossier    (DossierApplication *self);

G_END_DECLS
