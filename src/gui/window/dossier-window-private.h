/* dossier-window-private.h: what the parts of the window share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-editor.h"
#include "dossier-filter.h"
#include "dossier-record-list.h"
#include "dossier-window.h"
#include "dossier-info.h"

G_BEGIN_DECLS

#define N_SECTIONS 6

typedef struct {
  const char              *name;
  const char              *title;  /* N_() */
  const char              *icon;
  GType                  (*get_type) (void);
  const DossierListColumn *columns;
  guint                    n_columns;
  GtkWidget             *(*new_editor) (void);
} DossierWindowSection;

extern const DossierWindowSection dossier_window_sections[N_SECTIONS];

/* A section's list, and beside the lists the editor of its selected record. */
typedef struct {
  GtkWidget     *list;
  GtkWidget     *editor;
  GtkStack      *editor_stack;
  AdwStatusPage *status;
  GtkWidget     *status_button; /* what to do next: "New Incident", "Clear the Filter"… */
  gboolean       refreshing;   /* a row is being re-read: its selection is not a new choice */
} DossierSectionPage;

struct _DossierWindow
{
  AdwApplicationWindow  parent_instance;

  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  AdwWindowTitle       *window_title;
  AdwWindowTitle       *sidebar_title;       /* Dossier, and who is recording */
  GtkWidget            *investigator_button; /* around it: opens the preferences */
  GtkWidget            *folded_investigator; /* the same, in the lists' header when the sidebar is folded */
  GtkLabel             *investigator_label;
  GtkStack             *stack;
  GtkStack             *editors;        /* beside the lists: the section's editor, by name */
  GtkPaned             *work_paned;     /* the lists (over the map) | the editors */
  GtkRevealer          *filter_revealer;
  GtkWidget            *filter_bar;     /* what the filter keeps, while it keeps less than all */
  AdwStatusPage        *error_page;
  AdwToastOverlay      *toast_overlay;
  GMenu                *recent_section;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkWidget            *search_page;
  GtkMenuButton        *filter_button;
  GtkWidget            *clear_filter_button;
  GtkWidget            *add_button;
  GtkWidget            *map_button;
  GtkWidget            *map_box;
  GtkWidget            *timeline_button;
  GtkWidget            *timeline_box;
  GtkWidget            *timeline_pane;
  GtkPaned             *panes_paned;
  GtkWidget            *map_pane;
  GtkPaned             *content_paned;
  DossierFilter        *filter;
  char                 *section_before_search;

  GtkRevealer          *ingest_revealer;  /* adding evidence: progress and Cancel */
  GtkLabel             *ingest_label;
  GtkProgressBar       *ingest_progress;
  struct _DossierIngest *ingest;          /* adding or verifying, or NULL */
  GCancellable         *ingest_cancellable;

  GSettings            *settings;
  GCancellable         *cancellable;
  DossierStore         *store;
  char                 *lang;
  GtkLabel             *counts[N_SECTIONS];
  GtkLabel             *kept[N_SECTIONS];   /* under a section's name: "12 of 100,000" */
  DossierStoreCounts    totals;             /* the whole dossier */
  DossierStoreCounts    filtered;           /* what the filter keeps, once counted */
  gboolean              filtered_known;
  GCancellable         *count_cancellable;  /* counting what the filter keeps */
  guint                 count_source;       /* the count to start, after the list is drawn */
  GtkWidget            *overview;
  gboolean              charts_stale;       /* the overview's, while it is not shown */
  DossierSectionPage    pages[N_SECTIONS];
  struct _DossierDeletion *last_deletion;   /* what Undo puts back, in this store */
  GtkListBoxRow        *spring_row;      /* under a drag, opening soon */
  guint                 spring_source;
};

void       _dossier_window_records_class_init (GtkWidgetClass *widget_class);
void       _dossier_window_records_init       (DossierWindow  *self);
void       _dossier_window_evidence_class_init (GtkWidgetClass *widget_class);
void       _dossier_window_evidence_init      (DossierWindow  *self);
void       _dossier_window_map_init           (DossierWindow  *self);
GtkWidget *_dossier_window_make_section_page  (DossierWindow  *self,
                                               guint           index);
void       _dossier_window_restore_selection  (DossierWindow  *self);
void       _dossier_window_update_counts      (DossierWindow  *self);
void       _dossier_window_refresh_charts     (DossierWindow  *self);
void       _dossier_window_section_shown      (DossierWindow  *self,
                                               guint           index);
void       _dossier_window_counts_class_init  (GtkWidgetClass *widget_class);
void       _dossier_window_counts_init        (DossierWindow  *self);
void       _dossier_window_update_filter_summary (DossierWindow *self);
void       _dossier_window_search_class_init  (GtkWidgetClass *widget_class);
void       _dossier_window_export_class_init  (GtkWidgetClass *widget_class);
void       _dossier_window_add_type_to_search (DossierWindow  *self,
                                               GtkWidget      *widget);
GtkWidget *_dossier_window_new_search_page    (DossierWindow  *self,
                                               DossierStore   *store,
                                               const char     *lang);

G_END_DECLS
