/* dossier-mbtiles-source.c: an MBTiles file as a source of tiles for the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shumate's raster renderer asks its data source for a tile and paints what the source
 * announces with ::received-data; a source that only returned the bytes would leave the
 * tile blank (libshumate 1.0), so both are done.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-mbtiles-source.h"

struct _DossierMbtilesSource
{
  ShumateDataSource  parent_instance;

  DossierMbtiles    *tiles;
};

G_DEFINE_FINAL_TYPE (DossierMbtilesSource, dossier_mbtiles_source, SHUMATE_TYPE_DATA_SOURCE)

static void
get_tile_data_async (ShumateDataSource   *source,
                     int                  x,
                     int                  y,
                     int                  zoom,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  DossierMbtilesSource *self = DOSSIER_MBTILES_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = dossier_mbtiles_get_tile (self->tiles, zoom, x, y, &error);

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (bytes == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The tile file has no tile there"));
      return;
    }
  g_signal_emit_by_name (self, "received-data", x, y, zoom, bytes);
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

static GBytes *
get_tile_data_finish (ShumateDataSource  *source,
                      GAsyncResult       *result,
                      GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
dossier_mbtiles_source_finalize (GObject *object)
{
  g_clear_object (&DOSSIER_MBTILES_SOURCE (object)->tiles);
  G_OBJECT_CLASS (dossier_mbtiles_source_parent_class)->finalize (object);
}

static void
dossier_mbtiles_source_class_init (DossierMbtilesSourceClass *klass)
{
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dossier_mbtiles_source_finalize;
  source_class->get_tile_data_async = get_tile_data_async;
  source_class->get_tile_data_finish = get_tile_data_finish;
}

static void
dossier_mbtiles_source_init (DossierMbtilesSource *self)
{
}

DossierMbtilesSource *
dossier_mbtiles_source_new (DossierMbtiles *tiles)
{
  DossierMbtilesSource *self;

  g_return_val_if_fail (DOSSIER_IS_MBTILES (tiles), NULL);

  self = g_object_new (DOSSIER_TYPE_MBTILES_SOURCE, NULL);
  self->tiles = g_object_ref (tiles);
  return self;
}

/**
 * dossier_mbtiles_source_new_renderer:
 * @tiles: an open MBTiles file
 *
 * Returns: (transfer full): a map source painting its tiles, credited with its attribution
 */
ShumateMapSource *
dossier_mbtiles_source_new_renderer (DossierMbtiles *tiles)
{
  g_autoptr(DossierMbtilesSource) source = dossier_mbtiles_source_new (tiles);
  const char *attribution = dossier_mbtiles_get_attribution (tiles);

  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (
    "dossier-mbtiles", dossier_mbtiles_get_name (tiles), attribution ? attribution : dossier_mbtiles_get_name (tiles),
    NULL, dossier_mbtiles_get_min_zoom (tiles), dossier_mbtiles_get_max_zoom (tiles), 256,
    SHUMATE_MAP_PROJECTION_MERCATOR, SHUMATE_DATA_SOURCE (source)));
}
