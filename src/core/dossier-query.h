/* dossier-query.h: the shared filter over incidents, answered by SQLite page by page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"
#include "dossier-timeline.h"
#include "dossier-info.h"

G_BEGIN_DECLS

/* Every set member narrows the result; unset members (NULL, "" or 0) do not filter. */
typedef struct {
  char    *text;            /* full-text search, as typed (see dossier_search_build_query()) */
  guint32  date_from;       /* GDate julian days: incidents whose dates overlap the period; */
  guint32  date_to;         /* an incident with no date at all is outside any period */
  char    *admin1;          /* region code */
  char    *violation_type;  /* vocabulary code */
  gint64   actor_id;
  char    *verification;    /* vocabulary code */
  char    *admin2;          /* cercle code */
  char    *protection;      /* vocabulary “protection-level” code: incidents linked to a
                             * person of that level; people of that level */
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

/* The other lists narrowed by the same filter: the records linked to its incidents. */
GPtrArray *dossier_store_query_records        (DossierStore               *store,
                                               GType                       type,
                                               const DossierIncidentQuery *query,
                                               const char                 *sort_column,
                                               gboolean                    descending,
                                               guint                       offset,
                                               guint                       limit,
                                               GError                    **error);
gint64     dossier_store_count_records_query  (DossierStore               *store,
                                               GType                       type,
                                               const DossierIncidentQuery *query,
                                               GError                    **error);

/* Every count at once: the incidents a filter keeps and the records linked to them. */
gboolean   dossier_store_count_query        (DossierStore               *store,
                                             const DossierIncidentQuery *query,
                                             DossierStoreCounts         *counts,
                                             GCancellable               *cancellable,
                                             GError                    **error);
void       dossier_store_count_query_async  (DossierStore               *store,
                                             const DossierIncidentQuery *query,
                                             GCancellable               *cancellable,
                                             GAsyncReadyCallback         callback,
                                             gpointer                    user_data);
gboolean   dossier_store_count_query_finish (DossierStore               *store,
                                             GAsyncResult               *result,
                                             DossierStoreCounts         *counts,
                                             GError                    **error);

typedef enum {
  DOSSIER_BREAKDOWN_YEAR,            /* incidents by the year they start */
  DOSSIER_BREAKDOWN_REGION,          /* by admin1 code */
  DOSSIER_BREAKDOWN_VIOLATION_TYPE,  /* by violation type code (an incident counts once per type) */
  DOSSIER_BREAKDOWN_ACTOR_KIND,      /* by the kind of their alleged perpetrators */
  DOSSIER_BREAKDOWN_VICTIMS_GROUP,   /* casualties summed by group (women, men, girls, boys, unknown) */
  DOSSIER_BREAKDOWN_MONTH,           /* by the month they start, "YYYY-MM" */
  /* Testimonies (those linked to the filter's incidents; all when the filter is empty) */
  DOSSIER_BREAKDOWN_TESTIMONY_STATUS,  /* by “testimony-status” */
  DOSSIER_BREAKDOWN_TESTIMONY_OFFICE,  /* by “office” */
  DOSSIER_BREAKDOWN_TESTIMONY_MONTH,   /* by the month they were taken, "YYYY-MM" */
  DOSSIER_BREAKDOWN_WITNESS_SEX,       /* the people who gave them, once each, by “sex” */
  DOSSIER_BREAKDOWN_WITNESS_AGE_GROUP, /* the same, by “age-group” */
} DossierBreakdown;

typedef enum {
  DOSSIER_MEASURE_INCIDENTS,         /* how many incidents */
  DOSSIER_MEASURE_VICTIMS,           /* how many victims they count, all categories */
} DossierMeasure;

typedef struct {
  char   *key;    /* a code, or a year */
  gint64  count;
} DossierBreakdownRow;

void       dossier_breakdown_row_free      (DossierBreakdownRow        *row);
GPtrArray *dossier_store_breakdown         (DossierStore               *store,
                                            DossierBreakdown            breakdown,
                                            const DossierIncidentQuery *query,
                                            GError                    **error);

GPtrArray *dossier_store_breakdown_measure (DossierStore               *store,
                                            DossierBreakdown            breakdown,
                                            DossierMeasure              measure,
                                            const DossierIncidentQuery *query,
                                            GError                    **error);

/* What the map colours incidents by. */
typedef enum {
  DOSSIER_COLOUR_BY_VIOLATION_TYPE,  /* the first of its types, in code order */
  DOSSIER_COLOUR_BY_VERIFICATION,
} DossierColourBy;

/* The timeline's incidents (see dossier-timeline.h for what it does with them). */
GArray    *dossier_store_timeline_items   (DossierStore               *store,
                                           const DossierIncidentQuery *query,
                                           DossierColourBy             colour_by,
                                           DossierLanes                lanes,
                                           GError                    **error);
GArray    *dossier_store_query_ids        (DossierStore               *store,
                                           const DossierIncidentQuery *query,
                                           GError                    **error);

GArray    *dossier_store_map_points       (DossierStore               *store,
                                           const DossierIncidentQuery *query,
                                           double                      south,
                                           double                      west,
                                           double                      north,
                                           double                      east,
                                           DossierColourBy             colour_by,
                                           GError                    **error);
gboolean   dossier_store_map_bounds       (DossierStore               *store,
                                           const DossierIncidentQuery *query,
                                           double                     *south,
                                           double                     *west,
                                           double                     *north,
                                           double                     *east,
                                           GError                    **error);

DossierIncidentQuery *dossier_incident_query_copy (const DossierIncidentQuery *query);
void                  dossier_incident_query_free (DossierIncidentQuery       *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierIncidentQuery, dossier_incident_query_free)

GArray    *dossier_store_evidence_points   (DossierStore               *store,
                                            GError                    **error);

G_END_DECLS
