/* dossier-window.h: a window on one dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dossier-record.h"

#include "dossier-filter.h"
#include "dossier-query.h"
#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())
G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, AdwApplicationWindow)

DossierWindow *dossier_window_new          (GtkApplication *app);
gboolean       dossier_window_load         (DossierWindow  *self,
                                            const char     *path,
                                            GError        **error);
void           dossier_window_show_error   (DossierWindow  *self,
                                            const char     *message);
void           dossier_window_show_section (DossierWindow  *self,
                                            const char     *section);
const char    *dossier_window_get_section  (DossierWindow  *self);
GtkWidget     *dossier_window_get_map            (DossierWindow  *self);
GtkWidget     *dossier_window_get_timeline       (DossierWindow  *self);
gboolean       dossier_window_ingest             (DossierWindow  *self,
                                                  GPtrArray      *files);
gboolean       dossier_window_ingest_into        (DossierWindow  *self,
                                                  GPtrArray      *files,
                                                  gint64          incident_id);
gboolean       dossier_window_ingest_collected   (DossierWindow  *self,
                                                  GPtrArray      *files,
                                                  gint64          incident_id,
                                                  const char     *collection_method);
gboolean       dossier_window_verify_evidence    (DossierWindow  *self);
GtkWidget     *dossier_window_show_verify_report (DossierWindow  *self,
                                                  GPtrArray      *report);
GtkWidget     *dossier_window_get_editor         (DossierWindow  *self,
                                                  const char     *section);
GtkWidget     *dossier_window_get_list     (DossierWindow  *self,
                                            const char     *section);
void           dossier_window_search       (DossierWindow  *self,
                                            const char     *text);

void           dossier_window_open_record      (DossierWindow  *self,
                                                GType           type,
                                                gint64          id);
guint          dossier_window_delete_selected  (DossierWindow  *self);
gboolean       dossier_window_undo_delete      (DossierWindow  *self);
DossierRecord *dossier_window_add_record       (DossierWindow  *self);
gboolean       dossier_window_link_dropped     (DossierWindow  *self,
                                                DossierRecord  *incident,
                                                const char     *value);

void           dossier_window_set_measure      (DossierWindow  *self,
                                                DossierMeasure  measure);

G_END_DECLS
