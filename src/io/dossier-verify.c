/* dossier-verify.c: checking every evidence item of a dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one verification of the locker, used by the window (Verify Evidence) and by
 * “dossier-cli verify”: every item's bytes against the SHA-256 they were ingested with,
 * and its custody chain link by link. It reads the whole locker, so it runs in a worker
 * thread with its own connection, and tells how many items are done as it goes.
 */
#include "config.h"

#include "dossier-locker.h"
#include "dossier-store.h"
#include "dossier-verify.h"

typedef struct {
  char                 *path;
  char                 *user;
  gboolean              record;
  DossierProgressRelay *relay;
} Verify;

static void
verify_free (Verify *verify)
{
  g_free (verify->path);
  g_free (verify->user);
  dossier_progress_relay_unref (verify->relay);
  g_free (verify);
}

static void
verify_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Verify *verify = data;
  g_autoptr(GError) error = NULL;
  /* NO_CHECK: whoever started the verification has opened and checked the file. */
  g_autoptr(DossierStore) store = dossier_store_open (verify->path, DOSSIER_STORE_OPEN_NO_CHECK |
                                                     (verify->record ? 0 : DOSSIER_STORE_OPEN_READ_ONLY), &error);
  GPtrArray *report;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  dossier_store_set_user (store, verify->user);
  report = dossier_locker_verify (store, verify->record, cancellable, dossier_progress_relay_bytes, verify->relay,
                                  &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * dossier_verify_async:
 * @dossier_path: the dossier, opened and checked by the caller
 * @options: whether the checks are recorded, and by whom
 * @progress: (nullable) (scope notified): told, on the caller's main context, how many
 *   items are done (`done`) of how many (`total`)
 * @progress_data: for @progress
 * @progress_notify: (nullable): frees @progress_data, from whichever thread lets go last
 * @cancellable: (nullable): to stop between two items
 * @callback: called on the caller's main context when done
 * @user_data: for @callback
 *
 * Verifies every evidence item in a worker thread, as dossier_locker_verify() does; each
 * check recorded is a whole custody event, so a cancelled verification leaves none half
 * written.
 */
void
dossier_verify_async (const char                 *dossier_path,
                      const DossierVerifyOptions *options,
                      DossierTaskProgressFunc     progress,
                      gpointer                    progress_data,
                      GDestroyNotify              progress_notify,
                      GCancellable               *cancellable,
                      GAsyncReadyCallback         callback,
                      gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  Verify *verify;

  g_return_if_fail (dossier_path != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  verify = g_new0 (Verify, 1);
  verify->path = g_strdup (dossier_path);
  verify->user = g_strdup (options->user);
  verify->record = options->record;
  verify->relay = dossier_progress_relay_new (progress, progress_data, progress_notify);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_verify_async);
  g_task_set_task_data (task, verify, (GDestroyNotify) verify_free);
  g_task_run_in_thread (task, verify_in_thread);
}

/**
 * dossier_verify_finish:
 * @result: the result given to the callback of dossier_verify_async()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DossierVerifyItem): each item as intact, altered,
 *   missing its bytes or with its log broken, or %NULL if the dossier could not be read
 */
GPtrArray *
dossier_verify_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_verify_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
