/* test-geo.c: coordinates as typed, the projection, clusters, and the regions of the basemap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "dossier-geo.h"
#include "dossier-mbtiles.h"
#include "dossier-store.h"
#include "dossier-test-util.h"
#include "dossier-vocab.h"
#include "dossier-vocab-term.h"
#include "dossier-store-private.h" /* tests look at the file underneath */

static void
check (const char *text,
       double      lat,
       double      lon)
{
  g_autoptr(GError) error = NULL;
  double a = NAN, b = NAN;

  if (!dossier_geo_parse (text, &a, &b, &error))
    g_error ("“%s” not read: %s", text, error->message);
  if (fabs (a - lat) > 1e-4 || fabs (b - lon) > 1e-4)
    g_error ("“%s” read as %f, %f instead of %f, %f", text, a, b, lat, lon);
}

static void
refused (const char *text)
{
  g_autoptr(GError) error = NULL;
  double a, b;

  if (dossier_geo_parse (text, &a, &b, &error))
    g_error ("“%s” was read as %f, %f", text, a, b);
  g_assert_error (error, DOSSIER_GEO_ERROR, 0);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_parse (void)
{
  /* Decimal degrees, with points or commas, signs or hemispheres. */
  check ("14.4936, -4.1990", 14.4936, -4.1990);
  check ("14.4936 -4.1990", 14.4936, -4.1990);
  check ("14.4936,-4.1990", 14.4936, -4.1990);
  check ("14,4936 ; -4,1990", 14.4936, -4.1990);
  check ("14,4936, -4,1990", 14.4936, -4.1990);
  check ("14,4936 -4,1990", 14.4936, -4.1990);
  check ("  16.27 N 0.04 W ", 16.27, -0.04);
  check ("N 16.27, E 0.04", 16.27, 0.04);
  check ("14 -4", 14, -4);
  check ("14,-4", 14, -4);
  check ("−14.5 +4.25", -14.5, 4.25);
  /* Degrees, minutes, seconds, with the usual symbols and the French west. */
  check ("14°29′37″N 4°11′56″W", 14 + 29 / 60.0 + 37 / 3600.0, -(4 + 11 / 60.0 + 56 / 3600.0));
  check ("14° 29' 37\" N, 4° 11' 56\" O", 14 + 29 / 60.0 + 37 / 3600.0, -(4 + 11 / 60.0 + 56 / 3600.0));
  check ("14°29'37''N 4°11'56''E", 14 + 29 / 60.0 + 37 / 3600.0, 4 + 11 / 60.0 + 56 / 3600.0);
  check ("14°30′N 4°15′W", 14.5, -4.25);
  check ("14d30m N 4d15m W", 14.5, -4.25);
  check ("14.5° -4.25°", 14.5, -4.25);
  check ("14°29,5′ N 4°11,5′ O", 14 + 29.5 / 60, -(4 + 11.5 / 60));
  /* The longitude first, said so by its hemisphere. */
  check ("4°11′56″ W 14°29′37″ N", 14 + 29 / 60.0 + 37 / 3600.0, -(4 + 11 / 60.0 + 56 / 3600.0));
  check ("1.5 E, 16 N", 16, 1.5);
  /* Non-breaking spaces as French keyboards type them. */
  check ("14,5\u202f; -4,25", 14.5, -4.25);

  refused ("");
  refused ("14.5");
  refused ("Mopti");
  refused ("14.5 -4.2 3");
  refused ("91 0");
  refused ("0 181");
  refused ("14°61′ N 4° W");
  refused ("14°29′70″ N 4° W");
  refused ("14 N 15 N");
  refused ("14.5 -4.2x");
}

static void
test_format (void)
{
  g_autofree char *dms = dossier_geo_format_dms (14 + 29 / 60.0 + 37 / 3600.0, -(4 + 11 / 60.0 + 56 / 3600.0));
  double lat, lon;

  g_assert_cmpstr (dms, ==, "14°29′37″ N 4°11′56″ W");
  /* What is written can be read back. */
  g_assert_true (dossier_geo_parse (dms, &lat, &lon, NULL));
  g_assert_cmpfloat_with_epsilon (lat, 14 + 29 / 60.0 + 37 / 3600.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (lon, -(4 + 11 / 60.0 + 56 / 3600.0), 1e-6);
}

static void
test_projection (void)
{
  double x, y, lat, lon;

  dossier_geo_project (0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-12);
  dossier_geo_project (85.05112878, -180, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-6);
  /* North is up; east is right. */
  {
    double x1, y1, x2, y2;

    dossier_geo_project (16.27, -0.04, &x1, &y1);   /* Gao */
    dossier_geo_project (12.65, -8.0, &x2, &y2);    /* Bamako */
    g_assert_cmpfloat (y1, <, y2);
    g_assert_cmpfloat (x1, >, x2);
  }
  for (double a = -80; a <= 80; a += 7.3)
    for (double o = -179; o <= 179; o += 13.1)
      {
        dossier_geo_project (a, o, &x, &y);
        dossier_geo_unproject (x, y, &lat, &lon);
        g_assert_cmpfloat_with_epsilon (lat, a, 1e-9);
        g_assert_cmpfloat_with_epsilon (lon, o, 1e-9);
      }
}

static void
test_cluster (void)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (DossierGeoPoint));
  const char *killing = g_intern_static_string ("killing");
  const char *looting = g_intern_static_string ("looting");
  GRand *rand = g_rand_new_with_seed (7);

  /* Points over Mali, some on the very same spot. */
  for (int i = 0; i < 5000; i++)
    {
      DossierGeoPoint p = { i + 1, g_rand_double_range (rand, 10, 25), g_rand_double_range (rand, -12, 4),
                            i % 3 ? killing : looting };
      if (i % 50 == 0)
        {
          p.latitude = 14.4936;
          p.longitude = -4.1990;
        }
      g_array_append_val (points, p);
    }
  g_rand_free (rand);

  for (double zoom = 3; zoom <= 18; zoom += 1.5)
    {
      g_autoptr(GArray) clusters = dossier_geo_cluster ((DossierGeoPoint *) points->data, points->len, zoom, 48);
      guint total = 0;

      /* Every point in one cluster, at every zoom. */
      for (guint i = 0; i < clusters->len; i++)
        {
          DossierGeoCluster *c = &g_array_index (clusters, DossierGeoCluster, i);

          total += c->count;
          g_assert_true (c->key == killing || c->key == looting);
          g_assert_cmpfloat (c->latitude, >=, 10);
          g_assert_cmpfloat (c->latitude, <=, 25);
          if (i > 0)
            g_assert_cmpint (g_array_index (clusters, DossierGeoCluster, i - 1).id, <, c->id);
        }
      g_assert_cmpuint (total, ==, points->len);
      /* Zoomed out, few; zoomed in, nearly one per point, but the same spot stays one. */
      if (zoom <= 3)
        g_assert_cmpuint (clusters->len, <, 100);
      if (zoom >= 18)
        {
          g_assert_cmpuint (clusters->len, <=, points->len - 99);
          g_assert_cmpuint (clusters->len, >, points->len - 150);
        }
    }

  /* The most frequent key wins. */
  {
    DossierGeoPoint three[] = { { 1, 14, -4, looting }, { 2, 14, -4, killing }, { 3, 14, -4, killing } };
    g_autoptr(GArray) one = dossier_geo_cluster (three, 3, 10, 48);

    g_assert_cmpuint (one->len, ==, 1);
    g_assert_true (g_array_index (one, DossierGeoCluster, 0).key == killing);
    g_assert_cmpint (g_array_index (one, DossierGeoCluster, 0).id, ==, 1);
    g_assert_cmpuint (g_array_index (one, DossierGeoCluster, 0).count, ==, 3);
  }
}

/* An MBTiles file made here: rows stored from the south, as the specification says. */
static void
test_mbtiles (void)
{
  g_autofree char *path = dossier_test_tmp_path ("tiles.mbtiles");
  g_autofree char *junk = dossier_test_tmp_path ("junk.mbtiles");
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierMbtiles) tiles = NULL;
  g_autoptr(GBytes) tile = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "CREATE TABLE metadata (name TEXT, value TEXT);"
    "INSERT INTO metadata VALUES ('name', 'Mopti test'), ('minzoom', '5'), ('maxzoom', '12'), ('attribution', 'Test data');"
    "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
    /* z 6, x 31, XYZ y 29 is TMS row 63 - 29 = 34. */
    "INSERT INTO tiles VALUES (6, 31, 34, x'89504E47AA');"
    "INSERT INTO tiles VALUES (6, 31, 29, x'00');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  tiles = dossier_mbtiles_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_mbtiles_get_name (tiles), ==, "Mopti test");
  g_assert_cmpstr (dossier_mbtiles_get_attribution (tiles), ==, "Test data");
  g_assert_cmpint (dossier_mbtiles_get_min_zoom (tiles), ==, 5);
  g_assert_cmpint (dossier_mbtiles_get_max_zoom (tiles), ==, 12);

  tile = dossier_mbtiles_get_tile (tiles, 6, 31, 29, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tile);
  g_assert_cmpuint (g_bytes_get_size (tile), ==, 5);
  g_assert_cmpint (((const guchar *) g_bytes_get_data (tile, NULL))[0], ==, 0x89);
  g_clear_pointer (&tile, g_bytes_unref);
  /* The row flipped the other way is the other tile. */
  tile = dossier_mbtiles_get_tile (tiles, 6, 31, 34, &error);
  g_assert_cmpuint (g_bytes_get_size (tile), ==, 1);
  g_clear_pointer (&tile, g_bytes_unref);
  /* Missing, and out of the world: none, and no error. */
  g_assert_null (dossier_mbtiles_get_tile (tiles, 6, 30, 29, &error));
  g_assert_no_error (error);
  g_assert_null (dossier_mbtiles_get_tile (tiles, 6, 64, 0, &error));
  g_assert_null (dossier_mbtiles_get_tile (tiles, -1, 0, 0, &error));
  g_assert_no_error (error);

  /* Not a tile file. */
  dossier_test_write_file (junk, "not a database at all, just text", -1);
  g_assert_null (dossier_mbtiles_open (junk, &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_A_DOSSIER);
  g_clear_error (&error);
  g_assert_null (dossier_mbtiles_open ("/nonexistent/tiles.mbtiles", &error));
  g_assert_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
}

/* The basemap's files, as shipped (data/geo), read with the parser the map uses. */
static JsonNode *
read_basemap (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "geo", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

/* An outline as flat rings of longitude, latitude pairs, with its box: the tiling check below
 * asks some 25,000 points of every region. */
typedef struct {
  const char *admin1;
  GPtrArray  *rings;        /* GArray of double: lon, lat, lon, lat... */
  double      west, south, east, north;
} Outline;

static void
outline_free (Outline *outline)
{
  g_ptr_array_unref (outline->rings);
  g_free (outline);
}

static Outline *
outline_new (JsonObject *feature)
{
  JsonObject *geometry = json_object_get_object_member (feature, "geometry");
  const char *type = json_object_get_string_member (geometry, "type");
  JsonArray *coordinates = json_object_get_array_member (geometry, "coordinates");
  gboolean multi = g_str_equal (type, "MultiPolygon");
  Outline *outline = g_new0 (Outline, 1);

  g_assert_true (multi || g_str_equal (type, "Polygon"));
  outline->admin1 = json_object_get_string_member_with_default (json_object_get_object_member (feature, "properties"), "admin1", NULL);
  outline->rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  outline->west = outline->south = INFINITY;
  outline->east = outline->north = -INFINITY;
  for (guint p = 0; p < (multi ? json_array_get_length (coordinates) : 1); p++)
    {
      JsonArray *polygon = multi ? json_array_get_array_element (coordinates, p) : coordinates;

      for (guint r = 0; r < json_array_get_length (polygon); r++)
        {
          JsonArray *ring = json_array_get_array_element (polygon, r);
          GArray *points = g_array_new (FALSE, FALSE, sizeof (double));

          /* Closed, and not a stray point or segment. */
          g_assert_cmpuint (json_array_get_length (ring), >=, 4);
          for (guint i = 0; i < json_array_get_length (ring); i++)
            {
              JsonArray *point = json_array_get_array_element (ring, i);
              double xy[2] = { json_array_get_double_element (point, 0), json_array_get_double_element (point, 1) };

              g_array_append_vals (points, xy, 2);
              outline->west = MIN (outline->west, xy[0]);
              outline->east = MAX (outline->east, xy[0]);
              outline->south = MIN (outline->south, xy[1]);
              outline->north = MAX (outline->north, xy[1]);
            }
          g_ptr_array_add (outline->rings, points);
        }
    }
  return outline;
}

/* Even-odd rule over every ring, so that a hole (Bamako in Koulikoro) is outside. */
static gboolean
outline_contains (const Outline *outline,
                  double         lat,
                  double         lon)
{
  gboolean inside = FALSE;

  if (lat < outline->south || lat > outline->north || lon < outline->west || lon > outline->east)
    return FALSE;
  for (guint r = 0; r < outline->rings->len; r++)
    {
      GArray *ring = outline->rings->pdata[r];
      const double *xy = (const double *) ring->data;
      guint n = ring->len / 2;

      for (guint i = 0, j = n - 1; i < n; j = i++)
        {
          double ax = xy[2 * i], ay = xy[2 * i + 1], bx = xy[2 * j], by = xy[2 * j + 1];

          if ((ay > lat) != (by > lat) && lon < (bx - ax) * (lat - ay) / (by - ay) + ax)
            inside = !inside;
        }
    }
  return inside;
}

/* The codes of the regions whose outline holds the point, comma-separated. */
static char *
regions_at (GPtrArray *outlines,
            double     lat,
            double     lon)
{
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < outlines->len; i++)
    {
      Outline *outline = outlines->pdata[i];

      if (outline_contains (outline, lat, lon))
        g_string_append_printf (codes, "%s%s", codes->len ? "," : "", outline->admin1);
    }
  return g_string_free (codes, FALSE);
}

/* Mali's map has every region of the vocabulary, Ménaka and Taoudénit among them, one outline
 * each; a town lies in its own region; and the outlines tile the country with no overlap and
 * no gap bigger than the difference between two sources' borders. */
static void
test_regions (void)
{
  g_autoptr(DossierStore) store = dossier_test_new_store ("regions.dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) terms = dossier_store_list_vocab (store, "admin1", &error);
  g_autoptr(JsonNode) regions = read_basemap ("mali-regions.geojson");
  g_autoptr(JsonNode) countries = read_basemap ("countries.geojson");
  JsonArray *features = json_object_get_array_member (json_node_get_object (regions), "features");
  JsonArray *world = json_object_get_array_member (json_node_get_object (countries), "features");
  g_autoptr(GPtrArray) outlines = g_ptr_array_new_with_free_func ((GDestroyNotify) outline_free);
  g_autoptr(GHashTable) drawn = g_hash_table_new (g_str_hash, g_str_equal);
  Outline *mali = NULL;
  struct { const char *admin1; double lat, lon; const char *name; } towns[] = {
    { "menaka", 15.92, 2.40, "Ménaka" },
    { "taoudenit", 22.68, -3.98, "Taoudénit" },
    { "taoudenit", 18.905, -3.527, "Araouane" },
    { "tombouctou", 16.773, -3.007, "Tombouctou" },
    { "tombouctou", 16.415, -3.671, "Goundam" },
    { "gao", 16.27, -0.04, "Gao" },
    { "gao", 16.955, -0.349, "Bourem" },
    { "kidal", 18.44, 1.41, "Kidal" },
    { "mopti", 14.33, -4.60, "Moura" },
    { "douentza", 15.283, -1.700, "Hombori" },
    { "bamako", 12.64, -8.0, "Bamako" },
    { "koulikoro", 12.744, -8.072, "Kati" },
  };
  guint in_mali = 0, in_none = 0, outside = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (terms->len, >=, 11);
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      Outline *outline = outline_new (json_array_get_object_element (features, i));

      /* Once each. */
      g_assert_false (g_hash_table_contains (drawn, outline->admin1));
      g_hash_table_add (drawn, (gpointer) outline->admin1);
      g_ptr_array_add (outlines, outline);
    }
  for (guint i = 0; i < terms->len; i++)
    {
      DossierVocabTerm *term = terms->pdata[i];
      g_autofree char *at = regions_at (outlines, dossier_vocab_term_get_latitude (term), dossier_vocab_term_get_longitude (term));

      if (!g_hash_table_contains (drawn, dossier_vocab_term_get_code (term)))
        g_error ("the map has no outline for the region “%s” (%s)", dossier_vocab_term_get_label_fr (term), dossier_vocab_term_get_code (term));
      /* Its chef-lieu, where the vocabulary puts it, lies in it and only in it. */
      g_assert_false (isnan (dossier_vocab_term_get_latitude (term)));
      if (g_strcmp0 (at, dossier_vocab_term_get_code (term)) != 0)
        g_error ("%s (%f, %f) lies in “%s”, not in %s", dossier_vocab_term_get_label_fr (term), dossier_vocab_term_get_latitude (term), dossier_vocab_term_get_longitude (term), at, dossier_vocab_term_get_code (term));
    }
  g_assert_cmpuint (g_hash_table_size (drawn), ==, terms->len);
  for (guint i = 0; i < G_N_ELEMENTS (towns); i++)
    {
      g_autofree char *at = regions_at (outlines, towns[i].lat, towns[i].lon);

      if (g_strcmp0 (at, towns[i].admin1) != 0)
        g_error ("%s lies in “%s”, not in %s", towns[i].name, at, towns[i].admin1);
    }

  /* Every 0.1°: no spot in two regions, and the regions cover Natural Earth's Mali, that the
   * map draws under them, but for a sliver along the border where the two sources differ. */
  for (guint i = 0; i < json_array_get_length (world) && mali == NULL; i++)
    {
      JsonObject *country = json_array_get_object_element (world, i);

      if (g_str_equal (json_object_get_string_member (json_object_get_object_member (country, "properties"), "iso_a3"), "MLI"))
        mali = outline_new (country);
    }
  g_assert_nonnull (mali);
  for (double lat = 10.0123; lat < 25.1; lat += 0.1)
    for (double lon = -12.3217; lon < 4.3; lon += 0.1)
      {
        g_autofree char *at = regions_at (outlines, lat, lon);

        if (strchr (at, ',') != NULL)
          g_error ("%f, %f lies in the regions %s", lat, lon, at);
        if (outline_contains (mali, lat, lon))
          {
            in_mali++;
            in_none += *at == '\0';
          }
        else
          outside += *at != '\0';
      }
  g_assert_cmpuint (in_mali, >, 10000);
  g_assert_cmpuint (in_none, <, in_mali / 100);
  g_assert_cmpuint (outside, <, in_mali / 100);
  outline_free (mali);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  dossier_test_register_resources ();

  g_test_add_func ("/geo/parse", test_parse);
  g_test_add_func ("/geo/format", test_format);
  g_test_add_func ("/geo/projection", test_projection);
  g_test_add_func ("/geo/cluster", test_cluster);
  g_test_add_func ("/geo/mbtiles", test_mbtiles);
  g_test_add_func ("/craft/05-regions", test_regions);

  return g_test_run ();
}
