/* dossier-locker.h: evidence bytes: ingest, extract, verify
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_CHUNK_SIZE (1024 * 1024)

typedef struct {
  gint64    evidence_id;
  char     *code;
  char     *sha256;
  gint64    size;
  gboolean  duplicate;  /* the same bytes were already in the dossier: this is that item */
} DossierIngestResult;

void dossier_ingest_result_free (DossierIngestResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierIngestResult, dossier_ingest_result_free)

typedef void (*DossierProgressFunc) (guint64  done,
                                     guint64  total,
                                     gpointer user_data);

typedef enum {
  DOSSIER_VERIFY_INTACT,
  DOSSIER_VERIFY_ALTERED,     /* the bytes no longer have their SHA-256 */
  DOSSIER_VERIFY_MISSING,     /* no bytes (an item imported from JSON) */
  DOSSIER_VERIFY_LOG_BROKEN,  /* the custody chain was edited */
} DossierVerifyStatus;

typedef struct {
  gint64               evidence_id;
  char                *code;
  DossierVerifyStatus  status;
  char                *detail;
} DossierVerifyItem;

void dossier_verify_item_free (DossierVerifyItem *item);

DossierIngestResult *dossier_locker_ingest            (DossierStore         *store,
                                                       GFile                *file,
                                                       const char           *collection_method,
                                                       const char           *source,
                                                       GCancellable         *cancellable,
                                                       DossierProgressFunc   progress,
                                                       gpointer              progress_data,
                                                       GError              **error);
gboolean             dossier_locker_restore           (DossierStore         *store,
                                                       gint64                evidence_id,
                                                       GFile                *file,
                                                       GCancellable         *cancellable,
                                                       GError              **error);
gboolean             dossier_locker_extract           (DossierStore         *store,
                                                       gint64                evidence_id,
                                                       GFile                *dest,
                                                       gboolean              log_custody,
                                                       GCancellable         *cancellable,
                                                       GError              **error);
GPtrArray           *dossier_locker_verify            (DossierStore         *store,
                                                       gboolean              append_custody,
                                                       GCancellable         *cancellable,
                                                       DossierProgressFunc   progress,
                                                       gpointer              progress_data,
                                                       GError              **error);
GBytes              *dossier_locker_read              (DossierStore         *store,
                                                       gint64                evidence_id,
                                                       gsize                 max_size,
                                                       GError              **error);
DossierVerifyItem   *dossier_locker_verify_item       (DossierStore         *store,
                                                       gint64                evidence_id,
                                                       gboolean              append_custody,
                                                       GCancellable         *cancellable,
                                                       GError              **error);
gboolean             dossier_locker_export_original   (DossierStore         *store,
                                                       gint64                evidence_id,
                                                       GFile                *dest,
                                                       GCancellable         *cancellable,
                                                       GError              **error);
GFile               *dossier_locker_working_copy      (DossierStore         *store,
                                                       gint64                evidence_id,
                                                       GCancellable         *cancellable,
                                                       GError              **error);
gboolean             dossier_store_set_thumbnail      (DossierStore         *store,
                                                       gint64                evidence_id,
                                                       GBytes               *png,
                                                       GError              **error);
GBytes              *dossier_store_get_thumbnail      (DossierStore         *store,
                                                       gint64                evidence_id);
const char          *dossier_verify_status_to_string  (DossierVerifyStatus   status);

G_END_DECLS
