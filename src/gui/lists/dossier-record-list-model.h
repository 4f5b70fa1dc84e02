/* dossier-record-list-model.h: a GListModel over one kind of record, read page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-filter.h"
#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_RECORD_LIST_MODEL (dossier_record_list_model_get_type ())
G_DECLARE_FINAL_TYPE (DossierRecordListModel, dossier_record_list_model, DOSSIER, RECORD_LIST_MODEL, GObject)

DossierRecordListModel *dossier_record_list_model_new      (DossierStore           *store,
                                                            GType                   record_type);
void                    dossier_record_list_model_set_sort (DossierRecordListModel *self,
                                                            const char             *order_by,
                                                            gboolean                descending);
gint64                  dossier_record_list_model_refresh (DossierRecordListModel *self,
                                                            DossierRecord          *record);
void                    dossier_record_list_model_reload   (DossierRecordListModel *self);
DossierStore           *dossier_record_list_model_get_store (DossierRecordListModel *self);
void                    dossier_record_list_model_set_filter (DossierRecordListModel *self,
                                                              DossierFilter          *filter);

void                    dossier_record_list_model_set_dormant (DossierRecordListModel *self,
                                                               gboolean                dormant);
void                    dossier_record_list_model_invalidate  (DossierRecordListModel *self);
gboolean                dossier_record_list_model_is_stale    (DossierRecordListModel *self);

G_END_DECLS
