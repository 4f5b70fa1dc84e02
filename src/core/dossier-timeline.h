/* dossier-timeline.h: incidents in time: their spans, rows without overlap, axis ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

/* How an incident's date is known, read from its EDTF. */
typedef enum {
  DOSSIER_TIMELINE_APPROXIMATE_START = 1 << 0,  /* ~ or % on the first date */
  DOSSIER_TIMELINE_UNCERTAIN_START   = 1 << 1,  /* ? or % */
  DOSSIER_TIMELINE_APPROXIMATE_END   = 1 << 2,
  DOSSIER_TIMELINE_UNCERTAIN_END     = 1 << 3,
  DOSSIER_TIMELINE_OPEN_START        = 1 << 4,  /* "../" or "/…": began no one knows when */
  DOSSIER_TIMELINE_OPEN_END          = 1 << 5,
  DOSSIER_TIMELINE_INTERVAL          = 1 << 6,  /* from one date to another */
  DOSSIER_TIMELINE_IMPRECISE         = 1 << 7,  /* one date known only to its month or year */
} DossierTimelineFlags;

/* What the timeline's rows are grouped by. */
typedef enum {
  DOSSIER_LANES_NONE,
  DOSSIER_LANES_REGION,          /* admin1 */
  DOSSIER_LANES_ACTOR_KIND,      /* the kind of its first alleged perpetrator */
  DOSSIER_LANES_VIOLATION_TYPE,  /* its first violation type, in code order */
} DossierLanes;

typedef struct {
  gint64      id;
  guint32     start;  /* GDate julian days: the first day it may have happened */
  guint32     end;    /* the last, inclusive */
  guint32     flags;  /* DossierTimelineFlags */
  const char *key;    /* its colour: interned code, or NULL */
  const char *lane;   /* interned code, or NULL (no lane, or none known) */
  guint32     row;    /* within its lane, set by dossier_timeline_layout() */
} DossierTimelineItem;

typedef struct {
  double  day;    /* GDate julian day, with a fraction for hours */
  char   *label;
  gboolean major; /* the start of a larger unit: a year among months, a month among days */
} DossierTimelineTick;

/* What the timeline writes beside a mark. */
typedef struct {
  gint64  id;
  char   *code;
  char   *title;  /* in the language asked for, or the other when it has none */
} DossierTimelineLabel;

guint32    dossier_timeline_flags        (const char                 *edtf);
GPtrArray *dossier_timeline_layout       (GArray                     *items,
                                          double                      min_days,
                                          GArray                    **lane_rows);
void       dossier_timeline_tick_free    (DossierTimelineTick        *tick);
GPtrArray *dossier_timeline_ticks        (double                      first_day,
                                          double                      last_day,
                                          double                      width,
                                          const char                 *lang);
char      *dossier_timeline_format_day   (double                      day,
                                          const char                 *lang);
void       dossier_timeline_label_free   (DossierTimelineLabel       *label);
GPtrArray *dossier_store_timeline_labels (DossierStore               *store,
                                          const gint64               *ids,
                                          guint                       n_ids,
                                          const char                 *lang,
                                          GError                    **error);

G_END_DECLS
