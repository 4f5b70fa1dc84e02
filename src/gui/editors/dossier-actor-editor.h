/* dossier-actor-editor.h: the editor of an actor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-editor.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ACTOR_EDITOR (dossier_actor_editor_get_type ())
G_DECLARE_FINAL_TYPE (DossierActorEditor, dossier_actor_editor, DOSSIER, ACTOR_EDITOR, DossierEditor)

GtkWidget *dossier_actor_editor_new (void);

G_END_DECLS
