/* dossier-evidence-editor.c: the editor of the description of an evidence item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-evidence.h"
#include "dossier-evidence-editor.h"

struct _DossierEvidenceEditor
{
  DossierEditor parent_instance;
};

G_DEFINE_FINAL_TYPE (DossierEvidenceEditor, dossier_evidence_editor, DOSSIER_TYPE_EDITOR)

static const DossierEditorField fields[] = {
  { "title", "title", DOSSIER_EDITOR_TEXT },
  { "description", "description", DOSSIER_EDITOR_TEXT },
  { "acquired_on", "acquired_on", DOSSIER_EDITOR_DATE },
  { "acquired_by", "acquired_by", DOSSIER_EDITOR_TEXT },
  { "source", "source", DOSSIER_EDITOR_TEXT },
  { "collection_method", "collection_method", DOSSIER_EDITOR_VOCAB },
  { "confidentiality", "confidentiality", DOSSIER_EDITOR_VOCAB },
  { "original_name", "original_name", DOSSIER_EDITOR_READ_ONLY },
  { "media_type", "media_type", DOSSIER_EDITOR_READ_ONLY },
  { "size", "size", DOSSIER_EDITOR_READ_ONLY },
  { "sha256", "sha256", DOSSIER_EDITOR_READ_ONLY },
  { "captured_at", "captured_at", DOSSIER_EDITOR_READ_ONLY },
};

static const char * const link_groups[] = { "incident_links", "person_links", "testimony_links", NULL };

static void
dossier_evidence_editor_class_init (DossierEvidenceEditorClass *klass)
{
  DossierEditorClass *editor_class = DOSSIER_EDITOR_CLASS (klass);

  dossier_editor_class_setup (editor_class, "/org/dossier/Dossier/editors/dossier-evidence-editor.ui",
                              DOSSIER_TYPE_EVIDENCE, fields, G_N_ELEMENTS (fields), link_groups);

}

static void
dossier_evidence_editor_init (DossierEvidenceEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_evidence_editor_new (void)
{
  return g_object_new (DOSSIER_TYPE_EVIDENCE_EDITOR, NULL);
}
