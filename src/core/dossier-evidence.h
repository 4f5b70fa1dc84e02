/* dossier-evidence.h: the description of an evidence item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-record.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EVIDENCE (dossier_evidence_get_type ())
G_DECLARE_FINAL_TYPE (DossierEvidence, dossier_evidence, DOSSIER, EVIDENCE, DossierRecord)

/* The description of an evidence item; its bytes are fixed at ingestion. */
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

DossierEvidence *dossier_evidence_new (void);

G_END_DECLS
