/* test-export-async.c: exporting as one use case: dossier_export_async() writes what the
 * synchronous exporters write, reports the annex's progress on the caller's main context,
 * and a cancelled export leaves nothing behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "dossier-export.h"
#include "dossier-test-canaries.h"
#include "dossier-test-util.h"

typedef struct {
  GThread  *caller;
  guint     calls;
  guint64   last_done;
  guint64   total;
} Progress;

static void
on_progress (const DossierTaskProgress *progress,
             gpointer                   data)
{
  Progress *p = data;

  /* Delivered to the caller, never called from the worker. */
  g_assert_true (g_thread_self () == p->caller);
  g_assert_cmpuint (progress->done, >=, p->last_done);
  p->calls++;
  p->last_done = progress->done;
  p->total = progress->total;
}

static void
on_finished (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static gboolean
export (const char                 *dossier,
        const DossierExportOptions *options,
        const char                 *out,
        Progress                   *progress,
        GCancellable               *cancellable,
        GError                    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  dossier_export_async (dossier, options, out, progress ? on_progress : NULL, progress, NULL, cancellable,
                        on_finished, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return dossier_export_finish (result, error);
}

/* The use case writes, byte for byte, what the exporter it chooses writes. */
static void
test_same_files (void)
{
  g_autoptr(DossierStore) store = dossier_test_canary_dossier ("async.dossier");
  const char *path = dossier_store_get_path (store);

  for (int p = DOSSIER_PROFILE_PUBLIC; p <= DOSSIER_PROFILE_INTERNAL; p++)
    {
      DossierExportOptions options = { .kind = DOSSIER_EXPORT_INCIDENTS, .profile = p, .format = DOSSIER_EXPORT_GEOJSON };
      g_autofree char *name = g_strdup_printf ("async-%d.geojson", p);
      g_autofree char *direct_name = g_strdup_printf ("direct-%d.geojson", p);
      g_autofree char *out = dossier_test_tmp_path (name);
      g_autofree char *direct = dossier_test_tmp_path (direct_name);
      g_autofree char *a = NULL, *b = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (export (path, &options, out, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (dossier_export_incidents (store, DOSSIER_EXPORT_GEOJSON, p, direct, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (out, &a, NULL, NULL));
      g_assert_true (g_file_get_contents (direct, &b, NULL, NULL));
      g_assert_cmpstr (a, ==, b);
    }
}

/* The annex says how far it has gone, in the caller's thread, up to the whole. */
static void
test_annex_progress (void)
{
  g_autoptr(DossierStore) store = dossier_test_canary_dossier ("async-annex.dossier");
  DossierAnnexOptions annex = { .lang = "en", .sections = DOSSIER_ANNEX_TABLES };
  DossierExportOptions options = { .kind = DOSSIER_EXPORT_ANNEX, .profile = DOSSIER_PROFILE_ANNEX, .annex = &annex };
  g_autofree char *out = dossier_test_tmp_path ("async-annex.pdf");
  g_autoptr(GError) error = NULL;
  Progress progress = { g_thread_self () };

  g_assert_true (export (dossier_store_get_path (store), &options, out, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (progress.calls, >, 0);
  g_assert_cmpuint (progress.total, >, 0);
  g_assert_cmpuint (progress.last_done, ==, progress.total);
}

/* Cancelled before it could write: an error saying so, and no file. */
static void
test_cancelled (void)
{
  g_autoptr(DossierStore) store = dossier_test_canary_dossier ("async-cancel.dossier");
  DossierAnnexOptions annex = { .lang = "fr", .sections = DOSSIER_ANNEX_TABLES };
  DossierExportOptions options = { .kind = DOSSIER_EXPORT_ANNEX, .profile = DOSSIER_PROFILE_PUBLIC, .annex = &annex };
  g_autofree char *out = dossier_test_tmp_path ("async-cancelled.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (export (dossier_store_get_path (store), &options, out, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* A bad dossier is an error from the use case, not a crash. */
static void
test_missing_dossier (void)
{
  DossierExportOptions options = { .kind = DOSSIER_EXPORT_TABLES, .profile = DOSSIER_PROFILE_PUBLIC };
  g_autofree char *out = dossier_test_tmp_path ("async-none");
  g_autoptr(GError) error = NULL;

  g_assert_false (export ("/nonexistent/dossier.dossier", &options, out, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();
  g_test_add_func ("/export/use-case/same-files", test_same_files);
  g_test_add_func ("/export/use-case/annex-progress", test_annex_progress);
  g_test_add_func ("/export/use-case/cancelled", test_cancelled);
  g_test_add_func ("/export/use-case/missing-dossier", test_missing_dossier);
  return g_test_run ();
}
