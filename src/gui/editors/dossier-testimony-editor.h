/* dossier-testimony-editor.h: the editor of a testimony
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-editor.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TESTIMONY_EDITOR (dossier_testimony_editor_get_type ())
G_DECLARE_FINAL_TYPE (DossierTestimonyEditor, dossier_testimony_editor, DOSSIER, TESTIMONY_EDITOR, DossierEditor)

GtkWidget *dossier_testimony_editor_new (void);

G_END_DECLS
