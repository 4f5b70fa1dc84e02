/* dossier-date-row.h: a row to type an EDTF date, which says how it reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_DATE_ROW (dossier_date_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierDateRow, dossier_date_row, DOSSIER, DATE_ROW, AdwActionRow)

const char *dossier_date_row_get_text  (DossierDateRow *self);
void        dossier_date_row_set_text  (DossierDateRow *self,
                                        const char     *text);
gboolean    dossier_date_row_is_valid  (DossierDateRow *self);
GtkEditable *dossier_date_row_get_entry (DossierDateRow *self);
void        dossier_date_row_set_lang  (DossierDateRow *self,
                                        const char     *lang);
void        dossier_date_row_set_empty_text (DossierDateRow *self,
                                             const char     *text);

G_END_DECLS
