/* test-tiles.c: online tiles, against a local server (display test: tiles become textures)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>

#include "dossier-map-pane.h"
#include "dossier-test-display.h"

typedef struct {
  guint  hits;
  char  *user_agent;
  GBytes *png;
} Server;

static void
handle (SoupServer        *soup,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           data)
{
  Server *server = data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);

  server->hits++;
  g_free (server->user_agent);
  server->user_agent = g_strdup (soup_message_headers_get_one (headers, "User-Agent"));
  if (g_str_has_prefix (path, "/ok/"))
    {
      soup_message_headers_append (soup_server_message_get_response_headers (message), "Cache-Control", "max-age=86400");
      soup_server_message_set_response (message, "image/png", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (server->png, NULL), g_bytes_get_size (server->png));
      soup_server_message_set_status (message, 200, NULL);
    }
  else if (g_str_has_prefix (path, "/garbage/"))
    {
      soup_server_message_set_response (message, "image/png", SOUP_MEMORY_STATIC, "not an image", 12);
      soup_server_message_set_status (message, 200, NULL);
    }
  else
    soup_server_message_set_status (message, 404, NULL);
}

typedef struct {
  gboolean done;
  gboolean ok;
  GError  *error;
} Fill;

static void
filled (GObject      *source,
        GAsyncResult *result,
        gpointer      data)
{
  Fill *fill = data;

  fill->ok = shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (source), result, &fill->error);
  fill->done = TRUE;
}

static gboolean
fill_tile (ShumateMapSource *source,
           int               x,
           int               y,
           int               z,
           GError          **error)
{
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (x, y, z, 256);
  Fill fill = { 0 };
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, dossier_test_set_flag, &timed_out);

  shumate_map_source_fill_tile_async (source, tile, NULL, filled, &fill);
  while (!fill.done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  if (fill.ok)
    g_assert_nonnull (shumate_tile_get_paintable (tile));
  if (fill.error != NULL)
    g_propagate_error (error, fill.error);
  return fill.ok;
}

static void
test_online (void)
{
  g_autoptr(SoupServer) soup = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) pixels = NULL;
  g_autofree guchar *data = g_malloc0 (256 * 256 * 4);
  Server server = { 0 };
  GSList *uris;
  int port;

  /* A real 256 × 256 PNG tile. */
  for (int i = 0; i < 256 * 256; i++)
    {
      data[4 * i] = 200;
      data[4 * i + 3] = 255;
    }
  pixels = g_bytes_new (data, 256 * 256 * 4);
  texture = gdk_memory_texture_new (256, 256, GDK_MEMORY_R8G8B8A8, pixels, 256 * 4);
  server.png = gdk_texture_save_to_png_bytes (texture);

  soup_server_add_handler (soup, NULL, handle, &server, NULL);
  g_assert_true (soup_server_listen_local (soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (soup);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  {
    g_autofree char *ok = g_strdup_printf ("http://127.0.0.1:%d/ok/{z}/{x}/{y}.png", port);
    g_autofree char *missing = g_strdup_printf ("http://127.0.0.1:%d/missing/{z}/{x}/{y}.png", port);
    g_autofree char *garbage = g_strdup_printf ("http://127.0.0.1:%d/garbage/{z}/{x}/{y}.png", port);
    g_autoptr(ShumateMapSource) good = dossier_map_pane_new_online_source (ok);
    g_autoptr(ShumateMapSource) none = dossier_map_pane_new_online_source (missing);
    g_autoptr(ShumateMapSource) bad = dossier_map_pane_new_online_source (garbage);
    guint hits;

    /* A tile comes, asked for by a client that names itself. */
    g_assert_true (fill_tile (good, 31, 29, 6, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (server.hits, ==, 1);
    g_assert_true (g_str_has_prefix (server.user_agent, "Dossier/"));

    /* Asked again (once the cache has written it down), it comes from the cache, not the
     * network. */
    {
      gboolean later = FALSE;

      g_timeout_add (500, dossier_test_set_flag, &later);
      while (!later)
        g_main_context_iteration (NULL, TRUE);
    }
    hits = server.hits;
    g_assert_true (fill_tile (good, 31, 29, 6, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (server.hits, ==, hits);

    /* A 404 and an answer that is not an image fail that tile, and nothing else. */
    g_assert_false (fill_tile (none, 31, 29, 6, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (fill_tile (bad, 31, 29, 6, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  g_bytes_unref (server.png);
  g_free (server.user_agent);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;

  dossier_test_display_init (&argc, &argv);
  /* Shumate's tile cache in a place of the test's own. */
  cache = g_dir_make_tmp ("dossier-tiles-XXXXXX", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  g_test_add_func ("/tiles/online", test_online);

  return g_test_run ();
}
