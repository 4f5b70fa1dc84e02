/* dossier-ref-row.h: a row naming another record (a testimony's witness, an actor's parent)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dossier-record-picker.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_REF_ROW (dossier_ref_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierRefRow, dossier_ref_row, DOSSIER, REF_ROW, AdwActionRow)

void                 dossier_ref_row_set_store  (DossierRefRow *self,
                                                 DossierStore  *store,
                                                 GType          type,
                                                 const char    *lang);
gint64               dossier_ref_row_get_id     (DossierRefRow *self);
void                 dossier_ref_row_set_id     (DossierRefRow *self,
                                                 gint64         id);
DossierRecordPicker *dossier_ref_row_get_picker (DossierRefRow *self);

G_END_DECLS
