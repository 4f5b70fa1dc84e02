/* dossier-basemap-data.c: the basemap's shapes and places, read once from the GeoJSON
 * shipped in the program and projected as they are read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dossier-basemap-layer-private.h"
#include "dossier-geo.h"
#include "dossier-text.h"
#include "dossier-vocab.h"

#define GEO_PREFIX "/org/dossier/Dossier/geo/"
#define VOCAB_PREFIX "/org/dossier/Dossier/core/vocab/"

static void
ring_free (gpointer data)
{
  g_array_unref (*(GArray **) data);
}

void
_dossier_basemap_shape_free (Shape *shape)
{
  g_array_unref (shape->rings);
  g_free (shape->label);
  g_free (shape);
}

void
_dossier_basemap_tile_free (Tile *tile)
{
  cairo_surface_destroy (tile->surface);
  g_free (tile);
}

void
_dossier_basemap_place_clear (gpointer data)
{
  g_free (((Place *) data)->name);
}

static void
add_ring (Shape     *shape,
          JsonArray *coordinates)
{
  GArray *ring = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * json_array_get_length (coordinates));

  for (guint i = 0; i < json_array_get_length (coordinates); i++)
    {
      JsonArray *point = json_array_get_array_element (coordinates, i);
      double x, y;

      if (point == NULL || json_array_get_length (point) < 2)
        continue;
      dossier_geo_project (json_array_get_double_element (point, 1), json_array_get_double_element (point, 0), &x, &y);
      g_array_append_val (ring, x);
      g_array_append_val (ring, y);
      shape->bbox[0] = MIN (shape->bbox[0], x);
      shape->bbox[1] = MIN (shape->bbox[1], y);
      shape->bbox[2] = MAX (shape->bbox[2], x);
      shape->bbox[3] = MAX (shape->bbox[3], y);
    }
  g_array_append_val (shape->rings, ring);
}

/* Polygons and lines, single or multiple, become rings; holes are drawn even-odd. */
static void
add_geometry (Shape      *shape,
              JsonObject *geometry)
{
  const char *type = json_object_get_string_member_with_default (geometry, "type", "");
  JsonArray *coordinates = json_object_get_array_member (geometry, "coordinates");

  if (coordinates == NULL)
    return;
  if (g_str_equal (type, "LineString"))
    add_ring (shape, coordinates);
  else if (g_str_equal (type, "Polygon") || g_str_equal (type, "MultiLineString"))
    for (guint i = 0; i < json_array_get_length (coordinates); i++)
      add_ring (shape, json_array_get_array_element (coordinates, i));
  else if (g_str_equal (type, "MultiPolygon"))
    for (guint i = 0; i < json_array_get_length (coordinates); i++)
      {
        JsonArray *polygon = json_array_get_array_element (coordinates, i);

        for (guint j = 0; polygon && j < json_array_get_length (polygon); j++)
          add_ring (shape, json_array_get_array_element (polygon, j));
      }
}

/**
 * dossier_basemap_load_features:
 * @name: a file of data/geo, such as "places.geojson"
 *
 * Returns: (transfer full) (nullable): the features of that GeoJSON file built into the
 *   program, or %NULL if it is not there
 */
JsonArray *
dossier_basemap_load_features (const char *name)
{
  g_autofree char *path = g_strconcat (GEO_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (bytes == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_warning ("The basemap file %s is damaged: %s", name, error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) || json_object_get_array_member (json_node_get_object (root), "features") == NULL)
    return NULL;
  return json_array_ref (json_object_get_array_member (json_node_get_object (root), "features"));
}

/* A point feature's properties and coordinates, or FALSE if it is not one. */
gboolean
dossier_basemap_point_feature (JsonArray   *features,
                               guint        index,
                               JsonObject **properties,
                               double      *latitude,
                               double      *longitude)
{
  JsonObject *feature = json_array_get_object_element (features, index);
  JsonObject *geometry = feature ? json_object_get_object_member (feature, "geometry") : NULL;
  JsonArray *point = geometry ? json_object_get_array_member (geometry, "coordinates") : NULL;

  *properties = feature ? json_object_get_object_member (feature, "properties") : NULL;
  if (point == NULL || *properties == NULL || json_array_get_length (point) < 2)
    return FALSE;
  *longitude = json_array_get_double_element (point, 0);
  *latitude = json_array_get_double_element (point, 1);
  return TRUE;
}

/**
 * dossier_basemap_ink:
 * @ink: what is drawn
 *
 * Returns: the colour of @ink (dossier_palette_map_ink()), for GTK
 */
GdkRGBA
dossier_basemap_ink (DossierMapInk ink)
{
  DossierInk c;

  dossier_palette_map_ink (ink, &c);
  return (GdkRGBA) { c.red, c.green, c.blue, c.alpha };
}

void
_dossier_basemap_set_ink (cairo_t       *cr,
         DossierMapInk  ink)
{
  DossierInk c;

  dossier_palette_map_ink (ink, &c);
  cairo_set_source_rgba (cr, c.red, c.green, c.blue, c.alpha);
}

/* How far (x, y) lies inside @ring: the distance to its nearest edge, negative outside. */
static double
depth_in_ring (GArray *ring,
               double  x,
               double  y)
{
  const double *p = (const double *) ring->data;
  guint n = ring->len / 2;
  gboolean inside = FALSE;
  double nearest = G_MAXDOUBLE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double ax = p[2 * j], ay = p[2 * j + 1], bx = p[2 * i], by = p[2 * i + 1];
      double dx = bx - ax, dy = by - ay, t, ex, ey;

      if ((by > y) != (ay > y) && x < ax + (y - ay) * dx / (by - ay))
        inside = !inside;
      t = dx == 0 && dy == 0 ? 0 : CLAMP (((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy), 0, 1);
      ex = ax + t * dx - x;
      ey = ay + t * dy - y;
      nearest = MIN (nearest, ex * ex + ey * ey);
    }
  return (inside ? 1 : -1) * sqrt (nearest);
}

/* The point of @ring farthest from its edges, where a name has the most room: a region's
 * middle is not its box's middle (Mopti's box's middle is in Ségou). Searched on a grid,
 * then on finer grids around the best point so far. */
static void
interior_point (GArray *ring,
                double *x,
                double *y)
{
  const double *p = (const double *) ring->data;
  double box[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double best = -G_MAXDOUBLE, step_x, step_y;

  for (guint k = 0; k + 1 < ring->len; k += 2)
    {
      box[0] = MIN (box[0], p[k]);
      box[1] = MIN (box[1], p[k + 1]);
      box[2] = MAX (box[2], p[k]);
      box[3] = MAX (box[3], p[k + 1]);
    }
  *x = (box[0] + box[2]) / 2;
  *y = (box[1] + box[3]) / 2;
  if (ring->len < 6)
    return;
  step_x = (box[2] - box[0]) / 24;
  step_y = (box[3] - box[1]) / 24;
  for (int pass = 0; pass < 3; pass++)
    {
      double cx = *x, cy = *y;

      for (int i = -12; i <= 12; i++)
        for (int j = -12; j <= 12; j++)
          {
            double px = cx + i * step_x, py = cy + j * step_y;
            double depth = depth_in_ring (ring, px, py);

            if (depth > best)
              {
                best = depth;
                *x = px;
                *y = py;
              }
          }
      step_x /= 8;
      step_y /= 8;
    }
}

/* The regions' names in the interface's language, by their code: from the vocabulary the
 * program ships (a dossier's own copy may lag behind the basemap). */
static GHashTable *
region_names (const char *lang)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (VOCAB_PREFIX "admin1.json", 0, NULL);
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (bytes == NULL)
    return names;
  terms = dossier_vocab_parse (bytes, "admin1", &error);
  if (terms == NULL)
    {
      g_warning ("The regions' names could not be read: %s", error->message);
      return names;
    }
  for (guint i = 0; i < terms->len; i++)
    {
      DossierVocabTerm *term = terms->pdata[i];

      g_hash_table_insert (names, g_strdup (dossier_vocab_term_get_code (term)), g_strdup (dossier_vocab_term_get_label (term, lang)));
    }
  return names;
}

void
_dossier_basemap_load_shapes (DossierBasemapLayer *self,
             const char          *file,
             ShapeKind            kind)
{
  g_autoptr(JsonArray) features = dossier_basemap_load_features (file);
  g_autoptr(GHashTable) regions = kind == SHAPE_REGION ? region_names (self->lang) : NULL;

  for (guint i = 0; features && i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *geometry = feature ? json_object_get_object_member (feature, "geometry") : NULL;
      JsonObject *properties = feature ? json_object_get_object_member (feature, "properties") : NULL;
      Shape *shape;

      if (geometry == NULL)
        continue;
      shape = g_new0 (Shape, 1);
      shape->kind = kind;
      shape->rings = g_array_new (FALSE, FALSE, sizeof (GArray *));
      g_array_set_clear_func (shape->rings, ring_free);
      shape->bbox[0] = shape->bbox[1] = G_MAXDOUBLE;
      shape->bbox[2] = shape->bbox[3] = -G_MAXDOUBLE;
      add_geometry (shape, geometry);
      if (properties != NULL)
        {
          const char *lake = json_object_get_string_member_with_default (properties, "kind", "");

          if (kind == SHAPE_RIVER && g_str_equal (lake, "lake"))
            shape->kind = SHAPE_LAKE;
          if (kind == SHAPE_COUNTRY)
            {
              const char *iso = json_object_get_string_member_with_default (properties, "iso_a3", "");
              const char *name = json_object_get_string_member_with_default (properties,
                                                                             g_str_equal (self->lang, "fr") ? "name_fr" : "name_en", "");

              if (g_str_equal (iso, "MLI"))
                shape->kind = SHAPE_MALI;
              shape->label = g_strdup (name);
            }
          if (kind == SHAPE_REGION)
            {
              const char *name = g_hash_table_lookup (regions, json_object_get_string_member_with_default (properties, "admin1", ""));

              /* Set apart from the towns that share their names, as maps do: in capitals. */
              shape->label = name ? g_utf8_strup (name, -1) : NULL;
            }
        }
      /* A name goes in the largest part (Spain's is not in the Canaries), where it has the
       * most room. */
      {
        double largest = -1;

        for (guint r = 0; r < shape->rings->len; r++)
          {
            GArray *ring = g_array_index (shape->rings, GArray *, r);
            double b[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

            for (guint k = 0; k + 1 < ring->len; k += 2)
              {
                b[0] = MIN (b[0], g_array_index (ring, double, k));
                b[1] = MIN (b[1], g_array_index (ring, double, k + 1));
                b[2] = MAX (b[2], g_array_index (ring, double, k));
                b[3] = MAX (b[3], g_array_index (ring, double, k + 1));
              }
            if (ring->len >= 2 && (b[2] - b[0]) * (b[3] - b[1]) > largest)
              {
                largest = (b[2] - b[0]) * (b[3] - b[1]);
                shape->label_x = (b[0] + b[2]) / 2;
                shape->label_y = (b[1] + b[3]) / 2;
                shape->label_width = b[2] - b[0];
                if (shape->label != NULL)
                  {
                    interior_point (ring, &shape->label_x, &shape->label_y);
                    shape->label_room = depth_in_ring (ring, shape->label_x, shape->label_y);
                  }
              }
          }
      }
      if (shape->rings->len == 0)
        _dossier_basemap_shape_free (shape);
      else
        g_ptr_array_add (self->shapes, shape);
    }
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const Place *p = a, *q = b;

  if (p->rank != q->rank)
    return p->rank - q->rank;
  if (p->order != q->order)
    return p->order - q->order;
  return (q->population > p->population) - (q->population < p->population);
}

/* A region's chef-lieu, known by the region's name in either language. */
typedef struct {
  int               order;   /* Bamako, then the regions of before 2016, then Taoudénit and Ménaka, then those of 2023 */
  DossierVocabTerm *region;  /* whose name the place takes; NULL for Bamako, which keeps its own */
} ChefLieu;

/* The chefs-lieux by their names folded (the places' "name_ascii"), from the regions'
 * vocabulary: GeoNames calls Tombouctou "Timbuktu" and Taoudénit "Taoudenni", and ranks
 * them as villages. Where two are too close for both names, the older region's keeps it. */
static GHashTable *
chefs_lieux (GPtrArray **terms_out)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (VOCAB_PREFIX "admin1.json", 0, NULL);
  GPtrArray *terms = bytes ? dossier_vocab_parse (bytes, "admin1", NULL) : NULL;
  GHashTable *known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ChefLieu *capital = g_new0 (ChefLieu, 1);

  /* The capital is the chef-lieu of no region: its district is named after it. */
  capital->order = 1;
  g_hash_table_insert (known, g_strdup ("bamako"), capital);
  for (guint i = 0; terms && i < terms->len; i++)
    {
      DossierVocabTerm *term = terms->pdata[i];
      const char *names[] = { dossier_vocab_term_get_label_fr (term), dossier_vocab_term_get_label_en (term) };

      if (g_str_equal (dossier_vocab_term_get_code (term), "bamako"))
        continue;
      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        {
          g_autofree char *folded = names[n] ? dossier_fold_text (names[n]) : NULL;
          ChefLieu *chef;

          if (folded == NULL || g_hash_table_contains (known, folded))
            continue;
          chef = g_new0 (ChefLieu, 1);
          chef->order = i + 2;
          chef->region = term;
          g_hash_table_insert (known, g_steal_pointer (&folded), chef);
        }
    }
  *terms_out = terms;
  return known;
}

void
_dossier_basemap_load_places (DossierBasemapLayer *self)
{
  g_autoptr(JsonArray) features = dossier_basemap_load_features ("places.geojson");
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GHashTable) known = chefs_lieux (&terms);

  for (guint i = 0; features && i < json_array_get_length (features); i++)
    {
      JsonObject *properties;
      double latitude, longitude;
      Place place = { 0 };
      ChefLieu *chef;

      if (!dossier_basemap_point_feature (features, i, &properties, &latitude, &longitude))
        continue;
      place.name = g_strdup (json_object_get_string_member_with_default (properties, "name", ""));
      place.rank = json_object_get_int_member_with_default (properties, "rank", 3);
      place.population = json_object_get_int_member_with_default (properties, "population", 0);
      chef = g_str_equal (json_object_get_string_member_with_default (properties, "country", ""), "ML")
             ? g_hash_table_lookup (known, json_object_get_string_member_with_default (properties, "name_ascii", ""))
             : NULL;
      if (chef != NULL)
        {
          place.rank = 1;
          place.order = chef->order;
          /* Tombouctou in French, Timbuktu in English, as the vocabulary has them. */
          if (chef->region != NULL)
            {
              g_free (place.name);
              place.name = g_strdup (dossier_vocab_term_get_label (chef->region, self->lang));
            }
        }
      else if (place.rank == 1)
        place.order = G_MAXINT;
      dossier_geo_project (latitude, longitude, &place.x, &place.y);
      g_array_append_val (self->places, place);
    }
  g_array_sort (self->places, compare_places);
}

