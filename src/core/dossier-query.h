/* dossier-query.h: the shared filter over incidents, answered by SQLite page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

/* Every set member narrows the result; unset members (NULL, 0) do not filter. */
typedef struct {
  char    *text;            /* full-text search, as typed */
  guint32  date_from;       /* GDate julian days: incidents whose dates overlap the period */
  guint32  date_to;
  char    *admin1;          /* region code */
  char    *violation_type;  /* vocabulary code */
  gint64   actor_id;
  char    *verification;    /* vocabulary code */
} DossierIncidentQuery;

GPtrArray *dossier_store_query_incidents (DossierStore               *store,
                                          const DossierIncidentQuery *query,
                                          const char                 *sort_column,
                                          gboolean                    descending,
                                          guint                       offset,
                                          guint                       limit,
                                          GError                    **error);
gint64     dossier_store_count_incidents (DossierStore               *store,
                                          const DossierIncidentQuery *query,
                                          GError                    **error);

G_END_DECLS
