/* dossier-timeline-view-private.h: what the timeline view's files share, and no one else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-catalog.h"
#include "dossier-look.h"
#include "dossier-palette.h"
#include "dossier-query-worker.h"
#include "dossier-timeline-view.h"

G_BEGIN_DECLS

#define AXIS_HEIGHT     28
#define LEGEND_LINE     18
#define LEGEND_HEIGHT   (self->legend_height)
#define LANE_LABELS     120
#define MIN_ROW         12      /* pixels: a row, at least; as high as a label's line */
#define ROW_HEIGHT      (self->row_height)
#define MARK_HEIGHT     8
#define MIN_MARK        8       /* pixels: the least width of a mark, and of a point */
#define MAX_MARKS       4000    /* more in view, and a histogram is drawn */
#define BIN_WIDTH       3
#define MIN_PER_DAY     (1.0 / 365.25 / 2)   /* 2 pixels a year: centuries fit */
#define MAX_PER_DAY     (24 * 60.0)          /* 60 pixels an hour */
#define FIGURE_WIDTH    600     /* a figure for no view: the annex's width, */
#define FIGURE_HEIGHT   260     /* and room for a few lanes */
#define LABEL_GAP       4       /* pixels between a mark and its label, and after it */
#define MIN_TITLE       48      /* pixels: less room than this after the code, no title */
#define MAX_LABEL       320     /* pixels: a title is cut to this, at most */

struct _DossierTimelineView
{
  GtkWidget        parent_instance;

  DossierStore    *store;
  DossierQueryWorker *worker;     /* reads the items aside, one job at a time */
  DossierFilter   *filter;
  DossierIncidentQuery *shown_query;  /* the filter the items were read for */
  char            *lang;
  GHashTable      *styles;        /* interned key → its DossierTermStyle */
  GHashTable      *labels;        /* id → DossierTimelineLabel, read as marks get room */
  DossierColourBy  colour_by;
  DossierLanes     lanes;

  GArray          *all_items;     /* every dated incident, for the colour and lanes */
                                  /* (a new colour, lanes or edit: the worker's next generation) */
  GArray          *items;         /* those of the filter: DossierTimelineItem, by lane then start */
  GHashTable      *by_id;         /* id → index + 1 */
  GArray          *order;         /* indices by start then id: for [ and ] */
  GPtrArray       *lane_codes;    /* of the last layout */
  GArray          *lane_rows;
  int              layout_level;  /* log2 of the pixels a day the rows were laid out for */

  double           first_day;     /* the view: the day at the left edge of the marks */
  double           per_day;       /* pixels a day */
  gboolean         fitted;        /* the view was set once (to all the items) */
  gint64           selected;
  char            *selected_text; /* its code and date, for screen readers */
  gboolean         histogram;     /* in the last frame */
  int              legend_height; /* one line, two when the view is narrow, or the message's */
  double           legend_width;  /* on one line */
  int              legend_words[6]; /* the width of each word of the marks' legend */
  int              message_for;   /* the width the histogram's message was measured at */
  int              message_height;
  int              code_width;    /* of a typical code: less room, and no label is read */
  int              row_height;    /* a label's line, so that labels on rows never meet */
  GArray          *label_areas;   /* DossierTimelineLabelArea, of the last frame on screen */
  GArray          *figure_keys;   /* FigureKey: in a figure, what its colours mean */

  /* A figure's, drawn offscreen: its size and the messages in its language */
  int              figure_width;
  int              figure_height;
  DossierCatalog  *catalog;

  /* Dragging */
  gboolean         brushing;
  double           drag_x;
  double           drag_first_day;
  double           brush_x1;
  double           brush_x2;
  double           pointer_x;
  double           zoom_scale;
};

/* Each lane's band: its top and height, in the marks' area. */
typedef struct {
  double top;
  double height;
  guint  rows;      /* rows in view */
} Band;

/* A figure's legend also says what its colours mean, as the map's does: a printed page
 * has no other key. */
typedef struct {
  const char       *key;
  char             *label;
  int               width;
  DossierTermStyle  style;
} FigureKey;

/* A mark's label, kept for as long as the incidents are: its code and title laid out once,
 * and their widths. */
typedef struct {
  PangoLayout *code;
  PangoLayout *full;    /* the code and the title, for the screen */
  int          code_width;
  int          full_width;
  int          full_for;  /* the width the full layout is cut to, or -1 */
} Label;

/* A mark drawn this frame, and where the next mark on its row begins. */
typedef struct {
  guint           index;
  guint           lane;
  graphene_rect_t rect;
  gboolean        dimmed;
  double          end;    /* after the mark (and its arrow) */
  double          next;   /* the next mark on the row (its arrow), or the edge */
} Placed;

/* dossier-timeline-view.c */
int _dossier_timeline_view_view_width (DossierTimelineView *self);
int _dossier_timeline_view_view_height (DossierTimelineView *self);
const char * _dossier_timeline_view_tr (DossierTimelineView *self,
                                        const char          *context,
                                        const char          *msgid) G_GNUC_FORMAT (3);
double _dossier_timeline_view_marks_left (DossierTimelineView *self);
double _dossier_timeline_view_marks_width (DossierTimelineView *self);
double _dossier_timeline_view_x_of_day (DossierTimelineView *self,
                                        double               day);
const DossierTermStyle * _dossier_timeline_view_key_style (DossierTimelineView *self,
                                                           const char          *key);
void _dossier_timeline_view_ensure_layout (DossierTimelineView *self);

/* dossier-timeline-view-draw.c */
void _dossier_timeline_view_snapshot (GtkWidget   *widget,
                                      GtkSnapshot *snapshot);
gboolean _dossier_timeline_view_in_view (DossierTimelineView       *self,
                                         const DossierTimelineItem *item,
                                         double                     last_day);

/* dossier-timeline-view-legend.c */
void _dossier_timeline_view_figure_key_clear (gpointer data);
guint _dossier_timeline_view_legend_lines (DossierTimelineView *self,
                                           int                  width,
                                           guint                i,
                                           double              *x,
                                           guint               *line);
void _dossier_timeline_view_set_figure_keys (DossierTimelineView *self,
                                             double               last_day,
                                             int                  width,
                                             int                  height);
const char * _dossier_timeline_view_histogram_message (DossierTimelineView *self);
void _dossier_timeline_view_update_legend_height (DossierTimelineView *self,
                                                  gboolean             histogram);

/* dossier-timeline-view-draw.c */
void _dossier_timeline_view_ensure_row_height (DossierTimelineView *self);
GArray * _dossier_timeline_view_lane_bands (DossierTimelineView *self,
                                            gboolean            *histogram);
guint _dossier_timeline_view_lane_of (DossierTimelineView *self,
                                      guint                index);
gboolean _dossier_timeline_view_row_shown (DossierTimelineView       *self,
                                           const DossierTimelineItem *item,
                                           const Band                *band);
void _dossier_timeline_view_item_rect (DossierTimelineView       *self,
                                       const DossierTimelineItem *item,
                                       const Band                *band,
                                       graphene_rect_t           *rect);
void _dossier_timeline_view_draw_mark (DossierTimelineView       *self,
                                       cairo_t                   *cr,
                                       const DossierTimelineItem *item,
                                       const graphene_rect_t     *r,
                                       const DossierTermStyle    *style,
                                       const DossierLook         *look,
                                       gboolean                   dimmed,
                                       gboolean                   selected);
void _dossier_timeline_view_draw_text (cairo_t       *cr,
                                       PangoLayout   *layout,
                                       const char    *text,
                                       double         x,
                                       double         y,
                                       const GdkRGBA *colour);

/* dossier-timeline-view-legend.c */
void _dossier_timeline_view_draw_legend (DossierTimelineView *self,
                                         cairo_t             *cr,
                                         PangoLayout         *layout,
                                         int                  width,
                                         int                  height,
                                         const DossierLook   *look);

/* dossier-timeline-view-labels.c */
void _dossier_timeline_view_label_free (Label *label);
void _dossier_timeline_view_draw_labels (DossierTimelineView *self,
                                         cairo_t             *cr,
                                         GArray              *placed,
                                         int                  width,
                                         gboolean             titles,
                                         gboolean             backed,
                                         const DossierLook   *look,
                                         GArray              *areas);

/* dossier-timeline-view-draw.c */
gboolean _dossier_timeline_view_selected_over_histogram (DossierTimelineView *self,
                                                         GArray              *bands,
                                                         graphene_rect_t     *rect,
                                                         guint               *lane);

/* dossier-timeline-view.c */
void _dossier_timeline_view_view_changed (DossierTimelineView *self);
DossierTimelineItem * _dossier_timeline_view_find_item (DossierTimelineView *self,
                                                        gint64               id,
                                                        guint               *index);

/* dossier-timeline-view-input.c */
void _dossier_timeline_view_input_class_init (GtkWidgetClass      *widget_class);
void _dossier_timeline_view_input_init       (DossierTimelineView *self);

G_END_DECLS
