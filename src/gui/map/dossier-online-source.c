/* dossier-online-source.c: map tiles from the network, politely, when allowed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * OpenStreetMap's tile policy asks for a User-Agent that names the application, for the
 * servers' caching headers to be honoured, and for no bulk or prefetch download. So tiles
 * are fetched one by one, only as the view asks for them, through a libsoup session that
 * names Dossier and keeps an HTTP cache on disk (libshumate 1.0's own downloader sends its
 * own name whatever it is told).
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <libsoup/soup.h>
#include <glib/gi18n.h>

#include "dossier-online-source.h"

#define USER_AGENT "Dossier/" PACKAGE_VERSION " (commission of inquiry workspace; offline first)"

struct _DossierOnlineSource
{
  ShumateDataSource  parent_instance;

  char              *url_template;
  SoupSession       *session;
  SoupCache         *cache;
};

G_DEFINE_FINAL_TYPE (DossierOnlineSource, dossier_online_source, SHUMATE_TYPE_DATA_SOURCE)

typedef struct {
  int x, y, zoom;
} Tile;

static char *
tile_url (DossierOnlineSource *self,
          int                  x,
          int                  y,
          int                  zoom)
{
  g_autoptr(GString) url = g_string_new (self->url_template);
  g_autofree char *xs = g_strdup_printf ("%d", x);
  g_autofree char *ys = g_strdup_printf ("%d", y);
  g_autofree char *zs = g_strdup_printf ("%d", zoom);

  g_string_replace (url, "{x}", xs, 0);
  g_string_replace (url, "{y}", ys, 0);
  g_string_replace (url, "{z}", zs, 0);
  return g_string_free (g_steal_pointer (&url), FALSE);
}

static gboolean
looks_like_image (GBytes *bytes)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);

  return (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0) ||
         (size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) ||
         (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  DossierOnlineSource *self = g_task_get_source_object (task);
  Tile *tile = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (soup_message_get_status (message) != SOUP_STATUS_OK)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               /* Translators: %u is an HTTP status, such as 404 */
                               _("The tile server answered %u"), soup_message_get_status (message));
      return;
    }
  /* A captive portal's page or an error page served as 200 is not a tile. */
  if (!looks_like_image (bytes))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The tile server did not send an image"));
      return;
    }
  g_signal_emit_by_name (self, "received-data", tile->x, tile->y, tile->zoom, bytes);
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

static void
get_tile_data_async (ShumateDataSource   *source,
                     int                  x,
                     int                  y,
                     int                  zoom,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  DossierOnlineSource *self = DOSSIER_ONLINE_SOURCE (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *url = tile_url (self, x, y, zoom);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, url);
  Tile *tile = g_new (Tile, 1);

  tile->x = x;
  tile->y = y;
  tile->zoom = zoom;
  g_task_set_task_data (task, tile, g_free);
  if (message == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("The tile address is not valid"));
      g_object_unref (task);
      return;
    }
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT, cancellable, on_read, task);
}

static GBytes *
get_tile_data_finish (ShumateDataSource  *source,
                      GAsyncResult       *result,
                      GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
dossier_online_source_dispose (GObject *object)
{
  DossierOnlineSource *self = DOSSIER_ONLINE_SOURCE (object);

  /* What was downloaded stays for the next time: the servers are spared. */
  if (self->cache != NULL)
    soup_cache_dump (self->cache);
  g_clear_object (&self->session);
  g_clear_object (&self->cache);
  g_clear_pointer (&self->url_template, g_free);

  G_OBJECT_CLASS (dossier_online_source_parent_class)->dispose (object);
}

static void
dossier_online_source_class_init (DossierOnlineSourceClass *klass)
{
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = dossier_online_source_dispose;
  source_class->get_tile_data_async = get_tile_data_async;
  source_class->get_tile_data_finish = get_tile_data_finish;
}

static void
dossier_online_source_init (DossierOnlineSource *self)
{
}

/**
 * dossier_online_source_new:
 * @url_template: with {z}, {x} and {y}
 * @cache_dir: where the HTTP cache is kept
 *
 * Returns: (transfer full): a source of tiles downloaded one at a time, as asked for
 */
DossierOnlineSource *
dossier_online_source_new (const char *url_template,
                           const char *cache_dir)
{
  DossierOnlineSource *self = g_object_new (DOSSIER_TYPE_ONLINE_SOURCE, NULL);

  self->url_template = g_strdup (url_template);
  self->session = soup_session_new_with_options ("user-agent", USER_AGENT, "max-conns-per-host", 2, NULL);
  if (g_mkdir_with_parents (cache_dir, 0700) != 0)
    g_warning ("The tile cache %s cannot be made: %s", cache_dir, g_strerror (errno));
  self->cache = soup_cache_new (cache_dir, SOUP_CACHE_SINGLE_USER);
  soup_cache_set_max_size (self->cache, 100 * 1024 * 1024);
  soup_cache_load (self->cache);
  soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (self->cache));
  return self;
}
