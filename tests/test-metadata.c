/* test-metadata.c: what evidence files say of themselves, read at ingestion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <gexiv2/gexiv2.h>

#include "dossier-evidence.h"
#include "dossier-locker.h"
#include "dossier-metadata.h"
#include "dossier-test-util.h"

static gint64
ingest (DossierStore *store,
        const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierIngestResult) result = dossier_locker_ingest (store, file, NULL, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (dossier_metadata_apply (store, result->evidence_id, file, &error));
  g_assert_no_error (error);
  return result->evidence_id;
}

static void
test_metadata (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("metadata.dossier");
  g_autofree char *photo = dossier_test_tmp_path ("photo.png");
  g_autofree char *pdf = dossier_test_tmp_path ("rapport.pdf");
  g_autofree char *broken = dossier_test_tmp_path ("cassée.png");
  g_autoptr(GError) error = NULL;

  /* An image made here, with a capture time and a position written into its EXIF. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 30);
    g_autoptr(GExiv2Metadata) exif = gexiv2_metadata_new ();

    g_assert_cmpint (cairo_surface_write_to_png (surface, photo), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
    g_assert_true (gexiv2_initialize ());
    g_assert_true (gexiv2_metadata_open_path (exif, photo, &error));
    g_assert_no_error (error);
    g_assert_true (gexiv2_metadata_try_set_tag_string (exif, "Exif.Photo.DateTimeOriginal", "2022:03:27 14:05:09", &error));
    g_assert_true (gexiv2_metadata_try_set_gps_info (exif, -4.1968, 14.4914, 270, &error));
    g_assert_true (gexiv2_metadata_save_file (exif, photo, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(DossierEvidence) evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, ingest (store, photo), &error);

    g_assert_cmpstr (evidence->media_type, ==, "image/png");
    g_assert_cmpstr (evidence->captured_at, ==, "2022-03-27T14:05:09");
    g_assert_cmpfloat_with_epsilon (evidence->latitude, 14.4914, 1e-3);
    g_assert_cmpfloat_with_epsilon (evidence->longitude, -4.1968, 1e-3);
    g_assert_cmpint (evidence->width, ==, 40);
    g_assert_cmpint (evidence->height, ==, 30);
    g_assert_cmpint (evidence->pages, ==, -1);
  }
  /* A small picture for the lists, kept beside it. */
  {
    g_autoptr(GBytes) png = dossier_store_get_thumbnail (store, dossier_test_query_int (store, "SELECT id FROM evidence WHERE original_name = 'photo.png'", NULL));

    g_assert_nonnull (png);
    g_assert_cmpmem (g_bytes_get_data (png, NULL), 4, "\x89PNG", 4);
  }

  /* A PDF made here: two pages and a title, which replaces the file name as the item's. */
  {
    cairo_surface_t *surface = cairo_pdf_surface_create (pdf, 595, 842);
    cairo_t *cr = cairo_create (surface);

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Rapport de mission à Mopti");
    cairo_show_page (cr);
    cairo_show_page (cr);
    cairo_destroy (cr);
    cairo_surface_finish (surface);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
  }
  {
    g_autoptr(DossierEvidence) evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, ingest (store, pdf), &error);

    g_assert_cmpstr (evidence->media_type, ==, "application/pdf");
    g_assert_cmpint (evidence->pages, ==, 2);
    g_assert_cmpstr (evidence->title, ==, "Rapport de mission à Mopti");
    {
      g_autoptr(GBytes) thumbnail = dossier_store_get_thumbnail (store, DOSSIER_RECORD (evidence)->id);

      g_assert_nonnull (thumbnail);
    }
    g_assert_cmpstr (evidence->captured_at, ==, "");
    g_assert_true (isnan (evidence->latitude));
  }

  /* A file that claims to be an image and is not: still evidence, with nothing read. */
  dossier_test_write_file (broken, "\x89PNG\r\n\x1a\n not an image at all", 29);
  {
    g_autoptr(DossierEvidence) evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, ingest (store, broken), &error);

    g_assert_nonnull (evidence);
    g_assert_cmpstr (evidence->captured_at, ==, "");
    g_assert_cmpint (evidence->width, ==, -1);
    {
      g_autoptr(GBytes) thumbnail = dossier_store_get_thumbnail (store, DOSSIER_RECORD (evidence)->id);

      g_assert_null (thumbnail);
    }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/metadata/exif-pdf", test_metadata);
  return g_test_run ();
}
