/* dossier-incident-editor.h: the editor of an incident
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-editor.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_INCIDENT_EDITOR (dossier_incident_editor_get_type ())
G_DECLARE_FINAL_TYPE (DossierIncidentEditor, dossier_incident_editor, DOSSIER, INCIDENT_EDITOR, DossierEditor)

GtkWidget *dossier_incident_editor_new                (void);
const char *dossier_incident_editor_get_casualties_message (DossierIncidentEditor *self);

gboolean   dossier_incident_editor_drop               (DossierIncidentEditor *self,
                                                       const char            *value);

gboolean   dossier_incident_editor_set_location       (DossierIncidentEditor *self,
                                                       double                 latitude,
                                                       double                 longitude,
                                                       const char            *place);
void       dossier_incident_editor_choose_place       (DossierIncidentEditor *self,
                                                       guint                  index);

G_END_DECLS
