/* test-metadata.c: what evidence files say of themselves, read at ingestion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <gexiv2/gexiv2.h>

#include <string.h>

#include "dossier-evidence.h"
#include "dossier-json-io.h"
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

    g_assert_cmpstr (dossier_evidence_get_media_type (evidence), ==, "image/png");
    g_assert_cmpstr (dossier_evidence_get_captured_at (evidence), ==, "2022-03-27T14:05:09");
    g_assert_cmpfloat_with_epsilon (dossier_evidence_get_latitude (evidence), 14.4914, 1e-3);
    g_assert_cmpfloat_with_epsilon (dossier_evidence_get_longitude (evidence), -4.1968, 1e-3);
    g_assert_cmpint (dossier_evidence_get_width (evidence), ==, 40);
    g_assert_cmpint (dossier_evidence_get_height (evidence), ==, 30);
    g_assert_cmpint (dossier_evidence_get_pages (evidence), ==, -1);
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

    g_assert_cmpstr (dossier_evidence_get_media_type (evidence), ==, "application/pdf");
    g_assert_cmpint (dossier_evidence_get_pages (evidence), ==, 2);
    g_assert_cmpstr (dossier_evidence_get_title (evidence), ==, "Rapport de mission à Mopti");
    {
      g_autoptr(GBytes) thumbnail = dossier_store_get_thumbnail (store, dossier_record_get_id (DOSSIER_RECORD (evidence)));

      g_assert_nonnull (thumbnail);
    }
    g_assert_cmpstr (dossier_evidence_get_captured_at (evidence), ==, "");
    g_assert_true (isnan (dossier_evidence_get_latitude (evidence)));
  }

  /* A file that claims to be an image and is not: still evidence, with nothing read. */
  dossier_test_write_file (broken, "\x89PNG\r\n\x1a\n not an image at all", 29);
  {
    g_autoptr(DossierEvidence) evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, ingest (store, broken), &error);

    g_assert_nonnull (evidence);
    g_assert_cmpstr (dossier_evidence_get_captured_at (evidence), ==, "");
    g_assert_cmpint (dossier_evidence_get_width (evidence), ==, -1);
    {
      g_autoptr(GBytes) thumbnail = dossier_store_get_thumbnail (store, dossier_record_get_id (DOSSIER_RECORD (evidence)));

      g_assert_null (thumbnail);
    }
  }
}

/* A WAV recording made here: 8 kHz, mono, 16 bits, @seconds long. */
static void
write_wav (const char *path,
           double      seconds)
{
  guint32 samples = (guint32) (8000 * seconds);
  guint32 data_size = samples * 2;
  g_autoptr(GByteArray) wav = g_byte_array_new ();
  guint32 u32;
  guint16 u16;

#define PUT32(v) (u32 = GUINT32_TO_LE (v), g_byte_array_append (wav, (guint8 *) &u32, 4))
#define PUT16(v) (u16 = GUINT16_TO_LE (v), g_byte_array_append (wav, (guint8 *) &u16, 2))
  g_byte_array_append (wav, (const guint8 *) "RIFF", 4);
  PUT32 (36 + data_size);
  g_byte_array_append (wav, (const guint8 *) "WAVEfmt ", 8);
  PUT32 (16);
  PUT16 (1);          /* PCM */
  PUT16 (1);          /* mono */
  PUT32 (8000);
  PUT32 (16000);      /* bytes a second */
  PUT16 (2);
  PUT16 (16);
  g_byte_array_append (wav, (const guint8 *) "data", 4);
  PUT32 (data_size);
  for (guint32 i = 0; i < samples; i++)
    PUT16 ((guint16) (gint16) (8000 * sin (i * 2 * G_PI * 440 / 8000)));
#undef PUT32
#undef PUT16
  dossier_test_write_file (path, (const char *) wav->data, wav->len);
}

/* Recordings: their length through GStreamer; a broken one is still evidence. */
static void
test_media (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("media.dossier");
  g_autofree char *wav = dossier_test_tmp_path ("entretien.wav");
  g_autofree char *broken = dossier_test_tmp_path ("abîmé.mp3");
  g_autoptr(GError) error = NULL;

  write_wav (wav, 2.5);
  {
    g_autoptr(DossierEvidence) evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, ingest (store, wav), &error);

    g_assert_nonnull (evidence);
    g_test_message ("%s: %f s", dossier_evidence_get_media_type (evidence), dossier_evidence_get_duration (evidence));
    g_assert_true (g_str_has_prefix (dossier_evidence_get_media_type (evidence), "audio/"));
    g_assert_cmpfloat_with_epsilon (dossier_evidence_get_duration (evidence), 2.5, 0.01);
  }
  dossier_test_write_file (broken, "ID3 this is no recording at all, only words", 44);
  {
    g_autoptr(DossierEvidence) evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, ingest (store, broken), &error);

    g_assert_nonnull (evidence);
    g_assert_true (isnan (dossier_evidence_get_duration (evidence)));
  }
  /* Kept in the interchange, and documents written before it still import. */
  g_assert_cmpint (dossier_test_query_int (store, "SELECT count(*) FROM evidence WHERE duration BETWEEN 2.49 AND 2.51", NULL), ==, 1);
  {
    g_autofree char *json = dossier_test_tmp_path ("media.json");
    g_autofree char *older = dossier_test_tmp_path ("older.json");
    g_autofree char *text = NULL;
    g_autofree char *without = NULL;
    g_autoptr(GRegex) member = g_regex_new (",\\s*\"duration\":\\s*[^,}]*", 0, 0, NULL);
    g_autoptr(DossierStore) copy = dossier_test_new_store ("media-copy.dossier");
    g_autoptr(DossierStore) old = dossier_test_new_store ("media-old.dossier");

    g_assert_true (dossier_json_export_file (store, json, &error));
    g_assert_true (dossier_json_import_file (copy, json, &error));
    g_assert_no_error (error);
    g_assert_cmpint (dossier_test_query_int (copy, "SELECT count(*) FROM evidence WHERE duration BETWEEN 2.49 AND 2.51", NULL), ==, 1);
    g_assert_true (g_file_get_contents (json, &text, NULL, NULL));
    without = g_regex_replace_literal (member, text, -1, 0, "", 0, NULL);
    g_assert_null (strstr (without, "\"duration\":"));
    dossier_test_write_file (older, without, strlen (without));
    g_assert_true (dossier_json_import_file (old, older, &error));
    g_assert_no_error (error);
    g_assert_cmpint (dossier_test_query_int (old, "SELECT count(*) FROM evidence WHERE duration IS NULL", NULL), ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();
  g_test_add_func ("/metadata/exif-pdf", test_metadata);
  g_test_add_func ("/metadata/media", test_media);
  return g_test_run ();
}
