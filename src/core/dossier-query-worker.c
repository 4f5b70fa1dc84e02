/* dossier-query-worker.c: one read of the dossier at a time, aside, the latest asked for next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map and the timeline read thousands of incidents each time the view or the filter
 * changes: in a thread, so that frames go on being drawn, on a read-only connection of
 * their own (SQLite connections are not shared between threads). Changes come faster than
 * reads end (a pan is dozens of viewport changes a second), so one job runs at a time and
 * whatever is asked for meanwhile is made only when it ends, from what the owner needs
 * then: the requests in between cost nothing. A generation tells a result read for what
 * was since changed (another colouring, an edit) from a current one.
 */
#include "config.h"

#include "dossier-query-worker.h"

struct _DossierQueryWorker
{
  GObject                        parent_instance;

  DossierStore                  *store;
  DossierStore                  *reader;      /* opened at the first job, used by one job at a time */
  const DossierQueryWorkerFuncs *funcs;
  gpointer                       owner;       /* not a reference: it stops the worker when it goes */
  GCancellable                  *cancellable;
  guint                          generation;
  gboolean                       running;
  gboolean                       pending;     /* asked for while running: made when it ends */
  gboolean                       stopped;
};

G_DEFINE_FINAL_TYPE (DossierQueryWorker, dossier_query_worker, G_TYPE_OBJECT)

typedef struct {
  const DossierQueryWorkerFuncs *funcs;
  DossierStore                  *reader;
  gpointer                       job;
  guint                          generation;
} Running;

static void
running_free (Running *running)
{
  g_clear_object (&running->reader);
  if (running->job != NULL)
    running->funcs->job_free (running->job);
  g_free (running);
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Running *running = data;
  GError *error = NULL;
  gpointer result = running->funcs->run (running->reader, running->job, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, running->funcs->result_free);
}

static void
job_ended (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  DossierQueryWorker *self = DOSSIER_QUERY_WORKER (source);
  Running *running = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gpointer read = g_task_propagate_pointer (G_TASK (result), &error);

  /* Stopped while reading: its owner is gone, nothing more to show or to read. */
  if (self->stopped)
    {
      if (read != NULL)
        self->funcs->result_free (read);
      return;
    }
  self->running = FALSE;
  self->funcs->done (self->owner, running->job, read, running->generation, error);
  if (self->pending)
    {
      self->pending = FALSE;
      dossier_query_worker_queue (self);
    }
}

static void
dossier_query_worker_dispose (GObject *object)
{
  DossierQueryWorker *self = DOSSIER_QUERY_WORKER (object);

  dossier_query_worker_stop (self);
  g_clear_object (&self->reader);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (dossier_query_worker_parent_class)->dispose (object);
}

static void
dossier_query_worker_finalize (GObject *object)
{
  DossierQueryWorker *self = DOSSIER_QUERY_WORKER (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (dossier_query_worker_parent_class)->finalize (object);
}

static void
dossier_query_worker_class_init (DossierQueryWorkerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_query_worker_dispose;
  G_OBJECT_CLASS (klass)->finalize = dossier_query_worker_finalize;
}

static void
dossier_query_worker_init (DossierQueryWorker *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * dossier_query_worker_new:
 * @store: the dossier, whose file the worker opens again to read aside
 * @funcs: (not nullable): how jobs are made, run and shown; kept, not copied (a static)
 * @owner: given to @funcs: the worker holds no reference to it, so it must call
 *   dossier_query_worker_stop() before it goes
 *
 * Returns: (transfer full): a worker with nothing to do yet
 */
DossierQueryWorker *
dossier_query_worker_new (DossierStore                  *store,
                          const DossierQueryWorkerFuncs *funcs,
                          gpointer                       owner)
{
  DossierQueryWorker *self;

  g_return_val_if_fail (DOSSIER_IS_STORE (store), NULL);
  g_return_val_if_fail (funcs != NULL && funcs->make != NULL && funcs->run != NULL && funcs->done != NULL, NULL);
  g_return_val_if_fail (funcs->job_free != NULL && funcs->result_free != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_QUERY_WORKER, NULL);
  self->store = g_object_ref (store);
  self->funcs = funcs;
  self->owner = owner;
  return self;
}

/**
 * dossier_query_worker_queue:
 * @self: a #DossierQueryWorker
 *
 * Asks for a read of what the owner needs now: the job is made at once if none runs,
 * otherwise when the running one ends (once, however often this was called meanwhile).
 * An error opening the dossier is given to the owner's done function, with no job.
 */
void
dossier_query_worker_queue (DossierQueryWorker *self)
{
  g_autoptr(GTask) task = NULL;
  Running *running;
  gpointer job;

  g_return_if_fail (DOSSIER_IS_QUERY_WORKER (self));

  if (self->stopped)
    return;
  if (self->running)
    {
      self->pending = TRUE;
      return;
    }
  if (self->reader == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->reader = dossier_store_open_reader (self->store, &error);
      if (self->reader == NULL)
        {
          self->funcs->done (self->owner, NULL, NULL, self->generation, error);
          return;
        }
    }
  job = self->funcs->make (self->owner);
  if (job == NULL)
    return;

  running = g_new0 (Running, 1);
  running->funcs = self->funcs;
  running->reader = g_object_ref (self->reader);
  running->job = job;
  running->generation = self->generation;
  self->running = TRUE;
  task = g_task_new (self, self->cancellable, job_ended, NULL);
  g_task_set_source_tag (task, dossier_query_worker_queue);
  g_task_set_task_data (task, running, (GDestroyNotify) running_free);
  g_task_run_in_thread (task, run_in_thread);
}

/**
 * dossier_query_worker_invalidate:
 * @self: a #DossierQueryWorker
 *
 * What was read is out of date (an edit, another colouring): starts a new generation,
 * so that a result read before is known as such, and asks for a read.
 */
void
dossier_query_worker_invalidate (DossierQueryWorker *self)
{
  g_return_if_fail (DOSSIER_IS_QUERY_WORKER (self));

  self->generation++;
  dossier_query_worker_queue (self);
}

/**
 * dossier_query_worker_get_generation:
 * @self: a #DossierQueryWorker
 *
 * Returns: the current generation: a result made in another one is out of date
 */
guint
dossier_query_worker_get_generation (DossierQueryWorker *self)
{
  g_return_val_if_fail (DOSSIER_IS_QUERY_WORKER (self), 0);
  return self->generation;
}

/**
 * dossier_query_worker_is_busy:
 * @self: a #DossierQueryWorker
 *
 * Returns: %TRUE while a job runs or another waits for it
 */
gboolean
dossier_query_worker_is_busy (DossierQueryWorker *self)
{
  g_return_val_if_fail (DOSSIER_IS_QUERY_WORKER (self), FALSE);
  return self->running || self->pending;
}

/**
 * dossier_query_worker_stop:
 * @self: a #DossierQueryWorker
 *
 * Cancels the running job and makes no other: the owner's functions are not called again.
 * The running job's thread ends on its own, holding what it needs.
 */
void
dossier_query_worker_stop (DossierQueryWorker *self)
{
  g_return_if_fail (DOSSIER_IS_QUERY_WORKER (self));

  self->stopped = TRUE;
  self->pending = FALSE;
  g_cancellable_cancel (self->cancellable);
}
