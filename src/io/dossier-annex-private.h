/* dossier-annex-private.h: what the files of the PDF annex share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annex is written by dossier-annex.c (the document: cover, contents, sections, the
 * two passes) with dossier-annex-words.c, dossier-annex-layout.c and
 * dossier-annex-sections.c. Only they include this header.
 */
#pragma once

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "dossier-annex.h"
#include "dossier-catalog.h"
#include "dossier-redaction.h"

G_BEGIN_DECLS

/* A4 in points, and the frame of the text on the current page, upright or, for the wide
 * incidents table, on its side. */
#define A4_SHORT 595.276
#define A4_LONG 841.890
#define LEFT 48.0
#define RIGHT (a->page_w - 48.0)
#define TOP 64.0
#define BOTTOM (a->page_h - 54.0)
#define WIDTH (RIGHT - LEFT)
#define PAD 2.5
#define MAX_COLUMNS 9
/* The most characters given to pango at once. It lays a text out whole, and its memory
 * grows with the text (a 200 MB mandate made the annex grow to 15.8 GB): a text longer than
 * a page shows (about 4,000 characters of a sheet's body text) is cut and marked, the rest
 * staying in the dossier. Table cells too: a source is written out whole, not cut at a few
 * lines. */
#define MAX_TEXT_CHARS 4000
/* Cells whose height is remembered while measuring: the short texts that tables repeat
 * (places, labels, actors); longer ones are rarely the same twice. */
#define MAX_CACHED_CELL 160

typedef struct {
  DossierStore              *store;
  const DossierAnnexOptions *options;
  DossierRedaction          *redaction;
  DossierCatalog            *catalog;
  const char                *lang;
  PangoContext              *pango;
  PangoLayout               *layout;
  PangoLayout               *cells[MAX_COLUMNS];   /* a table row's, measured then drawn */
  PangoFontDescription      *body;
  PangoFontDescription      *bold;
  PangoFontDescription      *label;       /* a field's name: bold, as high as the body */
  PangoFontDescription      *small;
  PangoFontDescription      *small_bold;
  PangoFontDescription      *mono;
  PangoFontDescription      *heading;
  cairo_surface_t           *surface;
  cairo_t                   *cr;          /* NULL while measuring */
  double                     page_w;
  double                     page_h;
  int                        page;        /* the current page, from 1 */
  int                        total;       /* pages in all, known after measuring */
  double                     y;
  const char                *running;     /* the section named in the page header */
  gboolean                   in_section;  /* a section has begun: the next may follow on its page */
  int                        first_page[DOSSIER_ANNEX_N_SECTIONS];
  DossierAnnexSections       left_out;    /* chosen, but with nothing to show in this annex */
  char                      *title;
  char                      *mandate;
  char                      *period;
  char                      *today;
  GHashTable                *labels;      /* "scheme\037code" → label in the annex's language */
  GHashTable                *heights;     /* see cell_height() */
  gboolean                   stripe;
  guint64                    done;
  guint64                    work;
  GError                    *error;
} Annex;

typedef struct {
  const char *title;
  double      width;
  gboolean    mono;   /* a hash: fixed width, smaller */
} Column;

/* dossier-annex-words.c: values written out in the annex's language */
const char *_dossier_annex_tr (Annex      *a,
                               const char *msgid) G_GNUC_FORMAT (2);
const char *_dossier_annex_label (Annex      *a,
                                  const char *scheme,
                                  const char *code);
char *_dossier_annex_labels (Annex              *a,
                             const char         *scheme,
                             const char * const *codes);
char *_dossier_annex_in_language (Annex      *a,
                                  const char *fr,
                                  const char *en);
char *_dossier_annex_degrees (Annex    *a,
                              double    value,
                              gboolean  latitude);
char *_dossier_annex_file_size (Annex  *a,
                                gint64  bytes);
const char *_dossier_annex_media_kind (Annex      *a,
                                       const char *type);
char *_dossier_annex_utc_time (Annex      *a,
                               const char *at);
char *_dossier_annex_breakable (char *text);

/* dossier-annex-layout.c: text, pages and tables */
gboolean _dossier_annex_stopped (Annex   *a,
                                 GError **error);
void _dossier_annex_each_record (Annex             *a,
                                 GType              type,
                                 DossierRecordFunc  func);
void _dossier_annex_tick (Annex *a);
double _dossier_annex_set_text (Annex                *a,
                                const char           *text,
                                PangoFontDescription *font,
                                double                width,
                                int                   max_lines);
void _dossier_annex_show (Annex  *a,
                          double  x,
                          double  y);
void _dossier_annex_begin_page (Annex *a);
void _dossier_annex_end_page (Annex *a);
gboolean _dossier_annex_need (Annex  *a,
                              double  height);
void _dossier_annex_paragraph (Annex                *a,
                               const char           *text,
                               PangoFontDescription *font,
                               double                indent);
void _dossier_annex_table_header (Annex        *a,
                                  const Column *columns,
                                  guint         n);
void _dossier_annex_table_row (Annex        *a,
                               const Column *columns,
                               guint         n,
                               const char  **cells);
void _dossier_annex_field (Annex      *a,
                           const char *name,
                           const char *value);

/* dossier-annex-sections.c: the sections' rows and sheets */
void _dossier_annex_write_section (Annex                *a,
                                   DossierAnnexSections  section);

G_END_DECLS
