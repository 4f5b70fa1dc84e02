/* dossier-basemap-layer.c: the offline basemap: countries, Mali's regions, rivers, places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn from GeoJSON shipped in the program (data/geo, see its README for sources and
 * licences), so that the map works with no network at all. The shapes are projected once,
 * when loaded. On screen they are drawn into square tiles kept as textures, so that a
 * frame mostly places images; a figure for export draws them as lines.
 * Names are not drawn with the land: DossierLabelLayer asks for them over the incidents, so
 * that a cluster never hides a town's name. They appear by rank as the map zooms in (Bamako
 * and the regions' chefs-lieux first, then the regions' names, the cercles' towns, the other
 * places and the countries); each tries a few spots around its dot, and a name that finds
 * no free spot is left out rather than drawn over another name or the dot of a place as
 * important.
 */
#include "config.h"

#include <math.h>

#include <json-glib/json-glib.h>

#include "dossier-basemap-layer.h"
#include "dossier-test-hooks.h"
#include "dossier-geo.h"
#include "dossier-text.h"
#include "dossier-vocab.h"

#define GEO_PREFIX "/org/dossier/Dossier/geo/"
#define VOCAB_PREFIX "/org/dossier/Dossier/core/vocab/"

typedef enum {
  SHAPE_COUNTRY,
  SHAPE_MALI,       /* Mali itself, drawn lighter */
  SHAPE_REGION,     /* Mali's regions: their borders */
  SHAPE_RIVER,
  SHAPE_LAKE,
} ShapeKind;

typedef struct {
  ShapeKind  kind;
  GArray    *rings;    /* of GArray of double x, y pairs (projected, 0..1) */
  double     bbox[4];  /* min x, min y, max x, max y */
  char      *label;    /* countries and regions: their name */
  double     label_x;
  double     label_y;
  double     label_width;  /* of the part named */
  double     label_room;   /* from the name's point to the nearest edge */
} Shape;

/* Where a name may go: the view's pixels it covers. */
typedef struct {
  PangoLayout     *layout;
  GdkRGBA          ink;  /* a copy: the placing functions' inks are their own locals */
  graphene_rect_t  box;
} Placed;

/* A place's dot, which names of places as important or less keep clear of. */
typedef struct {
  graphene_rect_t  box;
  int              rank;
  gboolean         unnamed;   /* covered by a more important name: it gets none */
} Dot;

typedef struct {
  char   *name;
  double  x;
  double  y;
  int     rank;        /* 1: capitals, 2: towns, 3: the rest */
  gint64  population;
  int     order;       /* within rank 1: Bamako, then the regions' chefs-lieux, oldest first */
} Place;

/* A square of the basemap at one zoom level, drawn once. */
typedef struct {
  cairo_surface_t *surface;
  guint64          used;      /* the last frame that showed it */
} Tile;

#define TILE_SIZE       256
#define MAX_TILES       128      /* 32 MB at most */
#define TILE_BUDGET_US  8000

struct _DossierBasemapLayer
{
  ShumateLayer  parent_instance;

  GHashTable   *tiles;    /* guint64 * → Tile */
  guint64       frame;
  guint         refill_id;

  char         *lang;
  GPtrArray    *shapes;   /* Shape */
  GArray       *places;   /* Place, by rank then population */
  guint         n_labels; /* drawn in the last frame */
  GArray       *labels;   /* DossierMapLabel: those of the last frame */
  GHashTable   *layouts;  /* name → PangoLayout */
};

G_DEFINE_FINAL_TYPE (DossierBasemapLayer, dossier_basemap_layer, SHUMATE_TYPE_LAYER)

static void
ring_free (gpointer data)
{
  g_array_unref (*(GArray **) data);
}

static void
shape_free (Shape *shape)
{
  g_array_unref (shape->rings);
  g_free (shape->label);
  g_free (shape);
}

static void
tile_free (Tile *tile)
{
  cairo_surface_destroy (tile->surface);
  g_free (tile);
}

static void
place_clear (gpointer data)
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

static void
set_ink (cairo_t       *cr,
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

static void
load_shapes (DossierBasemapLayer *self,
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
        shape_free (shape);
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

static void
load_places (DossierBasemapLayer *self)
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

/* Where a point lies around @box (left, top, right, bottom): one bit per side it is beyond. */
static inline guint
outcode (double        x,
         double        y,
         const double *box)
{
  return (x < box[0]) | (y < box[1]) << 1 | (x > box[2]) << 2 | (y > box[3]) << 3;
}

/* Adds @shape's rings to the path. With a @box, points that cannot change what is drawn
 * inside it are left out: a point is skipped while it, the next one and the last one kept
 * all lie beyond the same side of the box, so the path left out and its shortcut stay
 * beyond that side and fill the same pixels inside. A tile at zoom 10 thus traces a few
 * dozen points of Mali's outline rather than all of them. */
static void
trace (cairo_t      *cr,
       Shape        *shape,
       double        scale,
       double        dx,
       double        dy,
       gboolean      close,
       const double *box)
{
  for (guint r = 0; r < shape->rings->len; r++)
    {
      GArray *ring = g_array_index (shape->rings, GArray *, r);
      const double *p = (const double *) ring->data;
      double last_x = 0, last_y = 0;
      guint last_code = 0;

      for (guint i = 0; i + 1 < ring->len; i += 2)
        {
          double x = p[i] * scale + dx, y = p[i + 1] * scale + dy;
          gboolean end = i + 3 >= ring->len;

          if (i > 0 && !end && box != NULL)
            {
              guint code = outcode (x, y, box);
              guint next = outcode (p[i + 2] * scale + dx, p[i + 3] * scale + dy, box);

              if ((last_code & code & next) != 0)
                continue;
            }
          if (i == 0)
            cairo_move_to (cr, x, y);
          /* Points closer than a pixel to the last one drawn add nothing but time: a
           * country's outline at zoom 5 keeps a tenth of its points. */
          else if (fabs (x - last_x) + fabs (y - last_y) >= 1.0 || end)
            cairo_line_to (cr, x, y);
          else
            continue;
          last_x = x;
          last_y = y;
          last_code = box != NULL ? outcode (x, y, box) : 0;
        }
      if (close)
        cairo_close_path (cr);
    }
}

static PangoLayout *
layout_for (DossierBasemapLayer *self,
            const char          *text,
            DossierMapLabelKind  kind,
            int                  rank)
{
  g_autofree char *key = g_strdup_printf ("%d%d%s", kind, rank, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      switch (kind)
        {
        case DOSSIER_MAP_LABEL_COUNTRY:
          pango_attr_list_insert (attrs, pango_attr_scale_new (0.95));
          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (2 * PANGO_SCALE));
          break;
        case DOSSIER_MAP_LABEL_REGION:
          pango_attr_list_insert (attrs, pango_attr_scale_new (0.72));
          pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PANGO_SCALE));
          break;
        case DOSSIER_MAP_LABEL_PLACE:
        default:
          /* The chefs-lieux a little larger and bolder than the other towns. */
          pango_attr_list_insert (attrs, pango_attr_scale_new (rank == 1 ? 0.85 : 0.8));
          if (rank == 1)
            pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
          break;
        }
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

static gboolean
overlaps (GArray              *taken,
          const graphene_rect_t *rect)
{
  for (guint i = 0; i < taken->len; i++)
    if (graphene_rect_intersection (&g_array_index (taken, graphene_rect_t, i), rect, NULL))
      return TRUE;
  return FALSE;
}

static int
place_min_zoom (const Place *place)
{
  return place->rank == 1 ? 4 : place->rank == 2 ? 6 : 8;
}

static double
place_radius (const Place *place)
{
  return place->rank == 1 ? 3 : 2;
}

/* The land, borders, water and place dots of the area @view (projected), drawn at @scale
 * pixels per projected unit with the origin shifted by @dx, @dy. */
static void
draw_shapes (DossierBasemapLayer *self,
             cairo_t             *cr,
             double               zoom,
             double               scale,
             double               dx,
             double               dy,
             const double         view[4])
{
  /* The area in pixels, with room for the widest line. */
  const double box[4] = { view[0] * scale + dx - 4, view[1] * scale + dy - 4,
                          view[2] * scale + dx + 4, view[3] * scale + dy + 4 };

  set_ink (cr, DOSSIER_MAP_INK_SEA);
  cairo_paint (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < self->shapes->len; i++)
      {
        Shape *shape = self->shapes->pdata[i];

        if (shape->bbox[2] < view[0] || shape->bbox[0] > view[2] || shape->bbox[3] < view[1] || shape->bbox[1] > view[3])
          continue;
        if (pass == 0 && (shape->kind == SHAPE_COUNTRY || shape->kind == SHAPE_MALI))
          {
            /* Land, Mali lighter than its neighbours, borders grey. */
            trace (cr, shape, scale, dx, dy, TRUE, box);
            if (shape->kind == SHAPE_MALI)
              set_ink (cr, DOSSIER_MAP_INK_MALI);
            else
              set_ink (cr, DOSSIER_MAP_INK_LAND);
            cairo_fill_preserve (cr);
            set_ink (cr, DOSSIER_MAP_INK_BORDER);
            cairo_set_line_width (cr, shape->kind == SHAPE_MALI ? 1.6 : 1.0);
            cairo_stroke (cr);
          }
        else if (pass == 1 && shape->kind == SHAPE_REGION)
          {
            /* Whole, so that the dashes meet across tiles. */
            trace (cr, shape, scale, dx, dy, TRUE, NULL);
            set_ink (cr, DOSSIER_MAP_INK_REGION_BORDER);
            cairo_set_line_width (cr, 0.8);
            cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
        else if (pass == 2 && (shape->kind == SHAPE_LAKE || shape->kind == SHAPE_RIVER))
          {
            /* Water areas: a river is mapped as its banks, narrower than a pixel at most
             * zooms, so it is outlined as well as filled to stay visible. */
            trace (cr, shape, scale, dx, dy, TRUE, box);
            set_ink (cr, DOSSIER_MAP_INK_WATER);
            cairo_fill_preserve (cr);
            cairo_set_line_width (cr, shape->kind == SHAPE_RIVER ? CLAMP (zoom - 4, 1, 2.5) : 0.8);
            cairo_stroke (cr);
          }
      }

  /* Places: a dot each, by rank as the map zooms in, at whole levels as their names. */
  set_ink (cr, DOSSIER_MAP_INK_PLACE);
  for (guint i = 0; i < self->places->len; i++)
    {
      Place *place = &g_array_index (self->places, Place, i);

      if (round (zoom) < place_min_zoom (place) || place->x < view[0] || place->x > view[2] || place->y < view[1] || place->y > view[3])
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, place->x * scale + dx, place->y * scale + dy, place_radius (place), 0, 2 * G_PI);
    }
  cairo_fill (cr);
}

/* Pixels kept free around a name, beyond its halo. */
#define NAME_ROOM_X 3
#define NAME_ROOM_Y 1

/* A name's box, with the room its halo takes. */
static void
label_box (graphene_rect_t *box,
           double           x,
           double           y,
           int              w,
           int              h)
{
  graphene_rect_init (box, x - 1, y, w + 2, h);
}

/* Whether a name may go in @box: within the view, over no other name, and over no dot of
 * a place as important as @rank (with @only_before, only over no dot of a place that
 * comes before @own_dot's), nor a dot whose place lost its name. */
static gboolean
box_free (const graphene_rect_t *box,
          GArray                *taken,
          GArray                *dots,
          const Dot             *own_dot,
          int                    rank,
          gboolean               only_before,
          int                    width,
          int                    height)
{
  /* Some room between names as well: two names whose halos meet read as one ("Bankass
   * Koro"), and print measures a name a little wider than the screen does. */
  graphene_rect_t room = *box;

  graphene_rect_inset (&room, -NAME_ROOM_X, -NAME_ROOM_Y);
  if (box->origin.x < 0 || box->origin.y < 0 || box->origin.x + box->size.width > width ||
      box->origin.y + box->size.height > height || overlaps (taken, &room))
    return FALSE;
  for (guint i = 0; dots && i < dots->len; i++)
    {
      const Dot *dot = &g_array_index (dots, Dot, i);
      gboolean matters = only_before ? dot < own_dot : dot->rank <= rank;

      if (dot != own_dot && (matters || dot->unnamed) && graphene_rect_intersection (&dot->box, box, NULL))
        return FALSE;
    }
  return TRUE;
}

/* The first of @n boxes that covers no name, no dot of a place as important, and nothing
 * to @avoid; failing that, for a place, one that covers only dots of places that come
 * after it, which then lose their names (*@hides set): at a small scale, Bamako's name
 * matters more than Koulikoro's dot beside it, and an incident's count more than either.
 * Failing both, the same over something to @avoid (drawn over an incident, with its
 * halo). */
static const graphene_rect_t *
choose_box (const graphene_rect_t *boxes,
            guint                  n,
            GArray                *taken,
            GArray                *dots,
            const Dot             *own_dot,
            int                    rank,
            GArray                *avoid,
            int                    width,
            int                    height,
            gboolean              *hides)
{
  /* Passes: keeping clear of @avoid or not (pass / 2), of all dots or only earlier ones
   * (pass % 2, for places only). */
  *hides = FALSE;
  for (int pass = 0; pass < 4; pass++)
    {
      gboolean only_before = pass % 2 == 1, over_avoid = pass >= 2;

      if (only_before && own_dot == NULL)
        continue;
      for (guint i = 0; i < n; i++)
        if (box_free (&boxes[i], taken, dots, own_dot, rank, only_before, width, height) &&
            (over_avoid || avoid == NULL || !overlaps (avoid, &boxes[i])))
          {
            *hides = only_before;
            return &boxes[i];
          }
    }
  return NULL;
}

static void
place_label (DossierBasemapLayer   *self,
             GArray                *placed,
             GArray                *taken,
             PangoLayout           *layout,
             const GdkRGBA         *ink,
             const graphene_rect_t *box,
             DossierMapLabelKind    kind)
{
  Placed p = { layout, *ink, *box };
  DossierMapLabel label = { pango_layout_get_text (layout), kind, *box };

  g_array_append_val (placed, p);
  g_array_append_val (taken, *box);
  g_array_append_val (self->labels, label);
}

/* Names of places, from the most important down, each at the first free spot around its
 * dot: right, then above or below on the right, then left, then above or below. */
static void
place_town_names (DossierBasemapLayer *self,
                  GArray              *placed,
                  GArray              *taken,
                  GArray              *dots,
                  GArray              *avoid,
                  int                  rank,
                  double               level,
                  double               scale,
                  double               dx,
                  double               dy,
                  int                  width,
                  int                  height)
{
  const GdkRGBA ink = dossier_basemap_ink (DOSSIER_MAP_INK_TEXT);
  guint d = 0;

  for (guint i = 0; i < self->places->len; i++)
    {
      Place *place = &g_array_index (self->places, Place, i);
      double x = place->x * scale + dx, y = place->y * scale + dy, gap;
      const graphene_rect_t *chosen;
      gboolean hides;
      Dot *own_dot;
      graphene_rect_t boxes[8];
      PangoLayout *layout;
      int w, h;

      if (level < place_min_zoom (place) || x < -8 || y < -8 || x > width + 8 || y > height + 8)
        continue;
      /* dots[] holds the dots in the order of places[]. */
      own_dot = &g_array_index (dots, Dot, d++);
      if (place->rank != rank || *place->name == '\0' || own_dot->unnamed)
        continue;
      layout = layout_for (self, place->name, DOSSIER_MAP_LABEL_PLACE, place->rank);
      pango_layout_get_pixel_size (layout, &w, &h);
      gap = place_radius (place) + 2;
      label_box (&boxes[0], x + gap, y - h / 2.0, w, h);
      label_box (&boxes[1], x + gap - 2, y - h + 2, w, h);
      label_box (&boxes[2], x + gap - 2, y - 2, w, h);
      label_box (&boxes[3], x - gap - w, y - h / 2.0, w, h);
      label_box (&boxes[4], x - gap - w + 2, y - h + 2, w, h);
      label_box (&boxes[5], x - gap - w + 2, y - 2, w, h);
      label_box (&boxes[6], x - w / 2.0, y - gap - h + 2, w, h);
      label_box (&boxes[7], x - w / 2.0, y + gap - 2, w, h);
      chosen = choose_box (boxes, G_N_ELEMENTS (boxes), taken, dots, own_dot, place->rank, avoid, width, height, &hides);
      if (chosen == NULL)
        continue;
      place_label (self, placed, taken, layout, &ink, chosen, DOSSIER_MAP_LABEL_PLACE);
      for (guint k = 0; hides && k < dots->len; k++)
        {
          Dot *dot = &g_array_index (dots, Dot, k);

          if (dot > own_dot && graphene_rect_intersection (&dot->box, chosen, NULL))
            dot->unnamed = TRUE;
        }
    }
}

/* Names of areas (regions, countries), at the point with the most room, or a little above
 * or below it; only where the name fits the area. */
static void
place_area_names (DossierBasemapLayer *self,
                  GArray              *placed,
                  GArray              *taken,
                  GArray              *dots,
                  GArray              *avoid,
                  DossierMapLabelKind  kind,
                  double               scale,
                  double               dx,
                  double               dy,
                  int                  width,
                  int                  height)
{
  const GdkRGBA region_ink = dossier_basemap_ink (DOSSIER_MAP_INK_REGION_NAME);
  const GdkRGBA country_ink = dossier_basemap_ink (DOSSIER_MAP_INK_COUNTRY_NAME);

  for (guint i = 0; i < self->shapes->len; i++)
    {
      Shape *shape = self->shapes->pdata[i];
      double x = shape->label_x * scale + dx, y = shape->label_y * scale + dy;
      const graphene_rect_t *chosen;
      graphene_rect_t boxes[3];
      gboolean hides;
      PangoLayout *layout;
      int w, h;

      if (shape->label == NULL || *shape->label == '\0' ||
          (kind == DOSSIER_MAP_LABEL_REGION) != (shape->kind == SHAPE_REGION) ||
          (kind == DOSSIER_MAP_LABEL_COUNTRY && shape->kind != SHAPE_COUNTRY && shape->kind != SHAPE_MALI) ||
          x < 0 || y < 0 || x > width || y > height)
        continue;
      layout = layout_for (self, shape->label, kind, 0);
      pango_layout_get_pixel_size (layout, &w, &h);
      /* A region's name stays within it, or nearly: its middle's room across, with a
       * little more since a name is flat. */
      if (shape->label_width * scale < w ||
          (kind == DOSSIER_MAP_LABEL_REGION && w > 3.2 * shape->label_room * scale))
        continue;
      label_box (&boxes[0], x - w / 2.0, y - h / 2.0, w, h);
      label_box (&boxes[1], x - w / 2.0, y - h * 1.5, w, h);
      label_box (&boxes[2], x - w / 2.0, y + h * 0.5, w, h);
      /* A region's name keeps clear of the chefs-lieux; a country's, of every dot. */
      chosen = choose_box (boxes, G_N_ELEMENTS (boxes), taken, dots, NULL, kind == DOSSIER_MAP_LABEL_REGION ? 1 : 3,
                           avoid, width, height, &hides);
      if (chosen != NULL)
        place_label (self, placed, taken, layout, kind == DOSSIER_MAP_LABEL_REGION ? &region_ink : &country_ink,
                     chosen, kind);
    }
}

/**
 * dossier_basemap_layer_append_labels:
 * @self: a #DossierBasemapLayer
 * @snapshot: where to draw, over everything else of the map
 * @view: what the map shows
 * @covered: (nullable) (element-type graphene_rect_t): what names must not go under, such
 *   as the buttons over the map
 * @avoid: (nullable) (element-type graphene_rect_t): what names should rather not cover,
 *   such as the incidents' marks; a name covers one only when it has no other free spot
 *
 * Draws the names of places, regions and countries, each with a light halo so that it
 * stays readable over whatever is under it, none over another or over another's dot.
 * dossier_basemap_layer_get_labels() then tells what was drawn where.
 */
void
dossier_basemap_layer_append_labels (DossierBasemapLayer  *self,
                                     GtkSnapshot          *snapshot,
                                     const DossierMapView *view,
                                     GArray               *covered,
                                     GArray               *avoid)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GArray) dots = g_array_new (FALSE, FALSE, sizeof (Dot));
  /* Names and dots follow the tiles' whole levels: a place has its name when it has its dot. */
  double level = round (view->zoom), scale, dx, dy;
  int width = view->width, height = view->height;
  cairo_t *cr;

  g_return_if_fail (DOSSIER_IS_BASEMAP_LAYER (self));

  g_array_set_size (self->labels, 0);
  self->n_labels = 0;
  if (width <= 0 || height <= 0)
    return;
  if (covered != NULL)
    g_array_append_vals (taken, covered->data, covered->len);
  dossier_map_view_transform (view, &scale, &dx, &dy);

  /* The dots shown, in the order of places[]. */
  for (guint i = 0; i < self->places->len; i++)
    {
      Place *place = &g_array_index (self->places, Place, i);
      double x = place->x * scale + dx, y = place->y * scale + dy, r = place_radius (place) + 1;
      Dot dot = { .rank = place->rank };

      if (level < place_min_zoom (place) || x < -8 || y < -8 || x > width + 8 || y > height + 8)
        continue;
      graphene_rect_init (&dot.box, x - r, y - r, 2 * r, 2 * r);
      g_array_append_val (dots, dot);
    }

  place_town_names (self, placed, taken, dots, avoid, 1, level, scale, dx, dy, width, height);
  /* The regions' names between whole Mali and the cercles' towns. */
  if (level >= 4 && level <= 9)
    place_area_names (self, placed, taken, dots, avoid, DOSSIER_MAP_LABEL_REGION, scale, dx, dy, width, height);
  place_town_names (self, placed, taken, dots, avoid, 2, level, scale, dx, dy, width, height);
  place_town_names (self, placed, taken, dots, avoid, 3, level, scale, dx, dy, width, height);
  if (level <= 7)
    place_area_names (self, placed, taken, dots, avoid, DOSSIER_MAP_LABEL_COUNTRY, scale, dx, dy, width, height);
  self->n_labels = placed->len;
  if (placed->len == 0)
    return;

  /* The halos first, as lines (kept as lines in SVG and PDF, where the names stay text),
   * then the names. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 3);
  set_ink (cr, DOSSIER_MAP_INK_HALO);
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);

      cairo_move_to (cr, p->box.origin.x + 1, p->box.origin.y);
      pango_cairo_layout_path (cr, p->layout);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (p->box.origin.x + 1, p->box.origin.y));
      gtk_snapshot_append_layout (snapshot, p->layout, &p->ink);
      gtk_snapshot_restore (snapshot);
    }
}

/**
 * dossier_basemap_layer_get_labels:
 * @self: a #DossierBasemapLayer
 *
 * Returns: (transfer none) (element-type DossierMapLabel): the names drawn by the last
 *   dossier_basemap_layer_append_labels(), with their boxes in the view's pixels
 */
GArray *
dossier_basemap_layer_get_labels (DossierBasemapLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_BASEMAP_LAYER (self), NULL);
  return self->labels;
}

static guint64
tile_key (int z,
          int x,
          int y)
{
  return ((guint64) z << 56) | ((guint64) x << 28) | (guint64) y;
}

static cairo_surface_t *
render_tile (DossierBasemapLayer *self,
             int                  z,
             int                  x,
             int                  y)
{
  double scale = 256 * pow (2, z), margin = 4 / scale;
  double view[4] = { x * TILE_SIZE / scale - margin, y * TILE_SIZE / scale - margin,
                     (x + 1) * TILE_SIZE / scale + margin, (y + 1) * TILE_SIZE / scale + margin };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_SIZE, TILE_SIZE);
  cairo_t *cr = cairo_create (surface);
  Tile *tile;

  draw_shapes (self, cr, z, scale, -x * TILE_SIZE, -y * TILE_SIZE, view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  tile = g_new0 (Tile, 1);
  tile->surface = surface;
  tile->used = self->frame;
  g_hash_table_insert (self->tiles, g_memdup2 ((guint64[]) { tile_key (z, x, y) }, sizeof (guint64)), tile);
  return surface;
}

static cairo_surface_t *
cached_tile (DossierBasemapLayer *self,
             int                  z,
             int                  x,
             int                  y)
{
  guint64 key = tile_key (z, x, y);
  Tile *tile = g_hash_table_lookup (self->tiles, &key);

  if (tile == NULL)
    return NULL;
  tile->used = self->frame;
  return tile->surface;
}

/* Keeps the tiles used last, up to MAX_TILES. */
static void
trim_tiles (DossierBasemapLayer *self)
{
  while (g_hash_table_size (self->tiles) > MAX_TILES)
    {
      GHashTableIter iter;
      gpointer key, value, oldest = NULL;
      guint64 oldest_used = G_MAXUINT64;

      g_hash_table_iter_init (&iter, self->tiles);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (((Tile *) value)->used < oldest_used)
          {
            oldest_used = ((Tile *) value)->used;
            oldest = key;
          }
      g_hash_table_remove (self->tiles, oldest);
    }
}

static gboolean
refill (gpointer data)
{
  DossierBasemapLayer *self = data;

  self->refill_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* The screen is tiled at the nearest whole zoom level; tiles are drawn once and kept as
 * images, so that panning and zooming only copy pixels. (Cairo surfaces rather than
 * textures: GTK 4.8's cairo renderer converts a texture's every pixel on every frame.) A frame draws new tiles for TILE_BUDGET_US at most; beyond that, the tile of
 * the level above stands in, scaled, and the missing ones are drawn in the next frames. */
static void
append_tiles (DossierBasemapLayer *self,
              GtkSnapshot         *snapshot,
              double               zoom,
              double               scale,
              double               dx,
              double               dy,
              int                  width,
              int                  height)
{
  int z = CLAMP ((int) round (zoom), 0, 20);
  double tile_scale = 256 * pow (2, z), f = scale / tile_scale;
  int n = (int) (tile_scale / TILE_SIZE);
  int x0 = MAX (0, (int) floor (-dx / f / TILE_SIZE)), x1 = MIN (n - 1, (int) floor ((width - dx) / f / TILE_SIZE));
  int y0 = MAX (0, (int) floor (-dy / f / TILE_SIZE)), y1 = MIN (n - 1, (int) floor ((height - dy) / f / TILE_SIZE));
  gint64 deadline = g_get_monotonic_time () + TILE_BUDGET_US;
  gboolean first = g_hash_table_size (self->tiles) == 0;
  gboolean missing = FALSE;
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  self->frame++;
  set_ink (cr, DOSSIER_MAP_INK_SEA);
  cairo_paint (cr);
  for (int y = y0; y <= y1; y++)
    for (int x = x0; x <= x1; x++)
      {
        /* Edges rounded to whole pixels, shared by neighbours: no seams. */
        double left = round (x * TILE_SIZE * f + dx), right = round ((x + 1) * TILE_SIZE * f + dx);
        double top = round (y * TILE_SIZE * f + dy), bottom = round ((y + 1) * TILE_SIZE * f + dy);
        cairo_surface_t *surface = cached_tile (self, z, x, y);
        int tx = x, ty = y, level = z;

        if (surface == NULL && (first || g_get_monotonic_time () < deadline))
          surface = render_tile (self, z, x, y);
        if (surface == NULL)
          {
            missing = TRUE;
            if (z == 0 || (surface = cached_tile (self, z - 1, x / 2, y / 2)) == NULL)
              continue;
            tx = x / 2, ty = y / 2, level = z - 1;
          }
        cairo_save (cr);
        cairo_rectangle (cr, left, top, right - left, bottom - top);
        cairo_clip (cr);
        if (level == z)
          {
            cairo_translate (cr, left, top);
            cairo_scale (cr, (right - left) / TILE_SIZE, (bottom - top) / TILE_SIZE);
          }
        else
          {
            cairo_translate (cr, tx * 2 * TILE_SIZE * f + dx, ty * 2 * TILE_SIZE * f + dy);
            cairo_scale (cr, 2 * f, 2 * f);
          }
        cairo_set_source_surface (cr, surface, 0, 0);
        /* Bilinear: the tiles are never more than √2 away from their own scale. */
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
        cairo_paint (cr);
        cairo_restore (cr);
      }
  cairo_destroy (cr);
  trim_tiles (self);
  if (missing && self->refill_id == 0)
    self->refill_id = g_idle_add (refill, self);
}

/**
 * dossier_basemap_layer_append_view:
 * @self: a #DossierBasemapLayer
 * @snapshot: where to draw
 * @view: what to draw, whatever the layer's viewport shows
 *
 * Draws the basemap of @view as lines, for a figure: at the view's own zoom, sharp at any
 * size, and kept as vectors in SVG and PDF. The names come over the incidents, from
 * dossier_basemap_layer_append_labels().
 */
void
dossier_basemap_layer_append_view (DossierBasemapLayer  *self,
                                   GtkSnapshot          *snapshot,
                                   const DossierMapView *view)
{
  double scale, dx, dy, area[4];
  cairo_t *cr;

  g_return_if_fail (DOSSIER_IS_BASEMAP_LAYER (self));

  if (view->width <= 0 || view->height <= 0)
    return;
  dossier_map_view_transform (view, &scale, &dx, &dy);
  area[0] = -dx / scale;
  area[1] = -dy / scale;
  area[2] = (view->width - dx) / scale;
  area[3] = (view->height - dy) / scale;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, view->width, view->height));
  draw_shapes (self, cr, view->zoom, scale, dx, dy, area);
  cairo_destroy (cr);
}

static void
dossier_basemap_layer_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  DossierBasemapLayer *self = DOSSIER_BASEMAP_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  DossierMapView view = { 0 };
  double scale, dx, dy;

  if (viewport == NULL || gtk_widget_get_width (widget) <= 0 || gtk_widget_get_height (widget) <= 0)
    return;
  view.latitude = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  view.longitude = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  view.zoom = shumate_viewport_get_zoom_level (viewport);
  view.width = gtk_widget_get_width (widget);
  view.height = gtk_widget_get_height (widget);

  dossier_map_view_transform (&view, &scale, &dx, &dy);
  append_tiles (self, snapshot, view.zoom, scale, dx, dy, view.width, view.height);
}

static void
dossier_basemap_layer_finalize (GObject *object)
{
  DossierBasemapLayer *self = DOSSIER_BASEMAP_LAYER (object);

  g_clear_pointer (&self->shapes, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_array_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_array_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_handle_id (&self->refill_id, g_source_remove);
  g_clear_pointer (&self->lang, g_free);

  G_OBJECT_CLASS (dossier_basemap_layer_parent_class)->finalize (object);
}

static void
dossier_basemap_layer_class_init (DossierBasemapLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_basemap_layer_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = dossier_basemap_layer_snapshot;
}

static void
dossier_basemap_layer_init (DossierBasemapLayer *self)
{
  self->shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) shape_free);
  self->places = g_array_new (FALSE, TRUE, sizeof (Place));
  g_array_set_clear_func (self->places, place_clear);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->labels = g_array_new (FALSE, FALSE, sizeof (DossierMapLabel));
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) tile_free);
}

static void
on_viewport_changed (DossierBasemapLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * dossier_basemap_layer_new:
 * @viewport: the map's viewport
 * @lang: "fr" or "en", for the countries' names
 *
 * Returns: (transfer full): the basemap, read from the program's resources
 */
DossierBasemapLayer *
dossier_basemap_layer_new (ShumateViewport *viewport,
                           const char      *lang)
{
  DossierBasemapLayer *self = g_object_new (DOSSIER_TYPE_BASEMAP_LAYER, "viewport", viewport, NULL);

  self->lang = g_strdup (lang);
  load_shapes (self, "countries.geojson", SHAPE_COUNTRY);
  load_shapes (self, "mali-regions.geojson", SHAPE_REGION);
  load_shapes (self, "hydro.geojson", SHAPE_RIVER);
  load_places (self);
  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  return self;
}

guint
dossier_basemap_layer_get_n_shapes (DossierBasemapLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_BASEMAP_LAYER (self), 0);
  return self->shapes->len;
}

guint
dossier_basemap_layer_get_n_places (DossierBasemapLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_BASEMAP_LAYER (self), 0);
  return self->places->len;
}

/* The names drawn by the last dossier_basemap_layer_append_labels(), after leaving out
 * those that had no free spot. */
guint
dossier_basemap_layer_get_n_labels (DossierBasemapLayer *self)
{
  g_return_val_if_fail (DOSSIER_IS_BASEMAP_LAYER (self), 0);
  return self->n_labels;
}
