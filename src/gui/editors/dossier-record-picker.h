/* dossier-record-picker.h: a popover to find a record as you type, and pick it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_RECORD_PICKER (dossier_record_picker_get_type ())
G_DECLARE_FINAL_TYPE (DossierRecordPicker, dossier_record_picker, DOSSIER, RECORD_PICKER, GtkPopover)

GtkWidget *dossier_record_picker_new      (DossierStore        *store,
                                           GType                type,
                                           const char          *role_scheme,
                                           const char          *lang);
void       dossier_record_picker_search   (DossierRecordPicker *self,
                                           const char          *text);
guint      dossier_record_picker_get_n_results (DossierRecordPicker *self);
void       dossier_record_picker_pick     (DossierRecordPicker *self,
                                           guint                index);
gint64     dossier_record_picker_create   (DossierRecordPicker *self);
GtkWidget *dossier_record_picker_get_create_button (DossierRecordPicker *self);

GType      dossier_type_for_table         (const char          *table);
char      *dossier_record_describe        (DossierStore        *store,
                                           DossierRecord       *record,
                                           const char          *lang);

G_END_DECLS
