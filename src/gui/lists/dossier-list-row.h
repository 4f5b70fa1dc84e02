/* dossier-list-row.h: one row of a list, whichever record it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LIST_ROW (dossier_list_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierListRow, dossier_list_row, DOSSIER, LIST_ROW, GObject)

DossierListRow *dossier_list_row_new          (guint           position);
DossierRecord  *dossier_list_row_get_record   (DossierListRow *self);
void            dossier_list_row_set_record   (DossierListRow *self,
                                               DossierRecord  *record);
guint           dossier_list_row_get_position (DossierListRow *self);

G_END_DECLS
