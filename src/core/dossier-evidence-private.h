/* dossier-evidence-private.h: the instance struct of DossierEvidence
 *
 * Only src/core's .c files include this header (as dossier-store-private.h); tests may,
 * to look inside a record (white-box). Everything else reads the record through the
 * typed getters of dossier-evidence.h and writes it through dossier_record_set_field()'s
 * setters, so that every change is notified once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-evidence.h"

G_BEGIN_DECLS

struct _DossierEvidence
{
  DossierRecord parent_instance;

  char     *title;
  char     *description;
  char     *original_name;
  char     *media_type;
  gint64    size;                         /* -1 when unknown */
  char     *sha256;
  char     *acquired_on;
  char     *acquired_by;
  char     *source;
  char     *collection_method;            /* vocabulary “collection-method” */
  char     *captured_at;
  double    latitude;                     /* NAN when unknown */
  double    longitude;                    /* NAN when unknown */
  char     *confidentiality;              /* vocabulary “confidentiality” */
  char     *custody_head;
  gint64    pages;                        /* of a PDF; -1 when unknown */
  gint64    width;                        /* of an image, in pixels; -1 when unknown */
  gint64    height;
  double    duration;                     /* of a recording, in seconds; NAN when unknown */
};

G_END_DECLS
