/* dossier-ingest.h: bringing files and folders into a dossier as evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-progress-relay.h"

G_BEGIN_DECLS

/* What a file that cannot be brought in does to the others. */
typedef enum {
  DOSSIER_INGEST_EACH_FILE,       /* it is reported; the others go on, each all in or not at all */
  DOSSIER_INGEST_ALL_OR_NOTHING,  /* the dossier is left as it was, and the error says why */
} DossierIngestPolicy;

typedef struct {
  DossierIngestPolicy  policy;
  const char          *user;              /* who ingests, recorded in the custody chains */
  const char          *collection_method; /* vocabulary “collection-method”, or NULL */
  gint64               incident_id;       /* to link each item (new or already there) to, or 0 */
  gboolean             bulk_writes;       /* alone on the file: see dossier_store_set_bulk_writes() */
} DossierIngestOptions;

typedef enum {
  DOSSIER_INGEST_ADDED,
  DOSSIER_INGEST_DUPLICATE,   /* its bytes were in the dossier already, as @code */
  DOSSIER_INGEST_FAILED,      /* not brought in: @problems says why */
} DossierIngestOutcome;

typedef struct {
  GFile                *file;
  guint                 origin;     /* the index of the file or folder given it was found as or under */
  DossierIngestOutcome  outcome;
  gint64                evidence_id;
  char                 *code;
  char                 *sha256;
  GPtrArray            *problems;   /* why it failed, or what went wrong after it was added
                                     * (its metadata, its link): messages, without the name */
} DossierIngestItem;

typedef struct {
  GPtrArray *items;   /* DossierIngestItem, in the order they were brought in */
  guint      added;
} DossierIngestReport;

void dossier_ingest_report_free (DossierIngestReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierIngestReport, dossier_ingest_report_free)

void                 dossier_ingest_async  (const char                 *dossier_path,
                                            GPtrArray                  *files,
                                            const DossierIngestOptions *options,
                                            DossierTaskProgressFunc     progress,
                                            gpointer                    progress_data,
                                            GDestroyNotify              progress_notify,
                                            GCancellable               *cancellable,
                                            GAsyncReadyCallback         callback,
                                            gpointer                    user_data);
DossierIngestReport *dossier_ingest_finish (GAsyncResult               *result,
                                            GError                    **error);

G_END_DECLS
