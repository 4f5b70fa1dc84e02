/* dossier-annex.h: the PDF annex of a report, by profile and in a chosen language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "dossier-locker.h"
#include "dossier-redaction.h"
#include "dossier-store.h"

G_BEGIN_DECLS

typedef enum {
  DOSSIER_ANNEX_INCIDENTS   = 1 << 0,   /* the incidents table */
  DOSSIER_ANNEX_SHEETS      = 1 << 1,   /* a sheet for each incident */
  DOSSIER_ANNEX_TESTIMONIES = 1 << 2,   /* the testimony index */
  DOSSIER_ANNEX_PEOPLE      = 1 << 3,   /* the person index, by code */
  DOSSIER_ANNEX_ACTORS      = 1 << 4,
  DOSSIER_ANNEX_EVIDENCE    = 1 << 5,   /* the evidence register, with hashes */
  DOSSIER_ANNEX_MAP         = 1 << 6,   /* a figure the caller draws */
  DOSSIER_ANNEX_TIMELINE    = 1 << 7,   /* a figure the caller draws */
} DossierAnnexSections;

#define DOSSIER_ANNEX_N_SECTIONS 8
#define DOSSIER_ANNEX_TABLES (DOSSIER_ANNEX_INCIDENTS | DOSSIER_ANNEX_SHEETS | DOSSIER_ANNEX_TESTIMONIES | \
                              DOSSIER_ANNEX_PEOPLE | DOSSIER_ANNEX_ACTORS | DOSSIER_ANNEX_EVIDENCE)

/* Draws a figure into a @width × @height box (points) at the origin of @cr. */
typedef void (*DossierAnnexFigureFunc) (cairo_t  *cr,
                                        double    width,
                                        double    height,
                                        gpointer  user_data);

/* A figure takes the width of the text on an upright A4 page, in points, and up to the
 * height left under the section's title and above the caption: drawn for this width, its
 * text is printed at the size it was drawn at. */
#define DOSSIER_ANNEX_FIGURE_WIDTH 499.276
#define DOSSIER_ANNEX_FIGURE_MAX_HEIGHT 620.0

typedef struct {
  DossierProfile          profile;
  const char             *lang;             /* "fr" or "en" */
  DossierAnnexSections    sections;
  /* Only these incidents (ids, in order), e.g. the active filter's; NULL for all. */
  GArray                 *incident_ids;
  DossierAnnexFigureFunc  map_figure;       /* needed for DOSSIER_ANNEX_MAP */
  gpointer                map_data;
  double                  map_height;       /* for DOSSIER_ANNEX_FIGURE_WIDTH; 0: 4/5 of it */
  DossierAnnexFigureFunc  timeline_figure;  /* needed for DOSSIER_ANNEX_TIMELINE */
  gpointer                timeline_data;
  double                  timeline_height;
  DossierProgressFunc     progress;
  gpointer                progress_data;
  GCancellable           *cancellable;
} DossierAnnexOptions;

gboolean    dossier_annex_write_pdf           (DossierStore               *store,
                                               const DossierAnnexOptions  *options,
                                               const char                 *path,
                                               GError                    **error);
gboolean    dossier_annex_sections_from_string (const char                *list,
                                               DossierAnnexSections       *sections);
const char *dossier_annex_section_name        (DossierAnnexSections        section);
const char *dossier_annex_section_title       (DossierAnnexSections        section);

G_END_DECLS
