/* dossier-export-window-private.h: what the Export dialog's two files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * dossier-export-window.c holds the choices and their preview; dossier-export-window-job.c
 * runs the export they describe (io's use case), shows its progress and what it made, and
 * prints. Only they include this header.
 */
#pragma once

#include "dossier-export-window.h"
#include "dossier-redaction.h"

G_BEGIN_DECLS

enum {
  FORMAT_PDF,
  FORMAT_CSV,
  FORMAT_GEOJSON,
  FORMAT_KML,
  FORMAT_JSON,
  FORMAT_BAGIT,
};

typedef struct {
  guint                 format;
  guint                 table;      /* CSV: a DossierTable, or DOSSIER_N_TABLES for all */
  DossierProfile        profile;
  char                 *lang;
  DossierAnnexSections  sections;
  GArray               *ids;
  DossierFigure        *map;        /* the dialog's, alive while the job runs */
  DossierFigure        *timeline;
  char                 *out;
  gboolean              print;
  gboolean              measured;   /* progress has come: the bar shows it, not a pulse */
} Job;

struct _DossierExportWindow
{
  AdwWindow           parent_instance;

  AdwComboRow        *format_row;
  AdwComboRow        *profile_row;
  AdwComboRow        *table_row;
  AdwComboRow        *lang_row;
  GtkWidget          *annex_group;
  GtkWidget          *sections_group;
  GtkWidget          *scope_row;
  GtkSwitch          *scope_switch;
  GtkLabel           *preview_label;
  GtkRevealer        *progress_revealer;
  GtkProgressBar     *progress_bar;
  GtkLabel           *progress_label;
  GtkStack           *stack;
  AdwStatusPage      *done_page;
  GtkWidget          *print_button;
  GtkWidget          *open_button;
  GtkWidget          *export_button;
  GtkWidget          *section_rows[DOSSIER_ANNEX_N_SECTIONS];
  GtkCheckButton     *section_checks[DOSSIER_ANNEX_N_SECTIONS];

  DossierStore       *store;
  GArray             *filter_ids;
  DossierMapView      map_view;        /* where the window's map looks; no size if hidden */
  DossierTimelineFrame timeline_frame;
  DossierFigure      *map;             /* drawn for the last export */
  DossierMapView      map_drawn;       /* its view */
  DossierFigure      *timeline;
  GCancellable       *cancellable;
  Job                *job;
  guint               tick;
  char               *exported;
  char               *print_to;     /* tests: print to this file without a dialog */
  gboolean            closed;       /* closed while an export ran: its end only cleans up */
};

/* dossier-export-window.c */
guint _dossier_export_window_format_of (DossierExportWindow *self);
DossierProfile _dossier_export_window_profile_of (DossierExportWindow *self);
DossierAnnexSections _dossier_export_window_sections_of (DossierExportWindow *self);
GArray *_dossier_export_window_scope_of (DossierExportWindow *self);
void _dossier_export_window_update_preview (DossierExportWindow *self);
void _dossier_export_window_finished (DossierExportWindow *self,
                                      const char          *path);

/* dossier-export-window-job.c */
void _dossier_export_window_open_action (GtkWidget  *widget,
                                         const char *action,
                                         GVariant   *parameter);
void _dossier_export_window_show_in_folder_action (GtkWidget  *widget,
                                                   const char *action,
                                                   GVariant   *parameter);
void _dossier_export_window_again_action (GtkWidget  *widget,
                                          const char *action,
                                          GVariant   *parameter);

G_END_DECLS
