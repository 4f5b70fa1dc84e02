/* dossier-metadata.c: what an evidence file says of itself (EXIF, PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read right after ingestion from the file ingested, where a library reads it cheaply: the
 * capture time, position and size of images (EXIF, XMP, through gexiv2) and the pages and
 * title of PDFs (poppler). A file whose metadata is damaged or lies is still evidence: its
 * metadata is left out, the item stays. Durations of audio and video would need a media
 * framework and are not read.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include <gexiv2/gexiv2.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <poppler.h>

#include <gst/pbutils/pbutils.h>

#include "dossier-evidence.h"
#include "dossier-locker.h"
#include "dossier-metadata.h"
#include "dossier-record.h"

void
dossier_file_metadata_clear (DossierFileMetadata *metadata)
{
  g_clear_pointer (&metadata->captured_at, g_free);
  g_clear_pointer (&metadata->title, g_free);
}

/* EXIF writes "2022:03:27 14:05:09"; ISO 8601 is "2022-03-27T14:05:09". */
static char *
exif_time (const char *value)
{
  int y, mo, d, h, mi, s;

  if (value == NULL || sscanf (value, "%4d:%2d:%2d %2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6 ||
      y < 1 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, s);
}

static void
read_image (GFile               *file,
            DossierFileMetadata *metadata)
{
  static gsize initialised;
  g_autoptr(GExiv2Metadata) exif = NULL;
  g_autofree char *path = g_file_get_path (file);
  static const char * const times[] = { "Exif.Photo.DateTimeOriginal", "Exif.Photo.DateTimeDigitized", "Exif.Image.DateTime" };
  double latitude, longitude;

  if (g_once_init_enter (&initialised))
    g_once_init_leave (&initialised, gexiv2_initialize () ? 1 : 2);
  if (initialised != 1 || path == NULL)
    return;
  exif = gexiv2_metadata_new ();
  if (!gexiv2_metadata_open_path (exif, path, NULL))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (times) && metadata->captured_at == NULL; i++)
    if (gexiv2_metadata_try_has_tag (exif, times[i], NULL))
      {
        g_autofree char *value = gexiv2_metadata_try_get_tag_string (exif, times[i], NULL);

        metadata->captured_at = exif_time (value);
      }
  if (gexiv2_metadata_try_get_gps_latitude (exif, &latitude, NULL) &&
      gexiv2_metadata_try_get_gps_longitude (exif, &longitude, NULL) &&
      isfinite (latitude) && isfinite (longitude) && fabs (latitude) <= 90 && fabs (longitude) <= 180)
    {
      metadata->latitude = latitude;
      metadata->longitude = longitude;
    }
  metadata->width = gexiv2_metadata_get_pixel_width (exif);
  metadata->height = gexiv2_metadata_get_pixel_height (exif);
  if (metadata->width <= 0 || metadata->height <= 0)
    metadata->width = metadata->height = -1;
}

static void
read_pdf (GFile               *file,
          DossierFileMetadata *metadata)
{
  PopplerDocument *document = poppler_document_new_from_gfile (file, NULL, NULL, NULL);
  g_autofree char *title = NULL;

  if (document == NULL)
    return;
  metadata->pages = poppler_document_get_n_pages (document);
  title = poppler_document_get_title (document);
  if (title != NULL && g_utf8_validate (title, -1, NULL) && *g_strstrip (title) != '\0')
    metadata->title = g_steal_pointer (&title);
  g_object_unref (document);
}

/* A recording's length (and a video's picture size), from GStreamer's discoverer: it reads
 * the container's headers, at most a few seconds, never the whole stream. */
static void
read_media (GFile               *file,
            DossierFileMetadata *metadata)
{
  static gsize initialised;
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  GstClockTime duration;
  GList *videos;

  if (g_once_init_enter (&initialised))
    g_once_init_leave (&initialised, gst_init_check (NULL, NULL, NULL) ? 1 : 2);
  if (initialised != 1)
    return;
  discoverer = gst_discoverer_new (5 * GST_SECOND, NULL);
  if (discoverer == NULL)
    return;
  info = gst_discoverer_discover_uri (discoverer, uri, NULL);
  if (info == NULL || gst_discoverer_info_get_result (info) != GST_DISCOVERER_OK)
    return;
  duration = gst_discoverer_info_get_duration (info);
  if (GST_CLOCK_TIME_IS_VALID (duration) && duration > 0)
    metadata->duration = (double) duration / GST_SECOND;
  videos = gst_discoverer_info_get_video_streams (info);
  if (videos != NULL && !gst_discoverer_video_info_is_image (videos->data))
    {
      metadata->width = gst_discoverer_video_info_get_width (videos->data);
      metadata->height = gst_discoverer_video_info_get_height (videos->data);
      if (metadata->width <= 0 || metadata->height <= 0)
        metadata->width = metadata->height = -1;
    }
  gst_discoverer_stream_info_list_free (videos);
}

/**
 * dossier_metadata_read:
 * @file: an evidence file
 * @media_type: its media type, as ingestion found it
 * @metadata: (out caller-allocates): what it says of itself
 *
 * Returns: %TRUE if anything was found
 */
gboolean
dossier_metadata_read (GFile               *file,
                       const char          *media_type,
                       DossierFileMetadata *metadata)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  *metadata = (DossierFileMetadata) { NULL, NAN, NAN, -1, -1, -1, NULL, NAN };
  if (media_type == NULL)
    return FALSE;
  if (g_str_has_prefix (media_type, "image/"))
    read_image (file, metadata);
  else if (g_str_equal (media_type, "application/pdf"))
    read_pdf (file, metadata);
  else if (g_str_has_prefix (media_type, "audio/") || g_str_has_prefix (media_type, "video/"))
    read_media (file, metadata);
  return metadata->captured_at != NULL || !isnan (metadata->latitude) || metadata->pages >= 0 ||
         metadata->width >= 0 || metadata->title != NULL || !isnan (metadata->duration);
}

/**
 * dossier_metadata_apply:
 * @store: the dossier
 * @evidence_id: the item just ingested from @file
 * @file: the file
 * @error: return location for a #GError
 *
 * Records what @file says of itself in the item's description (a document's title replaces
 * the file name as the item's title; each change is audited), and keeps a small picture of
 * images and PDFs for the lists.
 *
 * Returns: %FALSE only if the dossier could not be written
 */
gboolean
dossier_metadata_apply (DossierStore  *store,
                        gint64         evidence_id,
                        GFile         *file,
                        GError       **error)
{
  g_autoptr(DossierEvidence) evidence = dossier_store_load (store, DOSSIER_TYPE_EVIDENCE, evidence_id, error);
  DossierFileMetadata metadata;
  gboolean ok = TRUE;

  if (evidence == NULL)
    return FALSE;
  if (dossier_metadata_read (file, dossier_evidence_get_media_type (evidence), &metadata))
    {
      if (metadata.captured_at != NULL)
        dossier_evidence_set_captured_at (evidence, metadata.captured_at);
      if (!isnan (metadata.latitude))
        {
          dossier_evidence_set_latitude (evidence, metadata.latitude);
          dossier_evidence_set_longitude (evidence, metadata.longitude);
        }
      dossier_evidence_set_pages (evidence, metadata.pages);
      dossier_evidence_set_width (evidence, metadata.width);
      dossier_evidence_set_height (evidence, metadata.height);
      dossier_evidence_set_duration (evidence, metadata.duration);
      if (metadata.title != NULL && g_strcmp0 (dossier_evidence_get_title (evidence), dossier_evidence_get_original_name (evidence)) == 0)
        dossier_evidence_set_title (evidence, metadata.title);
      ok = dossier_store_update (store, DOSSIER_RECORD (evidence), error);
    }
  dossier_file_metadata_clear (&metadata);
  if (ok)
    {
      g_autoptr(GBytes) thumbnail = dossier_metadata_make_thumbnail (file, dossier_evidence_get_media_type (evidence), DOSSIER_THUMBNAIL_SIZE);

      if (thumbnail != NULL)
        ok = dossier_store_set_thumbnail (store, evidence_id, thumbnail, error);
    }
  return ok;
}

/**
 * dossier_metadata_render_pdf_page:
 * @bytes: a PDF
 * @width: the width to draw the first page at, in pixels
 *
 * Returns: (transfer full) (nullable): the first page on white, as an image surface, or
 *   %NULL if @bytes is not a PDF poppler can read
 */
cairo_surface_t *
dossier_metadata_render_pdf_page (GBytes *bytes,
                                  int     width)
{
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, NULL);
  PopplerPage *page;
  cairo_surface_t *surface = NULL;
  double page_width, page_height, scale;

  if (document == NULL)
    return NULL;
  page = poppler_document_get_n_pages (document) > 0 ? poppler_document_get_page (document, 0) : NULL;
  if (page != NULL)
    {
      cairo_t *cr;

      poppler_page_get_size (page, &page_width, &page_height);
      scale = page_width > 0 ? width / page_width : 1;
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, MAX (1, (int) ceil (page_height * scale)));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      g_object_unref (page);
    }
  g_object_unref (document);
  return surface;
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * dossier_metadata_make_thumbnail:
 * @file: an evidence file
 * @media_type: its media type
 * @size: the largest side, in pixels
 *
 * Returns: (transfer full) (nullable): a PNG of the image, or of a PDF's first page, no
 *   larger than @size; %NULL for other files or files that cannot be read
 */
GBytes *
dossier_metadata_make_thumbnail (GFile      *file,
                                 const char *media_type,
                                 int         size)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  if (media_type == NULL)
    return NULL;
  if (g_str_has_prefix (media_type, "image/"))
    {
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GdkPixbuf) pixbuf = path ? gdk_pixbuf_new_from_file_at_scale (path, size, size, TRUE, NULL) : NULL;
      g_autoptr(GdkPixbuf) upright = pixbuf ? gdk_pixbuf_apply_embedded_orientation (pixbuf) : NULL;
      gchar *buffer = NULL;
      gsize length = 0;

      if (upright == NULL || !gdk_pixbuf_save_to_buffer (upright, &buffer, &length, "png", NULL, NULL))
        return NULL;
      return g_bytes_new_take (buffer, length);
    }
  if (g_str_equal (media_type, "application/pdf"))
    {
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

      if (bytes != NULL)
        surface = dossier_metadata_render_pdf_page (bytes, size * 3 / 4);
    }
  if (surface == NULL)
    return NULL;
  if (cairo_surface_write_to_png_stream (surface, append_png, png) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}
