/* dossier-progress-relay.h: a use case's progress, from its worker thread to its caller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How far a long use case (ingest, verify, import) has gone: which of its steps (a file,
 * an item) is under way, and how much of that step is done. */
typedef struct {
  guint        step;       /* the step under way, from 0 */
  guint        n_steps;    /* how many there are; 0 while not known yet */
  const char  *name;       /* what the step works on (a file's name), or %NULL */
  guint64      done;       /* within the step: bytes, or items */
  guint64      total;
} DossierTaskProgress;

/* Called on the main context the use case was started from, never in its worker. */
typedef void (*DossierTaskProgressFunc) (const DossierTaskProgress *progress,
                                         gpointer                   user_data);

typedef struct _DossierProgressRelay DossierProgressRelay;

DossierProgressRelay *dossier_progress_relay_new      (DossierTaskProgressFunc  func,
                                                       gpointer                 user_data,
                                                       GDestroyNotify           notify);
DossierProgressRelay *dossier_progress_relay_ref      (DossierProgressRelay    *self);
void                  dossier_progress_relay_unref    (DossierProgressRelay    *self);
void                  dossier_progress_relay_set_step (DossierProgressRelay    *self,
                                                       guint                    step,
                                                       guint                    n_steps,
                                                       const char              *name);
void                  dossier_progress_relay_set_done (DossierProgressRelay    *self,
                                                       guint64                  done,
                                                       guint64                  total);
/* A DossierProgressFunc (bytes done of a total) for core's long calls. */
void                  dossier_progress_relay_bytes    (guint64                  done,
                                                       guint64                  total,
                                                       gpointer                 relay);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierProgressRelay, dossier_progress_relay_unref)

G_END_DECLS
