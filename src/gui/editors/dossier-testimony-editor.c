/* dossier-testimony-editor.c: the editor of a testimony
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-testimony.h"
#include "dossier-testimony-editor.h"
#include "dossier-vocab-row.h"

struct _DossierTestimonyEditor
{
  DossierEditor parent_instance;

  DossierVocabRow *tags;
};

G_DEFINE_FINAL_TYPE (DossierTestimonyEditor, dossier_testimony_editor, DOSSIER_TYPE_EDITOR)

static const DossierEditorField fields[] = {
  { "person", "person_id", DOSSIER_EDITOR_REFERENCE },
  { "taken_on", "taken_on", DOSSIER_EDITOR_DATE },
  { "place", "place", DOSSIER_EDITOR_TEXT },
  { "office", "office", DOSSIER_EDITOR_VOCAB },
  { "interviewer", "interviewer", DOSSIER_EDITOR_TEXT },
  { "language", "language", DOSSIER_EDITOR_VOCAB },
  { "interpreter", "interpreter", DOSSIER_EDITOR_TEXT },
  { "consent", "consent", DOSSIER_EDITOR_VOCAB },
  { "status", "status", DOSSIER_EDITOR_VOCAB },
  { "summary", "summary", DOSSIER_EDITOR_LONG_TEXT },
  { "transcript", "transcript", DOSSIER_EDITOR_LONG_TEXT },
};

static const char * const link_groups[] = { "incident_links", "evidence_links", NULL };

static void
load (DossierEditor *editor,
      DossierRecord *record)
{
  DossierTestimonyEditor *self = DOSSIER_TESTIMONY_EDITOR (editor);

  dossier_vocab_row_set_values (self->tags, dossier_testimony_get_tags (DOSSIER_TESTIMONY (record)));
}

static void
on_tags_changed (DossierTestimonyEditor *self)
{
  DossierTestimony *testimony = DOSSIER_TESTIMONY (dossier_editor_get_record (DOSSIER_EDITOR (self)));

  if (testimony == NULL || dossier_editor_is_loading (DOSSIER_EDITOR (self)))
    return;
  dossier_testimony_set_tags (testimony, dossier_vocab_row_get_values (self->tags));
  dossier_editor_save (DOSSIER_EDITOR (self));
}

static void
dossier_testimony_editor_class_init (DossierTestimonyEditorClass *klass)
{
  DossierEditorClass *editor_class = DOSSIER_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  dossier_editor_class_setup (editor_class, "/org/dossier/Dossier/editors/dossier-testimony-editor.ui",
                              DOSSIER_TYPE_TESTIMONY, fields, G_N_ELEMENTS (fields), link_groups);
  gtk_widget_class_bind_template_child (widget_class, DossierTestimonyEditor, tags);
  editor_class->load = load;
}

static void
dossier_testimony_editor_init (DossierTestimonyEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->tags, "changed", G_CALLBACK (on_tags_changed), self);
}

GtkWidget *
dossier_testimony_editor_new (void)
{
  return g_object_new (DOSSIER_TYPE_TESTIMONY_EDITOR, NULL);
}
