/* dossier-search-task.c: a full-text search, off the caller's thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one search of the application, used by the window's search page as the user types
 * and by “dossier-cli search”: core's dossier_store_search_cancellable() on a read-only
 * connection of its own, in a worker thread, so that a search over a large dossier never
 * holds up the caller, and a newer text stops the search of an older one.
 */
#include "config.h"

#include "dossier-search.h"
#include "dossier-search-task.h"

typedef struct {
  char         *path;
  char         *text;
  char         *lang;
  guint         limit;
  DossierStore *reader;   /* lent by the caller for this search, given back by the finish */
} Search;

static void
search_free (Search *search)
{
  g_free (search->path);
  g_free (search->text);
  g_free (search->lang);
  g_clear_object (&search->reader);
  g_free (search);
}

/* Touches only its Search, never the caller's objects. */
static void
search_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Search *search = task_data;
  g_autoptr(GPtrArray) hits = NULL;
  GError *error = NULL;

  /* NO_CHECK: the caller's own connection has checked the file, or is checking it; a
   * quick_check here would read the whole file again. */
  if (search->reader == NULL)
    search->reader = dossier_store_open (search->path, DOSSIER_STORE_OPEN_READ_ONLY | DOSSIER_STORE_OPEN_NO_CHECK,
                                         &error);
  if (search->reader != NULL)
    hits = dossier_store_search_cancellable (search->reader, search->text, search->lang, search->limit, cancellable,
                                             &error);
  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&hits), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * dossier_search_async:
 * @dossier_path: the dossier
 * @reader: (transfer full) (nullable): a read-only connection to @dossier_path to search
 *   with, used only by the worker until dossier_search_finish() gives it back; without
 *   one, the worker opens its own
 * @text: what the user typed
 * @lang: "fr" or "en": the language of the titles
 * @limit: the most hits wanted
 * @cancellable: (nullable): stops the search (a newer text, a page closed)
 * @callback: called on the caller's main context when done
 * @user_data: for @callback
 *
 * Searches the dossier as dossier_store_search() does, in a worker thread.
 */
void
dossier_search_async (const char          *dossier_path,
                      DossierStore        *reader,
                      const char          *text,
                      const char          *lang,
                      guint                limit,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Search *search;

  g_return_if_fail (dossier_path != NULL);
  g_return_if_fail (reader == NULL || DOSSIER_IS_STORE (reader));
  g_return_if_fail (text != NULL);

  search = g_new0 (Search, 1);
  search->path = g_strdup (dossier_path);
  search->text = g_strdup (text);
  search->lang = g_strdup (lang);
  search->limit = limit;
  search->reader = reader;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_search_async);
  g_task_set_task_data (task, search, (GDestroyNotify) search_free);
  g_task_run_in_thread (task, search_in_thread);
}

/**
 * dossier_search_finish:
 * @result: the result given to the callback of dossier_search_async()
 * @reader: (out) (transfer full) (optional) (nullable): the connection searched with, for
 *   the next search; %NULL if none could be opened
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type DossierSearchHit): the best hits, best first, or
 *   %NULL (the text cannot be searched for, or the search was cancelled)
 */
GPtrArray *
dossier_search_finish (GAsyncResult  *result,
                       DossierStore **reader,
                       GError       **error)
{
  Search *search;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_search_async, NULL);

  search = g_task_get_task_data (G_TASK (result));
  if (reader != NULL)
    *reader = g_steal_pointer (&search->reader);
  return g_task_propagate_pointer (G_TASK (result), error);
}
