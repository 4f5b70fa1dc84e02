/* dossier-editor.h: the base of the record editors, which save every field as it changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dossier-record.h"

G_BEGIN_DECLS

/* How a field of the record is shown, and so which widget its template id names. */
typedef enum {
  DOSSIER_EDITOR_TEXT,        /* AdwEntryRow */
  DOSSIER_EDITOR_LONG_TEXT,   /* GtkTextView */
  DOSSIER_EDITOR_BILINGUAL,   /* AdwEntryRow or GtkTextView over field_fr / field_en */
  DOSSIER_EDITOR_DATE,        /* DossierDateRow */
  DOSSIER_EDITOR_VOCAB,       /* DossierVocabRow */
  DOSSIER_EDITOR_NUMBER,      /* AdwEntryRow: a whole number ≥ 0, or empty */
  DOSSIER_EDITOR_COORDINATE,  /* AdwEntryRow: decimal degrees, or empty */
  DOSSIER_EDITOR_READ_ONLY,   /* AdwActionRow: the value as its subtitle */
  DOSSIER_EDITOR_REFERENCE,   /* DossierRefRow: another record */
  DOSSIER_EDITOR_VOCAB_LIST,  /* DossierVocabRow of several terms, over a text of codes "ff,bm,fr" */
} DossierEditorKind;

typedef struct {
  const char        *id;      /* in the template */
  const char        *field;   /* of the record (without _fr/_en for bilingual fields) */
  DossierEditorKind  kind;
} DossierEditorField;

#define DOSSIER_TYPE_EDITOR (dossier_editor_get_type ())
G_DECLARE_DERIVABLE_TYPE (DossierEditor, dossier_editor, DOSSIER, EDITOR, GtkWidget)

struct _DossierEditorClass
{
  GtkWidgetClass parent_class;

  /* Shows the parts of @record the fields table does not cover. */
  void (*load)  (DossierEditor *self,
                 DossierRecord *record);
  /* Saves what the subclass's own widgets hold and is waiting for a pause. */
  void (*flush) (DossierEditor *self);
  /* Writes a read-only field's stored value as a person reads it, or returns NULL to
   * show it as it is. */
  char *(*format) (DossierEditor *self,
                   const char    *field,
                   const char    *value);

  /*< private >*/
  GType                     record_type;
  const DossierEditorField *fields;
  guint                     n_fields;
  const char * const       *link_groups;
  gboolean                  bilingual;
};

void           dossier_editor_class_setup       (DossierEditorClass       *klass,
                                                 const char               *resource,
                                                 GType                     record_type,
                                                 const DossierEditorField *fields,
                                                 guint                     n_fields,
                                                 const char * const       *link_groups);

void           dossier_editor_set_store         (DossierEditor  *self,
                                                 DossierStore   *store,
                                                 const char     *lang);
DossierStore  *dossier_editor_get_store         (DossierEditor  *self);
const char    *dossier_editor_get_lang          (DossierEditor  *self);
gboolean       dossier_editor_set_record        (DossierEditor  *self,
                                                 gint64          id);
DossierRecord *dossier_editor_get_record        (DossierEditor  *self);
gboolean       dossier_editor_is_loading        (DossierEditor  *self);
void           dossier_editor_flush             (DossierEditor  *self);
gboolean       dossier_editor_save              (DossierEditor  *self);
GtkWidget     *dossier_editor_get_field_widget  (DossierEditor  *self,
                                                 const char     *id);
void           dossier_editor_set_edit_language (DossierEditor  *self,
                                                 const char     *lang);
void           dossier_editor_open_record       (DossierEditor  *self,
                                                 GType           type,
                                                 gint64          id);
void           dossier_editor_show_error        (DossierEditor  *self,
                                                 const char     *message);
void           dossier_editor_show_row_message  (GtkWidget      *row,
                                                 const char     *message);
const char    *dossier_editor_get_row_message   (GtkWidget      *row);
void           dossier_editor_pin_page_under    (GtkPopover     *popover);
void           dossier_editor_keep_title_words  (GtkWidget      *row);

G_END_DECLS
