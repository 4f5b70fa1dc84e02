/* dossier-ingest.c: bringing files and folders into a dossier as evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one ingest of the application, used by the window (Add Evidence…, files dropped) and
 * by “dossier-cli ingest”. Folders are walked: every regular file below them, in name
 * order. Each file is hashed while its bytes are written, recorded with who ingested it
 * and how it was collected, described with what it says of itself (capture time, position,
 * pages), and linked to an incident if asked. Bytes already in the dossier (the same
 * SHA-256) are not stored twice: the item is reported as there already. The work runs in a
 * worker thread with its own connection; progress comes back through a callback on the
 * caller's main context.
 */
#include "config.h"

#include "dossier-ingest.h"
#include "dossier-link.h"
#include "dossier-locker.h"
#include "dossier-metadata.h"
#include "dossier-store.h"

typedef struct {
  char                 *path;
  char                 *user;
  char                 *collection_method;
  DossierIngestPolicy   policy;
  gint64                incident_id;
  gboolean              bulk_writes;
  GPtrArray            *files;    /* GFile, as given */
  DossierProgressRelay *relay;
} Ingest;

static void
ingest_free (Ingest *ingest)
{
  g_free (ingest->path);
  g_free (ingest->user);
  g_free (ingest->collection_method);
  g_ptr_array_unref (ingest->files);
  dossier_progress_relay_unref (ingest->relay);
  g_free (ingest);
}

static void
item_free (DossierIngestItem *item)
{
  g_clear_object (&item->file);
  g_free (item->code);
  g_free (item->sha256);
  g_ptr_array_unref (item->problems);
  g_free (item);
}

/**
 * dossier_ingest_report_free:
 * @report: (transfer full): what dossier_ingest_finish() gave
 */
void
dossier_ingest_report_free (DossierIngestReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->items);
  g_free (report);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *x = g_file_get_basename (*(GFile **) a);
  g_autofree char *y = g_file_get_basename (*(GFile **) b);

  return g_strcmp0 (x, y);
}

/* Folders are walked: every regular file below them, in name order. @origins gets the
 * index of the given file each one was found under. */
static void
collect_files (GFile        *file,
               guint         origin,
               GPtrArray    *into,
               GArray       *origins,
               GCancellable *cancellable)
{
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GFileInfo *info;

  if (type == G_FILE_TYPE_DIRECTORY)
    children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, NULL);
  if (children == NULL)
    {
      /* Not a folder, or one that cannot be read: the ingest says why. */
      g_ptr_array_add (into, g_object_ref (file));
      g_array_append_val (origins, origin);
      return;
    }
  found = g_ptr_array_new_with_free_func (g_object_unref);
  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      g_ptr_array_add (found, g_file_get_child (file, g_file_info_get_name (info)));
      g_object_unref (info);
    }
  g_ptr_array_sort (found, compare_files);
  for (guint i = 0; i < found->len; i++)
    collect_files (found->pdata[i], origin, into, origins, cancellable);
}

/* Links the item to the incident, unless it is already (a duplicate may be). */
static gboolean
link_to_incident (DossierStore  *store,
                  gint64         evidence_id,
                  gint64         incident_id,
                  GError       **error)
{
  g_autoptr(GPtrArray) links = dossier_store_list_links (store, DOSSIER_LINK_EVIDENCE_INCIDENT, evidence_id, incident_id,
                                                         error);
  g_autoptr(DossierLink) link = NULL;

  if (links == NULL)
    return FALSE;
  if (links->len > 0)
    return TRUE;
  link = dossier_store_link (store, DOSSIER_LINK_EVIDENCE_INCIDENT, evidence_id, incident_id, NULL, NULL, error);
  return link != NULL;
}

/* One file: brought in, described, linked. Returns FALSE only when the policy says the
 * whole batch stops (@error set); otherwise what went wrong is in the item's problems. */
static gboolean
ingest_one (Ingest             *ingest,
            DossierStore       *store,
            DossierIngestItem  *item,
            GCancellable       *cancellable,
            GError            **error)
{
  gboolean each = ingest->policy == DOSSIER_INGEST_EACH_FILE;
  g_autoptr(DossierIngestResult) result = NULL;
  g_autoptr(GError) local = NULL;

  result = dossier_locker_ingest (store, item->file, ingest->collection_method, NULL, cancellable,
                                  dossier_progress_relay_bytes, ingest->relay, &local);
  if (result == NULL)
    {
      item->outcome = DOSSIER_INGEST_FAILED;
      /* Cancelled is not something wrong with the file. */
      if (!each || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_ptr_array_add (item->problems, g_strdup (local->message));
      return TRUE;
    }
  item->outcome = result->duplicate ? DOSSIER_INGEST_DUPLICATE : DOSSIER_INGEST_ADDED;
  item->evidence_id = result->evidence_id;
  item->code = g_strdup (result->code);
  item->sha256 = g_strdup (result->sha256);
  /* Capture time, position, pages: what the file says of itself, if it says it. */
  if (!result->duplicate && !dossier_metadata_apply (store, result->evidence_id, item->file, &local))
    {
      if (!each)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_ptr_array_add (item->problems, g_strdup (local->message));
      g_clear_error (&local);
    }
  if (ingest->incident_id > 0 && !link_to_incident (store, result->evidence_id, ingest->incident_id, &local))
    {
      if (!each)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_ptr_array_add (item->problems, g_strdup (local->message));
    }
  return TRUE;
}

static DossierIngestReport *
ingest_files (Ingest        *ingest,
              DossierStore  *store,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(DossierIngestReport) report = g_new0 (DossierIngestReport, 1);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) origins = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean all = ingest->policy == DOSSIER_INGEST_ALL_OR_NOTHING;

  report->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  dossier_progress_relay_set_step (ingest->relay, 0, 0, NULL);
  for (guint i = 0; i < ingest->files->len; i++)
    collect_files (ingest->files->pdata[i], i, files, origins, cancellable);

  /* All or nothing: one transaction around the whole batch, each item a savepoint in it. */
  if (all && !dossier_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < files->len; i++)
    {
      DossierIngestItem *item = g_new0 (DossierIngestItem, 1);
      g_autofree char *name = g_file_get_parse_name (files->pdata[i]);
      g_autofree char *base = g_path_get_basename (name);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          item_free (item);
          if (all)
            dossier_store_rollback (store);
          return NULL;
        }
      item->file = g_object_ref (files->pdata[i]);
      item->origin = g_array_index (origins, guint, i);
      item->problems = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (report->items, item);
      dossier_progress_relay_set_step (ingest->relay, i, files->len, base);
      if (!ingest_one (ingest, store, item, cancellable, error))
        {
          if (all)
            dossier_store_rollback (store);
          return NULL;
        }
      report->added += item->outcome == DOSSIER_INGEST_ADDED;
    }
  /* An item is in once committed, which a full disk can refuse. */
  if (all && !dossier_store_commit (store, error))
    {
      dossier_store_rollback (store);
      return NULL;
    }
  return g_steal_pointer (&report);
}

static void
ingest_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  Ingest *ingest = data;
  g_autoptr(GError) error = NULL;
  /* NO_CHECK: whoever started the ingest has the file open and checked. */
  g_autoptr(DossierStore) store = dossier_store_open (ingest->path, DOSSIER_STORE_OPEN_NO_CHECK, &error);
  DossierIngestReport *report;
  gboolean bulk = FALSE;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  dossier_store_set_user (store, ingest->user);
  /* The dossier goes back to WAL however the batch ends. */
  if (ingest->bulk_writes)
    bulk = dossier_store_set_bulk_writes (store, TRUE);
  report = ingest_files (ingest, store, cancellable, &error);
  if (bulk)
    dossier_store_set_bulk_writes (store, FALSE);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) dossier_ingest_report_free);
}

/**
 * dossier_ingest_async:
 * @dossier_path: the dossier, open for writing by the caller or not
 * @files: (element-type GFile): files and folders to bring in
 * @options: the policy, and who, how and what to link to
 * @progress: (nullable) (scope notified): told, on the caller's main context, which file
 *   is being brought in (of how many; no name while folders are walked) and how many of
 *   its bytes are written
 * @progress_data: for @progress
 * @progress_notify: (nullable): frees @progress_data, from whichever thread lets go last
 * @cancellable: (nullable): stops between two chunks; what was being written is not kept
 * @callback: called on the caller's main context when done
 * @user_data: for @callback
 *
 * Brings the files in, in a worker thread with its own connection, as the policy says:
 * %DOSSIER_INGEST_EACH_FILE goes on past a file that fails and reports it, each item all
 * in or not at all; %DOSSIER_INGEST_ALL_OR_NOTHING leaves the dossier as it was unless
 * every file is in. Cancelled, an ingest keeps the items already in (each file) or
 * nothing (all or nothing), and never part of one.
 */
void
dossier_ingest_async (const char                 *dossier_path,
                      GPtrArray                  *files,
                      const DossierIngestOptions *options,
                      DossierTaskProgressFunc     progress,
                      gpointer                    progress_data,
                      GDestroyNotify              progress_notify,
                      GCancellable               *cancellable,
                      GAsyncReadyCallback         callback,
                      gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  Ingest *ingest;

  g_return_if_fail (dossier_path != NULL);
  g_return_if_fail (files != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  ingest = g_new0 (Ingest, 1);
  ingest->path = g_strdup (dossier_path);
  ingest->user = g_strdup (options->user);
  ingest->collection_method = g_strdup (options->collection_method);
  ingest->policy = options->policy;
  ingest->incident_id = options->incident_id;
  ingest->bulk_writes = options->bulk_writes;
  ingest->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (ingest->files, g_object_ref (files->pdata[i]));
  ingest->relay = dossier_progress_relay_new (progress, progress_data, progress_notify);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_ingest_async);
  g_task_set_task_data (task, ingest, (GDestroyNotify) ingest_free);
  g_task_run_in_thread (task, ingest_in_thread);
}

/**
 * dossier_ingest_finish:
 * @result: the result given to the callback of dossier_ingest_async()
 * @error: return location for a #GError
 *
 * Returns: (transfer full): what each file became, or %NULL: the dossier could not be
 *   opened, the ingest was cancelled, or (all or nothing) a file failed
 */
DossierIngestReport *
dossier_ingest_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_ingest_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
