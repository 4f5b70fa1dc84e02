/* dossier-metadata.h: what an evidence file says of itself (EXIF, PDF, audio and video)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_THUMBNAIL_SIZE 64

typedef struct {
  char    *captured_at;  /* ISO 8601, local time of the camera as it says, or NULL */
  double   latitude;     /* NAN when the file gives no position */
  double   longitude;
  gint64   pages;        /* -1 when unknown */
  gint64   width;
  gint64   height;
  char    *title;        /* a document's own title, or NULL */
  double   duration;     /* a recording's, in seconds; NAN when unknown */
} DossierFileMetadata;

void     dossier_file_metadata_clear (DossierFileMetadata *metadata);
gboolean dossier_metadata_read       (GFile               *file,
                                      const char          *media_type,
                                      DossierFileMetadata *metadata);
gboolean dossier_metadata_apply      (DossierStore        *store,
                                      gint64               evidence_id,
                                      GFile               *file,
                                      GError             **error);

GBytes          *dossier_metadata_make_thumbnail  (GFile      *file,
                                                   const char *media_type,
                                                   int         size);
cairo_surface_t *dossier_metadata_render_pdf_page (GBytes *bytes,
                                                   int     width);

G_END_DECLS
