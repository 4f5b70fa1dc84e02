/* dossier-mbtiles.c: map tiles from an MBTiles file, offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An MBTiles file (version 1.3 of the specification) is an SQLite database of raster tiles:
 * a `tiles` table (zoom_level, tile_column, tile_row, tile_data) and a `metadata` table of
 * name/value pairs. Its rows count from the south (TMS), where web maps count from the north
 * (XYZ): row = 2^zoom − 1 − y. Offices can copy such a file from a USB stick and see
 * satellite or topographic imagery with no network at all.
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-mbtiles.h"
#include "dossier-store.h"

struct _DossierMbtiles
{
  GObject       parent_instance;

  sqlite3      *db;
  sqlite3_stmt *tile;
  GMutex        lock;   /* tiles are asked for from the renderer's threads */
  char         *name;
  char         *attribution;
  int           min_zoom;
  int           max_zoom;
};

G_DEFINE_FINAL_TYPE (DossierMbtiles, dossier_mbtiles, G_TYPE_OBJECT)

static void
dossier_mbtiles_finalize (GObject *object)
{
  DossierMbtiles *self = DOSSIER_MBTILES (object);

  sqlite3_finalize (self->tile);
  sqlite3_close (self->db);
  g_mutex_clear (&self->lock);
  g_free (self->name);
  g_free (self->attribution);

  G_OBJECT_CLASS (dossier_mbtiles_parent_class)->finalize (object);
}

static void
dossier_mbtiles_class_init (DossierMbtilesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_mbtiles_finalize;
}

static void
dossier_mbtiles_init (DossierMbtiles *self)
{
  g_mutex_init (&self->lock);
  self->min_zoom = 0;
  self->max_zoom = 19;
}

/**
 * dossier_mbtiles_open:
 * @path: an .mbtiles file
 * @error: return location for a #GError
 *
 * Opens the file read-only; nothing is ever written to it.
 *
 * Returns: (transfer full): the tiles, or %NULL with a translated reason
 */
DossierMbtiles *
dossier_mbtiles_open (const char  *path,
                      GError     **error)
{
  g_autoptr(DossierMbtiles) self = g_object_new (DOSSIER_TYPE_MBTILES, NULL);
  g_autofree char *display = g_filename_display_basename (path);
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND,
                   /* Translators: %s is a file name */
                   _("“%s” does not exist"), display);
      return NULL;
    }
  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db, "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 "
                                    "AND tile_row = ?3", -1, &self->tile, NULL) != SQLITE_OK)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER,
                   /* Translators: %s is a file name */
                   _("“%s” is not an MBTiles file of map tiles"), display);
      return NULL;
    }

  /* Metadata is optional, and only informs. */
  if (sqlite3_prepare_v2 (self->db, "SELECT name, value FROM metadata", -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *key = (const char *) sqlite3_column_text (stmt, 0);
          const char *value = (const char *) sqlite3_column_text (stmt, 1);

          if (key == NULL || value == NULL)
            continue;
          if (g_str_equal (key, "name"))
            {
              g_free (self->name);
              self->name = g_strdup (value);
            }
          else if (g_str_equal (key, "attribution"))
            {
              g_free (self->attribution);
              self->attribution = g_strdup (value);
            }
          else if (g_str_equal (key, "minzoom"))
            self->min_zoom = CLAMP (atoi (value), 0, 22);
          else if (g_str_equal (key, "maxzoom"))
            self->max_zoom = CLAMP (atoi (value), 0, 22);
        }
      sqlite3_finalize (stmt);
    }
  if (self->name == NULL)
    self->name = g_strdup (display);
  return g_steal_pointer (&self);
}

/**
 * dossier_mbtiles_get_tile:
 * @self: a #DossierMbtiles
 * @zoom: the zoom level
 * @x: the column, from the west
 * @y: the row, from the north (as web maps count)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the tile's image as stored (PNG, JPEG or WebP); %NULL
 *   with @error unset when the file has no such tile
 */
GBytes *
dossier_mbtiles_get_tile (DossierMbtiles  *self,
                          int              zoom,
                          int              x,
                          int              y,
                          GError         **error)
{
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_MBTILES (self), NULL);

  if (zoom < 0 || zoom > 30 || x < 0 || y < 0 || x >= (1 << zoom) || y >= (1 << zoom))
    return NULL;
  g_mutex_lock (&self->lock);
  sqlite3_bind_int (self->tile, 1, zoom);
  sqlite3_bind_int (self->tile, 2, x);
  sqlite3_bind_int (self->tile, 3, (1 << zoom) - 1 - y);
  rc = sqlite3_step (self->tile);
  if (rc == SQLITE_ROW)
    bytes = g_bytes_new (sqlite3_column_blob (self->tile, 0), sqlite3_column_bytes (self->tile, 0));
  else if (rc != SQLITE_DONE)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_IO,
                 /* Translators: %s is SQLite's reason */
                 _("A map tile could not be read: %s"), sqlite3_errmsg (self->db));
  sqlite3_reset (self->tile);
  g_mutex_unlock (&self->lock);
  return bytes;
}

const char *
dossier_mbtiles_get_name (DossierMbtiles *self)
{
  g_return_val_if_fail (DOSSIER_IS_MBTILES (self), NULL);
  return self->name;
}

const char *
dossier_mbtiles_get_attribution (DossierMbtiles *self)
{
  g_return_val_if_fail (DOSSIER_IS_MBTILES (self), NULL);
  return self->attribution;
}

int
dossier_mbtiles_get_min_zoom (DossierMbtiles *self)
{
  g_return_val_if_fail (DOSSIER_IS_MBTILES (self), 0);
  return self->min_zoom;
}

int
dossier_mbtiles_get_max_zoom (DossierMbtiles *self)
{
  g_return_val_if_fail (DOSSIER_IS_MBTILES (self), 19);
  return self->max_zoom;
}
