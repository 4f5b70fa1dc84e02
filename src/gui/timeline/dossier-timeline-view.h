/* dossier-timeline-view.h: the incidents of the filter in time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-filter.h"
#include "dossier-store.h"
#include "dossier-query.h"
#include "dossier-timeline.h"

G_BEGIN_DECLS

/* What a timeline shows, and how large. */
typedef struct {
  double          first_day;  /* GDate julian days at the left and right edges */
  double          last_day;
  int             width;      /* pixels */
  int             height;
  DossierColourBy colour_by;
  DossierLanes    lanes;
} DossierTimelineFrame;

/* A label written beside a mark, where the last frame put it. */
typedef struct {
  gint64          id;
  graphene_rect_t area;
} DossierTimelineLabelArea;

#define DOSSIER_TYPE_TIMELINE_VIEW (dossier_timeline_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierTimelineView, dossier_timeline_view, DOSSIER, TIMELINE_VIEW, GtkWidget)

GtkWidget *dossier_timeline_view_new            (DossierStore        *store,
                                                 DossierFilter       *filter,
                                                 const char          *lang);
void       dossier_timeline_view_set_colour_by  (DossierTimelineView *self,
                                                 DossierColourBy      colour_by);
void       dossier_timeline_view_set_lanes      (DossierTimelineView *self,
                                                 DossierLanes         lanes);
void       dossier_timeline_view_set_selected   (DossierTimelineView *self,
                                                 gint64               id);
void       dossier_timeline_view_step           (DossierTimelineView *self,
                                                 int                  direction);
void       dossier_timeline_view_refresh        (DossierTimelineView *self);
void       dossier_timeline_view_set_period     (DossierTimelineView *self,
                                                 double               first_day,
                                                 double               last_day);
gboolean   dossier_timeline_view_fit_all        (DossierTimelineView *self);
gboolean   dossier_timeline_view_fit_selection  (DossierTimelineView *self);
void       dossier_timeline_view_zoom           (DossierTimelineView *self,
                                                 double               factor,
                                                 double               x);
void       dossier_timeline_view_pan            (DossierTimelineView *self,
                                                 double               pixels);
gint64     dossier_timeline_view_pick           (DossierTimelineView *self,
                                                 double               x,
                                                 double               y);
gboolean   dossier_timeline_view_item_area      (DossierTimelineView *self,
                                                 gint64               id,
                                                 graphene_rect_t     *area);
void       dossier_timeline_view_brush          (DossierTimelineView *self,
                                                 double               x1,
                                                 double               x2);
double     dossier_timeline_view_day_at         (DossierTimelineView *self,
                                                 double               x);
GArray    *dossier_timeline_view_get_label_areas (DossierTimelineView *self);
GskRenderNode *dossier_timeline_view_render     (DossierTimelineView *self);
gboolean   dossier_timeline_view_get_frame      (DossierTimelineView  *self,
                                                 DossierTimelineFrame *frame);
GskRenderNode *dossier_timeline_view_render_figure (DossierStore               *store,
                                                    GArray                     *incident_ids,
                                                    const DossierTimelineFrame *frame,
                                                    const char                 *lang,
                                                    DossierTimelineFrame       *drawn,
                                                    GError                    **error);

G_END_DECLS
