/* dossier-row-model.h: the rows a list view shows, kept across sorting and filtering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-list-row.h"
#include "dossier-record-list-model.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ROW_MODEL (dossier_row_model_get_type ())
G_DECLARE_FINAL_TYPE (DossierRowModel, dossier_row_model, DOSSIER, ROW_MODEL, GObject)

DossierRowModel *dossier_row_model_new (DossierRecordListModel *records);

G_END_DECLS
