/* dossier-query-worker.h: one read of the dossier at a time, aside, the latest asked for next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dossier-store.h"

G_BEGIN_DECLS

/* What an owner tells its worker. @make runs in the main context when the worker is free
 * and something was asked for: it returns the job for what the owner needs now (freed with
 * @job_free), or %NULL when nothing needs reading. @run runs in the worker thread, on the
 * worker's own read-only connection, and returns the result (freed with @result_free) or
 * %NULL with @error set. @done runs in the main context with the job, the result (transfer
 * full, %NULL on error) and the generation the job was made in. */
typedef struct {
  gpointer       (*make)        (gpointer       owner);
  GDestroyNotify   job_free;
  gpointer       (*run)         (DossierStore  *reader,
                                 gpointer       job,
                                 GCancellable  *cancellable,
                                 GError       **error);
  GDestroyNotify   result_free;
  void           (*done)        (gpointer       owner,
                                 gpointer       job,
                                 gpointer       result,
                                 guint          generation,
                                 const GError  *error);
} DossierQueryWorkerFuncs;

#define DOSSIER_TYPE_QUERY_WORKER (dossier_query_worker_get_type ())
G_DECLARE_FINAL_TYPE (DossierQueryWorker, dossier_query_worker, DOSSIER, QUERY_WORKER, GObject)

DossierQueryWorker *dossier_query_worker_new            (DossierStore                  *store,
                                                         const DossierQueryWorkerFuncs *funcs,
                                                         gpointer                       owner);
void                dossier_query_worker_queue          (DossierQueryWorker            *self);
void                dossier_query_worker_invalidate     (DossierQueryWorker            *self);
guint               dossier_query_worker_get_generation (DossierQueryWorker            *self);
gboolean            dossier_query_worker_is_busy        (DossierQueryWorker            *self);
void                dossier_query_worker_stop           (DossierQueryWorker            *self);

G_END_DECLS
