/* dossier-import.c: bringing a JSON interchange file or a bag into a dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one import of the application, used by the window (Import a Package…) and by
 * “dossier-cli import”. A new dossier appears only once whole: killed or cancelled half
 * way, an import into a new dossier leaves nothing; into an existing one, it is one
 * transaction. Imports read and write every record, so they run in a worker thread with a
 * connection of their own.
 */
#include "config.h"

#include "dossier-bagit.h"
#include "dossier-import.h"
#include "dossier-json-io.h"
#include "dossier-store.h"

typedef struct {
  DossierImportFormat  format;
  char                *source;
  char                *path;
  char                *user;
  DossierImportReport  report;
} Import;

static void
import_free (Import *import)
{
  g_free (import->source);
  g_free (import->path);
  g_free (import->user);
  g_free (import);
}

static gboolean
import_json (Import        *import,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(DossierStore) store = NULL;

  if (!g_file_test (import->path, G_FILE_TEST_EXISTS))
    return dossier_json_import_new_file (import->path, import->source, import->user, error);
  /* NO_CHECK: whoever asked has opened and checked the dossier. */
  store = dossier_store_open (import->path, DOSSIER_STORE_OPEN_NO_CHECK, error);
  if (store == NULL)
    return FALSE;
  dossier_store_set_user (store, import->user);
  return dossier_json_import_file (store, import->source, error);
}

static void
import_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Import *import = data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (import->format == DOSSIER_IMPORT_BAGIT)
    ok = dossier_bagit_import (import->source, import->path, import->user, &import->report.restored,
                               &import->report.without_bytes, cancellable, &error);
  else
    ok = import_json (import, cancellable, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * dossier_import_async:
 * @format: what @source is
 * @source: a JSON interchange file, or a bag's folder
 * @dossier_path: the dossier to import into: a new one for a bag; for JSON, a new one, or
 *   an existing one opened and checked by the caller
 * @user: (nullable): who imports, as recorded
 * @cancellable: (nullable): stops a bag's import, which then leaves nothing
 * @callback: called on the caller's main context when done
 * @user_data: for @callback
 *
 * Imports @source in a worker thread.
 */
void
dossier_import_async (DossierImportFormat  format,
                      const char          *source,
                      const char          *dossier_path,
                      const char          *user,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Import *import;

  g_return_if_fail (source != NULL);
  g_return_if_fail (dossier_path != NULL);

  import = g_new0 (Import, 1);
  import->format = format;
  import->source = g_strdup (source);
  import->path = g_strdup (dossier_path);
  import->user = g_strdup (user);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_import_async);
  g_task_set_task_data (task, import, (GDestroyNotify) import_free);
  g_task_run_in_thread (task, import_in_thread);
}

/**
 * dossier_import_finish:
 * @result: the result given to the callback of dossier_import_async()
 * @report: (out caller-allocates) (optional): what a bag brought in
 * @error: return location for a #GError
 *
 * Returns: %TRUE if everything was imported; %FALSE if nothing was
 */
gboolean
dossier_import_finish (GAsyncResult         *result,
                       DossierImportReport  *report,
                       GError              **error)
{
  Import *import;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_import_async, FALSE);

  import = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = import->report;
  return g_task_propagate_boolean (G_TASK (result), error);
}
