/* dossier-person-editor.h: the editor of a coded person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-editor.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PERSON_EDITOR (dossier_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (DossierPersonEditor, dossier_person_editor, DOSSIER, PERSON_EDITOR, DossierEditor)

GtkWidget *dossier_person_editor_new (void);

G_END_DECLS
