/* dossier-test-hooks.h: what the tests read of the widgets, and the app never calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not API. The widgets define these so that the tests can check what no public behaviour
 * shows directly (a count drawn on a canvas rather than made of widgets, a query worker still
 * running, the store behind a window), and what a person would read only on the screen.
 * Included by the tests (through dossier-test-display.h) and by the widgets' own files;
 * no other file of the app includes it. Prefer checking through a widget's public behaviour
 * when it shows what a test needs.
 */
#pragma once

#include <shumate/shumate.h>

#include "dossier-bar-chart.h"
#include "dossier-basemap-layer.h"
#include "dossier-editor.h"
#include "dossier-evidence-layer.h"
#include "dossier-export-window.h"
#include "dossier-filter-bar.h"
#include "dossier-incident-editor.h"
#include "dossier-incident-layer.h"
#include "dossier-link-group.h"
#include "dossier-map-pane.h"
#include "dossier-record-picker.h"
#include "dossier-search-page.h"
#include "dossier-testimony-coder.h"
#include "dossier-timeline-view.h"
#include "dossier-window.h"

G_BEGIN_DECLS


/* The main window: its store and filter, its filter popover, and whether its evidence workers run. */
DossierFilter *dossier_window_get_filter   (DossierWindow  *self);
GtkWidget     *dossier_window_get_filter_popover (DossierWindow *self);
DossierStore  *dossier_window_get_store    (DossierWindow  *self);
gboolean       dossier_window_is_ingesting       (DossierWindow  *self);
gboolean       dossier_window_is_verifying       (DossierWindow  *self);

/* Editors: the language being edited, a casualty count's entry, a place search's result count,
 * the links of a group and its picker, a picker's role. */
const char    *dossier_editor_get_edit_language (DossierEditor  *self);
GtkEditable *dossier_incident_editor_get_casualty_entry (DossierIncidentEditor *self,
                                                         int                    category,
                                                         int                    group);
guint      dossier_incident_editor_search_place       (DossierIncidentEditor *self,
                                                       const char            *text);
DossierLink         *dossier_link_group_get_link    (DossierLinkGroup *self,
                                                     guint             index);
guint                dossier_link_group_get_n_links (DossierLinkGroup *self);
DossierRecordPicker *dossier_link_group_get_picker  (DossierLinkGroup *self);
void       dossier_record_picker_set_role (DossierRecordPicker *self,
                                           const char          *role);

/* The testimony coder: its testimony, queue and passages, and a selection made as by the mouse. */
guint                  dossier_testimony_coder_get_n_passages (DossierTestimonyCoder *self);
guint                  dossier_testimony_coder_get_queue_length (DossierTestimonyCoder *self);
gint64                 dossier_testimony_coder_get_testimony (DossierTestimonyCoder *self);
void                   dossier_testimony_coder_select       (DossierTestimonyCoder *self,
                                                             int                    start,
                                                             int                    end);

/* The Export dialog: its preview text, the figure and map view it would print, a file to print to. */
DossierFigure *dossier_export_window_get_figure (DossierExportWindow  *self,
                                                 DossierAnnexSections  section);
void        dossier_export_window_get_map_view (DossierExportWindow *self,
                                                DossierMapView      *view);
const char *dossier_export_window_get_preview  (DossierExportWindow *self);
void        dossier_export_window_set_print_to (DossierExportWindow *self,
                                                const char          *path);

/* The filter bar's summary line. */
const char *dossier_filter_bar_get_summary (DossierFilterBar *self);

/* The map: its ShumateMap and basemap, what the layers drew (counts drawn on a canvas, not widgets),
 * the selected incident, and whether a layer's query still runs. */
DossierBasemapLayer  *dossier_map_pane_get_basemap       (DossierMapPane *self);
ShumateMap           *dossier_map_pane_get_map           (DossierMapPane *self);
guint                dossier_basemap_layer_get_n_labels  (DossierBasemapLayer *self);
guint                dossier_basemap_layer_get_n_places  (DossierBasemapLayer *self);
guint                dossier_basemap_layer_get_n_shapes  (DossierBasemapLayer *self);
gint64                dossier_incident_layer_get_selected  (DossierIncidentLayer *self);
gboolean              dossier_incident_layer_is_busy       (DossierIncidentLayer *self);
guint                 dossier_evidence_layer_get_n   (DossierEvidenceLayer *self);

/* The timeline: what it drew (items, histogram or marks, the legend's height), its period and
 * selection, and whether its query still runs. */
GArray    *dossier_timeline_view_get_items      (DossierTimelineView *self);
int        dossier_timeline_view_get_legend_height (DossierTimelineView *self);
void       dossier_timeline_view_get_period     (DossierTimelineView *self,
                                                 double              *first_day,
                                                 double              *last_day);
gint64     dossier_timeline_view_get_selected   (DossierTimelineView *self);
gboolean   dossier_timeline_view_is_busy        (DossierTimelineView *self);
gboolean   dossier_timeline_view_shows_histogram (DossierTimelineView *self);

/* The overview's bar charts: how many bars were drawn. */
guint      dossier_bar_chart_get_n    (DossierBarChart  *self);

/* The search page: how many results of a kind it lists. */
guint      dossier_search_page_count_kind  (DossierSearchPage *self,
                                            const char        *kind);

G_END_DECLS
