/* test-usecases.c: the use cases shared by the window and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ingest's policies (a failing file in a folder: file by file goes on and reports it, all
 * or nothing leaves the dossier as it was), cancellation leaving nothing half written, and
 * progress reported through the callback on the caller's thread.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "dossier-ingest.h"
#include "dossier-locker.h"
#include "dossier-test-util.h"
#include "dossier-verify.h"

/* ---- Waiting for a use case on the main context ---- */

static void
on_finished (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GAsyncResult **out = data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* Pseudo-random bytes, so that no two files share their SHA-256. */
static void
write_random (const char *path,
              gsize       size,
              guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = g_rand_int (rand) & 0xff;
  dossier_test_write_file (path, (const char *) data, size);
}

/* A folder of three files of which the middle one (by name) cannot be read: a link to
 * nothing. */
static char *
make_folder (const char *name)
{
  g_autofree char *folder = dossier_test_tmp_path (name);
  g_autofree char *a = g_build_filename (folder, "a-notes.txt", NULL);
  g_autofree char *b = g_build_filename (folder, "b-gone.txt", NULL);
  g_autofree char *c = g_build_filename (folder, "c-photo.bin", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  dossier_test_write_file (a, "Entretien du 3 mars.\n", -1);
  g_assert_cmpint (symlink ("/nonexistent/dossier-test", b), ==, 0);
  write_random (c, 3000, 7);
  return g_steal_pointer (&folder);
}

static GPtrArray *
files_of (const char *path)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (files, g_file_new_for_path (path));
  return files;
}

static gint64
count_evidence (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = dossier_store_open (path, DOSSIER_STORE_OPEN_READ_ONLY, &error);

  g_assert_no_error (error);
  return dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL);
}

static char *
new_dossier (const char *name)
{
  g_autoptr(DossierStore) store = dossier_test_new_store (name);

  return g_strdup (dossier_store_get_path (store));
}

/* ---- Policies ---- */

static void
test_ingest_each_file (void)
{
  g_autofree char *path = new_dossier ("each.dossier");
  g_autofree char *folder = make_folder ("each");
  g_autoptr(GPtrArray) files = files_of (folder);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DossierIngestReport) report = NULL;
  g_autoptr(GError) error = NULL;
  DossierIngestOptions options = { .policy = DOSSIER_INGEST_EACH_FILE, .user = "tester" };
  DossierIngestItem *item;

  dossier_ingest_async (path, files, &options, NULL, NULL, NULL, NULL, on_finished, &result);
  report = dossier_ingest_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);

  /* The folder was walked in name order; the file that failed was named, and the others
   * went on past it. */
  g_assert_cmpuint (report->items->len, ==, 3);
  g_assert_cmpuint (report->added, ==, 2);
  item = report->items->pdata[0];
  g_assert_cmpint (item->outcome, ==, DOSSIER_INGEST_ADDED);
  g_assert_cmpuint (item->origin, ==, 0);
  g_assert_cmpuint (item->problems->len, ==, 0);
  g_assert_nonnull (item->code);
  item = report->items->pdata[1];
  g_assert_cmpint (item->outcome, ==, DOSSIER_INGEST_FAILED);
  g_assert_cmpuint (item->problems->len, ==, 1);
  {
    g_autofree char *base = g_file_get_basename (item->file);

    g_assert_cmpstr (base, ==, "b-gone.txt");
  }
  item = report->items->pdata[2];
  g_assert_cmpint (item->outcome, ==, DOSSIER_INGEST_ADDED);
  g_assert_cmpint (count_evidence (path), ==, 2);

  /* Again: the bytes are there, reported as duplicates, not added twice. */
  g_clear_object (&result);
  g_clear_pointer (&report, dossier_ingest_report_free);
  dossier_ingest_async (path, files, &options, NULL, NULL, NULL, NULL, on_finished, &result);
  report = dossier_ingest_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpint (((DossierIngestItem *) report->items->pdata[0])->outcome, ==, DOSSIER_INGEST_DUPLICATE);
  g_assert_cmpint (((DossierIngestItem *) report->items->pdata[2])->outcome, ==, DOSSIER_INGEST_DUPLICATE);
  g_assert_cmpint (count_evidence (path), ==, 2);
}

static void
test_ingest_all_or_nothing (void)
{
  g_autofree char *path = new_dossier ("all.dossier");
  g_autofree char *folder = make_folder ("all");
  g_autoptr(GPtrArray) files = files_of (folder);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DossierIngestReport) report = NULL;
  g_autoptr(GError) error = NULL;
  DossierIngestOptions options = { .policy = DOSSIER_INGEST_ALL_OR_NOTHING, .user = "tester", .bulk_writes = TRUE };

  dossier_ingest_async (path, files, &options, NULL, NULL, NULL, NULL, on_finished, &result);
  report = dossier_ingest_finish (wait_for (&result), &error);
  /* The first file was in when the second failed: it is gone with the rest. */
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (count_evidence (path), ==, 0);

  /* Without the file that fails, every one goes in. */
  {
    g_autofree char *gone = g_build_filename (folder, "b-gone.txt", NULL);

    g_assert_cmpint (g_unlink (gone), ==, 0);
  }
  g_clear_object (&result);
  g_clear_error (&error);
  dossier_ingest_async (path, files, &options, NULL, NULL, NULL, NULL, on_finished, &result);
  report = dossier_ingest_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 2);
  g_assert_cmpint (count_evidence (path), ==, 2);
}

/* ---- Cancellation ---- */

typedef struct {
  GCancellable *cancellable;
  guint         cancel_at_step;
  guint         calls;
} Canceller;

/* Cancels once the chosen file has some of its bytes written, not all. */
static void
cancel_mid_file (const DossierTaskProgress *progress,
                 gpointer                   data)
{
  Canceller *canceller = data;

  canceller->calls++;
  if (progress->name != NULL && progress->step == canceller->cancel_at_step && progress->done > 0)
    g_cancellable_cancel (canceller->cancellable);
}

static void
check_cancelled (DossierIngestPolicy policy,
                 const char         *name,
                 gint64              expected)
{
  g_autofree char *path = new_dossier (name);
  g_autofree char *first = g_strconcat (path, "-first.txt", NULL);
  g_autofree char *big = g_strconcat (path, "-big.bin", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DossierIngestReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStore) store = NULL;
  DossierIngestOptions options = { .policy = policy, .user = "tester" };
  Canceller canceller = { cancellable, 1, 0 };

  dossier_test_write_file (first, "Premier fichier.\n", -1);
  /* Many chunks: the worker sees the cancellation before the last. */
  write_random (big, 64 * DOSSIER_CHUNK_SIZE, 11);
  g_ptr_array_add (files, g_file_new_for_path (first));
  g_ptr_array_add (files, g_file_new_for_path (big));
  dossier_ingest_async (path, files, &options, cancel_mid_file, &canceller, NULL, cancellable, on_finished, &result);
  report = dossier_ingest_finish (wait_for (&result), &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (canceller.calls, >, 0);

  /* The item being written is not there at all: no item, no chunk, no custody event. */
  g_clear_error (&error);
  store = dossier_store_open (path, DOSSIER_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence", NULL), ==, expected);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence_chunk WHERE evidence_id NOT IN "
                                                  "(SELECT id FROM evidence)", NULL), ==, 0);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event", NULL), ==, expected);
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence WHERE original_name LIKE '%big.bin'", NULL),
                   ==, 0);
  g_unlink (big);
}

static void
test_ingest_cancel_each_file (void)
{
  /* The first file stays: it was whole and in before the cancellation. */
  check_cancelled (DOSSIER_INGEST_EACH_FILE, "cancel-each.dossier", 1);
}

static void
test_ingest_cancel_all_or_nothing (void)
{
  check_cancelled (DOSSIER_INGEST_ALL_OR_NOTHING, "cancel-all.dossier", 0);
}

/* ---- Progress ---- */

typedef struct {
  GThread  *thread;
  guint     calls;
  gboolean  looking;      /* told that the folders were being walked */
  guint     last_step;
  guint     n_steps;
  gboolean  named;
  gboolean  ended;        /* the last file's bytes all written */
  gboolean  finished;     /* the use case's own callback has run */
  gboolean  after_finish;
} Progress;

static void
on_progress (const DossierTaskProgress *progress,
             gpointer                   data)
{
  Progress *seen = data;

  /* On the caller's thread, in order, and never after the end. */
  g_assert_true (g_thread_self () == seen->thread);
  seen->after_finish |= seen->finished;
  seen->calls++;
  if (progress->name == NULL)
    seen->looking = TRUE;
  else
    {
      g_assert_cmpuint (progress->step, >=, seen->last_step);
      g_assert_cmpuint (progress->step, <, progress->n_steps);
      seen->last_step = progress->step;
      seen->n_steps = progress->n_steps;
      seen->named = TRUE;
      seen->ended = progress->step == progress->n_steps - 1 && progress->total > 0 && progress->done == progress->total;
    }
}

static void
on_finished_after_progress (GObject      *source,
                            GAsyncResult *result,
                            gpointer      data)
{
  gpointer *pair = data;
  Progress *seen = pair[1];

  seen->finished = TRUE;
  on_finished (source, result, pair[0]);
}

static void
test_ingest_progress (void)
{
  g_autofree char *path = new_dossier ("progress.dossier");
  g_autofree char *folder = dossier_test_tmp_path ("progress");
  g_autoptr(GPtrArray) files = files_of (folder);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DossierIngestReport) report = NULL;
  g_autoptr(GError) error = NULL;
  DossierIngestOptions options = { .policy = DOSSIER_INGEST_EACH_FILE, .user = "tester" };
  Progress seen = { g_thread_self (), 0 };
  gpointer pair[2] = { &result, &seen };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("file-%u.bin", i);
      g_autofree char *file = g_build_filename (folder, name, NULL);

      write_random (file, (i + 1) * DOSSIER_CHUNK_SIZE + 10, 100 + i);
    }
  dossier_ingest_async (path, files, &options, on_progress, &seen, NULL, NULL, on_finished_after_progress, pair);
  report = dossier_ingest_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->added, ==, 3);
  g_assert_cmpuint (seen.calls, >, 0);
  g_assert_true (seen.named);
  g_assert_cmpuint (seen.n_steps, ==, 3);
  g_assert_cmpuint (seen.last_step, ==, 2);
  g_assert_true (seen.ended);
  g_assert_false (seen.after_finish);
}

static void
on_verify_progress (const DossierTaskProgress *progress,
                    gpointer                   data)
{
  Progress *seen = data;

  g_assert_true (g_thread_self () == seen->thread);
  seen->after_finish |= seen->finished;
  seen->calls++;
  seen->ended = progress->total == 2 && progress->done == 2;
}

static void
test_verify_progress (void)
{
  g_autofree char *path = new_dossier ("verify.dossier");
  g_autofree char *folder = make_folder ("verify");
  g_autoptr(GPtrArray) files = files_of (folder);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DossierIngestReport) ingested = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  DossierIngestOptions options = { .policy = DOSSIER_INGEST_EACH_FILE, .user = "tester" };
  DossierVerifyOptions verify = { .record = TRUE, .user = "tester" };
  Progress seen = { g_thread_self (), 0 };
  gpointer pair[2] = { &result, &seen };

  dossier_ingest_async (path, files, &options, NULL, NULL, NULL, NULL, on_finished, &result);
  ingested = dossier_ingest_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  dossier_verify_async (path, &verify, on_verify_progress, &seen, NULL, NULL, on_finished_after_progress, pair);
  report = dossier_verify_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->len, ==, 2);
  for (guint i = 0; i < report->len; i++)
    g_assert_cmpint (((DossierVerifyItem *) report->pdata[i])->status, ==, DOSSIER_VERIFY_INTACT);
  g_assert_cmpuint (seen.calls, >, 0);
  g_assert_true (seen.ended);
  g_assert_false (seen.after_finish);
  {
    g_autoptr(DossierStore) store = dossier_store_open (path, DOSSIER_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    /* Recorded: each item's chain has its check. */
    g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM custody_event WHERE action = 'verified'", NULL),
                     ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/usecases/ingest/each-file-goes-on-and-reports", test_ingest_each_file);
  g_test_add_func ("/usecases/ingest/all-or-nothing-leaves-the-dossier-unchanged", test_ingest_all_or_nothing);
  g_test_add_func ("/usecases/ingest/cancel-each-file-keeps-only-whole-items", test_ingest_cancel_each_file);
  g_test_add_func ("/usecases/ingest/cancel-all-or-nothing-keeps-nothing", test_ingest_cancel_all_or_nothing);
  g_test_add_func ("/usecases/ingest/progress-through-the-callback", test_ingest_progress);
  g_test_add_func ("/usecases/verify/progress-through-the-callback", test_verify_progress);

  return g_test_run ();
}
