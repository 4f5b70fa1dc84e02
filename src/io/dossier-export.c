/* dossier-export.c: exporting a dossier, one use case for the Export dialog and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every export runs the same way whoever asks: in a worker thread, on a connection of its
 * own (SQLite's rule: one connection per thread), with its progress relayed to the caller's
 * main context and stopped by the caller's GCancellable. What leaves is decided by the
 * profile's DossierRedaction inside each exporter; this file only chooses the exporter.
 */
#include "config.h"

#include "dossier-bagit.h"
#include "dossier-export.h"
#include "dossier-json-io.h"

typedef struct {
  char                  *dossier_path;
  char                  *out;
  char                  *user;
  char                  *lang;
  DossierExportOptions   options;
  DossierAnnexOptions    annex;
  DossierProgressRelay  *relay;
} Export;

static void
export_free (Export *export)
{
  g_free (export->dossier_path);
  g_free (export->out);
  g_free (export->user);
  g_free (export->lang);
  g_clear_pointer (&export->annex.incident_ids, g_array_unref);
  dossier_progress_relay_unref (export->relay);
  g_free (export);
}

static gboolean
run (Export        *export,
     DossierStore  *store,
     GCancellable  *cancellable,
     GError       **error)
{
  const DossierExportOptions *options = &export->options;

  switch (options->kind)
    {
    case DOSSIER_EXPORT_ANNEX:
      return dossier_annex_write_pdf (store, &export->annex, export->out, error);
    case DOSSIER_EXPORT_TABLE:
      return dossier_export_table_csv (store, options->table, options->profile, export->out, error);
    case DOSSIER_EXPORT_TABLES:
      return dossier_export_tables_csv (store, options->profile, export->out, error);
    case DOSSIER_EXPORT_INCIDENTS:
      return dossier_export_incidents (store, options->format, options->profile, export->out, error);
    case DOSSIER_EXPORT_INTERCHANGE:
      return dossier_json_export_file_profile (store, options->profile, export->out, error);
    case DOSSIER_EXPORT_BAG:
      /* A bag holds the whole dossier and its evidence: for the archive, not for outsiders. */
      return dossier_bagit_export (store, export->out, cancellable, error);
    default:
      g_assert_not_reached ();
    }
}

static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Export *export = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  /* The bag logs each item's export in its custody chain: it needs to write. */
  gboolean writes = export->options.kind == DOSSIER_EXPORT_BAG;
  DossierStoreOpenFlags flags = (writes ? 0 : DOSSIER_STORE_OPEN_READ_ONLY) |
                                (export->options.open_elsewhere ? DOSSIER_STORE_OPEN_NO_CHECK : 0);

  store = dossier_store_open (export->dossier_path, flags, &error);
  /* Nothing is written into a dossier before the whole file is known to be intact. */
  if (store != NULL && writes && !export->options.open_elsewhere &&
      !dossier_store_check_integrity (store, NULL, &error))
    g_clear_object (&store);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  dossier_store_set_user (store, export->user);
  if (run (export, store, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * dossier_export_async:
 * @dossier_path: the dossier's file
 * @options: what to export, for whom
 * @out: the file (or, for every table and a bag, the new folder) to write
 * @progress: (nullable): called on the caller's main context as the export goes on
 * @progress_data: for @progress
 * @progress_notify: (nullable): frees @progress_data when the export is over
 * @cancellable: (nullable): stops the export, which then leaves nothing behind
 * @callback: called when the export is over
 * @user_data: for @callback
 *
 * Exports the dossier in a worker thread. The annex reports its progress (of its pages'
 * rows); the other exports are quick and report none.
 */
void
dossier_export_async (const char                 *dossier_path,
                      const DossierExportOptions *options,
                      const char                 *out,
                      DossierTaskProgressFunc     progress,
                      gpointer                    progress_data,
                      GDestroyNotify              progress_notify,
                      GCancellable               *cancellable,
                      GAsyncReadyCallback         callback,
                      gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  Export *export;

  g_return_if_fail (dossier_path != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->kind != DOSSIER_EXPORT_ANNEX || options->annex != NULL);
  g_return_if_fail (options->kind != DOSSIER_EXPORT_BAG || options->profile == DOSSIER_PROFILE_INTERNAL);
  g_return_if_fail (out != NULL);

  export = g_new0 (Export, 1);
  export->dossier_path = g_strdup (dossier_path);
  export->out = g_strdup (out);
  export->user = g_strdup (options->user);
  export->options = *options;
  export->options.user = export->user;
  export->relay = dossier_progress_relay_new (progress, progress_data, progress_notify);
  if (options->annex != NULL)
    {
      export->annex = *options->annex;
      export->lang = g_strdup (options->annex->lang);
      export->annex.lang = export->lang;
      if (options->annex->incident_ids != NULL)
        export->annex.incident_ids = g_array_ref (options->annex->incident_ids);
      export->annex.profile = options->profile;
      export->annex.progress = dossier_progress_relay_bytes;
      export->annex.progress_data = export->relay;
      export->annex.cancellable = cancellable;
      export->options.annex = &export->annex;
    }
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_export_async);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_in_thread);
}

/**
 * dossier_export_finish:
 * @result: the result given to the callback of dossier_export_async()
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the whole export was written
 */
gboolean
dossier_export_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
