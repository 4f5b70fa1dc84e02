/* dossier-actor-editor.c: the editor of an actor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-actor.h"
#include "dossier-actor-editor.h"

struct _DossierActorEditor
{
  DossierEditor parent_instance;
};

G_DEFINE_FINAL_TYPE (DossierActorEditor, dossier_actor_editor, DOSSIER_TYPE_EDITOR)

static const DossierEditorField fields[] = {
  { "name", "name", DOSSIER_EDITOR_TEXT },
  { "acronym", "acronym", DOSSIER_EDITOR_TEXT },
  { "kind", "kind", DOSSIER_EDITOR_VOCAB },
  { "parent", "parent_id", DOSSIER_EDITOR_REFERENCE },
  { "description", "description", DOSSIER_EDITOR_TEXT },
};

static const char * const link_groups[] = { "incident_links", NULL };

static void
dossier_actor_editor_class_init (DossierActorEditorClass *klass)
{
  DossierEditorClass *editor_class = DOSSIER_EDITOR_CLASS (klass);

  dossier_editor_class_setup (editor_class, "/org/dossier/Dossier/editors/dossier-actor-editor.ui",
                              DOSSIER_TYPE_ACTOR, fields, G_N_ELEMENTS (fields), link_groups);

}

static void
dossier_actor_editor_init (DossierActorEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_actor_editor_new (void)
{
  return g_object_new (DOSSIER_TYPE_ACTOR_EDITOR, NULL);
}
