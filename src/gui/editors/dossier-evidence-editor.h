/* dossier-evidence-editor.h: the editor of the description of an evidence item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-editor.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EVIDENCE_EDITOR (dossier_evidence_editor_get_type ())
G_DECLARE_FINAL_TYPE (DossierEvidenceEditor, dossier_evidence_editor, DOSSIER, EVIDENCE_EDITOR, DossierEditor)

GtkWidget *dossier_evidence_editor_new (void);

G_END_DECLS
