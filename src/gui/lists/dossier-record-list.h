/* dossier-record-list.h: a column view over one kind of record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-record-list-model.h"

G_BEGIN_DECLS

typedef enum {
  DOSSIER_COLUMN_TEXT,     /* the field as it is */
  DOSSIER_COLUMN_VOCAB,    /* the label of the field's vocabulary code, in the UI language */
  DOSSIER_COLUMN_DATE,     /* an EDTF date, written out in the UI language */
  DOSSIER_COLUMN_TITLE,    /* an incident's title in the UI language, or the other one */
  DOSSIER_COLUMN_SIZE,     /* a byte count */
  /* Incidents only, computed from more than the row; their headers do not sort. */
  DOSSIER_COLUMN_VIOLATIONS,   /* the labels of the violation types, in the UI language */
  DOSSIER_COLUMN_VICTIMS,      /* all casualties added up; empty when none are counted */
  DOSSIER_COLUMN_PERPETRATORS, /* the alleged perpetrators, by acronym or name */
  /* Evidence only: the small picture made at ingestion, if any; its header does not sort. */
  DOSSIER_COLUMN_THUMBNAIL,
} DossierColumnKind;

typedef struct {
  const char        *title;   /* N_() */
  const char        *field;   /* a field of the record, or "code"; for a computed kind, only
                               * a name for what is shown */
  DossierColumnKind  kind;
  int                width;   /* in characters; 0 to fill the rest */
  gboolean           fills;   /* takes the width left too, at least @width */
} DossierListColumn;

#define DOSSIER_TYPE_RECORD_LIST (dossier_record_list_get_type ())
G_DECLARE_FINAL_TYPE (DossierRecordList, dossier_record_list, DOSSIER, RECORD_LIST, GtkWidget)

GtkWidget              *dossier_record_list_new       (DossierStore            *store,
                                                       GType                    record_type,
                                                       const DossierListColumn *columns,
                                                       guint                    n_columns,
                                                       const char              *lang);
DossierRecordListModel *dossier_record_list_get_model (DossierRecordList       *self);
GtkColumnView          *dossier_record_list_get_view  (DossierRecordList       *self);
DossierRecord          *dossier_record_list_get_record (DossierRecordList      *self,
                                                       guint                    position);
gboolean                dossier_record_list_show_code (DossierRecordList       *self,
                                                       const char              *code);
void                    dossier_record_list_sort_by   (DossierRecordList       *self,
                                                       guint                    column,
                                                       gboolean                 descending);
int                     dossier_record_list_find_column (DossierRecordList     *self,
                                                         const char            *field);
char                   *dossier_record_list_cell_text (DossierRecordList       *self,
                                                       DossierRecord           *record,
                                                       guint                    column);

char                   *dossier_record_list_drag_value (DossierRecord           *record);
gint64                  dossier_record_list_parse_drag_value (const char        *value,
                                                              const char        *table);

G_END_DECLS
