/* dossier-progress-relay.c: a use case's progress, from its worker thread to its caller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A worker reports progress far more often than anyone can read it (after every MiB of a
 * file). The relay keeps only the latest state, under a lock, and has at most one delivery
 * waiting on the caller's main context: the caller's callback sees the newest state, in its
 * own thread, and never a backlog. Deliveries are of high priority, so that every one the
 * worker asked for runs before the use case's own completion (of default priority), never
 * after it.
 */
#include "config.h"

#include "dossier-progress-relay.h"

struct _DossierProgressRelay {
  gatomicrefcount          ref_count;
  GMainContext            *context;
  DossierTaskProgressFunc  func;
  gpointer                 user_data;
  GDestroyNotify           notify;

  GMutex                   lock;
  gboolean                 scheduled;  /* a delivery waits on @context */
  guint                    step;
  guint                    n_steps;
  char                    *name;
  guint64                  done;
  guint64                  total;
};

/**
 * dossier_progress_relay_new:
 * @func: (nullable): called with each state, on the thread-default main context of the caller
 * @user_data: for @func
 * @notify: (nullable): frees @user_data when the relay goes
 *
 * Returns: (transfer full): a relay to hand to a worker
 */
DossierProgressRelay *
dossier_progress_relay_new (DossierTaskProgressFunc func,
                            gpointer                user_data,
                            GDestroyNotify          notify)
{
  DossierProgressRelay *self = g_new0 (DossierProgressRelay, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->context = g_main_context_ref_thread_default ();
  self->func = func;
  self->user_data = user_data;
  self->notify = notify;
  return self;
}

DossierProgressRelay *
dossier_progress_relay_ref (DossierProgressRelay *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dossier_progress_relay_unref (DossierProgressRelay *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  if (self->notify != NULL)
    self->notify (self->user_data);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->lock);
  g_free (self->name);
  g_free (self);
}

/* On the caller's main context. */
static gboolean
deliver (gpointer data)
{
  DossierProgressRelay *self = data;
  g_autofree char *name = NULL;
  DossierTaskProgress progress;

  g_mutex_lock (&self->lock);
  self->scheduled = FALSE;
  name = g_strdup (self->name);
  progress = (DossierTaskProgress) {
    .step = self->step,
    .n_steps = self->n_steps,
    .name = name,
    .done = self->done,
    .total = self->total,
  };
  g_mutex_unlock (&self->lock);
  self->func (&progress, self->user_data);
  return G_SOURCE_REMOVE;
}

/* Called with the lock held. */
static void
schedule (DossierProgressRelay *self)
{
  g_autoptr(GSource) source = NULL;

  if (self->func == NULL || self->scheduled)
    return;
  self->scheduled = TRUE;
  /* A source of its own rather than g_main_context_invoke(), which would call @func right
   * here, in the worker, whenever the caller's context happens to be free. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_callback (source, deliver, dossier_progress_relay_ref (self), (GDestroyNotify) dossier_progress_relay_unref);
  g_source_set_static_name (source, "[dossier] progress");
  g_source_attach (source, self->context);
}

/**
 * dossier_progress_relay_set_step:
 * @self: a #DossierProgressRelay
 * @step: the step now under way, from 0
 * @n_steps: how many there are, or 0 while not known
 * @name: (nullable): what it works on
 *
 * From the worker: a new step starts, nothing of it done yet.
 */
void
dossier_progress_relay_set_step (DossierProgressRelay *self,
                                 guint                 step,
                                 guint                 n_steps,
                                 const char           *name)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  self->step = step;
  self->n_steps = n_steps;
  g_free (self->name);
  self->name = g_strdup (name);
  self->done = 0;
  self->total = 0;
  schedule (self);
  g_mutex_unlock (&self->lock);
}

/**
 * dossier_progress_relay_set_done:
 * @self: a #DossierProgressRelay
 * @done: how much of the step is done
 * @total: of how much
 *
 * From the worker: the step goes on.
 */
void
dossier_progress_relay_set_done (DossierProgressRelay *self,
                                 guint64               done,
                                 guint64               total)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  self->done = done;
  self->total = total;
  schedule (self);
  g_mutex_unlock (&self->lock);
}

void
dossier_progress_relay_bytes (guint64  done,
                              guint64  total,
                              gpointer relay)
{
  dossier_progress_relay_set_done (relay, done, total);
}
