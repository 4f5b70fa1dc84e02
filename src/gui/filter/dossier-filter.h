/* dossier-filter.h: the shared query state that lists, overview, map and timeline follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dossier-query.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_FILTER (dossier_filter_get_type ())
G_DECLARE_FINAL_TYPE (DossierFilter, dossier_filter, DOSSIER, FILTER, GObject)

DossierFilter              *dossier_filter_new       (void);
const DossierIncidentQuery *dossier_filter_get_query (DossierFilter *self);
gboolean                    dossier_filter_is_empty  (DossierFilter *self);
void                        dossier_filter_set_text  (DossierFilter *self,
                                                      const char    *field,
                                                      const char    *value);
void                        dossier_filter_set_actor (DossierFilter *self,
                                                      gint64         actor_id);
void                        dossier_filter_set_years (DossierFilter *self,
                                                      int            from,
                                                      int            to);
void                        dossier_filter_set_period (DossierFilter *self,
                                                       guint32        from,
                                                       guint32        to);
char                       *dossier_filter_get_period_edtf (DossierFilter *self);
gboolean                    dossier_filter_set_period_edtf (DossierFilter  *self,
                                                            const char     *text,
                                                            GError        **error);
guint                       dossier_filter_count_criteria (DossierFilter *self);
void                        dossier_filter_clear     (DossierFilter *self);

G_END_DECLS
